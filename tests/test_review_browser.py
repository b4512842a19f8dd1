"""Spaced review (复习) with a fake clock: an item answered wrong comes back the next day;
answered right there, it moves up a box and is scheduled later; the progress page shows the
number due. Offline, from file:// too."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

CHAPTER = "book/purchase-factors.html"
REVIEW = "book/review.html"
PROGRESS = "book/progress.html"
DAY = dt.timedelta(days=1)
MINUTE = dt.timedelta(minutes=1)
START = dt.datetime(2026, 9, 21, 9, 0, tzinfo=dt.UTC)  # a fixed moment


def item(page, kind: str) -> dict:
    """The first item of ``kind`` on a chapter page (its data from the page's data script,
    or from the block inside the item)."""
    found = page.evaluate(
        """() => Object.values((window.CourseData || {}).quiz || {}).concat(
            Array.from(document.querySelectorAll('.course-quiz-data'), n => JSON.parse(n.textContent)))"""
    )
    order = page.locator(".course-quiz .course-quiz-item").evaluate_all("ns => ns.map(n => n.dataset.item)")
    by_id = {d["id"]: d for d in found}
    for item_id in order:
        if item_id in by_id and by_id[item_id]["type"] == kind:
            return by_id[item_id]
    raise AssertionError(kind)


def run(page, base: str) -> None:
    page.clock.install(time=START)
    page.goto(base + CHAPTER)
    data = item(page, "single")
    root = page.locator(f"#quiz-{data['id']}")
    wrong = [i for i, o in enumerate(data["options"]) if not o["correct"]][0]
    root.locator(".course-quiz-choices input").nth(wrong).check()
    root.locator(".course-quiz-check").click()
    assert "还不对" in root.locator(".course-quiz-verdict").inner_text()

    page.goto(base + REVIEW)
    expect(page.locator(".course-review-status")).to_contain_text("1 道题在等待复习")  # the page has drawn
    assert page.locator(".course-review-items .course-quiz-item").count() == 0, "not due the same day"

    page.clock.set_system_time(START + DAY + MINUTE)
    page.goto(base + PROGRESS)
    assert "今天有 1 道题该复习" in page.locator(".course-review-count").inner_text()
    page.goto(base + REVIEW)
    due = page.locator(f"#review-{data['id']}")
    expect(due).to_have_count(1)  # due the next day (waits while the page draws)
    assert "今天有 1 道题该复习" in page.locator(".course-review-status").inner_text()
    right = [i for i, o in enumerate(data["options"]) if o["correct"]][0]
    due.locator(".course-quiz-choices input").nth(right).check()
    due.locator(".course-quiz-check").click()
    assert "回答正确" in due.locator(".course-quiz-verdict").inner_text()
    assert "第 2 组，2 天后" in due.locator(".course-review-when").inner_text()

    page.clock.set_system_time(START + 2 * DAY + MINUTE)
    page.goto(base + REVIEW)
    assert page.locator(".course-quiz-item").count() == 0, "box 2: not due after one day"
    page.clock.set_system_time(START + 3 * DAY + MINUTE)
    page.goto(base + REVIEW)
    again = page.locator(f"#review-{data['id']}")
    expect(again).to_have_count(1)  # due after two days
    again.locator(".course-quiz-reveal").click()  # revealed: back to box 1
    assert "第 1 组，1 天后" in again.locator(".course-review-when").inner_text()


@pytest.mark.quick
def test_leitner_schedule_with_a_fake_clock(page, server):
    run(page, server)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path="/tmp/h11-review-phone.png", full_page=True)
    assert not page.js_errors


def test_review_from_file_url(page, site):
    run(page, site.as_uri() + "/")
    assert not page.js_errors
