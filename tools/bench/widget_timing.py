"""Widget speed: when the first result is on screen, when Python can recompute, and the
time per recompute.

For each widget page, in headless Chromium with a cold cache (a fresh browser context per
run), it measures from navigation start:

- first result visible: a plain visit (no share link, nothing kept) shows the example's
  result computed at build time, which is the result for the inputs shown, at once;
- Python ready: the MicroPython runtime, loaded after the page, can recompute;
- first Python recompute: a visit through a share link (``#<tool>=preset:...``), whose
  inputs only Python can check, until their result is shown;

then it changes an input 50 times and records each recompute (the Python call plus
putting its HTML in the page). Medians over the runs; targets: first result visible within
300 ms of DOMContentLoaded, a recompute under 16 ms.

    python -m tools.bench.widget_timing [--html _build/html] [--runs 7] [--file-url]
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

PAGES = ("book/widgets/relationship-map.html", "book/widgets/purchase-factors.html")
# A share link per page whose inputs need Python (a preset, as the case pages link them).
LINKS = {PAGES[0]: "#relationship-map=preset:pinacor-before", PAGES[1]: "#purchase-factors=preset:worked-example"}
# An input to change on each page, and the values to cycle through.
FIELDS = {
    PAGES[0]: ".widget-contacts > .widget-contact:nth-child(1) [name=trust]",
    PAGES[1]: "fieldset[data-side=individual] [name=risk]",
}


def wait_first_visible(page, timeout_ms: float = 30000) -> float:
    """Wait until the widget on ``page`` shows a result that belongs to the inputs shown
    (the build-time one, or one Python computed); milliseconds from navigation start."""
    page.wait_for_function("() => window.courseWidgetShown", timeout=timeout_ms)
    return page.evaluate("window.courseWidgetShown")


def wait_first_result(page, timeout_ms: float = 30000) -> float | None:
    """Wait until the widget on ``page`` runs on Python (``data-state=ready``: the runtime
    is loaded and recomputes every change, as the browser tests need); milliseconds from
    navigation start to its first Python-computed result, or None while nothing has asked
    for one (a plain visit shows the build-time result until the reader changes an input)."""
    page.wait_for_selector(".course-widget[data-state=ready]", timeout=timeout_ms)
    return page.evaluate("window.courseWidgetFirstResult || null")


def wait_python_ready(page, timeout_ms: float = 30000) -> float:
    """Wait until the runtime is live; milliseconds from navigation start."""
    page.wait_for_selector(".course-widget[data-state=ready]", timeout=timeout_ms)
    return page.evaluate("window.courseWidgetReady")


def measure(browser, url: str, link: str, field: str, changes: int = 50) -> dict[str, float]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    shown = wait_first_visible(page)
    ready = wait_python_ready(page)
    dcl = page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventStart")
    for n in range(changes):
        page.fill(field, str(n % 5 + 1))
    compute = page.evaluate("window.courseWidgets[0].computeMs")
    context.close()
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + link)
    python = wait_first_result(page)
    context.close()
    return {
        "dcl": dcl,
        "shown": shown,
        "shown_dcl": shown - dcl,
        "ready": ready,
        "python": python,
        "recompute": statistics.median(compute),
        "recompute_max": max(compute),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--html", default="_build/html", help="the built site")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--file-url", action="store_true", help="open pages from file:// instead of a local server")
    args = parser.parse_args()
    from tools.browser import launch, serve

    root = Path(args.html).resolve()
    with serve(root) as base, launch() as browser:
        # Warm the browser process, not the cache.
        measure(browser, (root / PAGES[0]).as_uri(), LINKS[PAGES[0]], FIELDS[PAGES[0]], 1)
        print(
            f"{'page':36} {'DCL':>5} {'visible':>7} {'vis-DCL':>7} {'py ready':>8} {'py (link)':>9}"
            f" {'recompute':>9} {'max':>6}"
        )
        for path in PAGES:
            url = (root / path).as_uri() if args.file_url else base + path
            runs = [measure(browser, url, LINKS[path], FIELDS[path]) for _ in range(args.runs)]
            med = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
            print(
                f"{path:36} {med['dcl']:5.0f} {med['shown']:7.0f} {med['shown_dcl']:7.0f} {med['ready']:8.0f}"
                f" {med['python']:9.0f} {med['recompute']:9.2f} {med['recompute_max']:6.2f}"
            )
    print(
        f"(milliseconds from navigation start, medians of {args.runs} cold-cache runs; visible: first result on "
        "screen, plain visit; py ready: runtime loaded after the page; py (link): first Python recompute through "
        "a share link; targets: visible - DCL < 300, recompute < 16)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
