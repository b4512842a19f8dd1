"""The shown order of a choice item's options: a shuffle seeded by the item's ID.

Authors write options in any order (the key first, as it comes to mind); the course shows
them shuffled so that position is no cue. The seed is the item ID (plus ``SALT``), so the
order is the same in every build and every form: the page, the static and print form, the
book PDF and its answer key, handouts and SCORM. Exports to a learning platform may shuffle
again on their own. The model applies it once, when it loads an item
(:mod:`tools.exercises.model`), so no renderer has an order of its own.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")
K = TypeVar("K")

# Part of every seed. Changing it reorders every item's options at once (and so the letters
# of every key in printed copies): do that only with a new edition.
SALT = "options-v7"


def seed(item_id: str) -> int:
    """A stable seed for ``item_id`` (Python's own ``hash`` differs between runs)."""
    digest = hashlib.sha256(f"{SALT}:{item_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def order(item_id: str, count: int) -> list[int]:
    """The shown order of ``count`` options: ``order[k]`` is the authored index shown k-th."""
    indices = list(range(count))
    random.Random(seed(item_id)).shuffle(indices)
    return indices


def shuffled(item_id: str, options: Sequence[T]) -> tuple[T, ...]:
    """``options`` in their shown order."""
    return tuple(options[i] for i in order(item_id, len(options)))


MAX_RUN = 2  # the same key letter at most twice in a row on a page
# A rule "the next key is the previous one moved by k" (k = 0 … n-1) may hit at most this
# share of a page's transitions: chance (1/4 for four options) plus ten points.
MAX_SEQUENCE_SHARE = 0.35
ATTEMPTS = 2000


def sequence_share(positions: Sequence[int], n: int = 4) -> float:
    """The best hit rate of "next = previous + k (mod n)" over ``positions``, for any k."""
    steps = [(b - a) % n for a, b in zip(positions, positions[1:], strict=False)]
    if not steps:
        return 0.0
    return max(steps.count(k) for k in range(n)) / len(steps)


def longest_run(positions: Sequence[int]) -> int:
    run = best = 0
    last = None
    for p in positions:
        run = run + 1 if p == last else 1
        best = max(best, run)
        last = p
    return best


def key_positions(chapter: str, count: int, n: int = 4) -> list[int]:
    """Positions for ``count`` single-answer keys on one page: each letter equally often
    (within one), in a seeded order with no run longer than ``MAX_RUN`` and no rule of
    the form "the next key is the previous one moved by k" right more than
    ``MAX_SEQUENCE_SHARE`` of the time. Deterministic: the first seed that passes."""
    base = [i % n for i in range(count)]
    # A short page cannot meet the share: five steps among four values repeat one of them.
    steps = max(count - 1, 1)
    limit = max(MAX_SEQUENCE_SHARE, -(-steps // n) / steps)
    for attempt in range(ATTEMPTS):
        rng = random.Random(seed(f"{chapter}:keys:{attempt}"))
        # Which letters get the extra places when count is not a multiple of n: seeded too.
        letters = list(range(n))
        rng.shuffle(letters)
        positions = [letters[p] for p in base]
        rng.shuffle(positions)
        if longest_run(positions) <= MAX_RUN and sequence_share(positions, n) <= limit:
            return positions
    raise ValueError(f"{chapter}: no order of {count} keys meets the run and sequence limits")


def balance(chapter: str, keys: Sequence[Sequence[bool]]) -> list[int]:
    """How far to rotate each choice item's shown options so that no position is a cue.

    A per-item shuffle alone is a lottery (one position or another lands outside 15–35 % of
    a bank's keys about half the time), and taking turns round-robin makes the next key
    predictable from the last. So, per bank, the four-option single-answer items (in bank
    order) get their key positions from :func:`key_positions`: balanced, seeded, without
    runs or a step rule that beats chance by more than ten points. An item with another
    number of options gets a seeded position of its own. A multi-answer item is rotated by
    one step at a time until its keys are not the leading options (A, A-B, A-B-C).
    Rotation keeps the seeded order of the options relative to one another. ``keys[i][j]``
    says whether item i's j-th shown option is correct; the result is each item's rotation
    (shown index j moves to j + r).
    """
    four = [i for i, flags in enumerate(keys) if len(flags) == 4 and sum(flags) == 1]
    targets = dict(zip(four, key_positions(chapter, len(four)), strict=True))
    rotations = []
    for i, flags in enumerate(keys):
        n = len(flags)
        correct = [j for j, flag in enumerate(flags) if flag]
        if len(correct) == 1:
            target = targets[i] if i in targets else seed(f"{chapter}:{i}") % n
            rotations.append((target - correct[0]) % n)
            continue
        shift = 0
        while shift < n and sorted((j + shift) % n for j in correct) == list(range(len(correct))):
            shift += 1
        rotations.append(shift % n)
    return rotations


def rotate(options: Sequence[K], shift: int) -> tuple[K, ...]:
    """``options`` with the one shown at j moved to ``(j + shift) mod n``."""
    n = len(options)
    out: list[K] = list(options)
    for j, option in enumerate(options):
        out[(j + shift) % n] = option
    return tuple(out)
