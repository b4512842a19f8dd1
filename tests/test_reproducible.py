"""Reproducible builds: two clean builds of the same sources, from different folders and in
different processes (so with different hash seeds), give byte-identical sites."""

from __future__ import annotations

import hashlib
import os
import shutil
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


@pytest.mark.slow
def test_two_clean_builds_from_different_paths_are_identical(tmp_path):
    """Both builds start from one snapshot of the sources (copied once, then the copy
    copied), so that nothing edited meanwhile can make them differ."""
    first_src = copy_sources(tmp_path / "a" / "course")
    second_src = tmp_path / "elsewhere" / "deeper" / "course"
    shutil.copytree(first_src, second_src, symlinks=True)
    for src, out in ((first_src, tmp_path / "a-out"), (second_src, tmp_path / "b-out")):
        result = jupyter_book_build(src, out)
        assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    first, second = digests(tmp_path / "a-out" / "_build" / "html"), digests(tmp_path / "b-out" / "_build" / "html")
    assert sorted(first) == sorted(second), "the same files"
    differing = [name for name in first if first[name] != second[name]]
    assert differing == [], f"{len(differing)} files differ between two builds: {differing[:10]}"
    assert len(first) > 100


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
