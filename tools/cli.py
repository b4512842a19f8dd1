"""The course's command line: build the PDF, and (as they arrive) trainer tools."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

EDITIONS = {"learner": "学员版", "trainer": "培训师版"}


def _pdf(args: argparse.Namespace) -> int:
    from tools.pdf.render import build_pdf

    html_root = Path(args.html)
    if not (html_root / "book" / "index.html").is_file():
        print(f"error: {html_root} holds no HTML build; run `make site` first", file=sys.stderr)
        return 2
    target = build_pdf(
        html_root,
        Path(args.output),
        title="关系销售",
        subtitle="大客户与关系销售入门课程",
        author="关系销售课程组",
        edition=EDITIONS[args.edition],
    )
    print(f"wrote {target}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools", description="关系销售 course tools")
    commands = parser.add_subparsers(dest="command", required=True)

    pdf = commands.add_parser("pdf", help="typeset an HTML build as an A4 book PDF")
    pdf.add_argument("--html", default=str(ROOT / "_build" / "html"), help="the HTML build to print")
    pdf.add_argument("--output", default=str(ROOT / "_build" / "pdf" / "关系销售-学员版.pdf"))
    pdf.add_argument("--edition", choices=sorted(EDITIONS), default="learner")
    pdf.set_defaults(run=_pdf)

    args = parser.parse_args(argv)
    return args.run(args)
