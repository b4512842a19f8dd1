"""What the tools show for a preset, in the words the teaching notes use to state it.

Each case's teaching notes carry, per preset the case prescribes, the results a trainer
should expect (``{tool-results}`` blocks, one ``key：value`` line per item): for the
relationship map every contact's type and the account's warnings; for the purchase
factors rule one's divergent factors, the relationship's weight and the departing-rep
risk. ``shown`` computes those lines from the tool itself, ``compare`` finds where a
block and the tool disagree. CPython only (the Sphinx glue and the tests use it).
"""

from __future__ import annotations

from tools.widgets import api, state

SEPARATORS = ("：", ":")


def shown(kind: str, preset: str, lang: str = "zh") -> dict[str, str]:
    """``key -> value`` for every item the notes must state about ``preset``."""
    strings = api.strings_for(lang)
    data = state.preset_data(kind, preset, strings)
    if data is None:
        names = ", ".join(state.preset_names(kind, strings))
        raise KeyError(f"no preset `{preset}` for {kind} (presets: {names})")
    result = api.analyse(kind, data, lang)
    if result["errors"]:
        raise ValueError(f"preset `{preset}` of {kind} is invalid: {result['errors'][0]['message']}")
    analysis = result["analysis"]
    words = strings.EXPECTED
    sep = words["sep"]
    if kind == "relationship-map":
        types = dict(strings.TYPES)
        out = {c["name"]: types[c["type"]] for c in analysis["contacts"]}
        warnings = [strings.WARNING_NAMES[w["code"]] for w in analysis["warnings"]]
        out[words["warnings"]] = sep.join(warnings) or words["none"]
        return out
    factors = dict(strings.FACTORS)
    levels = dict(strings.LEVELS)
    return {
        words["divergent"]: sep.join(factors[f] for f in analysis["divergent"]) or words["none"],
        words["weight"]: levels[analysis["weight"]["level"]],
        words["departing"]: levels[analysis["departing"]["level"]],
    }


def parse(lines: list[str]) -> tuple[list[tuple[int, str, str]], list[tuple[int, str]]]:
    """``key：value`` lines as (line index, key, value), and the lines that are not."""
    items, bad = [], []
    for n, line in enumerate(lines):
        text = line.strip()
        if not text:
            continue
        cut = min((text.find(s) for s in SEPARATORS if s in text), default=-1)
        if cut <= 0:
            bad.append((n, f"`{text}` is not `项目：结果`"))
            continue
        items.append((n, text[:cut].strip(), text[cut + 1 :].strip()))
    return items, bad


def compare(kind: str, preset: str, lines: list[str], lang: str = "zh") -> list[tuple[int | None, str]]:
    """Problems as (line index or None, message): a stated result the tool does not show,
    an item the block does not state, a line that is not ``key：value``."""
    actual = shown(kind, preset, lang)
    items, problems = parse(lines)
    stated = set()
    for n, key, value in items:
        if key in stated:
            problems.append((n, f"`{key}` is stated twice"))
            continue
        stated.add(key)
        if key not in actual:
            problems.append((n, f"`{key}` is not an item of preset `{preset}` (items: {', '.join(actual)})"))
        elif value != actual[key]:
            problems.append((n, f"`{key}`: the notes say `{value}`, the tool shows `{actual[key]}`"))
    for key in actual:
        if key not in stated:
            problems.append((None, f"`{key}` is not stated (the tool shows `{actual[key]}`)"))
    return problems
