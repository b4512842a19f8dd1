"""The tools' table of cases (tests/widget_cases.py) in CPython: every case's cells,
warnings and verdicts, and the sentences its result must and must not carry.

The same table runs under MicroPython (test_widget_parity.py) and in the browser
(test_widget_browser.py)."""

from __future__ import annotations

import re

import pytest
from widget_cases import CASES

from tools.widgets import api


def text_of(html: str) -> str:
    return re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", html))


def check(kind: str, analysis: dict, html: str, expected: dict) -> list[str]:
    """What differs from the case's expectations (empty when the case holds)."""
    problems = []
    if kind == "relationship-map":
        types = [c["type"] for c in analysis["contacts"]]
        if "types" in expected and types != expected["types"]:
            problems.append(f"cells {types}, expected {expected['types']}")
        warnings = [w["code"] for w in analysis["warnings"]]
        if warnings != expected.get("warnings", warnings):
            problems.append(f"warnings {warnings}, expected {expected['warnings']}")
    else:
        for key in ("weight", "departing"):
            got = analysis[key]["level"]
            if key in expected and got != expected[key]:
                problems.append(f"{key} {got}, expected {expected[key]}")
    text = text_of(html)
    problems += [f"missing: {s}" for s in expected.get("must", ()) if re.sub(r"\s+", "", s) not in text]
    problems += [f"must not say: {s}" for s in expected.get("must_not", ()) if re.sub(r"\s+", "", s) in text]
    return problems


@pytest.mark.parametrize(("name", "kind", "raw", "expected"), CASES, ids=[c[0] for c in CASES])
def test_case(name, kind, raw, expected):
    result = api.analyse(kind, raw)
    assert result["errors"] == []
    html = api.render(kind, result)
    assert check(kind, result["analysis"], html, expected) == []


def test_the_check_can_fail():
    """A case whose advice were wrong is caught: the veto case without its veto."""
    name, kind, raw, expected = CASES[0]
    raw = {"contacts": [dict(c, veto="") for c in raw["contacts"]]}
    result = api.analyse(kind, raw)
    assert check(kind, result["analysis"], api.render(kind, result), expected) == [
        "missing: 他说过：“再晚到一次货就换供应商”"
    ]
