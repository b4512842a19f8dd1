"""Assignments: chosen cases and self-check items on a sheet for learners, and the matching
answer key for the trainer.

The learners' sheet has each case's situation and tasks and the items in the static form
the site prints (``tools/exercises/render.py``), numbered through; nothing on it gives an
answer away. The key has the site's own answer key for those items (the answer and why
each option is right or wrong) and, for each case, the model answers and grading guide
from its teaching notes; so an assignment with cases is cut from a trainer build.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from pathlib import Path

from bs4 import BeautifulSoup

from tools.cases.model import CASE_POINTS, Case
from tools.cases.strings import DEFAULT_LANGUAGE, strings
from tools.exercises.model import Bank, Item
from tools.exercises.render import bank_html
from tools.exercises.shuffle import order
from tools.pdf.assemble import SCREEN_ONLY

from . import extract
from .document import sheet
from .sheets import Sheet, case_meta

HANDOUT, KEY = "assignment", "answer-key"
FORMS = "AB"  # --versions N gives the first N forms; A keeps the site's own option order

# Points: one for an item with one right answer (single choice, true/false), two where the
# learner must get several things right (multiple choice, ordering, matching), and a case
# what the kits' scoring sheets give it (CASE_POINTS, 20).
CASE_LINES = 28  # ruled lines under a case's tasks: space for a 20-point answer
WRITE_IN_LINES = 2


def points(item: Item) -> int:
    return 2 if item.multiple or item.type in ("ordering", "matching") else 1


def form_item(item: Item, form: str) -> Item:
    """The item as form ``form`` shows it: form A as the site does; any other form reorders
    a choice item's options with the site's seeded shuffle, salted with the form, so each
    form is the same on every run. The model checks the letters from the options, so the
    key of each form follows."""
    if form == FORMS[0] or not item.options:
        return item
    shown = order(f"{item.id}#form-{form}", len(item.options))
    if shown == sorted(shown):  # the same order as form A would defeat the point of a form
        shown = shown[1:] + shown[:1]
    return replace(item, options=tuple(item.options[i] for i in shown))


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


def _lines(soup: BeautifulSoup, count: int):
    box = soup.new_tag("div", attrs={"class": "sheet-answer-lines"})
    for _ in range(count):
        box.append(soup.new_tag("div", attrs={"class": "sheet-line"}))
    return box


def _box(soup: BeautifulSoup, label: str = ""):
    mark = soup.new_tag("span", attrs={"class": "sheet-box"})
    mark.string = "☐"
    return [mark, f" {label}" if label else " "]


def _answer_space(soup: BeautifulSoup, question, item: Item, text: dict[str, str]) -> None:
    """Boxes before choices, 对/错 boxes, lines to write an order or pairs in, the points."""
    meta = question.select_one(".course-quiz-meta")
    meta.append(f" · {text['points'].format(points=points(item))}")
    static = question.select_one(".course-quiz-static")
    for option in question.select("ol.course-quiz-options > li"):
        for node in reversed(_box(soup)):
            option.insert(0, node)
    if item.type == "truefalse":
        verdict = soup.new_tag("p", attrs={"class": "sheet-verdict"})
        verdict.extend([*_box(soup, text["true"]), "\u3000", *_box(soup, text["false"])])
        static.append(verdict)
    elif item.type in ("ordering", "matching"):
        label = soup.new_tag("p", attrs={"class": "sheet-answer-label"})
        label.string = text["your_order" if item.type == "ordering" else "your_pairs"]
        static.extend([label, _lines(soup, WRITE_IN_LINES)])


def _items(items: list[Item], title: str, text: dict[str, str]) -> tuple[list[str], str, list[str]]:
    """The items' static form (answers and page data removed, answer space added), their
    answer key, and each item's answer in brief, for the grid."""
    block = bank_html(Bank(chapter=HANDOUT, path=Path(HANDOUT), items=items), items, title, {})
    soup = BeautifulSoup(block, "html.parser")
    questions = soup.select(".course-quiz-item")
    for question, item in zip(questions, items, strict=True):
        for node in question.select(SCREEN_ONLY):  # the page data carries the answers
            node.decompose()
        _answer_space(soup, question, item, text)
    key = soup.select_one("dl.course-answer-list")
    # The brief answer is the first line of the item's entry in the site's key ("答案：B",
    # "正确顺序：d → e → a"), so the grid can never disagree with the explanations after it.
    briefs = [dd.find("p").get_text().split("：", 1)[-1] for dd in key.find_all("dd", recursive=False)]
    return [str(q) for q in questions], str(key), briefs


