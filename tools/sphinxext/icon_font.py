"""Strip Font Awesome from the theme's stylesheet.

pydata-sphinx-theme bundles the whole Font Awesome icon set into its stylesheet (about
90 KB of rules, and a 156 KB web font that every page then downloads). The course draws the
few icons it shows as small inline SVG masks (``course-icons.css``), so the icon rules are
dead weight. This module removes them from minified CSS text; it knows nothing of Sphinx.

Only whole rules go: a rule stays if any one of its selectors is not Font Awesome's, so
a shared rule (``.sr-only, .fa-sr-only``) is kept.
"""

from __future__ import annotations

import re

from tools.sphinxext.css_text import split_selectors, statements

# A selector that styles Font Awesome's own classes (.fa, .fa-solid, .fa-bars:before, .fab ...).
_FA_SELECTOR = re.compile(r"^\.(?:fa|fas|far|fab|fa-[\w-]+)(?![\w-])")
_FA_VARIABLE = re.compile(r"^\s*--fa-[\w-]+\s*:")


def _selectors(prelude: str) -> list[str]:
    return split_selectors(re.sub(r"/\*.*?\*/", "", prelude, flags=re.S))


def _is_icon_rule(prelude: str, body: str) -> bool:
    head = re.sub(r"/\*.*?\*/", "", prelude, flags=re.S).strip()
    if head.startswith("@font-face"):
        return "Font Awesome" in body
    if head.startswith("@keyframes"):
        return bool(re.match(r"@keyframes\s+fa-", head))
    if head.startswith("@"):
        return False
    selectors = _selectors(head)
    if selectors and all(_FA_SELECTOR.match(s) for s in selectors):
        return True
    # :root/:host blocks that only declare Font Awesome's variables.
    declarations = [d for d in body.split(";") if d.strip()]
    return (
        bool(declarations) and set(selectors) <= {":root", ":host"} and all(_FA_VARIABLE.match(d) for d in declarations)
    )


def strip_icon_font(css: str) -> str:
    """``css`` without Font Awesome's rules, font faces, keyframes and variables."""
    kept: list[str] = []
    for prelude, body in statements(css):
        if body is None:
            kept.append(prelude)
            continue
        head = prelude.strip()
        if head.startswith(("@media", "@supports", "@layer", "@container")):
            inner = strip_icon_font(body)
            if inner.strip():
                kept.append(f"{prelude}{{{inner}}}")
            continue
        if not _is_icon_rule(prelude, body):
            kept.append(f"{prelude}{{{body}}}")
    return "".join(kept)
