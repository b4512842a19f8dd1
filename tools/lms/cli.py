"""The LMS commands of ``python -m tools``: ``export`` (the question banks and case tasks
for Moodle, as Moodle XML or GIFT) and ``scorm`` (the learner site as a SCORM 1.2 package).

Errors (no built site, a trainer build, an output that cannot be written) are one line on
standard error naming the path, exit status 2, and nothing is written: a package problem
here, an output problem in :func:`tools.cli.main` (:class:`tools.output.OutputError`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .scorm import PACKAGE_NAME, REPORTS, PackageError, build

ROOT = Path(__file__).resolve().parent.parent.parent
FORMATS = ("moodle", "gift")
SUFFIXES = {"moodle": (".xml",), "gift": (".gift", ".txt")}  # Moodle's importer picks files by these
EDITIONS = ("learner", "trainer")


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def _export(args: argparse.Namespace) -> int:
    from collections import Counter

    from tools.exercises.model import load_course_banks
    from tools.output import check_suffix, write_text, write_utf8
    from tools.trainer.guard import learner_check

    from . import questions
    from .course import case_texts, chapters
    from .gift import to_gift
    from .moodle_xml import to_moodle_xml

    trainer = args.edition == "trainer"
    if trainer and args.format == "gift":
        return _fail("GIFT has no place for grader information: export the trainer edition with --format moodle")
    banks = load_course_banks(Path(args.exercises), ROOT)
    if not banks:
        return _fail(f"{args.exercises}: no question banks (*.yml) there")
    wanted = list(dict.fromkeys(args.bank or banks))
    unknown = [name for name in wanted if name not in banks]
    if unknown:
        return _fail(f"no bank {', '.join(unknown)}; the banks are: {', '.join(banks)}")
    chosen = [banks[name] for name in wanted]
    course = chapters(ROOT)
    cases = [] if args.no_cases else case_texts(ROOT, trainer=trainer)
    if args.format == "moodle":
        text = to_moodle_xml(chosen, course, cases, ordering_as=args.ordering_as)
        ordering_as = args.ordering_as
    else:
        text = to_gift(chosen, course, cases)
        ordering_as = questions.MATCHING
    counts = Counter(questions.qtype(item, ordering_as) for bank in chosen for item in bank.items)
    counts.update({"essay": len(cases)} if cases else {})
    summary = ", ".join(f"{count} {name}" for name, count in sorted(counts.items()))
    # The learner export never carries trainer text (grader information is trainer-only).
    check = None if trainer else learner_check()
    if args.output:
        check_suffix(Path(args.output), SUFFIXES[args.format], f"a {args.format} export")
        target = write_text(Path(args.output), text, check)
        print(f"wrote {target} ({sum(counts.values())} questions: {summary})")
    else:
        if check is not None:
            check({Path("<standard output>"): text.encode("utf-8")})
        write_utf8(text)  # the XML says UTF-8
    return 0


def _scorm(args: argparse.Namespace) -> int:
    output = Path(args.output) if args.output else ROOT / "_build" / "scorm" / PACKAGE_NAME
    html = Path(args.html) if args.html else ROOT / "_build" / "html"
    try:
        package = build(html, output, Path(args.exercises), args.report)
    except PackageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(
        f"wrote {package.path} ({package.size / 1e6:.1f} MB, {package.entries} files; one SCO: "
        f"{package.pages} pages, {package.items} self-check items scored)"
    )
    return 0


def _certification(args: argparse.Namespace) -> int:
    """The certification test's Moodle XML (trainer edition only, never a learner output)."""
    from tools.exercises import certification
    from tools.output import check_suffix, write_text

    from .certification_xml import to_certification_xml
    from .course import chapters

    pool = certification.load_pool(ROOT)
    found = certification.problems(pool)
    if found:
        return _fail("; ".join(found))
    case = certification.load_case(ROOT / certification.FOLDER / certification.CASE_FILE)
    output = Path(args.output)
    check_suffix(output, SUFFIXES["moodle"], "a Moodle XML export")
    inside = output.resolve()
    for learner in (ROOT / "_build" / "html", ROOT / "_build" / "scorm"):
        if inside.is_relative_to(learner.resolve()):
            return _fail(f"{output}: the certification test is trainer material; write it outside {learner}")
    target = write_text(output, to_certification_xml(pool, chapters(ROOT), case))
    cells = sum(len(levels) for levels in certification.cells(pool).values())
    total = sum(len(bank.items) for bank in pool.values())
    must = len(certification.must_pass_items(pool))
    print(f"wrote {target} ({total} questions in {cells} categories, {must} of them must-pass, and 1 essay)")
    return 0


