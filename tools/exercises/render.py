"""HTML for self-check items: the static form (no JavaScript, print, PDF), the answer key,
and the data the page script needs to make the items interactive.

The static form is complete on its own: numbered prompts, lettered options, shuffled steps
and match columns, and an answer key with every explanation. The script replaces the
static controls with interactive ones and keeps the same display order.
"""

from __future__ import annotations

import hashlib
import random
from html import escape

from tools.html_json import script_json

from .model import LETTERS, TYPE_NAMES, Bank, Item

TRUE_FALSE = ("对", "错")


def display_order(item: Item, count: int) -> list[int]:
    """A shuffle that is the same on every build (seeded by the item ID), and never the
    identity for ordering items, which would give the answer away."""
    order = list(range(count))
    rng = random.Random(int(hashlib.sha256(item.id.encode()).hexdigest(), 16))
    for _ in range(10):
        rng.shuffle(order)
        if order != sorted(order):
            break
    return order


def item_data(item: Item, section_url: str, section_title: str = "") -> dict:
    """What the page script needs for one item (answers included: this is self-study)."""
    data: dict = {"id": item.id, "type": item.type, "section": section_url, "sectionTitle": section_title}
    if item.is_choice:
        data["multiple"] = item.multiple
        data["options"] = [{"text": o.text, "correct": o.correct, "explanation": o.explanation} for o in item.options]
    elif item.type == "truefalse":
        data["answer"] = item.answer
        data["explanation"] = item.explanation
    elif item.type == "ordering":
        data["steps"] = list(item.steps)
        data["order"] = display_order(item, len(item.steps))
        data["explanation"] = item.explanation
    else:
        data["pairs"] = [{"left": p.left, "right": p.right, "explanation": p.explanation} for p in item.pairs]
        data["order"] = display_order(item, len(item.pairs))
        data["explanation"] = item.explanation
    return data


def answer_spec(item: Item) -> dict:
    """What an answer to the item looks like and which one is right, as the page script
    counts it (``specOf`` in course-quiz.js): the progress page recomputes every status from
    the stored answer with it."""
    if item.type == "truefalse":
        return {"kind": "choice", "n": 2, "multiple": False, "key": [0 if item.answer else 1]}
    if item.is_choice:
        key = [i for i, o in enumerate(item.options) if o.correct]
        return {"kind": "choice", "n": len(item.options), "multiple": item.multiple, "key": key}
    if item.type == "ordering":
        return {"kind": "order", "n": len(item.steps), "multiple": False, "key": list(range(len(item.steps)))}
    return {"kind": "match", "n": len(item.pairs), "multiple": False, "key": list(range(len(item.pairs)))}


def _static_body(item: Item) -> str:
    if item.is_choice:
        hint = "（可多选）" if item.multiple else "（单选）"
        options = "".join(f"<li>{escape(o.text)}</li>" for o in item.options)
        return f'<p class="course-quiz-hint">{hint}</p><ol class="course-quiz-options" type="A">{options}</ol>'
    if item.type == "truefalse":
        return '<p class="course-quiz-hint">判断这句话是对还是错。</p>'
    if item.type == "ordering":
        steps = "".join(f"<li>{escape(item.steps[i])}</li>" for i in display_order(item, len(item.steps)))
        hint = '<p class="course-quiz-hint">把下列各项排成正确的顺序：</p>'
        return f'{hint}<ol class="course-quiz-steps" type="a">{steps}</ol>'
    order = display_order(item, len(item.pairs))
    left = "".join(f"<li>{escape(p.left)}</li>" for p in item.pairs)
    right = "".join(f"<li>{escape(item.pairs[i].right)}</li>" for i in order)
    return (
        '<p class="course-quiz-hint">把左列每一项与右列的一项配对：</p><div class="course-quiz-columns">'
        f'<ol class="course-quiz-left" type="1">{left}</ol><ol class="course-quiz-right" type="A">{right}</ol></div>'
    )


def item_html(item: Item, number: int, section_url: str, section_title: str, show_ids: bool = True) -> str:
    scenario = f'<div class="course-quiz-scenario"><p>{escape(item.scenario)}</p></div>' if item.scenario else ""
    data = script_json(item_data(item, section_url, section_title))
    return (
        f'<div class="course-quiz-item" id="quiz-{escape(item.id)}" data-item="{escape(item.id)}">'
        f'<p class="course-quiz-meta"><span class="course-quiz-number">第 {number} 题</span>'
        f" · {TYPE_NAMES[item.type]}"
        + (f' · <span class="course-quiz-id">{escape(item.id)}</span>' if show_ids else "")
        + "</p>"
        f"{scenario}"
        f'<p class="course-quiz-prompt">{escape(item.prompt)}</p>'
        f'<div class="course-quiz-static">{_static_body(item)}</div>'
        f'<p class="course-quiz-section only-screen">相关内容：'
        f'<a href="{escape(section_url)}">{escape(section_title)}</a></p>'
        f'<script type="application/json" class="course-quiz-data">{data}</script>'
        "</div>"
    )


