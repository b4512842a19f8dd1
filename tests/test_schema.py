"""The one schema layer for course data (tools/data): what the strict loader refuses, and a
new data kind declared in a few lines reusing it (as conversations will)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.data import schema as s
from tools.data.labels import labels
from tools.data.yamlfile import MAX_BYTES, DataError, front_matter, load

# A kind declared the way the module docstring shows: conversations.
TURN = s.Record({"speaker": s.Choice("seller", "buyer"), "text": s.Text()}, what="a turn")
CONVERSATION = s.Record(
    {
        "id": s.Text(pattern=r"[a-z][a-z0-9-]*", form="lower-case words joined by hyphens"),
        "title": s.Text(),
        "minutes": s.Optional(s.Int(1, 120, "minutes")),
        "turns": s.ListOf(TURN, low=2, noun="turns", name=lambda i: f"turn {i + 1}"),
    },
    what="a conversation",
)
GOOD = """id: first-call
title: 第一次拜访
minutes: 10
turns:
  - speaker: seller
    text: 您好。
  - speaker: buyer
    text: 请坐。
"""


def write(tmp_path: Path, text: str | bytes, name: str = "first-call.yml") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def refused(path: Path, schema=CONVERSATION) -> DataError:
    with pytest.raises(DataError) as info:
        s.load(path, schema)
    assert info.value.path == path
    return info.value


def test_a_new_kind_loads_with_lines(tmp_path):
    data = s.load(write(tmp_path, GOOD), CONVERSATION)
    assert data["turns"][1]["text"] == "请坐。"
    assert data["turns"].item_lines == [5, 7] and data.line_of("minutes") == 3


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (("minutes: 10", "minuts: 10"), 3, "unknown key `minuts` — did you mean `minutes`?"),
        (("minutes: 10", "minutes: 10\nminutes: 12"), 4, "duplicate key `minutes` (first at line 3)"),
        (("minutes: 10", "minutes: '10'"), 3, "`minutes` must be minutes between 1 and 120, not '10'"),
        (("minutes: 10", "minutes: 500"), 3, "`minutes` must be minutes between 1 and 120, not 500"),
        (("title: 第一次拜访", "title: 2024"), 2, "must be text, not the number 2024 (put it in quotes"),
        (("title: 第一次拜访", "title: yes"), 2, "must be text, not true (YAML reads yes/no/on/off"),
        (("id: first-call", "id: First Call"), 1, "`id` 'First Call' is not lower-case words joined by hyphens"),
        (("speaker: buyer", "speaker: Buyer"), 7, "turn 2: unknown speaker 'Buyer' — did you mean `buyer`?"),
        (("    text: 请坐。\n", ""), 7, "turn 2: `text` is missing or empty"),
        (("  - speaker: buyer\n    text: 请坐。\n", ""), 4, "needs at least 2 turns, has 1"),
        (("title: 第一次拜访", "title: [第一次, 拜访]"), 2, "`title` must be text, not a list"),
    ],
    ids=[
        "unknown-key",
        "duplicate-key",
        "quoted-number",
        "out-of-range",
        "number-for-text",
        "yes-for-text",
        "pattern",
        "choice",
        "missing",
        "too-few",
        "list-for-text",
    ],
)
def test_each_fault_is_named_to_file_and_line(tmp_path, change, line, message):
    path = write(tmp_path, GOOD.replace(*change))
    error = refused(path)
    assert (error.line, message in error.message) == (line, True), str(error)
    assert str(error).startswith(f"{path}:{line}: ")


def test_not_utf8_names_the_line_and_guesses_gbk(tmp_path):
    path = write(tmp_path, GOOD.encode("gbk"))
    error = refused(path)
    assert error.line == 2 and "not UTF-8" in error.message and "GBK" in error.message


def test_binary_garbage_and_control_characters(tmp_path):
    error = refused(write(tmp_path, bytes(range(256)) * 4))
    assert "not UTF-8" in error.message
    error = refused(write(tmp_path, GOOD.replace("请坐。", "请坐\x07")))
    assert error.line == 8 and "not allowed in YAML" in error.message


def test_a_bom_is_fine(tmp_path):
    assert s.load(write(tmp_path, "\ufeff" + GOOD), CONVERSATION)["id"] == "first-call"


def test_huge_input_is_refused_before_parsing(tmp_path):
    path = write(tmp_path, "title: " + "长" * (MAX_BYTES // 3 + 10) + "\n")
    error = refused(path)
    assert error.line == 0 and "larger than 1024 kB" in error.message
    assert str(error).startswith(f"{path}: ")


def test_deep_nesting_is_refused_not_a_recursion_error(tmp_path):
    for depth in (40, 5000):
        error = refused(write(tmp_path, "title: " + "[" * depth + "x" + "]" * depth + "\n"))
        assert "nested more than 32 levels deep" in error.message
    error = refused(write(tmp_path, "title:\n" + "".join("  " * n + f"k{n}:\n" for n in range(1, 60))))
    assert "nested more than 32 levels deep" in error.message


def test_an_alias_bomb_is_refused(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 9)}]\n" for n in range(8)
    )
    error = refused(write(tmp_path, bomb))
    assert error.line == 1 and "anchors and aliases (&a)" in error.message


def test_unreadable_files_are_named(tmp_path):
    error = refused(tmp_path / "missing.yml")
    assert str(error) == f"{tmp_path / 'missing.yml'}: no such file"
    folder = tmp_path / "folder.yml"
    folder.mkdir()
    assert refused(folder).message == "is a folder, not a file"


def test_front_matter_shares_the_loader(tmp_path):
    path = write(tmp_path, "---\ncase:\n  id: x\n  id: y\n---\n# 标题\n", "page.md")
    with pytest.raises(DataError, match="duplicate key `id` \\(first at line 3\\)") as info:
        front_matter(path)
    assert info.value.line == 4
    gbk = write(tmp_path, "---\ncase:\n  title: 小崔\n---\n".encode("gbk"), "gbk.md")
    with pytest.raises(DataError, match="not UTF-8") as info:
        front_matter(gbk)
    assert info.value.line == 3


def test_plain_load_still_gives_lines(tmp_path):
    data = load(write(tmp_path, GOOD))
    assert data.key_lines == {"id": 1, "title": 2, "minutes": 3, "turns": 4}


# Labels outside code


def test_labels_skip_code_fences_but_not_directives():
    text = "\n".join(
        [
            "(real-1)=",  # 1
            "# 标题",
            "```md",
            "(in-code)=",  # 4
            "```",
            "````{note}",
            "(in-note)=",  # 7
            "```",
            "(in-nested-code)=",
            "```",
            "````",
            "~~~",
            "(in-tilde-code)=",
            "~~~",
            "```{code-block} md",
            "(in-code-block)=",
            "```",
            ":::{admonition} 注意",
            "(in-colon-fence)=",  # 19
            ":::",
            "    (indented-code)=",
            "(real-2)=",  # 22
        ]
    )
    assert labels(text) == [("real-1", 1), ("in-note", 7), ("in-colon-fence", 19), ("real-2", 22)]


def test_a_merge_key_is_refused_not_silently_overridden(tmp_path):
    """The reviewer's B12/B13: `<<: {...}` beside a written key lost the merged value."""
    text = GOOD.replace("minutes: 10\n", "minutes: 10\n<<: {minutes: 20, title: 别的标题}\n")
    error = refused(write(tmp_path, text))
    assert error.line == 4 and "YAML merge keys (<<) are not used in course data" in error.message


