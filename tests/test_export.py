"""Question banks and case tasks exported for Moodle: every item, option, answer, feedback
and tag survives in Moodle XML and in GIFT, special characters included; the case tasks are
essays whose grader information (trainer export only) is the rubric; the ``export`` command.

Each format is read back by a parser that follows the format, not our writer: GIFT by the npm
package gift-pegjs (run under node); Moodle XML with ElementTree and structural checks written
from Moodle's documented question format (docs.moodle.org "Moodle XML format" and qtype_ordering's
own import/export): each question's required elements, types, grades Moodle accepts, fractions
that add up, ordering answers numbered 1..n in the right order.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT

from tools.cli import main
from tools.exercises.model import LEVELS, Bank, Item, Option, Pair, load_banks
from tools.lms.course import case_texts, chapters
from tools.lms.gift import to_gift
from tools.lms.moodle_xml import to_moodle_xml
from tools.lms.questions import GRADES, MATCHING
from tools.trainer import leaks

QTYPES = {
    "single": "multichoice",
    "multiple": "multichoice",
    "scenario": "multichoice",
    "truefalse": "truefalse",
    "matching": "matching",
    "ordering": "ordering",
}
NOTE = "（把每一步与它的位置配对）"
NASTY = "a{b}c=d~e#f:g<h>i&j\\k%l[m]n -> o::p\\#q\\nr"
ROOT_CATEGORY = "$course$/关系销售"


@dataclass
class Question:
    """What a question says, read back from either format; HTML already turned to text."""

    name: str
    qtype: str
    category: str
    text: str
    general: str
    single: bool | None = None
    answers: list[tuple[str, float, str]] = field(default_factory=list)  # text, grade (percent), feedback
    subquestions: list[tuple[str, str]] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)  # ordering, in the right order
    tags: list[str] = field(default_factory=list)
    idnumber: str = ""
    graderinfo: str = ""


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in ("p", "li", "h3"):
            self.parts.append("\n\n")

    def handle_data(self, data) -> None:
        self.parts.append(data)


def text_of(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def paragraphs(text: str) -> list[str]:
    return [part for part in text.split("\n\n") if part.strip()]


# Moodle XML, checked against the documented format

# Elements every question of the type must have (Moodle XML format, per question type).
REQUIRED = {
    "multichoice": ("single", "shuffleanswers", "answernumbering"),
    "truefalse": (),
    "matching": ("shuffleanswers",),
    "ordering": ("layouttype", "selecttype", "selectcount", "gradingtype", "showgrading"),
    "essay": ("responseformat", "responserequired", "responsefieldlines", "attachments", "graderinfo"),
}
COMMON = ("name/text", "questiontext/text", "generalfeedback/text", "defaultgrade", "penalty", "hidden")


def read_moodle(xml: str) -> list[Question]:
    root = ET.fromstring(xml)
    assert root.tag == "quiz"
    questions, category = [], None

    def text(node, path: str) -> str:
        found = node.find(path)
        assert found is not None, path
        return found.text or ""

    for node in root.findall("question"):
        qtype = node.get("type")
        if qtype == "category":
            category = text(node, "category/text")
            continue
        assert qtype in REQUIRED, qtype
        for path in (*COMMON, *REQUIRED[qtype]):
            assert node.find(path) is not None, f"{qtype} without <{path}>"
        assert node.find("questiontext").get("format") == "html"
        question = Question(
            name=text(node, "name/text"),
            qtype=qtype,
            category=category,
            text=text_of(text(node, "questiontext/text")),
            general=text_of(text(node, "generalfeedback/text")),
            tags=[tag.findtext("text") for tag in node.findall("tags/tag")],
            idnumber=node.findtext("idnumber") or "",
        )
        if qtype == "multichoice":
            question.single = {"true": True, "false": False}[text(node, "single")]
        if qtype == "essay":
            question.graderinfo = text_of(text(node, "graderinfo/text"))
            assert node.find("graderinfo").get("format") == "html"
        if qtype == "ordering":
            assert text(node, "selecttype") == "ALL"  # every step shown, none left out at random
            assert int(text(node, "selectcount")) == len(node.findall("answer"))
            fractions = [float(answer.get("fraction")) for answer in node.findall("answer")]
            assert fractions == [float(n) for n in range(1, len(fractions) + 1)], "answers out of order"
            question.steps = [text_of(text(answer, "text")) for answer in node.findall("answer")]
            questions.append(question)
            continue
        for answer in node.findall("answer"):
            fraction = answer.get("fraction")
            assert fraction in GRADES or fraction.lstrip("-") in GRADES, fraction
            body = text(answer, "text")
            question.answers.append(
                (
                    body if qtype == "truefalse" else text_of(body),
                    float(fraction),
                    text_of(text(answer, "feedback/text")),
                )
            )
        for sub in node.findall("subquestion"):
            question.subquestions.append((text_of(text(sub, "text")), text(sub, "answer/text")))
        questions.append(question)
    return questions


# GIFT, read by gift-pegjs (npm, pinned in package-lock.json): a parser nobody here wrote

GIFT_TYPES = {"MC": "multichoice", "TF": "truefalse", "Matching": "matching", "Essay": "essay"}
NODE_READER = """
const gift = require(process.argv[1]);
let text = "";
// Decoded as a stream: a chunk of the pipe may end inside a character.
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (text += chunk));
process.stdin.on("end", () => process.stdout.write(JSON.stringify(gift.parse(text))));
"""


def parse_gift(gift: str) -> list[dict]:
    module = ROOT / "node_modules" / "gift-pegjs"
    assert module.is_dir(), "npm package gift-pegjs missing: run `make` (npm ci)"
    result = subprocess.run(
        ["node", "-e", NODE_READER, str(module)], input=gift.encode(), capture_output=True, check=False
    )
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def read_gift(gift: str) -> list[Question]:
    questions, category = [], None
    for node in parse_gift(gift):
        if node["type"] == "Category":
            category = node["title"]
            continue
        assert node["stem"]["format"] == "html", node["title"]
        general = node.get("globalFeedback") or {"text": ""}
        question = Question(
            name=node["title"],
            qtype=GIFT_TYPES[node["type"]],
            category=category,
            text=text_of(node["stem"]["text"]),
            general=text_of(general["text"]),
            tags=node.get("tags") or [],
            idnumber=node.get("id") or "",
        )
        if node["type"] == "MC":
            weights = [choice["weight"] for choice in node["choices"]]
            question.single = all(w is None for w in weights)
            for choice in node["choices"]:
                grade = choice["weight"] if choice["weight"] is not None else 100.0 * choice["isCorrect"]
                assert f"{abs(grade):g}" in {f"{float(g):g}" for g in GRADES}, grade
                question.answers.append(
                    (text_of(choice["text"]["text"]), float(grade), text_of(choice["feedback"]["text"]))
                )
        elif node["type"] == "TF":
            # gift-pegjs names the two feedbacks by position; in GIFT (and Moodle's import) the
            # first is for the wrong answer and the second for the right one.
            for choice in (True, False):
                right = choice == node["isTrue"]
                feedback = node["falseFeedback" if right else "trueFeedback"]
                question.answers.append(("true" if choice else "false", 100.0 * right, text_of(feedback["text"])))
        elif node["type"] == "Matching":
            # gift-pegjs leaves escaped characters of a plain-text answer as "&&058;" (its quirk;
            # Moodle's import unescapes them): undone here, nothing else.
            question.subquestions = [
                (text_of(p["subquestion"]["text"]), re.sub(r"&&(\d+);?", lambda m: chr(int(m[1])), p["subanswer"]))
                for p in node["matchPairs"]
            ]
        questions.append(question)
    return questions


# What must survive


def category_of(bank: Bank, item: Item, course) -> str:
    chapter = next((c for c in course if c.name == bank.chapter), None)
    base = f"{ROOT_CATEGORY}/第 {chapter.number} 章 {chapter.title}" if chapter else None
    if chapter is None:
        number = len(course) + 1
        base = f"{ROOT_CATEGORY}/第 {number} 章 {bank.chapter}"
    return f"{base}/{item.level}" if item.level in LEVELS else base


def check(banks: list[Bank], questions: list[Question], ordering_as: str = "ordering", gift: bool = False) -> None:
    """Every item is one question, in its category, with all its texts, grades and tags."""
    course = chapters(ROOT)
    items = {item.id: (bank, item) for bank in banks for item in bank.items}
    found = [q for q in questions if q.qtype != "essay"]
    assert sorted(q.name for q in found) == sorted(items)
    for question in found:
        bank, item = items[question.name]
        where = item.id
        assert question.category == category_of(bank, item, course), where
        expected_type = QTYPES[item.type] if item.type != "ordering" else ordering_as
        assert question.qtype == expected_type, where
        assert question.idnumber == item.id, where
        assert {item.level, item.basis, item.section, f"难度 {item.difficulty}"} <= set(question.tags), where
        assert question.general.strip(), f"{where}: no general feedback"
        expected = [item.scenario, item.prompt] if item.scenario else [item.prompt]
        if item.type == "ordering" and ordering_as == MATCHING:
            expected.append(NOTE)
        assert paragraphs(question.text) == expected, where
        if item.is_choice:
            assert question.single is not item.multiple, where
            assert sorted(a[0] for a in question.answers) == sorted(o.text for o in item.options), where
            for answer_text, grade, feedback in question.answers:
                option = next(o for o in item.options if o.text == answer_text)
                assert (grade > 0) if option.correct else (grade <= 0), f"{where}: {answer_text}"
                assert feedback == option.explanation, where
                if option.correct:
                    assert option.explanation in question.general, where
            assert sum(a[1] for a in question.answers if a[1] > 0) == pytest.approx(100, abs=0.001), where
            if item.multiple and not all(o.correct for o in item.options):
                assert sum(a[1] for a in question.answers if a[1] < 0) == pytest.approx(-100, abs=0.001), where
        elif item.type == "truefalse":
            assert sorted(a[0] for a in question.answers) == ["false", "true"], where
            for answer_text, grade, feedback in question.answers:
                right = (answer_text == "true") == item.answer
                assert grade == (100 if right else 0), where
                assert feedback == ("正确。" if right else "错误。"), where  # the explanation only once
            assert question.general.strip() == item.explanation, where
        elif item.type == "matching":
            assert sorted(question.subquestions) == sorted((p.left, p.right) for p in item.pairs), where
            for pair in item.pairs:
                assert pair.explanation in question.general, where
            assert item.explanation in question.general, where
        elif ordering_as == "ordering":
            assert question.steps == list(item.steps), where
            assert item.explanation in question.general, where
        else:
            assert sorted(question.subquestions) == sorted(
                (step, f"第 {n} 位") for n, step in enumerate(item.steps, 1)
            ), where
            assert [s for s, _ in question.subquestions] != list(item.steps), f"{where}: steps listed in order"
            assert item.explanation in question.general, where


def check_essays(questions: list[Question], trainer: bool) -> None:
    """One essay per case, in 案例, with its situation and every task; grader information
    (the rubric and model answers) in the trainer export only."""
    texts = case_texts(ROOT, trainer=trainer)
    essays = [q for q in questions if q.qtype == "essay"]
    assert [q.idnumber or q.name for q in essays] == [
        f"case-{t.case.id}" if essays[0].idnumber else f"案例：{t.case.title}" for t in texts
    ]
    for question, text in zip(essays, texts, strict=True):
        assert question.category == f"{ROOT_CATEGORY}/案例"
        assert question.name == f"案例：{text.case.title}"
        assert "案例" in question.tags
        page = text.case.path.read_text(encoding="utf-8")
        section = page.split("\n## 任务与讨论题\n", 1)[1].split("\n## ", 1)[0]
        tasks = re.findall(r"^\d+\. (.+)$", section, re.M)
        assert len(tasks) >= 4
        for task in tasks:  # every task, its roles reduced to their text
            plain = re.sub(r"\{[\w:.-]+\}`([^`<]*?)\s*(?:<[^>]*>)?`", r"\1", task)
            assert plain in question.text.replace("\n", ""), f"{text.case.id}: {plain[:20]}"
        assert "任务与讨论题" in question.text and "情境" in question.text
        if trainer:
            assert "评分要点" in question.graderinfo and "优秀" in question.graderinfo
        else:
            assert question.graderinfo == ""


@pytest.fixture(scope="module")
def banks() -> list[Bank]:
    return list(load_banks(ROOT / "exercises").values())


@pytest.fixture(scope="module")
def course():
    return chapters(ROOT)


def test_course_banks_cover_every_type(banks):
    assert sum(len(bank.items) for bank in banks) >= 72
    assert {item.type for bank in banks for item in bank.items} == set(QTYPES)
    assert any(item.type == "scenario" and item.multiple for bank in banks for item in bank.items)


def test_categories_are_chapters_in_order_then_levels(banks, course):
    root = ET.fromstring(to_moodle_xml(banks, course, case_texts(ROOT, trainer=False)))
    categories = [q.findtext("category/text") for q in root.findall("question[@type='category']")]
    chapters_seen = list(dict.fromkeys(c.rsplit("/", 1)[0] for c in categories[:-1]))
    assert chapters_seen == [f"{ROOT_CATEGORY}/第 {c.number} 章 {c.title}" for c in course]
    assert chapters_seen[0] == f"{ROOT_CATEGORY}/第 1 章 大客户销售有什么不同"
    for chapter in chapters_seen:  # the final test's pools: chapter × level, levels in order
        levels = [c.rsplit("/", 1)[1] for c in categories if c.rsplit("/", 1)[0] == chapter]
        assert levels == [level for level in LEVELS if level in levels] and len(levels) >= 3
    assert categories[-1] == f"{ROOT_CATEGORY}/案例"


def test_moodle_xml_keeps_every_item_and_case(banks, course):
    xml = to_moodle_xml(banks, course, case_texts(ROOT, trainer=False))
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    questions = read_moodle(xml)
    check(banks, questions)
    check_essays(questions, trainer=False)


def test_moodle_xml_ordering_as_matching_for_older_sites(banks, course):
    check(banks, read_moodle(to_moodle_xml(banks, course, ordering_as=MATCHING)), ordering_as=MATCHING)


def test_trainer_export_holds_the_rubric_as_grader_information(banks, course):
    questions = read_moodle(to_moodle_xml(banks, course, case_texts(ROOT, trainer=True)))
    check_essays(questions, trainer=True)


def test_learner_export_holds_no_teaching_note(tmp_path, banks, course):
    learner = tmp_path / "learner.xml"
    learner.write_text(to_moodle_xml(banks, course, case_texts(ROOT, trainer=False)), encoding="utf-8")
    gift = tmp_path / "learner.gift"
    gift.write_text(to_gift(banks, course, case_texts(ROOT, trainer=False)), encoding="utf-8")
    notes = leaks.Notes.of(leaks.notes_files(ROOT), ROOT, sorted((ROOT / "cases").glob("*.md")))
    assert leaks.scan([learner, gift], notes) == []
    trainer = tmp_path / "trainer.xml"
    trainer.write_text(to_moodle_xml(banks, course, case_texts(ROOT, trainer=True)), encoding="utf-8")
    assert leaks.scan([trainer], notes), "the scan must see the rubric in the trainer export"


def test_gift_keeps_every_item_and_case(banks, course):
    gift = to_gift(banks, course, case_texts(ROOT, trainer=False))
    questions = read_gift(gift)
    check(banks, questions, ordering_as=MATCHING)
    check_essays(questions, trainer=False)


# Special characters, and every grade


def synthetic_bank() -> Bank:
    path = Path("synthetic.yml")

    def item(item_id: str, kind: str, **fields) -> Item:
        meta = {"objective": 2, "difficulty": 3, "level": "分析", "basis": "课程分析", "path": path, "line": 1}
        return Item(id=item_id, type=kind, section="s", prompt=f"{item_id} {NASTY}", **meta, **fields)

    def options(right: int, wrong: int) -> tuple[Option, ...]:
        return tuple(Option(f"{NASTY} option {n}", n < right, f"{NASTY}\nwhy {n}") for n in range(right + wrong))

    items = [
        item("single", "single", options=(Option("%5 off% " + NASTY, True, "[b]" + NASTY), *options(0, 2))),
        item("scene", "scenario", scenario=f"{NASTY}\nsecond line", options=options(1, 3)),
        item("tf:true#1", "truefalse", answer=True, explanation=NASTY),
        item("tf-false", "truefalse", answer=False, explanation="#" + NASTY),
        item("order", "ordering", steps=(f"{NASTY} 1", f"{NASTY} 2", f"{NASTY} 3"), explanation=NASTY),
        item(
            "match",
            "matching",
            pairs=tuple(Pair(f"{NASTY} <{n}>", f"{n} -> {NASTY}\n\n// {n}", f"{NASTY} {n}") for n in range(3)),
            explanation="",
        ),
    ]
    for right, wrong in ((1, 1), (2, 3), (3, 2), (3, 4), (4, 4), (5, 3), (6, 2), (7, 1), (2, 0)):
        items.append(item(f"multi-{right}-{wrong}", "multiple", multiple=True, options=options(right, wrong)))
    items.append(item("scene-multi", "scenario", scenario=NASTY, multiple=True, options=options(2, 2)))
    return Bank(chapter="synthetic", path=path, items=items)


def test_special_characters_survive_moodle_xml(course):
    bank = synthetic_bank()
    for ordering_as in ("ordering", MATCHING):
        xml = to_moodle_xml([bank], course, ordering_as=ordering_as)
        check([bank], read_moodle(xml), ordering_as=ordering_as)
    assert "<h>" not in xml and "&j" not in xml  # escaped for XML (and once more for HTML)


def test_special_characters_survive_gift(course):
    bank = synthetic_bank()
    check([bank], read_gift(to_gift([bank], course)), ordering_as=MATCHING)


# The command


def counts(questions: list[Question]) -> Counter:
    return Counter(q.qtype for q in questions)


def test_cli_exports_all_banks_and_cases_to_stdout(capsys, banks):
    assert main(["export", "--format", "moodle"]) == 0
    questions = read_moodle(capsys.readouterr().out)
    check(banks, questions)
    check_essays(questions, trainer=False)


def test_cli_trainer_export_and_counts_by_type(tmp_path, capsys, banks):
    target = tmp_path / "trainer.xml"
    assert main(["export", "--format", "moodle", "--edition", "trainer", "-o", str(target)]) == 0
    questions = read_moodle(target.read_text(encoding="utf-8"))
    check_essays(questions, trainer=True)
    found = counts(questions)
    reported = capsys.readouterr().out
    for qtype, count in found.items():
        assert f"{count} {qtype}" in reported
    cases = [p for p in (ROOT / "cases").glob("*.md") if p.stem != "index"]
    assert found["essay"] == len(cases)
    assert found["ordering"] == sum(i.type == "ordering" for b in banks for i in b.items)


def test_cli_refuses_a_trainer_gift(capsys):
    assert main(["export", "--format", "gift", "--edition", "trainer"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "--format moodle" in captured.err


def test_cli_exports_chosen_banks_to_a_file(tmp_path, capsys, banks):
    chosen = [banks[2], banks[0]]
    target = tmp_path / "out" / "quiz.gift"
    argv = ["export", "--format", "gift", "--bank", chosen[0].chapter, "--bank", chosen[1].chapter, "--no-cases"]
    assert main([*argv, "-o", str(target)]) == 0
    assert str(target) in capsys.readouterr().out
    check(chosen, read_gift(target.read_text(encoding="utf-8")), ordering_as=MATCHING)


def test_cli_refuses_an_unknown_bank(capsys, banks):
    assert main(["export", "--format", "gift", "--bank", banks[0].chapter, "no-such-chapter"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no-such-chapter" in captured.err
    for bank in banks:
        assert bank.chapter in captured.err


def test_cli_reports_a_broken_bank(tmp_path, capsys):
    (tmp_path / "broken.yml").write_text("chapter: broken\nitems: []\n", encoding="utf-8")
    assert main(["export", "--format", "moodle", "--exercises", str(tmp_path)]) == 2
    assert "broken.yml" in capsys.readouterr().err


def test_python_m_tools_export(banks):
    result = subprocess.run(
        [sys.executable, "-m", "tools", "export", "--format", "gift", "--bank", banks[1].chapter, "--no-cases"],
        capture_output=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr.decode()
    check([banks[1]], read_gift(result.stdout.decode("utf-8")), ordering_as=MATCHING)


MARKUP = re.compile(r":class:|:name:|\{[a-z-]+\}`|/book/|cases/|:::|```|\]\(|^\([\w.-]+\)=", re.M)


def test_no_markup_or_site_path_in_any_exported_text(banks, course):
    """Issue 24: the xiao-cui essay showed learners `:class: course-analysis` and
    "见 /book/purchase-factors". Every text field of every export (learner and trainer Moodle
    XML, GIFT, the certification test) is checked for MyST or Sphinx markup and site paths."""
    from tools.exercises import certification
    from tools.lms.certification_xml import to_certification_xml

    exports = {
        "learner": to_moodle_xml(banks, course, case_texts(ROOT, trainer=False)),
        "trainer": to_moodle_xml(banks, course, case_texts(ROOT, trainer=True)),
        "certification": to_certification_xml(
            certification.load_pool(ROOT),
            course,
            certification.load_case(ROOT / certification.FOLDER / certification.CASE_FILE),
        ),
    }
    for name, xml in exports.items():
        texts = [node.text or "" for node in ET.fromstring(xml).iter("text")]
        found = [(t[:60], MARKUP.search(text_of(t)).group()) for t in texts if MARKUP.search(text_of(t))]
        assert found == [], (name, found[:3])
    gift = to_gift(banks, course, case_texts(ROOT, trainer=False))
    assert not MARKUP.search(gift.replace("$CATEGORY: $course$/关系销售", "")), MARKUP.search(gift)
    assert "“客户为什么买：采购三要素与个人关系”" in exports["learner"], "a bare {doc} link reads as the page's title"
