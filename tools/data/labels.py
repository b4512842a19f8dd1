"""MyST labels (``(name)=`` on a line of its own) in a Markdown source, as the build sees
them: a label shown inside a code block is an example, not a target, so fenced code is
skipped. Directive fences (```` ```{note} ````) hold Markdown and are read through,
except the directives whose body is code or data.

Used where the tools need labels without a Sphinx build (case pages' required sections,
bank sections in tests and commands); inside a build the Sphinx domain is the source.
"""

from __future__ import annotations

import re
from pathlib import Path

_LABEL = re.compile(r"^ {0,3}\(([^()\s]+)\)=[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})\s*(\S*)")
# Directives whose body is not Markdown: a label-looking line in them is not a label.
LITERAL_DIRECTIVES = ("code", "code-block", "code-cell", "sourcecode", "raw", "graphviz", "math", "literalinclude")


def _is_code(info: str) -> bool:
    if not info.startswith("{"):
        return True  # ``` or ```python: a code block
    name = info[1:].split("}", 1)[0]
    return name in LITERAL_DIRECTIVES


def labels(text: str) -> list[tuple[str, int]]:
    """Every label in ``text`` with its line (1-based), in order, outside code."""
    found: list[tuple[str, int]] = []
    fences: list[tuple[str, bool]] = []  # open fences: (marker, is code)
    for number, line in enumerate(text.splitlines(), 1):
        fence = _FENCE.match(line)
        if fence:
            marker, info = fence.groups()
            if fences and marker[0] == fences[-1][0][0] and len(marker) >= len(fences[-1][0]) and not info:
                fences.pop()
                continue
            if not fences or not fences[-1][1]:
                fences.append((marker, _is_code(info)))
                continue
        if fences and fences[-1][1]:
            continue
        label = _LABEL.match(line)
        if label:
            found.append((label.group(1), number))
    return found


def page_labels(source: Path, folders: tuple[str, ...] = ("book", "cases"), skip: tuple[str, ...] = ("cases/notes",)):
    """label -> page (``book/kam-stages``) for every Markdown page under ``folders`` of a
    course source tree, leaving out ``skip`` (the teaching notes are not in the learner
    edition)."""
    pages: dict[str, str] = {}
    for folder in folders:
        for path in sorted((source / folder).rglob("*.md")):
            page = path.relative_to(source).with_suffix("").as_posix()
            if any(page == s or page.startswith(s + "/") for s in skip) or path.name == "README.md":
                continue
            for label, _line in labels(path.read_text(encoding="utf-8")):
                pages.setdefault(label, page)
    return pages
