"""The widgets' rules (chapters 2 and 3), their input checks and their output, in CPython.

Properties are checked with hypothesis over arbitrary inputs: the analysis never raises,
never lets markup through, and agrees with the chapters' rules stated independently here.
"""

from __future__ import annotations

import json
import re
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tools.widgets import api, purchase, ratings, relationship, state, svg, zh

INDICATORS = relationship.INDICATORS


def contact(name="甲", role="purchasing_manager", **values):
    base = dict.fromkeys(INDICATORS, 3)
    base.update(values)
    return {"name": name, "role": role, **base}


def rel(*contacts):
    return api.analyse("relationship-map", {"contacts": list(contacts)})


def pf(sale_type, org, ind, different=(), **extra):
    keys = purchase.FACTORS
    return api.analyse(
        "purchase-factors",
        {
            "sale_type": sale_type,
            "organisation": dict(zip(keys, org, strict=True)),
            "individual": dict(zip(keys, ind, strict=True)),
            "alignment": {k: "different" if k in different else "same" for k in keys},
            **extra,
        },
    )


# ---------------------------------------------------------------- relationship map rules
def test_chapter_3_worked_example():
    result = rel(*zh.PRESETS["relationship-map"][0][2]["contacts"])
    assert result["errors"] == []
    rows = result["analysis"]["contacts"]
    assert [(c["name"], c["personal_score"], c["org_score"], c["type"]) for c in rows] == [
        ("甲", "4.33", "2.33", "friend"),
        ("乙", "2.33", "3.67", "supplier"),
        ("丙", "1.33", "2.33", "outsider"),
    ]
    assert [w["code"] for w in result["analysis"]["warnings"]] == ["decision_maker_outsider"]


@pytest.mark.parametrize(
    ("personal", "org", "kind"),
    [
        ((3, 3, 3), (3, 3, 3), "outsider"),  # the middle of the scale is not high (review P4)
        ((3, 3, 4), (3, 3, 4), "partner"),  # 3.33 is above the middle
        ((3, 3, 4), (3, 3, 3), "friend"),
        ((3, 3, 3), (4, 3, 3), "supplier"),
        ((1, 1, 1), (1, 1, 1), "outsider"),
        ((5, 5, 5), (5, 5, 5), "partner"),
    ],
)
def test_high_means_a_mean_above_the_middle(personal, org, kind):
    values = dict(zip(INDICATORS, personal + org, strict=True))
    assert rel(contact(**values))["analysis"]["contacts"][0]["type"] == kind


def test_warnings_follow_chapter_3():
    friend = contact("甲", "purchasing_manager", trust=4, rapport=4, frequency=4, value=2, fit=2, promises=2)
    outsider_boss = contact("丙", "decision_maker", trust=1, rapport=1, frequency=1, value=1, fit=1, promises=1)
    partner_boss = contact("丁", "decision_maker", trust=4, rapport=4, frequency=4, value=4, fit=4, promises=4)
    codes = lambda r: [w["code"] for w in r["analysis"]["warnings"]]  # noqa: E731
    assert codes(rel(friend)) == ["no_decision_maker", "single_thread"]
    assert codes(rel(friend, outsider_boss)) == ["decision_maker_outsider", "single_thread"]
    assert codes(rel(friend, partner_boss)) == []
    assert codes(rel(partner_boss)) == ["single_thread"]
    # Nobody above outsider: "exactly one" does not hold, so no single-thread warning.
    assert codes(rel(outsider_boss)) == ["decision_maker_outsider"]


def test_next_actions_target_the_weak_side():
    friend = rel(contact(trust=4, rapport=4, frequency=4, value=2, fit=3, promises=1))["analysis"]["contacts"][0]
    assert friend["actions"] == ["promises", "value"]  # below 3, weakest first
    supplier = rel(contact(trust=3, rapport=2, frequency=3, value=4, fit=4, promises=4))["analysis"]["contacts"][0]
    assert supplier["actions"] == ["rapport"]
    # A weak side with nothing below 3 (mean 2.67 from 3+3+2 would have one): lowest one.
    partner = rel(contact(**dict.fromkeys(INDICATORS, 4)))["analysis"]["contacts"][0]
    assert partner["actions"] == ["promises", "widen"]


