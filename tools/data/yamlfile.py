"""YAML that remembers where each mapping sits, so errors can name file and line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass
class DataError(Exception):
    """A problem in a course data file, located to the line."""

    path: Path
    line: int
    message: str
    item: str | None = None

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}"

    @property
    def detail(self) -> str:
        """The message without its location (for loggers that print the location)."""
        return f"{self.item}: {self.message}" if self.item else self.message

    def __str__(self) -> str:
        return f"{self.location}: {self.detail}"


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


class _Loader(yaml.SafeLoader):
    def construct_sequence(self, node, deep=False):  # noqa: D401 - PyYAML's signature
        sequence = Sequence(super().construct_sequence(node, deep=True))
        sequence.line = node.start_mark.line + 1
        sequence.item_lines = [child.start_mark.line + 1 for child in node.value]
        return sequence

    def construct_mapping(self, node, deep=False):  # noqa: D401 - PyYAML's signature
        mapping = Mapping(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {
            key_node.value: key_node.start_mark.line + 1
            for key_node, _ in node.value
            if isinstance(key_node, yaml.ScalarNode)
        }
        return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _Loader.construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _Loader.construct_sequence)


def load_text(text: str, path: Path, first_line: int = 1):
    """Parse YAML text; ``first_line`` is where the text starts in its file."""
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        # The context mark is where the broken construct starts, which is where to look.
        mark = exc.context_mark or exc.problem_mark
        line = (mark.line + first_line) if mark else first_line
        raise DataError(path, line, f"not valid YAML: {exc.problem or exc}") from exc
    if first_line != 1:
        _shift(data, first_line - 1)
    return data


def load(path: Path):
    return load_text(path.read_text(encoding="utf-8"), path)


def front_matter(path: Path):
    """The YAML front matter of a Markdown file (``---`` fenced), or None."""
    text = path.read_text(encoding="utf-8")
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
