"""A conversation as HTML: its brief (situation, goal, people), the static script (every turn
numbered, every choice with the reply, its quality, the feedback and where it leads; read
without JavaScript, printed, and in the PDF) and its data as JSON for the player
(``course-conversation.js``). Also the conversations' table on the progress page.

Plain Python: it knows nothing of Sphinx. Section links come in as ``sections``: label ->
(URL relative to the page, link text); a label missing there links to nothing (the build
reports it as an error anyway).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from tools.html_json import script_json

from .model import Choice, Conversation, Ending, Line, Turn
from .zh import OUTCOME, PROGRESS, QUALITY, STATIC

Sections = dict[str, tuple[str, str]]


def anchor(conv_id: str, node_id: str = "") -> str:
    """The HTML id of a conversation, or of one of its turns or endings."""
    return f"conversation-{conv_id}-{node_id}" if node_id else f"conversation-{conv_id}"


def _fill(text: str, **values) -> str:
    return text.format(**values)


def _json(value) -> str:
    """JSON safe inside <script>: no "</" can close the element early."""
    return script_json(value, sort_keys=True)


def _section_link(label: str, sections: Sections) -> str:
    """ "相关章节：第 2 章 · 组织与个人：两本账", on a line of its own."""
    url, text = sections.get(label, ("", label))
    inner = f'<a href="{escape(url)}">{escape(text)}</a>' if url else escape(text)
    return f'<p class="course-conversation-section">{escape(STATIC["section"])}{inner}</p>'


def _lines(conv: Conversation, lines: tuple[Line, ...]) -> str:
    out = []
    for line in lines:
        name = conv.person(line.who).name
        out.append(
            f'<p class="course-conversation-line"><span class="course-conversation-who">'
            f"{escape(_fill(STATIC['speaker'], name=name))}</span>{escape(line.text)}</p>"
        )
    return "".join(out)


def _brief(conv: Conversation) -> str:
    people = "".join(f"<li>{escape(_fill(STATIC['person'], name=p.name, role=p.role))}</li>" for p in conv.people)
    return (
        '<dl class="course-conversation-brief">'
        f"<dt>{escape(STATIC['situation'])}</dt><dd>{escape(conv.situation)}</dd>"
        f"<dt>{escape(STATIC['goal'])}</dt><dd>{escape(conv.goal)}</dd>"
        f"<dt>{escape(STATIC['people'])}</dt><dd><ul>{people}</ul></dd>"
        "</dl>"
    )


def _numbers(conv: Conversation) -> dict[str, str]:
    """How the script names each node: "第 3 步" for turns, "结局 2：……" for endings."""
    names = {t.id: _fill(STATIC["go_turn"], n=n) for n, t in enumerate(conv.turns, 1)}
    names |= {e.id: _fill(STATIC["go_ending"], n=n, title=e.title) for n, e in enumerate(conv.endings, 1)}
    return names


def _choice(conv: Conversation, choice: Choice, sections: Sections, names: dict[str, str]) -> str:
    quality = _fill(STATIC["quality"], quality=QUALITY[choice.quality])
    return (
        f'<li class="course-conversation-choice is-{choice.quality}">'
        f'<p class="course-conversation-say"><span class="course-conversation-who">'
        f"{escape(_fill(STATIC['speaker'], name=STATIC['you']))}</span>{escape(choice.say)}"
        f'<span class="course-conversation-quality">{escape(quality)}</span></p>'
        f'<div class="course-conversation-reply">{_lines(conv, choice.reply)}</div>'
        f'<div class="course-conversation-comment"><p><span class="course-conversation-label">'
        f"{escape(STATIC['feedback'])}</span>{escape(choice.feedback)}</p>"
        f"{_section_link(choice.section, sections)}</div>"
        f'<p class="course-conversation-next">→ <a href="#{anchor(conv.id, choice.next)}">'
        f"{escape(names[choice.next])}</a></p>"
        "</li>"
    )


def _turn(conv: Conversation, number: int, turn: Turn, sections: Sections, names: dict[str, str]) -> str:
    scene = f'<p class="course-conversation-scene">{escape(turn.scene)}</p>' if turn.scene else ""
    choices = "".join(_choice(conv, c, sections, names) for c in turn.choices)
    return (
        f'<div class="course-conversation-turn" id="{anchor(conv.id, turn.id)}">'
        f'<p class="course-conversation-step">{escape(_fill(STATIC["turn"], n=number))}</p>'
        f"{scene}{_lines(conv, turn.lines)}"
        f'<p class="course-conversation-prompt">{escape(STATIC["choices"])}</p>'
        f'<ol class="course-conversation-choices" type="A">{choices}</ol>'
        "</div>"
    )


def _ending(conv: Conversation, number: int, ending: Ending, sections: Sections) -> str:
    outcome = _fill(STATIC["outcome"], outcome=OUTCOME[ending.outcome])
    link = _section_link(ending.section, sections) if ending.section else ""
    return (
        f'<div class="course-conversation-ending is-{ending.outcome}" id="{anchor(conv.id, ending.id)}">'
        f'<p class="course-conversation-step">{escape(_fill(STATIC["ending"], n=number))}'
        f"{escape(outcome)}：{escape(ending.title)}</p>"
        f"{_lines(conv, ending.lines)}"
        f'<div class="course-conversation-comment"><p>{escape(ending.comment)}</p>{link}</div>'
        "</div>"
    )


def script_html(conv: Conversation, sections: Sections) -> str:
    """The whole conversation as a script: numbered turns, then the endings. Turns and endings
    carry their numbers in their text, not as list numbers, so that no stylesheet (the PDF's,
    a reader's own) can double them."""
    names = _numbers(conv)
    turns = "".join(_turn(conv, n, t, sections, names) for n, t in enumerate(conv.turns, 1))
    endings = "".join(_ending(conv, n, e, sections) for n, e in enumerate(conv.endings, 1))
    return (
        '<div class="course-conversation-script">'
        f'<p class="course-conversation-howto">{escape(STATIC["howto"])}</p>'
        f'<div class="course-conversation-turns">{turns}</div>'
        f'<p class="course-conversation-endings-title">{escape(STATIC["endings"])}</p>'
        f'<div class="course-conversation-endings">{endings}</div>'
        "</div>"
    )


def _line_data(conv: Conversation, lines: tuple[Line, ...]) -> list[dict]:
    return [{"who": line.who, "text": line.text} for line in lines]


def _section_data(label: str, sections: Sections) -> dict | None:
    if not label:
        return None
    url, text = sections.get(label, ("", label))
    return {"url": url, "text": text}


def conversation_data(conv: Conversation, sections: Sections) -> dict:
    """What the player needs: the people, the turns (the first starts) and the endings."""
    return {
        "id": conv.id,
        "title": conv.title,
        "people": {p.id: {"name": p.name, "role": p.role} for p in conv.people},
        "turns": [
            {
                "id": t.id,
                "scene": t.scene,
                "lines": _line_data(conv, t.lines),
                "choices": [
                    {
                        "say": c.say,
                        "quality": c.quality,
                        "reply": _line_data(conv, c.reply),
                        "feedback": c.feedback,
                        "section": _section_data(c.section, sections),
                        "next": c.next,
                    }
                    for c in t.choices
                ],
            }
            for t in conv.turns
        ],
        "endings": [
            {
                "id": e.id,
                "outcome": e.outcome,
                "title": e.title,
                "lines": _line_data(conv, e.lines),
                "comment": e.comment,
                "section": _section_data(e.section, sections),
            }
            for e in conv.endings
        ],
    }


def conversation_html(conv: Conversation, sections: Sections) -> str:
    """The conversation as the page shows it: title, brief, script, and the player's data.
    The player (when JavaScript runs) hides the script on screen; print keeps it."""
    title_id = anchor(conv.id, "title")
    return (
        f'<section class="course-conversation" id="{anchor(conv.id)}" data-conversation="{escape(conv.id)}" '
        f'aria-labelledby="{title_id}">'
        f'<h3 class="course-conversation-title" id="{title_id}">'
        f'<span class="course-conversation-kicker">{escape(STATIC["kicker"])}</span>'
        f'<span class="course-conversation-sep">{escape(STATIC["kicker_sep"])}</span>{escape(conv.title)}</h3>'
        f"{_brief(conv)}"
        f"{script_html(conv, sections)}"
        f'<script type="application/json" class="course-conversation-data">{_json(conversation_data(conv, sections))}'
        "</script>"
        "</section>"
    )


@dataclass(frozen=True)
class Placed:
    """A conversation and where it is placed (URL relative to the progress page)."""

    conversation: Conversation
    url: str


def progress_html(placed: list[Placed]) -> str:
    """The progress page's table of conversations; the player script fills in the counts
    from the reader's store. The endings are listed so the page can tell good from bad."""
    rows = []
    data = []
    for entry in placed:
        conv = entry.conversation
        rows.append(
            f'<tr data-conversation="{escape(conv.id)}"><td><a href="{escape(entry.url)}">{escape(conv.title)}</a></td>'
            f'<td class="course-conversation-progress-total">{len(conv.endings)}</td>'
            f'<td class="course-conversation-progress-reached">{escape(PROGRESS["not_started"])}</td>'
            f'<td class="course-conversation-progress-good">{escape(PROGRESS["not_started"])}</td></tr>'
        )
        data.append(
            {
                "id": conv.id,
                "title": conv.title,
                "endings": [{"id": e.id, "outcome": e.outcome, "title": e.title} for e in conv.endings],
            }
        )
    head = "".join(f"<th>{escape(PROGRESS[key])}</th>" for key in ("conversation", "endings", "reached", "good"))
    return (
        '<div class="course-conversation-progress">'
        f'<p class="course-conversation-progress-summary" aria-live="polite">{escape(PROGRESS["nojs"])}</p>'
        f'<table class="table course-conversation-progress-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
        f'<script type="application/json" class="course-conversation-progress-data">{_json(data)}</script>'
        "</div>"
    )
