"""No teaching note reaches the learner edition, by any route.

Two guards. The learner build refuses every route by which a notes file gets into a learner
page or the site (notes pages, includes whole or partial, literalinclude, download, images,
symlinks, copied paths), naming the page and the route. And the leak scan searches every
learner artefact (the build folder, the PDF, handouts, assignment sheets, Moodle exports;
any zip) for every sentence and every 16-character window of the notes, so that text pasted
by hand is caught too. Both are shown failing on one deliberately broken build."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
from conftest import ROOT, copy_sources, jupyter_book_build

from tools.trainer import leaks

pytest_plugins = ["trainer_fixtures"]


def test_passages_cover_every_notes_file(note_passages):
    sources = {p.source.split(":")[0] for p in note_passages}
    notes = ROOT / "cases" / "notes"
    every = {p.relative_to(ROOT).as_posix() for p in notes.rglob("*.md")}
    # The certification pool and its written case are data, scanned as well (issue 21).
    every |= {p.relative_to(ROOT).as_posix() for p in notes.rglob("*.yml") if p.name != "trainer-toc.yml"}
    assert any(p.startswith("cases/notes/certification/") for p in every)
    assert sources == every, "every trainer-only page and data file, in subfolders too (the guide, the kits, the pool)"
    assert any("/" in p.removeprefix("cases/notes/") for p in every), "the scan reaches into subfolders"
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
    found = leaks.passages([notes])
    assert [p.text for p in found] == [
        "重组原因。产品、价格、配送三样都已同质,顾客终身价值才是目标。",
        ":四个阶段以及后期阶段的文献补充说明。",  # the page title the role renders is not in the source
        "引用Millman&Wilson(1995)对阶段的划分方法。",
        "表格里的一个足够长的单元格内容",
    ]
    assert [p.cut for p in found] == [False, True, False, False]
    assert found[0].source.endswith("demo.md:4")


# The scan, on made-up files

PASSAGE = "客户换人，前任代表与客户的私交带不走；内部分工和协调变复杂，低潜力细分可能被冷落。"


def demo_notes() -> leaks.Notes:
    return leaks.Notes([leaks.Passage(leaks.normal_form(PASSAGE), "notes.md:1", PASSAGE)])


def found_in(tmp_path, text: str, notes: leaks.Notes | None = None) -> list[str]:
    (tmp_path / "page.txt").write_text(text, encoding="utf-8")
    return [leak.passage.source for leak in leaks.scan([tmp_path / "page.txt"], notes or demo_notes())]


@pytest.mark.parametrize(
    "found_as",
    [
        "<p>客户换人，<strong>前任代表</strong>与客户的\n私交带不走；内部分工</p>",  # HTML, tags, line breaks
        "<li><p>客户换人，前任代表与客户的私交&#24102;不走</p></li>",  # entities
        json.dumps({"text": "…客户换人，前任代表与客户的私交带不走…"}, ensure_ascii=False),  # the search index
        json.dumps({"text": "客户换人，前任代表与客户的私交带不走"}, ensure_ascii=True),  # \uXXXX escapes
        "- 客户换人，**前任代表**与{term}`客户`的私交带不走",  # Markdown in _sources
        '<meta name="description" content="客户换人，前任代表与客户的私交带不走">',  # an attribute
        '<img src="x.svg" alt="客户换人，前任代表与客户的&#10;私交带不走">',  # alt text with an entity
        "客户换人,前任代表与客户的私交带不走",  # a half-width comma
        "客户换人， 前任代表与客户的私交带不走",  # a space added
        # Invisible characters between the characters (the reviewer's R2): the page reads the same.
        "\u200b".join("客户换人，前任代表与客户的私交带不走"),
        "\u00ad".join("客户换人，前任代表与客户的私交带不走"),
        "客户换人，前任代\u2060表与客户的私交带\u2060不走",
        "&#8203;".join("客户换人，前任代表与客户的私交带不走"),
        "客户换人，前任&shy;代表与客户的私交&#x200B;带不走",
        "\ufeff客户换人，前任\u200d代表与客户的\u200c私交带不走",
    ],
    ids=[
        "html",
        "entities",
        "json",
        "json-escaped",
        "markdown",
        "meta",
        "alt",
        "half-width",
        "space",
        "zwsp",
        "soft-hyphen",
        "word-joiner",
        "zwsp-entity",
        "shy-entity",
        "bom-zwj-zwnj",
    ],
)
def test_a_passage_is_found_in_any_format(tmp_path, found_as):
    assert found_in(tmp_path, found_as) == ["notes.md:1"]


def test_partial_copies_are_caught(tmp_path, note_passages, notes):
    """The reviewer's D1 variants, made from a real notes paragraph: each was missed by the
    whole-passage search and is found now."""
    paragraph = max(note_passages, key=lambda p: len(p.text))
    sentences = [s for s in paragraph.shown.split("。") if len(re.findall(r"[\u4e00-\u9fff]", s)) >= 10]
    middle = paragraph.shown[len(paragraph.shown) // 3 : 2 * len(paragraph.shown) // 3]
    variants = {
        "partial include": f"<p>{middle}</p>",
        "one copied sentence": f"<p>课程另外补充一句：{sentences[1]}。以下是其他内容。</p>",
        "one comma changed": paragraph.shown.replace("，", ",", 1),
        "quotes changed": paragraph.shown.replace("“", "「").replace("”", "」"),
    }
    assert variants["one comma changed"] != paragraph.shown
    for name, text in variants.items():
        assert found_in(tmp_path, text, notes) == [paragraph.source], name


def test_a_short_sentence_is_caught_whole(tmp_path):
    """A sentence of 10 to 15 characters has no 16-character window; it is searched whole."""
    notes = leaks.Notes([leaks.Passage("x", "notes.md:3", "不足：把关系推销等同于请客送礼；一周安排没有变化。")])
    assert notes.sentences
    assert found_in(tmp_path, "<p>常见的错：把关系推销等同于请客送礼！</p>", notes) == ["notes.md:3"]


def test_what_is_not_a_note_is_not_reported(tmp_path, notes, note_passages):
    # Nine characters of a sentence, a citation, and text that only shares single words.
    citation = "Millman & Wilson (1995)；Christopher, Payne & Ballantyne (1991)"
    assert found_in(tmp_path, f"<p>{PASSAGE[:9]}</p><p>{citation}</p>", notes) == []
    assert found_in(tmp_path, "客户换人以后，新任代表与客户的交情要从头开始建立。") == []


def test_zip_members_and_pdfs_are_read(tmp_path):
    from weasyprint import HTML

    pdf = HTML(string=f'<html lang="zh-CN"><body><p>{PASSAGE}</p></body></html>').write_pdf()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("course/page.html", f"<p>{PASSAGE}</p>")
        archive.writestr("course/clean.html", "<p>没有笔记。</p>")
        inner = io.BytesIO()
        with zipfile.ZipFile(inner, "w") as nested:
            nested.writestr("sheet.pdf", pdf)
        archive.writestr("course/inner.zip", inner.getvalue())
    (tmp_path / "package.zip").write_bytes(buffer.getvalue())
    (tmp_path / "sheet.pdf").write_bytes(pdf)
    found = sorted(leak.file for leak in leaks.scan([tmp_path], demo_notes()))
    assert found == [
        f"{tmp_path / 'package.zip'}!course/inner.zip!sheet.pdf",
        f"{tmp_path / 'package.zip'}!course/page.html",
        str(tmp_path / "sheet.pdf"),
    ]


# What learners get, from the real sources


def test_learner_edition_contains_no_teaching_note(site, pdf, learner_handouts, exports, notes):
    """The whole learner build folder (published HTML and everything beside it), the PDF,
    the handouts and the Moodle exports."""
    found = leaks.scan([site.parent, pdf, pdf.with_suffix(".html"), learner_handouts, *exports], notes)
    assert not found, "teaching notes in the learner edition:\n" + "\n".join(map(str, found[:20]))


@pytest.mark.slow
def test_assignment_sheet_contains_no_teaching_note(assignment, notes):
    """The learners' sheet is cut from a trainer build: only its answer key may quote notes."""
    assert leaks.scan([assignment / "assignment.html", assignment / "assignment.pdf"], notes) == []
    key = leaks.scan([assignment / "answer-key.pdf"], notes)
    assert {leak.passage.source.split(":")[0] for leak in key} == {"cases/notes/pinacor.md", "cases/notes/li-xiang.md"}


