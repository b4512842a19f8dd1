"""Faults the strict build must name, made in a copy of the sources.

They are carried by the one broken learner build of the run (``broken_learner_build`` in
tests/trainer_fixtures.py), beside the teaching-notes routes: each fault sits in a file of
its own or is appended, so that none hides another, and each build costs a minute."""

from __future__ import annotations

import re
from pathlib import Path

CONVERSATION_FIXTURES = Path(__file__).parent / "fixtures" / "conversations"


def break_the_course(src: Path) -> None:
    """A broken reference, a page missing from the TOC, a TOC entry with no file, a diagram
    without alt text, a malformed case file, a case label hidden in a code block, a widget
    with an unknown example, a renamed label the widgets link to and the bank rules (ID
    prefix, section in its own chapter, a bank with no chapter); and a case title with a
    backtick, which is no fault at all."""
    chapter = src / "book" / "kam-stages.md"
    chapter.write_text(
        chapter.read_text(encoding="utf-8")
        + "\n\n见 {ref}`no-such-label`。\n\n```{graphviz}\ndigraph { a -> b }\n```\n"
        + "\n```{relationship-map}\n:example: no-such-example\n```\n",
        encoding="utf-8",
    )
    (src / "book" / "orphan.md").write_text("# 孤立页面\n", encoding="utf-8")
    toc = src / "_toc.yml"
    toc.write_text(
        toc.read_text(encoding="utf-8").replace(
            "      - file: book/glossary\n", "      - file: book/glossary\n      - file: book/missing-page\n"
        ),
        encoding="utf-8",
    )
    case = src / "cases" / "zhang-jin.md"
    case.write_text(case.read_text(encoding="utf-8").replace("duration: 45", "duration: 三刻钟"), encoding="utf-8")
    # A case whose required label only appears inside a code block (it is no label).
    fenced = src / "cases" / "rule-breaker.md"
    text = fenced.read_text(encoding="utf-8")
    fenced.write_text(text.replace("(case-rule-breaker-tasks)=\n", "```md\n(case-rule-breaker-tasks)=\n```\n"))
    # A case title with a backtick: shown as written in the index, not read as markup.
    titled = src / "cases" / "xiao-cui.md"
    text = titled.read_text(encoding="utf-8")
    titled.write_text(re.sub(r"(?m)^  title: .*$", "  title: 小崔与`招待`费用 | *草稿*", text, count=1))
    # A label the analysis tools link to, renamed in its chapter.
    chapter = src / "book" / "purchase-factors.md"
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text.replace("(purchase-factors-gap)=", "(purchase-factors-gaps)="), encoding="utf-8")
    # Bank rules: an ID with another chapter's prefix, a section of another chapter, a bank
    # for a chapter that does not exist.
    bank = src / "exercises" / "kam-stages.yml"
    text = bank.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^  - id: ks-01$", "  - id: pf-91", text, count=1)
    text = re.sub(r"(?m)^    section: kam-stages-\S+$", "    section: purchase-factors-two-levels", text, count=1)
    bank.write_text(text, encoding="utf-8")
    (src / "exercises" / "no-such-chapter.yml").write_text(
        "chapter: no-such-chapter\nitems:\n  - id: nsc-01\n    type: truefalse\n    section: kam-stages-four\n"
        "    prompt: 对吗？\n    answer: true\n    explanation: 对。\n"
        "    objective: 1\n    difficulty: 1\n    level: 理解\n    basis: 课程分析\n",
        encoding="utf-8",
    )


def misplace_conversations(src: Path) -> None:
    """A conversation placed twice, an unknown one placed, and one linking a section that
    does not exist."""
    bad = (CONVERSATION_FIXTURES / "unknown-section.yml").read_text(encoding="utf-8")
    (src / "exercises" / "conversations" / "unknown-section.yml").write_text(bad, encoding="utf-8")
    page = src / "book" / "references.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\n```{conversation} why-buy-this-kind\n```\n\n```{conversation} no-such-talk\n```\n",
        encoding="utf-8",
    )
