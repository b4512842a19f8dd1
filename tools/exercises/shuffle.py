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


def balance(chapter: str, keys: Sequence[Sequence[bool]]) -> list[int]:
    """How far to rotate each choice item's shown options so that no position is a cue.

    A per-item shuffle alone is a lottery: with some forty four-option items one position or
    another lands outside 15-35 % of the keys about half the time, and adding items moves it
    again. So, per bank, the single-answer items (in bank order) take turns: the k-th one's
    key is rotated to position ``(k + offset) mod n``, the chapter's ``offset`` making banks
    start at different letters. A multi-answer item is rotated by one step at a time until
    its keys are not the leading options (A, A-B, A-B-C). Rotation keeps the seeded order of
    the options relative to one another. ``keys[i][j]`` says whether item i's j-th shown
    option is correct; the result is each item's rotation (shown index j moves to j + r).
    """
    offset = seed(chapter) % 4
    rotations = []
    rank = 0
    for flags in keys:
        n = len(flags)
        correct = [j for j, flag in enumerate(flags) if flag]
        if len(correct) == 1:
            rotations.append((rank + offset - correct[0]) % n)
            rank += 1
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
