"""A deck as an editable PowerPoint file (python-pptx; PowerPoint and WPS open it): a title
slide, then one slide per entry with its title, its points, a 2×2 matrix or a ladder of
steps drawn as shapes (editable, no pictures), the minutes in the corner, and the speaker
notes. 16:9, the course's CJK face (Noto Sans CJK SC, which WPS and PowerPoint substitute
when it is missing)."""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Pt

from .slides import Deck, Slide

WIDTH, HEIGHT = Emu(12192000), Emu(6858000)  # 13.333 × 7.5 inches: 16:9
FONT = "Noto Sans CJK SC"
INK = RGBColor(0x1F, 0x2A, 0x37)
ACCENT = RGBColor(0x0A, 0x58, 0xCA)
PALE = RGBColor(0xEE, 0xF4, 0xFB)
MARK = "培训师资料·请勿发给学员"


def _style(run, size: int, bold: bool = False, color: RGBColor = INK) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = color
    # East Asian text takes the ea typeface: without it PowerPoint falls back to a Latin font.
    rpr = run._r.get_or_add_rPr()
    ea = rpr.find("{http://schemas.openxmlformats.org/drawingml/2006/main}ea")
    if ea is None:
        ea = rpr.makeelement("{http://schemas.openxmlformats.org/drawingml/2006/main}ea", {})
        rpr.append(ea)
    ea.set("typeface", FONT)


def _text_box(slide, left, top, width, height, lines: list[str], size: int, bold: bool = False, color=INK):
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    for n, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        paragraph.space_after = Pt(10)
        _style(paragraph.add_run(), size, bold, color)
        paragraph.runs[0].text = line
    return box


def _cell(slide, left, top, width, height, text: str, fill: RGBColor = PALE) -> None:
    shape = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, left, top, width, height)
    shape.fill.solid()
    shape.fill.fore_color.rgb = fill
    shape.line.color.rgb = ACCENT
    frame = shape.text_frame
    frame.paragraphs[0].alignment = PP_ALIGN.CENTER
    run = frame.paragraphs[0].add_run()
    run.text = text
    _style(run, 22, True)


def _matrix(slide, s: Slide) -> None:
    left, top, size = Emu(7400000), Emu(1500000), Emu(2100000)
    for n, text in enumerate(s.cells):
        _cell(slide, left + (n % 2) * (size + Emu(80000)), top + (n // 2) * (size + Emu(80000)), size, size, text)
    _text_box(slide, left - Emu(1300000), top + size - Emu(200000), Emu(1250000), Emu(500000), [s.axes[0] + " ↑"], 16)
    _text_box(slide, left, top + 2 * size + Emu(150000), 2 * size, Emu(500000), [s.axes[1] + " →"], 16)


def _steps(slide, s: Slide) -> None:
    width, height = Emu(2400000), Emu(700000)
    for n, text in enumerate(s.steps):
        left = Emu(700000) + n * Emu(2800000)
        top = Emu(4900000) - n * Emu(650000)
        _cell(slide, left, top, width, height, text)


def deck_pptx(deck: Deck) -> bytes:
    pres = Presentation()
    pres.slide_width, pres.slide_height = WIDTH, HEIGHT
    blank = pres.slide_layouts[6]
    first = pres.slides.add_slide(blank)
    _text_box(first, Emu(800000), Emu(2200000), Emu(10500000), Emu(1500000), [deck.title], 40, True, ACCENT)
    _text_box(first, Emu(800000), Emu(3800000), Emu(10500000), Emu(800000), [f"{deck.minutes} 分钟"], 24)
    _text_box(
        first, Emu(800000), Emu(6200000), Emu(10500000), Emu(400000), [MARK], 12, False, RGBColor(0xA3, 0x16, 0x0C)
    )
    first.notes_slide.notes_text_frame.text = (
        f"本段共 {deck.minutes} 分钟，{len(deck.slides)} 张幻灯片；每张的分钟数写在右上角。"
    )
    for s in deck.slides:
        slide = pres.slides.add_slide(blank)
        _text_box(slide, Emu(600000), Emu(350000), Emu(9800000), Emu(900000), [s.title], 32, True, ACCENT)
        _text_box(slide, Emu(10600000), Emu(400000), Emu(1300000), Emu(500000), [f"{s.minutes} 分钟"], 14)
        width = Emu(6300000) if s.kind == "matrix" else Emu(10800000)
        top = Emu(1500000)
        height = Emu(2900000) if s.kind == "steps" else Emu(4800000)
        _text_box(slide, Emu(700000), top, width, height, [f"• {p}" for p in s.points], 22)
        if s.kind == "matrix":
            _matrix(slide, s)
        elif s.kind == "steps":
            _steps(slide, s)
        slide.notes_slide.notes_text_frame.text = s.notes
    out = io.BytesIO()
    pres.save(out)
    return out.getvalue()
