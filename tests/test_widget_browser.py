"""The widgets in real pages, in headless Chromium: Python (MicroPython) recomputes on every
change and agrees with the CLI; contacts are added and removed with the keyboard; bad input
and tampered links give clear messages and keep the other inputs; links share the inputs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from tools.widgets import api, zh

pytestmark = pytest.mark.browser

REL = "book/widgets/relationship-map.html"
PF = "book/widgets/purchase-factors.html"
TYPES = dict(zh.TYPES)


def open_widget(page, url: str):
    page.goto(url)
    page.wait_for_selector(".course-widget[data-state=ready]", timeout=20000)
    return page.locator(".course-widget")


def values(page) -> dict:
    return page.evaluate("window.courseWidgets[0].gather()")


def cli_json(kind: str, raw: dict) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "tools", "analyse", kind, "--input", "-", "--format", "json"],
        input=json.dumps(raw, ensure_ascii=False),
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_page_matches_python(page, kind: str) -> None:
    """The page's result says word for word what CPython renders for the same inputs."""
    raw = values(page)
    config = json.loads(page.locator(".widget-config").text_content())
    expected = api.render(kind, api.analyse(kind, raw), config["links"], config["uid"])
    shown = page.locator(".widget-result").text_content()
    assert squeeze(shown) == squeeze(BeautifulSoup(expected, "html.parser").get_text())


def set_field(page, contact: int, name: str, value: str) -> None:
    page.locator(".widget-contacts > .widget-contact").nth(contact).locator(f"[name='{name}']").fill(value)


def test_relationship_recomputes_and_agrees_with_the_cli(page, server):
    widget = open_widget(page, server + REL)
    assert widget.locator(".widget-form").is_visible()
    types = widget.locator(".widget-contact-result .widget-type")
    assert types.all_inner_texts() == ["朋友", "供应商", "局外人"]
    for key in ("trust", "rapport", "frequency"):
        set_field(page, 2, key, "5")
    assert types.all_inner_texts() == ["朋友", "供应商", "朋友"]
    report = cli_json("relationship-map", values(page))
    assert [TYPES[c["type"]] for c in report["analysis"]["contacts"]] == types.all_inner_texts()
    shown = widget.locator(".widget-warning").evaluate_all("els => els.map(e => e.dataset.warning)")
    assert shown == [w["code"] for w in report["analysis"]["warnings"]] == []
    assert "没有触发警示" in widget.locator(".widget-account").inner_text()
    assert_page_matches_python(page, "relationship-map")
    assert page.js_errors == []


def test_purchase_recomputes_and_agrees_with_the_cli(page, server):
    widget = open_widget(page, server + PF)
    weight = widget.locator("[data-rule=weight]")
    assert weight.get_attribute("data-level") == "high"
    widget.get_by_label("企业差异销售").check()
    widget.locator("fieldset[data-side=organisation] [name=switching]").fill("5")
    report = cli_json("purchase-factors", values(page))
    assert weight.get_attribute("data-level") == report["analysis"]["weight"]["level"] == "low"
    departing = widget.locator("[data-implication=departing]")
    assert departing.get_attribute("data-level") == report["analysis"]["departing"]["level"] == "low"
    assert_page_matches_python(page, "purchase-factors")
    assert page.js_errors == []


def test_contacts_added_and_removed_with_the_keyboard(page, server):
    widget = open_widget(page, server + REL)
    contacts = widget.locator(".widget-contacts > .widget-contact")
    widget.locator(".widget-add").focus()
    page.keyboard.press("Enter")
    assert contacts.count() == 4
    assert contacts.nth(3).locator("legend").first.inner_text() == "联系人 4"
    # Focus moved to the new contact's name; fill it and its ratings by keyboard alone.
    page.keyboard.type("丁")
    page.keyboard.press("Tab")  # role select: choose 决策者 with the keyboard
    page.keyboard.press("Home")
    for _ in range(6):
        page.keyboard.press("Tab")
        page.keyboard.type("4")
    assert widget.locator(".widget-contact-result").count() == 4
    assert widget.locator(".widget-contact-result").nth(3).locator("h4").inner_text() == "4. 丁（决策者）：合作伙伴"
    assert widget.locator(".widget-warning").count() == 0
    # Remove the first contact with the keyboard: numbering follows, focus stays in the form.
    contacts.nth(0).locator(".widget-remove").focus()
    page.keyboard.press("Enter")
    assert contacts.count() == 3
    assert contacts.nth(0).locator("[name=name]").input_value() == "乙"
    assert contacts.nth(0).locator("legend").first.inner_text() == "联系人 1"
    assert page.evaluate("document.activeElement.name") == "name"
    assert_page_matches_python(page, "relationship-map")
    assert page.js_errors == []


