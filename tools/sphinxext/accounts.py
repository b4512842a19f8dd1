"""The reader's accounts on the pages: worksheets filled in on screen, and the account file.

- Worksheet pages (``book/worksheets/``) and the tool pages get ``course-worksheets.js``:
  the account bar, the worksheets' fields and the tools' "存入客户档案".
- ``{account-file}`` puts the account file on a page: one account's worksheets, map and
  analyses. Its config names the worksheet pages (their titles and URLs), the tool pages
  and the tools' runtime, so the page can compute the saved inputs' results.

```{account-file}
```
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from tools.html_json import script_json
from tools.widgets import api
from tools.widgets.markup import escape

from . import widgets
from .placeholders import add_placeholders, has_mark
from .store import PRIORITY, use_store

ACCOUNT_MARK = '<div class="course-account"'
WORKSHEETS = "book/worksheets/"
# The worksheet pages the account file gathers, in the order a new hire fills them.
SHEETS = ("account-review", "opportunity", "account-plan")
TOOLS = {"relationship-map": "book/widgets/relationship-map", "purchase-factors": "book/widgets/purchase-factors"}
STATIC_NOTE = "启用 JavaScript 后，这里显示你在这个浏览器里填写的客户档案：工作表的答案、关系图和采购分析。"


class account_file(nodes.General, nodes.Element):
    """Placeholder for the account file, resolved once every page's title is known."""


class AccountFile(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        node = account_file()
        self.set_source_info(node)
        return [node]


def account_file_html(app: Sphinx, fromdoc: str) -> str:
    env = app.env
    sheets = []
    for key in SHEETS:
        docname = WORKSHEETS + key
        title = env.titles[docname].astext() if docname in env.titles else key
        sheets.append({"key": key, "title": title, "url": app.builder.get_relative_uri(fromdoc, docname)})
    config = {
        "sheets": sheets,
        "tools": {kind: app.builder.get_relative_uri(fromdoc, doc) for kind, doc in TOOLS.items()},
        "links": widgets._links(app, fromdoc, api.strings_for(widgets.LANG)),
        "runtime": widgets._runtime_urls(app, fromdoc),
    }
    return (
        f'<div class="course-account"><p class="account-static">{escape(STATIC_NOTE)}</p>'
        f'<script type="application/json" class="account-config">{script_json(config)}</script></div>'
    )


def _resolve(app: Sphinx, doctree: nodes.document, fromdoc: str) -> None:
    for node in list(doctree.findall(account_file)):
        node.replace_self(nodes.raw("", account_file_html(app, fromdoc), format="html"))


def _page_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    account = has_mark(doctree, [ACCOUNT_MARK])
    tool = has_mark(doctree, [widgets.WIDGET_MARK])
    if not (account or tool or pagename.startswith(WORKSHEETS)):
        return
    use_store(app)
    # After the store, before the tools' script, which saves into the accounts.
    app.add_js_file("course-worksheets.js", priority=PRIORITY + 50, defer="defer")
    if account:
        app.add_js_file("course-widgets.js", defer="defer")  # its engine computes the results
        app.add_css_file("course-widgets.css")
        app.add_js_file("course-account.js", defer="defer")


def setup(app: Sphinx) -> None:
    add_placeholders(app, account_file)
    app.add_directive("account-file", AccountFile)
    app.connect("doctree-resolved", _resolve)
    app.connect("html-page-context", _page_scripts, priority=300)
