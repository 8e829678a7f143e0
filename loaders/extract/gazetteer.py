"""Domain gazetteer: platforms, companies, agencies and China's administrative divisions.

The data are the CSV files of `seeds/gazetteer/` (documented in its README.md), read once, lazily,
by `loaders.extract.gazetteer_entries`; this module indexes them. Nothing is read at import time.

API
---
    gaz = load_gazetteer()                       # cached; loading takes well under a second

    gaz.lookup("COSMOPlat")        -> [GazEntry(label="Platform", name="卡奥斯", parent="海尔集团")]
    gaz.lookup("鼓楼区")           -> four City entries (南京, 徐州, 福州, 开封): context needed
    gaz.is_ambiguous("朝阳")       -> True   (several entries, or a common word such as 浪潮, 和平)
    gaz.surfaces()                 -> iterator of (surface, entry) for matchers / jieba user dicts
    gaz.division("淄博")           -> City 淄博市 (level city, parent 山东省)
    gaz.division("市中区", within="枣庄")  -> the 市中区 of 枣庄市
    gaz.division("吉林")           -> 吉林省 (highest level wins); strict=True → None; level="city"
    gaz.divisions("朝阳")          -> every City entry for a surface, full-name matches first
    gaz.entries("Platform")        -> all entries of one label
    gaz.ancestors("崂山区")        -> [City 青岛市, City 山东省]   (also takes a GazEntry)
    gaz.ancestor_names("崂山区")   -> ["青岛市", "山东省"]
    gaz.expand_agency("淄博市工信局")           -> "淄博市工业和信息化局"
    gaz.expand_agency("工信部")                 -> "工业和信息化部"
    gaz.expand_agency("市工信局", place="青岛")  -> "青岛市工业和信息化局"
    gaz.expand_agency("发改委") / ("发改委", place="淄博市")
                                   -> "国家发展和改革委员会" / "淄博市发展和改革委员会"
    gaz.agency_aliases("淄博市工业和信息化局")  -> ["淄博市工信局", "淄博工信局", ...]

Entries (`GazEntry`, described in `loaders.extract.gazetteer_entries`, which reads the files)
are frozen values. Lookups accept full-width or half-width Latin and digits and are
case-insensitive for Latin letters; text is expected in Simplified Chinese.
"""

from __future__ import annotations

import gc
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache

from loaders.extract.gazetteer_entries import GazEntry, norm, read_gazetteer_files

LEVEL_RANK = {"province": 0, "city": 1, "district": 2}
# Prefixes that refer to the article's own place: 市工信局, 省工信厅, 区科技局, 自治区商务厅.
RELATIVE_PREFIXES = ("自治区", "自治州", "自治县", "省", "市", "区", "县", "州", "旗", "盟")
# Endings of government-body names: a remainder ending so is kept as written after a place.
AGENCY_ENDINGS = ("局", "厅", "委", "办", "委员会", "办公室", "中心", "院", "所", "署")


