"""Errors, not tracebacks: every command of ``python -m tools`` answers bad arguments,
unreadable input (missing, a folder, not UTF-8, too large, nested too deeply) and output
that cannot be written (a folder in the way, a file where a folder should be) with one line
naming the file and the problem, exit status 2, and nothing written."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, copy_sources

from tools.cli import main
from tools.output import OutputError, write_files

GBK_BANK = "chapter: purchase-factors\nitems:\n  - id: pf-01\n    prompt: 关系决定一切。\n".encode("gbk")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tools", *args], capture_output=True, cwd=ROOT, input=stdin, timeout=300
    )


def one_error_line(result: subprocess.CompletedProcess, *wanted: str) -> str:
    """Status 2 and a single `error: …` line on stderr that contains every ``wanted``."""
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2, err
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    for text in wanted:
        assert text in lines[0], (text, lines[0])
    return lines[0]


def tree(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) if folder.exists() else []


# Bad arguments, every command


@pytest.mark.parametrize(
    ("args", "wanted"),
    [
        ([], "the following arguments are required: COMMAND"),
        (["nonsense"], "invalid choice: 'nonsense'"),
        (["export", "--format", "word"], "argument --format: invalid choice: 'word'"),
        (["export"], "the following arguments are required: --format"),
        (["pdf", "--edition", "teacher"], "invalid choice: 'teacher'"),
        (["trainer-config", "--frobnicate"], "unrecognized arguments: --frobnicate"),
        (["handouts", "--edition", "x"], "invalid choice: 'x'"),
        (["assign", "--items", "pf-01"], "the following arguments are required: -o/--output"),
        (["analyse", "nothing"], "invalid choice: 'nothing'"),
        (["analyse", "relationship-map"], "one of the arguments --input --preset --list-presets --schema is required"),
        (["scorm", "--frobnicate"], "unrecognized arguments: --frobnicate"),
    ],
    ids=lambda v: "-".join(v) if isinstance(v, list) else None,
)
def test_bad_arguments(args, wanted):
    one_error_line(run(*args), wanted)


# Unreadable input


@pytest.fixture
def gbk_banks(tmp_path) -> Path:
    folder = tmp_path / "exercises"
    folder.mkdir()
    (folder / "purchase-factors.yml").write_bytes(GBK_BANK)
    return folder


def test_export_of_a_gbk_bank(gbk_banks):
    one_error_line(
        run("export", "--format", "gift", "--exercises", str(gbk_banks)),
        f"{gbk_banks / 'purchase-factors.yml'}:4: is not UTF-8 text",
        "GBK",
    )


@pytest.mark.parametrize(
    ("content", "wanted"),
    [
        (b"chapter: x\nitems: " + b"[" * 3000 + b"]" * 3000 + b"\n", "nested more than 32 levels deep"),
        (b"chapter: x\nitems: []\n# " + b"x" * (1 << 20) + b"\n", "is larger than 1024 kB"),
        (bytes(range(256)), "is not UTF-8 text"),
        (b"chapter: x\nitems: \x07\n", "character U+0007 is not allowed"),
    ],
    ids=["deep", "huge", "binary", "control"],
)
def test_export_of_an_unreadable_bank(tmp_path, content, wanted):
    (tmp_path / "x.yml").write_bytes(content)
    one_error_line(run("export", "--format", "moodle", "--exercises", str(tmp_path)), str(tmp_path / "x.yml"), wanted)


def test_export_of_a_missing_folder(tmp_path):
    one_error_line(run("export", "--format", "moodle", "--exercises", str(tmp_path / "nope")), "no such folder")


@pytest.mark.parametrize(
    ("content", "wanted"),
    [
        ("[" * 5000 + "]" * 5000, "nested more than 32 levels deep"),
        ('{"contacts": ' + "[" * 40 + "]" * 40 + "}", "nested more than 32 levels deep"),
        ('{"contacts": []}' + " " * (1 << 20), "is larger than 1024 kB"),
        ('{"contacts": [{"name": "甲"}]}'.encode("gbk"), "is not UTF-8 text"),
    ],
    ids=["very-deep", "deep", "huge", "gbk"],
)
def test_analyse_of_unreadable_input(tmp_path, content, wanted):
    path = tmp_path / "in.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    one_error_line(run("analyse", "relationship-map", "--input", str(path)), str(path), wanted)
    one_error_line(run("analyse", "relationship-map", "--input", "-", stdin=path.read_bytes()), wanted)


def test_analyse_of_a_folder(tmp_path):
    one_error_line(run("analyse", "purchase-factors", "--input", str(tmp_path)), str(tmp_path), "is a folder")


def test_trainer_config_of_broken_sources(tmp_path):
    src = copy_sources(tmp_path / "src")
    (src / "_config.yml").write_bytes((ROOT / "_config.yml").read_text(encoding="utf-8").encode("gbk", "replace"))
    out = tmp_path / "out"
    one_error_line(run("trainer-config", "--source", str(src), "-o", str(out)), "_config.yml:", "not UTF-8")
    case = src / "cases" / "xiao-cui.md"
    shutil.copy(ROOT / "_config.yml", src / "_config.yml")
    case.write_text(case.read_text(encoding="utf-8").replace("  format:", "  formt:"), encoding="utf-8")
    one_error_line(run("trainer-config", "--source", str(src), "-o", str(out)), f"{case}:", "did you mean `format`?")
    one_error_line(run("trainer-config", "--source", str(tmp_path / "nope"), "-o", str(out)), "no such file")
    assert tree(out) == []


def test_pdf_and_handouts_of_a_broken_build(site, tmp_path):
    html = tmp_path / "html"
    shutil.copytree(site, html, ignore=shutil.ignore_patterns("_static", "_sources", "_images"))
    page = html / "cases" / "pinacor.html"
    page.write_bytes(page.read_text(encoding="utf-8").encode("gbk", "replace"))
    out = tmp_path / "out"
    one_error_line(run("handouts", "--html", str(html), "-o", str(out)), str(page), "is not UTF-8 text")
    one_error_line(run("pdf", "--html", str(html), "--output", str(out / "book.pdf")), str(page), "not UTF-8")
    assert tree(out) == []


# Output that cannot be written


def test_export_to_a_folder_or_below_a_file(tmp_path):
    (tmp_path / "quiz.xml").mkdir()
    one_error_line(run("export", "--format", "moodle", "-o", str(tmp_path / "quiz.xml")), "quiz.xml: is a folder")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    one_error_line(
        run("export", "--format", "moodle", "-o", str(tmp_path / "file" / "quiz.xml")), "file is a file, not a folder"
    )
    assert (tmp_path / "file").read_text(encoding="utf-8") == "x"


def test_assign_with_an_occupied_output_writes_nothing(tmp_path):
    """The reviewer's D7: with D/assignment.pdf a folder, nothing at all is written."""
    out = tmp_path / "D"
    (out / "assignment.pdf").mkdir(parents=True)
    one_error_line(run("assign", "--items", "pf-01", "-o", str(out)), "assignment.pdf: is a folder")
    assert tree(out) == ["assignment.pdf"]


