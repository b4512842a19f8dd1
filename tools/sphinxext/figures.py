"""Graphviz diagrams as ``<img alt>`` inside a link to the SVG.

Sphinx writes SVG diagrams as ``<object>`` with the DOT source as fallback text. An
``<img>`` with the author's alt text is what screen readers, print and the PDF renderer
handle best; a diagram without ``:alt:`` is a build error, since its description is the
only thing a screen reader can say about it.

On a phone a diagram shrinks to the column width and its labels to a few pixels, so each
one is a link to its SVG: without JavaScript the reader opens the file itself (full size,
pinch-zoomable); with it, ``course-zoom.js`` opens the same file in a dialog on the page.
The script is added only to pages that have a diagram. Diagrams load lazily, so on a slow
connection they do not take bandwidth from the stylesheets before the first paint.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.ext.graphviz import GraphvizError, graphviz, render_dot
from sphinx.locale import _
from sphinx.util import logging

logger = logging.getLogger(__name__)


_SVG_SIZE = re.compile(r'<svg\b[^>]*?\swidth="([\d.]+)(pt|px)?"[^>]*?\sheight="([\d.]+)(pt|px)?"')


def _svg_size(path: str | None) -> tuple[int, int] | None:
    """The diagram's width and height in CSS pixels, from Graphviz's SVG (sized in points)."""
    if not path or not Path(path).is_file():
        return None
    match = _SVG_SIZE.search(Path(path).read_text(encoding="utf-8", errors="replace")[:2000])
    if not match:
        return None
    scale = 4 / 3 if match.group(2) in (None, "pt") else 1
    return round(float(match.group(1)) * scale), round(float(match.group(3)) * scale)


def html_visit_graphviz(self, node: graphviz) -> None:
    alt = node.get("alt")
    if not alt:
        logger.warning("graphviz diagram has no :alt: text (describe the diagram in one sentence)", location=node)
    try:
        fname, outfn = render_dot(self, node["code"], node["options"], "svg", "graphviz")
    except GraphvizError as exc:
        logger.warning("graphviz diagram could not be rendered: %s", exc, location=node)
        raise nodes.SkipNode from exc
    classes = " ".join(["graphviz", *node.get("classes", [])])
    size = _svg_size(outfn)
    # The diagram's size up front: a lazily loaded image keeps its place in the page.
    dims = f' width="{size[0]}" height="{size[1]}"' if size else ""
    hint = self.attval(str(_("Open the diagram full size")))
    self.body.append(
        f'<div class="graphviz"><a class="course-zoom" href="{fname}" title="{hint}">'
        f'<img src="{fname}" alt="{self.attval(alt or "")}" class="{classes}"{dims} loading="lazy"></a></div>\n'
    )
    raise nodes.SkipNode


def _add_zoom_script(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if doctree is not None and next(iter(doctree.findall(graphviz)), None) is not None:
        app.add_js_file("course-zoom.js", loading_method="defer")


def setup(app: Sphinx) -> None:
    app.setup_extension("sphinx.ext.graphviz")
    app.add_node(graphviz, override=True, html=(html_visit_graphviz, None))
    app.connect("html-page-context", _add_zoom_script)
