"""A reader who has not read the course must not beat chance by more than ten points with
any surface strategy (issue 21): the adversary of tools/exercises/adversary.py over the
self-checks, the conversations and each printed form, and proof that it finds each cue."""

from __future__ import annotations

import pytest
from conftest import ROOT

from tools.exercises import adversary as adv

REPORTS = {report.name: report for report in adv.course_reports(ROOT)}


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_no_surface_strategy_beats_chance_by_more_than_ten_points(name):
    report = REPORTS[name]
    assert report.count >= 30
    assert report.problems() == [], "\n".join(report.lines())


def test_every_item_type_of_the_self_checks_is_judged():
    pool = REPORTS["self-checks"]
    assert set(pool.types) == {"single", "multiple", "truefalse", "matching", "ordering"}
    assert pool.types["single"].count >= 60 and len(pool.types["single"].scores) >= 30


def _q(n: int, texts: list[str], key: int, stem: str = "题干", page: str = "p") -> adv.Question:
    return adv.Question(f"x-{n:02d}", "single", page, stem, tuple(texts), frozenset({key}))


def test_the_adversary_finds_each_cue():
    """Banks built with one cue each: the adversary names the strategy and fails them."""
    second = [_q(n, ["最长的一个干扰项写得很长很长", "次长的正确答案写得挺长", "短", "更短"], 1) for n in range(12)]
    assert adv.evaluate("s", second).types["single"].best == ("length rank 2", 1.0)
    absolute = [_q(n, ["一定要这样做", "总是那样做", "按情况处理", "必须马上做"], 2) for n in range(12)]
    assert adv.evaluate("s", absolute).types["single"].best[1] == 1.0
    cycle = [_q(n, ["甲甲", "乙乙", "丙丙", "丁丁"], n % 4) for n in range(12)]
    name, score = adv.evaluate("s", cycle).types["single"].best
    assert name == "next key = last key + 1" and score > 0.9
    overlap = [
        _q(n, ["预算审批", "天气很好的下午", "午饭吃得很饱", "路况非常拥堵"], 0, stem="客户的预算审批要多久？")
        for n in range(12)
    ]
    assert adv.evaluate("s", overlap).types["single"].scores["most overlap with the stem"] == 1.0
    tf = [
        adv.Question(f"t-{n}", "truefalse", "p", "", ("你不必这样做" if n % 2 else "可以这样做",), answer=not n % 2)
        for n in range(12)
    ]
    assert adv.evaluate("s", tf).types["truefalse"].best[1] == 1.0
    for bank in (second, absolute, cycle, overlap):
        assert adv.evaluate("s", bank).problems()


def test_matching_labels_that_share_words_are_found():
    q = adv.Question(
        "m-01",
        "matching",
        "p",
        "",
        left=("客户细分", "整体思维", "动态适应"),
        right=("动态地适应客户", "按细分组队", "整体地看"),
        match=(1, 2, 0),
    )
    assert adv._matching_score(q) == 1.0


def test_conversations_long_good_lines_are_found():
    lines = ["这是一句很长很长很长的好回答", "短", "也短"]
    turns = []
    for n in range(12):
        shown = tuple(lines[(j + n) % 3] for j in range(3))  # the good line moves around
        turns.append(adv.Turn(f"c/{n}", "c", "客户说", shown, frozenset({shown.index(lines[0])})))
    report = adv.evaluate_turns("c", turns)
    assert report.types["turn"].scores["length rank 1"] == 1.0 and report.problems()


def test_a_form_is_read_with_the_pools_strategies():
    pool = adv.evaluate("pool", [_q(n, ["长长长长的正确答案", "短", "短二", "短三"], 0) for n in range(12)])
    form = adv.evaluate("form", [_q(n, ["甲", "长长长长的干扰项", "乙", "丙"], 0) for n in range(12)], False)
    assert form.read_with(pool).types["single"].best[0] == "length rank 1"
    assert form.types["single"].best[1] < 0.5  # the pool's rule fails here; luckier rules are not taken
