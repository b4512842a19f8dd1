"""Conversation practice in pages: ``{conversation}`` and ``{conversation-progress}``.

```{conversation} why-buy-this-kind
```

places the conversation ``exercises/conversations/why-buy-this-kind.yml``; the progress page
carries ``{conversation-progress}``, the table of every placed conversation. The directives
leave placeholders; once every page is read (and every section label is known) they become
HTML (``tools/conversations/render.py``). A broken conversation file, an unknown ID, a
section label that does not exist and a conversation placed twice fail the build with file
and line. The player script, its styles, the browser store and the texts are added to the
pages that have a conversation or the table, and to no other page.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from tools.conversations.model import Conversation, course_problems, load_conversations
from tools.conversations.render import Placed, anchor, conversation_html, progress_html
from tools.conversations.zh import PLAYER, PROGRESS, SECTION
from tools.data.schema import suggestion
from tools.data.yamlfile import DataError
from tools.html_json import script_json
from tools.sphinxext.placeholders import add_placeholders, has_mark

from . import page_data
from .links import section_links
from .store import use_store

logger = logging.getLogger(__name__)
FOLDER = "exercises/conversations"
MARKS = ('<section class="course-conversation"', '<div class="course-conversation-progress"')
TEXTS_ID = "course-conversation-texts"


class conversation(nodes.General, nodes.Element):
    """Placeholder for one conversation, resolved to HTML after reading."""


class conversation_progress(nodes.General, nodes.Element):
    """Placeholder for the progress page's table of conversations."""


_loaded: dict[tuple, dict[str, Conversation] | None] = {}


def _files(env) -> list[Path]:
    # Every YAML-looking file counts, so a misnamed one (x.yaml) is reported, not skipped.
    return sorted(p for p in (Path(env.srcdir) / FOLDER).glob("*") if p.suffix.lower() in (".yml", ".yaml"))


def _conversations(env) -> dict[str, Conversation] | None:
    """The conversations, read once while no file changes; a broken file is reported once
    and yields None."""
    files = _files(env)
    stamp = (env.srcdir, *((p.name, p.lstat().st_mtime_ns) for p in files))
    if stamp not in _loaded:
        try:
            _loaded[stamp] = load_conversations(Path(env.srcdir) / FOLDER)
        except DataError as exc:
            logger.warning(**exc.for_sphinx(), type="course", subtype="conversations")
            _loaded[stamp] = None
    return _loaded[stamp]


def _placements(env) -> dict[str, list[tuple[str, int]]]:
    """Conversation ID -> [(document, line)] for every ``{conversation}`` read."""
    if not hasattr(env, "course_conversations"):
        env.course_conversations = {}
    return env.course_conversations


class ConversationDirective(SphinxDirective):
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        conv_id = self.arguments[0]
        for path in _files(self.env):
            self.env.note_dependency(str(path))
        known = _conversations(self.env)
        if known is None:
            return []
        if conv_id not in known:
            logger.warning(
                f"no conversation `{conv_id}`{suggestion(conv_id, sorted(known))} "
                f"(files in {FOLDER}/: {', '.join(sorted(known)) or 'none'})",
                location=self.get_location(),
            )
            return []
        _placements(self.env).setdefault(conv_id, []).append((self.env.docname, self.lineno))
        node = conversation(conversation_id=conv_id)
        self.set_source_info(node)
        return [node]


