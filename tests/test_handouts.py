"""Printable handouts: one sheet per case (HTML and A4 PDF) with the situation and the tasks
and nothing of the notes; a notes sheet per case from the trainer edition; a case page
printed from the browser shows the case and no site furniture."""

from __future__ import annotations

import re
import subprocess

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from pypdf import PdfReader

from tools.cases.model import book_chapters, load_cases
from tools.cli import main
from tools.trainer import leaks

pytest_plugins = ["trainer_fixtures"]

CASES = load_cases(ROOT / "cases", book_chapters(ROOT))
FOOTER = re.compile(r"^\s*(?:关系销售 · .*|第 ?\d+ ?页)\s*$", re.M)


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def sheet_text(path) -> str:
    """A sheet's text in the leak search's normal form, without the running footer (which
    would otherwise sit inside a paragraph that runs over a page break)."""
    return leaks.normal_form(FOOTER.sub("", pdf_text(path)))


def case_passages(case, first: str, last: str) -> list[leaks.Passage]:
    """The passages of a case page from heading ``first`` up to (not including) ``last``."""
    lines = case.path.read_text(encoding="utf-8").splitlines()
    start, end = lines.index(f"## {first}"), lines.index(f"## {last}")
    found = leaks.passages([case.path])
    return [p for p in found if start < int(p.source.rsplit(":", 1)[1]) <= end]


def notes_of(case, note_passages) -> list[leaks.Passage]:
    return [p for p in note_passages if p.source.startswith(f"cases/notes/{case.id}.md:")]


WORKSHEETS = ("account-review", "opportunity", "account-plan")


def test_one_html_and_one_a4_pdf_per_case(learner_handouts):
    assert sorted(p.name for p in learner_handouts.iterdir()) == sorted(
        [f"{case.id}.{suffix}" for case in CASES for suffix in ("html", "pdf")]
        + [f"worksheet-{key}.{suffix}" for key in WORKSHEETS for suffix in ("html", "pdf")]
    )
    for case in CASES:
        box = PdfReader(learner_handouts / f"{case.id}.pdf").pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842), case.id


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_handout_has_situation_and_tasks_and_no_notes(learner_handouts, note_passages, case):
    text = sheet_text(learner_handouts / f"{case.id}.pdf")
    assert re.search(rf"案例[:：]{re.escape(case.title)}", text), "the case's title"
    wanted = case_passages(case, "情境", "建议形式与时间")
    assert len(wanted) >= 8 and [str(p) for p in wanted if p.text not in text] == []
    others = case_passages(case, "学习目标", "情境") + case_passages(case, "建议形式与时间", "使用分析工具")
    assert others and [str(p) for p in others if p.text in text] == [], "only the situation and the tasks"
    notes = notes_of(case, note_passages)
    assert notes and [str(p) for p in notes if p.text in text] == [], "no teaching note"
    assert "教学笔记" not in text and "培训师" not in text
    assert f"{case.duration}分钟" in text and "姓名" in text


def test_handout_html_stands_alone(learner_handouts):
    for case in CASES:
        soup = BeautifulSoup((learner_handouts / f"{case.id}.html").read_text(encoding="utf-8"), "html.parser")
        assert soup.html["lang"] == "zh-CN"
        assert not soup.find_all("script") and not soup.find_all("link"), "nothing to load"
        assert not soup.find_all("a", href=True), "links lead nowhere on paper"
        assert all(img["src"].startswith("data:") for img in soup.find_all("img"))
        assert "@page" in soup.style.get_text() and "size: A4" in soup.style.get_text()


def test_unknown_case_is_an_error_and_writes_nothing(site, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["handouts", "--html", str(site), "-o", str(out), "--case", "pinacor", "no-such-case"]) == 2
    error = capsys.readouterr().err
    assert "no case no-such-case; the cases are: hengchuan, li-xiang, pinacor," in error
    assert not out.exists()


def test_trainer_handouts_need_a_trainer_build(site, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["handouts", "--edition", "trainer", "--html", str(site), "-o", str(out), "--case", "pinacor"]) == 2
    assert "no page cases/notes/pinacor.html; run `make trainer`" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.slow
