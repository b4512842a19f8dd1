"""In the in-app browsers of WeChat, WeCom, DingTalk and Feishu (issue 23): their user agents
emulated on a phone, the course works (a self-check answered, a tool computed, progress
kept), and where a page offers files or print, a notice says they will not work there and
how to open the page in the system browser. An ordinary browser gets no notice."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

ANDROID = (
    "Mozilla/5.0 (Linux; Android 13; V2227A Build/TP1A.220624.014; wv) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36"
)
AGENTS = {
    "微信": ANDROID + " XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin",
    "企业微信": ANDROID + " MicroMessenger/7.0.1 wxwork/4.1.22 ColorScheme/Light",
    "钉钉": ANDROID + " AliApp(DingTalk/7.5.5) com.alibaba.android.rimet/35553386 Channel/227200 language/zh-CN",
    "飞书": ANDROID + " Lark/7.10.6 LarkLocale/zh_CN ChannelName/Feishu",
}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture(params=sorted(AGENTS), ids=["wechat", "dingtalk", "wecom", "feishu"])
def app_page(request, browser):
    context = browser.new_context(user_agent=AGENTS[request.param], **PHONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield request.param, page, errors
    context.close()


def test_the_course_works_and_says_what_does_not(app_page, server):
    app, page, errors = app_page
    page.goto(server + "book/purchase-factors.html")
    data = page.evaluate("() => window.CourseData.quiz['pf-01']")
    right = next(i for i, o in enumerate(data["options"]) if o["correct"])
    page.locator("#quiz-pf-01 .course-quiz-choices input").nth(right).check()
    page.locator("#quiz-pf-01 .course-quiz-check").click()
    assert page.locator("#quiz-pf-01").get_attribute("data-status") == "correct"
    page.goto(server + "book/progress.html")
    note = page.locator(".course-inapp-note")
    assert note.count() == 1 and f"你正在{app}里打开本页" in note.inner_text()
    assert "复制进度码" in note.inner_text()
    page.goto(server + "book/worksheets/account-plan.html")
    assert f"你正在{app}里打开本页" in page.locator(".course-inapp-note").first.inner_text()
    assert not errors


def test_an_ordinary_browser_gets_no_notice(page, server):
    page.goto(server + "book/progress.html")
    page.locator(".course-transfer-export").wait_for()
    assert page.locator(".course-inapp-note").count() == 0
