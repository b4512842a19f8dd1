"""The trainer's cohort page (issue 23): three learners' records read in the browser (nothing
uploaded), one row each, sortable, a CSV export; a file that is not a record named and
skipped; the later of two records of one learner kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
pytest_plugins = ["trainer_fixtures"]

PAGE = "cases/notes/trainer-guide/cohort.html"


def record(name: str, exported: str, right: int, best: int | None, finished: int) -> dict:
    return {
        "format": "guanxi-record",
        "version": 1,
        "name": name,
        "exported": exported + "T08:00:00.000Z",
        "chapters": [
            {"chapter": "key-account-difference", "title": "第一章", "total": 20, "answered": 20, "right": right},
            {"chapter": "purchase-factors", "title": "第二章", "total": 22, "answered": 5, "right": 4},
        ],
        "test": {"best": best, "attempts": 0 if best is None else 2, "cut": 21, "size": 30},
        "conversations": {"finished": finished, "total": 15},
    }


@pytest.fixture
def cohort_page(trainer_site, browser):
    from tools.browser import serve

    with serve(trainer_site) as url:
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(url + PAGE)
        yield page, errors
        context.close()


def test_three_learners_in_one_sortable_table_and_a_csv(cohort_page, tmp_path):
    page, errors = cohort_page
    files = []
    for n, rec in enumerate(
        [
            record("林悦", "2026-12-01", 15, 80, 3),
            record("孟凡", "2026-12-02", 19, None, 1),
            record("许航", "2026-12-03", 12, 63, 5),
            record("林悦", "2026-11-20", 2, 10, 0),  # an older record of the same learner
        ]
    ):
        path = tmp_path / f"r{n}.json"
        path.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
        files.append(str(path))
    junk = tmp_path / "notes.json"
    junk.write_text('{"format": "guanxi-progress"}', encoding="utf-8")
    page.locator(".course-cohort-file").set_input_files([*files, str(junk)])
    status = page.locator(".course-cohort-status")
    status.filter(has_text="共 3 位学员").wait_for()
    assert "notes.json" in status.inner_text()
    rows = page.locator(".course-cohort-table tbody tr")
    assert rows.count() == 3
    lin = page.locator(".course-cohort-table tbody tr", has_text="林悦")
    assert "15/20/20" in lin.inner_text() and "80%（2 次）" in lin.inner_text(), "the later record of 林悦"
    page.get_by_role("button", name="模拟测验最好成绩").click()
    first = [rows.nth(i).locator("th").inner_text() for i in range(3)]
    assert first == ["孟凡", "许航", "林悦"], "no score first, then rising"
    with page.expect_download() as download:
        page.locator(".course-cohort-csv").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0].startswith("姓名,导出日期,第一章,第二章") and len(lines) == 4
    assert not errors
