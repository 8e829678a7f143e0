"""Shared pieces of entity finding: the Mention type, name folding, token boundaries and the
per-article Context. Word lists are in `lexicon`; the article's home place in `home`."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import Any

from loaders.extract.entities.lexicon import STOP_TOKENS
from loaders.extract.entities.tokens import PUNCT, QUOTES, TokenIndex
from loaders.extract.nlp import TextDoc as Doc
from loaders.extract.nlp import word_frequency, word_tag
from loaders.extract.scan import opening_chars

HAN = "\u4e00-\u9fff"
HAN_WORD = re.compile(f"[{HAN}]+")
_QUOTES = QUOTES
_QUOTE_RE = re.compile(f"[{_QUOTES}]")
_END = attrgetter("end")
START, SPAN = attrgetter("start"), attrgetter("start", "end")  # sort keys (faster than lambdas)
_PUNCT = PUNCT


@dataclass(slots=True)
class Mention:
    """A span of the article text naming an entity."""

    start: int
    end: int
    label: str
    name: str  # canonical name
    surface: str  # the text as written
    source: str  # "gazetteer" or the pattern that found it
    aliases: set[str] = field(default_factory=set)
    props: dict[str, Any] = field(default_factory=dict)
    owner: str | None = None  # owner company's name when written as a prefix (海尔卡奥斯)
    place_prefix: tuple[str, ...] = ()  # written places at the start of the name, outermost first
    nested: bool = False  # inside a longer mention (a place inside a park's name)


def strip_quotes(text: str) -> str:
    return _QUOTE_RE.sub("", text).strip()


_FOLDED = frozenset(_QUOTES + "《》（）")


def fold(text: str) -> str:
    """Canonical-name folding: no quotes or 《》, ASCII parentheses, trimmed."""
    if _FOLDED.isdisjoint(text) and not (text[:1].isspace() or text[-1:].isspace()):
        return text  # (most names: nothing to fold, nothing to trim)
    text = strip_quotes(text).replace("《", "").replace("》", "")
    return text.replace("（", "(").replace("）", ")").strip()


@lru_cache(maxsize=1)
def _gazetteer() -> Any:
    from loaders.extract.gazetteer import load_gazetteer

    return load_gazetteer()


_NAME_CHARS = f"{HAN}A-Za-z0-9"
_RARE_FREQ = 100  # jieba frequency below which a word reads as a proper name, not vocabulary
_DISTRICT_SHORT_MAX_FREQ = 1000  # a district's bare short form must not be an everyday word


class _CachedGazetteer:
    """The gazetteer with bounded memos of the lookups the finders repeat (the answers depend
    on the surface only, so they are shared by all articles)."""

    def __init__(self, gaz: Any) -> None:
        self._gaz = gaz
        self.division = lru_cache(maxsize=65536)(self._division)
        self.lookup = lru_cache(maxsize=65536)(self._lookup)
        self.ancestor_names = lru_cache(maxsize=16384)(gaz.ancestor_names)
        self.is_ambiguous = lru_cache(maxsize=65536)(gaz.is_ambiguous)
        self.expand_agency = lru_cache(maxsize=16384)(gaz.expand_agency)
        self.names_a_division = gaz.names_a_division  # (not memoised: as cheap as a memo)

    def _division(self, surface: str, within: str | None = None, strict: bool = False) -> Any:
        return self._gaz.division(surface, within=within, strict=strict)

    def _lookup(self, surface: str) -> tuple[Any, ...]:
        return tuple(self._gaz.lookup(surface))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._gaz, name)


@lru_cache(maxsize=1)
def _cached_gazetteer() -> _CachedGazetteer:
    return _CachedGazetteer(_gazetteer())


class Context:
    """Everything the finders share for one article."""

    def __init__(self, doc: Doc, title: str, freq: Any) -> None:
        from loaders.extract.nlp import doc_text

        self.doc = doc
        self.text = doc_text(doc)
        self.title = title
        self.tokens = TokenIndex(doc)
        self.freq = freq  # word -> jieba base frequency
        self.gaz = _cached_gazetteer()
        self.known_orgs: list[Mention] = []  # gazetteer organisations, for names they open
        self.cities: list[Mention] = []  # sorted by start once the gazetteer pass is done
        # Indexes by position of `cities` and `known_orgs`, rebuilt when either list is replaced
        # (the finders assign new lists; none changes one in place).
        self._indexed: tuple[list[Mention], list[Mention]] | None = None  # the lists indexed
        self._city_starts: list[int] = []
        self._cities_by_start: dict[int, list[Mention]] = {}
        self._cities_by_end: dict[int, list[Mention]] = {}
        self._orgs_by_start: dict[int, list[Mention]] = {}
        self.home_city: str | None = None
        self.home_province: str | None = None
        self._scans: dict[int, tuple[re.Pattern[str], list[re.Match[str]]]] = {}  # `matches`

    @property
    def reads_word_frequencies(self) -> bool:
        """The dictionary's frequencies: a word's reading may be memoised across articles."""
        return self.freq is word_frequency

    @property
    def reads_dictionary(self) -> bool:
        """Those and the shared gazetteer: a surface's reading may be memoised too."""
        return self.reads_word_frequencies and self.gaz is _cached_gazetteer()

    def matches(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        """`list(pattern.finditer(self.text))`, scanned once for the finders that share it."""
        found = self._scans.get(id(pattern))  # (the pattern kept with them: its id stays its own)
        if found is None:
            found = self._scans[id(pattern)] = (pattern, list(pattern.finditer(self.text)))
        return found[1]

    def is_rare(self, word: str) -> bool:
        return self.freq(word) < _RARE_FREQ

    def _index(self) -> None:
        """(Re)build the indexes by position when `cities` or `known_orgs` was replaced."""
        indexed = self._indexed
        if indexed is not None and indexed[0] is self.cities and indexed[1] is self.known_orgs:
            return
        self._indexed = (self.cities, self.known_orgs)
        self._city_starts = [m.start for m in self.cities]
        self._cities_by_start, self._cities_by_end = {}, {}
        for m in self.cities:
            self._cities_by_start.setdefault(m.start, []).append(m)
            self._cities_by_end.setdefault(m.end, []).append(m)
        self._orgs_by_start = {}
        for m in self.known_orgs:
            self._orgs_by_start.setdefault(m.start, []).append(m)

    def cities_starting_at(self, start: int) -> list[Mention]:
        """The city mentions that start at `start`, in start order."""
        self._index()
        return self._cities_by_start.get(start, [])

    def cities_ending_at(self, end: int) -> list[Mention]:
        """The city mentions that end at `end`, in start order."""
        self._index()
        return self._cities_by_end.get(end, [])

    def city_ending_at(self, end: int) -> Mention | None:
        """The first city mention (in start order) that ends at `end`."""
        found = self.cities_ending_at(end)
        return found[0] if found else None

    def known_orgs_at(self, start: int) -> list[Mention]:
        """The known organisations whose mention starts at `start`."""
        self._index()
        return self._orgs_by_start.get(start, [])

    def cities_in(self, start: int, end: int) -> list[Mention]:
        """City mentions inside [start, end) (cities are kept sorted by start)."""
        self._index()
        starts = self._city_starts
        i = bisect_left(starts, start)
        j = bisect_left(starts, end, lo=i)
        return [m for m in self.cities[i:j] if m.end <= end]

    def leading_places(self, start: int, end: int) -> list[Mention]:
        """City mentions that open the span [start, end), one after another (山东淄博…),
        including a parent written inside a longer one (重庆 in 重庆两江新区), outermost first."""
        self._index()
        by_start = self._cities_by_start
        if start not in by_start:
            return []  # (most spans open with no place: the walk below would find none)
        out: list[Mention] = []
        pos = start
        while pos < end:
            here = [m for m in by_start.get(pos, ()) if m.end <= end]
            if not here:
                break
            if out and not self._inside_of(here, out[-1]):
                break  # 香港福建…: a hometown named after the place, not a level of it
            here.sort(key=_END)
            out.extend(here)
            pos = here[-1].end
        return out

    def _inside_of(self, places: list[Mention], outer: Mention) -> bool:
        """Whether one of `places` lies inside `outer` (a district in its city, a zone named
        after its city), by the administrative hierarchy."""
        for place in places:
            if outer.name in place.place_prefix:
                return True
            if outer.name in self.gaz.ancestor_names(place.name):
                return True
        return False


def _strip_places(ctx: Context, start: int, end: int) -> tuple[int, tuple[str, ...]]:
    ctx._index()
    if start not in ctx._cities_by_start:
        return start, ()  # (leading_places would find none: most spans open with no place)
    places = ctx.leading_places(start, end)
    if places:
        return places[-1].end, tuple(p.name for p in places)
    return start, ()


_FUNCTION_CHARS = set(
    "而以在与和及对为由被把将从于向使让给等是有也还都又就即这那该其此各每的了着过"
)


# Parts of speech that never open or continue a name leftwards: verbs, adverbs, prepositions,
# conjunctions, particles, pronouns, numerals (充分发挥|青岛甲乙学院, 由|中国甲乙协会).
_NOT_NAME_TAGS = ("v", "d", "ad", "p", "c", "u", "r", "m", "y", "e", "f", "q", "i")
# Verbs that do occur inside organisation names (中国甲乙联合会, 希望工程基金会).
_NAME_VERBS = frozenset(
    """联合 创新 希望 发展 促进 合作 开放 研究 交流 服务 投资 贸易 制造 装备 建设 设计 管理 检测
    认证 应用 推广 教育 培训 运输 采购 生产 加工 开发 传播 出版 保护 救助 评价 评估 咨询""".split()  # noqa: SIM905
)


def name_left_edge(
    ctx: Context, pos: int, max_chars: int = 16, verb_min_freq: int = 0, cut_at_place: bool = False
) -> int:
    """Start of the name ending at `pos`: tokens leftwards until a stop word, punctuation,
    a word that cannot be part of a name (verb, adverb, preposition, pronoun …) or `max_chars`.
    Single characters are pieces of an unknown name whatever their dictionary tag; verbs rarer
    than `verb_min_freq` may be words of the name (超导 in a firm's name)."""
    text, starts, words = ctx.text, ctx.tokens.starts, ctx.tokens.words
    # One walk leftwards with the stops of `TokenIndex.left_edge` and those of a name.
    i = bisect_right(starts, pos - 1) - 1 if pos > 0 else -1  # ctx.tokens.token_at(pos - 1)
    edge, limit = pos, pos - max_chars
    inside, freq = inside_name_reader(ctx), ctx.freq
    while i >= 0:
        word = words[i]
        at = starts[i]
        if word in STOP_TOKENS or word[-1] in _PUNCT or word.isspace() or at < limit:
            break
        if len(word) > 1:
            if not inside(word, verb_min_freq, freq):
                break
        elif word in _PRONOUN_CHARS or (
            text[at - 1 : at] in _HOLDING_OPENERS and _HOLDING.match(text[at - 1 : at + 1])
        ):
            break  # 他|曾|任…: a pronoun or a post taken is never a piece of a name
        edge = at
        i -= 1
    # A place inside the span opens the name unless only place-like words precede it
    # (充分发挥|青岛甲乙学院, but 中国|香港甲乙会).
    named_as = text[edge : edge + 1] in _NAMED_AS_OPENERS and _NAMED_AS.match(text, edge, pos)
    if named_as:
        edge = named_as.end()  # （下称甲乙）: the declared short name, without the declaration
    places = ctx.cities_in(edge, pos) if cut_at_place else []
    if places and places[0].start > edge:
        before = ctx.tokens.token_words(edge, places[0].start)
        if any((_word_tag(w) or "") not in ("ns", "nt", "nz", "j") for w in before):
            edge = places[0].start
    return edge


_DETERMINERS = frozenset("另这那该每其此各某")
_VOCABULARY_TAGS = frozenset({"n", "vn", "v", "a", "an", "b", "ad", "d"})


_NAMED_AS = re.compile(r"(?:以下)?(?:简称|下称|又称|俗称|统称)为?")
_NAMED_AS_OPENERS = opening_chars(_NAMED_AS)
_PRONOUN_CHARS = frozenset("他她它我你您其曾")  # pronouns, and 曾 (formerly)
# Posts taken or held: never part of the name that follows (曾任|甲集团…, 现任|乙公司…).
_HOLDING = re.compile(r"^(?:曾|现任|担任|出任|兼任|历任|原任|任职)")
_HOLDING_OPENERS = opening_chars(_HOLDING)


def inside_name_reader(ctx: Context) -> Callable[[str, int, Any], bool]:
    """Whether a word may stand inside a name, for a loop over words: call it with (word,
    verb_min_freq, ctx.freq); memoised for the dictionary's frequencies only."""
    return _reads_inside_name if ctx.reads_word_frequencies else _reads_inside_name.__wrapped__


@lru_cache(maxsize=65536)
def _reads_inside_name(word: str, verb_min_freq: int, freq: Any) -> bool:
    if word[0] in _DETERMINERS or _HOLDING.match(word):  # 另一家, 这家, 该所; 曾任
        return False
    # A segmenter word missing from the dictionary (积极参与) reads by its first two characters.
    tag = _word_tag(word) or (_word_tag(word[:2]) if len(word) > 2 else None) or ""
    if tag == "vn" or word in _NAME_VERBS or not tag.startswith(_NOT_NAME_TAGS):
        return True
    return tag.startswith("v") and freq(word) < verb_min_freq


JOINERS = frozenset({"与", "和", "及"})


def stop_inside(words: list[str]) -> bool:
    """Whether a stop word breaks `words` as one name; a joiner between two fields of the name
    (量子信息与量子科技, 工业与系统工程) does not."""
    return any(
        w in STOP_TOKENS and not (w in JOINERS and 0 < i < len(words) - 1)
        for i, w in enumerate(words)
    )


def is_predicate(word: str) -> bool:
    """A verb, adverb, preposition or conjunction that cannot be part of a name (携手, 并且)."""
    tag = _word_tag(word) or ""
    return tag.startswith(("v", "d", "p", "c")) and tag != "vn" and word not in _NAME_VERBS


def is_vocabulary(ctx: Context, words: list[str]) -> bool:
    """True when every word is a common multi-character dictionary word (新能源, 电子 陶瓷):
    a phrase of the language, not a name. Unknown words and single characters (the pieces of
    an unknown name) are never vocabulary."""
    if not words:
        return False
    freq = ctx.freq
    for w in words:
        if len(w) < 2:
            return False
        # a common word: a vocabulary word of the dictionary, or two common words (大力|发展)
        if not ((_word_tag(w) in _VOCABULARY_TAGS and freq(w) > 0) or _compound(ctx, w)):
            return False
    return True


_COMMON_HALF_FREQ = 1000


def _compound(ctx: Context, word: str) -> bool:
    """A four-character dictionary word made of two common words (大力|发展): a phrase."""
    return len(word) == 4 and all(
        ctx.freq(half) >= _COMMON_HALF_FREQ for half in (word[:2], word[2:])
    )


_word_tag = word_tag


_BRAND_TAGS = frozenset({"nz", "nt", "nrt"})  # the dictionary's proper words other than places


def _name_like(ctx: Context, stem: str, words: list[str]) -> bool:
    """A proper-name stem: not a dictionary word, no function word in it, and its first
    multi-character word (if any) rare."""
    if _word_tag(stem) in _BRAND_TAGS and len(words) == 1:
        return True  # 搜狗: a brand the dictionary knows, however often it is written
    if ctx.freq(stem) >= _RARE_FREQ or stem[0] in _FUNCTION_CHARS:
        return False
    # one-character function words inside an unknown name are just its characters (天能电池)
    if (words and words[0] in STOP_TOKENS) or any(w in STOP_TOKENS for w in words if len(w) > 1):
        return False
    first_long = next((w for w in words if len(w) > 1), None)
    return first_long is None or ctx.is_rare(first_long)


def _left_with_parens(ctx: Context, pos: int, max_chars: int) -> int:
    """left_edge that steps over a parenthetical right before `pos`:
    九大产业 (石化、橡胶轮胎…)智能化提升工程, 标识解析(青岛)全球根节点."""
    text = ctx.text
    left = ctx.tokens.left_edge(pos, max_chars=max_chars)
    while left > 0 and text[left - 1] in ")）":
        open_at = max(text.rfind("(", 0, left - 1), text.rfind("（", 0, left - 1))
        if open_at < 0 or left - open_at > 60:
            break
        before = open_at - 1 if text[open_at - 1 : open_at] == " " else open_at
        new_left = ctx.tokens.left_edge(before, max_chars=max_chars)
        if new_left == before:
            break
        left = new_left
    return left


_LIST_IN_PARENS = re.compile(r"\s*[（(][^（）()]*、[^（）()]*[）)]\s*")


def _drop_lists_in_parens(surface: str) -> str:
    """九大产业 (石化、橡胶…)智能化提升工程 → 九大产业智能化提升工程; (青岛) stays."""
    return _LIST_IN_PARENS.sub("", surface)


def _inside_latin_word(text: str, start: int, end: int) -> bool:
    """A match that opens or closes with a Latin letter or digit while the text goes on with
    one."""
    if not (text[start].isascii() or text[end - 1].isascii()):
        return False  # (most matches open and close with Chinese characters)
    return (_latin(text[start]) and _latin(text[start - 1 : start])) or (
        _latin(text[end - 1]) and _latin(text[end : end + 1])
    )


def _last_char(text: str) -> str:
    """The character a pattern ending in `$` ends its match with (`$` steps over one last \\n)."""
    return text[-2:-1] if text[-1:] == "\n" else text[-1:]


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()
