"""Build the search index that the course's search page loads as a script.

The index is page-level: for every term, the pages that contain it with their term
frequency and whether the term is in the page title. Section texts travel with the index
so the page can pick the best section to link to and cut a snippet from it.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from . import segment


@dataclass
class Section:
    anchor: str
    title: str
    text: str


@dataclass
class Page:
    url: str
    title: str
    sections: list[Section] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(s.title + "\n" + s.text for s in self.sections)


def build(pages: list[Page], aliases: dict[str, list[str]] | None = None) -> dict:
    """Return the index as a JSON-ready dict; ``aliases`` (tools/search/aliases.py) map what a
    reader may type (English, pinyin, a synonym) to the course's terms."""
    postings: dict[str, list[list[int]]] = {}
    docs = []
    for number, page in enumerate(pages):
        body = Counter(segment.tokens(page.text))
        title_terms = set(segment.tokens(page.title))
        heading_terms = set(segment.tokens(" ".join(s.title for s in page.sections)))
        # Sorted: set order follows the hash seed, and the index must be the same on every build.
        for term in sorted(set(body) | title_terms):
            # Flags: 2 = in the page title, 1 = in a section heading.
            flags = (2 if term in title_terms else 0) | (1 if term in heading_terms else 0)
            postings.setdefault(term, []).append([number, body[term], flags])
        docs.append(
            {
                "url": page.url,
                "title": page.title,
                "length": sum(body.values()),
                "sections": [[s.anchor, s.title, s.text] for s in page.sections],
            }
        )
    return {
        "version": 1,
        "docs": docs,
        "terms": postings,
        "stopwords": sorted(segment.STOPWORDS),
        "aliases": aliases or {},
    }


def as_script(index: dict) -> str:
    """The index as a classic script, so the page can load it from file:// too."""
    payload = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    return f"window.COURSE_SEARCH_INDEX={payload};\n"
