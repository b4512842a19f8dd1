"""The tools' input format: the JSON Schemas agree with the code, the shipped files and the
pages' examples, and the CLI names the field and the values it accepts."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import jsonschema
import pytest
from conftest import ROOT
from widget_cases import CASES

from tools.widgets import api, schema, zh

VALIDATORS = {kind: jsonschema.Draft202012Validator(schema.SCHEMAS[kind]()) for kind in schema.SCHEMAS}
PAGES = {"relationship-map": "book/widgets/relationship-map.md", "purchase-factors": "book/widgets/purchase-factors.md"}


def test_the_schemas_are_valid_and_the_files_are_current():
    for kind, make in schema.SCHEMAS.items():
        jsonschema.Draft202012Validator.check_schema(make())
        shipped = schema.schema_path(kind).read_text(encoding="utf-8")
        assert shipped == schema.schema_text(kind), (
            f"{kind}: run `python -c 'from tools.widgets import schema; schema.write_schemas()'`"
        )
        assert "http" not in shipped, "a schema names no other host"


def test_presets_and_cases_are_valid_and_analyse_cleanly():
    inputs = [(kind, data) for kind in api.KINDS for _n, _t, data in zh.PRESETS[kind]]
    inputs += [(kind, raw) for _n, kind, raw, _e in CASES]
    for kind, data in inputs:
        assert list(VALIDATORS[kind].iter_errors(data)) == [], data
        assert api.analyse(kind, data)["errors"] == []


@pytest.mark.parametrize("kind", list(PAGES))
def test_the_pages_example_is_valid(kind):
    page = (ROOT / PAGES[kind]).read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)```", page, re.S).group(1)
    data = json.loads(block)
    assert list(VALIDATORS[kind].iter_errors(data)) == []
    result = api.analyse(kind, data)
    assert result["errors"] == [] and result["analysis"] is not None
    assert f"schemas/{kind}.schema.json" in page


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        (
            "relationship-map",
            {
                "contacts": [
                    {
                        "name": "甲",
                        "roles": ["boss"],
                        **dict.fromkeys(("trust", "rapport", "frequency", "value", "fit", "promises"), 3),
                    }
                ]
            },
        ),
        (
            "relationship-map",
            {
                "contacts": [
                    {
                        "name": "甲",
                        "role": "other",
                        **dict.fromkeys(("trust", "rapport", "frequency", "value", "fit", "promises"), 6),
                    }
                ]
            },
        ),
        (
            "relationship-map",
            {
                "contacts": [
                    {
                        "name": "甲",
                        "role": "other",
                        "stance": "maybe",
                        **dict.fromkeys(("trust", "rapport", "frequency", "value", "fit", "promises"), 3),
                    }
                ]
            },
        ),
        (
            "purchase-factors",
            {
                "sale_type": "cheap",
                "organisation": {"risk": 1, "benefit": 1, "switching": 1},
                "individual": {"risk": 1, "benefit": 1, "switching": 1},
                "alignment": {"risk": "same", "benefit": "same", "switching": "same"},
            },
        ),
        (
            "purchase-factors",
            {
                "sale_type": "brand",
                "holding": "ours",
                "organisation": {"risk": 1, "benefit": 1, "switching": 1},
                "individual": {"risk": 1, "benefit": 1, "switching": 1},
                "alignment": {"risk": "same", "benefit": "same", "switching": "same"},
            },
        ),
    ],
)
def test_what_the_schema_refuses_the_tool_refuses(kind, data):
    assert list(VALIDATORS[kind].iter_errors(data))
    assert api.analyse(kind, data)["errors"]


def test_the_cli_prints_the_schema_and_names_fields_and_values(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "tools", "analyse", "purchase-factors", "--schema"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0 and json.loads(done.stdout) == schema.purchase_schema()
    bad = tmp_path / "deal.json"
    bad.write_text(
        json.dumps(
            {
                "sale_type": "cheap",
                "holding": "ours",
                "organisation": {"risk": 1, "benefit": 1, "switching": 9},
                "individual": {"risk": 1, "benefit": 1, "switching": 1},
                "alignment": {"risk": "same", "benefit": "maybe", "switching": "same"},
            }
        ),
        "utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "tools", "analyse", "purchase-factors", "--input", str(bad)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert f"{bad}: sale_type: " in lines[0] and "valid values: undifferentiated, brand, company, unknown" in lines[0]
    assert any("organisation.switching" in line and "valid values: 1, 2, 3, 4, 5, unknown" in line for line in lines)
    assert any("alignment.benefit" in line and "valid values: same, different, unknown" in line for line in lines)
    assert any(line.startswith(f"{bad}: holding: ") and "incumbent, challenger" in line for line in lines)
    assert "Traceback" not in done.stderr
