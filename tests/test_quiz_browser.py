"""Self-check items in a real page: answering, feedback, progress kept, reset (asked first),
keyboard operation of ordering and matching, the controls under a thumb on a phone, corrupt
storage, the progress page, file://, and no internal item IDs for learners."""

from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.browser

CHAPTER = "book/purchase-factors.html"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
TABLET = {"viewport": {"width": 820, "height": 1180}, "is_mobile": True, "has_touch": True}
LAPTOP = {"viewport": {"width": 1366, "height": 768}}
SCREENS = {"phone": PHONE, "tablet": TABLET, "laptop": LAPTOP}


def total(page) -> int:
    return page.locator(".course-quiz-item").count()


def confirm(page, yes: bool = True) -> None:
    """Answer the course's confirmation dialog."""
    dialog = page.get_by_role("dialog")
    dialog.wait_for()
    dialog.get_by_role("button", name="取消" if not yes else re.compile("清除")).click()


def item_data(page, item_id: str) -> dict:
    return json.loads(page.locator(f"#quiz-{item_id} .course-quiz-data").text_content())


def first_of_type(page, kind: str) -> str:
    for node in page.locator(".course-quiz-data").all():
        data = json.loads(node.text_content())
        if data["type"] == kind:
            return data["id"]
    raise AssertionError(f"no {kind} item on the page")


def choose(page, item_id: str, indexes: list[int]) -> None:
    inputs = page.locator(f"#quiz-{item_id} .course-quiz-choices input")
    for i in indexes:
        inputs.nth(i).check()


def verdict(page, item_id: str) -> str:
    return page.locator(f"#quiz-{item_id} .course-quiz-verdict").inner_text()


def test_wrong_then_right_with_feedback_and_score(page, server):
    page.goto(server + CHAPTER)
    data = item_data(page, "pf-01")
    right = [i for i, o in enumerate(data["options"]) if o["correct"]]
    wrong = [i for i, o in enumerate(data["options"]) if not o["correct"]][:1]
    choose(page, "pf-01", wrong)
    page.locator("#quiz-pf-01 .course-quiz-check").click()
    assert "还不对" in verdict(page, "pf-01")
    feedback = page.locator("#quiz-pf-01 .course-quiz-feedback")
    assert feedback.get_attribute("aria-live") == "polite"
    for option in data["options"]:
        assert option["explanation"] in feedback.inner_text(), "every option's explanation is shown"
    assert page.locator("#quiz-pf-01 .course-quiz-mark.is-wrong").inner_text() == "✗", "a symbol, not colour alone"
    page.locator("#quiz-pf-01 .course-quiz-retry").click()
    choose(page, "pf-01", right)
    page.locator("#quiz-pf-01 .course-quiz-check").click()
    assert "回答正确" in verdict(page, "pf-01")
    assert f"答对 1 / {total(page)}" in page.locator(".course-quiz-score").inner_text()
    assert not page.js_errors


def test_progress_survives_reload_and_reset_clears_it(page, server):
    page.goto(server + CHAPTER)
    item_id = first_of_type(page, "truefalse")
    data = item_data(page, item_id)
    choose(page, item_id, [0 if data["answer"] else 1])
    page.locator(f"#quiz-{item_id} .course-quiz-check").click()
    page.reload()
    assert "回答正确" in verdict(page, item_id)
    assert page.locator(f"#quiz-{item_id} .course-quiz-choices input").nth(0 if data["answer"] else 1).is_checked()
    count = total(page)
    assert f"答对 1 / {count}" in page.locator(".course-quiz-score").inner_text()
    page.goto(server + "book/progress.html")
    row = page.locator('tr[data-chapter="purchase-factors"]')
    assert row.locator(".course-progress-correct").inner_text() == f"1 / {count}"
    page.goto(server + CHAPTER)
    page.locator(".course-quiz-reset").click()
    confirm(page)
    page.reload()
    assert page.locator(f"#quiz-{item_id} .course-quiz-verdict").count() == 0
    assert f"答对 0 / {count}" in page.locator(".course-quiz-score").inner_text()


