"""The one browser store (course-store.js) in real pages: what happens when the browser keeps
nothing, what a tampered or hostile store does (nothing), versions and the backend a
learning-platform adapter plugs in."""

from __future__ import annotations

import json

import pytest
from reader_devices import seen_text

pytestmark = pytest.mark.browser

CHAPTER = "book/purchase-factors.html"
PROGRESS = "book/progress.html"
TOOL = "book/widgets/relationship-map.html"
NOTICE = "这个浏览器不允许本站保存数据"

# Two ways a browser refuses: no usable localStorage at all (blocked cookies), and one that
# throws on every write (some private windows, a full quota).
BLOCKED = {
    "missing": (
        "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('no', 'SecurityError'); }});"
    ),
    "throws": "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
}


def item(page, item_id: str) -> dict:
    # The items' data comes with the page's data script (tools/sphinxext/page_data.py).
    return page.evaluate("id => window.CourseData.quiz[id]", item_id)


def right_and_wrong(data: dict) -> tuple[list[int], list[int]]:
    if data["type"] == "truefalse":
        right = 0 if data["answer"] else 1
        return [right], [1 - right]
    right = [i for i, o in enumerate(data["options"]) if o["correct"]]
    wrong = [i for i, o in enumerate(data["options"]) if not o["correct"]][:1]
    return right, wrong


def total(page) -> int:
    return page.locator(".course-quiz-item").count()


def answer(page, item_id: str, picks: list[int]) -> None:
    inputs = page.locator(f"#quiz-{item_id} .course-quiz-choices input")
    for i in picks:
        inputs.nth(i).check()
    page.locator(f"#quiz-{item_id} .course-quiz-check").click()


@pytest.fixture
def blocked_page(browser, request):
    context = browser.new_context()
    context.add_init_script(BLOCKED[request.param])
    page = context.new_page()
    errors: list[str] = []
    # The theme's own scripts (pydata-sphinx-theme, sphinx_highlight) read localStorage
    # unguarded and throw here; what is asserted is that none of the course's scripts do.
    page.on("pageerror", lambda exc: errors.append(exc.stack or str(exc)))
    page.js_errors = errors
    yield page
    context.close()


def course_errors(page) -> list[str]:
    return [e for e in page.js_errors if "/_static/course-" in e or "/_static/widgets/" in e]


@pytest.mark.quick
@pytest.mark.parametrize("blocked_page", sorted(BLOCKED), indirect=True)
def test_without_storage_every_part_says_so_once_and_works(blocked_page, server):
    """Reliability D8: the item said ✓ while the score said 已作答 0 题, and nothing said that
    progress is not kept."""
    page = blocked_page
    page.goto(server + CHAPTER)
    quiz = page.locator(".course-quiz")
    assert quiz.locator(".course-store-note").count() == 1
    assert NOTICE in seen_text(quiz.locator(".course-store-note"))
    right, wrong = right_and_wrong(item(page, "pf-01"))
    answer(page, "pf-01", right)
    assert "回答正确" in page.locator("#quiz-pf-01 .course-quiz-verdict").inner_text()
    assert f"答对 1 / {total(page)} 题（已作答 1 题）" in page.locator(".course-quiz-score").inner_text()
    page.locator("#quiz-pf-01 .course-quiz-retry").click()
    answer(page, "pf-01", wrong)
    assert f"答对 0 / {total(page)} 题（已作答 1 题）" in page.locator(".course-quiz-score").inner_text()
    assert quiz.locator(".course-store-note").count() == 1, "said once, not per answer"

    page.goto(server + TOOL)
    page.wait_for_selector(".course-widget[data-state=ready]", timeout=20000)
    widget = page.locator(".course-widget")
    assert widget.locator(".course-store-note").count() == 1
    widget.locator(".widget-contacts > .widget-contact").nth(2).locator("[name=trust]").fill("5")
    widget.locator(".widget-contacts > .widget-contact").nth(2).locator("[name=rapport]").fill("5")
    assert widget.locator(".widget-contact-result .widget-type").nth(2).inner_text() == "朋友"

    page.goto(server + PROGRESS)
    assert page.locator(".course-progress .course-store-note").count() == 1
    assert course_errors(page) == []


def test_a_tampered_store_is_read_field_by_field(page, server):
    """A stored status is never trusted (it is recomputed from the stored answer); odd keys,
    odd types and a number written as text are dropped, not used."""
    page.goto(server + CHAPTER)
    right, wrong = right_and_wrong(item(page, "pf-01"))
    legacy = {
        "items": {
            "pf-01": {"status": "correct", "answer": wrong, "attempts": "7"},
            "__proto__": {"status": "correct", "answer": right},
            "pf-02": {"status": "correct", "answer": "all of them"},
        }
    }
    page.evaluate("s => localStorage.setItem('course-quiz:v1', s)", json.dumps(legacy))
    page.reload()
    assert "还不对" in seen_text(page.locator("#quiz-pf-01 .course-quiz-verdict"))
    assert page.locator("#quiz-pf-02 .course-quiz-verdict").count() == 0
    assert f"答对 0 / {total(page)} 题（已作答 1 题）" in page.locator(".course-quiz-score").inner_text()
    page.locator("#quiz-pf-01 .course-quiz-retry").click()
    answer(page, "pf-01", right)
    stored = json.loads(page.evaluate("localStorage.getItem('course-store')"))
    entry = stored["areas"]["quiz"]["items"]["pf-01"]
    assert entry["attempts"] == 1 and "status" not in entry, "a stored count of '7' is not carried on as text"
    assert "__proto__" not in page.evaluate("Object.keys(CourseStore.quizItems())")
    assert page.evaluate("Object.getPrototypeOf(CourseStore.quizItems())") is None
    assert page.evaluate("localStorage.getItem('course-quiz:v1')") is None, "the old key is moved into the store"
    assert page.js_errors == []


