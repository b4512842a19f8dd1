"""Self-check items in pages: ``{self-check}`` and ``{progress-overview}``.

```{self-check} purchase-factors
:items: pf-01, pf-03      (optional: chosen items; default the whole bank)
```

The directive leaves a placeholder; once every page is read (and every section label is
known) the placeholder becomes the items' HTML, with links to the sections they test.
Bank errors and unknown sections fail the build with file, line and item ID.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from tools.exercises.model import Bank, course_problems, load_each_bank
from tools.exercises.render import answer_spec, bank_html
from tools.html_json import script_json
from tools.sphinxext.placeholders import add_placeholders, has_mark

from . import page_data
from .links import section_links
from .page_texts import texts
from .store import use_store

logger = logging.getLogger(__name__)


class self_check(nodes.General, nodes.Element):
    """Placeholder for a bank's items, resolved to HTML after reading."""


class progress_overview(nodes.General, nodes.Element):
    """Placeholder for the progress page's table of chapters."""


_loaded: dict[tuple, tuple[dict[str, Bank], set[str]]] = {}


def _each_bank(env) -> tuple[dict[str, Bank], set[str]]:
    """The banks that load and the file names (stems) of those that do not, read once for as
    long as no bank file changes (every directive and page asks); each broken bank is
    reported once, and the others are still checked against the course."""
    directory = Path(env.srcdir) / "exercises"
    # Every YAML-looking file counts, so a misnamed bank (x.yaml) is reported, not skipped.
    files = [p for p in directory.glob("*") if p.suffix.lower() in (".yml", ".yaml")]
    stamp = (str(directory), *sorted((p.name, p.lstat().st_mtime_ns) for p in files))  # lstat: a broken link too
    if stamp not in _loaded:
        banks, problems = load_each_bank(directory)
        for exc in problems:
            logger.warning(**exc.for_sphinx(), type="course", subtype="exercises")
        _loaded[stamp] = (banks, {exc.path.stem for exc in problems})
    return _loaded[stamp]


def _banks(env) -> dict[str, Bank] | None:
    """All the banks, or None when any is broken (the final test and the page budget need
    every bank; the broken one is reported by :func:`_each_bank`)."""
    banks, broken = _each_bank(env)
    return None if broken else banks


