"""What the Moodle export needs of the course besides the banks, read from the sources (no
build needed): the chapters in reading order with their titles, and each case's situation
and tasks (and, for the trainer export, its grading guide and model answers) as HTML.

Case pages are MyST Markdown; the sections exported here use only plain Markdown, roles
(``{term}`…```, ``{ref}`text <target>```) and admonitions, so they are rendered with
markdown-it (which MyST itself is built on) after the roles are reduced to their text: on
a learning platform a link into the site leads nowhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from markdown_it import MarkdownIt

from tools.cases.model import ANSWERS, GRADING, SITUATION, TASKS, Case, book_chapters, load_cases
from tools.data.textfile import read_text
from tools.data.yamlfile import DataError, load

_LABEL = re.compile(r"^\(([\w.-]+)\)=\s*$")
_ROLE = re.compile(r"\{([\w:.-]+)\}`([^`]*)`")
_OPTION = re.compile(r"^:[\w-]+:(\s.*)?$")  # a directive's option line (`:class: course-analysis`)
_EXPLICIT = re.compile(r"^(.*?)\s*<[^<>]*>$", re.S)
_FENCE = re.compile(r"^:{3,}\{(\w+)\}\s*(.*)$")
_MARKDOWN = MarkdownIt("commonmark").enable("table")


@dataclass(frozen=True)
class Chapter:
    number: int
    name: str  # the page's file name, which is the bank's `chapter`
    title: str


@dataclass(frozen=True)
class CaseText:
    case: Case
    situation: str  # HTML
    tasks: str  # HTML
    grading: str = ""  # HTML, trainer export only
    answers: str = ""  # HTML, trainer export only


def chapters(source: Path) -> list[Chapter]:
    """The numbered chapters of ``_toc.yml``, in order, each with its page's ``# `` title."""
    toc = load(source / "_toc.yml")
    numbered = [part for part in toc.get("parts", []) if part.get("numbered")]
    found = []
    for part in numbered:
        for entry in part.get("chapters", []):
            page = source / f"{entry['file']}.md"
            title = next((line[2:].strip() for line in read_text(page).splitlines() if line.startswith("# ")), "")
            if not title:
                raise DataError(page, 1, "a chapter page needs a `# ` title")
            found.append(Chapter(len(found) + 1, page.stem, title))
    return found


def _plain_roles(text: str, titles: dict[str, str] | None = None) -> str:
    """Roles as their text: the explicit text where there is one; a bare {doc} link as the
    page's title in quotes (never its path, which means nothing outside the site)."""

    def text_of(match: re.Match[str]) -> str:
        explicit = _EXPLICIT.match(match.group(2))
        if explicit:
            return explicit.group(1)
        if match.group(1) == "doc":
            target = match.group(2).strip()
            return f"“{(titles or {}).get(target.lstrip('/'), target.rsplit('/', 1)[-1])}”"
        return match.group(2)

    return _ROLE.sub(text_of, text)


def page_titles(source: Path) -> dict[str, str]:
    """``book/<page>`` -> the page's ``# `` title, for {doc} links without text."""
    found = {}
    for page in sorted((source / "book").glob("*.md")):
        title = next((line[2:].strip() for line in read_text(page).splitlines() if line.startswith("# ")), "")
        found[f"book/{page.stem}"] = _plain_roles(title)
    return found


def section(path: Path, label: str) -> tuple[str, str]:
    """The heading and the Markdown body of the section labelled ``label`` (up to the next
    heading of the same or a higher level)."""
    lines = read_text(path).splitlines()
    for index, line in enumerate(lines):
        match = _LABEL.match(line)
        if match and match.group(1) == label and index + 1 < len(lines) and lines[index + 1].startswith("#"):
            heading = lines[index + 1]
            level = len(heading) - len(heading.lstrip("#"))
            body = []
            for rest in lines[index + 2 :]:
                if rest.startswith("#") and len(rest) - len(rest.lstrip("#")) <= level:
                    break
                body.append(rest)
            while body and _LABEL.match(body[-1] or "-"):  # the next section's label
                body.pop()
            return heading.lstrip("#").strip(), "\n".join(body).strip()
    raise DataError(path, 1, f"no section labelled `{label}` (a `({label})=` line before a heading)")


def to_html(markdown: str, titles: dict[str, str] | None = None) -> str:
    """A section's Markdown as HTML: roles as their text, an admonition as a titled block
    (its option lines, such as ``:class:``, dropped)."""
    lines = []
    options = False  # right after a fence's opening line: its options come first
    for line in markdown.splitlines():
        fence = _FENCE.match(line)
        if fence:
            lines.append(f"**{fence.group(2)}**\n" if fence.group(2) else "")
            options = True
            continue
        if options and _OPTION.match(line):
            continue
        options = False
        if re.fullmatch(r":{3,}\s*", line) or _LABEL.match(line):
            lines.append("")
        else:
            lines.append(line)
    return _MARKDOWN.render(_plain_roles("\n".join(lines), titles)).strip()


def case_texts(source: Path, trainer: bool) -> list[CaseText]:
    """Every case in the order of ``_toc.yml``; with ``trainer``, its notes' grading guide
    and model answers too (the learner export never opens ``cases/notes/``)."""
    cases = {case.id: case for case in load_cases(source / "cases", book_chapters(source))}
    toc = (source / "_toc.yml").read_text(encoding="utf-8")
    order = [name for name in re.findall(r"file:\s*cases/([\w-]+)", toc) if name in cases]
    order += sorted(set(cases) - set(order))
    titles = page_titles(source)
    texts = []
    for case_id in order:
        case = cases[case_id]
        parts = {}
        for key, label in (("situation", SITUATION), ("tasks", TASKS)):
            heading, body = section(case.path, label.format(id=case.id))
            parts[key] = f"<h3>{escape(heading)}</h3>{to_html(body, titles)}"
        if trainer:
            for key, label in (("grading", GRADING), ("answers", ANSWERS)):
                parts[key] = to_html(section(case.notes_path, label.format(id=case.id))[1], titles)
        texts.append(CaseText(case, **parts))
    return texts
