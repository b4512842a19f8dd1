"""``python -m tools analyse``: presets, JSON files, text and JSON reports, bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from conftest import ROOT

from tools.widgets import api, zh


def analyse(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tools", "analyse", *args], capture_output=True, text=True, cwd=ROOT, input=stdin
    )


def test_text_report_of_a_preset():
    done = analyse("relationship-map", "--preset", "worked-example")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("关系分析")
    assert "1 | 甲 | 4.33 | 2.33 | 朋友" in out
    assert "警示： 决策者仍是局外人：丙" in out
    assert not re.search(r"<[a-z/]", out)  # no markup in the text report


def test_json_report_equals_the_model(tmp_path):
    data = zh.PRESETS["purchase-factors"][2][2]
    source = tmp_path / "in.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    done = analyse("purchase-factors", "--input", str(source), "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == api.analyse("purchase-factors", data)


def test_invalid_values_are_reported_with_status_1():
    raw = {"contacts": [{"name": "<b>甲</b>", "role": "decision_maker", "trust": 9}]}
    done = analyse("relationship-map", "--input", "-", stdin=json.dumps(raw))
    assert done.returncode == 1
    assert "第 1 位联系人（<b>甲</b>）的“信任”：9 超出范围" in done.stdout


def test_unreadable_input_is_an_error_with_status_2(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"contacts": [\n  {"name": "甲",,}\n]}', encoding="utf-8")
    done = analyse("relationship-map", "--input", str(broken))
    assert done.returncode == 2 and "line 2" in done.stderr and "not valid JSON" in done.stderr
    done = analyse("relationship-map", "--preset", "nope")
    assert done.returncode == 2 and "worked-example" in done.stderr and "pinacor-before" in done.stderr
    done = analyse("purchase-factors", "--input", str(tmp_path / "missing.json"))
    assert done.returncode == 2 and "cannot read" in done.stderr


def test_presets_are_listed():
    done = analyse("purchase-factors", "--list-presets")
    assert done.returncode == 0
    assert [line.split("\t")[0] for line in done.stdout.splitlines()] == [
        name for name, _t, _d in zh.PRESETS["purchase-factors"]
    ]
