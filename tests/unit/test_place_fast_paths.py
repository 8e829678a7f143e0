"""The faster forms of the place and short-form checks answer as the plain ones.

Texts are invented for these tests.
"""

from __future__ import annotations

from bisect import bisect_right

from loaders.extract.entities import places, short_forms
from loaders.extract.entities.base import _DISTRICT_SHORT_MAX_FREQ, Context
from loaders.extract.nlp import get_nlp, word_frequency

_TEXTS = [
    "星河市推行甲乙计划，调研华曜科技的股东源渡公司，9成都是甲省晨报的读者。",
    "青岛即墨的甲乙公司与南京鼓楼区丙丁集团合作，洛阳新鑫在城区和矿区都有工厂。",
    "上海城市建设，阿里巴巴与浪潮携手，朝阳产业在和平年代发展，宝钢集团调研。",
]


def _contexts() -> list[Context]:
    nlp = get_nlp()
    out = []
    for text in _TEXTS:
        out.append(Context(nlp(text), "", word_frequency))
        out.append(Context(nlp(text), "", lambda word: len(word) * 100))  # not the dictionary
    return out


def _plain_splits_a_word(ctx: Context, start: int, end: int) -> bool:
    """`_splits_a_word` as first written: the token first, then the pair's frequency."""
    text, starts, words, freq = ctx.text, ctx.tokens.starts, ctx.tokens.words, ctx.freq
    if start > 0 and len(words[bisect_right(starts, start - 1) - 1]) == 1:
        pair = text[start - 1 : start + 1]
        if freq(pair) >= 100 and short_forms._common_word(ctx, pair):
            return True
    if end < len(text) and len(words[bisect_right(starts, end) - 1]) == 1:
        pair = text[end - 1 : end + 1]
        return freq(pair) >= 100 and short_forms._common_word(ctx, pair)
    return False


def test_splits_a_word_answers_as_the_plain_form() -> None:
    checked = 0
    for ctx in _contexts():
        n = len(ctx.text)
        for start in range(n):
            for end in range(start + 1, min(n, start + 5) + 1):
                fast = short_forms._splits_a_word(ctx, start, end)
                assert fast == _plain_splits_a_word(ctx, start, end), (ctx.text, start, end)
                checked += fast
    assert checked > 0  # some pairs do cut a word


def _plain_division_within(ctx: Context, surface: str, named: set[str]) -> object:
    for scope in named:
        entry = ctx.gaz.division(surface, within=scope, strict=True)
        if entry is None or scope not in ctx.gaz.ancestor_names(entry):
            continue
        if (
            surface != entry.name
            and entry.level == "district"
            and ctx.freq(surface) >= _DISTRICT_SHORT_MAX_FREQ
        ):
            continue
        return entry
    return None


def test_division_within_answers_as_the_plain_form() -> None:
    surfaces = ["即墨", "崂山", "鼓楼", "鼓楼区", "城区", "矿区", "朝阳", "和平", "星河", "西安"]
    scopes = [{"青岛市"}, {"南京市", "福州市"}, {"北京市", "辽宁省"}, {"天津市"}, set()]
    found = 0
    for ctx in _contexts()[:2]:
        assert ctx.reads_dictionary != (ctx.freq is not word_frequency)
        for surface in surfaces:
            for named in scopes:
                fast = places._division_within(ctx, surface, named)
                assert fast == _plain_division_within(ctx, surface, named), (surface, named)
                found += fast is not None
    assert found > 0


def test_is_name_answers_as_the_plain_form() -> None:
    from loaders.extract.entities import people

    names = ["王明", "王局长", "李院长", "欧阳星河", "张的", "星河", "王", "陈甲乙丙丁", "司马乙"]
    names += ["刘德", "周云", "马云", "李明说", "黄河", "高新", "林立", "王AB"]
    for ctx in _contexts()[:2]:
        for name in names:
            for max_freq in (1, 100, 5000):
                plain = people._reads_as_name(ctx.freq, name, max_freq)
                assert people._is_name(ctx, name, max_freq) == plain, (name, max_freq)
    assert people._is_name(_contexts()[0], "王明", 100)


def test_shaped_like_word_memo_answers_as_the_plain_form() -> None:
    from loaders.extract.entities.people import shaped_like_word

    for name in ["陆海", "简单", "简单来", "王明", "星河局", "国强", "甲乙丙"]:
        assert shaped_like_word(name) == shaped_like_word.__wrapped__(name)


def test_zone_mentions_without_zone_words_finds_none() -> None:
    nlp = get_nlp()
    for text, zones in [("星河市推行甲乙计划，青岛市发展很快。", 0), ("青岛高新区和即墨经开区", 2)]:
        ctx = Context(nlp(text), "", word_frequency)
        places.gazetteer_mentions(ctx)
        cities = ctx.cities
        found = places.zone_mentions(ctx)
        assert len(found) == zones
        assert (ctx.cities is cities) == (zones == 0)


def test_place_opening_answers_as_place_at() -> None:
    from loaders.extract.entities.base import _cached_gazetteer
    from loaders.extract.entities.home import _place_at, _place_opening

    gaz = _cached_gazetteer()
    titles = ["星河市甲乙公司落户洛阳市", "河南洛阳：星云", "ＡＢ青岛　工业", "山东省青岛市"]
    for title in titles:
        for i in range(len(title)):
            assert _place_opening(title[i : i + 4]) == _place_at(gaz, title, i), (title, i)


def test_word_follows_answers_as_the_plain_form() -> None:
    from loaders.extract.entities.people import _word_follows
    from loaders.extract.nlp import word_tag

    def plain(ctx: Context, text: str, pos: int) -> bool:
        for length in (2, 3, 4):
            word = text[pos : pos + length]
            if len(word) < length:
                break
            tag = word_tag(word)
            if tag is not None and not tag.startswith("nr") and ctx.freq(word) >= 500:
                return True
        return False

    hits = 0
    for ctx in _contexts():
        for pos in range(len(ctx.text) + 1):
            fast = _word_follows(ctx, ctx.text, pos)
            assert fast == plain(ctx, ctx.text, pos), (ctx.text, pos)
            hits += fast
    assert hits > 0
