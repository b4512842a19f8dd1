"""The certification test (issue 21): a pool no learner has seen, blueprinted at least twice
per cell with must-pass compliance items; paper forms A and B equal in difficulty and in what
a test-wise reader gets; a written case with a rubric; its Moodle XML read back by the
structural reader of test_export (Moodle's documented format); the pool never in a learner
output; the item-statistics command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from test_export import read_moodle

from tools.cli import main
from tools.data.yamlfile import DataError
from tools.exercises import adversary, blueprint, item_stats
from tools.exercises import certification as cert
from tools.exercises.model import load_banks
from tools.exercises.shuffle import longest_run, sequence_share
from tools.lms.certification_xml import to_certification_xml
from tools.lms.course import chapters
from tools.trainer import guard, leaks

POOL = cert.load_pool(ROOT)
CASE = cert.load_case(ROOT / cert.FOLDER / cert.CASE_FILE)
FORMS = cert.forms(POOL)
READER = cert.reader(POOL)


def test_the_pool_fills_the_blueprint_twice_over():
    assert cert.problems(POOL) == []
    assert sum(len(bank.items) for bank in POOL.values()) >= cert.MIN_POOL
    for chapter, levels in cert.cells(POOL).items():
        for level, items in levels.items():
            assert len(items) >= 2 * blueprint.BLUEPRINT[chapter][level], (chapter, level)
    assert len(cert.must_pass_items(POOL)) >= 2 * cert.MUST_PASS


def test_the_pool_is_not_the_self_checks():
    self_checks = [i for bank in load_banks(ROOT / "exercises").values() for i in bank.items]
    pool = [i for bank in POOL.values() for i in bank.items]
    assert not {i.id for i in pool} & {i.id for i in self_checks}
    assert not {i.prompt for i in pool} & {i.prompt for i in self_checks}
    texts = {o.text for i in self_checks for o in i.options}
    assert not {o.text for i in pool for o in i.options if o.correct} & texts


def test_a_self_check_id_in_the_pool_is_refused(tmp_path):
    (tmp_path / "exercises").symlink_to(ROOT / "exercises")
    (tmp_path / "book").symlink_to(ROOT / "book")
    folder = tmp_path / cert.FOLDER
    folder.mkdir(parents=True)
    text = (ROOT / cert.FOLDER / "purchase-factors.yml").read_text(encoding="utf-8")
    (folder / "purchase-factors.yml").write_text(text.replace("pf-101", "pf-01", 1), encoding="utf-8")
    with pytest.raises(DataError, match="self-check has this ID"):
        cert.load_pool(tmp_path)


def test_compliance_items_are_must_pass_and_cover_bribery_and_tenders():
    sections = {i.section for i in cert.must_pass_items(POOL)}
    assert {"purchase-factors-compliance", "winning-a-deal-tenders"} <= sections


def test_forms_share_no_item_and_follow_the_blueprint():
    a, b = FORMS
    assert not {i.id for i in a.all_items} & {i.id for i in b.all_items}
    for form in FORMS:
        assert len(form.items) == blueprint.size() and len(form.must_pass) == cert.MUST_PASS
        assert all(i.must_pass for i in form.must_pass) and not any(i.must_pass for i in form.items)
        for chapter, levels in blueprint.BLUEPRINT.items():
            for level, count in levels.items():
                on_form = [i for i in form.items if i.path.stem == chapter and i.level == level]
                assert len(on_form) == count, (form.name, chapter, level)


def test_forms_are_parallel_and_give_a_test_wise_reader_nothing():
    a, b = FORMS
    assert abs(a.difficulty - b.difficulty) <= 0.1
    scores = [cert.testwise(form, READER) for form in FORMS]
    assert abs(scores[0] - scores[1]) <= 0.03
    assert all(score <= 0.25 + adversary.MARGIN for score in scores), scores


def test_the_pool_gives_a_test_wise_reader_nothing():
    report = adversary.evaluate(
        "certification pool", [q for c, b in POOL.items() for q in adversary.questions(b.items, c)]
    )
    assert report.problems() == [], "\n".join(report.lines())


def test_form_keys_show_no_runs_or_step_rule():
    for form in FORMS:
        keys = [min(n for n, o in enumerate(i.options) if o.correct) for i in form.all_items]
        assert longest_run(keys) <= cert.MAX_RUN
        assert sequence_share(keys) <= cert.MAX_SEQUENCE_SHARE


def test_forms_are_the_same_on_every_build():
    again = cert._draw_forms(POOL)  # drawn afresh, not the cached draw
    assert [[i.id for i in f.all_items] for f in again] == [[i.id for i in f.all_items] for f in FORMS]


def test_the_pass_rule_needs_all_three_parts():
    cut = blueprint.cut_score()
    assert cert.passed(cut, cert.MUST_PASS, CASE.pass_marks, CASE)
    assert not cert.passed(30, cert.MUST_PASS - 1, CASE.marks, CASE), "a compliance item missed fails"
    assert not cert.passed(cut - 1, cert.MUST_PASS, CASE.marks, CASE)
    assert not cert.passed(30, cert.MUST_PASS, CASE.pass_marks - 1, CASE)


def test_the_written_case_has_anchors_and_a_sample_at_each_level():
    assert sum(c.marks for c in CASE.criteria) == CASE.marks
    for criterion in CASE.criteria:
        assert criterion.full and criterion.partial and criterion.none
    assert set(CASE.samples) == {"full", "partial", "none"}
    assert CASE.sample_marks["none"] < CASE.pass_marks <= CASE.sample_marks["full"] == CASE.marks
    assert CASE.sample_marks["partial"] < CASE.pass_marks, "the partial sample shows what does not pass"


def test_a_case_whose_marks_do_not_add_up_is_refused(tmp_path):
    text = (ROOT / cert.FOLDER / cert.CASE_FILE).read_text(encoding="utf-8")
    path = tmp_path / "case.yml"
    path.write_text(text.replace("marks: 10\npass_marks", "marks: 12\npass_marks", 1), encoding="utf-8")
    with pytest.raises(DataError, match="criteria give 10 marks"):
        cert.load_case(path)


# ---------------------------------------------------------------- Moodle


def _xml() -> str:
    return to_certification_xml(POOL, chapters(ROOT), CASE)


def test_moodle_xml_has_a_category_per_cell_and_every_item():
    questions = read_moodle(_xml())
    by_category: dict[str, list] = {}
    for question in questions:
        by_category.setdefault(question.category, []).append(question)
    cell_names = [c for c in by_category if c.endswith(("/理解", "/应用", "/分析"))]
    assert len(cell_names) == sum(len(levels) for levels in blueprint.BLUEPRINT.values())
    for category in cell_names:
        assert all(q.qtype == "multichoice" and q.single for q in by_category[category])
    must = [c for c in by_category if c.endswith("/合规必过")]
    assert len(must) == 1 and len(by_category[must[0]]) == len(cert.must_pass_items(POOL))
    assert all("合规必过" in q.tags for q in by_category[must[0]])
    names = {q.idnumber for q in questions if q.qtype == "multichoice"}
    assert names == {i.id for bank in POOL.values() for i in bank.items}
    for question in questions:
        if question.qtype == "multichoice":
            assert sorted(grade for _, grade, _ in question.answers) == [0, 0, 0, 100]
            assert "认证" in question.tags


def test_moodle_essay_carries_the_rubric_and_samples_for_the_grader():
    essays = [q for q in read_moodle(_xml()) if q.qtype == "essay"]
    assert len(essays) == 1
    essay = essays[0]
    assert CASE.title in essay.name and CASE.task.splitlines()[0][:10] in essay.text
    for criterion in CASE.criteria:
        assert criterion.name in essay.graderinfo and criterion.partial[:12] in essay.graderinfo
    assert "样例" in essay.graderinfo and CASE.samples["none"][:12] in essay.graderinfo
    assert CASE.samples["full"][:12] not in essay.text, "the sample answer is for the grader only"


def test_cli_writes_the_certification_xml_and_refuses_learner_folders(tmp_path, capsys):
    out = tmp_path / "cert.xml"
    assert main(["certification", "-o", str(out)]) == 0
    assert "92 questions" in capsys.readouterr().out or out.stat().st_size > 0
    assert read_moodle(out.read_text(encoding="utf-8"))
    target = ROOT / "_build" / "html" / "certification.xml"
    assert main(["certification", "-o", str(target)]) == 2
    assert "trainer material" in capsys.readouterr().err
    assert not target.exists()
    assert main(["certification", "-o", str(tmp_path / "cert.txt")]) == 2


# ---------------------------------------------------------------- the guard


def test_the_pool_is_trainer_material_for_the_leak_scan():
    files = leaks.notes_files(ROOT)
    assert ROOT / cert.FOLDER / "purchase-factors.yml" in files
    assert ROOT / cert.FOLDER / cert.CASE_FILE in files
    item = POOL["winning-a-deal"].items[0]
    page = f"<html><body><p>{item.prompt}</p></body></html>".encode()
    with pytest.raises(guard.LeakError, match="certification"):
        guard.learner_check()({Path("leaked.html"): page})
    sample = CASE.samples["full"].splitlines()[1]
    with pytest.raises(guard.LeakError):
        guard.learner_check()({Path("leaked.html"): f"<p>{sample}</p>".encode()})


def test_learner_sources_quote_nothing_of_the_trainer_data():
    """Nothing a learner page is built from shares a scanned passage with the pool or the
    lecture decks' notes (else the learner build would fail, or worse, the trainer material
    would have copied the course word for word)."""
    data = [p for p in leaks.notes_files(ROOT) if p.suffix == ".yml"]
    assert any("slides" in p.parts for p in data) and any("certification" in p.parts for p in data)
    notes = leaks.Notes.of(data, ROOT, sorted((ROOT / "cases").glob("*.md")))
    sources = [*(ROOT / "book").rglob("*.md"), *(ROOT / "exercises").rglob("*.yml"), *(ROOT / "cases").glob("*.md")]
    found = {str(p.relative_to(ROOT)): list(notes.search(p.read_text(encoding="utf-8"))) for p in sources}
    assert {k: v for k, v in found.items() if v} == {}


# ---------------------------------------------------------------- item statistics


def _grid(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "grid.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_item_stats_from_a_scoring_grid(tmp_path):
    rows = ["学员,kad-101,kad-102,pf-101"] + [f"s{n},{n % 2},{1 if n > 2 else 0},1" for n in range(8)]
    stats = {s.item: s for s in item_stats.statistics(item_stats.read_marks(_grid(tmp_path, rows)))}
    assert stats["kad-101"].facility == 0.5 and stats["pf-101"].facility == 1.0
    assert stats["pf-101"].discrimination is None and "太易" in stats["pf-101"].flags
    assert stats["kad-102"].discrimination is not None


def test_item_stats_regroups_moodle_random_slots_by_question(tmp_path):
    a, b = POOL["key-account-difference"].items[:2]
    header = "Surname,State,Question 1,Q. 1 /1.00,Question 2,Q. 2 /1.00"
    rows = [header]
    for n in range(6):
        first, second = (a, b) if n % 2 else (b, a)
        rows.append(f"L{n},Finished,{first.prompt},1.00,{second.prompt},{n % 3 // 2}.00")
    stats = {s.item: s for s in item_stats.statistics(item_stats.read_marks(_grid(tmp_path, rows), [a, b]))}
    assert set(stats) == {a.id, b.id} and all(s.answered == 6 for s in stats.values())


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([], "empty"),
        (["name,score"] + ["x,1"] * 6, "no item columns"),
        (["name,kad-101"] + ["x,2"] * 6, "not 0 or 1"),
        (["name,kad-101"] + ["x,yes"] * 6, "not a mark"),
        (["name,kad-101", "x,1"], "at least 5"),
    ],
)
def test_item_stats_refuses_bad_input_with_file_and_line(tmp_path, rows, message):
    path = _grid(tmp_path, rows) if rows else tmp_path / "empty.csv"
    if not rows:
        path.write_text("", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "tools", "item-stats", str(path)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 2 and message in result.stderr and str(path.name) in result.stderr
    assert "Traceback" not in result.stderr
