"""People named next to a title or as a speaker."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from loaders.extract.entities.anchor_scan import anchor_spans, finditer_around, joint_anchor
from loaders.extract.entities.base import (
    _RARE_FREQ,
    HAN,
    HAN_WORD,
    Context,
    Mention,
)
from loaders.extract.entities.lexicon import (
    _AFTER_NAME,
    COMPOUND_SURNAMES,
    SURNAMES,
    TITLE_ALT,
)
from loaders.extract.nlp import word_frequency, word_tag
from loaders.extract.scan import finditer_near, word_alternation

_WORD_MIN_FREQ = 30  # a two-character word rarer than this may still be a person's name

# -- people --------------------------------------------------------------------------------------

_TITLE_RE = re.compile(word_alternation(TITLE_ALT))  # (as a trie: scans faster)
# Occupations that introduce a name as titles do (纺织商人甲乙丙, 经济学家甲乙), though they are
# no post at an organisation.
_OCCUPATION_RE = re.compile(
    r"商人|实业家|企业家|创业者|科学家|经济学家|分析师|评论员|律师|学者|专家|工程师|设计师|投资人"
)
_AFTER_NAME_RE = re.compile(_AFTER_NAME)
_SPEECH_VERBS = (
    "出席|主持|表示|指出|强调|介绍|说|建议|认为|坦言|透露|告诉|回忆|坦承|解释|补充|谈到|提到|直言|感慨"
    "|担任|出任|兼任|现任|当选|获聘|受聘|带领|率领|率队"
)
_SPEECH_RE = re.compile(f"(?:^|(?<=[，,。；：！？\\n“”、由]))([{HAN}]{{2,3}})(?={_SPEECH_VERBS})")
_SPEECH_VERB = re.compile(_SPEECH_VERBS)  # scanned near these only (loaders.extract.scan)
# A byline before a name, possibly after other names of the same byline (本报记者 甲 乙丙).
_BYLINE_BEFORE = re.compile(
    r"(?:记者|编辑|责编|通讯员|摄影|作者|撰稿|撰文|来源|校对|审核|制图|文)[\s:：/|｜]*"
    f"(?:[{HAN}]{{1,4}}[\\s、，,]+){{0,3}}$"
)
# 某网讯（甲乙）: the reporter's name in brackets after a wire credit.
_WIRE_CREDIT = re.compile(r"讯\s*[（(]$")


# An academic title or courtesy form right after a name, the name opening a phrase or following
# its institution (甲大学乙丙教授, 乙丙院士团队, 乙丙博士认为).
_ACADEMIC_AFTER = re.compile(
    f"(?:^|(?<=[，,。；：！？\n“”、（(\\s年大院所校室司局学的])|(?<=泰斗|导师|师从|恩师))"
    f"((?![的了和与在是])[{HAN}]{{2,3}}?)"
    "(?=教授|副教授|院士|博士|研究员|先生|女士)"
)
# A group of people opened by one of them (甲乙丙等政协委员, 以甲乙丙为代表的…).
_GROUP_AFTER = re.compile(
    f"(?:^|(?<=[，,。；：！？\n“”、]))([{HAN}]{{2,3}}?)等(?:[\\d一二三四五六七八九十多几]+[名位])?"
    "(?:全国政协委员|政协委员|人大代表|委员|代表|专家|学者|院士|企业家|负责人|嘉宾)"
)
# Scanned near its 等 and count only (loaders.extract.scan): a name of 3 characters at most
# before them, a word of 6 at most after.
_GROUP_MARK = re.compile("等(?:[\\d一二三四五六七八九十多几]+[名位])?")
_LED_BY = re.compile(
    f"以([{HAN}]{{2,3}}?)为(?:代表|首|核心)的[^，,。；]{{0,8}}?(?:人|者|家|团队|班子|干部|骨干)"
)
# In every match of _ACADEMIC_AFTER, right after the name (副教授 holds 教授): the pattern is
# scanned near these words only (loaders.extract.scan).
# A name, then its post in brackets (甲乙丙（丁公司董事长）表示).
_POST_IN_BRACKETS = re.compile(
    f"(?:^|(?<=[，,。；：！？\n“”、]))([{HAN}]{{2,3}})[（(](?=[^（）()]{{0,20}}(?:{TITLE_ALT})[)）])"
)
_OPEN_BRACKET = re.compile(r"[（(]")
_ACADEMIC_WORD = re.compile("教授|院士|博士|研究员|先生|女士")
# The occupations, speech verbs and academic words in one scan (no word of one overlaps a word
# of another).
_PEOPLE_ANCHORS = joint_anchor(_OCCUPATION_RE, _SPEECH_VERB, _ACADEMIC_WORD)
# A photo or report credit after a name (甲乙摄, 甲乙报道).
_BYLINE_AFTER = re.compile(r"\s*(?:/?摄|报道|整理|编译)")


def is_byline(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is source apparatus: a byline or a credit (X1)."""
    before = text[max(0, start - 20) : start]
    return bool(
        _BYLINE_BEFORE.search(before) or _WIRE_CREDIT.search(before)
        or _BYLINE_AFTER.match(text, end)
    )


