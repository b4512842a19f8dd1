"""A plain-text report of a widget's result, for the CLI (CPython only).

The text is read off the very HTML the page shows (``render_html``), so the report and
the page cannot say different things: headings become underlined lines, list items and
table rows become lines, the chart is replaced by its description, links by their text.
"""

from __future__ import annotations

from html.parser import HTMLParser

BLOCKS = {"p", "li", "tr", "h3", "h4", "figcaption", "div", "section", "ul", "table", "desc"}
UNDERLINE = {"h3": "=", "h4": "-"}


class _TextReport(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.cells: list[str] | None = None
        self.skip = 0  # inside the SVG, except its <desc>
        self.heading = ""

    def flush(self) -> None:
        text = " ".join("".join(self.current).split())
        self.current = []
        if not text:
            return
        self.lines.append(text)
        if self.heading:
            self.lines.append(UNDERLINE[self.heading] * min(len(text) * 2, 60))

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "svg":
            self.skip += 1
        elif tag == "desc":
            self.skip -= 1
        if tag in BLOCKS:
            self.flush()
        if tag in UNDERLINE:
            self.heading = tag
        elif tag == "li":
            self.current.append("- ")
        elif tag == "tr":
            self.cells = []
        elif tag in ("td", "th"):
            self.current = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cells is not None:
            self.cells.append(" ".join("".join(self.current).split()))
            self.current = []
            return
        if tag == "tr" and self.cells is not None:
            self.current = [" | ".join(self.cells)]
            self.cells = None
        if tag == "desc":
            self.flush()
            self.skip += 1
        elif tag == "svg":
            self.skip -= 1
        if tag in BLOCKS:
            self.flush()
            self.heading = ""

    def handle_data(self, data: str) -> None:
        if self.skip <= 0:
            self.current.append(data)


def html_to_text(html: str) -> str:
    parser = _TextReport()
    parser.feed(html)
    parser.close()
    parser.flush()
    return "\n".join(parser.lines) + "\n"
