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
import sys
import tempfile
from collections.abc import Callable
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


STAGING = ".writing-"  # the temporary folder's prefix, beside the targets
OWNER = ".pid"  # in it: the process writing there, so that another run can tell it is gone


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but is not ours to signal
        return True
    return True


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove the staging folders a killed run (SIGKILL, power loss) left in ``folder``: those
    whose writer is no longer running. The files they hold were never moved into place, so
    nothing of the outputs is lost; a note on standard error says what was removed."""
    removed = []
    for staging in sorted(folder.glob(STAGING + "*")):
        try:
            pid = int((staging / OWNER).read_text(encoding="ascii"))
        except (OSError, ValueError):
            pid = 0  # no owner recorded: an older run's, or one killed before it wrote the mark
        if staging.is_dir() and not (pid and pid != os.getpid() and _alive(pid)):
            shutil.rmtree(staging, ignore_errors=True)
            removed.append(staging)
            print(f"note: removed {staging}, left by an earlier run that was stopped while writing", file=sys.stderr)
    return removed


def check_suffix(path: Path, allowed: tuple[str, ...], what: str) -> None:
    """Refuse an output name that does not fit its format (a PDF called ``x.txt``)."""
    if path.suffix.lower() not in allowed:
        raise OutputError(f"{path}: {what} is written to a file ending in {' or '.join(allowed)}; choose such a name")


def _make_parent(path: Path) -> list[Path]:
    """Create ``path``'s missing folders; return those created (to remove on failure)."""
    missing = [folder for folder in (path.parent, *path.parent.parents) if not folder.exists()]
    for folder in reversed(missing):
        try:
            folder.mkdir()
        except OSError as exc:
            raise OutputError(f"{folder}: cannot be created: {_describe(exc)}") from None
    return missing


Check = Callable[[dict[Path, bytes]], None]


def write_bytes(path: Path, data: bytes, check: Check | None = None) -> Path:
    """Write one file atomically."""
    return write_files({path: data}, check)[0]


def write_text(path: Path, text: str, check: Check | None = None) -> Path:
    return write_bytes(path, text.encode("utf-8"), check)


def write_files(files: dict[Path, bytes], check: Check | None = None) -> list[Path]:
    """Write every file or none. Returns the paths written, in the order given.

    ``check`` sees every file's bytes before anything is written, and refuses the whole set
    by raising (the learner outputs' leak scan, :mod:`tools.trainer.guard`)."""
    for path in files:
        check_target(path)
    if check is not None:
        check(files)
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
                remove_leftovers(path.parent)
                work[path.parent] = Path(tempfile.mkdtemp(prefix=STAGING, dir=path.parent))
                (work[path.parent] / OWNER).write_text(str(os.getpid()), encoding="ascii")
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


def write_utf8(text: str) -> None:
    """Write to standard output as UTF-8, whatever the console's encoding."""
    if hasattr(sys.stdout, "buffer"):
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(text)
