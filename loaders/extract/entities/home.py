"""The article's home place: the city and province a bare 市 or 省 prefix points to."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from operator import itemgetter
from typing import Any

from loaders.extract.entities.base import Mention, _cached_gazetteer, _gazetteer
from loaders.extract.gazetteer_entries import norm


@lru_cache(maxsize=1)
def _city_keys() -> frozenset[str]:
    """The lookup keys of every place's name, short form and alias (a cheap test before
    `division`)."""
    return frozenset(norm(surface) for surface, e in _gazetteer().surfaces() if e.label == "City")


@lru_cache(maxsize=65536)
def _is_city_key(piece: str) -> bool:
    """`piece` folded is a place's lookup key (memo: the pieces of titles recur)."""
    return norm(piece) in _city_keys()


@lru_cache(maxsize=1)
def key_openings() -> frozenset[str]:
    """The first two characters of every place's lookup key: two Chinese characters (which fold
    to themselves) that are not among them open no place's name."""
    return frozenset(key[:2] for key in _city_keys())


def _title_places(title: str) -> list[Any]:
    """Prefecture cities and provinces written in a title (full name or unambiguous short)."""
    openings = key_openings()
    found = []
    i, last = 0, len(title) - 1
    while i < last:
        head = title[i : i + 2]
        if head not in openings and (
            "\u4e00" <= head[0] <= "\u9fff" and "\u4e00" <= head[1] <= "\u9fff"
        ):
            i += 1  # two Chinese characters that open no place's name
            continue
        place = _place_opening(title[i : i + 4])  # (4: the longest name _place_at reads)
        if place is not None:
            found.append(place[0])
            i += place[1] - 1
        i += 1
    return found


def _place_at(gaz: Any, title: str, i: int) -> tuple[Any, int] | None:
    """The prefecture city or province whose name (or unambiguous short form) of 4, 3 or 2
    characters opens at `i`, longest first, and that length."""
    for length in (4, 3, 2):
        piece = title[i : i + length]
        known = len(piece) == length and _is_city_key(piece)
        entry = gaz.division(piece, strict=True) if known else None
        if (
            entry is not None
            and entry.level in ("city", "province")
            and (piece == entry.name or not gaz.is_ambiguous(piece))
        ):
            return entry, length
    return None


@lru_cache(maxsize=16384)
def _place_opening(piece: str) -> tuple[Any, int] | None:
    """`_place_at(gaz, piece, 0)` in the shared gazetteer: the same in every title."""
    return _place_at(_cached_gazetteer(), piece, 0)


def home_place(title: str, text: str, cities: Iterable[Mention]) -> tuple[str | None, str | None]:
    """The article's own (city, province): where a bare 市/省 prefix points.

    Prefecture-level cities named in the title or the first lines weigh most, then how often a
    city is named; the province is the city's, or the most named province.
    """
    gaz = _cached_gazetteer()
    head_end = min(len(text), 300)
    # (plain dicts, not Counters: `_most_common` picks as Counter.most_common(1) does)
    score: dict[str, float] = {}
    provinces: dict[str, float] = {}
    for m in cities:
        level = m.props.get("level")
        weight = 3 if m.start < head_end else 1
        if level == "city":
            score[m.name] = score.get(m.name, 0) + weight
        elif level == "province":
            provinces[m.name] = provinces.get(m.name, 0) + weight
        elif level == "district":
            parent = _parent(m.name)
            if parent:
                score[parent] = score.get(parent, 0) + 0.5 * weight
    for name in list(score):
        short = name[:-1] if name.endswith("市") else name
        if short and short in title:
            score[name] += 5
    for entry in _title_places(title):  # a place named only in the title still counts
        if entry.level == "city" and entry.name not in score:
            score[entry.name] = 5
        elif entry.level == "province" and entry.name not in provinces:
            provinces[entry.name] = 5
    if not score:  # a municipality (重庆市) is province and city at once
        for name, weight in provinces.items():
            if name.endswith("市"):
                score[name] = weight
    city = _most_common(score)
    province = None
    if city:
        anc = gaz.ancestor_names(city)
        province = anc[-1] if anc else None
        entry = gaz.division(city)
        if entry is not None and entry.level == "province":  # a municipality: city = province
            province = city
    if province is None and provinces:
        province = _most_common(provinces)
    return city, province


def _most_common(counts: dict[str, float]) -> str | None:
    """The key of the highest count, the first inserted among equals (None when empty)."""
    return max(counts.items(), key=itemgetter(1))[0] if counts else None


def _parent(city: str) -> str | None:
    entry = _cached_gazetteer().division(city)
    return entry.parent if entry is not None else None
