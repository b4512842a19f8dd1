"""Question banks: load a bank file, validate every item, report errors to the line.

Bank format (YAML, one file per chapter in ``exercises/``): see ``exercises/README.md``.
The shape of a bank (keys, types, list lengths) is the schema ``BANK`` below, checked by
:mod:`tools.data.schema`; this module adds the rules that relate fields to each other
(one correct option, answer letters, distinct texts, unique IDs) and, with
:func:`course_problems`, the rules that relate banks to the course (the chapter exists,
IDs carry its prefix, sections are headings of that chapter).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from tools.data import schema as s
from tools.data.yamlfile import DataError, Mapping
from tools.exercises.shuffle import balance, rotate, shuffled

TYPES = ("single", "multiple", "truefalse", "ordering", "matching", "scenario")
TYPE_NAMES = {
    "single": "单选题",
    "multiple": "多选题",
    "truefalse": "判断题",
    "ordering": "排序题",
    "matching": "配对题",
    "scenario": "情境题",
}
LETTERS = "ABCDEFGH"  # options and the right column of matching items; steps use the same, lower case
ID_FORM = re.compile(r"[a-z][a-z0-9]*-\d{2,3}")
# Every chapter's ID prefix (exercises/README.md lists them too). A bank for a new chapter
# needs its prefix here: the build refuses a bank whose chapter has none.
PREFIXES = {
    "key-account-difference": "kad",
    "purchase-factors": "pf",
    "relationship-types": "rt",
    "kam-stages": "ks",
    "relationship-management": "rm",
    "from-transaction-to-partner": "tp",
    "contested-accounts": "ca",
    "winning-a-deal": "wd",
}
# Item metadata (exercises/README.md, "Metadata"): the cognitive level an item asks for and
# whether it tests what the 原始资料 say or the course's own analysis of them.
LEVELS = ("记忆", "理解", "应用", "分析")
BASES = ("原始资料", "课程分析")
DIFFICULTIES = (1, 3)
MAX_OBJECTIVES = 9  # a chapter lists at most this many 学习目标; the course check uses the real count
OBJECTIVES_HEADING = "## 学习目标"
ROOT = Path(__file__).resolve().parents[2]
SUFFIX = ".yml"  # the one spelling; *.yaml and other cases are refused, never skipped


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
    section_line: int = 0  # where `section:` is, for errors about the section
    objective: int = 0  # 1-based index into the chapter's `## 学习目标` list
    difficulty: int = 0  # 1 easy .. 3 hard
    level: str = ""  # one of LEVELS
    basis: str = ""  # one of BASES
    objective_line: int = 0  # where `objective:` is, for errors about the objective
    must_pass: bool = False  # certification: a compliance item every pass needs right

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


_TEXT = s.Text()
_LIMIT = f"the page letters them {LETTERS[0]} to {LETTERS[-1]}"
OPTION = s.Record(
    {"text": _TEXT, "explanation": _TEXT, "correct": s.Optional(s.Bool())},
    what="a mapping with `text` and `explanation`",
)
PAIR = s.Record({"left": _TEXT, "right": _TEXT, "explanation": _TEXT}, what="a mapping with left, right, explanation")
_CHOICE = {
    "options": s.ListOf(
        OPTION, low=2, high=len(LETTERS), noun="options", name=lambda i: f"option {LETTERS[i]}", why=_LIMIT
    ),
    "answer": s.Optional(s.AnyOf(s.Text(), s.ListOf(s.Text(), noun="letters"))),
    "multiple": s.Optional(s.Bool()),
}
ITEM = s.Variants(
    tag="type",
    tag_type=s.Choice(*TYPES),
    common={
        "id": _TEXT,
        "section": _TEXT,
        "prompt": _TEXT,
        "objective": s.Int(1, MAX_OBJECTIVES, unit="the number of a learning objective of the chapter,"),
        "difficulty": s.Int(*DIFFICULTIES, unit="a difficulty"),
        "level": s.Choice(*LEVELS),
        "basis": s.Choice(*BASES),
        # Certification items only (cases/notes/certification): a compliance item that must be
        # answered right to pass, whatever the score (tools/exercises/certification.py).
        "must_pass": s.Optional(s.Bool()),
    },
    variants={
        "single": _CHOICE,
        "multiple": _CHOICE,
        "scenario": {**_CHOICE, "scenario": _TEXT},
        "truefalse": {"answer": s.Bool(), "explanation": _TEXT},
        "ordering": {
            "steps": s.ListOf(
                _TEXT, low=3, high=len(LETTERS), noun="steps", name=lambda i: f"step {i + 1}", why=_LIMIT.lower()
            ),
            "explanation": _TEXT,
        },
        "matching": {
            "pairs": s.ListOf(PAIR, low=3, high=len(LETTERS), noun="pairs", name=lambda i: f"pair {i + 1}", why=_LIMIT),
            "explanation": s.Optional(_TEXT),
        },
    },
    what="a mapping with id, type, section and prompt",
    id_key="id",
)
BANK = s.Record(
    {"chapter": _TEXT, "items": s.ListOf(ITEM, noun="items", name=lambda i: f"item {i + 1}")},
    what="a mapping with `chapter` and `items`",
)


def _text(node: Mapping, key: str) -> str:
    value = node.get(key)
    return value.strip() if isinstance(value, str) else ""


def _options(raw: Mapping, path: Path, item_id: str) -> tuple[Option, ...]:
    options = [
        Option(_text(entry, "text"), entry.get("correct", False) is True, _text(entry, "explanation"))
        for entry in raw["options"]
    ]
    if "answer" in raw:
        options = _apply_answer(raw, options, path, item_id)
    texts = [o.text for o in options]
    if len(set(texts)) != len(texts):
        raise DataError(path, raw.line_of("options"), "two options have the same text", item_id)
    return tuple(options)


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


def _item(raw: Mapping, path: Path) -> Item:
    """An item whose shape the schema has checked: the rules between its fields."""
    item_id = _text(raw, "id")
    if not ID_FORM.fullmatch(item_id):
        raise DataError(
            path,
            raw.line_of("id"),
            "an item ID looks like `pf-01`: the chapter prefix, a hyphen, two or three digits",
            item_id,
        )
    kind = raw["type"]
    common = {
        "id": item_id,
        "type": kind,
        "section": _text(raw, "section"),
        "prompt": _text(raw, "prompt"),
        "path": path,
        "line": raw.line,
        "section_line": raw.line_of("section"),
        "objective": raw["objective"],
        "difficulty": raw["difficulty"],
        "level": raw["level"],
        "basis": raw["basis"],
        "objective_line": raw.line_of("objective"),
        "must_pass": raw.get("must_pass") is True,
    }
    if kind in ("single", "multiple", "scenario"):
        # Shown order: a seeded shuffle of the authored order (tools/exercises/shuffle.py), done
        # here so every renderer, the PDF and the answer key letter the options alike.
        options = shuffled(item_id, _options(raw, path, item_id))
        multiple = raw.get("multiple") is True or kind == "multiple"
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
        return Item(**common, options=options, multiple=multiple, scenario=_text(raw, "scenario"))
    if kind == "truefalse":
        return Item(**common, answer=raw["answer"], explanation=_text(raw, "explanation"))
    if kind == "ordering":
        steps = [step.strip() for step in raw["steps"]]
        if len(set(steps)) != len(steps):
            raise DataError(path, raw.line_of("steps"), "steps must be distinct, non-empty texts", item_id)
        return Item(**common, steps=tuple(steps), explanation=_text(raw, "explanation"))
    pairs = [Pair(_text(p, "left"), _text(p, "right"), _text(p, "explanation")) for p in raw["pairs"]]
    for side in ("left", "right"):
        values = [getattr(p, side) for p in pairs]
        if len(set(values)) != len(values):
            raise DataError(path, raw.line_of("pairs"), f"two pairs have the same {side} text", item_id)
    return Item(**common, pairs=tuple(pairs), explanation=_text(raw, "explanation"))


def load_bank(path: Path) -> Bank:
    data = s.load(path, BANK)
    chapter = _text(data, "chapter")
    if chapter != path.stem:
        raise DataError(path, data.line_of("chapter"), f"chapter `{chapter}` must equal the file name `{path.stem}`")
    bank = Bank(chapter=chapter, path=path)
    seen: dict[str, int] = {}
    for raw in data["items"]:
        item = _item(raw, path)
        if item.id in seen:
            raise DataError(path, item.line, f"duplicate item ID (first at line {seen[item.id]})", item.id)
        seen[item.id] = item.line
        bank.items.append(item)
    _balance_keys(bank)
    return bank


def _balance_keys(bank: Bank) -> None:
    """Rotate the choice items' options so key positions carry no cue (shuffle.balance)."""
    choice = [i for i, item in enumerate(bank.items) if item.options]
    shifts = balance(bank.chapter, [[o.correct for o in bank.items[i].options] for i in choice])
    for i, shift in zip(choice, shifts, strict=True):
        if shift:
            bank.items[i] = replace(bank.items[i], options=rotate(bank.items[i].options, shift))


