"""Question banks for Moodle: Moodle XML and GIFT, both imported through the question bank.

Both functions are pure (banks in, text out). Each bank becomes a question category
``$course$/关系销售/<chapter>``; each item one question named by its ID.

How the item types map:

- single, and scenario items with one answer: multiple choice, one answer; the right option
  gets 100 %, the others 0 %.
- multiple, and scenario items with ``multiple: true``: multiple choice, several answers; the
  right options share +100 % equally and the wrong ones share -100 % equally, each share the
  nearest grade Moodle accepts (three right: 33.33333). Ticking every box therefore scores 0,
  and guessing costs as much as it can gain.
- truefalse: true/false; the feedback of each answer is the item's explanation, prefixed
  ``正确。`` on the right answer and ``错误。`` on the wrong one.
- matching: matching, each left text a subquestion, its right text the answer.
- ordering: Moodle has no ordering type in core, so a matching question: each step is a
  subquestion, its answer its position (``第 1 位``, ``第 2 位``, ...). The steps are listed in
  the same shuffled order as on the course site, so the list never gives the answer away even
  if the quiz does not shuffle.

Question texts, options, feedback and matching subquestions are HTML made from the plain
texts of the bank (escaped, line breaks as ``<br>``); the answers of matching questions are
plain text, as Moodle shows them in a drop-down. Every question has general feedback: the
right answer(s) with their explanations, or the item's explanations.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html import escape

from .model import Bank, Item
from .render import display_order

CATEGORY_ROOT = "$course$/关系销售"
ORDERING_NOTE = "（把每一步与它的位置配对）"
RIGHT, WRONG = "正确。", "错误。"

# The grades Moodle accepts for an answer, written as Moodle writes them (import refuses others).
GRADES = (
    "100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40", "33.33333",
    "30", "25", "20", "16.66667", "14.28571", "12.5", "11.11111", "10", "5", "0",
)  # fmt: skip


def category(bank: Bank) -> str:
    return f"{CATEGORY_ROOT}/{bank.chapter}"


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


def pairs(item: Item) -> list[tuple[str, str]]:
    """(subquestion, answer) of a matching item, or of an ordering item exported as matching."""
    if item.type == "ordering":
        return [(item.steps[i], f"第 {i + 1} 位") for i in display_order(item, len(item.steps))]
    return [(pair.left, pair.right) for pair in item.pairs]


def _html(text: str) -> str:
    return escape(text, quote=False).replace("\n", "<br>")


def question_html(item: Item) -> str:
    scenario = f"<p>{_html(item.scenario)}</p>" if item.scenario else ""
    note = f"<p>{ORDERING_NOTE}</p>" if item.type == "ordering" else ""
    return f"{scenario}<p>{_html(item.prompt)}</p>{note}"


def general_feedback_html(item: Item) -> str:
    if item.is_choice:
        right = "".join(
            f"<li>{_html(option.text)}<br>{_html(option.explanation)}</li>" for option in item.options if option.correct
        )
        return f"<p>正确答案：</p><ul>{right}</ul>"
    if item.type == "truefalse":
        return f"<p>{_html(item.explanation)}</p>"
    if item.type == "ordering":
        steps = "".join(f"<li>{_html(step)}</li>" for step in item.steps)
        return f"<p>正确顺序：</p><ol>{steps}</ol><p>{_html(item.explanation)}</p>"
    why = "".join(f"<li>{_html(pair.left)} → {_html(pair.right)}:{_html(pair.explanation)}</li>" for pair in item.pairs)
    extra = f"<p>{_html(item.explanation)}</p>" if item.explanation else ""
    return f"<ul>{why}</ul>{extra}"


def truefalse_feedback(item: Item, choice: bool) -> str:
    """The feedback (HTML) for answering ``choice`` to a true/false item."""
    return _html((RIGHT if choice == item.answer else WRONG) + item.explanation)


# Moodle XML


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    ET.SubElement(element, "text").text = text
    return element


def _value(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = value


def _moodle_question(quiz: ET.Element, item: Item) -> None:
    qtype = "multichoice" if item.is_choice else "truefalse" if item.type == "truefalse" else "matching"
    question = ET.SubElement(quiz, "question", type=qtype)
    _text(question, "name", item.id)
    _text(question, "questiontext", question_html(item), format="html")
    _text(question, "generalfeedback", general_feedback_html(item), format="html")
    _value(question, "defaultgrade", "1")
    _value(question, "penalty", "1" if qtype == "truefalse" else "0.3333333")
    _value(question, "hidden", "0")
    _value(question, "idnumber", item.id)
    if item.is_choice:
        _value(question, "single", "false" if item.multiple else "true")
        _value(question, "shuffleanswers", "true")
        _value(question, "answernumbering", "ABCD")
        _value(question, "showstandardinstruction", "1")
        if item.multiple:
            ET.SubElement(question, "shownumcorrect")
        for option, fraction in zip(item.options, fractions(item), strict=True):
            answer = _text(question, "answer", _html(option.text), fraction=fraction, format="html")
            _text(answer, "feedback", _html(option.explanation), format="html")
    elif item.type == "truefalse":
        for choice in (True, False):
            fraction = "100" if choice == item.answer else "0"
            answer = _text(
                question, "answer", "true" if choice else "false", fraction=fraction, format="moodle_auto_format"
            )
            _text(answer, "feedback", truefalse_feedback(item, choice), format="html")
    else:
        _value(question, "shuffleanswers", "true")
        for left, right in pairs(item):
            subquestion = _text(question, "subquestion", _html(left), format="html")
            _text(subquestion, "answer", right)


def to_moodle_xml(banks: list[Bank]) -> str:
    """The banks as one Moodle XML file: a category per bank, a question per item."""
    quiz = ET.Element("quiz")
    for bank in banks:
        heading = ET.SubElement(quiz, "question", type="category")
        _text(heading, "category", category(bank))
        _text(heading, "info", "", format="html")
        for item in bank.items:
            _moodle_question(quiz, item)
    ET.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n"


# GIFT

_GIFT_ESCAPES = str.maketrans(
    {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:", "\n": "\\n", "\r": ""}
)


def gift_escape(text: str) -> str:
    """Backslash GIFT's special characters (as Moodle's own GIFT export does)."""
    return text.translate(_GIFT_ESCAPES)


def _gift_html(fragment: str) -> str:
    # Moodle reads a leading "%...%" of an answer as its grade and a leading "[...]" as a text
    # format; in HTML the first character can be written as a character reference instead.
    if fragment.startswith(("%", "[")):
        fragment = f"&#{ord(fragment[0])};{fragment[1:]}"
    return gift_escape(fragment)


def _gift_question(item: Item) -> str:
    head = f"::{gift_escape(item.id)}::[html]{_gift_html(question_html(item))}"
    general = "####" + _gift_html(general_feedback_html(item))
    if item.type == "truefalse":
        wrong = _gift_html(truefalse_feedback(item, not item.answer))
        right = _gift_html(truefalse_feedback(item, bool(item.answer)))
        return f"{head}{{{'TRUE' if item.answer else 'FALSE'}#{wrong}#{right}{general}}}"
    if item.is_choice:
        lines = []
        for option, fraction in zip(item.options, fractions(item), strict=True):
            mark = f"~%{fraction}%" if item.multiple else "=" if option.correct else "~"
            lines.append(f"\t{mark}{_gift_html(_html(option.text))}#{_gift_html(_html(option.explanation))}")
    else:
        lines = [f"\t={_gift_html(_html(left))} -> {gift_escape(right)}" for left, right in pairs(item)]
    return "\n".join([head + "{", *lines, "\t" + general, "}"])


def to_gift(banks: list[Bank]) -> str:
    """The banks as one GIFT file: a ``$CATEGORY`` per bank, a question per item."""
    blocks = []
    for bank in banks:
        blocks.append(f"// {bank.chapter}\n$CATEGORY: {category(bank)}")
        blocks.extend(_gift_question(item) for item in bank.items)
    return "\n\n".join(blocks) + "\n"
