"""The course's Chinese typesetting rules, checked over prose (see ``prose.py``).

Each rule reports ``Finding`` objects with the file, line and column, what is wrong, and a
replacement where the right text is certain. The rules:

- ``punct``: half-width , ; : ? ! . in Chinese text (full-width ，；：？！。 instead);
- ``paren``: half-width ( ) around or beside Chinese text (（ ）);
- ``quote``: straight quotes in Chinese text (“ ” and ‘ ’), and curly quotes that point the
  wrong way (a closing mark with nothing open, an opening one never closed);
- ``space``: Chinese written against Latin letters or digits with no space (one space between
  them), or a space beside full-width punctuation (none);
- ``chapter``: chapter references not written “第 3 章”;
- ``term``: a listed variant of a glossary term (the glossary's word instead).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .prose import Line

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
FULL = "，。：；？！（）、“”‘’《》【】…—"
IS_HAN = re.compile(f"[{HAN}]")
CHINESE = re.compile(f"[{HAN}{FULL}]")
HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。", "(": "（", ")": "）"}
# Markup a reader never sees, skipped when looking for a mark's neighbours.
MARKUP = set("*_`")
CHAPTER_NUMERALS = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}

# Variants of glossary terms: (pattern, the glossary's word). One term per concept.
TERM_VARIANTS: list[tuple[str, str]] = [
    (r"机构", "组织"),
    # 单位 stays in the criminal law's names (单位犯罪, 单位行贿罪, 对单位行贿罪).
    (r"(?<![计量度对])单位(?!时间|价格|数量|面积|长度|行贿|犯罪)", "组织"),
    (r"性能价格比", "性价比"),
    (r"财务经理", "财务主管"),
    (r"情感投入|感情投入|情感投资", "感情投资"),
    (r"竞业禁止", "竞业限制"),
    (r"(?<![原始参考培训师学习阅读案例])资料(?!来源)", "原始资料"),
    (r"(?<![原始参考培训学习阅读])原文", "原始资料"),
    (r"教材", "原始资料"),
]


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    rule: str
    message: str
    # (start, end, replacement) in the line's text, when the right text is certain.
    fix: tuple[int, int, str] | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column + 1}: {self.rule}: {self.message}"


def _at(line: Line, column: int, rule: str, message: str, fix: tuple[int, int, str] | None = None) -> Finding:
    return Finding(line.path, line.number, column, rule, message, fix)


def _left(text: str, i: int) -> str:
    """The visible character before position ``i`` (markup and spaces skipped)."""
    j = i - 1
    while j >= 0 and (text[j] in MARKUP or text[j] == " "):
        j -= 1
    return text[j] if j >= 0 else ""


def _right(text: str, i: int) -> str:
    """The visible character after position ``i``: past markup, spaces and a role's name."""
    j = i + 1
    while j < len(text):
        role = re.match(r"\{[\w:-]+\}`", text[j:])
        if role:
            j += role.end()
        elif text[j] in MARKUP or text[j] == " ":
            j += 1
        else:
            return text[j]
    return ""


def _chinese(char: str) -> bool:
    return bool(char) and bool(CHINESE.match(char))


def punctuation(line: Line) -> list[Finding]:
    text, out = line.text, []
    for i, char in enumerate(text):
        if not line.prose[i] or char not in ",;:?!.":
            continue
        left, right = _left(text, i), _right(text, i)
        if char == ".":
            # A full stop ends Chinese text; a dot between digits or Latin words does not.
            if text[i : i + 3] == "..." and IS_HAN.match(left or " "):
                out.append(_at(line, i, "punct", "“...” in Chinese text: write “……”", (i, i + 3, "……")))
            elif IS_HAN.match(left or " ") and (right == "" or _chinese(right) or text[i + 1 : i + 2] in {"", " "}):
                out.append(_at(line, i, "punct", "half-width “.” after Chinese: write “。”", (i, i + 1, "。")))
            continue
        if text[i - 1 : i] == "." or text[i + 1 : i + 2] == "/":
            continue
        if _chinese(left) or (_chinese(right) and not left.isdigit()):
            end = i + 1
            while end < len(text) and text[end] == " " and line.prose[end]:
                end += 1
            full = HALF_TO_FULL[char]
            out.append(_at(line, i, "punct", f"half-width “{char}” in Chinese text: write “{full}”", (i, end, full)))
    return out


