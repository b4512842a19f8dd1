"""Every learner output scans what it is about to write, and refuses trainer material.

The reviewer's R3 (``pdf --html <trainer build>`` printed the trainer edition as 学员版) and
the issue's rule that the scan is part of every learner output: ``pdf``, ``handouts``,
``assign`` (the learners' sheet), ``scorm`` and the learner ``export`` fail with the output
file and the note it quotes, exit 2, and write nothing. Also: output names that do not fit
their format, scripts-safe JSON, and writes that survive SIGTERM and SIGKILL.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT
from test_cli_errors import one_error_line, run, tree

from tools.cli import main
from tools.html_json import script_json
from tools.output import STAGING, remove_leftovers, write_files
from tools.trainer import guard, leaks

pytest_plugins = ["trainer_fixtures"]


def a_note_sentence() -> leaks.Passage:
    """A long sentence of a teaching note (what a careless copy would carry)."""
    notes = leaks.passages(leaks.notes_files(ROOT), ROOT)
    return max((p for p in notes if "：" not in p.shown[:12]), key=lambda p: len(p.text))


@pytest.fixture(scope="module")
def leaky_site(site, tmp_path_factory) -> tuple[Path, leaks.Passage]:
    """A copy of the learner site with one note paragraph pasted into a case page."""
    copy = tmp_path_factory.mktemp("leaky") / "html"
    shutil.copytree(site, copy)
    note = a_note_sentence()
    page = copy / "cases" / "pinacor.html"
    text = page.read_text(encoding="utf-8")
    at = text.index("</p>", text.index('id="case-pinacor-situation"')) + len("</p>")  # handouts print it
    page.write_text(text[:at] + f"<p>{note.shown}</p>" + text[at:], encoding="utf-8")
    return copy, note


def test_scorm_of_a_site_quoting_a_note_writes_nothing(leaky_site, tmp_path):
    html, note = leaky_site
    target = tmp_path / "out" / "package.zip"
    result = run("scorm", "--html", str(html), "-o", str(target))
    line = one_error_line(result, "cases/pinacor.html", note.source, "nothing was written")
    assert "trainer material" in line
    assert tree(tmp_path / "out") == []


def test_handouts_of_a_site_quoting_a_note_write_nothing(leaky_site, tmp_path):
    html, note = leaky_site
    result = run("handouts", "--html", str(html), "--case", "pinacor", "-o", str(tmp_path / "out"))
    one_error_line(result, "pinacor", note.source, "nothing was written")
    assert tree(tmp_path / "out") == []


def test_a_learner_export_quoting_a_note_writes_nothing(tmp_path):
    note = a_note_sentence()
    banks = tmp_path / "exercises"
    shutil.copytree(ROOT / "exercises", banks)
    bank = banks / "purchase-factors.yml"
    text = bank.read_text(encoding="utf-8")
    explanation = re.search(r"^(\s+)explanation: .*$", text, flags=re.M)
    assert explanation
    quoted = json.dumps(note.shown, ensure_ascii=False)
    changed = text.replace(explanation.group(0), f"{explanation.group(1)}explanation: {quoted}", 1)
    bank.write_text(changed, encoding="utf-8")
    target = tmp_path / "out" / "quiz.xml"
    one_error_line(run("export", "--format", "moodle", "--exercises", str(banks), "-o", str(target)), note.source)
    assert tree(tmp_path / "out") == []
    to_stdout = run("export", "--format", "gift", "--exercises", str(banks))
    one_error_line(to_stdout, "<standard output>", note.source)
    assert to_stdout.stdout == b""


@pytest.mark.slow
def test_the_learners_assignment_sheet_never_quotes_a_note(trainer_site, tmp_path, monkeypatch):
    """The answer key may quote the notes (it is the trainer's); the learners' sheet is
    scanned, and a sheet that would quote one is refused with nothing written."""
    from tools.handouts import assign

    original = assign.build

    def leaky_build(*args, **kwargs):
        note = f"<p>{a_note_sentence().shown}</p></body>"
        return [
            dataclasses.replace(d, html=d.html.replace("</body>", note)) if d.name.startswith(assign.HANDOUT) else d
            for d in original(*args, **kwargs)
        ]

    monkeypatch.setattr(assign, "build", leaky_build)
    out = tmp_path / "out"
    assert main(["assign", "--case", "pinacor", "-o", str(out), "--html", str(trainer_site)]) == 2
    assert tree(out) == []


@pytest.mark.slow
@pytest.mark.parametrize("command", ["pdf", "handouts", "scorm"])
def test_a_trainer_build_is_refused_for_a_learner_output(trainer_site, tmp_path, command):
    """The reviewer's R3: `pdf --html <trainer build>` wrote a PDF whose cover said 学员版."""
    target = tmp_path / ("out.pdf" if command == "pdf" else "out.zip" if command == "scorm" else "out")
    result = run(command, "--html", str(trainer_site), "-o", str(target))
    one_error_line(result, str(trainer_site), "trainer edition", "cases/notes")
    assert not target.exists()


@pytest.mark.parametrize(
    ("args", "wanted"),
    [
        (["pdf", "--output", "x.txt"], "the book PDF is written to a file ending in .pdf"),
        (["export", "--format", "moodle", "-o", "quiz.txt"], "a moodle export is written to a file ending in .xml"),
        (["export", "--format", "gift", "-o", "quiz.xml"], "a gift export is written to a file ending in .gift or"),
    ],
)
def test_an_output_name_that_does_not_fit_its_format_is_refused(site, tmp_path, args, wanted):
    """`pdf --output x.txt` wrote a PDF called x.txt and an x.html beside it (R7)."""
    args = [a if a not in ("x.txt", "quiz.txt", "quiz.xml") else str(tmp_path / a) for a in args]
    if args[0] == "pdf":
        args += ["--html", str(site)]
    one_error_line(run(*args), wanted)
    assert tree(tmp_path) == []


def test_the_check_sees_the_bytes_before_anything_is_written(tmp_path):
    """A refusal leaves the folder as it was: nothing new, nothing replaced."""
    (tmp_path / "old.html").write_text("旧的", encoding="utf-8")
    check = guard.learner_check()
    files = {tmp_path / "old.html": "新的".encode(), tmp_path / "b.html": f"<p>{a_note_sentence().shown}</p>".encode()}
    with pytest.raises(guard.LeakError, match=r"b\.html quotes cases/notes/"):
        write_files(files, check)
    assert tree(tmp_path) == ["old.html"]
    assert (tmp_path / "old.html").read_text(encoding="utf-8") == "旧的"


# Scripts in the output come only from the build


@pytest.mark.parametrize("text", ["<!--<script>", "</script><script>alert(1)</script>", "a & b > c", "\u2028\u2029"])
def test_json_in_a_script_element_cannot_end_it_or_hide_the_page(text):
    """The reviewer's R5: `<!--<script>` in a bank text swallowed the rest of the page."""
    written = script_json({"prompt": text, "list": [text]})
    assert not set("<>&\u2028\u2029") & set(written)
    assert json.loads(written) == {"prompt": text, "list": [text]}


def test_no_data_block_of_the_site_holds_markup(pages):
    """Every JSON block in every page is written by script_json: no `<` can start a tag."""
    block = re.compile(r'<script type="application/json"[^>]*>(.*?)</script>', re.S)
    seen = 0
    for page in pages:
        for data in block.findall(page.read_text(encoding="utf-8")):
            seen += 1
            assert "<" not in data and "&" not in data, page
            json.loads(data)
    assert seen > 20


# Writes that survive any ending


SLOW_WRITER = """
import sys, time
from pathlib import Path
from tools import output

write_bytes = Path.write_bytes

def slow(path, data):  # the second file takes long: SIGTERM arrives mid-write
    written = write_bytes(path, data)
    if path.name == "b.txt":
        Path(sys.argv[2]).write_text("writing", encoding="utf-8")
        time.sleep(60)
    return written

output.Path.write_bytes = slow
from tools.cli import Stopped, main
import tools.cli as cli
target = Path(sys.argv[1])
def run(args):
    output.write_files({target / "a.txt": b"a", target / "b.txt": b"b"})
    return 0
import argparse
cli.parser = lambda: type("P", (), {"parse_args": lambda self, argv: argparse.Namespace(run=run, command="x")})()
sys.exit(main([]))
"""


def _start_writer(tmp_path: Path) -> tuple[subprocess.Popen, Path, Path]:
    out, flag = tmp_path / "out", tmp_path / "flag"
    out.mkdir()
    (out / "a.txt").write_text("old", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITER, str(out), str(flag)], cwd=ROOT, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    while not flag.exists():
        assert time.monotonic() < deadline and process.poll() is None, "the writer never started"
        time.sleep(0.05)
    return process, out, flag


def test_sigterm_during_a_write_rolls_back(tmp_path):
    """The reviewer's R9: SIGTERM left `.writing-XXXX/` with partial files."""
    process, out, _flag = _start_writer(tmp_path)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM, err
    assert "stopped by signal 15; nothing was written" in err.decode()
    assert tree(out) == ["a.txt"] and (out / "a.txt").read_text(encoding="utf-8") == "old"


def test_what_a_killed_run_left_is_removed_by_the_next(tmp_path, capsys):
    process, out, _flag = _start_writer(tmp_path)
    process.kill()
    process.wait(timeout=60)
    left = [p.name for p in out.iterdir() if p.name.startswith(STAGING)]
    assert left, "SIGKILL cannot be handled: the staging folder stays until the next run"
    write_files({out / "a.txt": b"new"})
    assert tree(out) == ["a.txt"] and (out / "a.txt").read_bytes() == b"new"
    assert f"note: removed {out / left[0]}, left by an earlier run" in capsys.readouterr().err


def test_a_running_writers_folder_is_left_alone(tmp_path):
    staging = tmp_path / f"{STAGING}busy"
    staging.mkdir()
    (staging / ".pid").write_text(str(os.getppid()), encoding="ascii")  # a process that is alive
    assert remove_leftovers(tmp_path) == []
    assert staging.is_dir()


def test_check_learner_passes_the_site_and_refuses_a_leaky_copy(site, leaky_site, trainer_site):
    """`make site` scans the build once more outside Sphinx (tools/cli.py check-learner)."""
    assert run("check-learner", "--html", str(site)).returncode == 0
    html, note = leaky_site
    one_error_line(run("check-learner", "--html", str(html)), "cases/pinacor.html", note.source)
    one_error_line(run("check-learner", "--html", str(trainer_site)), "trainer edition")
