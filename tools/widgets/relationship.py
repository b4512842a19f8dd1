"""Relationship map: place each contact of an account in the relationship two-by-two.

The rules are written out on the tool's page (section ``widget-relationship-map-rules``)
and summarised in chapter 3: three personal indicators and three organisational ones,
each rated 1–5; the organisational three are this contact's view of what we bring his
organisation, so they are rated per contact. A dimension is high when its mean is above 3,
the middle of the scale. Means are kept as sums of three ratings (mean > 3 <=> sum >= 10)
so every comparison is exact integer arithmetic in both interpreters.

What a real account adds (chapters 5, 7 and 8), each checked against the chapters:
- a rating may be ``unknown``: a dimension is decided only when every value the unknown
  ratings could take gives the same answer; otherwise the contact's place is open, and each
  unknown becomes a question to find out, never a guessed score;
- a result one point from the line says so, and what would flip it;
- decisive facts are reported whatever the averages say: a promise record of 2 or less
  (chapter 5 puts keeping promises first), a condition the contact said would make him
  switch, a stance against this deal, ties to a rival;
- a contact kept formal (for example after an improper request, chapter 7) is never
  advised to build personal rapport;
- roles are chapter 8's, several per person; stance and influence are on this deal.
"""

from tools.widgets import ratings

PERSONAL = ("trust", "rapport", "frequency")
ORGANISATIONAL = ("value", "fit", "promises")
INDICATORS = PERSONAL + ORGANISATIONAL
ROLES = (
    "decision_maker",
    "purchasing_manager",
    "technical_evaluator",
    "user_department",
    "finance",
    "coach",
    "other",
)
# Other words for a role that a file may use: Miller & Heiman's technical buyer is often
# called the gatekeeper, and chapter 8 names him 技术把关人.
ROLE_ALIASES = {"gatekeeper": "technical_evaluator", "user": "user_department"}
STANCES = ("supports", "neutral", "against", "unknown")
INFLUENCES = ("high", "medium", "low", "unknown")
TYPES = ("outsider", "friend", "supplier", "partner")
MAX_CONTACTS = 12
MAX_RIVAL = 30
MAX_VETO = 60
HIGH_SUM = 10  # three ratings with a mean above 3 (3.33 or more)
MIDDLE = 3  # the scale's middle, the line drawn in the chart
DECISIVE_PROMISES = 2  # a promise record at or below this comes first, whatever the mean
UNKNOWN = ratings.UNKNOWN
PERSONAL_ACTIONS = ("trust", "rapport", "frequency")


def read_input(raw):
    """Clean contacts and the errors found; invalid contacts are left out, never guessed."""
    errors = []
    if not isinstance(raw, dict):
        return [], [("", "input_shape", {"detail": "应是一个对象"})]
    entries = raw.get("contacts")
    if not isinstance(entries, list):
        return [], [("contacts", "input_shape", {"detail": "contacts 应是一个列表"})]
    if len(entries) > MAX_CONTACTS:
        errors.append(("contacts", "too_many_contacts", {"max": MAX_CONTACTS, "count": len(entries)}))
        entries = entries[:MAX_CONTACTS]
    contacts = []
    for position in range(len(entries)):
        contact, contact_errors = read_contact(entries[position], position)
        errors.extend(contact_errors)
        if contact is not None:
            contacts.append(contact)
    if not entries:
        errors.append(("contacts", "no_contacts", {}))
    return contacts, errors


def read_roles(entry):
    """The contact's roles: ``roles`` (a list) or, in the first format, one ``role``."""
    given = entry.get("roles")
    if given is None:
        given = [entry.get("role")]
    elif isinstance(given, str):
        given = [given]
    if not isinstance(given, list):
        return None
    found = []
    for value in given:
        if isinstance(value, str) and value in ROLE_ALIASES:
            value = ROLE_ALIASES[value]
        code = ratings.read_choice(value, ROLES)
        if code is None:
            return None
        if code not in found:
            found.append(code)
    if not found:
        return None
    # In the list's order, so that the same roles always read the same way.
    return [code for code in ROLES if code in found]


