"""A widget's inputs as form values, and reading them back from a shared link.

A link carries either a named preset (``preset:pinacor-before``) or the inputs as JSON.
Whatever a link holds, the result is form values (strings, shortened to a sane length)
that the page can put into its fields; checking them is the analysis's job, so a tampered
link shows the same messages as a mistyped field.
"""

import json

from tools.widgets import purchase, relationship

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


def to_form(kind, raw):
    """Form values for ``raw`` inputs, with the problems in their shape (not their values)."""
    errors = []
    if kind == "relationship-map":
        entries = raw.get("contacts") if isinstance(raw, dict) else None
        if not isinstance(entries, list):
            return {"contacts": []}, [("contacts", "input_shape", {"detail": "contacts 应是一个列表"})]
        if len(entries) > relationship.MAX_CONTACTS:
            errors.append(
                ("contacts", "too_many_contacts", {"max": relationship.MAX_CONTACTS, "count": len(entries)})
            )
            entries = entries[: relationship.MAX_CONTACTS]
        contacts = []
        for entry in entries:
            entry = entry if isinstance(entry, dict) else {}
            row = {"name": field(entry.get("name")), "role": field(entry.get("role"))}
            for key in relationship.INDICATORS:
                row[key] = field(entry.get(key))
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
    return form, errors


def blank_form(kind):
    """The form with nothing filled in: one empty contact (role "other", the list's neutral
    choice), or no rating and no choice."""
    if kind == "relationship-map":
        row = {"name": "", "role": "other"}
        for key in relationship.INDICATORS:
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
