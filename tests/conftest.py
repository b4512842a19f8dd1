"""Shared fixtures: one strict build of the site per test session, the PDF made from it,
a local HTTP server for it, and headless Chromium.

The suite runs in parallel (pytest-xdist, `-n 2` in the Makefile). What is costly to make
(the learner and trainer builds, the book PDF, the SCORM package) is made once per run for
all workers (:func:`made_once`): the first worker to need it makes it under a file lock,
the others wait and use it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
SOURCES = ["book", "cases", "exercises", "tools", "_config.yml", "_toc.yml"]
# The numbered chapters, in reading order (file names under book/).
CHAPTERS = [
    "key-account-difference",
    "purchase-factors",
    "relationship-types",
    "kam-stages",
    "relationship-management",
    "from-transaction-to-partner",
    "contested-accounts",
    "winning-a-deal",
]


def section(text: str, label: str) -> str:
    """The text from a ``(label)=`` line to the next heading of the same or a higher level."""
    start = text.index(f"({label})=\n")
    heading = text[start:].split("\n", 2)[1]
    level = len(heading) - len(heading.lstrip("#"))
    rest = text[start + len(f"({label})=\n") + len(heading) :]
    end = re.search(rf"^#{{1,{level}}} ", rest, flags=re.M)
    return heading + (rest[: end.start()] if end else rest)


def jupyter_book_build(source: Path, output: Path, *extra: str) -> subprocess.CompletedProcess:
    """Run the same strict build as `make site`, into ``output``."""
    env = {**os.environ, "TMPDIR": str(output / "tmp")}
    (output / "tmp").mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        [
            str(VENV_BIN / "jupyter-book"),
            "build",
            str(source),
            "--path-output",
            str(output),
            "--warningiserror",
            "--nitpick",
            "--keep-going",
            *extra,
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=source,
    )


def copy_sources(target: Path) -> Path:
    """A copy of the course sources that a test may break."""
    for name in SOURCES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, target / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
        else:
            shutil.copy2(src, target / name)
    # Installed dependencies, like the venv, are not sources: link them, don't copy.
    (target / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return target


def made_once(tmp_path_factory, name: str, make) -> Path:
    """A folder that ``make(folder)`` fills, made once per test run however many workers
    ask for it. A failure is remembered, so that every worker reports it without trying
    again."""
    from filelock import FileLock

    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, shared by its workers (popen-gw0, popen-gw1 …)
    folder = base / f"made-{name}"
    with FileLock(str(base / f"made-{name}.lock")):
        done, failed = folder / ".done", base / f"made-{name}.failed"
        if failed.exists():
            pytest.fail(failed.read_text(encoding="utf-8"))
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            try:
                make(folder)
            except BaseException as exc:
                failed.write_text(f"making {name} failed: {exc}", encoding="utf-8")
                raise
            done.write_text("made\n", encoding="utf-8")
    return folder


def _build_learner(out: Path) -> None:
    result = jupyter_book_build(ROOT, out)
    if result.returncode != 0:
        pytest.fail("strict build failed:\n" + (result.stdout + result.stderr)[-4000:])


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The learner site, built strictly from the current sources."""
    return made_once(tmp_path_factory, "learner", _build_learner) / "_build" / "html"


@pytest.fixture(scope="session")
def pages(site) -> list[Path]:
    """Every content page of the built site (not the redirect at the root)."""
    skip = {"_static", "_sources", "_images"}
    return sorted(
        p
        for p in site.rglob("*.html")
        if not skip & set(p.relative_to(site).parts) and (p.parent != site or p.name != "index.html")
    )


@pytest.fixture(scope="session")
def pdf(site, tmp_path_factory) -> Path:
    from tools.pdf.render import build_pdf

    def make(folder: Path) -> None:
        build_pdf(
            site,
            folder / "course.pdf",
            title="关系销售",
            subtitle="大客户与关系销售入门课程",
            author="关系销售课程组",
            edition="学员版",
        )

    return made_once(tmp_path_factory, "pdf", make) / "course.pdf"


@pytest.fixture(scope="session")
def scorm_package(site, tmp_path_factory) -> Path:
    """The SCORM package of the learner site, as `make scorm` writes it."""
    from tools.lms import scorm

    def make(folder: Path) -> None:
        scorm.build(site, folder / scorm.PACKAGE_NAME, ROOT / "exercises")

    return made_once(tmp_path_factory, "scorm", make) / scorm.PACKAGE_NAME


@pytest.fixture(scope="session")
def server(site):
    """The built site served on a loopback port; yields its base URL."""
    from tools.browser import serve

    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from tools.browser import launch

    with launch() as chromium:
        yield chromium


def page_with_error_log(browser, **options):
    """A fresh context and page; the page's uncaught JavaScript errors in ``page.js_errors``."""
    context = browser.new_context(**options)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.js_errors = errors
    return context, page


@pytest.fixture
def page(browser):
    context, page = page_with_error_log(browser)
    yield page
    context.close()


# What a test needs decides whether the quick run (`make test-quick`) can afford it: a book
# PDF takes a minute or more to typeset and the trainer edition is a second whole build, so a
# test that uses one of these is `slow` whatever its own marks say (`make test` runs it).
HEAVY_FIXTURES = {"pdf", "trainer_pdf", "trainer_site", "trainer_handouts", "assignment"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HEAVY_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
