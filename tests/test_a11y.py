"""Accessibility: axe-core on every page, in the light and the dark colour scheme; no serious
or critical violation (colour contrast included)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.sweep
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_on_every_page(browser, server, pages, site, scheme):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    problems = []
    assert site / "404.html" in pages
    for path in pages:
        page.goto(server + path.relative_to(site).as_posix())
        assert page.evaluate("document.documentElement.dataset.theme") == scheme
        result = axe.run(page)
        for violation in result.response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [", ".join(n["target"]) for n in violation["nodes"][:3]]
                problems.append(f"{path.relative_to(site)}: {violation['id']} ({violation['impact']}): {targets}")
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.quick
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_on_a_chapter(browser, server, site, scheme):
    """The quick run's share of the sweep above: one chapter with its self-checks, tool
    links and conversation, in both schemes."""
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(server + "book/purchase-factors.html")
    result = Axe().run(page)
    context.close()
    serious = [v["id"] for v in result.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []
