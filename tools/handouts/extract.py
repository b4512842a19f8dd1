"""Cut case material out of an HTML build, ready for paper.

Pages are read with the book PDF's own loader (``tools.pdf.assemble.load_chapter``), so a
handout shows exactly what the site shows, with screen-only parts already gone. Sections
are found by the labels ``tools.cases.model`` requires of every case and notes page. Links
lead nowhere on a loose sheet, so they become plain text; images are embedded, so the
handout's HTML file stands alone.
"""

from __future__ import annotations

import base64
import mimetypes
import re
from functools import lru_cache
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from tools.cases.model import ANSWERS, GRADING, NOTES_DIR, SITUATION, TASKS, Case
from tools.pdf.assemble import anchor_for, load_chapter, read_page

TRAINER_ONLY = ".course-trainer-link"  # the trainer edition's links between case and notes


class MissingPage(Exception):
    """The HTML build lacks a page or section the handout needs."""


class MissingSection(MissingPage):
    """A page of the build lacks a labelled section: its source needs the label, not a rebuild."""


def case_url(case: Case) -> str:
    return f"cases/{case.id}.html"


def notes_url(case: Case) -> str:
    return f"cases/{NOTES_DIR}/{case.id}.html"


def _page(html_root: Path, url: str) -> Path:
    path = html_root / url
    if not path.is_file():
        raise MissingPage(f"{html_root}: no page {url}")
    return path


def _article(html_root: Path, url: str) -> Tag:
    _page(html_root, url)
    article = load_chapter(html_root, url, "").body
    for node in article.select(TRAINER_ONLY):
        node.decompose()
    _for_paper(article, html_root)
    return article


def _for_paper(node: Tag, html_root: Path) -> None:
    for link in node.find_all("a", href=True):
        if link["href"].startswith("#"):  # a link into the site: no target on a loose sheet
            link.unwrap()
    for img in node.find_all("img", src=True):
        if img["src"].startswith("data:"):
            continue
        path = html_root / img["src"]
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        img["src"] = f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _sections(html_root: Path, url: str, labels: list[str]) -> list[Tag]:
    article = _article(html_root, url)
    found = []
    for label in labels:
        section = article.find(id=anchor_for(url, label))
        if section is None:
            raise MissingSection(
                f"{html_root / url}: no section labelled `{label}`; its source page needs `({label})=` on the line "
                "before a heading, outside any code block, and then a new build"
            )
        found.append(section)
    return found


def title(html_root: Path, url: str) -> str:
    """A page's heading as the site shows it (with its chapter number, if any)."""
    return _page_title(html_root.resolve(), url)


@lru_cache(maxsize=64)
def _page_title(html_root: Path, url: str) -> str:
    path = _page(html_root, url)
    heading = BeautifulSoup(read_page(path), "html.parser").select_one("article h1")
    if heading is None:
        raise MissingPage(f"{path}: no heading")
    for node in heading.select("a.headerlink"):
        node.decompose()
    return " ".join(heading.get_text().split())


def case_sections(html_root: Path, case: Case) -> list[Tag]:
    """The situation and the tasks: what learners get on paper."""
    return _sections(html_root, case_url(case), [SITUATION.format(id=case.id), TASKS.format(id=case.id)])


def notes_sections(html_root: Path, case: Case) -> list[Tag]:
    """Model answers and grading guide from the teaching notes (trainer edition only)."""
    return _sections(html_root, notes_url(case), [ANSWERS.format(id=case.id), GRADING.format(id=case.id)])


def notes_body(html_root: Path, case: Case) -> list[Tag]:
    """Everything in the teaching notes below the page title."""
    article = _article(html_root, notes_url(case))
    top = article.find("section")
    if top is None:
        raise MissingPage(f"{html_root / notes_url(case)}: no content")
    return [child for child in top.find_all(recursive=False) if isinstance(child, Tag) and child.name != "h1"]


def demote(node: Tag) -> Tag:
    """Headings one level down, for a case placed under a heading of its own."""
    for level in range(5, 0, -1):
        for heading in node.find_all(f"h{level}"):
            heading.name = f"h{level + 1}"
    return node


def language(html_root: Path, url: str) -> str:
    """The build's language as its pages declare it (``zh-CN``)."""
    found = re.search(r"<html[^>]*\slang=\"([^\"]+)\"", read_page(_page(html_root, url))[:4000])
    return found.group(1) if found else "zh-CN"


WORKSHEETS = ("account-review", "opportunity", "account-plan")


def worksheet_url(key: str) -> str:
    return f"book/worksheets/{key}.html"


def worksheet_body(html_root: Path, key: str) -> Tag:
    """A worksheet page's sheet for paper: its tables and their lines, without the worked
    examples (filled in, they are no form) or what only the screen shows."""
    article = _article(html_root, worksheet_url(key))
    section = article.select_one("section[id^='worksheet-']") or article
    for node in section.select("section[id*='example'], section[id*='week1'], .only-screen, a.headerlink"):
        node.decompose()
    heading = section.find("h1")
    if heading is not None:
        heading.decompose()  # the sheet's own heading block says it
    return section
