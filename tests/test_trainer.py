"""The trainer edition: generated from the learner edition's config and TOC, built strictly,
each case page linked to its notes and back; the learner edition has neither notes nor
links to them; the trainer PDF carries the notes."""

from __future__ import annotations

import re
import subprocess
import unicodedata

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, copy_sources
from pypdf import PdfReader

from tools.cases.model import book_chapters, load_cases
from tools.cases.strings import strings
from tools.cli import main
from tools.data.yamlfile import DataError
from tools.trainer.edition import EditionError, trainer_config, trainer_toc

pytest_plugins = ["trainer_fixtures"]

CASES = [case.id for case in load_cases(ROOT / "cases", book_chapters(ROOT))]


def read_yaml(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_trainer_config_differs_from_the_learner_config_only_where_it_must():
    learner, trainer = read_yaml(ROOT / "_config.yml"), trainer_config(ROOT)
    assert "cases/notes" in learner["exclude_patterns"] and "cases/notes" not in trainer["exclude_patterns"]
    assert trainer["title"] == strings()["trainer_title"].format(title=learner["title"])
    assert trainer["sphinx"]["config"].pop("course_edition") == "trainer"
    assert "course_edition" not in learner["sphinx"]["config"], "the learner edition is the default"
    assert trainer["sphinx"].pop("local_extensions") == {"tools.sphinxext": str(ROOT)}
    learner["sphinx"].pop("local_extensions")
    for config in (learner, trainer):
        config.pop("title")
        config["exclude_patterns"] = [p for p in config["exclude_patterns"] if p != "cases/notes"]
    assert trainer == learner


def test_trainer_toc_puts_each_cases_notes_under_it():
    toc = trainer_toc(ROOT)
    cases_entry = next(c for part in toc["parts"] for c in part["chapters"] if c.get("file") == "cases/index")
    children = {entry["file"]: entry.get("sections", []) for entry in cases_entry["sections"]}
    for case in CASES:
        assert children[f"cases/{case}"] == [{"file": f"cases/notes/{case}"}]
    flat = yaml.safe_dump(toc)
    for entry in re.findall(r"file: (\S+)", yaml.safe_dump(read_yaml(ROOT / "_toc.yml"))):
        assert f"file: {entry}\n" in flat, "every learner page stays in the trainer edition"


def test_notes_without_a_case_and_a_learner_config_that_keeps_notes_fail(tmp_path):
    src = copy_sources(tmp_path / "src")
    (src / "cases" / "notes" / "lost.md").write_text("(notes-lost)=\n# 教学笔记\n", encoding="utf-8")
    with pytest.raises(EditionError, match=r"cases/notes/lost\.md belongs to no case page"):
        trainer_toc(src)
    config = src / "_config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace('  - "cases/notes"\n', ""), encoding="utf-8")
    with pytest.raises(EditionError, match="exclude_patterns must list `cases/notes`"):
        trainer_config(src)


def test_a_case_without_notes_fails_the_trainer_config(tmp_path):
    src = copy_sources(tmp_path / "src")
    (src / "cases" / "notes" / "pinacor.md").unlink()
    with pytest.raises(DataError, match=r"pinacor\.md:1: case `pinacor` has no teaching notes"):
        trainer_toc(src)


def test_trainer_config_command_writes_both_files(tmp_path, capsys):
    assert main(["trainer-config", "-o", str(tmp_path)]) == 0
    assert read_yaml(tmp_path / "_config.yml") == trainer_config(ROOT)
    assert read_yaml(tmp_path / "_toc.yml") == trainer_toc(ROOT)
    assert (tmp_path / "_toc.yml").read_text(encoding="utf-8").startswith("# Generated from _toc.yml")


@pytest.mark.slow
def test_trainer_edition_has_every_notes_page(trainer_site):
    for case in CASES:
        html = (trainer_site / "cases" / "notes" / f"{case}.html").read_text(encoding="utf-8")
        title = strings()["trainer_title"].format(title="关系销售")
        assert re.search(r"<title>教学笔记[:：]", html) and f"{title}</title>" in html
        assert (trainer_site / "_sources" / "cases" / "notes" / f"{case}.md").is_file()


@pytest.mark.slow
def test_case_pages_link_to_their_notes_and_back(trainer_site):
    for case in CASES:
        page = BeautifulSoup((trainer_site / "cases" / f"{case}.html").read_text(encoding="utf-8"), "html.parser")
        link = page.select_one("article .course-trainer-link a")
        assert link and link["href"] == f"notes/{case}.html", case
        assert "教学笔记" in link.get_text()
        nav = [a["href"] for a in page.select("nav.bd-docs-nav a.reference.internal")]
        assert f"notes/{case}.html" in nav, "the notes sit under their case in the navigation"
        notes = (trainer_site / "cases" / "notes" / f"{case}.html").read_text(encoding="utf-8")
        back = BeautifulSoup(notes, "html.parser").select_one("article .course-trainer-link a")
        assert back and back["href"] == f"../{case}.html"


def test_learner_edition_has_no_notes_and_no_way_to_them(site, pages):
    assert not (site / "cases" / "notes").exists()
    assert not (site / "_sources" / "cases" / "notes").exists()
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert not soup.select(".course-trainer-link"), path.name
        assert not [a["href"] for a in soup.find_all("a", href=True) if "notes/" in a["href"]], path.name


@pytest.mark.slow
def test_learner_build_refuses_teaching_notes(broken_learner_build):
    """Whatever lets the notes into the learner build (here, among other routes in the same
    broken build: the exclude pattern dropped and every notes page listed in the TOC), the
    build fails and says why."""
    assert broken_learner_build.returncode != 0
    log = broken_learner_build.log
    # Every trainer-only page is named (the guide and kits come first, in name order).
    assert re.search(r"the learner edition would contain teaching notes \([^)]*cases/notes/li-xiang", log), log[-3000:]
    assert "cases/notes/trainer-guide/platform" in log


@pytest.mark.slow
def test_trainer_pdf_has_the_notes_after_each_case(trainer_pdf):
    target = trainer_pdf
    outline = PdfReader(target).outline
    top = [unicodedata.normalize("NFKC", item.title) for item in outline if not isinstance(item, list)]
    for case in load_cases(ROOT / "cases", book_chapters(ROOT)):
        at = top.index(unicodedata.normalize("NFKC", f"案例:{case.title}"))
        assert top[at + 1] == unicodedata.normalize("NFKC", f"教学笔记:{case.title}"), top
    first = subprocess.run(["pdftotext", "-l", "1", str(target), "-"], capture_output=True, text=True).stdout
    assert "培训师版" in first
