"""Short forms of known organisations in context: a known firm's short form read with 集团 as
one word (宝钢集团), a national body's short form written after a place (that place's own body),
and the words of the text that end in a given suffix."""

from __future__ import annotations

from loaders.extract.entities.base import Context, Mention

_NATIONAL = ("中国", "中华", "国家", "全国")


def local_namesakes(found: list[Mention]) -> list[Mention]:
    """A national body's short form written after a place (河南省|机械工业联合会, 甲市|工业互联网
    研究院) names the place's own body, not the national one."""
    ends = {m.end: m for m in found if m.label == "City"}
    out = []
    for m in found:
        city = ends.get(m.start)
        national = m.label in ("Agency", "Organization") and m.name.startswith(_NATIONAL)
        if city is None or not national or m.surface == m.name or m.surface.startswith(_NATIONAL):
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
