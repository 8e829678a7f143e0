"""Short forms in context. Where a known short form does not name its firm or place: read
inside other words, a common word cut in two, a paper's name, the opening of an unknown name.
Where it does: 宝钢 read with 集团 as one word, an everyday word standing in a partner's slot;
a national body's short form after a place names that place's own body. A short form derived
for two firms names neither. Also: the words of the text that end in a given suffix."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache, partial
from types import SimpleNamespace

from loaders.extract.entities.base import Context, Mention
from loaders.extract.entities.lexicon import NAME_GOES_ON
from loaders.extract.nlp import word_frequency, word_tag
from loaders.extract.scan import opening_chars

_NATIONAL = ("中国", "中华", "国家", "全国")


def local_namesakes(found: list[Mention]) -> list[Mention]:
    """A national body's short form written after a place (河南省|机械工业联合会, 甲市|工业互联网
    研究院) names the place's own body, not the national one."""
    ends = {m.end: m for m in found if m.label == "City"}
    out = []
    for m in found:
        city = ends.get(m.start)
        if (
            city is None
            or m.label not in ("Agency", "Organization")
            or not m.name.startswith(_NATIONAL)
            or m.surface == m.name
            or m.surface.startswith(_NATIONAL)
        ):
            out.append(m)
            continue
        surface = city.surface + m.surface
        local = Mention(city.start, m.end, m.label, surface, surface, "pattern:local_body")
        local.place_prefix = (city.name,)
        out.append(local)
    return out


def groups_of_short_forms(ctx: Context) -> list[Mention]:
    """宝钢集团 read as one word: a known firm's short form and 集团 name that firm's group."""
    out = []
    for word, start in words_ending(ctx, "集团"):
        if len(word) < 4 or ctx.gaz.lookup(word):
            continue
        short = word[:-2]
        if ctx.gaz.is_ambiguous(short):
            continue
        firm = next((e for e in ctx.gaz.lookup(short) if e.label == "Company"), None)
        if firm is not None:
            m = Mention(start, start + len(word), "Company", firm.name, word, "gazetteer")
            m.aliases.update({word, short} - {firm.name})
            out.append(m)
    return out


def words_ending(ctx: Context, suffix: str) -> list[tuple[str, int]]:
    """(word, start) of the segmenter's words that end in `suffix`, found by a text scan."""
    out = []
    tokens, at = ctx.tokens, ctx.text.find(suffix)
    while at >= 0:
        i = tokens.token_at(at + len(suffix) - 1)
        word, start = tokens.words[i], tokens.starts[i]
        if start + len(word) == at + len(suffix):
            out.append((word, start))
        at = ctx.text.find(suffix, at + 1)
    return out


def inside_longer_word(ctx: Context, start: int, end: int) -> bool:
    """A short form read inside other words: across a token, before a name's going on, or
    cutting a common word in two."""
    return (
        not (ctx.tokens.is_boundary(start) and ctx.tokens.is_boundary(end))
        or NAME_GOES_ON.match(ctx.text, end) is not None
        or _splits_a_word(ctx, start, end)
    )


_SPLIT_WORD_FREQ = 100  # a word this common is what the writer wrote


def _splits_a_word(ctx: Context, start: int, end: int) -> bool:
    """The segmenter, favouring a domain short form, cut a common word in two (调|研华|曜科技:
    调研 is the word written): a lone character before the form makes a word with its first
    character, or one after it with its last."""
    text, starts, words = ctx.text, ctx.tokens.starts, ctx.tokens.words
    # (the pair, a dictionary's word or not, is read before the token: most pairs are no common
    # word; bisect_right(starts, pos) - 1 is tokens.token_at(pos))
    common = _common_dictionary_word if ctx.reads_word_frequencies else partial(_common_word, ctx)
    if (
        start > 0
        and common(text[start - 1 : start + 1])
        and len(words[bisect_right(starts, start - 1) - 1]) == 1
    ):
        return True
    if end < len(text) and common(text[end - 1 : end + 1]):
        return len(words[bisect_right(starts, end) - 1]) == 1
    return False


