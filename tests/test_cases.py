"""Case metadata: the course's cases load; each malformed file is named to the line."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CHAPTERS, ROOT

from tools.cases.model import load_case, load_cases
from tools.data.yamlfile import DataError

CHAPTER_NAMES = set(CHAPTERS)
GOOD = """---
case:
  id: {id}
  title: 测试案例
  chapters: [purchase-factors]
  format: 小组讨论
  duration: 30
  skills: [识别关系类型]
---
# 案例
"""


def test_course_cases_load():
    cases = load_cases(ROOT / "cases", CHAPTER_NAMES)
    assert {c.id for c in cases} >= {"pinacor", "zhang-jin", "xiao-cui", "li-xiang", "rule-breaker", "telecom-operator"}


def write(tmp_path: Path, text: str, name: str = "demo") -> Path:
    path = tmp_path / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_case(tmp_path):
    case = load_case(write(tmp_path, GOOD.format(id="demo")), CHAPTER_NAMES)
    assert case.duration == 30 and case.chapters == ("purchase-factors",)


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (("duration: 30", "duration: 半小时"), 7, "`duration` must be minutes"),
        (("id: demo", "id: other"), 3, "must equal the file name"),
        (("chapters: [purchase-factors]", "chapters: [no-such-chapter]"), 5, "unknown chapter `no-such-chapter`"),
        (("  skills: [识别关系类型]\n", ""), 2, "missing `skills`"),
        (("format: 小组讨论", "format: ''"), 6, "`format` must be a non-empty text"),
        (("title: 测试案例", "title: [oops"), 4, "not valid YAML"),
        (("skills: [识别关系类型]", "skills: [识别关系类型]\n  level: 高"), 9, "unknown field `level`"),
    ],
)
def test_malformed_case_names_file_and_line(tmp_path, change, line, message):
    path = write(tmp_path, GOOD.format(id="demo").replace(*change))
    with pytest.raises(DataError) as info:
        load_case(path, CHAPTER_NAMES)
    assert info.value.path == path
    assert info.value.line == line, str(info.value)
    assert message in str(info.value)
    assert str(info.value).startswith(f"{path}:{line}:")


def test_page_without_front_matter(tmp_path):
    with pytest.raises(DataError, match="front matter"):
        load_case(write(tmp_path, "# 没有元数据\n"), CHAPTER_NAMES)
