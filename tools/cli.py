"""The course's command line: build the PDF, and (as they arrive) trainer tools."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tools.handouts import commands as case_commands

ROOT = Path(__file__).resolve().parent.parent

EDITIONS = {"learner": "学员版", "trainer": "培训师版"}


def _pdf(args: argparse.Namespace) -> int:
    from tools.handouts.commands import BUILD_HINT, LEARNER_HTML, TRAINER_HTML
    from tools.pdf.render import build_pdf

    html_root = Path(args.html or (TRAINER_HTML if args.edition == "trainer" else LEARNER_HTML))
    if not (html_root / "book" / "index.html").is_file():
        print(f"error: {html_root} holds no HTML build; run `{BUILD_HINT[args.edition]}` first", file=sys.stderr)
        return 2
    output = args.output or ROOT / "_build" / "pdf" / f"关系销售-{EDITIONS[args.edition]}.pdf"
    target = build_pdf(
        html_root,
        Path(output),
        title="关系销售",
        subtitle="大客户与关系销售入门课程",
        author="关系销售课程组",
        edition=EDITIONS[args.edition],
    )
    print(f"wrote {target}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from tools.data.yamlfile import DataError
    from tools.exercises.export import to_gift, to_moodle_xml
    from tools.exercises.model import load_banks

    try:
        banks = load_banks(Path(args.exercises))
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if not banks:
        print(f"error: no question banks (*.yml) in {args.exercises}", file=sys.stderr)
        return 2
    wanted = list(dict.fromkeys(args.bank or banks))
    unknown = [name for name in wanted if name not in banks]
    if unknown:
        print(f"error: no bank {', '.join(unknown)}; the banks are: {', '.join(banks)}", file=sys.stderr)
        return 2
    text = (to_moodle_xml if args.format == "moodle" else to_gift)([banks[name] for name in wanted])
    if args.output:
        target = Path(args.output)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target} ({sum(len(banks[name].items) for name in wanted)} questions)")
    else:
        write_utf8(text)  # the XML says UTF-8
    return 0


def write_utf8(text: str) -> None:
    """Write to standard output as UTF-8, whatever the console's encoding."""
    if hasattr(sys.stdout, "buffer"):
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools", description="关系销售 course tools")
    commands = parser.add_subparsers(dest="command", required=True)

    pdf = commands.add_parser("pdf", help="typeset an HTML build as an A4 book PDF")
    pdf.add_argument("--html", help="the HTML build to print (default: the edition's build)")
    pdf.add_argument("--output", help="default: _build/pdf/关系销售-<edition>.pdf")
    pdf.add_argument("--edition", choices=sorted(EDITIONS), default="learner")
    pdf.set_defaults(run=_pdf)

    export = commands.add_parser("export", help="export the self-check question banks for Moodle")
    export.add_argument("--format", choices=("moodle", "gift"), required=True, help="Moodle XML or GIFT")
    export.add_argument("--bank", action="extend", nargs="+", metavar="CHAPTER", help="only these banks (default: all)")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    export.add_argument("--exercises", default=str(ROOT / "exercises"), metavar="DIR", help="where the banks are")
    export.set_defaults(run=_export)

    case_commands.register(commands)  # trainer-config, handouts, assign

    from tools.widgets.cli import add_parser as add_analyse

    add_analyse(commands)

    args = parser.parse_args(argv)
    return args.run(args)
