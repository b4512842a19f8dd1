"""Files at the site's root besides the pages: a Chinese 404 page, a titled root
index.html that sends the reader to the home page, and favicon.ico (browsers ask for it
at the root whatever the pages link).

The two HTML files are rendered from book/_templates (course-404.html, course-root.html)
with the theme's translations, so their words live in book/_locale like the rest of the
interface. The root page is written before sphinx-external-toc's own bare redirect, which
then leaves an existing index.html alone.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.application import Sphinx

FAVICON = Path("book/_static/favicon.ico")


def _context(app: Sphinx) -> dict:
    home = app.builder.get_target_uri(app.config.root_doc)
    return {
        "lang": (app.config.language or "zh_CN").replace("_", "-"),
        "title": app.config.html_title or app.config.project,
        "home": home,
    }


def _write_pages(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    context = _context(app)
    # Folders only: the 404 script looks for them in the missing address. Files at the root
    # (404.html, favicon.ico, index.html) would differ between a clean and a second build.
    top_level = sorted(p.name for p in out.iterdir() if p.is_dir() and not p.name.startswith("."))
    render = app.builder.templates.render
    (out / "404.html").write_text(render("course-404.html", {**context, "top_level": top_level}), encoding="utf-8")
    if app.config.root_doc != "index":
        (out / "index.html").write_text(render("course-root.html", context), encoding="utf-8")
    shutil.copyfile(Path(app.srcdir) / FAVICON, out / "favicon.ico")


def setup(app: Sphinx) -> None:
    # Before sphinx-external-toc's build-finished handler (priority 500).
    app.connect("build-finished", _write_pages, priority=400)
