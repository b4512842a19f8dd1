"""Conversation practice in a real browser: a conversation played by keyboard on a phone to a
good and a bad ending, with the reply, the feedback and its chapter link; the focus and the
screen-reader announcements; progress kept over a reload and shown on the progress page;
restart; no JavaScript, print and file://; no console errors anywhere."""

from __future__ import annotations

import pytest
from conftest import ROOT
from playwright.sync_api import expect
from reader_devices import open_page, seen_text

from tools.conversations.model import load_conversation
from tools.conversations.zh import OUTCOME, QUALITY

pytestmark = pytest.mark.browser

CONV_ID = "why-buy-this-kind"
CHAPTER = "book/key-account-difference.html"
CONV = load_conversation(ROOT / "exercises" / "conversations" / f"{CONV_ID}.yml")


def open_phone(browser, url: str, **options):
    return open_page(browser, "phone", url, **options)


def player(page):
    return page.locator(f"#conversation-{CONV_ID} .course-conversation-player")


def focused(page, selector: str) -> bool:
    return page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector)


def path_to(ending_id: str) -> list[int]:
    """The choice indexes from the first turn to ``ending_id``, the good choices preferred
    (breadth-first, so the shortest such path)."""
    turns = {t.id: t for t in CONV.turns}
    queue = [(CONV.start.id, [])]
    seen = {CONV.start.id}
    while queue:
        turn_id, picks = queue.pop(0)
        order = sorted(range(len(turns[turn_id].choices)), key=lambda i: turns[turn_id].choices[i].quality != "good")
        for i in order:
            choice = turns[turn_id].choices[i]
            if choice.next == ending_id:
                return [*picks, i]
            if choice.next in turns and choice.next not in seen:
                seen.add(choice.next)
                queue.append((choice.next, [*picks, i]))
    raise AssertionError(f"no path to {ending_id}")


def play_by_keyboard(page, picks: list[int]) -> None:
    """From the first option, choose each pick with Tab and Enter only, checking after each
    choice that the focus is on the new step with the reply and the feedback, and that the
    next Tab stops go to the chapter link and then the choices."""
    page.locator(".course-conversation-option").first.focus()  # where Tab from the page text arrives
    turn = CONV.start
    for step, pick in enumerate(picks, start=2):
        for _ in range(pick):
            page.keyboard.press("Tab")
        assert focused(page, ".course-conversation-option")
        choice = turn.choices[pick]
        assert page.evaluate("document.activeElement.textContent") == choice.say
        page.keyboard.press("Enter")
        # The focus is on the new step: the learner's words, the reply, the feedback.
        assert focused(page, ".course-conversation-round"), "focus moves to the new step"
        current = page.locator(".course-conversation-round").last
        assert current.locator("h4").inner_text() == f"第 {step} 步"
        text = current.inner_text()
        assert choice.say in text and choice.feedback in text
        assert all(line.text in text for line in choice.reply)
        assert f"点评 · {QUALITY[choice.quality]}" in text
        page.keyboard.press("Tab")
        assert focused(page, ".course-conversation-feedback a"), "the next Tab stop is the chapter link"
        href = page.evaluate("document.activeElement.getAttribute('href')")
        # Sphinx gives a labelled heading's section the label as its id.
        assert href.endswith("#" + choice.section), href
        page.keyboard.press("Tab")
        if choice.next in {e.id for e in CONV.endings}:
            ending = CONV.node(choice.next)
            if ending.section:  # the ending's own link comes first
                assert focused(page, ".course-conversation-result a")
                page.keyboard.press("Tab")
            assert focused(page, ".course-conversation-restart")
            return
        turn = CONV.node(choice.next)
        assert focused(page, ".course-conversation-option")
    raise AssertionError("the picks did not reach an ending")


