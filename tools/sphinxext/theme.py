"""Fixes to the theme's output that no option or template reaches.

- The sidebar's expand/collapse toggles are ``<summary>`` elements holding only an icon, so
  screen readers announce nothing (axe: summary-name). The toctree HTML is generated in
  Python by pydata-sphinx-theme; we wrap that generator and give each toggle a name.
- The theme's script reads and writes ``localStorage`` and ``sessionStorage`` unguarded
  (the colour mode, banners, the sidebar's scroll position). Where a browser blocks storage
  (cookies off, some in-app and private windows) each access throws, three uncaught errors
  a page. The script's copy in the site is rewritten to use ``window.courseStorage``
  (defined first thing in every page, book/_templates/layout.html), whose methods never
  throw: nothing is kept then, as the course's own scripts already say.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx

THEME_SCRIPTS = ("_static/scripts/pydata-sphinx-theme.js",)
# `localStorage.getItem(...)`, `window.sessionStorage.setItem(...)`: the storages as identifiers.
_STORAGE = re.compile(r"(?<![\w$.])(?:window\.)?(local|session)Storage(?![\w$])")

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


def guard_storage(script: str) -> str:
    """The theme's script with every storage access going through ``courseStorage``."""
    return _STORAGE.sub(lambda match: f"window.courseStorage.{match.group(1)}", script)


def _guard_theme_scripts(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for name in THEME_SCRIPTS:
        path = Path(app.outdir) / name
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            guarded = guard_storage(text)
            if guarded != text:  # a second build finds it done already
                path.write_text(guarded, encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.connect("build-finished", _guard_theme_scripts)
    # After pydata-sphinx-theme has put its generator into the page context.
    app.connect("html-page-context", _name_toggles, priority=900)
