"""``{case-index}``: the table of cases, built from each case page's front matter.

A malformed case file is a build error naming its file and line.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from tools.cases.model import load_cases
from tools.data.yamlfile import DataError

logger = logging.getLogger(__name__)


def _cell(text: str) -> str:
    return text.replace("|", "｜").replace("\n", " ")


class CaseIndex(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        srcdir = Path(self.env.srcdir)
        chapters = {name.split("/", 1)[1] for name in self.env.found_docs if name.startswith("book/")}
        cases_dir = srcdir / "cases"
        for path in sorted(cases_dir.glob("*.md")):
            self.env.note_dependency(str(path))
        try:
            cases = load_cases(cases_dir, chapters)
        except DataError as exc:
            logger.warning(exc.detail, location=exc.location, type="course", subtype="case")
            return []
        # The cases appear in the order the table of contents gives them.
        order = {name: i for i, name in enumerate(self.env.toctree_includes.get(self.env.docname, []))}
        cases.sort(key=lambda c: order.get(c.path.relative_to(srcdir).with_suffix("").as_posix(), len(order)))
        rows = ["| 案例 | 对应章节 | 形式 | 时长 | 练习的能力 |", "|---|---|---|---|---|"]
        for case in cases:
            rel = case.path.relative_to(srcdir).with_suffix("").as_posix()
            chapter_links = "、".join(f"{{doc}}`/book/{c}`" for c in case.chapters)
            rows.append(
                f"| {{doc}}`{_cell(case.title)} </{rel}>` | {chapter_links} | {_cell(case.format)} "
                f"| {case.duration} 分钟 | {_cell('、'.join(case.skills))} |"
            )
        return self.parse_text_to_nodes("\n".join(rows))


def setup(app: Sphinx) -> None:
    app.add_directive("case-index", CaseIndex)
