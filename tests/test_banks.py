"""Question banks: the course's banks load and point to real sections of their own chapter;
each broken fixture (one per rule, in tests/fixtures/banks/) is named to the file, line and
item. A fixture file is one bank read alone; a fixture folder is a whole exercises folder,
checked against the course's chapters and labels as the build checks it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT

from tools.data.labels import page_labels
from tools.data.yamlfile import DataError
from tools.exercises.model import PREFIXES as MODEL_PREFIXES
from tools.exercises.model import TYPES, Bank, check_course, course_problems, load_bank, load_banks

BANKS = ROOT / "exercises"
FIXTURES = ROOT / "tests" / "fixtures" / "banks"
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
CHAPTER_NAMES = {path.stem for path in (ROOT / "book").glob("*.md")}


def course_labels() -> dict[str, str]:
    """Every `(label)=` target of the learner pages -> its page."""
    return page_labels(ROOT)


@pytest.fixture(scope="module")
def banks() -> dict[str, Bank]:
    return load_banks(BANKS)


@pytest.fixture(scope="module")
def labels() -> dict[str, str]:
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
    assert MODEL_PREFIXES == PREFIXES, "the model's table is the README's"
    for chapter, bank in banks.items():
        for item in bank.items:
            assert re.fullmatch(rf"{PREFIXES[chapter]}-\d\d", item.id), f"{item.path}:{item.line}: {item.id}"


def test_readme_lists_every_prefix():
    readme = (BANKS / "README.md").read_text("utf-8")
    assert dict(re.findall(r"^\| `([a-z-]+)` \| `([a-z]+)` \|$", readme, re.M)) == MODEL_PREFIXES


# (c) sections


def test_course_sections_exist_in_their_own_chapter(banks, labels):
    assert len(labels) > 50  # the scan found the chapters' labels
    assert course_problems(banks, CHAPTER_NAMES, labels) == []
    for chapter, bank in banks.items():
        for item in bank.items:
            assert labels[item.section] == f"book/{chapter}", f"{item.path}:{item.line}: {item.id}: {item.section}"


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
    Broken("not-utf8.yml", 7, None, "is not UTF-8 text (byte 0xb9 on this line; it looks like GBK/GB18030)"),
    Broken("nested-too-deep.yml", 7, None, "nested more than 32 levels deep"),
    Broken("anchor-and-alias.yml", 7, None, "YAML anchors and aliases (&claim) are not used in course data"),
    Broken("duplicate-key.yml", 9, None, "duplicate key `prompt` (first at line 7)"),
    Broken("bank-not-a-mapping.yml", 2, None, "must be a mapping with `chapter` and `items`, not a list"),
    Broken("chapter-mismatch.yml", 2, None, "chapter `purchase-factors` must equal the file name `chapter-mismatch`"),
    Broken("items-empty.yml", 3, None, "`items` must be a non-empty list"),
    Broken("item-not-a-mapping.yml", 14, None, "item 2: must be a mapping with id, type, section and prompt"),
    Broken("yaml-extension", 0, None, "banks are `*.yml` files: rename it to", file="purchase-factors.yaml"),
    # keys and types
    Broken("unknown-key.yml", 9, "pf-01", "unknown key `explaination` — did you mean `explanation`?"),
    Broken(
        "key-of-another-type.yml", 14, "pf-01", "`steps` is not a key of single items (it belongs to ordering items)"
    ),
    Broken("number-not-text.yml", 9, "pf-01", "option A: `text` must be text, not the number 2024 (put it in quotes"),
    # IDs
    Broken("missing-id.yml", 4, None, "`id` is missing or empty"),
    Broken("bad-id-format.yml", 4, "question-7", "ID"),
    Broken("duplicate-id-within-bank.yml", 14, "rt-01", "duplicate item ID (first at line 4)"),
    Broken("duplicate-id-across-banks", 14, "ks-03", "duplicate item ID (also in alpha.yml:4)", file="beta.yml"),
    Broken(
        "wrong-prefix",
        14,
        "rt-01",
        "ID `rt-01` must start with `pf-`, the prefix of chapter purchase-factors",
        file="purchase-factors.yml",
    ),
    # the course
    Broken(
        "bank-without-chapter",
        1,
        None,
        "there is no chapter page book/no-such-chapter.md for this bank",
        file="no-such-chapter.yml",
    ),
    Broken(
        "unknown-section",
        17,
        "tp-02",
        "section `from-transaction-to-partner-summary` does not exist",
        file="from-transaction-to-partner.yml",
    ),
    Broken(
        "section-in-another-chapter",
        6,
        "pf-01",
        "section `kam-stages-four` is a heading of book/kam-stages, not of this bank's chapter book/purchase-factors",
        file="purchase-factors.yml",
    ),
    # fields every item has
    Broken("missing-objective.yml", 4, "pf-01", "`objective` is missing"),
    Broken("difficulty-out-of-range.yml", 11, "pf-01", "`difficulty` must be a difficulty between 1 and 3, not 5"),
    Broken("unknown-level.yml", 12, "pf-01", "unknown level '评价'"),
    Broken("unknown-basis.yml", 13, "pf-01", "unknown basis '教材'"),
    Broken(
        "objective-not-in-chapter",
        10,
        "tp-01",
        "objective 6 does not exist: book/from-transaction-to-partner.md lists 4 learning objectives",
        file="from-transaction-to-partner.yml",
    ),
    Broken("unknown-type.yml", 5, "pf-01", "unknown type 'essay'"),
    Broken("missing-section.yml", 6, "rt-02", "`section` is missing or empty"),
    Broken("text-not-text.yml", 7, "rt-02", "`prompt` must be text, not a list"),
    # choice items
    Broken("options-missing.yml", 4, "kad-02", "`options` is missing (a list of 2 to 8 options)"),
    Broken("too-few-options.yml", 8, "kad-02", "needs 2 to 8 options, has 1"),
    Broken("option-not-a-mapping.yml", 12, "kad-02", "option B: must be a mapping with `text` and `explanation`"),
    Broken("missing-explanation.yml", 12, "kad-01", "option B: `explanation` is missing or empty"),
    Broken("correct-not-boolean.yml", 10, "kad-02", "option A: `correct` must be true or false"),
    Broken("multiple-not-boolean.yml", 8, "kad-02", "`multiple` must be true or false"),
    Broken("duplicate-option-text.yml", 8, "pf-03", "two options have the same text"),
    Broken("no-correct-answer.yml", 8, "pf-01", "no correct answer"),
    Broken("two-correct-in-single.yml", 8, "pf-01", "2 options are marked correct"),
    Broken("answer-not-among-options.yml", 17, "pf-01", "answer 'E' is not among the options (A–D)"),
    Broken("answer-and-correct-both.yml", 14, "ks-01", "either as `answer:` or as `correct:`, not both"),
    Broken("scenario-without-scenario.yml", 4, "rm-03", "`scenario` is missing or empty"),
    # truefalse
    Broken("truefalse-without-answer.yml", 4, "kad-01", "`answer` is missing: write true or false"),
    Broken("truefalse-without-explanation.yml", 4, "kad-01", "`explanation` is missing or empty"),
    # ordering
    Broken("ordering-too-few-steps.yml", 8, "rm-01", "needs 3 to 8 steps, has 2"),
    Broken("ordering-too-many-steps.yml", 8, "ks-01", "needs 3 to 8 steps, has 9 (the page letters them a to h)"),
    Broken("ordering-duplicate-steps.yml", 8, "rm-01", "steps must be distinct"),
    Broken("ordering-without-explanation.yml", 4, "rm-01", "`explanation` is missing or empty"),
    # matching
    Broken("matching-too-few-pairs.yml", 8, "pf-01", "needs 3 to 8 pairs, has 2"),
    Broken("matching-too-many-pairs.yml", 8, "pf-02", "needs 3 to 8 pairs, has 9 (the page letters them A to H)"),
    Broken("pair-without-explanation.yml", 15, "pf-02", "pair 3: `explanation` is missing or empty"),
    Broken("matching-duplicate-text.yml", 8, "pf-02", "two pairs have the same right text"),
]


def validate(path: Path, labels: dict[str, str]) -> None:
    """What the course does with a bank: a file is read alone; a folder is read as the
    exercises folder and checked against the course's chapters and labels, as the build does."""
    if path.is_dir():
        check_course(load_banks(path), CHAPTER_NAMES, labels)
    else:
        load_bank(path)


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
    location = f"{case.path}:{case.line}" if case.line else str(case.path)
    assert str(error).startswith(f"{location}: {case.item + ': ' if case.item else ''}"), str(error)


