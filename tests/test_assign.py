"""The assignment builder: chosen cases and self-check items on a learners' sheet with no
answers on it, and an answer key with every answer, explanation and the cases' model
answers; bad IDs are refused with what exists, and nothing is written."""

from __future__ import annotations

import re
import subprocess
import unicodedata

import pytest
from conftest import ROOT
from pypdf import PdfReader

from tools.cases.model import book_chapters, load_cases
from tools.cli import main
from tools.exercises.model import load_banks
from tools.trainer import leaks

pytest_plugins = ["trainer_fixtures"]

BANKS = load_banks(ROOT / "exercises")
ALL_ITEMS = {item.id: item for bank in BANKS.values() for item in bank.items}
FOOTER = re.compile(r"^\s*(?:关系销售 · .*|第 ?\d+ ?页)\s*$", re.M)


def nf(text: str) -> str:
    """The leak search's normal form, with full-width punctuation as half-width (NFKC), so
    that these checks hold whichever width the course text uses."""
    return unicodedata.normalize("NFKC", leaks.normal_form(text))


def text_of(path, footer: bool = False) -> str:
    """A PDF's text in normal form; without the running footer unless asked, as it would
    split a paragraph that runs over a page break."""
    raw = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return nf(raw if footer else FOOTER.sub("", raw))


def explanations(item) -> list[str]:
    texts = [o.explanation for o in item.options] + [p.explanation for p in item.pairs] + [item.explanation]
    return [nf(t) for t in texts if t]


def case_passages(case_id: str, first: str, last: str, notes: bool = False) -> list[leaks.Passage]:
    path = ROOT / "cases" / ("notes" if notes else "") / f"{case_id}.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    start, end = lines.index(f"## {first}"), lines.index(f"## {last}")
    return [p for p in leaks.passages([path]) if start < int(p.source.rsplit(":", 1)[1]) <= end]


@pytest.mark.slow
def test_writes_handout_and_key_as_html_and_a4_pdf(assignment):
    assert sorted(p.name for p in assignment.iterdir()) == [
        "answer-key.html",
        "answer-key.pdf",
        "assignment.html",
        "assignment.pdf",
    ]
    for name in ("assignment.pdf", "answer-key.pdf"):
        box = PdfReader(assignment / name).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)


@pytest.mark.slow
def test_handout_has_the_cases_and_the_items_in_order_and_no_answers(assignment, assigned, note_passages):
    items, cases = assigned
    text = text_of(assignment / "assignment.pdf")
    assert "第三周作业" in text and "姓名" in text
    for case in cases:
        wanted = case_passages(case, "情境", "建议形式与时间")
        assert [str(p) for p in wanted if nf(p.text) not in text] == []
    numbered = re.findall(r"第(\d+)题·\w+·([a-z]+-\d+)", text)
    assert numbered == [(str(n), item) for n, item in enumerate(items, 1)]
    for item_id in items:
        item = ALL_ITEMS[item_id]
        assert nf(item.prompt) in text
        assert [e for e in explanations(item) if e in text] == [], f"{item_id}: an explanation on the learners' sheet"
    assert "答案" not in text and "解析" not in text
    assert [str(p) for p in note_passages if nf(p.text) in text] == [], "no teaching note"
    html = (assignment / "assignment.html").read_text(encoding="utf-8")
    assert "course-quiz-data" not in html and "<script" not in html, "the page data would give the answers away"


@pytest.mark.slow
def test_key_has_every_answer_and_the_model_answers(assignment, assigned):
    items, cases = assigned
    text = text_of(assignment / "answer-key.pdf")
    assert "第三周作业·答案与评分参考" in text
    assert "关系销售·答案·培训师用·请勿发给学员" in text_of(assignment / "answer-key.pdf", footer=True)
    keyed = re.findall(r"第(\d+)题\(([a-z]+-\d+)\)", text)
    assert keyed == [(str(n), item) for n, item in enumerate(items, 1)]
    for item_id in items:
        item = ALL_ITEMS[item_id]
        assert [e for e in explanations(item) if e not in text] == [], item_id
        if item.is_choice:
            assert f"({item_id})答案:{'、'.join(item.correct_letters)}" in text
    for case in cases:
        answers = case_passages(case, "参考答案", "常见误区", notes=True)
        assert answers and [str(p) for p in answers if nf(p.text) not in text] == [], case
        rest = case_passages(case, "常见误区", "原始资料的缺口", notes=True)
        assert [str(p) for p in rest if nf(p.text) in text] == [], "only model answers and grading"
    unchosen = [i for i in ALL_ITEMS if i not in items]
    assert not [i for i in unchosen if f"({i})" in text]


def test_items_only_needs_no_build(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["assign", "--items", "pf-01", "rt-05", "-o", str(out), "--html", str(tmp_path / "nothing")]) == 0
    handout, key = text_of(out / "assignment.pdf"), text_of(out / "answer-key.pdf")
    assert "pf-01" in handout and "rt-05" in handout and "作业" in handout
    assert nf(ALL_ITEMS["pf-01"].options[0].explanation) in key
    assert nf(ALL_ITEMS["pf-01"].options[0].explanation) not in handout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--case", "pinacor", "nobody"], "no case nobody; the cases are: li-xiang, pinacor, rule-breaker,"),
        (["--items", "pf-01,pf-99", "zz-01"], "no self-check item pf-99, zz-01; the items are, by bank:\n"),
        ([], "choose at least one --case or --items"),
    ],
    ids=["case", "items", "nothing"],
)
def test_bad_selection_is_refused_and_nothing_is_written(tmp_path, capsys, args, message):
    out = tmp_path / "out"
    assert main(["assign", *args, "-o", str(out)]) == 2
    error = capsys.readouterr().err
    assert message in error
    if "by bank" in message:
        for chapter, bank in BANKS.items():
            assert f"  {chapter}: {' '.join(i.id for i in bank.items)}\n" in error + "\n"
    if "the cases are" in message:
        assert all(case.id in error for case in load_cases(ROOT / "cases", book_chapters(ROOT)))
    assert not out.exists()


def test_cases_need_a_trainer_build(site, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["assign", "--case", "pinacor", "--items", "pf-01", "-o", str(out), "--html", str(site)]) == 2
    assert "is not a trainer build (no teaching notes)" in capsys.readouterr().err
    assert not out.exists()
