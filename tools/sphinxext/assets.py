"""What a page loads: only what the course uses.

- The theme's stylesheet loses Font Awesome (:mod:`tools.sphinxext.icon_font`); the
  icon script and web fonts, which no page loads any more (book/_templates/static/
  webpack-macros.html), are removed from the output.
- The theme's and Sphinx's stylesheets lose every rule that no page of this build can
  match (:mod:`tools.sphinxext.css_purge`): most of Bootstrap. Done after all pages are
  written, from their HTML and the site's scripts.
- Sphinx's search-page helpers (doctools, sphinx_highlight, translations) are not
  loaded: the course search does not use them. The remaining scripts in the page head
  are deferred, so none holds back the first paint.
- ``pygments.css`` (code highlighting) is linked only from pages that show code, and
  myst-nb's notebook styles from none (the course has no notebooks).
- ``course-nav.js`` (drawers, 回到顶部) is loaded by every page.
- The stylesheets that every page links (the theme's, Sphinx's, the course's own) are
  joined (:mod:`tools.sphinxext.css_bundle`) and split (:mod:`tools.sphinxext.css_split`):
  the head links ``_static/course-site.css``, what can style the pages as written, the one
  request before the first paint; ``_static/course-late.css`` (print rules, and the look
  of what scripts make) is linked at the end of the body for print, and course-nav.js
  applies it to the screen, so it holds back neither the paint nor the scripts.
- A page's own stylesheets (self-checks, conversations, tools) are linked in the body,
  just before the first element they can style: what comes before paints without them.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import shutil
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.html._assets import _CascadingStyleSheet, _JavaScript

from tools.sphinxext import css_bundle, css_split
from tools.sphinxext.css_purge import purge, used_names
from tools.sphinxext.icon_font import strip_icon_font

THEME_CSS = "_static/styles/pydata-sphinx-theme.css"
# Third-party stylesheets purged of rules no page can match (the course's own are not).
PURGED = (THEME_CSS, "_static/styles/sphinx-book-theme.css", "_static/basic.css", "_static/sphinx-design.min.css")
# sphinx-design's tab script: only for a page with tabs.
TABS_SCRIPT = "design-tabs.js"
# Files whose words are content, not markup: left out of the names a page can use.
_CONTENT_FILES = ("searchindex.js", "course-search-index.js", "micropython")
UNUSED_SCRIPTS = ("doctools.js", "sphinx_highlight.js", "translations.js")
# Font Awesome files the theme copies into every build.
UNUSED = (
    "_static/scripts/fontawesome.js",
    "_static/scripts/fontawesome.js.map",
    "_static/scripts/fontawesome.js.LICENSE.txt",
    "_static/vendor/fontawesome",
    "_static/scripts/bootstrap.js",
    "_static/scripts/bootstrap.js.map",
    "_static/scripts/bootstrap.js.LICENSE.txt",
    "_static/styles/pydata-sphinx-theme.css.map",
)


def _site_names(out: Path) -> set[str]:
    texts = [
        path.read_text(encoding="utf-8", errors="replace")
        for path in out.rglob("*")
        if path.suffix in (".html", ".js") and path.is_file() and not path.name.startswith(_CONTENT_FILES)
    ]
    return used_names(texts)


def _slim_theme(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    for name in UNUSED:
        path = out / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    names = _site_names(out)
    for name in PURGED:
        css = out / name
        if not css.is_file():
            continue
        text = css.read_text(encoding="utf-8")
        slim = purge(strip_icon_font(text), names)
        slim = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", slim)
        # One final newline, however many passes: a second `make` purges the purged copy
        # again (Sphinx does not copy the theme's files over it), and must give the same bytes.
        slim = slim.rstrip() + "\n"
        if slim != text:
            css.write_text(slim, encoding="utf-8")


SITE_CSS = "_static/course-site.css"
_STYLESHEET = re.compile(r'<link\b[^>]*\brel="stylesheet"[^>]*>\s*')
_HREF = re.compile(r'\bhref="([^"?#]+)[^"]*"')


def _pages(out: Path) -> list[Path]:
    return [
        path
        for path in sorted(out.rglob("*.html"))
        if "_static" not in path.relative_to(out).parts and "<head" in path.read_text(encoding="utf-8")
    ]


def _linked(out: Path, page: Path, html: str) -> list[tuple[str, str]]:
    """(tag, site path of the file) of each stylesheet the page's head links, in order."""
    head = html[: html.find("</head>")]
    found = []
    for match in _STYLESHEET.finditer(head):
        href = _HREF.search(match.group(0))
        if href is None or "://" in href.group(1) or " media=" in match.group(0):
            found.append((match.group(0), ""))  # not one to join
            continue
        target = (page.parent / href.group(1)).resolve()
        path = target.relative_to(out.resolve()).as_posix() if target.is_file() else ""
        if path == SITE_CSS:
            # Joined by an earlier build (a page Sphinx did not rewrite): the files it holds.
            joined = css_bundle.JOINED.search(target.read_text(encoding="utf-8")[:2000])
            parts = joined.group(1).split() if joined else [""]
            found += [(match.group(0), parts[0])] + [("", part) for part in parts[1:]]
            continue
        found.append((match.group(0), path))
    return found


