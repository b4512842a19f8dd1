"""A test-wise reader who has not read the course: how far surface cues alone carry.

The reader sees what the learner sees (options in their shown order, statements, the labels
of a matching item, conversation choices in their shown order) and nothing of the chapters.
Each *strategy* is one surface rule: an option's length or length rank, its position, the
position sequence on a page after feedback, absolute or hedging words, overlap with the stem,
qualifiers, and filters that combine these. For every strategy this module computes the
expected score (ties are broken at random, so a tie among k options earns 1/k when the key is
one of them), per item type, and takes the best strategy per type; the reader's overall score
uses the best strategy for each type, which no real reader could know in advance, so the
figure is an upper bound. The limit is the course's (issue 21): the best strategy may beat
chance by at most ten percentage points, on the self-checks, each item type, the
conversations and each printed form of the test.

Plain Python over neutral records (:class:`Question`, :class:`Turn`): the model's items and
conversations are turned into them by :func:`questions` and :func:`turns`, so a new cue found
by a reviewer is one more function here. ``python -m tools.bench.item_audit`` prints every
figure; ``tests/test_item_audit.py`` holds the limit.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tools.conversations.model import Conversation
    from tools.exercises.model import Item

MARGIN = 0.10  # the best strategy may beat chance by at most this much
# An item type is judged on its own from this many items: on a form's three matching items
# one rule or another fits by luck. Smaller groups still count in the set's overall figure.
MIN_GROUP = 10

# Words a test-wise reader takes as a sign that a statement overreaches (so: wrong, false).
ABSOLUTE = re.compile(
    r"完全|唯一|直接|就行|就好|不必|没问题|一定|所有|从不|总是|从来|永远|绝不|绝对|必须|必然|只要|只有|只能|只需|"
    r"只(?!是|不过)|任何|全部|都[是能会要该]|肯定|保证|放心|就够|就该|就能|没法|并不|根本|"
    r"马上|立刻|立即|一律|彻底|无论|不用|不需要|毫无|一切|统统|再也|百分之百|说得对"
)
# Words a test-wise reader takes as a sign of a careful (so: right, true) answer.
HEDGE = re.compile(
    r"可能|通常|一般|往往|多半|大多|大部分|也许|或许|不一定|未必|部分|有时|看情况|取决于|视情况|先[问听看弄了确核]|"
    r"同时|也要|既要|尽量|逐步|结合|具体|核实|确认|倾向|较|相对"
)
# Reassurance a bad conversation line is suspected of.
REASSURE = re.compile(r"保证|肯定|放心|直接|没问题|一定|绝对|包在|交给我")
QUALIFIER = re.compile(r"[（(][^）)]*[）)]|——|，但|但是|除非|如果|前提")


def length(text: str) -> int:
    return len(re.sub(r"\s", "", text))


def _bigrams(text: str) -> set[str]:
    chars = [c for c in text if "\u4e00" <= c <= "\u9fff" or c.isalnum()]
    return {a + b for a, b in itertools.pairwise(chars)}


def overlap(a: str, b: str) -> int:
    return len(_bigrams(a) & _bigrams(b))


@dataclass(frozen=True)
class Question:
    """What a reader sees of one item, in the shown order, and its key."""

    id: str
    type: str  # single, multiple, truefalse, matching, ordering
    page: str  # the page (or form) and so the feedback sequence it belongs to
    stem: str
    options: tuple[str, ...] = ()  # choice items; the statement for true/false
    keys: frozenset[int] = frozenset()  # choice items: the right options' shown indices
    answer: bool | None = None  # true/false
    left: tuple[str, ...] = ()  # matching: left labels, in order
    right: tuple[str, ...] = ()  # matching: right labels, in shown order
    match: tuple[int, ...] = ()  # matching: left i pairs with right match[i]
    steps: int = 0  # ordering: how many steps (shown order is never the answer)
    reversed_is_answer: bool = False  # ordering: the shown order read backwards is the answer

    @property
    def chance(self) -> float:
        if self.type == "truefalse":
            return 0.5
        if self.type == "matching":
            return 1 / len(self.left)  # per pair, the share a guess gets right
        if self.type == "ordering":
            return 1 / (math.factorial(self.steps) - 1)  # the shown order is never the answer
        if self.type == "multiple":
            return 0.5  # judged option by option (see _multi_strategies)
        return 1 / len(self.options)


@dataclass(frozen=True)
class Turn:
    """A conversation turn as the learner sees it: its choices in shown order, which are good."""

    id: str
    page: str
    prompt: str
    choices: tuple[str, ...]
    good: frozenset[int]

    @property
    def chance(self) -> float:
        return len(self.good) / len(self.choices)


# --- one option's features --------------------------------------------------------------

Scorer = Callable[[Question, int], float]  # higher: the strategy prefers this option


def _rank(q: Question, i: int) -> int:
    """1 for the longest option, 2 for the second longest … (ties share the better rank)."""
    own = length(q.options[i])
    return 1 + sum(length(o) > own for o in q.options)


def _best(values: Sequence[float]) -> list[int]:
    top = max(values)
    return [i for i, v in enumerate(values) if v == top]


def _expected(q: Question, chosen: Sequence[int]) -> float:
    """Expected score of choosing uniformly among ``chosen`` (single-answer)."""
    return sum(i in q.keys for i in chosen) / len(chosen)


def _pick(q: Question, scorer: Scorer, among: Sequence[int] | None = None) -> float:
    candidates = list(range(len(q.options))) if among is None else list(among) or list(range(len(q.options)))
    values = [scorer(q, i) for i in candidates]
    return _expected(q, [candidates[j] for j in _best(values)])


def _no_absolute(q: Question) -> list[int]:
    return [i for i, o in enumerate(q.options) if not ABSOLUTE.search(o)]


def _hedged(q: Question) -> list[int]:
    return [i for i, o in enumerate(q.options) if HEDGE.search(o)]


def single_strategies() -> dict[str, Callable[[Question], float]]:
    n_max = 4
    out: dict[str, Callable[[Question], float]] = {"random": lambda q: 1 / len(q.options)}
    for r in range(1, n_max + 1):
        out[f"length rank {r}"] = lambda q, r=r: _pick(q, lambda q, i: -abs(_rank(q, i) - r))
        out[f"no absolute word, then length rank {r}"] = lambda q, r=r: _pick(
            q, lambda q, i: -abs(_rank(q, i) - r), _no_absolute(q)
        )
        out[f"hedged, then length rank {r}"] = lambda q, r=r: _pick(q, lambda q, i: -abs(_rank(q, i) - r), _hedged(q))
    for p in range(n_max):
        out[f"position {'ABCD'[p]}"] = lambda q, p=p: float(p in q.keys) if p < len(q.options) else 0.0
    out["no absolute word"] = lambda q: _pick(q, lambda q, i: 0.0, _no_absolute(q))
    out["hedged"] = lambda q: _pick(q, lambda q, i: 0.0, _hedged(q))
    out["fewest absolute words, most hedges"] = lambda q: _pick(
        q, lambda q, i: len(HEDGE.findall(q.options[i])) - 2 * len(ABSOLUTE.findall(q.options[i]))
    )
    out["most overlap with the stem"] = lambda q: _pick(q, lambda q, i: overlap(q.stem, q.options[i]))
    out["least overlap with the stem"] = lambda q: _pick(q, lambda q, i: -overlap(q.stem, q.options[i]))
    out["most overlap with the other options"] = lambda q: _pick(
        q, lambda q, i: sum(overlap(q.options[i], o) for j, o in enumerate(q.options) if j != i)
    )
    out["qualifier"] = lambda q: _pick(q, lambda q, i: float(bool(QUALIFIER.search(q.options[i]))))
    out["most clauses"] = lambda q: _pick(q, lambda q, i: float(len(re.findall(r"[，；、]", q.options[i]))))
    out["no absolute word, then most overlap with the stem"] = lambda q: _pick(
        q, lambda q, i: overlap(q.stem, q.options[i]), _no_absolute(q)
    )
    out["not the unique longest, then no absolute word"] = lambda q: _pick(
        q, lambda q, i: 0.0, [i for i in _no_absolute(q) if not _unique_longest(q, i)]
    )
    return out


def _unique_shortest(q: Question, i: int) -> bool:
    return all(length(q.options[i]) < length(o) for j, o in enumerate(q.options) if j != i)


def _unique_longest(q: Question, i: int) -> bool:
    return all(length(q.options[i]) > length(o) for j, o in enumerate(q.options) if j != i)


def _sequence_scores(questions: Sequence[Question]) -> dict[str, float]:
    """After each item's feedback the reader knows its key's position: "the next key is the
    last one moved by k places" (k = 0 … 3), per page; the first item of a page is a guess."""
    out: dict[str, float] = {}
    for k in range(4):
        total = 0.0
        for _, page in itertools.groupby(questions, key=lambda q: q.page):
            last = None
            for q in page:
                n = len(q.options)
                if last is None:
                    total += 1 / n
                else:
                    total += float((last + k) % n in q.keys)
                last = min(q.keys)
        out[f"next key = last key + {k}"] = total
    return out


