"""What a place's match in the text names, from its surface alone (the same wherever it is
written, so read once per surface and article) or from the character before it."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from types import SimpleNamespace
from typing import Any

from loaders.extract.entities.base import Context, _cached_gazetteer, _gazetteer
from loaders.extract.nlp import word_frequency

Reading = tuple[Any, bool, tuple[str, Any] | None]


def _written_parent(ctx: Context, name: str, surface: str) -> tuple[str, Any] | None:
    """A division written with its parent glued on (重庆两江新区): the parent's form and entry."""
    for parent_name in ctx.gaz.ancestor_names(name)[:1]:
        parent = ctx.gaz.division(parent_name)
        if parent is None:
            return None
        for form in {parent_name, parent.short or parent_name}:
            if surface.startswith(form) and len(surface) > len(form) + 1:
                return form, parent
    return None


@lru_cache(maxsize=1)
def _common_short_forms() -> frozenset[str]:
    """Short forms the gazetteer marks as everyday words (its divisions.csv `note` column)."""
    text = resources.files("seeds").joinpath("gazetteer", "divisions.csv").read_text("utf-8")
    return frozenset(
        row["short"]
        for row in csv.DictReader(io.StringIO(text))
        if row.get("short") and "common word" in (row.get("note") or "")
    )


def _pick_city(ctx: Context, surface: str, entries: list[Any]) -> Any | None:
    """The division a surface names, or None when it needs the article's place to decide
    (homonyms, district short forms) or is an everyday word (比如, 大关)."""
    entry = ctx.gaz.division(surface)
    if entry is None or surface == entry.name:
        return entry
    if surface in _common_short_forms():
        return None  # 朝阳 (朝阳产业), 和平: an everyday word first
    others = [e for e in entries if e.label == "City" and e.name != entry.name]
    strangers = [e for e in others if entry.name not in ctx.gaz.ancestor_names(e)]
    # 西安 is 西安市 even though two far-away districts are also called 西安区; only a homonym
    # of the same level (or a district short form) needs the article's region to decide.
    if strangers and (entry.level == "district" or any(e.level == entry.level for e in strangers)):
        return None
    if not others and ctx.gaz.is_ambiguous(surface):
        return None
    if entry.level == "district" and not _opens_with_ancestor(ctx, surface, entry):
        return None  # a district's bare short form needs its city or province in the article
    return entry


def _opens_with_ancestor(ctx: Context, surface: str, entry: Any) -> bool:
    """A district's form that carries its city or province (上海临港新片区): not bare."""
    for name in ctx.gaz.ancestor_names(entry.name):
        parent = ctx.gaz.division(name)
        forms = {name, parent.short if parent is not None else None}
        if any(f and len(f) >= 2 and surface.startswith(f) and surface != f for f in forms):
            return True
    return False


def city_reading(ctx: Context, surface: str, entries: list[Any]) -> Reading:
    """What a City match's surface tells wherever it is written (read once per surface): the
    division it names, whether that is an everyday word, and the parent written glued on."""
    entry = _pick_city(ctx, surface, entries)
    if entry is None:
        return None, False, None
    return entry, _everyday_district(ctx, surface, entry), _written_parent(ctx, entry.name, surface)


def reading_of(ctx: Context) -> Callable[[str], Reading]:
    """`city_reading(ctx, surface, ctx.gaz.lookup(surface))` as a function of the surface:
    memoised across articles when `ctx` reads the shared gazetteer and the dictionary's
    frequencies (a reading depends on nothing else)."""
    if ctx.reads_dictionary:
        return _memo_reading
    return lambda surface: city_reading(ctx, surface, ctx.gaz.lookup(surface))


@lru_cache(maxsize=16384)
def _memo_reading(surface: str) -> Reading:
    gaz = _cached_gazetteer()
    return city_reading(SimpleNamespace(gaz=gaz, freq=word_frequency), surface, gaz.lookup(surface))


_EVERYDAY_DISTRICT_FREQ = 300  # a district's full name this frequent is also a common word


def _everyday_district(ctx: Context, surface: str, entry: Any) -> bool:
    return (
        entry.level == "district"
        and surface == entry.name
        and ctx.freq(surface) >= _EVERYDAY_DISTRICT_FREQ
    )


@lru_cache(maxsize=1)
def province_city_pairs() -> frozenset[str]:
    """The two-character names and short forms of provinces and prefecture cities (the only
    pairs `inside_another_place` can accept: a cheap test before it)."""
    return frozenset(
        form
        for e in _gazetteer().entries("City")
        if e.level in ("province", "city")
        for form in (e.name, e.short)
        if form and len(form) == 2
    )


def inside_another_place(ctx: Context, start: int) -> Any:
    """The province or prefecture city that the character before `start` and the first one of
    the match name (上|海城市 is 上海 + 城市), or None."""
    if start == 0:
        return None
    pair = ctx.text[start - 1 : start + 1]
    entry = ctx.gaz.division(pair, strict=True) if ctx.gaz.names_a_division(pair) else None
    found = entry is not None and entry.level in ("province", "city")
    return entry if found and pair in (entry.name, entry.short) else None
