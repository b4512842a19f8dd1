"""JSON to put inside an HTML ``<script>`` element (data blocks, inline data files).

Inside ``<script>`` the HTML parser does not read JSON: ``</script>`` ends the element and
``<!--<script>`` sends the parser into a state where the element swallows the rest of the
page (the reviewer's R5: one such string in a self-check bank removed the final test's start
button). So every ``<``, ``>`` and ``&`` is written as a ``\\uXXXX`` escape, which JSON
reads back as the same character, and so are U+2028 and U+2029, which older JavaScript
engines do not accept in a string literal.
"""

from __future__ import annotations

import json
import re

_UNSAFE = re.compile("[<>&\u2028\u2029]")


def script_json(value, *, sort_keys: bool = False, separators: tuple[str, str] | None = None) -> str:
    """``value`` as JSON that is safe inside a ``<script>`` element, and still readable UTF-8."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=sort_keys, separators=separators)
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
