"""Phone typography at 390 px: titles in at most two lines, tables that scroll instead of
wrapping one character per line, progress figures on one line."""

from __future__ import annotations

import pytest

from tests.reader_devices import open_page

pytestmark = pytest.mark.browser

_LINES = """(el) => {
    // Lines of text inside el: the line boxes of its text nodes, by their top edge (a few
    // pixels apart still count as one line: links and plain text sit slightly differently).
    const tops = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) {
            if (r.width > 1 && !tops.some((t) => Math.abs(t - r.top) < 6)) tops.push(r.top);
        }
    }
    return tops.length;
}"""


@pytest.mark.sweep
def test_page_titles_take_at_most_two_lines_on_a_phone(browser, server, pages, site):
    context, page = open_page(browser, "phone", "about:blank")
    long = []
    for path in pages:
        page.goto(server + path.relative_to(site).as_posix())
        h1 = page.locator("article h1").first
        if not h1.count():
            continue
        lines = h1.evaluate(_LINES)
        if lines > 2:
            long.append(f"{path.relative_to(site)}: {lines} lines ({h1.inner_text()!r})")
    context.close()
    assert not long, "\n".join(long)


_SQUEEZED_CELLS = """(lines) => {
    const out = [];
    for (const cell of document.querySelectorAll('article td, article th')) {
        const text = cell.innerText.trim();
        if ([...text].length < 4) continue;
        const count = lines(cell);
        // Fewer than three characters a line on average: the column has been squeezed.
        if (count > 1 && [...text].length / count < 3) out.push(text.slice(0, 12) + ` (${count} lines)`);
    }
    return out;
}"""


@pytest.mark.quick
def test_tables_scroll_sideways_instead_of_squeezing_columns(browser, server, pages, site):
    context, page = open_page(browser, "phone", "about:blank")
    problems = []
    tables = 0
    for path in pages:
        page.goto(server + path.relative_to(site).as_posix())
        tables += page.locator("article table").count()
        squeezed = page.evaluate(f"({_SQUEEZED_CELLS})({_LINES})")
        problems += [f"{path.relative_to(site)}: {c}" for c in squeezed]
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            problems.append(f"{path.relative_to(site)}: the page itself is {width} px wide")
    context.close()
    assert tables >= 5
    assert not problems, "\n".join(problems[:20])


def test_progress_figures_stay_on_one_line(browser, server):
    context, page = open_page(browser, "phone", server + "book/progress.html")
    page.wait_for_load_state("networkidle")
    broken = []
    for cell in page.locator(".course-progress-table td:not(:first-child), .course-progress-summary").all():
        if cell.evaluate(_LINES) > 1 and len(cell.inner_text()) < 12:
            broken.append(cell.inner_text())
    # Every figure cell holds its number and total together, whatever the column width.
    nowrap = page.evaluate(
        "[...document.querySelectorAll('.course-progress-table td:not(:first-child)')]"
        ".every((td) => getComputedStyle(td).whiteSpace === 'nowrap')"
    )
    context.close()
    assert not broken, broken
    assert nowrap, "progress figures may break across lines"
