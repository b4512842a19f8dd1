"""The chapters teach the job: one running account (岚谷食品) through all six chapters, with
the analysis tools' presets for each stage of its story; common mistakes at the end of
every chapter; printable worksheets in the table of contents; the discussion of which
source said what kept in the teaching notes, not in the chapters or the self-check banks.

These read the Markdown sources (no build): the build itself checks the ``{tool-results}``
blocks against the tools and every cross-reference.
"""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import CHAPTERS, ROOT, section

from tools.widgets import api, zh

ACCOUNT = "岚谷食品"
PRESET_PREFIX = "langu-"
KINDS = ("relationship-map", "purchase-factors")
# A share link as the case pages write it, relative to a page in book/.
SHARE_LINK = re.compile(r'href="widgets/(relationship-map|purchase-factors)\.html#\1=preset:([\w-]+)"')
TOOL_RESULTS = re.compile(r"^```\{tool-results\} (\S+) (\S+)$", re.M)
CJK = re.compile(r"[\u3400-\u9fff]")
FENCE = re.compile(r"^(`{3,}|:{3,})")


def read(relative: str) -> str:
    return (ROOT / relative).read_text(encoding="utf-8")


def chapter(name: str) -> str:
    return read(f"book/{name}.md")


def heading_section(text: str, heading: str) -> str:
    """The text under ``## heading`` up to the next level-2 heading."""
    start = text.index(f"\n## {heading}\n")
    rest = text[start + len(heading) + 5 :]
    end = re.search(r"^## ", rest, flags=re.M)
    return rest[: end.start()] if end else rest


def prose(text: str) -> str:
    """The page without fenced blocks (diagrams, self-check, tool results, conversations):
    what a reader reads as running text, tables included."""
    kept, fence = [], None
    for line in text.splitlines():
        stripped = line.strip()
        if fence:
            if stripped and stripped == fence[0] * len(stripped) and len(stripped) >= len(fence):
                fence = None
            continue
        opening = FENCE.match(stripped)
        if opening and (stripped.startswith("```") or stripped.startswith(":::{conversation}")):
            fence = opening.group(1)
            continue
        kept.append(line)
    return "\n".join(kept)


def preset_names(kind: str) -> set[str]:
    return {name for name, _title, _data in zh.PRESETS[kind]}


def table_rows(block: str) -> list[list[str]]:
    """The body rows of the Markdown tables in ``block`` (header and rule lines dropped)."""
    rows, previous_was_table = [], False
    for line in block.splitlines():
        if not line.startswith("|"):
            previous_was_table = False
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not previous_was_table or all(re.fullmatch(r":?-+:?", cell) for cell in cells):
            previous_was_table = True  # a header line, or the rule under it
            continue
        rows.append(cells)
    return rows


# ---------------------------------------------------------------- the running account


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_chapter_follows_the_running_account_and_links_its_preset(name):
    text = chapter(name)
    assert ACCOUNT in prose(text), f"{name}: the running account {ACCOUNT} does not appear"
    linked = [(kind, preset) for kind, preset in SHARE_LINK.findall(text) if preset.startswith(PRESET_PREFIX)]
    assert linked, f"{name}: no share link opens a preset of the running account"
    for kind, preset in linked:
        assert preset in preset_names(kind), f"{name}: the link opens `{preset}`, which {kind} does not have"


def test_the_running_account_is_labelled_as_the_courses_own_illustration():
    intro = section(chapter("key-account-difference"), "key-account-difference-langu-intro")
    assert ":class: course-analysis" in intro
    assert "虚构" in intro


def test_every_preset_of_the_running_account_appears_in_a_chapter():
    pages = "".join(chapter(name) for name in CHAPTERS)
    linked = {(kind, preset) for kind, preset in SHARE_LINK.findall(pages)}
    for kind in KINDS:
        for preset in sorted(preset_names(kind)):
            if preset.startswith(PRESET_PREFIX):
                assert (kind, preset) in linked, f"{kind} preset `{preset}` is linked from no chapter"


@pytest.mark.parametrize("name", CHAPTERS)
def test_the_results_a_chapter_quotes_are_for_a_preset_it_links(name):
    text = chapter(name)
    linked = set(SHARE_LINK.findall(text))
    for kind, preset in TOOL_RESULTS.findall(text):
        assert (kind, preset) in linked, f"{name}: results of `{preset}` shown without a link to open it"