def read_contact(entry, position):
    """One contact; ``position`` is its 0-based place in the input."""
    n = position + 1
    prefix = "contacts.%d." % position
    if not isinstance(entry, dict):
        return None, [("contacts.%d" % position, "contact_shape", {"n": n})]
    errors = []
    name, problem = ratings.read_name(entry.get("name"))
    shown = name if name is not None else ratings.echo(entry.get("name"))
    if problem is not None:
        params = {"n": n}
        params.update(problem[1])
        errors.append((prefix + "name", problem[0], params))
    roles = read_roles(entry)
    if roles is None:
        field = "roles" if "roles" in entry else "role"
        errors.append((prefix + field, "role_unknown", {"n": n, "name": shown}))
    values = {}
    for key in INDICATORS:
        value, problem = ratings.read_rating_or_unknown(entry.get(key))
        if problem is not None:
            params = {"n": n, "name": shown, "indicator": key}
            params.update(problem[1])
            errors.append((prefix + key, problem[0], params))
        else:
            values[key] = value
    extra = {}
    for key, codes in (("stance", STANCES), ("influence", INFLUENCES)):
        given = entry.get(key)
        if given is None or given == "":
            extra[key] = ""  # not assessed: nothing is said about it
        elif ratings.is_unknown(given):
            extra[key] = UNKNOWN
        else:
            code = ratings.read_choice(given, codes)
            if code is None:
                errors.append((prefix + key, key + "_unknown", {"n": n, "name": shown}))
            extra[key] = code
    for key, limit in (("rival", MAX_RIVAL), ("veto", MAX_VETO)):
        text, problem = ratings.read_text(entry.get(key), limit)
        if problem is not None:
            params = {"n": n, "name": shown, "what": key}
            params.update(problem[1])
            errors.append((prefix + key, problem[0], params))
        extra[key] = text
    extra["keep_formal"] = ratings.read_flag(entry.get("keep_formal"))
    if errors:
        return None, errors
    contact = {"position": position, "name": name, "roles": roles, "ratings": values}
    contact.update(extra)
    return contact, []


def dimension(values, keys):
    """The sum of ``keys`` and its level: ``high``, ``low``, or ``unknown`` when the
    unknown ratings could still put it on either side of the line."""
    known = 0
    missing = 0
    for key in keys:
        if values[key] == UNKNOWN:
            missing += 1
        else:
            known += values[key]
    if known + missing * ratings.RATING_MIN >= HIGH_SUM:
        level = "high"
    elif known + missing * ratings.RATING_MAX < HIGH_SUM:
        level = "low"
    else:
        level = UNKNOWN
    return known, missing, level


def type_of(personal_high, org_high):
    if personal_high and org_high:
        return "partner"
    if personal_high:
        return "friend"
    if org_high:
        return "supplier"
    return "outsider"


def classify(values):
    """The contact's sums, levels and relationship type from its six ratings; the type is
    ``unknown`` while an unknown rating could still move him to another cell, and
    ``possible`` lists the cells he could be in."""
    personal_sum, personal_missing, personal_level = dimension(values, PERSONAL)
    org_sum, org_missing, org_level = dimension(values, ORGANISATIONAL)
    options_p = [True, False] if personal_level == UNKNOWN else [personal_level == "high"]
    options_o = [True, False] if org_level == UNKNOWN else [org_level == "high"]
    possible = []
    for kind in TYPES:
        for p in options_p:
            for o in options_o:
                if type_of(p, o) == kind and kind not in possible:
                    possible.append(kind)
    kind = possible[0] if len(possible) == 1 else UNKNOWN
    return {
        "personal_sum": personal_sum,
        "org_sum": org_sum,
        "personal_missing": personal_missing,
        "org_missing": org_missing,
        "personal_score": mean_text(personal_sum) if not personal_missing else "",
        "org_score": mean_text(org_sum) if not org_missing else "",
        "personal_level": personal_level,
        "org_level": org_level,
        "personal_high": personal_level == "high",
        "org_high": org_level == "high",
        "type": kind,
        "possible": possible,
    }


