"""The stored state of articles (graph.incremental.Known) and of the paths they hold, read in
a write transaction (before a batch is planned) or in a read one (before extraction)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

import cypher
from graph.incremental import Holders, Known
from graph.neo4j.base import chunks

PATH_CHUNK = 5000  # paths or ids per read: one round trip for most batches


class _Runner(Protocol):
    def run(self, query: str, **params: Any) -> Any: ...


def fetch_state(
    tx: _Runner, ids: Iterable[str], paths: Iterable[str | None]
) -> tuple[dict[str, Known], Holders]:
    """The stored Articles with one of `ids` or holding one of `paths`, and who holds each
    path."""
    holders: Holders = {}
    known: dict[str, Known] = {}
    wanted = sorted({p for p in paths if p})
    for chunk in chunks(wanted, PATH_CHUNK):
        for rec in tx.run(cypher.query("read", "article-holders"), paths=chunk):
            holders.setdefault(rec["path"], set()).add(rec["id"])
            known[rec["id"]] = _known(rec, rec["primary"])
    missing = sorted(set(ids) - set(known))
    for chunk in chunks(missing, PATH_CHUNK):
        for rec in tx.run(cypher.query("read", "article-known"), ids=chunk):
            known[rec["id"]] = _known(rec, rec["path"])
    return known, holders


def _known(rec: Any, path: str | None) -> Known:
    return Known(
        id=rec["id"],
        path=path,
        paths=tuple(rec["paths"] or ()),
        fingerprint=rec["fingerprint"],
        content_hash=rec["content_hash"],
        extractor=rec["extractor"],
        file_keys=tuple(rec["file_keys"]),
    )
