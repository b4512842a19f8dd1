"""The certification test (认证测验): a pool of items no learner has seen, kept with the trainer
material, its blueprint and pass rule, the written case and its rubric, and the paper forms.

The practice test on the course site (模拟测验, :mod:`tools.exercises.blueprint`) draws from
the self-checks and certifies nothing. The certification pool lives in
``cases/notes/certification/`` (one bank per chapter, the self-check format plus
``must_pass``), which the learner edition never reads and the leak scan covers
(:mod:`tools.trainer.leaks`): the learner site, PDF, handouts, SCORM package and learner
exports can never hold it.

A certification test is the practice test's blueprint (30 items: chapters × levels) drawn
from the pool's items that are not must-pass, plus ``MUST_PASS`` compliance items, plus the
written case. It is passed with at least ``blueprint.cut_score()`` of the 30 right, every
must-pass item right, and at least the case's ``pass_marks``. Plain Python, no HTML.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from tools.data import schema as s
from tools.data.yamlfile import DataError

from . import blueprint
from .adversary import Report, evaluate, questions, single_strategies
from .model import Bank, Item, load_banks, load_course_banks
from .shuffle import longest_run, seed, sequence_share

FOLDER = Path("cases") / "notes" / "certification"
CASE_FILE = "case/written-case.yml"  # beside the banks, outside their folder
MIN_POOL = 90  # items in the pool, must-pass items included
POOL_FACTOR = 2  # each blueprint cell holds at least this many times the items a form draws
MUST_PASS = 2  # compliance items on every form, each to be answered right
FORM_SEARCH = 400  # draws tried for the pair of paper forms
MAX_RUN = 2  # the same key letter at most twice in a row on a form
MAX_SEQUENCE_SHARE = 0.35  # as the self-check pages (tools/exercises/shuffle.py)


@dataclass(frozen=True)
class Criterion:
    name: str
    marks: int
    full: str  # what earns full marks
    partial: str  # what earns part of them
    none: str  # what earns none


@dataclass(frozen=True)
class WrittenCase:
    title: str
    scenario: str
    task: str
    marks: int
    pass_marks: int
    minutes: int
    criteria: tuple[Criterion, ...]
    samples: dict[str, str]  # full / partial / none -> a sample answer at that level
    sample_marks: dict[str, int]  # the marks each sample earns


@dataclass(frozen=True)
class Form:
    name: str  # A or B
    items: tuple[Item, ...]  # the blueprint's 30, in chapter order
    must_pass: tuple[Item, ...]

    @property
    def all_items(self) -> tuple[Item, ...]:
        return self.items + self.must_pass

    @property
    def difficulty(self) -> float:
        return sum(i.difficulty for i in self.all_items) / len(self.all_items)


_TEXT = s.Text()
CRITERION = s.Record(
    {"name": _TEXT, "marks": s.Int(1, 10, unit="marks"), "full": _TEXT, "partial": _TEXT, "none": _TEXT},
    what="a criterion: name, marks, and the anchors full, partial, none",
)
LEVEL_TEXTS = s.Record({"full": _TEXT, "partial": _TEXT, "none": _TEXT}, what="full, partial and none")
LEVEL_MARKS = s.Record(
    {"full": s.Int(0, 20, unit="marks"), "partial": s.Int(0, 20, unit="marks"), "none": s.Int(0, 20, unit="marks")},
    what="the marks of the full, partial and none samples",
)
CASE = s.Record(
    {
        "title": _TEXT,
        "scenario": _TEXT,
        "task": _TEXT,
        "marks": s.Int(1, 20, unit="marks"),
        "pass_marks": s.Int(1, 20, unit="marks"),
        "minutes": s.Int(5, 120, unit="minutes"),
        "criteria": s.ListOf(CRITERION, low=2, high=6, noun="criteria", name=lambda i: f"criterion {i + 1}"),
        "samples": LEVEL_TEXTS,
        "sample_marks": LEVEL_MARKS,
    },
    what="the written case: title, scenario, task, marks, pass_marks, minutes, criteria, samples, sample_marks",
)


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def load_case(path: Path) -> WrittenCase:
    """The written case, checked: the criteria's marks add up to the case's marks, the pass
    mark lies within them, and each sample's marks fit its level."""
    data = s.load(path, CASE)
    criteria = tuple(
        Criterion(_text(c["name"]), c["marks"], _text(c["full"]), _text(c["partial"]), _text(c["none"]))
        for c in data["criteria"]
    )
    case = WrittenCase(
        title=_text(data["title"]),
        scenario=_text(data["scenario"]),
        task=_text(data["task"]),
        marks=data["marks"],
        pass_marks=data["pass_marks"],
        minutes=data["minutes"],
        criteria=criteria,
        samples={k: _text(v) for k, v in data["samples"].items()},
        sample_marks=dict(data["sample_marks"].items()),
    )
    total = sum(c.marks for c in criteria)
    if total != case.marks:
        raise DataError(path, data.line_of("criteria"), f"the criteria give {total} marks, the case {case.marks}")
    if not case.pass_marks <= case.marks:
        raise DataError(path, data.line_of("pass_marks"), f"pass_marks {case.pass_marks} exceeds marks {case.marks}")
    marks = case.sample_marks
    if not (marks["full"] == case.marks and marks["none"] < case.pass_marks <= marks["full"]):
        raise DataError(
            path,
            data.line_of("sample_marks"),
            "the full sample earns all the marks and the none sample fewer than pass_marks",
        )
    if not marks["none"] <= marks["partial"] <= marks["full"]:
        raise DataError(path, data.line_of("sample_marks"), "sample marks must rise from none to partial to full")
    return case


