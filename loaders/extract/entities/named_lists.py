"""Named lists and batches that organisations enter (L41): 2024年甲乙试点示范项目名单, 第三批
丙丁名单, 首批…名单. A list needs its year or batch: without one, 名单 is any list."""

from __future__ import annotations

import re

from loaders.extract.entities.base import HAN, Context, Mention, fold

_NAMED_LIST = re.compile(
    f"(?:\\d{{4}}年度?|第[一二三四五六七八九十\\d]+批次?|首批)"
    f"[{HAN}A-Za-z0-9“”\"（）()+]{{2,30}}?名单"
)

_COUNT = re.compile(r"[\d一二三四五六七八九十百]+[个家项所]")


def named_list_mentions(ctx: Context) -> list[Mention]:
    """Each dated or numbered list: a Project named as written (quotes dropped)."""
    out: list[Mention] = []
    if "名单" not in ctx.text:
        return out  # (every match ends in 名单: a cheap test before a scan that opens with \d)
    for m in _NAMED_LIST.finditer(ctx.text):
        surface = m.group(0)
        if _COUNT.search(surface):
            continue  # 首批39个…名单: a list described by its count, not named
        mention = Mention(m.start(), m.end(), "Project", fold(surface), surface, "pattern:list")
        if fold(surface) != surface:
            mention.aliases.add(surface)
        out.append(mention)
    return out
