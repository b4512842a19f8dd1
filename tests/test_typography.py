"""Chinese typesetting: the lint's rules on small texts, then the whole course held to them."""

from __future__ import annotations

import pytest
from conftest import ROOT

from tools.typography import prose
from tools.typography.lint import fixed_text, lint
from tools.typography.rules import check


def findings(kind: str, text: str) -> list[str]:
    reader = {
        "md": prose.markdown_lines,
        "yml": prose.yaml_lines,
        "py": prose.python_lines,
        "js": prose.javascript_lines,
    }[kind]
    return [f"{f.line}:{f.column + 1}:{f.rule}" for f in check(reader(f"x.{kind}", text))]


def fixed(kind: str, text: str) -> str:
    return fixed_text(f"x.{kind}", text)[0]


@pytest.mark.parametrize(
    "text, wanted",
    [
        ("客户要什么,我们给什么。", "客户要什么，我们给什么。"),
        ("三个问题:风险;收益?", "三个问题：风险；收益？"),
        ('他说:"做销售就是做关系。"', "他说：“做销售就是做关系。”"),
        ("大客户管理(KAM)的起点", "大客户管理（KAM）的起点"),
        ("见第3章和第二章", "见第 3 章和第 2 章"),
        ("年收入约50亿美元", "年收入约 50 亿美元"),
        ("这是结论.", "这是结论。"),
        ("他在想 ,怎么办", "他在想，怎么办"),
    ],
)
def test_fixes_half_width_marks_quotes_spacing_and_chapter_references(text, wanted):
    assert fixed("md", text) == wanted


@pytest.mark.parametrize(
    "text",
    [
        "25,000 多家转卖商",  # a number's separator
        "Fisher & Ury (1981), Getting to Yes",  # Latin text keeps Latin marks
        "运行 `python -m tools analyse --preset a,b` 即可",  # inline code
        "见 <https://example.com/a?b=1>",  # a URL
        "见{ref}`purchase-factors-gap`与{doc}`/book/kam-stages`",  # reference targets
        "(ch-purchase-factors)=",  # a label line
        ": 这笔采购可能出什么问题",  # a definition list's marker
        "“已经用了全角”的句子。",
    ],
)
def test_leaves_syntax_numbers_and_latin_alone(text):
    assert findings("md", text) == []


def test_code_fences_are_not_prose_but_graphviz_labels_are():
    text = (
        '```python\nx = "中文,"\n```\n'
        '```{graphviz}\n:alt: 图:两条轴\ndigraph { a [label="风险,收益\\n转换成本"]; }\n```\n'
    )
    assert findings("md", text) == ["5:8:punct", "6:23:punct"]


def test_yaml_keys_and_flow_sequences_keep_their_syntax():
    text = "id: pf-01\nskills: [分析关系, 识别类型]\nprompt: 哪一个对?\nscenario: |\n  (假设情境)一家企业\n"
    assert findings("yml", text) == ["3:13:punct", "5:3:paren", "5:8:paren"]


def test_wrong_way_quotes_are_reported():
    assert findings("md", "放在”客户状态”这一条") == ["1:3:quote", "1:8:quote"]


def test_strings_in_code_files_are_checked_but_their_delimiters_are_not():
    assert findings("py", 'MESSAGE = "请输入1到5之间的分数:"\nOTHER = "ok:"\n') == [
        "1:23:punct",
        "1:15:space",
        "1:16:space",
        "1:17:space",
        "1:18:space",
    ]
    assert findings("js", "const a = '已保存(本地)';  // 注释,不查\n") == ["1:15:paren", "1:18:paren"]


def test_term_variants_are_reported():
    assert findings("md", "客户所在的机构和单位;性能价格比") == ["1:11:punct", "1:6:term", "1:9:term", "1:12:term"]


def test_the_course_text_is_typeset_as_chinese():
    problems = lint(ROOT)
    listing = "\n".join(str(f) for f in problems[:60])
    assert not problems, f"{len(problems)} typesetting problems (python -m tools.typography lists them all):\n{listing}"


def test_regex_patterns_and_template_comments_are_not_reader_text():
    assert findings("py", 'GIVEAWAY = re.compile(r"只(?!是)|一定")\nTEXT = "好(是)"\n') == ["2:10:paren", "2:12:paren"]
    html = "{#- 模板说明:不是\n   读者看到的文字. -#}\n<p>读者看到的:文字</p>\n"
    assert [f"{f.line}:{f.rule}" for f in check(prose.html_lines("x.html", html))] == ["3:punct"]


def test_the_built_pages_are_typeset_as_chinese(site):
    """What the reader sees, generated text included (the reviewer found half-width marks in
    the footer, the printed answer keys and the tools' lines, and the source lint cannot see
    a space that Markdown keeps after a bold lead-in such as “**要点。** 正文”)."""
    from tools.typography.built import lint_site

    found = lint_site(site)
    assert not found, f"{len(found)} findings on the built pages:\n" + "\n".join(map(str, found[:30]))


def test_the_built_page_lint_sees_a_space_after_a_bold_lead_in():
    from tools.typography.built import page_lines
    from tools.typography.rules import check

    html = "<article><p><strong>要点。</strong> 正文（Millman &amp; Wilson (1995)）。</p></article>"
    found = check(page_lines("x.html", html))
    assert [f.rule for f in found] == ["space"], found