def _key_entry(item: Item, number: int, show_ids: bool = True) -> str:
    shown_id = f"（{escape(item.id)}）" if show_ids else ""
    head = f'<dt id="key-{escape(item.id)}">第 {number} 题{shown_id}</dt>'
    if item.is_choice:
        answer = "、".join(item.correct_letters)
        why = "".join(
            f"<li><strong>{LETTERS[i]}</strong> {'✓' if o.correct else '✗'} {escape(o.explanation)}</li>"
            for i, o in enumerate(item.options)
        )
        return f"{head}<dd><p>答案：{answer}</p><ul>{why}</ul></dd>"
    if item.type == "truefalse":
        verdict = TRUE_FALSE[0] if item.answer else TRUE_FALSE[1]
        return f"{head}<dd><p>答案：{verdict}</p><p>{escape(item.explanation)}</p></dd>"
    if item.type == "ordering":
        order = display_order(item, len(item.steps))
        letters = "abcdefgh"
        sequence = " → ".join(letters[order.index(i)] for i in range(len(item.steps)))
        steps = "".join(f"<li>{escape(s)}</li>" for s in item.steps)
        return f"{head}<dd><p>正确顺序：{sequence}</p><ol>{steps}</ol><p>{escape(item.explanation)}</p></dd>"
    order = display_order(item, len(item.pairs))
    matches = "，".join(f"{n + 1}—{LETTERS[order.index(n)]}" for n in range(len(item.pairs)))
    why = "".join(f"<li>{escape(p.left)} → {escape(p.right)}：{escape(p.explanation)}</li>" for p in item.pairs)
    extra = f"<p>{escape(item.explanation)}</p>" if item.explanation else ""
    return f"{head}<dd><p>答案：{matches}</p><ul>{why}</ul>{extra}</dd>"


def bank_html(
    bank: Bank, items: list[Item], title: str, sections: dict[str, tuple[str, str]], show_ids: bool = True
) -> str:
    """A whole self-check block: items, score line, and answer key.

    ``sections`` maps a section label to (URL, heading) for the "related content" links.
    ``show_ids``: the items' internal IDs (kad-01) beside their numbers, for trainers; the
    learner edition leaves them out.
    """
    body = "".join(
        item_html(item, n, *sections.get(item.section, ("#", item.section)), show_ids=show_ids)
        for n, item in enumerate(items, 1)
    )
    key = "".join(_key_entry(item, n, show_ids) for n, item in enumerate(items, 1))
    return (
        f'<div class="course-quiz" data-chapter="{escape(bank.chapter)}" data-title="{escape(title)}">'
        f'<p class="course-quiz-score only-screen" aria-live="polite"></p>'
        f"{body}"
        f'<details class="course-answer-key"><summary>答案与解析（共 {len(items)} 题）</summary>'
        f'<dl class="course-answer-list">{key}</dl></details>'
        "</div>"
    )


def pool_item(item: Item, section_url: str, section_title: str) -> dict:
    """An item as the final test and spaced review draw it: the page builds it from this
    (prompt and scenario included), with the chapter and level the blueprint asks by."""
    data = item_data(item, section_url, section_title)
    data.update(
        {
            "prompt": item.prompt,
            "scenario": item.scenario,
            "typeName": TYPE_NAMES[item.type],
            "chapter": item.path.stem,
            "level": item.level,
        }
    )
    return data


def paper_html(items: list[Item], form: str, show_key: bool) -> str:
    """One printed form of the final test: the items in their static form, numbered 1-30;
    its answer key only when ``show_key`` (the trainer edition)."""
    body = "".join(
        f'<div class="course-quiz-item course-paper-item"><p class="course-quiz-meta">'
        f'<span class="course-quiz-number">第 {n} 题</span> · {TYPE_NAMES[item.type]}</p>'
        + (f'<div class="course-quiz-scenario"><p>{escape(item.scenario)}</p></div>' if item.scenario else "")
        + f'<p class="course-quiz-prompt">{escape(item.prompt)}</p>{_static_body(item)}</div>'
        for n, item in enumerate(items, 1)
    )
    key = ""
    if show_key:
        entries = "".join(_key_entry(item, n, show_ids=True) for n, item in enumerate(items, 1))
        key = (
            f'<section class="course-paper-key"><h3>{escape(form)} 卷答案</h3>'
            f'<dl class="course-answer-list">{entries}</dl></section>'
        )
    return f'<section class="course-paper" data-form="{escape(form)}"><h3>{escape(form)} 卷</h3>{body}{key}</section>'
