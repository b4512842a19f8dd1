"""``{progress-transfer}``: export and import of the reader's progress, and the learner
record for a trainer (course-transfer.js), on the progress page.

The placeholder is resolved after reading, with what the script needs as data: each
chapter's items as the self-check rules read them (to count a learner record), the practice
test's cut score and size, how many conversations there are, and which store areas are
local (the accounts). lz-string, which makes the progress code, is copied from node_modules
(pinned in package.json) into the build's _static.
"""

from __future__ import annotations

import shutil
from html import escape
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from tools.exercises import blueprint
from tools.exercises.render import answer_spec
from tools.html_json import script_json
from tools.sphinxext.placeholders import add_placeholders, has_mark

from .page_texts import texts
from .quiz import _banks, _chapter_title
from .store import use_store

MARK = '<div class="course-transfer"'
ROOT = Path(__file__).resolve().parents[2]
LZ_STRING = ROOT / "node_modules" / "lz-string" / "libs" / "lz-string.min.js"
LOCAL_AREAS = ("accounts",)  # course-worksheets.js: kept in this browser, exported with the rest


class progress_transfer(nodes.General, nodes.Element):
    """Placeholder, resolved after reading."""


COHORT_MARK = '<div class="course-cohort"'


class Cohort(SphinxDirective):
    """``{cohort}``: the trainer edition's page that reads learner records (course-cohort.js)."""

    def run(self) -> list[nodes.Node]:
        words = texts(self.config.language)["cohort"]
        html = (
            f'<div class="course-cohort"><p>{escape(words["static"])}</p></div>'
            f'<script type="application/json" id="course-cohort-texts">{script_json(words)}</script>'
        )
        return [nodes.raw("", html, format="html")]


class ProgressTransfer(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        for path in (Path(self.env.srcdir) / "exercises").rglob("*.yml"):
            self.env.note_dependency(str(path))
        node = progress_transfer()
        self.set_source_info(node)
        return [node]


def _html(app: Sphinx, banks: dict) -> str:
    words = texts(app.config.language)["transfer"]
    conversations = len(list((Path(app.srcdir) / "exercises" / "conversations").glob("*.yml")))
    order = [*(c for c in blueprint.BLUEPRINT if c in banks), *sorted(set(banks) - set(blueprint.BLUEPRINT))]
    data = {
        "local": list(LOCAL_AREAS),
        # In the blueprint's order (the chapters' reading order), then any other bank by name:
        # the env's own order may differ from one build to the next.
        "chapters": [
            {
                "chapter": chapter,
                "title": _chapter_title(app, chapter),
                "items": [{"id": item.id, **answer_spec(item)} for item in banks[chapter].items],
            }
            for chapter in order
        ],
        "cut": blueprint.cut_score(),
        "size": blueprint.size(),
        "conversations": conversations,
    }
    return (
        f'<div class="course-test-history"><p>{escape(words["history_static"])}</p></div>'
        f'<div class="course-transfer"><p class="course-transfer-static">{escape(words["static"])}</p></div>'
        f'<script type="application/json" id="course-transfer-data">{script_json(data)}</script>'
        f'<script type="application/json" id="course-transfer-texts">{script_json(words)}</script>'
    )


def _resolve(app: Sphinx, doctree: nodes.document, fromdoc: str) -> None:
    found = list(doctree.findall(progress_transfer))
    if not found:
        return
    banks = _banks(app.env) or {}
    for node in found:
        node.replace_self(nodes.raw("", _html(app, banks), format="html"))


def _page_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if has_mark(doctree, (MARK,)):
        use_store(app)
        app.add_js_file("lz-string.min.js", defer="defer")
        app.add_js_file("course-transfer.js", defer="defer")
    if has_mark(doctree, (COHORT_MARK,)):
        use_store(app)
        app.add_js_file("course-cohort.js", defer="defer")


def _copy_library(app: Sphinx) -> None:
    """Into the output before any page is written: Sphinx stamps a script's URL with the
    file's checksum (``?v=…``) only when the file is already there, so a copy made after
    writing gave a first build and a second build different pages."""
    if app.builder.format != "html":
        return
    if not LZ_STRING.is_file():
        raise FileNotFoundError(f"{LZ_STRING} is missing: run `make setup` (npm ci) first")
    target = Path(app.outdir) / "_static" / "lz-string.min.js"
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.is_file() or target.read_bytes() != LZ_STRING.read_bytes():
        shutil.copyfile(LZ_STRING, target)


def setup(app: Sphinx) -> None:
    add_placeholders(app, progress_transfer)
    app.add_directive("progress-transfer", ProgressTransfer)
    app.add_directive("cohort", Cohort)
    app.connect("doctree-resolved", _resolve)
    app.connect("html-page-context", _page_scripts, priority=320)
    app.connect("builder-inited", _copy_library)