def test_bad_input_is_explained_and_the_rest_kept(page, server):
    widget = open_widget(page, server + REL)
    before = values(page)
    set_field(page, 0, "trust", "9")
    set_field(page, 1, "name", "<img src=x onerror=pwned=1>")
    set_field(page, 2, "name", "很" * 40)
    errors = widget.locator(".widget-errors li").all_inner_texts()
    assert errors == [
        "第 1 位联系人（甲）的“信任”：9 超出范围，请填写 1 到 5 之间的整数。",
        "第 3 位联系人：姓名最多 30 个字，现在是 40 个字。",
    ]
    trust = widget.locator(".widget-contacts > .widget-contact").nth(0).locator("[name=trust]")
    assert trust.get_attribute("aria-invalid") == "true"
    described = trust.get_attribute("aria-describedby")
    assert "超出范围" in page.locator(f"#{described}").inner_text()
    # The contact with markup in its name is analysed, its name shown as text.
    assert widget.locator(".widget-contact-result h4").all_inner_texts() == [
        "2. <img src=x onerror=pwned=1>（技术评估）：供应商"
    ]
    assert page.evaluate("window.pwned") is None
    after = values(page)
    for i in range(3):
        for key, value in before["contacts"][i].items():
            if (i, key) not in {(0, "trust"), (1, "name"), (2, "name")}:
                assert after["contacts"][i][key] == value
    # Fixing the value clears the message and brings the contact back.
    set_field(page, 0, "trust", "4")
    assert trust.get_attribute("aria-invalid") is None
    assert widget.locator(".widget-contact-result").count() == 2
    assert page.js_errors == []


def test_too_many_contacts_is_refused_politely(page, server):
    widget = open_widget(page, server + REL)
    add = widget.locator(".widget-add")
    for _ in range(9):
        add.click()
    assert widget.locator(".widget-contacts > .widget-contact").count() == 12
    assert add.is_disabled()
    crowd = {"contacts": [dict(name=f"人{i}", role="other", **dict.fromkeys(("trust", "fit"), 3)) for i in range(20)]}
    page.goto(server + REL + "#relationship-map=" + quote(json.dumps(crowd, ensure_ascii=False)))
    page.reload()
    page.wait_for_selector(".course-widget[data-state=ready]")
    assert widget.locator(".widget-contacts > .widget-contact").count() == 12
    assert "最多分析 12 位联系人，收到 20 位" in widget.locator(".widget-status").inner_text()
    assert page.js_errors == []


def test_share_link_carries_the_inputs(page, server, browser):
    widget = open_widget(page, server + REL)
    set_field(page, 1, "trust", "5")
    set_field(page, 1, "name", "乙 & 丙")
    widget.locator(".widget-share-button").click()
    link = widget.locator(".widget-share-url").input_value()
    assert "#relationship-map=" in link and link == page.url
    other = browser.new_context().new_page()
    other.goto(link)
    other.wait_for_selector(".course-widget[data-state=ready]")
    assert values(other) == values(page)
    assert squeeze(other.locator(".widget-result").text_content()) == squeeze(
        page.locator(".widget-result").text_content()
    )
    other.context.close()
    # Reset brings the example back and drops the inputs from the address.
    widget.locator(".widget-reset").click()
    assert values(page)["contacts"][1]["name"] == "乙"
    assert "relationship-map=" not in page.url


def test_tampered_or_unknown_links_keep_the_example(page, server):
    for tail, notice in (
        ("%7B%22contacts%22%3A%5B", "无法读取"),
        ("preset:nope", "没有名为“nope”的预设"),
        ("%E0%A4%A", "无法读取"),
    ):
        page.goto(server + REL + "#relationship-map=" + tail)
        page.reload()
        widget = page.locator(".course-widget")
        page.wait_for_selector(".course-widget[data-state=ready]")
        assert notice in widget.locator(".widget-status").inner_text()
        assert [c["name"] for c in values(page)["contacts"]] == ["甲", "乙", "丙"]
        assert widget.locator(".widget-contact-result").count() == 3
    assert page.js_errors == []


def test_preset_links_on_the_page_load_the_case_data(page, server):
    widget = open_widget(page, server + REL)
    page.get_by_role("link", name="皮纳考改组后的同一家经销商").click()
    page.wait_for_function("location.hash.includes('pinacor-after')")
    page.wait_for_function("window.courseWidgets[0].gather().contacts[0].name === '经销商老板'")
    report = cli_json("relationship-map", api.preset_form("relationship-map", "pinacor-after"))
    shown = widget.locator(".widget-contact-result .widget-type").all_inner_texts()
    assert shown == [TYPES[c["type"]] for c in report["analysis"]["contacts"]] == ["合作伙伴"] * 3
    assert_page_matches_python(page, "relationship-map")


def test_works_from_file_url(page, site):
    widget = open_widget(page, (site / PF).as_uri())
    widget.locator("fieldset[data-side=individual] [name=risk]").fill("1")
    assert widget.locator("[data-rule=weight]").get_attribute("data-level") == "high"
    assert "经办人个人的采购风险" not in widget.locator("[data-rule=weight]").inner_text()
    assert_page_matches_python(page, "purchase-factors")
    assert page.js_errors == []


def test_without_javascript_the_example_result_is_shown(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + REL)
    assert not page.locator(".widget-form").is_visible()
    assert page.locator(".widget-inputs").is_visible()
    assert page.locator(".widget-contact-result .widget-type").all_inner_texts() == ["朋友", "供应商", "局外人"]
    context.close()


def test_axe_with_errors_shown(page, server):
    from axe_playwright_python.sync_playwright import Axe

    open_widget(page, server + REL)
    set_field(page, 0, "trust", "9")
    result = Axe().run(page)
    bad = [v["id"] for v in result.response["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == []
