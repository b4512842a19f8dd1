"""Run the typesetting rules over the course's files, and apply the fixes that are certain."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from . import prose
from .rules import Finding, check

# Everything a reader sees: pages, cases, banks, and the strings of the tools and templates.
DEFAULT_PATHS = ["book", "cases", "exercises", "tools"]
# Not reader text: this lint's own rule tables, benchmark queries (they include typos and
# English on purpose), the search's alias table (the synonyms the course does not use, on
# purpose, so that a search for them still finds the course's terms), and generated or
# installed files.
SKIP = ("tools/typography/", "tools/bench/", "tools/search/aliases.yml", "book/_build/", "_build/", "__pycache__/")


def course_files(root: Path, paths: Iterable[str] = DEFAULT_PATHS) -> list[Path]:
    files: list[Path] = []
    for name in paths:
        base = root / name
        candidates = [base] if base.is_file() else sorted(base.rglob("*"))
        for path in candidates:
            rel = path.relative_to(root).as_posix()
            if (
                path.is_file()
                and path.suffix in prose.READERS
                and not any(rel.startswith(s) or f"/{s}" in rel for s in SKIP)
            ):
                files.append(path)
    return files


def lint(root: Path, paths: Iterable[str] = DEFAULT_PATHS) -> list[Finding]:
    findings: list[Finding] = []
    for path in course_files(root, paths):
        findings.extend(check(prose.read(path, root)))
    return findings


def _apply(text: str, fixes: list[tuple[int, int, str]]) -> str:
    """Apply non-overlapping fixes to one line, right to left."""
    last = len(text) + 1
    for start, end, replacement in sorted(set(fixes), key=lambda f: (f[0], f[1]), reverse=True):
        if end > last or (end == last and start == end and last <= len(text)):
            continue
        text = text[:start] + replacement + text[end:]
        last = start
    return text


def fixed_text(name: str, text: str, passes: int = 4) -> tuple[str, int]:
    """The text of file ``name`` with every certain fix applied, and how many were made.

    Fixes can uncover others (a half-width comma inside half-width parentheses), so the
    rules run again until nothing changes, a few passes at most."""
    reader = prose.READERS[Path(name).suffix]
    made = 0
    for _ in range(passes):
        lines = reader(name, text)
        by_line: dict[int, list[tuple[int, int, str]]] = {}
        for finding in check(lines):
            if finding.fix:
                by_line.setdefault(finding.line, []).append(finding.fix)
        if not by_line:
            break
        new = [line.text for line in lines]
        for number, fixes in by_line.items():
            new[number - 1] = _apply(new[number - 1], fixes)
            made += len(fixes)
        text = "\n".join(new)
    return text, made


def fix(root: Path, paths: Iterable[str] = DEFAULT_PATHS) -> int:
    """Rewrite the course's files with every certain fix; returns how many were made."""
    made = 0
    for path in course_files(root, paths):
        text = path.read_text(encoding="utf-8")
        new, count = fixed_text(path.name, text)
        if new != text:
            path.write_text(new, encoding="utf-8")
            made += count
    return made
