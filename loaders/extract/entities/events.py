"""Named events (RULES L43): conferences, expos, forums, summits and competitions with a proper
name, and meetings that are a numbered session of a named body."""

from __future__ import annotations

import re

from loaders.extract.entities.base import (
    HAN,
    Context,
    Mention,
    _left_with_parens,
    _strip_places,
    fold,
    is_vocabulary,
)
from loaders.extract.entities.lexicon import _GENERIC_MODIFIERS
from loaders.extract.entities.projects import (
    _COUNTED,
    _PLURAL_BEFORE,
    _cut_at_verbs,
)
from loaders.extract.entities.quoted import _ANAPHOR_RE
from loaders.extract.nlp import word_tag

# -- named events (RULES L43) ----------------------------------------------------------------

_EVENT_SUFFIX = re.compile(
    r"(?:博览会|交易会|展览会|洽谈会|推介会|大会|论坛|峰会|大赛|锦标赛|挑战赛|嘉年华|车展|展会|"
    r"座谈会|党代会|两会|会议|选举|换届选举)"
)
# Meetings that are never named events, whatever stands before them (X5).
_UNNAMED_EVENT = re.compile(
    r"(?:股东大会|股东会|董事会|监事会|职工代表大会|表彰大会|动员大会|誓师大会)$"
)
_EDITION_INSIDE = re.compile(r"\d{4}|第[一二三四五六七八九十百\d]+[届次]|首届")
# An edition, then the words of a name up to the event word (no clause mark between).
_EDITION_LED = re.compile(f"(?:第[一二三四五六七八九十百\\d]+届|首届)[{HAN}A-Za-z0-9·]{{2,16}}$")
_HAN_CHAR = re.compile(f"[{HAN}]")
_SESSION_NUMBER = re.compile("第[一二三四五六七八九十百\\d]+次")
_WORLD_LEAD = re.compile(r"^(?:世界|全球|国际|中国|全国|亚洲|亚太|中央|国家)")


_EDITION = re.compile(
    r"(?:\d{4}年?|\d{4}年?第[一二三四五六七八九十百\d]+届|第[一二三四五六七八九十百\d]+届|首届)$"
)


def _with_edition(ctx: Context, left: int) -> int:
    """Step left over a year or edition that opens an event's name (2023, 第三届, 首届)."""
    hit = _EDITION.search(ctx.text[max(0, left - 12) : left])
    return left - len(hit.group(0)) if hit else left


_THIS_EDITION = re.compile(r"(?:本年度|本届|本次|此次|这次|该次|今年|上届|下届|历届|每届|年度)")


# Words that stop a name elsewhere but stand inside an event's (2024甲乙全球开发者大会).
_EVENT_INNER_WORDS = frozenset({"全球", "国际", "世界", "亚太", "中国"})
_CODE = re.compile(r"[\dA-Za-z]+")


def _event_left(ctx: Context, pos: int) -> int:
    """The left edge of an event's name ending at `pos`, over the world words and codes a name
    holds."""
    left = _left_with_parens(ctx, pos, max_chars=30)
    for _ in range(3):
        if left == 0 or not ctx.tokens.is_boundary(left):
            break
        i = ctx.tokens.token_at(left - 1)
        word = ctx.tokens.words[i]
        if word not in _EVENT_INNER_WORDS and not _CODE.fullmatch(word):
            break
        start = ctx.tokens.starts[i]
        left = min(start, _left_with_parens(ctx, start, max_chars=30 - (pos - start)))
    return left


