"""Assemble the pages of an HTML build into one print document.

Pages are taken in reading order (the order of the site's navigation), each page's
article body is lifted out, its ids are prefixed with the page's name so they stay unique,
and every link between pages becomes a link inside the document. Interactive elements
carry their own static form; screen-only parts are dropped here, print-only parts kept.
"""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag

from bs4 import BeautifulSoup, Tag

from tools.data.textfile import read_text

# Parts of a page that make no sense on paper.
SCREEN_ONLY = ",".join(
    [
        "a.headerlink",
        "script",
        "noscript",
        "button",
        ".only-screen",
        ".prev-next-area",
        ".toc-drawer",
        "form",
        # A page's own stylesheets are linked in its body (tools/sphinxext/assets.py); the
        # document has a stylesheet of its own.
        "link",
    ]
)


MAX_PAGE_BYTES = 32 << 20  # the largest page of the course is under 100 kB


class AssemblyError(ValueError):
    """An HTML build that cannot be printed (no navigation, a link to nowhere); the message
    names the page."""


@dataclass
class Chapter:
    url: str  # relative to the HTML root, e.g. "book/purchase-factors.html"
    part: str  # the navigation caption it sits under ("" for the front page)
    title: str
    body: Tag


def reading_order(html_root: Path, root_page: str) -> list[tuple[str, str]]:
    """(url, part caption) for every page, in the order of the site's navigation."""
    soup = _read(html_root / root_page)
    order = [(root_page, "")]
    nav = soup.select_one("nav.bd-docs-nav")
    if nav is None:
        raise AssemblyError(f"{html_root / root_page}: no navigation found; is this a sphinx-book-theme build?")
    part = ""
    base = posixpath.dirname(root_page)
    for node in nav.select("p.caption, li[class^=toctree-l] > a.reference.internal"):
        if node.name == "p":
            part = node.get_text(strip=True)
            continue
        target = urldefrag(node["href"])[0]
        if not target:  # the root page links to itself
            continue
        url = posixpath.normpath(posixpath.join(base, target))
        if url not in (u for u, _ in order):
            order.append((url, part))
    return order


def anchor_for(url: str, fragment: str = "") -> str:
    page = url.removesuffix(".html").replace("/", "--")
    return f"{page}--{fragment}" if fragment else page


def load_chapter(html_root: Path, url: str, part: str) -> Chapter:
    soup = _read(html_root / url)
    article = soup.select_one("article.bd-article")
    if article is None:
        raise AssemblyError(f"{html_root / url}: no <article class='bd-article'> in the page")
    for node in article.select(SCREEN_ONLY):
        node.decompose()
    base = posixpath.dirname(url)
    for node in article.find_all(id=True):
        node["id"] = anchor_for(url, node["id"])
    for link in article.find_all("a", href=True):
        href = link["href"]
        if href.startswith(("http:", "https:", "mailto:")):
            continue
        target, fragment = urldefrag(href)
        if target and not target.endswith(".html"):
            link.unwrap()  # a link to a file (a diagram's full-size SVG): nothing to follow on paper
            continue
        target_url = posixpath.normpath(posixpath.join(base, target)) if target else url
        link["href"] = "#" + anchor_for(target_url, fragment)
    for img in article.find_all("img", src=True):
        img["src"] = posixpath.normpath(posixpath.join(base, img["src"]))
    heading = article.find("h1")
    title = heading.get_text(" ", strip=True).rstrip("#").strip() if heading else url
    return Chapter(url=url, part=part, title=title, body=article)


def assemble(
    html_root: Path, *, root_page: str, title: str, subtitle: str, author: str, edition: str, stylesheet: str
) -> str:
    """The whole print document as an HTML string (its URLs relative to ``html_root``)."""
    chapters = [load_chapter(html_root, url, part) for url, part in reading_order(html_root, root_page)]
    toc_items = []
    last_part = None
    for chapter in chapters[1:]:
        if chapter.part != last_part and chapter.part:
            toc_items.append(f'<li class="toc-part">{html.escape(chapter.part)}</li>')
        last_part = chapter.part
        toc_items.append(
            f'<li class="toc-chapter"><a href="#{anchor_for(chapter.url)}">{html.escape(chapter.title)}</a></li>'
        )
    bodies = []
    for chapter in chapters[1:]:
        # A page's sections are <section id=...>; the page itself gets an anchor too.
        bodies.append(
            f'<div class="print-chapter" id="{anchor_for(chapter.url)}" data-part="{html.escape(chapter.part)}">'
            f"{chapter.body.decode_contents()}</div>"
        )
    document = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}</title>
<meta name="author" content="{html.escape(author)}">
<meta name="description" content="{html.escape(subtitle)}">
<style>{stylesheet}</style>
</head>
<body>
<section class="title-page">
  <img class="title-logo" src="_static/logo.svg" alt="">
  <p class="title-main">{html.escape(title)}</p>
  <p class="title-sub">{html.escape(subtitle)}</p>
  <p class="title-edition">{html.escape(edition)}</p>
  <p class="title-author">{html.escape(author)}</p>
</section>
<section class="front-page" id="{anchor_for(chapters[0].url)}">{chapters[0].body.decode_contents()}</section>
<nav class="print-toc"><h1 class="toc-title">目录</h1><ol>{"".join(toc_items)}</ol></nav>
{"".join(bodies)}
</body>
</html>"""
    _check_links(document)
    return document


def _check_links(document: str) -> None:
    soup = BeautifulSoup(document, "html.parser")
    ids = {node["id"] for node in soup.find_all(id=True)}
    missing = sorted(
        {a["href"][1:] for a in soup.find_all("a", href=True) if a["href"].startswith("#") and a["href"][1:] not in ids}
    )
    if missing:
        raise AssemblyError("print document has links to missing anchors: " + ", ".join(missing[:10]))


def _read(path: Path) -> BeautifulSoup:
    if not path.is_file():
        raise AssemblyError(f"{path}: not found; build the HTML first")
    return BeautifulSoup(read_page(path), "html.parser")


def read_page(path: Path) -> str:
    """A built page's text; a page that is not UTF-8 or absurdly large is a DataError."""
    return read_text(path, limit=MAX_PAGE_BYTES)
