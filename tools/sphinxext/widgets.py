"""The analysis widgets in pages: ``{relationship-map}`` and ``{purchase-factors}``.

```{relationship-map}
:example: pinacor-before     (optional: a preset from the language module; default worked-example)
```

At build time the widget's Python computes the example, so the page shows a result with
no JavaScript, in print and in the PDF, and a reader's first result needs no Python. Pages
with a widget also get the MicroPython runtime and the same Python sources, which recompute
in the reader's browser: the page script loads them (their URLs are in the widget's config)
once the page is up, or at once when a link or kept inputs need them.

In the teaching notes, what the tool shows for a case's preset:

```{tool-results} relationship-map li-xiang
采购负责人：朋友
警示：没有接触到决策者、只系在一个人身上
```

The build runs the preset through the tool and fails, naming the line, where the notes and
the tool disagree; the page shows the lines as a table with a link that opens the preset.
"""

from __future__ import annotations

import hashlib
import posixpath
import weakref
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from tools.data.schema import suggestion
from tools.html_json import script_json
from tools.sphinxext.placeholders import add_placeholders, has_mark
from tools.widgets import api, bundle, expected, relationship, state
from tools.widgets.markup import escape
from tools.widgets.render_form import purchase_form, relationship_form

from .links import section_links
from .store import use_store

