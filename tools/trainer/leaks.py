"""Find teaching notes in what learners get: the learner edition must contain none of them.

Every paragraph, list item, table cell and heading of every page under ``cases/notes``
(:func:`notes_files`: the teaching notes, the trainer's guide, the case kits) is a passage,
read with MyST's own Markdown parser so that markup (roles, emphasis, targets) is not taken
for text. A reference whose text is the title of its target (``{doc}`/book/x```) renders
as a title the source does not contain, so it splits a passage into fragments.

What counts as finding a note (:class:`Notes`, :func:`scan`): any 16-character run of a
passage that is at least half Chinese, and any sentence of at least 10 Chinese characters.
So a partial include, one copied sentence, or a paragraph with a comma changed is caught,
not only a whole passage. Both sides are compared in one form (:func:`fingerprint`),
whatever the file's format: HTML (text and attributes, entities), the Markdown copied to
``_sources``, JSON (``\\uXXXX`` escapes), pickled doctrees, PDFs (through ``pdftotext``),
and every member of a zip archive (the SCORM package). The form drops all whitespace
(line breaks fall differently in each format, and Chinese has none to lose) and writes
full-width and half-width punctuation, and every quote style, alike.
"""

from __future__ import annotations

import html
import io
import re
import subprocess
import unicodedata
import zipfile
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


def _invisible() -> re.Pattern:
    """Every character that shows nothing: Unicode format characters (category Cf: zero-width
    space and joiners, soft hyphen, word joiner, BOM, bidi marks), variation selectors, the
    combining grapheme joiner and the Hangul fillers. Put between the characters of a copied
    paragraph, they leave it looking the same and would hide it from a plain comparison."""
    chars = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"]
    chars += [chr(c) for c in (*range(0xFE00, 0xFE10), 0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0)]
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]")


_INVISIBLE = _invisible()


def _replacer(table: dict[str, str]):
    """``str.translate`` for a few characters, done as one regex: translate looks up every
    character of a non-ASCII text in the table, which is slow on megabytes of output."""
    pattern = re.compile("[" + re.escape("".join(table)) + "]")
    return lambda text: pattern.sub(lambda match: table[match.group()], text)


_MARKUP = _replacer({"*": "", "`": "", "_": ""})
# Sphinx's smart quotes and dashes turn ASCII into typographic forms in HTML only.
_TYPOGRAPHY = _replacer({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "..."})


@dataclass(frozen=True)
class Passage:
    text: str  # normal form: what is searched for
    source: str  # where it was written, ``path:line``
    shown: str  # the readable text, for messages
    # The fragment follows a rendered title (a {doc} reference): its first sentence is
    # only the end of one, which often names what the referenced page is about.
    cut: bool = False

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


# Keys of trainer data whose texts learners see anyway: a lecture deck's slide titles and
# points restate the chapters (and are projected to the class); its notes are the secret.
PUBLIC_KEYS = {"slides": frozenset({"title", "chapter", "points", "axes", "cells", "steps"})}


