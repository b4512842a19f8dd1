"""The A4 book PDF: structure, bookmarks, embedded Chinese fonts, extractable text."""

from __future__ import annotations

import functools
import re
import subprocess
import unicodedata

from pypdf import PdfReader

CHAPTERS = [
    "大客户销售有什么不同",
    "客户为什么买",
    "客户关系的四种类型",
    "大客户经理",
    "关系销售与关系管理",
    "从交易到伙伴",
    "守住客户",
    "赢下一单",
]


@functools.lru_cache(maxsize=32)  # the same book PDF is read by several tests and modules
def _text(pdf: str, first: int | None, last: int | None) -> str:
    args = ["pdftotext", "-layout"]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run([*args, pdf, "-"], capture_output=True, text=True, check=True).stdout


def text_of(pdf, first: int | None = None, last: int | None = None) -> str:
    return _text(str(pdf), first, last)


def test_a4_pages(pdf):
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 40
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_bookmarks_cover_every_chapter_with_numbers(pdf):
    reader = PdfReader(pdf)
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    for name in CHAPTERS:
        assert any(name in title for title in top), f"no bookmark for {name}: {top}"
    numbered = [t for t in top if re.match(r"\d+\. ", t)]
    assert [t.split(".")[0] for t in numbered] == [str(i) for i in range(1, len(CHAPTERS) + 1)]


def test_title_page_and_toc_with_page_numbers(pdf):
    assert "关系销售" in text_of(pdf, 1) and "学员版" in text_of(pdf, 1)
    toc_page = next(i for i in range(1, 6) if "目录" in text_of(pdf, i))
    toc = text_of(pdf, toc_page)
    numbers = [int(n) for n in re.findall(r"(?:\.|…)\s*(\d+)\s*$", toc, re.M)]
    assert len(numbers) >= 10, toc
    assert numbers == sorted(numbers) and len(set(numbers)) > 5, "page numbers rise through the book"


def test_chinese_text_is_extractable(pdf):
    text = text_of(pdf)
    for phrase in ["采购三要素", "合作伙伴", "大客户经理", "顾客终身价值", "术语表"]:
        assert phrase in text, phrase


def test_cjk_fonts_are_embedded(pdf):
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert any("Noto" in r and "CJK" in r for r in rows)
    for row in rows:
        assert row.split()[-5] == "yes", f"font not embedded: {row}"


def test_title_page_carries_licence_and_build_date(pdf):
    import datetime

    title = text_of(pdf, 1)
    assert "CC BY-SA 4.0" in title and datetime.date.today().isoformat() in title


def test_page_numbers_in_footer(pdf):
    assert re.search(r"^\s*10\s*$", text_of(pdf, 10), re.M)


def test_self_checks_print_with_answer_keys(pdf):
    text = unicodedata.normalize("NFKC", text_of(pdf))  # full-width brackets and colons as half-width
    assert text.count("答案与解析(共") == len(CHAPTERS), "every chapter's bank prints with its key"
    assert re.search(r"^\s*第 1 题 · 单选题", text, re.M)
    assert "检查答案" not in text, "interactive controls are not printed"


def test_self_check_options_are_lettered_like_the_answer_key(pdf):
    text = text_of(pdf)
    assert re.search(r"^\s*A\. \S", text, re.M) and re.search(r"^\s*C\. \S", text, re.M)
    assert "答案:C" in text.replace(" ", "") or "答案：C" in text.replace(" ", "")


def test_the_document_links_none_of_the_site_stylesheets(site):
    """A page's own stylesheets sit in its body (for the first paint); the print document
    lifts the body out and must not pick them up: it has its own stylesheet."""
    from tools.pdf.assemble import assemble

    document = assemble(
        site, root_page="book/index.html", title="t", subtitle="s", author="a", edition="e", stylesheet="body{}"
    )
    assert "course-quiz-item" in document
    assert not re.search(r"<link\b", document), re.search(r"<link\b[^>]*>", document).group(0)