@pytest.mark.quick
def test_good_and_bad_endings_by_keyboard_progress_kept_and_shown(browser, server):
    context, page = open_phone(browser, server + CHAPTER)
    box = player(page)
    assert box.is_visible()
    assert not page.locator(f"#conversation-{CONV_ID} .course-conversation-script").is_visible()
    assert seen_text(box.locator(".course-conversation-status")) == "你还没有完成这段对话。"
    live = box.locator("[aria-live=polite]")

    good = CONV.main_path()[-1][1].next
    play_by_keyboard(page, path_to(good))
    ending = CONV.node(good)
    result = box.locator(".course-conversation-result")
    assert f"{OUTCOME['good']}：{ending.title}" in result.inner_text()
    assert ending.comment in result.inner_text()
    assert live.inner_text() == f"到达{OUTCOME['good']}：{ending.title}"
    assert f"到过 1 / {len(CONV.endings)} 个结局" in box.locator(".course-conversation-status").inner_text()

    # The progress is kept over a reload, and the run resumes where it was: at the ending.
    page.reload()
    status = seen_text(player(page).locator(".course-conversation-status"))
    assert f"到过 1 / {len(CONV.endings)} 个结局：{ending.title}" in status
    assert ending.title in player(page).locator(".course-conversation-result").inner_text()
    player(page).locator(".course-conversation-restart").click()

    # A bad ending, by keyboard too.
    bad = "sent-to-purchasing"
    play_by_keyboard(page, path_to(bad))
    result = player(page).locator(".course-conversation-result")
    assert f"{OUTCOME['bad']}：{CONV.node(bad).title}" in result.inner_text()
    assert "is-bad" in result.get_attribute("class")

    # Restart by keyboard: the log starts again at step 1, with the focus on it.
    page.keyboard.press("Enter")
    assert player(page).locator(".course-conversation-round").count() == 1
    assert focused(page, ".course-conversation-round")
    assert player(page).locator("[aria-live=polite]").inner_text() == "对话已重新开始。第 1 步。"

    # The progress page shows both endings, one of them good.
    page.goto(server + "book/progress.html")
    row = page.locator(f'tr[data-conversation="{CONV_ID}"]')
    row.scroll_into_view_if_needed()  # off screen, a section is not rendered (content-visibility)
    expect(row.locator(".course-conversation-progress-reached")).to_have_text(f"2 / {len(CONV.endings)}")
    goods = sum(e.outcome == "good" for e in CONV.endings)
    expect(row.locator(".course-conversation-progress-good")).to_have_text(f"1 / {goods}")
    summary = page.locator(".course-conversation-progress-summary")
    summary.scroll_into_view_if_needed()
    expect(summary).to_contain_text("已完成 1 段")
    expect(summary).to_contain_text("到过好的结局 1 段")
    row.locator("a").click()
    page.wait_for_url(f"**/{CHAPTER}#conversation-{CONV_ID}")
    assert page.console_errors == []
    context.close()


def test_the_section_link_opens_the_chapter_section(browser, server):
    context, page = open_phone(browser, server + CHAPTER)
    good = next(i for i, c in enumerate(CONV.start.choices) if c.quality == "good")
    first = CONV.start.choices[good]  # the good opening, wherever the shuffle shows it
    player(page).locator(".course-conversation-option").nth(good).click()
    link = player(page).locator(".course-conversation-feedback a")
    target = link.get_attribute("href")
    link.click()
    fragment = target.split("#", 1)[1]
    assert fragment == first.section
    page.wait_for_url(f"**#{fragment}")
    heading = page.locator(f"section[id='{fragment}'] > h2")
    assert heading.is_visible() and heading.bounding_box()["y"] < 844
    assert page.console_errors == []
    context.close()


def test_clearing_the_progress_asks_first(browser, server):
    context, page = open_phone(browser, server + CHAPTER)
    play_by_keyboard(page, path_to("sent-to-purchasing"))
    page.goto(server + "book/progress.html")
    row = page.locator(f'tr[data-conversation="{CONV_ID}"]')
    row.scroll_into_view_if_needed()
    expect(row.locator(".course-conversation-progress-reached")).to_have_text(f"1 / {len(CONV.endings)}")
    page.locator(".course-conversation-progress-reset").click()
    page.get_by_role("dialog").get_by_role("button", name="清除对话练习进度").click()
    expect(row.locator(".course-conversation-progress-reached")).to_have_text("—")
    page.goto(server + CHAPTER)
    assert seen_text(player(page).locator(".course-conversation-status")) == "你还没有完成这段对话。"
    assert page.console_errors == []
    context.close()


