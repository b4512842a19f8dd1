"""HTML for a widget's input form, written at build time with the example's values.

The form starts ``hidden``: without JavaScript it could not compute anything, so readers
without it (and print, and the PDF) see the example's inputs and result instead. The page
script shows it once the Python runtime is ready.
"""

from __future__ import annotations

from tools.widgets import purchase, relationship
from tools.widgets.markup import escape

INDEX_SLOT = "__N__"  # replaced by the page script when it adds a contact from the template
RIVAL_ROWS = 2  # rows for a deal's rivals; a file may hold more, and the result shows them all


def _number_input(name: str, label: str, value: str, unknown_label: str) -> str:
    """A 1–5 rating with its "don't know yet" box: ticking it empties and disables the
    number, and the form sends ``unknown`` (the page script does that)."""
    unknown = value == "unknown"
    shown = "" if unknown else value
    return (
        f'<div class="widget-field widget-rating"><label><span>{escape(label)}</span>'
        f'<input type="number" name="{name}" min="1" max="5" step="1" inputmode="numeric" value="{escape(shown)}"'
        f"{' disabled' if unknown else ''}></label>"
        f'<label class="widget-unknown"><input type="checkbox" data-unknown-for="{name}"'
        f"{' checked' if unknown else ''}> {escape(unknown_label)}</label></div>"
    )


def _radios(name: str, choices, chosen: str) -> str:
    return "".join(
        f'<label class="widget-choice"><input type="radio" name="{name}" value="{code}"'
        f"{' checked' if code == chosen else ''}> {escape(label)}</label>"
        for code, label in choices
    )


def _select(name: str, choices, chosen: str) -> str:
    options = "".join(
        f'<option value="{code}"{" selected" if code == chosen else ""}>{escape(label)}</option>'
        for code, label in choices
    )
    return f'<select name="{name}">{options}</select>'


def contact_fieldset(strings, contact: dict, number: str) -> str:
    """One contact's fields; ``number`` is its 1-based place (or the template's slot)."""
    ui = strings.UI
    labels = dict(strings.INDICATORS)
    more = strings.CONTACT_FIELDS
    chosen = contact.get("roles") or []
    roles = "".join(
        f'<label class="widget-choice"><input type="checkbox" name="roles" value="{code}"'
        f"{' checked' if code in chosen else ''}> {escape(label)}</label>"
        for code, label in strings.ROLES
    )
    groups = []
    for legend, keys, hint in (
        (strings.PERSONAL_LABEL, relationship.PERSONAL, ""),
        (strings.ORGANISATIONAL_LABEL, relationship.ORGANISATIONAL, strings.ORGANISATIONAL_HINT),
    ):
        fields = "".join(_number_input(key, labels[key], contact.get(key, ""), ui["unknown_rating"]) for key in keys)
        note = f'<p class="widget-hint">{escape(hint)}</p>' if hint else ""
        groups.append(
            f'<fieldset class="widget-group"><legend>{escape(legend)}'
            f'<span class="widget-scale">（{escape(ui["rating_scale"])}）</span></legend>{note}{fields}</fieldset>'
        )
    filled = any(contact.get(key) for key in ("stance", "influence", "rival", "veto", "keep_formal"))
    details = (
        f'<details class="widget-more"{" open" if filled else ""}><summary>{escape(more["details"])}</summary>'
        f'<div class="widget-row">'
        f'<label class="widget-field"><span>{escape(more["stance"])}</span>'
        f"{_select('stance', strings.STANCES, contact.get('stance', ''))}</label>"
        f'<label class="widget-field"><span>{escape(more["influence"])}</span>'
        f"{_select('influence', strings.INFLUENCES, contact.get('influence', ''))}</label></div>"
        f'<label class="widget-field widget-text"><span>{escape(more["rival"])}</span>'
        f'<input type="text" name="rival" autocomplete="off" maxlength="{relationship.MAX_RIVAL}"'
        f' value="{escape(contact.get("rival", ""))}"></label>'
        f'<label class="widget-field widget-text"><span>{escape(more["veto"])}</span>'
        f'<input type="text" name="veto" autocomplete="off" maxlength="{relationship.MAX_VETO}"'
        f' value="{escape(contact.get("veto", ""))}"></label>'
        f'<label class="widget-choice widget-formal"><input type="checkbox" name="keep_formal" value="1"'
        f"{' checked' if contact.get('keep_formal') else ''}> {escape(more['keep_formal'])}</label>"
        f"</details>"
    )
    return (
        f'<fieldset class="widget-contact">'
        f"<legend>{escape(ui['contact_legend'].format(n=number))}</legend>"
        f'<label class="widget-field widget-name"><span>{escape(ui["name"])}</span>'
        f'<input type="text" name="name" autocomplete="off" value="{escape(contact.get("name", ""))}"></label>'
        f'<fieldset class="widget-group widget-roles"><legend>{escape(ui["role"])}'
        f'<span class="widget-scale">（{escape(strings.ROLES_HINT)}）</span></legend>{roles}</fieldset>'
        f"{''.join(groups)}{details}"
        f'<ul class="widget-field-errors"></ul>'
        f'<button type="button" class="widget-remove">{escape(ui["remove_contact"].format(n=number))}</button>'
        f"</fieldset>"
    )


