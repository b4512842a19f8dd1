"""The devices a new hire reads the course on, for the reader-experience browser tests."""

from __future__ import annotations

import re

from playwright.sync_api import expect

# Viewport, touch and mobile flags per device (issue #10: phone, tablet, laptop).
DEVICES = {
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "has_touch": True,
        "is_mobile": True,
        "device_scale_factor": 2,
    },
    "tablet": {"viewport": {"width": 820, "height": 1180}, "has_touch": True, "is_mobile": True},
    "laptop": {"viewport": {"width": 1366, "height": 768}},
}

CHAPTER = "book/purchase-factors.html"


def open_page(browser, device: str, url: str, **context_options):
    """A fresh context on ``device`` showing ``url``; the page records console errors."""
    context = browser.new_context(**DEVICES[device], **context_options)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.console_errors = errors
    page.goto(url)
    return context, page


def box(locator) -> dict:
    b = locator.bounding_box()
    assert b is not None, f"{locator} is not rendered"
    return b


def seen_text(locator) -> str:
    """The text of ``locator`` as a reader sees it once it is on screen. A page's later
    sections are laid out only when they come near the screen (content-visibility), and
    until then a browser reports no rendered text for them; scrolling there is what the
    reader does (the browser lays the section out at its next frames)."""
    locator.scroll_into_view_if_needed()
    expect(locator).to_have_text(re.compile(r"\S"), use_inner_text=True, timeout=5000)
    return locator.inner_text()