def parentheses(line: Line) -> list[Finding]:
    text, out, stack = line.text, [], []
    pairs = []
    for i, char in enumerate(text):
        if not line.prose[i]:
            continue
        if char == "(":
            stack.append(i)
        elif char == ")" and stack:
            pairs.append((stack.pop(), i))
    for start, end in pairs:
        inner = text[start + 1 : end]
        if IS_HAN.search(inner) or _chinese(_left(text, start)) or _chinese(_right(text, end)):
            # A space outside full-width parentheses is not needed.
            out.append(
                _at(line, start, "paren", "half-width “(” in Chinese text: write “（”", (start, start + 1, "（"))
            )
            out.append(_at(line, end, "paren", "half-width “)” in Chinese text: write “）”", (end, end + 1, "）")))
    return out


def quotes(line: Line) -> list[Finding]:
    text, out = line.text, []
    for straight, (opening, closing) in (('"', "“”"), ("'", "‘’")):
        marks = [i for i, c in enumerate(text) if c == straight and line.prose[i]]
        if straight == "'":
            # An apostrophe inside a Latin word (don't, Porter's) is not a quotation mark.
            marks = [i for i in marks if not (text[i - 1 : i].isalpha() and text[i + 1 : i + 2].isalpha())]
        for a, b in zip(marks[::2], marks[1::2], strict=False):
            inner = text[a + 1 : b]
            if IS_HAN.search(inner) or _chinese(_left(text, a)) or _chinese(_right(text, b)):
                if line.quotes_allowed:
                    out.append(
                        _at(
                            line,
                            a,
                            "quote",
                            f"straight quotes in Chinese text: write {opening}…{closing}",
                            (a, a + 1, opening),
                        )
                    )
                    out.append(
                        _at(
                            line,
                            b,
                            "quote",
                            f"straight quotes in Chinese text: write {opening}…{closing}",
                            (b, b + 1, closing),
                        )
                    )
                else:
                    out.append(_at(line, a, "quote", f"straight quotes in Chinese text: write {opening}…{closing}"))
        depth = 0
        for i, char in enumerate(text):
            if not line.prose[i]:
                continue
            if char == opening:
                if depth:
                    out.append(
                        _at(
                            line, i, "quote", f"“{opening}” opens a quotation inside an open one: is it a closing mark?"
                        )
                    )
                depth = 1
            elif char == closing:
                if not depth:
                    out.append(
                        _at(
                            line,
                            i,
                            "quote",
                            f"“{closing}” closes a quotation that was never opened: it points the wrong way",
                        )
                    )
                depth = 0
    return out


LATIN = re.compile(r"[A-Za-z0-9]")


def spacing(line: Line) -> list[Finding]:
    text, out = line.text, []
    for i in range(1, len(text)):
        a, b = text[i - 1], text[i]
        if not (line.prose[i - 1] and line.prose[i]) or text[i - 2 : i - 1] == "\\":
            continue  # (an escape such as \n in a Graphviz label or a string literal)
        if (IS_HAN.match(a) and LATIN.match(b)) or (LATIN.match(a) and IS_HAN.match(b)):
            out.append(
                _at(
                    line,
                    i,
                    "space",
                    f"no space between “{a}” and “{b}”: put one space between Chinese and Latin or digits",
                    (i, i, " "),
                )
            )
    # A space between Chinese text and full-width punctuation (dashes and table cells aside).
    tight = "，。：；？！（）、“”‘’《》【】"
    for match in re.finditer(f"(?<=[{HAN}{tight}]) +(?=[{tight}])|(?<=[{tight}]) +(?=[{HAN}{tight}])", text):
        if all(line.prose[match.start() : match.end()]):
            out.append(
                _at(
                    line,
                    match.start(),
                    "space",
                    "space beside full-width punctuation",
                    (match.start(), match.end(), ""),
                )
            )
    return out


CHAPTER = re.compile(r"第\s*([一二三四五六七八九]|\d+)\s*章")


def chapters(line: Line) -> list[Finding]:
    out = []
    for match in CHAPTER.finditer(line.text):
        if not all(line.prose[match.start() : match.end()]):
            continue
        number = CHAPTER_NUMERALS.get(match.group(1), match.group(1))
        wanted = f"第 {number} 章"
        if match.group(0) != wanted:
            out.append(
                _at(
                    line,
                    match.start(),
                    "chapter",
                    f"write chapter references as “{wanted}”",
                    (match.start(), match.end(), wanted),
                )
            )
    return out


def terms(line: Line) -> list[Finding]:
    out = []
    for pattern, wanted in TERM_VARIANTS:
        for match in re.finditer(pattern, line.text):
            if all(line.prose[match.start() : match.end()]):
                out.append(_at(line, match.start(), "term", f"“{match.group(0)}”: the glossary's term is “{wanted}”"))
    return out


RULES = (punctuation, parentheses, quotes, spacing, chapters, terms)


def check(lines: list[Line]) -> list[Finding]:
    return [finding for line in lines if any(line.prose) for rule in RULES for finding in rule(line)]
