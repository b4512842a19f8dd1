"""Cases: the course's cases load with everything a trainer needs on each page; each
malformed file is named to the line; the cases index is a complete table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import CHAPTERS, ROOT

from tools.cases.model import check_notes, load_case, load_cases
from tools.cases.strings import STRINGS, strings
from tools.data.yamlfile import DataError

CHAPTER_NAMES = set(CHAPTERS)
GOOD = """---
case:
  id: {id}
  title: 测试案例
  chapters: [purchase-factors]
  format: 小组讨论
  duration: 30
  skills: [识别关系类型]
---
(case-{id})=
# 案例

(case-{id}-situation)=
## 情境

(case-{id}-tasks)=
## 任务与讨论题
"""


def test_course_cases_load():
    cases = load_cases(ROOT / "cases", CHAPTER_NAMES)
    assert {c.id for c in cases} >= {"pinacor", "zhang-jin", "xiao-cui", "li-xiang", "rule-breaker", "telecom-operator"}


def write(tmp_path: Path, text: str, name: str = "demo") -> Path:
    path = tmp_path / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_case(tmp_path):
    case = load_case(write(tmp_path, GOOD.format(id="demo")), CHAPTER_NAMES)
    assert case.duration == 30 and case.chapters == ("purchase-factors",)


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (("duration: 30", "duration: 半小时"), 7, "`duration` must be minutes"),
        (("id: demo", "id: other"), 3, "must equal the file name"),
        (("chapters: [purchase-factors]", "chapters: [no-such-chapter]"), 5, "unknown chapter `no-such-chapter`"),
        (("  skills: [识别关系类型]\n", ""), 2, "`skills` is missing (a list of skills)"),
        (("format: 小组讨论", "format: ''"), 6, "`format` is missing or empty"),
        (("title: 测试案例", "title: [oops"), 4, "not valid YAML"),
        (("skills: [识别关系类型]", "skills: [识别关系类型]\n  level: 高"), 9, "unknown key `level`"),
        (("skills: [识别关系类型]", "skils: [识别关系类型]"), 8, "unknown key `skils` — did you mean `skills`?"),
        (("id: demo", "id: demo\n  id: demo"), 4, "duplicate key `id` (first at line 3)"),
        (("duration: 30", "duration: 30分钟"), 7, "`duration` must be minutes between 5 and 600, not '30分钟'"),
        (("chapters: [purchase-factors]", "chapters: purchase-factors"), 5, "must be a list of chapters, not"),
        (("chapters: [purchase-factors]", "chapters: [purchase-factor]"), 5, "did you mean `purchase-factors`?"),
        (("title: 测试案例", "title: 2024"), 4, "`title` must be text, not the number 2024"),
    ],
)
def test_malformed_case_names_file_and_line(tmp_path, change, line, message):
    path = write(tmp_path, GOOD.format(id="demo").replace(*change))
    with pytest.raises(DataError) as info:
        load_case(path, CHAPTER_NAMES)
    assert info.value.path == path
    assert info.value.line == line, str(info.value)
    assert message in str(info.value)
    assert str(info.value).startswith(f"{path}:{line}:")


FIXTURES = ROOT / "tests" / "fixtures" / "cases"
BROKEN = {
    "unknown-key.md": (10, "unknown key `skils` — did you mean `skills`?"),
    "duplicate-key.md": (10, "duplicate key `title` (first at line 5)"),
    "not-utf8.md": (5, "is not UTF-8 text (byte 0xb2 on this line; it looks like GBK"),
    "label-in-code-fence.md": (11, "the page has no label `(case-label-in-code-fence-tasks)=` outside code"),
}


def test_every_case_fixture_has_a_case():
    assert {p.name for p in FIXTURES.iterdir()} == set(BROKEN)


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_case_fixture_is_named_to_the_line(name):
    path = FIXTURES / name
    assert "# Rule: " in path.read_bytes().decode("utf-8", "replace").splitlines()[1]
    line, message = BROKEN[name]
    with pytest.raises(DataError) as info:
        load_case(path, CHAPTER_NAMES)
    assert info.value.path == path
    assert (info.value.line, message in info.value.message) == (line, True), str(info.value)


def test_page_without_front_matter(tmp_path):
    with pytest.raises(DataError, match="front matter"):
        load_case(write(tmp_path, "# 没有元数据\n"), CHAPTER_NAMES)


def test_case_page_without_a_section_label(tmp_path):
    """Handouts cut a case page by its labels, so a missing one fails at the first body line."""
    path = write(tmp_path, GOOD.format(id="demo").replace("(case-demo-tasks)=\n", ""))
    with pytest.raises(DataError) as info:
        load_case(path, CHAPTER_NAMES)
    assert info.value.line == 10, str(info.value)
    assert "no label `(case-demo-tasks)=`" in str(info.value)


def test_every_case_has_notes_with_their_labels():
    for case in load_cases(ROOT / "cases", CHAPTER_NAMES):
        check_notes(case)


def test_missing_notes_and_unlabelled_notes_are_named(tmp_path):
    (tmp_path / "notes").mkdir()
    case = load_case(write(tmp_path, GOOD.format(id="demo")), CHAPTER_NAMES)
    with pytest.raises(DataError, match=r"no teaching notes .*notes/demo\.md"):
        check_notes(case)
    notes = tmp_path / "notes" / "demo.md"
    notes.write_text("(notes-demo)=\n# 教学笔记\n\n(notes-demo-answers)=\n## 参考答案\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        check_notes(case)
    assert info.value.path == notes and "no label `(notes-demo-grading)=`" in str(info.value)


# What every case page gives a trainer: objectives and the chapters practised, the
# situation, the tasks, format and time, and which analysis tool to use.
HEADINGS = ["学习目标", "情境", "任务与讨论题", "建议形式与时间", "使用分析工具"]
TOOLS = ("widget-relationship-map", "widget-purchase-factors")


@pytest.mark.parametrize("case", load_cases(ROOT / "cases", CHAPTER_NAMES), ids=lambda c: c.id)
def test_case_page_has_every_part(case):
    text = case.path.read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings == HEADINGS, headings
    practised = re.search(r"^- 本案例练习的章节[:：](.+)$", text, re.M)
    assert practised, "the objectives end with the chapters practised"
    assert re.findall(r"\{doc\}`/book/([\w-]+)`", practised.group(1)) == list(case.chapters)
    tools = text[text.index("## 使用分析工具") :]
    assert any(f"<{tool}>" in tools for tool in TOOLS), "the tool section links to the tool it uses"
    assert re.search(r"\d+ 分钟", text[text.index("## 建议形式与时间") :]), "format and time in minutes"


def test_cases_index_cards(site):
    """The index has a card per case, in TOC order: its title linking to the case, the
    skills it practises, and its chapters (by title), format and duration."""
    cases = {c.id: c for c in load_cases(ROOT / "cases", CHAPTER_NAMES)}
    soup = BeautifulSoup((site / "cases" / "index.html").read_text(encoding="utf-8"), "html.parser")
    cards = soup.select("article .course-card-case")
    assert len(cards) == len(cases)
    for card in cards:
        case = cases[card.select_one("a.sd-stretched-link")["href"].removesuffix(".html")]
        assert card.select_one(".sd-card-title").get_text(strip=True) == case.title
        text = card.get_text(" ", strip=True)
        assert "、".join(case.skills) in text
        meta = card.select_one(".course-card-time").get_text(strip=True)
        titles = [
            (ROOT / "book" / f"{c}.md").read_text(encoding="utf-8").split("\n# ", 1)[1].split("\n", 1)[0]
            for c in case.chapters
        ]
        assert meta == f"{'、'.join(titles)} · {case.format} · {case.duration} 分钟"
        assert not card.select(".sd-card-body a"), "no link inside the card's link"


def test_ui_strings_complete_in_every_language():
    keys = set(STRINGS["zh_CN"])
    for language, table in STRINGS.items():
        assert set(table) == keys, language
        assert all(value.strip() for value in table.values()), language
    assert strings("zh-CN") is STRINGS["zh_CN"]
    with pytest.raises(KeyError, match="no UI strings for language 'xx'"):
        strings("xx")
