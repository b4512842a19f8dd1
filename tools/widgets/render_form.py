"""HTML for a widget's input form, written at build time with the example's values.

The form starts ``hidden``: without JavaScript it could not compute anything, so readers
without it (and print, and the PDF) see the example's inputs and result instead. The page
script shows it once the Python runtime is ready.
"""

from __future__ import annotations

from tools.widgets import purchase, relationship
from tools.widgets.markup import escape

INDEX_SLOT = "__N__"  # replaced by the page script when it adds a contact from the template


def _number_input(name: str, label: str, value: str) -> str:
    return (
        f'<label class="widget-field"><span>{escape(label)}</span>'
        f'<input type="number" name="{name}" min="1" max="5" step="1" inputmode="numeric" value="{escape(value)}">'
        "</label>"
    )


def contact_fieldset(strings, contact: dict, number: str) -> str:
    """One contact's fields; ``number`` is its 1-based place (or the template's slot)."""
    ui = strings.UI
    labels = dict(strings.INDICATORS)
    roles = "".join(
        f'<option value="{code}"{" selected" if code == contact.get("role") else ""}>{escape(label)}</option>'
        for code, label in strings.ROLES
    )
    groups = []
    for legend, keys, hint in (
        (strings.PERSONAL_LABEL, relationship.PERSONAL, ""),
        (strings.ORGANISATIONAL_LABEL, relationship.ORGANISATIONAL, strings.ORGANISATIONAL_HINT),
    ):
        fields = "".join(_number_input(key, labels[key], contact.get(key, "")) for key in keys)
        note = f'<p class="widget-hint">{escape(hint)}</p>' if hint else ""
        groups.append(
            f'<fieldset class="widget-group"><legend>{escape(legend)}'
            f'<span class="widget-scale">（{escape(ui["rating_scale"])}）</span></legend>{note}{fields}</fieldset>'
        )
    return (
        f'<fieldset class="widget-contact">'
        f'<legend>{escape(ui["contact_legend"].format(n=number))}</legend>'
        f'<div class="widget-row">'
        f'<label class="widget-field widget-name"><span>{escape(ui["name"])}</span>'
        f'<input type="text" name="name" autocomplete="off" value="{escape(contact.get("name", ""))}"></label>'
        f'<label class="widget-field"><span>{escape(ui["role"])}</span><select name="role">{roles}</select></label>'
        f"</div>{''.join(groups)}"
        f'<ul class="widget-field-errors"></ul>'
        f'<button type="button" class="widget-remove">{escape(ui["remove_contact"].format(n=number))}</button>'
        f"</fieldset>"
    )


def relationship_form(strings, form: dict, uid: str) -> str:
    rows = "".join(contact_fieldset(strings, c, str(i + 1)) for i, c in enumerate(form["contacts"]))
    template = contact_fieldset(strings, {"role": "other"}, INDEX_SLOT)
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
    radios = "".join(
        f'<label class="widget-choice"><input type="radio" name="{uid}-sale_type" value="{code}"'
        f'{" checked" if code == form.get("sale_type") else ""}> {escape(label)}</label>'
        for code, label in strings.SALE_TYPES
    )
    factors = dict(strings.FACTORS)
    chosen = form.get("alignment", {})
    questions = "".join(
        f'<fieldset class="widget-alignment" data-alignment="{factor}"><legend>{escape(factors[factor])}</legend>'
        + "".join(
            f'<label class="widget-choice"><input type="radio" name="{uid}-alignment-{factor}" value="{code}"'
            f'{" checked" if chosen.get(factor) == code else ""}> {escape(label)}</label>'
            for code, label in strings.ALIGNMENTS
        )
        + "</fieldset>"
        for factor in purchase.FACTORS
    )
    sides = []
    for side, label in strings.SIDES:
        fields = "".join(
            _number_input(factor, factors[factor], form.get(side, {}).get(factor, "")) for factor in purchase.FACTORS
        )
        sides.append(
            f'<fieldset class="widget-group" data-side="{side}"><legend>{escape(label)}'
            f'<span class="widget-scale">（{escape(ui["rating_scale"])}）</span></legend>{fields}</fieldset>'
        )
    return (
        f'<form class="widget-form" id="{uid}-form" hidden novalidate>'
        f'<fieldset class="widget-group widget-sale-type"><legend>{escape(pf["sale_type"])}</legend>{radios}</fieldset>'
        f"{''.join(sides)}"
        f'<fieldset class="widget-group widget-alignments"><legend>{escape(pf["alignment_legend"])}'
        f'<span class="widget-hint">{escape(pf["alignment_hint"])}</span></legend>{questions}</fieldset>'
        f'<ul class="widget-field-errors"></ul>'
        f"{_actions(ui, add=False)}{_jump(ui)}</form>"
    )


def _actions(ui: dict, add: bool) -> str:
    buttons = [f'<button type="button" class="widget-add">{escape(ui["add_contact"])}</button>'] if add else []
    buttons += [
        f'<button type="button" class="widget-clear">{escape(ui["clear"])}</button>',
        f'<button type="button" class="widget-reset">{escape(ui["reset"])}</button>',
        f'<button type="button" class="widget-share-button">{escape(ui["share"])}</button>',
    ]
    return f'<div class="widget-actions">{"".join(buttons)}</div>'


def _jump(ui: dict) -> str:
    """The way from the inputs to the result, which on a phone is far below them; it stays
    in view at the foot of the screen while the reader works through the form."""
    return (
        f'<div class="widget-jump-bar"><button type="button" class="widget-jump">'
        f'{escape(ui["show_result"])} ↓</button></div>'
    )
