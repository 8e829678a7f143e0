"""Firms known by their position: Latin-script names with a corporate word, unknown names in
slots only an organisation fills (与甲乙签署, 甲乙是一家), and unknown members of a list of known
firms (甲、乙和丙: 丙 is a firm when 甲 and 乙 are)."""

from __future__ import annotations

import bisect
import re
import string
from itertools import repeat

from loaders.extract.entities.base import (
    _RARE_FREQ,
    HAN,
    Context,
    Mention,
    _name_like,
    _strip_places,
    fold,
    is_predicate,
)
from loaders.extract.entities.companies import _NAME_IN_QUOTES
from loaders.extract.entities.lexicon import (
    _GENERIC_MODIFIERS,
    CORPORATE_WORDS,
    FIELD_WORDS,
    LATIN_NOT_FIRM,
    STOP_TOKENS,
)
from loaders.extract.entities.projects import _PROJECT_SUFFIX
from loaders.extract.entities.spans import overlaps
from loaders.extract.nlp import word_tag
from loaders.extract.scan import finditer_from, finditer_near, positions

# Latin-script firms: capitalised words closed by a corporate word (Potash Corp, Mag Industries).
_LATIN_FIRM = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Z][A-Za-z&'.-]*\s+(?:(?:and|&|of)\s+)?){0,3}?[A-Z][A-Za-z&'.-]+"
    f"(?:\\s+(?:{CORPORATE_WORDS}))+(?![A-Za-z])"
)
_CORPORATE_WORD = re.compile(f"\\s(?:{CORPORATE_WORDS})")  # in every match of _LATIN_FIRM
_CAPITALS = string.ascii_uppercase  # every match of _LATIN_FIRM opens with one


def latin_firm_mentions(ctx: Context) -> list[Mention]:
    """Firms written in Latin script with a corporate word (Acme Industries Corp)."""
    out = []
    if not _CORPORATE_WORD.search(ctx.text):
        return out  # (a cheap test: the pattern below scans slowly)
    for m in finditer_from(_LATIN_FIRM, ctx.text, _CAPITALS):  # (re would try every character)
        written = m.group(0)
        if written.endswith(".") and not _LEGAL_FORM_END.search(written):
            written = written[:-1]  # a full stop, not an abbreviation's point
        elif ctx.text.startswith(".", m.end()) and _LEGAL_FORM_END.search(written):
            written += "."  # Ltd.: the abbreviation's point
        name = _LEGAL_FORM_END.sub("", written)
        if " " not in name:
            name = written  # Potash Corp: one word alone would not name the firm
        mention = Mention(m.start(), m.start() + len(written), "Company", name, written,
                          "pattern:latin_firm")
        if name != written:
            mention.aliases.update({written, written.rstrip(".")})
        out.append(mention)
    return out


# The legal form closing a Latin-script name (Acme Textiles Ltd.): the name goes without it when
# two words of the name stay.
_LEGAL_FORM_END = re.compile(
    r"(?<=[A-Za-z])\s+(?:Co\.,?\s+)?(?:Corp|Inc|Ltd|Limited|LLC|GmbH|AG|SA|PLC|Co)\.?$"
)


# A kind of firm, then its Latin-script name (市场研究公司Acme, 咨询机构Acme Research).
_DESCRIBED_LATIN = re.compile(
    r"(?:公司|机构|集团|厂商|企业)\s?([A-Z][A-Za-z0-9&\-]*(?:\s[A-Z][A-Za-z0-9&\-]*){0,3})"
    r"(?![A-Za-z0-9])"
)


def described_latin_firms(ctx: Context) -> list[Mention]:
    """A firm described by its kind and then named in Latin script: the name is the firm's."""
    out = []
    for m in _DESCRIBED_LATIN.finditer(ctx.text):
        name = m.group(1)
        if len(name) >= 2 and not LATIN_NOT_FIRM.match(name):
            out.append(Mention(m.start(1), m.end(1), "Company", name, name, "pattern:latin_firm"))
    return out


