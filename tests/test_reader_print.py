"""Printing a page from the browser: nothing runs past the page edge, nothing is lost."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata

import pytest

pytestmark = pytest.mark.browser

# A4 (210 mm) less the 15 mm margins Chromium prints with by default, in CSS px (96 dpi).
A4_TEXT_WIDTH = round((210 - 2 * 15) / 25.4 * 96)
PRINTED = ["book/key-account-difference.html", "cases/pinacor.html", "book/widgets/relationship-map.html"]

_OVERFLOW = """(width) => {
    const out = [];
    for (const el of document.querySelectorAll('main *')) {
        const r = el.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1) continue;  // nothing to print (visually hidden)
        if (r.right > width + 0.5 || r.left < -0.5) {
            out.push(`${el.tagName.toLowerCase()}.${el.className}: ${Math.round(r.left)}..${Math.round(r.right)}`);
        }
    }
    return out.slice(0, 10);
}"""


@pytest.mark.quick
@pytest.mark.parametrize("path", PRINTED)
def test_printed_blocks_stay_inside_the_page(browser, server, path):
    context = browser.new_context(viewport={"width": A4_TEXT_WIDTH, "height": 1000})
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    overflow = page.evaluate(_OVERFLOW, A4_TEXT_WIDTH)
    context.close()
    assert not overflow, f"{path} runs past the printed page:\n" + "\n".join(overflow)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


_BLOCKS = """() => [...document.querySelectorAll(
    'article :is(p, h1, h2, h3, h4, dt, th, td, figcaption)')]
    .filter((el) => el.getClientRects().length && !el.querySelector('p'))
    .map((el) => el.innerText)"""


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
@pytest.mark.parametrize("path", ["book/key-account-difference.html", "cases/pinacor.html"])
def test_print_to_pdf_keeps_every_character(browser, server, path, tmp_path):
    page = browser.new_page()
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    blocks = [b for b in page.evaluate(_BLOCKS) if b.strip()]
    target = tmp_path / "page.pdf"
    page.pdf(path=str(target), format="A4", margin={"top": "15mm", "bottom": "15mm", "left": "15mm", "right": "15mm"})
    page.close()
    # -raw: the text in the order the page wrote it, so table cells do not interleave.
    command = ["pdftotext", "-raw", "-enc", "UTF-8", str(target), "-"]
    text = subprocess.run(command, capture_output=True, text=True, check=True)
    printed = _normalise(text.stdout)
    # The text in the order of the page's layout as well: Chrome may write a paragraph's last
    # line into the PDF after content that comes before it on the page (a table or a quote
    # moved to the next page), so the raw order alone splits it; a block is kept when either
    # reading finds it whole.
    layout = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(target), "-"], capture_output=True, text=True, check=True
    )
    in_layout = _normalise(layout.stdout)
    missing = [b for b in blocks if _normalise(b) not in printed and _normalise(b) not in in_layout]
    assert len(blocks) > 20
    assert not missing, f"{len(missing)} blocks of {path} lost characters in print, e.g.:\n" + "\n".join(missing[:5])