def relationship_form(strings, form: dict, uid: str) -> str:
    rows = "".join(contact_fieldset(strings, c, str(i + 1)) for i, c in enumerate(form["contacts"]))
    template = contact_fieldset(strings, {}, INDEX_SLOT)
    ui = strings.UI
    return (
        f'<form class="widget-form" id="{uid}-form" hidden novalidate>'
        f'<div class="widget-contacts">{rows}</div>'
        f'<template class="widget-contact-template">{template}</template>'
        f'<ul class="widget-field-errors"></ul>'
        f"{_actions(ui, add=True)}{_jump(ui)}</form>"
    )


def purchase_form(strings, form: dict, uid: str) -> str:
    ui = strings.UI
    pf = strings.PF
    unknown = (("unknown", ui["unknown_choice"]),)
    factors = dict(strings.FACTORS)
    chosen = form.get("alignment", {})
    questions = "".join(
        f'<fieldset class="widget-alignment" data-alignment="{factor}"><legend>{escape(factors[factor])}</legend>'
        + _radios(f"{uid}-alignment-{factor}", strings.ALIGNMENTS + unknown, chosen.get(factor, ""))
        + "</fieldset>"
        for factor in purchase.FACTORS
    )
    sides = []
    for side, label in strings.SIDES:
        fields = "".join(
            _number_input(factor, factors[factor], form.get(side, {}).get(factor, ""), ui["unknown_rating"])
            for factor in purchase.FACTORS
        )
        extra = ""
        if side == "individual":
            extra = (
                f'<fieldset class="widget-risk-source"><legend>{escape(pf["risk_source"])}</legend>'
                f"{_radios(f'{uid}-risk_source', strings.RISK_SOURCES, form.get('risk_source', ''))}</fieldset>"
            )
        sides.append(
            f'<fieldset class="widget-group" data-side="{side}"><legend>{escape(label)}'
            f'<span class="widget-scale">（{escape(ui["rating_scale"])}）</span></legend>{fields}{extra}</fieldset>'
        )
    rivals = list(form.get("rivals") or [])
    while len(rivals) < RIVAL_ROWS:
        rivals.append({"name": "", "offer": ""})
    rows = "".join(
        f'<div class="widget-row" data-rival="{n}">'
        f'<label class="widget-field widget-name"><span>{escape(pf["rival_name"].format(n=n + 1))}</span>'
        f'<input type="text" name="name" autocomplete="off" maxlength="{purchase.MAX_RIVAL_NAME}"'
        f' value="{escape(rival.get("name", ""))}"></label>'
        f'<label class="widget-field widget-text"><span>{escape(pf["rival_offer"])}</span>'
        f'<input type="text" name="offer" autocomplete="off" maxlength="{purchase.MAX_OFFER}"'
        f' value="{escape(rival.get("offer", ""))}"></label></div>'
        for n, rival in enumerate(rivals)
    )
    return (
        f'<form class="widget-form" id="{uid}-form" hidden novalidate>'
        f'<fieldset class="widget-group widget-sale-type"><legend>{escape(pf["sale_type"])}</legend>'
        f"{_radios(f'{uid}-sale_type', strings.SALE_TYPES + unknown, form.get('sale_type', ''))}</fieldset>"
        f'<fieldset class="widget-group widget-holding"><legend>{escape(pf["holding"])}</legend>'
        f"{_radios(f'{uid}-holding', strings.HOLDINGS, form.get('holding', ''))}</fieldset>"
        f"{''.join(sides)}"
        f'<fieldset class="widget-group widget-alignments"><legend>{escape(pf["alignment_legend"])}'
        f'<span class="widget-hint">{escape(pf["alignment_hint"])}</span></legend>{questions}</fieldset>'
        f'<fieldset class="widget-group widget-rivals"><legend>{escape(pf["rivals"])}</legend>{rows}</fieldset>'
        f'<ul class="widget-field-errors"></ul>'
        f"{_actions(ui, add=False)}{_jump(ui)}</form>"
    )


def _actions(ui: dict, add: bool) -> str:
    buttons = [f'<button type="button" class="widget-add">{escape(ui["add_contact"])}</button>'] if add else []
    buttons += [
        f'<button type="button" class="widget-clear">{escape(ui["clear"])}</button>',
        f'<button type="button" class="widget-reset">{escape(ui["reset"])}</button>',
        f'<button type="button" class="widget-share-button">{escape(ui["share"])}</button>',
        f'<button type="button" class="widget-to-file" hidden>{escape(ui["save_to_file"])}</button>',
    ]
    return f'<div class="widget-actions">{"".join(buttons)}</div>'


def _jump(ui: dict) -> str:
    """The way from the inputs to the result, which on a phone is far below them; it stays
    in view at the foot of the screen while the reader works through the form."""
    return (
        f'<div class="widget-jump-bar"><button type="button" class="widget-jump">'
        f"{escape(ui['show_result'])} ↓</button></div>"
    )