def mean_text(total: int) -> str:
    """A sum of three ratings shown as its mean with two decimals, computed exactly."""
    hundredths = (total * 100 * 2 + 3) // 6  # total/3 rounded half up, in hundredths
    return "%d.%02d" % (hundredths // 100, hundredths % 100)


def borderline(verdict, keep_formal):
    """Dimensions one point from the line (all three ratings known): which way one point
    would move them, and the cell the contact would then be in."""
    found = []
    if verdict["type"] == UNKNOWN:
        return found  # an open cell has questions to answer first, not a line to watch
    for which in ("personal", "org"):
        if verdict[which + "_missing"]:
            continue
        total = verdict[which + "_sum"]
        if total == HIGH_SUM - 1:
            direction = "up"
        elif total == HIGH_SUM:
            direction = "down"
        else:
            continue
        if which == "personal" and direction == "up" and keep_formal:
            continue  # we do not set out to raise a kept-formal contact's personal side
        p = verdict["personal_high"]
        o = verdict["org_high"]
        if which == "personal":
            p = not p
        else:
            o = not o
        found.append({"dimension": which, "direction": direction, "would_be": type_of(p, o)})
    return found


def weakest(values, keys):
    """Indicators of ``keys`` that need work, weakest first: every one rated below 3,
    or, when none is, the lowest one (ties in the chapter's order). Unknown ratings are
    gaps, not weaknesses, and are left to ``gaps``."""
    known = [k for k in keys if values[k] != UNKNOWN]
    ordered = sorted(known, key=lambda k: (values[k], keys.index(k)))
    below = [k for k in ordered if values[k] < 3]
    return below if below else ordered[:1]


def next_actions(kind, values, keep_formal=False):
    """Action codes for the contact: the weak dimension's weakest indicators. A decisive
    promise record comes first whatever the cell; a kept-formal contact gets no personal
    action (his personal side is not ours to raise)."""
    if kind == "friend":
        found = weakest(values, ORGANISATIONAL)
    elif kind == "supplier":
        found = weakest(values, PERSONAL)
    elif kind == "partner":
        found = ["promises", "widen"]
    else:  # outsider, or a cell still open: both sides
        found = weakest(values, PERSONAL) + weakest(values, ORGANISATIONAL)
    if keep_formal:
        found = [code for code in found if code not in PERSONAL_ACTIONS]
        if not found and kind != "partner":
            found = weakest(values, ORGANISATIONAL)
    promises = values["promises"]
    if promises != UNKNOWN and promises <= DECISIVE_PROMISES and found[:1] != ["promises"]:
        found = ["promises"] + [code for code in found if code != "promises"]
    return found


def alerts(contact, verdict):
    """What the reader must act on first, whatever the cell says (in this order)."""
    found = []
    values = contact["ratings"]
    if contact["veto"]:
        found.append({"code": "veto", "text": contact["veto"]})
    promises = values["promises"]
    if promises != UNKNOWN and promises <= DECISIVE_PROMISES and verdict["org_level"] != "low":
        # Low organisational value already leads with it; above the line it would hide.
        found.append({"code": "decisive_promises", "rating": promises})
    if contact["stance"] == "against":
        found.append({"code": "against"})
    if contact["rival"]:
        found.append({"code": "rival_tie", "rival": contact["rival"]})
    if contact["keep_formal"]:
        found.append({"code": "keep_formal"})
        if "coach" in contact["roles"]:
            found.append({"code": "formal_not_coach"})
    return found


def gaps(contact):
    """What to find out: each unknown rating, and the stance or influence marked unknown."""
    found = [key for key in INDICATORS if contact["ratings"][key] == UNKNOWN]
    for key in ("stance", "influence"):
        if contact[key] == UNKNOWN:
            found.append(key)
    return found


def analyse(contacts):
    """Per-contact verdicts and the account-level warnings (chapter 3, step 6)."""
    results = []
    for contact in contacts:
        verdict = classify(contact["ratings"])
        item = {
            "position": contact["position"],
            "name": contact["name"],
            "roles": contact["roles"],
            "role": contact["roles"][0],
            "ratings": contact["ratings"],
            "stance": contact["stance"],
            "influence": contact["influence"],
            "rival": contact["rival"],
            "veto": contact["veto"],
            "keep_formal": contact["keep_formal"],
            "actions": next_actions(verdict["type"], contact["ratings"], contact["keep_formal"]),
            "alerts": alerts(contact, verdict),
            "gaps": gaps(contact),
            "borderline": borderline(verdict, contact["keep_formal"]),
        }
        item.update(verdict)
        results.append(item)
    counts = {}
    for kind in TYPES + (UNKNOWN,):
        counts[kind] = len([r for r in results if r["type"] == kind])
    return {"contacts": results, "counts": counts, "warnings": warnings(results)}


def warnings(results):
    """Account warnings: no decision maker above outsider; everything on one person; a
    contact of high influence against this deal."""
    found = []
    if results:
        deciders = [r for r in results if "decision_maker" in r["roles"]]
        if not deciders:
            found.append({"code": "no_decision_maker", "positions": []})
        elif all(r["type"] == "outsider" for r in deciders):
            found.append({"code": "decision_maker_outsider", "positions": [r["position"] for r in deciders]})
        elif all(r["type"] in ("outsider", UNKNOWN) for r in deciders):
            found.append({"code": "decision_maker_unknown", "positions": [r["position"] for r in deciders]})
        above = [r for r in results if r["type"] not in ("outsider", UNKNOWN)]
        open_ = [r for r in results if r["type"] == UNKNOWN]
        if len(above) == 1 and not open_:
            found.append({"code": "single_thread", "positions": [above[0]["position"]]})
        opposed = [r for r in results if r["stance"] == "against" and r["influence"] == "high"]
        if opposed:
            found.append({"code": "high_influence_against", "positions": [r["position"] for r in opposed]})
    return found
