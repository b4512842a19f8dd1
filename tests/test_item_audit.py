"""The self-checks cannot be passed without reading: the answer-cue audit over all banks in
the order the learner sees them (tools/exercises/audit.py), the seeded option shuffle, the
item metadata and the pools per learning objective."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT

from tools.exercises import audit as cues
from tools.exercises.model import BASES, LEVELS, Item, Option, _objectives, load_banks
from tools.exercises.shuffle import order, shuffled

BANKS = load_banks(ROOT / "exercises")
ITEMS = [item for bank in BANKS.values() for item in bank.items]
FIGURES = cues.audit(ITEMS)
MIN_ITEMS = 120
MIN_POOL = 3


def test_key_is_seldom_the_longest_option():
    assert FIGURES.single >= 30
    assert FIGURES.longest_share <= cues.MAX_LONGEST_KEY, cues.report(FIGURES)


@pytest.mark.parametrize("letter", list("ABCD"))
def test_keys_spread_over_positions(letter):
    low, high = cues.POSITION_RANGE
    assert FIGURES.four_option >= 30
    assert low <= FIGURES.position_share(letter) <= high, cues.report(FIGURES)


def test_multi_answer_keys_are_seldom_the_leading_options():
    assert FIGURES.multi >= 5
    assert FIGURES.leading_share <= cues.MAX_LEADING_RUN, cues.report(FIGURES)


def test_true_false_balanced_in_share_and_length():
    assert FIGURES.truefalse >= 10
    low, high = cues.TRUE_RANGE
    assert low <= FIGURES.true_share <= high, cues.report(FIGURES)
    assert FIGURES.length_gap <= cues.MAX_LENGTH_GAP, cues.report(FIGURES)


def test_absolute_words_as_common_in_keys_as_in_distractors():
    """A word like 必须 or 只 marks no wrong option: keys carry them as often as distractors,
    true statements as often as false ones (the words are the adversary's list)."""
    for a, b in (("key", "distractor"), ("true", "false")):
        gap = abs(FIGURES.absolute_share(a) - FIGURES.absolute_share(b))
        assert gap <= cues.MAX_ABSOLUTE_GAP, cues.report(FIGURES)


def _item(item_id: str, texts: list[str], keys: set[int], multiple: bool = False) -> Item:
    options = tuple(Option(t, i in keys, "why") for i, t in enumerate(texts))
    return Item(
        item_id, "multiple" if multiple else "single", "s", "p", Path("x.yml"), 1, options=options, multiple=multiple
    )


def test_the_audit_catches_each_cue():
    """The audit is no constant: items built with each cue break each limit."""
    cued = [_item(f"x-{n:02d}", ["对的那个选项写得最长最全", "短", "也短", "更短"], {0}) for n in range(4)]
    cued += [_item("x-10", ["一", "二", "三", "四"], {0, 1}, multiple=True)]
    cued += [Item("x-20", "truefalse", "s", "一个很长很长很长的正确陈述", Path("x"), 1, answer=True)]
    cued += [Item("x-21", "truefalse", "s", "只对一半", Path("x"), 1, answer=False)]
    cued += [_item("x-22", ["对", "总是错", "从来都错", "必须错"], {0})]
    figures = cues.audit(cued)
    assert figures.longest_share == 1.0 - 1 / 5  # x-22's key is the shortest
    assert figures.position_share("A") == 1.0
    assert figures.leading_share == 1.0
    assert figures.length_gap > cues.MAX_LENGTH_GAP
    assert "x-21 statement (false): 只" in figures.giveaways
    # longest, A-D, leading, length, absolute words in distractors, in false statements
    assert len(figures.problems()) == 1 + 4 + 1 + 1 + 2
    assert cues.audit([Item("x-30", "truefalse", "s", "只是如此", Path("x"), 1, answer=False)]).giveaways == []


def test_shuffle_is_deterministic_and_varies_between_items():
    assert order("pf-01", 4) == order("pf-01", 4)
    assert shuffled("pf-01", "ABCD") == shuffled("pf-01", "ABCD")
    assert sorted(order("pf-01", 6)) == list(range(6))
    orders = {tuple(order(f"pf-{n:02d}", 4)) for n in range(1, 41)}
    assert len(orders) >= 10  # 24 possible orders; forty items do not all share one


def test_loaded_options_are_the_shuffled_authored_options():
    """The model applies the shuffle once; reloading gives the same order (every renderer
    reads this order, so page, PDF and answer key agree)."""
    again = load_banks(ROOT / "exercises")
    for item in ITEMS:
        if item.is_choice:
            assert [o.text for o in again[item.path.stem].item(item.id).options] == [o.text for o in item.options]
    moved = sum(1 for item in ITEMS if item.is_choice and item.options[0].correct) / FIGURES.single
    assert moved < 0.5  # authored key-first no longer shows key-first


def test_metadata_is_valid():
    for item in ITEMS:
        where = f"{item.path.name}:{item.line}: {item.id}"
        assert 1 <= item.objective <= _objectives(BANKS[item.path.stem]), where
        assert item.difficulty in (1, 2, 3), where
        assert item.level in LEVELS, where
        assert item.basis in BASES, where
    assert set(Counter(item.level for item in ITEMS)) == set(LEVELS)
    assert set(Counter(item.basis for item in ITEMS)) == set(BASES)


def test_every_objective_has_a_pool_of_three():
    thin = []
    for chapter, bank in BANKS.items():
        counts = Counter(item.objective for item in bank.items)
        thin += [f"{chapter} #{n}: {counts[n]}" for n in range(1, _objectives(bank) + 1) if counts[n] < MIN_POOL]
    assert thin == []


def test_at_least_120_items():
    assert len(ITEMS) >= MIN_ITEMS


def test_balancing_spreads_keys_whatever_the_authored_positions():
    """Keys all authored first still land evenly on A-D, and multi-answer keys never lead."""
    from tools.exercises.shuffle import balance, rotate

    singles = [[True, False, False, False]] * 8
    shifts = balance("any-chapter", singles)
    positions = [rotate(flags, shift).index(True) for flags, shift in zip(singles, shifts, strict=True)]
    assert Counter(positions) == {0: 2, 1: 2, 2: 2, 3: 2}
    multi = [True, True, False, False]
    shown = rotate(multi, balance("any-chapter", [multi])[0])
    assert sorted(j for j, flag in enumerate(shown) if flag) != [0, 1]
    assert sum(shown) == 2


def test_no_page_lets_the_last_key_predict_the_next():
    """Keys rotated round-robin through a bank (D A B C D …) let a reader who has seen one
    item's feedback guess the next key nine times in ten. On every chapter's page, in the
    order shown: no rule "the next key is the previous one moved by k" beats chance (25 %)
    by more than ten points, and no letter comes three times in a row."""
    from tools.exercises.shuffle import MAX_SEQUENCE_SHARE, longest_run, sequence_share

    for chapter, bank in BANKS.items():
        positions = [
            [o.correct for o in item.options].index(True)
            for item in bank.items
            if item.options and len(item.options) == 4 and sum(o.correct for o in item.options) == 1
        ]
        assert len(positions) >= 5, chapter  # the check has keys to look at
        assert sequence_share(positions) <= MAX_SEQUENCE_SHARE, (chapter, positions)
        assert longest_run(positions) <= 2, (chapter, positions)
    # The check itself: round-robin is caught.
    assert sequence_share([3, 0, 1, 2, 3, 0, 1, 2, 3, 0]) == 1.0


def test_recall_is_reported_and_stays_a_minority():
    """The audit reports the share of recall: tagged 记忆, and keys that repeat ten or more
    characters of their chapter word for word (whatever the tag); most items ask for more."""
    chapters = {path.stem: path.read_text(encoding="utf-8") for path in (ROOT / "book").glob("*.md")}
    tagged, verbatim = cues.recall_figures(ITEMS, chapters)
    assert tagged <= 0.2 and verbatim <= 0.2, (tagged, verbatim)
    copied = _item("x-01", ["大客户管理可以分为四个阶段", "别的", "另一个", "第三个"], {0})
    copied = Item(**{**copied.__dict__, "path": Path("kam-stages.yml")})
    assert cues.recall_figures([copied], chapters) == (0.0, 1.0)
