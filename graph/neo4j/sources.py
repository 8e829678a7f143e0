"""Independent sources: near-duplicate articles linked, relationships' `sources` counted.

``refresh_sources`` reads every article's MinHash signature (written at ingest), groups the
near-duplicates in Python (graph.dedup), links each duplicate ``DUPLICATE_OF`` its original
(write/duplicates.cypher, only where that changed) and counts ``sources`` on the relationships
that need it: those whose evidence changed since the last count (their ``sources`` was removed
by the ingest) and those with evidence from an article whose original changed. Running it twice
writes nothing the second time. After an ingest that added, changed or removed no article
(``regroup=False``), the signatures are not read again: only an Article never grouped (written
by an older iikg) makes it group, and the relationships without `sources` are counted.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j.exceptions import DriverError, Neo4jError

import cypher
from graph.dedup import THRESHOLD, ArticleSig, duplicate_groups
from graph.errors import StoreError
from graph.neo4j.base import GraphBase, chunks


@dataclass
class SourcesResult:
    articles: int = 0
    duplicates: int = 0  # articles that are a near-duplicate of another
    relinked: int = 0  # articles whose original changed in this run
    counted: int = 0  # relationships whose sources were counted
    seconds: float = 0.0
    regrouped: bool = True  # False: no article changed, the groups were not read again

    def line(self) -> str:
        if not self.regrouped:
            return (f"sources: no article added or changed, near-duplicate groups kept; sources "
                    f"counted on {self.counted} relationship(s) in {self.seconds:.1f} s")
        return (f"sources: {self.duplicates} of {self.articles} article(s) are near-duplicates "
                f"({self.relinked} newly linked); sources counted on {self.counted} "
                f"relationship(s) in {self.seconds:.1f} s")


def _data(tx: neo4j.ManagedTransaction, query: str, params: dict[str, Any]) -> list[dict]:
    """The rows as dicts, values as the driver gives them (`Result.data()` walks every list
    again: a second per MinHash signature read of a thousand articles)."""
    result = tx.run(query, params)
    keys = result.keys()
    return [dict(zip(keys, values, strict=True)) for values in result.values()]


class SourceOps(GraphBase):
    def _rows(self, query: str, params: dict[str, Any] | None = None,
              write: bool = False) -> list[dict[str, Any]]:
        """One statement in its own transaction, server notifications off."""
        try:
            with self.session(read=not write) as session:
                run = session.execute_write if write else session.execute_read
                return run(_data, query, params or {})
        except (Neo4jError, DriverError) as exc:
            raise StoreError(f"counting sources failed: {exc}") from exc

    def refresh_sources(self, *, threshold: float = THRESHOLD, full: bool = False,
                        regroup: bool = True) -> SourcesResult:
        """Link near-duplicate articles and count `sources` where needed (`full`: on every
        relationship). `regroup=False`: no article's text changed since the last refresh, so
        the groups are read again only when some Article was never grouped."""
        started = time.perf_counter()
        result = SourcesResult()
        if not (regroup or full or self._rows(cypher.read_query("articles-ungrouped"))):
            keys = {row["key"] for row in self._rows(cypher.read_query("sources-missing"))}
            result.regrouped = False
            return self._count_sources(keys, result, started)
        rows = self._rows(cypher.read_query("article-signatures"))
        result.articles = len(rows)
        dups = duplicate_groups(
            (ArticleSig(r["id"], r["date"], r["minhash"]) for r in rows), threshold)
        result.duplicates = len(dups)
        changes = []
        for r in rows:
            dup = dups.get(r["id"])
            original = dup.original if dup else r["id"]
            if r["original"] != original:
                sim = dup.similarity if dup else None
                changes.append({"id": r["id"], "original": original, "similarity": sim})
        result.relinked = sum(1 for c in changes if c["original"] != c["id"])
        for chunk in chunks(changes):
            self._rows(cypher.write_query("duplicates"), {"rows": chunk}, write=True)
        if full:
            keys = {row["key"] for row in self._rows(cypher.read_query("evidence-keys"))}
        else:
            ids = [c["id"] for c in changes]
            keys = {row["key"] for row in self._rows(cypher.read_query("sources-missing"))}
            for chunk in chunks(ids):
                rows = self._rows(cypher.read_query("evidence-keys-of"), {"ids": chunk})
                keys |= {row["key"] for row in rows}
        return self._count_sources(keys, result, started)

    def _count_sources(self, keys: set[str], result: SourcesResult,
                       started: float) -> SourcesResult:
        for chunk in chunks(sorted(keys)):
            self._rows(cypher.write_query("sources-count"), {"keys": chunk}, write=True)
        result.counted = len(keys)
        result.seconds = time.perf_counter() - started
        return result
