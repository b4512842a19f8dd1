"""The Python code is ruff clean."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_ruff_clean():
    ruff = Path(sys.executable).parent / "ruff"
    result = subprocess.run([str(ruff), "check", "tools", "tests"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


ES_CHECK = ROOT / "node_modules" / ".bin" / "es-check"
BASELINE = "es2017"  # async functions: Chrome 55 / Safari 11; every WebView and iOS Safari of the last four years


def test_the_pages_scripts_keep_to_the_javascript_baseline(tmp_path):
    """Our scripts use no syntax newer than ES2017 (checked by es-check, pinned in package.json),
    so the in-app browsers of chat apps (Android WebView, iOS WKWebView) run them."""
    assert ES_CHECK.is_file(), "es-check missing: run `make setup` (npm ci)"
    scripts = sorted(
        str(p) for folder in ("tools/sphinxext/static", "tools/lms/static") for p in (ROOT / folder).glob("*.js")
    )
    assert len(scripts) >= 15
    result = subprocess.run([str(ES_CHECK), BASELINE, *scripts], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    newer = tmp_path / "newer.js"
    newer.write_text("var a = window.b?.c ?? 1;\n", encoding="utf-8")
    refused = subprocess.run([str(ES_CHECK), BASELINE, str(newer)], capture_output=True, text=True, check=False)
    assert refused.returncode != 0, "the check catches newer syntax"
