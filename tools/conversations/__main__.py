"""``python -m tools.conversations [FOLDER]``: check every conversation file in FOLDER
(default ``exercises/conversations``) without a build: the format, the graph rules and the
section labels against the chapter and case pages. Prints one line per problem
(``file:line: what is wrong``) and exits 2, or prints a summary and exits 0."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tools.data.labels import page_labels
from tools.data.yamlfile import DataError

from .model import conversation_files, course_problems, load_conversation

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.conversations", description=__doc__)
    parser.add_argument("folder", nargs="?", default="exercises/conversations", help="the conversation files")
    parser.add_argument("--source", default=str(ROOT), help="the course source tree whose labels count")
    args = parser.parse_args(argv)
    problems: list[DataError] = []
    loaded = {}
    try:
        files = conversation_files(Path(args.folder))
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for path in files:  # every file's first problem, not only the first file's
        try:
            conv = load_conversation(path)
            loaded[conv.id] = conv
        except DataError as exc:
            problems.append(exc)
    problems += course_problems(loaded, page_labels(Path(args.source)))
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        return 2
    print(f"{len(loaded)} conversations, no problems")
    return 0


if __name__ == "__main__":
    sys.exit(main())
