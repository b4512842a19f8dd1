"""A page that carries too much is refused, with the figure.

A chapter page carries its self-check bank and conversations: as HTML (the static and
printed forms) and as data (``_static/course-data/<page>.js``, :mod:`page_data`). A bank of
hundreds of items builds a page that no phone loads quickly (the reviewer's R7: 924 items,
759 KB), and the build accepted it. So after the build every page's own bytes (its HTML and
its data file) are weighed against :data:`OWN_BUDGET`: with the shared stylesheets and
scripts (about 180 KB) that keeps a chapter within the 600 KB the page-weight test holds.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from .page_data import data_path

logger = logging.getLogger(__name__)

OWN_BUDGET = 420 * 1024  # bytes of a page's HTML and its data file together
CHAPTER_BUDGET = 600  # KB, everything a chapter page loads (tests/test_reader_weight.py)


def over_budget(outdir: Path, pages: list[str]) -> list[tuple[str, int]]:
    """(page, own bytes) for each page whose HTML and data file weigh more than the budget."""
    found = []
    for page in pages:
        html = outdir / f"{page}.html"
        if not html.is_file():
            continue
        data = data_path(outdir, page)
        size = html.stat().st_size + (data.stat().st_size if data.is_file() else 0)
        if size > OWN_BUDGET:
            found.append((page, size))
    return found


def message(page: str, size: int, banks: dict[str, int]) -> str:
    chapter = page.removeprefix("book/")
    carried = f"; its bank exercises/{chapter}.yml holds {banks[chapter]} items" if chapter in banks else ""
    return (
        f"{page}.html weighs {size // 1024} KB with its self-check and conversation data, more than the "
        f"{OWN_BUDGET // 1024} KB a page may carry of its own (the chapter budget is {CHAPTER_BUDGET} KB with the "
        f"site's shared files){carried}: move items to another chapter's bank or remove some"
    )


def _check(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    from .quiz import _banks  # the banks as the build loaded them

    banks = {chapter: len(bank.items) for chapter, bank in (_banks(app.env) or {}).items()}
    for page, size in over_budget(Path(app.outdir), sorted(app.env.found_docs)):
        logger.warning(message(page, size, banks), type="course", subtype="budget")


def setup(app: Sphinx) -> None:
    app.connect("build-finished", _check, priority=600)
