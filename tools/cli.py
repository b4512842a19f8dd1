"""The course's command line: ``python -m tools <command>`` (see ``--help``).

Every command fails the same way: one line on standard error, ``error: <file>: <what is
wrong>``, and exit status 2, for bad arguments, input that cannot be read (missing,
a folder, not UTF-8, too large, nested too deeply, malformed) and output that cannot be
written (a folder in the way, no permission). Outputs are written whole or not at all
(:mod:`tools.output`), so a failed command leaves nothing half-written. Status 1 is kept
for ``analyse`` input that was read but has invalid values (they are reported).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tools.handouts import commands as case_commands

ROOT = Path(__file__).resolve().parent.parent

EDITIONS = {"learner": "学员版", "trainer": "培训师版"}
USAGE_ERROR = 2


class CommandError(Exception):
    """A problem with what the user asked for or gave the command; the message names it."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a bad argument is one line (not the usage block) and status 2."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(USAGE_ERROR, f"error: {self.prog}: {message} (see `{self.prog} --help`)\n")


def _pdf(args: argparse.Namespace) -> int:
    from tools.cases.strings import strings
    from tools.handouts.commands import BUILD_HINT, LEARNER_HTML, TRAINER_HTML
    from tools.output import check_suffix
    from tools.pdf.assemble import AssemblyError
    from tools.pdf.render import build_pdf
    from tools.trainer import guard

    learner = args.edition == "learner"
    html_root = Path(args.html or (LEARNER_HTML if learner else TRAINER_HTML))
    if not (html_root / "book" / "index.html").is_file():
        raise CommandError(f"{html_root}: holds no HTML build; run `{BUILD_HINT[args.edition]}` first")
    if learner:
        guard.refuse_trainer_build(html_root, "the learner PDF")
    output = args.output or ROOT / "_build" / "pdf" / f"关系销售-{EDITIONS[args.edition]}.pdf"
    check_suffix(Path(output), (".pdf",), "the book PDF")
    try:
        target = build_pdf(
            html_root,
            Path(output),
            title="关系销售",
            subtitle="大客户与关系销售入门课程",
            author="关系销售课程组",
            edition=EDITIONS[args.edition],
            mark="" if learner else strings()["trainer_mark"],
            check=guard.learner_check() if learner else None,
        )
    except AssemblyError as exc:
        raise CommandError(str(exc)) from None
    print(f"wrote {target}")
    return 0


def _check_learner(args: argparse.Namespace) -> int:
    """The leak scan over a built learner site, outside Sphinx: `make site` runs it after the
    build, so a configuration that left the course's extensions out cannot skip it."""
    from tools.handouts.commands import LEARNER_HTML
    from tools.trainer import guard, leaks

    html_root = Path(args.html or LEARNER_HTML)
    if not html_root.is_dir():
        raise CommandError(f"{html_root}: no such folder; run `make site` first")
    guard.refuse_trainer_build(html_root, "the learner site")
    found = leaks.scan([html_root], guard.notes_of())
    if found:
        raise guard.LeakError(f"{guard.describe(found)}: the learner site must not contain trainer material")
    print(f"{html_root}: no trainer material found")
    return 0


def parser() -> argparse.ArgumentParser:
    main_parser = _Parser(prog="python -m tools", description="关系销售 course tools")
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    pdf = commands.add_parser("pdf", help="typeset an HTML build as an A4 book PDF")
    pdf.add_argument("--html", help="the HTML build to print (default: the edition's build)")
    pdf.add_argument("-o", "--output", help="default: _build/pdf/关系销售-<edition>.pdf")
    pdf.add_argument("--edition", choices=sorted(EDITIONS), default="learner")
    pdf.set_defaults(run=_pdf, reads="html")

    check = commands.add_parser("check-learner", help="scan a learner build for trainer material")
    check.add_argument("--html", help="the learner site (default: _build/html)")
    check.set_defaults(run=_check_learner, reads="html")

    case_commands.register(commands)  # trainer-config, handouts, assign

    from tools.widgets.cli import add_parser as add_analyse

    add_analyse(commands)

    from tools.lms.cli import add_parser as add_lms

    add_lms(commands)  # export (Moodle XML, GIFT), scorm

    from tools.trainer.slides_cli import add_forms_parser, add_kits_parser
    from tools.trainer.slides_cli import add_parser as add_slides

    add_slides(commands)  # the lecture decks
    add_forms_parser(commands)  # sign-in sheet, evaluation form, certificates
    add_kits_parser(commands)  # the case kits one by one, and the printing list
    return main_parser


def _failed(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return USAGE_ERROR


def _input_of(args: argparse.Namespace) -> str:
    """What a command reads, for errors that cannot name the file themselves."""
    value = getattr(args, getattr(args, "reads", ""), None)
    return str(value) if value else f"input of `{args.command}`"


class Stopped(BaseException):
    """SIGTERM (a CI timeout, `kill`, a closed terminal session): handled like Ctrl-C, so that
    every write in progress rolls back (:mod:`tools.output` undoes on any BaseException)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, _frame) -> None:
    raise Stopped(signum)


def main(argv: list[str] | None = None) -> int:
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return _run(argv)  # only the main thread may set signal handlers
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        return _run(argv)
    finally:
        signal.signal(signal.SIGTERM, previous)  # main() is also called in-process, by the tests


def _run(argv: list[str] | None) -> int:
    from tools.data.yamlfile import DataError
    from tools.output import OutputError
    from tools.trainer.guard import LeakError

    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except (CommandError, DataError, OutputError, LeakError) as exc:
        return _failed(str(exc))
    except RecursionError:
        return _failed(f"{_input_of(args)}: nested too deeply to read")
    except MemoryError:
        return _failed(f"{_input_of(args)}: too large to read")
    except UnicodeDecodeError as exc:
        return _failed(f"{_input_of(args)}: not UTF-8 text ({exc.reason})")
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):  # `… | head`: the reader has gone; not an error of ours
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
        where = exc.filename or _input_of(args)
        return _failed(f"{where}: {exc.strerror.lower() if exc.strerror else exc}")
    except KeyboardInterrupt:
        print("interrupted; nothing was written", file=sys.stderr)
        return 130
    except Stopped as stop:
        print(f"stopped by signal {stop.signum}; nothing was written", file=sys.stderr)
        return 128 + stop.signum
