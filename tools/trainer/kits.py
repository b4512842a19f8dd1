"""Case kits one by one (issue 24): each kit page of the trainer build as its own A4 PDF
(the book's print stylesheet, the trainer mark on every page, each role brief and scoring
sheet on a page of its own), and a printing list for a group size.

What a kit needs is read from its source page (``cases/notes/kits/<case>.md``): the title,
the minutes in class, individual work or groups, and the role briefs (``**角色说明 · …**``).
Plain data here; ``python -m tools kits`` writes the files.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from tools.data.yamlfile import DataError

FOLDER = Path("cases") / "notes" / "kits"
GROUP_SIZE = 5  # participants per group, as the programme plans (16–24 people, four or five groups)
_TITLE = re.compile(r"^# 教学包：(.+)$", re.M)
_MINUTES = re.compile(r"课堂上 (\d+) 分钟")
_ROLE = re.compile(r"^\*\*角色说明 · ([^*]+)\*\*", re.M)


@dataclass(frozen=True)
class Kit:
    id: str
    title: str
    minutes: int
    groups: bool  # group work (else individual)
    roles: tuple[str, ...]


@dataclass(frozen=True)
class Line:
    kit: str
    what: str
    copies: int
    sides: str  # 单面 / 双面
    who: str


def load_kit(path: Path) -> Kit:
    text = path.read_text(encoding="utf-8")
    title = _TITLE.search(text)
    minutes = _MINUTES.search(text)
    if not title or not minutes:
        raise DataError(path, 1, "a kit page starts `# 教学包：<case>` and says `课堂上 N 分钟`")
    first = text[max(0, minutes.start() - 40) : minutes.start()]
    return Kit(
        path.stem, title.group(1).strip(), int(minutes.group(1)), "个人作业" not in first, tuple(_ROLE.findall(text))
    )


def load_kits(root: Path) -> list[Kit]:
    return [load_kit(p) for p in sorted((root / FOLDER).glob("*.md")) if p.stem != "index"]


def printing_list(kits: list[Kit], participants: int, group_size: int = GROUP_SIZE) -> list[Line]:
    """What to print for ``participants`` people, kit by kit."""
    if participants < 1:
        raise ValueError("participants must be at least 1")
    groups = math.ceil(participants / group_size)
    lines = []
    for kit in kits:
        lines.append(Line(kit.title, "案例材料（make handouts，学员版）", participants, "双面", "每位学员"))
        lines.append(Line(kit.title, "准备度检查和逐分钟流程表", 1, "单面", "培训师"))
        for role in kit.roles:
            lines.append(Line(kit.title, f"角色说明 · {role}", groups, "单面", "每组一份，只发给扮演的人"))
        sheets = groups if kit.groups else participants
        lines.append(Line(kit.title, "评分表", sheets, "单面", "每组一份" if kit.groups else "每位学员"))
        lines.append(Line(kit.title, "课后作业", participants, "单面", "每位学员"))
    return lines


def things_to_bring(kits: list[Kit], participants: int, group_size: int = GROUP_SIZE) -> list[str]:
    groups = math.ceil(participants / group_size)
    roles = max((len(k.roles) for k in kits), default=0)
    return [
        f"翻页纸或白板纸 {groups * 2} 张，马克笔 {groups * 2} 支（每组两张、两支）",
        "计时器 1 个（流程表按分钟走）",
        f"能打开学员版网站的设备：每组至少 1 台手机或电脑，共 {groups} 台（分析工具和对话练习要用）",
        "投影仪和一台连上学员版网站的电脑（演示工具）",
        f"角色名牌 {groups * roles} 个（角色最多的案例每组 {roles} 个）" if roles else "不需要角色名牌",
    ]
