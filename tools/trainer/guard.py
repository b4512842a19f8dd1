"""The last check before a learner output is written: no trainer material in it.

Every command that writes something for learners (``pdf`` of the learner edition,
``handouts``, the learner sheet of ``assign``, ``scorm``, the learner ``export``) hands the
bytes it is about to write to :func:`learner_check`; a finding stops the command before a
single file is written, naming the output file and the note it quotes. The learner build
runs the same scan over its output (``tools/sphinxext/leak_guard.py``). Nothing in any
configuration turns this off.

Trainer-only material is everything under ``cases/notes`` (:func:`tools.trainer.leaks.notes_files`):
the teaching notes, the trainer's guide and the case kits; slides or a certification pool
written there later are covered without anyone listing them. What the scan cannot catch is
a paraphrase: that needs a person's review (CONTRIBUTING.md).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from tools.trainer import leaks

ROOT = Path(__file__).resolve().parent.parent.parent
NOTES_MARK = Path("cases") / "notes"  # only a trainer build has this folder


class LeakError(Exception):
    """A learner output that would hold trainer material; the message names file and note."""


@lru_cache(maxsize=4)
def notes_of(source: Path = ROOT) -> leaks.Notes:
    """The trainer-only pages of the course at ``source`` in searchable form (read once)."""
    public = sorted((source / "cases").glob("*.md"))  # the case pages, whose titles the notes name
    return leaks.Notes.of(leaks.notes_files(source), source, public)


def describe(found: list[leaks.Leak], limit: int = 3) -> str:
    """The findings as one line: the first few, each with the note it quotes, and a count."""
    shown = "; ".join(
        f"{leak.file} quotes {leak.passage.source} (“{leak.passage.shown[:30]}…”)" for leak in found[:limit]
    )
    more = f"; and {len(found) - limit} more" if len(found) > limit else ""
    return shown + more


def learner_check(source: Path = ROOT, only: Callable[[Path], bool] = lambda path: True):
    """A check for :func:`tools.output.write_files`: it raises :class:`LeakError` if any file
    it is given (those ``only`` accepts) holds a passage of the trainer-only pages."""

    def check(files: dict[Path, bytes]) -> None:
        named = (pair for path, data in files.items() if only(path) for pair in leaks.texts(str(path), data))
        found = leaks.scan_texts(named, notes_of(source))
        if found:
            raise LeakError(
                f"{describe(found)}: learner outputs must not contain trainer material "
                "(cases/notes: teaching notes, trainer's guide, kits); nothing was written"
            )

    return check


def refuse_trainer_build(html_root: Path, output: str) -> None:
    """A learner output is never cut from a trainer build (it has ``cases/notes/``)."""
    if (html_root / NOTES_MARK).exists():
        raise LeakError(
            f"{html_root}: is the trainer edition (it has {NOTES_MARK.as_posix()}/); {output} is for learners, "
            "so make it from the learner site (`make site`)"
        )
