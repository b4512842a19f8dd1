"""Worksheets filled in on screen, kept per account, printed, saved as files and loaded
back; the account file; an account's data never reaches a learning platform."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from conftest import page_with_error_log

from tools.widgets import api

pytestmark = pytest.mark.browser

REVIEW = "book/worksheets/account-review.html"
OPPORTUNITY = "book/worksheets/opportunity.html"
FILE = "book/worksheets/account-file.html"
REL = "book/widgets/relationship-map.html"
PF = "book/widgets/purchase-factors.html"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
LAPTOP = {"viewport": {"width": 1366, "height": 768}}


def answer_prompts(page, *names: str) -> None:
    """window.prompt answers, in order (the bar asks for account and deal names)."""
    queue = list(names)
    page.on("dialog", lambda d: d.accept(queue.pop(0)) if d.type == "prompt" and queue else d.accept())


def field(page, label_start: str):
    return page.locator(f"textarea.worksheet-input[aria-label^='{label_start}']").first


def confirm(page, yes: bool = True) -> None:
    dialog = page.get_by_role("dialog")
    dialog.wait_for()
    (dialog.get_by_role("button").last if yes else dialog.get_by_role("button", name="取消")).click()


def saved_cells(page) -> dict:
    return page.evaluate("() => window.CourseAccounts.cells(window.courseWorksheet.sheet)")


@pytest.fixture
def phone(browser):
    context, page = page_with_error_log(browser, **PHONE)
    yield page
    context.close()


@pytest.fixture
def laptop(browser):
    context, page = page_with_error_log(browser, **LAPTOP)
    yield page
    context.close()


def test_a_sheet_is_filled_by_touch_on_a_phone_kept_and_printed(phone, server):
    page = phone
    page.goto(server + REVIEW)
    a1 = field(page, "A1")
    a1.tap()
    page.keyboard.type("非买不可：电驱线停一小时损失三十万元")
    g = field(page, "做什么、对谁")
    g.tap()
    page.keyboard.type("周三前把整改报告交给闵经理")
    page.evaluate("() => window.courseWorksheet.save()")
    # Every field fits the phone: rows are cards, nothing scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    box = a1.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert "我的客户" in page.locator(".worksheet-account").inner_text(), "writing made an account"
    page.reload()
    assert field(page, "A1").input_value() == "非买不可：电驱线停一小时损失三十万元"
    # Print: the answers as text, no fields, no bar.
    page.emulate_media(media="print")
    printed = page.locator("section[id^='worksheet-']").inner_text()
    assert "非买不可：电驱线停一小时损失三十万元" in printed and "周三前把整改报告交给闵经理" in printed
    assert page.locator(".worksheet-input").first.is_hidden() and page.locator(".worksheet-bar").is_hidden()
    assert page.js_errors == []


def test_keyboard_files_and_undo_on_a_laptop(laptop, server, tmp_path):
    page = laptop
    answer_prompts(page, "恒川电机")
    page.goto(server + REVIEW)
    page.get_by_role("button", name="新建客户").click()
    assert page.locator(".worksheet-account option:checked").inner_text() == "恒川电机"
    field(page, "A1").focus()
    page.keyboard.type("电驱线的低噪轴承")
    page.keyboard.press("Tab")  # to the next answer
    page.keyboard.type("认可")
    page.evaluate("() => window.courseWorksheet.save()")
    mine = saved_cells(page)
    assert [c["a"] for c in mine.values()] == ["电驱线的低噪轴承", "认可"]
    assert all(c["q"].startswith(("A1", "A2")) and c["s"] == "一、购买情境" for c in mine.values())
    # Saved as JSON and as Markdown.
    with page.expect_download() as got:
        page.get_by_role("button", name="保存为 JSON").click()
    saved = tmp_path / "account.json"
    got.value.save_as(saved)
    data = json.loads(saved.read_text("utf-8"))
    assert data["format"] == "course-account" and data["account"]["name"] == "恒川电机"
    with page.expect_download() as got:
        page.get_by_role("button", name="保存为文字稿").click()
    markdown = got.value.path().read_text("utf-8")
    assert markdown.startswith("# 客户档案：恒川电机") and "：电驱线的低噪轴承" in markdown
    # Cleared after asking, and undone.
    page.get_by_role("button", name="清空这张表").click()
    confirm(page)
    assert field(page, "A1").input_value() == ""
    page.locator(".worksheet-undo").click()
    assert field(page, "A1").input_value() == "电驱线的低噪轴承"
    # A file over an account of the same name asks first; after loading, undo brings back
    # what was here.
    field(page, "A1").fill("改过的答案")
    page.evaluate("() => window.courseWorksheet.save()")
    page.locator(".worksheet-actions input[type=file]").set_input_files(str(saved))
    confirm(page)
    page.wait_for_function("() => document.querySelector('.worksheet-status').textContent.includes('已从文件载入')")
    assert field(page, "A1").input_value() == "电驱线的低噪轴承"
    page.locator(".worksheet-undo").click()
    assert field(page, "A1").input_value() == "改过的答案"
    # A file that is not an account changes nothing and says why.
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', "utf-8")
    page.locator(".worksheet-actions input[type=file]").set_input_files(str(bad))
    page.wait_for_function("() => document.querySelector('.worksheet-status').textContent.includes('读不出来')")
    assert field(page, "A1").input_value() == "改过的答案"
    # Deleting the account asks, and can be undone.
    page.get_by_role("button", name="删除客户").click()
    confirm(page)
    assert page.locator(".worksheet-account").inner_text().strip() == "（还没有客户）"
    assert field(page, "A1").input_value() == ""
    page.locator(".worksheet-undo").click()
    assert field(page, "A1").input_value() == "改过的答案"
    assert page.js_errors == []


def test_accounts_keep_their_own_answers_and_deals_their_own_sheet(laptop, server):
    page = laptop
    answer_prompts(page, "甲公司", "乙公司", "年度框架", "新产线")
    page.goto(server + REVIEW)
    page.get_by_role("button", name="新建客户").click()
    field(page, "A1").fill("甲的答案")
    page.get_by_role("button", name="新建客户").click()
    assert field(page, "A1").input_value() == ""
    field(page, "A1").fill("乙的答案")
    page.evaluate("() => window.courseWorksheet.save()")
    page.locator(".worksheet-account").select_option(label="甲公司")
    assert field(page, "A1").input_value() == "甲的答案"
    page.goto(server + OPPORTUNITY)
    page.get_by_role("button", name="新建商机").click()
    field(page, "O1").fill("年度框架：一千万元")
    page.get_by_role("button", name="新建商机").click()
    assert field(page, "O1").input_value() == ""
    field(page, "O1").fill("新产线：三百万元")
    page.evaluate("() => window.courseWorksheet.save()")
    page.locator(".worksheet-deal").select_option(label="年度框架")
    assert field(page, "O1").input_value() == "年度框架：一千万元"
    assert page.js_errors == []


def test_the_account_file_gathers_sheets_map_and_deals(laptop, server):
    page = laptop
    answer_prompts(page, "恒川电机")
    page.goto(server + REVIEW)
    page.get_by_role("button", name="新建客户").click()
    field(page, "做什么、对谁").fill("周三前把整改报告交给闵经理")
    page.evaluate("() => window.courseWorksheet.save()")
    page.goto(server + REL + "#relationship-map=preset:hengchuan")
    page.wait_for_selector(".course-widget[data-state=ready]", timeout=20000)
    page.wait_for_function("() => window.courseWidgets[0].gather().contacts[0].name === '柏总监'")
    page.locator(".widget-contacts > .widget-contact").nth(4).locator("[data-unknown-for=trust]").check()
    map_form = page.evaluate("() => window.courseWidgets[0].gather()")
    page.get_by_role("button", name="存入客户档案").click()
    assert "已把关系图存入客户档案：恒川电机" in page.locator(".widget-status").inner_text()
    page.goto(server + PF + "#purchase-factors=preset:hengchuan-standard")
    page.wait_for_selector(".course-widget[data-state=ready]", timeout=20000)
    page.wait_for_function("() => window.courseWidgets[0].gather().rivals.length === 1")
    deal_form = page.evaluate("() => window.courseWidgets[0].gather()")
    page.get_by_role("button", name="存入客户档案").click()
    page.goto(server + FILE)
    page.wait_for_selector(".account-tool .widget-result:not([aria-busy])", timeout=20000)
    page.wait_for_function("() => document.querySelectorAll('.account-tool .widget-result[aria-busy]').length === 0")
    text = page.locator(".course-account").inner_text()
    assert "客户档案：恒川电机" in text and "周三前把整改报告交给闵经理" in text
    # The map and the analysis say exactly what the tools' Python says for those inputs.
    shown = [re.sub(r"\s+", "", r) for r in page.locator(".account-tool .widget-result").all_text_contents()]
    for form, kind in ((map_form, "relationship-map"), (deal_form, "purchase-factors")):
        expected = BeautifulSoup(api.render(kind, api.analyse(kind, form)), "html.parser").get_text()
        assert re.sub(r"\s+", "", expected) in shown
    assert "信任：他上一次主动告诉你对你不利的消息" in text, "the unknown is a question to ask"
    # The link back to the tool carries the saved inputs.
    href = page.locator(".account-tool a", has_text="在工具里打开").first.get_attribute("href")
    assert href.startswith("../widgets/relationship-map.html#relationship-map=")
    # One document in print: no bar, no buttons; the answers and the results are there.
    page.emulate_media(media="print")
    assert page.locator(".worksheet-bar").is_hidden() and page.locator(".account-actions").is_hidden()
    assert page.locator(".account-tool svg").first.is_visible()
    assert page.js_errors == []


def test_accounts_never_reach_a_learning_platform(laptop, server):
    """The accounts are a local area: a platform backend neither gets nor loses them."""
    page = laptop
    page.goto(server + REVIEW)
    page.evaluate(
        """() => {
        window.platform = null;
        CourseStore.useBackend({name: 'scorm', load: () => window.platform, save: (t) => { window.platform = t; }});
        }"""
    )
    field(page, "A1").fill("不该进平台的答案")
    page.evaluate("() => window.courseWorksheet.save()")
    page.evaluate("() => CourseStore.update('quiz', (d) => d)")  # the platform gets a save
    assert "不该进平台的答案" not in (page.evaluate("window.platform") or "")
    assert "不该进平台的答案" in page.evaluate("localStorage.getItem('course-store-local')")
    assert page.js_errors == []


def test_without_javascript_a_sheet_prints_blank(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + REVIEW)
    assert page.locator("textarea").count() == 0
    assert page.locator("table.worksheet").count() > 5
    context.close()
