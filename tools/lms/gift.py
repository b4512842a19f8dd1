"""The question banks and case tasks as one GIFT file (Moodle's plain-text import format).
How items map: :mod:`tools.lms.questions`.

GIFT has less room than Moodle XML: ordering items are always matching questions (the
ordering plugin's GIFT syntax is read by no other importer), and an essay has no grader
information, so the trainer export is Moodle XML only. ID and tags go in the comment line
before each question (``// [id:…] [tag:…]``), which Moodle's GIFT import reads.
"""

from __future__ import annotations

from tools.exercises.model import Bank, Item

from . import questions as q
from .course import CaseText, Chapter

_ESCAPES = str.maketrans(
    {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:", "\n": "\\n", "\r": ""}
)
_TAG_UNSAFE = str.maketrans({"[": "(", "]": ")", "\n": " "})


def escape(text: str) -> str:
    """Backslash GIFT's special characters (as Moodle's own GIFT export does)."""
    return text.translate(_ESCAPES)


def _html(fragment: str) -> str:
    # Moodle reads a leading "%...%" of an answer as its grade and a leading "[...]" as a text
    # format; in HTML the first character can be written as a character reference instead.
    if fragment.startswith(("%", "[")):
        fragment = f"&#{ord(fragment[0])};{fragment[1:]}"
    return escape(fragment)


def _comment(identifier: str, tags: tuple[str, ...]) -> str:
    marks = " ".join(f"[tag:{tag.translate(_TAG_UNSAFE)}]" for tag in tags)
    return f"// [id:{identifier.translate(_TAG_UNSAFE)}] {marks}".rstrip()


def _item(placed: q.Placed) -> str:
    item: Item = placed.item
    comment = _comment(item.id, placed.tags)
    head = f"{comment}\n::{escape(item.id)}::[html]{_html(q.question_html(item, q.MATCHING))}"
    general = "####" + _html(q.general_feedback_html(item))
    if item.type == "truefalse":
        wrong = _html(q.truefalse_feedback(item, not item.answer))
        right = _html(q.truefalse_feedback(item, bool(item.answer)))
        return f"{head}{{{'TRUE' if item.answer else 'FALSE'}#{wrong}#{right}{general}}}"
    if item.is_choice:
        lines = []
        for option, fraction in zip(item.options, q.fractions(item), strict=True):
            mark = f"~%{fraction}%" if item.multiple else "=" if option.correct else "~"
            lines.append(f"\t{mark}{_html(q.html(option.text))}#{_html(q.html(option.explanation))}")
    else:
        lines = [f"\t={_html(q.html(left))} -> {escape(right)}" for left, right in q.pairs(item)]
    return "\n".join([head + "{", *lines, "\t" + general, "}"])


def _essay(text: CaseText, chapters: list[Chapter]) -> str:
    comment = _comment(f"case-{text.case.id}", q.case_tags(text, chapters))
    return f"{comment}\n::{escape(q.case_name(text))}::[html]{_html(q.case_html(text))}{{}}"


def to_gift(banks: list[Bank], chapters: list[Chapter], cases: list[CaseText] = ()) -> str:
    """The banks (a ``$CATEGORY`` per chapter × level) and the cases (essays) as one GIFT file."""
    blocks = []
    for category, group in q.placed(banks, chapters):
        blocks.append(f"$CATEGORY: {category}")
        blocks.extend(_item(placed) for placed in group)
    if cases:
        blocks.append(f"$CATEGORY: {q.cases_category()}")
        blocks.extend(_essay(text, chapters) for text in cases)
    return "\n\n".join(blocks) + "\n"
