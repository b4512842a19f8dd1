"""The final test (模拟测验): the blueprint against the banks (unit), and a full attempt in a
real page: 30 items with no feedback per item, the score, the cut-score verdict, the result
by chapter with links to the sections missed; a reload keeps the attempt. The printed forms
A and B without JavaScript, their keys in the trainer edition only."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tools.exercises import blueprint
from tools.exercises.model import load_banks

ROOT = Path(__file__).resolve().parent.parent
PAGE = "book/final-test.html"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


@pytest.fixture(scope="module")
def banks():
    return load_banks(ROOT / "exercises")


# ---------------------------------------------------------------- the blueprint (unit)
def test_blueprint_is_30_items_cut_21_and_fillable(banks):
    assert blueprint.size() == 30
    assert blueprint.cut_score() == 21
    assert set(blueprint.BLUEPRINT) == set(banks), "every chapter is in the blueprint"
    assert blueprint.problems(banks) == []


def test_a_cell_that_cannot_be_filled_is_named(banks):
    wanted = {"kam-stages": {"分析": 50}, "no-such-chapter": {"理解": 1}, "purchase-factors": {"背诵": 1}}
    found = blueprint.problems(banks, wanted)
    assert any("kam-stages" in p and "分析" in p for p in found), found
    assert any("no-such-chapter" in p for p in found), found
    assert any("背诵" in p for p in found), found


def test_paper_forms_follow_the_blueprint_and_differ(banks):
    a, b = (blueprint.draw(banks, form) for form in blueprint.FORMS)
    for form in (a, b):
        assert len(form) == 30 and len({i.id for i in form}) == 30
        for chapter, cells in blueprint.BLUEPRINT.items():
            for level, count in cells.items():
                assert sum(1 for i in form if i.path.stem == chapter and i.level == level) == count
    assert len({i.id for i in a} & {i.id for i in b}) <= 3, "form B takes other items wherever it can"
    assert [i.id for i in blueprint.draw(banks, "A")] == [i.id for i in a], "the same on every build"


# ---------------------------------------------------------------- the page
def pool(page) -> dict:
    data = json.loads(page.locator(".course-final-data").text_content())
    return {d["id"]: d for d in data["pool"]}


def answer(page, root, data: dict, right: bool) -> None:
    """Answer one item through its controls, right or wrong."""
    if data["type"] == "truefalse":
        pick = 0 if data["answer"] == right else 1
        root.locator(".course-quiz-choices input").nth(pick).check()
    elif "options" in data:
        picks = [i for i, o in enumerate(data["options"]) if o["correct"] == right][: None if right else 1]
        for i in picks:
            root.locator(".course-quiz-choices input").nth(i).check()
    elif data["type"] == "ordering":
        if not right:
            return  # the shown order is never the right one
        for target in range(len(data["steps"])):
            while True:
                order = root.locator(".course-quiz-step").evaluate_all("ns => ns.map(n => Number(n.dataset.step))")
                if order.index(target) == target:
                    break
                root.locator(f'.course-quiz-step[data-step="{target}"] .course-quiz-up').click()
    else:
        n = len(data["pairs"])
        for row in range(n):
            root.locator("select").nth(row).select_option(str(row if right else (row + 1) % n))


def test_a_full_attempt(browser, server):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server + PAGE)
    assert page.locator(".course-final-static").is_hidden(), "the paper form gives way to the online test"
    page.locator(".course-final-start").click()
    roots = page.locator(".course-final-items .course-quiz-item")
    assert roots.count() == 30
    items = pool(page)
    ids = [r.get_attribute("data-item") for r in roots.all()]
    assert len(set(ids)) == 30
    assert page.locator(".course-final-items .course-quiz-check").count() == 0, "no check per item"
    wrong = set(ids[-4:])
    for n, item_id in enumerate(ids):
        answer(page, roots.nth(n), items[item_id], item_id not in wrong)
        if n == 10:  # halfway: a reload keeps the answers and the draw
            page.reload()
            roots = page.locator(".course-final-items .course-quiz-item")
            assert [r.get_attribute("data-item") for r in roots.all()] == ids
    assert page.locator(".course-quiz-feedback").count() == 0, "no feedback during the attempt"
    page.locator(".course-final-submit").click()
    status = page.locator(".course-final-status").inner_text()
    assert "答对 26 / 30" in status and "21" in status, status
    assert "通过" in page.locator(".course-final-verdict.is-passed").inner_text()
    rows = page.locator(".course-final-chapters tbody tr")
    assert rows.count() == len(blueprint.BLUEPRINT)
    total = sum(int(r.locator(".course-final-chapter-right").inner_text().split(" / ")[0]) for r in rows.all())
    assert total == 26
    links = page.locator(".course-final-missed a")
    assert links.count() == 4
    assert sorted(links.evaluate_all("as => as.map(a => a.getAttribute('href'))")) == sorted(
        items[i]["section"] for i in wrong
    )
    page.screenshot(path="/tmp/h11-final-result-phone.png", full_page=False)
    page.reload()
    assert "答对 26 / 30" in page.locator(".course-final-status").inner_text(), "the attempt is kept"
    assert page.locator(".course-final-history li").count() == 1
    # Items missed go to spaced review.
    review = page.evaluate("Object.keys(window.CourseStore.read('review')).sort()")
    assert review == sorted(wrong)
    # A second attempt: a fresh draw, failed with nothing answered.
    page.locator(".course-final-start").click()
    page.locator(".course-final-submit").click()
    page.get_by_role("dialog").get_by_role("button", name="交卷").click()
    assert page.locator(".course-final-verdict.is-failed").count() == 1
    assert page.locator(".course-final-history li").count() == 2
    assert not errors
    context.close()


def test_without_javascript_the_paper_forms_show_without_keys(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + PAGE)
    forms = page.locator(".course-paper")
    assert forms.count() == 2
    assert forms.nth(0).locator(".course-paper-item").count() == 30
    assert forms.nth(0).is_visible()
    assert page.locator(".course-paper-key").count() == 0, "the learner edition prints no key"
    context.close()


def test_the_paper_form_is_in_the_pdf(pdf):
    from test_pdf import text_of  # read once for every test of the book PDF

    text = text_of(pdf)
    forms = [m.start() for m in re.finditer(r"^\s*[AB] ?卷\s*$", text, re.M)]
    assert len(forms) == 2, "both forms, each under its heading"
    assert "模拟测验" in text[: forms[0]]
    assert "第 30 题" in text[forms[0] : forms[1]] and "第 30 题" in text[forms[1] :], "each form whole"
