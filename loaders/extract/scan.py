"""Scanning a text with a slow pattern only near the words every match holds.

    for m in finditer_near(pattern, text, anchor, before=8, after=1): ...

Python's `re` tries a pattern at every position of the text; a pattern that opens with a
character class or an optional group (`[\u4e00-\u9fff]{2,8}?(?:省委|市委)`) costs the same at each.
When every match holds a match of the cheap `anchor` pattern, starts at most `before` characters
before it and ends (lookaheads included) at most `after` characters after it, the matches are
those of `pattern.finditer(text)` found in the stretches around the anchors: the same matches,
in the same order, found faster. Lookbehinds see the text before a stretch (`finditer`'s
`pos`); a stretch ends `after` characters on so that lookaheads see what they test.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from re import _constants as _const  # the parser of `re`: the plain words of an anchor
from re import _parser


def stretches(text: str, anchor: re.Pattern[str], before: int, after: int) -> list[list[int]]:
    """[start, end] of the text around the anchors, overlapping ones joined, in text order.
    (The last text's answer is kept per anchor and reach: two finders scan near one anchor.)"""
    key = (id(anchor), before, after)  # (hashing a pattern hashes its code: ids are cheaper)
    last = _last_stretches.get(key)
    if last is not None and last[0] is text:
        return last[1]
    out = join_stretches(_anchor_spans(text, anchor), before, after, len(text))
    _last_stretches[key] = (text, out)
    return out


def _anchor_spans(text: str, anchor: re.Pattern[str]) -> list[tuple[int, int]]:
    """The spans of `anchor.finditer(text)`. The last text's are kept per anchor's pattern:
    finders scan near one anchor with different reaches (政府, 委), or compile it apart."""
    plan = _plans.get(id(anchor))
    if plan is None:
        shared = (anchor.pattern, anchor.flags)
        plan = _plans[id(anchor)] = (anchor, _plain_words(anchor), _class_openers(anchor), shared)
    _, words, openers, shared = plan
    last = _last_spans.get(shared)
    if last is not None and last[0] is text:
        return last[1]
    if words:
        spans = _word_spans(text, words)
    elif openers:
        spans = [a.span() for a in finditer_from(anchor, text, openers)]
    else:
        spans = [a.span() for a in anchor.finditer(text)]
    _last_spans[shared] = (text, spans)
    return spans


def join_stretches(
    spans: Iterable[tuple[int, int]], before: int, after: int, size: int
) -> list[list[int]]:
    """[start, end] from `before` characters before each span (in text order) to `after` after
    it, within a text of `size` characters, overlapping ones joined."""
    out: list[list[int]] = []
    last_end = 0  # end of the last stretch (the loop runs once per anchor: kept lean)
    for start, end in spans:
        start -= before
        end += after
        if out and start <= last_end:
            if end > last_end:
                last_end = out[-1][1] = end if end < size else size
        else:
            last_end = end if end < size else size
            out.append([start if start > 0 else 0, last_end])
    return out


_last_stretches: dict[tuple[int, int, int], tuple[str, list[list[int]]]] = {}
# How each anchor is scanned (its plain words, its opening characters), by identity: each anchor
# is kept, so that its id stays its own.
_plans: dict[int, tuple[re.Pattern[str], tuple[str, ...] | None, str, tuple[str, int]]] = {}
_last_spans: dict[tuple[str, int], tuple[str, list[tuple[int, int]]]] = {}
# More words: one scan by `re` is faster than a `str.find` per word (a search for a longer word
# costs about twice one for a single character).
_MAX_FIND_COST = 8


def _plain_words(anchor: re.Pattern[str]) -> tuple[str, ...] | None:
    """The words of an anchor that is a class of plain characters ([（(]) or an alternation of
    a few plain words (甲乙|丙), in the order `re` tries them; None for any other pattern (and
    for a plain word alone, which `re` itself finds fast)."""
    if anchor.flags & re.IGNORECASE:
        return None
    tree = list(_parser.parse(anchor.pattern))
    if len(tree) != 1:
        return None
    op, arg = tree[0]
    if op is _const.IN:
        items = [[(kind, value)] for kind, value in arg]
    elif op is _const.BRANCH:
        items = arg[1]
    else:
        return None
    words = []
    for item in items:
        if not item or any(kind is not _const.LITERAL for kind, _ in item):
            return None
        words.append("".join(chr(value) for _, value in item))
    cost = sum(1 if len(word) == 1 else 2 for word in words)
    return tuple(words) if cost <= _MAX_FIND_COST else None


def _class_openers(anchor: re.Pattern[str]) -> str:
    """The characters of the class of plain characters an anchor opens with ([”’]…), or "":
    `re` tests such a class at every position of a text, `str.find` skips to its characters."""
    if anchor.flags & re.IGNORECASE:
        return ""
    tree = list(_parser.parse(anchor.pattern))
    if not tree or tree[0][0] is not _const.IN:
        return ""
    items = tree[0][1]
    if any(kind is not _const.LITERAL for kind, _ in items):
        return ""
    return "".join(chr(value) for _, value in items)


def opening_chars(pattern: re.Pattern[str]) -> frozenset[str]:
    """The characters every match of `pattern` opens with (a cheap test before trying it at a
    place); ValueError when they cannot be listed (a range, a wildcard, an empty match)."""
    if pattern.flags & re.IGNORECASE:
        raise ValueError(f"case-insensitive pattern: {pattern.pattern!r}")
    chars, may_be_empty = _openers(_parser.parse(pattern.pattern))
    if may_be_empty:
        raise ValueError(f"a match may be empty: {pattern.pattern!r}")
    return frozenset(chars)


@lru_cache(maxsize=256)
def required_words(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Words one of which every match of `pattern` holds; ValueError when no such words can be
    read from it."""
    if pattern.flags & re.IGNORECASE:
        raise ValueError(f"case-insensitive pattern: {pattern.pattern!r}")
    words = _required(_parser.parse(pattern.pattern))
    if not words:
        raise ValueError(f"no word every match holds: {pattern.pattern!r}")
    return _fewest(words)


def _fewest(words: Iterable[str]) -> tuple[str, ...]:
    """The words without those that hold another of them (主要客户, 客户): the same gate."""
    words = tuple(dict.fromkeys(words))
    return tuple(w for w in words if not any(v != w and v in w for v in words))


def gate_words(*patterns: re.Pattern[str]) -> tuple[str, ...]:
    """The words one of which every match of any of `patterns` holds, for `holds_any`: read once
    into a module constant by the rule that gates its patterns with them."""
    return _fewest(w for p in patterns for w in required_words(p))


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether `text` holds one of `words` (a `gate_words` answer): when not, none of the
    patterns the words were read from can match in it, a cheap gate before scanning it."""
    for word in words:  # noqa: SIM110 (a third of the cost of any())
        if word in text:
            return True
    return False


def _required(items: Iterable[tuple[object, object]]) -> tuple[str, ...] | None:
    """Of the parts every match of a parsed sequence holds (a run of plain characters, a group
    of alternatives that each hold some), the one whose shortest word is longest."""
    found: list[tuple[str, ...]] = []
    run = ""
    for kind, value in items:
        if kind is _const.LITERAL:
            run += chr(value)  # type: ignore[arg-type]
            continue
        if run and kind is _const.IN and all(k is _const.LITERAL for k, _ in value):  # type: ignore[attr-defined]
            # 落[地户]: how `re` spells 落地|落户
            found.append(tuple(run + chr(v) for _, v in value))  # type: ignore[attr-defined]
            run = ""
            continue
        if run:
            found.append((run,))
            run = ""
        if kind is _const.SUBPATTERN:
            words = _required(value[-1])  # type: ignore[index]
        elif kind is _const.BRANCH:
            parts = [_required(branch) for branch in value[1]]  # type: ignore[index]
            words = (
                None if None in parts else tuple(w for part in parts for w in part)  # type: ignore[union-attr]
            )
        elif kind in (_const.MAX_REPEAT, _const.MIN_REPEAT) and value[0] >= 1:  # type: ignore[index]
            words = _required(value[2])  # type: ignore[index]
        else:
            words = None
        if words:
            found.append(words)
    if run:
        found.append((run,))
    return max(found, key=lambda words: min(map(len, words)), default=None)


def _openers(items: Iterable[tuple[object, object]]) -> tuple[set[str], bool]:
    """The opening characters of a parsed sequence, and whether it may match nothing."""
    chars: set[str] = set()
    for kind, value in items:
        if kind is _const.LITERAL:
            return chars | {chr(value)}, False  # type: ignore[arg-type]
        if kind is _const.IN:
            if any(k is not _const.LITERAL for k, _ in value):  # type: ignore[attr-defined]
                raise ValueError("a class with ranges or categories")
            return chars | {chr(v) for _, v in value}, False  # type: ignore[attr-defined]
        if kind in (_const.AT, _const.ASSERT, _const.ASSERT_NOT):
            continue  # zero width
        if kind is _const.SUBPATTERN:
            found, empty = _openers(value[-1])  # type: ignore[index]
        elif kind is _const.BRANCH:
            parts = [_openers(branch) for branch in value[1]]  # type: ignore[index]
            found = set().union(*(c for c, _ in parts))
            empty = any(e for _, e in parts)
        elif kind in (_const.MAX_REPEAT, _const.MIN_REPEAT):
            low, _, body = value  # type: ignore[misc]
            found, empty = _openers(body)
            empty = empty or low == 0
        else:
            raise ValueError(f"cannot list the openers of {kind}")
        chars |= found
        if not empty:
            return chars, False
    return chars, True


def _word_spans(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """The spans of the alternation of `words` as `finditer` gives them: at the leftmost place
    where one is written, the first of them (in `words`' order) written there, then on after
    it. Each word is found by `str.find`, which skips over the text faster than `re` tests
    each position against the words' first characters."""
    found = []  # (place, rank of the word written there)
    for rank, word in enumerate(words):
        found += [(at, rank) for at in positions(text, word)]
    found.sort()
    out = []
    end = 0
    for at, rank in found:
        if at >= end:
            end = at + len(words[rank])
            out.append((at, end))
    return out


def word_before(
    text: str, pos: int, pattern: re.Pattern[str], ends: frozenset[str], reach: int = 4
) -> bool:
    """Whether `pattern` (words, an optional space, then `$`) matches in the `reach` characters
    before `pos`. The character before `pos` is read first: every match ends with one of the
    words' last characters (`ends`) or a space."""
    last = text[pos - 1 : pos]
    return (last in ends or last.isspace()) and (
        pattern.search(text, max(0, pos - reach), pos) is not None
    )


def finditer_holding(
    pattern: re.Pattern[str], text: str, start: int, end: int, words: tuple[str, ...]
) -> list[re.Match[str]]:
    """`list(pattern.finditer(text, start, end))`, when every match of `pattern` holds one of
    `words`: no scan at all when text[start:end] holds none of them (`str.find` costs less than
    setting up a scan)."""
    for word in words:
        if text.find(word, start, end) >= 0:
            return list(pattern.finditer(text, start, end))
    return []


def finditer_near(
    pattern: re.Pattern[str],
    text: str,
    anchor: re.Pattern[str],
    before: int,
    after: int,
    wanted: Callable[[int, int], bool] | None = None,
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, scanning only the stretches around `anchor`'s matches (see the
    module note for what `before` and `after` must cover). `wanted(start, end)`, when given,
    says whether a stretch can hold a match the caller keeps: one that cannot is not scanned
    (the matches of the other stretches are the same: each stretch is scanned on its own)."""
    for start, end in stretches(text, anchor, before, after):
        if wanted is None or wanted(start, end):
            yield from pattern.finditer(text, start, end)


def finditer_from(pattern: re.Pattern[str], text: str, openers: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` when every match of `pattern` opens with one of the characters
    `openers`: the pattern is tried only where one of them is written (found by `str.find`,
    which skips over the text faster than `re` tries a character class at every position).
    The same matches, in the same order: a match opens at the leftmost place at or after the
    end of the one before where the pattern matches, and that place holds an opener."""
    at: list[int] = []
    for ch in set(openers):
        at += positions(text, ch)
    at.sort()
    end = 0
    for pos in at:
        if pos >= end and (m := pattern.match(text, pos)) is not None:
            end = m.end()
            yield m


def positions(text: str, word: str, overlapping: bool = True) -> list[int]:
    """Where `word` is written in `text`, by `str.find`; with `overlapping` False, each after the
    end of the one before (the starts of `re.finditer(re.escape(word), text)`)."""
    step = 1 if overlapping else len(word)
    out = []
    find = text.find
    at = find(word)
    while at >= 0:
        out.append(at)
        at = find(word, at + step)
    return out


def find_words(text: str, words: Iterable[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of each match of the alternation of `words` (literals, longest first), as
    `re.finditer` gives them: at the leftmost position the longest word, then on after it.
    Found by `str.find`, without compiling a pattern (compiling one of many words costs more
    than scanning a text with it)."""
    longest: dict[int, int] = {}  # start → length of the longest word there
    find = text.find
    for word in set(words):
        size = len(word)
        if not size:
            continue
        at = find(word)
        while at >= 0:
            if size > longest.get(at, 0):
                longest[at] = size
            at = find(word, at + 1)
    pos = 0
    for start in sorted(longest):
        if start >= pos:
            pos = start + longest[start]
            yield start, pos


def word_alternation(alternation: str) -> str:
    """The pattern `alternation` ("甲乙|甲|丙", plain words joined by |) written as a trie
    (甲(?:乙|)|丙), which `re` tries one character at a time instead of word after word: the
    same matches, found faster. Alternatives are tried in the same order as in `alternation`
    whenever each word comes before every shorter word that opens it (else `alternation` is
    returned unchanged)."""
    words = list(dict.fromkeys(alternation.split("|")))
    if any(not w or re.escape(w) != w for w in words):
        return alternation  # not plain words
    rank = {w: i for i, w in enumerate(words)}
    if any(v.startswith(w) and rank[w] < rank[v] for w in words for v in words if v != w):
        return alternation  # a shorter word tried first: a trie would try the longer one first
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, dict]) -> str:
    """Longer words first: the children of a node, then the word that ends at it."""
    alternatives = [ch + _trie_pattern(child) for ch, child in node.items() if ch]
    if "" in node and alternatives:
        alternatives.append("")
    if len(alternatives) <= 1:
        return alternatives[0] if alternatives else ""
    return "(?:" + "|".join(alternatives) + ")"
