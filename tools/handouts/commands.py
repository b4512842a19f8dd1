"""Command-line commands for case material: ``trainer-config``, ``handouts``, ``assign``.

Errors in what the user asked for (an unknown case or item, a missing build) are reported
on standard error with what exists, the exit status is 2, and nothing is written; so are
unreadable input and unwritable output (``tools/cli.py`` reports those for every command).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
LEARNER_HTML = ROOT / "_build" / "html"
TRAINER_DIR = ROOT / "_build" / "trainer"
TRAINER_HTML = TRAINER_DIR / "_build" / "html"  # where `jupyter-book build --path-output _build/trainer` puts it
BUILD_HINT = {"learner": "make site", "trainer": "make trainer"}


def _error(message: str, status: int = 2) -> int:
    print(f"error: {message}", file=sys.stderr)
    return status


def _ids(values: list[str] | None) -> list[str]:
    """IDs given as separate words, comma-separated, or both."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def _trainer_config(args: argparse.Namespace) -> int:
    from tools.trainer.edition import EditionError, write_trainer_files

    try:
        paths = write_trainer_files(Path(args.source), Path(args.output))
    except EditionError as exc:
        return _error(str(exc))
    for path in paths:
        print(f"wrote {path}")
    return 0


def _load_cases():
    from tools.cases.model import book_chapters, load_cases

    return load_cases(ROOT / "cases", book_chapters(ROOT))


def _handouts(args: argparse.Namespace) -> int:
    from tools.handouts import render, sheets
    from tools.handouts.assign import SelectionError, pick_cases
    from tools.handouts.extract import MissingPage, MissingSection
    from tools.pdf.assemble import AssemblyError
    from tools.trainer import guard

    trainer = args.edition == "trainer"
    html_root = Path(args.html or (TRAINER_HTML if trainer else LEARNER_HTML))
    output = Path(args.output or (TRAINER_DIR / "handouts" if trainer else ROOT / "_build" / "handouts"))
    hint = BUILD_HINT[args.edition]
    try:
        cases = _load_cases()
        chosen = pick_cases(_ids(args.case), cases) if args.case else cases
        if not (html_root / "cases" / "index.html").is_file():
            return _error(f"{html_root} holds no HTML build of the {args.edition} edition; run `{hint}`")
        if not trainer:
            guard.refuse_trainer_build(html_root, "learner handouts")
        documents = sheets.handouts(html_root, chosen, notes=trainer)
        written = render.write(documents, output, check=None if trainer else guard.learner_check())
    except (SelectionError, AssemblyError, MissingSection) as exc:  # a rebuild would not help
        return _error(str(exc))
    except MissingPage as exc:
        return _error(f"{exc}; run `{hint}`")
    print(f"wrote {len(written)} files to {output}")
    return 0


def _assign(args: argparse.Namespace) -> int:
    from tools.cases.strings import strings
    from tools.exercises.model import load_course_banks
    from tools.handouts import assign, render
    from tools.handouts.extract import MissingPage, MissingSection
    from tools.pdf.assemble import AssemblyError
    from tools.trainer import guard

    case_ids, item_ids = _ids(args.case), _ids(args.items)
    if not case_ids and not item_ids:
        return _error("choose at least one --case or --items")
    if not 1 <= args.versions <= len(assign.FORMS):
        return _error(f"--versions {args.versions}: give 1 or {len(assign.FORMS)} (forms A and B)")
    html_root = Path(args.html) if args.html else TRAINER_HTML
    try:
        cases = assign.pick_cases(case_ids, _load_cases()) if case_ids else []
        items = assign.pick_items(item_ids, load_course_banks(ROOT / "exercises", ROOT)) if item_ids else []
        if cases and not (html_root / "cases" / "notes").is_dir():
            return _error(
                f"{html_root} is not a trainer build (no teaching notes); the answer key needs them: "
                f"run `make trainer`, or pass --html"
            )
        title = args.title or strings()["assignment"]
        documents = assign.build(html_root if cases else None, cases, items, title, args.versions)
        # The answer keys may quote the notes; the learners' sheets never.
        check = guard.learner_check(only=lambda path: path.name.startswith(assign.HANDOUT))
        written = render.write(documents, Path(args.output), check=check)
    except (assign.SelectionError, AssemblyError, MissingSection) as exc:  # a rebuild would not help
        return _error(str(exc))
    except MissingPage as exc:
        return _error(f"{exc}; run `make trainer`")
    for path in written:
        print(f"wrote {path}")
    return 0


def register(commands) -> None:
    """Add the case-material commands to the course CLI's subparsers."""
    config = commands.add_parser("trainer-config", help="write the trainer edition's _config.yml and _toc.yml")
    config.add_argument("-o", "--output", default=str(TRAINER_DIR), metavar="DIR", help="where (default: %(default)s)")
    config.add_argument("--source", default=str(ROOT), metavar="DIR", help="the course sources (default: this one)")
    config.set_defaults(run=_trainer_config, reads="source")

    handouts = commands.add_parser("handouts", help="print each case as a handout (HTML and A4 PDF)")
    handouts.add_argument(
        "--edition", choices=sorted(BUILD_HINT), default="learner", help="trainer: also a notes sheet per case"
    )
    handouts.add_argument("--html", metavar="DIR", help="the HTML build to cut from (default: the edition's build)")
    handouts.add_argument("-o", "--output", metavar="DIR", help="default: _build/handouts, or _build/trainer/handouts")
    handouts.add_argument("--case", action="extend", nargs="+", metavar="ID", help="only these cases (default: all)")
    handouts.set_defaults(run=_handouts, reads="html")

    assignment = commands.add_parser(
        "assign", help="an assignment of cases and self-check items, with its answer key (HTML and A4 PDF)"
    )
    assignment.add_argument("--case", action="extend", nargs="+", metavar="ID", help="case IDs, e.g. pinacor li-xiang")
    assignment.add_argument("--items", action="extend", nargs="+", metavar="ID", help="self-check item IDs, e.g. pf-01")
    assignment.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="DIR",
        help="writes assignment.* and answer-key.* (-A.*, -B.* with --versions 2)",
    )
    assignment.add_argument("--title", help="the assignment's title （default：作业）")
    assignment.add_argument("--html", metavar="DIR", help="trainer HTML build (default: _build/trainer/_build/html)")
    assignment.add_argument(
        "--versions",
        type=int,
        default=1,
        metavar="N",
        help="2: forms A and B with the options in different orders, each with its own key (default: 1)",
    )
    assignment.set_defaults(run=_assign, reads="html")