def test_without_javascript_the_whole_script_is_there(browser, server):
    context, page = open_phone(browser, server + CHAPTER, java_script_enabled=False)
    script = page.locator(f"#conversation-{CONV_ID} .course-conversation-script")
    assert script.is_visible()
    choices = sum(len(t.choices) for t in CONV.turns)
    assert script.locator(".course-conversation-choice").count() == choices
    first = script.locator(".course-conversation-turn").first
    assert seen_text(first.locator(".course-conversation-step")) == "第 1 步"
    # On a phone the brief uses the full width: no definition-list indent.
    brief = page.locator(f"#conversation-{CONV_ID} .course-conversation-brief")
    assert brief.locator("dd").first.bounding_box()["x"] == brief.locator("dt").first.bounding_box()["x"]
    context.close()


def test_print_shows_the_script_not_the_player(browser, server):
    context, page = open_phone(browser, server + CHAPTER)
    page.emulate_media(media="print")
    assert page.locator(f"#conversation-{CONV_ID} .course-conversation-script").is_visible()
    assert not player(page).is_visible()
    context.close()


def test_it_plays_from_the_file_system(browser, site):
    context, page = open_phone(browser, (site / CHAPTER).as_uri())
    play_by_keyboard(page, path_to(CONV.main_path()[-1][1].next))
    assert player(page).locator(".course-conversation-result.is-good").is_visible()
    assert page.console_errors == []
    context.close()


def test_every_placed_conversation_plays_without_errors(browser, server):
    """Each chapter's conversation starts, takes one choice and shows its feedback."""
    for chapter in ("book/key-account-difference.html", "book/purchase-factors.html", "book/relationship-types.html"):
        context, page = open_phone(browser, server + chapter)
        sections = page.locator("section.course-conversation")
        assert sections.count() >= 1, chapter
        for i in range(sections.count()):
            section = sections.nth(i)
            section.locator(".course-conversation-option").first.click()
            assert section.locator(".course-conversation-player .course-conversation-feedback").count() == 1
        assert page.console_errors == [], chapter
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_serious_in_a_played_conversation(browser, server, scheme):
    """axe-core over the player after a mixed choice, a bad ending and a good ending: the
    feedback colours, the result box and the restart button, in both colour schemes."""
    from axe_playwright_python.sync_playwright import Axe

    context, page = open_phone(browser, server + CHAPTER, color_scheme=scheme)
    assert page.evaluate("document.documentElement.dataset.theme") == scheme
    problems = []
    for ending in ("sent-to-purchasing", CONV.main_path()[-1][1].next):
        picks = path_to(ending)
        for pick in picks:
            player(page).locator(".course-conversation-option").nth(pick).click()
        page.mouse.move(0, 0)  # nothing hovered: the colours as they are at rest
        result = Axe().run(page, context=f"#conversation-{CONV_ID}")
        for violation in result.response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                problems.append(f"{ending}: {violation['id']}: {[n['target'] for n in violation['nodes'][:3]]}")
        player(page).locator(".course-conversation-restart").click()
    assert not problems, "\n".join(problems)
    context.close()


def test_a_run_resumes_after_a_reload_and_steps_back(browser, server):
    """Issue 23: a conversation left half-way resumes at the same step after a reload (the
    choices taken are kept with the progress); 退回一步 takes the last choice back, and that
    is kept too."""
    context, page = open_phone(browser, server + CHAPTER)
    picks = path_to("sent-to-purchasing")
    assert len(picks) >= 2
    box = player(page)
    for pick in picks[:2]:
        box.locator(".course-conversation-option").nth(pick).click()
    rounds = box.locator(".course-conversation-round")
    assert rounds.count() == 3
    page.reload()
    box = player(page)
    assert rounds.count() == 3, "resumed at step 3"
    assert box.locator("[aria-live=polite]").inner_text() == "接着上次的地方：第 3 步。"
    second = CONV.node(CONV.start.choices[picks[0]].next)
    said = box.locator(".course-conversation-said")
    assert said.nth(1).inner_text().endswith(second.choices[picks[1]].say)
    box.locator(".course-conversation-back").click()
    assert rounds.count() == 2
    assert box.locator("[aria-live=polite]").inner_text() == "已退回一步。第 2 步。"
    assert [b.inner_text() for b in box.locator(".course-conversation-option").all()] == [c.say for c in second.choices]
    page.reload()
    assert player(page).locator(".course-conversation-round").count() == 2
    player(page).locator(".course-conversation-back").click()
    assert player(page).locator(".course-conversation-round").count() == 1
    assert player(page).locator(".course-conversation-back").count() == 0, "nothing to take back at the first step"
    assert page.console_errors == []
    context.close()
