"""In-article resolution: one article's mentions → its entities, canonical names and aliases.

Within an article, mentions of one label merge when they share a surface form, when one is the
abbreviation of another (鲁中耐材 / 鲁中耐火材料), when a short title is part of a full one
(三年攻坚实施方案), when a park is written with and without its city (垦利化工产业园), when two
descriptive platforms differ only by place words (全市企业综合服务平台), or when the text equates
them (X即Y).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from functools import lru_cache
from typing import Any

from graph.model import Entity
from loaders.extract.scan import opening_chars

# Words that only place or qualify a descriptive platform name: removed to compare two names.
_PLATFORM_NOISE = re.compile(r"^(?:全市|全省|市级|省级|本市)|工业互联网")
# A unit named after its company (甲科技研究院, 甲科技北京分公司) is not the company (L15).
# 甲乙新能源(香港): a place in brackets names a firm of its own beside 甲乙新能源.
_BRACKETED = re.compile(r"[（(][^（）()]{1,8}[)）]")
_UNIT_OF = re.compile(
    r"[\u4e00-\u9fff]{0,4}(?:研究院|研究所|设计院|实验室|研发中心|创新中心|分公司|子公司|分院|"
    r"事业部|事业群|基金会)"
)
_APPOSITION = re.compile(r"^[”’]?(?:即|也就是|简称|又称|俗称)[“‘]?$")
_APPOSITION_MAX = 6  # the longest text it matches: ”也就是“ and a line break before its $
_APPOSITION_OPENERS = opening_chars(_APPOSITION)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _strip_places(name: str, forms: tuple[str, ...]) -> str:
    """`name` without the first of `forms` (places' names and short forms) that opens it."""
    if not name.startswith(forms):  # (one test of them all: most names open with none)
        return name
    for form in forms:
        if name.startswith(form) and len(name) > len(form) + 1:
            return name[len(form) :]
    return name


@lru_cache(maxsize=1)
def _t2s_s2t() -> Any:
    import opencc

    return opencc.OpenCC("s2t")


@lru_cache(maxsize=65536)
def _to_traditional(text: str) -> str:
    """OpenCC s2t of a name, memoised: the pure-Python converter is slow and names recur."""
    return str(_t2s_s2t().convert(text))


def resolve_mentions(mentions: list[Any], text: str, script: str = "zh-Hans") -> list[Entity]:
    """Merge mentions into entities; each mention's `name` is set to its entity's canonical name.

    `mentions` are `loaders.extract.entities.Mention`s of one article, in text order.
    """
    keys: list[tuple[str, str]] = []
    index: dict[tuple[str, str], int] = {}
    ids: list[int] = []  # each mention's key
    surfaces: list[set[str]] = []
    places: set[str] = set()
    levels: list[tuple[int, str]] = []  # (key, level) of the places, in text order
    from_gazetteer: set[int] = set()  # the keys with a gazetteer mention
    gazetteer_names: dict[str, set[str]] = {}  # label → the names of its gazetteer mentions
    for m in mentions:
        label, name = key = (m.label, m.name)
        i = index.get(key)
        if i is None:
            i = index[key] = len(keys)
            keys.append(key)
            written = {name}
            surfaces.append(written)
        else:
            written = surfaces[i]
        ids.append(i)
        if m.aliases:
            written.update(m.aliases)  # an empty alias is skipped wherever surfaces are read
        written.add(m.surface)
        if label == "City":
            places.add(name)
            if "level" in m.props:
                levels.append((i, m.props["level"]))
        if m.source == "gazetteer":
            from_gazetteer.add(i)
            gazetteer_names.setdefault(label, set()).add(name)
    uf = _UnionFind(len(keys))
    _merge_same_surface(keys, surfaces, uf)
    _merge_variants(keys, places, uf)
    _merge_appositions(mentions, index, text, uf)
    roots = [uf.find(i) for i in range(len(keys))]
    groups: dict[int, list[int]] = {}
    for i, root in enumerate(roots):
        groups.setdefault(root, []).append(i)
    counts = Counter(map(roots.__getitem__, ids))
    props: dict[int, dict[str, Any]] = {}
    for i, level in levels:  # (the last one written wins)
        props.setdefault(roots[i], {})["level"] = level
    canonical: dict[int, str] = {}
    rows: list[tuple[str, int, str, int, Entity]] = []  # (sort key..., entity), in group order
    for root, members in groups.items():
        label, name = keys[root]
        written = surfaces[root]  # (a group of one is its own root, its name the canonical one)
        if len(members) > 1:
            names = [keys[i][1] for i in members]
            known = gazetteer_names[label] if from_gazetteer.intersection(members) else set()
            name = _choose_name(label, names, known)
            written = written.union(*map(surfaces.__getitem__, members[1:]))
        canonical[root] = name
        aliases = {a for a in written if a and a != name and "《" not in a and "》" not in a}
        if script == "zh-Hant":
            aliases |= {_to_traditional(a) for a in {name, *aliases}}
            aliases.discard(name)
        count = counts[root]
        entity = Entity(label, name, tuple(sorted(aliases)), count, props.get(root, {}))
        rows.append((label, -count, name, len(rows), entity))
    named = [canonical[root] for root in roots]  # each key's canonical name
    for m, i in zip(mentions, ids, strict=True):
        m.name = named[i]
    return [row[-1] for row in sorted(rows)]  # by label, most mentioned first, then name


_QUOTE_MARKS = re.compile(r"[“”‘’《》\"]")


def _merge_same_surface(
    keys: list[tuple[str, str]], surfaces: list[set[str]], uf: _UnionFind
) -> None:
    owner: dict[tuple[str, str], int] = {}
    for i, (label, _) in enumerate(keys):
        for s in surfaces[i]:
            clean = _QUOTE_MARKS.sub("", s) if _QUOTE_MARKS.search(s) else s  # (rarely quoted)
            if len(clean) < 2:
                continue
            other = owner.setdefault((label, clean), i)
            if other != i:
                uf.union(other, i)


# The labels whose names may be variants of one another (see _variants).
_VARIANT_LABELS = frozenset({"Company", "Policy", "Project", "Platform"})


def _merge_variants(keys: list[tuple[str, str]], places: set[str], uf: _UnionFind) -> None:
    # the pairs compared are those of one label (two firms' names only when they open alike)
    runs: dict[tuple[str, str], list[int]] = {}
    for i, (label, name) in enumerate(keys):
        # (platforms' names are variants only when both end in 平台)
        if label in _VARIANT_LABELS and (label != "Platform" or name.endswith("平台")):
            runs.setdefault((label, name[:2] if label == "Company" else ""), []).append(i)
    forms = tuple(  # each place's name, then that name less its last character, longest first
        form
        for place in sorted(places, key=len, reverse=True)
        for form in (place, place[:-1] if len(place) > 2 else place)
    )
    stripped: dict[str, str] = {}

    def strip(name: str) -> str:  # _strip_places, once per name
        if name not in stripped:
            stripped[name] = _strip_places(name, forms)
        return stripped[name]

    for (label, _), run in runs.items():
        if label == "Project":  # a variant: the other's name without its leading places
            at = {keys[i][1]: i for i in run}
            for j in run:
                i = at.get(strip(keys[j][1]), j)
                if i != j:
                    uf.union(i, j)
            continue
        if label == "Platform":  # variants: the same name once places and qualifiers are gone
            first: dict[str, int] = {}  # such a name → the first platform that reads so
            for i in run:
                core = _PLATFORM_NOISE.sub("", strip(keys[i][1]))
                if len(core) >= 5:
                    uf.union(first.setdefault(core, i), i)
            continue
        for n, i in enumerate(run):
            label, a = keys[i]
            for j in run[n + 1 :]:
                if _variants(label, a, keys[j][1]):
                    uf.union(i, j)


def _variants(label: str, a: str, b: str) -> bool:
    """Whether two names of one label name the same entity (projects and platforms:
    _merge_variants)."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if label == "Company":
        return (
            len(short) >= 3
            and short[:2] == long[:2]
            and _is_subsequence(short, long)
            and (short.endswith("集团") or not long.endswith("集团"))
            and not (long.startswith(short) and _UNIT_OF.fullmatch(long[len(short) :]))
            and _BRACKETED.findall(short) == _BRACKETED.findall(long)
        )
    return label == "Policy" and len(short) >= 5 and short in long


def _merge_appositions(
    mentions: list[Any], index: dict[tuple[str, str], int], text: str, uf: _UnionFind
) -> None:
    top = [m for m in mentions if not m.nested]
    for a, b in itertools.pairwise(top):
        if (
            a.label == b.label
            and b.start - a.end <= _APPOSITION_MAX
            and text[a.end : a.end + 1] in _APPOSITION_OPENERS
            and _APPOSITION.match(text[a.end : b.start])
        ):
            uf.union(index[(a.label, a.name)], index[(b.label, b.name)])


def _choose_name(label: str, names: list[str], gazetteer_names: set[str]) -> str:
    """The canonical name of a group: a gazetteer's name first (`gazetteer_names`: the names of
    the label's gazetteer mentions when the group has one, else empty)."""
    if len(names) == 1:
        return names[0]
    known = [n for n in names if n in gazetteer_names]
    if known:
        return known[0]
    if label == "Company":
        return min(names, key=lambda n: (len(n), n))
    if label == "Platform":
        brands = [n for n in names if not n.endswith(("平台", "系统"))]
        if brands:
            return min(brands, key=lambda n: (len(n), n))
    return max(names, key=lambda n: (len(n), n))
