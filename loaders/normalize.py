"""Text normalization: one function that turns any string into clean Simplified Chinese text.

`normalize_text(s)` never raises and is idempotent (`normalize_text(normalize_text(s)) ==
normalize_text(s)`), so offsets reported into its output stay valid if the text is normalized
again. The steps, in order (the order is what keeps the whole idempotent):

1. characters: newlines unified, zero-width/bidi/control characters and lone surrogates
   (a JSON escape such as \\ud800 with no pair) dropped, every kind of space made a plain space,
   Unicode NFC; runs of spaces collapsed, lines stripped, empty lines dropped;
2. width: full-width ASCII letters and digits folded to half-width, and the full-width point,
   percent and plus inside numbers (2．5万亿元 → 2.5万亿元, 31．5％ → 31.5%); Chinese punctuation
   (，。、；：“”《》（）) is kept;
3. pinyin artefacts: a broken converter wrote `業(yè)`; the parenthesized toned pinyin right
   after a Chinese character is removed;
4. garbled runs (UTF-8 read as GBK somewhere upstream, e.g. `?!焙柤瘓F`) are cut out and replaced
   by a line break, so they never sit inside a sentence; their length is counted;
5. script: Traditional text (more Traditional-only than Simplified-only characters) is converted
   with OpenCC `t2s` rules (see `hanzi.t2s`), its corner quotes 「」『』 to “” ‘’;
6. whitespace again, for the line breaks step 4 inserted.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from loaders import hanzi

HANS, HANT = "zh-Hans", "zh-Hant"


@dataclass(frozen=True)
class Normalized:
    text: str
    script: str  # script of the input: zh-Hans or zh-Hant
    stats: dict[str, int] = field(default_factory=dict)  # only non-zero counters


# -- 1. characters ---------------------------------------------------------------------------

_INVISIBLE = (
    [0x00AD, 0x034F, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF]
    + list(range(0x202A, 0x202F))
    + list(range(0x2060, 0x2070))
    + list(range(0xFE00, 0xFE10))  # variation selectors
    + [c for c in range(0x00, 0x20) if c not in (0x09, 0x0A, 0x0B, 0x0C, 0x0D)]
    + [0x7F]
    + [c for c in range(0x80, 0xA0) if c != 0x85]
)
_CHAR_MAP: dict[int, str | None] = dict.fromkeys(_INVISIBLE)
_CHAR_MAP.update(dict.fromkeys([0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029], "\n"))
_CHAR_MAP.update(
    dict.fromkeys([0x09, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B)], " ")
)
_NEEDS_MAP = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CHAR_MAP)) + "]")
_SPACE_RUN = re.compile(r"  +")
_LINE_BREAK = re.compile(r"\n[\n ]+")  # patterns that open with a literal are searched fast


def _clean_whitespace(s: str) -> str:
    if "  " in s:
        s = _SPACE_RUN.sub(" ", s)
    s = s.replace(" \n", "\n")
    return _LINE_BREAK.sub("\n", s).strip(" \n")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # only a JSON escape (\\ud800) makes one


def _clean_chars(s: str, stats: Counter[str]) -> str:
    if _LONE_SURROGATE.search(s):  # not a character: no text can be written with one
        size = len(s)
        s = _LONE_SURROGATE.sub("", s)
        stats["lone_surrogates"] += size - len(s)
    if _NEEDS_MAP.search(s):
        s = s.replace("\r\n", "\n")
        size = len(s)
        s = s.translate(_CHAR_MAP)
        stats["invisible_chars"] += size - len(s)
    if not unicodedata.is_normalized("NFC", s):
        s = unicodedata.normalize("NFC", s)
    return _clean_whitespace(s)


# -- 2. width ----------------------------------------------------------------------------------

_WIDTH_MAP = {0xFF10 + i: chr(0x30 + i) for i in range(10)}
_WIDTH_MAP.update({0xFF21 + i: chr(0x41 + i) for i in range(26)})
_WIDTH_MAP.update({0xFF41 + i: chr(0x61 + i) for i in range(26)})
_FULLWIDTH_ALNUM = re.compile("[０-９Ａ-Ｚａ-ｚ]")
_NUMBER_PUNCT = re.compile(r"(?<=[0-9])(?:．(?=[0-9])|％|＋(?=[0-9]))")
_NUMBER_PUNCT_ASCII = {"．": ".", "％": "%", "＋": "+"}


def _fold_width(s: str, stats: Counter[str]) -> str:
    folded = len(_FULLWIDTH_ALNUM.findall(s))
    if folded:
        # A folded letter may compose with a following combining mark; keep the text NFC.
        s = unicodedata.normalize("NFC", s.translate(_WIDTH_MAP))
    s, n = _NUMBER_PUNCT.subn(lambda m: _NUMBER_PUNCT_ASCII[m.group()], s)
    stats["fullwidth_folded"] += folded + n
    return s


# -- 3. pinyin artefacts -----------------------------------------------------------------------

_CJK_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_BODY = rf"(?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,6}}\)"  # toned syllable and ")"
_PINYIN = r"\(" + _PINYIN_BODY
# Opens with the literal "(" (fast search); the look-behind then checks the character before it.
_PINYIN_AFTER_CJK = re.compile(rf"\((?<=[{_CJK_CLASS}]\(){_PINYIN_BODY}(?:{_PINYIN})*")
_ONE_PINYIN = re.compile(_PINYIN)


def _drop_pinyin(s: str, stats: Counter[str]) -> str:
    if "(" not in s:
        return s
    out, n = _PINYIN_AFTER_CJK.subn("", s)
    if n:
        stats["pinyin_artifacts"] += len(_ONE_PINYIN.findall(s)) - len(_ONE_PINYIN.findall(out))
    return out


# -- 4. garbled runs ---------------------------------------------------------------------------

_MARKS = frozenset("?!^()\ufffd" + _TONED + "ü") | frozenset(
    chr(c) for c in [*range(0x41, 0x5B), *range(0x61, 0x7B)]
)
_TRIGGER = re.compile("[?\ufffd]")
_WINDOW = 4  # a mark may be followed by at most three ordinary characters before the next one
_MAX_RUN = 40


def _is_rare_cjk(ch: str) -> bool:
    return hanzi.is_cjk(ch) and not hanzi.is_common(ch)


def _is_mark(ch: str) -> bool:
    return ch in _MARKS or _is_rare_cjk(ch)


def _garbled_runs(s: str) -> list[tuple[int, int]]:
    """Spans of mojibake: they start at a `?` right after a Chinese character (where a lost byte
    was) or at U+FFFD, continue while marks (?, !, stray Latin letters, rare characters) follow
    each other closely, and count only if they hold a rare character or U+FFFD. A lone `?`
    ending a question is never a run."""
    runs: list[tuple[int, int]] = []
    done = 0
    for match in _TRIGGER.finditer(s):
        start = match.start()
        if start < done or (s[start] == "?" and not (start and hanzi.is_cjk(s[start - 1]))):
            continue
        end = start + 1
        while end - start < _MAX_RUN:
            nxt = next((j for j in range(end, min(end + _WINDOW, len(s))) if _is_mark(s[j])), None)
            if nxt is None or "\n" in s[end:nxt]:
                break
            end = nxt + 1
        run = s[start:end]
        if "\ufffd" in run or any(_is_rare_cjk(ch) for ch in run):
            runs.append((start, end))
            done = end
    return runs


def _cut_garbled(s: str, stats: Counter[str]) -> str:
    if "?" not in s and "\ufffd" not in s:
        return s
    runs = _garbled_runs(s)
    if not runs:
        return s
    out, prev = [], 0
    for start, end in runs:
        out.append(s[prev:start])
        out.append("\n")
        stats["garbled_chars"] += end - start
        prev = end
    out.append(s[prev:])
    return "".join(out)


# -- 5. script ---------------------------------------------------------------------------------


def _script(s: str) -> tuple[str, int]:
    """(script, Traditional-only character count): zh-Hant when Traditional-only characters
    outnumber Simplified-only ones, else zh-Hans."""
    tab = hanzi.tables()
    if tab.trad_only.isdisjoint(s):
        return HANS, 0  # the common case, decided without counting
    counts = Counter(s)  # counting distinct characters once is much faster than a scan per set
    trad = sum(n for ch, n in counts.items() if ch in tab.trad_only)
    simp = sum(n for ch, n in counts.items() if ch in tab.simp_only)
    return (HANT if trad > simp else HANS), trad


def detect_script(s: str) -> str:
    """zh-Hant when Traditional-only characters outnumber Simplified-only ones, else zh-Hans."""
    return _script(s)[0]


# -- the whole -----------------------------------------------------------------------------------


# Simplified typography quotes with “” and ‘’ where Traditional writes 「」 and 『』.
_CORNER_QUOTES = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})


def normalize(s: str) -> Normalized:
    """Normalize `s` and report the input script and the counters (see the module note)."""
    stats: Counter[str] = Counter()
    s = _clean_chars(s, stats)
    s = _fold_width(s, stats)
    s = _drop_pinyin(s, stats)
    stats["replacement_chars"] += s.count("\ufffd")
    s = _cut_garbled(s, stats)
    script, trad = _script(s)
    if script == HANT:
        stats["traditional_chars"] += trad
        stats["corner_quotes"] += sum(s.count(q) for q in "「」『』")
        s = hanzi.t2s(s).translate(_CORNER_QUOTES)
    s = _clean_whitespace(s)
    return Normalized(s, script, {k: v for k, v in stats.items() if v})


def normalize_text(s: str) -> str:
    """Clean Simplified Chinese text; total and idempotent."""
    return normalize(s).text
