"""Generate the trainer edition's ``_config.yml`` and ``_toc.yml`` from the learner edition's.

Why generated and not a second pair of hand-kept files: the two editions must differ in
exactly three things, and a copy would drift in everything else. The trainer edition

- builds the teaching notes (``cases/notes`` leaves ``exclude_patterns``),
- lists each case's notes as a child of the case page in the table of contents, so the
  notes sit beside their case in the navigation and the PDF, and adds a last part of
  trainer-only pages (the trainer's guide, the case kits), listed in
  ``cases/notes/trainer-toc.yml`` so that they too live where the learner edition never reads,
- sets ``course_edition: trainer`` (read by ``tools/sphinxext/edition.py``, which links each
  case page to its notes) and says 培训师版 in the site title.

Jupyter Book 1 cannot pass Sphinx tags from its config (jupyter-book#1290), and ``only``
blocks would still leave the notes in ``_sources`` and the search index; so the learner
edition simply never reads the notes files. The files are written under ``_build`` and
handed to ``jupyter-book build --config … --toc …`` (see the Makefile's ``trainer`` target).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from tools.cases.model import NOTES_DIR, book_chapters, check_notes, load_cases
from tools.cases.strings import strings
from tools.data.yamlfile import load, plain
from tools.output import write_files

NOTES_PATTERN = f"cases/{NOTES_DIR}"
# The trainer-only part of the table of contents: a caption and chapters in _toc.yml form,
# every file under cases/notes (the learner edition excludes that folder, so it cannot list them).
TRAINER_TOC = f"{NOTES_PATTERN}/trainer-toc.yml"
GENERATED = "# Generated from {source} by `python -m tools trainer-config`; edit {source}, not this file.\n"


class EditionError(Exception):
    """The learner sources do not fit the trainer edition (a notes file without its case…)."""


def trainer_config(source: Path) -> dict:
    """The trainer edition's Jupyter Book configuration, from ``source/_config.yml``."""
    config = plain(load(source / "_config.yml"))
    if not isinstance(config, dict):
        raise EditionError(f"{source / '_config.yml'}: must be a mapping of Jupyter Book settings")
    excluded = config.get("exclude_patterns") or []
    if NOTES_PATTERN not in excluded:
        # The learner edition would then contain the notes; refuse rather than build on it.
        raise EditionError(f"{source / '_config.yml'}: exclude_patterns must list `{NOTES_PATTERN}`")
    config["exclude_patterns"] = [p for p in excluded if p != NOTES_PATTERN]
    language = config.get("sphinx", {}).get("config", {}).get("language", "zh_CN")
    config["title"] = strings(language)["trainer_title"].format(title=config.get("title", ""))
    sphinx = config.setdefault("sphinx", {})
    # Jupyter Book resolves local extension paths against the config file's folder, and the
    # generated file lives under _build: make them absolute.
    sphinx["local_extensions"] = {
        name: str((source / path).resolve()) for name, path in (sphinx.get("local_extensions") or {}).items()
    }
    sphinx.setdefault("config", {})["course_edition"] = "trainer"
    return config


def trainer_toc(source: Path) -> dict:
    """The learner table of contents with each case's notes as the case page's child, and
    the trainer-only part (``cases/notes/trainer-toc.yml``) last.

    Every page under ``cases/notes`` must be one of the two: an EditionError names the rest.
    Raises DataError for a case whose notes are missing or lack their labels.
    """
    for case in load_cases(source / "cases", book_chapters(source)):
        check_notes(case)
    toc = plain(load(source / "_toc.yml"))
    if not isinstance(toc, dict):
        raise EditionError(f"{source / '_toc.yml'}: must be a mapping with `root` and `parts`")
    notes = {p.stem for p in (source / NOTES_PATTERN).glob("*.md")}
    attached: set[str] = set()

    def walk(entries: list | None) -> None:
        for entry in entries or []:
            for key in ("parts", "chapters", "sections"):
                walk(entry.get(key))
            name = str(entry.get("file", ""))
            case = name.removeprefix("cases/")
            if name.startswith("cases/") and case in notes:
                entry.setdefault("sections", []).append({"file": f"{NOTES_PATTERN}/{case}"})
                attached.add(case)

    walk(toc.get("parts"))
    walk(toc.get("chapters"))
    trainer_part, listed = _trainer_part(source)
    if trainer_part is not None:
        toc.setdefault("parts", []).append(trainer_part)
    pages = {
        p.relative_to(source / NOTES_PATTERN).with_suffix("").as_posix() for p in (source / NOTES_PATTERN).rglob("*.md")
    }
    orphans = [
        f"{NOTES_PATTERN}/{n}.md belongs to no case page in _toc.yml and is not listed in {TRAINER_TOC}"
        for n in sorted(pages - attached - listed)
    ]
    if orphans:
        raise EditionError("; ".join(orphans))
    return toc


def _trainer_part(source: Path) -> tuple[dict | None, set[str]]:
    """The trainer-only part from ``cases/notes/trainer-toc.yml`` and the pages it lists
    (relative to ``cases/notes``, without suffix); ``(None, set())`` when there is none."""
    path = source / TRAINER_TOC
    if not path.is_file():
        return None, set()
    part = plain(load(path))
    if (
        not isinstance(part, dict)
        or not isinstance(part.get("caption"), str)
        or not isinstance(part.get("chapters"), list)
    ):
        raise EditionError(f"{path}: must be a mapping with `caption` and a list of `chapters` (as a part of _toc.yml)")
    listed: set[str] = set()

    def collect(entries: list) -> None:
        for entry in entries:
            name = str(entry.get("file", "")) if isinstance(entry, dict) else ""
            if not name.startswith(f"{NOTES_PATTERN}/"):
                # Anything outside the notes folder would be a learner page listed twice.
                raise EditionError(f"{path}: `{name or entry}` is not a page under {NOTES_PATTERN}/")
            if not (source / f"{name}.md").is_file():
                raise EditionError(f"{path}: `{name}` has no page ({name}.md is missing)")
            listed.add(name.removeprefix(f"{NOTES_PATTERN}/"))
            collect(entry.get("sections") or [])

    collect(part["chapters"])
    return part, listed


def write_trainer_files(source: Path, target: Path) -> tuple[Path, Path]:
    """Write the trainer ``_config.yml`` and ``_toc.yml`` into ``target``; return their paths."""
    config, toc = trainer_config(source), trainer_toc(source)  # both checked before writing either
    files = {}
    for data, origin in ((config, "_config.yml"), (toc, "_toc.yml")):
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)
        files[target / origin] = (GENERATED.format(source=origin) + text).encode("utf-8")
    config_path, toc_path = write_files(files)
    return config_path, toc_path
