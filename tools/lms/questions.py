"""How the course's items and cases become Moodle questions: what both export formats share
(:mod:`tools.lms.moodle_xml`, :mod:`tools.lms.gift`). Pure functions, texts in, texts out.

Categories. Each chapter is a category named by its number and title (``第 1 章 大客户销售有
什么不同``), so Moodle, which lists sibling categories by name, shows them in chapter order.
Inside, one category per cognitive level (记忆, 理解, 应用, 分析) holds the chapter's items of
that level: these are the final test's pools (its blueprint is chapters × levels), so a quiz
draws "random questions" from ``第 1 章 …/理解``, or from a whole chapter with subcategories.
The case tasks are essay questions in ``案例``.

How the item types map:

- single, and scenario items with one answer: multiple choice, one answer; the right option
  gets 100 %, the others 0 %.
- multiple, and scenario items with ``multiple: true``: multiple choice, several answers; the
  right options share +100 % equally and the wrong ones share -100 % equally, each share the
  nearest grade Moodle accepts (three right: 33.33333). Ticking every box therefore scores 0.
- truefalse: true/false; each answer's feedback says whether it is right (``正确。``/``错误。``),
  and only the general feedback holds the explanation, so a learner reads it once.
- matching: matching, each left text a subquestion, its right text the answer.
- ordering: Moodle's ordering question (core since Moodle 4.4, a plugin before), the steps in
  their right order (Moodle shuffles them for each attempt). For older sites, and in GIFT
  (whose ordering syntax only the plugin reads), a matching question instead: each step a
  subquestion, its answer its position (``第 1 位`` …), listed in the course site's shuffled
  order so that the list never gives the answer away.

Item metadata become tags: chapter, learning objective, difficulty, level, basis, section.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from tools.exercises.model import LEVELS, Bank, Item
from tools.exercises.render import display_order

from . import zh
from .course import CaseText, Chapter

ORDERING, MATCHING = "ordering", "matching"  # how ordering items are exported (--ordering-as)

# The grades Moodle accepts for an answer, written as Moodle writes them (import refuses others).
GRADES = (
    "100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40", "33.33333",
    "30", "25", "20", "16.66667", "14.28571", "12.5", "11.11111", "10", "5", "0",
)  # fmt: skip


@dataclass(frozen=True)
class Placed:
    """An item with where it goes: its category and its tags."""

    item: Item
    category: str
    tags: tuple[str, ...]


def chapter_category(chapter: Chapter) -> str:
    return f"{zh.CATEGORY_ROOT}/{zh.CHAPTER_CATEGORY.format(number=chapter.number, title=chapter.title)}"


def cases_category() -> str:
    return f"{zh.CATEGORY_ROOT}/{zh.CASES_CATEGORY}"


def tags(item: Item, chapter: Chapter) -> tuple[str, ...]:
    found = [zh.TAG_CHAPTER.format(number=chapter.number)]
    if item.objective:
        found.append(zh.TAG_OBJECTIVE.format(chapter=chapter.number, objective=item.objective))
    if item.difficulty:
        found.append(zh.TAG_DIFFICULTY.format(difficulty=item.difficulty))
    return tuple(found + [tag for tag in (item.level, item.basis, item.section) if tag])


def placed(banks: list[Bank], chapters: list[Chapter]) -> list[tuple[str, list[Placed]]]:
    """The items grouped by category (chapter × level), chapters in reading order and levels
    from 记忆 to 分析. A bank whose chapter is not in the table of contents goes last, under
    its own name; an item with no level stays in its chapter's category."""
    known = {chapter.name: chapter for chapter in chapters}
    ordered = sorted(banks, key=lambda bank: known[bank.chapter].number if bank.chapter in known else len(known) + 1)
    groups = []
    for bank in ordered:
        chapter = known.get(bank.chapter) or Chapter(len(known) + 1, bank.chapter, bank.chapter)
        for level in ("", *LEVELS):
            items = [item for item in bank.items if (item.level if item.level in LEVELS else "") == level]
            if items:
                category = chapter_category(chapter) + (f"/{level}" if level else "")
                groups.append((category, [Placed(item, category, tags(item, chapter)) for item in items]))
    return groups


