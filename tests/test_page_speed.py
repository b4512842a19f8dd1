"""What the first paint and the first result wait for (issue 10, point 3).

- A chapter's HTML holds the page, not the players' data: the self-checks' and the
  conversations' data come in a deferred data script per page, and reach the players
  from a server and from file://.
- The stylesheets every page links are one joined file that renders exactly as the files
  it joins.
- A tool shows its first result (the build-time result of the example, which is the result
  for the inputs shown) before its Python runtime arrives; inputs typed before the runtime
  is there are computed when it comes; a share link, which only Python can read, starts
  loading the runtime at once.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import CHAPTERS

from tools.bench.widget_timing import wait_first_result, wait_first_visible
from tools.sphinxext import css_bundle, page_data
from tools.sphinxext.assets import SITE_CSS
from tools.widgets import api, zh

# The chapter the page-weight benchmark measures, and the budgets for a chapter's HTML
# document alone. What is left in it is the page: the chapter's text, its navigation, and
# the static versions of its self-checks and conversation scripts (read without
# JavaScript, printed, and in the PDF). The heaviest chapter, with three conversation
# scripts, is about 215 KB.
BENCH_CHAPTER = "purchase-factors"
BENCH_CHAPTER_HTML = 170_000
CHAPTER_HTML = 230_000
DATA_BLOCK = re.compile(r'<script type="application/json" class="course-(?:quiz|conversation)-data">')
REL = "book/widgets/relationship-map.html"
UI = zh.UI


# ------------------------------------------------------------------ data out of the page
def test_chapter_html_stays_within_budget_and_holds_no_player_data(site):
    for chapter in CHAPTERS:
        path = site / "book" / f"{chapter}.html"
        html = path.read_text(encoding="utf-8")
        size = len(html.encode("utf-8"))
        budget = BENCH_CHAPTER_HTML if chapter == BENCH_CHAPTER else CHAPTER_HTML
        assert size <= budget, f"{chapter}.html: {size / 1000:.0f} KB of HTML (budget {budget / 1000:.0f} KB)"
        assert not DATA_BLOCK.search(html), f"{chapter}.html carries player data inline"
        soup = BeautifulSoup(html, "html.parser")
        data = page_data.read(page_data.data_path(site, f"book/{chapter}"))
        # Every self-check item and conversation on the page has its data, and no other.
        items = {node["data-item"] for node in soup.select(".course-quiz-item")}
        assert set(data.get("quiz", {})) == items
        conversations = {node["data-conversation"] for node in soup.select("section.course-conversation")}
        assert set(data.get("conversation", {})) == conversations
        # ... loaded deferred, before the players that read it.
        srcs = [s.get("src", "") for s in soup.select("script[src]")]
        mine = next(i for i, s in enumerate(srcs) if f"course-data/book/{chapter}.js" in s)
        assert soup.select("script[src]")[mine].has_attr("defer")
        players = [i for i, s in enumerate(srcs) if "course-quiz.js" in s or "course-conversation.js" in s]
        assert players and mine < min(players)


@pytest.mark.browser
@pytest.mark.parametrize("origin", ["served", "file"])
def test_the_players_get_their_data(page, site, server, origin):
    rel = f"book/{BENCH_CHAPTER}.html"
    page.goto(server + rel if origin == "served" else (site / rel).as_uri())
    page.wait_for_load_state("load")
    items = page.locator(".course-quiz-item")
    assert items.count() > 10
    assert page.locator(".course-quiz-item.is-interactive").count() == items.count()
    sections = page.locator("section.course-conversation")
    assert sections.count() >= 1
    assert page.locator("section.course-conversation.is-interactive").count() == sections.count()
    # A right answer, taken from the page's data, is marked right.
    item_id = next(d["id"] for d in page.evaluate("Object.values(window.CourseData.quiz)") if d["type"] == "truefalse")
    data = page.evaluate("id => window.CourseData.quiz[id]", item_id)
    root = page.locator(f"#quiz-{item_id}")
    root.locator("input").nth(0 if data["answer"] else 1).check()
    root.locator("button.course-quiz-check").click()
    page.wait_for_function("el => el.getAttribute('data-status')", arg=root.element_handle(), timeout=5000)
    assert root.get_attribute("data-status") == "correct"
    # The conversation player offers the first turn's choices.
    first = sections.first
    conv = page.evaluate("id => window.CourseData.conversation[id]", first.get_attribute("data-conversation"))
    says = [c["say"] for c in conv["turns"][0]["choices"]]
    buttons = first.locator("button").all_text_contents()
    assert all(any(say in b for b in buttons) for say in says)


# ------------------------------------------------------------------ the joined stylesheet
def test_rebase_squeeze_and_unread_properties():
    css = "/* note */ a :hover { background: url(img/x.png) ; --unused: 1px; --used: red; color: var(--used) }\n"
    css += 'b::before { content: "  a ; b  " ; background: url("data:image/svg+xml,%3Csvg%3E") }'
    out = css_bundle.joined([("_static/styles/t.css", css)], "_static", readers="")
    assert "a :hover{" in out, "whitespace inside a selector is meaning"
    assert "url(styles/img/x.png)" in out
    assert 'content: "  a ; b  "' in out, "strings are kept as they are"
    assert 'url("data:image/svg+xml,%3Csvg%3E")' in out
    assert "--unused" not in out and "--used: red" in out and "note" not in out
    # A property read only by a dropped one goes too; one a page or script reads stays.
    chain = ":root{--a: 1px;--b: var(--a);--c: 2px;--d: 3px}"
    kept = css_bundle.drop_unread_properties(chain, readers="el.style.getPropertyValue('--c')")
    assert kept == ":root{--c: 2px;}"
    assert css_bundle.JOINED.search(out).group(1) == "_static/styles/t.css"


def test_every_page_links_the_joined_stylesheet_instead_of_its_parts(site, pages):
    joined = (site / SITE_CSS).read_text(encoding="utf-8")
    parts = css_bundle.JOINED.search(joined).group(1).split()
    assert len(parts) >= 4 and "_static/course.css" in parts
    assert len(joined) < sum((site / p).stat().st_size for p in parts)
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        links = [link["href"].split("?")[0] for link in soup.select("head link[rel=stylesheet]")]
        if not links:
            continue  # a page with its own inline styles (404)
        rel = Path(path.relative_to(site)).parent
        resolved = [(site / rel / href).resolve().relative_to(site.resolve()).as_posix() for href in links]
        assert resolved[0] == SITE_CSS, path
        assert not set(parts) & set(resolved), path


# How the joined file renders, split into the head's and the late stylesheet, against the
# files it joins: tests/test_first_paint.py.


# ------------------------------------------------------------------ the tools' first result
def _hold_runtime(page):
    """Hold the runtime's scripts back until ``release`` is called; records when each was
    asked for (ms from navigation start)."""
    held: list = []
    release = threading.Event()

    def hold(route):
        held.append(route)
        if release.is_set():
            route.continue_()

    page.route(re.compile(r".*/_static/widgets/.*\.js.*"), hold)

    def let_go():
        release.set()
        while held:
            held.pop().continue_()

    return held, let_go


def _static_result(site, rel: str) -> str:
    soup = BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")
    return re.sub(r"\s+", "", soup.select_one(".widget-result").get_text())


@pytest.mark.browser
def test_first_result_shows_before_the_runtime_and_typing_waits_for_it(page, site, server):
    held, let_go = _hold_runtime(page)
    page.goto(server + REL)
    shown = wait_first_visible(page)
    widget = page.locator(".course-widget")
    # The form and the build-time result, at once; Python is not there yet.
    assert widget.locator(".widget-form").is_visible()
    assert re.sub(r"\s+", "", widget.locator(".widget-result").text_content()) == _static_result(site, REL)
    assert widget.get_attribute("data-state") != "ready"
    assert widget.locator(".widget-status").inner_text() == UI["ready"]
    nav = page.evaluate("performance.getEntriesByType('navigation')[0].toJSON()")
    assert shown <= nav["domContentLoadedEventEnd"] + 300
    # The runtime is asked for after the page has loaded, not before.
    page.wait_for_function("() => performance.getEntriesByType('navigation')[0].loadEventEnd > 0")
    page.locator(".widget-contacts > .widget-contact").nth(2).locator("[name=trust]").focus()
    page.wait_for_timeout(300)
    assert held, "the runtime was not asked for"
    started = page.evaluate("performance.getEntriesByName('course-widget-runtime-requested')[0].startTime")
    assert started >= page.evaluate("performance.getEntriesByType('navigation')[0].loadEventStart")
    # Typed before Python is there: kept, said, and computed once it comes.
    types = widget.locator(".widget-contact-result .widget-type")
    assert types.all_inner_texts() == ["朋友", "供应商", "局外人"]
    for key in ("trust", "rapport", "frequency"):
        page.locator(".widget-contacts > .widget-contact").nth(2).locator(f"[name={key}]").fill("5")
    assert widget.locator(".widget-status").inner_text() == UI["recompute_waiting"]
    assert widget.locator(".widget-result").get_attribute("aria-busy") == "true"
    assert types.all_inner_texts() == ["朋友", "供应商", "局外人"]
    let_go()
    wait_first_result(page)
    page.wait_for_function("() => !document.querySelector('.widget-result').hasAttribute('aria-busy')")
    assert types.all_inner_texts() == ["朋友", "供应商", "朋友"]
    assert widget.locator(".widget-status").inner_text() == UI["ready"]
    raw = page.evaluate("window.courseWidgets[0].gather()")
    config = page.evaluate("JSON.parse(document.querySelector('.widget-config').textContent)")
    expected = api.render("relationship-map", api.analyse("relationship-map", raw), config["links"], config["uid"])
    shown_text = re.sub(r"\s+", "", widget.locator(".widget-result").text_content())
    assert shown_text == re.sub(r"\s+", "", BeautifulSoup(expected, "html.parser").get_text())
    assert page.js_errors == []


@pytest.mark.browser
def test_a_share_link_loads_the_runtime_at_once(page, server):
    held, let_go = _hold_runtime(page)
    page.goto(server + REL + "#relationship-map=preset:pinacor-before", wait_until="domcontentloaded")
    page.wait_for_function("() => performance.getEntriesByName('course-widget-runtime-requested').length")
    page.wait_for_function("() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd > 0")
    # Asked for straight away, as the page's scripts run (not once the page has loaded);
    # nothing is shown as its result until Python has read the link.
    started = page.evaluate("performance.getEntriesByName('course-widget-runtime-requested')[0].startTime")
    assert started <= page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
    widget = page.locator(".course-widget")
    assert widget.get_attribute("data-state") == "loading"
    assert page.evaluate("window.courseWidgetShown") is None
    assert widget.locator(".widget-status").inner_text() == UI["loading"]
    let_go()
    python = wait_first_result(page)
    assert python is not None and page.evaluate("window.courseWidgetShown") >= python
    assert "皮纳考" in widget.locator(".widget-status").inner_text()
    assert page.js_errors == []


@pytest.mark.browser
def test_a_tool_from_file_url_shows_its_result_and_loads_python(page, site):
    page.goto((site / REL).as_uri())
    wait_first_visible(page)
    assert page.locator(".course-widget .widget-form").is_visible()
    wait_first_result(page)
    cell = page.locator(".widget-contacts > .widget-contact").nth(2)
    for key in ("trust", "rapport", "frequency"):
        cell.locator(f"[name={key}]").fill("5")
    assert page.locator(".widget-contact-result .widget-type").all_inner_texts() == ["朋友", "供应商", "朋友"]
    assert page.js_errors == []
