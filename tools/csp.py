"""The site's Content-Security-Policy: what it allows, and the tag that carries it.

The policy rides in a ``<meta http-equiv>`` tag, because the site is also opened from
file:// and from static hosts whose headers we don't control. It allows scripts only from
the site itself, plus WebAssembly compilation for the analysis tools' MicroPython runtime
(``'wasm-unsafe-eval'``), plus the hashes of the few inline scripts the theme and Sphinx
still write (the colour-scheme switch that must run before the first paint, and
``DOCUMENTATION_OPTIONS``). Data blocks (``<script type="application/json">``) are not run
and need no hash. Styles may be inline (the theme writes some, and the tools set styles
from script); ``data:`` images are allowed for the icon masks in course.css.

The tag is placed first in ``<head>`` after the charset, before any script it governs.
The site build adds it to every page (tools/sphinxext/csp.py); the SCORM package's launch
page gets it too (tools/lms/scorm_pages.py).
"""

from __future__ import annotations

import base64
import hashlib
import re

DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self' data:"),
    ("object-src", "'none'"),
    ("base-uri", "'none'"),
    ("form-action", "'self'"),
)
# Script elements the browser runs: no type, or a JavaScript type.
_RUNNABLE = re.compile(r'\btype\s*=\s*["\']?(?!text/javascript|module|application/javascript)[\w/+-]+', re.I)
_INLINE = re.compile(r"<script(?![^>]*\bsrc\s*=)([^>]*)>(.*?)</script>", re.S | re.I)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)
_EXISTING = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*')


# A page's content: what Sphinx made of its source, between the template's parts.
_CONTENT = re.compile(r"<article\b[^>]*>.*</article>", re.S | re.I)


def script_hashes(html: str) -> list[str]:
    """The CSP hash sources of the template's inline scripts that run, in page order. A
    script inside the page's content (``<article>``) gets no hash, so it cannot run: the
    build refuses such a script anyway (tools/sphinxext/leak_guard.py); this keeps it from
    running if it arrived by a way the build does not know."""
    hashes = []
    html = _CONTENT.sub("", html)
    for match in _INLINE.finditer(html):
        if _RUNNABLE.search(match.group(1)):
            continue
        digest = hashlib.sha256(match.group(2).encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(html: str) -> str:
    hashes = " ".join(script_hashes(html))
    parts = [f"{name} {value} {hashes}" if name == "script-src" else f"{name} {value}" for name, value in DIRECTIVES]
    return "; ".join(part.strip() for part in parts)


def with_policy(html: str) -> str:
    """``html`` with its policy tag first in ``<head>`` (replacing an earlier one)."""
    html = _EXISTING.sub("", html)
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    charset = _CHARSET.search(html)
    if charset:
        return html[: charset.end()] + "\n    " + tag + html[charset.end() :]
    head = re.search(r"<head[^>]*>", html, re.I)
    if head is None:
        raise ValueError("a page without <head>: nowhere to put its Content-Security-Policy")
    return html[: head.end()] + "\n" + tag + html[head.end() :]