def test_reveal_shows_the_answer_without_counting_it(page, server):
    page.goto(server + CHAPTER)
    item_id = first_of_type(page, "multiple")
    page.locator(f"#quiz-{item_id} .course-quiz-reveal").click()
    assert "答案已显示" in verdict(page, item_id)
    data = item_data(page, item_id)
    inputs = page.locator(f"#quiz-{item_id} .course-quiz-choices input")
    assert [inputs.nth(i).is_checked() for i in range(len(data["options"]))] == [o["correct"] for o in data["options"]]
    assert f"答对 0 / {total(page)}" in page.locator(".course-quiz-score").inner_text()


def test_ordering_item_with_the_keyboard_only(page, server):
    page.goto(server + CHAPTER)
    item_id = first_of_type(page, "ordering")
    root = page.locator(f"#quiz-{item_id}")
    steps = len(item_data(page, item_id)["steps"])
    for target in range(steps):
        current = [int(s) for s in root.locator(".course-quiz-step").evaluate_all("ns => ns.map(n => n.dataset.step)")]
        position = current.index(target)
        if position == target:
            continue
        root.locator(f'.course-quiz-step[data-step="{target}"] .course-quiz-up').focus()
        for _ in range(position - target):
            page.keyboard.press("Enter")  # focus stays on the moved step's button
    order = root.locator(".course-quiz-step").evaluate_all("ns => ns.map(n => Number(n.dataset.step))")
    assert order == list(range(steps))
    root.locator(".course-quiz-check").focus()
    page.keyboard.press("Enter")
    assert "回答正确" in verdict(page, item_id)
    assert not page.js_errors


def test_matching_item_with_the_keyboard_only(page, server):
    page.goto(server + CHAPTER)
    item_id = first_of_type(page, "matching")
    data = item_data(page, item_id)
    selects = page.locator(f"#quiz-{item_id} select")
    for row in range(len(data["pairs"])):
        selects.nth(row).focus()
        for _ in range(data["order"].index(row) + 1):  # past the "请选择" placeholder
            page.keyboard.press("ArrowDown")
    page.locator(f"#quiz-{item_id} .course-quiz-check").focus()
    page.keyboard.press("Space")
    assert "回答正确" in verdict(page, item_id)


@pytest.mark.parametrize(
    "stored",
    [
        "{not json",
        '"a string"',
        '{"items": {"pf-01": "x", "pf-02": {"status": 7}}}',
        '{"items": {"pf-01": {"status": "correct", "answer": "zz"}}}',
    ],
)
def test_corrupt_storage_does_not_break_the_page(page, server, stored):
    page.goto(server + CHAPTER)
    page.evaluate("s => localStorage.setItem('course-quiz:v1', s)", stored)
    page.reload()
    assert page.locator(".course-quiz-item.is-interactive").count() == total(page) > 0
    assert "本章得分" in page.locator(".course-quiz-score").inner_text()
    choose(page, "pf-01", [0])
    page.locator("#quiz-pf-01 .course-quiz-check").click()
    assert page.locator("#quiz-pf-01 .course-quiz-verdict").count() == 1
    assert not page.js_errors


def test_quiz_works_from_file_url(page, site):
    page.goto((site / CHAPTER).as_uri())
    choose(page, "pf-01", [0])
    page.locator("#quiz-pf-01 .course-quiz-check").click()
    assert page.locator("#quiz-pf-01 .course-quiz-verdict").count() == 1
    page.reload()
    assert page.locator("#quiz-pf-01 .course-quiz-verdict").count() == 1


