"""Course content: every chapter has its teaching frame; the glossary is complete and used."""

from __future__ import annotations

import re

import pytest
from conftest import CHAPTERS, ROOT

FRAME = ["## 学习目标", "## 本章要点", "## 自测", "## 练习与案例"]
TERM_ROLE = re.compile(r"\{term\}`(?:[^`<]*<([^`>]+)>|([^`]+))`")
CJK = re.compile(r"[\u3400-\u9fff]")


def glossary_terms() -> list[str]:
    text = (ROOT / "book" / "glossary.md").read_text(encoding="utf-8")
    block = text.split("```{glossary}", 1)[1].split("```", 1)[0]
    return [line.strip() for line in block.splitlines() if line and not line.startswith((" ", ":"))]


def course_pages() -> list:
    return sorted((ROOT / "book").glob("*.md")) + sorted((ROOT / "cases").rglob("*.md"))


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_has_objectives_takeaways_self_check_and_practice(chapter):
    text = (ROOT / "book" / f"{chapter}.md").read_text(encoding="utf-8")
    positions = [text.find(heading + "\n") for heading in FRAME]
    assert all(p >= 0 for p in positions), f"{chapter}: missing one of {FRAME}"
    assert positions == sorted(positions), f"{chapter}: sections out of order"
    assert f"```{{self-check}} {chapter}" in text, "the self-check section places the chapter's bank"
    assert len(CJK.findall(text)) >= 3000, f"{chapter}: under 3,000 Chinese characters"


def test_every_glossary_term_is_defined_once():
    terms = glossary_terms()
    assert len(terms) >= 50
    assert len(terms) == len(set(terms)), "a term is defined twice"


def test_every_glossary_term_is_used_and_every_used_term_exists():
    terms = set(glossary_terms())
    used = set()
    for page in course_pages():
        if page.name == "glossary.md":
            continue
        for explicit, plain in TERM_ROLE.findall(page.read_text(encoding="utf-8")):
            used.add((explicit or plain).strip())
    assert not used - terms, f"term roles naming no glossary term: {sorted(used - terms)}"
    assert not terms - used, f"glossary terms no page links to: {sorted(terms - used)}"
