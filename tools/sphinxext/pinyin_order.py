"""The glossary and the general index in pinyin order, grouped by initial letter.

Sphinx sorts both by Unicode code point, which scatters Chinese terms (两, 个, 中 …) and
gives the index one heading per first character. Here the glossary's entries are
re-sorted after the directive has run (the source, book/glossary.md, keeps its own order)
and split into one list per initial with a jump list at the top; the index page's entries
are regrouped the same way before its template renders. Order and grouping come from
:mod:`tools.pinyin`.
"""

from __future__ import annotations

import html

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.locale import _

from tools.pinyin import group_by_initial

ID_PREFIX = "glossary-initial-"


def _anchor(letter: str) -> str:
    return ID_PREFIX + ("other" if letter == "#" else letter.lower())


def _jump_list(letters: list[str]) -> nodes.raw:
    links = " ".join(f'<a href="#{_anchor(letter)}">{html.escape(letter)}</a>' for letter in letters)
    label = html.escape(str(_("Glossary initials")))
    return nodes.raw("", f'<nav class="course-initials" aria-label="{label}">{links}</nav>\n', format="html")


def _group_glossary(glossary: addnodes.glossary) -> None:
    lists = [child for child in glossary.children if isinstance(child, nodes.definition_list)]
    if len(lists) != 1:
        return  # already grouped, or not the shape the glossary directive makes
    (dlist,) = lists
    items = [item for item in dlist.children if isinstance(item, nodes.definition_list_item)]
    by_name: dict[str, list[nodes.definition_list_item]] = {}
    for item in items:
        by_name.setdefault(item.next_node(nodes.term).astext(), []).append(item)
    groups = group_by_initial(list(by_name))
    glossary.children = []
    glossary += _jump_list([letter for letter, _terms in groups])
    for letter, names in groups:
        # compound, not container: docutils marks a container with Bootstrap's "container" class.
        group = nodes.compound(classes=["course-initial-group"])
        rubric = nodes.rubric(letter, letter, classes=["course-initial"], ids=[_anchor(letter)])
        rubric["heading-level"] = 2
        group += rubric
        group_list = nodes.definition_list(classes=dlist["classes"])
        for name in names:
            for item in by_name.pop(name):
                group_list += item
        group += group_list
        glossary += group


def _sort_glossaries(app: Sphinx, doctree: nodes.document) -> None:
    for glossary in doctree.findall(addnodes.glossary):
        _group_glossary(glossary)


def _regroup_index(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if pagename != "genindex" or "genindexentries" not in context:
        return
    entries = {}
    for _letter, group in context["genindexentries"]:
        for name, data in group:
            entries.setdefault(name, data)
    groups = group_by_initial(list(entries))
    regrouped = [(letter, [(name, entries[name]) for name in names]) for letter, names in groups]
    context["genindexentries"] = regrouped
    context["genindexcounts"] = [sum(1 + len(data[1]) for _name, data in group) for _letter, group in regrouped]


def setup(app: Sphinx) -> None:
    app.connect("doctree-read", _sort_glossaries)
    app.connect("html-page-context", _regroup_index, priority=400)
