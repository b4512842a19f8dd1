"""Typeset sheets with WeasyPrint and write them, all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from tools.output import Check, check_target, write_files


class Printable(Protocol):
    name: str
    html: str


def pdf_bytes(document: str, forms: bool = False) -> bytes:
    from weasyprint import HTML  # slow to import; only PDFs need it

    # Sheets embed their images and styles, so no base URL is needed; None keeps WeasyPrint
    # from resolving anything against the working folder. With ``forms``, the document's
    # text areas become PDF form fields (a worksheet to fill in in a PDF reader).
    return HTML(string=document, base_url=None).write_pdf(pdf_forms=forms)


def write(sheets: list[Printable], target: Path, *, pdf: bool = True, check: Check | None = None) -> list[Path]:
    """``<name>.html`` (and ``<name>.pdf``) for each sheet in ``target``. Every target is
    checked before anything is typeset, every document typeset before the first file is
    written, and the files then written all or none (:mod:`tools.output`)."""
    names = [target / f"{item.name}.{suffix}" for item in sheets for suffix in (("html", "pdf") if pdf else ("html",))]
    for path in names:
        check_target(path)
    files: dict[Path, bytes] = {}
    for item in sheets:
        files[target / f"{item.name}.html"] = item.html.encode("utf-8")
        if pdf:
            files[target / f"{item.name}.pdf"] = pdf_bytes(item.html, getattr(item, "forms", False))
    return write_files(files, check)
