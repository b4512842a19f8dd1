"""Fixtures for the trainer edition and for what learners get, shared by several modules.

Test modules load this with ``pytest_plugins = ["trainer_fixtures"]``: as a plugin it is
registered once, so its session fixtures (one trainer build per session) are shared; a
plain import would give every module its own copy and its own build.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT, copy_sources, jupyter_book_build, made_once

from tools.cli import main
from tools.trainer import leaks
from tools.trainer.edition import write_trainer_files

ASSIGNED_ITEMS = ["pf-03", "rt-02", "ks-05", "kad-01", "rm-04", "tp-06"]  # one from every bank, several types
ASSIGNED_CASES = ["pinacor", "li-xiang"]


def build_trainer(source: Path, out: Path):
    """The trainer edition of ``source``, built as `make trainer` does, into ``out``."""
    config, toc = write_trainer_files(source, out / "config")
    return jupyter_book_build(source, out, "--config", str(config), "--toc", str(toc))


def _make_trainer(out: Path) -> None:
    result = build_trainer(ROOT, out)
    if result.returncode != 0:
        pytest.fail("strict trainer build failed:\n" + (result.stdout + result.stderr)[-4000:])


@pytest.fixture(scope="session")
def trainer_site(tmp_path_factory) -> Path:
    """The trainer edition's HTML, built strictly from the current sources (once per run)."""
    return made_once(tmp_path_factory, "trainer", _make_trainer) / "_build" / "html"


@pytest.fixture(scope="session")
def trainer_pdf(trainer_site, tmp_path_factory) -> Path:
    """`make trainer-pdf`, once per run (the book PDF of the trainer edition takes a minute)."""

    def make(folder: Path) -> None:
        target = folder / "trainer.pdf"
        assert main(["pdf", "--edition", "trainer", "--html", str(trainer_site), "-o", str(target)]) == 0

    return made_once(tmp_path_factory, "trainer-pdf", make) / "trainer.pdf"


@pytest.fixture(scope="session")
def note_passages() -> list[leaks.Passage]:
    """Every passage of a trainer-only page (all of cases/notes) long enough to be searched for."""
    return leaks.passages(leaks.notes_files(ROOT), ROOT)


@pytest.fixture(scope="session")
def notes() -> leaks.Notes:
    """The notes as the leak scan searches them."""
    public = sorted((ROOT / "cases").glob("*.md"))  # the case pages, whose titles the notes name
    return leaks.Notes.of(leaks.notes_files(ROOT), ROOT, public)


@pytest.fixture(scope="session")
def learner_handouts(site, tmp_path_factory) -> Path:
    """`make handouts`: every case's learner handout, HTML and PDF."""

    def make(out: Path) -> None:
        assert main(["handouts", "--html", str(site), "-o", str(out / "h")]) == 0

    return made_once(tmp_path_factory, "learner-handouts", make) / "h"


@pytest.fixture(scope="session")
def trainer_handouts(trainer_site, tmp_path_factory) -> Path:
    """`make trainer-handouts`: each case's sheet and its notes sheet, HTML and PDF, once."""

    def make(out: Path) -> None:
        assert main(["handouts", "--edition", "trainer", "--html", str(trainer_site), "-o", str(out / "h")]) == 0

    return made_once(tmp_path_factory, "trainer-handouts", make) / "h"


@pytest.fixture(scope="session")
def assigned() -> tuple[list[str], list[str]]:
    """The items and cases the `assignment` fixture assigns, in order."""
    return ASSIGNED_ITEMS, ASSIGNED_CASES


@pytest.fixture(scope="session")
def assignment(trainer_site, tmp_path_factory) -> Path:
    """An assignment of two cases and six items: the learners' sheet and the answer key."""
    args = ["assign", "--case", *ASSIGNED_CASES, "--items", ",".join(ASSIGNED_ITEMS[:3]), *ASSIGNED_ITEMS[3:]]

    def make(out: Path) -> None:
        assert main([*args, "-o", str(out / "a"), "--title", "第三周作业", "--html", str(trainer_site)]) == 0

    return made_once(tmp_path_factory, "assignment", make) / "a"


@pytest.fixture(scope="session")
def exports(tmp_path_factory) -> list[Path]:
    """The self-check banks exported for Moodle, in both formats."""
    out = tmp_path_factory.mktemp("exports")
    for fmt, name in (("moodle", "quiz.xml"), ("gift", "quiz.gift")):
        assert main(["export", "--format", fmt, "-o", str(out / name)]) == 0
    return [out / "quiz.xml", out / "quiz.gift"]


