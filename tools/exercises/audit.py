"""The answer-cue audit: figures that tell whether the self-checks can be passed without
reading, computed over items in the order the learner sees them.

Plain Python over :class:`~tools.exercises.model.Item` (no HTML). The limits are the
course's (issue 13, "No answer cues"); ``tests/test_item_audit.py`` holds them and
``python -m tools.bench.item_audit`` prints the figures, for today's banks and for any
earlier commit.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from tools.exercises.adversary import ABSOLUTE
from tools.exercises.model import LETTERS, Item

# Absolute words that a test-wise reader takes as the mark of a wrong option or a false
# statement. They are no cue when keys carry them as often as distractors do (and true
# statements as often as false ones): the limit is on that balance, not on the words. The
# list is the adversary's (tools/exercises/adversary.py), so both look for the same words.
GIVEAWAY = ABSOLUTE
MAX_ABSOLUTE_GAP = 0.10  # share of keys with such a word vs share of distractors (and true vs false)

# The limits (shares are fractions).
MAX_LONGEST_KEY = 0.30  # single-answer items whose key is the longest option
POSITION_RANGE = (0.15, 0.35)  # share of four-option keys at each of A-D
MAX_LEADING_RUN = 0.40  # multi-answer items whose keys are the first options
TRUE_RANGE = (0.40, 0.60)  # true/false items that are true
MAX_LENGTH_GAP = 0.15  # relative gap between mean lengths of true and false statements


@dataclass(frozen=True)
class Figures:
    single: int  # single-answer choice items
    longest_key: int  # ... whose key is strictly the longest option
    four_option: int  # single-answer items with four options
    positions: dict[str, int]  # key letter -> count, four-option items
    multi: int  # multi-answer items
    leading_run: int  # ... whose keys are A, A-B, A-B-C ... (and not every option)
    truefalse: int
    true: int
    mean_true: float  # mean statement length (characters)
    mean_false: float
    giveaways: list[str]  # "<item id> <where>: <word>", keys and distractors alike
    absolute: dict[str, tuple[int, int]] = field(default_factory=dict)  # key/distractor/true/false -> (with word, all)

    def absolute_share(self, kind: str) -> float:
        hit, total = self.absolute.get(kind, (0, 0))
        return hit / total if total else 0.0

    @property
    def longest_share(self) -> float:
        return self.longest_key / self.single if self.single else 0.0

    def position_share(self, letter: str) -> float:
        return self.positions.get(letter, 0) / self.four_option if self.four_option else 0.0

    @property
    def leading_share(self) -> float:
        return self.leading_run / self.multi if self.multi else 0.0

    @property
    def true_share(self) -> float:
        return self.true / self.truefalse if self.truefalse else 0.0

    @property
    def length_gap(self) -> float:
        longer = max(self.mean_true, self.mean_false)
        return abs(self.mean_true - self.mean_false) / longer if longer else 0.0

    def problems(self) -> list[str]:
        """Each limit the figures break, in words; empty when all hold."""
        found = []
        if self.longest_share > MAX_LONGEST_KEY:
            found.append(f"the key is the longest option in {self.longest_share:.0%} of single-answer items")
        low, high = POSITION_RANGE
        for letter in LETTERS[: 4 if self.four_option else 0]:
            if not low <= self.position_share(letter) <= high:
                found.append(f"position {letter} holds {self.position_share(letter):.0%} of four-option keys")
        if self.leading_share > MAX_LEADING_RUN:
            found.append(f"{self.leading_share:.0%} of multi-answer keys are the leading options")
        if self.truefalse and not TRUE_RANGE[0] <= self.true_share <= TRUE_RANGE[1]:
            found.append(f"{self.true_share:.0%} of true/false items are true")
        if self.length_gap > MAX_LENGTH_GAP:
            found.append(f"true statements average {self.mean_true:.0f} characters, false ones {self.mean_false:.0f}")
        for a, b in (("key", "distractor"), ("true", "false")):
            if abs(self.absolute_share(a) - self.absolute_share(b)) > MAX_ABSOLUTE_GAP:
                found.append(
                    f"absolute words in {self.absolute_share(a):.0%} of {a}s but {self.absolute_share(b):.0%} of {b}s"
                )
        return found


def _length(text: str) -> int:
    return len(re.sub(r"\s", "", text))


def is_leading_run(letters: list[str], count: int) -> bool:
    """Keys A, A-B, A-B-C ...: the first options and not all of them."""
    return len(letters) < count and letters == list(LETTERS[: len(letters)])


def audit(items: Iterable[Item]) -> Figures:
    single = longest = four = multi = leading = tf = true = 0
    positions: Counter[str] = Counter()
    lengths: dict[bool, list[int]] = {True: [], False: []}
    giveaways = []
    absolute: dict[str, list[int]] = {kind: [0, 0] for kind in ("key", "distractor", "true", "false")}
    for item in items:
        if item.is_choice:
            for letter, option in zip(LETTERS, item.options, strict=False):
                found = GIVEAWAY.search(option.text)
                kind = "key" if option.correct else "distractor"
                absolute[kind][0] += bool(found)
                absolute[kind][1] += 1
                if found:
                    giveaways.append(f"{item.id} option {letter} ({kind}): {found.group()}")
            keys = item.correct_letters
            if item.multiple:
                multi += 1
                leading += is_leading_run(keys, len(item.options))
                continue
            single += 1
            key = next(o for o in item.options if o.correct)
            if all(_length(key.text) > _length(o.text) for o in item.options if o is not key):
                longest += 1
            if len(item.options) == 4:
                four += 1
                positions[keys[0]] += 1
        elif item.type == "truefalse":
            tf += 1
            true += item.answer is True
            lengths[item.answer is True].append(_length(item.prompt))
            found = GIVEAWAY.search(item.prompt)
            kind = "true" if item.answer else "false"
            absolute[kind][0] += bool(found)
            absolute[kind][1] += 1
            if found:
                giveaways.append(f"{item.id} statement ({kind}): {found.group()}")

    def mean(values: list[int]) -> float:
        return sum(values) / len(values) if values else 0.0

    return Figures(
        single=single,
        longest_key=longest,
        four_option=four,
        positions=dict(positions),
        multi=multi,
        leading_run=leading,
        truefalse=tf,
        true=true,
        mean_true=mean(lengths[True]),
        mean_false=mean(lengths[False]),
        giveaways=giveaways,
        absolute={kind: (hit, total) for kind, (hit, total) in absolute.items()},
    )


def report(figures: Figures) -> str:
    """The figures as lines of text, for the benchmark script."""
    f = figures
    positions = ", ".join(
        f"{letter} {f.positions.get(letter, 0)} ({f.position_share(letter):.0%})" for letter in "ABCD"
    )
    lines = [
        f"single-answer items: {f.single}; key is the longest option: {f.longest_key} ({f.longest_share:.0%})",
        f"four-option key positions ({f.four_option} items): {positions}",
        f"multi-answer items: {f.multi}; keys a leading run: {f.leading_run} ({f.leading_share:.0%})",
        f"true/false items: {f.truefalse}; true: {f.true} ({f.true_share:.0%}); mean length true "
        f"{f.mean_true:.1f}, false {f.mean_false:.1f} (gap {f.length_gap:.0%})",
        "absolute words: "
        + ", ".join(f"{kind}s {f.absolute_share(kind):.0%}" for kind in ("key", "distractor", "true", "false")),
    ]
    problems = f.problems()
    lines.append("limits: all hold" if not problems else f"limits broken: {len(problems)}")
    return "\n".join(lines)


RECALL_RUN = 10  # characters of a key repeated word for word from its chapter: recall


def _runs(text: str, size: int) -> set[str]:
    plain = re.sub(r"[^\u4e00-\u9fff0-9A-Za-z]", "", text)
    return {plain[i : i + size] for i in range(len(plain) - size + 1)}


def recall_figures(items: Iterable[Item], chapters: dict[str, str]) -> tuple[float, float]:
    """The share of items tagged 记忆, and the share whose key (a true statement's text) repeats
    ``RECALL_RUN`` characters of its chapter's text (``chapters``: chapter -> Markdown)."""
    items = list(items)
    if not items:
        return 0.0, 0.0
    tagged = sum(item.level == "记忆" for item in items) / len(items)
    verbatim = 0
    for item in items:
        if item.is_choice:
            keys = [o.text for o in item.options if o.correct]
        elif item.type == "truefalse" and item.answer:
            keys = [item.prompt]
        else:
            keys = []
        chapter = _runs(chapters.get(item.path.stem, ""), RECALL_RUN)
        verbatim += any(_runs(key, RECALL_RUN) & chapter for key in keys)
    return tagged, verbatim / len(items)