def contacts_in_tables(block: str) -> dict[str, tuple[tuple[int, ...], tuple[int, ...]]]:
    """Ratings a chapter states in a table headed 信任 / 融洽 / 接触 | 性价比 / 契合 / 履约."""
    found = {}
    for line in block.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 3 or not all(re.fullmatch(r"\d / \d / \d", cell) for cell in cells[1:3]):
            continue
        name = re.split(r"[，,]", cells[0])[0]
        personal = tuple(int(n) for n in cells[1].split(" / "))
        organisational = tuple(int(n) for n in cells[2].split(" / "))
        found[name] = (personal, organisational)
    return found


def test_ratings_stated_in_the_chapters_are_the_presets_ratings():
    checked = 0
    for name in CHAPTERS:
        text = chapter(name)
        # Each tool-results block is checked against the table closest before it.
        for match in TOOL_RESULTS.finditer(text):
            kind, preset = match.groups()
            if kind != "relationship-map" or not preset.startswith(PRESET_PREFIX):
                continue
            before = text[: match.start()]
            table_start = before.rfind("| 信任 / 融洽 / 接触 |")
            if table_start == -1 or before.rfind("```", 0, match.start()) > table_start:
                continue  # no ratings table since the previous fenced block
            table_start = before.rfind("\n", 0, table_start) + 1
            stated = contacts_in_tables(before[table_start:])
            data = dict((n, d) for n, _t, d in zh.PRESETS[kind])[preset]
            for contact in data["contacts"]:
                ratings = (
                    (contact["trust"], contact["rapport"], contact["frequency"]),
                    (contact["value"], contact["fit"], contact["promises"]),
                )
                assert stated.get(contact["name"]) == ratings, f"{name}: {contact['name']} in `{preset}`"
            checked += 1
    assert checked >= 3, "the chapters state the ratings of at least three relationship maps"


def test_the_running_account_presets_pass_the_tools_own_checks():
    for kind in KINDS:
        for preset, _title, data in zh.PRESETS[kind]:
            if preset.startswith(PRESET_PREFIX):
                assert not api.analyse(kind, data, "zh")["errors"], preset


# ---------------------------------------------------------------- chapter 6: review and plan

CHECKLIST_ID = re.compile(r"^\| ([A-G]\d) \|", re.M)


def test_chapter_six_reviews_the_running_account_in_every_checklist_group():
    text = chapter("from-transaction-to-partner")
    asked = CHECKLIST_ID.findall(section(text, "from-transaction-to-partner-checklist"))
    assert len(asked) >= 30 and {i[0] for i in asked} == set("ABCDEFG")
    example = section(text, "from-transaction-to-partner-example")
    assert ACCOUNT in example
    for question in asked:
        assert re.search(rf"(^\| {question} \||{question}[ ：])", example, flags=re.M), f"{question} has no answer"
    for gap in ("示意", "没交代", "案例没", "不详", "待定"):
        assert gap not in example, f"the review leaves a gap: “{gap}”"
    for row in table_rows(example):
        assert all(row), f"an empty cell in the review: {row}"


def test_chapter_six_ends_with_an_account_plan_with_a_timetable_and_next_actions():
    plan = section(chapter("from-transaction-to-partner"), "from-transaction-to-partner-plan")
    timetable = [row for row in table_rows(plan) if re.match(r"第 \d+(–\d+)? 个月", row[0])]
    assert len(timetable) >= 4, "a timetable of at least four periods"
    assert all(len(row) == 5 and all(row) for row in timetable), "each period: goal, actions, owner, sign"
    for part in ("目标", "风险", "资源", "下一步"):
        assert re.search(rf"\*\*[^*]*{part}", plan), f"the plan has no {part}"


# ---------------------------------------------------------------- worksheets


def toc_files() -> list[str]:
    toc = yaml.safe_load(read("_toc.yml"))
    files = []

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                files.append(entry["file"])
            for key in ("parts", "chapters", "sections"):
                walk(entry.get(key))

    walk(toc.get("parts"))
    return files


