"""Progress that travels (issue 23): exported on one device (file or progress code), imported
on another with a preview and a merge that loses nothing; a file that is not ours refused with
nothing changed; the learner record for a trainer; the practice test's history on the
progress page. Two browser contexts stand for two devices (nothing shared between them)."""

from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.browser

CHAPTER = "book/purchase-factors.html"
PROGRESS = "book/progress.html"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def answer(page, item_id: str, right: bool) -> None:
    data = page.evaluate("id => window.CourseData.quiz[id]", item_id)
    inputs = page.locator(f"#quiz-{item_id} .course-quiz-choices input")
    if data["type"] == "truefalse":
        inputs.nth(0 if data["answer"] == right else 1).check()
    else:
        pick = [i for i, o in enumerate(data["options"]) if o["correct"] == right][:1]
        inputs.nth(pick[0]).check()
    page.locator(f"#quiz-{item_id} .course-quiz-check").click()


def items(page) -> dict:
    return page.evaluate("() => JSON.parse(JSON.stringify(window.CourseStore.quizItems()))")


def exported_file(page, tmp_path, name: str = "progress.json"):
    with page.expect_download() as download:
        page.locator(".course-transfer-export").click()
    path = tmp_path / name
    download.value.save_as(path)
    return path


@pytest.fixture
def devices(browser):
    contexts = [browser.new_context(**PHONE) for _ in range(2)]
    pages = [context.new_page() for context in contexts]
    errors: list[str] = []
    for page in pages:
        page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pages, errors
    for context in contexts:
        context.close()


def test_progress_moves_to_another_device_and_merges(devices, server, tmp_path):
    (laptop, phone), errors = devices
    laptop.goto(server + CHAPTER)
    answer(laptop, "pf-01", right=True)
    answer(laptop, "pf-04", right=False)
    phone.goto(server + CHAPTER)
    answer(phone, "pf-07", right=True)
    answer(phone, "pf-04", right=True)  # later than the laptop's answer to pf-04
    laptop.goto(server + PROGRESS)
    path = exported_file(laptop, tmp_path)
    exported = json.loads(path.read_text(encoding="utf-8"))
    assert exported["format"] == "guanxi-progress" and set(exported["state"]["areas"]["quiz"]["items"]) == {
        "pf-01",
        "pf-04",
    }
    phone.goto(server + PROGRESS)
    phone.locator(".course-transfer-file").set_input_files(str(path))
    dialog = phone.get_by_role("dialog")
    dialog.wait_for()
    preview = dialog.inner_text()
    assert "新增 1 题" in preview and "1 题保留本机较晚的作答" in preview, preview
    dialog.get_by_role("button", name="导入").click()
    status = phone.locator(".course-transfer-status")
    assert "已导入" in status.inner_text()
    merged = items(phone)
    assert set(merged) == {"pf-01", "pf-04", "pf-07"}
    phone.goto(server + CHAPTER)
    assert phone.locator("#quiz-pf-04").get_attribute("data-status") == "correct", "the phone's later answer stays"
    assert phone.locator("#quiz-pf-01").get_attribute("data-status") == "correct"
    assert not errors


def test_the_progress_code_carries_the_same(devices, server):
    (laptop, phone), errors = devices
    laptop.goto(server + CHAPTER)
    answer(laptop, "pf-01", right=True)
    laptop.goto(server + PROGRESS)
    laptop.locator(".course-transfer-copy").click()
    code = laptop.locator(".course-transfer-code").input_value()
    assert code.startswith("GXJD1:") and len(code) < 2000
    phone.goto(server + PROGRESS)
    phone.locator(".course-transfer-paste").fill(code)
    phone.locator(".course-transfer-import").click()
    phone.get_by_role("dialog").get_by_role("button", name="导入").click()
    assert set(items(phone)) == {"pf-01"}
    assert not errors


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("not json at all", "无法读取"),
        ('{"format": "something-else"}', "不是本课程导出的进度"),
        ('{"format": "guanxi-record", "name": "小王"}', "学习记录"),
        ("GXJD1:broken", "进度码不完整"),
    ],
)
def test_what_is_not_our_progress_is_refused_and_nothing_changes(devices, server, tmp_path, content, why):
    (page, _), errors = devices
    page.goto(server + CHAPTER)
    answer(page, "pf-01", right=True)
    before = items(page)
    page.goto(server + PROGRESS)
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    page.locator(".course-transfer-file").set_input_files(str(bad))
    status = page.locator(".course-transfer-status")
    status.filter(has_text=why).wait_for()
    assert "没有导入" in status.inner_text() and "没有改动" in status.inner_text()
    assert page.get_by_role("dialog").count() == 0
    assert items(page) == before
    assert not errors


def test_cancelling_the_preview_changes_nothing(devices, server, tmp_path):
    (laptop, phone), _ = devices
    laptop.goto(server + CHAPTER)
    answer(laptop, "pf-01", right=True)
    laptop.goto(server + PROGRESS)
    path = exported_file(laptop, tmp_path)
    phone.goto(server + PROGRESS)
    phone.locator(".course-transfer-file").set_input_files(str(path))
    phone.get_by_role("dialog").get_by_role("button", name="取消").click()
    assert items(phone) == {}
    assert "已取消" in phone.locator(".course-transfer-status").inner_text()


def test_the_learner_record_for_a_trainer(devices, server, tmp_path):
    (page, errors) = devices[0][0], devices[1]
    page.goto(server + CHAPTER)
    answer(page, "pf-01", right=True)
    answer(page, "pf-04", right=False)
    page.goto(server + PROGRESS)
    page.locator(".course-record-export").click()
    assert "姓名" in page.locator(".course-transfer-status").inner_text()
    page.locator(".course-record-name").fill("林悦")
    with page.expect_download() as download:
        page.locator(".course-record-export").click()
    assert re.fullmatch(r"学习记录-林悦-\d{4}-\d{2}-\d{2}\.json", download.value.suggested_filename)
    path = tmp_path / "record.json"
    download.value.save_as(path)
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["format"] == "guanxi-record" and record["name"] == "林悦"
    chapter = next(c for c in record["chapters"] if c["chapter"] == "purchase-factors")
    assert (chapter["answered"], chapter["right"]) == (2, 1) and chapter["total"] > 10
    assert record["test"]["best"] is None and record["test"]["cut"] == 21
    assert "accounts" not in record
    assert not errors


def test_the_progress_page_shows_the_practice_tests(devices, server):
    (page, _), errors = devices
    page.goto(server + PROGRESS)
    assert "还没有做过模拟测验" in page.locator(".course-test-history").inner_text()
    page.evaluate(
        """() => window.CourseStore.update("final", () => (
            { past: [[1790000000000, 18, 30], [1790100000000, 24, 30]] }))"""
    )
    history = page.locator(".course-test-history")
    assert "最好成绩：答对 24 / 30 题；共交卷 2 次" in history.inner_text()
    assert history.locator("tbody tr").count() == 2
    assert history.locator("tbody tr").first.inner_text().endswith("通过")
    assert not errors
