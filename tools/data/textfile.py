"""Reading a text file the tools were given: UTF-8 (a BOM is allowed) within a size limit,
every failure a :class:`~tools.data.yamlfile.DataError` that names the file, and for bytes
that are not UTF-8 the line they are on."""

from __future__ import annotations

from pathlib import Path

from .errors import DataError

MAX_BYTES = 1 << 20  # a course data file is a few dozen kB; 1 MiB is far beyond any real one


def read_text(path: Path, *, limit: int = MAX_BYTES) -> str:
    """A text file's contents, decoded as UTF-8 (a BOM is allowed); every failure is a
    DataError naming the file, and for bad bytes the line."""
    try:
        with open(path, "rb") as stream:
            data = stream.read(limit + 1)
    except FileNotFoundError:
        raise DataError(path, 0, "no such file") from None
    except IsADirectoryError:
        raise DataError(path, 0, "is a folder, not a file") from None
    except PermissionError:
        raise DataError(path, 0, "cannot be read (permission denied)") from None
    except OSError as exc:
        raise DataError(path, 0, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise DataError(path, 0, f"is larger than {limit // 1024} kB; a course file this big is not a real one")
    return decode(data, path)


def decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        hint = ""
        try:
            data.decode("gb18030")
            hint = "; it looks like GBK/GB18030"
        except UnicodeDecodeError:
            pass
        raise DataError(
            path, line, f"is not UTF-8 text (byte 0x{data[exc.start]:02x} on this line{hint}); save the file as UTF-8"
        ) from None
