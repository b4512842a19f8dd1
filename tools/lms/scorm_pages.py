"""The HTML of the SCORM package: the launch page, and the one script every page of the
built site gains in the package (the site itself is never changed).
"""

from __future__ import annotations

import re
from html import escape
from types import ModuleType

from tools.csp import with_policy
from tools.html_json import script_json

ADAPTER = "course-scorm.js"
# The store's script tag: the adapter goes right after it, before the scripts that read the
# store, so they find the platform's state from the start (deferred scripts run in order).
STORE_TAG = re.compile(r'<script\b[^>]*\bsrc="[^"]*_static/course-store\.js[^"]*"[^>]*>\s*</script>')
HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)

# What launch.html loads, in order: the suspend_data form, the self-check rules (the status
# of an item is worked out exactly as the pages do) and the session itself.
LAUNCH_SCRIPTS = (
    "_static/lz-string.min.js",  # the codec compresses with it (node_modules, pinned)
    "_static/course-scorm-codec.js",
    "_static/course-dom.js",  # course-quiz.js needs its helpers
    "_static/course-quiz.js",
    "_static/course-scorm-launch.js",
)


def with_adapter(html: str, path: str) -> str | None:
    """The page at package path ``path`` with the adapter script added, or None for a file
    that is not a full page (the redirect at the site's root)."""
    tag = f'<script defer="defer" src="{"../" * path.count("/")}_static/{ADAPTER}"></script>'
    store = STORE_TAG.search(html)
    if store:
        return html[: store.end()] + "\n    " + tag + html[store.end() :]
    head = HEAD_END.search(html)
    if head:
        return html[: head.start()] + tag + "\n" + html[head.start() :]
    return None


def launch_page(data: dict, strings: ModuleType) -> str:
    """launch.html: a frame for the course's pages, and the session with the platform.
    ``data``: {"start", "pages", "items"} (course-scorm-launch.js reads it)."""
    payload = script_json(data, separators=(",", ":"))
    scripts = "\n".join(f'<script src="{src}"></script>' for src in LAUNCH_SCRIPTS)
    start = escape(data["start"])
    return with_policy(f"""<!DOCTYPE html>
<html lang="{strings.LANG}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(strings.LAUNCH_TITLE)}</title>
<style>
html, body {{ margin: 0; height: 100%; overflow: hidden; }}
#course-scorm-frame {{ display: block; border: 0; width: 100%; height: 100%; }}
noscript p {{ margin: 1rem; font: 1rem/1.6 sans-serif; }}
</style>
<noscript><style>#course-scorm-frame {{ display: none; }}</style></noscript>
</head>
<body>
<iframe id="course-scorm-frame" title="{escape(strings.FRAME_TITLE)}"></iframe>
<noscript><p>{escape(strings.NOSCRIPT)}<a href="{start}">{escape(strings.NOSCRIPT_LINK)}</a></p></noscript>
<script type="application/json" id="course-scorm-data">{payload}</script>
{scripts}
</body>
</html>
""")
