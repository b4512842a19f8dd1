"""The typesetting rules over the built pages: what a reader sees, generated text included
(the footer, the printed answer keys, the tools' lines, text that markup joins or splits).

The source lint (:mod:`tools.typography.lint`) reads Markdown, YAML and code; some faults
only exist once the page is rendered, for example a space that Markdown keeps after a bold
lead-in ending in a full-width full stop. Each block of an article (paragraph, list item,
table cell, heading, caption) and of the footer is checked as one line of prose.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from .prose import Line
from .rules import Finding, check

BLOCKS = ["p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "caption", "figcaption"]
NOT_PROSE = ["script", "style", "pre", "code", "svg", "kbd", "math"]
# A Latin parenthesis (a year in a citation, an English gloss) is Latin text, not Chinese.
LATIN_PARENS = re.compile(r"\([^()\u3400-\u9fff]*\)")
SKIP = ("_static/", "_sources/", "_images/", "genindex.html", "search.html")


def page_lines(name: str, html: str) -> list[Line]:
    soup = BeautifulSoup(html, "html.parser")
    parts = [part for part in (soup.find("article"), soup.find("footer")) if part is not None]
    for part in parts:
        for node in part(NOT_PROSE):
            node.decompose()
        # The tools' results are laid out as separate boxes whose HTML whitespace joins them
        # here; their texts are checked at the source (tools/widgets/zh.py).
        for node in part.select(".widget-result"):
            node.decompose()
    blocks = [block for part in parts for block in part.find_all(BLOCKS)]
    lines = []
    for number, block in enumerate(blocks, start=1):
        if block.find(BLOCKS + ["table", "div"]):
            continue  # its inner blocks are checked on their own
        text = re.sub(r"\s*\n\s*", " ", block.get_text("")).strip()
        if not text:
            continue
        line = Line(name, number, text, [False] * len(text))
        line.mark(0, len(text))
        for latin in LATIN_PARENS.finditer(text):
            line.mark(latin.start(), latin.end(), False)
        lines.append(line)
    return lines


def lint_site(site: Path) -> list[Finding]:
    """Every finding in the articles and footers of the built site's pages."""
    found: list[Finding] = []
    for page in sorted(site.rglob("*.html")):
        name = page.relative_to(site).as_posix()
        if name.startswith(SKIP):
            continue
        found += check(page_lines(name, page.read_text(encoding="utf-8")))
    return found