def _common_word(ctx: Context, word: str) -> bool:
    """A word of the language, not a name (阳新 is a county: 洛阳|新鑫 cuts no word)."""
    if ctx.freq(word) < _SPLIT_WORD_FREQ:
        return False
    return not (word_tag(word) or "").startswith(("nr", "ns", "nt", "nz"))


@lru_cache(maxsize=16384)
def _common_dictionary_word(word: str) -> bool:
    """`_common_word` with the dictionary's frequencies (the same in every article)."""
    return _common_word(_DICTIONARY, word)


_DICTIONARY = SimpleNamespace(freq=word_frequency)  # (all `_common_word` reads of a context)


# A place's name opening a newspaper's or a broadcaster's (甲省晨报, 乙市电视台).
_MEDIA_AFTER = re.compile(r"日报|晚报|晨报|商报|早报|都市报|电视台|广播电视台|新闻网|融媒体中心")
_MEDIA_OPENERS = opening_chars(_MEDIA_AFTER)
_NUMERAL = re.compile(r"[0-9０-９一二三四五六七八九十几]")


def not_a_place_here(ctx: Context, start: int, end: int) -> bool:
    """A place's short form read where the text means something else: a common word cut in two
    (股东|源渡 read as 股|东源|渡), a tenth counted before it (9成|都是), a paper's name."""
    if _splits_a_word(ctx, start, end):
        return True
    if ctx.text[end : end + 1] in _MEDIA_OPENERS and _MEDIA_AFTER.match(ctx.text, end):
        return True
    return ctx.text[start] == "成" and _NUMERAL.match(ctx.text, start - 1) is not None


# Where only an organisation stands: a partner before its deal word, after 与, or after 携手.
_PARTNER_BEFORE = re.compile(r"(?:与|和|同|携手|联手|牵手)$")
_DEAL_AFTER = re.compile(r"合作|签署|签订|签约|共同|联合|共建|达成|携手|联手")
_JOINED_BEFORE = re.compile(r"(?:携手|联手|牵手)$")


def in_partner_slot(text: str, start: int, end: int) -> bool:
    """甲与|浪潮|合作研发, 携手|浪潮: a word that is also a firm's short form stands where a
    partner does."""
    before = text[max(0, start - 2) : start]
    if _JOINED_BEFORE.search(before):
        return True
    return bool(_PARTNER_BEFORE.search(before)) and _DEAL_AFTER.match(text, end) is not None


# What ends an item of a list or a clause's subject.
_ITEM_END = re.compile(r"[、，,。；;]|等|和|与|及|是")


def unknown_name_opened(ctx: Context, end: int) -> int | None:
    """Where a name goes on past a known short form in characters no dictionary knows, up to
    the end of a list item (甲核|苏|阀、: the firm 甲核苏阀, not the group 甲核): that name's
    end, else None."""
    tokens, text = ctx.tokens, ctx.text
    pos = end
    for _ in range(3):
        if pos >= len(text):
            return None
        word = tokens.words[tokens.token_at(pos)]
        if len(word) != 1 or not ("\u4e00" <= word <= "\u9fff") or _ITEM_END.match(word):
            break
        pos += 1
    if pos == end or not _ITEM_END.match(text, pos):
        return None
    return pos


def drop_shared_short_forms(mentions: list[Mention]) -> None:
    """A short form derived for two different firms (甲 for 甲科技 and for 郑州甲智能) names
    neither: one alias belongs to one entity (G4). A form written as a mention of its own stays."""
    owners: dict[str, set[str]] = {}
    for m in mentions:
        if m.label == "Company":
            for alias in m.aliases:
                owners.setdefault(alias, set()).add(m.name)
    written = {m.surface for m in mentions}
    shared = {a for a, names in owners.items() if len(names) > 1 and a not in written}
    if shared:
        for m in mentions:
            if m.label == "Company":
                m.aliases -= shared
