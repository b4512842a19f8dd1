"""Players' data out of the page: one deferred data script per page.

The self-checks and the conversation practice each need their data (answers, feedback,
every turn of a conversation) as JSON. Inline in the page it made a chapter's HTML a
quarter heavier, and every byte of the HTML competes with the stylesheets for the first
paint. So the glue that places a self-check or a conversation hands its data blocks to
:func:`take`, which removes them from the page's HTML and keeps them; when the page is
written, its data goes into ``_static/course-data/<page>.js``, loaded with ``defer`` before
the players' scripts (deferred scripts run in page order), and registers itself:

    window.CourseData = {"quiz": {"<item id>": {...}}, "conversation": {"<id>": {...}}}

A classic script file, not a fetched JSON file, so that it works from file:// too, and an
external file, so that the Content-Security-Policy (tools/csp.py) allows it as ``'self'``.
The players fall back to an inline block where one is left (pages built by other tools).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from sphinx.application import Sphinx

from tools.html_json import script_json

FOLDER = "course-data"
# Before the players' scripts (course-quiz.js, course-conversation.js: default 500), after
# the store (tools/sphinxext/store.py).
PRIORITY = 450
# The kinds of data a page can hand over: the class of its inline block.
KINDS = {"quiz": "course-quiz-data", "conversation": "course-conversation-data"}
_BLOCK = '<script type="application/json" class="{cls}">(.*?)</script>'


def _pending(app: Sphinx) -> dict[str, dict[str, dict[str, object]]]:
    """docname -> kind -> id -> data, for the pages resolved but not yet written."""
    if not hasattr(app, "course_page_data"):
        app.course_page_data = {}
    return app.course_page_data


def take(app: Sphinx, docname: str, kind: str, html: str) -> str:
    """``html`` without its ``kind`` data blocks, which are kept for ``docname``'s data file.
    Each block's data names itself (``"id"``). Other builders keep the blocks."""
    if app.builder.format != "html":
        return html
    found = _pending(app).setdefault(docname, {}).setdefault(kind, {})

    def keep(match: re.Match) -> str:
        data = json.loads(match.group(1))
        found[data["id"]] = data
        return ""

    return re.sub(_BLOCK.format(cls=KINDS[kind]), keep, html, flags=re.S)


def script(data: dict[str, dict[str, object]], pagename: str) -> str:
    """The data file's text: it merges ``data`` into ``window.CourseData``."""
    payload = script_json(data, sort_keys=True)
    return (
        f"/* The self-check and conversation data of {pagename}.html, written by the build "
        "(tools/sphinxext/page_data.py). */\n"
        "(function (data) {\n"
        "  var all = window.CourseData = window.CourseData || {};\n"
        "  Object.keys(data).forEach(function (kind) { all[kind] = Object.assign(all[kind] || {}, data[kind]); });\n"
        f"}})({payload});\n"
    )


def read(path: Path) -> dict[str, dict[str, object]]:
    """The data a data file registers (for tests and tools): kind -> id -> data."""
    text = path.read_text(encoding="utf-8")
    start, end = text.index("})(") + 3, text.rindex(");")
    return json.loads(text[start:end])


def data_path(outdir: Path, pagename: str) -> Path:
    return Path(outdir) / "_static" / FOLDER / f"{pagename}.js"


def _write(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    data = _pending(app).pop(pagename, None)
    if not data or not any(data.values()):
        return
    path = data_path(app.outdir, pagename)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(script(data, pagename), encoding="utf-8")
    app.add_js_file(f"{FOLDER}/{pagename}.js", priority=PRIORITY, defer="defer")


def setup(app: Sphinx) -> None:
    # With the other page-script handlers (300), before assets.py trims the lists (400).
    app.connect("html-page-context", _write, priority=300)
