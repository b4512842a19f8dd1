"""The browser store on the pages that keep state: ``course-store.js`` (the one place the
reader's progress and inputs are kept), ``course-confirm.js`` (the dialog before anything is
thrown away) and the page scripts' texts, as data.

The self-check and tool extensions call ``use_store`` for their pages only; the same call
twice on one page adds everything once.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from tools.html_json import script_json

from .page_texts import texts

# Before the page scripts that use them (Sphinx orders by priority, then by call).
PRIORITY = 400
TEXTS_ID = "course-texts"


# Texts that learner pages never need: the certification test's are for HTML written at build
# time on trainer pages; the cohort page's come with it. Every page with the store would
# carry them otherwise.
# The cohort page and the progress page's transfer block carry their own (tools/sphinxext/transfer.py).
BUILD_ONLY = ("certification", "cohort", "transfer")


def texts_json(language: str) -> str:
    table = {key: value for key, value in texts(language).items() if key not in BUILD_ONLY}
    return script_json(table, sort_keys=True)


def use_store(app: Sphinx) -> None:
    """Add the store, the dialog and the texts to the page being written."""
    language = app.config.language or "zh_CN"
    app.add_js_file(None, priority=PRIORITY, body=texts_json(language), type="application/json", id=TEXTS_ID)
    app.add_js_file("course-dom.js", priority=PRIORITY, defer="defer")  # helpers for every player
    app.add_js_file("course-store.js", priority=PRIORITY, defer="defer")
    app.add_js_file("course-confirm.js", priority=PRIORITY, defer="defer")
    app.add_css_file("course-store.css")
