"""Writing what the tools make, all or nothing.

Every file is written to a temporary file beside its target and renamed into place, so a
reader never sees half a file, and a failure (disk full, a typesetting error, Ctrl-C)
leaves the old file or nothing. :func:`write_files` does the same for a set of files: all
are checked first (no target may be a folder, every folder must be writable), then written
into a temporary folder beside them, then moved into place; if a move fails, the files
already moved are put back as they were. Errors are :class:`OutputError`, one line naming
the path.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


class OutputError(Exception):
    """An output path that cannot be written; the message names it."""


def _describe(exc: OSError) -> str:
    return exc.strerror.lower() if exc.strerror else str(exc)


def check_target(path: Path) -> None:
    """Refuse a target that is a folder, or whose folder is a file or cannot be written."""
    if path.is_dir():
        raise OutputError(f"{path}: is a folder, so no file can be written there; remove it or choose another name")
    parent = path.parent
    for folder in (parent, *parent.parents):
        if folder.exists():
            if not folder.is_dir():
                raise OutputError(f"{path}: cannot be written: {folder} is a file, not a folder")
            if not os.access(folder, os.W_OK | os.X_OK):
                raise OutputError(f"{path}: cannot be written: no permission to write in {folder}")
            break


def _make_parent(path: Path) -> list[Path]:
    """Create ``path``'s missing folders; return those created (to remove on failure)."""
    missing = [folder for folder in (path.parent, *path.parent.parents) if not folder.exists()]
    for folder in reversed(missing):
        try:
            folder.mkdir()
        except OSError as exc:
            raise OutputError(f"{folder}: cannot be created: {_describe(exc)}") from None
    return missing


def write_bytes(path: Path, data: bytes) -> Path:
    """Write one file atomically."""
    return write_files({path: data})[0]


def write_text(path: Path, text: str) -> Path:
    return write_bytes(path, text.encode("utf-8"))


def write_files(files: dict[Path, bytes]) -> list[Path]:
    """Write every file or none. Returns the paths written, in the order given."""
    for path in files:
        check_target(path)
    created: list[Path] = []
    work: dict[Path, Path] = {}  # target folder -> temporary folder inside it
    staging: list[tuple[Path, Path]] = []  # (temporary file, target)
    moved: list[tuple[Path, Path | None]] = []  # (target, backup of what it replaced)
    current = next(iter(files), None)
    try:
        for path in files:
            current = path
            created += _make_parent(path)
        for path, data in files.items():
            current = path
            if path.parent not in work:
                work[path.parent] = Path(tempfile.mkdtemp(prefix=".writing-", dir=path.parent))
            temporary = work[path.parent] / path.name
            temporary.write_bytes(data)
            staging.append((temporary, path))
        for temporary, path in staging:
            current = path
            backup = None
            if path.exists():
                backup = temporary.with_name(temporary.name + ".old")
                os.replace(path, backup)
            moved.append((path, backup))
            os.replace(temporary, path)
    except BaseException as exc:
        for path, backup in reversed(moved):  # undo: what was replaced comes back
            if backup is not None:
                os.replace(backup, path)
            elif path.exists():
                path.unlink()
        for folder in work.values():
            shutil.rmtree(folder, ignore_errors=True)
        for folder in created:  # innermost first
            shutil.rmtree(folder, ignore_errors=True)
        if isinstance(exc, OSError):
            raise OutputError(f"{current}: cannot be written: {_describe(exc)}; nothing was written") from None
        raise
    for folder in work.values():
        shutil.rmtree(folder, ignore_errors=True)
    return list(files)
