"""Every Chinese text of conversation practice: the static script (no JavaScript, print, the
PDF), the interactive player (``course-conversation.js`` reads ``PLAYER`` from the page) and
the conversations' part of the progress page.

Texts that take values use ``{name}`` placeholders, filled by ``render.py`` or the player.
An English edition adds a table with the same keys.
"""

from __future__ import annotations

# How good a choice is, and how an ending turned out (the data says good, mixed or bad).
QUALITY = {"good": "好的说法", "mixed": "可以更好", "bad": "不妥"}
OUTCOME = {"good": "好的结局", "mixed": "一般的结局", "bad": "不好的结局"}

STATIC = {
    "kicker": "对话练习",
    "kicker_sep": " · ",  # between the kicker and the title where no style draws the kicker as a badge
    "situation": "情境",
    "goal": "你的目标",
    "people": "对话的人",
    "person": "{name}：{role}",
    "howto": (
        "下面是整段对话的脚本：从第 1 步读起，每一步列出你可以说的几种话、对方的反应和点评，"
        "每种说法后面注明接下去是哪一步或哪个结局。启用 JavaScript 的浏览器里，这里是可以一步步选择的练习。"
    ),
    "turn": "第 {n} 步",
    "choices": "你可以这样说：",
    "you": "你",
    "speaker": "{name}：",
    "quality": "（{quality}）",
    "feedback": "点评：",
    "section": "相关章节：",
    "go_turn": "接第 {n} 步",
    "go_ending": "到结局 {n}：{title}",
    "endings": "结局",
    "ending": "结局 {n}",
    "outcome": "（{outcome}）",
}

# The player (course-conversation.js); {n}, {title}, {done}, {total} are filled there.
PLAYER = {
    "quality": QUALITY,
    "outcome": OUTCOME,
    "you": "你",
    "speaker": "{name}：",
    "turn": "第 {n} 步",
    "choose": "你怎么说？",
    "feedback": "点评",
    "section": "相关章节：",
    "ending": "{outcome}：{title}",
    "restart": "重新开始",
    "restart_label": "重新开始这段对话：{title}",
    "started": "对话已重新开始。第 1 步。",
    "back": "退回一步",
    "back_label": "退回一步，换一种说法：{title}",
    "went_back": "已退回一步。第 {n} 步。",
    "resumed": "接着上次的地方：第 {n} 步。",
    "reached": "到达{outcome}：{title}",
    "status_new": "你还没有完成这段对话。",
    "status_done": "你已完成这段对话，到过 {done} / {total} 个结局：{titles}。试试别的说法，看看会走到哪里。",
    "title_sep": "、",
}

# The progress page's table of conversations (filled in by the player script).
PROGRESS = {
    "caption": "对话练习",
    "conversation": "对话",
    "endings": "结局",
    "reached": "已到过",
    "good": "好的结局",
    "nojs": "进度保存在你的浏览器里；启用 JavaScript 后这里显示每段对话的完成情况。",
    "summary": "共 {total} 段对话：已完成 {done} 段，到过好的结局 {good} 段。",
    "count": "{n} / {total}",
    "not_started": "—",
    "reset": "清除对话练习进度",
    "reset_title": "清除对话练习进度？",
    "reset_body": "所有对话练习到过的结局都会删除，删除后不能恢复。",
    "reset_confirm": "清除对话练习进度",
    "reset_done": "对话练习进度已清除。",
}

# Section links: a chapter section names its chapter number, anything else its page.
SECTION = {"numbered": "第 {n} 章 · {title}", "page": "{page} · {title}"}

TEXTS = {"static": STATIC, "player": PLAYER, "progress": PROGRESS, "section": SECTION}