def test_trainer_handouts_add_a_notes_sheet_per_case(trainer_handouts, note_passages):
    out = trainer_handouts
    for case in CASES:
        learner, sheet = sheet_text(out / f"{case.id}.pdf"), sheet_text(out / f"{case.id}-notes.pdf")
        assert "培训师资料·请勿发给学员" in leaks.normal_form(pdf_text(out / f"{case.id}-notes.pdf"))
        notes = notes_of(case, note_passages)
        assert [str(p) for p in notes if p.text not in sheet] == [], "the whole of the notes"
        assert [str(p) for p in notes if p.text in learner] == [], "the case sheet stays note-free"
        html = (out / f"{case.id}-notes.html").read_text(encoding="utf-8")
        assert "course-trainer-link" not in html and "回到案例页面" not in html


@pytest.mark.browser
def test_case_page_prints_cleanly_from_the_browser(page, server, tmp_path):
    case = CASES[0]
    page.goto(server + f"cases/{case.id}.html")
    page.emulate_media(media="print")
    for furniture in (".bd-header", ".bd-sidebar-primary", ".bd-sidebar-secondary", ".bd-footer", ".prev-next-area"):
        assert not page.locator(furniture).first.is_visible(), furniture
    assert not page.locator("#jb-print-toc").is_visible(), "no contents list on a printed case"
    target = tmp_path / "printed.pdf"
    page.pdf(path=str(target), format="A4")
    text = leaks.normal_form(pdf_text(target))
    assert case.title in text
    wanted = case_passages(case, "情境", "建议形式与时间")
    assert sum(p.text in text for p in wanted) >= len(wanted) - 2, "the case, bar a paragraph split by a page break"
    for chrome in ("上一页", "下一页", "CCBY-SA", "本页目录", "目录"):
        assert chrome not in text, chrome
    assert not page.js_errors


def last_page_lines(path) -> int:
    """Lines of text on a PDF's last page, not counting the running footer."""
    pages = len(PdfReader(path).pages)
    raw = subprocess.run(
        ["pdftotext", "-layout", "-f", str(pages), "-l", str(pages), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return sum(1 for line in raw.splitlines() if line.strip() and not FOOTER.match(line.split("   ")[0]))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_handout_does_not_spill_a_few_lines_onto_a_last_page(learner_handouts, case):
    # A page that holds only the last couple of lines wastes paper and reads as a mistake;
    # the layout (margins, leading) is set so that no case's handout ends like that.
    path = learner_handouts / f"{case.id}.pdf"
    assert last_page_lines(path) >= 5, f"{case.id}: the last of {len(PdfReader(path).pages)} pages is nearly empty"


def test_handouts_carry_licence_and_build_date(learner_handouts):
    import datetime

    for case in CASES:
        text = pdf_text(learner_handouts / f"{case.id}.pdf")
        assert "CC BY-SA 4.0" in text and datetime.date.today().isoformat() in text, case.id


def test_the_blank_worksheets_are_fillable_pdf_forms(learner_handouts, site):
    """Every answer cell of a worksheet is a form field in its PDF, named as the site's
    on-screen field is; the examples are not forms; the questions are printed."""
    for key in WORKSHEETS:
        path = learner_handouts / f"worksheet-{key}.pdf"
        fields = PdfReader(path).get_fields() or {}
        html = (site / f"book/worksheets/{key}.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        section = soup.select_one("section[id^='worksheet-']")
        for example in section.select("section[id*='example'], section[id*='week1']"):
            example.decompose()
        empty = sum(
            1
            for t in section.select("table.worksheet")
            for r, row in enumerate(t.find_all("tr"))
            for cell in row.find_all(["td", "th"])
            if not cell.get_text().strip() and (r > 0 or "worksheet-head" in t.get("class", []))
        )
        assert len(fields) == empty > 20, key
        assert all(re.fullmatch(r"t\d+r\d+c\d+", name) for name in fields), key
        box = PdfReader(path).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    text = pdf_text(learner_handouts / "worksheet-account-review.pdf")
    assert "我们卖的东西对这个客户是非买不可" in text.replace("\n", "")
