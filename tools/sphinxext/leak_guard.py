"""The learner build refuses trainer material, and no configuration can talk it out of it.

Every finding of the edition guards (``tools/sphinxext/edition.py``) and of this module goes
through :func:`refuse`: an ``ERROR`` line naming the page or setting and the route, logged
without a warning type, so that ``suppress_warnings`` (which matches types) cannot hide it;
and at the end of the build the status is set to failure whatever ``-W`` or
``--keep-going`` say. What this module adds:

- **The scan of the output.** When the learner build has written everything, every file of
  the output folder is searched for every passage of the trainer-only pages
  (:mod:`tools.trainer.leaks`): text pasted by hand, or brought in by a route nobody has
  thought of, is caught where it ends up.
- **Settings that read files.** In the learner edition no configuration value may name a
  file or folder under ``cases/notes`` (or a hard link to, or a copy of, a note); the
  settings that read whole folders (``templates_path``, ``html_static_path``,
  ``html_extra_path``, ``locale_dirs``) may not name a folder that holds the notes either,
  since a template could then ``{% include %}`` one.
- **The edition is not a setting of ``_config.yml``.** Only the trainer configuration that
  ``python -m tools trainer-config`` generates sets ``course_edition``.
- **No reading from URLs.** ``{raw}`` (also inside ``{eval-rst}``) may not read ``:file:``
  or ``:url:``, and ``{csv-table}`` not ``:url:``: ``file:`` URLs leave no dependency behind
  for the guards to see.
- **Scripts come only from the build.** A page whose content carries a script (a ``<script>``
  element, an ``on…=`` handler or a ``javascript:`` link) fails the build, in either edition;
  the Content-Security-Policy then hashes only the inline scripts of the templates.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from docutils.parsers.rst import directives
from docutils.parsers.rst.directives.misc import Raw
from docutils.parsers.rst.directives.tables import CSVTable
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError
from sphinx.util import logging

from tools.trainer import guard, leaks

logger = logging.getLogger(__name__)

NOTES = Path("cases") / "notes"
# Settings whose folders are searched for files by name (templates, static files, catalogues).
FOLDER_SETTINGS = {"templates_path", "html_static_path", "html_extra_path", "locale_dirs"}
# Settings that legitimately name the notes folder: they keep it out.
EXEMPT_SETTINGS = {"exclude_patterns", "include_patterns"}
_RUNNABLE_SCRIPT = re.compile(
    r"<script\b(?![^>]*\btype\s*=\s*[\"']?application/(?:ld\+)?json)[^>]*>"  # a script, not a data block
    r"|<[a-z][^>]*\son[a-z]+\s*=|(?:href|src|action)\s*=\s*[\"']?\s*javascript:",
    re.I,
)


def refuse(app: Sphinx, message: str, location=None, *, log: bool = True) -> None:
    """Report a finding that fails the build: an error no warning filter can silence
    (``log=False`` where docutils reports it already, as a directive's error)."""
    if log:
        logger.error(message, location=location)  # no type/subtype: suppress_warnings cannot match it
    findings = getattr(app, "_course_refusals", None)
    if findings is None:
        findings = app._course_refusals = []  # type: ignore[attr-defined]
    findings.append(message)


def _fail_build(app: Sphinx, exception: Exception | None) -> None:
    findings = getattr(app, "_course_refusals", [])
    if findings and exception is None:
        logger.error(f"build refused: {len(findings)} finding(s) above; the output is not fit for learners")
        app.statuscode = 2  # whatever -W or --keep-going say


def _learner(app: Sphinx) -> bool:
    return app.config.course_edition != "trainer"


# The edition and the settings


def _edition_in_config_file(app: Sphinx, config: Config) -> None:
    from tools.data.yamlfile import load

    path = Path(app.srcdir) / "_config.yml"
    if not path.is_file():
        return
    try:
        data = load(path)
    except Exception:  # noqa: BLE001 - Jupyter Book has read it already; its problems are reported there
        return
    sphinx = (data or {}).get("sphinx") if isinstance(data, dict) else None
    settings = (sphinx or {}).get("config") if isinstance(sphinx, dict) else None
    if isinstance(settings, dict) and "course_edition" in settings:
        # Stop at once: with the edition switched, every learner guard would be off.
        raise ConfigError(
            f"{path}: sets course_edition; the edition is not a setting of _config.yml: "
            "`make site` builds the learner edition, `make trainer` the trainer edition"
        )


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple | set):
        return [s for v in value for s in _strings(v)]
    return []


def notes_inodes(notes: Path) -> set[tuple[int, int]]:
    return {(s.st_dev, s.st_ino) for s in (p.stat() for p in notes.rglob("*") if p.is_file())}


def trainer_material(path: Path, srcdir: Path, inodes: set[tuple[int, int]]) -> str | None:
    """Why ``path`` is trainer material (under ``cases/notes``, a hard link to a note, whose
    (device, inode) is in ``inodes``, or a file quoting one), or None."""
    notes = (srcdir / NOTES).resolve()
    try:
        resolved = path.resolve()
        if resolved.is_relative_to(notes):
            return f"{os.path.relpath(resolved, srcdir)} is teaching notes"
        if not resolved.is_file():
            return None
        stat = resolved.stat()
        if (stat.st_dev, stat.st_ino) in inodes:
            return f"{os.path.relpath(path, srcdir)} is a hard link to a file of {NOTES.as_posix()}"
        if stat.st_size > 4_000_000:
            return None
        found = guard.notes_of(srcdir).search(resolved.read_bytes().decode("utf-8", "ignore"))
    except OSError:
        return None
    if found:
        passage = min(found, key=lambda p: p.source)
        return f"{os.path.relpath(path, srcdir)} quotes {passage.source} (a copy of teaching notes)"
    return None


