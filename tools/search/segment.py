"""Chinese word segmentation for the search index.

jieba splits some course terms badly (招待费用 → 招待费 + 用), so every glossary term is
added to its dictionary before anything is indexed. The browser cannot run jieba; it
segments the query against the index's own vocabulary (see course-search.js), so both
sides agree on what a word is.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from pathlib import Path

import jieba

# Words that say how a question is asked, not what it is about. One-character words are
# dropped anyway.
STOPWORDS = frozenset(
    [
        "如何",
        "怎么",
        "怎样",
        "怎么样",
        "什么",
        "为什么",
        "为何",
        "哪些",
        "哪个",
        "哪种",
        "是否",
        "能否",
        "可以",
        "应该",
        "需要",
        "我们",
        "你们",
        "他们",
        "自己",
        "一个",
        "一种",
        "这个",
        "那个",
        "这些",
        "那些",
        "以及",
        "或者",
        "而且",
        "但是",
        "因为",
        "所以",
        "如果",
        "就是",
        "还是",
        "不是",
        "没有",
        "有没有",
        "时候",
        "之间",
        "通过",
        "进行",
        "对于",
        "关于",
        "其中",
        "已经",
        "可能",
        "这样",
        "那样",
        "怎么办",
        "办法",
        "方法",
        "问题",
    ]
)

_LATIN = re.compile(r"[a-z0-9][a-z0-9+\-]*")
_CJK = re.compile(r"[\u3400-\u9fff]")

_configured_tmp: str | None = None


def configure(cache_dir: Path, extra_words: Iterable[str] = ()) -> None:
    """Point jieba's cache inside the build and teach it the course's terms."""
    global _configured_tmp
    jieba.setLogLevel(logging.WARNING)
    if _configured_tmp != str(cache_dir):
        cache_dir.mkdir(parents=True, exist_ok=True)
        jieba.dt.tmp_dir = str(cache_dir)
        _configured_tmp = str(cache_dir)
    for word in extra_words:
        word = word.strip()
        if len(word) >= 2:
            # A high frequency makes jieba keep the term whole.
            jieba.add_word(word, freq=20000)


def tokens(text: str) -> list[str]:
    """Index terms of a text: jieba's search-mode words (whole terms and their parts)."""
    out: list[str] = []
    for word in jieba.cut_for_search(text.lower()):
        word = word.strip()
        if len(word) < 2 or word in STOPWORDS:
            continue
        if _CJK.search(word) or _LATIN.fullmatch(word):
            out.append(word)
    return out
