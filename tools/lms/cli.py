"""``python -m tools scorm``: the learner site as a SCORM 1.2 package.

Errors (no built site, a trainer build, an output that cannot be written) are one line on
standard error naming the path, exit status 2, and nothing is written: a package problem
here, an output problem in :func:`tools.cli.main` (:class:`tools.output.OutputError`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .scorm import PACKAGE_NAME, PackageError, build

ROOT = Path(__file__).resolve().parent.parent.parent


def _scorm(args: argparse.Namespace) -> int:
    output = Path(args.output) if args.output else ROOT / "_build" / "scorm" / PACKAGE_NAME
    html = Path(args.html) if args.html else ROOT / "_build" / "html"
    try:
        package = build(html, output, Path(args.exercises))
    except PackageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(
        f"wrote {package.path} ({package.size / 1e6:.1f} MB, {package.entries} files; one SCO: "
        f"{package.pages} pages, {package.items} self-check items scored)"
    )
    return 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    scorm = commands.add_parser(
        "scorm", help="the learner site as a SCORM 1.2 package (.zip) for Moodle or another learning platform"
    )
    scorm.add_argument("--html", metavar="DIR", help="the built learner site (default: _build/html)")
    scorm.add_argument("-o", "--output", metavar="FILE", help=f"the package; default: _build/scorm/{PACKAGE_NAME}")
    scorm.add_argument("--exercises", default=str(ROOT / "exercises"), metavar="DIR", help="where the banks are")
    scorm.set_defaults(run=_scorm, reads="html")