class Gazetteer:
    """Indexes over the gazetteer entries; build with `load_gazetteer()`."""

    def __init__(
        self,
        entries: Iterable[GazEntry],
        common_words: Iterable[str] = (),
        national_agencies: dict[str, str] | None = None,
        local_abbreviations: dict[str, tuple[str, str]] | None = None,
        local_full_forms: Iterable[str] = (),
    ) -> None:
        entries = list(entries)
        self._common = {norm(w) for w in common_words}
        owners: dict[str, set[int]] = defaultdict(set)
        for index, entry in enumerate(entries):
            for surface in self._entry_surfaces(entry):
                owners[norm(surface)].add(index)
        # An entry is ambiguous when one of its surfaces is shared or is a common word.
        self._entries = [
            entry
            if entry.ambiguous
            or not any(
                len(owners[norm(s)]) > 1 or norm(s) in self._common
                for s in self._entry_surfaces(entry)
            )
            else replace(entry, ambiguous=True)
            for entry in entries
        ]
        self._by_surface: dict[str, list[GazEntry]] = defaultdict(list)
        self._by_code: dict[str, GazEntry] = {}
        for entry in self._entries:
            for surface in self._entry_surfaces(entry):
                bucket = self._by_surface[norm(surface)]
                if entry not in bucket:
                    bucket.append(entry)
            if entry.label == "City" and entry.code:
                self._by_code[entry.code] = entry
        self._national = {norm(k): v for k, v in (national_agencies or {}).items()}
        # abbreviation → (full suffix, level hint); full forms and their variants are kept as is.
        self._local = {norm(k): v for k, v in (local_abbreviations or {}).items()}
        self._local_full = {norm(f) for f in local_full_forms}
        # the keys that name a division (`divisions(key)` is not empty)
        self._division_keys = frozenset(
            key for key, found in self._by_surface.items() if any(e.label == "City" for e in found)
        )

    @staticmethod
    def _entry_surfaces(entry: GazEntry) -> list[str]:
        surfaces = [entry.name, *entry.aliases]
        if entry.short:
            surfaces.append(entry.short)
        return list(dict.fromkeys(surfaces))

    # -- generic lookups -------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._entries)

    def entries(self, label: str | None = None) -> list[GazEntry]:
        """All entries, or those of one label."""
        return [e for e in self._entries if label is None or e.label == label]

    def lookup(self, surface: str) -> list[GazEntry]:
        """Entries whose name, short form or alias is exactly `surface` (empty list if none)."""
        return list(self._by_surface.get(norm(surface), ()))

    def is_ambiguous(self, surface: str) -> bool:
        """True when `surface` names several entries or is a common word (浪潮, 和平, 市中)."""
        key = norm(surface)
        return len(self._by_surface.get(key, ())) > 1 or key in self._common

    def surfaces(self) -> Iterator[tuple[str, GazEntry]]:
        """Every (surface, entry) pair: names, short forms and aliases, as written in the data."""
        for entry in self._entries:
            for surface in self._entry_surfaces(entry):
                yield surface, entry

    # -- administrative divisions ----------------------------------------------------------

    def names_a_division(self, surface: str) -> bool:
        """Whether some division is written `surface` (a cheap test before `division`)."""
        return norm(surface) in self._division_keys

    def divisions(self, surface: str) -> list[GazEntry]:
        """City entries for a surface; full-name matches come before short-form matches."""
        found = [e for e in self.lookup(surface) if e.label == "City"]
        if len(found) < 2:
            return found
        key = norm(surface)
        return sorted(found, key=lambda e: norm(e.name) != key)

    def division(
        self,
        name_or_short: str,
        within: str | None = None,
        level: str | None = None,
        strict: bool = False,
    ) -> GazEntry | None:
        """Resolve a division name or short form (淄博 → 淄博市).

        `within` (a division name or short form, e.g. the article's city) narrows several candidates
        to those inside it; it never excludes the only candidate. `level` keeps one level.
        When several candidates remain: with `strict` return None; otherwise return the single
        full-name match if there is one, else the single candidate of the highest level (吉林 →
        吉林省, 海南 → 海南省), else None (鼓楼 names four districts).
        """
        candidates = self.divisions(name_or_short)
        if level:
            candidates = [c for c in candidates if c.level == level]
        if len(candidates) > 1 and within:
            scopes = {self._key(s) for s in self.divisions(within)}
            inside = [
                c for c in candidates if scopes & {self._key(a) for a in [c, *self._chain(c)]}
            ]
            candidates = inside or candidates
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        if strict:
            return None
        exact = [c for c in candidates if norm(c.name) == norm(name_or_short)]
        if len({self._key(c) for c in exact}) == 1:
            return exact[0]
        if exact:
            return None  # the same full name in several places (鼓楼区)
        top = min(LEVEL_RANK.get(c.level or "", 3) for c in candidates)
        best = [c for c in candidates if LEVEL_RANK.get(c.level or "", 3) == top]
        return best[0] if len(best) == 1 else None

    def ancestors(self, city: str | GazEntry, within: str | None = None) -> list[GazEntry]:
        """Parents of a division, nearest first: 崂山区 → [青岛市, 山东省]; [] if unknown.

        `city` is a name or short form (resolved like `division`, so a name shared by several
        places gives [] unless `within` tells which) or a City entry itself.
        """
        entry = city if isinstance(city, GazEntry) else self.division(city, within=within)
        return self._chain(entry) if entry is not None and entry.label == "City" else []

    def ancestor_names(self, city: str | GazEntry, within: str | None = None) -> list[str]:
        """Names of `ancestors(city, within)`: 崂山区 → ['青岛市', '山东省']."""
        return [e.name for e in self.ancestors(city, within)]

    def _chain(self, entry: GazEntry) -> list[GazEntry]:
        chain: list[GazEntry] = []
        code = entry.parent_code
        while code and code in self._by_code and len(chain) < 4:
            parent = self._by_code[code]
            chain.append(parent)
            code = parent.parent_code
        return chain

    @staticmethod
    def _key(entry: GazEntry) -> tuple[str, str | None, str | None]:
        return (entry.name, entry.code, entry.parent_code)

    # -- government bodies -----------------------------------------------------------------

    def expand_agency(self, surface: str, place: str | None = None) -> str | None:
        """Full name of a government body written in short form, or None if not one.

        '工信部' → '工业和信息化部'; '淄博市工信局' → '淄博市工业和信息化局' (a short
        place prefix is completed: '淄博工信局' gives the same); '市工信局' or '工信局' with
        place='青岛市' → '青岛市工业和信息化局'; '省工信厅' with place='淄博市' →
        '山东省工业和信息化厅'. A bare local abbreviation that is also a national one (发改委,
        国资委) is national only without `place`. Full names are returned as written, with a
        short place prefix completed.
        """
        text = unicodedata.normalize("NFKC", surface).strip()
        if not text:
            return None
        places, rest = self._place_prefix(text, place)
        suffix, level_hint = self._agency_suffix(rest)
        if places:
            prefix = "".join(name for name, _ in places)
            if suffix:
                return prefix + suffix
            head, tail = self._agency_tail(rest)  # 高新区管委会 → 高新区 + 管理委员会
            if tail:
                return prefix + head + tail
            return prefix + rest if rest.endswith(AGENCY_ENDINGS) else None
        national = self._national.get(norm(text))
        if national and (place is None or norm(text) not in self._local):
            return national
        if not place:
            return None
        if suffix is None:
            relative = next((r for r in RELATIVE_PREFIXES if rest.startswith(r)), None)
            if relative is None:
                return None
            suffix, _ = self._agency_suffix(rest[len(relative) :])
            owner = self._relative_place(relative, place) if suffix else None
            return owner + suffix if owner and suffix else None
        base = self.division(place)
        if base is not None and level_hint == "province" and base.level != "province":
            base = next((a for a in self._chain(base) if a.level == "province"), None)
        return base.name + suffix if base else None

    def agency_aliases(self, full_name: str) -> list[str]:
        """Short forms of a government body's full name (the inverse of `expand_agency`).

        National bodies give their listed aliases (工业和信息化部 → 工信部...); local ones give the
        abbreviated suffix after the full and the short place name (淄博市工业和信息化局 →
        淄博市工信局, 淄博工信局) and the full suffix after the short place name.
        """
        key = norm(full_name)
        agency = [e for e in self.lookup(full_name) if e.label == "Agency"]
        if agency:
            return [a for a in agency[0].aliases if norm(a) != key]
        places, rest = self._place_prefix(unicodedata.normalize("NFKC", full_name).strip(), None)
        if not places:
            return []
        full = "".join(name for name, _ in places)
        _, last = places[0]
        # The short place form only for a single place: 淄博工信局, not 青岛市崂山工信局.
        short = last.short if len(places) == 1 and last and last.short else full
        prefixes = list(dict.fromkeys([full, short]))
        abbrs = [
            abbr
            for abbr, (suffix, _) in self._local.items()
            if norm(suffix) == norm(rest) and abbr != norm(rest)
        ]
        out = [p + a for a in abbrs for p in prefixes]
        if short != full:
            out.append(short + rest)
        return out

    def _agency_tail(self, rest: str) -> tuple[str, str | None]:
        """Split a body name that ends with a known suffix: ('高新区', '管理委员会').

        The known ending must have three characters or more and the head at most six, so that
        words before a bare 政府 or 局 are not taken for part of a name (东营市采用政府).
        """
        for cut in range(1, min(7, len(rest) - 2)):
            suffix, _ = self._agency_suffix(rest[cut:])
            if suffix:
                return rest[:cut], suffix
        return rest, None

    def _agency_suffix(self, rest: str) -> tuple[str | None, str]:
        """(full suffix, level hint) when `rest` is a local abbreviation or a full suffix form."""
        key = norm(rest)
        if key in self._local:
            return self._local[key]
        if key in self._local_full:
            return rest, ""
        return None, ""

    def _place_prefix(
        self, text: str, place: str | None
    ) -> tuple[list[tuple[str, GazEntry | None]], str]:
        """Split leading divisions off `text`: '青岛崂山区工信局' → ([青岛市, 崂山区], '工信局').

        Each place is (full name, entry); the longest division surface wins, resolved within the
        previous place or `place`. A surface naming several places at one level is kept as
        written, with no entry (鼓楼区工信局). Returns ([], text) when `text` does not start
        with a division or is nothing but divisions.
        """
        found: list[tuple[str, GazEntry | None]] = []
        within = place
        pos = 0
        while pos < len(text) and self._agency_suffix(text[pos:])[0] is None:
            for length in range(min(16, len(text) - pos), 1, -1):
                piece = text[pos : pos + length]
                # A common-word short form is no place here: 市中小企业局 is 市 + 中小企业局.
                if norm(piece) in self._common or not self.names_a_division(piece):
                    continue
                entry = self.division(piece, within=within)
                # Only a short form is completed (淄博 → 淄博市); names and former names are
                # kept as written (即墨市 stays 即墨市 in an older article).
                written = entry is None or (entry.short and norm(piece) == norm(entry.short))
                found.append((entry.name if written and entry else piece, entry))
                within = entry.name if entry else within
                pos += length
                break
            else:
                break
        if not found or pos == len(text):
            return [], text
        return found, text[pos:]

    def _relative_place(self, prefix: str, place: str) -> str | None:
        """The division a relative prefix (市, 省, 区, 自治区...) refers to, given the context."""
        base = self.division(place)
        if base is None:
            return None
        for entry in [base, *self._chain(base)]:
            if entry.name.endswith(prefix):
                return entry.name
        return None


@cache
def load_gazetteer() -> Gazetteer:
    """Read every gazetteer file once and index it (cached for the process).

    The cyclic garbage collector is paused meanwhile: indexing makes some hundred thousand small
    objects, and in a process that already holds the language models each collection it would
    trigger walks that whole heap (loading took about half as long again)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return Gazetteer(*read_gazetteer_files())
    finally:
        if paused:
            gc.enable()
