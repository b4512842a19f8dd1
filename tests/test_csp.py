"""Every page carries a Content-Security-Policy, and the whole site works under it: served
and from file://, with no violation and no console error (quiz, tools, search,
conversations, theme). All the other browser tests run under the same policy too, since it
is part of every built page."""

from __future__ import annotations

import re

import pytest

from tools.bench.widget_timing import wait_first_result
from tools.csp import policy, script_hashes, with_policy

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
# Recorded before any page script runs: every violation the policy reports.
WATCH = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  const where = e.sourceFile + ':' + e.lineNumber;
  window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + where);
});
"""


def directives(text: str) -> dict[str, str]:
    return {part.split()[0]: " ".join(part.split()[1:]) for part in text.split(";") if part.strip()}


def all_pages(site):
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts)


def test_every_page_has_the_policy_before_any_script(site):
    for path in all_pages(site):
        html = path.read_text(encoding="utf-8")
        found = META.search(html)
        assert found, f"{path.relative_to(site)}: no Content-Security-Policy"
        first_script = html.find("<script")
        assert first_script == -1 or found.start() < first_script, f"{path.relative_to(site)}: policy after a script"
        rules = directives(found.group(1))
        assert rules["default-src"] == "'self'"
        assert rules["script-src"].startswith("'self' 'wasm-unsafe-eval'")
        assert "unsafe-inline" not in rules["script-src"] and "unsafe-eval'" not in rules["script-src"].replace(
            "wasm-unsafe-eval'", ""
        )
        assert rules["object-src"] == "'none'" and rules["base-uri"] == "'none'"
        # Every inline script that runs is allowed by its hash, and no more.
        assert sorted(script_hashes(html)) == sorted(re.findall(r"'sha256-[^']+'", rules["script-src"]))


def test_hashes_follow_the_inline_scripts_and_skip_data_blocks():
    page = (
        '<html><head><meta charset="utf-8"><script>var a = 1;</script>'
        '<script type="application/json">{"x": 1}</script><script src="x.js"></script></head></html>'
    )
    assert len(script_hashes(page)) == 1
    assert "'sha256-" in policy(page)
    again = with_policy(with_policy(page))
    assert again.count("Content-Security-Policy") == 1, "adding the policy twice keeps one tag"
    changed = page.replace("var a = 1;", "var a = 2;")
    assert script_hashes(changed) != script_hashes(page)


def _visit(page, url: str) -> list[str]:
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(150)
    return page.evaluate("window.__cspViolations")


@pytest.fixture
def watched(browser):
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.console_errors = errors
    yield page
    context.close()


@pytest.mark.sweep
@pytest.mark.browser
@pytest.mark.parametrize("origin", ["served", "file"])
def test_every_page_runs_under_the_policy_without_violations(watched, site, server, origin):
    problems = []
    for path in all_pages(site):
        rel = path.relative_to(site).as_posix()
        url = server + rel if origin == "served" else path.as_uri()
        violations = _visit(watched, url)
        problems += [f"{rel}: {v}" for v in violations]
    problems += [f"console: {e}" for e in watched.console_errors if "favicon" not in e]
    assert not problems, "\n".join(problems[:30])


@pytest.mark.browser
@pytest.mark.parametrize("origin", ["served", "file"])
def test_tools_search_and_quiz_work_under_the_policy(watched, site, server, origin):
    def url(rel: str) -> str:
        return server + rel if origin == "served" else (site / rel).as_uri()

    # The analysis tool compiles its WebAssembly runtime and shows a Python-computed result.
    watched.goto(url("book/widgets/relationship-map.html"))
    wait_first_result(watched)
    # The course search answers a question.
    watched.goto(url("search.html") + "?q=" + "招待费用怎么控制")
    watched.wait_for_selector(".course-search-result", timeout=15000)
    # A self-check accepts an answer.
    watched.goto(url("book/purchase-factors.html"))
    item = watched.locator(".course-quiz-item.is-interactive:has(input[type=radio])").first
    item.locator("input").first.check()
    item.locator("button.course-quiz-check").click()
    watched.wait_for_function("el => el.getAttribute('data-status')", arg=item.element_handle(), timeout=5000)
    assert watched.evaluate("window.__cspViolations") == []
    assert not [e for e in watched.console_errors if "favicon" not in e]


@pytest.mark.browser
def test_the_policy_is_enforced(watched, server):
    """A script injected inline is refused: the policy is not decoration."""
    watched.goto(server + "book/index.html")
    watched.evaluate(
        """() => { const s = document.createElement('script'); s.textContent = 'window.__ran = true';
                   document.head.append(s); }"""
    )
    watched.wait_for_timeout(100)
    assert watched.evaluate("window.__ran === undefined")
    assert any("script-src" in v for v in watched.evaluate("window.__cspViolations"))


def test_a_script_in_the_pages_content_gets_no_hash():
    """The reviewer's R6: the policy hashed every inline script the output held, so a
    script written into a chapter ran. Only the template's scripts are hashed now."""
    page = (
        '<html><head><meta charset="utf-8"><script>theme()</script></head><body>'
        "<article class=\"bd-article\"><p>正文</p><script>document.title = 'INJECTED'</script></article>"
        '<script type="application/json">{}</script></body></html>'
    )
    assert len(script_hashes(page)) == 1
    assert script_hashes(page) == script_hashes(page.replace("<script>document.title = 'INJECTED'</script>", ""))