# Positions that only an organisation fills: 与X签署, X是一家, X携手Y, X集团's X宝通.
_SLOT_WORDS = (
    "签署|签订|签约|达成|共同|联合",
    "是一家|作为一家|是一个|为一家|主营|专注于|聚焦于|致力于",
    "携手|联手|牵手",
)
_ORG_SLOTS = (
    re.compile(rf"(?:与|和|同)(?P<x>[^，,。；、与和\s“”]{{2,8}}?)(?:{_SLOT_WORDS[0]})"),
    re.compile(rf"(?:^|[，,。；\n的])(?P<x>[^，,。；、的\s“”]{{2,8}}?)(?:{_SLOT_WORDS[1]})"),
    re.compile(rf"(?:^|[，,。；\n])(?P<x>[^，,。；、\s“”]{{2,8}}?)(?:{_SLOT_WORDS[2]})"),
)
# The words each slot ends with, or a piece of each (签 of 签署, 签订, 签约; 手 of 携手, 联手,
# 牵手: fewer words to find, by str.find), and the reach around them (a slot opens at most 9
# characters before its word): a slot is scanned near them only (loaders.extract.scan).
_ORG_SLOT_WORDS = (re.compile("签|达成|共同|联合"), re.compile(_SLOT_WORDS[1]), re.compile("手"))
_ORG_SLOT_REACH = ((9, 1), (9, 0), (10, 0))


# 甲旗下(的)(投资平台)乙: what a firm holds is an organisation.
_UNDER_OWNER = re.compile(
    r"旗下(?:的)?(?:全资|控股)?(?:子公司|投资平台|投资机构|公司|企业)?"
    r"(?P<x>[^，,。；、的\s“”和与]{2,8}?)(?=和|与|、|联合|共同|作为|[，,。；])"
)


def _starts(text: str, word: str) -> list[int]:
    return positions(text, word, overlapping=False)


# What a group holds may be named by a brand noun and a firm word (甲乙投资, 基石基金).
_HELD_FIRM = re.compile(f"([{HAN}]{{2,5}}?)(?:投资|基金|资本|控股|科技|集团|证券|银行)")
_HELD_BRAND_MAX_FREQ = 3000  # more frequent words name fields, not brands


def _held_brand(ctx: Context, item: str) -> bool:
    m = _HELD_FIRM.fullmatch(item)
    if m is None or _GENERIC_MODIFIERS.fullmatch(m.group(1)) or m.group(1) in STOP_TOKENS:
        return False
    if m.group(1) in FIELD_WORDS:
        return False  # 金融投资, 能源科技: a field, not a brand
    tag = word_tag(m.group(1))
    return ctx.freq(m.group(1)) < _HELD_BRAND_MAX_FREQ and (tag is None or tag.startswith("n"))


def _slot_mention(ctx: Context, start: int, end: int, held: bool = False) -> Mention | None:
    """The firm an organisation's slot holds at [start, end), if it reads as a name (or, for
    what a group holds, a brand and a firm word)."""
    text = ctx.text
    item = text[start:end]
    words = ctx.tokens.token_words(start, end)
    if not ctx.tokens.is_boundary(start):
        return None
    named = _name_like(ctx, item, words) or (held and _held_brand(ctx, item))
    if not named or _PROJECT_SUFFIX.search(item):
        return None
    if _GENERIC_MODIFIERS.fullmatch(item) or (
        ctx.cities_in(start, end) and end - _strip_places(ctx, start, end)[0] < 2
    ):
        return None
    core_start, places = _strip_places(ctx, start, end)
    name = text[core_start:end] if end - core_start >= 2 else item
    mention = Mention(start, end, "Company", name, item, "pattern:org_slot")
    mention.place_prefix = places
    return mention


