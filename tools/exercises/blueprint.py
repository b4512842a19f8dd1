"""The final test's blueprint (模拟测验): how many items each chapter gives at each cognitive
level, the cut score, and the draw of the printed forms.

Plain Python, no HTML. The build checks the blueprint against the banks (``problems``) and
fails when a cell cannot be filled; the page script draws each online attempt by the same
blueprint (course-final.js, seeded per attempt); the paper forms A and B are drawn here, once
per edition, with fixed seeds.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Mapping

from .model import LEVELS, Bank, Item

# Each of the first six chapters gives four items: one that asks to explain (理解), two that
# ask to apply a rule or idea to a new situation (应用), one that asks to analyse a case (分析).
# The two chapters on contested accounts and on winning a deal give three, one at each level.
# 记忆 items stay in the chapters' self-checks: the final test asks for use, not recall.
# 30 items in all, as before the two chapters were added, so that the test keeps its time.
PER_CHAPTER: dict[str, int] = {"理解": 1, "应用": 2, "分析": 1}
PER_LATER_CHAPTER: dict[str, int] = {"理解": 1, "应用": 1, "分析": 1}
CHAPTERS = (
    "key-account-difference",
    "purchase-factors",
    "relationship-types",
    "kam-stages",
    "relationship-management",
    "from-transaction-to-partner",
)
LATER_CHAPTERS = ("contested-accounts", "winning-a-deal")
BLUEPRINT: dict[str, dict[str, int]] = {
    **{chapter: dict(PER_CHAPTER) for chapter in CHAPTERS},
    **{chapter: dict(PER_LATER_CHAPTER) for chapter in LATER_CHAPTERS},
}
CUT_PERCENT = 70  # passed at 70 % or more: 21 of 30 items right
FORMS = ("A", "B")
# Part of the paper forms' seeds: a new value draws new forms (do that only with a new edition).
# v21: of the first sixty, a draw on which a test-wise reader gains nothing over chance with
# the self-checks' best strategies, overall and per item type (tests/test_adversary.py; v1
# gave 10.3 points once the items were re-tagged). Re-run that choice when the pools change.
SALT = "final-v21"


def size(blueprint: Mapping[str, Mapping[str, int]] = BLUEPRINT) -> int:
    return sum(sum(cells.values()) for cells in blueprint.values())


def cut_score(blueprint: Mapping[str, Mapping[str, int]] = BLUEPRINT, percent: int = CUT_PERCENT) -> int:
    """The least number of right items that passes (70 % of 30 is 21)."""
    total = size(blueprint)
    return -(-total * percent // 100)


def pools(banks: Mapping[str, Bank], blueprint: Mapping[str, Mapping[str, int]] = BLUEPRINT) -> dict:
    """{chapter: {level: [items]}}: the items each cell draws from, in bank order."""
    return {
        chapter: {level: [i for i in banks[chapter].items if i.level == level] for level in cells}
        for chapter, cells in blueprint.items()
        if chapter in banks
    }


def problems(banks: Mapping[str, Bank], blueprint: Mapping[str, Mapping[str, int]] = BLUEPRINT) -> list[str]:
    """What keeps the blueprint from being filled, one sentence per cell (empty: it can be).

    A cell needs at least twice its count, so that two forms and two attempts can differ."""
    found = []
    for chapter, cells in blueprint.items():
        if chapter not in banks:
            found.append(f"final-test blueprint: chapter `{chapter}` has no question bank")
            continue
        for level, count in cells.items():
            if level not in LEVELS:
                found.append(f"final-test blueprint: `{level}` is not a level ({'、'.join(LEVELS)})")
                continue
            have = sum(1 for i in banks[chapter].items if i.level == level)
            if have < 2 * count:
                found.append(
                    f"final-test blueprint: chapter `{chapter}` needs {count} item(s) at level {level} "
                    f"and a pool of at least {2 * count}, but its bank has {have}"
                )
    return found


def _seed(text: str) -> int:
    return int.from_bytes(hashlib.sha256(f"{SALT}:{text}".encode()).digest()[:8], "big")


def draw(banks: Mapping[str, Bank], form: str, blueprint: Mapping[str, Mapping[str, int]] = BLUEPRINT) -> list[Item]:
    """A paper form: each cell's items drawn without repeats, in chapter order; form B avoids
    form A's items wherever the pool allows, so the two forms differ item by item."""
    taken: set[str] = set()
    if form != FORMS[0]:
        taken = {i.id for i in draw(banks, FORMS[0], blueprint)}
    rng = random.Random(_seed(form))
    chosen: list[Item] = []
    for chapter, cells in pools(banks, blueprint).items():
        for level, pool in cells.items():
            count = blueprint[chapter][level]
            fresh = [i for i in pool if i.id not in taken]
            reused = [i for i in pool if i.id in taken]
            rng.shuffle(fresh)
            rng.shuffle(reused)
            chosen.extend((fresh + reused)[:count])
    return chosen