class SelfCheck(SphinxDirective):
    required_arguments = 1
    option_spec = {"items": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        chapter = self.arguments[0]
        banks, broken = _each_bank(self.env)
        for path in (Path(self.env.srcdir) / "exercises").glob("*.yml"):
            self.env.note_dependency(str(path))
        if chapter in broken:  # reported already, against the bank's own file
            return []
        if chapter not in banks:
            logger.warning(
                f"no question bank `{chapter}` (banks: {', '.join(sorted(banks))})", location=self.get_location()
            )
            return []
        wanted = [i.strip() for i in self.options.get("items", "").split(",") if i.strip()]
        known = [item.id for item in banks[chapter].items]
        unknown = [i for i in wanted if i not in known]
        if unknown:
            logger.warning(
                f"bank `{chapter}` has no item {', '.join(unknown)} (items: {', '.join(known)})",
                location=self.get_location(),
            )
            return []
        node = self_check(chapter=chapter, items=wanted or known)
        self.set_source_info(node)
        return [node]


class ProgressOverview(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        for path in (Path(self.env.srcdir) / "exercises").glob("*.yml"):
            self.env.note_dependency(str(path))
        node = progress_overview()
        self.set_source_info(node)
        return [node]


def _check_sections(app: Sphinx, env) -> None:
    """The banks against the course: each bank's chapter exists, IDs carry its prefix, and
    every item's section is a heading of that chapter (every problem, not only the first)."""
    banks, _broken = _each_bank(env)
    labels = {label: docname for label, (docname, _anchor, _title) in env.domaindata["std"]["labels"].items()}
    chapters = {name.removeprefix("book/") for name in env.found_docs if name.count("/") == 1 and name[:5] == "book/"}
    for problem in course_problems(banks, chapters, labels):
        logger.warning(**problem.for_sphinx(), type="course", subtype="exercises")


def _chapter_title(app: Sphinx, chapter: str) -> str:
    titles = app.env.titles
    return titles[f"book/{chapter}"].astext() if f"book/{chapter}" in titles else chapter


def _resolve(app: Sphinx, doctree: nodes.document, fromdoc: str) -> None:
    placeholders = list(doctree.findall(self_check)) + list(doctree.findall(progress_overview))
    if not placeholders:
        return
    banks = _banks(app.env) or {}
    links = section_links(app, fromdoc)
    for node in placeholders:
        if isinstance(node, self_check):
            bank = banks.get(node["chapter"])
            if bank is None:
                node.replace_self([])
                continue
            items = [bank.item(i) for i in node["items"]]
            # Item IDs (kad-01) are for trainers, who pick items by them; learners see numbers.
            show_ids = app.config.course_edition == "trainer"
            html = bank_html(bank, items, _chapter_title(app, bank.chapter), links, show_ids=show_ids)
            # The items' data (answers included) goes to the page's deferred data script.
            html = page_data.take(app, fromdoc, "quiz", html)
        else:
            html = _progress_html(app, fromdoc, banks)
        node.replace_self(nodes.raw("", html, format="html"))


COLUMNS = ("col_chapter", "col_total", "col_done", "col_correct", "col_first")


def _progress_html(app: Sphinx, fromdoc: str, banks: dict[str, Bank]) -> str:
    words = texts(app.config.language)["progress"]
    chapters = []
    rows = []
    order = {doc: n for n, doc in enumerate(_reading_order(app))}
    for chapter in sorted(banks, key=lambda c: order.get(f"book/{c}", 999)):
        bank = banks[chapter]
        url = app.builder.get_relative_uri(fromdoc, f"book/{chapter}")
        title = _chapter_title(app, chapter)
        # Each item's answer spec: the page recomputes every status from the stored answer.
        specs = [{"id": i.id, **answer_spec(i)} for i in bank.items]
        chapters.append({"chapter": chapter, "title": title, "url": url, "items": specs})
        rows.append(
            f'<tr data-chapter="{escape(chapter)}"><td><a href="{escape(url)}">{escape(title)}</a></td>'
            f'<td class="course-progress-total">{len(bank.items)}</td>'
            f'<td class="course-progress-done">—</td><td class="course-progress-correct">—</td>'
            f'<td class="course-progress-first">—</td></tr>'
        )
    data = script_json(chapters)
    review = app.builder.get_relative_uri(fromdoc, "book/review")
    return (
        '<div class="course-progress">'
        '<p class="course-progress-summary" aria-live="polite">'
        f"{escape(words['static_summary'])}</p>"
        f'<p class="course-progress-review only-screen"><span class="course-review-count"></span>'
        f'<a href="{escape(review)}">{escape(words["review_link"])}</a></p>'
        '<table class="table course-progress-table"><thead><tr>'
        + "".join(f"<th>{escape(words[key])}</th>" for key in COLUMNS)
        + f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f'<script type="application/json" class="course-progress-data">{data}</script>'
        "</div>"
    )


def _reading_order(app: Sphinx) -> list[str]:
    """Documents in table-of-contents order."""
    env = app.env
    order: list[str] = []

    def walk(doc: str) -> None:
        if doc in order:
            return
        order.append(doc)
        for child in env.toctree_includes.get(doc, []):
            walk(child)

    walk(app.config.root_doc)
    return order


QUIZ_MARKS = (
    '<div class="course-quiz"',
    '<div class="course-progress"',
    '<div class="course-final"',
    '<div class="course-review"',
)


def _page_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """The self-check script and its store, on the pages that have self-checks or the
    progress table, and nowhere else."""
    if not has_mark(doctree, QUIZ_MARKS):
        return
    use_store(app)
    app.add_js_file("course-quiz.js", defer="defer")
    # Spaced review hears every wrong answer, and the progress page shows what is due.
    app.add_js_file("course-review.js", defer="defer")
    app.add_css_file("course-quiz.css")


def setup(app: Sphinx) -> None:
    add_placeholders(app, self_check, progress_overview)
    app.add_directive("self-check", SelfCheck)
    app.add_directive("progress-overview", ProgressOverview)
    app.connect("env-check-consistency", _check_sections)
    app.connect("doctree-resolved", _resolve)
    # Before other page-context handlers that rebuild the page's style list (tools/sphinxext/
    # assets.py), so the styles added here are in it.
    app.connect("html-page-context", _page_scripts, priority=300)
