"""Chinese interface, no noise: no English in the interface, no console errors, one search
box per page, a Chinese 404 page, a favicon.ico, a titled root page, no developer text."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from tests.reader_devices import open_page

# Attributes a reader hears or sees as interface text.
UI_ATTRIBUTES = ("aria-label", "title", "alt", "data-bs-title", "placeholder", "aria-description", "data-tooltip")
# Latin words that are not English interface text: acronyms are checked by case below.
ALLOWED = {"Ctrl", "JavaScript"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")

_UI_STRINGS = """(attributes) => {
    const out = [];
    for (const el of document.querySelectorAll('*')) {
        for (const name of attributes) {
            const value = el.getAttribute(name);
            if (value) out.push([`${el.tagName.toLowerCase()}[${name}]`, value]);
        }
        const tag = el.tagName.toLowerCase();
        if (el.matches('button, [role=button], summary') && el.innerText) out.push([tag, el.innerText]);
    }
    return out;
}"""


def english(value: str) -> list[str]:
    return [w for w in _WORD.findall(value) if not w.isupper() and w not in ALLOWED]


def _every_url(server, pages, site) -> list[str]:
    assert site / "404.html" in pages
    return [server + p.relative_to(site).as_posix() for p in pages]


@pytest.mark.sweep
@pytest.mark.browser
def test_interface_is_chinese_and_console_is_clean_on_every_page(browser, server, pages, site):
    context, page = open_page(browser, "phone", "about:blank")
    found_english, errors = [], []
    for url in _every_url(server, pages, site):
        page.console_errors.clear()
        page.goto(url, wait_until="networkidle")
        name = url[len(server) :]
        for where, value in page.evaluate(_UI_STRINGS, list(UI_ATTRIBUTES)):
            if english(value):
                found_english.append(f"{name}: {where} = {value!r}")
        errors += [f"{name}: {e}" for e in page.console_errors]
    context.close()
    assert not found_english, "English interface text:\n" + "\n".join(sorted(set(found_english))[:30])
    assert not errors, "console errors:\n" + "\n".join(errors[:30])


_VISIBLE_SEARCH = """() => [...document.querySelectorAll(
    '.search-button-field, .search-button, form.bd-search, form.course-search-form')]
    .filter((el) => !el.closest('dialog:not([open])') && el.getClientRects().length
                    && getComputedStyle(el).visibility !== 'hidden')
    .map((el) => el.className)"""


@pytest.mark.browser
@pytest.mark.parametrize("device", ["phone", "laptop"])
def test_one_search_box_per_page(browser, server, pages, site, device):
    context, page = open_page(browser, device, "about:blank")
    wrong = []
    for path in pages:
        if path.name == "404.html":
            continue  # it loads nothing, and links to the search page instead
        page.goto(server + path.relative_to(site).as_posix())
        boxes = page.evaluate(_VISIBLE_SEARCH)
        if len(boxes) != 1:
            wrong.append(f"{path.relative_to(site)}: {boxes}")
    context.close()
    assert not wrong, "pages without exactly one search box:\n" + "\n".join(wrong)


def _has_chinese(text: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", text))


def test_not_found_page_is_chinese_and_leads_home(site):
    soup = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.html.get("lang", "").startswith("zh")
    assert _has_chinese(soup.title.get_text()) and _has_chinese(soup.h1.get_text())
    hrefs = [a.get("href") for a in soup.find_all("a")]
    assert any(h and h.endswith("book/index.html") for h in hrefs), hrefs
    assert any(h and h.endswith("search.html") for h in hrefs), hrefs
    assert not english(soup.get_text(" "))


@pytest.mark.browser
def test_not_found_page_shows_styled_from_a_deeper_missing_address(browser, server):
    context, page = open_page(browser, "phone", server + "404.html")
    assert page.locator("h1").inner_text().strip()
    # A host serves 404.html at the missing address, at any depth: nothing it loads may 404.
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    html = page.content()
    page.route(
        "**/cases/missing/page.html", lambda route: route.fulfill(status=404, body=html, content_type="text/html")
    )
    page.goto(server + "cases/missing/page.html")
    assert [u for u in failed if not u.endswith("cases/missing/page.html")] == []
    # Its links find the site's root from there.
    home = page.get_by_role("link", name="首页")
    page.wait_for_function(
        "a => a.href.endsWith('/book/index.html') && !a.href.includes('missing')", arg=home.element_handle()
    )
    # The one error is the host's 404 status for the address itself.
    assert not [e for e in page.console_errors if "status of 404" not in e]
    context.close()


def test_favicon_ico_at_the_root(site):
    data = (site / "favicon.ico").read_bytes()
    assert data[:4] == b"\x00\x00\x01\x00", "not an ICO file"


def test_root_page_redirects_with_a_title(site):
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.title and _has_chinese(soup.title.get_text())
    assert soup.html.get("lang", "").startswith("zh")
    refresh = soup.find("meta", attrs={"http-equiv": re.compile("refresh", re.I)})
    assert refresh and refresh["content"].endswith("url=book/index.html")
    assert soup.find("a", href="book/index.html"), "no link for a browser that ignores the redirect"


# Text for developers that a learner should never see on a page.
DEVELOPER_TEXT = ("python -m tools", ".venv/bin", "没有 JavaScript", "JavaScript 时")


def test_learner_pages_show_no_developer_commands(pages, site):
    found = []
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article") or soup
        for noscript in article.find_all("noscript"):
            noscript.decompose()
        text = article.get_text(" ")
        found += [f"{path.relative_to(site)}: {t}" for t in DEVELOPER_TEXT if t in text]
    assert not found, "\n".join(found)
