"""Every text the course's own page scripts show, per language: the self-checks, the progress
page, the browser store's notice and the confirmation dialog.

The analysis tools keep theirs with the rest of their texts (``tools/widgets/zh.py``).
Texts that take values use ``{name}`` placeholders, filled by the scripts. An English
edition adds an ``"en"`` table with the same keys.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, dict[str, str]]] = {
    "zh_CN": {
        # course-store.js, said once by every interactive part of a page when the browser
        # keeps nothing (storage missing, blocked or full).
        "store": {
            "unavailable": (
                "这个浏览器不允许本站保存数据：本页照常可以使用，但离开或刷新页面后，这里的作答和输入都不会保留。"
            ),
        },
        # course-confirm.js: the dialog before anything is thrown away.
        "dialog": {
            "cancel": "取消",
        },
        # course-quiz.js: the self-checks of a chapter.
        "quiz": {
            "true": "对",
            "false": "错",
            "check": "检查答案",
            "reveal": "显示答案",
            "retry": "重做",
            "choose_all": "选择所有正确的选项",
            "choose_one": "选择一个答案",
            "order_label": "当前顺序（用“上移”“下移”按钮调整）",
            "up": "↑ 上移",
            "down": "↓ 下移",
            "up_label": "上移：{step}",
            "down_label": "下移：{step}",
            "moved": "“{step}”移到第 {n} 位",
            "choose_placeholder": "请选择…",
            "incomplete_matching": "请先为每一项选择一个配对。",
            "incomplete": "请先选择答案。",
            "verdict_correct": "✓ 回答正确。",
            "verdict_wrong": "✗ 还不对，看看下面的解析再试一次。",
            "verdict_revealed": "答案已显示（这题不计为答对）。",
            "statement_true": "这句话是对的。",
            "statement_false": "这句话是错的。",
            "tag_right_picked": "应选，你选了",
            "tag_right_missed": "应选，你没选",
            "tag_wrong_picked": "不该选，你选了",
            "tag_wrong": "不该选",
            "tag_correct_option": "正确选项",
            "tag_wrong_option": "错误选项",
            "option_line": "{letter}（{tag}）：{explanation}",
            "right_order": "正确顺序：{order}",
            "pair_right": "（配对正确）",
            "pair_wrong": "（配对不对）",
            "pair_line": "{n}. {left} → {right}{verdict}：{explanation}",
            "score": "本章得分：答对 {right} / {total} 题（已作答 {done} 题）",
            "reset": "清除本章进度",
            "reset_title": "清除本章进度？",
            "reset_body": "本章 {total} 道自测题的作答记录都会删除，删除后不能恢复。",
            "reset_confirm": "清除本章进度",
            "reset_done": "本章进度已清除。",
        },
        # course-quiz.js on the progress page.
        "progress": {
            "static_summary": "进度保存在你的浏览器里；启用 JavaScript 后这里显示每章的作答情况。",
            "col_chapter": "章节",
            "col_total": "题数",
            "col_done": "已作答",
            "col_correct": "答对",
            "summary": "全部 {total} 题：已作答 {done} 题，答对 {right} 题。",
            "reset": "清除全部进度",
            "reset_title": "清除全部进度？",
            "reset_body": "所有章节自测题的作答记录都会删除，删除后不能恢复。",
            "reset_confirm": "清除全部进度",
            "reset_done": "全部进度已清除。",
        },
    },
}

DEFAULT_LANGUAGE = "zh_CN"


def texts(language: str = DEFAULT_LANGUAGE) -> dict[str, dict[str, str]]:
    """The table for ``language`` (``zh_CN`` or ``zh-CN``)."""
    key = (language or DEFAULT_LANGUAGE).replace("-", "_")
    if key not in TEXTS:
        raise KeyError(f"no page-script texts for language {language!r} (have: {', '.join(TEXTS)})")
    return TEXTS[key]
