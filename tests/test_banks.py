"""Question banks: the course's banks load and point to real sections; each broken fixture
(one per rule, in tests/fixtures/banks/) is named to the file, line and item."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT

from tools.data.yamlfile import DataError
from tools.exercises.model import TYPES, Bank, check_sections, load_bank, load_banks

BANKS = ROOT / "exercises"
FIXTURES = ROOT / "tests" / "fixtures" / "banks"
PREFIXES = {
    "key-account-difference": "kad",
    "purchase-factors": "pf",
    "relationship-types": "rt",
    "kam-stages": "ks",
    "relationship-management": "rm",
    "from-transaction-to-partner": "tp",
}
LABEL = re.compile(r"^\(([^()\s]+)\)=$", re.MULTILINE)


def course_labels() -> set[str]:
    """Every `(label)=` target in the chapters."""
    return {label for page in (ROOT / "book").glob("*.md") for label in LABEL.findall(page.read_text("utf-8"))}


@pytest.fixture(scope="module")
def banks() -> dict[str, Bank]:
    return load_banks(BANKS)


@pytest.fixture(scope="module")
def labels() -> set[str]:
    return course_labels()


# (a) the course's banks


def test_course_banks_load(banks):
    assert set(banks) == set(PREFIXES)
    items = [item for bank in banks.values() for item in bank.items]
    for chapter, bank in banks.items():
        assert len(bank.items) >= 10, f"{chapter}: only {len(bank.items)} items"
    assert len(items) >= 60
    assert {item.type for item in items} == set(TYPES)
    ids = [item.id for item in items]
    assert len(set(ids)) == len(ids)


def test_course_ids_carry_the_chapter_prefix(banks):
    for chapter, bank in banks.items():
        for item in bank.items:
            assert re.fullmatch(rf"{PREFIXES[chapter]}-\d\d", item.id), f"{item.path}:{item.line}: {item.id}"


# (c) sections


def test_course_sections_exist(banks, labels):
    assert len(labels) > 50  # the scan found the chapters' labels
    check_sections(banks, labels)


def test_course_sections_are_in_their_own_chapter(banks):
    for chapter, bank in banks.items():
        for item in bank.items:
            assert item.section.startswith(f"{chapter}-"), f"{item.path}:{item.line}: {item.id}: {item.section}"


# (d) counts by type and chapter


def test_counts_by_type_and_chapter(banks):
    counts = {chapter: Counter(item.type for item in bank.items) for chapter, bank in banks.items()}
    totals = sum(counts.values(), Counter())
    for chapter, count in counts.items():
        assert set(count) <= set(TYPES)
        assert count.total() == len(banks[chapter].items) >= 10
    assert set(totals) == set(TYPES)
    assert totals.total() == sum(len(bank.items) for bank in banks.values()) >= 60


# (b) one broken fixture per rule


@dataclass(frozen=True)
class Broken:
    fixture: str  # a file in FIXTURES, or a folder of banks for load_banks
    line: int
    item: str | None
    message: str
    file: str = ""  # the file the error names, inside a folder fixture
    xfail: str = ""  # the rule is missing from the model (or the model has a bug): why

    @property
    def path(self) -> Path:
        return FIXTURES / self.fixture / self.file if self.file else FIXTURES / self.fixture

    def param(self):
        marks = [pytest.mark.xfail(strict=True, reason=self.xfail)] if self.xfail else []
        return pytest.param(self, id=self.fixture.removesuffix(".yml"), marks=marks)


BROKEN = [
    # the file
    Broken("malformed-yaml.yml", 7, None, "not valid YAML"),
    Broken("bank-not-a-mapping.yml", 1, None, "a bank is a mapping with `chapter` and `items`"),
    Broken("chapter-mismatch.yml", 2, None, "chapter `purchase-factors` must equal the file name `chapter-mismatch`"),
    Broken("items-empty.yml", 3, None, "`items` must be a non-empty list"),
    Broken(
        "item-not-a-mapping.yml",
        10,
        None,
        "each item must be a mapping",
    ),
    # IDs
    Broken("missing-id.yml", 4, None, "`id` is missing or empty"),
    Broken(
        "bad-id-format.yml",
        4,
        "question-7",
        "ID",
    ),
    Broken("duplicate-id-within-bank.yml", 10, "rt-01", "duplicate item ID (first at line 4)"),
    Broken("duplicate-id-across-banks", 10, "ks-03", "duplicate item ID (also in alpha.yml:4)", file="beta.yml"),
    # fields every item has
    Broken("unknown-type.yml", 5, "pf-01", "unknown type 'essay'"),
    Broken("missing-section.yml", 6, "rt-02", "`section` is missing or empty"),
    Broken("text-not-text.yml", 7, "rt-02", "`prompt` must be text"),
    Broken("unknown-section.yml", 11, "tp-02", "section `from-transaction-to-partner-summary` does not exist"),
    # choice items
    Broken("options-missing.yml", 4, "kad-02", "`options` must be a non-empty list"),
    Broken("too-few-options.yml", 8, "kad-02", "needs 2 to 8 options, has 1"),
    Broken("option-not-a-mapping.yml", 8, "kad-02", "option B must be a mapping with `text`"),
    Broken("missing-explanation.yml", 12, "kad-01", "option B has no explanation"),
    Broken("correct-not-boolean.yml", 10, "kad-02", "option A: `correct` must be true or false"),
    Broken(
        "multiple-not-boolean.yml",
        8,
        "kad-02",
        "`multiple` must be true or false",
    ),
    Broken("duplicate-option-text.yml", 8, "pf-03", "two options have the same text"),
    Broken("no-correct-answer.yml", 8, "pf-01", "no correct answer"),
    Broken("two-correct-in-single.yml", 8, "pf-01", "2 options are marked correct"),
    Broken("answer-not-among-options.yml", 17, "pf-01", "answer 'E' is not among the options (A–D)"),
    Broken("answer-and-correct-both.yml", 14, "ks-01", "either as `answer:` or as `correct:`, not both"),
    Broken("scenario-without-scenario.yml", 4, "rm-03", "`scenario` is missing or empty"),
    # truefalse
    Broken("truefalse-without-answer.yml", 4, "kad-01", "`answer` must be true or false"),
    Broken("truefalse-without-explanation.yml", 4, "kad-01", "`explanation` is missing or empty"),
    # ordering
    Broken("ordering-too-few-steps.yml", 8, "rm-01", "needs at least 3 steps, has 2"),
    Broken("ordering-duplicate-steps.yml", 8, "rm-01", "steps must be distinct"),
    Broken("ordering-without-explanation.yml", 4, "rm-01", "`explanation` is missing or empty"),
    # matching
    Broken("matching-too-few-pairs.yml", 8, "pf-01", "needs at least 3 pairs, has 2"),
    Broken("pair-without-explanation.yml", 15, "pf-02", "`explanation` is missing or empty"),
    Broken("matching-duplicate-text.yml", 8, "pf-02", "two pairs have the same right text"),
]


def validate(path: Path, labels: set[str]) -> None:
    """What the course does with a bank: load it (a folder: all its banks) and check its sections."""
    banks = load_banks(path) if path.is_dir() else {path.stem: load_bank(path)}
    check_sections(banks, labels)


def test_every_fixture_has_a_case():
    assert {p.name for p in FIXTURES.iterdir()} == {case.fixture for case in BROKEN}


@pytest.mark.parametrize("case", [case.param() for case in BROKEN])
def test_broken_bank_is_named_to_the_line(case, labels):
    with pytest.raises(DataError) as info:
        validate(FIXTURES / case.fixture, labels)
    error = info.value
    assert error.path == case.path
    assert error.line == case.line, str(error)
    assert error.item == case.item, str(error)
    assert case.message in error.message, str(error)
    assert str(error).startswith(f"{case.path}:{case.line}:")
    if case.item:
        assert str(error).startswith(f"{case.path}:{case.line}: {case.item}: ")


def test_unknown_section_fixture_loads_but_fails_the_section_check(labels):
    bank = load_bank(FIXTURES / "unknown-section.yml")
    assert bank.item("tp-01").section in labels
    with pytest.raises(DataError, match="from-transaction-to-partner-summary"):
        check_sections({bank.chapter: bank}, labels)
    check_sections({bank.chapter: bank}, labels | {"from-transaction-to-partner-summary"})


# answers by letter, the README's example


def write(tmp_path: Path, chapter: str, text: str) -> Path:
    path = tmp_path / f"{chapter}.yml"
    path.write_text(text, encoding="utf-8")
    return path


CHOICE = """chapter: purchase-factors
items:
  - id: pf-01
    type: {type}
    section: purchase-factors-gap
    prompt: Which?
{extra}    options:
      - text: one
        explanation: because
      - text: two
        explanation: because
      - text: three
        explanation: because
    answer: {answer}
