"""Sphinx glue for the course: wires up the course's own extensions."""

from __future__ import annotations

import filecmp
from pathlib import Path

from sphinx.application import Sphinx

from . import (
    accounts,
    assets,
    cases,
    certification,
    conversation,
    course_path,
    csp,
    edition,
    figures,
    final_test,
    leak_guard,
    page_budget,
    page_data,
    pages,
    pinyin_order,
    quiz,
    search,
    slide_decks,
    theme,
    trainer_mark,
    transfer,
    widgets,
)

STATIC = Path(__file__).parent / "static"


def _add_static(app: Sphinx) -> None:
    app.config.html_static_path.append(str(STATIC))


def _static_outdated(app: Sphinx, env, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """Sphinx copies the static files only when it writes a page, so after an edit to a
    stylesheet or script alone, ``make`` would leave the old copy in the site. Then the root
    page is written again, and with it every static file."""
    out = Path(app.outdir) / "_static"
    if not out.is_dir():
        return []
    for path in STATIC.rglob("*"):
        built = out / path.relative_to(STATIC)
        if path.is_file() and (not built.is_file() or not filecmp.cmp(path, built, shallow=False)):
            return [app.config.root_doc]
    return []


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", _add_static)
    app.connect("env-get-outdated", _static_outdated)
    search.setup(app)
    figures.setup(app)
    cases.setup(app)
    leak_guard.setup(app)
    edition.setup(app)
    trainer_mark.setup(app)
    theme.setup(app)
    assets.setup(app)
    pages.setup(app)
    pinyin_order.setup(app)
    quiz.setup(app)
    final_test.setup(app)
    certification.setup(app)
    transfer.setup(app)
    slide_decks.setup(app)
    widgets.setup(app)
    accounts.setup(app)
    course_path.setup(app)
    conversation.setup(app)
    page_data.setup(app)
    page_budget.setup(app)
    csp.setup(app)
    app.add_css_file("course.css")
    app.add_css_file("course-worksheets.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
