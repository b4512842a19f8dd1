"""A widget's inputs as form values, and reading them back from a shared link.

A link carries either a named preset (``preset:pinacor-before``) or the inputs as JSON.
Whatever a link holds, the result is form values (strings, shortened to a sane length)
that the page can put into its fields; checking them is the analysis's job, so a tampered
link shows the same messages as a mistyped field.
"""

import json

from tools.widgets import purchase, ratings, relationship

MAX_LINK = 8000  # characters of JSON a link may carry
FIELD_LIMIT = 200  # characters kept per field; longer text is cut, then flagged as too long
KINDS = ("relationship-map", "purchase-factors")
PRESET_PREFIX = "preset:"


def field(value) -> str:
    """A raw value as the text a form field would hold."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, str):
        text = value
    elif isinstance(value, int):
        text = "%d" % value
    elif isinstance(value, float):
        text = "%d" % value if value == value and abs(value) < 1e15 and value == int(value) else repr(value)
    else:
        text = ""
    return text[:FIELD_LIMIT]


CONTACT_TEXT = ("stance", "influence", "rival", "veto")
RIVAL_ROWS = 2  # rows the form shows for a deal's rivals (a file may hold more)


def roles_field(entry):
    """A contact's roles as the form's list: ``roles``, or the first format's one ``role``."""
    given = entry.get("roles")
    if given is None:
        given = [entry.get("role")] if entry.get("role") is not None else []
    elif not isinstance(given, list):
        given = [given]
    return [field(value) for value in given[: len(relationship.ROLES) + 2]]


def to_form(kind, raw):
    """Form values for ``raw`` inputs, with the problems in their shape (not their values)."""
    errors = []
    if kind == "relationship-map":
        entries = raw.get("contacts") if isinstance(raw, dict) else None
        if not isinstance(entries, list):
            return {"contacts": []}, [("contacts", "input_shape", {"detail": "contacts 应是一个列表"})]
        if len(entries) > relationship.MAX_CONTACTS:
            errors.append(("contacts", "too_many_contacts", {"max": relationship.MAX_CONTACTS, "count": len(entries)}))
            entries = entries[: relationship.MAX_CONTACTS]
        contacts = []
        for entry in entries:
            entry = entry if isinstance(entry, dict) else {}
            row = {"name": field(entry.get("name")), "roles": roles_field(entry)}
            for key in relationship.INDICATORS:
                row[key] = field(entry.get(key))
            for key in CONTACT_TEXT:
                row[key] = field(entry.get(key))
            row["keep_formal"] = "1" if ratings.read_flag(entry.get("keep_formal")) else ""
            contacts.append(row)
        return {"contacts": contacts}, errors
    raw = raw if isinstance(raw, dict) else {}
    form = {"sale_type": field(raw.get("sale_type"))}
    for side in purchase.SIDES:
        given = raw.get(side)
        given = given if isinstance(given, dict) else {}
        form[side] = {}
        for factor in purchase.FACTORS:
            form[side][factor] = field(given.get(factor))
    given = raw.get("alignment")
    given = given if isinstance(given, dict) else {}
    form["alignment"] = {}
    for factor in purchase.FACTORS:
        form["alignment"][factor] = field(given.get(factor))
    # The first format had no holding: it meant a business we hold, as the form then says.
    form["holding"] = field(raw.get("holding")) or "incumbent"
    form["risk_source"] = field(raw.get("risk_source"))
    rivals = raw.get("rivals")
    rivals = rivals if isinstance(rivals, list) else []
    form["rivals"] = []
    for entry in rivals[: purchase.MAX_RIVALS]:
        entry = entry if isinstance(entry, dict) else {}
        form["rivals"].append({"name": field(entry.get("name")), "offer": field(entry.get("offer"))})
    return form, errors


def blank_form(kind):
    """The form with nothing filled in: one empty contact, or no rating and no choice."""
    if kind == "relationship-map":
        row = {"name": "", "roles": [], "keep_formal": ""}
        for key in relationship.INDICATORS:
            row[key] = ""
        for key in CONTACT_TEXT:
            row[key] = ""
        return {"contacts": [row]}
    return to_form(kind, {})[0]


def preset_names(kind, strings):
    return [name for name, _title, _data in strings.PRESETS.get(kind, ())]


def preset_data(kind, name, strings):
    """A named preset's inputs, or None."""
    for preset, _title, data in strings.PRESETS.get(kind, ()):
        if preset == name:
            return data
    return None


def from_link(kind, text, strings):
    """Form values from a link's value (or from the reader's saved inputs, which are read the
    same way), or None with the reason it cannot be read."""
    if not isinstance(text, str):
        return None, [("", "preset_unreadable", {"detail": "不是文字"})]
    if text.startswith(PRESET_PREFIX):
        name = text[len(PRESET_PREFIX) :]
        data = preset_data(kind, name, strings)
        if data is not None:
            return to_form(kind, data)
        names = strings.UI["list_sep"].join(preset_names(kind, strings))
        return None, [("", "preset_unknown", {"name": name[:40], "names": names})]
    if len(text) > MAX_LINK:
        return None, [("", "preset_too_long", {"length": len(text), "max": MAX_LINK})]
    try:
        raw = json.loads(text)
    except Exception:  # ValueError, or RecursionError for absurd nesting
        return None, [("", "preset_unreadable", {"detail": "不是有效的 JSON"})]
    if not isinstance(raw, dict):
        return None, [("", "preset_unreadable", {"detail": "应是一个对象"})]
    form, problems = to_form(kind, raw)
    if kind == "relationship-map" and not form["contacts"]:
        # Nothing to put in the form: keep what the page has rather than empty it.
        return None, [("", "preset_no_contacts", {})]
    return form, problems
