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
    forms: bool = False  # the PDF's empty cells are form fields to type into


def form_fields(body) -> int:
    """Every empty cell of the worksheet tables in ``body`` becomes a text field (named by
    table, row and column, the names the site's on-screen form uses, and titled by its
    question); returns how many."""
    count = 0
    for t, table in enumerate(body.select("table.worksheet")):
        headers = [" ".join(th.get_text().split()) for th in table.select("thead th")]
        for r, row in enumerate(table.find_all("tr")):
            cells = row.find_all(["td", "th"])
            for c, cell in enumerate(cells):
                if cell.get_text().strip():
                    continue
                head = "worksheet-head" in table.get("class", [])
                if r == 0 and not head:
                    continue
                known = [" ".join(x.get_text().split()) for x in cells if x is not cell and x.get_text().strip()]
                label = (known[-1] if head else " ".join(known)) if known else headers[c] if c < len(headers) else ""
                field = body.new_tag("textarea", attrs={"name": f"t{t}r{r}c{c}", "title": label})
                cell.append(field)
                count += 1
    return count


def worksheet_sheet(html_root: Path, key: str) -> Sheet:
    """A blank worksheet as a fillable PDF form (and its HTML)."""
    url = extract.worksheet_url(key)
    lang = extract.language(html_root, url)
    text = strings(lang)
    body = extract.worksheet_body(html_root, key)
    form_fields(body)
    kicker = f"{text['course']} · {text['worksheet']}"
    return Sheet(
        name=f"worksheet-{key}",
        html=sheet(
            title=extract.title(html_root, url),
            kicker=kicker,
            meta=[],
            parts=[str(body)],
            footer=kicker,
            page_format=text["page"],
            lang=lang,
            classes="worksheet-form",
        ),
        forms=True,
    )


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


def handouts(html_root: Path, cases: list[Case], *, notes: bool, worksheets: bool = True) -> list[Sheet]:
    """A sheet per case, and with ``notes`` a notes sheet per case after it; then the blank
    worksheets as fillable forms."""
    sheets = []
    for case in cases:
        sheets.append(case_sheet(html_root, case))
        if notes:
            sheets.append(notes_sheet(html_root, case))
    if worksheets:
        sheets += [worksheet_sheet(html_root, key) for key in extract.WORKSHEETS]
    return sheets
