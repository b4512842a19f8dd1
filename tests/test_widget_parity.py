"""Parity: the widgets' Python gives exactly the same results under CPython (here) and under
MicroPython (the interpreter the browser runs, driven by Node), for the presets, a few
hundred generated inputs, bad inputs and shared-link texts."""

from __future__ import annotations

import json
import random
import subprocess

from conftest import ROOT
from widget_cases import CASES

from tools.widgets import api, bundle, purchase, relationship, zh

RUNNER = ROOT / "tools" / "widgets" / "mp_runner.mjs"


def generated_inputs(seed: int = 20261122) -> list[tuple[str, object]]:
    rng = random.Random(seed)
    odd = [0, 6, "9", "3.5", "abc", "", None, True, 2.0, " 4 ", "-2", [], {"x": 1}]
    cases: list[tuple[str, object]] = []
    for kind in api.KINDS:
        cases += [(kind, data) for _name, _title, data in zh.PRESETS[kind]]
    cases += [(kind, raw) for _name, kind, raw, _expected in CASES]
    for n in range(150):
        contacts = []
        for i in range(rng.randint(0, 13)):
            row = {
                "name": rng.choice([f"联系人{i}", "", "<b>x</b>", "很" * 31, 'O\'Neil & "Co"'])
                if n % 5 == 0
                else f"联系人{i}",
                "role": rng.choice(relationship.ROLES + (("boss",) if n % 7 == 0 else ())),
            }
            for key in relationship.INDICATORS:
                row[key] = rng.choice(odd) if n % 4 == 0 and rng.random() < 0.2 else rng.randint(1, 5)
                if n % 3 == 1 and rng.random() < 0.25:
                    row[key] = rng.choice(["unknown", "?", "不知道"])
            if n % 2:  # the fields a real account adds
                row["roles"] = rng.sample(relationship.ROLES, rng.randint(1, 3)) + (
                    ["gatekeeper"] if n % 9 == 1 else []
                )
                row["stance"] = rng.choice(relationship.STANCES + ("", "maybe"))
                row["influence"] = rng.choice(relationship.INFLUENCES + ("",))
                row["rival"] = rng.choice(["", "东陵", "对手" * 20])
                row["veto"] = rng.choice(["", "再晚到一次就换"])
                row["keep_formal"] = rng.choice([True, False, "1", "", None])
            contacts.append(row)
        cases.append(("relationship-map", {"contacts": contacts}))
    for n in range(150):
        raw = {"sale_type": rng.choice(purchase.SALE_TYPES + (("", "cheap") if n % 6 == 0 else ()))}
        for side in purchase.SIDES:
            raw[side] = {
                f: rng.choice(odd) if n % 5 == 0 and rng.random() < 0.3 else rng.randint(1, 5) for f in purchase.FACTORS
            }
        answers = purchase.ALIGNMENTS + (("", "maybe", None) if n % 6 == 1 else ())
        raw["alignment"] = {f: rng.choice(answers) for f in purchase.FACTORS}
        if n % 2:
            for side in purchase.SIDES:
                for f in purchase.FACTORS:
                    if rng.random() < 0.2:
                        raw[side][f] = "unknown"
            raw["holding"] = rng.choice(purchase.HOLDINGS + ("unknown", "", "mine"))
            raw["risk_source"] = rng.choice(purchase.RISK_SOURCES + ("unknown", ""))
            raw["rivals"] = rng.choice([[], [{"name": "东陵", "offer": "低 15%"}], [{"offer": "x"}], "x"])
        cases.append(("purchase-factors", raw))
    cases += [("relationship-map", "nonsense"), ("relationship-map", {"contacts": "x"}), ("purchase-factors", [])]
    return cases


LINKS = [
    "preset:pinacor-after",
    "preset:nope",
    "{bad",
    "[1]",
    "x" * 9000,
    '{"contacts": [{"name": 5}]}',
    "{}",
    '{"contacts": []}',
    "null",
    json.dumps(zh.PRESETS["purchase-factors"][1][2]),
]


# Fields a reader has not reached yet, as the page names them.
PENDING = ["contacts.0.name", "contacts.1.trust", "sale_type", "alignment.risk", "individual.benefit"]


def run_micropython(calls: list[list], tmp_path) -> list[dict]:
    job = tmp_path / "job.json"
    job.write_text(json.dumps({"modules": bundle.python_sources(), "calls": calls}, ensure_ascii=False), "utf-8")
    done = subprocess.run(["node", str(RUNNER), str(job)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_cpython_and_micropython_agree_exactly(tmp_path):
    links = json.dumps({"rel-rules": "../book/relationship-types.html#relationship-types-widget-rules"})
    calls, expected = [], []
    for n, (kind, raw) in enumerate(generated_inputs()):
        text = json.dumps(raw, ensure_ascii=False)
        calls.append(["tools.widgets.api", "analyse_json", [kind, text]])
        expected.append(api.analyse_json(kind, text))
        calls.append(["tools.widgets.api", "run_json", [kind, text, links, f"w{n}"]])
        expected.append(api.run_json(kind, text, links, f"w{n}"))
        if n % 3 == 0:  # the page's call: fields not yet touched held back
            pending = json.dumps(PENDING)
            calls.append(["tools.widgets.api", "run_json", [kind, text, links, f"w{n}", "zh", pending]])
            expected.append(api.run_json(kind, text, links, f"w{n}", "zh", pending))
    for kind in api.KINDS:
        for text in LINKS:
            calls.append(["tools.widgets.api", "link_json", [kind, text]])
            expected.append(api.link_json(kind, text))
    results = run_micropython(calls, tmp_path)
    assert len(results) == len(calls)
    mismatches = []
    for call, want, got in zip(calls, expected, results, strict=True):
        if "ok" not in got:
            mismatches.append(f"{call[1]}{call[2][:2]}: MicroPython raised {got['error']}")
        elif json.loads(got["ok"]) != json.loads(want):
            mismatches.append(f"{call[1]}{call[2][:2]}:\n  CPython     {want[:300]}\n  MicroPython {got['ok'][:300]}")
    assert not mismatches, f"{len(mismatches)} of {len(calls)} differ:\n" + "\n".join(mismatches[:5])
    # The corpus does exercise both outcomes.
    assert any('"errors": []' in e for e in expected) and any('"code": "rating_range"' in e for e in expected)


def test_the_runner_reports_a_difference(tmp_path):
    """The comparison is not vacuous: a module that differs under MicroPython is caught."""
    sources = bundle.python_sources()
    sources["tools/widgets/relationship.py"] = sources["tools/widgets/relationship.py"].replace(
        "HIGH_SUM = 10", "HIGH_SUM = 9"
    )
    job = tmp_path / "job.json"
    text = json.dumps({"contacts": [dict(name="甲", role="other", **dict.fromkeys(relationship.INDICATORS, 3))]})
    job.write_text(
        json.dumps({"modules": sources, "calls": [["tools.widgets.api", "analyse_json", ["relationship-map", text]]]}),
        "utf-8",
    )
    done = subprocess.run(["node", str(RUNNER), str(job)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    got = json.loads(json.loads(done.stdout)[0]["ok"])
    assert got != json.loads(api.analyse_json("relationship-map", text))