class ConversationProgress(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        for path in _files(self.env):
            self.env.note_dependency(str(path))
        node = conversation_progress()
        self.set_source_info(node)
        return [node]


def _purge(app: Sphinx, env, docname: str) -> None:
    for places in _placements(env).values():
        places[:] = [p for p in places if p[0] != docname]


def _merge(app: Sphinx, env, docnames, other) -> None:
    for conv_id, places in _placements(other).items():
        _placements(env).setdefault(conv_id, []).extend(p for p in places if p[0] in docnames)


def _check(app: Sphinx, env) -> None:
    """Every section of every conversation is a heading of a chapter or case page (every
    problem, not only the first), and no conversation is placed twice."""
    known = _conversations(env)
    if known is None:
        return
    labels = {label: docname for label, (docname, _anchor, _title) in env.domaindata["std"]["labels"].items()}
    for problem in course_problems(known, labels):
        logger.warning(**problem.for_sphinx(), type="course", subtype="conversations")
    for conv_id, places in sorted(_placements(env).items()):
        for docname, line in places[1:]:
            first = f"{env.doc2path(places[0][0], False)}:{places[0][1]}"
            logger.warning(
                f"conversation `{conv_id}` is placed twice (first at {first}); a conversation has one place",
                location=(docname, line),
                type="course",
                subtype="conversations",
            )


def _section_texts(app: Sphinx, fromdoc: str) -> dict[str, tuple[str, str]]:
    """label -> (URL, link text): "第 2 章 · 组织与个人：两本账" for a chapter section, the
    page's title before the section's on any other page."""
    env = app.env
    out = {}
    links = section_links(app, fromdoc)
    for label, (docname, _anchor, title) in env.domaindata["std"]["labels"].items():
        if label not in links:
            continue
        url, _title = links[label]
        number = env.toc_secnumbers.get(docname, {}).get("")
        page = env.titles[docname].astext() if docname in env.titles else docname
        if number and docname.startswith("book/"):
            text = SECTION["numbered"].format(n=number[0], title=title)
        elif title == page:
            text = title
        else:
            text = SECTION["page"].format(page=page, title=title)
        out[label] = (url, text)
    return out


def _resolve(app: Sphinx, doctree: nodes.document, fromdoc: str) -> None:
    found = list(doctree.findall(conversation)) + list(doctree.findall(conversation_progress))
    if not found:
        return
    known = _conversations(app.env) or {}
    sections = _section_texts(app, fromdoc)
    for node in found:
        if isinstance(node, conversation):
            conv = known.get(node["conversation_id"])
            # The player's data goes to the page's deferred data script.
            html = page_data.take(app, fromdoc, "conversation", conversation_html(conv, sections)) if conv else ""
        else:
            html = progress_html(_placed(app, fromdoc, known))
        node.replace_self(nodes.raw("", html, format="html") if html else [])


def _placed(app: Sphinx, fromdoc: str, known: dict[str, Conversation]) -> list[Placed]:
    """Every placed conversation in reading order, linked from ``fromdoc``."""
    order = {doc: n for n, doc in enumerate(_reading_order(app))}
    placed = []
    for conv_id, places in _placements(app.env).items():
        if conv_id not in known or not places:
            continue
        docname, line = places[0]
        url = app.builder.get_relative_uri(fromdoc, docname) + "#" + anchor(conv_id)
        placed.append(((order.get(docname, len(order)), line), Placed(known[conv_id], url)))
    return [entry for _key, entry in sorted(placed, key=lambda pair: pair[0])]


def _reading_order(app: Sphinx) -> list[str]:
    env = app.env
    order: list[str] = []

    def walk(doc: str) -> None:
        if doc in order:
            return
        order.append(doc)
        for child in env.toctree_includes.get(doc, []):
            walk(child)

    walk(app.config.root_doc)
    return order


def _page_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """The player, its styles, the store and the texts, on the pages that need them only."""
    if not has_mark(doctree, MARKS):
        return
    use_store(app)
    texts = script_json({"player": PLAYER, "progress": PROGRESS}, sort_keys=True)
    app.add_js_file(None, body=texts, type="application/json", id=TEXTS_ID)
    app.add_js_file("course-conversation.js", defer="defer")
    app.add_css_file("course-conversation.css")


def setup(app: Sphinx) -> None:
    add_placeholders(app, conversation, conversation_progress)
    app.add_directive("conversation", ConversationDirective)
    app.add_directive("conversation-progress", ConversationProgress)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-check-consistency", _check)
    app.connect("doctree-resolved", _resolve)
    # Before assets._drop_unused_styles (400) copies the page's CSS list: a file added later is lost.
    app.connect("html-page-context", _page_scripts, priority=300)