def _grid(rows: list[tuple[str, str, str, int]], total: int, text: dict[str, str]) -> str:
    """One table, question by question, to mark a pile of sheets without turning pages."""
    head = "".join(f"<th>{escape(text[k])}</th>" for k in ("grid_number", "grid_item", "grid_answer", "grid_points"))
    body = "".join(
        f"<tr><td>{escape(n)}</td><td>{escape(what)}</td><td>{escape(answer)}</td><td>{p}</td></tr>"
        for n, what, answer, p in rows
    )
    foot = f'<tr class="sheet-grid-total"><td colspan="3">{escape(text["grid_total"])}</td><td>{total}</td></tr>'
    table = f'<table class="sheet-grid"><thead><tr>{head}</tr></thead><tbody>{body}{foot}</tbody></table>'
    return _part(text["grid"], [f'<p class="sheet-case-meta">{escape(text["total"].format(points=total))}</p>', table])


def _part(heading: str, body: list[str], classes: str = "sheet-part") -> str:
    return f'<section class="{classes}"><h2>{escape(heading)}</h2>{"".join(body)}</section>'


def _case_part(html_root: Path, case: Case, text: dict[str, str]) -> str:
    facts = [*case_meta(html_root, case, text), text["points"].format(points=CASE_POINTS)]
    meta = f'<p class="sheet-case-meta">{escape(" · ".join(facts))}</p>'
    sections = [str(extract.demote(s)) for s in extract.case_sections(html_root, case)]
    lines = "".join('<div class="sheet-line"></div>' for _ in range(CASE_LINES))
    space = f'<h3>{escape(text["case_answer"])}</h3><div class="sheet-answer-lines">{lines}</div>'
    return _part(extract.title(html_root, extract.case_url(case)), [meta, *sections, space], "sheet-part sheet-case")


def _notes_part(html_root: Path, case: Case, text: dict[str, str]) -> str:
    source = f'<p class="sheet-case-meta">{escape(text["model_answers_from"])}</p>'
    sections = [str(extract.demote(s)) for s in extract.notes_sections(html_root, case)]
    return _part(text["model_answers"].format(title=case.title), [source, *sections], "sheet-part sheet-case")


def build(html_root: Path | None, cases: list[Case], items: list[Item], title: str, versions: int = 1) -> list[Sheet]:
    """The learners' sheet and the answer key; with ``versions`` > 1, a sheet and a key per
    form (``assignment-A``, ``answer-key-A``, …). ``html_root`` is a trainer build; it may
    be None for an assignment of items only."""
    if cases and html_root is None:
        raise extract.MissingPage("an assignment with cases needs an HTML build of the trainer edition")
    lang = extract.language(html_root, extract.case_url(cases[0])) if cases else DEFAULT_LANGUAGE.replace("_", "-")
    text = strings(lang)
    case_parts = [_case_part(html_root, case, text) for case in cases]
    notes_parts = [_notes_part(html_root, case, text) for case in cases]
    forms = [None] if versions == 1 else list(FORMS[:versions])
    out: list[Sheet] = []
    for form in forms:
        shown = [form_item(item, form or FORMS[0]) for item in items]
        handout_parts, key_parts = list(case_parts), list(notes_parts)
        rows = [(case.id, case.title, text["grid_case"], CASE_POINTS) for case in cases]
        if shown:
            questions, key, briefs = _items(shown, title, text)
            handout_parts.append(_part(text["items_part"].format(count=len(shown)), questions))
            key_parts.append(_part(text["items_key"].format(count=len(shown)), [key]))
            numbered = enumerate(zip(shown, briefs, strict=True), 1)
            rows += [(str(n), item.id, brief, points(item)) for n, (item, brief) in numbered]
        total = sum(row[3] for row in rows)
        meta = [text["cases_count"].format(count=len(cases)), text["items_count"].format(count=len(items))]
        meta.append(text["total"].format(points=total))
        if form:
            meta.insert(0, text["form"].format(form=form))
        common = {"meta": meta, "page_format": text["page"], "lang": lang}
        suffix = f" · {text['form'].format(form=form)}" if form else ""
        learner = f"{text['course']} · {text['assignment']}{suffix}"
        trainer = f"{text['course']} · {text['answer_key']}{suffix} · {text['trainer_only']}"
        handout = sheet(
            title=title,
            kicker=learner,
            parts=handout_parts,
            footer=learner,
            name_line=f"{text['name_line']}  {text['score_line']}",
            classes="learner",
            **common,
        )
        answer_key = sheet(
            title=text["key_subtitle"].format(title=title),
            kicker=trainer,
            parts=[_grid(rows, total, text), *key_parts],
            footer=trainer,
            classes="trainer",
            **common,
        )
        name = f"-{form}" if form else ""
        out += [Sheet(HANDOUT + name, handout), Sheet(KEY + name, answer_key)]
    return out
