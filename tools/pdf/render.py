"""Typeset the assembled print document with WeasyPrint."""

from __future__ import annotations

from pathlib import Path

from tools.output import check_target, write_files

from . import assemble

STYLESHEET = Path(__file__).with_name("book.css")


def build_pdf(
    html_root: Path,
    target: Path,
    *,
    title: str,
    subtitle: str,
    author: str,
    edition: str,
    root_page: str = "book/index.html",
) -> Path:
    from weasyprint import HTML  # imported here: it is slow to import and only the PDF needs it

    document = assemble.assemble(
        html_root,
        root_page=root_page,
        title=title,
        subtitle=subtitle,
        author=author,
        edition=edition,
        stylesheet=STYLESHEET.read_text(encoding="utf-8"),
    )
    check_target(target)
    check_target(target.with_suffix(".html"))
    data = HTML(string=document, base_url=str(html_root.resolve()) + "/").write_pdf()
    # The print document beside the PDF (what WeasyPrint typeset), written with it or not at all.
    write_files({target.with_suffix(".html"): document.encode("utf-8"), target: data})
    return target
