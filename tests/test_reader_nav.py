"""Navigation on phone, tablet and laptop: the chapter list (☰) and the page contents open,
close and lead somewhere; touch targets are big enough; 回到顶部 never covers text."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.reader_devices import CHAPTER, box, open_page

pytestmark = pytest.mark.browser

PRIMARY = ".bd-header-article .primary-toggle"
SECONDARY = ".bd-header-article .secondary-toggle"
PRIMARY_DRAWER = "#pst-primary-sidebar-modal"
SECONDARY_DRAWER = "#pst-secondary-sidebar-modal"


def _tap(page, device: str, locator) -> None:
    if device == "laptop":
        locator.click()
    else:
        locator.tap()


@pytest.mark.quick
@pytest.mark.parametrize("device", ["phone", "tablet"])
def test_chapter_list_opens_by_tap_and_a_link_lands_on_the_chapter(browser, server, device):
    context, page = open_page(browser, device, server + CHAPTER)
    toggle = page.locator(PRIMARY)
    expect(toggle).to_be_visible()
    drawer = page.locator(PRIMARY_DRAWER)
    expect(drawer).to_be_hidden()
    _tap(page, device, toggle)
    expect(drawer).to_be_visible()
    link = drawer.get_by_role("link", name="客户关系的四种类型", exact=False)
    expect(link).to_be_visible()
    _tap(page, device, link)
    page.wait_for_url("**/book/relationship-types.html")
    expect(page.locator("article h1").first).to_contain_text("客户关系的四种类型")
    assert not page.console_errors
    context.close()


@pytest.mark.parametrize("device", ["phone", "tablet"])
def test_chapter_list_by_keyboard_closes_with_escape_and_returns_focus(browser, server, device):
    context, page = open_page(browser, device, server + CHAPTER)
    toggle = page.locator(PRIMARY)
    toggle.focus()
    page.keyboard.press("Enter")
    drawer = page.locator(PRIMARY_DRAWER)
    expect(drawer).to_be_visible()
    # Focus is inside the drawer, so Tab walks its links.
    assert page.evaluate(f"document.querySelector('{PRIMARY_DRAWER}').contains(document.activeElement)")
    page.keyboard.press("Escape")
    expect(drawer).to_be_hidden()
    assert page.evaluate(f"document.activeElement === document.querySelector('{PRIMARY}')")
    # The drawer's contents went back to the page's sidebar, ready for the next open.
    page.keyboard.press("Enter")
    expect(drawer.get_by_role("link", name="术语表")).to_be_visible()
    page.keyboard.press("Escape")
    context.close()


@pytest.mark.parametrize("device", ["phone", "tablet"])
def test_drawers_close_with_a_tap_outside(browser, server, device):
    context, page = open_page(browser, device, server + CHAPTER)
    width = page.viewport_size["width"]
    for toggle, drawer in ((PRIMARY, PRIMARY_DRAWER), (SECONDARY, SECONDARY_DRAWER)):
        _tap(page, device, page.locator(toggle))
        expect(page.locator(drawer)).to_be_visible()
        b = box(page.locator(drawer))
        # A strip of page stays visible beside the drawer for the tap.
        left, right = b["x"], width - (b["x"] + b["width"])
        assert max(left, right) >= 40, f"{drawer} leaves no page to tap beside it ({b})"
        x = left / 2 if left > right else width - right / 2
        page.touchscreen.tap(x, 400)
        expect(page.locator(drawer)).to_be_hidden()
    context.close()


@pytest.mark.parametrize("device", ["phone", "tablet"])
def test_page_contents_open_and_a_link_jumps_and_closes_them(browser, server, device):
    context, page = open_page(browser, device, server + CHAPTER)
    toggle = page.locator(SECONDARY)
    expect(toggle).to_be_visible()
    _tap(page, device, toggle)
    drawer = page.locator(SECONDARY_DRAWER)
    expect(drawer).to_be_visible()
    link = drawer.get_by_role("link", name="采购三要素", exact=False).first
    _tap(page, device, link)
    expect(drawer).to_be_hidden()
    assert page.url.endswith("#purchase-factors-three-factors")
    heading = page.locator("#purchase-factors-three-factors h2")
    top = box(heading)["y"]
    assert 0 <= top < 200, f"the section heading is at y={top}, not at the top of the screen"
    context.close()


def test_laptop_menu_button_hides_and_shows_the_sidebar(browser, server):
    context, page = open_page(browser, "laptop", server + CHAPTER)
    sidebar = page.locator("#pst-primary-sidebar")
    toggle = page.locator(PRIMARY)
    expect(sidebar).to_be_visible()
    text_x = box(page.locator("article h1").first)["x"]
    toggle.click()
    expect(sidebar).to_be_hidden()
    assert box(page.locator("article h1").first)["x"] < text_x, "the text did not take the freed space"
    toggle.click()
    expect(sidebar).to_be_visible()
    expect(page.locator(PRIMARY_DRAWER)).to_be_hidden()
    context.close()


@pytest.mark.parametrize("device", ["phone", "tablet", "laptop"])
def test_header_buttons_are_big_enough_to_tap(browser, server, device):
    context, page = open_page(browser, device, server + CHAPTER)
    small = []
    for button in page.locator(".bd-header-article button:visible").all():
        b = box(button)
        if b["width"] < 44 or b["height"] < 44:
            small.append(f"{button.get_attribute('aria-label')}: {b['width']:.0f}x{b['height']:.0f}")
    assert not small, "touch targets under 44x44 px:\n" + "\n".join(small)
    context.close()


_COVERED_TEXT = """(button) => {
    const b = button.getBoundingClientRect();
    if (!b.width || getComputedStyle(button).visibility === 'hidden') return [];
    // Text that has scrolled under the sticky article header is out of view, not covered.
    const header = document.querySelector('.bd-header-article');
    const top = header ? header.getBoundingClientRect().bottom : 0;
    const hits = [];
    const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) {
            const visibleTop = Math.max(r.top, top);
            if (r.bottom <= visibleTop) continue;
            if (r.left < b.right && r.right > b.left && visibleTop < b.bottom && r.bottom > b.top) {
                hits.push(node.textContent.trim().slice(0, 20));
            }
        }
    }
    return hits;
}"""


@pytest.mark.parametrize("device", ["phone", "laptop"])
def test_back_to_top_never_covers_text(browser, server, device):
    context, page = open_page(browser, device, server + CHAPTER)
    height = page.evaluate("document.documentElement.scrollHeight")
    seen = 0
    covered = []
    for y in range(1500, height - 1000, 1100):
        # The button shows when the reader scrolls back up.
        page.evaluate("y => window.scrollTo(0, y)", y + 300)
        page.wait_for_timeout(50)
        page.evaluate("y => window.scrollTo(0, y)", y)
        page.wait_for_timeout(150)
        buttons = [b for b in page.get_by_role("button", name="回到顶部").all() if b.is_visible()]
        seen += len(buttons)
        for button in buttons:
            covered += button.evaluate(_COVERED_TEXT)
    assert seen, "no 回到顶部 button appeared on a long chapter"
    assert not covered, f"回到顶部 covers text: {covered[:5]}"
    page.get_by_role("button", name="回到顶部").filter(visible=True).first.click()
    page.wait_for_function("window.scrollY === 0")
    context.close()
