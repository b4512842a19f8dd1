"""The forms of a training day (issue 24): a sign-in sheet, an end-of-course evaluation form
and certificates of completion, as HTML that WeasyPrint prints to A4 PDFs
(``python -m tools forms``). The texts are in ``FORMS_TEXT`` below (one place), the
evaluation's questions among them; names come from a text file, one per line.

Plain data and HTML, no Sphinx: the trainer's guide shows the same evaluation questions
through ``evaluation_items``.
"""

from __future__ import annotations

import datetime
from html import escape
from pathlib import Path

from tools.data.yamlfile import DataError

COURSE = "关系销售：大客户与关系销售入门"
FORMS_TEXT = {
    "sign_in": "签到表",
    "sign_in_cols": ("序号", "姓名", "部门", "上午签到", "下午签到"),
    "evaluation": "课程评估表",
    "evaluation_intro": "请在每一行圈出一个数字：1 表示完全不同意，5 表示完全同意。不用写名字。",
    "reaction": (
        "课程内容和我的工作相关。",
        "案例和对话练习帮我把方法用到真实的客户上。",
        "培训师讲得清楚，回答了我的问题。",
        "时间安排合适，练习的时间够用。",
        "我会向同事推荐这门课。",
    ),
    "confidence_intro": "课程结束时，我有把握做到：",
    "confidence": (
        "判断一单生意卡在两步销售的哪一步。",
        "给一位联系人的个人和组织两本账打分，找出分歧。",
        "把客户的每位联系人放进关系四象限，选出下一步的策略。",
        "在客户暗示要回扣时当场拒绝，并按规定报告。",
        "为自己的一个客户写出带时间表的下一步计划。",
    ),
    "comments": ("最有用的一点：", "最想改进的一点：", "其他意见："),
    "certificate": "结业证书",
    "certificate_body": "{name} 完成了“{course}”培训课程（{hours}），特发此证。",
    "certificate_programme": (
        "课程内容：大客户销售的不同之处、采购三要素与个人关系、关系的四种类型、"
        "大客户发展的阶段、关系管理的原则和策略、客户盘点与计划；七个案例和对话练习。"
    ),
    "certificate_sign": "培训师：＿＿＿＿＿＿　　　日期：{date}",
    "scale": ("1", "2", "3", "4", "5"),
}
PROGRAMMES = {"two-days": "两天，共 12 学时", "half-days": "四个半天，共 12 学时"}
SIGN_IN_ROWS = 24  # blank rows when no names are given
MAX_NAME = 30

CSS = """
@page { size: A4; margin: 16mm 16mm 18mm;
        @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; } }
body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 11pt; color: #1f2a37; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; }
.sub { text-align: center; margin: 0 0 6mm; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1pt solid #666; padding: 2.2mm 2mm; }
.sign td { height: 8mm; }
.scale td { text-align: center; width: 12mm; }
.scale td:first-child { text-align: left; width: auto; }
@page certificate { @bottom-center { content: none; } }
.lines { border-bottom: 1pt solid #666; height: 18mm; margin-bottom: 3mm; }
.certificate { page: certificate; page-break-after: always; text-align: center; padding-top: 40mm; }
.certificate:last-child { page-break-after: auto; }
.certificate h1 { font-size: 30pt; letter-spacing: .3em; margin-bottom: 20mm; }
.certificate .body { font-size: 16pt; line-height: 1.8; margin: 0 15mm 12mm; }
.certificate .programme { font-size: 11pt; margin: 0 20mm 30mm; color: #444; }
"""


def read_names(path: Path) -> list[str]:
    """Names, one per line (blank lines skipped); a name too long is an error with its line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise DataError(path, 0, f"cannot read the names: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise DataError(path, 1, "is not UTF-8 text: save the list of names as UTF-8") from exc
    names = []
    for number, line in enumerate(text.splitlines(), start=1):
        name = line.strip()
        if not name:
            continue
        if len(name) > MAX_NAME:
            raise DataError(path, number, f"a name of {len(name)} characters (at most {MAX_NAME})")
        names.append(name)
    if not names:
        raise DataError(path, 1, "no names: write one name per line")
    return names


def _page(title: str, body: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{CSS}</style></head><body>{body}</body></html>"
    )


def sign_in_html(names: list[str], date: str) -> str:
    t = FORMS_TEXT
    head = "".join(f"<th>{escape(c)}</th>" for c in t["sign_in_cols"])
    rows = names or [""] * SIGN_IN_ROWS
    body = "".join(
        f"<tr><td>{n}</td><td>{escape(name)}</td><td></td><td></td><td></td></tr>" for n, name in enumerate(rows, 1)
    )
    return _page(
        t["sign_in"],
        f'<h1>{escape(t["sign_in"])}</h1><p class="sub">{escape(COURSE)}　{escape(date)}</p>'
        f'<table class="sign"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>',
    )


def evaluation_items() -> dict[str, tuple[str, ...]]:
    t = FORMS_TEXT
    return {"reaction": t["reaction"], "confidence": t["confidence"], "comments": t["comments"]}


def evaluation_html(date: str) -> str:
    t = FORMS_TEXT
    scale = "".join(f"<td>{s}</td>" for s in t["scale"])

    def rows(lines: tuple[str, ...]) -> str:
        return "".join(f"<tr><td>{escape(line)}</td>{scale}</tr>" for line in lines)

    comments = "".join(f'<p>{escape(c)}</p><div class="lines"></div>' for c in t["comments"])
    return _page(
        t["evaluation"],
        f'<h1>{escape(t["evaluation"])}</h1><p class="sub">{escape(COURSE)}　{escape(date)}</p>'
        f"<p>{escape(t['evaluation_intro'])}</p>"
        f'<table class="scale"><tbody>{rows(t["reaction"])}</tbody></table>'
        f"<p>{escape(t['confidence_intro'])}</p>"
        f'<table class="scale"><tbody>{rows(t["confidence"])}</tbody></table>{comments}',
    )


def certificates_html(names: list[str], date: str, programme: str) -> str:
    t = FORMS_TEXT
    hours = PROGRAMMES[programme]
    pages = "".join(
        f'<section class="certificate"><h1>{escape(t["certificate"])}</h1>'
        f'<p class="body">{escape(t["certificate_body"].format(name=name, course=COURSE, hours=hours))}</p>'
        f'<p class="programme">{escape(t["certificate_programme"])}</p>'
        f"<p>{escape(t['certificate_sign'].format(date=date))}</p></section>"
        for name in names
    )
    return _page(t["certificate"], pages)


def chinese_date(day: datetime.date) -> str:
    return f"{day.year} 年 {day.month} 月 {day.day} 日"


def pdf(html: str) -> bytes:
    from weasyprint import HTML  # slow to import; only the PDFs need it

    return HTML(string=html).write_pdf()