def test_every_fixture_says_its_rule():
    for case in BROKEN:
        first = case.path.read_bytes().decode("utf-8", "replace").splitlines()[0]
        assert first.startswith("# Rule: "), case.fixture


def test_course_fixtures_are_valid_banks_alone():
    """A course-rule fixture breaks only the course rule: read alone, each bank loads."""
    for name in (
        "wrong-prefix",
        "bank-without-chapter",
        "unknown-section",
        "section-in-another-chapter",
        "objective-not-in-chapter",
    ):
        assert load_banks(FIXTURES / name)


def test_every_course_problem_is_reported_not_only_the_first(labels):
    banks = load_banks(FIXTURES / "wrong-prefix") | load_banks(FIXTURES / "bank-without-chapter")
    problems = course_problems(banks, CHAPTER_NAMES, labels)
    found = [(p.path.name, p.item) for p in problems]
    assert found == [("purchase-factors.yml", "rt-01"), ("no-such-chapter.yml", None)]


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
    objective: 2
    difficulty: 1
    level: 理解
    basis: 课程分析
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
    ("kind", "extra", "answer", "keys"),
    [
        ("single", "", "B", ["two"]),
        ("single", "", "b", ["two"]),
        ("multiple", "", "[A, C]", ["one", "three"]),
        ("scenario", "    scenario: A situation.\n    multiple: true\n", "[B, C]", ["three", "two"]),
    ],
)
def test_answer_by_letter(tmp_path, kind, extra, answer, keys):
    """Answer letters name options in authored order (the page then shows them shuffled)."""
    bank = load_bank(write(tmp_path, "purchase-factors", CHOICE.format(type=kind, extra=extra, answer=answer)))
    assert sorted(o.text for o in bank.items[0].options if o.correct) == keys


