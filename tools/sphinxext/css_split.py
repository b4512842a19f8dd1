"""The site stylesheet split in two: what a page's first paint needs, and the rest.

On a slow connection a page's HTML and its stylesheet download side by side, so every
kilobyte of the stylesheet in the head delays the first paint by the time of two. Only
part of it can matter then:

- the rules for print (``@media print``) never apply on screen;
- the rules whose selectors name a class or id that no page's HTML holds can only match
  what a script adds later: the players of the self-checks and conversations, the dialogs,
  the search results, the theme's states (``.pst-squeeze``, ``.scrolled``).

Those go into a second file, linked after the page's content, which the first paint does
not wait for; no-JavaScript readers and print still get it, since it is a plain link.
The rules keep their order within each file. Plain text functions; the Sphinx glue is in
:mod:`tools.sphinxext.assets`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tools.sphinxext.css_purge import selector_alive
from tools.sphinxext.css_text import GROUPING, partition, split_selectors, statements

# The class and id attributes of HTML as Sphinx writes it (double-quoted).
_ATTRIBUTE = re.compile(r'\s(?:class|id)\s*=\s*"([^"]*)"')


def html_names(html: str) -> set[str]:
    """The class names and ids that the elements of ``html`` carry."""
    names: set[str] = set()
    for match in _ATTRIBUTE.finditer(html):
        names.update(match.group(1).split())
    return names


def print_only(prelude: str) -> bool:
    """Whether an ``@media`` prelude matches only printed media (``print``, ``only print``,
    ``print and (...)``, in every query of its list)."""
    queries = prelude.strip()[len("@media") :].split(",")
    return all(re.match(r"\s*(?:only\s+)?print\b", query, re.I) for query in queries)


def split(css: str, names: set[str]) -> tuple[str, str]:
    """``css`` as (first, later): ``later`` holds the print-only blocks and the selectors
    that name a class or id not in ``names``; ``first`` everything else. @-rules that are
    not groupings (``@charset``, ``@font-face``, ``@keyframes``) stay in ``first``."""
    return partition(
        css,
        keep=lambda selector: selector_alive(selector, names),
        block_later=lambda head: head.startswith("@media") and print_only(head),
    )


def compounds(selector: str) -> list[set[str]]:
    """The class names and ids of each compound of ``selector`` (``.a > li.b`` gives
    [{a}, {b}]); what pseudo-class arguments and attribute selectors name is left out."""
    bare = re.sub(r"\[[^\]]*\]", "", selector)
    while True:
        stripped = re.sub(r"\([^()]*\)", "", bare)
        if stripped == bare:
            break
        bare = stripped
    return [set(re.findall(r"[.#](-?[_a-zA-Z][\w-]*)", part)) for part in re.split(r"\s*[\s>+~]\s*", bare.strip())]


def first_styled(css: str, elements: list[tuple[int, set[str]]]) -> int | None:
    """The position of the first of ``elements`` ((position, class names and ids), in
    document order) that a rule of ``css`` can style, or None if it styles none of them.

    A selector's element comes after (or is) the elements its other compounds match, so
    it can match nothing before the first element that carries each compound's names; a
    selector that names what no element carries matches none of them."""
    found: int | None = None
    for selector in selectors(css):
        bound = 0
        for names in compounds(selector):
            if not names:
                continue
            at = next((pos for pos, carried in elements if names <= carried), None)
            if at is None:
                break
            bound = max(bound, at)
        else:
            found = bound if found is None else min(found, bound)
    return found


@lru_cache(maxsize=64)  # a page's own stylesheets are the same on every page
def selectors(css: str) -> tuple[str, ...]:
    """Every selector of every rule of ``css``, inside @media and @supports too."""
    out: list[str] = []
    for prelude, body in statements(css):
        if body is None:
            continue
        head = re.sub(r"/\*.*?\*/", "", prelude, flags=re.S).strip()
        if head.startswith(GROUPING):
            out += selectors(body)
        elif not head.startswith("@"):
            out += split_selectors(head)
    return tuple(out)
