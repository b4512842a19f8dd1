"""The trainer's guide and the case kits: a 培训师资料 part of the trainer edition only, every
trainer-only page marked 培训师资料·请勿发给学员 on screen and on every printed page (browser
print, the trainer PDF, the notes sheets), and none of it in the learner edition."""

from __future__ import annotations

import re
import subprocess

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, copy_sources

from tools.cases.model import book_chapters, load_cases
from tools.cases.strings import strings
from tools.trainer import leaks
from tools.trainer.edition import EditionError, trainer_toc

pytest_plugins = ["trainer_fixtures"]

MARK = strings()["trainer_mark"]
CASES = {case.id: case for case in load_cases(ROOT / "cases", book_chapters(ROOT))}
ROLE_PLAYS = {"rule-breaker": 4, "xiao-cui": 3, "li-xiang": 3, "hengchuan": 3}  # case: roles with a brief each
GUIDE = ["programme", "running-cases", "tools-in-class", "platform", "certification", "cohort"]
TOTAL_POINTS = 20


def trainer_pages() -> list[str]:
    """Every trainer-only page, as its HTML path under the site root."""
    return [p.relative_to(ROOT).with_suffix(".html").as_posix() for p in leaks.notes_files(ROOT) if p.suffix == ".md"]


def pages_text(pdf) -> list[str]:
    """The text of each page of a PDF, in the leak scan's normal form. One pdftotext run:
    it ends every page with a form feed (a run per page took half a minute for the book)."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()  # after the last page's form feed
    count = int(
        re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout)[1]
    )
    assert len(pages) == count, (len(pages), count)
    return [leaks.normal_form(page) for page in pages]


# The trainer edition's table of contents


def test_trainer_toc_ends_with_the_trainer_part():
    part = trainer_toc(ROOT)["parts"][-1]
    assert part["caption"] == "培训师资料"
    guide, kits = part["chapters"]
    assert guide["file"] == "cases/notes/trainer-guide"
    assert [s["file"] for s in guide["sections"]] == [f"cases/notes/trainer-guide/{name}" for name in GUIDE]
    assert kits["file"] == "cases/notes/kits/index"
    assert {s["file"] for s in kits["sections"]} == {f"cases/notes/kits/{case}" for case in CASES}


def test_learner_toc_has_no_trainer_part():
    assert "培训师资料" not in (ROOT / "_toc.yml").read_text(encoding="utf-8")
    assert "cases/notes" not in (ROOT / "_toc.yml").read_text(encoding="utf-8")


def test_a_trainer_page_in_no_toc_and_a_learner_page_in_the_trainer_part_fail(tmp_path):
    src = copy_sources(tmp_path / "src")
    stray = src / "cases" / "notes" / "kits" / "extra.md"
    stray.write_text("(kit-extra)=\n# 多出来的一页\n", encoding="utf-8")
    with pytest.raises(EditionError, match=r"cases/notes/kits/extra\.md belongs to no case page .*trainer-toc\.yml"):
        trainer_toc(src)
    stray.unlink()
    listing = src / "cases" / "notes" / "trainer-toc.yml"
    listing.write_text(listing.read_text(encoding="utf-8") + "  - file: book/guide\n", encoding="utf-8")
    with pytest.raises(EditionError, match=r"`book/guide` is not a page under cases/notes/"):
        trainer_toc(src)


def test_the_leak_scan_reads_every_trainer_page():
    files = {p.relative_to(ROOT).as_posix() for p in leaks.notes_files(ROOT)}
    assert "cases/notes/trainer-guide.md" in files
    assert {f"cases/notes/trainer-guide/{name}.md" for name in GUIDE} <= files
    assert {f"cases/notes/kits/{case}.md" for case in CASES} <= files


# The kits' content, from the sources


def kit(case: str) -> str:
    return (ROOT / "cases" / "notes" / "kits" / f"{case}.md").read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    found = re.search(rf"^## {heading}\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert found, heading
    return found[1]


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_kit_has_its_five_parts(case):
    text = kit(case)
    checks = re.findall(r"^\d\. .+——", section(text, "课前阅读与准备度检查"), re.M)
    assert 3 <= len(checks) <= 5, "a readiness check of 3 to 5 questions, each with its answer"
    sheet = section(text, "评分表")
    points = [int(row[1]) for row in re.findall(r"^\| ([^|]+) \| (\d+) \|", sheet, re.M)]
    assert len(points) >= 4 and sum(points) == TOTAL_POINTS, points
    homework = section(text, "课后作业")
    assert "评分标准（20 分）" in homework
    assert sum(int(n) for n in re.findall(r"（(\d+) 分）[；。]", homework)) == TOTAL_POINTS


@pytest.mark.parametrize("case", sorted(CASES))
def test_run_sheets_go_minute_by_minute_and_include_the_tool_step(case):
    rows = re.findall(r"^\| (\d+)–(\d+) \| ([^|]+) \|", section(kit(case), "逐分钟流程表"), re.M)
    starts, ends = [int(r[0]) for r in rows], [int(r[1]) for r in rows]
    assert starts[0] == 0 and starts[1:] == ends[:-1], "no gap and no overlap"
    assert any("工具" in r[2] for r in rows), "the tool step has its own minutes"
    guide = (ROOT / "cases" / "notes" / "trainer-guide" / "running-cases.md").read_text(encoding="utf-8")
    row = next(line for line in guide.splitlines() if f"kits/{case}`" in line)
    listed, tool, total = (int(n) for n in re.findall(r"(\d+) 分钟", row))
    assert listed == CASES[case].duration, "the guide quotes the case page's time"
    assert total == listed + tool == ends[-1], "the run sheet fills the time the guide gives"


@pytest.mark.parametrize(("case", "roles"), sorted(ROLE_PLAYS.items()))
def test_role_briefs_each_on_their_own_page(case, roles):
    briefs = re.findall(
        r":::\{container\} course-print-page\n\*\*角色说明 · ([^*]+)\*\*", section(kit(case), "角色说明")
    )
    assert len(briefs) == roles and len(set(briefs)) == roles, briefs


def test_the_rule_breaker_kit_puts_stopping_and_reporting_first():
    text = kit("rule-breaker")
    assert "立即制止" in section(text, "课前阅读与准备度检查")
    sheet = section(text, "评分表")
    first = re.findall(r"^\| ([^|]+) \| \d+ \|", sheet, re.M)[0]
    assert first == "合规第一步"
    assert "合规一项记 0 分，整份判为不足" in sheet


# The trainer edition, built


@pytest.mark.slow
def test_trainer_site_lists_the_guide_and_kits(trainer_site):
    soup = BeautifulSoup((trainer_site / "book" / "index.html").read_text(encoding="utf-8"), "html.parser")
    nav = soup.select_one("nav.bd-docs-nav")
    assert "培训师资料" in [c.get_text(strip=True) for c in nav.select("p.caption")]
    links = {a["href"] for a in nav.select("a.reference.internal")}
    for page in trainer_pages():
        if "/kits/" in page or "trainer-guide" in page:
            assert f"../{page}" in links, page


@pytest.mark.slow
def test_every_trainer_page_is_marked_on_screen(trainer_site):
    css = (trainer_site / "_static" / "course-trainer.css").read_text(encoding="utf-8")
    assert re.search(r"@media print \{\s*@page \{ margin: [^;]+; @top-center \{ content: \"" + MARK, css), "every sheet"
    for page in trainer_pages():
        soup = BeautifulSoup((trainer_site / page).read_text(encoding="utf-8"), "html.parser")
        banner = soup.select_one("article .course-trainer-mark")
        assert banner and banner.get_text(strip=True) == MARK, page
        assert soup.find("link", href=re.compile(r"_static/course-trainer\.css")), page
    for case in CASES:  # a case page is what learners get: printed from the trainer site, unmarked
        soup = BeautifulSoup((trainer_site / "cases" / f"{case}.html").read_text(encoding="utf-8"), "html.parser")
        assert not soup.select(".course-trainer-mark") and MARK not in soup.get_text()
        assert not soup.find("link", href=re.compile(r"course-trainer\.css"))


@pytest.mark.slow
@pytest.mark.browser
def test_browser_print_marks_every_sheet_and_starts_each_role_on_a_page(trainer_site, browser, tmp_path):
    page = browser.new_page()
    for name in ("cases/notes/kits/rule-breaker.html", "cases/notes/trainer-guide/programme.html"):
        page.goto((trainer_site / name).as_uri())
        target = tmp_path / (name.replace("/", "-") + ".pdf")
        page.pdf(path=str(target), format="A4", prefer_css_page_size=True)
        texts = pages_text(target)
        assert len(texts) >= 2, name
        assert all(MARK in text for text in texts), [i + 1 for i, t in enumerate(texts) if MARK not in t]
        if "kits" in name:
            # Each role brief starts a page: its title is the first text below the running mark
            # (the first brief under the section's heading, which moves to the page with it).
            starts = [t.split(MARK, 1)[1][:30] for t in texts]
            for role in ("销售总监", "被抢单地区的经理", "财务主管", "合规部门负责人"):
                assert any(re.match(rf"(角色说明)?角色说明·{role}", s) for s in starts), role
            assert any(s.startswith("评分表") for s in starts), "the scoring sheet starts a page, heading and all"
    page.close()


@pytest.mark.slow
def test_every_page_of_the_trainer_pdf_is_marked(trainer_pdf):
    texts = pages_text(trainer_pdf)
    assert [i + 1 for i, text in enumerate(texts) if MARK not in text] == []
    joined = "".join(texts)
    for title in ("培训师指南", "案例教学包", "教学包:业绩好却违规的老销售", "角色说明·合规部门负责人"):
        assert leaks.normal_form(title).replace("：", ":") in joined.replace("：", ":"), title


@pytest.mark.slow
def test_every_page_of_every_notes_sheet_is_marked(trainer_handouts):
    out = trainer_handouts
    for case in CASES:
        texts = pages_text(out / f"{case}-notes.pdf")
        assert all(MARK in text for text in texts), case
        assert MARK not in "".join(pages_text(out / f"{case}.pdf")), "the learners' sheet is unmarked"


# The learner edition: none of it


def test_learner_edition_has_no_trainer_page_and_no_marking(site, pdf):
    assert not (site / "cases" / "notes").exists()
    assert not (site / "_static" / "course-trainer.css").exists()
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".js", ".css", ".txt", ".md"):
            text = path.read_text(encoding="utf-8", errors="ignore")
            assert MARK not in text and "培训师指南" not in text and "案例教学包" not in text, path
    assert MARK not in "".join(pages_text(pdf))
