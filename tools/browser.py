"""Headless Chromium for tests and benchmarks: Debian's chromium driven by Playwright, and
a quiet loopback server for the built site.

Playwright never downloads a browser here; it is pointed at the system one. The flags keep
Chromium from reaching for the network on its own (updates, sync, field trials).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--metrics-recording-only",
]


def chromium_path() -> str:
    path = os.environ.get("COURSE_CHROMIUM") or shutil.which("chromium")
    if not path:
        raise RuntimeError("Debian's chromium is not installed; run `make setup` (tools/setup.sh installs it)")
    return path


# Text files a static web host sends gzip-compressed (nginx gzip, GitHub Pages and the like).
_COMPRESSIBLE = (".html", ".css", ".js", ".svg", ".json", ".txt", ".xml")


@contextmanager
def serve(root, compress: bool = False) -> Iterator[str]:
    """Serve the directory ``root`` on a loopback port, quietly; yields its base URL.

    With ``compress``, text files go out gzip-compressed to a browser that accepts it, as
    a static web host sends them (the page-weight benchmark's "as hosted" figures)."""
    import contextlib
    import functools
    import gzip
    import http.server
    import threading
    from pathlib import Path

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:
            path = Path(self.translate_path(self.path))
            accepts = "gzip" in self.headers.get("Accept-Encoding", "")
            if not (compress and accepts and path.suffix in _COMPRESSIBLE and path.is_file()):
                # The browser may close the page before the file is sent.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    super().do_GET()
                return
            body = gzip.compress(path.read_bytes(), compresslevel=6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            # The browser may close the page before the file is sent.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@contextmanager
def launch() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()
