"""What a compliance reviewer and a sales-training editor check in the course text.

The course keeps its sources' analysis of entertainment budgets and kickbacks, but it must
never present hospitality or payments as a way to win orders, it must name the law in force,
and the case of the rule-breaking top rep must start with stopping the conduct.
"""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, section


def course_files() -> list:
    files = sorted((ROOT / "book").glob("*.md")) + sorted((ROOT / "cases").rglob("*.md"))
    return files + sorted((ROOT / "exercises").glob("*.yml"))


def read(relative: str) -> str:
    return (ROOT / relative).read_text(encoding="utf-8")


def paragraph_after(text: str, label: str) -> str:
    """The paragraph that a ``(label)=`` line names (a label on a paragraph, not a heading)."""
    return text.split(f"({label})=\n", 1)[1].split("\n\n", 1)[0]


# Phrases that present hospitality as buying orders, lock customers in, or use a term the
# law does not use; each was in the text the review read.
FORBIDDEN = {
    "换来订单": "entertainment presented as buying orders",
    "物有所值": "entertainment presented as worth its price in orders",
    "拨向自己": "entertainment presented as tipping the balance to us",
    "关系维护额度": "a budget line for 'maintaining relationships'",
    "照顾他的个人处境": "invites the reading 'look after the buyer personally'",
    "竞业禁止": "the legal term is 竞业限制",
    "继续容忍": "tolerating kickbacks offered as an option",
    "离不开公司": "lock-in language",
    "让客户离不开": "lock-in language",
    "《寸步不让》": "unverified Chinese title of Getting to Yes",
    "给予某种奖励或回报": "rewards not tied to the customer organisation",
}


@pytest.mark.parametrize("phrase", sorted(FORBIDDEN))
def test_no_course_text_uses_the_phrase(phrase):
    hits = []
    for path in course_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if phrase in line:
                hits.append(f"{path.relative_to(ROOT)}:{number}")
    assert not hits, f"“{phrase}” ({FORBIDDEN[phrase]}) at {', '.join(hits)}"


def test_chapter_two_has_a_compliance_section_naming_the_law_in_force():
    text = read("book/purchase-factors.md")
    red_lines = section(text, "purchase-factors-compliance")
    assert "合规红线" in red_lines.splitlines()[0]
    for needed in [
        "反不正当竞争法",
        "第八条",
        "第二十四条",
        "2025 年 10 月 15 日",
        "商业贿赂",
        "如实入账",
        "刑法",
        "招投标",
        "国有",
        "现金",
        "合规部门",
        "不是法律意见",
    ]:
        assert needed in red_lines, f"the 合规红线 section does not mention {needed}"
    assert "{term}`商业贿赂`" in text


def test_the_guide_says_the_course_is_not_legal_advice():
    guide = read("book/guide.md")
    assert "不是法律意见" in guide and "合规" in guide


def test_the_rule_breaker_is_stopped_and_escalated_first():
    chapter = section(read("book/purchase-factors.md"), "purchase-factors-sales-force")
    assert "合规部门" in chapter
    # Stopping the conduct comes before any work on his accounts.
    assert chapter.index("立即") < chapter.index("并行")
    notes = read("cases/notes/rule-breaker.md")
    assert "第 9–12 周：按他的表现作决定" not in notes
    assert "合规部门" in section(notes, "notes-rule-breaker-answers")
    case = read("cases/rule-breaker.md")
    assert "合规部门" in section(case, "case-rule-breaker-tasks")
    bank = read("exercises/purchase-factors.yml")
    assert "关键在于处理他会不会带走客户" not in bank


def test_follow_up_rewards_go_to_the_customer_organisation():
    follow_up = section(read("book/relationship-management.md"), "relationship-management-follow-up")
    for needed in ["合同", "入账", "个人"]:
        assert needed in follow_up


def test_glossary_defines_the_legal_terms():
    glossary = read("book/glossary.md")
    for term in ["商业贿赂", "竞业限制"]:
        assert re.search(rf"^{term}\n  \S", glossary, flags=re.M), f"no glossary entry for {term}"
    assert "劳动合同法" in glossary


def test_glossary_keeps_its_own_order():
    # Sphinx's :sorted: orders by code point, which scatters Chinese terms; the file is kept
    # in pinyin order instead.
    assert ":sorted:" not in read("book/glossary.md")


def test_the_two_axes_are_not_said_to_be_independent():
    types = read("book/relationship-types.md")
    assert "并不会跟着动" not in types
    assert "互相带动" in types


def test_citations_are_complete():
    references = read("book/references.md")
    weitz = paragraph_after(references, "ref-weitz-castleberry-tanner")
    assert "(2009)" in weitz and "7th ed." in weitz
    stages = section(read("book/kam-stages.md"), "kam-stages-later")
    assert "解体型" in stages


def test_promise_keeping_is_stated_the_same_way_in_objective_body_and_takeaways():
    text = read("book/kam-stages.md")
    steps = "问清、兑现、测量、许诺有度、补救"
    objectives = text.split("(kam-stages-skills)=")[0]
    assert steps in objectives
    assert steps in text.split("## 本章要点")[1]
    integrity = section(text, "kam-stages-integrity")
    assert len(re.findall(r"^\d\. \*\*", integrity, flags=re.M)) == 5