@pytest.mark.parametrize("sheet", ["account-review", "account-plan"])
def test_worksheets_are_pages_in_the_table_of_contents(sheet):
    assert f"book/worksheets/{sheet}" in toc_files()
    assert (ROOT / "book" / "worksheets" / f"{sheet}.md").is_file()


def test_the_review_worksheet_asks_every_checklist_question_with_room_to_answer():
    sheet = read("book/worksheets/account-review.md")
    checklist = section(chapter("from-transaction-to-partner"), "from-transaction-to-partner-checklist")
    for question in CHECKLIST_ID.findall(checklist):
        assert question in sheet, f"the worksheet leaves out {question}"
    rows = table_rows(sheet)
    questions = [row for row in rows if re.fullmatch(r"[A-G]\d", row[0])]
    assert questions and all(row[-1] == "" for row in questions), "every answer cell is blank"
    blank_rows = [row for row in rows if not any(row)]
    assert len(blank_rows) >= 10, "blank rows for contacts, individuals and actions"
    assert sheet.count("{.worksheet") >= 8, "every table carries the worksheet class (print layout)"


def test_the_plan_template_has_the_investment_gate_and_a_blank_timetable():
    sheet = read("book/worksheets/account-plan.md")
    assert "| 时间 | 阶段目标 | 关键行动 | 负责人 | 完成的标志 |" in sheet
    timetable = heading_section(sheet, "三、时间表")
    assert sum(1 for row in table_rows(timetable) if not any(row)) >= 4
    gate = heading_section(sheet, "一、值不值得投入")
    assert len(table_rows(gate)) >= 5 and all(row[-1] == "" for row in table_rows(gate))


# ---------------------------------------------------------------- what a new hire needs


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_chapter_ends_with_three_to_five_common_mistakes(name):
    text = chapter(name)
    assert "\n## 常见错误\n" in text, f"{name}: no 常见错误 section"
    mistakes = heading_section(text, "常见错误")
    items = re.findall(r"^\d\. \*\*", mistakes, flags=re.M)
    assert 3 <= len(items) <= 5, f"{name}: {len(items)} common mistakes"


CLOSING = ["本章要点", "常见错误", "自测", "对话练习", "练习与案例", "这周在你的客户上"]


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_chapter_opens_and_closes_the_same_way(name):
    """Opens: objectives, the time to read and practise, what it lets you do on your own
    account, where the running example stands. Closes: summary, mistakes, self-check,
    conversation, cases (chapter 6 keeps its tool and case index before them) and one thing
    to do on your own account this week."""
    text = chapter(name)
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert headings[0] == "学习目标", name
    opening = heading_section(text, "学习目标")
    assert "```{chapter-time}" in opening, f"{name}: no time line"
    assert "**学完这一章，在你自己的客户上**：" in opening and "**岚谷食品此时**：" in opening, name
    assert re.match(r"---\npromise: .+\n---\n", text), f"{name}: no promise for the home page"
    closing = headings[headings.index("本章要点") :]
    assert [h for h in closing if h != "工具与案例索引"] == CLOSING, f"{name}: {closing}"
    week = heading_section(text, "这周在你的客户上")
    assert re.search(r"\{doc\}`[^`]*</book/(worksheets|widgets)/", week), (
        f"{name}: this week's action uses no worksheet or tool"
    )


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_chapter_has_between_3000_and_8000_characters_of_prose(name):
    count = len(CJK.findall(prose(chapter(name))))
    assert 3000 <= count <= 8000, f"{name}: {count} Chinese characters of prose"


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapters_teach_rather_than_discuss_their_sources(name):
    # A one-line tag may say what is the course's own; the discussion of which source said
    # what lives in the teaching notes (cases/notes/*.md, 原始资料与本章).
    assert chapter(name).count("原始资料") <= 2, f"{name}: mentions 原始资料 more than twice"


def test_the_source_discussion_is_in_the_teaching_notes():
    notes = "".join(read(f"cases/notes/{case}.md") for case in ("zhang-jin", "xiao-cui", "telecom-operator", "pinacor"))
    assert notes.count("## 原始资料与本章") == 4
    for fact in ("孕育阶段", "三条", "表", "汽车"):
        assert fact in notes


