"""The stored state of articles (graph.incremental.Known) and of the paths they hold, read in
a write transaction (before a batch is planned) or in a read one (before extraction)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

import cypher
from graph.incremental import Holders, Known
from graph.neo4j.base import chunks


class _Runner(Protocol):
    def run(self, query: str, **params: Any) -> Any: ...


def fetch_state(
    tx: _Runner, ids: Iterable[str], paths: Iterable[str | None]
) -> tuple[dict[str, Known], Holders]:
    """The stored Articles with one of `ids` or holding one of `paths`, and who holds each
    path."""
    holders: Holders = {}
    wanted = sorted({p for p in paths if p})
    for chunk in chunks(wanted):
        for rec in tx.run(cypher.query("read", "article-holders"), paths=chunk):
            holders.setdefault(rec["path"], set()).add(rec["id"])
    every = sorted(set(ids) | {i for held in holders.values() for i in held})
    known: dict[str, Known] = {}
    for chunk in chunks(every):
        for rec in tx.run(cypher.query("read", "article-known"), ids=chunk):
            known[rec["id"]] = Known(
                id=rec["id"],
                path=rec["path"],
                paths=tuple(rec["paths"] or ()),
                fingerprint=rec["fingerprint"],
                content_hash=rec["content_hash"],
                extractor=rec["extractor"],
            )
    return known, holders