def _multi_strategies() -> dict[str, Callable[[Question], float]]:
    """Multi-answer items are judged option by option: the share of options a strategy
    ticks or leaves as the key does (chance: one half). All-or-nothing figures over a
    dozen items swing by a whole item at a time; the options' decisions do not."""

    def choose(q: Question, chosen: Iterable[int]) -> float:
        picked = set(chosen)
        return sum((i in picked) == (i in q.keys) for i in range(len(q.options))) / len(q.options)

    def longest(q: Question, k: int) -> list[int]:
        order = sorted(range(len(q.options)), key=lambda i: -length(q.options[i]))
        return order[:k]

    def median(q: Question) -> int:
        return sorted(map(length, q.options))[len(q.options) // 2]

    out: dict[str, Callable[[Question], float]] = {"random": lambda q: 0.5}
    out["all options"] = lambda q: choose(q, range(len(q.options)))
    out["all but the unique shortest"] = lambda q: choose(
        q,
        [
            i
            for i in range(len(q.options))
            if not all(length(q.options[i]) < length(o) for j, o in enumerate(q.options) if j != i)
        ],
    )
    for k in range(1, 5):
        out[f"the {k} longest"] = lambda q, k=k: choose(q, longest(q, k))
    out["no absolute word"] = lambda q: choose(q, _no_absolute(q))
    out["hedged"] = lambda q: choose(q, _hedged(q))
    out["hedged or no absolute word"] = lambda q: choose(q, set(_hedged(q)) | set(_no_absolute(q)))
    out["at least the median length"] = lambda q: choose(
        q, [i for i, o in enumerate(q.options) if length(o) >= median(q)]
    )
    out["no absolute word, the 3 longest"] = lambda q: choose(q, longest_free(q, 3))
    out["most overlap with the stem, half"] = lambda q: choose(
        q, sorted(range(len(q.options)), key=lambda i: -overlap(q.stem, q.options[i]))[: (len(q.options) + 1) // 2]
    )
    return out


def longest_free(q: Question, k: int) -> list[int]:
    free = _no_absolute(q)
    return sorted(free, key=lambda i: -length(q.options[i]))[:k]


def _hedge_wins(text: str) -> bool:
    return len(HEDGE.findall(text)) > len(ABSOLUTE.findall(text)) or not ABSOLUTE.search(text)


def _tf_strategies(statements: Sequence[Question]) -> dict[str, Callable[[Question], float]]:
    lengths = sorted(length(q.options[0]) for q in statements) or [0]
    median = lengths[len(lengths) // 2]

    def says(q: Question, value: bool) -> float:
        return float(q.answer is value)

    out: dict[str, Callable[[Question], float]] = {
        "always true": lambda q: says(q, True),
        "always false": lambda q: says(q, False),
        "long is true": lambda q: says(q, length(q.options[0]) >= median),
        "short is true": lambda q: says(q, length(q.options[0]) < median),
        "absolute word is false": lambda q: says(q, not ABSOLUTE.search(q.options[0])),
        "hedge is true": lambda q: says(q, bool(HEDGE.search(q.options[0]))),
        "hedge is true, absolute word is false": lambda q: says(
            q,
            len(HEDGE.findall(q.options[0])) > len(ABSOLUTE.findall(q.options[0])) or not ABSOLUTE.search(q.options[0]),
        ),
        "qualifier is true": lambda q: says(q, bool(QUALIFIER.search(q.options[0]))),
        "negation is false": lambda q: says(q, not re.search(r"不|没|无|别", q.options[0])),
    }
    return out


def _matching_score(q: Question) -> float:
    """Pairs right when each left label takes the right label it shares most with (ties at
    random, one right label per left label, greedily by overlap): the 'everyday meaning'
    reader, as far as characters can stand for meaning."""
    n = len(q.left)
    scores = [[overlap(q.left[i], q.right[j]) for j in range(n)] for i in range(n)]
    if not any(any(row) for row in scores):
        return 1 / n
    best_total, best_right = -1, 0.0
    # Small items (≤ 6 pairs): try every assignment, keep the one with the most overlap;
    # among equals, the expected share right.
    ties: list[tuple[int, ...]] = []
    for perm in itertools.permutations(range(n)):
        total = sum(scores[i][perm[i]] for i in range(n))
        if total > best_total:
            best_total, ties = total, [perm]
        elif total == best_total:
            ties.append(perm)
    best_right = sum(sum(perm[i] == q.match[i] for i in range(n)) for perm in ties) / (len(ties) * n)
    return best_right


@dataclass
class TypeFigures:
    type: str
    count: int
    chance: float  # expected share right by blind guessing
    scores: dict[str, float] = field(default_factory=dict)  # strategy -> expected share right
    chosen: str = ""  # a strategy fixed in advance (a form is read with the pool's best)

    @property
    def best(self) -> tuple[str, float]:
        if self.chosen:
            return self.chosen, self.scores.get(self.chosen, self.chance)
        name = max(self.scores, key=lambda k: self.scores[k])
        return name, self.scores[name]

    @property
    def margin(self) -> float:
        return self.best[1] - self.chance


@dataclass
class Report:
    name: str
    types: dict[str, TypeFigures]

    @property
    def count(self) -> int:
        return sum(t.count for t in self.types.values())

    @property
    def chance(self) -> float:
        return sum(t.chance * t.count for t in self.types.values()) / self.count if self.count else 0.0

    @property
    def best(self) -> float:
        """The best strategy for each type, together: an upper bound of the test-wise score."""
        return sum(t.best[1] * t.count for t in self.types.values()) / self.count if self.count else 0.0

    def problems(self, margin: float = MARGIN) -> list[str]:
        found = []
        if self.best - self.chance > margin:
            found.append(f"{self.name}: a test-wise reader scores {self.best:.0%} against {self.chance:.0%} by chance")
        for t in self.types.values():
            if t.count >= MIN_GROUP and t.margin > margin:
                name, score = t.best
                found.append(
                    f"{self.name}, {t.type} ({t.count}): '{name}' scores {score:.0%} against {t.chance:.0%} by chance"
                )
        return found

    def read_with(self, pool: Report) -> Report:
        """This report when the reader brings the strategies that work best on ``pool``: a
        form of a dozen items has some rule that fits it by luck, which no reader could pick
        in advance; the strategies that fit the whole pool he could have learnt."""
        for kind, figures in self.types.items():
            if kind in pool.types:
                figures.chosen = pool.types[kind].best[0]
        return self

    def lines(self) -> list[str]:
        out = [f"{self.name}: {self.count} items, chance {self.chance:.0%}, best test-wise {self.best:.0%}"]
        for t in self.types.values():
            name, score = t.best
            runner = [kv for kv in sorted(t.scores.items(), key=lambda kv: -kv[1]) if kv[0] != name][:2]
            others = "; ".join(f"{k} {v:.0%}" for k, v in runner)
            out.append(f"  {t.type} ({t.count}): chance {t.chance:.0%}; best '{name}' {score:.0%}; next: {others}")
        return out


def evaluate(name: str, questions: Sequence[Question], sequences: bool = True) -> Report:
    """Every strategy's expected share right, per item type. ``sequences``: the reader gets
    feedback after each item (the self-checks), so position sequences count."""
    types: dict[str, TypeFigures] = {}
    by_type: dict[str, list[Question]] = {}
    for q in questions:
        by_type.setdefault(q.type, []).append(q)
    for kind, group in by_type.items():
        chance = sum(q.chance for q in group) / len(group)
        figures = TypeFigures(kind, len(group), chance)
        if kind == "single":
            for label, strategy in single_strategies().items():
                figures.scores[label] = sum(strategy(q) for q in group) / len(group)
            if sequences:
                for label, total in _sequence_scores(group).items():
                    figures.scores[label] = total / len(group)
        elif kind == "multiple":
            for label, strategy in _multi_strategies().items():
                figures.scores[label] = sum(strategy(q) for q in group) / len(group)
        elif kind == "truefalse":
            for label, strategy in _tf_strategies(group).items():
                figures.scores[label] = sum(strategy(q) for q in group) / len(group)
        elif kind == "matching":
            figures.scores["random"] = chance
            figures.scores["label overlap"] = sum(_matching_score(q) for q in group) / len(group)
        elif kind == "ordering":
            figures.scores["random"] = chance
            # The shown order is never the answer; its reverse is the only other surface guess.
            figures.scores["reverse of the shown order"] = sum(q.reversed_is_answer for q in group) / len(group)
        types[kind] = figures
    return Report(name, types)


def evaluate_turns(name: str, turns: Sequence[Turn]) -> Report:
    """The conversations: a turn is won when the reader picks a good choice."""
    chance = sum(t.chance for t in turns) / len(turns) if turns else 0.0
    figures = TypeFigures("turn", len(turns), chance)

    def pick(t: Turn, values: Sequence[float], among: Sequence[int] | None = None) -> float:
        candidates = list(among) if among else list(range(len(t.choices)))
        best = _best([values[i] for i in candidates])
        return sum(candidates[j] in t.good for j in best) / len(best)

    def no_reassure(t: Turn) -> list[int]:
        return [i for i, c in enumerate(t.choices) if not REASSURE.search(c) and not ABSOLUTE.search(c)]

    strategies: dict[str, Callable[[Turn], float]] = {"random": lambda t: t.chance}
    for p in range(3):
        strategies[f"position {'ABC'[p]}"] = lambda t, p=p: float(p in t.good) if p < len(t.choices) else 0.0
    for r in range(1, 4):
        strategies[f"length rank {r}"] = lambda t, r=r: pick(
            t, [-abs(1 + sum(length(o) > length(c) for o in t.choices) - r) for c in t.choices]
        )
        strategies[f"no reassurance, then length rank {r}"] = lambda t, r=r: pick(
            t, [-abs(1 + sum(length(o) > length(c) for o in t.choices) - r) for c in t.choices], no_reassure(t)
        )
    strategies["no reassurance"] = lambda t: pick(t, [0.0] * len(t.choices), no_reassure(t))
    strategies["most hedges"] = lambda t: pick(t, [float(len(HEDGE.findall(c))) for c in t.choices])
    strategies["question mark"] = lambda t: pick(t, [float("？" in c) for c in t.choices])
    strategies["most overlap with what was said"] = lambda t: pick(t, [float(overlap(t.prompt, c)) for c in t.choices])
    for label, strategy in strategies.items():
        figures.scores[label] = sum(strategy(t) for t in turns) / len(turns) if turns else 0.0
    return Report(name, {"turn": figures})


# --- from the course's models -------------------------------------------------------------


def question(item: Item, page: str) -> Question:
    """What the reader sees of ``item`` on ``page``, in the shown order."""
    from tools.exercises.render import display_order

    stem = f"{item.scenario}{item.prompt}"
    if item.is_choice:
        keys = frozenset(i for i, o in enumerate(item.options) if o.correct)
        kind = "multiple" if item.multiple else "single"
        return Question(item.id, kind, page, stem, tuple(o.text for o in item.options), keys)
    if item.type == "truefalse":
        return Question(item.id, "truefalse", page, "", (item.prompt,), answer=item.answer)
    if item.type == "matching":
        order = display_order(item, len(item.pairs))
        right = tuple(item.pairs[i].right for i in order)
        match = tuple(order.index(i) for i in range(len(item.pairs)))
        return Question(
            item.id, "matching", page, stem, left=tuple(p.left for p in item.pairs), right=right, match=match
        )
    order = display_order(item, len(item.steps))
    return Question(
        item.id, "ordering", page, stem, steps=len(item.steps), reversed_is_answer=order == sorted(order, reverse=True)
    )


def questions(items: Iterable[Item], page: str) -> list[Question]:
    return [question(item, page) for item in items]


def turns(conversation: Conversation) -> list[Turn]:
    """Every turn of a conversation, choices in their shown order."""
    out = []
    for turn in conversation.turns:
        said = "".join(line.text for line in turn.lines)
        good = frozenset(i for i, c in enumerate(turn.choices) if c.quality == "good")
        out.append(
            Turn(f"{conversation.id}/{turn.id}", conversation.id, said, tuple(c.say for c in turn.choices), good)
        )
    return out


def course_reports(root: Path) -> list[Report]:
    """The adversary's reports for the course at ``root``: the self-checks (feedback after
    each item, so position sequences count), every turn of the conversations, and each
    printed form of the practice test read with the strategies that work on the self-checks."""
    from tools.conversations.model import load_conversations
    from tools.exercises import blueprint
    from tools.exercises.model import load_banks

    banks = load_banks(root / "exercises")
    pool = evaluate("self-checks", [q for chapter, bank in banks.items() for q in questions(bank.items, chapter)])
    reports = [pool]
    conversations = load_conversations(root / "exercises" / "conversations")
    reports.append(evaluate_turns("conversations", [t for c in conversations.values() for t in turns(c)]))
    for form in blueprint.FORMS:
        items = blueprint.draw(banks, form)
        reports.append(evaluate(f"practice test form {form}", questions(items, form), sequences=False).read_with(pool))
    return reports
