"""Purchase-factor analysis: where the buyer's and the organisation's interests part, and
what that means for personal relationships, hospitality and departing reps.

The rules are written out on the tool's page (section ``widget-purchase-factors-rules``)
and summarised in chapter 2: rules one to four. Rule one asks, for each factor, whether it
points the buyer and his organisation to the same supplier: that is a judgement the reader
makes and enters (``alignment``), not something the two ratings can tell.

What a real deal adds, each checked against chapters 2, 7 and 8:
- any rating or answer may be ``unknown``: a rule whose answer the unknowns could change
  says so (with the range it could take) and each unknown becomes a question to find out;
- ``holding``: whether we hold this business today (``incumbent``, the first format's
  assumption) or are trying to take it from another supplier (``challenger``); the
  departing-rep rule is about our own reps only when we hold it;
- ``risk_source``: what the buyer's personal risk is about (the product, delivery, the
  price he must defend); rule three's remedy follows it;
- ``rivals``: who else is in the deal and what they offer (chapter 7: answer with the full
  cost, not a price war).
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
HOLDINGS = ("incumbent", "challenger")
RISK_SOURCES = ("product", "delivery", "cost")
UNKNOWN = ratings.UNKNOWN
MAX_RIVALS = 5
MAX_RIVAL_NAME = 30
MAX_OFFER = 80


def read_choice_or_unknown(value, codes, default):
    """A code of ``codes``, ``UNKNOWN``, ``default`` when absent, or None when wrong."""
    if value is None or value == "":
        return default
    if ratings.is_unknown(value):
        return UNKNOWN
    return ratings.read_choice(value, codes)


def read_rivals(given, errors):
    """The deal's rivals: ``[{"name", "offer"}]``, rows without a name left out."""
    if given is None:
        return []
    if not isinstance(given, list):
        errors.append(("rivals", "input_shape", {"detail": "rivals 应是一个列表"}))
        return []
    if len(given) > MAX_RIVALS:
        errors.append(("rivals", "too_many_rivals", {"max": MAX_RIVALS, "count": len(given)}))
        given = given[:MAX_RIVALS]
    found = []
    for i in range(len(given)):
        entry = given[i] if isinstance(given[i], dict) else {}
        name, problem = ratings.read_text(entry.get("name"), MAX_RIVAL_NAME)
        offer, offer_problem = ratings.read_text(entry.get("offer"), MAX_OFFER)
        for key, bad in (("name", problem), ("offer", offer_problem)):
            if bad is not None:
                params = {"n": i + 1, "what": "rival_" + key}
                params.update(bad[1])
                errors.append(("rivals.%d.%s" % (i, key), bad[0], params))
        if problem is None and offer_problem is None and name:
            found.append({"name": name, "offer": offer})
        elif problem is None and offer_problem is None and offer:
            errors.append(("rivals.%d.name" % i, "rival_name_missing", {"n": i + 1}))
    return found


def read_input(raw):
    """Clean input (or None) and the errors found."""
    if not isinstance(raw, dict):
        return None, [("", "input_shape", {"detail": "应是一个对象"})]
    errors = []
    sale_type = raw.get("sale_type")
    sale_type = UNKNOWN if ratings.is_unknown(sale_type) else ratings.read_choice(sale_type, SALE_TYPES)
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
            value, problem = ratings.read_rating_or_unknown(given.get(factor))
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
        answer = given.get(factor)
        answer = UNKNOWN if ratings.is_unknown(answer) else ratings.read_choice(answer, ALIGNMENTS)
        if answer is None:
            errors.append(("alignment." + factor, "alignment_unknown", {"factor": factor}))
        else:
            alignment[factor] = answer
    clean["alignment"] = alignment
    # The first format had neither: it assumed a business we hold, and named no source.
    clean["holding"] = read_choice_or_unknown(raw.get("holding"), HOLDINGS, "incumbent")
    if clean["holding"] is None:
        errors.append(("holding", "holding_unknown", {}))
    clean["risk_source"] = read_choice_or_unknown(raw.get("risk_source"), RISK_SOURCES, UNKNOWN)
    if clean["risk_source"] is None:
        errors.append(("risk_source", "risk_source_unknown", {}))
    clean["rivals"] = read_rivals(raw.get("rivals"), errors)
    if errors:
        return None, errors
    return clean, []


def analyse(clean):
    """Rules one to four for one purchase."""
    org = clean["organisation"]
    person = clean["individual"]
    factors = []
    for factor in FACTORS:
        answer = clean["alignment"][factor]
        factors.append(
            {
                "factor": factor,
                "organisation": org[factor],
                "individual": person[factor],
                "alignment": answer,
                "diverges": answer == "different",
            }
        )
    weight = relationship_weight(clean["sale_type"], person["risk"], org["switching"])
    return {
        "sale_type": clean["sale_type"],
        "holding": clean["holding"],
        "risk_source": clean["risk_source"],
        "rivals": clean["rivals"],
        "organisation": org,
        "individual": person,
        "factors": factors,
        "divergent": [f["factor"] for f in factors if f["diverges"]],
        "weight": weight,
        "emphases": emphases(clean, factors),
        "hospitality": weight["level"],
        "departing": departing(clean, weight),
        "gaps": gaps(clean),
    }


def possible(value, low=1, high=5):
    """The values an input could take: itself, or every rating when it is unknown."""
    if value == UNKNOWN:
        return list(range(low, high + 1))
    return [value]


def level_for(sale_type, individual_risk, org_switching):
    """Rule two for known inputs: (raw step count, clamped level index)."""
    raw = BASE_LEVEL[sale_type]
    if individual_risk >= 4:
        raw += 1
    if org_switching >= 4:
        raw -= 1
    return raw, min(max(raw, 0), len(LEVELS) - 1)


