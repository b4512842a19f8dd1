"""The forms of a training day (issue 24): sign-in sheet, evaluation form and certificates as
PDFs from a list of names; bad name lists refused with file and line, nothing written."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT

from tools.trainer import forms


def run(*args: str):
    return subprocess.run([sys.executable, "-m", "tools", "forms", *args], cwd=ROOT, capture_output=True, text=True)


def text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def test_forms_from_a_list_of_names(tmp_path):
    names = tmp_path / "names.txt"
    names.write_text("\ufeff林悦\n孟凡\n\n许航\n", encoding="utf-8")
    done = run("--names", str(names), "--date", "2026-12-10", "-o", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    out = tmp_path / "out"
    certificates = out / "结业证书.pdf"
    assert pages(certificates) == 3
    seen = re.sub(r"\s+", "", text(certificates))
    assert all(f"{name}完成了" in seen for name in ("林悦", "孟凡", "许航")) and "2026年12月10日" in seen
    sign_in = re.sub(r"\s+", "", text(out / "签到表.pdf"))
    assert "林悦" in sign_in and "上午签到" in sign_in
    evaluation = re.sub(r"\s+", "", text(out / "课程评估表.pdf"))
    for line in (*forms.FORMS_TEXT["reaction"], *forms.FORMS_TEXT["confidence"], *forms.FORMS_TEXT["comments"]):
        assert re.sub(r"\s+", "", line) in evaluation, line


def test_without_names_a_blank_sheet_and_no_certificates(tmp_path):
    done = run("-o", str(tmp_path / "out"))
    assert done.returncode == 0 and "no --names" in done.stdout
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["签到表.pdf", "课程评估表.pdf"]


def test_a_bad_list_of_names_is_refused_and_nothing_written(tmp_path):
    long = tmp_path / "long.txt"
    long.write_text("林悦\n" + "名" * 31 + "\n", encoding="utf-8")
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("林悦\n".encode("gbk"))
    for path, message in ((long, f"{long}:2: a name of 31 characters"), (gbk, "is not UTF-8")):
        done = run("--names", str(path), "-o", str(tmp_path / "out"))
        assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr
        assert not (tmp_path / "out").exists()
