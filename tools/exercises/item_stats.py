"""Item statistics after a cohort: facility and discrimination per item, from a results CSV.

Two layouts are read, the first row naming the columns:

- **Moodle's quiz "Responses" report** downloaded as CSV with "Question text" shown: for every
  slot n, a column ``Question n`` holding the question's text and a column ``Q. n /x`` (or
  ``Q. n`` …) holding the marks. With random questions each attempt's slot n is a different
  question, so the rows are regrouped by question: an item is known by its text (its
  question text starts with the item's prompt, or is it).
- **A scoring grid** (the paper forms' grid typed in): a column per item ID (``kad-101`` …)
  holding 1, 0, or nothing when the item was not on that learner's form.

Facility is the share of the marks earned (0–1). Discrimination is the corrected item–total
correlation: the item's marks against the rest of the learner's score (point-biserial for
items marked right or wrong). Both are the figures Moodle's own statistics report gives;
this module exists for paper forms and for platforms without that report. Rules of thumb
(the trainer's guide): facility outside 0.2–0.9, or discrimination below 0.2, means look at
the item again. Plain Python, no HTML.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from tools.data.yamlfile import DataError
from tools.exercises.model import ID_FORM, Item

_SLOT_TEXT = re.compile(r"^Question (\d+)$")
_SLOT_MARK = re.compile(r"^Q\.\s*(\d+)(?:\s*/\s*([\d.]+))?")
MIN_LEARNERS = 5
LOW_FACILITY, HIGH_FACILITY, LOW_DISCRIMINATION = 0.2, 0.9, 0.2


@dataclass(frozen=True)
class ItemStat:
    item: str  # the item ID, or the question text when no item matches it
    answered: int
    facility: float
    discrimination: float | None  # None when it cannot be computed (no spread)

    @property
    def flags(self) -> list[str]:
        found = []
        if self.facility < LOW_FACILITY:
            found.append("太难")
        if self.facility > HIGH_FACILITY:
            found.append("太易")
        if self.discrimination is not None and self.discrimination < LOW_DISCRIMINATION:
            found.append("区分度低")
        return found


def _number(text: str, path: Path, line: int, column: str) -> float | None:
    value = text.strip()
    if value in ("", "-"):
        return None
    try:
        return float(value.replace(",", "."))
    except ValueError as exc:
        raise DataError(path, line, f"column `{column}`: `{value}` is not a mark") from exc


def _match(text: str, items: Iterable[Item]) -> str:
    plain = re.sub(r"<[^>]+>", "", text).strip()
    for item in items:
        if plain.startswith(item.prompt) or item.prompt.startswith(plain) and plain:
            return item.id
    return plain[:40]


def read_marks(path: Path, items: Iterable[Item] = ()) -> list[dict[str, float]]:
    """One mapping per learner: item -> share of its marks earned (0–1)."""
    items = list(items)
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise DataError(path, 0, f"cannot read the results: {exc.strerror}") from exc
    with handle:
        rows = list(csv.reader(handle))
    if not rows:
        raise DataError(path, 1, "the file is empty: a results CSV starts with a row of column names")
    header = [h.strip() for h in rows[0]]
    texts = {int(m.group(1)): i for i, h in enumerate(header) if (m := _SLOT_TEXT.match(h))}
    marks = {int(m.group(1)): (i, float(m.group(2) or 1)) for i, h in enumerate(header) if (m := _SLOT_MARK.match(h))}
    ids = {i: h for i, h in enumerate(header) if ID_FORM.fullmatch(h)}
    if not ids and not marks:
        raise DataError(
            path, 1, "no item columns: expected Moodle's `Question n` and `Q. n /x` columns, or item IDs like `kad-101`"
        )
    learners = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header):
            raise DataError(path, number, f"{len(row)} columns where the first row has {len(header)}")
        found: dict[str, float] = {}
        for column, item_id in ids.items():
            value = _number(row[column], path, number, item_id)
            if value is not None:
                if not 0 <= value <= 1:
                    raise DataError(path, number, f"column `{item_id}`: {value:g} is not 0 or 1")
                found[item_id] = value
        for slot, (column, out_of) in marks.items():
            value = _number(row[column], path, number, header[column])
            if value is None:
                continue
            key = _match(row[texts[slot]], items) if slot in texts else f"Q{slot}"
            found[key] = value / out_of if out_of else 0.0
        learners.append(found)
    if len(learners) < MIN_LEARNERS:
        raise DataError(path, len(rows), f"{len(learners)} learners: statistics need at least {MIN_LEARNERS}")
    return learners


def _correlation(xs: list[float], ys: list[float]) -> float | None:
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sx = math.sqrt(sum((x - mx) ** 2 for x in xs))
    sy = math.sqrt(sum((y - my) ** 2 for y in ys))
    if sx == 0 or sy == 0:
        return None
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / (sx * sy)


def statistics(learners: list[Mapping[str, float]]) -> list[ItemStat]:
    """Facility and corrected discrimination of every item, in the order first seen. A
    learner's rest score is the mean of his other items, so forms of different length and
    random draws compare."""
    names = list(dict.fromkeys(name for learner in learners for name in learner))
    stats = []
    for name in names:
        xs, rests = [], []
        for learner in learners:
            if name not in learner:
                continue
            others = [v for k, v in learner.items() if k != name]
            xs.append(learner[name])
            rests.append(sum(others) / len(others) if others else 0.0)
        stats.append(ItemStat(name, len(xs), sum(xs) / len(xs), _correlation(xs, rests) if len(xs) > 2 else None))
    return stats


def report(stats: list[ItemStat]) -> str:
    """A table as CSV text: item, learners, facility, discrimination, what to look at."""
    lines = [",".join(["题目", "作答人数", "难度（答对率）", "区分度", "提示"])]
    for s in stats:
        discrimination = "" if s.discrimination is None else f"{s.discrimination:.2f}"
        lines.append(f"{s.item},{s.answered},{s.facility:.2f},{discrimination},{'；'.join(s.flags)}")
    return "\n".join(lines) + "\n"
