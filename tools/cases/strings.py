"""Every UI string of the case material, per language: the trainer edition's links between
case pages and notes, the printable handouts and the assignment builder.

The course is Simplified Chinese first; an English edition adds an ``"en"`` table with the
same keys (a test checks that every table has every key).
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "zh_CN": {
        # The trainer edition (site title, links the trainer extension adds to pages).
        "trainer_title": "{title}（培训师版）",
        "notes_link": "→ 本案例的教学笔记（培训师版）",
        "case_link": "← 回到案例页面（学员看到的内容）",
        # The marking of every trainer-only page, on screen and on every printed page
        # (tools/sphinxext/trainer_mark.py, the trainer PDF, the notes sheets).
        "trainer_mark": "培训师资料·请勿发给学员",
        # Handouts: a case's situation and tasks on paper.
        "course": "关系销售",
        "handout": "案例材料",
        "worksheet": "工作表（可在 PDF 阅读器里填写）",
        "notes_sheet": "教学笔记",
        "trainer_only": "培训师用 · 请勿发给学员",
        "name_line": "姓名：________________  日期：____________",
        "format": "形式：{format}",
        "duration": "时长：{minutes} 分钟",
        "chapters": "对应章节：{chapters}",
        "list_separator": "、",
        "page": "第 {page} 页",
        # Assignments: chosen cases and self-check items, with a separate answer key.
        "assignment": "作业",
        "answer_key": "答案",
        "key_subtitle": "{title} · 答案与评分参考",
        "cases_count": "案例 {count} 个",
        "items_count": "自测题 {count} 道",
        "items_part": "自测题（共 {count} 题）",
        "items_key": "自测题答案与解析（共 {count} 题）",
        "model_answers": "参考答案与评分要点：{title}",
        "model_answers_from": "摘自本案例的教学笔记（培训师版）；常见误区和课堂组织见笔记全文。",
        # Markable paper: answer space, points, the answer grid, forms A and B.
        "points": "{points} 分",
        "total": "满分 {points} 分",
        "score_line": "得分：________",
        "form": "{form} 卷",
        "true": "对",
        "false": "错",
        "your_order": "你的顺序（写字母）：",
        "your_pairs": "你的配对（如 1—A）：",
        "case_answer": "作答区",
        "grid": "答案速查",
        "grid_number": "题号",
        "grid_item": "题目",
        "grid_answer": "答案",
        "grid_points": "分值",
        "grid_case": "见下文参考答案与评分要点",
        "grid_total": "合计",
    },
}

DEFAULT_LANGUAGE = "zh_CN"


def strings(language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """The table for ``language`` (``zh_CN`` or ``zh-CN``, as Sphinx or HTML spell it)."""
    key = language.replace("-", "_")
    if key not in STRINGS:
        raise KeyError(f"no UI strings for language {language!r} (have: {', '.join(STRINGS)})")
    return STRINGS[key]
