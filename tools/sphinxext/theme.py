"""Fixes to the theme's output that no option or template reaches.

The sidebar's expand/collapse toggles are ``<summary>`` elements holding only an icon, so
screen readers announce nothing (axe: summary-name). The toctree HTML is generated in
Python by pydata-sphinx-theme; we wrap that generator and give each toggle a name.
"""

from __future__ import annotations

from sphinx.application import Sphinx

_TOGGLE = '<summary><span class="toctree-toggle" role="presentation">'
_NAMED = '<summary aria-label="展开或收起本节目录"><span class="toctree-toggle" role="presentation">'


def _name_toggles(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    generate = context.get("generate_toctree_html")
    if generate is None or getattr(generate, "_course_wrapped", False):
        return

    def wrapped(*args, **kwargs):
        return str(generate(*args, **kwargs)).replace(_TOGGLE, _NAMED)

    wrapped._course_wrapped = True
    context["generate_toctree_html"] = wrapped


def setup(app: Sphinx) -> None:
    # After pydata-sphinx-theme has put its generator into the page context.
    app.connect("html-page-context", _name_toggles, priority=900)
