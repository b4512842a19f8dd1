"""Sphinx glue for the course: wires up the course's own extensions."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from . import (
    assets,
    cases,
    conversation,
    csp,
    edition,
    figures,
    final_test,
    page_data,
    pages,
    pinyin_order,
    quiz,
    search,
    theme,
    trainer_mark,
    widgets,
)

STATIC = Path(__file__).parent / "static"


def _add_static(app: Sphinx) -> None:
    app.config.html_static_path.append(str(STATIC))


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", _add_static)
    search.setup(app)
    figures.setup(app)
    cases.setup(app)
    edition.setup(app)
    trainer_mark.setup(app)
    theme.setup(app)
    assets.setup(app)
    pages.setup(app)
    pinyin_order.setup(app)
    quiz.setup(app)
    final_test.setup(app)
    widgets.setup(app)
    conversation.setup(app)
    page_data.setup(app)
    csp.setup(app)
    app.add_css_file("course.css")
    app.add_css_file("course-worksheets.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
