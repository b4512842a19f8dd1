"""Find teaching-note passages in a build's output: the learner edition must contain none.

Every paragraph, list item, table cell and heading of ``cases/notes/*.md`` is a passage,
read with MyST's own Markdown parser so that markup (roles, emphasis, targets) is not taken
for text. A passage is searched for in every file of an output folder in one normal form,
whatever the file's format: HTML (text and attributes, entities), the raw Markdown copied to
``_sources``, the JSON inside the search index (``\\uXXXX`` escapes), pickled doctrees,
PDFs (through ``pdftotext``). The normal form drops all whitespace, because line breaks
and the spaces around tags fall differently in each format, and Chinese has none to lose.

A reference whose text is the title of its target (``{doc}`/book/x```) renders as a title
the source does not contain, so it splits a passage into fragments, each searched alone.
"""

from __future__ import annotations

import html
import re
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

MIN_LENGTH = 12  # characters of normal form; shorter fragments ("参考答案") are common words
# Roles whose text is shown as written; the rest show their target's title unless explicit.
VERBATIM_ROLES = {"term", "abbr", "sub", "sup", "kbd", "code", "guilabel", "menuselection"}
BREAK = "\x00"  # where a passage splits into separately searched fragments

_TAG = re.compile(r"<[A-Za-z/!?][^<>]*>")
_ATTRIBUTE = re.compile(r"""=\s*(?:"([^"<>]*)"|'([^'<>]*)')""")
_ROLE = re.compile(r"\{[\w:.-]+\}`([^`]*)`")
_EXPLICIT = re.compile(r"^(.*?)\s*<([^<>]*)>$", re.S)
_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})|\\([nrt\"/\\])")
_WHITESPACE = re.compile(r"\s+")
_MARKUP = str.maketrans({"*": None, "`": None, "_": None})
# Sphinx's smart quotes and dashes turn ASCII into typographic forms in HTML only.
_TYPOGRAPHY = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "..."})


@dataclass(frozen=True)
class Passage:
    text: str  # normal form: what is searched for
    source: str  # where it was written, ``path:line``
    shown: str  # the readable text, for messages

    def __str__(self) -> str:
        return f"{self.source}: {self.shown[:60]}"


def _parser():
    config = MdParserConfig(enable_extensions={"colon_fence", "deflist", "substitution", "attrs_inline", "attrs_block"})
    return create_md_parser(config, RendererHTML)


def _role_text(name: str, content: str) -> str:
    explicit = _EXPLICIT.match(content)
    if explicit:
        return explicit.group(1)
    return content if name in VERBATIM_ROLES else BREAK


def _inline_text(children) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "myst_role":
            parts.append(_role_text(child.meta.get("name", ""), child.content))
        elif child.type.endswith(("_open", "_close")):
            continue  # emphasis, links: their text follows as text tokens
        else:
            parts.append(BREAK)  # anything rendered from something else (math, substitutions)
    return "".join(parts)


def passages(paths: Iterable[Path], root: Path | None = None, min_length: int = MIN_LENGTH) -> list[Passage]:
    """The passages of these Markdown files, each at least ``min_length`` long."""
    md = _parser()
    found: list[Passage] = []
    for path in paths:
        name = path.relative_to(root).as_posix() if root else str(path)
        for token in md.parse(path.read_text(encoding="utf-8")):
            if token.type != "inline" or not token.children:
                continue
            line = token.map[0] + 1 if token.map else 0
            for fragment in _inline_text(token.children).split(BREAK):
                text = normal_form(fragment)
                if len(text) >= min_length:
                    found.append(Passage(text=text, source=f"{name}:{line}", shown=" ".join(fragment.split())))
    return found


def _unescape_json(match: re.Match) -> str:
    if match.group(1):
        return chr(int(match.group(1), 16))
    return {"n": "\n", "r": "\n", "t": "\t"}.get(match.group(2), match.group(2))


def normal_form(text: str) -> str:
    """Text with escapes decoded, tags and Markdown markup dropped, no whitespace at all."""
    text = _JSON_ESCAPE.sub(_unescape_json, text)
    text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")  # \ud83d\ude00 pairs
    text = _TAG.sub("", html.unescape(_TAG.sub("", text)))  # tags, then tags that were escaped
    text = _ROLE.sub(lambda m: _EXPLICIT.sub(r"\1", m.group(1)), text)
    text = text.translate(_MARKUP).translate(_TYPOGRAPHY)
    return _WHITESPACE.sub("", text)


def attributes(text: str) -> str:
    """The attribute values in a text, apart: dropping tags joins a paragraph across its
    inline markup but would lose a passage put in alt text or a meta description."""
    return BREAK.join(a or b for a, b in _ATTRIBUTE.findall(text))


def file_text(path: Path) -> str:
    """A file's text as a reader or a search engine would get it; PDFs through pdftotext."""
    if path.suffix.lower() == ".pdf":
        result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
        return result.stdout.decode("utf-8", "replace")
    return path.read_bytes().decode("utf-8", "ignore")


def files_under(*roots: Path) -> Iterator[Path]:
    for root in roots:
        if root.is_file():
            yield root
        else:
            yield from sorted(p for p in root.rglob("*") if p.is_file())


def find(found_in: Iterable[Path], wanted: list[Passage]) -> dict[Passage, list[Path]]:
    """For every passage, the files whose text contains it (each file read once)."""
    hits: dict[Passage, list[Path]] = {p: [] for p in wanted}
    for path in found_in:
        raw = file_text(path)
        views = normal_form(raw), normal_form(attributes(raw))
        for passage in wanted:
            if any(passage.text in view for view in views):
                hits[passage].append(path)
    return hits


def leaks(output: list[Path], notes: list[Passage]) -> list[str]:
    """One line per (file, passage) where a note shows up in ``output``; empty when clean."""
    hits = find(files_under(*output), notes)
    return [f"{path}: {passage}" for passage, paths in hits.items() for path in paths]
