"""Typeset the assembled print document with WeasyPrint."""

from __future__ import annotations

import datetime
from pathlib import Path

from tools.output import Check, check_target, write_files

from . import assemble

STYLESHEET = Path(__file__).with_name("book.css")
TRAINER_STYLESHEET = Path(__file__).with_name("trainer.css")


def trainer_stylesheet(mark: str) -> str:
    """The trainer edition's additions: ``mark`` in the margin of every page."""
    quoted = '"' + mark.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return TRAINER_STYLESHEET.read_text(encoding="utf-8") + "\n@page { @bottom-left { content: " + quoted + "; } }\n"


def colophon_stylesheet(date: datetime.date) -> str:
    """The licence and the build date at the foot of the title page, where the book has no
    page number. The HTML site carries no date, so its builds stay reproducible; a printout
    says when it was made."""
    text = f"CC BY-SA 4.0 · {date.isoformat()}"
    font = 'font: 8.5pt "Noto Sans CJK SC", sans-serif; color: #555;'
    return '@page title { @bottom-center { content: "' + text + '"; ' + font + " } }\n"


def build_pdf(
    html_root: Path,
    target: Path,
    *,
    title: str,
    subtitle: str,
    author: str,
    edition: str,
    root_page: str = "book/index.html",
    mark: str = "",
    check: Check | None = None,
) -> Path:
    """Typeset ``html_root`` into ``target``; a ``mark`` (the trainer edition's
    培训师资料·请勿发给学员) runs in the margin of every page. ``check`` sees both files
    before they are written (the learner edition's leak scan)."""
    from weasyprint import HTML  # imported here: it is slow to import and only the PDF needs it

    document = assemble.assemble(
        html_root,
        root_page=root_page,
        title=title,
        subtitle=subtitle,
        author=author,
        edition=edition,
        stylesheet=STYLESHEET.read_text(encoding="utf-8")
        + colophon_stylesheet(datetime.date.today())
        + (trainer_stylesheet(mark) if mark else ""),
    )
    check_target(target)
    check_target(target.with_suffix(".html"))
    data = HTML(string=document, base_url=str(html_root.resolve()) + "/").write_pdf()
    # The print document beside the PDF (what WeasyPrint typeset), written with it or not at all.
    write_files({target.with_suffix(".html"): document.encode("utf-8"), target: data}, check)
    return target


def kit_pdf(html_root: Path, url: str) -> bytes:
    """One page of the trainer build (a case kit) as an A4 PDF: the book's print stylesheet
    and the trainer mark on every page; its role briefs and scoring sheets each start a page."""
    import html as html_module

    from weasyprint import HTML

    from tools.cases.strings import strings

    chapter = assemble.load_chapter(html_root, url, "")
    mark = strings()["trainer_mark"]
    stylesheet = STYLESHEET.read_text(encoding="utf-8") + colophon_stylesheet(datetime.date.today())
    stylesheet += trainer_stylesheet(mark)
    document = (
        f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{html_module.escape(chapter.title)}'
        f"</title><style>{stylesheet}</style></head><body>"
        f'<div class="print-chapter">{chapter.body.decode_contents()}</div></body></html>'
    )
    return HTML(string=document, base_url=str(html_root.resolve()) + "/").write_pdf()
