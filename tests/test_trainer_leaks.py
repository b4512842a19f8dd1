"""No teaching note reaches the learner edition: every passage of cases/notes/*.md is looked
for in every file of the learner build (HTML, search indexes, _sources, doctrees, static
files) and in the learner PDF. The same search finds every passage in the trainer edition,
and finds a passage deliberately pasted into a learner page, so it can fail."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, copy_sources, jupyter_book_build

from tools.trainer import leaks

pytest_plugins = ["trainer_fixtures"]


def test_passages_cover_every_notes_file(note_passages):
    sources = {p.source.split(":")[0] for p in note_passages}
    assert sources == {f"cases/notes/{p.name}" for p in (ROOT / "cases" / "notes").glob("*.md")}
    assert len(note_passages) >= 100
    assert all(len(p.text) >= leaks.MIN_LENGTH for p in note_passages)
    assert not any("{term}" in p.text or "**" in p.text or "notes-" in p.text for p in note_passages), "markup"


def test_passages_drop_markup_and_split_at_rendered_titles(tmp_path):
    notes = tmp_path / "demo.md"
    notes.write_text(
        "(notes-demo)=\n# 标题\n\n"
        "1. **重组原因。** 产品、价格、配送三样\n   都已同质,{term}`顾客终身价值`才是目标。\n"
        "2. 见 {doc}`/book/kam-stages`:四个阶段以及后期阶段的文献补充说明。\n"
        "3. 引用 {ref}`Millman & Wilson (1995) <ref-mw>` 对阶段的划分方法。\n\n"
        "| 甲 | 乙 |\n|---|---|\n| 表格里的一个足够长的单元格内容 | 短 |\n",
        encoding="utf-8",
    )
    texts = [p.text for p in leaks.passages([notes])]
    assert texts == [
        "重组原因。产品、价格、配送三样都已同质,顾客终身价值才是目标。",
        ":四个阶段以及后期阶段的文献补充说明。",  # the page title the role renders is not in the source
        "引用Millman&Wilson(1995)对阶段的划分方法。",
        "表格里的一个足够长的单元格内容",
    ]
    assert leaks.passages([notes])[0].source.endswith("demo.md:4")


PASSAGE = "客户换人,前任代表与客户的私交带不走"


@pytest.mark.parametrize(
    "found_as",
    [
        "<p>客户换人,<strong>前任代表</strong>与客户的\n私交带不走</p>",  # HTML, tags and line breaks
        "<li><p>客户换人,前任代表与客户的私交&#24102;不走</p></li>",  # entities
        json.dumps({"text": "…客户换人,前任代表与客户的私交带不走…"}, ensure_ascii=False),  # as the index has it
        json.dumps({"text": "客户换人,前任代表与客户的私交带不走"}, ensure_ascii=True),  # \uXXXX escapes
        "- 客户换人,**前任代表**与{term}`客户`的私交带不走",  # Markdown in _sources
        '<meta name="description" content="客户换人,前任代表与客户的私交带不走">',  # an attribute
        '<img src="x.svg" alt="客户换人,前任代表与客户的&#10;私交带不走">',  # alt text with an entity
    ],
    ids=["html", "entities", "json", "json-escaped", "markdown", "meta", "alt"],
)
def test_a_passage_is_found_in_any_format(tmp_path, found_as):
    (tmp_path / "page.txt").write_text(found_as, encoding="utf-8")
    (tmp_path / "clean.txt").write_text("客户换人,新任代表与客户的私交带得走", encoding="utf-8")
    passage = leaks.Passage(leaks.normal_form(PASSAGE), "notes.md:1", PASSAGE)
    found = leaks.leaks([tmp_path], [passage])
    assert found == [f"{tmp_path / 'page.txt'}: notes.md:1: {PASSAGE}"]


def test_learner_edition_contains_no_teaching_note(site, pdf, note_passages):
    """The whole learner build folder (published HTML and everything beside it) and the PDF."""
    found = leaks.leaks([site.parent, pdf, pdf.with_suffix(".html")], note_passages)
    assert not found, "teaching notes in the learner edition:\n" + "\n".join(found[:20])


@pytest.mark.slow
def test_trainer_edition_contains_every_passage_in_every_channel(trainer_site, note_passages):
    """Each passage is found in its notes page, its _sources copy and the search index, so
    the search would see a leak through any of them."""
    hits = leaks.find(leaks.files_under(trainer_site), note_passages)
    for passage, files in hits.items():
        case = passage.source.split(":")[0].removeprefix("cases/notes/").removesuffix(".md")
        names = {f.relative_to(trainer_site).as_posix() for f in files}
        assert f"cases/notes/{case}.html" in names, passage
        assert f"_sources/cases/notes/{case}.md" in names, passage
        assert "_static/course-search-index.js" in names, passage


@pytest.mark.slow
def test_a_pasted_note_is_caught(tmp_path, note_passages):
    """The experiment that shows the test can fail: a learner page with one note paragraph
    pasted in (markup and all) is reported, in the page, its source and the search index."""
    notes = (ROOT / "cases" / "notes" / "pinacor.md").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(notes) if "{term}`顾客终身价值`" in text)
    src = copy_sources(tmp_path / "src")
    page = src / "cases" / "pinacor.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + notes[line].split(" ", 1)[1] + "\n", encoding="utf-8")
    result = jupyter_book_build(src, tmp_path / "out")
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    out = tmp_path / "out" / "_build"
    pasted = [p for p in note_passages if p.source == f"cases/notes/pinacor.md:{line + 1}"]
    assert pasted
    hits = leaks.find(leaks.files_under(out), note_passages)
    assert {p for p, files in hits.items() if files} == set(pasted), "only the pasted passage"
    names = {f.relative_to(out).as_posix() for f in hits[pasted[0]]}
    assert {"html/cases/pinacor.html", "html/_sources/cases/pinacor.md", "html/_static/course-search-index.js"} <= names