@pytest.mark.slow
def test_trainer_edition_contains_every_note_in_every_channel(trainer_site, notes):
    """Each note is found in its notes page, its _sources copy and the search index, so the
    scan would see a leak through any of them."""
    sources = {p.source for p in [*notes.windows.values(), *notes.sentences.values()]}
    channels: dict[str, set[str]] = {source: set() for source in sources}
    for leak in leaks.scan([trainer_site], notes):
        channels[leak.passage.source].add(leak.file.removeprefix(f"{trainer_site}/"))
    for source, files in channels.items():
        if source.endswith(".yml"):
            # The certification pool is data: the trainer page shows the forms' items, not
            # every item of the pool (its own tests cover the pool; test_certification.py).
            continue
        case = source.split(":")[0].removeprefix("cases/notes/").removesuffix(".md")
        wanted = {f"cases/notes/{case}.html", f"_sources/cases/notes/{case}.md", "_static/course-search-index.js"}
        assert wanted <= files, source


# Every route into the learner build at once (one broken build, tests/trainer_fixtures.py)

ROUTES = [
    (r"book/guide\.md", r"includes it \(\{include\}\): cases/notes/pinacor\.md is teaching notes"),
    (r"book/references\.md", r"reads it \(\{literalinclude\} or another .*\): cases/notes/zhang-jin\.md"),
    (r"book/glossary\.md", r"offers it for download \(\{download\}\): cases/notes/li-xiang\.md"),
    (r"book/progress\.md", r"shows it as an image: cases/notes/sketch\.svg"),
    (r"book/notes-link\.md", r"is itself teaching notes \(cases/notes/xiao-cui\.md"),
    (r"", r"html_extra_path `book/_extra` would copy book/_extra/n into the site, and that is or holds cases/notes"),
    (r"", r"the learner edition would contain teaching notes \([^)]*cases/notes/li-xiang"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("page", "route"), ROUTES, ids=[r[1].split(" ")[0] for r in ROUTES])
def test_every_route_fails_the_learner_build_naming_page_and_route(broken_learner_build, page, route):
    assert broken_learner_build.returncode != 0
    log = broken_learner_build.log
    assert re.search(rf"{page}.*ERROR: .*{route}", log), log[-4000:]


@pytest.mark.slow
def test_a_gbk_bank_is_named_in_the_build(broken_learner_build):
    """Carried by the same broken build: the reviewer's D4 (a traceback naming no file)."""
    log = broken_learner_build.log
    assert re.search(r"purchase-factors\.yml:\d+: WARNING: is not UTF-8 text \(byte 0x\w\w on this line", log)
    assert "Traceback" not in log and "UnicodeDecodeError" not in log


@pytest.mark.slow
def test_a_second_build_fails_the_same_way(broken_learner_build):
    """Sphinx skips unchanged pages on a second run; the pages that reach the notes are
    read again, so running `make` twice does not turn the failure into a success."""
    assert broken_learner_build.rerun_returncode != 0
    for page, route in ROUTES:
        assert re.search(rf"{page}.*ERROR: .*{route}", broken_learner_build.rerun_log), route


@pytest.mark.slow
def test_the_scan_finds_what_was_pasted_by_hand(broken_learner_build, notes):
    """Text pasted by hand is no dependency; only the scan sees it. The partial include is
    in the page and in the search index; the copied sentence and the paragraph with a comma
    changed are in the pages they were pasted into."""
    html = broken_learner_build.out / "html"
    found = {leak.file.removeprefix(f"{html}/") for leak in leaks.scan([html], notes)}
    for name in ("book/guide.html", "_static/course-search-index.js", "cases/pinacor.html", "book/kam-stages.html"):
        assert name in found, name
    pages = {
        "book/guide.html": broken_learner_build.partial,
        "cases/pinacor.html": broken_learner_build.sentence,
        "book/kam-stages.html": broken_learner_build.changed,
    }
    for name, pasted in pages.items():
        hits = notes.search((html / name).read_text(encoding="utf-8"))
        assert any(leaks.fingerprint(pasted)[:20] in run or run in leaks.fingerprint(pasted) for run in hits.values())


# The routes the second review found past the guards (reliability-2 R1, R2, R6): one more
# broken build, with `suppress_warnings: [course]` (tests/trainer_fixtures.py).

ROUTES_2 = {
    "raw-url": r"book/guide\.md:\d+: ERROR: .*\"raw\" may not read :url:",
    "eval-rst-raw-url": r"book/references\.md:\d+: ERROR: .*\"raw\" may not read :url:",
    "raw-file-url": r"book/glossary\.md:\d+: ERROR: .*\"raw\" may not read :url:",
    "templates-path": r"ERROR: .*setting `templates_path` names cases/notes is teaching notes",
    "search-scorer": r"ERROR: .*setting `html_search_scorer` names cases/notes/pinacor\.md is teaching notes",
    # The copy quotes whichever note shares its first passage (the notes' tool-results
    # paragraphs share a sentence), so the route is checked, not which note it names first.
    "trainer-build-copy": r"book/progress\.md: ERROR: .*includes it .*_sources/cases/notes/xiao-cui\.md quotes "
    r"cases/notes/\S+\.md:\d+ \(a copy of teaching notes\)",
    "hard-link": r"book/kam-stages\.md: ERROR: .*includes it .*book/_parts/li-xiang\.md is a hard link",
    "invisible-characters": r"ERROR: the learner edition must not contain teaching notes: cases/pinacor\.html quotes "
    r"cases/notes/telecom-operator\.md",
    "template-include": r"ERROR: the learner edition must not contain teaching notes: search\.html quotes "
    r"cases/notes/",
    "script-in-content": r"book/relationship-types\.md(:\d+)?: ERROR: the page's content carries a script \(<script",
}


@pytest.mark.slow
@pytest.mark.parametrize("route", sorted(ROUTES_2))
def test_no_setting_or_directive_takes_notes_past_the_build(broken_learner_build_2, route):
    assert broken_learner_build_2.returncode != 0
    assert re.search(ROUTES_2[route], broken_learner_build_2.log), broken_learner_build_2.log[-6000:]


@pytest.mark.slow
def test_the_second_build_refuses_the_same_routes(broken_learner_build_2):
    assert broken_learner_build_2.rerun_returncode != 0
    for route, pattern in ROUTES_2.items():
        assert re.search(pattern, broken_learner_build_2.rerun_log), route


def test_the_edition_is_not_a_setting_of_config_yml(tmp_path):
    """`course_edition: trainer` in _config.yml would switch every learner guard off: the
    build stops at once (reliability-2 N05)."""
    src = copy_sources(tmp_path / "src")
    config = src / "_config.yml"
    text = config.read_text(encoding="utf-8").replace("    suppress_warnings: []", "    course_edition: trainer")
    config.write_text(text, encoding="utf-8")
    result = jupyter_book_build(src, tmp_path / "out")
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "sets course_edition; the edition is not a setting of _config.yml" in log, log[-3000:]
    assert not (tmp_path / "out" / "_build" / "html" / "cases" / "notes").exists()
