"""Search quality: recall@3 of the course search over a set of realistic queries.

Runs the real search page (the same JavaScript a reader gets) in headless Chromium over a
built site and prints, for each query, how the query was segmented and the top three
pages, then recall@3.

    python -m tools.bench.search_recall [--html _build/html]
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

import yaml

QUERIES = Path(__file__).with_name("search_queries.yml")


@dataclass
class Outcome:
    query: str
    expect: list[str]
    terms: list[str]
    top: list[str]

    @property
    def hit(self) -> bool:
        return any(url in self.expect for url in self.top[:3])

    @property
    def reciprocal_rank(self) -> float:
        """1 / the rank of the first expected page in the top ten (0 when none is there)."""
        return next((1 / n for n, url in enumerate(self.top[:10], 1) if url in self.expect), 0.0)


def load_queries(path: Path = QUERIES) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def run_queries(page, queries: list[dict]) -> list[Outcome]:
    """``page`` is a Playwright page showing the site's search.html."""
    outcomes = []
    for item in queries:
        terms = page.evaluate("q => CourseSearch.segment(q)", item["q"])
        top = [r["url"] for r in page.evaluate("q => CourseSearch.search(q, 10)", item["q"])]
        outcomes.append(Outcome(item["q"], item["expect"], terms, top))
    return outcomes


def recall(outcomes: list[Outcome]) -> float:
    return sum(o.hit for o in outcomes) / len(outcomes)


def mrr(outcomes: list[Outcome]) -> float:
    return sum(o.reciprocal_rank for o in outcomes) / len(outcomes)


def main() -> int:
    from tools.browser import launch

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", default="_build/html")
    args = parser.parse_args()
    search_page = (Path(args.html).resolve() / "search.html").as_uri()
    with launch() as browser:
        page = browser.new_page()
        page.goto(search_page)
        outcomes = run_queries(page, load_queries())
    for o in outcomes:
        mark = "ok  " if o.hit else "MISS"
        print(f"{mark} {o.query}  [{' / '.join(o.terms)}]  -> {', '.join(o.top[:3])}")
    hits = sum(o.hit for o in outcomes)
    print(f"recall@3: {recall(outcomes):.1%} ({hits}/{len(outcomes)} queries); MRR {mrr(outcomes):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