# One broken learner build for every test that needs notes pushed into the learner edition
# (each build costs a minute): every route at once, each reported against its own page.


def _longest_line(path: Path) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    return max(lines, key=lambda line: len(re.findall(r"[\u4e00-\u9fff]", line)))


@dataclass
class BrokenBuild:
    log: str
    returncode: int
    out: Path  # the build folder (html/, .doctrees/ ...), written in full despite the errors
    partial: str  # text the partial include pulls in
    sentence: str  # one sentence of the notes pasted into a case page
    changed: str  # a notes paragraph with one comma changed, pasted into a chapter
    rerun_log: str  # the same build run again over its own output (a second `make`)
    rerun_returncode: int


def break_learner_edition(src: Path) -> dict[str, str]:
    """Push teaching notes into the learner sources by every route; return what was pasted."""
    notes = src / "cases" / "notes"
    # 1. {include} of part of a notes file (the reviewer's D1 repro): the middle sentence of
    # a line with three long ones
    first, partial, third = next(
        parts
        for line in (notes / "pinacor.md").read_text(encoding="utf-8").splitlines()
        for parts in zip(line.split("。"), line.split("。")[1:], line.split("。")[2:], strict=False)
        if all(len(re.findall(r"[\u4e00-\u9fff]", part)) >= 12 for part in parts)
    )
    guide = src / "book" / "guide.md"
    include = f":start-after: {first}。\n:end-before: {third[:8]}\n"
    guide.write_text(
        guide.read_text(encoding="utf-8") + f"\n```{{include}} ../cases/notes/pinacor.md\n{include}```\n",
        encoding="utf-8",
    )
    # 2. {literalinclude} with :lines:
    refs = src / "book" / "references.md"
    refs.write_text(
        refs.read_text(encoding="utf-8") + "\n```{literalinclude} ../cases/notes/zhang-jin.md\n:lines: 5-7\n```\n",
        encoding="utf-8",
    )
    # 3. {download}
    glossary = src / "book" / "glossary.md"
    glossary.write_text(
        glossary.read_text(encoding="utf-8") + "\n{download}`笔记 <../cases/notes/li-xiang.md>`\n", encoding="utf-8"
    )
    # 4. an image kept with the notes
    (notes / "sketch.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    progress = src / "book" / "progress.md"
    progress.write_text(
        progress.read_text(encoding="utf-8") + "\n![草图](../cases/notes/sketch.svg)\n", encoding="utf-8"
    )
    # 5. a page that is a symlink to a notes file
    os.symlink("../cases/notes/xiao-cui.md", src / "book" / "notes-link.md")
    # 6. an extra path copied into the site, holding a link to the notes folder (Sphinx
    # leaves extra paths out of its sources, so it cannot be a folder the build reads)
    (src / "book" / "_extra").mkdir()
    os.symlink("../../cases/notes", src / "book" / "_extra" / "n")
    config = src / "_config.yml"
    anchor = "    html_last_updated_fmt:"
    text = config.read_text(encoding="utf-8").replace(anchor, "    html_extra_path: [book/_extra]\n" + anchor)
    # 7. the notes pages themselves let in
    config.write_text(text.replace('  - "cases/notes"\n', ""), encoding="utf-8")
    toc = src / "_toc.yml"
    text = toc.read_text(encoding="utf-8")
    for case in sorted(p.stem for p in notes.glob("*.md")):
        entry = f"          - file: cases/{case}\n"
        text = text.replace(entry, f"{entry}            sections:\n              - file: cases/notes/{case}\n")
    toc.write_text(text, encoding="utf-8")
    # Not a notes route, but a fault this build can carry too (the reviewer's D4): a bank
    # saved as GBK is reported against the bank, not as a traceback.
    bank = src / "exercises" / "purchase-factors.yml"
    bank.write_bytes(bank.read_text(encoding="utf-8").encode("gb18030"))
    # Leaks no route check can see, only the scan: pasted text.
    sentences = _longest_line(notes / "telecom-operator.md").split("。")
    sentence = next(s for s in sentences if len(re.findall(r"[\u4e00-\u9fff]", s)) >= 12)
    case = src / "cases" / "pinacor.md"
    case.write_text(case.read_text(encoding="utf-8") + f"\n另外，{sentence}。\n", encoding="utf-8")
    paragraph = _longest_line(notes / "li-xiang.md").split(" ", 1)[1]
    changed = paragraph.replace("，", ",", 1)
    assert changed != paragraph
    chapter = src / "book" / "kam-stages.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + f"\n{changed}\n", encoding="utf-8")
    return {"partial": partial, "sentence": sentence, "changed": changed}


def _plain(result) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr)


