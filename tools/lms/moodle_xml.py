"""The question banks and case tasks as one Moodle XML file (Moodle's documented question
format, imported through the question bank). How items map: :mod:`tools.lms.questions`.

Every question carries its ID as ``idnumber`` and its metadata as tags; the case essays
carry the rubric and model answers as grader information in the trainer export only.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tools.cases.model import CASE_POINTS
from tools.exercises.model import Bank, Item

from . import questions as q
from .course import CaseText, Chapter

ESSAY_GRADE = str(CASE_POINTS)  # the kits' scoring sheets and the assignment sheets use the same scale
ESSAY_LINES = "20"


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    ET.SubElement(element, "text").text = text
    return element


def _value(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = value


def _tags(question: ET.Element, tags: tuple[str, ...]) -> None:
    element = ET.SubElement(question, "tags")
    for tag in tags:
        _text(element, "tag", tag)


def _head(quiz: ET.Element, qtype: str, name: str, text: str, general: str, grade: str, penalty: str) -> ET.Element:
    question = ET.SubElement(quiz, "question", type=qtype)
    _text(question, "name", name)
    _text(question, "questiontext", text, format="html")
    _text(question, "generalfeedback", general, format="html")
    _value(question, "defaultgrade", grade)
    _value(question, "penalty", penalty)
    _value(question, "hidden", "0")
    return question


def _category(quiz: ET.Element, path: str) -> None:
    heading = ET.SubElement(quiz, "question", type="category")
    _text(heading, "category", path)
    _text(heading, "info", "", format="html")


def _item(quiz: ET.Element, placed: q.Placed, ordering_as: str) -> None:
    item: Item = placed.item
    qtype = q.qtype(item, ordering_as)
    question = _head(
        quiz, qtype, item.id, q.question_html(item, ordering_as), q.general_feedback_html(item), "1",
        "1" if qtype == "truefalse" else "0.3333333",
    )  # fmt: skip
    _value(question, "idnumber", item.id)
    if qtype == "multichoice":
        _value(question, "single", "false" if item.multiple else "true")
        _value(question, "shuffleanswers", "true")
        _value(question, "answernumbering", "ABCD")
        _value(question, "showstandardinstruction", "1")
        if item.multiple:
            ET.SubElement(question, "shownumcorrect")
        for option, fraction in zip(item.options, q.fractions(item), strict=True):
            answer = _text(question, "answer", q.html(option.text), fraction=fraction, format="html")
            _text(answer, "feedback", q.html(option.explanation), format="html")
    elif qtype == "truefalse":
        for choice in (True, False):
            fraction = "100" if choice == item.answer else "0"
            answer = _text(
                question, "answer", "true" if choice else "false", fraction=fraction, format="moodle_auto_format"
            )
            _text(answer, "feedback", q.truefalse_feedback(item, choice), format="html")
    elif qtype == "ordering":
        # qtype_ordering's own export: all steps shown (ALL), graded by position like the
        # matching fallback; answers in the right order (Moodle shuffles them per attempt).
        _value(question, "layouttype", "VERTICAL")
        _value(question, "selecttype", "ALL")
        _value(question, "selectcount", str(len(item.steps)))
        _value(question, "gradingtype", "ABSOLUTE_POSITION")
        _value(question, "showgrading", "SHOW")
        _value(question, "numberingstyle", "none")
        for position, step in enumerate(item.steps, 1):
            _text(question, "answer", q.html(step), fraction=f"{position}.0000000", format="html")
    else:
        _value(question, "shuffleanswers", "true")
        for left, right in q.pairs(item):
            subquestion = _text(question, "subquestion", q.html(left), format="html")
            _text(subquestion, "answer", right)
    _tags(question, placed.tags)


def _essay(quiz: ET.Element, text: CaseText, chapters: list[Chapter]) -> None:
    question = _head(quiz, "essay", q.case_name(text), q.case_html(text), "", ESSAY_GRADE, "0")
    _value(question, "idnumber", f"case-{text.case.id}")
    _value(question, "responseformat", "editor")
    _value(question, "responserequired", "1")
    _value(question, "responsefieldlines", ESSAY_LINES)
    _value(question, "attachments", "0")
    _value(question, "attachmentsrequired", "0")
    _text(question, "graderinfo", q.grader_html(text), format="html")
    _text(question, "responsetemplate", "", format="html")
    _tags(question, q.case_tags(text, chapters))


def to_moodle_xml(
    banks: list[Bank], chapters: list[Chapter], cases: list[CaseText] = (), ordering_as: str = q.ORDERING
) -> str:
    """The banks (a category per chapter × level) and the cases (essays) as one Moodle XML file."""
    quiz = ET.Element("quiz")
    for category, group in q.placed(banks, chapters):
        _category(quiz, category)
        for placed in group:
            _item(quiz, placed, ordering_as)
    if cases:
        _category(quiz, q.cases_category())
        for text in cases:
            _essay(quiz, text, chapters)
    ET.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n"