def slot_firm_mentions(ctx: Context, known: list[Mention]) -> list[Mention]:
    """Unknown names in positions only an organisation fills (与华光国瓷签署合作协议,
    纽氏达特是一家…企业), and names that extend a group's name (万达集团 → 万达宝通)."""
    out = []
    text = ctx.text
    spans = [(k.start, k.end) for k in known if not k.nested]

    def free(start: int, end: int) -> bool:
        return not overlaps(spans, start, end)

    slots = [
        m
        for slot, slot_word, reach in zip(_ORG_SLOTS, _ORG_SLOT_WORDS, _ORG_SLOT_REACH, strict=True)
        for m in finditer_near(slot, text, slot_word, *reach)
    ]
    held = [m for m in map(_UNDER_OWNER.match, repeat(text), _starts(text, "旗下")) if m]
    for m in slots + held:
        start, end = m.span("x")
        if not free(start, end):
            continue
        mention = _slot_mention(ctx, start, end, held=m.re is _UNDER_OWNER)
        if mention is not None:
            out.append(mention)
            spans.append((start, end))
    # each group's stem once: a group named again finds the same spans, every one of them
    # taken or turned down the first time
    stems = dict.fromkeys(
        k.name[:-2]
        for k in known
        if k.label == "Company" and k.name.endswith("集团") and len(k.name) >= 4
    )
    for stem in stems:
        for start, end in _stem_and_two(text, stem):
            tail = text[end - 2 : end]
            words = ctx.tokens.token_words(end - 2, end)
            if tail.startswith("集团") or not free(start, end):
                continue
            if any(w in STOP_TOKENS for w in words) or ctx.freq(tail) >= _RARE_FREQ:
                continue
            if not ctx.tokens.is_boundary(end):
                continue
            written = text[start:end]
            out.append(Mention(start, end, "Company", written, written, "pattern:group_member"))
            spans.append((start, end))
    return out


def _stem_and_two(text: str, stem: str) -> list[tuple[int, int]]:
    """The spans of `re.finditer(re.escape(stem) + f"[{HAN}]{{2}}", text)`, found by `str.find`
    (no pattern compiled for each group's name)."""
    out = []
    at = text.find(stem)
    while at >= 0:
        end = at + len(stem) + 2
        if end <= len(text) and all("\u4e00" <= ch <= "\u9fff" for ch in text[end - 2 : end]):
            out.append((at, end))
            at = text.find(stem, end)
        else:
            at = text.find(stem, at + 1)
    return out


# A list: items joined by 、, the last one possibly by 和/及/与, closed by 等 or a clause mark.
# (The first item is possessive, {1,24}+: what follows it is 、, which it never holds, so giving
# characters back never helps; every run holds a 、 and spans 24 characters before the first one
# and 50 after the last: it is scanned near them only, see loaders.extract.scan.)
_LIST_RUN = re.compile(
    r"[^、，,。；;：:\s“”]{1,24}+(?:、[^、，,。；;：:\s“”和及与等]{1,24})+"
    r"(?:(?:和|及|与|以及)[^、，,。；;：:\s“”和及与等]{1,24})?"
)
_LIST_MARK = re.compile("、")
_MEMBER = re.compile(f"[{HAN}]{{2,6}}|[A-Za-z][A-Za-z0-9&.-]{{1,20}}")
_MEMBER_TAGS = ("nr", "nz", "nt")