@lru_cache(maxsize=16384)  # (a pure function of the name: the same in every article)
def shaped_like_word(name: str) -> bool:
    """A two-character name that is a dictionary word of another kind (陆海, 简单), or a
    name that opens with one (简单来): words of the text, not a person."""
    for piece in {name, name[:2]}:
        tag = word_tag(piece)
        common = word_frequency(piece) >= _WORD_MIN_FREQ  # 国强 (3) may be a given name
        if tag is not None and not tag.startswith("nr") and len(piece) == 2 and common:
            return True
    return name[-1] in "司局处委会院厅部"




# Characters a given name never holds (function words, place and office suffixes).
_NOT_IN_GIVEN_NAME = frozenset("的了和与及在是为等市省区县局")


def _is_name(ctx: Context, name: str, max_freq: int = 1) -> bool:
    if ctx.reads_word_frequencies:
        return _is_dictionary_name(name, max_freq)
    return _reads_as_name(ctx.freq, name, max_freq)


@lru_cache(maxsize=16384)
def _is_dictionary_name(name: str, max_freq: int) -> bool:
    """`_is_name` with the dictionary's frequencies (the same in every article)."""
    return _reads_as_name(word_frequency, name, max_freq)


def _reads_as_name(freq: Callable[[str], int], name: str, max_freq: int) -> bool:
    if len(name) < 2 or len(name) > 4:
        return False
    if name[:2] in COMPOUND_SURNAMES:
        given = name[2:]
    elif name[0] in SURNAMES:
        given = name[1:]
    else:
        return False
    if not HAN_WORD.fullmatch(name):  # (after the cheaper surname test)
        return False
    if not 1 <= len(given) <= 2 or not _NOT_IN_GIVEN_NAME.isdisjoint(given):
        return False
    if name[-2:] in _HEAD_TITLES:  # 王局长, 李院长: a surname and a title, not a name
        return False
    # after a title, a name the dictionary knows as a person's (王明) is one whatever its frequency
    return freq(name) < max_freq or (max_freq > 1 and word_tag(name) == "nr")


# Titles a surname alone may carry (王局长): 长 is otherwise a common given-name character.
_HEAD_TITLES = frozenset(
    """市长 省长 区长 县长 镇长 局长 院长 处长 科长 所长 厂长 校长 行长 社长 部长 会长 组长
    队长 站长 司长 署长 团长 班长 室长 师长 船长 村长 庭长 馆长 台长""".split()  # noqa: SIM905
)
# A common word opening right after a name ends it (总经理甲乙丙长期从事…, 省长甲乙丙再次指出).
_WORD_AFTER_MIN_FREQ = 500


def _word_follows(ctx: Context, text: str, pos: int) -> bool:
    """Whether a common dictionary word (not a name) starts at text[pos]."""
    if ctx.reads_word_frequencies:
        return _opens_with_dictionary_word(text[pos : pos + 4])
    return _opens_with_word(ctx.freq, text[pos : pos + 4])


def _opens_with_word(freq: Callable[[str], int], piece: str) -> bool:
    """Whether a common word (not a name) of 2 to 4 characters opens `piece`."""
    for length in (2, 3, 4):
        word = piece[:length]
        if len(word) < length:
            break
        tag = word_tag(word)
        if tag is not None and not tag.startswith("nr") and freq(word) >= _WORD_AFTER_MIN_FREQ:
            return True
    return False


@lru_cache(maxsize=16384)
def _opens_with_dictionary_word(piece: str) -> bool:
    """`_opens_with_word` with the dictionary's frequencies (the same in every article)."""
    return _opens_with_word(word_frequency, piece)


# Speech verbs and particles a segmenter or tagger glues onto a name (甲乙说, 甲乙则).
GLUED_AFTER_NAME = "说称则于等和与也就还曾又"


# One-character verbs and prepositions that follow a name and take a word as object.
_VERB_AFTER_NAME = frozenset("作赴到在向为对将把从给")
_COPULA_WORDS = frozenset({"为了", "为主", "为止", "为此", "是否", "是由", "是在", "是指"})


def _strong_end(text: str, pos: int) -> bool:
    """A word of two characters or more that ends a name (出席, 表示), not a lone 同 or 在."""
    m = _AFTER_NAME_RE.match(text, pos)
    return m is not None and m.end() - pos >= 2


