"""One strict schema layer for every kind of course data: question banks
(``exercises/*.yml``), case front matter (``cases/*.md``) and whatever comes next
(conversations, ``exercises/conversations/<id>.yml``).

A data kind declares its shape once, as a tree of the types below, and reads its files with
:func:`load` (a YAML file) or :func:`check` (data already loaded, e.g. front matter). The
file is read strictly by :mod:`tools.data.yamlfile` (UTF-8, size and depth limits, no
duplicate keys, no aliases); the schema then refuses unknown keys (suggesting the nearest
known one), missing keys and values of the wrong type. Every refusal is a
:class:`~tools.data.yamlfile.DataError` with file, line, the item's ID where there is one,
and a message that says what to write instead.

Types
-----
``Text(pattern=None, form="")``
    a non-empty string; numbers and booleans are refused with a hint to quote them (YAML
    reads ``2024`` as a number and ``yes`` as true). ``pattern`` (a regex) must match the
    whole text; ``form`` describes it in the error.
``Bool()``, ``Int(low, high, unit="")``
    ``true``/``false`` (not ``"true"``); a whole number in ``low..high``.
``Choice(*values)``
    one of fixed strings; a near miss gets "did you mean".
``ListOf(entry, low=1, high=None, noun="entries", name=None, why="")``
    a sequence of ``low..high`` entries of type ``entry``; ``name(i)`` names entry ``i`` in
    messages (``"option B"``), ``why`` explains the upper limit.
``AnyOf(*types)``
    the first type that accepts the value (``answer: B`` or ``answer: [A, C]``).
``Record(fields, what="", id_key=None)``
    a mapping with exactly these keys: ``fields`` maps a key to its type, or to
    ``Optional(type)``. ``what`` is said when the value is not a mapping at all;
    ``id_key`` names the key whose value identifies the record in every error inside it.
``Variants(tag, tag_type, common, variants, what="", id_key=None, noun="items")``
    a Record whose keys depend on the value of key ``tag``: ``common`` fields plus
    ``variants[value]``. A key of another variant is named as such ("`steps` belongs to
    ordering items").

Declaring a new kind (for example conversations)::

    from tools.data import schema as s

    TURN = s.Record({"speaker": s.Choice("seller", "buyer"), "text": s.Text()}, what="a turn")
    CONVERSATION = s.Record(
        {
            "id": s.Text(pattern=r"[a-z][a-z0-9-]*", form="lower-case words joined by hyphens"),
            "title": s.Text(),
            "turns": s.ListOf(TURN, low=2, noun="turns", name=lambda i: f"turn {i + 1}"),
            "note": s.Optional(s.Text()),
        },
        what="a conversation",
    )

    data = s.load(path, CONVERSATION)  # a checked yamlfile.Mapping, line numbers included

The checked data is returned as loaded (``Mapping``/``Sequence`` with lines); the kind's own
module turns it into its dataclasses and checks the rules that relate fields to each other
(one correct option, IDs unique, and so on), raising ``DataError`` the same way.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .yamlfile import DataError, Mapping, Sequence
from .yamlfile import load as load_yaml

__all__ = [
    "AnyOf",
    "Bool",
    "Choice",
    "Context",
    "Int",
    "ListOf",
    "Optional",
    "Record",
    "Text",
    "Variants",
    "check",
    "load",
    "suggestion",
]


@dataclass(frozen=True)
class Context:
    """Where a value sits: its file, the item it belongs to, and how messages name it."""

    path: Path
    item: str | None = None
    where: str = ""  # "option B", prefixed to messages about values inside it

    def error(self, line: int, message: str) -> DataError:
        return DataError(self.path, line, f"{self.where}: {message}" if self.where else message, self.item)

    def inside(self, where: str = "", item: str | None = None) -> Context:
        return Context(self.path, item if item is not None else self.item, where or self.where)

    def named(self, item: str | None) -> Context:
        """Inside a record that has an ID: the ID names it in messages, not its position."""
        return Context(self.path, item, "") if item else self


def suggestion(word: str, known: list[str]) -> str:
    """``— did you mean `x`?`` for the nearest known word, or nothing."""
    lowered = {k.lower(): k for k in known}
    near = lowered.get(word.lower()) or next(iter(difflib.get_close_matches(word, known, n=1, cutoff=0.6)), None)
    return f" — did you mean `{near}`?" if near else ""


def _describe(value) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (YAML reads yes/no/on/off/true/false as true or false; put a text in quotes)"
    if isinstance(value, int | float):
        return f'the number {value} (put it in quotes to write it as text: "{value}")'
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "empty"
    return repr(value)


class Type:
    """A node type: ``check`` raises DataError or returns None."""

    missing = "is missing"

    def check(self, value, ctx: Context, key: str, line: int) -> None:
        raise NotImplementedError

    @staticmethod
    def name(key: str) -> str:
        return f"`{key}`" if key else "the value"


@dataclass(frozen=True)
class Text(Type):
    pattern: str | None = None
    form: str = ""
    missing = "is missing or empty"

    def check(self, value, ctx, key, line):
        if isinstance(value, str):
            if not value.strip():
                raise ctx.error(line, f"{self.name(key)} is missing or empty")
            if self.pattern and not re.fullmatch(self.pattern, value.strip()):
                raise ctx.error(line, f"{self.name(key)} {value.strip()!r} is not {self.form or self.pattern}")
            return
        if value is None:
            raise ctx.error(line, f"{self.name(key)} is missing or empty")
        raise ctx.error(line, f"{self.name(key)} must be text, not {_describe(value)}")


@dataclass(frozen=True)
class Bool(Type):
    missing = "is missing: write true or false"

    def check(self, value, ctx, key, line):
        if not isinstance(value, bool):
            quoted = " (without quotes)" if isinstance(value, str) and value.lower() in ("true", "false") else ""
            raise ctx.error(line, f"{self.name(key)} must be true or false{quoted}, not {_describe(value)}")


@dataclass(frozen=True)
class Int(Type):
    low: int
    high: int
    unit: str = ""

    def check(self, value, ctx, key, line):
        if isinstance(value, bool) or not isinstance(value, int) or not self.low <= value <= self.high:
            unit = f"{self.unit} " if self.unit else "a whole number "
            raise ctx.error(line, f"{self.name(key)} must be {unit}between {self.low} and {self.high}, not {value!r}")


class Choice(Type):
    def __init__(self, *values: str) -> None:
        self.values = values

    def check(self, value, ctx, key, line):
        if not isinstance(value, str) or value not in self.values:
            hint = suggestion(value, list(self.values)) if isinstance(value, str) else ""
            raise ctx.error(line, f"unknown {key or 'value'} {value!r}{hint} (known: {', '.join(self.values)})")


class ListOf(Type):
    def __init__(
        self,
        entry: Type,
        low: int = 1,
        high: int | None = None,
        noun: str = "entries",
        name: Callable[[int], str] | None = None,
        why: str = "",
    ) -> None:
        self.entry, self.low, self.high, self.noun, self.name_entry, self.why = entry, low, high, noun, name, why

    @property
    def span(self) -> str:
        return f"at least {self.low}" if self.high is None else f"{self.low} to {self.high}"

    @property
    def described(self) -> str:
        """ "a list of 2 to 8 options", or "a list of skills" when any non-empty list will do."""
        span = "" if self.high is None and self.low == 1 else f"{self.span} "
        return f"a list of {span}{self.noun}"

    @property
    def missing(self) -> str:  # type: ignore[override]
        return f"is missing ({self.described})"

    def check(self, value, ctx, key, line):
        if not isinstance(value, list):
            raise ctx.error(line, f"{self.name(key)} must be {self.described}, not {_describe(value)}")
        count = len(value)
        if count < self.low or (self.high is not None and count > self.high):
            if self.high is None and self.low == 1:
                raise ctx.error(line, f"{self.name(key)} must be a non-empty list")
            why = f" ({self.why})" if self.why and self.high is not None and count > self.high else ""
            raise ctx.error(line, f"needs {self.span} {self.noun}, has {count}{why}")
        lines = getattr(value, "item_lines", [line] * count)
        for number, (entry, entry_line) in enumerate(zip(value, lines, strict=True)):
            where = self.name_entry(number) if self.name_entry else f"{key} entry {number + 1}"
            if isinstance(self.entry, Record | Variants):
                self.entry.check(entry, ctx.inside(where), "", entry_line)
            else:
                self.entry.check(entry, ctx, where, entry_line)


class AnyOf(Type):
    """The first of ``types`` that accepts the value; otherwise the first one's error."""

    def __init__(self, *types: Type) -> None:
        self.types = types

    def check(self, value, ctx, key, line):
        errors = []
        for kind in self.types:
            try:
                kind.check(value, ctx, key, line)
                return
            except DataError as exc:
                errors.append(exc)
        raise errors[0]


