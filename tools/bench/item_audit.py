"""Print the answer-cue audit of the self-check banks (tools/exercises/audit.py) and the
test-wise reader's best scores (tools/exercises/adversary.py).

    python -m tools.bench.item_audit              # today's banks, options in shown order
    python -m tools.bench.item_audit --rev 19a1d3f  # the banks at an earlier commit

An earlier commit's banks are read as written then (before metadata and the seeded
shuffle, the authored order was the shown order), so its figures are comparable.
"""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

import yaml

from tools.exercises.audit import RECALL_RUN, audit, recall_figures, report
from tools.exercises.model import ROOT, Item, Option, load_banks


def _old_items(rev: str) -> list[Item]:
    """Items of the banks at ``rev``, options in authored order (that commit had no shuffle)."""
    names = subprocess.run(
        ["git", "ls-tree", "--name-only", rev, "exercises/"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    items = []
    for name in sorted(n for n in names if n.endswith(".yml")):
        text = subprocess.run(["git", "show", f"{rev}:{name}"], cwd=ROOT, capture_output=True, text=True, check=True)
        for raw in yaml.safe_load(text.stdout)["items"]:
            options = raw.get("options") or []
            answer = raw.get("answer")
            letters = answer if isinstance(answer, list) else [answer] if isinstance(answer, str) else []
            opts = tuple(
                Option(o["text"], o.get("correct") is True or "ABCDEFGH"[i] in letters, o["explanation"])
                for i, o in enumerate(options)
            )
            kind = raw["type"]
            multiple = kind == "multiple" or raw.get("multiple") is True
            tf = answer if kind == "truefalse" else None
            items.append(
                Item(
                    raw["id"],
                    kind,
                    raw["section"],
                    raw["prompt"],
                    Path(name),
                    0,
                    options=opts,
                    multiple=multiple,
                    answer=tf,
                )
            )
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rev", help="a git commit: audit the banks as they were there")
    args = parser.parse_args()
    if args.rev:
        items = _old_items(args.rev)
        print(f"banks at {args.rev}: {len(items)} items")
    else:
        banks = load_banks(ROOT / "exercises")
        items = [item for bank in banks.values() for item in bank.items]
        print(f"banks in exercises/: {len(items)} items")
    print(report(audit(items)))
    chapters = {path.stem: path.read_text(encoding="utf-8") for path in (ROOT / "book").glob("*.md")}
    tagged, verbatim = recall_figures(items, chapters)
    print(f"recall: tagged 记忆 {tagged:.0%}; key repeats {RECALL_RUN}+ characters of its chapter {verbatim:.0%}")
    if not args.rev:
        # The test-wise reader (issue 21): every strategy's best, per set and item type.
        from tools.exercises.adversary import course_reports

        for found in course_reports(ROOT):
            print("\n".join(found.lines()))
            print("  limit: " + ("holds" if not found.problems() else "; ".join(found.problems())))


if __name__ == "__main__":
    main()