def test_results_say_why_and_link_the_rules():
    result = rel(contact(trust=4, rapport=5, frequency=4, value=2, fit=3, promises=2))
    html = api.render("relationship-map", result, links={"rel-rules": "../rt.html#rules"})
    assert "（信任 4 + 融洽 5 + 接触频率 4）÷ 3 = 4.33" in html
    assert '<a href="../rt.html#rules">' in html
    assert "朋友" in html


def test_chart_axes_are_chapter_3s():
    """Review T5: the chart is chapter 3's two-by-two, personal relationship across and
    organisational value up, so 朋友 is bottom right and 供应商 top left, as in the figure."""
    friend = contact("友", trust=5, rapport=5, frequency=5, value=1, fit=1, promises=1)
    supplier = contact("供", trust=1, rapport=1, frequency=1, value=5, fit=5, promises=5)
    chart = svg.relationship_chart(rel(friend, supplier)["analysis"]["contacts"], zh, "c")
    points = {
        kind: (int(x), int(y))
        for kind, x, y in re.findall(r'<g class="point" data-type="(\w+)"><circle cx="(\d+)" cy="(\d+)"', chart)
    }
    lines = re.findall(r'<line class="threshold" x1="(\d+)" y1="(\d+)" x2="(\d+)" y2="(\d+)"', chart)
    mid_x = next(int(x1) for x1, _y1, x2, _y2 in lines if x1 == x2)
    mid_y = next(int(y1) for _x1, y1, _x2, y2 in lines if y1 == y2)
    assert points["friend"][0] > mid_x and points["friend"][1] > mid_y  # right, lower half
    assert points["supplier"][0] < mid_x and points["supplier"][1] < mid_y  # left, upper half
    quadrants = re.findall(r'<text class="quadrant" x="(\d+)" y="(\d+)"[^>]*>(\w+)<', chart)
    labels = {text: (int(x), int(y)) for x, y, text in quadrants}
    assert labels["朋友"][0] > mid_x and labels["朋友"][1] > mid_y
    assert labels["供应商"][0] < mid_x and labels["供应商"][1] < mid_y
    assert "横轴是个人分" in chart and zh.REL["chart_x"].startswith("个人关系")


# ---------------------------------------------------------------- purchase-factor rules
def test_chapter_2_worked_example():
    result = pf("undifferentiated", (2, 3, 1), (4, 3, 2), different=("risk",), risk_source="product")
    assert (
        result["analysis"]
        == api.analyse("purchase-factors", api.preset_form("purchase-factors", "worked-example"))["analysis"]
    )
    a = result["analysis"]
    assert a["divergent"] == ["risk"]
    assert a["weight"]["level"] == "high" and a["weight"]["clamped"] == "high"
    assert [e["code"] for e in a["emphases"]] == [
        "lower_individual_risk",
        "company_difference",
        "raise_switching",
        "divergent_concerns",
    ]
    assert a["hospitality"] == "high"
    assert a["departing"]["level"] == "high"


def test_rule_one_asks_whether_the_factor_points_to_different_suppliers():
    """Review A3: divergence is whether the buyer's and the organisation's interests point to
    different suppliers, which the reader judges; the two ratings' gap does not decide it."""
    far_apart_same_supplier = pf("brand", (1, 3, 3), (5, 3, 3))["analysis"]
    assert far_apart_same_supplier["divergent"] == []
    equal_but_different = pf("brand", (3, 3, 3), (3, 3, 3), different=("benefit",))["analysis"]
    assert equal_but_different["divergent"] == ["benefit"]
    assert [e["code"] for e in equal_but_different["emphases"]] == ["divergent_concerns"]
    html = api.render("purchase-factors", pf("brand", (3, 3, 3), (3, 3, 3), different=("benefit",)))
    assert "不同的供应商" in html and "相差" not in html