def bank_files(directory: Path) -> list[Path]:
    """The bank files in ``directory``. A file that looks like a bank but is spelt
    otherwise (``x.yaml``, ``x.YML``) is refused: left out, it would vanish unnoticed."""
    if not directory.is_dir():
        raise DataError(directory, 0, "no such folder of question banks")
    files = []
    for path in sorted(directory.iterdir()):
        if path.suffix.lower() not in (".yml", ".yaml"):
            continue
        if path.suffix != SUFFIX:
            raise DataError(path, 0, f"banks are `*{SUFFIX}` files: rename it to {path.stem}{SUFFIX}")
        if not path.is_file():  # a folder, a dangling link, a device: left out, it would vanish unnoticed
            raise DataError(
                path, 0, "is not a regular file (a folder, a broken link or a device); banks are plain files"
            )
        files.append(path)
    return files


def load_banks(directory: Path) -> dict[str, Bank]:
    """Every bank in ``directory``, keyed by chapter; item IDs must be unique across all.
    The first problem found is raised (:func:`load_each_bank` reports them all)."""
    banks, problems = load_each_bank(directory)
    if problems:
        raise problems[0]
    return banks


def load_each_bank(directory: Path) -> tuple[dict[str, Bank], list[DataError]]:
    """The banks that load, and a DataError for each that does not: the build reports every
    broken bank and still checks the others against the course (a bank saved as GBK must
    not hide another bank's wrong section)."""
    try:
        files = bank_files(directory)
    except DataError as exc:
        return {}, [exc]
    banks: dict[str, Bank] = {}
    owners: dict[str, Item] = {}
    problems: list[DataError] = []
    for path in files:
        try:
            bank = load_bank(path)
        except DataError as exc:
            problems.append(exc)
            continue
        for item in bank.items:
            if item.id in owners:
                first = owners[item.id]
                where = f"{first.path.name}:{first.line}"
                problems.append(DataError(path, item.line, f"duplicate item ID (also in {where})", item.id))
            owners.setdefault(item.id, item)
        banks[bank.chapter] = bank
    return banks, problems


