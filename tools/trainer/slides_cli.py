"""``python -m tools slides``: write every lecture deck as .pptx and .pdf (trainer material)."""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = ROOT / "_build" / "slides"
LEARNER_OUTPUTS = ("_build/html", "_build/scorm", "_build/pdf", "_build/handouts")


def _slides(args: argparse.Namespace) -> int:
    import sys

    from tools.output import write_files

    from .slides import load_decks
    from .slides_html import deck_pdf
    from .slides_pptx import deck_pptx

    folder = Path(args.output)
    inside = folder.resolve()
    for learner in LEARNER_OUTPUTS:
        if inside.is_relative_to((ROOT / learner).resolve()):
            print(f"error: {folder}: lecture decks are trainer material; write them outside {learner}", file=sys.stderr)
            return 2
    decks = load_decks(ROOT)
    files: dict[Path, bytes] = {}
    for deck in decks:
        files[folder / f"{deck.id}.pptx"] = deck_pptx(deck)
        files[folder / f"{deck.id}.pdf"] = deck_pdf(deck)
    write_files(files)
    for deck in decks:
        print(f"wrote {folder / deck.id}.pptx and .pdf ({len(deck.slides) + 1} slides, {deck.minutes} minutes)")
    return 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    slides = commands.add_parser(
        "slides", help="the 精讲 blocks' lecture decks (trainer material): an editable .pptx and a .pdf each"
    )
    slides.add_argument("-o", "--output", default=str(DEFAULT), metavar="DIR", help="default: _build/slides")
    slides.set_defaults(run=_slides, reads="output")
