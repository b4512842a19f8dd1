"""Case metadata: load and validate the ``case:`` front matter of every case page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tools.data.yamlfile import DataError, Mapping, front_matter

FIELDS = ("id", "title", "chapters", "format", "duration", "skills")


@dataclass(frozen=True)
class Case:
    id: str
    title: str
    chapters: tuple[str, ...]
    format: str
    duration: int
    skills: tuple[str, ...]
    path: Path


def load_case(path: Path, chapters: set[str]) -> Case:
    """Read one case page's metadata; ``chapters`` are the chapter names that exist."""
    meta = front_matter(path)
    if not isinstance(meta, Mapping) or "case" not in meta:
        raise DataError(path, 1, "a case page needs front matter with a `case:` mapping")
    case = meta["case"]
    if not isinstance(case, Mapping):
        raise DataError(path, meta.line_of("case"), "`case:` must be a mapping of " + ", ".join(FIELDS))
    for name in FIELDS:
        if name not in case:
            raise DataError(path, meta.line_of("case"), f"`case:` is missing `{name}`")
    unknown = sorted(set(case) - set(FIELDS))
    if unknown:
        raise DataError(path, case.line_of(unknown[0]), f"unknown field `{unknown[0]}` (known: {', '.join(FIELDS)})")
    if case["id"] != path.stem:
        raise DataError(path, case.line_of("id"), f"id `{case['id']}` must equal the file name `{path.stem}`")
    for name in ("title", "format"):
        if not isinstance(case[name], str) or not case[name].strip():
            raise DataError(path, case.line_of(name), f"`{name}` must be a non-empty text")
    duration = case["duration"]
    if isinstance(duration, bool) or not isinstance(duration, int) or not 5 <= duration <= 600:
        raise DataError(
            path, case.line_of("duration"), f"`duration` must be minutes between 5 and 600, not {duration!r}"
        )
    for name in ("chapters", "skills"):
        value = case[name]
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
            raise DataError(path, case.line_of(name), f"`{name}` must be a non-empty list of texts")
    for chapter in case["chapters"]:
        if chapter not in chapters:
            raise DataError(
                path, case.line_of("chapters"), f"unknown chapter `{chapter}` (chapters: {', '.join(sorted(chapters))})"
            )
    return Case(
        id=case["id"],
        title=case["title"].strip(),
        chapters=tuple(case["chapters"]),
        format=case["format"].strip(),
        duration=duration,
        skills=tuple(case["skills"]),
        path=path,
    )


def load_cases(cases_dir: Path, chapters: set[str]) -> list[Case]:
    return [load_case(path, chapters) for path in sorted(cases_dir.glob("*.md")) if path.stem != "index"]
