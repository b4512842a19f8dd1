"""The two editions: ``course_edition`` is ``learner`` (``_config.yml``) or ``trainer`` (the
configuration ``tools/trainer/edition.py`` generates).

In the trainer edition every case page links to its teaching notes, and every notes page
back to its case. The learner edition carries no such link, and must not read the notes
at all: a notes document in a learner build is an error, whatever put it there. So is any
other route by which a notes file would reach a learner page or the site:

- a page whose source is a notes file (a symlink into ``cases/notes``);
- anything Sphinx records as a page's dependency: ``{include}`` (whole or with
  ``:start-after:``/``:lines:``), ``{literalinclude}``, ``{download}``, images, and any
  directive that reads a file;
- configured paths whose files are copied into the site as they are (``html_extra_path``,
  ``html_static_path``, logo, favicon), including symlinks inside them.

Each is reported against the page (or the configuration) with the route it takes, as an
error that fails the build whatever the configuration says (:func:`leak_guard.refuse`). Pages
found this way are read again on the next build, so a second ``make`` fails too. The scan of
the whole output, the settings that read files, the edition switch, raw URLs and scripts in
content are :mod:`tools.sphinxext.leak_guard`.
"""

from __future__ import annotations

import os
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config

from tools.cases.model import NOTES_DIR
from tools.cases.strings import DEFAULT_LANGUAGE, strings

from .leak_guard import notes_inodes, refuse, trainer_material

EDITIONS = ("learner", "trainer")
CASES = "cases/"
NOTES = f"{CASES}{NOTES_DIR}/"


def _check_edition(app: Sphinx, config: Config) -> None:
    if config.course_edition not in EDITIONS:
        refuse(app, f"course_edition is {config.course_edition!r}; it must be one of {', '.join(EDITIONS)}")


def _guard_learner(app: Sphinx, env, docnames: list[str]) -> None:
    if app.config.course_edition == "trainer":
        return
    notes = sorted(name for name in env.found_docs if name.startswith(NOTES))
    if notes:
        refuse(
            app,
            f"the learner edition would contain teaching notes ({', '.join(notes)}); "
            f"`{NOTES.rstrip('/')}` must stay in exclude_patterns of _config.yml",
        )


def _notes_dir(srcdir: str) -> Path:
    return (Path(srcdir) / NOTES).resolve()


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder)
    except OSError:  # a symlink loop: not a notes file, and not ours to report
        return False


def _route(env, docname: str, dependency: str) -> str:
    """How a page reaches a file it depends on, in the words of the source."""
    if env.path2doc(dependency) in env.included.get(docname, ()):
        return "includes it ({include})"
    if dependency in env.images and docname in env.images[dependency][0]:
        return "shows it as an image"
    if dependency in env.dlfiles and docname in env.dlfiles[dependency][0]:
        return "offers it for download ({download})"
    return "reads it ({literalinclude} or another directive that reads a file)"


def note_routes(env) -> list[tuple[str, str]]:
    """(page, what it does with which notes file) for every page of the build that reaches
    a teaching-notes file, a hard link to one, or a copy (the trainer build's ``_sources``)."""
    notes = _notes_dir(env.srcdir)
    inodes = notes_inodes(notes) if notes.is_dir() else set()
    found = []
    for docname in sorted(env.all_docs):
        source = Path(env.doc2path(docname))
        if _inside(source, notes) and not docname.startswith(NOTES):  # those: _guard_learner
            target = os.path.relpath(source.resolve(), env.srcdir)
            found.append((docname, f"is itself teaching notes ({target}, through a link or the configuration)"))
        for dependency in sorted(env.dependencies.get(docname, ())):
            path = Path(env.srcdir) / dependency
            if _inside(path, notes):
                target = os.path.relpath(path.resolve(), env.srcdir)
                found.append((docname, f"{_route(env, docname, dependency)}: {target} is teaching notes"))
            elif why := trainer_material(path, Path(env.srcdir), inodes):
                found.append((docname, f"{_route(env, docname, dependency)}: {why}"))
    return found


def _guard_dependencies(app: Sphinx, env) -> None:
    if app.config.course_edition == "trainer":
        return
    for docname, route in note_routes(env):
        refuse(app, f"the learner edition must not contain teaching notes: this page {route}", location=docname)
        env.reread_always.add(docname)  # checked again on the next build, not skipped as unchanged


def copied_paths(app: Sphinx) -> list[tuple[str, Path]]:
    """(setting, path) for every configured file or folder copied into the site as it is."""
    config, base = app.config, Path(app.confdir)
    found = [(f"html_extra_path `{p}`", base / p) for p in config.html_extra_path]
    found += [(f"html_static_path `{p}`", base / p) for p in config.html_static_path]
    for name in ("html_logo", "html_favicon", "html_search_scorer"):
        value = getattr(config, name, None)
        if value and "://" not in value:
            found.append((f"{name} `{value}`", base / value))
    return found


def _guard_copied_paths(app: Sphinx) -> None:
    if app.config.course_edition == "trainer":
        return
    notes = _notes_dir(app.srcdir)
    for setting, path in copied_paths(app):
        if not path.exists():
            continue
        files = [path] if path.is_file() else [path, *sorted(path.rglob("*"))]
        top = path.resolve()
        for file in files:
            resolved = file.resolve() if file.exists() else file
            if _inside(resolved, notes) or (file == path and notes.is_relative_to(top)):
                refuse(
                    app,
                    f"the learner edition must not contain teaching notes: {setting} would copy "
                    f"{os.path.relpath(file, app.srcdir)} into the site, and that is or holds {NOTES.rstrip('/')}",
                )
                break


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
    app.connect("env-updated", _guard_dependencies)
    # After tools.sphinxext has added its own static folder (builder-inited, priority 500).
    app.connect("builder-inited", _guard_copied_paths, priority=900)
    app.connect("doctree-read", _link_notes)
