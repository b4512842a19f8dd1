"""The analysis widgets in pages: ``{relationship-map}`` and ``{purchase-factors}``.

```{relationship-map}
:example: pinacor-before     (optional: a preset from the language module; default worked-example)
```

At build time the widget's Python computes the example, so the page shows a result with
no JavaScript, in print and in the PDF. Pages with a widget also get the MicroPython
runtime and the same Python sources, which recompute in the reader's browser.
"""

from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from tools.widgets import api, bundle, relationship, state
from tools.widgets.markup import escape
from tools.widgets.render_form import purchase_form, relationship_form

from .links import section_links

logger = logging.getLogger(__name__)
RUNTIME_DIR = "_static/widgets"
LANG = "zh"
WIDGET_MARK = '<div class="course-widget"'
# Texts the page script shows itself (status lines, renumbered legends).
SCRIPT_TEXTS = (
    "loading",
    "ready",
    "engine_failed",
    "contact_legend",
    "remove_contact",
    "share_copied",
    "share_manual",
    "max_contacts_reached",
)


class widget(nodes.General, nodes.Element):
    """Placeholder for a widget, resolved to HTML once every section label is known."""


class WidgetDirective(SphinxDirective):
    option_spec = {"example": directives.unchanged, "id": directives.unchanged}
    kind = ""

    def run(self) -> list[nodes.Node]:
        strings = api.strings_for(LANG)
        example = self.options.get("example", "worked-example").strip()
        names = state.preset_names(self.kind, strings)
        if example not in names:
            logger.warning(
                f"{self.kind}: no example `{example}` (examples: {', '.join(names)})", location=self.get_location()
            )
            return []
        uid = self.options.get("id", self.kind).strip()
        node = widget(kind=self.kind, example=example, uid=uid)
        self.set_source_info(node)
        for path in Path(api.__file__).parent.glob("*.py"):  # the result is computed by these
            self.env.note_dependency(str(path))
        return [node]


class RelationshipMap(WidgetDirective):
    kind = "relationship-map"


class PurchaseFactors(WidgetDirective):
    kind = "purchase-factors"


def _links(app: Sphinx, fromdoc: str, strings) -> dict[str, str]:
    """The language module's link keys as URLs relative to ``fromdoc``; a missing label fails."""
    sections = section_links(app, fromdoc)
    missing = [f"`{label}` (link `{key}`)" for key, label in strings.LINK_LABELS if label not in sections]
    if missing:
        raise ExtensionError(f"widgets: no section label {', '.join(missing)}")
    return {key: sections[label][0] for key, label in strings.LINK_LABELS}


def widget_html(kind: str, example: str, uid: str, links: dict[str, str]) -> str:
    """The widget's complete static HTML: hidden form, example result, and its config."""
    strings = api.strings_for(LANG)
    form = api.preset_form(kind, example, LANG)
    result = api.analyse(kind, form, LANG)
    if result["errors"]:  # a preset that does not pass its own checks is a course bug
        raise ExtensionError(f"widgets: example `{example}` of {kind} is invalid: {result['errors'][0]['message']}")
    form_html = (relationship_form if kind == "relationship-map" else purchase_form)(strings, form, uid)
    config = {
        "kind": kind,
        "uid": uid,
        "links": links,
        "default": form,
        "texts": {key: strings.UI[key] for key in SCRIPT_TEXTS},
        "maxContacts": relationship.MAX_CONTACTS,
    }
    data = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
    return (
        f'<div class="course-widget" id="{escape(uid)}" data-kind="{kind}">'
        f'<p class="widget-static-note">{escape(strings.UI["static_note"])}</p>'
        f"{form_html}"
        f'<div class="widget-share only-screen" hidden><label><span>{escape(strings.UI["share_label"])}</span>'
        f'<input type="text" class="widget-share-url" readonly></label></div>'
        f'<p class="widget-status only-screen" role="status"></p>'
        f'<div class="widget-result" aria-live="polite">{api.render(kind, result, links, uid, LANG)}</div>'
        f'<script type="application/json" class="widget-config">{data}</script>'
        "</div>"
    )


def _resolve(app: Sphinx, doctree: nodes.document, fromdoc: str) -> None:
    placeholders = list(doctree.findall(widget))
    if not placeholders:
        return
    links = _links(app, fromdoc, api.strings_for(LANG))
    for node in placeholders:
        html = widget_html(node["kind"], node["example"], node["uid"], links)
        node.replace_self(nodes.raw("", html, format="html"))


def _page_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if doctree is None or not any(WIDGET_MARK in n.astext() for n in doctree.findall(nodes.raw)):
        return
    for name in ("micropython.js", "micropython-wasm.js", "course-widgets-py.js"):
        app.add_js_file(f"widgets/{name}", defer="defer")
    app.add_js_file("course-widgets.js", defer="defer")


def _write_runtime(app: Sphinx) -> None:
    """Bundle the runtime once, before any page is read, so a missing or changed npm
    package fails the build at once."""
    if app.builder.format != "html":
        return
    try:
        bundle.write_runtime(Path(app.outdir) / RUNTIME_DIR)
    except bundle.BundleError as exc:
        raise ExtensionError(str(exc)) from exc


def _skip(self, node) -> None:
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    app.add_node(widget, html=(_skip, None), latex=(_skip, None), text=(_skip, None))
    app.add_directive("relationship-map", RelationshipMap)
    app.add_directive("purchase-factors", PurchaseFactors)
    app.connect("builder-inited", _write_runtime)
    app.connect("doctree-resolved", _resolve)
    app.connect("html-page-context", _page_scripts)
    app.add_css_file("course-widgets.css")
