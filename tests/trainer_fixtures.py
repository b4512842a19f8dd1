"""Fixtures for the trainer edition, shared by several test modules.

Test modules load this with ``pytest_plugins = ["trainer_fixtures"]``: as a plugin it is
registered once, so its session fixtures (one trainer build per session) are shared; a
plain import would give every module its own copy and its own build.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, jupyter_book_build

from tools.trainer import leaks
from tools.trainer.edition import write_trainer_files


def build_trainer(source: Path, out: Path):
    """The trainer edition of ``source``, built as `make trainer` does, into ``out``."""
    config, toc = write_trainer_files(source, out / "config")
    return jupyter_book_build(source, out, "--config", str(config), "--toc", str(toc))


@pytest.fixture(scope="session")
def trainer_site(tmp_path_factory) -> Path:
    """The trainer edition's HTML, built strictly from the current sources."""
    out = tmp_path_factory.mktemp("trainer")
    result = build_trainer(ROOT, out)
    if result.returncode != 0:
        pytest.fail("strict trainer build failed:\n" + (result.stdout + result.stderr)[-4000:])
    return out / "_build" / "html"


@pytest.fixture(scope="session")
def note_passages() -> list[leaks.Passage]:
    """Every teaching-note passage long enough to be searched for."""
    return leaks.passages(sorted((ROOT / "cases" / "notes").glob("*.md")), ROOT)
