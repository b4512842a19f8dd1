"""Reproducible builds: two clean builds of the same sources, from different folders and in
different processes (so with different hash seeds), give byte-identical sites."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, copy_sources, jupyter_book_build


def digests(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


EDITED = ("book/guide.md", "exercises/purchase-factors.yml")


def _edit(src: Path) -> None:
    """A change an author makes between two `make`s: a chapter's text and a bank's."""
    guide = src / "book" / "guide.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n补充一段说明：先读本章，再做自测。\n", encoding="utf-8")
    bank = src / "exercises" / "purchase-factors.yml"
    text = bank.read_text(encoding="utf-8")
    bank.write_text(text.replace("explanation: 不对。", "explanation: 不对，", 1), encoding="utf-8")


@pytest.mark.slow
def test_a_second_build_after_a_change_equals_a_clean_build_elsewhere(site, scorm_package, tmp_path):
    """The reviewer's R10: an incremental `make` differed from a clean build (404.html listed
    the output's entries as they were; two theme stylesheets lost their final newline).
    A copy of the sources, changed, is built; then the change is undone and the copy built
    again over its own output. That second build must equal, byte for byte, the session's
    clean build of the same sources, made from another path in another process (other hash
    seeds); and so must the SCORM package, a handout and an export made from each."""
    from tools.cli import main

    src = copy_sources(tmp_path / "a" / "course")
    originals = {name: (src / name).read_bytes() for name in EDITED}
    _edit(src)
    out = tmp_path / "a-out"
    first = jupyter_book_build(src, out)
    assert first.returncode == 0, (first.stdout + first.stderr)[-3000:]
    for name, data in originals.items():
        (src / name).write_bytes(data)
    again = jupyter_book_build(src, out)
    assert again.returncode == 0, (again.stdout + again.stderr)[-3000:]
    built = out / "_build" / "html"
    incremental, clean = digests(built), digests(site)
    assert sorted(incremental) == sorted(clean), "the same files"
    differing = [name for name in incremental if incremental[name] != clean[name]]
    assert differing == [], f"{len(differing)} files differ between two builds: {differing[:10]}"
    assert len(incremental) > 100
    made = []
    for html, name in ((built, "a"), (site, "b")):
        folder = tmp_path / f"made-{name}"
        assert main(["handouts", "--html", str(html), "--case", "pinacor", "-o", str(folder / "handouts")]) == 0
        made.append(digests(folder))
    assert made[0] == made[1] and len(made[0]) == 8  # the case sheet, and the three worksheets as forms
    package = tmp_path / "package.zip"
    assert main(["scorm", "--html", str(built), "-o", str(package), "--exercises", str(src / "exercises")]) == 0
    assert package.read_bytes() == scorm_package.read_bytes()
    exports = [tmp_path / "a.xml", tmp_path / "b.xml"]
    for exercises, target in ((src / "exercises", exports[0]), (ROOT / "exercises", exports[1])):
        assert main(["export", "--format", "moodle", "-o", str(target), "--exercises", str(exercises)]) == 0
    assert exports[0].read_bytes() == exports[1].read_bytes()
    # Then only a course script changes: Sphinx copies static files only when it writes a
    # page, and `make` once left the old copy in the site.
    script = src / "tools" / "sphinxext" / "static" / "course-zoom.js"
    script.write_text(script.read_text(encoding="utf-8") + "/* edited */\n", encoding="utf-8")
    third = jupyter_book_build(src, out)
    assert third.returncode == 0, third.stderr[-2000:]
    assert (built / "_static" / "course-zoom.js").read_text(encoding="utf-8").endswith("/* edited */\n")


def test_search_index_does_not_depend_on_the_hash_seed():
    """The index's term order once followed set order, which changes with PYTHONHASHSEED."""
    code = (
        "from tools.search import index\n"
        "text = '客户为什么买：采购风险、采购收益、转换成本。'\n"
        "page = index.Page('a.html', '关系销售', [index.Section('', '采购三要素', text)])\n"
        "print(index.as_script(index.build([page])))\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1 and "采购" in outputs.pop()
