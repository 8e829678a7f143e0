"""Units of a named body, named after it: a research unit or branch of an organisation or agency
(甲学会乙分会, 甲科学院乙研究所, 甲联盟第3研究组), and an agency's section written before a post
(甲市工信局乙科科长). A unit is an entity of its own, of its parent's label, named parent + unit."""

from __future__ import annotations

import re

from loaders.extract.entities.base import (
    HAN,
    JOINERS,
    Context,
    Mention,
    is_predicate,
    stop_inside,
)
from loaders.extract.entities.lexicon import TITLE_ALT

# A unit of a government body written before a post: 甲市工信局乙丙科科长 (L22, T48).
_UNIT_BEFORE_TITLE = re.compile(f"([{HAN}]{{2,12}}?(?:司|局|处|科|室|专班|办公室))(?={TITLE_ALT})")
# A unit with a name of its own after its parent: words, digits and a bracketed word, ending in a
# word for a research unit, branch or working group.
_NAMED_UNIT = re.compile(
    f"(?:第\\d{{1,3}})?[{HAN}0-9()（）]{{0,14}}?"
    f"(?P<kind>研究院|研究所|分院|分所|分会|研究组|工作组|专班|中心|委员会|[{HAN}]委会)"
)
_CLAUSE_CHARS = re.compile("[的了在是将对向把被从]")
_PARTICLE = re.compile("[的了在是将对与向]")


def _unit(parent: Mention, end: int, text: str, source: str) -> Mention:
    surface = text[parent.start : end]
    mention = Mention(
        parent.start, end, parent.label, parent.name + text[parent.end : end], surface, source
    )
    if surface != mention.name:
        mention.aliases.add(surface)
    mention.place_prefix = parent.place_prefix
    mention.props.update(parent.props)
    return mention


def _reads_as_name(ctx: Context, start: int, end: int) -> bool:
    """The words of a unit's name: no clause word, verb or place, and a joiner only between two
    content words."""
    words = ctx.tokens.token_words(start, end)
    if ctx.cities_in(start, end):
        return False  # 甲院与乙市共建研究院: a place opens another body
    return not stop_inside(words) and not any(is_predicate(w) for w in words if w not in JOINERS)


def sub_unit_mentions(ctx: Context, known: list[Mention]) -> list[Mention]:
    """Units named after a body found before: an agency's section before a post, and a named
    research unit or branch of an agency or organisation. A unit that is a name of its own
    (甲部|乙研究院, where 乙研究院 is found by itself) is left to that name."""
    out: list[Mention] = []
    text = ctx.text
    starts: set[int] | None = None  # (gathered at the first named unit: most texts have none)
    for parent in known:
        if parent.label not in ("Agency", "Organization") or parent.nested:
            continue
        m = _UNIT_BEFORE_TITLE.match(text, parent.end) if parent.label == "Agency" else None
        if m is not None and not _PARTICLE.search(m.group(1)):
            out.append(_unit(parent, m.end(1), text, "pattern:sub_unit"))
            continue
        m = _NAMED_UNIT.match(text, parent.end)
        if m is None or m.end() - parent.end < 3:
            continue
        if starts is None:
            starts = {k.start for k in known if k.label != "City"}
        if parent.end in starts:
            continue
        unit = m.group(0)
        if _CLAUSE_CHARS.search(unit) or not ctx.tokens.is_boundary(m.end()):
            continue
        if not _reads_as_name(ctx, parent.end, m.start("kind")):
            continue
        out.append(_unit(parent, m.end(), text, "pattern:named_unit"))
    return out