"""


@pytest.mark.parametrize(
    ("kind", "extra", "answer", "letters"),
    [
        ("single", "", "B", ["B"]),
        ("single", "", "b", ["B"]),
        ("multiple", "", "[A, C]", ["A", "C"]),
        ("scenario", "    scenario: A situation.\n    multiple: true\n", "[B, C]", ["B", "C"]),
    ],
)
def test_answer_by_letter(tmp_path, kind, extra, answer, letters):
    bank = load_bank(write(tmp_path, "purchase-factors", CHOICE.format(type=kind, extra=extra, answer=answer)))
    assert bank.items[0].correct_letters == letters


def test_readme_example_is_a_valid_bank(tmp_path, labels):
    readme = (BANKS / "README.md").read_text("utf-8")
    examples = [block for block in re.findall(r"```yaml\n(.*?)```", readme, re.DOTALL) if "..." not in block]
    assert len(examples) == 1
    bank = load_bank(write(tmp_path, "purchase-factors", examples[0]))
    check_sections({bank.chapter: bank}, labels)
    assert [item.type for item in bank.items] == ["single", "multiple", "scenario", "truefalse", "ordering", "matching"]
    assert bank.item("pf-02").correct_letters == ["A", "C", "D"]


def test_ordering_steps_that_differ_only_in_spaces(tmp_path):
    path = write(
        tmp_path,
        "purchase-factors",
        """chapter: purchase-factors
items:
  - id: pf-01
    type: ordering
    section: purchase-factors-gap
    prompt: Order them.
    steps:
      - first
      - "first "
      - second
    explanation: because
""",
    )
    with pytest.raises(DataError, match="steps must be distinct"):
        load_bank(path)


def test_section_from_another_chapter_is_allowed(tmp_path, labels):
    """The synthesis chapter tests sections of earlier chapters, so any existing label will do."""
    path = write(
        tmp_path,
        "purchase-factors",
        """chapter: purchase-factors
items:
  - id: pf-01
    type: truefalse
    section: kam-stages-four
    prompt: True?
    answer: true
    explanation: because
""",
    )
    bank = load_bank(path)
    check_sections({bank.chapter: bank}, labels)
