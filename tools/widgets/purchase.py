"""Purchase-factor analysis: where the buyer's and the organisation's interests part, and
what that means for personal relationships, hospitality and departing reps.

The rules are chapter 2's (section ``purchase-factors-widget-rules``), rules one to four.
Rule one asks, for each factor, whether it points the buyer and his organisation to the
same supplier: that is a judgement the reader makes and enters (``alignment``), not
something the two ratings can tell (they say how much each side cares, not whom the
factor favours).
"""

from tools.widgets import ratings

FACTORS = ("risk", "benefit", "switching")
SIDES = ("organisation", "individual")
SALE_TYPES = ("undifferentiated", "brand", "company")
LEVELS = ("low", "medium", "high")
BASE_LEVEL = {"undifferentiated": 2, "brand": 1, "company": 0}  # index into LEVELS
# Rule one's answer per factor: the buyer's own interest points to the same supplier as the
# organisation's, or to a different one (also when the organisation's ledger does not tell
# the suppliers apart and only his own preference does).
ALIGNMENTS = ("same", "different")


def read_input(raw):
    """Clean input (or None) and the errors found."""
    if not isinstance(raw, dict):
        return None, [("", "input_shape", {"detail": "应是一个对象"})]
    errors = []
    sale_type = ratings.read_choice(raw.get("sale_type"), SALE_TYPES)
    if sale_type is None:
        errors.append(("sale_type", "sale_type_unknown", {}))
    clean = {"sale_type": sale_type}
    for side in SIDES:
        given = raw.get(side)
        if not isinstance(given, dict):
            errors.append((side, "input_shape", {"detail": side + " 应是一个对象"}))
            continue
        values = {}
        for factor in FACTORS:
            value, problem = ratings.read_rating(given.get(factor))
            if problem is not None:
                params = {"side": side, "factor": factor}
                params.update(problem[1])
                errors.append((side + "." + factor, problem[0], params))
            else:
                values[factor] = value
        clean[side] = values
    given = raw.get("alignment")
    given = given if isinstance(given, dict) else {}
    alignment = {}
    for factor in FACTORS:
        answer = ratings.read_choice(given.get(factor), ALIGNMENTS)
        if answer is None:
            errors.append(("alignment." + factor, "alignment_unknown", {"factor": factor}))
        else:
            alignment[factor] = answer
    clean["alignment"] = alignment
    if errors:
        return None, errors
    return clean, []


def analyse(clean):
    """Rules one to four for one purchase."""
    org = clean["organisation"]
    person = clean["individual"]
    factors = []
    for factor in FACTORS:
        factors.append(
            {
                "factor": factor,
                "organisation": org[factor],
                "individual": person[factor],
                "alignment": clean["alignment"][factor],
                "diverges": clean["alignment"][factor] == "different",
            }
        )
    weight = relationship_weight(clean["sale_type"], person["risk"], org["switching"])
    return {
        "sale_type": clean["sale_type"],
        "organisation": org,
        "individual": person,
        "factors": factors,
        "divergent": [f["factor"] for f in factors if f["diverges"]],
        "weight": weight,
        "emphases": emphases(clean, factors),
        "hospitality": weight["level"],
        "departing": departing_risk(weight["level"], org["switching"]),
    }


def relationship_weight(sale_type, individual_risk, org_switching):
    """Rule two: base level by sale type, one up for a risky buyer, one down for high
    switching cost, clamped only after both steps (so up and down cancel out)."""
    base = BASE_LEVEL[sale_type]
    raw = base
    up = individual_risk >= 4
    down = org_switching >= 4
    if up:
        raw += 1
    if down:
        raw -= 1
    level = min(max(raw, 0), len(LEVELS) - 1)
    clamped = ""
    if raw > level:
        clamped = "high"
    elif raw < level:
        clamped = "low"
    return {
        "base": LEVELS[base],
        "up": up,
        "down": down,
        "clamped": clamped,
        "level": LEVELS[level],
        "individual_risk": individual_risk,
        "org_switching": org_switching,
    }


def emphases(clean, factors):
    """Rule three: every condition that holds gives its advice, in the chapter's order."""
    found = []
    if clean["individual"]["risk"] >= 4:
        found.append({"code": "lower_individual_risk", "rating": clean["individual"]["risk"]})
    if clean["sale_type"] == "undifferentiated":
        found.append({"code": "company_difference"})
    if clean["organisation"]["switching"] <= 2:
        found.append({"code": "raise_switching", "rating": clean["organisation"]["switching"]})
    divergent = [f["factor"] for f in factors if f["diverges"]]
    if divergent:
        found.append({"code": "divergent_concerns", "factors": divergent})
    return found


def departing_risk(level, org_switching):
    """Rule four, second line: the risk that customers follow a departing rep."""
    if level == "high" and org_switching <= 2:
        return {"level": "high", "reason": "high_weight_low_switching", "switching": org_switching}
    if level == "low":
        return {"level": "low", "reason": "low_weight", "switching": org_switching}
    if org_switching >= 4:
        return {"level": "low", "reason": "high_switching", "switching": org_switching}
    return {"level": "medium", "reason": "other", "switching": org_switching}
