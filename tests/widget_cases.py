"""The tools' cases, written from the chapters: inputs, the cell or verdicts, and the
sentences that must and must not appear in the result the reader sees.

Each case is an account a new hire meets (the course's own, or one it never mentions),
tried against what chapters 2, 3, 5, 7 and 8 say. The same table runs in CPython
(test_widget_cases.py), under MicroPython (test_widget_parity.py) and in the browser's
engine (test_widget_browser.py), so the three cannot drift apart.
"""

from __future__ import annotations

RATINGS = ("trust", "rapport", "frequency", "value", "fit", "promises")


def person(name, roles, personal, org, **extra):
    row = {"name": name, "roles": list(roles) if isinstance(roles, tuple | list) else [roles]}
    row.update(zip(RATINGS, (*personal, *org), strict=True))
    row.update(extra)
    return row


def deal(sale_type, org, ind, alignment=("same", "same", "same"), **extra):
    keys = ("risk", "benefit", "switching")
    data = {
        "sale_type": sale_type,
        "organisation": dict(zip(keys, org, strict=True)),
        "individual": dict(zip(keys, ind, strict=True)),
        "alignment": dict(zip(keys, alignment, strict=True)),
    }
    data.update(extra)
    return data


# (name, kind, input, expected): expected holds "types" (relationship map: each contact's
# cell), "warnings", "weight", "departing", and "must" / "must_not": sentences of the
# result's text.
CASES = [
    (
        # The reviewer's account: product rated well, delivery 2, and a stated veto. The
        # average puts him with the suppliers; the delivery record and the veto come first.
        "veto-hides-in-an-average",
        "relationship-map",
        {
            "contacts": [
                person("闵经理", "user_department", (2, 2, 2), (4, 4, 2), veto="再晚到一次货就换供应商"),
                person("汪副总", "decision_maker", (2, 2, 2), (4, 4, 4)),
                person("蔡工", "technical_evaluator", (4, 4, 3), (4, 4, 4)),
            ]
        },
        {
            "types": ["supplier", "supplier", "partner"],
            "must": [
                "他说过：“再晚到一次货就换供应商”",
                "履约记录只有 2 分：平均分再高，这一项也要先补",
                "履约记录（2 分）",
                "组织价值再低 1 分，就成了“局外人”",
            ],
        },
    ),
    (
        "one-point-from-partner",
        "relationship-map",
        {"contacts": [person("钱经理", "purchasing_manager", (3, 3, 3), (4, 4, 4))]},
        {
            "types": ["supplier"],
            "warnings": ["no_decision_maker", "single_thread"],
            "must": ["个人关系再高 1 分，就成了“合作伙伴”"],
        },
    ),
    (
        # Never met: trust unknown, the rest low enough that it cannot matter.
        "unknown-that-cannot-matter",
        "relationship-map",
        {"contacts": [person("三厂厂长", "user_department", ("unknown", 2, 2), (4, 4, 4))]},
        {
            "types": ["supplier"],
            "must": ["有 1 项不知道，不管它们打几分都不高于 3，记为低", "信任：他上一次主动告诉你对你不利的消息"],
            "must_not": ["位置还定不下来"],
        },
    ),
    (
        "unknown-that-decides",
        "relationship-map",
        {
            "contacts": [
                person("新来的财务总监", "finance", ("unknown", 4, 4), (2, 2, 2), stance="unknown"),
                person("总经理", "decision_maker", ("unknown", "unknown", "unknown"), (3, 3, 3)),
            ]
        },
        {
            "types": ["unknown", "unknown"],
            "warnings": ["decision_maker_unknown"],
            "must": ["位置还定不下来，可能是局外人、朋友", "立场：问他本人，或问内部支持者", "决策者的位置还定不下来"],
            "must_not": ["从朋友走向合作伙伴", "整个客户只系在一个人身上"],
        },
    ),
    (
        # A buyer who hinted at a fee: kept formal, never advised to build rapport with him.
        "kept-formal-after-an-improper-request",
        "relationship-map",
        {
            "contacts": [
                person("采购部副经理", "purchasing_manager", (4, 4, 4), (2, 2, 2), keep_formal=True),
                person("财务经理", "finance", (1, 1, 1), (2, 2, 2), keep_formal=True),
                person("分管副总", "decision_maker", (4, 3, 3), (4, 4, 4)),
            ]
        },
        {
            "types": ["friend", "outsider", "partner"],
            "must": ["只保持正式往来：会面有同事在场", "不再设法拉近和他的私人关系"],
            "must_not": ["坦诚相待，记住对方关心的事", "定下固定的回访节奏", "从朋友走向合作伙伴"],
        },
    ),
    (
        "a-partner-against-this-deal",
        "relationship-map",
        {
            "contacts": [
                person(
                    "钱经理", ("purchasing_manager", "coach"), (4, 4, 4), (4, 4, 4), stance="against", influence="high"
                ),
                person(
                    "赵副总", ("decision_maker", "finance"), (2, 2, 2), (4, 4, 4), stance="supports", influence="high"
                ),
            ]
        },
        {
            "types": ["partner", "supplier"],
            "warnings": ["high_influence_against"],
            "must": ["他反对这一单：先弄清理由", "影响力高的人反对这一单：钱经理", "钱经理（采购经理、内部支持者）"],
            "must_not": ["还没有接触到决策者"],
        },
    ),
    (
        "close-to-a-rival-and-a-coach-who-asked-for-a-fee",
        "relationship-map",
        {
            "contacts": [
                person("柏总监", "purchasing_manager", (1, 1, 1), (2, 2, 2), rival="东陵"),
                person("老周", "coach", (4, 4, 4), (3, 3, 3), keep_formal=True),
                person("汪副总", "decision_maker", (1, 1, 1), (3, 3, 3)),
            ]
        },
        {
            "types": ["outsider", "friend", "outsider"],
            "warnings": ["decision_maker_outsider", "single_thread"],
            "must": ["他和东陵走得近：不在他面前贬低对手", "提过不当要求的人不能做你的内部支持者"],
        },
    ),
    (
        # The first format: one role as text, no new fields; the result is what it was.
        "first-format-still-reads",
        "relationship-map",
        {
            "contacts": [
                {
                    "name": "甲",
                    "role": "purchasing_manager",
                    "trust": 4,
                    "rapport": 5,
                    "frequency": 4,
                    "value": 2,
                    "fit": 3,
                    "promises": 2,
                },
                {
                    "name": "丙",
                    "role": "decision_maker",
                    "trust": 1,
                    "rapport": 2,
                    "frequency": 1,
                    "value": 3,
                    "fit": 2,
                    "promises": 2,
                },
            ]
        },
        {
            "types": ["friend", "outsider"],
            "warnings": ["decision_maker_outsider", "single_thread"],
            "must_not": ["先处理"],
        },
    ),
    (
        # A deal we do not hold: nothing about our own reps taking the customer with them.
        "challenger-deal",
        "purchase-factors",
        deal(
            "undifferentiated",
            (2, 2, 2),
            (3, 4, 2),
            ("same", "different", "same"),
            holding="challenger",
            rivals=[{"name": "现任供应商", "offer": "老关系，价格每年谈一次"}],
        ),
        {
            "weight": "high",
            "departing": "none",
            "must": ["这笔生意现在在别家手里", "和现任供应商比（现任供应商：老关系，价格每年谈一次），不靠压价抢进去"],
            "must_not": ["客户很可能跟着销售走", "不跟着降价"],
        },
    ),
    (
        "delivery-risk-gets-a-delivery-remedy",
        "purchase-factors",
        deal("company", (4, 4, 4), (5, 3, 3), risk_source="delivery"),
        {
            "weight": "low",
            "departing": "low",
            "must": ["怕的是交货", "把到货承诺写进合同"],
            "must_not": ["提供样板案例"],
        },
    ),
    (
        # An enterprise-difference sale lifted to medium by a risky buyer: no sentence about
        # near-identical brands.
        "company-sale-at-medium",
        "purchase-factors",
        deal("company", (3, 4, 3), (4, 3, 3), risk_source="cost"),
        {
            "weight": "medium",
            "departing": "medium",
            "must": ["个人关系有一定分量，同样不能靠招待争单。预算投到方案、演示、试用和服务上。", "价格被上级质疑"],
            "must_not": ["几家品牌相近", "功夫下在品牌"],
        },
    ),
    (
        "an-unknown-that-cannot-change-the-weight",
        "purchase-factors",
        deal("undifferentiated", (2, 3, 1), ("unknown", 3, 2), ("same", "same", "unknown")),
        {
            "weight": "high",
            "departing": "high",
            "must": ["经办人的个人风险：办砸了，他要向谁交代", "规则一（转换成本）", "个人关系的分量：高。"],
            "must_not": ["三个要素都让经办人个人和组织看好同一家"],
        },
    ),
    (
        "an-unknown-that-decides-the-weight",
        "purchase-factors",
        deal("company", (3, 4, 3), ("unknown", 3, 3), holding="unknown"),
        {
            "weight": "unknown",
            "departing": "unknown",
            "must": ["还定不下来，可能是低、中", "这笔生意现在是谁在供货"],
        },
    ),
    (
        "a-rival-offers-exclusivity",
        "purchase-factors",
        deal(
            "undifferentiated",
            (2, 2, 2),
            (3, 4, 2),
            ("same", "different", "same"),
            rivals=[{"name": "东陵", "offer": "独家两年，单价低 15%"}],
        ),
        {
            "weight": "high",
            "departing": "high",
            "must": ["回应对手的条件（东陵：独家两年，单价低 15%），不跟着降价", "对手便宜的地方照实承认"],
        },
    ),
]