def event_mentions(ctx: Context) -> list[Mention]:
    """Named events: a conference, expo, forum, summit or competition with a proper name, and a
    meeting that is a numbered session of a named body (RULES L43). The name runs left from the
    event word to a verb or function word, with a year or edition in front; it must hold a year
    or edition, open with a place or a world/national word, or hold a word no dictionary knows.
    Unnamed meetings (会上, 座谈会, 新闻发布会) have none of these."""
    out = []
    text = ctx.text
    for m in _EVENT_SUFFIX.finditer(text):
        suffix = m.group(0)
        if text[m.end() : m.end() + 1] in ("”", "’") or text[m.start() - 1 : m.start()] in (
            "”",
            "’",
            "》",
        ):
            continue  # quoted and 《》 names are read by their own finders
        if _HAN_CHAR.match(text, m.end()) and not ctx.tokens.is_boundary(m.end()):
            continue  # 大会堂, 会议室: the event word opens a longer word
        left = _event_left(ctx, m.start())
        lead = max(0, m.start() - 24)  # (every match of _EDITION_LED holds 届: read first)
        edition_led = None
        if text.find("届", lead, m.start()) >= 0:
            edition_led = _EDITION_LED.search(text, lead, m.start())
        if edition_led and edition_led.start() <= left:
            left = edition_led.start()  # 第七届甲乙建设峰会: an edition opens a name, verbs and all
        else:
            left = _cut_at_verbs(ctx, left, m.start())
        if text[left - 2 : left] == "全国":
            left -= 2  # 全国 is a stop word elsewhere, but it names national events (全国两会)
        left = _with_edition(ctx, left)
        if left >= m.start() or _ANAPHOR_RE.search(text[max(0, left - 6) : left]):
            continue
        det = _THIS_EDITION.match(text, left)
        if det:
            left = det.end()  # 本届星河论坛 → 星河论坛; 此次推介会 → nothing left
            if left >= m.start():
                continue
        surface = text[left : m.end()]
        if _UNNAMED_EVENT.search(surface) or text[left : left + 1] in ("型", "式", "性", "化"):
            continue
        core_start, places = _strip_places(ctx, left, m.start())
        core = text[core_start : m.start()]
        edition = _EDITION_INSIDE.search(surface)
        world = _WORLD_LEAD.match(core) or _WORLD_LEAD.match(surface)
        words = ctx.tokens.token_words(core_start, m.start()) if core else []
        if _HOLDING_VERB.search(core):
            continue  # 甲市召开大会: the event is held, not named
        if suffix == "两会":
            ok = bool(places or core in ("全国", "省", "市")) and len(core) <= 2
        elif suffix in ("会议", "党代会"):
            ok = bool(edition and _SESSION_NUMBER.search(surface)) or bool(
                world and core.startswith("中央") and len(core) >= 4
            )
            ok = ok and bool(places or world or len(core) >= 4)
        elif suffix == "座谈会":
            ok = bool(world) and len(core) >= 4
        else:
            # (the dictionary read only when nothing cheaper names the event)
            ok = len(core) >= 2 and bool(
                edition or places or world or _named_by_its_words(ctx, left, core, words)
            )
        if not ok or (not (places or edition) and _GENERIC_MODIFIERS.fullmatch(core or "x")):
            continue
        if _COUNTED.search(core) or _PLURAL_BEFORE.search(text[max(0, left - 4) : left]):
            continue  # 多个论坛, 3场大会: a count, not a name
        name = fold(surface)
        mention = Mention(left, m.end(), "Project", name, surface, "pattern:event")
        mention.place_prefix = places
        out.append(mention)
        out.extend(_session_body(ctx, mention))
    return out


def _named_by_its_words(ctx: Context, left: int, core: str, words: list[str]) -> bool:
    """An event's name holds a word no dictionary knows, or an organiser holds it (举办甲乙丙丁
    大会: a four-character name; 举办招商引资大会, 召开工作大会: a kind of meeting, named by what it
    does, is none)."""
    if words and not is_vocabulary(ctx, words):
        return True
    return (
        len(core) >= 4
        and _HELD_BEFORE.search(ctx.text, max(0, left - 3), left) is not None
        and bool(words)
        and (word_tag(words[-1]) or "").startswith("n")
    )


# A numbered session of a place's congress or CPPCC committee: 政协甲市第N届委员会第M次会议,
# 甲市第N届人民代表大会第M次会议. The body holding it is named in it.
_SESSION = re.compile(
    r"(?P<cppcc>政协)?(?P<place>[^第]{2,12}?)(?P<term>第[一二三四五六七八九十百\d]+届)"
    r"(?P<body>委员会|人民代表大会)(?:常务委员会)?第[一二三四五六七八九十百\d]+次(?:全体)?会议$"
)


def _session_body(ctx: Context, event: Mention) -> list[Mention]:
    """The body a numbered session belongs to, as an Agency nested in the session's name (named
    without its term, the written form an alias), and the place that locates the session."""
    m = _SESSION.fullmatch(event.surface)
    if m is None or (m.group("body") == "委员会") != bool(m.group("cppcc")):
        return []
    span = (event.start + m.start("place"), event.start + m.end("place"))
    place = next((c for c in ctx.cities if (c.start, c.end) == span), None)
    if place is None:
        return []
    event.place_prefix = event.place_prefix or (place.name,)
    name = (m.group("cppcc") or "") + place.name + m.group("body")
    surface = event.surface[: m.end("body")]
    end = event.start + len(surface)
    body = Mention(event.start, end, "Agency", name, surface, "pattern:agency")
    body.aliases.add(surface)
    body.nested = True
    body.place_prefix = (place.name,)
    return [body]



_HELD_BEFORE = re.compile(r"(?:举办|主办|承办|召开)了?$")
_HOLDING_VERB = re.compile(r"(?:召开|举办|举行|开幕|出席|参加|主持|召集)了?$")
