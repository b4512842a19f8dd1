"""Page weight and speed: bytes per page type, and throttled paint and widget times.

Takes an already built site (it builds nothing), serves it on a loopback port and opens
one page of each type in headless Chromium with a cold cache (a fresh browser context per
load). For each it prints every byte the browser loads, uncompressed: the page, its styles,
scripts, fonts and images, diagrams included (the page is scrolled to the end so that
lazily loaded images count), the page's HTML document alone, and what its first paint
waits for (the stylesheets and scripts the browser marks render-blocking). Then, throttled through
the DevTools protocol (1.6 Mbit/s down, 150 ms latency, CPU 4x slower, a 390x844 phone),
it measures, once as served here (no compression, as from file:// or a plain static
server) and once gzip-compressed (as most static web hosts send text files):

- the first contentful paint of each page type;
- per analysis tool, "first result visible": from navigation start until the tool shows a
  result for the inputs on screen, on a plain visit (the build-time result of the example,
  which needs no Python);
- per analysis tool, "first Python recompute": from navigation start until the tool shows
  the result of inputs only Python can check, on a visit through a share link (the
  MicroPython runtime, about 750 KB, has to arrive first).

Budget: a chapter page at most 600 KB in all; targets: first paint <= 1.5 s, first result
visible <= 3 s.

    python -m tools.bench.page_weight [--html _build/html] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
from collections import Counter
from pathlib import Path

from tools.bench.widget_timing import LINKS as WIDGET_LINKS
from tools.bench.widget_timing import PAGES as WIDGET_PAGES
from tools.bench.widget_timing import wait_first_result, wait_first_visible

# One representative page per page type (paths in the built site).
PAGE_TYPES = {
    "chapter": "book/purchase-factors.html",
    "case": "cases/pinacor.html",
    "widget page": WIDGET_PAGES[0],
    "search": "search.html",
    "progress": "book/progress.html",
    "glossary": "book/glossary.html",
}
CHAPTER = PAGE_TYPES["chapter"]
BUDGET_BYTES = 600 * 1000
FCP_TARGET_MS = 1500
WIDGET_TARGET_MS = 3000

# The throttling of the issue: a slow mobile connection and a phone's CPU.
NETWORK = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1.6e6 / 8,
    "uploadThroughput": 0.75e6 / 8,
}
CPU_SLOWDOWN = 4

_FCP_JS = """() => new Promise((resolve) => {
    const seen = performance.getEntriesByName('first-contentful-paint')[0];
    if (seen) { resolve(seen.startTime); return; }
    new PerformanceObserver((list) => {
        const entry = list.getEntriesByName('first-contentful-paint')[0];
        if (entry) resolve(entry.startTime);
    }).observe({type: 'paint', buffered: true});
})"""


def page_bytes(browser, url: str) -> dict[str, int]:
    """Bytes (uncompressed bodies) of every resource a browser loads for ``url``, by
    resource type, with a cold cache; the page is scrolled to its end so lazy images load."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="networkidle")
    height = page.evaluate("document.documentElement.scrollHeight")
    for y in range(0, height + 768, 600):
        page.evaluate("y => window.scrollTo(0, y)", y)
        page.wait_for_timeout(20)
    page.wait_for_load_state("networkidle")
    sizes: Counter[str] = Counter()
    for request in finished:
        response = request.response()
        if response is None or request.url.startswith("data:"):
            continue
        try:
            sizes[request.resource_type] += len(response.body())
        except Exception:  # a redirect has no body of its own
            continue
    sizes["requests"] = len(finished)
    context.close()
    return dict(sizes)


