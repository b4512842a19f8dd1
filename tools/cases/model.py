"""Case metadata: load and validate the ``case:`` front matter of every case page, and the
labels that the handouts cut the page by."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tools.data.yamlfile import DataError, Mapping, front_matter

FIELDS = ("id", "title", "chapters", "format", "duration", "skills")
# Labels every case page carries: the page itself, and the two sections a handout prints.
SITUATION, TASKS = "case-{id}-situation", "case-{id}-tasks"
LABELS = ("case-{id}", SITUATION, TASKS)
NOTES_DIR = "notes"
# Labels every teaching-notes page carries: the page, its model answers, its grading guide.
ANSWERS, GRADING = "notes-{id}-answers", "notes-{id}-grading"
NOTES_LABELS = ("notes-{id}", ANSWERS, GRADING)


@dataclass(frozen=True)
class Case:
    id: str
    title: str
    chapters: tuple[str, ...]
    format: str
    duration: int
    skills: tuple[str, ...]
    path: Path

    @property
    def notes_path(self) -> Path:
        """The trainer-only teaching notes for this case."""
        return self.path.parent / NOTES_DIR / self.path.name


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
    _check_labels(path, case["id"])
    return Case(
        id=case["id"],
        title=case["title"].strip(),
        chapters=tuple(case["chapters"]),
        format=case["format"].strip(),
        duration=duration,
        skills=tuple(case["skills"]),
        path=path,
    )


def _check_labels(path: Path, case_id: str, forms: tuple[str, ...] = LABELS) -> None:
    # Handouts and assignments cut sections out of the built pages by these labels, so a
    # page without them must fail here rather than print half a case.
    text = path.read_text(encoding="utf-8")
    end = text.find("\n---", 4) if text.startswith("---\n") else -1
    line = text[:end].count("\n") + 3 if end != -1 else 1  # the first line after any front matter
    for form in forms:
        label = form.format(id=case_id)
        if not re.search(rf"^\({re.escape(label)}\)=[ \t]*$", text, re.M):
            wanted = ", ".join(f"`({f.format(id=case_id)})=`" for f in forms)
            raise DataError(path, line, f"the page has no label `({label})=` (it needs {wanted})")


def check_notes(case: Case) -> None:
    """The case's teaching notes exist and carry the labels the answer key is cut by."""
    if not case.notes_path.is_file():
        raise DataError(case.path, 1, f"case `{case.id}` has no teaching notes ({case.notes_path} is missing)")
    _check_labels(case.notes_path, case.id, NOTES_LABELS)


def book_chapters(source: Path) -> set[str]:
    """The chapter names a case may list, outside a Sphinx build (the pages in ``book/``)."""
    return {path.stem for path in (source / "book").glob("*.md")}


def load_cases(cases_dir: Path, chapters: set[str]) -> list[Case]:
    return [load_case(path, chapters) for path in sorted(cases_dir.glob("*.md")) if path.stem != "index"]