@pytest.mark.parametrize("kind", ["dangling-link", "folder"])
def test_a_bank_or_conversation_that_is_no_plain_file_is_named(tmp_path, kind):
    """The reviewer's B19/X04: such entries were skipped without a word."""
    from tools.conversations.model import conversation_files
    from tools.exercises.model import bank_files

    for lister in (bank_files, conversation_files):
        folder = tmp_path / lister.__name__
        folder.mkdir()
        entry = folder / "extra.yml"
        if kind == "folder":
            entry.mkdir()
        else:
            entry.symlink_to(folder / "gone.yml")
        with pytest.raises(DataError) as info:
            lister(folder)
        assert info.value.path == entry and "is not a regular file" in str(info.value)


def test_whole_file_problems_name_a_file_that_exists_in_the_build_log():
    """The reviewer's R8: Sphinx read a location without a line as a page and printed
    `exercises/kam-stages.yml.rst`. A whole-file problem names its file in the message."""
    whole = DataError(Path("exercises/kam-stages.yaml"), 0, "banks are `*.yml` files")
    assert whole.for_sphinx() == {"msg": "exercises/kam-stages.yaml: banks are `*.yml` files", "location": None}
    lined = DataError(Path("exercises/kam-stages.yml"), 12, "duplicate key", "ks-01")
    assert lined.for_sphinx() == {"msg": "ks-01: duplicate key", "location": "exercises/kam-stages.yml:12"}


def test_a_page_over_its_budget_is_named_with_the_figure(tmp_path):
    """The reviewer's R7: a 924-item bank built a 759 KB chapter page without a word."""
    from tools.sphinxext import page_budget
    from tools.sphinxext.page_data import data_path

    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "kam-stages.html").write_bytes(b"x" * 300_000)
    (tmp_path / "book" / "glossary.html").write_bytes(b"x" * 300_000)
    data = data_path(tmp_path, "book/kam-stages")
    data.parent.mkdir(parents=True)
    data.write_bytes(b"x" * 477_000)
    found = page_budget.over_budget(tmp_path, ["book/kam-stages", "book/glossary", "book/missing"])
    assert found == [("book/kam-stages", 777_000)]
    text = page_budget.message("book/kam-stages", 777_000, {"kam-stages": 924})
    assert text.startswith("book/kam-stages.html weighs 758 KB")
    assert "more than the 420 KB a page may carry of its own" in text
    assert "its bank exercises/kam-stages.yml holds 924 items" in text
