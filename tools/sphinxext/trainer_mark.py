"""The marking of trainer-only pages: 培训师资料·请勿发给学员 (the strings table's ``trainer_mark``).

In the trainer edition every page under ``cases/notes`` (teaching notes, the trainer's
guide, the case kits) gets a banner under its title and loads ``course-trainer.css``. On
screen the banner stands out; printed from the browser, the same words run at the top of
every sheet in an ``@page`` margin box (a ``position: fixed`` box also repeats on each
sheet, but inside the page area, over the text). The stylesheet is written by this module
(``trainer_mark.css`` plus the margin box, whose text comes from the strings table) into
the trainer build only, and loaded only by trainer-only pages: a case page printed from
the trainer site is a handout and stays unmarked. The learner edition never reads those
pages, so the marking appears nowhere in it. The book PDF marks its pages with
``tools/pdf/trainer.css``; the notes sheets carry it in their running footer.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx

from tools.cases.model import NOTES_DIR
from tools.cases.strings import DEFAULT_LANGUAGE, strings

NOTES = f"cases/{NOTES_DIR}/"
MARK_CLASS = "course-trainer-mark"
STYLESHEET = "course-trainer.css"
TEMPLATE = Path(__file__).with_name("trainer_mark.css")


def _text(app: Sphinx) -> str:
    return strings(app.config.language or DEFAULT_LANGUAGE)["trainer_mark"]


def css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def stylesheet(text: str) -> str:
    """The trainer pages' stylesheet: the template and the running mark on every printed page."""
    # A margin of its own, so that the mark never sits on the text whatever margins the print
    # dialog (or a headless print with none) would use.
    rule = (
        "@page { margin: 16mm 14mm 14mm; @top-center { content: "
        + css_string(text)
        + "; font: 9pt sans-serif; color: #a3160c; } }\n"
    )
    return TEMPLATE.read_text(encoding="utf-8") + "\n@media print {\n" + rule + "}\n"


def _mark(app: Sphinx, doctree: nodes.document) -> None:
    if app.config.course_edition != "trainer" or not app.env.docname.startswith(NOTES):
        return
    section = doctree.next_node(nodes.section)
    if section is None:
        return
    banner = nodes.container("", nodes.paragraph("", _text(app)), classes=[MARK_CLASS])
    title = section.next_node(nodes.title)
    section.insert(section.index(title) + 1 if title is not None else 0, banner)


def _page_stylesheet(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    # Called during html-page-context, add_css_file adds the file to this page only.
    if app.config.course_edition == "trainer" and pagename.startswith(NOTES):
        app.add_css_file(STYLESHEET)


def _write_stylesheet(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html" or app.config.course_edition != "trainer":
        return
    target = Path(app.outdir) / "_static" / STYLESHEET
    target.write_text(stylesheet(_text(app)), encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.connect("doctree-read", _mark)
    app.connect("html-page-context", _page_stylesheet)
    # Before the theme's stylesheets are slimmed and the policies written (priority 900+).
    app.connect("build-finished", _write_stylesheet, priority=450)
