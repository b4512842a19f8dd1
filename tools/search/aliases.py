"""What else a reader may type for a course term: the alias table the search index carries.

Three sources, all at build time:
- the glossary (``book/glossary.md``): each entry's English term (the definition opens with
  it) points to the entry;
- ``tools/search/aliases.yml``: abbreviations, names, pinyin sayings and Chinese synonyms
  new hires use (KAM, BATNA, Pinacor, 回佣 …);
- pinyin (pypinyin): for every course term and alias target, its full pinyin and, from
  three syllables on, its initials (``caigousanyaosu``, ``cgsys``).

Keys are normalised with :func:`key` (lower case, letters and digits only; Chinese kept),
which the page applies to the query the same way (course-search.js).
"""

from __future__ import annotations

import re
from pathlib import Path

from pypinyin import Style, lazy_pinyin

from tools.data import schema as s

TABLE = Path(__file__).with_name("aliases.yml")
_ENTRY = re.compile(r"^(\S[^\n]*)\n  ([A-Za-z][^。]*)。", re.M)
_NOTE = re.compile(r"\s*[（(][^）)]*[）)]\s*")
ALIAS = s.Record(
    {"alias": s.Text(), "terms": s.ListOf(s.Text(), low=1, high=6, noun="terms", name=lambda i: f"term {i + 1}")},
    what="an alias: `alias` and the course `terms` it stands for",
)
ALIASES = s.ListOf(ALIAS, noun="aliases", name=lambda i: f"alias {i + 1}")


def key(text: str) -> str:
    """The form a key and a query are compared in."""
    return re.sub(r"[^0-9a-z\u3400-\u9fff]", "", text.lower())


def glossary_aliases(glossary: Path) -> dict[str, list[str]]:
    """English term -> [the glossary entry] for every entry whose definition opens in English."""
    found: dict[str, list[str]] = {}
    for term, english in _ENTRY.findall(glossary.read_text(encoding="utf-8")):
        for part in _NOTE.sub(" ", english).split("/"):
            if key(part):
                found.setdefault(key(part), []).append(term.strip())
    return found


def pinyin_keys(term: str) -> list[str]:
    syllables = [p for p in lazy_pinyin(term, style=Style.NORMAL) if p.isalpha()]
    if len(syllables) < 2 or len(syllables) != len(term):
        return []
    keys = ["".join(syllables)]
    if len(syllables) >= 3:
        keys.append("".join(p[0] for p in syllables))
    return keys


def build(glossary: Path, terms: list[str], table: Path = TABLE) -> dict[str, list[str]]:
    """The alias map: key -> course terms (each list in first-seen order, no repeats)."""
    aliases = glossary_aliases(glossary)
    for entry in s.load(table, ALIASES):
        for term in entry["terms"]:
            aliases.setdefault(key(entry["alias"]), []).append(term.strip())
    targets = sorted({t for values in aliases.values() for t in values} | set(terms))
    for term in targets:
        for pinyin in pinyin_keys(term):
            aliases.setdefault(pinyin, []).append(term)
    return {k: list(dict.fromkeys(v)) for k, v in sorted(aliases.items()) if k}