def _names_after(ctx: Context, text: str, pos: int) -> list[str]:
    """The names text[pos:] may open with, three characters first (总经理甲乙说: 甲乙)."""
    out: list[str] = []
    if text[pos : pos + 1] not in SURNAMES and text[pos : pos + 2] not in COMPOUND_SURNAMES:
        return out  # (each name below opens with these characters: _is_name needs a surname)
    for length in (3, 2, 4):
        name = text[pos : pos + length]
        if (length > 2 and name[-1] in GLUED_AFTER_NAME) or not _is_name(ctx, name, _RARE_FREQ):
            continue  # (the name tested first: it rules out most places)
        if length == 3 and _word_follows(ctx, text, pos + 2) and not _strong_end(text, pos + 3):
            continue  # 创始人甲乙|共同启动: a common word opens at the third (甲乙丙|出席 stays)
        if length == 3 and name[-1] in _VERB_AFTER_NAME and _word_follows(ctx, text, pos + 3):
            continue  # 市长甲乙|作|招商推介, 甲乙|赴|洛阳: a verb and its object after the name
        out.append(name)
    return out


# A name without a Chinese surname (a foreign name in characters) between a post and what the
# person says: 首席执行官甲乙丙表示.
_TRANSLITERATED = re.compile(f"([{HAN}]{{3}})(?=表示|指出|介绍|强调|认为|透露|坦言)")


def _unknown_word(ctx: Context, name: str) -> bool:
    """No common word of two characters or more inside: characters for sounds, not words."""
    return all(
        ctx.freq(name[i:j]) < _WORD_MIN_FREQ
        for i in range(len(name))
        for j in range(i + 2, len(name) + 1)
    )


def _verb_follows(ctx: Context, text: str, pos: int) -> bool:
    """A one-character verb and its object open at text[pos] (甲乙|作|招商推介)."""
    return text[pos : pos + 1] in _VERB_AFTER_NAME and _word_follows(ctx, text, pos + 1)


def person_mentions(ctx: Context) -> list[Mention]:
    """People named next to a title (总裁周云杰, 卢阳副局长) or as a speaker (薛庆国出席会议)."""
    text = ctx.text
    found: dict[str, tuple[int, int]] = {}
    titles = list(_TITLE_RE.finditer(text))  # read twice below
    occupations, speech, academic = anchor_spans(_PEOPLE_ANCHORS, text)
    # a name ends before a function word or verb of the list, else before a common word
    ends_name = (
        _AFTER_NAME_RE.match,
        lambda t, p: _word_follows(ctx, t, p),
        lambda t, p: _verb_follows(ctx, t, p),
    )
    for pos in (*[m.end() for m in titles], *[end for _, end in occupations]):
        if text[pos : pos + 1] in ("为", "是") and text[pos : pos + 2] not in _COPULA_WORDS:
            pos += 1  # 董事长为甲乙: the post, then its holder
        names = _names_after(ctx, text, pos)
        # the first name an ending of ends_name follows, the endings tried in turn
        name = (
            next((n for ends in ends_name for n in names if ends(text, pos + len(n))), "")
            if names
            else ""
        )
        if name:
            found.setdefault(name, (pos, pos + len(name)))
            continue
        foreign = _TRANSLITERATED.match(text, pos)
        if foreign and _unknown_word(ctx, foreign.group(1)):
            found.setdefault(foreign.group(1), foreign.span(1))
    for m in titles:
        for length in (3, 2):
            start = m.start() - length
            before = text[max(0, start - 1) : start]
            # 市工业和信息化局卢阳副局长, 工业互联网处周林处长: after an office, never bare;
            # or one of a list of people with their titles (甲主任、乙丙总经理); the office
            # tested first (it is rarer than a name)
            name = text[max(start, 0) : m.start()]
            if before and before in "处科室部局院司组办会所厅委团、" and _is_name(ctx, name):
                found.setdefault(name, (start, start + len(name)))
                break
    for m in finditer_around(_ACADEMIC_AFTER, text, academic, before=4, after=0):
        name = m.group(1)
        if _is_name(ctx, name, _RARE_FREQ):
            found.setdefault(name, (m.start(1), m.end(1)))
    groups = finditer_near(_GROUP_AFTER, text, _GROUP_MARK, before=3, after=6)
    posts = finditer_near(_POST_IN_BRACKETS, text, _OPEN_BRACKET, before=3, after=24)
    for found_in in (groups, _LED_BY.finditer(text), posts):
        for m in found_in:
            name = m.group(1)
            if _is_name(ctx, name, _RARE_FREQ):
                found.setdefault(name, (m.start(1), m.end(1)))
    for m in finditer_around(_SPEECH_RE, text, speech, before=3, after=2):
        name = m.group(1)
        if _is_name(ctx, name):
            found.setdefault(name, (m.start(1), m.end(1)))
    out = []
    for name, (start, end) in found.items():
        if is_byline(text, start, end) or shaped_like_word(name):
            continue
        out.append(Mention(start, end, "Person", name, name, "pattern:person"))
    return out
