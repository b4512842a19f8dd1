"""Conversation practice: every rule of the format with its broken fixture (file, line and
what is wrong), the course's conversations valid and placed, the static script and the
player's data, the build's checks, the progress page, and the script in the PDF.

The browser tests (playing a conversation by keyboard) are in test_conversations_browser.py.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from tools.conversations.model import (
    MAIN_PATH,
    conversation_files,
    course_problems,
    load_conversation,
    load_conversations,
)
from tools.conversations.render import anchor, conversation_data, conversation_html, script_html
from tools.data.labels import page_labels
from tools.data.yamlfile import DataError
from tools.sphinxext import page_data

pytest_plugins = ["trainer_fixtures"]

FIXTURES = ROOT / "tests" / "fixtures" / "conversations"
FOLDER = ROOT / "exercises" / "conversations"
# The three conversations this suite knows, and the chapter each is placed in.
PLACES = {
    "why-buy-this-kind": "book/key-account-difference.md",
    "declining-a-kickback": "book/purchase-factors.md",
    "asking-for-an-introduction": "book/relationship-types.md",
}
DIRECTIVE = re.compile(r"^```\{conversation\}\s+(\S+)\s*$", re.M)

# One broken file per rule (exercises/conversations/README.md, "Rules"): the line the error
# names, and what it says.
RULES = {
    # 1. the shape: keys, types, list lengths (a choice without feedback among them)
    "missing-feedback": (44, "t2: choice 2: `feedback` is missing or empty"),
    "unknown-quality": (16, "unknown quality 'great'"),
    "unknown-key": (23, "unknown key `feedbak` — did you mean `feedback`?"),
    "too-many-choices": (14, "needs 2 to 4 choices, has 5"),
    # 2. the ID and the file name
    "id-mismatch": (1, "id `another-name` must equal the file name `id-mismatch`"),
    "bad-id": (1, "`id` 'Bad_ID' is not lower-case letters"),
    # 3. IDs unique
    "duplicate-node": (99, "duplicate ID `t2` (first at line 31)"),
    "duplicate-person": (9, "two people have the ID `wang`"),
    # 4. an unknown node
    "unknown-node": (72, "t3: `next: lsot` names no turn or ending — did you mean `lost`?"),
    # 5. an unknown speaker
    "unknown-speaker": (54, "t3: unknown speaker `zhang`"),
    # 6. an unreachable node
    "unreachable": (94, "orphan: unreachable turn"),
    # 7. a path that never ends
    "never-ends": (94, "loop-a: this conversation never ends from here"),
    # 8. a choice back to its own turn
    "self-loop": (51, "t2: this choice leads back to its own turn"),
    # ... and of any length (the reviewer's C02: a loop of two turns was accepted)
    "two-turn-loop": (72, "t3: this choice leads back to turn `t2`, already passed (t2 → t3 → t2)"),
    # 9. the same words twice in a turn
    "same-say": (44, "t2: two choices say the same thing (first at line 36)"),
    # 10. a good and a bad ending
    "no-bad-ending": (94, "no bad ending"),
    # 11. good choices never end badly
    "good-to-bad": (65, "t3: a good choice leads to the bad ending `lost`"),
    # 12. the main path
    "short-main-path": (10, "takes 2 decisions; it needs 4 to 7"),
    "no-main-path": (10, "no main path"),
}


# ------------------------------------------------------------------ the rules
def test_the_valid_fixture_loads():
    conv = load_conversation(FIXTURES / "valid.yml")
    assert [t.id for t in conv.turns] == ["t1", "t2", "t3", "t4"]
    assert [t.id for t, _c in conv.main_path()] == ["t1", "t2", "t3", "t4"]


@pytest.mark.parametrize("name", sorted(RULES))
def test_each_rule_names_file_line_and_problem(name):
    line, message = RULES[name]
    path = FIXTURES / f"{name}.yml"
    with pytest.raises(DataError) as caught:
        load_conversation(path)
    error = caught.value
    assert error.path == path
    assert error.line == line, str(error)
    assert message in str(error), str(error)
    assert str(error).startswith(f"{path}:{line}: ")


def test_every_fixture_is_used():
    """A fixture nobody checks proves nothing."""
    names = {p.stem for p in FIXTURES.glob("*.yml")}
    assert names == set(RULES) | {"valid", "unknown-section"}


def test_unknown_section_is_reported_with_its_line():
    """Rule 13, checked against the course's labels as the CLI and the tests see them."""
    conv = load_conversation(FIXTURES / "unknown-section.yml")
    problems = course_problems({conv.id: conv}, page_labels(ROOT))
    assert len(problems) == 1
    problem = problems[0]
    assert problem.line == 42
    assert "t2: section `key-account-difference-three-steps` does not exist" in str(problem)
    assert "did you mean `key-account-difference-two-steps`?" in str(problem)


