"""Minified CSS read as text: its top-level statements and a rule's selectors.

Enough of CSS syntax for the build's stylesheet trimming (strings, comments, nested
blocks, commas inside ``:is()``/``:not()`` and attribute selectors); no parser needed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# @-rules whose block holds rules of their own.
GROUPING = ("@media", "@supports", "@layer", "@container")


def _skip_string_or_comment(css: str, i: int) -> int | None:
    """Where scanning resumes past a string or comment starting at ``i``; None if neither."""
    if css[i] in "\"'":
        return _skip_string(css, i)
    if css.startswith("/*", i):
        end = css.find("*/", i + 2)
        return len(css) if end < 0 else end + 2
    return None


def statements(css: str) -> list[tuple[str, str | None]]:
    """Top-level statements as (prelude, block body or None for an @-statement ending in ';')."""
    out: list[tuple[str, str | None]] = []
    i, start, n = 0, 0, len(css)
    while i < n:
        ch = css[i]
        skipped = _skip_string_or_comment(css, i)
        if skipped is not None:
            i = skipped
            continue
        if ch == ";":
            out.append((css[start : i + 1], None))
            i += 1
            start = i
            continue
        if ch == "{":
            body_start = i + 1
            depth, i = 1, i + 1
            while i < n and depth:
                c = css[i]
                skipped = _skip_string_or_comment(css, i)
                if skipped is not None:
                    i = skipped
                    continue
                depth += {"{": 1, "}": -1}.get(c, 0)
                i += 1
            out.append((css[start : body_start - 1], css[body_start : i - 1]))
            start = i
            continue
        i += 1
    if css[start:].strip():
        out.append((css[start:], None))
    return out


def _skip_string(css: str, i: int) -> int:
    quote, i = css[i], i + 1
    while i < len(css) and css[i] != quote:
        i += 2 if css[i] == "\\" else 1
    return i + 1


def split_selectors(prelude: str) -> list[str]:
    """The selectors of a rule's selector list: split at commas outside () and []."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(prelude):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    parts.append(prelude[start:])
    return [part.strip() for part in parts if part.strip()]


def partition(
    css: str, keep: Callable[[str], bool], block_later: Callable[[str], bool] = lambda head: False
) -> tuple[str, str]:
    """``css`` as (kept, later), each in the order of ``css``: a rule's selectors go to
    ``kept`` if ``keep(selector)``, else to ``later`` (a selector list is split); a grouping
    @-rule whose prelude ``block_later`` picks goes whole to ``later``, any other is
    partitioned inside; every other @-rule is kept."""
    kept: list[str] = []
    later: list[str] = []
    for prelude, body in statements(css):
        if body is None:
            kept.append(prelude)
            continue
        head = re.sub(r"/\*.*?\*/", "", prelude, flags=re.S).strip()
        if head.startswith(GROUPING) and block_later(head):
            later.append(f"{prelude}{{{body}}}")
        elif head.startswith(GROUPING):
            inner_kept, inner_later = partition(body, keep, block_later)
            if inner_kept.strip():
                kept.append(f"{prelude}{{{inner_kept}}}")
            if inner_later.strip():
                later.append(f"{prelude}{{{inner_later}}}")
        elif head.startswith("@"):
            kept.append(f"{prelude}{{{body}}}")
        else:
            listed = split_selectors(head)
            now = [s for s in listed if keep(s)]
            then = [s for s in listed if not keep(s)]
            if now:
                kept.append(f"{','.join(now)}{{{body}}}")
            if then:
                later.append(f"{','.join(then)}{{{body}}}")
    return "".join(kept), "".join(later)
