"""``python -m tools.typography [--fix] [PATH ...]``: list typesetting problems as
``file:line:column: rule: message`` (exit 1 if any), or apply the certain fixes first."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from .lint import DEFAULT_PATHS, fix, lint

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.typography", description=__doc__)
    parser.add_argument("paths", nargs="*", default=DEFAULT_PATHS, help="files or folders, relative to the project")
    parser.add_argument("--fix", action="store_true", help="apply the fixes that are certain, then report the rest")
    parser.add_argument("--summary", action="store_true", help="print counts by rule only")
    args = parser.parse_args(argv)
    missing = [p for p in args.paths if not (ROOT / p).exists()]
    if missing:
        print(f"typography: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    if args.fix:
        print(f"typography: {fix(ROOT, args.paths)} fixes applied", file=sys.stderr)
    findings = lint(ROOT, args.paths)
    if args.summary:
        for rule, count in sorted(Counter(f.rule for f in findings).items()):
            print(f"{rule}\t{count}")
        print(f"total\t{len(findings)}")
    else:
        for finding in findings:
            print(finding)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
