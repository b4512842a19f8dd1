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

from tools.cases.model import CASE_POINTS, book_chapters, load_cases
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
        (["--case", "pinacor", "nobody"], "no case nobody; the cases are: hengchuan, li-xiang, pinacor, rule-breaker,"),
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


MARKED = ["tp-09", "tp-10", "tp-06", "tp-03", "tp-04"]  # single, multiple, true/false, ordering, matching


def test_sheet_has_answer_space_points_and_a_total(tmp_path):
    out = tmp_path / "out"
    assert main(["assign", "--items", *MARKED, "-o", str(out)]) == 0
    html = (out / "assignment.html").read_text(encoding="utf-8")
    text = text_of(out / "assignment.pdf")
    choice_options = sum(len(ALL_ITEMS[i].options) for i in MARKED)
    assert text.count("☐") == choice_options + 2, "a box per option, and 对/错 for the true/false item"
    assert html.count('class="sheet-answer-lines"') == 2, "write-in lines for ordering and matching"
    # The rule: 1 point per single/true-false item, 2 per multiple, ordering or matching, 10 per case.
    assert re.findall(r"第\d+题·\w+·[a-z]+-\d+·(\d+)分", text) == ["1", "2", "1", "2", "2"]
    assert "满分8分" in text and "得分" in text


def test_key_opens_with_an_answer_grid(tmp_path):
    out = tmp_path / "out"
    assert main(["assign", "--items", *MARKED, "-o", str(out)]) == 0
    text = text_of(out / "answer-key.pdf")
    grid = text[: text.index("自测题答案与解析")]
    assert "答案速查" in grid and "满分8分" in grid
    for item_id in MARKED:
        item = ALL_ITEMS[item_id]
        if item.is_choice:
            assert "、".join(item.correct_letters) in grid
    assert "对" in grid.split("tp-06", 1)[1][:20] or "错" in grid.split("tp-06", 1)[1][:20]
    assert PdfReader(out / "answer-key.pdf").pages[0].extract_text().count("tp-") >= len(MARKED)


def test_two_forms_differ_in_option_order_and_keys_match(tmp_path):
    out = tmp_path / "out"
    assert main(["assign", "--items", *MARKED, "--versions", "2", "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{name}-{form}.{ext}" for name in ("assignment", "answer-key") for form in "AB" for ext in ("html", "pdf")
    )
    single = ALL_ITEMS["tp-09"]
    right = nf(next(o.text for o in single.options if o.correct))

    def letter_of_right(form: str) -> str:
        html = (out / f"assignment-{form}.html").read_text(encoding="utf-8")
        block = html[html.index('data-item="tp-09"') :]
        options = re.findall(r"<li>(?:<span[^>]*>☐</span>\s*)?(.*?)</li>", block)[: len(single.options)]
        return "ABCDEFGH"[[nf(o) for o in options].index(right)]

    a, b = letter_of_right("A"), letter_of_right("B")
    assert a == single.correct_letters[0], "form A keeps the site's order"
    for form, letter in (("A", a), ("B", b)):
        assert f"(tp-09)答案:{letter}" in text_of(out / f"answer-key-{form}.pdf")
    orders = [re.findall(r"<li>(.*?)</li>", (out / f"assignment-{f}.html").read_text(encoding="utf-8")) for f in "AB"]
    assert orders[0] != orders[1] and sorted(orders[0]) == sorted(orders[1])
    assert "A卷" in text_of(out / "assignment-A.pdf") and "B卷" in text_of(out / "assignment-B.pdf")


def test_pdfs_carry_licence_and_build_date(tmp_path):
    import datetime

    out = tmp_path / "out"
    assert main(["assign", "--items", "pf-01", "-o", str(out)]) == 0
    for name in ("assignment.pdf", "answer-key.pdf"):
        text = text_of(out / name, footer=True)
        assert "CCBY-SA4.0" in text and datetime.date.today().isoformat() in text, name


def test_bad_versions_is_refused(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["assign", "--items", "pf-01", "--versions", "5", "-o", str(out)]) == 2
    assert "--versions" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.slow
def test_cases_get_points_and_lines_to_write_on(assignment, assigned):
    items, cases = assigned
    text = text_of(assignment / "assignment.pdf")
    html = (assignment / "assignment.html").read_text(encoding="utf-8")
    assert text.count("作答区") == len(cases) and html.count('class="sheet-answer-lines"') >= len(cases)
    total = CASE_POINTS * len(cases) + sum(  # one scale: the kits give a case 20
        2 if ALL_ITEMS[i].multiple or ALL_ITEMS[i].type in ("ordering", "matching") else 1 for i in items
    )
    assert f"满分{total}分" in text and f"满分{total}分" in text_of(assignment / "answer-key.pdf")