@dataclass(frozen=True)
class Optional:
    """A key that may be left out (or left empty)."""

    type: Type


def _split(fields: dict) -> dict[str, tuple[Type, bool]]:
    return {key: (f.type, False) if isinstance(f, Optional) else (f, True) for key, f in fields.items()}


def _check_fields(
    node: Mapping, fields: dict[str, tuple[Type, bool]], ctx: Context, unknown: Callable[[str], str], line: int
) -> None:
    """``line`` is where the mapping is named (its key in the parent, or its list entry):
    a missing key is reported there."""
    # Unknown keys first: a misspelt key is then reported as misspelt, not as missing.
    for key in node:
        if not isinstance(key, str):
            raise ctx.error(node.line, f"key {key!r} is not a name (write keys as words)")
        if key not in fields:
            raise ctx.error(node.line_of(key), unknown(key))
    for key, (kind, required) in fields.items():
        value = node.get(key)
        if value is None:
            if required:
                raise ctx.error(node.line_of(key) if key in node else line, f"`{key}` {kind.missing}")
            continue
        kind.check(value, ctx, key, node.line_of(key))


def _item_id(node: Mapping, id_key: str | None) -> str | None:
    value = node.get(id_key) if id_key else None
    return value.strip() if isinstance(value, str) and value.strip() else None


