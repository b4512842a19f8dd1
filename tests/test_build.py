"""The strict build: it passes on the course, and fails clearly on broken input."""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import CHAPTERS, ROOT

pytest_plugins = ["trainer_fixtures"]

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
def test_broken_input_fails_the_build_with_a_clear_message(broken_learner_build):
    """A broken reference, a page missing from the TOC, a TOC entry with no file, a diagram
    without alt text, a malformed case file, a case label hidden in a code block, a widget
    with an unknown example, a renamed label the widgets link to and the bank rules that
    were once only tested (ID prefix, section in its own chapter, a bank with no chapter)
    each fail the strict build, named to the file that has the fault; a case title with a
    backtick is no fault at all. The faults (tests/broken_sources.py) are carried by the
    run's one broken learner build."""
    log = broken_learner_build.log
    assert broken_learner_build.returncode != 0
    assert re.search(r"kam-stages\.md:\d+: WARNING: undefined label: 'no-such-label'", log), log[-3000:]
    assert re.search(r"orphan\.md: WARNING: document isn't included in any toctree", log), log[-3000:]
    assert "book/missing-page" in log and "nonexisting document" in log, log[-3000:]
    assert re.search(r"kam-stages\.md:\d+: WARNING: graphviz diagram has no :alt: text", log), log[-3000:]
    assert re.search(r"zhang-jin\.md:\d+: WARNING: .*`duration` must be minutes", log), log[-3000:]
    assert re.search(r"kam-stages\.md:\d+: WARNING: relationship-map: no example `no-such-example`", log), log[-3000:]
    assert re.search(
        r"rule-breaker\.md:\d+: WARNING: the page has no label `\(case-rule-breaker-tasks\)=` outside code", log
    ), log[-3000:]
    assert re.search(r"kam-stages\.yml:\d+: WARNING: pf-91: ID `pf-91` must start with `ks-`", log), log[-3000:]
    assert re.search(
        r"kam-stages\.yml:\d+: WARNING: pf-91: section `purchase-factors-two-levels` is a heading of "
        r"book/purchase-factors, not of this bank's chapter book/kam-stages",
        log,
    ), log[-3000:]
    assert re.search(r"no-such-chapter\.yml:1: WARNING: there is no chapter page book/no-such-chapter\.md", log)
    assert re.search(
        r"widgets/zh\.py:\d+: WARNING: widgets: link `pf-gap` names section label `purchase-factors-gap`, which no "
        r"page has \(renamed\?\) — did you mean `purchase-factors-gaps`\?",
        log,
    ), log[-3000:]
    assert "Traceback" not in log and "Extension error" not in log, log[-3000:]
    assert not re.search(r"cases/index\.md.*WARNING", log), "the backtick title is no markup"
    index = broken_learner_build.out / "html" / "cases" / "index.html"
    index = BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser")
    assert "小崔与`招待`费用 | *草稿*" in [t.get_text().strip() for t in index.select("article .sd-card-title")]