logger = logging.getLogger(__name__)
RUNTIME_DIR = "_static/widgets"
LANG = "zh"
WIDGET_MARK = '<div class="course-widget"'
# Texts the page script shows itself (status lines, renumbered legends).
SCRIPT_TEXTS = (
    "loading",
    "recompute_waiting",
    "ready",
    "engine_failed",
    "contact_legend",
    "remove_contact",
    "share_copied",
    "share_manual",
    "max_contacts_reached",
    "restored",
    "preset_loaded",
    "undone",
    "reset_title",
    "reset_body",
    "reset_confirm",
    "reset_done",
    "clear_title",
    "clear_body",
    "clear_confirm",
    "clear_done",
    "removed",
    "removed_contact",
    "undone_remove",
    "undone_link",
    "link_title",
    "link_body",
    "link_confirm",
    "link_kept",
    "saved_to_file",
    "saved_deal",
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


class tool_results(nodes.General, nodes.Element):
    """Placeholder for a notes page's expected tool results, resolved once labels are known."""


class ToolResults(SphinxDirective):
    required_arguments = 2
    has_content = True

    def run(self) -> list[nodes.Node]:
        kind, preset = self.arguments
        if kind not in api.KINDS:
            tools = ", ".join(api.KINDS)
            logger.warning(f"tool-results: no tool `{kind}` (tools: {tools})", location=self.get_location())
            return []
        lines = list(self.content)
        try:
            problems = expected.compare(kind, preset, lines, LANG)
        except (KeyError, ValueError) as exc:
            logger.warning(f"tool-results: {exc.args[0]}", location=self.get_location())
            return []
        for n, problem in problems:
            line = self.content_offset + 1 + n if n is not None else self.lineno
            logger.warning(f"tool-results {kind} {preset}: {problem}", location=(self.env.docname, line))
        for path in Path(api.__file__).parent.glob("*.py"):
            self.env.note_dependency(str(path))
        rows = [(key, value) for _n, key, value in expected.parse(lines)[0]]
        node = tool_results(kind=kind, preset=preset, rows=rows)
        self.set_source_info(node)
        return [node]


def tool_results_html(app: Sphinx, fromdoc: str, node: tool_results) -> str:
    strings = api.strings_for(LANG)
    words = strings.EXPECTED
    title = dict((name, title) for name, title, _data in strings.PRESETS[node["kind"]])[node["preset"]]
    labels = app.env.domaindata["std"]["labels"]
    target = labels.get(f"widget-{node['kind']}")
    link = ""
    if target:
        url = app.builder.get_relative_uri(fromdoc, target[0]) + f"#{node['kind']}=preset:{node['preset']}"
        link = f' <span class="only-screen"><a href="{escape(url)}">{escape(words["open"])}</a></span>'
    rows = "".join(f"<tr><td>{escape(key)}</td><td>{escape(value)}</td></tr>" for key, value in node["rows"])
    return (
        f'<div class="course-tool-results" data-kind="{node["kind"]}" data-preset="{escape(node["preset"])}">'
        f"<p><strong>{escape(words['title'].format(title=title))}</strong>{link}</p>"
        f'<table class="table"><thead><tr><th>{escape(words["col_item"])}</th>'
        f"<th>{escape(words['col_shown'])}</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )


class RelationshipMap(WidgetDirective):
    kind = "relationship-map"


class PurchaseFactors(WidgetDirective):
    kind = "purchase-factors"


def _links(app: Sphinx, fromdoc: str, strings) -> dict[str, str]:
    """The language module's link keys as URLs relative to ``fromdoc``. A label that no
    longer exists (renamed in a chapter) is a build error located in the language module,
    where the stale name is, with the nearest existing label as a hint."""
    sections = section_links(app, fromdoc)
    reported = _reported.setdefault(app, set())
    for key, label in strings.LINK_LABELS:
        if label not in sections and label not in reported:
            reported.add(label)  # once per build, not once per page with a widget
            logger.warning(
                f"widgets: link `{key}` names section label `{label}`, which no page has "
                f"(renamed?){suggestion(label, list(sections))}",
                location=_where(strings, label),
                type="course",
                subtype="widgets",
            )
    return {key: sections.get(label, ("#", ""))[0] for key, label in strings.LINK_LABELS}


_reported: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _where(module, text: str) -> str:
    """``file:line`` of the first line of ``module`` that mentions ``text``."""
    path = Path(module.__file__)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if f'"{text}"' in line:
            return f"{path}:{number}"
    return str(path)


def widget_html(kind: str, example: str, uid: str, links: dict[str, str], runtime: dict[str, str] | None = None) -> str:
    """The widget's complete static HTML: hidden form, example result, and its config
    (``runtime``: the URLs of the runtime's files, by file name)."""
    strings = api.strings_for(LANG)
    form = api.preset_form(kind, example, LANG)
    result = api.analyse(kind, form, LANG)
    if result["errors"]:  # a preset that does not pass its own checks is a course bug
        raise ExtensionError(f"widgets: example `{example}` of {kind} is invalid: {result['errors'][0]['message']}")
    form_html = (relationship_form if kind == "relationship-map" else purchase_form)(strings, form, uid)
    presets = [{"name": name, "title": title} for name, title, _data in strings.PRESETS[kind]]
    config = {
        "kind": kind,
        "uid": uid,
        "links": links,
        "default": form,
        "blank": api.blank_form(kind),
        "presets": presets,
        "texts": {key: strings.UI[key] for key in SCRIPT_TEXTS} | {"rival_name": strings.PF["rival_name"]},
        "maxContacts": relationship.MAX_CONTACTS,
        "runtime": runtime or {},
    }
    data = script_json(config)
    ui = strings.UI
    options = "".join(f'<option value="{escape(p["name"])}">{escape(p["title"])}</option>' for p in presets)
    # Presets at the top, where loading one is seen to change the form; hidden until the
    # script can load them.
    chooser = (
        f'<div class="widget-presets only-screen" hidden>'
        f'<label for="{escape(uid)}-preset">{escape(ui["presets"])}</label>'
        f'<select id="{escape(uid)}-preset"><option value="">{escape(ui["preset_choose"])}</option>{options}</select>'
        f'<button type="button" class="widget-preset-load">{escape(ui["preset_load"])}</button></div>'
    )
    return (
        f'<div class="course-widget" id="{escape(uid)}" data-kind="{kind}">'
        f'<p class="widget-static-note">{escape(ui["static_note"])}</p>'
        f"{chooser}"
        f'<div class="widget-notice only-screen"><p class="widget-status" role="status"></p>'
        f'<button type="button" class="widget-undo" hidden>{escape(ui["undo"])}</button></div>'
        f"{form_html}"
        f'<div class="widget-share only-screen" hidden><label><span>{escape(ui["share_label"])}</span>'
        f'<input type="text" class="widget-share-url" readonly></label></div>'
        f'<div class="widget-back-bar only-screen" hidden><button type="button" class="widget-back">'
        f"↑ {escape(ui['back_to_inputs'])}</button></div>"
        f'<div class="widget-result" id="{escape(uid)}-result" tabindex="-1" aria-live="polite">'
        f"{api.render(kind, result, links, uid, LANG)}</div>"
        f'<script type="application/json" class="widget-config">{data}</script>'
        "</div>"
    )


def _resolve(app: Sphinx, doctree: nodes.document, fromdoc: str) -> None:
    for node in list(doctree.findall(tool_results)):
        node.replace_self(nodes.raw("", tool_results_html(app, fromdoc, node), format="html"))
    placeholders = list(doctree.findall(widget))
    if not placeholders:
        return
    links = _links(app, fromdoc, api.strings_for(LANG))
    runtime = _runtime_urls(app, fromdoc)
    for node in placeholders:
        html = widget_html(node["kind"], node["example"], node["uid"], links, runtime)
        node.replace_self(nodes.raw("", html, format="html"))


def _runtime_urls(app: Sphinx, fromdoc: str) -> dict[str, str]:
    """The runtime's files as URLs relative to ``fromdoc``'s page, each with its content's
    digest, so that a browser never pairs a cached old runtime with new Python sources."""
    digests = _digests.get(app)
    if digests is None:
        folder = Path(app.outdir) / RUNTIME_DIR
        digests = {name: hashlib.sha256((folder / name).read_bytes()).hexdigest()[:16] for name in bundle.RUNTIME_FILES}
        _digests[app] = digests
    here = posixpath.dirname(app.builder.get_target_uri(fromdoc))
    return {
        name: posixpath.relpath(f"{RUNTIME_DIR}/{name}", here or ".") + f"?v={digest}"
        for name, digest in digests.items()
    }


_digests: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _page_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if not has_mark(doctree, [WIDGET_MARK]):
        return
    use_store(app)
    # The runtime is not among the page's scripts: course-widgets.js loads it when it is
    # needed, so that it holds up neither the first paint nor the first result.
    app.add_js_file("course-widgets.js", defer="defer")
    app.add_css_file("course-widgets.css")


def _write_runtime(app: Sphinx) -> None:
    """Bundle the runtime once, before any page is read, so a missing or changed npm
    package fails the build at once."""
    if app.builder.format != "html":
        return
    try:
        bundle.write_runtime(Path(app.outdir) / RUNTIME_DIR)
    except bundle.BundleError as exc:
        raise ExtensionError(str(exc)) from exc


def setup(app: Sphinx) -> None:
    add_placeholders(app, widget, tool_results)
    app.add_directive("tool-results", ToolResults)
    app.add_directive("relationship-map", RelationshipMap)
    app.add_directive("purchase-factors", PurchaseFactors)
    app.connect("builder-inited", _write_runtime)
    app.connect("doctree-resolved", _resolve)
    # Before other page-context handlers that rebuild the page's style list (tools/sphinxext/
    # assets.py), so the styles added here are in it.
    app.connect("html-page-context", _page_scripts, priority=300)