def _bundle_styles(app: Sphinx, exception: Exception | None) -> None:
    """Join the stylesheets every page links, in the order every page links them, and
    split the result: what can style the page as written stays in the head
    (``course-site.css``); print rules and the rules for what scripts create go to the end
    of the body (``course-late.css``). The page's own stylesheets move to the body, just
    before the first element they style."""
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    pages = {page: _unplace(page.read_text(encoding="utf-8")) for page in _pages(out)}
    links = {page: _linked(out, page, html) for page, html in pages.items()}
    styled = [found for found in links.values() if found]
    if not styled:
        return
    # The longest run of files that starts every page's list: joining them keeps the order
    # of every rule on every page.
    common = [path for _tag, path in styled[0]]
    for found in styled[1:]:
        paths = [path for _tag, path in found]
        n = 0
        while n < min(len(common), len(paths)) and common[n] == paths[n] and paths[n]:
            n += 1
        common = common[:n]
    if len(common) < 2:
        return
    readers = "\n".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in out.rglob("*")
        if path.is_file()
        and path.suffix in (".html", ".js", ".css")
        and path.relative_to(out).as_posix() not in [*common, SITE_CSS, LATE_CSS]
        and not path.name.startswith(_CONTENT_FILES)
    )
    files = [(path, (out / path).read_text(encoding="utf-8")) for path in common]
    charset, comment, body = css_bundle.joined(files, posixpath.dirname(SITE_CSS), readers).split("\n", 2)
    names = set().union(*(css_split.html_names(html) for html in pages.values()))
    first, later = css_split.split(body, names)
    site = _write_versioned(out, SITE_CSS, f"{charset}\n{comment}\n{first}\n")
    late = _write_versioned(out, LATE_CSS, f"{charset}\n{later}\n")
    for page, html in pages.items():
        found = links[page]
        if not found:
            continue
        folder = posixpath.dirname(page.relative_to(out).as_posix())
        tags = [tag for tag, _path in found[: len(common)]]
        start = html.index(tags[0])
        new = html[:start] + _link(site, folder) + "\n" + html[start + len(tags[0]) :]
        for tag in tags[1:]:
            if tag:
                new = new.replace(tag, "", 1)
        own = [(tag, path) for tag, path in found[len(common) :] if tag and path]
        for tag, _path in own:
            new = new.replace(tag, "", 1)
        # Each just before what it styles: a page's own stylesheets style parts of their
        # own (the self-checks, the conversations, the dialogs), so their order among
        # themselves does not matter, while every one placed lower is one the first paint
        # does not share the connection with.
        for tag, path in own:
            new = _place(new, tag.strip(), (out / path).read_text(encoding="utf-8"))
        page.write_text(_place(new, _link(late, folder, LATE_ATTRIBUTES), ""), encoding="utf-8")


LATE_CSS = "_static/course-late.css"
# Linked for print, so that it holds back neither the paint nor the page's scripts (the
# browser fetches it at the lowest priority); course-nav.js then applies it to the screen
# too. Without JavaScript it is needed only for print: the rest styles what scripts make.
LATE_ATTRIBUTES = ' media="print" data-course-late=""'
# Where the stylesheets after the head start and end in a page (so that a page written by
# an earlier build, which Sphinx did not write again, is placed anew, not twice).
_PLACED = re.compile(r"<!-- course-styles -->.*?<!-- /course-styles -->\n?", re.S)
_TAG_NAMES = re.compile(r'<[a-zA-Z][^>]*?\s(?:class|id)\s*=\s*"([^"]*)"')
_SCRIPT = re.compile(r"<script\b.*?</script>", re.S | re.I)


