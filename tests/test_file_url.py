"""The site opened straight from the file system: navigation and search."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.quick
def test_front_page_navigation_and_search_from_file_url(page, site):
    page.goto((site / "index.html").as_uri())
    page.wait_for_url("**/book/index.html")
    assert page.locator("h1").first.inner_text().startswith("关系销售")
    page.locator("nav.bd-docs-nav a", has_text="大客户销售有什么不同").first.click()
    page.wait_for_url("**/book/key-account-difference.html")
    assert "大客户销售有什么不同" in page.locator("h1").first.inner_text()
    page.locator("nav.bd-docs-nav a", has_text="术语表").first.click()
    page.wait_for_url("**/book/glossary.html")
    assert page.locator("dl.glossary dt").count() >= 50
    # The theme's search field submits to the course's search page, which works on file://.

    page.locator("button.search-button-field:visible").first.click()
    field = page.locator("#pst-search-dialog input[name=q]")
    field.fill("两手都要硬")
    field.press("Enter")
    page.wait_for_url("**/search.html?q=*")
    first = page.locator("#course-search-results li a").first
    first.wait_for()
    assert "客户关系的四种类型" in first.inner_text()
    first.click()
    page.wait_for_url("**/book/relationship-types.html*")
    assert not page.js_errors