def render_blocking(browser, url: str) -> int:
    """Bytes (uncompressed) of what holds back the first paint of ``url``: the stylesheets
    and scripts the browser marks render-blocking (the page's HTML downloads beside them)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(url, wait_until="load")
    sizes = page.evaluate(
        """() => performance.getEntriesByType('resource')
              .filter((e) => e.renderBlockingStatus === 'blocking').map((e) => e.decodedBodySize)"""
    )
    context.close()
    return sum(sizes)


def _throttled_page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", NETWORK)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    return context, page


def throttled_paint(browser, url: str) -> float:
    """First contentful paint of ``url`` under throttling, in ms from navigation start."""
    context, page = _throttled_page(browser)
    page.goto(url, wait_until="commit", timeout=180000)
    fcp = page.evaluate(_FCP_JS)
    context.close()
    return fcp


def throttled_widget(browser, url: str) -> float:
    """Time from navigation start until the widget shows a result for the inputs on screen,
    under throttling, in ms."""
    context, page = _throttled_page(browser)
    page.goto(url, wait_until="commit", timeout=180000)
    first = wait_first_visible(page, timeout_ms=180000)
    context.close()
    return first


def throttled_python(browser, url: str) -> float:
    """Time from navigation start to the widget's first Python-computed result under
    throttling, in ms (``url`` carries a share link, which only Python can read)."""
    context, page = _throttled_page(browser)
    page.goto(url, wait_until="commit", timeout=180000)
    first = wait_first_result(page, timeout_ms=180000)
    context.close()
    if first is None:
        raise RuntimeError(f"{url}: the tool computed nothing with Python")
    return first


def _median(runs: int, measure, browser, url: str) -> float:
    return statistics.median(measure(browser, url) for _ in range(runs))


def _kb(n: int) -> str:
    return f"{n / 1000:7.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--html", default="_build/html", help="the built site (default _build/html)")
    parser.add_argument("--runs", type=int, default=3, help="throttled loads per figure (median)")
    args = parser.parse_args()
    from tools.browser import launch, serve

    root = Path(args.html).resolve()
    if not (root / CHAPTER).is_file():
        parser.error(f"{root} holds no built site ({CHAPTER} is missing); build it first (make)")
    with serve(root) as base, serve(root, compress=True) as zbase, launch() as browser:
        kinds = ("document", "stylesheet", "script", "font", "image", "fetch")
        header = f"{'page type':12} {'page':36} {'total KB':>8} {'reqs':>4}  " + " ".join(f"{k[:6]:>7}" for k in kinds)
        print(header + "  blocking")
        for name, path in PAGE_TYPES.items():
            sizes = page_bytes(browser, base + path)
            total = sum(v for k, v in sizes.items() if k != "requests")
            other = total - sum(sizes.get(k, 0) for k in kinds)
            parts = " ".join(_kb(sizes.get(k, 0)) for k in kinds)
            blocking = _kb(render_blocking(browser, base + path))
            row = f"{name:12} {path:36} {_kb(total):>8} {sizes['requests']:4d}  {parts}  {blocking}"
            print(f"{row}  other {_kb(other)}")
        print(
            f"(KB = 1000 bytes, uncompressed; document = the page's HTML alone; blocking = the stylesheets and "
            f"scripts the first paint waits for; budget for a chapter: {BUDGET_BYTES / 1000:.0f} KB in all)"
        )
        print()
        print(
            f"Throttled: {NETWORK['downloadThroughput'] * 8 / 1e6:.1f} Mbit/s, {NETWORK['latency']} ms latency, "
            f"CPU {CPU_SLOWDOWN}x; 390x844 phone; medians of {args.runs} cold loads; ms from navigation start"
        )
        # As served here (no compression), and as a static web host serves it (gzip).
        for label, url in (("uncompressed", base), ("gzip", zbase)):
            print(f"  {label}:")
            for name, path in PAGE_TYPES.items():
                fcp = _median(args.runs, throttled_paint, browser, url + path)
                target = f"   (target <= {FCP_TARGET_MS})" if path == CHAPTER else ""
                print(f"    first contentful paint,  {name:12} {path:36} {fcp:7.0f} ms{target}")
            for path in WIDGET_PAGES:
                first = _median(args.runs, throttled_widget, browser, url + path)
                target = f"   (target <= {WIDGET_TARGET_MS})"
                print(f"    first result visible,    {'tool':12} {path:36} {first:7.0f} ms{target}")
            for path in WIDGET_PAGES:
                python = _median(args.runs, throttled_python, browser, url + path + WIDGET_LINKS[path])
                print(f"    first Python recompute,  {'tool + link':12} {path:36} {python:7.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
