"""The strict build: it passes on the course, and fails clearly on broken input."""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import CHAPTERS, ROOT, copy_sources, jupyter_book_build

# Theme strings that Jupyter Book 1 leaves in English unless the course translates them.
ENGLISH_UI = [
    "Toggle primary sidebar",
    "Color mode",
    "System Settings",
    "Skip to main content",
    "Back to top",
    "Search this book",
    "Link to this heading",
    "© Copyright",
    "Contents",
    "previous page",
    "next page",
    "Print to PDF",
    "Download this page",
    "Fullscreen mode",
    "Section Navigation",
    "On this page",
    'aria-label="Main"',
    "By 关系销售",
]


def toc_files() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections"))
            walk(entry.get("chapters"))

    walk(toc.get("parts"))
    return files


def test_every_toc_page_is_built(site):
    for name in toc_files():
        assert (site / f"{name}.html").is_file(), name


def test_pages_are_chinese_first(pages):
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert '<html lang="zh-CN"' in html, path
        soup = BeautifulSoup(html, "html.parser")
        for node in soup(["script", "style"]):
            node.decompose()
        text = str(soup)
        for phrase in ENGLISH_UI:
            assert phrase not in text, f"{path.name}: English UI string {phrase!r}"


def test_title_logo_favicon_and_licence_footer(site):
    html = (site / "book" / "guide.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.title.get_text().endswith("关系销售")
    logo = soup.select_one("img.logo__image")
    assert logo and not logo["src"].startswith(("http", "//"))
    assert (site / "book" / logo["src"]).resolve().is_file()
    icon = soup.select_one('link[rel="icon"]')
    assert icon and (site / "book" / icon["href"]).resolve().is_file()
    assert "CC BY-SA 4.0" in soup.select_one("footer.bd-footer-content").get_text()


def test_no_buttons_pointing_nowhere(pages):
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for cls in ("repository-button", "edit-button", "issues-button", "launch-buttons", "binder-button"):
            assert not soup.select(f".{cls}"), f"{path.name}: {cls}"
        assert "binder" not in path.read_text(encoding="utf-8").lower(), path.name


def test_diagrams_are_local_images_with_alt_text(site):
    for name in CHAPTERS:
        soup = BeautifulSoup((site / "book" / f"{name}.html").read_text(encoding="utf-8"), "html.parser")
        diagrams = soup.select("div.graphviz img")
        assert diagrams, f"{name}: no diagram"
        for img in diagrams:
            assert img["alt"].strip(), f"{name}: diagram without alt text"
            assert (site / "book" / img["src"]).resolve().is_file()


@pytest.mark.slow
def test_broken_input_fails_the_build_with_a_clear_message(tmp_path):
    """A broken reference, a page missing from the TOC, a TOC entry with no file, a diagram
    without alt text, a malformed case file and a widget with an unknown example each fail
    the strict build, named."""
    src = copy_sources(tmp_path / "src")
    chapter = src / "book" / "kam-stages.md"
    chapter.write_text(
        chapter.read_text(encoding="utf-8")
        + "\n\n见 {ref}`no-such-label`。\n\n```{graphviz}\ndigraph { a -> b }\n```\n"
        + "\n```{relationship-map}\n:example: no-such-example\n```\n",
        encoding="utf-8",
    )
    (src / "book" / "orphan.md").write_text("# 孤立页面\n", encoding="utf-8")
    toc = src / "_toc.yml"
    toc.write_text(
        toc.read_text(encoding="utf-8").replace(
            "      - file: book/glossary\n", "      - file: book/glossary\n      - file: book/missing-page\n"
        ),
        encoding="utf-8",
    )
    case = src / "cases" / "pinacor.md"
    case.write_text(case.read_text(encoding="utf-8").replace("duration: 60", "duration: 一小时"), encoding="utf-8")

    result = jupyter_book_build(src, tmp_path / "out")
    log = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr)
    assert result.returncode != 0
    assert re.search(r"kam-stages\.md:\d+: WARNING: undefined label: 'no-such-label'", log), log[-3000:]
    assert re.search(r"orphan\.md: WARNING: document isn't included in any toctree", log), log[-3000:]
    assert "book/missing-page" in log and "nonexisting document" in log, log[-3000:]
    assert re.search(r"kam-stages\.md:\d+: WARNING: graphviz diagram has no :alt: text", log), log[-3000:]
    assert re.search(r"pinacor\.md:\d+: WARNING: .*`duration` must be minutes", log), log[-3000:]
    assert re.search(r"kam-stages\.md:\d+: WARNING: relationship-map: no example `no-such-example`", log), log[-3000:]
