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


def _forms(args: argparse.Namespace) -> int:
    import datetime

    from tools.output import write_files

    from . import forms

    names = forms.read_names(Path(args.names)) if args.names else []
    day = datetime.date.fromisoformat(args.date) if args.date else datetime.date.today()
    date = forms.chinese_date(day)
    folder = Path(args.output)
    files = {
        folder / "签到表.pdf": forms.pdf(forms.sign_in_html(names, date)),
        folder / "课程评估表.pdf": forms.pdf(forms.evaluation_html(date)),
    }
    if names:
        files[folder / "结业证书.pdf"] = forms.pdf(forms.certificates_html(names, date, args.programme))
    written = write_files(files)
    for path in written:
        print(f"wrote {path}")
    if not names:
        print("no --names: the sign-in sheet has blank rows, and no certificates were made")
    return 0


def add_forms_parser(commands: argparse._SubParsersAction) -> None:
    from .forms import PROGRAMMES

    forms = commands.add_parser(
        "forms", help="the forms of a training day as PDFs: sign-in sheet, evaluation form, certificates"
    )
    forms.add_argument("--names", metavar="FILE", help="the participants, one name per line (UTF-8)")
    forms.add_argument("--date", metavar="YYYY-MM-DD", help="the course's date (default: today)")
    forms.add_argument(
        "--programme", choices=sorted(PROGRAMMES), default="two-days", help="printed on the certificates"
    )
    forms.add_argument(
        "-o", "--output", default=str(ROOT / "_build" / "forms"), metavar="DIR", help="default: _build/forms"
    )
    forms.set_defaults(run=_forms, reads="names")


def _kits(args: argparse.Namespace) -> int:
    """Each case kit of the trainer build as a PDF, and the printing list."""
    import sys

    from tools.output import write_files
    from tools.pdf.render import kit_pdf

    from . import kits

    html_root = Path(args.html)
    if not (html_root / "cases" / "notes" / "kits").is_dir():
        print(f"error: {html_root}: no kit pages; build the trainer edition first (`make trainer`)", file=sys.stderr)
        return 2
    found = kits.load_kits(ROOT)
    folder = Path(args.output)
    files: dict[Path, bytes] = {}
    for kit in found:
        files[folder / f"{kit.id}.pdf"] = kit_pdf(html_root, f"cases/notes/kits/{kit.id}.html")
    lines = kits.printing_list(found, args.participants)
    table = ["# 打印清单", "", f"{args.participants} 位学员，每组 {kits.GROUP_SIZE} 人左右。", ""]
    table += ["| 案例 | 打印什么 | 份数 | 单双面 | 发给谁 |", "|---|---|---|---|---|"]
    table += [f"| {x.kit} | {x.what} | {x.copies} | {x.sides} | {x.who} |" for x in lines]
    table += ["", "## 要带的东西", ""] + [f"- {thing}" for thing in kits.things_to_bring(found, args.participants)]
    files[folder / "打印清单.md"] = ("\n".join(table) + "\n").encode("utf-8")
    for path in write_files(files):
        print(f"wrote {path}")
    return 0


def add_kits_parser(commands: argparse._SubParsersAction) -> None:
    kits = commands.add_parser("kits", help="each case kit of the trainer build as a PDF, and a printing list")
    kits.add_argument("--participants", type=int, default=20, metavar="N", help="how many learners (default 20)")
    kits.add_argument("--html", default=str(ROOT / "_build" / "trainer" / "_build" / "html"), metavar="DIR")
    kits.add_argument(
        "-o", "--output", default=str(ROOT / "_build" / "kits"), metavar="DIR", help="default: _build/kits"
    )
    kits.set_defaults(run=_kits, reads="html")
