"""The course home as a new hire meets it: the learning path's cards with each chapter's
promise and minutes, the learner's state (none, some, all done) and the next step under the
title, at phone and laptop width; without JavaScript; in print; and a learner-only guide."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from conftest import page_with_error_log

pytestmark = pytest.mark.browser

HOME = "book/index.html"
SCREENS = {
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "laptop": {"viewport": {"width": 1366, "height": 768}},
}


def chapters(page) -> list[dict]:
    return page.evaluate("JSON.parse(document.querySelector('.course-home-data script').textContent).chapters")


def states(page) -> list[str]:
    return page.locator(".course-card-state").evaluate_all("els => els.map((e) => e.dataset.state)")


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_the_path_shows_where_the_learner_is(browser, server, screen):
    context, page = page_with_error_log(browser, **SCREENS[screen])
    page.goto(server + HOME)
    cards = page.locator(".course-card-chapter")
    assert cards.count() == 8
    assert states(page) == ["none"] * 8
    next_step = page.locator(".course-home-next")
    assert next_step.inner_text().startswith("从这里开始：第 1 章")
    # The next step is the first thing under the title, on a phone too.
    title = page.locator("article h1").bounding_box()
    assert 0 < next_step.bounding_box()["y"] - (title["y"] + title["height"]) < 60
    assert next_step.bounding_box()["y"] < SCREENS[screen]["viewport"]["height"]
    if screen == "phone":  # cards stack in one column
        boxes = [cards.nth(i).bounding_box() for i in range(2)]
        assert boxes[1]["y"] > boxes[0]["y"] + boxes[0]["height"] - 1
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # Some progress: chapter 1 done, chapter 2 begun.
    ids = [c["items"] for c in chapters(page)]
    page.evaluate(
        """ids => { ids[0].forEach((id) => CourseStore.setQuizItem(id, {answer: [0], attempts: 1, first: true}));
        ids[1].slice(0, 3).forEach((id) => CourseStore.setQuizItem(id, {answer: [1], attempts: 2, first: false})); }""",
        ids,
    )
    page.reload()
    assert states(page) == ["done", "progress"] + ["none"] * 6
    assert f"一次答对 {len(ids[0])}/{len(ids[0])} 题" in cards.nth(0).inner_text()
    assert f"自测已答 3/{len(ids[1])} 题" in cards.nth(1).inner_text()
    assert next_step.inner_text().startswith("继续：第 2 章")
    href = next_step.locator("a").get_attribute("href")
    assert href.endswith("purchase-factors.html")
    # All done: the next step is the test.
    page.evaluate(
        "ids => ids.flat().forEach((id) => CourseStore.setQuizItem(id, {answer: [0], attempts: 1, first: true}))", ids
    )
    page.reload()
    assert states(page) == ["done"] * 8
    assert "模拟测验" in next_step.inner_text() and next_step.locator("a").get_attribute("href").endswith(
        "final-test.html"
    )
    assert page.js_errors == []
    context.close()


def test_without_javascript_the_cards_are_links_without_a_state(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + HOME)
    assert page.locator(".course-card-chapter a.sd-stretched-link").count() == 8
    assert page.locator(".course-card-state").all_inner_texts() == [""] * 8
    assert page.locator(".course-home-next").inner_text().startswith("从这里开始：")
    assert re.search(r"阅读约 \d+ 分钟，练习约 \d+ 分钟", page.locator(".course-card-chapter").first.inner_text())
    context.close()


def test_in_print_the_cards_are_a_list(browser, server):
    page = browser.new_page()
    page.goto(server + HOME)
    page.emulate_media(media="print")
    cards = page.locator(".course-card-chapter")
    lefts = {round(cards.nth(i).bounding_box()["x"]) for i in range(8)}
    assert len(lefts) == 1, "one column on paper"
    assert page.locator(".course-home-next").is_hidden()
    page.close()


def test_the_guide_is_for_learners(site):
    guide = BeautifulSoup((site / "book/guide.html").read_text(encoding="utf-8"), "html.parser")
    headings = [h.get_text() for h in guide.select("article h2")]
    assert not [h for h in headings if "培训师" in h or "两个版本" in h], headings
    text = guide.select_one("article").get_text()
    assert "八章合计" in text and "进度保存在哪里" in text and "客户档案可以带走" in text
    rows = guide.select("article .course-times tbody tr")
    assert len(rows) == 9  # eight chapters and the total
