"""Assignments: chosen cases and self-check items on a sheet for learners, and the matching
answer key for the trainer.

The learners' sheet has each case's situation and tasks and the items in the static form
the site prints (``tools/exercises/render.py``), numbered through; nothing on it gives an
answer away. The key has the site's own answer key for those items (the answer and why
each option is right or wrong) and, for each case, the model answers and grading guide
from its teaching notes; so an assignment with cases is cut from a trainer build.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from bs4 import BeautifulSoup

from tools.cases.model import Case
from tools.cases.strings import DEFAULT_LANGUAGE, strings
from tools.exercises.model import Bank, Item
from tools.exercises.render import bank_html
from tools.pdf.assemble import SCREEN_ONLY

from . import extract
from .document import sheet
from .sheets import Sheet, case_meta

HANDOUT, KEY = "assignment", "answer-key"


class SelectionError(Exception):
    """A case or item ID that does not exist; the message lists the ones that do."""


def pick_cases(wanted: list[str], cases: list[Case]) -> list[Case]:
    known = {case.id: case for case in cases}
    unknown = [name for name in wanted if name not in known]
    if unknown:
        raise SelectionError(f"no case {', '.join(unknown)}; the cases are: {', '.join(sorted(known))}")
    return [known[name] for name in dict.fromkeys(wanted)]


def pick_items(wanted: list[str], banks: dict[str, Bank]) -> list[Item]:
    known = {item.id: item for bank in banks.values() for item in bank.items}
    unknown = [name for name in wanted if name not in known]
    if unknown:
        listing = "\n".join(f"  {chapter}: {' '.join(i.id for i in bank.items)}" for chapter, bank in banks.items())
        raise SelectionError(f"no self-check item {', '.join(unknown)}; the items are, by bank:\n{listing}")
    return [known[name] for name in dict.fromkeys(wanted)]


def _items(items: list[Item], title: str) -> tuple[list[str], str]:
    """The items' static form (answers and page data removed) and their answer key."""
    block = bank_html(Bank(chapter=HANDOUT, path=Path(HANDOUT), items=items), items, title, {})
    soup = BeautifulSoup(block, "html.parser")
    questions = soup.select(".course-quiz-item")
    for question in questions:
        for node in question.select(SCREEN_ONLY):  # the page data carries the answers
            node.decompose()
    key = soup.select_one("dl.course-answer-list")
    return [str(q) for q in questions], str(key)


def _part(heading: str, body: list[str], classes: str = "sheet-part") -> str:
    return f'<section class="{classes}"><h2>{escape(heading)}</h2>{"".join(body)}</section>'


def _case_part(html_root: Path, case: Case, text: dict[str, str]) -> str:
    meta = f'<p class="sheet-case-meta">{escape(" · ".join(case_meta(html_root, case, text)))}</p>'
    sections = [str(extract.demote(s)) for s in extract.case_sections(html_root, case)]
    return _part(extract.title(html_root, extract.case_url(case)), [meta, *sections], "sheet-part sheet-case")


def _notes_part(html_root: Path, case: Case, text: dict[str, str]) -> str:
    source = f'<p class="sheet-case-meta">{escape(text["model_answers_from"])}</p>'
    sections = [str(extract.demote(s)) for s in extract.notes_sections(html_root, case)]
    return _part(text["model_answers"].format(title=case.title), [source, *sections], "sheet-part sheet-case")


def build(html_root: Path | None, cases: list[Case], items: list[Item], title: str) -> list[Sheet]:
    """The learners' sheet and the answer key. ``html_root`` is a trainer build; it may be
    None for an assignment of items only."""
    if cases and html_root is None:
        raise extract.MissingPage("an assignment with cases needs an HTML build of the trainer edition")
    lang = extract.language(html_root, extract.case_url(cases[0])) if cases else DEFAULT_LANGUAGE.replace("_", "-")
    text = strings(lang)
    handout_parts = [_case_part(html_root, case, text) for case in cases]
    key_parts = [_notes_part(html_root, case, text) for case in cases]
    if items:
        questions, key = _items(items, title)
        handout_parts.append(_part(text["items_part"].format(count=len(items)), questions))
        key_parts.append(_part(text["items_key"].format(count=len(items)), [key]))
    common = {
        "meta": [text["cases_count"].format(count=len(cases)), text["items_count"].format(count=len(items))],
        "page_format": text["page"],
        "lang": lang,
    }
    learner = f"{text['course']} · {text['assignment']}"
    trainer = f"{text['course']} · {text['answer_key']} · {text['trainer_only']}"
    handout = sheet(
        title=title, kicker=learner, parts=handout_parts, footer=learner, name_line=text["name_line"],
        classes="learner", **common,
    )
    answer_key = sheet(
        title=text["key_subtitle"].format(title=title), kicker=trainer, parts=key_parts, footer=trainer,
        classes="trainer", **common,
    )
    return [Sheet(HANDOUT, handout), Sheet(KEY, answer_key)]
