"""Integrity of the gazetteer's entity and zone files: unique names, known parents and owners,
no alias too short, and no alias that is also another entry's name or a place unless flagged."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from loaders.extract.gazetteer_entries import norm

ENTITY_FILES = ("companies.csv", "organizations.csv", "agencies.csv", "platforms.csv")


def rows(filename: str) -> list[dict[str, str]]:
    text = resources.files("seeds").joinpath("gazetteer", filename).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def cells(cell: str | None) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


def names(filename: str) -> set[str]:
    return {r["name"] for r in rows(filename)}


def other_names() -> dict[str, set[tuple[str, str]]]:
    """Normalised name → the (file, name) entries carrying it, over every entity file."""
    found: dict[str, set[tuple[str, str]]] = {}
    for filename in ENTITY_FILES:
        for row in rows(filename):
            found.setdefault(norm(row["name"]), set()).add((filename, row["name"]))
    return found


def place_surfaces() -> set[str]:
    out: set[str] = set()
    for row in rows("divisions.csv"):
        out.update(norm(s) for s in (row["name"], row["short"], *cells(row["aliases"])) if s)
    return out


def zone_surfaces() -> set[str]:
    return {
        norm(s)
        for row in rows("zones.csv")
        for s in (row["name"], row["short"], *cells(row["aliases"]))
        if s
    }


@pytest.mark.parametrize("filename", ENTITY_FILES)
def test_names_are_unique_within_a_file(filename: str) -> None:
    seen = [norm(r["name"]) for r in rows(filename)]
    assert sorted({n for n in seen if seen.count(n) > 1}) == []


def test_a_name_belongs_to_one_file() -> None:
    shared = {k: v for k, v in other_names().items() if len(v) > 1}
    assert shared == {}


def test_parents_and_owners_are_entries() -> None:
    companies, agencies = names("companies.csv"), names("agencies.csv")
    assert [r["name"] for r in rows("companies.csv") if r["parent"] not in companies | {""}] == []
    assert [r["name"] for r in rows("agencies.csv") if r["parent"] not in agencies | {""}] == []
    assert [r["name"] for r in rows("platforms.csv") if r["owner"] not in companies | {""}] == []


def test_a_company_is_not_its_own_ancestor() -> None:
    parent = {r["name"]: r["parent"] for r in rows("companies.csv")}
    for name in parent:
        seen, current = {name}, parent[name]
        while current:
            assert current not in seen, f"parent cycle through {name}"
            seen.add(current)
            current = parent.get(current, "")


@pytest.mark.parametrize("filename", ENTITY_FILES)
def test_aliases_are_two_characters_or_more(filename: str) -> None:
    short = [(r["name"], a) for r in rows(filename) for a in cells(r["aliases"]) if len(a) < 2]
    assert short == []


@pytest.mark.parametrize("filename", ENTITY_FILES)
def test_an_alias_is_no_other_entry_unless_flagged(filename: str) -> None:
    """An alias that names another entry or a place must be listed in ambiguous_aliases (only
    companies.csv has that column: other files may not reuse such a form at all)."""
    owners, places = other_names(), place_surfaces() | zone_surfaces()
    clashes = []
    for row in rows(filename):
        flagged = set(cells(row.get("ambiguous_aliases")))
        for alias in cells(row["aliases"]):
            others = owners.get(norm(alias), set()) - {(filename, row["name"])}
            if (others or norm(alias) in places) and alias not in flagged:
                clashes.append((row["name"], alias))
    assert clashes == []


def test_flagged_aliases_are_the_rows_own_forms() -> None:
    stray = [
        (r["name"], a)
        for r in rows("companies.csv")
        for a in cells(r["ambiguous_aliases"])
        if a != r["name"] and a not in cells(r["aliases"])
    ]
    assert stray == []


def test_zones_are_unique_and_placed_in_their_parent() -> None:
    zones = rows("zones.csv")
    seen = [r["name"] for r in zones]
    assert sorted({n for n in seen if seen.count(n) > 1}) == []
    codes = {(r["name"], r["adcode"]) for r in rows("divisions.csv")}
    assert [r["name"] for r in zones if (r["parent"], r["parent_adcode"]) not in codes] == []
    kinds = {r["kind"] for r in zones}
    assert kinds <= {"经济技术开发区", "高新技术产业开发区"}


def test_zone_forms_name_nothing_else() -> None:
    owners, places = other_names(), place_surfaces()
    forms = [
        (r["name"], form)
        for r in rows("zones.csv")
        for form in (r["name"], r["short"], *cells(r["aliases"]))
        if form
    ]
    assert [f for f in forms if len(f[1]) < 2] == []
    assert [f for f in forms if norm(f[1]) in owners or norm(f[1]) in places] == []
    counts: dict[str, int] = {}
    for _, form in forms:
        counts[norm(form)] = counts.get(norm(form), 0) + 1
    assert sorted(f for f, n in counts.items() if n > 1) == []