def load_pool(root: Path) -> dict[str, Bank]:
    """The certification pool of the course at ``root``, checked by the build's rules for banks
    (chapters, ID prefixes, sections, objectives) and against the self-checks: no ID and no
    prompt of the pool may be a self-check's (a learner has seen those)."""
    folder = root / FOLDER
    pool = load_course_banks(folder, root)
    seen = {i.id: i for bank in load_banks(root / "exercises").values() for i in bank.items}
    prompts = {i.prompt for i in seen.values()}
    for bank in pool.values():
        for item in bank.items:
            if item.id in seen:
                raise DataError(
                    item.path, item.line, "a self-check has this ID; certification IDs start at 101", item.id
                )
            if item.prompt in prompts:
                raise DataError(item.path, item.line, "this prompt is a self-check's: learners have seen it", item.id)
            if item.type != "single":
                raise DataError(item.path, item.line, "certification items are single-answer items", item.id)
    return pool


def cells(pool: Mapping[str, Bank]) -> dict[str, dict[str, list[Item]]]:
    """{chapter: {level: [items]}}: the blueprint's cells, must-pass items left out."""
    return {
        chapter: {level: [i for i in pool[chapter].items if i.level == level and not i.must_pass] for level in counts}
        for chapter, counts in blueprint.BLUEPRINT.items()
        if chapter in pool
    }


def must_pass_items(pool: Mapping[str, Bank]) -> list[Item]:
    return [i for chapter in blueprint.BLUEPRINT if chapter in pool for i in pool[chapter].items if i.must_pass]


def problems(pool: Mapping[str, Bank]) -> list[str]:
    """What keeps the pool from certifying, one sentence each (empty: it can)."""
    found = []
    total = sum(len(bank.items) for bank in pool.values())
    if total < MIN_POOL:
        found.append(f"certification pool: {total} items, at least {MIN_POOL} wanted")
    drawn = cells(pool)
    for chapter, counts in blueprint.BLUEPRINT.items():
        if chapter not in pool:
            found.append(f"certification pool: chapter `{chapter}` has no bank")
            continue
        for level, count in counts.items():
            have = len(drawn[chapter][level])
            if have < POOL_FACTOR * count:
                found.append(
                    f"certification pool: `{chapter}` at level {level} has {have} items, "
                    f"{POOL_FACTOR * count} wanted ({POOL_FACTOR}× the {count} a form draws)"
                )
    have = len(must_pass_items(pool))
    if have < POOL_FACTOR * MUST_PASS:
        found.append(f"certification pool: {have} must-pass items, {POOL_FACTOR * MUST_PASS} wanted")
    return found


