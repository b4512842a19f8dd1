"""The certification test as Moodle XML: one question category per blueprint cell (chapter ×
level), one for the must-pass compliance items and one for the written case, so that a quiz
is built from "random questions" per category (the trainer's guide, 认证测验, gives the
steps). Trainer edition only: the command refuses to write it where the learner edition
could pick it up, and the learner outputs' leak scan covers the pool.

The questions are written as the self-check export writes them (:mod:`tools.lms.moodle_xml`),
with the tag 认证 and, for compliance items, 合规必过; the essay carries the rubric's anchors
and a sample answer at each level as grader information.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html import escape

from tools.exercises.certification import WrittenCase, cells, must_pass_items
from tools.exercises.model import Bank

from . import questions as q
from . import zh
from .course import Chapter
from .moodle_xml import _category, _head, _item, _tags, _text, _value

CASE_LINES = "25"


def cell_category(chapter: Chapter, level: str) -> str:
    name = zh.CHAPTER_CATEGORY.format(number=chapter.number, title=chapter.title)
    return f"{zh.CATEGORY_ROOT}/{zh.CERT_ROOT}/{name}/{level}"


def must_pass_category() -> str:
    return f"{zh.CATEGORY_ROOT}/{zh.CERT_ROOT}/{zh.CERT_MUST_PASS}"


def case_category() -> str:
    return f"{zh.CATEGORY_ROOT}/{zh.CERT_ROOT}/{zh.CERT_CASE}"


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(part)}</p>" for part in text.split("\n") if part.strip())


def case_html(case: WrittenCase) -> str:
    task = zh.CERT_TASK.format(minutes=case.minutes, marks=case.marks)
    return f"{_paragraphs(case.scenario)}<h3>{escape(task)}</h3>{_paragraphs(case.task)}"


def grader_html(case: WrittenCase) -> str:
    rows = "".join(
        f"<tr><th>{escape(c.name)}（{c.marks} 分）</th><td>{escape(c.full)}</td><td>{escape(c.partial)}</td>"
        f"<td>{escape(c.none)}</td></tr>"
        for c in case.criteria
    )
    head = f"<tr><th></th><th>{zh.CERT_FULL}</th><th>{zh.CERT_PARTIAL}</th><th>{zh.CERT_NONE}</th></tr>"
    levels = {"full": zh.CERT_FULL, "partial": zh.CERT_PARTIAL, "none": zh.CERT_NONE}
    samples = "".join(
        f"<h4>{escape(zh.CERT_SAMPLE.format(level=name, marks=case.sample_marks[key]))}</h4>"
        f"{_paragraphs(case.samples[key])}"
        for key, name in levels.items()
    )
    rule = escape(zh.CERT_PASS_RULE.format(pass_marks=case.pass_marks))
    return f"<h3>{zh.CERT_ANCHORS}</h3><table>{head}{rows}</table><p>{rule}</p><h3>{zh.CERT_SAMPLES}</h3>{samples}"


def to_certification_xml(pool: dict[str, Bank], chapters: list[Chapter], case: WrittenCase) -> str:
    quiz = ET.Element("quiz")
    known = {chapter.name: chapter for chapter in chapters}
    for chapter_name, levels in cells(pool).items():
        chapter = known[chapter_name]
        for level, items in levels.items():
            category = cell_category(chapter, level)
            _category(quiz, category)
            for item in items:
                _item(quiz, q.Placed(item, category, (zh.CERT_TAG, *q.tags(item, chapter))), q.ORDERING)
    _category(quiz, must_pass_category())
    for item in must_pass_items(pool):
        chapter = known[next(name for name, bank in pool.items() if item in bank.items)]
        tags = (zh.CERT_TAG, zh.CERT_TAG_MUST_PASS, *q.tags(item, chapter))
        _item(quiz, q.Placed(item, must_pass_category(), tags), q.ORDERING)
    _category(quiz, case_category())
    question = _head(
        quiz, "essay", zh.CERT_CASE_NAME.format(title=case.title), case_html(case), "", str(case.marks), "0"
    )
    _value(question, "idnumber", "certification-case")
    _value(question, "responseformat", "editor")
    _value(question, "responserequired", "1")
    _value(question, "responsefieldlines", CASE_LINES)
    _value(question, "attachments", "0")
    _value(question, "attachmentsrequired", "0")
    _text(question, "graderinfo", grader_html(case), format="html")
    _text(question, "responsetemplate", "", format="html")
    _tags(question, (zh.CERT_TAG,))
    ET.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n"