def test_teaching_notes_are_not_a_section_for_learners():
    conv = load_conversation(FIXTURES / "valid.yml")
    labels = {"key-account-difference-two-steps": "cases/notes/pinacor"}
    [problem] = course_problems({conv.id: conv}, labels)[:1]
    assert "is on cases/notes/pinacor, not on a chapter or case page" in str(problem)


def test_a_misspelt_suffix_is_refused_not_skipped(tmp_path):
    (tmp_path / "talk.yaml").write_text("id: talk\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"rename it to talk\.yml"):
        conversation_files(tmp_path)


def test_the_cli_reports_every_broken_file_and_exits_2():
    result = subprocess.run(
        [sys.executable, "-m", "tools.conversations", str(FIXTURES)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    for name, (line, _message) in RULES.items():
        assert f"{FIXTURES / name}.yml:{line}: " in result.stderr, name
    assert "key-account-difference-three-steps" in result.stderr


def test_the_cli_passes_the_course():
    result = subprocess.run([sys.executable, "-m", "tools.conversations"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "no problems" in result.stdout


# ------------------------------------------------------------------ the course's conversations
@pytest.fixture(scope="module")
def conversations():
    return load_conversations(FOLDER)


def test_every_conversation_is_valid_and_links_real_sections(conversations):
    assert set(PLACES) <= set(conversations)
    assert course_problems(conversations, page_labels(ROOT)) == []


def _placements() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for folder in ("book", "cases"):
        for path in sorted((ROOT / folder).rglob("*.md")):
            if "notes" in path.relative_to(ROOT).parts:
                continue
            for conv_id in DIRECTIVE.findall(path.read_text(encoding="utf-8")):
                found.setdefault(conv_id, []).append(path.relative_to(ROOT).as_posix())
    return found


def test_every_conversation_is_placed_exactly_once(conversations):
    placed = _placements()
    for conv_id in conversations:
        assert len(placed.get(conv_id, [])) == 1, f"{conv_id} is placed {placed.get(conv_id, [])}"
    assert set(placed) <= set(conversations), "a page places a conversation that has no file"


@pytest.mark.parametrize("conv_id", sorted(PLACES))
def test_the_three_are_placed_under_their_heading_after_the_self_check(conv_id):
    # Chapters close the same way: summary, mistakes, self-check, then the conversations.
    text = (ROOT / PLACES[conv_id]).read_text(encoding="utf-8")
    practice = text.index("\n## 对话练习\n")
    directive = text.index(f"```{{conversation}} {conv_id}\n")
    self_check = text.index("\n## 自测\n")
    assert self_check < practice < directive
    assert "\n## " not in text[practice + 1 : directive], "the directive sits in the 对话练习 section"


@pytest.mark.parametrize("conv_id", sorted(PLACES))
def test_the_three_end_well_twice_and_badly_at_least_once(conversations, conv_id):
    conv = conversations[conv_id]
    outcomes = [e.outcome for e in conv.endings]
    assert outcomes.count("good") >= 2 and outcomes.count("bad") >= 1
    low, high = MAIN_PATH
    assert low <= len(conv.main_path()) <= high
    assert conv.situation.startswith("（课程示例）"), "an invented account says so"


def test_the_kickback_conversation_refuses_and_reports(conversations):
    """Compliance: every way of paying ends badly, the good endings refuse and report."""
    conv = conversations["declining-a-kickback"]
    bribe = conv.node("bribe-paid")
    assert bribe.outcome == "bad" and "商业贿赂" in bribe.comment and "第八条" in bribe.comment
    paying = [c for t in conv.turns for c in t.choices if c.next == "bribe-paid"]
    assert len(paying) >= 3 and all(c.quality == "bad" for c in paying)
    for ending in conv.endings:
        if ending.outcome == "good":
            assert "报告" in ending.comment or "合规部" in ending.comment
    main = " ".join(c.say for _t, c in conv.main_path())
    assert "明令禁止" in main and "写进合同" in main and "合规部" in main


# ------------------------------------------------------------------ the HTML
SECTIONS = {"key-account-difference-two-steps": ("../book/key-account-difference.html#two-steps", "第 1 章 · 两步销售")}


def test_the_script_shows_every_turn_choice_reply_feedback_and_where_it_leads(conversations):
    conv = conversations["why-buy-this-kind"]
    soup = BeautifulSoup(script_html(conv, SECTIONS), "html.parser")
    turns = soup.select(".course-conversation-turn")
    assert [t.select_one(".course-conversation-step").get_text() for t in turns] == [
        f"第 {n} 步" for n in range(1, len(conv.turns) + 1)
    ]
    text = soup.get_text()
    ids = {node["id"] for node in soup.select("[id]")}
    for turn in conv.turns:
        for choice in turn.choices:
            assert choice.say in text and choice.feedback in text
            for line in choice.reply:
                assert line.text in text
    for link in soup.select(".course-conversation-next a"):
        assert link["href"][1:] in ids, link
    endings = soup.select(".course-conversation-ending")
    assert len(endings) == len(conv.endings)
    assert "结局 1（好的结局）：约好和生产、质量一起定试机" in endings[0].get_text()
    link = soup.select_one(f'a[href="{SECTIONS["key-account-difference-two-steps"][0]}"]')
    assert link is not None and link.get_text() == "第 1 章 · 两步销售"


def test_the_player_data_is_complete_and_safe_in_a_script_element(conversations):
    conv = conversations["declining-a-kickback"]
    html = conversation_html(conv, SECTIONS)
    soup = BeautifulSoup(html, "html.parser")
    raw = soup.select_one("script.course-conversation-data").string
    data = json.loads(raw)
    assert data == json.loads(json.dumps(conversation_data(conv, SECTIONS)))
    assert data["turns"][0]["id"] == conv.start.id
    assert {e["outcome"] for e in data["endings"]} >= {"good", "bad"}
    assert "</" not in raw
    assert soup.select_one("section.course-conversation")["id"] == anchor(conv.id)


# ------------------------------------------------------------------ the built site
def test_each_chapter_page_carries_its_conversation_and_the_player(site):
    for conv_id, source in PLACES.items():
        page = site / Path(source).with_suffix(".html")
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        section = soup.select_one(f"section#{anchor(conv_id)}")
        assert section is not None, conv_id
        # The player's data is in the page's data script, not in the page.
        assert section.select_one("script.course-conversation-data") is None
        kept = page_data.read(page_data.data_path(site, Path(source).with_suffix("").as_posix()))
        data = kept["conversation"][conv_id]
        for turn in data["turns"]:
            for choice in turn["choices"]:
                url = choice["section"]["url"]
                assert url and "#" in url and choice["section"]["text"], choice
        scripts = [s.get("src", "") for s in soup.select("script")]
        assert any("course-conversation.js" in s for s in scripts)
        assert any("course-store.js" in s for s in scripts)
        assert soup.select_one("script#course-conversation-texts") is not None


def test_section_links_lead_to_headings_that_exist(site):
    page = site / "book/purchase-factors.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one(f"section#{anchor('declining-a-kickback')}") is not None
    data = page_data.read(page_data.data_path(site, "book/purchase-factors"))["conversation"]["declining-a-kickback"]
    links = {c["section"]["url"] for t in data["turns"] for c in t["choices"]}
    for url in links:
        target, fragment = url.split("#")
        target_page = (page.parent / target).resolve() if target else page
        ids = {n["id"] for n in BeautifulSoup(target_page.read_text(encoding="utf-8"), "html.parser").select("[id]")}
        assert fragment in ids, url


def test_pages_without_a_conversation_load_nothing_of_it(site):
    for name in ("book/glossary.html", "book/references.html", "cases/pinacor.html"):
        html = (site / name).read_text(encoding="utf-8")
        assert "course-conversation" not in html, name


def test_the_progress_page_lists_every_placed_conversation(site):
    soup = BeautifulSoup((site / "book/progress.html").read_text(encoding="utf-8"), "html.parser")
    rows = soup.select(".course-conversation-progress tr[data-conversation]")
    ids = [row["data-conversation"] for row in rows]
    assert set(PLACES) <= set(ids)
    for row in rows:
        href = row.select_one("a")["href"]
        assert href.endswith("#" + anchor(row["data-conversation"]))
    assert any("course-conversation.js" in s.get("src", "") for s in soup.select("script"))


@pytest.mark.slow
def test_the_build_refuses_a_double_placement_an_unknown_id_and_an_unknown_section(broken_learner_build):
    """Carried by the run's one broken learner build (tests/broken_sources.py)."""
    log = broken_learner_build.log
    assert broken_learner_build.returncode != 0
    assert "conversation `why-buy-this-kind` is placed twice" in log
    assert "no conversation `no-such-talk`" in log
    assert re.search(
        r"unknown-section\.yml:42: (\S*WARNING: )?t2: section `key-account-difference-three-steps` does not exist", log
    ), log[-3000:]


# ------------------------------------------------------------------ the PDF
def test_the_script_is_in_the_pdf(pdf, conversations):
    from test_pdf import text_of

    text = re.sub(r"\s+", "", text_of(pdf))
    conv = conversations["why-buy-this-kind"]
    for phrase in [conv.title, "你可以这样说", "第1步", "点评", "到结局", "结局1（好的结局）"]:
        assert phrase.replace(" ", "") in text, phrase
    first = conv.start.choices[0]
    assert re.sub(r"\s+", "", first.feedback) in text
    kickback = conversations["declining-a-kickback"]
    assert re.sub(r"\s+", "", kickback.node("bribe-paid").comment) in text