def relationship_weight(sale_type, individual_risk, org_switching):
    """Rule two: base level by sale type, one up for a risky buyer, one down for high
    switching cost, clamped only after both steps (so up and down cancel out). With an
    unknown input, every value it could take is tried: the level is known when they all
    agree, and otherwise ``unknown`` with the levels it could be (``range``)."""
    types = list(SALE_TYPES) if sale_type == UNKNOWN else [sale_type]
    levels = []
    for kind in types:
        for risk in possible(individual_risk):
            for switching in possible(org_switching):
                index = level_for(kind, risk, switching)[1]
                if index not in levels:
                    levels.append(index)
    levels.sort()
    if len(levels) > 1:
        return {
            "base": "" if sale_type == UNKNOWN else LEVELS[BASE_LEVEL[sale_type]],
            "up": individual_risk != UNKNOWN and individual_risk >= 4,
            "down": org_switching != UNKNOWN and org_switching >= 4,
            "clamped": "",
            "level": UNKNOWN,
            "range": [LEVELS[i] for i in levels],
            "individual_risk": individual_risk,
            "org_switching": org_switching,
        }
    # One level: the sale type is known (the three types' base levels always differ), and
    # any unknown rating could not move it, so its lowest value stands in for it.
    base = LEVELS[BASE_LEVEL[sale_type]]
    risk = individual_risk if individual_risk != UNKNOWN else 1
    switching = org_switching if org_switching != UNKNOWN else 1
    raw, level = level_for(sale_type, risk, switching)
    clamped = ""
    if raw > level:
        clamped = "high"
    elif raw < level:
        clamped = "low"
    return {
        "base": base,
        "up": individual_risk != UNKNOWN and individual_risk >= 4,
        "down": org_switching != UNKNOWN and org_switching >= 4,
        "clamped": clamped,
        "level": LEVELS[level],
        "range": [LEVELS[level]],
        "individual_risk": individual_risk,
        "org_switching": org_switching,
    }


def emphases(clean, factors):
    """Rule three: every condition that holds gives its advice, in the chapter's order. A
    condition that rests on an unknown input is not given: the input is a gap instead."""
    found = []
    risk = clean["individual"]["risk"]
    if risk != UNKNOWN and risk >= 4:
        found.append({"code": "lower_individual_risk", "rating": risk, "source": clean["risk_source"]})
    if clean["sale_type"] == "undifferentiated":
        found.append({"code": "company_difference"})
    switching = clean["organisation"]["switching"]
    if switching != UNKNOWN and switching <= 2:
        found.append({"code": "raise_switching", "rating": switching})
    divergent = [f["factor"] for f in factors if f["diverges"]]
    if divergent:
        found.append({"code": "divergent_concerns", "factors": divergent})
    offers = [r for r in clean["rivals"] if r["offer"]]
    if offers:
        # Defending a business we hold is chapter 7's answer to an attack; taking one from
        # its supplier is not a price war either, but the cost of switching is ours to carry.
        code = "challenge_rivals" if clean["holding"] == "challenger" else "answer_rivals"
        found.append({"code": code, "rivals": offers})
    return found


def departing_risk(level, org_switching):
    """Rule four, second line, for a business we hold and known inputs."""
    if level == "high" and org_switching <= 2:
        return {"level": "high", "reason": "high_weight_low_switching", "switching": org_switching}
    if level == "low":
        return {"level": "low", "reason": "low_weight", "switching": org_switching}
    if org_switching >= 4:
        return {"level": "low", "reason": "high_switching", "switching": org_switching}
    return {"level": "medium", "reason": "other", "switching": org_switching}


def departing(clean, weight):
    """Rule four, second line: the risk that customers follow a departing rep. It is about
    our reps only when we hold the business; for a challenger it reads the other way (how
    far the incumbent's hold rests on one person), and with unknown inputs every value they
    could take is tried."""
    switching = clean["organisation"]["switching"]
    if clean["holding"] == "challenger":
        return {"level": "none", "reason": "challenger", "switching": switching}
    if clean["holding"] == UNKNOWN:
        return {"level": UNKNOWN, "reason": "unknown_holding", "switching": switching}
    answers = []
    types = list(SALE_TYPES) if clean["sale_type"] == UNKNOWN else [clean["sale_type"]]
    for kind in types:
        for risk in possible(clean["individual"]["risk"]):
            for value in possible(switching):
                level = LEVELS[level_for(kind, risk, value)[1]]
                answer = departing_risk(level, value)
                if answer["level"] not in [a["level"] for a in answers]:
                    answers.append(answer)
    if len(answers) > 1:
        return {"level": UNKNOWN, "reason": "unknown", "switching": switching}
    if switching == UNKNOWN or weight["level"] == UNKNOWN:
        # Every value the unknowns could take gives the same answer; say so, not a reason
        # that quotes a rating nobody gave.
        return {"level": answers[0]["level"], "reason": "settled", "switching": switching}
    return departing_risk(weight["level"], switching)


def gaps(clean):
    """The inputs marked unknown, in the form's order, as ``side.factor`` paths."""
    found = []
    if clean["sale_type"] == UNKNOWN:
        found.append("sale_type")
    for side in SIDES:
        for factor in FACTORS:
            if clean[side][factor] == UNKNOWN:
                found.append(side + "." + factor)
    for factor in FACTORS:
        if clean["alignment"][factor] == UNKNOWN:
            found.append("alignment." + factor)
    if clean["holding"] == UNKNOWN:
        found.append("holding")
    risk = clean["individual"]["risk"]
    if clean["risk_source"] == UNKNOWN and risk != UNKNOWN and risk >= 4:
        found.append("risk_source")
    return found
