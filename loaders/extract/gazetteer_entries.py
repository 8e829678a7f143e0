"""Gazetteer entries and the files they are read from.

The data are the CSV files of `seeds/gazetteer/` (documented in its README.md), read through
importlib.resources by `read_gazetteer_files` (nothing is read at import time); the indexes and
lookups over them are `loaders.extract.gazetteer`.

Entries (`GazEntry`) are frozen values. `label` is a graph label (Platform, City, Company, Agency,
Organization); `name` the canonical name of docs/graph-model.md; `parent` the parent division of a
City, the owner of a Platform, the parent company of a Company, the supervising body of an Agency;
`level` the City level (province, city, district; zone for the zones of zones.csv); `ambiguous`
is True when a short form or alias of the entry is shared with another entry or is a common word,
so a mention of it needs context (`Gazetteer.is_ambiguous(surface)` tests one surface). City
entries also carry `kind` (地级市, 县级市, 自治州...), `code` (administrative code),
`parent_code` and `short`. `norm` is the lookup key of a surface: full-width or half-width Latin
and digits alike, Latin letters case-folded; text is expected in Simplified Chinese.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple


@dataclass(frozen=True)
class GazEntry:
    """One gazetteer entry (see module docstring)."""

    label: str
    name: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    level: str | None = None
    ambiguous: bool = False
    kind: str | None = None
    code: str | None = None  # City: 6-digit administrative code (None for new areas)
    parent_code: str | None = None  # City: code of the parent division
    short: str | None = None  # City: customary short form (淄博市 → 淄博)


@lru_cache(maxsize=1 << 17)  # each surface is normalised several times while indexing
def norm(text: str) -> str:
    """Lookup key: NFKC (full-width → half-width), trimmed, Latin letters case-folded."""
    return unicodedata.normalize("NFKC", text).strip().casefold()


def _split(cell: str | None) -> tuple[str, ...]:
    if not cell:
        return ()
    return tuple(dict.fromkeys(p.strip() for p in cell.split("|") if p.strip()))


def _read_csv(filename: str) -> list[dict[str, str]]:
    text = resources.files("seeds").joinpath("gazetteer", filename).read_text(encoding="utf-8")
    try:
        return list(csv.DictReader(io.StringIO(text)))
    except csv.Error as exc:  # pragma: no cover - shipped files are checked by tests
        raise ValueError(f"seeds/gazetteer/{filename}: {exc}") from exc


class GazetteerFiles(NamedTuple):
    """What the gazetteer files hold, as `Gazetteer` takes it."""

    entries: list[GazEntry]
    common_words: set[str]  # short forms and aliases that are also common words
    national_agencies: dict[str, str]  # name or alias of a national body → its full name
    local_abbreviations: dict[str, tuple[str, str]]  # 工信局 → (工业和信息化局, level hint)
    local_full_forms: set[str]  # full suffixes of local bodies and their variants


def _division_entries() -> tuple[list[GazEntry], set[str]]:
    entries, common = [], set()
    for row in _read_csv("divisions.csv"):
        short = row["short"] or None
        entries.append(
            GazEntry(
                label="City",
                name=row["name"],
                aliases=_split(row["aliases"]),
                parent=row["parent"] or None,
                level=row["level"],
                ambiguous=row["ambiguous"] == "1",
                kind=row["kind"] or None,
                code=row["adcode"] or None,
                parent_code=row["parent_adcode"] or None,
                short=short,
            )
        )
        if short and "common word" in row["note"]:
            common.add(short)
    return entries, common


def _zone_entries() -> list[GazEntry]:
    """National development and high-tech zones (zones.csv): City entries of level `zone`."""
    return [
        GazEntry(
            label="City",
            name=row["name"],
            aliases=_split(row["aliases"]),
            parent=row["parent"] or None,
            level="zone",
            kind=row["kind"] or None,
            parent_code=row["parent_adcode"] or None,
            short=row["short"] or None,
        )
        for row in _read_csv("zones.csv")
    ]


def _owner_prefixed(name: str, owner: GazEntry, aliases: tuple[str, ...]) -> tuple[str, ...]:
    """Owner short name + brand (海尔集团卡奥斯, 三一根云...): news writes the owner before the
    brand in many ways; registered names (…有限公司) and common-word aliases are not used."""
    shorts = [
        s
        for s in (owner.name, *owner.aliases)
        if len(s) <= 6 and not s.endswith(("公司", "集团公司"))
    ]
    if any(name.startswith(s) for s in shorts):
        return ()  # the brand already carries its owner (用友精智)
    extra = [s + name for s in shorts]
    return tuple(a for a in dict.fromkeys(extra) if a not in aliases and a != name)


def read_gazetteer_files() -> GazetteerFiles:
    """Read every gazetteer file (a fresh read each call; `load_gazetteer` caches the index)."""
    entries, common = _division_entries()
    entries.extend(_zone_entries())
    companies: dict[str, GazEntry] = {}
    for row in _read_csv("companies.csv"):
        company = GazEntry(
            "Company",
            row["name"],
            _split(row["aliases"]),
            parent=row["parent"] or None,
            kind=row["kind"] or None,
        )
        companies[company.name] = company
        common.update(_split(row.get("ambiguous_aliases")))
    for row in _read_csv("platforms.csv"):
        aliases = _split(row["aliases"])
        owner = companies.get(row["owner"])
        if owner is not None:
            aliases += _owner_prefixed(row["name"], owner, aliases)
        entries.append(
            GazEntry(
                "Platform",
                row["name"],
                aliases,
                parent=row["owner"] or None,
                kind=row["kind"] or None,
            )
        )
    entries.extend(companies.values())
    national: dict[str, str] = {}
    for row in _read_csv("agencies.csv"):
        aliases = _split(row["aliases"])
        entries.append(
            GazEntry(
                "Agency",
                row["name"],
                aliases,
                parent=row["parent"] or None,
                kind=row["kind"] or None,
            )
        )
        for surface in (row["name"], *aliases):
            national[surface] = row["name"]
    for row in _read_csv("organizations.csv"):
        entries.append(
            GazEntry("Organization", row["name"], _split(row["aliases"]), kind=row["kind"] or None)
        )
    local: dict[str, tuple[str, str]] = {}
    full_forms: set[str] = set()
    for row in _read_csv("agency_abbreviations.csv"):
        local[row["abbr"]] = (row["full"], row["level"])
        full_forms.add(row["full"])
        full_forms.update(_split(row["variants"]))
    return GazetteerFiles(entries, common, national, local, full_forms)
