"""Question banks exported for Moodle: every item, option, answer and explanation survives
in Moodle XML and in GIFT, special characters included; the ``export`` command.

The Moodle XML is read back with ElementTree; the GIFT with a small reader below that
follows Moodle's own GIFT import (qformat_gift::readquestion) for the subset we write.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT

from tools.cli import main
from tools.exercises.export import GRADES, to_gift, to_moodle_xml
from tools.exercises.model import Bank, Item, Option, Pair, load_banks

QTYPES = {
    "single": "multichoice",
    "multiple": "multichoice",
    "scenario": "multichoice",
    "truefalse": "truefalse",
    "matching": "matching",
    "ordering": "matching",
}
NOTE = "（把每一步与它的位置配对）"
NASTY = "a{b}c=d~e#f:g<h>i&j\\k%l[m]n -> o::p\\#q\\nr"


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


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in ("p", "li"):
            self.parts.append("\n\n")

    def handle_data(self, data) -> None:
        self.parts.append(data)


def text_of(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def paragraphs(text: str) -> list[str]:
    return [part for part in text.split("\n\n") if part]


# Moodle XML


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
        assert node.find("questiontext").get("format") == "html"
        question = Question(
            name=text(node, "name/text"),
            qtype=qtype,
            category=category,
            text=text_of(text(node, "questiontext/text")),
            general=text_of(text(node, "generalfeedback/text")),
        )
        if qtype == "multichoice":
            question.single = {"true": True, "false": False}[text(node, "single")]
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


# GIFT, read as Moodle reads it

_ESCAPES = {"\\\\": "\x00", "\\:": "\x01", "\\#": "\x02", "\\=": "\x03", "\\{": "\x04", "\\}": "\x05", "\\~": "\x06"}
_CHARS = {"\x00": "\\", "\x01": ":", "\x02": "#", "\x03": "=", "\x04": "{", "\x05": "}", "\x06": "~", "\x07": "\n"}


def _protect(text: str) -> str:
    text = re.sub(r"\\[\\:#={}~]", lambda m: _ESCAPES[m.group()], text)
    return text.replace("\\n", "\x07")


def _restore(text: str) -> str:
    return "".join(_CHARS.get(char, char) for char in text)


def _html(text: str) -> str:
    """A GIFT text in HTML format: unescaped, and turned into plain text."""
    text = text.strip()
    assert not text.startswith(("[", "%")), text  # Moodle would read a text format or a grade here
    return text_of(_restore(text)).strip()


def read_gift(gift: str) -> list[Question]:
    questions, category = [], None
    for block in re.split(r"\n\s*\n", gift):
        lines = [line for line in block.splitlines() if not line.strip().startswith("//")]
        text = _protect("\n".join(lines).strip())
        if not text:
            continue
        if text.startswith("$CATEGORY:"):
            category = text[len("$CATEGORY:") :].strip()
            continue
        name, rest = re.fullmatch(r"::(.*?)::(.*)", text, re.S).groups()
        start, end = rest.index("{"), rest.index("}")
        assert end == len(rest) - 1, "answers must close the question"
        body, answers = rest[:start], rest[start + 1 : end]
        assert body.startswith("[html]")
        answers, _, general = answers.rpartition("####")
        question = Question(
            name=_restore(name), qtype="", category=category, text=_html(body[6:]), general=_html(general)
        )
        answers = answers.strip()
        if "~" in answers:
            question.qtype = "multichoice"
            question.single = "=" in answers
            for raw in answers.replace("=", "~=").split("~")[1:]:
                raw = raw.strip()
                grade = 100.0 if raw.startswith("=") else 0.0
                if raw.startswith("="):
                    raw = raw[1:]
                elif weight := re.match(r"%(-?[0-9.]+)%", raw):
                    assert weight.group(1).lstrip("-") in GRADES
                    grade, raw = float(weight.group(1)), raw[weight.end() :]
                answer, _, feedback = raw.partition("#")
                question.answers.append((_html(answer), grade, _html(feedback)))
        elif "=" in answers and "->" in answers:
            question.qtype = "matching"
            for raw in answers.split("=")[1:]:
                left, _, right = raw.strip().partition("->")
                question.subquestions.append((_html(left), _restore(right.strip())))
        else:
            value, wrong, right = answers.split("#")
            assert value in ("TRUE", "FALSE")
            question.qtype = "truefalse"
            truth = value == "TRUE"
            for choice in (True, False):
                feedback = right if choice == truth else wrong
                question.answers.append(("true" if choice else "false", 100.0 * (choice == truth), _html(feedback)))
        questions.append(question)
    return questions


# What must survive


def check(banks: list[Bank], questions: list[Question]) -> None:
    items = [(bank, item) for bank in banks for item in bank.items]
    assert [q.name for q in questions] == [item.id for _, item in items]
    for (bank, item), question in zip(items, questions, strict=True):
        where = item.id
        assert question.category == f"$course$/关系销售/{bank.chapter}", where
        assert question.qtype == QTYPES[item.type], where
        assert question.general.strip(), f"{where}: no general feedback"
        expected = [item.scenario, item.prompt] if item.scenario else [item.prompt]
        if item.type == "ordering":
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
                assert feedback == ("正确。" if right else "错误。") + item.explanation, where
            assert item.explanation in question.general, where
        elif item.type == "matching":
            assert sorted(question.subquestions) == sorted((p.left, p.right) for p in item.pairs), where
            for pair in item.pairs:
                assert pair.explanation in question.general, where
            assert item.explanation in question.general, where
        else:
            assert sorted(question.subquestions) == sorted(
                (step, f"第 {n} 位") for n, step in enumerate(item.steps, 1)
            ), where
            assert [s for s, _ in question.subquestions] != list(item.steps), f"{where}: steps listed in order"
            assert item.explanation in question.general, where


@pytest.fixture(scope="module")
def banks() -> list[Bank]:
    return list(load_banks(ROOT / "exercises").values())


def test_course_banks_cover_every_type(banks):
    assert sum(len(bank.items) for bank in banks) >= 72
    assert {item.type for bank in banks for item in bank.items} == set(QTYPES)
    assert any(item.type == "scenario" and item.multiple for bank in banks for item in bank.items)


def test_moodle_xml_keeps_every_item(banks):
    xml = to_moodle_xml(banks)
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(xml)
    categories = [q.findtext("category/text") for q in root.findall("question[@type='category']")]
    assert categories == [f"$course$/关系销售/{bank.chapter}" for bank in banks]
    check(banks, read_moodle(xml))


def test_gift_keeps_every_item(banks):
    gift = to_gift(banks)
    for bank in banks:
        assert f"// {bank.chapter}\n$CATEGORY: $course$/关系销售/{bank.chapter}\n" in gift
    check(banks, read_gift(gift))


# Special characters, and every grade


def synthetic_bank() -> Bank:
    path = Path("synthetic.yml")

    def item(item_id: str, kind: str, **fields) -> Item:
        return Item(id=item_id, type=kind, section="s", prompt=f"{item_id} {NASTY}", path=path, line=1, **fields)

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


def test_special_characters_survive_moodle_xml():
    bank = synthetic_bank()
    xml = to_moodle_xml([bank])
    check([bank], read_moodle(xml))
    assert "<h>" not in xml and "&j" not in xml  # escaped for XML (and once more for HTML)


def test_special_characters_survive_gift():
    bank = synthetic_bank()
    gift = to_gift([bank])
    check([bank], read_gift(gift))
    # Outside the escapes, only the markup we write is left: one pair of braces and one name per question,
    # and no blank line inside a question.
    bare = re.sub(r"\\.", "", gift)
    assert bare.count("{") == bare.count("}") == bare.count("::") / 2 == len(bank.items)
    assert bare.count(":") == 4 * len(bank.items) + 1  # the names, and "$CATEGORY:"
    assert len(re.split(r"\n\s*\n", gift.strip())) == 1 + len(bank.items)


# The command


def test_cli_exports_all_banks_to_stdout(capsys, banks):
    assert main(["export", "--format", "moodle"]) == 0
    check(banks, read_moodle(capsys.readouterr().out))


def test_cli_exports_chosen_banks_to_a_file(tmp_path, capsys, banks):
    chosen = [banks[2], banks[0]]
    target = tmp_path / "out" / "quiz.gift"
    argv = ["export", "--format", "gift", "--bank", chosen[0].chapter, "--bank", chosen[1].chapter, "-o", str(target)]
    assert main(argv) == 0
    assert str(target) in capsys.readouterr().out
    check(chosen, read_gift(target.read_text(encoding="utf-8")))


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
        [sys.executable, "-m", "tools", "export", "--format", "gift", "--bank", banks[1].chapter],
        capture_output=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr.decode()
    check([banks[1]], read_gift(result.stdout.decode("utf-8")))
