"""Question banks: load a bank file, validate every item, report errors to the line.

Bank format (YAML, one file per chapter in ``exercises/``): see ``exercises/README.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tools.data.yamlfile import DataError, Mapping, load

TYPES = ("single", "multiple", "truefalse", "ordering", "matching", "scenario")
TYPE_NAMES = {
    "single": "单选题",
    "multiple": "多选题",
    "truefalse": "判断题",
    "ordering": "排序题",
    "matching": "配对题",
    "scenario": "情境题",
}
LETTERS = "ABCDEFGH"
ID_FORM = re.compile(r"[a-z][a-z0-9]*-\d{2,3}")


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    explanation: str


@dataclass(frozen=True)
class Pair:
    left: str
    right: str
    explanation: str


@dataclass(frozen=True)
class Item:
    id: str
    type: str
    section: str
    prompt: str
    path: Path
    line: int
    scenario: str = ""
    options: tuple[Option, ...] = ()
    multiple: bool = False  # choice items: select all that apply
    answer: bool | None = None  # truefalse
    steps: tuple[str, ...] = ()  # ordering, in the correct order
    pairs: tuple[Pair, ...] = ()  # matching
    explanation: str = ""  # truefalse, ordering, matching: the item's explanation

    @property
    def is_choice(self) -> bool:
        return self.type in ("single", "multiple", "scenario")

    @property
    def correct_letters(self) -> list[str]:
        return [LETTERS[i] for i, option in enumerate(self.options) if option.correct]


@dataclass
class Bank:
    chapter: str
    path: Path
    items: list[Item] = field(default_factory=list)

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)


def _text(node: Mapping, key: str, path: Path, item_id: str | None, *, required: bool = True) -> str:
    value = node.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise DataError(path, node.line_of(key), f"`{key}` is missing or empty", item_id)
        return ""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise DataError(path, node.line_of(key), f"`{key}` must be text", item_id)
    return str(value).strip()


def _list(node: Mapping, key: str, path: Path, item_id: str) -> list:
    value = node.get(key)
    if not isinstance(value, list) or not value:
        raise DataError(path, node.line_of(key), f"`{key}` must be a non-empty list", item_id)
    return value


def _options(raw: Mapping, path: Path, item_id: str) -> tuple[tuple[Option, ...], bool]:
    entries = _list(raw, "options", path, item_id)
    if not 2 <= len(entries) <= len(LETTERS):
        raise DataError(path, raw.line_of("options"), f"needs 2 to {len(LETTERS)} options, has {len(entries)}", item_id)
    options = []
    for number, entry in enumerate(entries):
        letter = LETTERS[number]
        if not isinstance(entry, Mapping):
            raise DataError(path, raw.line_of("options"), f"option {letter} must be a mapping with `text`", item_id)
        if "explanation" not in entry or not str(entry.get("explanation") or "").strip():
            raise DataError(path, entry.line, f"option {letter} has no explanation (every option needs one)", item_id)
        correct = entry.get("correct", False)
        if not isinstance(correct, bool):
            raise DataError(
                path, entry.line_of("correct"), f"option {letter}: `correct` must be true or false", item_id
            )
        options.append(Option(_text(entry, "text", path, item_id), correct, _text(entry, "explanation", path, item_id)))
    if "answer" in raw:
        options = _apply_answer(raw, options, path, item_id)
    texts = [o.text for o in options]
    if len(set(texts)) != len(texts):
        raise DataError(path, raw.line_of("options"), "two options have the same text", item_id)
    return tuple(options), bool(raw.get("multiple", False))


def _apply_answer(raw: Mapping, options: list[Option], path: Path, item_id: str) -> list[Option]:
    """Choice items may name their answer(s) by letter (``answer: B`` or ``[A, C]``)
    instead of marking options ``correct: true``; not both."""
    if any(o.correct for o in options):
        raise DataError(
            path, raw.line_of("answer"), "give the answer either as `answer:` or as `correct:`, not both", item_id
        )
    wanted = raw["answer"] if isinstance(raw["answer"], list) else [raw["answer"]]
    valid = LETTERS[: len(options)]
    letters = []
    for value in wanted:
        letter = str(value).strip().upper()
        if letter not in valid:
            raise DataError(
                path,
                raw.line_of("answer"),
                f"answer {value!r} is not among the options ({valid[0]}–{valid[-1]})",
                item_id,
            )
        letters.append(letter)
    return [Option(o.text, LETTERS[i] in letters, o.explanation) for i, o in enumerate(options)]


def _item(raw, path: Path, line: int) -> Item:
    if not isinstance(raw, Mapping):
        raise DataError(path, line, "each item must be a mapping with id, type, section and prompt")
    item_id = _text(raw, "id", path, None)
    if not ID_FORM.fullmatch(item_id):
        raise DataError(
            path,
            raw.line_of("id"),
            "an item ID looks like `pf-01`: the chapter prefix, a hyphen, two or three digits",
            item_id,
        )
    if not isinstance(raw.get("multiple", False), bool):
        raise DataError(path, raw.line_of("multiple"), "`multiple` must be true or false", item_id)
    kind = raw.get("type")
    if kind not in TYPES:
        raise DataError(path, raw.line_of("type"), f"unknown type {kind!r} (known: {', '.join(TYPES)})", item_id)
    common = {
        "id": item_id,
        "type": kind,
        "section": _text(raw, "section", path, item_id),
        "prompt": _text(raw, "prompt", path, item_id),
        "path": path,
        "line": raw.line,
    }
    if kind in ("single", "multiple", "scenario"):
        options, multiple = _options(raw, path, item_id)
        multiple = multiple or kind == "multiple"
        correct = sum(o.correct for o in options)
        if correct == 0:
            raise DataError(
                path, raw.line_of("options"), "no correct answer: mark at least one option `correct: true`", item_id
            )
        if not multiple and correct > 1:
            raise DataError(
                path,
                raw.line_of("options"),
                f"{correct} options are marked correct; a single-answer item needs exactly one "
                "(or set `multiple: true`)",
                item_id,
            )
        scenario = _text(raw, "scenario", path, item_id, required=kind == "scenario")
        return Item(**common, options=options, multiple=multiple, scenario=scenario)
    if kind == "truefalse":
        if not isinstance(raw.get("answer"), bool):
            raise DataError(path, raw.line_of("answer"), "no correct answer: `answer` must be true or false", item_id)
        return Item(**common, answer=raw["answer"], explanation=_text(raw, "explanation", path, item_id))
    if kind == "ordering":
        steps = _list(raw, "steps", path, item_id)
        if len(steps) < 3:
            raise DataError(
                path, raw.line_of("steps"), f"an ordering item needs at least 3 steps, has {len(steps)}", item_id
            )
        stripped = [s.strip() if isinstance(s, str) else "" for s in steps]
        if not all(stripped) or len(set(stripped)) != len(stripped):
            raise DataError(path, raw.line_of("steps"), "steps must be distinct, non-empty texts", item_id)
        return Item(
            **common, steps=tuple(s.strip() for s in steps), explanation=_text(raw, "explanation", path, item_id)
        )
    # matching
    entries = _list(raw, "pairs", path, item_id)
    if len(entries) < 3:
        raise DataError(
            path, raw.line_of("pairs"), f"a matching item needs at least 3 pairs, has {len(entries)}", item_id
        )
    pairs = []
    for entry in entries:
        if not isinstance(entry, Mapping):
            raise DataError(
                path, raw.line_of("pairs"), "each pair must be a mapping with left, right, explanation", item_id
            )
        pairs.append(
            Pair(
                _text(entry, "left", path, item_id),
                _text(entry, "right", path, item_id),
                _text(entry, "explanation", path, item_id),
            )
        )
    for side in ("left", "right"):
        values = [getattr(p, side) for p in pairs]
        if len(set(values)) != len(values):
            raise DataError(path, raw.line_of("pairs"), f"two pairs have the same {side} text", item_id)
    return Item(**common, pairs=tuple(pairs), explanation=_text(raw, "explanation", path, item_id, required=False))


def load_bank(path: Path) -> Bank:
    data = load(path)
    if not isinstance(data, Mapping):
        raise DataError(path, 1, "a bank is a mapping with `chapter` and `items`")
    chapter = _text(data, "chapter", path, None)
    if chapter != path.stem:
        raise DataError(path, data.line_of("chapter"), f"chapter `{chapter}` must equal the file name `{path.stem}`")
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise DataError(path, data.line_of("items"), "`items` must be a non-empty list")
    bank = Bank(chapter=chapter, path=path)
    seen: dict[str, int] = {}
    lines = getattr(raw_items, "item_lines", [data.line_of("items")] * len(raw_items))
    for raw, line in zip(raw_items, lines, strict=True):
        item = _item(raw, path, line)
        if item.id in seen:
            raise DataError(path, item.line, f"duplicate item ID (first at line {seen[item.id]})", item.id)
        seen[item.id] = item.line
        bank.items.append(item)
    return bank


def load_banks(directory: Path) -> dict[str, Bank]:
    """Every bank in ``directory``, keyed by chapter; item IDs must be unique across all."""
    banks: dict[str, Bank] = {}
    owners: dict[str, Item] = {}
    for path in sorted(directory.glob("*.yml")):
        bank = load_bank(path)
        for item in bank.items:
            if item.id in owners:
                first = owners[item.id]
                raise DataError(path, item.line, f"duplicate item ID (also in {first.path.name}:{first.line})", item.id)
            owners[item.id] = item
        banks[bank.chapter] = bank
    return banks


def check_sections(banks: dict[str, Bank], labels: set[str]) -> None:
    """Every item's ``section`` must be a label that exists in the course."""
    for bank in banks.values():
        for item in bank.items:
            if item.section not in labels:
                raise DataError(
                    item.path, item.line, f"section `{item.section}` does not exist (no such label)", item.id
                )