def _ordered(items: list[Item], tail: list[Item], rng: random.Random) -> list[Item] | None:
    """``items`` reordered within each chapter, then ``tail`` (the must-pass items, printed
    last), so that the form's key letters show no run longer than ``MAX_RUN`` and no step
    rule above ``MAX_SEQUENCE_SHARE``; None if no such order turns up."""
    chapters: dict[str, list[Item]] = {}
    for item in items:
        chapters.setdefault(item.id.split("-")[0], []).append(item)
    for _ in range(200):
        order = []
        for group in chapters.values():
            group = group[:]
            rng.shuffle(group)
            order += group
        tail = tail[:]
        rng.shuffle(tail)
        keys = [min(i for i, o in enumerate(item.options) if o.correct) for item in order + tail]
        if longest_run(keys) <= MAX_RUN and sequence_share(keys) <= MAX_SEQUENCE_SHARE:
            return order + tail
    return None


def reader(pool: Mapping[str, Bank]) -> Report:
    """The test-wise reader over the whole pool: the strategies he would bring to a form."""
    return evaluate("certification pool", [q for c, b in pool.items() for q in questions(b.items, c)], False)


def testwise(form: Form, pool_report: Report) -> float:
    """Expected share right of a test-wise reader who brings the pool's best strategies."""
    report = evaluate(f"form {form.name}", questions(form.all_items, form.name), False).read_with(pool_report)
    return report.best


def _item_scores(pool: Mapping[str, Bank], pool_report: Report) -> dict[str, float]:
    """Each item's expected score under the pool's best single-answer strategy (the form's
    figure is their mean): computed once, so that trying many draws stays cheap."""
    name = pool_report.types["single"].best[0]
    strategy = single_strategies()[name]
    return {q.id: strategy(q) for c, b in pool.items() for q in questions(b.items, c)}


_FORMS: dict[tuple, tuple[Form, Form]] = {}  # the draw, once per pool (the trainer page asks twice)


def forms(pool: Mapping[str, Bank]) -> tuple[Form, Form]:
    key = tuple((chapter, tuple(bank.items)) for chapter, bank in sorted(pool.items()))
    if key not in _FORMS:
        _FORMS[key] = _draw_forms(pool)
    return _FORMS[key]


def _draw_forms(pool: Mapping[str, Bank]) -> tuple[Form, Form]:
    """Paper forms A and B: no item on both, each filled by the blueprint, with ``MUST_PASS``
    compliance items each; of ``FORM_SEARCH`` seeded draws, the pair closest in mean
    difficulty and in the test-wise reader's expected score (and, among close pairs, the one
    where that score is lowest). The same on every build."""
    drawn = cells(pool)
    compliance = must_pass_items(pool)
    scores = _item_scores(pool, reader(pool))

    def score(form: Form) -> float:
        return sum(scores[i.id] for i in form.all_items) / len(form.all_items)

    best: tuple[float, Form, Form] | None = None
    for attempt in range(FORM_SEARCH):
        rng = random.Random(seed(f"certification-forms:{attempt}"))
        a_items: list[Item] = []
        b_items: list[Item] = []
        for chapter, counts in blueprint.BLUEPRINT.items():
            for level, count in counts.items():
                group = drawn[chapter][level][:]
                rng.shuffle(group)
                a_items += group[:count]
                b_items += group[count : 2 * count]
        checks = compliance[:]
        rng.shuffle(checks)
        ordered = [
            _ordered(a_items, checks[:MUST_PASS], rng),
            _ordered(b_items, checks[MUST_PASS : 2 * MUST_PASS], rng),
        ]
        if ordered[0] is None or ordered[1] is None:
            continue
        made = []
        for name, order in zip(("A", "B"), ordered, strict=True):
            main = tuple(i for i in order if not i.must_pass)
            made.append(Form(name, main, tuple(i for i in order if i.must_pass)))
        a, b = made
        # Equal forms first; among equals, the ones a test-wise reader does worst on.
        gap = abs(a.difficulty - b.difficulty) + abs(score(a) - score(b)) + max(score(a), score(b)) / 2
        if best is None or gap < best[0] - 1e-9:
            best = (gap, a, b)
    if best is None:
        raise ValueError("no pair of certification forms meets the key-sequence limits")
    return best[1], best[2]


def passed(right: int, must_pass_right: int, case_marks: int, case: WrittenCase) -> bool:
    """The pass rule: the cut score on the 30, every must-pass item, and the case's pass mark."""
    return right >= blueprint.cut_score() and must_pass_right == MUST_PASS and case_marks >= case.pass_marks
