"""JSON Schemas (draft 2020-12) for the two tools' input files, built from the very
constants the tools check against, so the documented format cannot drift from the code.

The files in ``tools/widgets/schemas/`` are these schemas as written by ``python -m tools
analyse --write-schemas``; a test holds them equal, and the site ships them (``_static/
schemas/``) for anyone who writes inputs by hand or from another program. The schema
is the canonical form (ratings as integers); the tools also read what a form sends (digits
as text, ``?`` or 不知道 for unknown). No ``$schema`` or ``$id`` URL: the site names no
other host, and validators take draft 2020-12 by default. CPython only.
"""

from __future__ import annotations

import json
from pathlib import Path

from tools.widgets import purchase, relationship

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
UNKNOWN = "unknown"


def _rating(description: str) -> dict:
    return {
        "description": description,
        "oneOf": [
            {"type": "integer", "minimum": 1, "maximum": 5},
            {"const": UNKNOWN, "description": "还不知道：结果里列为待查清的问题，不计分"},
        ],
    }


def _text(description: str, limit: int) -> dict:
    return {"type": "string", "maxLength": limit, "description": description}


def relationship_schema() -> dict:
    contact = {
        "type": "object",
        "required": ["name", *relationship.INDICATORS],
        "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": 30, "description": "姓名或称呼"},
            "roles": {
                "type": "array",
                "minItems": 1,
                "uniqueItems": True,
                "items": {"enum": list(relationship.ROLES) + list(relationship.ROLE_ALIASES)},
                "description": "这一单里的角色，可多选；gatekeeper 即 technical_evaluator（技术把关人）",
            },
            "role": {
                "enum": list(relationship.ROLES) + list(relationship.ROLE_ALIASES),
                "description": "旧格式：一个角色；有 roles 时不用",
            },
            "trust": _rating("信任"),
            "rapport": _rating("融洽"),
            "frequency": _rating("接触频率"),
            "value": _rating("性价比优势（按这位联系人的看法）"),
            "fit": _rating("方案契合（按这位联系人的看法）"),
            "promises": _rating("履约记录（按这位联系人的看法）"),
            "stance": {"enum": ["", *relationship.STANCES], "description": "对这一单的立场；空字符串表示未评估"},
            "influence": {
                "enum": ["", *relationship.INFLUENCES],
                "description": "对这一单的影响力；空字符串表示未评估",
            },
            "rival": _text("和哪家对手走得近", relationship.MAX_RIVAL),
            "veto": _text("他说过会让他换掉你的条件", relationship.MAX_VETO),
            "keep_formal": {"type": "boolean", "description": "只保持正式往来（例如他提过不当要求）"},
        },
        "anyOf": [{"required": ["roles"]}, {"required": ["role"]}],
        "additionalProperties": False,
    }
    return {
        "title": "关系分析工具的输入",
        "description": "一个客户的联系人，每人六项 1 到 5 分的打分，以及这一单的角色、立场和对手关系。",
        "type": "object",
        "required": ["contacts"],
        "properties": {
            "contacts": {"type": "array", "minItems": 1, "maxItems": relationship.MAX_CONTACTS, "items": contact}
        },
        "additionalProperties": False,
    }


def purchase_schema() -> dict:
    side = {
        "type": "object",
        "required": list(purchase.FACTORS),
        "properties": {
            "risk": _rating("采购风险"),
            "benefit": _rating("采购收益"),
            "switching": _rating("转换成本"),
        },
        "additionalProperties": False,
    }
    answer = {"enum": [*purchase.ALIGNMENTS, UNKNOWN]}
    return {
        "title": "采购因素分析工具的输入",
        "description": (
            "一笔采购：销售类型，组织和经办人个人在采购三要素上的打分，规则一的三个回答，以及这笔生意的情况和对手。"
        ),
        "type": "object",
        "required": ["sale_type", "organisation", "individual", "alignment"],
        "properties": {
            "sale_type": {"enum": [*purchase.SALE_TYPES, UNKNOWN], "description": "销售类型"},
            "organisation": side,
            "individual": side,
            "alignment": {
                "type": "object",
                "required": list(purchase.FACTORS),
                "properties": {factor: answer for factor in purchase.FACTORS},
                "additionalProperties": False,
                "description": "规则一：这一项让他个人和组织看好同一家（same），还是不同的供应商（different）",
            },
            "holding": {
                "enum": [*purchase.HOLDINGS, UNKNOWN],
                "description": "这笔生意现在：我们在供货（incumbent，不填时按此），还是别家在供货（challenger）",
            },
            "risk_source": {
                "enum": [*purchase.RISK_SOURCES, UNKNOWN],
                "description": "经办人个人怕的是什么：产品、交货，还是价格被上级质疑",
            },
            "rivals": {
                "type": "array",
                "maxItems": purchase.MAX_RIVALS,
                "items": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {
                        "name": {"type": "string", "minLength": 1, "maxLength": purchase.MAX_RIVAL_NAME},
                        "offer": _text("对手的条件", purchase.MAX_OFFER),
                    },
                    "additionalProperties": False,
                },
            },
        },
        "additionalProperties": False,
    }


SCHEMAS = {"relationship-map": relationship_schema, "purchase-factors": purchase_schema}


def schema_text(kind: str) -> str:
    return json.dumps(SCHEMAS[kind](), ensure_ascii=False, indent=2) + "\n"


def schema_path(kind: str) -> Path:
    return SCHEMA_DIR / f"{kind}.schema.json"


def write_schemas() -> list[Path]:
    SCHEMA_DIR.mkdir(exist_ok=True)
    written = []
    for kind in SCHEMAS:
        schema_path(kind).write_text(schema_text(kind), encoding="utf-8")
        written.append(schema_path(kind))
    return written
