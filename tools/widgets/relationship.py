"""Relationship map: place each contact of an account in the relationship two-by-two.

The rules are chapter 3's (section ``relationship-types-widget-rules``): three personal
indicators and three organisational ones, each rated 1–5; the organisational three are this
contact's view of what we bring his organisation, so they are rated per contact. A
dimension is high when its mean is above 3, the middle of the scale: an average contact is
not yet a friend, a supplier or a partner. Means are kept as sums of three ratings
(mean > 3 <=> sum >= 10) so every comparison is exact integer arithmetic in both
interpreters.
"""

from tools.widgets import ratings

PERSONAL = ("trust", "rapport", "frequency")
ORGANISATIONAL = ("value", "fit", "promises")
INDICATORS = PERSONAL + ORGANISATIONAL
ROLES = ("decision_maker", "purchasing_manager", "technical_evaluator", "user_department", "other")
TYPES = ("outsider", "friend", "supplier", "partner")
MAX_CONTACTS = 12
HIGH_SUM = 10  # three ratings with a mean above 3 (3.33 or more)
MIDDLE = 3  # the scale's middle, the line drawn in the chart


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
    role = ratings.read_choice(entry.get("role"), ROLES)
    if role is None:
        errors.append((prefix + "role", "role_unknown", {"n": n, "name": shown}))
    values = {}
    for key in INDICATORS:
        value, problem = ratings.read_rating(entry.get(key))
        if problem is not None:
            params = {"n": n, "name": shown, "indicator": key}
            params.update(problem[1])
            errors.append((prefix + key, problem[0], params))
        else:
            values[key] = value
    if errors:
        return None, errors
    return {"position": position, "name": name, "role": role, "ratings": values}, []


def classify(values):
    """The contact's sums, levels and relationship type from its six ratings."""
    personal_sum = 0
    for key in PERSONAL:
        personal_sum += values[key]
    org_sum = 0
    for key in ORGANISATIONAL:
        org_sum += values[key]
    personal_high = personal_sum >= HIGH_SUM
    org_high = org_sum >= HIGH_SUM
    if personal_high and org_high:
        kind = "partner"
    elif personal_high:
        kind = "friend"
    elif org_high:
        kind = "supplier"
    else:
        kind = "outsider"
    return {
        "personal_sum": personal_sum,
        "org_sum": org_sum,
        "personal_score": mean_text(personal_sum),
        "org_score": mean_text(org_sum),
        "personal_high": personal_high,
        "org_high": org_high,
        "type": kind,
    }


def mean_text(total: int) -> str:
    """A sum of three ratings shown as its mean with two decimals, computed exactly."""
    hundredths = (total * 100 * 2 + 3) // 6  # total/3 rounded half up, in hundredths
    return "%d.%02d" % (hundredths // 100, hundredths % 100)


def weakest(values, keys):
    """Indicators of ``keys`` that need work, weakest first: every one rated below 3,
    or, when none is, the lowest one (ties in the chapter's order)."""
    ordered = sorted(keys, key=lambda k: (values[k], keys.index(k)))
    below = [k for k in ordered if values[k] < 3]
    return below if below else ordered[:1]


def next_actions(kind, values):
    """Action codes for the contact: the weak dimension's weakest indicators."""
    if kind == "friend":
        return weakest(values, ORGANISATIONAL)
    if kind == "supplier":
        return weakest(values, PERSONAL)
    if kind == "outsider":
        return weakest(values, PERSONAL) + weakest(values, ORGANISATIONAL)
    return ["promises", "widen"]


def analyse(contacts):
    """Per-contact verdicts and the account-level warnings (chapter 3, step 6)."""
    results = []
    for contact in contacts:
        verdict = classify(contact["ratings"])
        item = {
            "position": contact["position"],
            "name": contact["name"],
            "role": contact["role"],
            "ratings": contact["ratings"],
            "actions": next_actions(verdict["type"], contact["ratings"]),
        }
        item.update(verdict)
        results.append(item)
    counts = {}
    for kind in TYPES:
        counts[kind] = len([r for r in results if r["type"] == kind])
    return {"contacts": results, "counts": counts, "warnings": warnings(results)}


def warnings(results):
    """Account warnings: no decision maker above outsider; everything on one person."""
    found = []
    if results:
        deciders = [r for r in results if r["role"] == "decision_maker"]
        if not deciders:
            found.append({"code": "no_decision_maker", "positions": []})
        elif all(r["type"] == "outsider" for r in deciders):
            found.append({"code": "decision_maker_outsider", "positions": [r["position"] for r in deciders]})
        above = [r for r in results if r["type"] != "outsider"]
        if len(above) == 1:
            found.append({"code": "single_thread", "positions": [above[0]["position"]]})
    return found
