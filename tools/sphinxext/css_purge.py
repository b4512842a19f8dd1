"""Drop the stylesheet rules no page can match.

The theme's stylesheet carries all of Bootstrap (carousels, toasts, modals, hundreds of
utility classes) and styles for features the course does not use; at 1.6 Mbit/s its
300 KB alone hold back the first paint by 1.5 s. A rule is dropped when every one of its
selectors names a class or id that appears in no page and no script of the site. Class
names a script adds at run time are kept because they appear in the script's text. Plain
Python over CSS text; it knows nothing of Sphinx.
"""

from __future__ import annotations

import re

from tools.sphinxext.css_text import partition

_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_ID = re.compile(r"#(-?[_a-zA-Z][\w-]*)")
# What a selector may also contain that is not a class or id name: pseudo-classes and
# attribute selectors are left alone (they never make a selector dead here).
_PSEUDO_ARGS = re.compile(r"\([^()]*\)")
_ATTRIBUTE = re.compile(r"\[[^\]]*\]")
# Tokens in HTML or scripts that could be class names or ids.
_TOKEN = re.compile(r"[-\w]+")


def used_names(texts: list[str]) -> set[str]:
    """Every word-like token in the site's HTML and scripts: a superset of the class names
    and ids that can appear on a page."""
    names: set[str] = set()
    for text in texts:
        names.update(_TOKEN.findall(text))
    return names


def selector_alive(selector: str, names: set[str]) -> bool:
    # :not(.x) and :is(.a, .b) arguments do not decide whether an element can match.
    bare = _ATTRIBUTE.sub("", selector)
    while True:
        stripped = _PSEUDO_ARGS.sub("", bare)
        if stripped == bare:
            break
        bare = stripped
    return all(c in names for c in _CLASS.findall(bare)) and all(i in names for i in _ID.findall(bare))


def purge(css: str, names: set[str]) -> str:
    """``css`` without the rules whose selectors all name a class or id not in ``names``."""
    return partition(css, lambda selector: selector_alive(selector, names))[0]