def _settings(app: Sphinx, config: Config) -> None:
    if not _learner(app):
        return
    srcdir, base = Path(app.srcdir), Path(app.confdir)
    notes = (srcdir / NOTES).resolve()
    inodes = notes_inodes(notes) if notes.is_dir() else set()
    for name in sorted(config.values):
        if name in EXEMPT_SETTINGS or name.startswith("course_"):
            continue
        for value in _strings(config[name]):
            if not value or "://" in value or "\n" in value or len(value) > 4096:
                continue
            path = base / value
            try:
                exists = path.exists()
            except (OSError, ValueError):
                continue
            if not exists:
                continue
            why = trainer_material(path, srcdir, inodes)
            if why is None and name in FOLDER_SETTINGS and path.is_dir() and notes.is_relative_to(path.resolve()):
                why = f"{value} holds {NOTES.as_posix()}, and this setting reads files from it by name"
            if why:
                refuse(app, f"the learner edition must not read trainer material: setting `{name}` names {why}")


# Directives that would read a file or a URL without leaving a dependency


def _refused_option(directive, options: tuple[str, ...], advice: str):
    """Refuse a directive that reads one of ``options``: a docutils error in the page, and a
    finding that fails the build whatever the configuration says."""
    for option in options:
        if option in directive.options:
            message = f'"{directive.name}" may not read :{option}: in this course: {advice}'
            env = getattr(directive.state.document.settings, "env", None)
            if env is not None:
                refuse(env.app, message, log=False)  # the directive's error below is the report
                env.reread_always.add(env.docname)  # so a second `make` fails the same way
            return directive.error(message)
    return None


class _NoFileRaw(Raw):
    def run(self):
        refused = _refused_option(self, ("url", "file"), "write the HTML in the page, so that every guard sees it")
        if refused is not None:
            raise refused
        return super().run()


class _NoUrlCSVTable(CSVTable):
    def run(self):
        refused = _refused_option(self, ("url",), "use :file: or write the table in the page")
        if refused is not None:
            raise refused
        return super().run()


# Scripts


def _script_in_raw_html(app: Sphinx, doctree) -> None:
    """Raw HTML in a page (MyST HTML blocks, ``{raw} html``) carrying a script. Checked when
    the page is read, so that the page is read again, and refused again, on the next build."""
    from docutils import nodes

    for node in doctree.findall(nodes.raw):
        if "html" in node.get("format", "").split() and (match := _RUNNABLE_SCRIPT.search(node.astext())):
            refuse(
                app,
                f"the page's content carries a script ({match.group(0)[:40]}…): scripts come only from the "
                "course's extensions and templates",
                location=node,
            )
            app.env.reread_always.add(app.env.docname)
            _refused_pages(app).add(app.env.docname)


def _refused_pages(app: Sphinx) -> set[str]:
    pages = getattr(app, "_course_script_pages", None)
    if pages is None:
        pages = app._course_script_pages = set()  # type: ignore[attr-defined]
    return pages


def _scripts_in_content(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """The same for what reaches a page's content by any other way (an extension's output)."""
    if pagename in _refused_pages(app):
        return
    for key in ("body", "metatags", "title"):
        value = context.get(key)
        if isinstance(value, str) and (match := _RUNNABLE_SCRIPT.search(value)):
            refuse(
                app,
                f"the page's content carries a script ({match.group(0)[:40]}…): scripts come only from the "
                "course's extensions and templates",
                location=pagename,
            )
            return


# The scan of what was written


def _scan_output(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html" or not _learner(app):
        return
    out = Path(app.outdir)
    by_file: dict[str, list[leaks.Leak]] = {}
    for leak in leaks.scan([out], guard.notes_of(Path(app.srcdir))):
        by_file.setdefault(os.path.relpath(leak.file, out), []).append(leak)
    for name, found in by_file.items():
        first = found[0].passage
        more = f" and {len(found) - 1} more passage(s)" if len(found) > 1 else ""
        refuse(
            app,
            f"the learner edition must not contain teaching notes: {name} quotes {first.source} "
            f"(“{first.shown[:40]}”){more}",
        )


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _edition_in_config_file)
    app.connect("config-inited", _settings, priority=900)
    directives.register_directive("raw", _NoFileRaw)
    directives.register_directive("csv-table", _NoUrlCSVTable)
    app.add_directive("raw", _NoFileRaw, override=True)
    app.add_directive("csv-table", _NoUrlCSVTable, override=True)
    app.connect("doctree-read", _script_in_raw_html)
    app.connect("html-page-context", _scripts_in_content)
    # After every writer of the output (the CSP at 950); the status last of all.
    app.connect("build-finished", _scan_output, priority=980)
    app.connect("build-finished", _fail_build, priority=999)
