"""Case kits one by one (issue 24): each kit of the trainer build as its own PDF, with every
role brief and the scoring sheet on a page of its own and the trainer mark on every page;
the printing list for a group size."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT

from tools.pdf.render import kit_pdf
from tools.trainer import kits

pytest_plugins = ["trainer_fixtures"]
KITS = kits.load_kits(ROOT)


def test_every_case_has_a_kit_with_its_roles():
    assert {k.id for k in KITS} == {p.stem for p in (ROOT / "cases").glob("*.md")} - {"index"}
    rule_breaker = next(k for k in KITS if k.id == "rule-breaker")
    assert rule_breaker.groups and len(rule_breaker.roles) == 4 and rule_breaker.minutes == 75
    assert not next(k for k in KITS if k.id == "zhang-jin").groups


def test_printing_list_for_twelve():
    lines = kits.printing_list(KITS, 12)
    handouts = [x for x in lines if x.what.startswith("案例材料")]
    assert len(handouts) == len(KITS) and all(x.copies == 12 for x in handouts)
    briefs = [x for x in lines if x.what.startswith("角色说明")]
    assert briefs and all(x.copies == 3 for x in briefs), "one set per group of about five"
    sheets = {x.kit: x.copies for x in lines if x.what == "评分表"}
    assert sheets[next(k.title for k in KITS if k.id == "zhang-jin")] == 12, "individual work: a sheet each"
    assert any("计时器" in thing for thing in kits.things_to_bring(KITS, 12))


def test_a_kit_pdf_puts_each_role_brief_on_its_own_page(trainer_site, tmp_path):
    path = tmp_path / "kit.pdf"
    path.write_bytes(kit_pdf(trainer_site, "cases/notes/kits/rule-breaker.html"))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    kit = next(k for k in KITS if k.id == "rule-breaker")
    for role in kit.roles:
        holding = [n for n, page in enumerate(pages) if f"角色说明 · {role}" in page]
        assert len(holding) == 1, role
        others = [r for r in kit.roles if r != role]
        assert not any(f"角色说明 · {r}" in pages[holding[0]] for r in others), "one brief per page"
    assert all("培训师资料" in re.sub(r"\s+", "", page) for page in pages if page.strip())


def test_kits_command_needs_a_trainer_build(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "tools", "kits", "--html", str(tmp_path), "-o", str(tmp_path / "out")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and "make trainer" in done.stderr and not (tmp_path / "out").exists()


def test_one_scale_for_a_case_everywhere():
    """Issue 24: a case was worth 20 on the kits' scoring sheets and 10 in assign and Moodle."""
    from tools.cases.model import CASE_POINTS
    from tools.handouts import assign
    from tools.lms.moodle_xml import ESSAY_GRADE

    for kit in KITS:
        text = (ROOT / kits.FOLDER / f"{kit.id}.md").read_text(encoding="utf-8")
        assert f"合计：____ / {CASE_POINTS}" in text, kit.id
        assert "16 分及以上：优秀；11 至 15 分：合格；10 分及以下：不足" in text, kit.id
    assert str(CASE_POINTS) == ESSAY_GRADE and assign.CASE_POINTS == CASE_POINTS == 20
