"""Order: the glossary and the index in pinyin order, grouped by initial; the cases in one
order in the sidebar and in the cases index."""

from __future__ import annotations

from bs4 import BeautifulSoup
from conftest import ROOT
from pypinyin import lazy_pinyin


def _soup(site, path):
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def _key(term: str) -> list[str]:
    return [syllable.lower() for syllable in lazy_pinyin(term)]


def _initial(term: str) -> str:
    return _key(term)[0][0].upper()


def test_glossary_is_in_pinyin_order_grouped_by_initial(site):
    article = _soup(site, "book/glossary.html").select_one("article")
    groups = article.select(".course-initial-group")
    assert len(groups) >= 8, "the glossary is not grouped by initial"
    letters = [g.select_one(".course-initial").get_text(strip=True) for g in groups]
    assert letters == sorted(letters) and len(set(letters)) == len(letters), letters
    terms = []
    for letter, group in zip(letters, groups, strict=True):
        names = [dt.get_text(strip=True).rstrip("#¶") for dt in group.select("dl.glossary > dt")]
        assert names, letter
        assert all(_initial(name) == letter for name in names), (letter, names)
        terms += names
    assert terms == sorted(terms, key=_key), "terms are not in pinyin order"
    # The initials form a jump list at the top.
    jump = [a.get_text(strip=True) for a in article.select(".course-initials a")]
    assert jump == letters


def test_index_is_in_pinyin_order_grouped_by_initial(site):
    soup = _soup(site, "genindex.html")
    letters = [h2.get_text(strip=True) for h2 in soup.select("article h2")]
    assert letters and all(len(letter) == 1 and "A" <= letter <= "Z" for letter in letters), letters
    assert letters == sorted(letters)
    entries = []
    for h2 in soup.select("article h2"):
        table = h2.find_next("table")
        names = [a.get_text(strip=True) for a in table.select("td > ul > li > a:first-child")]
        assert names and all(_initial(n) == h2.get_text(strip=True) for n in names), (h2.get_text(), names)
        entries += names
    assert entries == sorted(entries, key=_key)
    assert len(entries) >= 50


def test_cases_are_listed_in_one_order(site):
    index = _soup(site, "cases/index.html")
    table = [a["href"] for a in index.select("article .course-card-case a.sd-stretched-link")]
    sidebar = [
        a["href"] for a in index.select("nav.bd-docs-nav a") if a["href"].endswith(".html") and "/" not in a["href"]
    ]
    cases = [p for p in (ROOT / "cases").glob("*.md") if p.stem != "index"]
    assert len(table) == len(cases)
    assert table == sidebar
