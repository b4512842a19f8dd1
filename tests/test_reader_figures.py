"""Diagrams on a phone: a tap opens the diagram full size; without JavaScript it is a link."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from tests.reader_devices import box, open_page

DIAGRAM_PAGE = "book/purchase-factors.html"


def test_every_diagram_is_a_link_to_its_svg(pages, site):
    unlinked = []
    count = 0
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for img in soup.select("div.graphviz img"):
            count += 1
            link = img.find_parent("a")
            if link is None or link.get("href") != img.get("src") or not img["src"].endswith(".svg"):
                unlinked.append(f"{path.relative_to(site)}: {img.get('src')}")
    assert count >= 5
    assert not unlinked, "\n".join(unlinked)


@pytest.mark.browser
@pytest.mark.parametrize("where", ["served", "file"])
def test_tapping_a_diagram_opens_it_full_size_and_escape_closes(browser, server, site, where):
    url = server + DIAGRAM_PAGE if where == "served" else (site / DIAGRAM_PAGE).as_uri()
    context, page = open_page(browser, "phone", url)
    figure = page.locator("div.graphviz a").first
    figure.scroll_into_view_if_needed()
    inline_width = box(figure.locator("img"))["width"]
    figure.tap()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    assert dialog.get_attribute("aria-label") or dialog.get_attribute("aria-labelledby")
    large = dialog.locator("img")
    expect(large).to_be_visible()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=large.element_handle())
    natural = large.evaluate("img => img.naturalWidth")
    shown = box(large)["width"]
    # Full size: at least the diagram's own width, well beyond the shrunk inline copy.
    assert shown >= natural - 1 and shown > inline_width * 1.3, (inline_width, shown, natural)
    # Pinch zoom stays possible: the page does not forbid it and the dialog does not eat it.
    viewport = page.evaluate("document.querySelector('meta[name=viewport]').content")
    assert "user-scalable=no" not in viewport and "maximum-scale=1" not in viewport
    assert dialog.evaluate("d => getComputedStyle(d).touchAction") in ("auto", "manipulation", "pan-x pan-y pinch-zoom")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert figure.evaluate("a => document.activeElement === a")
    assert not page.console_errors
    context.close()


@pytest.mark.browser
def test_diagram_dialog_closes_with_its_button(browser, server):
    context, page = open_page(browser, "laptop", server + DIAGRAM_PAGE)
    page.locator("div.graphviz a").first.click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="关闭").click()
    expect(dialog).to_be_hidden()
    context.close()


@pytest.mark.browser
def test_without_javascript_a_diagram_opens_as_the_svg(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + DIAGRAM_PAGE)
    page.locator("div.graphviz a").first.click()
    page.wait_for_url("**/_images/*.svg")
    context.close()