def test_a_hostile_store_runs_nothing_and_breaks_nothing(page, server):
    hostile = {
        "v": 2,
        "areas": {
            "quiz": {
                "items": {
                    "pf-01": {"answer": [0], "revealed": "yes", "attempts": -3},
                    "pf-03": {"answer": [9, 9, 9]},
                    "constructor": {"answer": [0]},
                    "<img src=x onerror=pwned=1>": {"answer": [0]},
                }
            },
            "widgets": {
                "relationship-map": {
                    "form": {"contacts": [{"name": "<img src=x onerror=pwned=1>", "role": "other", "trust": "9"}]}
                },
                "__proto__": {"form": {"polluted": True}},
            },
        },
    }
    page.goto(server + TOOL)
    page.evaluate("s => localStorage.setItem('course-store', s)", json.dumps(hostile))
    page.reload()
    page.wait_for_selector(".course-widget[data-state=ready]", timeout=20000)
    widget = page.locator(".course-widget")
    assert "已恢复你上次" in widget.locator(".widget-status").inner_text()
    assert widget.locator(".widget-contacts [name=name]").input_value() == "<img src=x onerror=pwned=1>"
    assert "9 超出范围" in widget.locator(".widget-errors").inner_text()
    assert page.evaluate("window.pwned") is None and page.evaluate("({}).polluted") is None
    page.goto(server + CHAPTER)
    assert page.locator(".course-quiz-item.is-interactive").count() == total(page)
    assert page.locator("#quiz-pf-03 .course-quiz-verdict").count() == 0, "an answer the item cannot have"
    assert page.evaluate("window.pwned") is None
    assert page.js_errors == []


def test_the_progress_page_recomputes_what_it_counts(page, server):
    page.goto(server + CHAPTER)
    right, wrong = right_and_wrong(item(page, "pf-01"))
    store = {"v": 2, "areas": {"quiz": {"items": {"pf-01": {"answer": wrong, "status": "correct"}}}}}
    page.evaluate("s => localStorage.setItem('course-store', s)", json.dumps(store))
    count = total(page)
    page.goto(server + PROGRESS)
    row = page.locator('tr[data-chapter="purchase-factors"]')
    assert row.locator(".course-progress-done").inner_text() == f"1 / {count}"
    assert row.locator(".course-progress-correct").inner_text() == f"0 / {count}"


def test_versions_snapshots_and_a_platform_backend(page, server):
    page.goto(server + CHAPTER)
    # A store from a later version is not read as this one.
    later = {"v": 99, "areas": {"quiz": {"items": {"pf-01": {"answer": [0]}}}}}
    page.evaluate("s => localStorage.setItem('course-store', s)", json.dumps(later))
    page.reload()
    assert page.evaluate("Object.keys(CourseStore.quizItems())") == []
    # Undo and adapters take the whole state as one value, and give it back.
    right, _wrong = right_and_wrong(item(page, "pf-01"))
    answer(page, "pf-01", right)
    snapshot = page.evaluate("CourseStore.snapshot()")
    assert snapshot["v"] == 2 and snapshot["areas"]["quiz"]["items"]["pf-01"]["answer"] == right
    page.evaluate("CourseStore.clearQuizItems()")
    page.evaluate("s => CourseStore.restore(s)", snapshot)
    assert page.evaluate("CourseStore.quizItems()['pf-01'].answer") == right
    assert "回答正确" in page.locator("#quiz-pf-01 .course-quiz-verdict").inner_text()
    # A learning-platform adapter supplies load/save; the page reads and writes through it.
    page.evaluate(
        """() => {
        window.platform = JSON.stringify({v: 2, areas: {quiz: {items: {'pf-02': {answer: [0], attempts: 2}}}}});
        CourseStore.useBackend({
          name: 'scorm', load: () => window.platform, save: (text) => { window.platform = text; },
        });
        }"""
    )
    assert page.evaluate("Object.keys(CourseStore.quizItems())") == ["pf-02"]
    answer(page, "pf-01", right)
    saved = json.loads(page.evaluate("window.platform"))
    assert set(saved["areas"]["quiz"]["items"]) == {"pf-01", "pf-02"}
    assert page.js_errors == []


@pytest.mark.parametrize("blocked_page", sorted(BLOCKED), indirect=True)
def test_without_storage_no_script_throws_the_themes_included(blocked_page, server):
    """The reviewer's R11: the theme's inline script and pydata-sphinx-theme.js threw three
    uncaught SecurityErrors per page. Every kind of page, and the theme switch, which
    writes the mode."""
    page = blocked_page
    for path in (CHAPTER, TOOL, PROGRESS, "search.html?q=关系", "book/final-test.html", "index.html", "404.html"):
        page.goto(server + path)
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)  # the theme's deferred handlers
        assert page.js_errors == [], (path, page.js_errors)
    page.goto(server + CHAPTER)
    page.evaluate("document.documentElement.dataset.mode")
    toggle = page.locator(".theme-switch-button").first
    if toggle.count() and toggle.is_visible():
        toggle.click()
    page.wait_for_timeout(200)
    assert page.js_errors == []
