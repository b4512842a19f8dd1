"""The certification test as HTML for the trainer edition: the pool's counts per blueprint
cell, the paper forms A and B (items, key, scoring grid), the written case with its rubric
and sample answers, and the Angoff form. Texts from ``page_texts`` (``certification``);
no Sphinx here (the directive is :mod:`tools.sphinxext.certification`)."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from . import blueprint
from .certification import MUST_PASS, Form, WrittenCase, cells, must_pass_items
from .model import Bank
from .render import _key_entry, _static_body  # the self-checks' own renderers: one look for an item

ANGOFF_JUDGES = 5


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(part)}</p>" for part in text.split("\n") if part.strip())


def pool_html(pool: Mapping[str, Bank], titles: Mapping[str, str], words: Mapping[str, str]) -> str:
    """A table: chapter × level, items each form draws, items in the pool."""
    rows = []
    drawn_total = pool_total = 0
    for chapter, levels in cells(pool).items():
        for level, items in levels.items():
            count = blueprint.BLUEPRINT[chapter][level]
            drawn_total += count
            pool_total += len(items)
            rows.append(
                f"<tr><td>{escape(titles.get(chapter, chapter))}</td><td>{escape(level)}</td>"
                f"<td>{count}</td><td>{len(items)}</td></tr>"
            )
    must = len(must_pass_items(pool))
    rows.append(f"<tr><td>{escape(words['must_pass'])}</td><td></td><td>{MUST_PASS}</td><td>{must}</td></tr>")
    rows.append(
        f"<tr><th>{escape(words['total'])}</th><td></td><th>{drawn_total + MUST_PASS}</th>"
        f"<th>{pool_total + must}</th></tr>"
    )
    head = "".join(f"<th>{escape(words[k])}</th>" for k in ("cell_chapter", "cell_level", "cell_drawn", "cell_pool"))
    return f'<table class="table course-cert-pool"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _item_html(item, number: int, words: Mapping[str, str]) -> str:
    mark = f' <span class="course-cert-must">（{escape(words["must_mark"])}）</span>' if item.must_pass else ""
    return (
        f'<div class="course-quiz-item course-paper-item"><p class="course-quiz-meta">'
        f'<span class="course-quiz-number">第 {number} 题</span>{mark}</p>'
        f'<p class="course-quiz-prompt">{escape(item.prompt)}</p>{_static_body(item)}</div>'
    )


def form_html(form: Form, case: WrittenCase, words: Mapping[str, str]) -> str:
    """One paper form: its items (must-pass items last), then the key, then the scoring grid."""
    items = list(form.all_items)
    name = escape(words["form"].format(form=form.name))
    note = escape(words["form_note"].format(count=len(items), main=len(form.items), must=len(form.must_pass)))
    body = "".join(_item_html(item, n, words) for n, item in enumerate(items, 1))
    key = "".join(_key_entry(item, n, show_ids=True) for n, item in enumerate(items, 1))
    rows = "".join(
        f"<tr><td>{n}</td><td>{escape(item.id)}</td><td>{'、'.join(item.correct_letters)}</td>"
        f"<td>{escape(words['must_mark']) if item.must_pass else ''}</td><td></td></tr>"
        for n, item in enumerate(items, 1)
    )
    head = "".join(
        f"<th>{escape(words[k])}</th>" for k in ("grid_number", "grid_item", "grid_answer", "must_pass", "grid_mark")
    )
    lines = [
        words["grid_learner"],
        words["grid_main"].format(main=len(form.items), cut=blueprint.cut_score()),
        words["grid_must"].format(must=len(form.must_pass)),
        words["grid_case"].format(marks=case.marks, pass_marks=case.pass_marks),
        words["grid_verdict"],
    ]
    totals = "".join(f"<p>{escape(line)}</p>" for line in lines)
    return (
        f'<section class="course-paper course-cert-form" data-form="{escape(form.name)}">'
        f"<h3>{name}</h3><p>{note}</p>{body}"
        f'<section class="course-paper-key"><h3>{escape(words["key"].format(form=form.name))}</h3>'
        f'<dl class="course-answer-list">{key}</dl></section>'
        f'<section class="course-cert-grid"><h3>{escape(words["grid"].format(form=form.name))}</h3>'
        f'<table class="table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>{totals}</section>'
        "</section>"
    )


def case_html(case: WrittenCase, words: Mapping[str, str], with_rubric: bool = True) -> str:
    """The written case as the learner gets it on paper, then (for the trainer) the rubric
    with anchors for full, partial and no marks, and a sample answer at each level."""
    task = escape(words["case_task"].format(minutes=case.minutes, marks=case.marks))
    paper = (
        f'<section class="course-cert-case"><h3>{escape(case.title)}</h3>{_paragraphs(case.scenario)}'
        f"<h4>{task}</h4>{_paragraphs(case.task)}"
        f'<div class="course-cert-lines" aria-label="{escape(words["case_lines"])}"></div></section>'
    )
    if not with_rubric:
        return paper
    head = "".join(
        f"<th>{escape(words[k])}</th>" for k in ("rubric_criterion", "rubric_full", "rubric_partial", "rubric_none")
    )
    rows = "".join(
        f"<tr><th>{escape(c.name)}（{c.marks} 分）</th><td>{escape(c.full)}</td><td>{escape(c.partial)}</td>"
        f"<td>{escape(c.none)}</td></tr>"
        for c in case.criteria
    )
    levels = {"full": words["rubric_full"], "partial": words["rubric_partial"], "none": words["rubric_none"]}
    samples = "".join(
        f"<h4>{escape(words['sample'].format(level=name, marks=case.sample_marks[key]))}</h4>"
        f"{_paragraphs(case.samples[key])}"
        for key, name in levels.items()
    )
    return (
        f'{paper}<section class="course-cert-rubric"><h3>{escape(words["rubric"])}</h3>'
        f'<table class="table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
        f"<p>{escape(words['pass_case'].format(pass_marks=case.pass_marks))}</p>"
        f"<h3>{escape(words['samples'])}</h3>{samples}</section>"
    )


def angoff_html(form: Form, words: Mapping[str, str]) -> str:
    """The Angoff form for one paper form's blueprint items: a row per item, a column per judge."""
    judges = "".join(f"<th>{escape(words['angoff_judge'].format(n=n))}</th>" for n in range(1, ANGOFF_JUDGES + 1))
    head = f"<th>{escape(words['angoff_number'])}</th><th>{escape(words['angoff_item'])}</th>{judges}"
    head += f"<th>{escape(words['angoff_mean'])}</th>"
    blanks = "<td></td>" * (ANGOFF_JUDGES + 1)
    rows = "".join(f"<tr><td>{n}</td><td>{escape(i.id)}</td>{blanks}</tr>" for n, i in enumerate(form.items, 1))
    return (
        f'<section class="course-cert-angoff"><h3>{escape(words["angoff"])}（{escape(form.name)} 卷）</h3>'
        f"<p>{escape(words['angoff_note'])}</p>"
        f'<table class="table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
        f"<p>{escape(words['angoff_sum'].format(main=len(form.items)))}</p></section>"
    )
