"""CSS read with tinycss2 (installed with WeasyPrint): its top-level statements and a
rule's selectors, as text.

tinycss2 tokenises by the CSS Syntax specification, so strings, comments, escapes, nested
blocks and commas inside ``:is()``/``:not()`` or attribute selectors are what the browser
takes them for; the build's stylesheet trimming only decides which rules go where.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import tinycss2

# @-rules whose block holds rules of their own.
GROUPING = ("@media", "@supports", "@layer", "@container")


_PRIVATE = re.compile(r"[\ue000-\uf8ff](?P<hex>(?=[0-9a-fA-F \t]))?")


def _escape(match: re.Match) -> str:
    # A space ends an escape only where the next character would otherwise extend it.
    return f"\\{ord(match.group()[0]):x}" + (" " if match.group("hex") is not None else "")


_BRACKETS = {"() block": ("(", ")"), "[] block": ("[", "]"), "{} block": ("{", "}")}


def _text(nodes) -> str:
    """Tokens back to text as they were written. (``tinycss2.serialize`` puts ``/**/``
    between tokens that touched in the source, ``n/**/+3`` for ``n+3``: safe, but bytes
    in the head of every page.)"""
    parts = []
    for node in nodes or ():
        if node.type == "function":
            parts.append(f"{tinycss2.serializer.serialize_identifier(node.name)}({_text(node.arguments)})")
        elif node.type in _BRACKETS:
            opening, closing = _BRACKETS[node.type]
            parts.append(f"{opening}{_text(node.content)}{closing}")
        elif node.type in ("string", "url"):
            # tinycss2 keeps strings decoded: icon code points go back to escapes ("\\f576"),
            # not raw private-use characters in the stylesheet.
            parts.append(_PRIVATE.sub(_escape, node.representation))
        else:
            parts.append(node.serialize())
    return "".join(parts)


def statements(css: str) -> list[tuple[str, str | None]]:
    """Top-level statements as (prelude, block body or None for an @-statement ending in ';').
    An @-rule's prelude starts with its keyword (``@media print``); comments between
    statements are dropped (a stylesheet's source-map comment among them)."""
    out: list[tuple[str, str | None]] = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            out.append((_text(rule.prelude), _text(rule.content)))
        elif rule.type == "at-rule":
            prelude = f"@{rule.lower_at_keyword}{_text(rule.prelude)}"
            if rule.content is None:
                out.append((prelude.rstrip() + ";", None))
            else:
                out.append((prelude, _text(rule.content)))
        else:  # a parse error: kept as written, as a browser would skip it
            out.append((rule.serialize() if hasattr(rule, "serialize") else "", None))
    return out


def split_selectors(prelude: str) -> list[str]:
    """The selectors of a rule's selector list: split at the commas that are not inside a
    function or a bracket (tinycss2 nests those as blocks of their own)."""
    parts: list[list] = [[]]
    for token in tinycss2.parse_component_value_list(prelude):
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return [text for text in (_text(part).strip() for part in parts) if text]


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