@dataclass(frozen=True)
class Record(Type):
    fields: dict
    what: str = ""
    id_key: str | None = None

    def check(self, value, ctx, key, line):
        if not isinstance(value, Mapping):
            name = f"{self.name(key)} " if key else ""
            what = self.what or "a mapping of " + ", ".join(f"`{k}`" for k in self.fields)
            raise ctx.error(line, f"{name}must be {what}, not {_describe(value)}")
        fields = _split(self.fields)
        inner = ctx.named(_item_id(value, self.id_key))

        def unknown(name: str) -> str:
            return f"unknown key `{name}`{suggestion(name, list(fields))} (keys: {', '.join(fields)})"

        _check_fields(value, fields, inner, unknown, line)


@dataclass(frozen=True)
class Variants(Type):
    """A mapping whose keys depend on one key (``type: single`` has options, ``type:
    ordering`` has steps)."""

    tag: str
    tag_type: Choice
    common: dict
    variants: dict[str, dict]
    what: str = ""
    id_key: str | None = None
    noun: str = "items"

    def check(self, value, ctx, key, line):
        if not isinstance(value, Mapping):
            raise ctx.error(line, f"must be {self.what or 'a mapping'}, not {_describe(value)}")
        inner = ctx.named(_item_id(value, self.id_key))
        tag = value.get(self.tag)
        if tag is None:
            raise inner.error(value.line, f"`{self.tag}` {self.tag_type.missing} (one of {', '.join(self.variants)})")
        self.tag_type.check(tag, inner, self.tag, value.line_of(self.tag))
        fields = _split({self.tag: self.tag_type, **self.common, **self.variants[tag]})

        def unknown(name: str) -> str:
            owners = [v for v, keys in self.variants.items() if name in keys]
            if owners:
                return f"`{name}` is not a key of {tag} {self.noun} (it belongs to {', '.join(owners)} {self.noun})"
            keys = ", ".join(fields)
            return f"unknown key `{name}`{suggestion(name, list(fields))} (keys of {tag} {self.noun}: {keys})"

        _check_fields(value, fields, inner, unknown, line)


def check(data, schema: Type, path: Path, line: int = 1):
    """Check loaded data against ``schema``; return it unchanged."""
    schema.check(data, Context(path), "", getattr(data, "line", 0) or line)
    return data


def load(path: Path, schema: Type):
    """Read a YAML file strictly and check it against ``schema``; return the checked data."""
    return check(load_yaml(path), schema, path)


# Re-exported for kinds that build their own data trees (tests, generated data).
__all__ += ["DataError", "Mapping", "Sequence"]
