"""Offline: no page loads anything from another host, checked in the HTML and in Chromium."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

# Elements and attributes through which a page loads something.
LOADS = {
    "script": "src",
    "link": "href",
    "img": "src",
    "iframe": "src",
    "frame": "src",
    "source": "src",
    "object": "data",
    "embed": "src",
    "video": "src",
    "audio": "src",
    "track": "src",
    "input": "src",
}
OFF_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)
CSS_URL = re.compile(r"(?:url\(\s*['\"]?|@import\s+['\"])((?:https?:)?//[^'\")\s]+)", re.I)


def test_html_loads_nothing_from_another_host(pages):
    offenders = []
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in LOADS.items():
            for node in soup.find_all(tag):
                value = node.get(attr) or ""
                if tag == "link" and not set(node.get("rel", [])) & {
                    "stylesheet",
                    "icon",
                    "preload",
                    "modulepreload",
                    "manifest",
                    "prefetch",
                }:
                    continue
                if OFF_HOST.match(value.strip()):
                    offenders.append(f"{path.name}: <{tag} {attr}={value}>")
                for candidate in (node.get("srcset") or "").split(","):
                    if OFF_HOST.match(candidate.strip()):
                        offenders.append(f"{path.name}: <{tag} srcset={candidate}>")
        for style in soup.find_all(style=True):
            offenders += [f"{path.name}: style {m}" for m in CSS_URL.findall(style["style"])]
    assert not offenders, "\n".join(offenders)


def test_stylesheets_load_no_remote_fonts_or_images(site):
    offenders = []
    for css in site.rglob("*.css"):
        offenders += [
            f"{css.relative_to(site)}: {m}" for m in CSS_URL.findall(css.read_text(encoding="utf-8", errors="replace"))
        ]
    assert not offenders, "\n".join(offenders)


@pytest.mark.sweep
@pytest.mark.browser
def test_crawl_every_page_requests_only_the_local_server(browser, server, pages, site):
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    host = urlparse(server).netloc
    for path in pages:
        page.goto(server + path.relative_to(site).as_posix(), wait_until="networkidle")
    context.close()
    foreign = sorted(
        {u for u in requests if urlparse(u).scheme not in ("data", "blob", "about") and urlparse(u).netloc != host}
    )
    assert len(requests) > len(pages)
    assert not foreign, "\n".join(foreign)
