"""Sphinx glue for the Content-Security-Policy (tools/csp.py): the tag goes into every
page after the build, once every page (the 404 and root pages included) is written, so
that each page's hashes are those of its own final inline scripts."""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx

from tools.csp import with_policy


def _add_policies(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for page in sorted(Path(app.outdir).rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if not re.search(r"<head[\s>]", text, re.I):
            continue  # not a page: the theme's template macros copied into _static
        new = with_policy(text)
        if new != text:
            page.write_text(new, encoding="utf-8")


def setup(app: Sphinx) -> None:
    # After every other writer of HTML files at build end (the 404 and root pages at 400,
    # sphinx-external-toc's redirect at 500).
    app.connect("build-finished", _add_policies, priority=950)
