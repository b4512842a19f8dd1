"""A printable sheet: a heading block and parts of a page, as one self-contained HTML
document for WeasyPrint and for a browser (its stylesheet inline, nothing loaded)."""

from __future__ import annotations

import datetime
from html import escape
from pathlib import Path

STYLESHEET = Path(__file__).with_name("handout.css")
# Every printed sheet says under which licence it may be copied and when it was made: a
# trainer holding two printouts can tell which is newer. Only the PDFs and these sheets
# carry the date; the site stays reproducible.
COLOPHON = "CC BY-SA 4.0 · {date}"


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _page_rules(footer: str, page_format: str, date: str) -> str:
    # The running footer and "page N" come from the strings table, so they are made here
    # rather than written into the stylesheet.
    before, _, after = page_format.partition("{page}")
    counter = " ".join(part for part in (_css_string(before), "counter(page)", _css_string(after)) if part != '""')
    return (
        "@page { @bottom-left { content: " + _css_string(f"{footer} · {COLOPHON.format(date=date)}") + "; } "
        "@bottom-right { content: " + counter + "; } }"
    )


def sheet(
    *,
    title: str,
    kicker: str,
    meta: list[str],
    parts: list[str],
    footer: str,
    page_format: str,
    lang: str,
    name_line: str = "",
    classes: str = "",
    date: datetime.date | None = None,
) -> str:
    """The whole document. ``parts`` are HTML fragments, shown in order; ``name_line`` is
    the blank for a learner's name (left out on trainer sheets); ``date``, the build date
    in the footer, is today unless given."""
    meta_html = f'<p class="sheet-meta">{" · ".join(escape(m) for m in meta)}</p>' if meta else ""
    name_html = f'<p class="sheet-name">{escape(name_line)}</p>' if name_line else ""
    built = (date or datetime.date.today()).isoformat()
    style = STYLESHEET.read_text(encoding="utf-8") + "\n" + _page_rules(footer, page_format, built)
    return f"""<!DOCTYPE html>
<html lang="{escape(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{style}</style>
</head>
<body class="{escape(classes)}">
<header class="sheet-head">
<p class="sheet-kicker">{escape(kicker)}</p>
<h1>{escape(title)}</h1>
{meta_html}{name_html}
</header>
<main>
{"".join(parts)}
</main>
</body>
</html>
"""