def test_feedback_state_is_axe_clean(page, server):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(server + CHAPTER)
    choose(page, "pf-01", [0])
    page.locator("#quiz-pf-01 .course-quiz-check").click()
    page.locator(".course-answer-key summary").click()
    result = Axe().run(page)
    bad = [v["id"] for v in result.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad


def test_without_javascript_items_and_answer_key_are_static(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + CHAPTER)
    assert page.locator(".course-quiz-item").count() == page.locator(".course-answer-list dt").count() > 0
    assert page.locator(".course-quiz-interactive").count() == 0
    assert page.locator(".course-quiz-options li").count() > 0
    context.close()


# ---------------------------------------------------------------- issue #10 (points 6, 7, 18)
def test_clearing_a_chapter_asks_first(page, server):
    """Clearing throws away every answer of the chapter: an accessible dialog asks first,
    starting on 取消; Esc and 取消 keep everything."""
    page.goto(server + CHAPTER)
    item_id = first_of_type(page, "truefalse")
    data = item_data(page, item_id)
    choose(page, item_id, [0 if data["answer"] else 1])
    page.locator(f"#quiz-{item_id} .course-quiz-check").click()
    reset = page.locator(".course-quiz-reset")
    reset.click()
    dialog = page.get_by_role("dialog", name="清除本章进度？")
    assert dialog.is_visible()
    assert str(total(page)) in dialog.inner_text()
    assert page.evaluate("document.activeElement.textContent") == "取消"
    page.keyboard.press("Escape")
    assert page.get_by_role("dialog").count() == 0
    assert page.evaluate("document.activeElement.textContent") == "清除本章进度", "focus goes back"
    assert "回答正确" in verdict(page, item_id)
    reset.click()
    confirm(page, yes=False)
    assert "回答正确" in verdict(page, item_id)
    reset.click()
    confirm(page)
    assert page.locator(f"#quiz-{item_id} .course-quiz-verdict").count() == 0
    page.reload()
    assert page.locator(f"#quiz-{item_id} .course-quiz-verdict").count() == 0
    assert not page.js_errors


def test_clearing_all_progress_asks_first(page, server):
    page.goto(server + CHAPTER)
    choose(page, "pf-01", [0])
    page.locator("#quiz-pf-01 .course-quiz-check").click()
    page.goto(server + "book/progress.html")
    row = page.locator('tr[data-chapter="purchase-factors"]')
    assert row.locator(".course-progress-done").inner_text().startswith("1 /")
    page.locator(".course-progress-reset").click()
    assert page.get_by_role("dialog", name="清除全部进度？").is_visible()
    confirm(page, yes=False)
    assert row.locator(".course-progress-done").inner_text().startswith("1 /")
    page.locator(".course-progress-reset").click()
    confirm(page)
    assert row.locator(".course-progress-done").inner_text().startswith("0 /")
    assert not page.js_errors


@pytest.mark.parametrize("screen", ["phone", "tablet"])
def test_controls_fit_a_thumb(browser, server, screen):
    """Every button of a self-check is at least 44 × 44 px (上移/下移 were 62 × 31)."""
    context = browser.new_context(**SCREENS[screen])
    page = context.new_page()
    page.goto(server + CHAPTER)
    item_id = first_of_type(page, "ordering")
    buttons = page.locator(
        f"#quiz-{item_id} .course-quiz-step button, .course-quiz-buttons button, .course-quiz-reset"
    ).all()
    assert len(buttons) > 6
    small = []
    for button in buttons:
        box = button.bounding_box()
        if box["width"] < 44 or box["height"] < 44:
            small.append((button.inner_text(), round(box["width"]), round(box["height"])))
    assert small == []
    # Nothing runs off the side of the screen.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


def test_a_phone_reader_can_read_the_chosen_match(browser, server):
    """At 390 px a select shows one short line; the whole chosen answer must still be readable
    (it was cut to 'D. 客户所处状态')."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(server + CHAPTER)
    item_id = first_of_type(page, "matching")
    data = item_data(page, item_id)
    selects = page.locator(f"#quiz-{item_id} select")
    for row in range(len(data["pairs"])):
        selects.nth(row).select_option(str(row))
        select = selects.nth(row)
        chosen = select.evaluate("s => s.options[s.selectedIndex].textContent")
        assert data["pairs"][row]["right"] in chosen
        # Either the select is wide enough for the text, or the text is shown in full below it.
        fits = select.evaluate(
            """s => {
            const c = document.createElement('canvas').getContext('2d');
            const st = getComputedStyle(s);
            c.font = st.fontSize + ' ' + st.fontFamily;
            return c.measureText(s.options[s.selectedIndex].textContent).width <= s.clientWidth - 40;
            }"""
        )
        echo = page.locator(f"#quiz-{item_id} .course-quiz-match").nth(row).locator(".course-quiz-chosen")
        shown_in_full = (
            echo.is_visible()
            and echo.inner_text() == chosen
            and echo.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
        )
        assert fits or shown_in_full, chosen
        assert select.bounding_box()["width"] >= 280, "the select spans the phone's width (it was 169 px)"
    context.close()


def test_learners_see_no_internal_item_ids(page, server):
    page.goto(server + CHAPTER)
    page.locator(".course-answer-key summary").click()
    text = page.evaluate("document.body.innerText")
    ids = [item["id"] for item in map(json.loads, page.locator(".course-quiz-data").all_text_contents())]
    shown = [i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)]
    assert shown == []
