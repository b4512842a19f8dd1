"""The widgets in the built site: the example's result is in the HTML (no JavaScript needed),
every rule link resolves, the runtime is bundled and loaded only where a widget is, and
the PDF prints the example's result."""

from __future__ import annotations

import json
import re
from urllib.parse import urldefrag

import pytest
from bs4 import BeautifulSoup

from tools.widgets import api, zh

WIDGET_PAGES = {
    "relationship-map": "book/widgets/relationship-map.html",
    "purchase-factors": "book/widgets/purchase-factors.html",
}
RUNTIME = ("micropython.js", "micropython-wasm.js", "course-widgets-py.js")


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("kind", sorted(WIDGET_PAGES))
def test_static_form_is_the_worked_example(site, kind):
    page = soup(site / WIDGET_PAGES[kind])
    widget = page.select_one(f".course-widget[data-kind={kind}]")
    assert widget is not None
    assert widget.select_one("form.widget-form").has_attr("hidden")  # useless without JS
    config = json.loads(widget.select_one(".widget-config").string)
    expected = api.render(kind, api.analyse(kind, config["default"]), config["links"], config["uid"])
    shown = widget.select_one(".widget-result")
    assert shown.get_text() == BeautifulSoup(expected, "html.parser").get_text()
    assert shown.select_one("svg[role=img] title") is not None


def test_rule_links_resolve(site):
    for path in WIDGET_PAGES.values():
        page = soup(site / path)
        links = page.select(".widget-result a[href]")
        assert links
        for link in links:
            target, anchor = urldefrag(link["href"])
            target_file = (site / path).parent / target
            assert target_file.is_file(), link["href"]
            assert soup(target_file).find(id=anchor) is not None, link["href"]
        config = json.loads(page.select_one(".widget-config").string)
        assert set(config["links"]) == {key for key, _label in zh.LINK_LABELS}


def test_runtime_is_bundled_and_only_loaded_by_widget_pages(site, pages):
    bundle = site / "_static" / "widgets"
    for name in RUNTIME:
        text = (bundle / name).read_text(encoding="utf-8")
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text), name
        assert "import.meta" not in text and not re.search(r"^\s*export ", text, re.M)
    assert 300_000 < (bundle / "micropython-wasm.js").stat().st_size < 800_000
    loading = {p.relative_to(site).as_posix() for p in pages if "widgets/micropython.js" in p.read_text("utf-8")}
    # And the account file, which computes the saved inputs' results with the same engine.
    assert loading == {*WIDGET_PAGES.values(), "book/worksheets/account-file.html"}


def test_runtime_python_is_the_repository_python(site):
    from tools.widgets import bundle

    text = (site / "_static" / "widgets" / "course-widgets-py.js").read_text(encoding="utf-8")
    shipped = json.loads(text.removeprefix("globalThis.courseWidgetSources=").rstrip(";\n"))
    assert shipped == bundle.python_sources()


@pytest.mark.slow
def test_pdf_prints_the_example_results(pdf):
    from test_pdf import text_of  # read once for every test of the book PDF

    text = text_of(pdf)
    flat = re.sub(r"\s+", "", text)
    assert "1.甲（采购经理）：朋友" in flat
    assert "个人关系的分量：高。" in flat
    # The form, its buttons and the preset chooser stay on screen (the pages' prose may name
    # a button; the row of buttons itself must not be printed).
    assert "添加联系人清空恢复示例复制分享链接" not in flat and "清空恢复示例复制分享链接" not in flat
    assert "选择一组数据" not in flat and "查看结果↓" not in flat and "↑返回修改输入" not in flat
