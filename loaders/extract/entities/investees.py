"""Firms read from deals (L13, L16): a brand the gazetteer knows as a platform (甲视频, 乙外卖)
is the company behind it where it is the object of 投资, 收购 …; a Latin-script name that
invests or buys, or is bought, is a firm."""

from __future__ import annotations

import re
import string

from loaders.extract.entities.base import Mention
from loaders.extract.entities.lexicon import LATIN_NOT_FIRM

_BUYING = re.compile(r"投资|收购|并购|入股|参股|控股")
_LIST_JOINT = re.compile(r"\s*(?:、|＆|&|和|及|以及)?\s*")
_PRODUCT_WORD = re.compile(r"(?:平台|系统|软件|APP|App|app)$")


def investee_firms(text: str, mentions: list[Mention]) -> None:
    """Relabel, in place, the platform brands a buying verb takes as its objects (投资甲、乙＆丙:
    each a Company), the verb's objects being the names right after it, joined as a list; the
    brand is the company wherever the article names it."""
    if not any(m.label == "Platform" for m in mentions):
        return
    verbs = list(_BUYING.finditer(text))
    if not verbs:
        return
    by_start = {m.start: m for m in mentions if not m.nested}
    firms: set[str] = set()
    for verb in verbs:
        pos = verb.end()
        while (m := by_start.get(pos)) is not None:
            if m.label == "Platform" and not _PRODUCT_WORD.search(m.name):
                firms.add(m.name)
            joint = _LIST_JOINT.match(text, m.end)
            if joint is None or (joint.end() == m.end and m.end not in by_start):
                break
            pos = joint.end()
    for m in mentions:  # one node for the brand across the article (L16)
        if m.label == "Platform" and m.name in firms:
            m.label = "Company"


# A Latin-script name right before a buying verb (甲Corp收购…) or right after it (收购AB、CD).
_LATIN_NAME = r"[A-Za-z][A-Za-z0-9&\-]*[A-Za-z0-9]"
# (_LATIN_NAME, not after a letter, a digit or a point: tested behind its first letter, so that
# the pattern opens with a character class and scans fast.)
_LATIN_BUYER = re.compile(
    r"([A-Za-z](?<![A-Za-z0-9.][A-Za-z])[A-Za-z0-9&\-]*[A-Za-z0-9])\s?(?=投资|收购|并购|入股|领投|跟投)"
)
_LATIN_BOUGHT = re.compile(
    f"(?:投资|收购|并购|入股)\\s?({_LATIN_NAME}(?:\\s?、\\s?{_LATIN_NAME})*)(?![A-Za-z0-9])"
)
_LATIN_NAME_RE = re.compile(_LATIN_NAME)
# Every match of _LATIN_BUYER ends right before one of these verbs, every match of
# _LATIN_BOUGHT opens with one, a space between the verb and the name at most: the two are
# scanned only where a verb is written next to a Latin letter or digit.
_DEAL_VERB = re.compile(r"投资|收购|并购|入股|领投|跟投")
_LATIN_CHARS = frozenset(string.ascii_letters + string.digits)


def _latin_beside_verb(text: str) -> bool:
    """Whether a verb of _DEAL_VERB has a Latin letter or digit right before or after it, or
    past one space. (A 投资 inside 领投资 or 跟投资 is not found apart: the text after it is
    read for the 领投 or 跟投 found there.)"""
    for m in _DEAL_VERB.finditer(text):
        start, end = m.span()
        if text.startswith("资", end):
            end += 1
        before = text[start - 1 : start] if start else ""
        if before.isspace():
            before = text[start - 2 : start - 1] if start > 1 else ""
        after = text[end : end + 1]
        if after.isspace():
            after = text[end + 1 : end + 2]
        if before in _LATIN_CHARS or after in _LATIN_CHARS:
            return True
    return False


def latin_deal_firms(text: str) -> list[Mention]:
    """Latin-script names that invest or buy, or that are bought (eBay投资…, 收购UC): firms,
    whatever their form, since a product neither buys nor is bought."""
    if not _BUYING.search(text) or not _latin_beside_verb(text):
        return []
    spans: list[tuple[int, int]] = [m.span(1) for m in _LATIN_BUYER.finditer(text)]
    for m in _LATIN_BOUGHT.finditer(text):
        for item in _LATIN_NAME_RE.finditer(m.group(1)):
            spans.append((m.start(1) + item.start(), m.start(1) + item.end()))
    out = []
    for start, end in sorted(set(spans)):
        name = text[start:end]
        if not LATIN_NOT_FIRM.match(name):
            out.append(Mention(start, end, "Company", name, name, "pattern:latin_deal"))
    return out
