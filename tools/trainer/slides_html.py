"""A deck as HTML pages of 16:9 (one slide per page), which WeasyPrint prints to the deck's
PDF: what is projected, without the speaker notes (they are in the .pptx, and on the
trainer page). The same texts and layout ideas as ``slides_pptx``."""

from __future__ import annotations

from html import escape

from .slides import Deck, Slide

CSS = """
@page { size: 254mm 142.875mm; margin: 0; }
body { margin: 0; font-family: "Noto Sans CJK SC", sans-serif; color: #1f2a37; }
.slide { width: 254mm; height: 142.875mm; box-sizing: border-box; padding: 9mm 14mm; page-break-after: always;
         position: relative; }
.slide:last-child { page-break-after: auto; }
h1 { color: #0a58ca; font-size: 24pt; margin: 0 0 6mm; }
.cover h1 { font-size: 32pt; margin-top: 38mm; }
.minutes { position: absolute; top: 10mm; right: 14mm; font-size: 12pt; }
.mark { position: absolute; bottom: 6mm; left: 14mm; font-size: 9pt; color: #a3160c; }
ul { font-size: 17pt; line-height: 1.5; margin: 0; padding-left: 7mm; }
.with-figure ul { width: 55%; }
.matrix { position: absolute; left: 160mm; top: 30mm; width: 76mm; height: 76mm; }
.cell { position: absolute; width: 36mm; height: 36mm; box-sizing: border-box; border: 1pt solid #0a58ca;
        background: #eef4fb; border-radius: 3mm; font-size: 17pt; font-weight: 700; text-align: center;
        line-height: 36mm; }
.axis { position: absolute; font-size: 12pt; }
.steps { position: absolute; left: 14mm; right: 14mm; bottom: 18mm; height: 40mm; }
.step { position: absolute; width: 42mm; height: 11mm; border: 1pt solid #0a58ca; background: #eef4fb;
        border-radius: 2mm; font-size: 14pt; font-weight: 700; text-align: center; line-height: 11mm; }
"""
MARK = "培训师资料·请勿发给学员"


def _figure(s: Slide) -> str:
    if s.kind == "matrix":
        cells = "".join(
            f'<div class="cell" style="left: {(n % 2) * 38}mm; top: {(n // 2) * 38}mm">{escape(c)}</div>'
            for n, c in enumerate(s.cells)
        )
        return (
            f'<div class="matrix">{cells}</div>'
            f'<div class="axis" style="left: 132mm; top: 62mm">{escape(s.axes[0])} ↑</div>'
            f'<div class="axis" style="left: 180mm; top: 110mm">{escape(s.axes[1])} →</div>'
        )
    if s.kind == "steps":
        steps = "".join(
            f'<div class="step" style="left: {n * 52}mm; bottom: {n * 9}mm">{escape(text)}</div>'
            for n, text in enumerate(s.steps)
        )
        return f'<div class="steps">{steps}</div>'
    return ""


def deck_html(deck: Deck) -> str:
    pages = [
        f'<section class="slide cover"><h1>{escape(deck.title)}</h1><p>{deck.minutes} 分钟</p>'
        f'<p class="mark">{MARK}</p></section>'
    ]
    for s in deck.slides:
        points = "".join(f"<li>{escape(p)}</li>" for p in s.points)
        extra = " with-figure" if s.kind == "matrix" else ""
        pages.append(
            f'<section class="slide{extra}"><h1>{escape(s.title)}</h1><p class="minutes">{s.minutes} 分钟</p>'
            f'<ul>{points}</ul>{_figure(s)}<p class="mark">{MARK}</p></section>'
        )
    return (
        f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(deck.title)}</title>'
        f"<style>{CSS}</style></head><body>{''.join(pages)}</body></html>"
    )


def deck_pdf(deck: Deck) -> bytes:
    from weasyprint import HTML  # slow to import; only the PDF needs it

    return HTML(string=deck_html(deck)).write_pdf()
