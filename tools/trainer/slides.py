"""Lecture decks for the programme's 精讲 blocks: one YAML file per deck in
``cases/notes/slides`` (trainer material, guarded by the leak scan like the notes), read
and checked here; ``slides_pptx`` writes the editable PowerPoint file, ``slides_html`` the
pages its PDF is printed from. Plain Python, no rendering here.

A deck: ``title``, ``chapter`` (a chapter page), ``minutes`` (the programme block's), and
``slides``. A slide: ``title``, ``minutes``, ``points`` (short lines, at most
``MAX_POINTS`` of at most ``MAX_POINT`` characters), ``notes`` (what to say, ask and listen
for: the speaker notes), and optionally ``kind``: ``matrix`` (with ``axes`` [vertical,
horizontal] and ``cells`` [top left, top right, bottom left, bottom right]) or ``steps``
(with ``steps``, drawn as a rising ladder). The slides' minutes add up to the deck's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tools.data import schema as s
from tools.data.yamlfile import DataError

FOLDER = Path("cases") / "notes" / "slides"
MAX_POINTS = 5
MAX_POINT = 40  # characters: a slide line a room can read
KINDS = ("points", "matrix", "steps")


@dataclass(frozen=True)
class Slide:
    title: str
    minutes: int
    points: tuple[str, ...]
    notes: str
    kind: str = "points"
    axes: tuple[str, ...] = ()
    cells: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()


@dataclass(frozen=True)
class Deck:
    id: str  # the file's name
    title: str
    chapter: str
    minutes: int
    slides: tuple[Slide, ...]
    path: Path


_TEXT = s.Text()
SLIDE = s.Record(
    {
        "title": _TEXT,
        "minutes": s.Int(1, 60, unit="minutes"),
        "points": s.ListOf(_TEXT, low=1, high=MAX_POINTS, noun="points", name=lambda i: f"point {i + 1}"),
        "notes": _TEXT,
        "kind": s.Optional(s.Choice(*KINDS)),
        "axes": s.Optional(s.ListOf(_TEXT, low=2, high=2, noun="axes", name=lambda i: f"axis {i + 1}")),
        "cells": s.Optional(s.ListOf(_TEXT, low=4, high=4, noun="cells", name=lambda i: f"cell {i + 1}")),
        "steps": s.Optional(s.ListOf(_TEXT, low=2, high=6, noun="steps", name=lambda i: f"step {i + 1}")),
    },
    what="a slide: title, minutes, points, notes",
)
DECK = s.Record(
    {
        "title": _TEXT,
        "chapter": _TEXT,
        "minutes": s.Int(5, 240, unit="minutes"),
        "slides": s.ListOf(SLIDE, low=2, high=20, noun="slides", name=lambda i: f"slide {i + 1}"),
    },
    what="a deck: title, chapter, minutes, slides",
)


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def load_deck(path: Path, chapters: set[str] | None = None) -> Deck:
    data = s.load(path, DECK)
    slides = []
    for raw in data["slides"]:
        kind = raw.get("kind") or "points"
        slide = Slide(
            title=_text(raw["title"]),
            minutes=raw["minutes"],
            points=tuple(_text(p) for p in raw["points"]),
            notes=_text(raw["notes"]),
            kind=kind,
            axes=tuple(_text(a) for a in raw.get("axes") or ()),
            cells=tuple(_text(c) for c in raw.get("cells") or ()),
            steps=tuple(_text(x) for x in raw.get("steps") or ()),
        )
        for point in slide.points:
            if len(point) > MAX_POINT:
                raise DataError(
                    path, raw.line_of("points"), f"a point of {len(point)} characters (at most {MAX_POINT})"
                )
        if kind == "matrix" and not (slide.axes and slide.cells):
            raise DataError(path, raw.line, "a matrix slide needs `axes` and `cells`")
        if kind == "steps" and not slide.steps:
            raise DataError(path, raw.line, "a steps slide needs `steps`")
        slides.append(slide)
    deck = Deck(path.stem, _text(data["title"]), _text(data["chapter"]), data["minutes"], tuple(slides), path)
    total = sum(slide.minutes for slide in deck.slides)
    if total != deck.minutes:
        raise DataError(path, data.line_of("minutes"), f"the slides take {total} minutes, the deck {deck.minutes}")
    if chapters is not None and deck.chapter not in chapters:
        raise DataError(path, data.line_of("chapter"), f"no chapter page book/{deck.chapter}.md")
    return deck


def load_decks(root: Path) -> list[Deck]:
    """Every deck of the course at ``root``, in file order."""
    folder = root / FOLDER
    chapters = {p.stem for p in (root / "book").glob("*.md")}
    return [load_deck(path, chapters) for path in sorted(folder.glob("*.yml"))]
