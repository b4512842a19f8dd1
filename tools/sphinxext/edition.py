"""The two editions: ``course_edition`` is ``learner`` (``_config.yml``) or ``trainer`` (the
configuration ``tools/trainer/edition.py`` generates).

In the trainer edition every case page links to its teaching notes, and every notes page
back to its case. The learner edition carries no such link, and must not read the notes
at all: a notes document in a learner build is an error, whatever put it there.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from tools.cases.model import NOTES_DIR
from tools.cases.strings import DEFAULT_LANGUAGE, strings

logger = logging.getLogger(__name__)

EDITIONS = ("learner", "trainer")
CASES = "cases/"
NOTES = f"{CASES}{NOTES_DIR}/"


def _check_edition(app: Sphinx, config: Config) -> None:
    if config.course_edition not in EDITIONS:
        logger.warning(
            f"course_edition is {config.course_edition!r}; it must be one of {', '.join(EDITIONS)}",
            type="course",
            subtype="edition",
        )


def _guard_learner(app: Sphinx, env, docnames: list[str]) -> None:
    if app.config.course_edition == "trainer":
        return
    notes = sorted(name for name in env.found_docs if name.startswith(NOTES))
    if notes:
        logger.warning(
            f"the learner edition would contain teaching notes ({', '.join(notes)}); "
            f"`{NOTES.rstrip('/')}` must stay in exclude_patterns of _config.yml",
            type="course",
            subtype="edition",
        )


def _doc_link(docname: str, target: str, text: str) -> nodes.container:
    """A paragraph linking to ``target``, resolved (and checked) like a {doc} role."""
    ref = addnodes.pending_xref(
        "",
        nodes.inline("", text),
        refdomain="std",
        reftype="doc",
        reftarget="/" + target,
        refexplicit=True,
        refwarn=True,
        refdoc=docname,
    )
    return nodes.container("", nodes.paragraph("", "", ref), classes=["course-trainer-link"])


def _link_notes(app: Sphinx, doctree: nodes.document) -> None:
    if app.config.course_edition != "trainer":
        return
    env = app.env
    docname = env.docname
    text = strings(app.config.language or DEFAULT_LANGUAGE)
    if docname.startswith(NOTES):
        target, label = CASES + docname.removeprefix(NOTES), text["case_link"]
    elif docname.startswith(CASES) and docname.count("/") == 1:
        target, label = NOTES + docname.removeprefix(CASES), text["notes_link"]
    else:
        return
    if target not in env.found_docs:
        return
    section = doctree.next_node(nodes.section)
    if section is None:
        return
    title = section.next_node(nodes.title)
    section.insert(section.index(title) + 1 if title is not None else 0, _doc_link(docname, target, label))


def setup(app: Sphinx) -> None:
    app.add_config_value("course_edition", "learner", "env", types=[str])
    app.connect("config-inited", _check_edition)
    app.connect("env-before-read-docs", _guard_learner)
    app.connect("doctree-read", _link_notes)