def _write_versioned(out: Path, path: str, text: str) -> str:
    """Write ``text`` to ``path`` in the site; the path with its content version."""
    (out / path).write_text(text, encoding="utf-8")
    return f"{path}?v={hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}"


def _link(versioned: str, folder: str, extra: str = "") -> str:
    path, _sep, version = versioned.partition("?")
    return f'<link rel="stylesheet" href="{posixpath.relpath(path, folder or ".")}?{version}"{extra} />'


def _unplace(html: str) -> str:
    """A page written by an earlier build: its placed stylesheets back in the head (the
    late one dropped), as Sphinx writes a page."""
    own = []
    for match in reversed(list(_PLACED.finditer(html))):
        own = [tag for tag in re.findall(r"<link\b[^>]*>", match.group(0)) if "course-late.css" not in tag] + own
        html = html[: match.start()] + html[match.end() :]
    if not own:
        return html
    end = html.find("</head>")
    return html[:end] + "".join(tag + "\n" for tag in own) + html[end:]


def _place(html: str, link: str, css: str) -> str:
    """``html`` with ``link`` in its body, just before the first element that ``css`` (the
    stylesheet linked) can style, or at the end of the body: the content above paints
    without waiting for it, and what it styles never shows unstyled (a stylesheet in the
    body holds back only what follows it)."""
    body = html.find("<body")
    searchable = _SCRIPT.sub(lambda m: " " * len(m.group(0)), html)
    elements = [(m.start(), set(m.group(1).split())) for m in _TAG_NAMES.finditer(searchable, body)]
    at = css_split.first_styled(css, elements) if css else None
    if at is None:
        at = html.rfind("</body>")
    block = f"<!-- course-styles -->\n{link}\n<!-- /course-styles -->\n"
    return html[:at] + block + html[at:]


def _trim_page_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    # In place: the lists are the builder's, which the book theme edits after this handler
    # (it re-adds its own stylesheet), and which Sphinx restores before the next page.
    if "css_files" in context:
        has_code = doctree is not None and any(True for _ in doctree.findall(lambda n: n.tagname == "literal_block"))
        unused = ("mystnb.",) if has_code else ("mystnb.", "pygments.css")
        kept = [
            f for f in context["css_files"] if not str(getattr(f, "filename", f)).rsplit("/", 1)[-1].startswith(unused)
        ]
        # Code highlighting is a page's own stylesheet, after the ones every page links: in
        # Sphinx's place (first) it would cut the run of files joined into course-site.css.
        # (By priority: the themes sort the list again after this handler.)
        context["css_files"][:] = [
            _CascadingStyleSheet(f.filename, priority=900, **f.attributes)
            if str(getattr(f, "filename", f)).endswith("pygments.css") and hasattr(f, "attributes")
            else f
            for f in kept
        ]
    if "script_files" in context:
        has_tabs = doctree is not None and any(
            "sd-tab-set" in node.get("classes", ()) for node in doctree.findall(nodes.Element)
        )
        scripts = []
        for js in context["script_files"]:
            filename = str(getattr(js, "filename", js) or "")
            if filename.endswith(UNUSED_SCRIPTS) or (filename.endswith(TABS_SCRIPT) and not has_tabs):
                continue
            attributes = getattr(js, "attributes", {})
            # documentation_options.js stays in order: an inline script after it uses it.
            deferrable = filename and not filename.endswith("documentation_options.js")
            if deferrable and not ({"defer", "async"} & set(attributes)) and attributes.get("type") != "module":
                js = _JavaScript(js.filename, priority=js.priority, **{**attributes, "defer": "defer"})
            scripts.append(js)
        context["script_files"][:] = scripts


def setup(app: Sphinx) -> None:
    app.add_js_file("course-nav.js", loading_method="defer")
    # Early: a later handler returns a value, and Sphinx stops calling the rest there.
    app.connect("html-page-context", _trim_page_assets, priority=400)
    # After the other build-finished handlers have written their pages (404.html).
    app.connect("build-finished", _slim_theme, priority=900)
    # After the theme is slimmed, before the pages get their security policy (950).
    app.connect("build-finished", _bundle_styles, priority=920)
