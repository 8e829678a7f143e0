"""Chinese character tables: which characters are Traditional or Simplified, which are common,
and a fast Traditional → Simplified converter that reproduces OpenCC `t2s`.

The tables come from the dictionaries shipped with opencc-python-reimplemented, read once on
first use (never at import). The converter gives the same output as `opencc.OpenCC('t2s')`
(same separators, same longest-match phrase rule, first alternative of each entry), but runs the
character mapping through `str.translate`, so it is many times faster on long texts.

Two small deviations make it idempotent (`t2s(t2s(x)) == t2s(x)`), which OpenCC's `t2s` is not:
a phrase whose output would be converted again on a second pass (乾清宮 → 乾清宫 → 干清宫) also
maps its own output to itself, and character chains (薴 → 苧 → 苎) are followed to their end.
Both only matter for text that already mixes the two scripts in those rare words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

# OpenCC splits text at these separators and never matches a phrase across one
# (opencc-python-reimplemented, from OpenCC's PhraseExtract.cpp).
_SEPARATORS = re.compile(
    r"(\s+|-|,|\.|\?|!|\*|　|，|。|、|；|：|？|！|…|“|”|‘|’|『|』|「|」|﹁|﹂|—|－|（|）"
    r"|《|》|〈|〉|～|．|／|＼|︒|︑|︔|︓|︿|﹀|︹|︺|︙|︐|［|﹇|］|﹈|︕|︖|︰|︳|︴|︽|︾|︵|︶|｛|︷|｝|︸|﹃|﹄|【|︻|】|︼)"
)


_LONGEST_PHRASE = 16  # TSPhrases keys are at most 14 characters; a loose bound costs nothing
# Segments (text between separators) are short in prose; OpenCC's exact rule is quadratic, so
# longer ones use plain left-to-right longest match, which differs only where phrases overlap.
_EXACT_SEGMENT = 512


def is_cjk(ch: str) -> bool:
    """True for a CJK unified or compatibility ideograph (any extension plane)."""
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x323AF
    )


def _read_dict(name: str) -> dict[str, str]:
    """One OpenCC dictionary: key → first listed alternative."""
    text = resources.files("opencc").joinpath("dictionary", name).read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        key, _, value = line.partition("\t")
        if key and value:
            table[key] = value.split(" ")[0]
    return table


def _gb2312_level1() -> frozenset[str]:
    """The 3,755 most frequent Simplified characters (GB 2312 level 1, rows 16–55)."""
    chars = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


@dataclass(frozen=True)
class Tables:
    chars: dict[str, str]  # Traditional character → Simplified (chains resolved)
    phrases: dict[str, str]  # Traditional phrase → Simplified phrase
    phrase_re: re.Pattern[str]
    trad_only: frozenset[str]  # characters that t2s changes and s2t does not
    simp_only: frozenset[str]  # characters that s2t changes and t2s does not
    common: frozenset[str]  # frequent characters of either script (for garble detection)
    translate_map: dict[int, str]


@cache
def tables() -> Tables:
    chars = {k: v for k, v in _read_dict("TSCharacters.txt").items() if k != v}
    # Follow chains such as 薴 → 苧 → 苎 so one pass is final.
    for key, value in list(chars.items()):
        seen = {key}
        while value in chars and value not in seen:
            seen.add(value)
            value = chars[value]
        chars[key] = value
    phrases = _read_dict("TSPhrases.txt")
    for value in list(phrases.values()):
        if _convert_once(value, chars, phrases) != value:
            phrases.setdefault(value, value)  # keep 乾清宫 as is on a second pass
    s2t = {k: v for k, v in _read_dict("STCharacters.txt").items() if k != v}
    trad, simp = frozenset(chars), frozenset(s2t)
    phrase_chars = {c for item in phrases.items() for word in item for c in word}
    common = _gb2312_level1() | trad | frozenset(chars.values()) | phrase_chars
    keys = sorted(phrases, key=len, reverse=True)
    return Tables(
        chars=chars,
        phrases=phrases,
        phrase_re=re.compile("|".join(map(re.escape, keys))),
        trad_only=trad - simp,
        simp_only=simp - trad,
        common=frozenset(common),
        translate_map=str.maketrans(chars),
    )


def _longest_phrase(piece: str, phrases: dict[str, str]) -> tuple[int, int, str] | None:
    """(start, size, replacement) of the longest phrase in `piece`, leftmost among equals."""
    for size in range(min(_LONGEST_PHRASE, len(piece)), 1, -1):
        for i in range(len(piece) - size + 1):
            value = phrases.get(piece[i : i + size])
            if value is not None:
                return i, size, value
    return None


def _forward_phrases(segment: str, chars: dict[str, str], phrases: dict[str, str]) -> str:
    """Left-to-right longest match: linear time, for absurdly long segments only."""
    out, i = [], 0
    while i < len(segment):
        for size in range(min(_LONGEST_PHRASE, len(segment) - i), 1, -1):
            value = phrases.get(segment[i : i + size])
            if value is not None:
                out.append(value)
                i += size
                break
        else:
            out.append(chars.get(segment[i], segment[i]))
            i += 1
    return "".join(out)


def _convert_segment(segment: str, chars: dict[str, str], phrases: dict[str, str]) -> str:
    """OpenCC's rule inside one segment: the longest phrase (leftmost among equals) is replaced,
    both sides are treated the same way, and what no phrase covers is mapped char by char."""
    if len(segment) > _EXACT_SEGMENT:
        return _forward_phrases(segment, chars, phrases)
    out: list[str] = []
    todo: list[str | tuple[str]] = [segment]  # a tuple holds text already converted
    while todo:
        piece = todo.pop()
        if isinstance(piece, tuple):
            out.append(piece[0])
            continue
        found = _longest_phrase(piece, phrases)
        if found is None:
            out.append("".join(chars.get(c, c) for c in piece))
            continue
        i, size, value = found
        todo += [piece[i + size :], (value,), piece[:i]]  # popped left, value, right
    return "".join(out)


def _convert_once(text: str, chars: dict[str, str], phrases: dict[str, str]) -> str:
    parts = _SEPARATORS.split(text)
    return "".join(
        part if i % 2 else _convert_segment(part, chars, phrases) for i, part in enumerate(parts)
    )


def _segment_bounds(text: str, pos: int, end: int) -> tuple[int, int]:
    """The OpenCC segment (text between separators) around text[pos:end]."""
    start = pos
    while start > 0 and not _SEPARATORS.fullmatch(text[start - 1]):
        start -= 1
    stop = end
    while stop < len(text) and not _SEPARATORS.fullmatch(text[stop]):
        stop += 1
    return start, stop


def t2s(text: str) -> str:
    """Traditional → Simplified, as OpenCC `t2s` does it (see the module note)."""
    tab = tables()
    out: list[str] = []
    done = 0
    for match in tab.phrase_re.finditer(text):
        if match.start() < done:
            continue  # already inside a converted segment
        start, stop = _segment_bounds(text, match.start(), match.end())
        out.append(text[done:start].translate(tab.translate_map))
        out.append(_convert_segment(text[start:stop], tab.chars, tab.phrases))
        done = stop
    out.append(text[done:].translate(tab.translate_map))
    return "".join(out)


def is_common(ch: str) -> bool:
    return ch in tables().common