def test_rule_one_answers_are_asked_for():
    raw = api.preset_form("purchase-factors", "worked-example")
    raw["alignment"] = {"risk": "different", "benefit": "maybe"}
    result = api.analyse("purchase-factors", raw)
    assert result["analysis"] is None
    assert [(e["field"], e["code"]) for e in result["errors"]] == [
        ("alignment.benefit", "alignment_unknown"),
        ("alignment.switching", "alignment_unknown"),
    ]
    assert "采购收益" in result["errors"][0]["message"] and "同一家" in result["errors"][0]["message"]


@pytest.mark.parametrize("level", ["low", "medium", "high"])
def test_rule_four_never_presents_hospitality_as_winning_orders(level):
    """Compliance: hospitality is the setting for business under rules, at every weight."""
    sale_type = {"low": "company", "medium": "brand", "high": "undifferentiated"}[level]
    result = pf(sale_type, (3, 3, 3), (3, 3, 3))
    assert result["analysis"]["hospitality"] == level
    html = api.render("purchase-factors", result, links={"pf-compliance": "../pf.html#compliance"})
    advice = zh.HOSPITALITY[level]
    for phrase in ("换来订单", "换不来订单", "可能起作用", "物有所值", "拨向", "适度即可", "有用"):
        assert phrase not in advice, phrase
    rules = ("价值合理", "事先审批并登记", "现金等价物", "从客户筹划招标起到签约不招待")
    rules += ("客户自己的规定", "国有客户从严", "商业贿赂")
    for rule in rules:
        assert rule in html, rule
    assert '<a href="../pf.html#compliance">' in html


def test_weight_clamps_after_both_steps():
    # Base high, +1 (risky buyer), -1 (high switching cost): "一升一降，等于不变".
    assert pf("undifferentiated", (3, 3, 4), (4, 3, 3))["analysis"]["weight"]["level"] == "high"
    assert pf("company", (3, 3, 4), (4, 3, 3))["analysis"]["weight"]["level"] == "low"
    assert pf("company", (3, 3, 4), (2, 3, 3))["analysis"]["weight"]["level"] == "low"
    assert pf("brand", (3, 3, 3), (4, 3, 3))["analysis"]["weight"]["level"] == "high"
    assert pf("brand", (3, 3, 5), (1, 3, 3))["analysis"]["weight"]["level"] == "low"


@pytest.mark.parametrize(
    ("sale_type", "org_switching", "ind_risk", "level"),
    [
        ("undifferentiated", 2, 3, "high"),
        ("undifferentiated", 3, 3, "medium"),  # high weight but switching 3: "其余情况"
        ("undifferentiated", 4, 4, "low"),  # switching >= 4
        ("company", 1, 1, "low"),  # low weight
        ("brand", 1, 3, "medium"),
    ],
)
def test_departing_rep_risk(sale_type, org_switching, ind_risk, level):
    result = pf(sale_type, (3, 3, org_switching), (ind_risk, 3, 3))
    assert result["analysis"]["departing"]["level"] == level


# ---------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    ("value", "code"),
    [
        (0, "rating_range"),
        (6, "rating_range"),
        ("9", "rating_range"),
        ("-1", "rating_range"),
        ("3.5", "rating_not_integer"),
        (2.5, "rating_not_integer"),
        ("abc", "rating_not_number"),
        ("４", "rating_not_number"),  # full-width digit: not accepted, and said so
        (True, "rating_not_number"),
        ([], "rating_not_number"),
        ("", "rating_missing"),
        (None, "rating_missing"),
    ],
)
def test_bad_ratings_are_named(value, code):
    result = rel(contact(trust=value), contact("乙"))
    [error] = result["errors"]
    assert (error["field"], error["code"]) == ("contacts.0.trust", code)
    assert "第 1 位联系人（甲）" in error["message"] and "信任" in error["message"]
    # The other contact is still analysed.
    assert [c["name"] for c in result["analysis"]["contacts"]] == ["乙"]


