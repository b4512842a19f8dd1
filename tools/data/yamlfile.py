"""Strict YAML for course data: read as UTF-8 within limits, every mapping and sequence
remembering its line, so that every error can name file and line.

What is refused here, before any schema looks at the data (each a :class:`DataError`):

- a file that cannot be read, is larger than ``MAX_BYTES``, or is not UTF-8 (the error
  gives the line of the first bad byte, and says so when the bytes look like GBK);
- YAML syntax errors, and characters YAML does not allow (control characters);
- a key written twice in one mapping (YAML would keep the last one without a word);
- anchors and aliases (``&name``/``*name``): course data writes each text where it is
  used, and an alias bomb could otherwise grow a small file into gigabytes;
- merge keys (``<<:``), which silently lose merged values to keys written beside them;
- nesting deeper than ``MAX_DEPTH`` (the composer is recursive; deeper input would end in
  a RecursionError instead of a message).

Loading gives plain Python values, except that mappings are :class:`Mapping` and sequences
:class:`Sequence`, which carry line numbers. Validation against a schema is
:mod:`tools.data.schema`.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import DataError
from .textfile import MAX_BYTES, read_text

MAX_DEPTH = 32  # a bank nests five levels deep

__all__ = ["MAX_BYTES", "MAX_DEPTH", "DataError", "Mapping", "Sequence", "front_matter", "load", "load_text", "plain"]


class Mapping(dict):
    """A YAML mapping with the line it starts on and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class Sequence(list):
    """A YAML sequence with the line of each entry (1-based)."""

    line: int = 0
    item_lines: list


class _Refused(yaml.MarkedYAMLError):
    """Something valid YAML allows and course data does not."""


class _Loader(yaml.SafeLoader):
    depth = 0
    offset = 0  # lines before the YAML text in its file (front matter), for messages

    def compose_node(self, parent, index):
        event = self.peek_event()
        anchor = getattr(event, "anchor", None)
        if anchor is not None or isinstance(event, yaml.AliasEvent):
            sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
            raise _Refused(
                problem=f"YAML anchors and aliases ({sign}{anchor}) are not used in course data: "
                "write the text out where it is needed",
                problem_mark=event.start_mark,
            )
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _Refused(problem=f"nested more than {MAX_DEPTH} levels deep", problem_mark=event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_sequence(self, node, deep=False):  # noqa: D401 - PyYAML's signature
        sequence = Sequence(super().construct_sequence(node, deep=True))
        sequence.line = node.start_mark.line + 1
        sequence.item_lines = [child.start_mark.line + 1 for child in node.value]
        return sequence

    def construct_mapping(self, node, deep=False):  # noqa: D401 - PyYAML's signature
        first: dict = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                # `<<: {...}` merges keys under the written ones, and a key written both ways
                # loses its merged value without a word: course data writes every key out.
                raise _Refused(
                    problem="YAML merge keys (<<) are not used in course data: write each key out where it is needed",
                    problem_mark=key_node.start_mark,
                )
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            line = key_node.start_mark.line + 1
            if key_node.value in first:
                raise _Refused(
                    problem=f"duplicate key `{key_node.value}` (first at line {first[key_node.value] + self.offset}); "
                    "YAML would keep only the last one",
                    problem_mark=key_node.start_mark,
                )
            first[key_node.value] = line
        mapping = Mapping(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = first
        return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _Loader.construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _Loader.construct_sequence)


def load_text(text: str, path: Path, first_line: int = 1):
    """Parse YAML text; ``first_line`` is where the text starts in its file."""
    loader = None
    try:
        loader = _Loader(text)  # the reader checks the characters here
        loader.offset = first_line - 1
        data = loader.get_single_data()
    except _Refused as exc:
        raise DataError(path, exc.problem_mark.line + first_line, exc.problem) from None
    except yaml.MarkedYAMLError as exc:
        # The context mark is where the broken construct starts, which is where to look.
        mark = exc.context_mark or exc.problem_mark
        line = (mark.line + first_line) if mark else first_line
        raise DataError(path, line, f"not valid YAML: {exc.problem or exc}") from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        line = text[: exc.position].count("\n") + first_line
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise DataError(path, line, f"character U+{code:04X} is not allowed in YAML text") from None
    except yaml.YAMLError as exc:
        raise DataError(path, first_line, f"not valid YAML: {exc}") from None
    finally:
        if loader is not None:
            loader.dispose()
    if first_line != 1:
        _shift(data, first_line - 1)
    return data


def load(path: Path):
    return load_text(read_text(path), path)


def front_matter(path: Path):
    """The YAML front matter of a Markdown file (``---`` fenced), or None."""
    text = read_text(path)
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 4)
    if end == -1:
        raise DataError(path, 1, "front matter opened with --- but never closed")
    return load_text(text[4:end], path, first_line=2)


def _shift(node, by: int) -> None:
    if isinstance(node, Mapping):
        node.line += by
        node.key_lines = {k: v + by for k, v in node.key_lines.items()}
        for value in node.values():
            _shift(value, by)
    elif isinstance(node, list):
        if isinstance(node, Sequence):
            node.line += by
            node.item_lines = [line + by for line in node.item_lines]
        for value in node:
            _shift(value, by)


def plain(node):
    """Loaded data as plain dicts and lists (for code that dumps it again as YAML)."""
    if isinstance(node, dict):
        return {key: plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [plain(value) for value in node]
    return node
