"""Page weight: what a browser loads for a chapter page stays within the budget."""

from __future__ import annotations

import pytest

from tests.conftest import CHAPTERS
from tools.bench.page_weight import BUDGET_BYTES, page_bytes

pytestmark = pytest.mark.browser


@pytest.mark.quick
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_page_loads_at_most_600_kb(browser, server, chapter):
    sizes = page_bytes(browser, f"{server}book/{chapter}.html")
    total = sum(v for k, v in sizes.items() if k != "requests")
    detail = ", ".join(f"{k} {v / 1000:.0f} KB" for k, v in sorted(sizes.items()) if k != "requests")
    assert total <= BUDGET_BYTES, f"{chapter}: {total / 1000:.0f} KB ({detail})"


def test_pages_load_no_icon_font_script_or_sphinx_search_index(browser, server):
    context = browser.new_context()
    page = context.new_page()
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url))
    for path in ("book/purchase-factors.html", "cases/pinacor.html", "search.html"):
        page.goto(server + path, wait_until="networkidle")
    context.close()
    unwanted = ("fontawesome", "webfonts/fa-", "searchindex.js", "searchtools.js", "togglebutton", "copybutton")
    assert not [u for u in loaded if any(w in u for w in unwanted)]