def share(count: int) -> str:
    """100 / ``count`` as the nearest grade Moodle accepts."""
    return min(GRADES, key=lambda grade: abs(float(grade) - 100 / count))


def fractions(item: Item) -> list[str]:
    """The grade (percent) of each option of a choice item."""
    if not item.multiple:
        return ["100" if option.correct else "0" for option in item.options]
    right = sum(option.correct for option in item.options)
    wrong = len(item.options) - right
    return [share(right) if option.correct else "-" + share(wrong) for option in item.options]


def qtype(item: Item, ordering_as: str = ORDERING) -> str:
    if item.is_choice:
        return "multichoice"
    if item.type == "ordering":
        return ordering_as
    return item.type  # truefalse, matching


def pairs(item: Item) -> list[tuple[str, str]]:
    """(subquestion, answer) of a matching item, or of an ordering item exported as matching."""
    if item.type == "ordering":
        return [(item.steps[i], zh.POSITION.format(number=i + 1)) for i in display_order(item, len(item.steps))]
    return [(pair.left, pair.right) for pair in item.pairs]


def html(text: str) -> str:
    """A plain text of a bank as an HTML fragment: escaped, line breaks as ``<br>``."""
    return escape(text, quote=False).replace("\n", "<br>")


def question_html(item: Item, ordering_as: str = ORDERING) -> str:
    scenario = f"<p>{html(item.scenario)}</p>" if item.scenario else ""
    note = f"<p>{zh.ORDERING_NOTE}</p>" if item.type == "ordering" and ordering_as == MATCHING else ""
    return f"{scenario}<p>{html(item.prompt)}</p>{note}"


def general_feedback_html(item: Item) -> str:
    if item.is_choice:
        right = "".join(
            f"<li>{html(option.text)}<br>{html(option.explanation)}</li>" for option in item.options if option.correct
        )
        return f"<p>{zh.RIGHT_ANSWERS}</p><ul>{right}</ul>"
    if item.type == "truefalse":
        return f"<p>{html(item.explanation)}</p>"
    if item.type == "ordering":
        steps = "".join(f"<li>{html(step)}</li>" for step in item.steps)
        return f"<p>{zh.RIGHT_ORDER}</p><ol>{steps}</ol><p>{html(item.explanation)}</p>"
    why = "".join(f"<li>{html(pair.left)} → {html(pair.right)}：{html(pair.explanation)}</li>" for pair in item.pairs)
    extra = f"<p>{html(item.explanation)}</p>" if item.explanation else ""
    return f"<ul>{why}</ul>{extra}"


def truefalse_feedback(item: Item, choice: bool) -> str:
    """The feedback for answering ``choice``: right or wrong only; the explanation is the
    general feedback, which Moodle shows below it (so it is not shown twice)."""
    return zh.RIGHT if choice == item.answer else zh.WRONG


def case_name(text: CaseText) -> str:
    return zh.CASE_NAME.format(title=text.case.title)


def case_html(text: CaseText) -> str:
    return text.situation + text.tasks


def grader_html(text: CaseText) -> str:
    """The rubric and model answers, for whoever grades the essay (trainer export only)."""
    if not text.grading:
        return ""
    return f"<h3>{zh.GRADER_RUBRIC}</h3>{text.grading}<h3>{zh.GRADER_ANSWERS}</h3>{text.answers}"


def case_tags(text: CaseText, chapters: list[Chapter]) -> tuple[str, ...]:
    numbers = {chapter.name: chapter.number for chapter in chapters}
    return (
        zh.TAG_CASE,
        *(zh.TAG_CHAPTER.format(number=numbers[name]) for name in text.case.chapters if name in numbers),
    )
