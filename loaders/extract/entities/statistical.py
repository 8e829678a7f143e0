"""Names found by the statistical tagger (loaders.extract.lac): person (PER) and organisation
(ORG) spans the rules missed. Each candidate passes the same tests as a rule's: a person needs
a surname and no byline around it; an organisation is labelled by the kind word that ends it
(Agency, Organization, else Company) and must not be vocabulary, media or a bare department.
Candidates only fill gaps: a span that overlaps a rule's mention (other than a place inside
it) is left to the rule."""

from __future__ import annotations

import re
from collections.abc import Callable

from loaders.extract.entities.base import (
    _FUNCTION_CHARS,
    _RARE_FREQ,
    HAN,
    Context,
    Mention,
    _strip_places,
    is_vocabulary,
)
from loaders.extract.entities.branches import OPERATOR, operator_technology
from loaders.extract.entities.companies import _company
from loaders.extract.entities.firm_stems import _FIRM_ONLY_SUFFIX, _PROPER_TAGS
from loaders.extract.entities.lexicon import (
    _DEPT_SUFFIX,
    _MEDIA_END,
    COMPOUND_SURNAMES,
    NAME_GOES_ON,
    SURNAMES,
)
from loaders.extract.entities.organizations import ORGANIZATION_END, checked_organization
from loaders.extract.entities.people import GLUED_AFTER_NAME, is_byline, shaped_like_word
from loaders.extract.nlp import word_tag

Tagger = Callable[[str], list[tuple[int, int, str]]]

_AGENCY_END = re.compile(f"(?:{_DEPT_SUFFIX}|政府|党委|党工委|部|署|司|处|科)$")
_FIELD_FREQ = 3000  # jieba frequency of words that name fields (金融, 信息, 生物), not firms
_HONORIFIC_END = re.compile(r"(?:博士|教授|先生|女士|老师|院士|总|董|秘|局|处|工)$")
_PERSON = re.compile(f"[{HAN}]{{2,4}}")
_ORG_CHARS = re.compile(f"[{HAN}A-Za-z]")



def statistical_mentions(ctx: Context, tagger: Tagger, known: list[Mention]) -> list[Mention]:
    taken = [(m.start, m.end) for m in known if not m.nested and m.label != "City"]
    # A form the rules already read elsewhere in the article spreads from there.
    known_forms = {form for m in known for form in (m.name, m.surface, *m.aliases)}
    out: list[Mention] = []
    for start, end, tag in tagger(ctx.text):
        while start < end and ctx.text[start].isspace():
            start += 1
        while end > start and ctx.text[end - 1].isspace():
            end -= 1
        if end - start < 2 or any(a < end and start < b for a, b in taken):
            continue
        if ctx.text[start:end] in known_forms:
            continue
        mention = _person(ctx, start, end) if tag == "PER" else _organisation(ctx, start, end)
        if mention is not None:
            mention.source = f"ner:{mention.label.lower()}"
            out.append(mention)
            taken.append((start, end))
    return out


def _person(ctx: Context, start: int, end: int) -> Mention | None:
    # A speech verb or particle glued to the name (甲乙说, 甲乙则): cut it off.
    while end - start > 2 and ctx.text[end - 1] in GLUED_AFTER_NAME:
        end -= 1
    name = ctx.text[start:end]
    if _HONORIFIC_END.search(name):
        return None
    if not _PERSON.fullmatch(name):
        return None
    if name[0] not in SURNAMES and name[:2] not in COMPOUND_SURNAMES:
        return None
    if is_byline(ctx.text, start, end) or shaped_like_word(name):
        return None
    if ctx.freq(name) >= _RARE_FREQ:
        return None
    return Mention(start, end, "Person", name, name, "ner")


def _organisation(ctx: Context, start: int, end: int) -> Mention | None:
    while end - start > 2 and ctx.text[end - 1] in _FUNCTION_CHARS:
        end -= 1  # 甲乙科技由…: a function word glued on by the tagger
    surface = ctx.text[start:end]
    if not _ORG_CHARS.search(surface) or _MEDIA_END.search(surface):
        return None
    if not ctx.tokens.is_boundary(start):
        return None  # the tail of a longer word (深科技 in 钛深科技)
    if NAME_GOES_ON.match(ctx.text, end) or is_byline(ctx.text, start, end):
        return None  # the name is longer than the span (君实|生物), or a credit (来源：甲乙证券)
    if OPERATOR.search(surface[-2:]) and operator_technology(ctx.text, end):
        return None
    if re.search(r"[=%/\\]|http", surface):
        return None  # markup or an address, not a name
    words = ctx.tokens.token_words(start, end)
    tag = word_tag(surface)
    if len(words) == 1 and tag is not None and not tag.startswith(_PROPER_TAGS):
        return None  # one dictionary word of another kind (新时代, 聚力): vocabulary
    # A firm's suffix after a stem that is not a field of activity (星云科技, not 金融科技).
    firm_suffix = bool(_FIRM_ONLY_SUFFIX.search(surface)) and all(
        ctx.freq(w) < _FIELD_FREQ for w in words[:-1]
    )
    if (is_vocabulary(ctx, words) and not firm_suffix) or ctx.freq(surface) >= _RARE_FREQ:
        return None
    if ORGANIZATION_END.search(surface):
        return checked_organization(ctx, start, end)
    if _AGENCY_END.search(surface):
        # Only a body whose place is written (甲市数据局): a bare 发改委 is the rules' to resolve.
        core_start, places = _strip_places(ctx, start, end)
        if not places or end - core_start < 2:
            return None
        mention = Mention(start, end, "Agency", surface, surface, "ner")
        mention.place_prefix = places
        mention.props["place"] = places[-1]
        return mention
    mention = _company(ctx, start, end, "ner")
    if mention is None and firm_suffix and len(surface) >= 4:
        # The tagger reads an organisation and the name ends as only a firm's does (星云科技):
        # its stem may be an ordinary word.
        core_start, places = _strip_places(ctx, start, end)
        mention = Mention(start, end, "Company", ctx.text[core_start:end], surface, "ner")
        mention.place_prefix = places
    return mention