def test_trainer_config_with_an_occupied_output_writes_nothing(tmp_path):
    (tmp_path / "_toc.yml").mkdir()
    one_error_line(run("trainer-config", "-o", str(tmp_path)), "_toc.yml: is a folder")
    assert tree(tmp_path) == ["_toc.yml"]


def test_pdf_to_a_folder(site, tmp_path):
    (tmp_path / "book.pdf").mkdir()
    one_error_line(run("pdf", "--html", str(site), "--output", str(tmp_path / "book.pdf")), "book.pdf: is a folder")


# Writing all or nothing


def test_a_failed_write_restores_what_was_there(tmp_path, monkeypatch):
    import os

    old = tmp_path / "a.html"
    old.write_text("old", encoding="utf-8")
    real = os.replace
    calls = []

    def failing(src, dst):
        calls.append(dst)
        if str(dst).endswith("b.pdf"):
            raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(OutputError, match=r"b\.pdf: cannot be written: no space left on device; nothing was written"):
        write_files({old: b"new", tmp_path / "sub" / "b.pdf": b"%PDF"})
    assert old.read_text(encoding="utf-8") == "old"
    assert tree(tmp_path) == ["a.html"], "no temporary files, no new folder"


def test_files_appear_whole(tmp_path):
    written = write_files({tmp_path / "x" / "a.txt": b"1", tmp_path / "b.txt": b"2"})
    assert written == [tmp_path / "x" / "a.txt", tmp_path / "b.txt"]
    assert tree(tmp_path) == ["b.txt", "x", "x/a.txt"]


def test_in_process_errors_return_2(tmp_path, capsys, gbk_banks):
    assert main(["export", "--format", "gift", "--exercises", str(gbk_banks)]) == 2
    assert "is not UTF-8 text" in capsys.readouterr().err


def test_json_input_that_is_fine_still_runs(tmp_path):
    path = tmp_path / "in.json"
    path.write_text(json.dumps({"contacts": []}), encoding="utf-8")
    result = run("analyse", "relationship-map", "--input", str(path), "--format", "json")
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr.decode()


def test_commands_apply_the_course_rules_the_build_applies(site, tmp_path):
    """The reviewer's R7: a `pf-99` item in the kam-stages bank exported; the build refuses it."""
    banks = tmp_path / "exercises"
    shutil.copytree(ROOT / "exercises", banks)
    bank = banks / "kam-stages.yml"
    text = bank.read_text(encoding="utf-8")
    first = text.index("  - id: ks-")
    bank.write_text(text[:first] + "  - id: pf-99" + text[first + len("  - id: ks-01") :], encoding="utf-8")
    for args in (["export", "--format", "moodle"], ["scorm", "--html", str(site), "-o", str(tmp_path / "x.zip")]):
        result = run(*args, "--exercises", str(banks))
        one_error_line(result, f"{bank}:", "pf-99: ID `pf-99` must start with `ks-`, the prefix of chapter kam-stages")
    assert not (tmp_path / "x.zip").exists()
