"""Accessibility: axe-core on every page in the light colour scheme, and on one page of each
kind in the dark one; no serious or critical violation (colour contrast included).

The dark scheme is a change of stylesheet variables, not of markup: pages of one kind share
their templates and styles, so one page of each kind shows every colour pair the dark
scheme has. The light sweep still visits every page for what depends on the content
(headings, alt texts, labels, tables)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# One page of each kind: a chapter (self-checks, tool links, conversation, diagrams), the
# course home and guide, the practice test, the review queue, the progress page, both tools,
# a worksheet, the cases index and a case, the glossary, the references, search and 404.
DARK_PAGES = [
    "book/index.html",
    "book/guide.html",
    "book/purchase-factors.html",
    "book/final-test.html",
    "book/review.html",
    "book/progress.html",
    "book/widgets/relationship-map.html",
    "book/widgets/purchase-factors.html",
    "book/worksheets/account-review.html",
    "book/worksheets/account-file.html",
    "cases/index.html",
    "cases/pinacor.html",
    "book/glossary.html",
    "book/references.html",
    "search.html",
    "404.html",
]


def axe_problems(page, server: str, names: list[str], scheme: str) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    problems = []
    for name in names:
        page.goto(server + name)
        assert page.evaluate("document.documentElement.dataset.theme") == scheme
        for violation in axe.run(page).response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [", ".join(n["target"]) for n in violation["nodes"][:3]]
                problems.append(f"{name}: {violation['id']} ({violation['impact']}): {targets}")
    return problems


@pytest.mark.sweep
@pytest.mark.parametrize("half", [0, 1])  # two halves, so that two workers share the sweep
def test_axe_on_every_page_in_the_light_scheme(browser, server, pages, site, half):
    context = browser.new_context(color_scheme="light")
    assert site / "404.html" in pages
    names = [p.relative_to(site).as_posix() for p in pages][half::2]
    problems = axe_problems(context.new_page(), server, names, "light")
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.sweep
def test_axe_on_one_page_of_each_kind_in_the_dark_scheme(browser, server, site):
    assert all((site / name).is_file() for name in DARK_PAGES)
    context = browser.new_context(color_scheme="dark")
    problems = axe_problems(context.new_page(), server, DARK_PAGES, "dark")
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
