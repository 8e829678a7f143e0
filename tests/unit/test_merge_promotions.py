"""merge._drop_promotions (line breaks bisected) agrees with the line-by-line reading it
replaces (invented texts)."""

from __future__ import annotations

from types import SimpleNamespace

from loaders.extract.entities import merge
from loaders.extract.entities.base import Mention

_TEXTS = [
    "扫码下载星河App\n甲乙公司今日发布了新产品，星河市的用户可在线体验。\n来源：星河日报",
    "关注星云公众号",
    "\n\n数据来源：星河市统计局\n",
    "甲乙公司在星河市建设工厂，" * 8 + "\n打开星云App\n（来源：乙日报）",
    "点击下载 星河\n\n\n编辑：甲乙",
]


def _slow(text: str, mentions: list[Mention]) -> list[Mention]:
    out = []
    for m in mentions:
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        short_line = (len(text) if line_end < 0 else line_end) - line_start <= 40
        if short_line and merge._PROMOTION_BEFORE.search(text, line_start, m.start):
            continue
        if short_line and merge._CREDIT_LINE.match(text, line_start):
            continue
        out.append(m)
    return out


def test_drop_promotions_matches_the_slow_reading() -> None:
    for text in _TEXTS:
        mentions = [
            Mention(s, e, "Company", text[s:e], text[s:e], "pattern:test")
            for s in range(len(text))
            for e in range(s + 1, min(len(text), s + 6) + 1)
        ]
        ctx = SimpleNamespace(text=text)
        assert merge._drop_promotions(ctx, mentions) == _slow(text, mentions)  # type: ignore[arg-type]
        assert len(_slow(text, mentions)) < len(mentions)  # the texts hold promotions
