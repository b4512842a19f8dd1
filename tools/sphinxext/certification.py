"""``{certification} part``: the certification test on a trainer page (trainer edition only).

``part`` is ``pool`` (counts per blueprint cell), ``forms`` (paper forms A and B with key
and scoring grid), ``case`` (the written case, rubric and sample answers), ``case-paper``
(the case alone, to hand out) or ``angoff`` (the cut-score form). The pool lives under
``cases/notes/certification``, which only the trainer edition reads; a learner page using
the directive finds no pool and is a build error. A broken pool is a build error that names
its file and line.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from tools.data.yamlfile import DataError
from tools.exercises import certification as cert
from tools.exercises import certification_render as render

from .course_path import source_title
from .page_texts import texts

logger = logging.getLogger(__name__)
PARTS = ("pool", "forms", "case", "case-paper", "angoff")


class Certification(SphinxDirective):
    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        part = self.arguments[0]
        if part not in PARTS:
            raise self.error(f"certification: `{part}` is not one of {', '.join(PARTS)}")
        root = Path(self.env.srcdir)
        folder = root / cert.FOLDER
        if not folder.is_dir():
            raise self.error(f"certification: no pool at {cert.FOLDER} (the trainer edition has it)")
        for path in sorted(folder.rglob("*.yml")):
            self.env.note_dependency(str(path))
        words = texts(self.config.language)["certification"]
        try:
            pool = cert.load_pool(root)
            case = cert.load_case(folder / cert.CASE_FILE)
        except DataError as exc:
            logger.warning(str(exc), location=(self.env.docname, self.lineno), type="course", subtype="certification")
            return []
        for problem in cert.problems(pool):
            logger.warning(problem, location=(self.env.docname, self.lineno), type="course", subtype="certification")
        if part == "pool":
            titles = {chapter: source_title(root / "book" / f"{chapter}.md") for chapter in pool}
            html = render.pool_html(pool, titles, words)
        elif part == "forms":
            html = "".join(render.form_html(form, case, words) for form in cert.forms(pool))
        elif part == "case":
            html = render.case_html(case, words)
        elif part == "case-paper":
            html = render.case_html(case, words, with_rubric=False)
        else:
            html = render.angoff_html(cert.forms(pool)[0], words)
        return [nodes.raw("", html, format="html")]


def setup(app: Sphinx) -> None:
    app.add_directive("certification", Certification)
