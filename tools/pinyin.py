"""Pinyin order for Chinese terms: a sort key and the initial letter a term is filed under.

Readers look terms up by pinyin, as in a Chinese dictionary; Unicode order (两, 个, 中 …)
means nothing to them. pypinyin resolves polyphonic characters from its phrase
dictionary (重组 chóngzǔ, 行业 hángyè). Latin terms (CLV) file under their own first letter.
"""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin

OTHER = "#"  # terms that start with neither a Chinese character nor a Latin letter


def sort_key(term: str) -> tuple:
    """Syllables without tones, then with tone numbers, then the term itself (a stable tiebreak)."""
    plain = [s.lower() for s in lazy_pinyin(term)]
    toned = [s.lower() for s in lazy_pinyin(term, style=Style.TONE3)]
    return (plain, toned, term)


def initial(term: str) -> str:
    """The capital letter a term is filed under, or ``OTHER``."""
    syllables = lazy_pinyin(term.strip())  # the whole term, so a phrase settles a polyphone
    first = syllables[0][:1].upper() if syllables else ""
    return first if "A" <= first <= "Z" else OTHER


def group_by_initial(terms: list[str]) -> list[tuple[str, list[str]]]:
    """``terms`` in pinyin order, in groups by initial letter (``OTHER`` first)."""
    groups: dict[str, list[str]] = {}
    for term in sorted(terms, key=sort_key):
        groups.setdefault(initial(term), []).append(term)
    return sorted(groups.items(), key=lambda item: (item[0] != OTHER, item[0]))