def test_names_roles_and_counts():
    long_name = "很" * 31
    result = rel(contact(name="  "), contact(name=long_name), contact(role="boss"), contact(name=5))
    assert [(e["field"], e["code"]) for e in result["errors"]] == [
        ("contacts.0.name", "name_empty"),
        ("contacts.1.name", "name_too_long"),
        ("contacts.2.role", "role_unknown"),
        ("contacts.3.name", "name_not_text"),
    ]
    assert "31" in result["errors"][1]["message"]
    assert result["analysis"] is None
    many = rel(*[contact(name=f"人{i}") for i in range(15)])
    assert many["errors"][0]["code"] == "too_many_contacts"
    assert len(many["analysis"]["contacts"]) == relationship.MAX_CONTACTS
    assert api.analyse("relationship-map", {"contacts": []})["errors"][0]["code"] == "no_contacts"
    assert api.analyse("relationship-map", "nonsense")["errors"][0]["code"] == "input_shape"
    assert api.analyse("purchase-factors", {"sale_type": "cheap"})["errors"][0]["code"] == "sale_type_unknown"


def test_markup_in_names_is_escaped_everywhere():
    evil = '<img src=x onerror="alert(1)">'
    result = rel(contact(name=evil, role="decision_maker"))
    html = api.render("relationship-map", result)
    assert "<img" not in html and "&lt;img src=x" in html
    bad = rel(contact(name=evil, trust=9))
    assert "<img" not in api.render("relationship-map", bad)


def test_unknown_widget_and_language_are_errors():
    with pytest.raises(ValueError, match="unknown widget"):
        api.analyse("pie-chart", {})
    with pytest.raises(ValueError, match="no texts for language"):
        api.strings_for("fr")


# ---------------------------------------------------------------- links (shared URLs)
def test_link_round_trip_and_presets():
    data = state.preset_data("relationship-map", "pinacor-before", zh)
    form, problems = state.from_link("relationship-map", json.dumps(data, ensure_ascii=False), zh)
    assert problems == [] and form["contacts"][0]["trust"] == "2"
    assert api.analyse("relationship-map", form) == api.analyse("relationship-map", data)
    named, problems = state.from_link("relationship-map", "preset:pinacor-before", zh)
    assert named == form and problems == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("{not json", "preset_unreadable"),
        ("[1, 2]", "preset_unreadable"),
        ("[" * 5000 + "]" * 5000, "preset_too_long"),
        ("[" * 3000 + "]" * 3000, "preset_unreadable"),
        ("preset:nope", "preset_unknown"),
    ],
)
def test_tampered_links_say_so(text, code):
    form, problems = state.from_link("relationship-map", text, zh)
    assert form is None and problems[0][1] == code
    notices = json.loads(api.link_json("relationship-map", text))["notices"]
    assert notices and "预设" in notices[0]


@pytest.mark.parametrize("text", ["{}", '{"contacts": []}', '{"contacts": "x"}', "null", '"x"'])
def test_a_link_without_contacts_keeps_the_form(text):
    """Reliability D2: nothing to fill in means the page keeps its inputs and says so."""
    form, problems = state.from_link("relationship-map", text, zh)
    assert form is None and problems
    reply = json.loads(api.link_json("relationship-map", text))
    assert reply["form"] is None and "保留了原来的输入" in reply["notices"][0]


def test_fields_not_yet_touched_are_not_reported():
    """A new contact's empty fields are not mistakes yet: their errors are held back and
    counted; errors of touched fields and of the whole input are shown."""
    form = api.preset_form("relationship-map", "worked-example")
    form["contacts"].append(api.blank_form("relationship-map")["contacts"][0])
    pending = [f"contacts.3.{key}" for key in ("name", "roles", *INDICATORS)]
    out = json.loads(api.run_json("relationship-map", json.dumps(form), "{}", "w", "zh", json.dumps(pending)))
    assert out["errors"] == []
    assert "还有 8 项没有填写" in out["html"] and "widget-errors" not in out["html"]
    touched = json.loads(api.run_json("relationship-map", json.dumps(form), "{}", "w", "zh", json.dumps(pending[1:])))
    assert [e["field"] for e in touched["errors"]] == ["contacts.3.name"]
    assert "还有 7 项没有填写" in touched["html"]
    # Without a list of untouched fields (the CLI, a shared link) every error is reported.
    everything = json.loads(api.run_json("relationship-map", json.dumps(form), "{}", "w"))
    assert len(everything["errors"]) == 8


