"""Incremental ingest by content (pure Python; the store reads the state and writes the plan).

An Article is one text (its id is a hash of the normalized text, or the id a record gives). It
holds every path the text was found under (`paths`) and the one whose content it reflects
(`path`), with two stamps: `content_hash` (text and metadata, path left out) and `extractor`
(the version of the extraction, loaders.extract.version).

- ``triage`` decides, before extraction, what a loaded article needs: nothing (same text, same
  extractor, path known), a ``Claim`` of its path (a copy of a known text), or an extraction.
- ``plan_batch`` decides, when a batch is written, from the stored state: which articles are
  new, changed (old evidence dropped, then written) or unchanged, which paths move from one
  Article to another (a file that now holds another text) and which Articles lose their last
  path (dropped with their evidence).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from graph.batch import PreparedArticle
from loaders.file_key import path_tag


@dataclass(frozen=True)
class Known:
    """An Article as stored."""

    id: str
    path: str | None
    paths: tuple[str, ...]
    fingerprint: str | None = None
    content_hash: str | None = None
    extractor: str | None = None
    file_keys: tuple[str, ...] = ()  # "<file key>:<content hash>" of its paths' files


@dataclass(frozen=True)
class Claim:
    """An article skipped before extraction whose path (or file key) the graph must record."""

    id: str
    path: str
    file_key: str | None = None  # "<file key>:<content hash>" of the file at `path`


# path → ids of the Articles holding it
Holders = dict[str, set[str]]


def _same_content(known: Known, path: str | None, content: str, extractor: str | None) -> bool:
    """Extracted before by the same extractor: the same content, or a copy of the text under
    another path (its Article keeps the content of the path it was extracted from)."""
    if extractor is None or known.extractor != extractor:
        return False
    return known.content_hash == content or (known.path is not None and known.path != path)


def triage(
    article_id: str,
    path: str | None,
    content: str,
    extractor: str | None,
    known: dict[str, Known],
    holders: Holders,
) -> Literal["skip", "claim", "extract"]:
    """What one loaded article needs before anything is extracted."""
    stored = known.get(article_id)
    if stored is None or not _same_content(stored, path, content, extractor):
        return "extract"
    if path is None or (path in stored.paths and holders.get(path, set()) <= {article_id}):
        return "skip"
    return "claim"


def remembered(
    path: str, key: str, known: dict[str, Known], holders: Holders
) -> tuple[str, str] | None:
    """(article id, content hash) the file at `path` with file key `key` loaded to, when the
    Article holding the path remembers that key."""
    prefix = key + ":"
    for holder in sorted(holders.get(path, ())):
        stored = known.get(holder)
        for kept in stored.file_keys if stored else ():
            if kept.startswith(prefix):
                return holder, kept[len(prefix):]
    return None


def _with_key(keys: tuple[str, ...], key: str) -> tuple[str, ...]:
    """`keys` with `key` in place of the one of the same path."""
    tag = key.split(":", 1)[0] + ":"
    return tuple(sorted({k for k in keys if not k.startswith(tag)} | {key}))


def _without_path(keys: tuple[str, ...], path: str) -> tuple[str, ...]:
    tag = path_tag(path) + ":"
    return tuple(k for k in keys if not k.startswith(tag))


@dataclass
class Plan:
    """What one write transaction does."""

    write: list[PreparedArticle] = field(default_factory=list)  # new and changed articles
    drop: set[str] = field(default_factory=set)  # ids whose old node and evidence go first
    # id → (path, paths, content_hash, extractor, file_keys) to set once the articles are
    # written
    stamps: dict[str, tuple[str | None, list[str], str | None, str | None, list[str]]] = field(
        default_factory=dict)
    new: int = 0
    changed: int = 0
    unchanged: int = 0


class _Planner:
    def __init__(self, known: dict[str, Known], holders: Holders) -> None:
        self.state = dict(known)
        self.holders = {p: set(ids) for p, ids in holders.items()}
        self.stored = set(known)
        self.plan = Plan()
        self.touched: set[str] = set()
        self.written: dict[str, int] = {}  # id → index in plan.write

    def claim_path(self, article_id: str, path: str | None) -> None:
        """`path` now holds the text of `article_id`: every other Article loses it."""
        if path is None:
            return
        for other in sorted(self.holders.get(path, set()) - {article_id}):
            held = self.state.get(other)
            if held is None:
                continue
            paths = tuple(p for p in held.paths if p != path)
            if not paths:
                self._orphan(other)
                continue
            primary = held.path if held.path in paths else min(paths)
            keys = _without_path(held.file_keys, path)
            self.state[other] = replace(held, path=primary, paths=paths, file_keys=keys)
            self.touched.add(other)
        self.holders[path] = {article_id}
        mine = self.state[article_id]
        if path not in mine.paths:
            self.state[article_id] = replace(mine, paths=tuple(sorted({*mine.paths, path})))
            self.touched.add(article_id)

    def remember(self, article_id: str, key: str | None) -> None:
        """The Article `article_id` keeps the file key of one of its paths."""
        held = self.state.get(article_id)
        if key is None or held is None or key in held.file_keys:
            return
        self.state[article_id] = replace(held, file_keys=_with_key(held.file_keys, key))
        self.touched.add(article_id)

    def _orphan(self, article_id: str) -> None:
        """An Article left without a path: dropped with its evidence."""
        del self.state[article_id]
        self.touched.discard(article_id)
        if article_id in self.written:
            self.plan.write[self.written.pop(article_id)] = None  # type: ignore[call-overload]
        if article_id in self.stored:
            self.plan.drop.add(article_id)

    def take(self, item: PreparedArticle | Claim) -> None:
        stored = self.state.get(item.id)
        if isinstance(item, Claim):
            if stored is not None:
                self.plan.unchanged += 1
                self.claim_path(item.id, item.path)
                self.remember(item.id, item.file_key)
            return
        art = item
        if stored is not None and (
            stored.fingerprint == art.fingerprint
            or _same_content(stored, art.path, art.content_hash, art.extractor)
        ):
            self.plan.unchanged += 1
            if art.path == stored.path and art.extractor is not None and (
                (stored.content_hash, stored.extractor) != (art.content_hash, art.extractor)
            ):
                self.state[art.id] = replace(
                    stored, content_hash=art.content_hash, extractor=art.extractor)
                self.touched.add(art.id)
            self.claim_path(art.id, art.path)
            self.remember(art.id, art.file_key)
            return
        if stored is None:
            # a new text; under a path that held another one, it is a changed file
            moved = art.path is not None and bool(self.holders.get(art.path, set()) - {art.id})
            if moved:
                self.plan.changed += 1
            else:
                self.plan.new += 1
            paths: tuple[str, ...] = ()
        else:
            self.plan.changed += 1
            paths = stored.paths
            if art.id in self.stored:
                self.plan.drop.add(art.id)
        if art.id in self.written:
            self.plan.write[self.written[art.id]] = art
        else:
            self.written[art.id] = len(self.plan.write)
            self.plan.write.append(art)
        keys = stored.file_keys if stored is not None else ()
        self.state[art.id] = Known(art.id, art.path, paths, art.fingerprint,
                                   art.content_hash or None, art.extractor, keys)
        self.touched.add(art.id)
        self.claim_path(art.id, art.path)
        self.remember(art.id, art.file_key)

    def finish(self) -> Plan:
        self.plan.write = [a for a in self.plan.write if a is not None]
        for article_id in sorted(self.touched):
            s = self.state[article_id]
            self.plan.stamps[article_id] = (
                s.path, sorted(s.paths), s.content_hash, s.extractor, sorted(s.file_keys))
        return self.plan


def plan_batch(
    items: list[PreparedArticle | Claim], known: dict[str, Known], holders: Holders
) -> Plan:
    """The plan of one write batch, items taken in order, given the stored Articles `known`
    (every id of the batch that is stored, and every holder of its paths) and `holders`."""
    planner = _Planner(known, holders)
    for item in items:
        planner.take(item)
    return planner.finish()
