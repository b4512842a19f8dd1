"""Handouts per case: the learners' sheet (situation and tasks) and, from a trainer build,
the trainer's teaching-notes sheet. Each as HTML and as an A4 PDF."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tools.cases.model import Case
from tools.cases.strings import strings

from . import extract
from .document import sheet


@dataclass(frozen=True)
class Sheet:
    name: str  # file name without suffix
    html: str


def case_meta(html_root: Path, case: Case, text: dict[str, str]) -> list[str]:
    chapters = text["list_separator"].join(extract.title(html_root, f"book/{c}.html") for c in case.chapters)
    return [
        text["format"].format(format=case.format),
        text["duration"].format(minutes=case.duration),
        text["chapters"].format(chapters=chapters),
    ]


def case_sheet(html_root: Path, case: Case) -> Sheet:
    lang = extract.language(html_root, extract.case_url(case))
    text = strings(lang)
    situation, tasks = extract.case_sections(html_root, case)
    tasks["class"] = [*tasks.get("class", []), "sheet-tasks"]
    kicker = f"{text['course']} · {text['handout']}"
    return Sheet(
        name=case.id,
        html=sheet(
            title=extract.title(html_root, extract.case_url(case)),
            kicker=kicker,
            meta=case_meta(html_root, case, text),
            parts=[str(situation), str(tasks)],
            footer=kicker,
            page_format=text["page"],
            lang=lang,
            name_line=text["name_line"],
            classes="learner",
        ),
    )


def notes_sheet(html_root: Path, case: Case) -> Sheet:
    lang = extract.language(html_root, extract.notes_url(case))
    text = strings(lang)
    # The marking every trainer-only page carries; the footer repeats it on every printed page.
    kicker = f"{text['course']} · {text['notes_sheet']} · {text['trainer_mark']}"
    return Sheet(
        name=f"{case.id}-notes",
        html=sheet(
            title=extract.title(html_root, extract.notes_url(case)),
            kicker=kicker,
            meta=case_meta(html_root, case, text),
            parts=[str(node) for node in extract.notes_body(html_root, case)],
            footer=kicker,
            page_format=text["page"],
            lang=lang,
            classes="trainer",
        ),
    )


def handouts(html_root: Path, cases: list[Case], *, notes: bool) -> list[Sheet]:
    """A sheet per case, and with ``notes`` a notes sheet per case after it."""
    sheets = []
    for case in cases:
        sheets.append(case_sheet(html_root, case))
        if notes:
            sheets.append(notes_sheet(html_root, case))
    return sheets