def count_objectives(page: Path) -> int:
    """How many learning objectives a chapter page lists: the bullet list under its
    ``## 学习目标`` heading (0 when the page or the heading is missing)."""
    if not page.is_file():
        return 0
    count, inside = 0, False
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.strip() == OBJECTIVES_HEADING:
            inside = True
        elif inside and (line.startswith("#") or (line.strip() and not line.startswith(("- ", "  ")) and count)):
            break  # the next heading, or the paragraph after the list
        elif inside and line.startswith("- "):
            count += 1
    return count


def _objectives(bank: Bank) -> int:
    """The chapter's objective count: the page next to the banks' folder (the build's source
    tree), else the course's own page (a fixture folder has no book beside it)."""
    for book in (bank.path.parent.parent / "book", ROOT / "book"):
        page = book / f"{bank.chapter}.md"
        if page.is_file():
            return count_objectives(page)
    return 0


def course_problems(banks: dict[str, Bank], chapters: set[str], labels: dict[str, str]) -> list[DataError]:
    """What ties the banks to the course, every problem found: each bank's chapter is a page
    ``book/<chapter>`` (``chapters`` holds the chapter names), IDs carry that chapter's
    prefix, each ``section`` is a label (``labels``: label -> page) on that page, and each
    ``objective`` numbers one of that page's learning objectives."""
    problems = []
    for bank in banks.values():
        page = f"book/{bank.chapter}"
        if bank.chapter not in chapters:
            problems.append(
                DataError(bank.path, 1, f"there is no chapter page {page}.md for this bank (chapter `{bank.chapter}`)")
            )
            continue
        prefix = PREFIXES.get(bank.chapter)
        if prefix is None:
            problems.append(
                DataError(bank.path, 1, f"chapter `{bank.chapter}` has no ID prefix: add it to PREFIXES in {__name__}")
            )
            continue
        objectives = _objectives(bank)
        for item in bank.items:
            if objectives and item.objective > objectives:
                problems.append(
                    DataError(
                        item.path,
                        item.objective_line or item.line,
                        f"objective {item.objective} does not exist: {page}.md lists {objectives} learning "
                        f"objectives under {OBJECTIVES_HEADING}",
                        item.id,
                    )
                )
            if not item.id.startswith(f"{prefix}-"):
                problems.append(
                    DataError(
                        item.path,
                        item.line,
                        f"ID `{item.id}` must start with `{prefix}-`, the prefix of chapter {bank.chapter}",
                        item.id,
                    )
                )
            where = labels.get(item.section)
            if where is None:
                message = f"section `{item.section}` does not exist (no such label)"
                message += s.suggestion(item.section, [k for k, v in labels.items() if v == page])
            elif where != page:
                message = f"section `{item.section}` is a heading of {where}, not of this bank's chapter {page}"
            else:
                continue
            problems.append(DataError(item.path, item.section_line or item.line, message, item.id))
    return problems


def check_course(banks: dict[str, Bank], chapters: set[str], labels: dict[str, str]) -> None:
    """:func:`course_problems`, raising the first."""
    problems = course_problems(banks, chapters, labels)
    if problems:
        raise problems[0]


def load_course_banks(directory: Path, source: Path) -> dict[str, Bank]:
    """The banks as every command sees them, by the rules the build applies: loaded
    (:func:`load_banks`) and checked against the course at ``source`` (:func:`check_course`:
    chapters, ID prefixes, sections, objectives), so that `export`, `assign` and `scorm`
    refuse what the build refuses, with the same message."""
    from tools.cases.model import book_chapters
    from tools.data.labels import page_labels

    banks = load_banks(directory)
    check_course(banks, book_chapters(source), page_labels(source))
    return banks
