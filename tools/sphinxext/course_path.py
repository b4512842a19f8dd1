"""The learning path: every chapter's time to read and to practise, on the course home
(cards, with the learner's state filled in by ``course-home.js``) and at the top of each
chapter.

```{course-path}
book/key-account-difference
book/purchase-factors
...
```

```{chapter-time}
```

The minutes are counted from the chapter's source, so they follow its length: reading at
``READ_PER_MINUTE`` Chinese characters a minute, practising at ``MINUTES_PER_ITEM`` a
self-check item and ``MINUTES_PER_CONVERSATION`` a conversation, each rounded up to five
minutes. A chapter's one-line promise is its front matter's ``promise``. The cards are
sphinx-design's grid and cards, written as MyST and parsed in place, so the PDF and print
get them as the theme's print styles lay them out.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from tools.html_json import script_json
from tools.widgets.markup import escape

from .page_texts import texts
from .quiz import _each_bank
from .store import use_store

READ_PER_MINUTE = 400
MINUTES_PER_ITEM = 1.5
MINUTES_PER_CONVERSATION = 5
HOME_MARK = '<div class="course-home-data"'
_CJK = re.compile(r"[\u3400-\u9fff]")
_FENCE = re.compile(
    r"^(```|:::)\{(self-check|conversation|relationship-map|purchase-factors|tool-results)\}.*?^\1", re.S | re.M
)


def round_up(minutes: float) -> int:
    return max(5, int(math.ceil(minutes / 5.0)) * 5)


def reading_minutes(source: str) -> int:
    """Minutes to read a chapter's prose (the players' blocks are practice, not reading)."""
    return round_up(len(_CJK.findall(_FENCE.sub("", source))) / READ_PER_MINUTE)


def practice_minutes(items: int, conversations: int) -> int:
    return round_up(items * MINUTES_PER_ITEM + conversations * MINUTES_PER_CONVERSATION)


def chapter_stats(env, docname: str) -> dict:
    """Reading and practice minutes, and what the practice is, for one chapter."""
    source = Path(env.doc2path(docname)).read_text(encoding="utf-8")
    env.note_dependency(str(Path(env.srcdir) / "exercises" / f"{Path(docname).name}.yml"))
    banks, _broken = _each_bank(env)  # read once per build, as the self-checks read them
    bank = banks.get(Path(docname).name)
    items = len(bank.items) if bank else 0
    conversations = source.count("{conversation}")
    return {
        "read": reading_minutes(source),
        "practise": practice_minutes(items, conversations),
        "items": items,
        "conversations": conversations,
        "item_ids": [item.id for item in bank.items] if bank else [],
    }


def source_title(path: Path) -> str:
    """A page's title as its source's first heading says it (other pages' titles are not
    known yet while this one is read)."""
    found = re.search(r"^# (.+)$", path.read_text(encoding="utf-8"), re.M)
    return found.group(1).strip() if found else path.stem


def time_line(stats: dict, words: dict) -> str:
    return words["time"].format(
        read=stats["read"], practise=stats["practise"], items=stats["items"], conversations=stats["conversations"]
    )


class ChapterTime(SphinxDirective):
    """The line under a chapter's objectives: minutes to read and to practise."""

    def run(self) -> list[nodes.Node]:
        words = texts(self.config.language)["home"]
        stats = chapter_stats(self.env, self.env.docname)
        paragraph = nodes.paragraph("", "", nodes.strong("", words["time_label"]), nodes.Text(time_line(stats, words)))
        paragraph["classes"].append("course-chapter-time")
        return [paragraph]


class CoursePath(SphinxDirective):
    """The home page's cards: one per chapter (its promise, minutes and, in the browser, the
    learner's state), in the order given."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        words = texts(self.config.language)["home"]
        docs = [line.strip() for line in self.content if line.strip()]
        lines = ["::::{grid} 1 1 2 2", ":gutter: 3", ":class-container: course-path", ""]
        chapters = []
        for number, doc in enumerate(docs, start=1):
            stats = chapter_stats(self.env, doc)
            self.env.note_dependency(str(self.env.doc2path(doc)))
            promise, title = self._front(doc)
            chapters.append({"doc": doc, "n": number, "items": stats["item_ids"]})
            lines += [
                f":::{{grid-item-card}} {words['chapter'].format(n=number, title=title)}",
                f":link: /{doc}",
                ":link-type: doc",
                ":class-card: course-card course-card-chapter",
                "",
                promise,
                "",
                "{.course-card-time}",
                time_line(stats, words) + f' <span class="course-card-state" data-doc="{escape(doc)}"></span>',
                ":::",
                "",
            ]
        lines += ["::::", ""]
        container = nodes.container(classes=["course-home"])
        self.state.nested_parse(StringList(lines, source=self.env.docname), self.content_offset, container)
        data = script_json({"chapters": chapters})
        container += nodes.raw(
            "", f'{HOME_MARK} hidden><script type="application/json">{data}</script></div>', format="html"
        )
        return [container]

    def _front(self, doc: str) -> tuple[str, str]:
        """The chapter's promise (front matter) and its title (first heading)."""
        source = Path(self.env.doc2path(doc)).read_text(encoding="utf-8")
        match = re.match(r"---\n(.*?)\n---\n", source, re.S)
        found = re.search(r"^promise:\s*(.+)$", match.group(1), re.M) if match else None
        title = re.search(r"^# (.+)$", source, re.M)
        if not found or not title:
            raise self.error(f"course-path: {doc} needs `promise:` in its front matter and a title")
        return found.group(1).strip(), title.group(1).strip()


class CourseTimes(SphinxDirective):
    """The learning path as a table: each chapter's reading and practice minutes, and the
    total (the chapters in the order given)."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        words = texts(self.config.language)["home"]
        docs = [line.strip() for line in self.content if line.strip()]
        rows = [f"| {words['col_chapter']} | {words['col_read']} | {words['col_practise']} | {words['col_total']} |"]
        rows.append("|---|---|---|---|")
        read = practise = 0
        for number, doc in enumerate(docs, start=1):
            stats = chapter_stats(self.env, doc)
            self.env.note_dependency(str(self.env.doc2path(doc)))
            read += stats["read"]
            practise += stats["practise"]
            title = source_title(Path(self.env.doc2path(doc)))
            label = words["chapter"].format(n=number, title=title)
            total = stats["read"] + stats["practise"]
            rows.append(f"| {{doc}}`{label} </{doc}>` | {stats['read']} | {stats['practise']} | {total} |")
        rows.append(f"| **{words['total']}** | **{read}** | **{practise}** | **{read + practise}** |")
        container = nodes.container(classes=["course-times"])
        self.state.nested_parse(StringList(rows, source=self.env.docname), self.content_offset, container)
        return [container]


def _page_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if doctree is None or not any(HOME_MARK in node.astext() for node in doctree.findall(nodes.raw)):
        return
    use_store(app)
    app.add_js_file("course-review.js", defer="defer")
    app.add_js_file("course-home.js", defer="defer")


def setup(app: Sphinx) -> None:
    app.add_directive("course-path", CoursePath)
    app.add_directive("chapter-time", ChapterTime)
    app.add_directive("course-times", CourseTimes)
    app.connect("html-page-context", _page_scripts, priority=300)
