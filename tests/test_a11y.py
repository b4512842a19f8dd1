"""Accessibility: axe-core on every page; no serious or critical violation."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_axe_on_every_page(browser, server, pages, site):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context()
    page = context.new_page()
    problems = []
    for path in pages:
        page.goto(server + path.relative_to(site).as_posix())
        result = axe.run(page)
        for violation in result.response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [", ".join(n["target"]) for n in violation["nodes"][:3]]
                problems.append(f"{path.relative_to(site)}: {violation['id']} ({violation['impact']}): {targets}")
    context.close()
    assert not problems, "\n".join(problems)
