"""The course directives' placeholder nodes, and the marks their HTML leaves in a page.

A self-check, conversation, final-test or tool directive puts a placeholder node in the
doctree; a later handler replaces it with raw HTML that carries a mark (a class name). A
placeholder that still reaches a writer is skipped, and a page gets a feature's scripts
and styles only where its mark stands. Sphinx glue shared by those extensions.
"""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes
from sphinx.application import Sphinx


def _skip(self, node) -> None:
    raise nodes.SkipNode


def add_placeholders(app: Sphinx, *kinds: type[nodes.Element]) -> None:
    """Register placeholder node classes that every writer skips."""
    for kind in kinds:
        app.add_node(kind, html=(_skip, None), latex=(_skip, None), text=(_skip, None))


def has_mark(doctree: nodes.document | None, marks: Iterable[str]) -> bool:
    """Whether the page's raw HTML holds one of ``marks``."""
    if doctree is None:
        return False
    marks = tuple(marks)
    return any(mark in node.astext() for node in doctree.findall(nodes.raw) for mark in marks)
