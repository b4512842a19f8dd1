"""Stylesheets joined into one file, as text: what the first paint waits for, made smaller.

Every stylesheet in a page's head holds back its first paint, and each is a request of
its own (on a slow connection, 150 ms or more before its first byte; a browser opens at
most six connections to a host). The stylesheets every page links are joined into one
file, in their order, with

- relative ``url()``s rewritten for the joined file's folder;
- comments and the whitespace between rules and declarations dropped (the theme's files
  are minified already; the course's are not);
- custom properties that nothing reads dropped: Bootstrap and the theme declare hundreds
  (``--bs-...``) that no rule, page or script of this site uses.

Plain text functions; the Sphinx glue is in :mod:`tools.sphinxext.assets`.
"""

from __future__ import annotations

import posixpath
import re

_URL = re.compile(r"""url\(\s*(["']?)([^"')]+)\1\s*\)""")
_CHARSET = re.compile(r'@charset\s+"[^"]*";\s*', re.I)
_STRING = r'"(?:[^"\\]|\\.)*"|' + r"'(?:[^'\\]|\\.)*'"
_COMMENT_OR_STRING = re.compile(r"/\*.*?\*/|" + _STRING, re.S)
# A custom property's declaration: at the start of a block or after a ';', its value up
# to the next ';' or '}' outside strings.
_DECLARATION = re.compile(r"(?<=[{;])\s*(--[\w-]+)\s*:(?:[^;{}\"']|" + _STRING + r")*;?")
_READ = re.compile(r"--[\w-]+")
# The joined file's second line: the files it joins.
JOINED = re.compile(r"/\* joined: ([^*]*) \*/")


def rebase_urls(css: str, source: str, target: str) -> str:
    """``css`` of the file at ``source`` (a path in the site), its relative ``url()``s made
    relative to ``target``, the folder it will be served from."""

    def rebase(match: re.Match) -> str:
        quote, url = match.groups()
        if re.match(r"^(?:[a-z][a-z0-9+.-]*:|/|#)", url, re.I):
            return match.group(0)  # data:, absolute, or a fragment: the same from anywhere
        path = posixpath.normpath(posixpath.join(posixpath.dirname(source), url))
        return f"url({quote}{posixpath.relpath(path, target)}{quote})"

    return _URL.sub(rebase, css)


def squeeze(css: str) -> str:
    """``css`` without comments, and without the whitespace around braces and semicolons
    and at line ends; strings are left as they are. Whitespace inside selectors and values
    is kept (``a :hover`` is not ``a:hover``)."""
    out, last = [], 0
    for match in _COMMENT_OR_STRING.finditer(css):
        out.append(_tight(css[last : match.start()]))
        # A comment still separates what stood on either side of it.
        out.append(" " if match.group(0).startswith("/*") else match.group(0))
        last = match.end()
    out.append(_tight(css[last:]))
    return "".join(out).strip()


def _tight(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"\s*([{};])\s*", r"\1", text)


def drop_unread_properties(css: str, readers: str) -> str:
    """``css`` without the custom properties that neither ``css`` itself (outside the
    property's own declarations) nor ``readers`` (the site's other stylesheets, pages and
    scripts) mention. Repeated until nothing more goes, since a dropped declaration may
    have been the only reader of another."""
    outside = set(_READ.findall(readers))
    while True:
        declared = {m.group(1) for m in _DECLARATION.finditer(css)}
        # What is read: every mention of a name, except as the name being declared.
        read = set(_READ.findall(_DECLARATION.sub(lambda m: m.group(0)[m.group(0).index(":") :], css)))
        unread = declared - read - outside
        if not unread:
            return css
        css = _DECLARATION.sub(lambda m, gone=unread: "" if m.group(1) in gone else m.group(0), css)


def joined(files: list[tuple[str, str]], target: str, readers: str) -> str:
    """One stylesheet from ``files`` ((site path, text), in cascade order), to be served
    from the folder ``target``; its second line names the files."""
    parts = [squeeze(rebase_urls(_CHARSET.sub("", text), path, target)) for path, text in files]
    body = drop_unread_properties("\n".join(parts), readers)
    names = " ".join(path for path, _text in files)
    # Rules emptied of all their declarations are dropped too.
    body = re.sub(r"(?<=[{}\n])[^{}@;]+\{\}", "", body)
    return f'@charset "UTF-8";\n/* joined: {names} */\n' + body + "\n"