def _item_stats(args: argparse.Namespace) -> int:
    """Facility and discrimination per item from a cohort's results CSV."""
    from tools.exercises import certification, item_stats
    from tools.exercises.model import load_banks
    from tools.output import write_text, write_utf8

    items = [i for bank in load_banks(ROOT / "exercises").values() for i in bank.items]
    if (ROOT / certification.FOLDER).is_dir():
        items += [i for bank in certification.load_pool(ROOT).values() for i in bank.items]
    text = item_stats.report(item_stats.statistics(item_stats.read_marks(Path(args.results), items)))
    if args.output:
        print(f"wrote {write_text(Path(args.output), text)}")
    else:
        write_utf8(text)
    return 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Add ``export`` and ``scorm`` to the course CLI's subparsers."""
    from .questions import MATCHING, ORDERING

    export = commands.add_parser(
        "export", help="export the self-check banks and the case tasks for Moodle (Moodle XML or GIFT)"
    )
    export.add_argument("--format", choices=FORMATS, required=True, help="Moodle XML or GIFT")
    export.add_argument(
        "--edition", choices=EDITIONS, default="learner",
        help="trainer: the case essays carry the rubric and model answers as grader information (Moodle XML only)",
    )  # fmt: skip
    export.add_argument(
        "--ordering-as", choices=(ORDERING, MATCHING), default=ORDERING,
        help="ordering items as Moodle's ordering question (Moodle 4.4+, the default) or as matching (older sites)",
    )  # fmt: skip
    export.add_argument("--bank", action="extend", nargs="+", metavar="CHAPTER", help="only these banks (default: all)")
    export.add_argument("--no-cases", action="store_true", help="leave out the case tasks (essay questions)")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    export.add_argument("--exercises", default=str(ROOT / "exercises"), metavar="DIR", help="where the banks are")
    export.set_defaults(run=_export, reads="exercises")

    scorm = commands.add_parser(
        "scorm", help="the learner site as a SCORM 1.2 package (.zip) for Moodle or another learning platform"
    )
    scorm.add_argument("--html", metavar="DIR", help="the built learner site (default: _build/html)")
    scorm.add_argument("-o", "--output", metavar="FILE", help=f"the package; default: _build/scorm/{PACKAGE_NAME}")
    scorm.add_argument("--exercises", default=str(ROOT / "exercises"), metavar="DIR", help="where the banks are")
    scorm.add_argument(
        "--report",
        choices=REPORTS,
        default="passfail",
        help="passfail (default): passed/failed from the practice test, completed, incomplete; "
        "completion: completed/incomplete only",
    )
    scorm.set_defaults(run=_scorm, reads="html")

    cert = commands.add_parser(
        "certification",
        help="the certification test (trainer material) as Moodle XML: a category per blueprint cell, "
        "the must-pass items and the written case",
    )
    cert.add_argument("-o", "--output", required=True, metavar="FILE", help="the Moodle XML file (*.xml)")
    cert.set_defaults(run=_certification, reads="output")

    stats = commands.add_parser(
        "item-stats",
        help="facility and discrimination per item from a results CSV (Moodle responses or a scoring grid)",
    )
    stats.add_argument("results", metavar="CSV", help="Moodle's quiz Responses report, or a grid of item IDs")
    stats.add_argument("-o", "--output", metavar="FILE", help="write the table to FILE (default: standard output)")
    stats.set_defaults(run=_item_stats, reads="results")
