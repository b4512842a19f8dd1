"""Every case's prescribed tool inputs, run through the tools, against what its teaching notes
say a trainer should expect.

A case page prescribes ratings in its 使用分析工具 section and links each set to a preset of
the tool; the case's notes state, in ``{tool-results} KIND PRESET`` blocks of ``项目：结果``
lines, what the tool shows for it. Here the blocks are read straight from the Markdown and
compared with the tools' own results (the build makes the same check through
``tools.widgets.expected``; this test does not use it, so the two cannot share a mistake).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

from tools.widgets import api, expected, state, zh

pytest_plugins = ["trainer_fixtures"]

CASES = ROOT / "cases"
NOTES = CASES / "notes"
BLOCK = re.compile(r"^```\{tool-results\} (\S+) (\S+)\n(.*?)^```", re.M | re.S)
LINK = re.compile(r"#(relationship-map|purchase-factors)=preset:([a-z0-9-]+)")
CASE_IDS = sorted(p.stem for p in CASES.glob("*.md") if p.stem != "index")


def blocks(case: str) -> list[tuple[str, str, dict[str, str]]]:
    text = (NOTES / f"{case}.md").read_text(encoding="utf-8")
    out = []
    for kind, preset, body in BLOCK.findall(text):
        lines = [line.strip() for line in body.splitlines() if line.strip()]
        assert all("：" in line for line in lines), f"{case}: {preset}: every line is `项目：结果`"
        out.append((kind, preset, dict(line.split("：", 1) for line in lines)))
    return out


def tool_says(kind: str, preset: str) -> dict[str, str]:
    """What the tool shows for the preset, in the words of the notes."""
    data = state.preset_data(kind, preset, zh)
    assert data is not None, f"no preset {preset} for {kind}"
    result = api.analyse(kind, data)
    assert result["errors"] == [], result["errors"]
    a = result["analysis"]
    none = zh.EXPECTED["none"]
    if kind == "relationship-map":
        said = {c["name"]: dict(zh.TYPES)[c["type"]] for c in a["contacts"]}
        said["警示"] = "、".join(zh.WARNING_NAMES[w["code"]] for w in a["warnings"]) or none
        return said
    levels = dict(zh.LEVELS)
    return {
        "分歧": "、".join(dict(zh.FACTORS)[f] for f in a["divergent"]) or none,
        "个人关系分量": levels[a["weight"]["level"]],
        "客户跟走风险": levels[a["departing"]["level"]],
    }


def linked_presets(case: str) -> list[tuple[str, str]]:
    return LINK.findall((CASES / f"{case}.md").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASE_IDS)
def test_the_notes_state_what_the_tool_shows_for_every_prescribed_input(case):
    stated = blocks(case)
    linked = linked_presets(case)
    assert linked, f"cases/{case}.md prescribes tool inputs but links no preset"
    assert sorted({(k, p) for k, p, _ in stated}) == sorted(set(linked)), (
        f"cases/notes/{case}.md must state the results of exactly the presets cases/{case}.md links"
    )
    for kind, preset, said in stated:
        assert said == tool_says(kind, preset), f"cases/notes/{case}.md, {kind} {preset}"


@pytest.mark.parametrize("case", CASE_IDS)
def test_the_presets_are_the_cases_own_people(case):
    """A relationship preset holds the contacts the case page names; nothing is made up
    beside the case."""
    page = (CASES / f"{case}.md").read_text(encoding="utf-8")
    for kind, preset in linked_presets(case):
        if kind != "relationship-map":
            continue
        for contact in state.preset_data(kind, preset, zh)["contacts"]:
            assert contact["name"] in page, f"{preset}: {contact['name']} is not on cases/{case}.md"


def test_li_xiang_and_the_rule_breakers_customer_a_agree_with_the_model_answers():
    """Issue #11: both were "medium" although the notes say the customers follow the rep.
    The case inputs now give the undifferentiated customer the low switching cost its
    standard product means, and the tool says high, as the model answers do."""
    for preset in ("li-xiang", "rule-breaker-a"):
        assert tool_says("purchase-factors", preset)["客户跟走风险"] == "高"
    assert "风险高" in (NOTES / "rule-breaker.md").read_text(encoding="utf-8")


def test_every_preset_is_valid_and_every_case_preset_is_used():
    used = {(k, p) for case in CASE_IDS for k, p in linked_presets(case)}
    for kind in api.KINDS:
        for name, _title, data in zh.PRESETS[kind]:
            assert api.analyse(kind, data)["errors"] == [], name
            if any(name.startswith(case) for case in CASE_IDS):
                assert (kind, name) in used, f"preset {name} is linked from no case page"


def test_the_build_check_finds_a_wrong_statement():
    """The build's own check (tools.widgets.expected) catches what this test catches."""
    right = ["分歧：采购收益", "个人关系分量：高", "客户跟走风险：高"]
    assert expected.compare("purchase-factors", "li-xiang", right) == []
    problems = expected.compare("purchase-factors", "li-xiang", ["分歧：无", "个人关系分量：高", "多余：x"])
    messages = " ".join(m for _n, m in problems)
    assert "the tool shows `采购收益`" in messages and "`多余` is not an item" in messages
    assert "`客户跟走风险` is not stated" in messages


def test_case_links_open_the_tool_pages(site: Path):
    """The links on the built case pages lead to the tool pages (the preset names are checked
    above; the browser test follows one)."""
    for case in CASE_IDS:
        html = (site / "cases" / f"{case}.html").read_text(encoding="utf-8")
        for target in re.findall(r'href="([^"#]+)#(?:relationship-map|purchase-factors)=preset:', html):
            assert (site / "cases" / target).resolve().is_file(), f"{case}: {target}"


def test_the_trainer_edition_shows_the_expected_results_and_item_ids(site: Path, trainer_site: Path):
    """The notes' blocks become tables with a link that opens the preset; item IDs (kad-01),
    which trainers use to pick items, are shown in the trainer edition only (issue #10,
    point 18)."""
    notes = (trainer_site / "cases" / "notes" / "li-xiang.html").read_text(encoding="utf-8")
    blocks_on_page = re.findall(r'class="course-tool-results" data-kind="([^"]+)" data-preset="([^"]+)"', notes)
    assert sorted(blocks_on_page) == sorted((k, p) for k, p, _ in blocks("li-xiang"))
    assert "widgets/purchase-factors.html#purchase-factors=preset:li-xiang" in notes
    learner = (site / "book" / "purchase-factors.html").read_text(encoding="utf-8")
    trainer = (trainer_site / "book" / "purchase-factors.html").read_text(encoding="utf-8")
    assert 'class="course-quiz-id">pf-01<' in trainer and "第 1 题（pf-01）" in trainer
    assert "course-quiz-id" not in learner and "（pf-01）" not in learner
