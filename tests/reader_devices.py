"""The devices a new hire reads the course on, for the reader-experience browser tests."""

from __future__ import annotations

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
