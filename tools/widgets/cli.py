"""``python -m tools analyse``: run a widget on a JSON file or a preset (CPython only).

Input is the same JSON a shared link carries; its format is the JSON Schema that
``--schema`` prints (also in tools/widgets/schemas/ and on the tool pages). Each error is
reported on standard error with the field's path and the values it accepts. Exit status:
0 when the analysis ran on valid input, 1 when the input had errors (they are reported),
2 when nothing could be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tools.data.textfile import decode, read_text
from tools.data.yamlfile import DataError
from tools.output import write_utf8
from tools.widgets import api, schema, state
from tools.widgets.report_text import html_to_text

MAX_INPUT = 1 << 20  # bytes; a shared link carries at most a few kB
MAX_DEPTH = 32  # the input nests three levels deep


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "analyse",
        help="run an analysis widget (relationship map, purchase factors) on JSON input or a preset",
        description=__doc__.split("\n\n")[0],
    )
    parser.add_argument("kind", choices=api.KINDS, help="which widget")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--input", metavar="FILE", help="JSON input file ('-' for standard input)")
    source.add_argument("--preset", metavar="NAME", help="a named preset (see --list-presets)")
    source.add_argument("--list-presets", action="store_true", help="list the presets and exit")
    source.add_argument("--schema", action="store_true", help="print the input's JSON Schema and exit")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="report format (default: text)")
    parser.set_defaults(run=run, reads="input")


def _read(args: argparse.Namespace):
    strings = api.strings_for("zh")
    if args.preset is not None:
        data = state.preset_data(args.kind, args.preset, strings)
        if data is None:
            names = ", ".join(state.preset_names(args.kind, strings))
            raise ValueError(f"no preset `{args.preset}` for {args.kind}; the presets are: {names}")
        return data
    try:
        if args.input == "-":
            stdin = getattr(sys.stdin, "buffer", None)
            data = stdin.read(MAX_INPUT + 1) if stdin else sys.stdin.read(MAX_INPUT + 1).encode("utf-8")
            if len(data) > MAX_INPUT:
                raise DataError(Path("<stdin>"), 0, f"is larger than {MAX_INPUT // 1024} kB")
            text = decode(data, Path("<stdin>"))
        else:
            text = read_text(Path(args.input), limit=MAX_INPUT)
    except DataError as exc:
        raise ValueError(f"cannot read {exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{args.input}: line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})") from exc
    except RecursionError:
        raise ValueError(f"{args.input}: nested more than {MAX_DEPTH} levels deep") from None
    if _depth(data) > MAX_DEPTH:
        raise ValueError(f"{args.input}: nested more than {MAX_DEPTH} levels deep")
    return data


def _depth(data) -> int:
    """How deeply lists and objects nest (counted without recursion)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, dict | list):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in (node.values() if isinstance(node, dict) else node))
    return deepest


def run(args: argparse.Namespace) -> int:
    strings = api.strings_for("zh")
    if args.list_presets:
        write_utf8("".join(f"{name}\t{title}\n" for name, title, _data in strings.PRESETS[args.kind]))
        return 0
    if args.schema:
        write_utf8(schema.schema_text(args.kind))
        return 0
    try:
        raw = _read(args)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    result = api.analyse(args.kind, raw)
    source = f"preset {args.preset}" if args.preset is not None else ("<stdin>" if args.input == "-" else args.input)
    for error in result["errors"]:
        valid = f" (valid values: {', '.join(error['valid'])})" if error["valid"] else ""
        print(f"{source}: {error['field'] or '(input)'}: {error['message']}{valid}", file=sys.stderr)
    if args.format == "json":
        write_utf8(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    else:
        title = strings.REL["title"] if args.kind == "relationship-map" else strings.PF["title"]
        write_utf8(f"{title}\n\n" + html_to_text(api.render(args.kind, result)))
    return 1 if result["errors"] else 0
