"""People named next to a title or as a speaker."""

from __future__ import annotations

import re

from loaders.extract.entities.base import (
    _RARE_FREQ,
    HAN,
    Context,
    Mention,
)
from loaders.extract.entities.lexicon import (
    _AFTER_NAME,
    COMPOUND_SURNAMES,
    SURNAMES,
    TITLE_ALT,
)
from loaders.extract.nlp import word_tag
from loaders.extract.scan import finditer_near

# -- people --------------------------------------------------------------------------------------

_TITLE_RE = re.compile(TITLE_ALT)
_AFTER_NAME_RE = re.compile(_AFTER_NAME)
_SPEECH_VERBS = (
    "出席|主持|表示|指出|强调|介绍|说|建议|认为|坦言|透露|告诉|回忆|坦承|解释|补充|谈到|提到|直言|感慨"
)
_SPEECH_RE = re.compile(f"(?:^|(?<=[，,。；：！？\\n“”、]))([{HAN}]{{2,3}})(?={_SPEECH_VERBS})")
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
    f"(?:^|(?<=[，,。；：！？\n“”、（(\\s年大院所校室司局]))([{HAN}]{{2,3}}?)"
    "(?=教授|副教授|院士|博士|研究员|先生|女士)"
)
_ACADEMIC_WORD = re.compile("教授|院士|博士|研究员|先生|女士")  # (a cheap test before it)
# A photo or report credit after a name (甲乙摄, 甲乙报道).
_BYLINE_AFTER = re.compile(r"\s*(?:/?摄|报道|整理|编译)")


def is_byline(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is source apparatus: a byline or a credit (X1)."""
    before = text[max(0, start - 20) : start]
    return bool(
        _BYLINE_BEFORE.search(before) or _WIRE_CREDIT.search(before)
        or _BYLINE_AFTER.match(text, end)
    )


def shaped_like_word(name: str) -> bool:
    """A two-character name that is a dictionary word of another kind (陆海, 简单), or a
    name that opens with one (简单来): words of the text, not a person."""
    for piece in {name, name[:2]}:
        tag = word_tag(piece)
        if tag is not None and not tag.startswith("nr") and len(piece) == 2:
            return True
    return name[-1] in "司局处委会院厅部"


_ALL_HAN = re.compile(f"[{HAN}]+")


def _is_name(ctx: Context, name: str, max_freq: int = 1) -> bool:
    if len(name) < 2 or len(name) > 4 or not _ALL_HAN.fullmatch(name):
        return False
    if name[:2] in COMPOUND_SURNAMES:
        given = name[2:]
    elif name[0] in SURNAMES:
        given = name[1:]
    else:
        return False
    if not 1 <= len(given) <= 2 or any(ch in "的了和与及在是为等市省区县局长" for ch in given):
        return False
    # after a title, a name the dictionary knows as a person's (王明) is one whatever its frequency
    return ctx.freq(name) < max_freq or (max_freq > 1 and word_tag(name) == "nr")


# Speech verbs and particles a segmenter or tagger glues onto a name (甲乙说, 甲乙则).
GLUED_AFTER_NAME = "说称则于等和与也就还曾又"


def person_mentions(ctx: Context) -> list[Mention]:
    """People named next to a title (总裁周云杰, 卢阳副局长) or as a speaker (薛庆国出席会议)."""
    text = ctx.text
    found: dict[str, tuple[int, int]] = {}
    titles = list(_TITLE_RE.finditer(text))  # read twice below
    for m in titles:
        pos = m.end()
        for length in (3, 2, 4):
            name = text[pos : pos + length]
            if length > 2 and name[-1] in GLUED_AFTER_NAME:
                continue  # 总经理甲乙说: the name is 甲乙
            if _is_name(ctx, name, _RARE_FREQ) and _AFTER_NAME_RE.match(text, pos + length):
                found.setdefault(name, (pos, pos + length))
                break
    for m in titles:
        for length in (3, 2):
            start = m.start() - length
            name = text[max(start, 0) : m.start()]
            if not _is_name(ctx, name):
                continue
            before = text[max(0, start - 1) : start]
            # 市工业和信息化局卢阳副局长, 工业互联网处周林处长: after an office, never bare
            if before and before in "处科室部局院司组办会所厅委":
                found.setdefault(name, (start, start + len(name)))
                break
    for m in _ACADEMIC_AFTER.finditer(text) if _ACADEMIC_WORD.search(text) else ():
        name = m.group(1)
        if _is_name(ctx, name):
            found.setdefault(name, (m.start(1), m.end(1)))
    for m in finditer_near(_SPEECH_RE, text, _SPEECH_VERB, before=3, after=2):
        name = m.group(1)
        if _is_name(ctx, name):
            found.setdefault(name, (m.start(1), m.end(1)))
    out = []
    for name, (start, end) in found.items():
        if is_byline(text, start, end) or shaped_like_word(name):
            continue
        out.append(Mention(start, end, "Person", name, name, "pattern:person"))
    return out
