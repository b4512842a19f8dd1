"""The final test and spaced review in pages: ``{final-test}`` and ``{spaced-review}``.

``{final-test}`` becomes the test's online form (drawn by course-final.js from the pools by
the blueprint, tools/exercises/blueprint.py) and its printed forms A and B, which are also
what a reader without JavaScript and the book PDF get. The answer keys of the printed forms
are in the trainer edition only: in the learner edition a key beside the test would turn it
into another self-check. ``{spaced-review}`` becomes the review page (course-review.js),
with every item of the banks as data. The build fails when the blueprint cannot be filled
from the banks.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from tools.exercises import blueprint
from tools.exercises.model import Bank
from tools.exercises.render import paper_html, pool_item
from tools.html_json import script_json
from tools.sphinxext.placeholders import add_placeholders, has_mark

from .links import section_links
from .page_texts import texts
from .quiz import _banks, _chapter_title

logger = logging.getLogger(__name__)
MARKS = ('<div class="course-final"', '<div class="course-review"')


class final_test(nodes.General, nodes.Element):
    """Placeholder for the final test, resolved after reading."""


class spaced_review(nodes.General, nodes.Element):
    """Placeholder for the review page, resolved after reading."""


class _Placeholder(SphinxDirective):
    node_class: type = final_test

    def run(self) -> list[nodes.Node]:
        for path in (Path(self.env.srcdir) / "exercises").glob("*.yml"):
            self.env.note_dependency(str(path))
        node = self.node_class()
        self.set_source_info(node)
        return [node]


class FinalTest(_Placeholder):
    node_class = final_test


class SpacedReview(_Placeholder):
    node_class = spaced_review


def _check_blueprint(app: Sphinx, env) -> None:
    banks = _banks(env)
    if banks is None:
        return
    for problem in blueprint.problems(banks):
        logger.warning(problem, location="tools/exercises/blueprint.py", type="course", subtype="final-test")


def _pool(app: Sphinx, fromdoc: str, banks: dict[str, Bank], chapters: list[str]) -> list[dict]:
    links = section_links(app, fromdoc)
    return [
        pool_item(item, *links.get(item.section, ("#", item.section)))
        for chapter in chapters
        if chapter in banks
        for item in banks[chapter].items
    ]


def _json(value) -> str:
    return script_json(value)


def _final_html(app: Sphinx, fromdoc: str, banks: dict[str, Bank]) -> str:
    words = texts(app.config.language)["final"]
    chapters = [c for c in blueprint.BLUEPRINT if c in banks]
    data = {
        "blueprint": blueprint.BLUEPRINT,
        "cut": blueprint.cut_score(),
        "size": blueprint.size(),
        "chapters": [
            {"chapter": c, "title": _chapter_title(app, c), "url": app.builder.get_relative_uri(fromdoc, f"book/{c}")}
            for c in chapters
        ],
        "pool": [d for d in _pool(app, fromdoc, banks, chapters) if d["level"] in _levels()],
    }
    show_key = app.config.course_edition == "trainer"
    forms = "".join(paper_html(blueprint.draw(banks, form), form, show_key) for form in blueprint.FORMS)
    return (
        '<div class="course-final">'
        f'<div class="course-final-static"><p class="course-final-nojs only-screen">{escape(words["static"])}</p>'
        f"{forms}</div>"
        f'<script type="application/json" class="course-final-data">{_json(data)}</script>'
        "</div>"
    )


def _levels() -> set[str]:
    return {level for cells in blueprint.BLUEPRINT.values() for level in cells}


def _review_html(app: Sphinx, fromdoc: str, banks: dict[str, Bank]) -> str:
    words = texts(app.config.language)["review"]
    return (
        '<div class="course-review">'
        f'<p class="course-review-static">{escape(words["static"])}</p>'
        f'<script type="application/json" class="course-review-data">{_json(_pool(app, fromdoc, banks, list(banks)))}'
        "</script></div>"
    )


def _resolve(app: Sphinx, doctree: nodes.document, fromdoc: str) -> None:
    placeholders = list(doctree.findall(final_test)) + list(doctree.findall(spaced_review))
    if not placeholders:
        return
    banks = _banks(app.env) or {}
    for node in placeholders:
        html = _final_html(app, fromdoc, banks) if isinstance(node, final_test) else _review_html(app, fromdoc, banks)
        node.replace_self(nodes.raw("", html, format="html"))


def _page_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """The final test's script on its page (the store and course-quiz.js come with the
    self-check marks, tools/sphinxext/quiz.py)."""
    if has_mark(doctree, MARKS[:1]):
        app.add_js_file("course-final.js", defer="defer")


def setup(app: Sphinx) -> None:
    add_placeholders(app, final_test, spaced_review)
    app.add_directive("final-test", FinalTest)
    app.add_directive("spaced-review", SpacedReview)
    app.connect("env-check-consistency", _check_blueprint)
    app.connect("doctree-resolved", _resolve)
    app.connect("html-page-context", _page_scripts, priority=310)
