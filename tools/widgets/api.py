"""The widgets' single entry point, used by the Sphinx glue, the CLI and the browser.

``analyse`` checks raw inputs and runs a widget's rules; ``render`` turns the result into
the result region's HTML. The ``*_json`` functions wrap both for the browser, which
passes strings in and out so nothing depends on how objects cross the JS boundary.
"""

import json

from tools.widgets import purchase, relationship, render_html, state, zh

LANGUAGES = {"zh": zh}
KINDS = state.KINDS


def strings_for(lang):
    if lang not in LANGUAGES:
        raise ValueError("no texts for language %r (have: %s)" % (lang, ", ".join(sorted(LANGUAGES))))
    return LANGUAGES[lang]


# The values a field takes, for the errors that ask for one of them: (the texts' list of
# (code, label) pairs, and whether "unknown" is also accepted). The reader sees the labels;
# the CLI also prints the codes a JSON file must use.
CHOICES = {
    "role_unknown": ("ROLES", False),
    "stance_unknown": ("STANCES", False),
    "influence_unknown": ("INFLUENCES", False),
    "sale_type_unknown": ("SALE_TYPES", True),
    "alignment_unknown": ("ALIGNMENTS", True),
    "holding_unknown": ("HOLDINGS", False),
    "risk_source_unknown": ("RISK_SOURCES", False),
}
RATING_CODES = ("rating_missing", "rating_not_number", "rating_not_integer", "rating_range")


def valid_values(code, strings):
    """The JSON values a field with this error accepts (empty when it is not a choice)."""
    if code in RATING_CODES:
        return ["1", "2", "3", "4", "5", "unknown"]
    if code not in CHOICES:
        return []
    name, unknown = CHOICES[code]
    codes = [c for c, _label in getattr(strings, name) if c]
    if unknown and "unknown" not in codes:
        codes.append("unknown")
    return codes


def message(code, params, strings) -> str:
    """The reader's message for one input error."""
    params = dict(params)
    if "indicator" in params:
        params["label"] = dict(strings.INDICATORS)[params["indicator"]]
        params["where"] = strings.WHERE_CONTACT.format(n=params["n"], name=params["name"])
    elif "factor" in params:
        params["label"] = dict(strings.FACTORS)[params["factor"]]
        if "side" in params:
            params["where"] = strings.WHERE_SIDE.format(side=dict(strings.SIDES)[params["side"]])
    elif "what" in params:
        params["label"] = strings.TEXT_FIELDS[params["what"]]
        if "name" in params:
            params["where"] = strings.WHERE_CONTACT.format(n=params["n"], name=params["name"])
        else:
            params["where"] = strings.WHERE_RIVAL.format(n=params["n"])
    if code in CHOICES:
        name, unknown = CHOICES[code]
        labels = [label for c, label in getattr(strings, name) if c]
        if unknown:
            labels.append(strings.UI["unknown_choice"])
        params["choices"] = strings.UI["list_sep"].join(labels)
    return strings.ERRORS[code].format(**params)


def analyse(kind, raw, lang="zh"):
    """``{"kind", "errors": [{"field", "code", "message"}], "analysis"}``; ``analysis`` is
    None when nothing valid is left to analyse."""
    strings = strings_for(lang)
    if kind == "relationship-map":
        contacts, problems = relationship.read_input(raw)
        analysis = relationship.analyse(contacts) if contacts else None
    elif kind == "purchase-factors":
        clean, problems = purchase.read_input(raw)
        analysis = purchase.analyse(clean) if clean is not None else None
    else:
        raise ValueError("unknown widget %r (widgets: %s)" % (kind, ", ".join(KINDS)))
    errors = [
        {"field": f, "code": code, "message": message(code, params, strings), "valid": valid_values(code, strings)}
        for f, code, params in problems
    ]
    return {"kind": kind, "errors": errors, "analysis": analysis}


def render(kind, result, links=None, uid="widget", lang="zh") -> str:
    return render_html.render(kind, result, strings_for(lang), links or {}, uid)


def hold_back(result, pending):
    """``result`` with the errors of the fields in ``pending`` (fields the reader has not
    reached yet) left out and counted in ``result["pending"]``: a new contact's empty
    fields are not mistakes yet. Errors about the whole input are always kept."""
    waiting = set(pending)
    shown = [e for e in result["errors"] if e["field"] not in waiting]
    held = len(result["errors"]) - len(shown)
    out = dict(result)
    out["errors"] = shown
    out["pending"] = held
    return out


def run_json(kind, form_text, links_text, uid, lang="zh", pending_text="") -> str:
    """Browser entry: form values (JSON) in, with the paths of the fields not yet touched
    (JSON list); result HTML and the field errors to show (JSON) out."""
    try:
        raw = json.loads(form_text)
    except Exception:  # the page always sends JSON; anything else is reported, not raised
        raw = None
    try:
        pending = json.loads(pending_text) if pending_text else []
    except Exception:
        pending = []
    if not isinstance(pending, list):
        pending = []
    result = hold_back(analyse(kind, raw, lang), [p for p in pending if isinstance(p, str)])
    links = json.loads(links_text) if links_text else {}
    errors = [{"field": e["field"], "message": e["message"]} for e in result["errors"]]
    return json.dumps({"html": render(kind, result, links, uid, lang), "errors": errors})


def analyse_json(kind, text, lang="zh") -> str:
    """``analyse`` with JSON in and out (for running the same cases in both interpreters)."""
    return json.dumps(analyse(kind, json.loads(text), lang))


def link_json(kind, text, lang="zh") -> str:
    """Browser entry: a link's value in; form values (or null) and notices (JSON) out."""
    strings = strings_for(lang)
    form, problems = state.from_link(kind, text, strings)
    notices = [message(code, params, strings) for _f, code, params in problems]
    return json.dumps({"form": form, "notices": notices})


def blank_form(kind):
    """The form with nothing filled in (for 清空)."""
    return state.blank_form(kind)


def preset_form(kind, name, lang="zh"):
    """A named preset as form values (for the page's defaults)."""
    data = state.preset_data(kind, name, strings_for(lang))
    if data is None:
        raise ValueError("no preset %r for %s" % (name, kind))
    return state.to_form(kind, data)[0]
