"""Where the prose is: the parts of a course file that a reader sees as Chinese text.

A course file mixes prose with syntax that must not be touched: MyST roles and labels,
directive fences and options, code, URLs, YAML keys, Graphviz attributes, and the code of
Python and JavaScript files around their string literals. Each function here maps a file to
a list of ``Line`` objects whose ``prose`` mask says, character by character, which part is
prose. The checks (``rules.py``) only ever look at, and the fixer only ever changes, prose.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass, field
from pathlib import Path

# Directives whose body is prose, and the one whose body is Graphviz (prose only in strings).
PROSE_DIRECTIVES = {"glossary", "admonition", "note", "tip", "warning", "important", "caution", "seealso", "dropdown"}
ROLE = re.compile(r"\{([\w:-]+)\}`([^`]*)`")
INLINE_CODE = re.compile(r"(`+)[^`]*?\1")
URL = re.compile(r"<?https?://[^\s)>，。）]+>?")
LINK_TARGET = re.compile(r"\]\(([^)]*)\)")
LABEL_LINE = re.compile(r"^\s*\([\w:-]+\)=\s*$")
FENCE = re.compile(r"^(\s*)(`{3,}|:{3,})\s*(\{([\w-]+)\})?(.*)$")
OPTION = re.compile(r"^(\s*:[\w-]+:)(\s*)(.*)$")
HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
DOT_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
# A string literal holds reader text if it has Chinese characters or full-width marks.
CHINESE_TEXT = re.compile(r"[\u4e00-\u9fff“”‘’，。：；？！（）、]")
# Roles whose whole content is a reference target (no display text of their own).
TARGET_ROLES = {"ref", "doc", "numref", "download", "eq", "any", "external"}


@dataclass
class Line:
    path: str
    number: int
    text: str
    prose: list[bool] = field(default_factory=list)
    # Quotes may only be typeset where the text is free prose: not inside a string literal,
    # a Graphviz label or a YAML quoted scalar, whose delimiters are straight quotes.
    quotes_allowed: bool = True

    def mark(self, start: int, end: int, value: bool = True) -> None:
        for i in range(max(start, 0), min(end, len(self.text))):
            self.prose[i] = value


def _blank(path: str, number: int, text: str, quotes_allowed: bool = True) -> Line:
    return Line(path, number, text, [False] * len(text), quotes_allowed)


def _mark_markdown_inline(line: Line, start: int = 0) -> None:
    """Mark a line of Markdown prose from ``start``, masking roles, code, URLs and tags."""
    text = line.text
    line.mark(start, len(text))
    for match in INLINE_CODE.finditer(text, start):
        line.mark(match.start(), match.end(), False)
    for match in ROLE.finditer(text, start):
        line.mark(match.start(), match.end(), False)
        name, body = match.group(1), match.group(2)
        body_start = match.start(2)
        target = body.rfind("<")
        if target > 0 and body.endswith(">"):
            # {role}`display <target>`: the display text is prose, the target is not.
            line.mark(body_start, body_start + target)
        elif name.split(":")[-1] not in TARGET_ROLES:
            # {term}`采购风险` names a glossary term: prose, like the glossary entry itself.
            line.mark(body_start, match.end(2))
    for pattern in (URL, HTML_TAG):
        for match in pattern.finditer(text, start):
            line.mark(match.start(), match.end(), False)
    for match in LINK_TARGET.finditer(text, start):
        line.mark(match.start() + 1, match.end(), False)


def markdown_lines(path: str, text: str) -> list[Line]:
    """Prose of a MyST Markdown page (front matter values included)."""
    lines: list[Line] = []
    fences: list[tuple[str, str | None]] = []  # (fence marker, directive name)
    raw = text.split("\n")
    in_front = bool(raw) and raw[0].strip() == "---"
    for number, content in enumerate(raw, start=1):
        line = _blank(path, number, content)
        lines.append(line)
        if in_front:
            if number > 1 and content.strip() == "---":
                in_front = False
            elif number > 1:
                _mark_yaml_value(line)
            continue
        fence = FENCE.match(content)
        if fence and (not fences or fence.group(2).startswith(fences[-1][0][0])):
            marker, directive = fence.group(2), fence.group(4)
            if fences and marker == fences[-1][0] and not fence.group(3) and not fence.group(5).strip():
                fences.pop()
                continue
            if fence.group(3) or not fences or fences[-1][1] in PROSE_DIRECTIVES:
                fences.append((marker, directive))
                # ```{admonition} 课程分析: the directive's argument is a title, prose.
                if directive and fence.group(5).strip():
                    line.mark(fence.start(5), len(content))
                continue
        current = fences[-1] if fences else None
        if current is None or current[1] in PROSE_DIRECTIVES:
            if LABEL_LINE.match(content):
                continue
            option = OPTION.match(content)
            if current is not None and option:
                line.mark(option.end(2), len(content))
                _mark_markdown_inline(line, option.end(2))
                continue
            _mark_markdown_inline(line)
            if content.startswith(": "):
                line.mark(0, 2, False)  # a definition list's marker, not a colon
        elif current[1] == "graphviz":
            option = OPTION.match(content)
            if option:
                _mark_markdown_inline(line, option.end(2))
            else:
                line.quotes_allowed = False
                for match in DOT_STRING.finditer(content):
                    line.mark(match.start(1), match.end(1))
        elif current[1] in {"self-check", "relationship-map", "purchase-factors", "conversation"}:
            option = OPTION.match(content)
            if option:
                line.mark(option.end(2), len(content))
    return lines


YAML_KEY = re.compile(r"^(\s*(?:-\s+)?)([\w-]+):(\s+|$)")


def _mark_yaml_value(line: Line) -> None:
    """Mark the value of a ``key: value`` or list line of YAML; keys are never prose."""
    text = line.text
    key = YAML_KEY.match(text)
    start = key.end() if key else len(text) - len(text.lstrip(" -"))
    value = text[start:]
    if value[:1] in "|>" and value.strip() in {"|", ">", "|-", ">-", "|+", ">+"}:
        return
    if value[:1] == "[" and value.rstrip().endswith("]"):
        # A flow sequence: its commas are YAML's, each item between them is prose.
        offset = start + 1
        for item in value.rstrip()[1:-1].split(","):
            lead = len(item) - len(item.lstrip())
            line.mark(offset + lead, offset + len(item.rstrip()))
            offset += len(item) + 1
        return
    if value[:1] in {'"', "'"} and value.rstrip().endswith(value[:1]) and len(value.strip()) > 1:
        line.quotes_allowed = False
        line.mark(start + 1, start + len(value.rstrip()) - 1)
    else:
        _mark_markdown_inline(line, start)


def yaml_lines(path: str, text: str) -> list[Line]:
    """Prose of a YAML data file: values and block-scalar lines, never keys."""
    lines: list[Line] = []
    block_indent: int | None = None
    for number, content in enumerate(text.split("\n"), start=1):
        line = _blank(path, number, content)
        lines.append(line)
        indent = len(content) - len(content.lstrip(" "))
        if block_indent is not None:
            if not content.strip() or indent >= block_indent:
                _mark_markdown_inline(line)
                continue
            block_indent = None
        if content.lstrip().startswith("#"):
            continue
        key = YAML_KEY.match(content)
        rest = content[key.end() :].strip() if key else content.strip().lstrip("- ")
        if rest in {"|", ">", "|-", ">-", "|+", ">+"}:
            block_indent = indent + 1
            continue
        _mark_yaml_value(line)
    return lines


def python_lines(path: str, text: str) -> list[Line]:
    """Prose of a Python module: the contents of its string literals that hold Chinese."""
    lines = [_blank(path, n, t, quotes_allowed=False) for n, t in enumerate(text.split("\n"), start=1)]
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError):
        return lines
    layout = {tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT, tokenize.COMMENT}
    for index, token in enumerate(tokens):
        if token.type != tokenize.STRING or not CHINESE_TEXT.search(token.string):
            continue
        before = next((t for t in reversed(tokens[:index]) if t.type not in layout), None)
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        opens_block = (
            before is not None and before.string == ":" and re.match(r"\s*(async\s+)?(def|class)\b", before.line)
        )
        if "r" in token.string[: token.string.index(token.string.lstrip("rRbBuUfF")[0])].lower():
            continue  # a raw string is a pattern (a regex), not reader text
        if (before is None or opens_block) and after is not None and after.type in {tokenize.NEWLINE, tokenize.NL}:
            continue  # a docstring documents the code for developers; it is not reader text
        (row, col), (end_row, end_col) = token.start, token.end
        prefix = re.match(r"^[A-Za-z]*('''|\"\"\"|'|\")", token.string)
        quote = len(prefix.group(0)) if prefix else 1
        closing = len(prefix.group(1)) if prefix else 1
        for r in range(row, end_row + 1):
            line = lines[r - 1]
            start = col + quote if r == row else 0
            end = end_col - closing if r == end_row else len(line.text)
            line.mark(start, end)
            # Placeholders and format specs (%s, {name}) are code inside the string.
            for match in re.finditer(r"%\(?\w*\)?[sd]|%\.\d+f|\{[\w.]*\}", line.text[start:end]):
                line.mark(start + match.start(), start + match.end(), False)
            for match in HTML_TAG.finditer(line.text, start, end) if end > start else ():
                line.mark(match.start(), match.end(), False)
    return lines


JS_STRING = re.compile(r"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|`(?:[^`\\]|\\.)*`")


def javascript_lines(path: str, text: str) -> list[Line]:
    """Prose of a script: the contents of string literals that hold Chinese (no comments)."""
    lines = [_blank(path, n, t, quotes_allowed=False) for n, t in enumerate(text.split("\n"), start=1)]
    for number, content in enumerate(text.split("\n"), start=1):
        code = content.split("//", 1)[0] if "://" not in content else content
        for match in JS_STRING.finditer(code):
            if CHINESE_TEXT.search(match.group(0)):
                lines[number - 1].mark(match.start() + 1, match.end() - 1)
                for tag in re.finditer(r"\$\{[^}]*\}|<[^>]+>", match.group(0)):
                    lines[number - 1].mark(match.start() + tag.start(), match.start() + tag.end(), False)
    return lines


def html_lines(path: str, text: str) -> list[Line]:
    """Prose of an HTML/Jinja template: text between tags and attribute values."""
    lines = []
    in_comment = False  # a Jinja comment {# … #} may run over several lines
    for number, content in enumerate(text.split("\n"), start=1):
        line = _blank(path, number, content, quotes_allowed=False)
        lines.append(line)
        if in_comment:
            in_comment = "#}" not in content
            continue
        if "{#" in content and "#}" not in content.split("{#", 1)[1]:
            in_comment = True
            content = content.split("{#", 1)[0]
        line.mark(0, len(content))
        for match in re.finditer(r"\{[{%#].*?[}%#]\}|<[^>]*>", content):
            line.mark(match.start(), match.end(), False)
            for value in re.finditer(r'="([^"]*)"', match.group(0)):
                line.mark(match.start() + value.start(1), match.start() + value.end(1))
    return lines


def po_lines(path: str, text: str) -> list[Line]:
    """Prose of a gettext catalogue: the msgstr texts."""
    lines = []
    for number, content in enumerate(text.split("\n"), start=1):
        line = _blank(path, number, content, quotes_allowed=False)
        match = re.match(r'^(msgstr\s+)?"(.*)"\s*$', content)
        if match and (match.group(1) or (lines and lines[-1].prose and any(lines[-1].prose))):
            line.mark(match.start(2), match.end(2))
        lines.append(line)
    return lines


READERS = {
    ".md": markdown_lines,
    ".yml": yaml_lines,
    ".yaml": yaml_lines,
    ".py": python_lines,
    ".js": javascript_lines,
    ".html": html_lines,
    ".po": po_lines,
}


def read(path: Path, root: Path | None = None) -> list[Line]:
    """The prose lines of one course file, or none if the kind of file holds no prose."""
    reader = READERS.get(path.suffix)
    if reader is None:
        return []
    name = str(path.relative_to(root)) if root else str(path)
    return reader(name, path.read_text(encoding="utf-8"))