def test_link_with_odd_values_becomes_fields_then_errors():
    text = json.dumps({"contacts": [{"name": "x" * 500, "role": ["a"], "trust": {"b": 1}}] * 13})
    form, problems = state.from_link("relationship-map", text, zh)
    assert problems[0][1] == "too_many_contacts"
    assert len(form["contacts"]) == 12 and len(form["contacts"][0]["name"]) == state.FIELD_LIMIT
    codes = {e["code"] for e in api.analyse("relationship-map", form)["errors"]}
    assert {"name_too_long", "role_unknown", "rating_missing"} <= codes


# ---------------------------------------------------------------- properties
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10) | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
raw_contact = st.fixed_dictionaries(
    {"name": st.one_of(st.text(max_size=40), json_values), "role": st.sampled_from(relationship.ROLES + ("x",))},
    optional={key: st.one_of(st.integers(0, 6), st.text(max_size=4), json_values) for key in INDICATORS},
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(json_values, st.fixed_dictionaries({"contacts": st.lists(raw_contact, max_size=14)})))
def test_relationship_never_raises_and_never_leaks_markup(raw):
    result = api.analyse("relationship-map", raw)
    html = api.render("relationship-map", result)
    assert "<script" not in html.lower() and "<img" not in html.lower()
    json.dumps(result)  # serialisable, as the CLI and the browser need
    if result["analysis"] is not None:
        assert len(result["analysis"]["contacts"]) <= relationship.MAX_CONTACTS


valid_ratings = st.integers(ratings.RATING_MIN, ratings.RATING_MAX)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(*[valid_ratings] * 6, st.sampled_from(relationship.ROLES)), min_size=1, max_size=12))
def test_relationship_matches_the_written_rules(rows):
    contacts = [
        contact(f"人{i}", role, **dict(zip(INDICATORS, values, strict=True))) for i, (*values, role) in enumerate(rows)
    ]
    result = rel(*contacts)
    assert result["errors"] == []
    analysed = result["analysis"]["contacts"]
    for (*values, _role), c in zip(rows, analysed, strict=True):
        personal, org = Fraction(sum(values[:3]), 3), Fraction(sum(values[3:]), 3)
        expected = {(True, True): "partner", (True, False): "friend", (False, True): "supplier"}.get(
            (personal > 3, org > 3), "outsider"
        )
        assert c["type"] == expected
        assert c["personal_score"] == f"{float(personal):.2f}"  # thirds never sit on a rounding half
    above = [c for c in analysed if c["type"] != "outsider"]
    warned = {w["code"] for w in result["analysis"]["warnings"]}
    assert ("single_thread" in warned) == (len(above) == 1)
    deciders = [c for c in analysed if c["role"] == "decision_maker"]
    assert ("no_decision_maker" in warned) == (not deciders)
    assert ("decision_maker_outsider" in warned) == bool(deciders and all(c["type"] == "outsider" for c in deciders))


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(purchase.SALE_TYPES),
    st.tuples(*[valid_ratings] * 3),
    st.tuples(*[valid_ratings] * 3),
    st.sets(st.sampled_from(purchase.FACTORS)),
)
def test_purchase_matches_the_written_rules(sale_type, org, ind, different):
    a = pf(sale_type, org, ind, different)["analysis"]
    base = {"undifferentiated": 2, "brand": 1, "company": 0}[sale_type]
    level = ("low", "medium", "high")[min(2, max(0, base + (ind[0] >= 4) - (org[2] >= 4)))]
    assert a["weight"]["level"] == level == a["hospitality"]
    assert a["divergent"] == [f for f in purchase.FACTORS if f in different]
    if level == "high" and org[2] <= 2:
        assert a["departing"]["level"] == "high"
    elif level == "low" or org[2] >= 4:
        assert a["departing"]["level"] == "low"
    else:
        assert a["departing"]["level"] == "medium"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_link_text_is_handled(text):
    reply = json.loads(api.link_json("purchase-factors", text))
    assert reply["form"] is not None or reply["notices"]
