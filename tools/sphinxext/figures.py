"""Graphviz diagrams as ``<img alt>``.

Sphinx writes SVG diagrams as ``<object>`` with the DOT source as fallback text. An
``<img>`` with the author's alt text is what screen readers, print and the PDF renderer
handle best; a diagram without ``:alt:`` is a build error, since its description is the
only thing a screen reader can say about it.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.ext.graphviz import GraphvizError, graphviz, render_dot
from sphinx.util import logging

logger = logging.getLogger(__name__)


def html_visit_graphviz(self, node: graphviz) -> None:
    alt = node.get("alt")
    if not alt:
        logger.warning("graphviz diagram has no :alt: text (describe the diagram in one sentence)", location=node)
    try:
        fname, _ = render_dot(self, node["code"], node["options"], "svg", "graphviz")
    except GraphvizError as exc:
        logger.warning("graphviz diagram could not be rendered: %s", exc, location=node)
        raise nodes.SkipNode from exc
    classes = " ".join(["graphviz", *node.get("classes", [])])
    self.body.append(
        f'<div class="graphviz"><img src="{fname}" alt="{self.attval(alt or "")}" class="{classes}"></div>\n'
    )
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    app.setup_extension("sphinx.ext.graphviz")
    app.add_node(graphviz, override=True, html=(html_visit_graphviz, None))
