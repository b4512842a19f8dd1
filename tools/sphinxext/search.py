"""Sphinx glue for the course's Chinese search.

After the HTML build, every page's resolved doctree is turned into plain section texts,
indexed by :mod:`tools.search.index`, and written as ``_static/course-search-index.js``.
The search page (``book/_templates/search.html``) loads it with a ``<script>`` tag, so
search works from file:// as well as served.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx

from tools.search import aliases, index, segment

# Nodes whose text is not prose: diagram sources, raw HTML, comments.
_SKIP = ("graphviz", "raw", "comment", "script", "literal_block", "system_message")


def _prose(node: nodes.Node) -> str:
    parts: list[str] = []

    def walk(n: nodes.Node) -> None:
        if n.__class__.__name__ in _SKIP or isinstance(n, nodes.section):
            return
        if isinstance(n, nodes.Text):
            parts.append(n.astext())
            return
        for child in n.children:
            walk(child)
        if isinstance(n, (nodes.paragraph, nodes.title, nodes.term, nodes.entry, nodes.list_item)):
            parts.append("\n")

    walk(node)
    return "".join(parts)


def page_from_doctree(doctree: nodes.document, url: str, title: str) -> index.Page:
    page = index.Page(url=url, title=title)
    for number, section in enumerate(doctree.findall(nodes.section)):
        heading = section.next_node(nodes.title)
        # The page's own top section is linked without an anchor.
        anchor = "" if number == 0 else (section["ids"][0] if section["ids"] else "")
        body = "".join(_prose(child) for child in section.children if not isinstance(child, nodes.title))
        page.sections.append(
            index.Section(anchor=anchor, title=heading.astext() if heading else "", text=_normalise(body))
        )
    return page


def _normalise(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _add_course_terms(app: Sphinx, env) -> None:
    """Teach jieba the glossary terms before any page is indexed (ours and Sphinx's)."""
    terms = [name for (kind, name) in env.domaindata["std"]["objects"] if kind == "term"]
    segment.configure(Path(app.doctreedir) / "jieba", terms)


def _write_index(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name not in ("html", "dirhtml"):
        return
    env = app.env
    pages = []
    for docname in sorted(env.found_docs):
        doctree = env.get_and_resolve_doctree(docname, app.builder)
        title = env.titles[docname].astext() if docname in env.titles else docname
        pages.append(page_from_doctree(doctree, app.builder.get_target_uri(docname), title))
    terms = [name for (kind, name) in env.domaindata["std"]["objects"] if kind == "term"]
    glossary = Path(app.srcdir) / "book" / "glossary.md"
    table = aliases.build(glossary, terms) if glossary.is_file() else {}
    target = Path(app.outdir) / "_static" / "course-search-index.js"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(index.as_script(index.build(pages, table)), encoding="utf-8")


def _no_sphinx_index(app: Sphinx) -> None:
    """Sphinx's own search index (``searchindex.js``) is not loaded by any page: the course
    has its own. It was still written, and on a second `make` Sphinx's merge of the old
    index lost every glossary entry, so the site differed from a clean build. The builder
    keeps its search page but builds no index."""
    builder = app.builder
    if getattr(builder, "search", False) is False or getattr(builder, "_course_no_index", False):
        return
    prepare = builder.prepare_writing

    def prepare_writing(docnames):
        # With `search` off here, no index is made or loaded (index_page and
        # dump_search_index then do nothing); on again after, so the search page is written.
        builder.search = False
        try:
            prepare(docnames)
        finally:
            builder.search = True

    builder.prepare_writing = prepare_writing
    builder._course_no_index = True


def _remove_stale_index(app: Sphinx, exception: Exception | None) -> None:
    stale = Path(app.outdir) / "searchindex.js"
    if exception is None and app.builder.format == "html" and stale.is_file():
        stale.unlink()  # left by a build before this one


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _no_sphinx_index)
    app.connect("build-finished", _remove_stale_index)
    segment.configure(Path(app.doctreedir) / "jieba")
    app.connect("env-updated", _add_course_terms)
    app.connect("build-finished", _write_index)