def _make_broken(folder: Path, *breaks) -> None:
    """Break a copy of the sources with each of ``breaks``, build it twice (a second `make`
    over its own output) and keep the logs, the return codes and what the breaks return,
    for every worker to read (:func:`made_once`)."""
    src = copy_sources(folder / "src")
    pasted: dict[str, str] = {}
    for breaking in breaks:
        pasted.update(breaking(src) or {})
    runs = [jupyter_book_build(src, folder / "out") for _ in range(2)]
    record = {"pasted": pasted, "logs": [_plain(r) for r in runs], "codes": [r.returncode for r in runs]}
    (folder / "record.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def _read_broken(folder: Path) -> dict:
    return json.loads((folder / "record.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def broken_learner_build(tmp_path_factory) -> BrokenBuild:
    """One broken learner build for the whole run (each costs a minute): every notes route,
    and the faults the build and the conversation checks must name (tests/broken_sources.py)."""
    from broken_sources import break_the_course, misplace_conversations

    def make(folder: Path) -> None:
        _make_broken(folder, break_learner_edition, break_the_course, misplace_conversations)

    folder = made_once(tmp_path_factory, "broken-learner", make)
    record = _read_broken(folder)
    return BrokenBuild(
        log=record["logs"][0],
        returncode=record["codes"][0],
        out=folder / "out" / "_build",
        rerun_log=record["logs"][1],
        rerun_returncode=record["codes"][1],
        **record["pasted"],
    )


# A second broken learner build: the routes the red-team review found past the first guards
# (shared/reviews/reliability-2.md R1, R2, R6), all at once, with `suppress_warnings: [course]`
# set as well, so that the build shows none of them can be silenced.


def break_learner_edition_again(src: Path) -> None:
    notes = src / "cases" / "notes"

    def append(page: str, text: str) -> None:
        path = src / page
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    append("book/guide.md", "\n```{raw} html\n:url: file:cases/notes/pinacor.md\n```\n")
    append("book/references.md", "\n```{eval-rst}\n.. raw:: html\n   :url: file:cases/notes/zhang-jin.md\n```\n")
    append("book/glossary.md", f"\n```{{raw}} html\n:url: file://{(notes / 'li-xiang.md').resolve()}\n```\n")
    # A template that includes a note from a folder added to templates_path.
    template = src / "book" / "_templates" / "search.html"
    block = "{% block docs_body %}"
    text = template.read_text(encoding="utf-8").replace(block, block + '{% include "pinacor.md" %}', 1)
    assert "pinacor.md" in text
    template.write_text(text, encoding="utf-8")
    # The trainer build's copy of a note, included by a chapter.
    copy = src / "_build" / "trainer" / "_build" / "html" / "_sources" / "cases" / "notes" / "xiao-cui.md"
    copy.parent.mkdir(parents=True)
    copy.write_bytes((notes / "xiao-cui.md").read_bytes())
    append("book/progress.md", "\n```{include} ../_build/trainer/_build/html/_sources/cases/notes/xiao-cui.md\n```\n")
    # A hard link to a note, included by another.
    (src / "book" / "_parts").mkdir()
    os.link(notes / "li-xiang.md", src / "book" / "_parts" / "li-xiang.md")
    append("book/kam-stages.md", "\n```{include} _parts/li-xiang.md\n```\n")
    # A notes paragraph with a zero-width space after every character: it reads the same.
    paragraph = _longest_line(notes / "telecom-operator.md").split(" ", 1)[1]
    append("cases/pinacor.md", "\n" + "\u200b".join(paragraph) + "\n")
    # A script written into a chapter.
    append("book/relationship-types.md", '\n<script>document.title = "INJECTED-" + document.title;</script>\n')
    config = src / "_config.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("    templates_path: [book/_templates]", "    templates_path: [book/_templates, cases/notes]")
    scorer = "    html_search_scorer: cases/notes/pinacor.md"
    text = text.replace("    suppress_warnings: []", "    suppress_warnings: [course]\n" + scorer)
    config.write_text(text, encoding="utf-8")


@dataclass
class BrokenBuild2:
    log: str
    returncode: int
    rerun_log: str
    rerun_returncode: int


@pytest.fixture(scope="session")
def broken_learner_build_2(tmp_path_factory) -> BrokenBuild2:
    folder = made_once(tmp_path_factory, "broken-learner-2", lambda f: _make_broken(f, break_learner_edition_again))
    record = _read_broken(folder)
    return BrokenBuild2(
        log=record["logs"][0],
        returncode=record["codes"][0],
        rerun_log=record["logs"][1],
        rerun_returncode=record["codes"][1],
    )
