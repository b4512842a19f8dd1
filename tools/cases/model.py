"""Case metadata: load and validate the ``case:`` front matter of every case page, and the
labels that the handouts cut the page by."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tools.data import schema as s
from tools.data.labels import labels
from tools.data.textfile import read_text
from tools.data.yamlfile import DataError, Mapping, front_matter

FIELDS = ("id", "title", "chapters", "format", "duration", "skills")
# Labels every case page carries: the page itself, and the two sections a handout prints.
SITUATION, TASKS = "case-{id}-situation", "case-{id}-tasks"
LABELS = ("case-{id}", SITUATION, TASKS)
NOTES_DIR = "notes"
# What a case is worth, everywhere: the kits' scoring sheets (bands 16+ / 11–15 / ≤10), the
# assignment sheets and the Moodle essay's grade (tests/test_kits.py holds them together).
CASE_POINTS = 20
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


CASE = s.Record(
    {
        "id": s.Text(),
        "title": s.Text(),
        "chapters": s.ListOf(s.Text(), noun="chapters", name=lambda i: f"chapter {i + 1}"),
        "format": s.Text(),
        "duration": s.Int(5, 600, "minutes"),
        "skills": s.ListOf(s.Text(), noun="skills", name=lambda i: f"skill {i + 1}"),
    },
    what="a mapping of " + ", ".join(FIELDS),
)
FRONT_MATTER = s.Record({"case": CASE}, what="front matter with a `case:` mapping")


def load_case(path: Path, chapters: set[str]) -> Case:
    """Read one case page's metadata; ``chapters`` are the chapter names that exist."""
    meta = front_matter(path)
    if not isinstance(meta, Mapping) or "case" not in meta:
        raise DataError(path, 1, "a case page needs front matter with a `case:` mapping")
    case = s.check(meta, FRONT_MATTER, path)["case"]
    if case["id"] != path.stem:
        raise DataError(path, case.line_of("id"), f"id `{case['id']}` must equal the file name `{path.stem}`")
    for chapter in case["chapters"]:
        if chapter not in chapters:
            raise DataError(
                path,
                case.line_of("chapters"),
                f"unknown chapter `{chapter}`{s.suggestion(chapter, sorted(chapters))} "
                f"(chapters: {', '.join(sorted(chapters))})",
            )
    _check_labels(path, case["id"])
    return Case(
        id=case["id"],
        title=case["title"].strip(),
        chapters=tuple(case["chapters"]),
        format=case["format"].strip(),
        duration=case["duration"],
        skills=tuple(case["skills"]),
        path=path,
    )


def _check_labels(path: Path, case_id: str, forms: tuple[str, ...] = LABELS) -> None:
    # Handouts and assignments cut sections out of the built pages by these labels, so a
    # page without them must fail here rather than print half a case. A label shown in a
    # code block is no label, so the scan skips code (tools.data.labels).
    text = read_text(path)
    end = text.find("\n---", 4) if text.startswith("---\n") else -1
    line = text[:end].count("\n") + 3 if end != -1 else 1  # the first line after any front matter
    found = {label for label, _line in labels(text)}
    for form in forms:
        label = form.format(id=case_id)
        if label not in found:
            wanted = ", ".join(f"`({f.format(id=case_id)})=`" for f in forms)
            raise DataError(path, line, f"the page has no label `({label})=` outside code (it needs {wanted})")


def check_notes(case: Case) -> None:
    """The case's teaching notes exist and carry the labels the answer key is cut by."""
    if not case.notes_path.is_file():
        raise DataError(case.path, 1, f"case `{case.id}` has no teaching notes ({case.notes_path} is missing)")
    _check_labels(case.notes_path, case.id, NOTES_LABELS)


def book_chapters(source: Path) -> set[str]:
    """The chapter names a case may list, outside a Sphinx build (the pages in ``book/``)."""
    return {path.stem for path in (source / "book").glob("*.md")}


def case_files(cases_dir: Path) -> list[Path]:
    return [path for path in sorted(cases_dir.glob("*.md")) if path.stem != "index"]


def load_cases(cases_dir: Path, chapters: set[str]) -> list[Case]:
    """Every case, or the first problem found as a DataError."""
    return [load_case(path, chapters) for path in case_files(cases_dir)]


def load_each(cases_dir: Path, chapters: set[str]) -> tuple[list[Case], list[DataError]]:
    """The cases that load, and a DataError for each one that does not (the build reports
    them all at once)."""
    cases, problems = [], []
    for path in case_files(cases_dir):
        try:
            cases.append(load_case(path, chapters))
        except DataError as exc:
            problems.append(exc)
    return cases, problems