def coordinated_firm_mentions(ctx: Context, known: list[Mention]) -> list[Mention]:
    """Unknown names in a list that holds two known firms at least (甲、乙和丙等, 甲、丙、乙): firms
    too. Such a name is one word of the segmenter, a rare one or a name's (a transliteration),
    or Latin-script; places and vocabulary are no members."""
    text = ctx.text
    firms = {(k.start, k.end) for k in known if k.label == "Company" and not k.nested}
    firm_ends = {end for _, end in firms}
    out: list[Mention] = []
    if len(firms) < 2:
        return out  # (a list needs two known firms: the scan below is not run for nothing)
    spans = [(k.start, k.end) for k in known if not k.nested]
    ends = sorted(firm_ends)

    def two_firm_ends(start: int, end: int) -> bool:
        """Every known item of a run ends where a firm ends, inside the run: a stretch with
        fewer than two such ends holds no run with two known items."""
        return bisect.bisect_right(ends, end) - bisect.bisect_right(ends, start) >= 2

    runs = finditer_near(_LIST_RUN, text, _LIST_MARK, before=24, after=50, wanted=two_firm_ends)
    for run in runs:
        items = _items(run.group(0), run.start())
        # the first item may carry words before the name (由甲): it counts when a firm ends it
        known_items = sum(
            1 for i, (start, end) in enumerate(items)
            if (start, end) in firms or (i == 0 and end in firm_ends)
        )
        if known_items < 2:
            continue
        for start, end in items[1:]:
            if (start, end) in firms:
                continue
            member = _member(ctx, start, end, spans)
            if member is not None:
                out.append(member)
                spans.append((member.start, member.end))
    return out


_ITEM_SEPARATOR = re.compile(r"、|以及|和|及|与")


