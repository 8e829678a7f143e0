"""Firms named in a list of customers, partners or investors (主要客户包括甲、乙及丙等): every item
of such a list is an organisation, so an unknown proper name or a Latin-script brand there is a
firm."""

from __future__ import annotations

import re

from loaders.extract.entities.base import Context, Mention, _name_like
from loaders.extract.entities.spans import overlaps

_CLIENT_LIST = re.compile(
    r"(?:客户|客戶|合作伙伴|合作夥伴|投资方|投资机构|股东)(?:包括|包含|涵盖|涵蓋|有|如)[:：]?"
)
# The list runs to 等, or to the end of its clause.
_LIST_END = re.compile(r"等|[，,。；;！？\n]")
_SEPARATOR = re.compile(r"、|以及|及|和|与|/")
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z&'.-]*(?:\s+(?:[A-Z][A-Za-z&'.-]*|and|&|of)){0,3}")
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,6}")


def client_list_mentions(ctx: Context, known: list[Mention]) -> list[Mention]:
    """Unknown items of a list of customers or partners: Latin brands (Acme Apparel) and
    proper names the dictionary does not know."""
    out: list[Mention] = []
    text = ctx.text
    lists = list(_CLIENT_LIST.finditer(text))
    taken = [(k.start, k.end) for k in known] if lists else []
    for m in lists:
        end = _LIST_END.search(text, m.end())
        stop = end.start() if end else len(text)
        pos = m.end()
        for item in _SEPARATOR.split(text[pos:stop]):
            start = text.find(item, pos)
            pos = start + len(item)
            surface = item.strip()
            if not surface:
                continue
            start += item.index(surface)
            if overlaps(taken, start, start + len(surface)):
                continue
            if _LATIN_NAME.fullmatch(surface) or (
                _HAN_NAME.fullmatch(surface)
                and _name_like(ctx, surface, ctx.tokens.token_words(start, start + len(surface)))
            ):
                mention = Mention(
                    start, start + len(surface), "Company", surface, surface, "pattern:client"
                )
                out.append(mention)
    return out
