"""The course's two analysis widgets: relationship map and purchase-factor analysis.

The modules listed in ``BROWSER_MODULES`` are plain Python written in the subset that both
CPython and MicroPython run (no dataclasses, enum or typing imports; no reliance on dict
order; integer arithmetic for every figure shown), because the same files run at build
time, in the CLI, and in the reader's browser under MicroPython.
"""

# Order matters only for readability; the browser writes them all before importing.
BROWSER_MODULES = (
    "zh",
    "markup",
    "ratings",
    "relationship",
    "purchase",
    "state",
    "svg",
    "render_html",
    "api",
)