def test_chapter_two_speaks_to_the_new_hire():
    text = chapter("purchase-factors")
    for_you = section(text, "purchase-factors-for-you")
    assert "对你意味着什么" in for_you.splitlines()[0]
    assert len(re.findall(r"^- \*\*", for_you, flags=re.M)) >= 3


def test_chapter_four_shows_how_to_tell_the_stage_and_whether_to_invest():
    text = chapter("kam-stages")
    signs = section(text, "kam-stages-signs")
    stages = [row[0] for row in table_rows(signs)]
    for stage in ("前大客户阶段", "初期阶段", "中期阶段", "伙伴式阶段", "协作式阶段", "解除关系"):
        assert stage in stages, f"no observable signs for {stage}"
    gate = section(text, "kam-stages-gate")
    assert len(re.findall(r"^\d\. \*\*", gate, flags=re.M)) == 5
    assert "BATNA" in section(text, "kam-stages-negotiation")
    assert "招标" in section(text, "kam-stages-langu")


def test_chapter_five_analyses_pinacor():
    pinacor = section(chapter("relationship-management"), "relationship-management-pinacor")
    for idea in ("整体思维", "动态适应", "客户细分", "同质化"):
        assert idea in pinacor, f"the Pinacor analysis does not use {idea}"
    assert "preset:pinacor-before" in pinacor and "preset:pinacor-after" in pinacor


# ---------------------------------------------------------------- self-check banks


def asked_texts(item: dict) -> list[str]:
    """What an item puts in front of the learner as the question and its choices."""
    texts = [item.get("prompt", ""), item.get("scenario", "")]
    texts += [option.get("text", "") for option in item.get("options", [])]
    texts += item.get("steps", [])
    texts += [pair[side] for pair in item.get("pairs", []) for side in ("left", "right")]
    return texts


@pytest.mark.parametrize("bank", sorted((ROOT / "exercises").glob("*.yml")), ids=lambda p: p.stem)
def test_no_self_check_item_asks_about_the_sources(bank):
    for item in yaml.safe_load(bank.read_text(encoding="utf-8"))["items"]:
        for text in asked_texts(item):
            assert "资料" not in text, f"{item['id']} asks about the sources: {text[:40]}"


# ---------------------------------------------------------------- printing a worksheet

# A4 (210 mm) less the 15 mm margins Chromium prints with by default, in CSS px (96 dpi).
A4_TEXT_WIDTH = round((210 - 2 * 15) / 25.4 * 96)
MM = 96 / 25.4


@pytest.mark.browser
@pytest.mark.parametrize("sheet", ["account-review", "account-plan"])
def test_a_printed_worksheet_fits_the_page_and_leaves_room_to_write(browser, server, sheet):
    context = browser.new_context(viewport={"width": A4_TEXT_WIDTH, "height": 1000})
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(f"{server}book/worksheets/{sheet}.html")
    page.wait_for_load_state("networkidle")
    tables = page.evaluate(
        """() => [...document.querySelectorAll('table.worksheet')].map((t) => {
            const r = t.getBoundingClientRect();
            return {left: r.left, right: r.right, width: r.width};
        })"""
    )
    # The cells a hand fills in: the last cell of a question row, every cell of a blank row.
    heights = page.evaluate(
        """() => [...document.querySelectorAll('table.worksheet:not(.worksheet-head) tbody tr')]
            .flatMap((tr) => [...tr.cells].filter((td) => !td.textContent.trim()))
            .map((td) => td.getBoundingClientRect().height)"""
    )
    contents_list = page.locator("#jb-print-toc")
    shows_contents = contents_list.count() > 0 and contents_list.first.is_visible()
    context.close()
    assert len(tables) >= 6
    for table in tables:
        assert table["left"] >= -0.5 and table["right"] <= A4_TEXT_WIDTH + 0.5, f"{sheet}: a table runs off the page"
        assert table["width"] >= 0.9 * A4_TEXT_WIDTH, f"{sheet}: a table does not take the page's width"
    assert heights and min(heights) >= 9.5 * MM, f"{sheet}: a blank cell is {min(heights) / MM:.1f} mm high"
    assert not shows_contents, f"{sheet}: the printed sheet starts with the page's contents list"
