"""``{slide-decks}``: the lecture decks on the trainer's programme page, read from their
sources (``cases/notes/slides``), so that the page and the decks cannot disagree: each deck's
title, minutes, slide count and the files ``make slides`` writes. Trainer edition only (a
learner page using it finds no decks and is a build error)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from tools.data.yamlfile import DataError
from tools.trainer.slides import FOLDER, load_decks

logger = logging.getLogger(__name__)
HEAD = ("精讲", "分钟", "幻灯片", "文件（`make slides` 生成，在 _build/slides 里）")


class SlideDecks(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        root = Path(self.env.srcdir)
        if not (root / FOLDER).is_dir():
            raise self.error(f"slide-decks: no decks at {FOLDER} (the trainer edition has them)")
        for path in sorted((root / FOLDER).glob("*.yml")):
            self.env.note_dependency(str(path))
        try:
            decks = load_decks(root)
        except DataError as exc:
            logger.warning(str(exc), location=(self.env.docname, self.lineno), type="course", subtype="slides")
            return []
        head = "".join(f"<th>{escape(h).replace('`', '')}</th>" for h in HEAD)
        rows = "".join(
            f"<tr><td>{escape(d.title)}</td><td>{d.minutes}</td><td>{len(d.slides) + 1}</td>"
            f"<td><code>{escape(d.id)}.pptx</code>、<code>{escape(d.id)}.pdf</code></td></tr>"
            for d in decks
        )
        total = sum(d.minutes for d in decks)
        rows += f"<tr><th>合计</th><th>{total}</th><td></td><td></td></tr>"
        html = f'<table class="table course-slide-decks"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
        return [nodes.raw("", html, format="html")]


def setup(app: Sphinx) -> None:
    app.add_directive("slide-decks", SlideDecks)