def test_readme_example_is_a_valid_bank(tmp_path, labels):
    readme = (BANKS / "README.md").read_text("utf-8")
    examples = [block for block in re.findall(r"```yaml\n(.*?)```", readme, re.DOTALL) if "..." not in block]
    assert len(examples) == 1
    bank = load_bank(write(tmp_path, "purchase-factors", examples[0]))
    check_course({bank.chapter: bank}, CHAPTER_NAMES, labels)
    assert [item.type for item in bank.items] == ["single", "multiple", "scenario", "truefalse", "ordering", "matching"]
    assert sorted(o.text for o in bank.item("pf-02").options if o.correct) == ["转换成本", "采购收益", "采购风险"]


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
    objective: 2
    difficulty: 1
    level: 记忆
    basis: 课程分析
    steps:
      - first
      - "first "
      - second
    explanation: because
""",
    )
    with pytest.raises(DataError, match="steps must be distinct"):
        load_bank(path)


def test_section_on_a_case_page_is_refused(tmp_path, labels):
    """A label of a case page is no section of a chapter (the reviewer's variant)."""
    path = write(tmp_path, "purchase-factors", BASIC.format(key="section", value="case-pinacor-tasks"))
    with pytest.raises(DataError, match="section `case-pinacor-tasks` is a heading of cases/pinacor, not of"):
        check_course({"purchase-factors": load_bank(path)}, CHAPTER_NAMES, labels)


def test_a_misspelt_section_gets_a_suggestion(tmp_path, labels):
    path = write(tmp_path, "purchase-factors", BASIC.format(key="section", value="purchase-factor-gap"))
    with pytest.raises(DataError, match="did you mean `purchase-factors-gap`"):
        check_course({"purchase-factors": load_bank(path)}, CHAPTER_NAMES, labels)


BASIC = """chapter: purchase-factors
items:
  - id: pf-01
    type: truefalse
    {key}: {value}
    prompt: True?
    objective: 2
    difficulty: 1
    level: 理解
    basis: 课程分析
    answer: true
    explanation: because
"""