def _data_strings(node: object, public: frozenset[str] = frozenset()) -> Iterator[str]:
    """Every text in a data file's tree (mappings, lists, strings), in file order, except
    under ``public`` keys."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in public:
                yield from _data_strings(value, public)
    elif isinstance(node, list):
        for value in node:
            yield from _data_strings(value, public)


def data_passages(path: Path, name: str, min_length: int) -> list[Passage]:
    """The texts of a YAML data file (the certification pool, its written case): each string
    a passage, each line of a multi-line string its own."""
    import yaml

    found = []
    public = PUBLIC_KEYS.get(path.parent.name, frozenset())
    for text in _data_strings(yaml.safe_load(path.read_text(encoding="utf-8")), public):
        for fragment in text.splitlines():
            normal = normal_form(fragment)
            if len(normal) >= min_length:
                found.append(Passage(text=normal, source=name, shown=" ".join(fragment.split()), cut=False))
    return found


def passages(paths: Iterable[Path], root: Path | None = None, min_length: int = MIN_LENGTH) -> list[Passage]:
    """The passages of these Markdown (and YAML data) files, each at least ``min_length`` long."""
    md = _parser()
    found: list[Passage] = []
    for path in paths:
        name = path.relative_to(root).as_posix() if root else str(path)
        if path.suffix == ".yml":
            found += data_passages(path, name, min_length)
            continue
        for token in md.parse(path.read_text(encoding="utf-8")):
            if token.type != "inline" or not token.children:
                continue
            line = token.map[0] + 1 if token.map else 0
            for number, fragment in enumerate(_inline_text(token.children).split(BREAK)):
                text = normal_form(fragment)
                if len(text) >= min_length:
                    shown = " ".join(fragment.split())
                    found.append(Passage(text=text, source=f"{name}:{line}", shown=shown, cut=number > 0))
    return found


def _unescape_json(match: re.Match) -> str:
    if match.group(1):
        return chr(int(match.group(1), 16))
    return {"n": "\n", "r": "\n", "t": "\t"}.get(match.group(2), match.group(2))


def normal_form(text: str) -> str:
    """Text with escapes decoded, tags, Markdown markup and invisible characters dropped, no
    whitespace at all."""
    text = _JSON_ESCAPE.sub(_unescape_json, text)
    text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")  # \ud83d\ude00 pairs
    text = _TAG.sub("", html.unescape(_TAG.sub("", text)))  # tags, then tags that were escaped
    text = _INVISIBLE.sub("", text)  # after unescaping: &#8203; and &shy; too
    text = _ROLE.sub(lambda m: _EXPLICIT.sub(r"\1", m.group(1)), text)
    text = _TYPOGRAPHY(_MARKUP(text))
    return _WHITESPACE.sub("", text)


def attributes(text: str) -> str:
    """The attribute values in a text, apart: dropping tags joins a paragraph across its
    inline markup but would lose a passage put in alt text or a meta description."""
    return BREAK.join(a or b for a, b in _ATTRIBUTE.findall(text))


# The scan. Passages above are what the notes say; below, what counts as finding one.

WINDOW = 16  # characters: every run this long of a note, searched for anywhere
MIN_HAN_IN_WINDOW = 8  # a window is at least half Chinese (a bare citation is not a note)
MIN_HAN_IN_SENTENCE = 10  # a sentence with this many Chinese characters is searched whole
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Sentences end at 。！？； and also at a colon: "不足：……" is a label and a sentence.
_SENTENCE = re.compile(r"[^.!?;:]+[.!?;:]?")
# Punctuation NFKC leaves alone, mapped to one ASCII form, so that width and quote style
# (，/, “”/"" 「」) make no difference.
_CANON = _replacer(
    {
        "。": ".", "、": ",", "·": ".", "・": ".", "「": '"', "」": '"', "『": '"', "』": '"',
        "“": '"', "”": '"', "‘": "'", "’": "'", "《": "<", "》": ">", "〈": "<", "〉": ">",
        "【": "[", "】": "]", "〔": "(", "〕": ")", "—": "-", "–": "-", "―": "-", "～": "~",
    }
)  # fmt: skip


def fingerprint(text: str) -> str:
    """The form the scan compares: :func:`normal_form`, then full-width characters as
    half-width (NFKC) and Chinese punctuation and quotes as one ASCII form each."""
    text = _CANON(unicodedata.normalize("NFKC", normal_form(text)))
    return _WHITESPACE.sub("", text)


@dataclass(frozen=True)
class Leak:
    file: str  # a path, or ``archive.zip!member``
    passage: Passage  # the note it comes from
    text: str  # the longest run found, in fingerprint form

    def __str__(self) -> str:
        return f"{self.file}: {self.passage.source}: {self.text[:60]}"


class Notes:
    """The notes in searchable form: every 16-character window that is at least half
    Chinese, and every sentence with at least 10 Chinese characters that no window covers
    (short sentences).

    ``public`` are names learners see anyway (page titles): the notes name their case by
    its title, so a window or sentence inside one of them is no secret.
    """

    def __init__(self, found: list[Passage], public: Iterable[str] = ()) -> None:
        self.windows: dict[str, Passage] = {}
        self.sentences: dict[str, Passage] = {}
        names = [fingerprint(name) for name in public]

        def secret(text: str) -> bool:
            return not any(text in name for name in names)

        for passage in found:
            text = fingerprint(passage.shown)
            own = set()
            for start in range(len(text) - WINDOW + 1):
                window = text[start : start + WINDOW]
                if len(_HAN.findall(window)) >= MIN_HAN_IN_WINDOW and secret(window):
                    self.windows.setdefault(window, passage)
                    own.add(window)
            for number, sentence in enumerate(_SENTENCE.findall(text)):
                if number == 0 and passage.cut:
                    continue  # not a whole sentence (its windows still count)
                body = sentence.rstrip(".!?;:")
                if len(_HAN.findall(body)) < MIN_HAN_IN_SENTENCE or not secret(body):
                    continue
                if not any(body[i : i + WINDOW] in own for i in range(len(body) - WINDOW + 1)):
                    self.sentences.setdefault(body, passage)

    @classmethod
    def of(cls, paths: Iterable[Path], root: Path | None = None, public: Iterable[Path] = ()) -> Notes:
        """The notes in ``paths``; ``public`` are the learner pages whose titles they may name."""
        return cls(passages(paths, root, min_length=MIN_HAN_IN_SENTENCE), titles(public))

    def search(self, text: str) -> dict[Passage, str]:
        """Each passage found in ``text`` (any format), with the longest run found."""
        found: dict[Passage, str] = {}

        def keep(passage: Passage, run: str) -> None:
            if len(run) > len(found.get(passage, "")):
                found[passage] = run

        for view in (fingerprint(text), fingerprint(attributes(text))):
            if not _HAN.search(view):
                continue  # scripts, styles, fonts: nothing a note could be
            run_start, run_passage = -1, None
            for start in range(len(view) - WINDOW + 2):
                passage = self.windows.get(view[start : start + WINDOW])
                if passage is not run_passage:
                    if run_passage is not None:
                        keep(run_passage, view[run_start : start - 1 + WINDOW])
                    run_start, run_passage = start, passage
            for sentence, passage in self.sentences.items():
                if sentence in view:
                    keep(passage, sentence)
        return found


def notes_files(source: Path) -> list[Path]:
    """Every trainer-only text of the course in ``source``: all Markdown and YAML data under
    ``cases/notes``, subfolders included (teaching notes, the trainer's guide, the case kits,
    the certification pool and its written case), so that new trainer material is scanned
    for without anyone listing it. (The trainer table of contents is structure, not text.)"""
    notes = source / "cases" / "notes"
    data = [path for path in notes.rglob("*.yml") if path.name != "trainer-toc.yml"]
    return sorted([*notes.rglob("*.md"), *data])


def titles(paths: Iterable[Path]) -> list[str]:
    """The top-level headings (``# …``) of Markdown pages."""
    md = _parser()
    found = []
    for path in paths:
        tokens = md.parse(path.read_text(encoding="utf-8"))
        for opening, inline in zip(tokens, tokens[1:], strict=False):
            if opening.type == "heading_open" and opening.tag == "h1" and inline.children:
                found.append(_inline_text(inline.children).replace(BREAK, " "))
    return found


def artefacts(*paths: Path) -> Iterator[tuple[str, str]]:
    """(name, text) of every file in ``paths``: files, folders (every file under them) and
    zip archives (every member, archives inside archives too), PDFs as their text."""
    for path in paths:
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                yield from texts(str(file), file.read_bytes())
        elif path.is_file():
            yield from texts(str(path), path.read_bytes())
        else:
            raise FileNotFoundError(f"{path}: nothing to scan there")


def texts(name: str, data: bytes, depth: int = 0) -> Iterator[tuple[str, str]]:
    if name.lower().endswith(".zip") and zipfile.is_zipfile(io.BytesIO(data)) and depth < 3:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.infolist():
                if not member.is_dir():
                    yield from texts(f"{name}!{member.filename}", archive.read(member), depth + 1)
        return
    if name.lower().endswith(".pdf"):
        result = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
        yield name, result.stdout.decode("utf-8", "replace")
        return
    yield name, data.decode("utf-8", "ignore")


def scan_texts(named: Iterable[tuple[str, str]], notes: Notes) -> list[Leak]:
    """Every (name, note passage) where a note shows up in these (name, text) pairs."""
    return [
        Leak(name, passage, run)
        for name, text in named
        for passage, run in sorted(notes.search(text).items(), key=lambda hit: hit[0].source)
    ]


def scan(paths: Iterable[Path], notes: Notes) -> list[Leak]:
    """Every (file, note passage) where a note shows up in ``paths``; empty when clean."""
    return scan_texts(artefacts(*paths), notes)
