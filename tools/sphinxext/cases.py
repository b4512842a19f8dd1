"""``{case-index}``: the table of cases, built from each case page's front matter.

A malformed case file is a build error naming its file and line.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from tools.cases.model import load_each

from .course_path import source_title

logger = logging.getLogger(__name__)


class _Cells:
    """Texts from the front matter go into the Markdown table as placeholders and are put
    back as plain text after parsing, so that no character in a title (a backtick, ``|``,
    ``*``) can break the table or a role: the index shows what the case file says."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        key = f"CASECELL{len(self.texts)}X"
        self.texts[key] = text
        return key

    def restore(self, found: list[nodes.Node]) -> None:
        pattern = re.compile("|".join(map(re.escape, self.texts)) or "$^")
        for tree in found:
            for text in list(tree.findall(nodes.Text)):
                if pattern.search(text):
                    text.parent.replace(text, nodes.Text(pattern.sub(lambda m: self.texts[m.group()], text)))


def _toc_children(env, docname: str) -> list[str]:
    site_map = getattr(env, "external_site_map", None)
    if site_map is None or docname not in site_map:
        return list(env.toctree_includes.get(docname, []))
    names = [str(item) for subtree in site_map[docname].subtrees for item in subtree.files()]
    return [name.removesuffix(".md") for name in names]


class CaseIndex(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        srcdir = Path(self.env.srcdir)
        chapters = {name.split("/", 1)[1] for name in self.env.found_docs if name.startswith("book/")}
        cases_dir = srcdir / "cases"
        for path in sorted(cases_dir.glob("*.md")):
            self.env.note_dependency(str(path))
        cases, problems = load_each(cases_dir, chapters)
        for exc in problems:  # every broken case file, each against its own file and line
            logger.warning(**exc.for_sphinx(), type="course", subtype="case")
        # The cases appear in the order the table of contents (_toc.yml) gives them, as in
        # the sidebar. The toctree itself is inserted after this directive runs, so the
        # order is read from the external TOC's site map.
        order = {name: i for i, name in enumerate(_toc_children(self.env, self.env.docname))}
        cases.sort(key=lambda c: order.get(c.path.relative_to(srcdir).with_suffix("").as_posix(), len(order)))
        # Cards (sphinx-design), one per case: the whole card links to the case, so the
        # chapters are named, not linked (a link inside a link is no link at all).
        rows = ["::::{grid} 1 1 2 2", ":gutter: 3", ":class-container: course-path", ""]
        cell = _Cells()
        for case in cases:
            rel = case.path.relative_to(srcdir).with_suffix("").as_posix()
            chapter_names = "、".join(cell(source_title(srcdir / "book" / f"{c}.md")) for c in case.chapters)
            rows += [
                f":::{{grid-item-card}} {cell(case.title)}",
                f":link: /{rel}",
                ":link-type: doc",
                ":class-card: course-card course-card-case",
                "",
                cell("、".join(case.skills)),
                "",
                "{.course-card-time}",
                f"{chapter_names} · {cell(case.format)} · {case.duration} 分钟",
                ":::",
                "",
            ]
        rows.append("::::")
        found = self.parse_text_to_nodes("\n".join(rows))
        cell.restore(found)
        return found


def setup(app: Sphinx) -> None:
    app.add_directive("case-index", CaseIndex)