def _items(run: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) of each item of a list run."""
    out = []
    pos = 0
    for sep in _ITEM_SEPARATOR.finditer(run):
        if sep.start() > pos:
            out.append((offset + pos, offset + sep.start()))
        pos = sep.end()
    out.append((offset + pos, offset + len(run)))
    return out


def _member(ctx: Context, start: int, end: int, spans: list[tuple[int, int]]) -> Mention | None:
    item = ctx.text[start:end]
    if not _MEMBER.fullmatch(item) or overlaps(spans, start, end):
        return None
    if item[0].isascii():
        return Mention(start, end, "Company", item, item, "pattern:list_member")
    if not (ctx.tokens.is_boundary(start) and ctx.tokens.is_boundary(end)):
        return None
    words = ctx.tokens.token_words(start, end)
    if len(words) != 1 or ctx.cities_in(start, end) or _GENERIC_MODIFIERS.fullmatch(item):
        return None
    tag = word_tag(item) or ""
    if not (tag.startswith(_MEMBER_TAGS) or ctx.freq(item) < _RARE_FREQ) or tag.startswith("ns"):
        return None
    return Mention(start, end, "Company", item, item, "pattern:list_member")


# The firms a deal takes in: 收购甲、乙等…, 投资丙、丁＆戊, 入股己. Each item a name the segmenter
# keeps as one rare word or a Latin-script name; the list ends at 等, a clause mark or a verb.
_DEAL = re.compile(r"(?:收购|并购|入股|参股|战略投资|投资)了?")
_DEAL_ITEM = re.compile(f"[{HAN}]{{2,6}}|[A-Za-z][A-Za-z0-9.-]{{1,20}}")
_DEAL_JOINT = "、和及＆&"


def deal_firm_mentions(ctx: Context, known: list[Mention]) -> list[Mention]:
    """Firms bought or invested in, named as a list of brand-like words after the deal verb."""
    text, tokens = ctx.text, ctx.tokens
    deals = list(_DEAL.finditer(text))
    if not deals:
        return []  # (no deal verb: the known mentions are not indexed for nothing)
    spans = [(k.start, k.end) for k in known if not k.nested]
    firm_at = {k.start: k.end for k in known if k.label == "Company" and not k.nested}
    out: list[Mention] = []
    for deal in deals:
        pos = deal.end()
        if not tokens.is_boundary(deal.start()) or not tokens.is_boundary(pos):
            continue
        while text[pos : pos + 1] == " ":
            pos += 1  # 收购 UC: a space before a Latin-script name
        items: list[tuple[int, int]] = []
        while pos < len(text):
            i = tokens.token_at(pos)
            word = tokens.words[i]
            if pos in firm_at:  # a firm already named, however many words long
                word = text[pos : firm_at[pos]]
            elif not _DEAL_ITEM.fullmatch(word) or tokens.starts[i] != pos:
                break
            items.append((pos, pos + len(word)))
            pos += len(word)
            if text[pos : pos + 1] not in _DEAL_JOINT:
                break
            pos += 1
        closed = text[pos : pos + 1] in ("等", "，", ",", "。", "；", "") or (
            (word_tag(tokens.words[tokens.token_at(pos)]) or "").startswith("v")
            if pos < len(text) else True
        )
        if not items or not closed:
            continue
        new = [(s, e) for s, e in items if firm_at.get(s) != e]
        members = [_deal_member(ctx, start, end, spans) for start, end in new]
        if all(members):  # one item that is no name makes the list something else
            out.extend(m for m in members if m is not None)
            spans.extend(new)
    return out


def _deal_member(
    ctx: Context, start: int, end: int, spans: list[tuple[int, int]]
) -> Mention | None:
    item = ctx.text[start:end]
    if overlaps(spans, start, end) or ctx.cities_in(start, end):
        return None
    if not item[0].isascii():
        # a name's word (nr, nz, nt) or a word the dictionary does not know, never vocabulary
        tag = word_tag(item)
        if tag is not None and not tag.startswith(_MEMBER_TAGS):
            return None
        if _GENERIC_MODIFIERS.fullmatch(item) or (tag is None and ctx.freq(item) >= _RARE_FREQ):
            return None
    return Mention(start, end, "Company", item, item, "pattern:deal_object")


# The word for a kind of firm right before a quoted name (设计公司「甲乙」).
# (the character before the word is tested after it: a pattern opening with a word scans fast)
_KIND_WORDS = ("公司", "集团")
_KIND_BEFORE_QUOTES = re.compile(f"(?:{'|'.join(_KIND_WORDS)})(?<![有限股份]..)(?=[「“])")
# The same, one pattern per word: re finds a pattern that opens with a plain word by a fast search
# for it, and tries an alternation at every character. (The words share no character, so their
# matches never overlap: merged in text order they are the alternation's.)
_KINDS_BEFORE_QUOTES = tuple(
    re.compile(_KIND_BEFORE_QUOTES.pattern.replace(f"(?:{'|'.join(_KIND_WORDS)})", word))
    for word in _KIND_WORDS
)


def kinds_before_quotes(text: str) -> list[re.Match[str]]:
    """`list(_KIND_BEFORE_QUOTES.finditer(text))`, one scan per word."""
    return sorted((m for p in _KINDS_BEFORE_QUOTES for m in p.finditer(text)), key=_match_start)


def _match_start(m: re.Match[str]) -> int:
    return m.start()


_THIS_ONE = re.compile(r"(?:这|那|该|此|一|某)[家个]?$")


def quoted_firm_mentions(ctx: Context) -> list[Mention]:
    """The name in quotes after the word for a kind of firm (设计公司「甲乙」, 子公司“丙丁”)."""
    out = []
    for kind in kinds_before_quotes(ctx.text):
        quoted = _NAME_IN_QUOTES.match(ctx.text, kind.end())
        if quoted is None or _GENERIC_MODIFIERS.fullmatch(quoted.group(1)):
            continue
        inner = quoted.group(1).strip()
        if ctx.freq(inner) >= _RARE_FREQ or re.search(r"[，,。！？、]", inner):
            continue
        if _THIS_ONE.search(ctx.text[max(0, kind.start() - 2) : kind.start()]):
            continue  # 这家公司“甲乙”: what is said of a firm, not its name
        words = ctx.tokens.token_words(quoted.start(1), quoted.end(1))
        if any(w in STOP_TOKENS or is_predicate(w) for w in words):
            continue  # 不差钱: a phrase, not a name
        start, end = quoted.start(1), quoted.end(1)
        out.append(Mention(start, end, "Company", fold(inner), inner, "pattern:quoted_firm"))
    return out
