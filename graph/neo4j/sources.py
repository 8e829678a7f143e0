"""Independent sources: near-duplicate articles linked, relationships' `sources` counted.

``refresh_sources`` finds the near-duplicates from the MinHash signatures written at ingest:
the server buckets the articles that agree on a band of their signatures (the LSH candidates),
the signatures of those candidates alone are read and checked (graph.dedup). Then it walks the
articles page by page, links each duplicate ``DUPLICATE_OF`` its original (write/duplicates.cypher,
only where that changed), forgets the `sources` of the relationships with evidence from an
article whose original changed, and counts ``sources`` on every relationship that has none
(new, or its evidence changed since the last count: the ingest removed it), streamed in chunks.
So its memory grows with the near-duplicates, not with the corpus. Running it twice writes
nothing the second time. After an ingest that added, changed or removed no article
(``regroup=False``), the signatures are not read again: only an Article never grouped (written
by an older iikg) makes it group, and the relationships without `sources` are counted.
"""

from __future__ import annotations

import time
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j.exceptions import DriverError, Neo4jError

import cypher
from graph.dedup import NUM_PERM, THRESHOLD, ArticleSig, Duplicate, bands, group_candidates
from graph.errors import StoreError
from graph.neo4j.base import WRITE_CHUNK, GraphBase, chunks

# signatures read per statement: a row holds 128 ints as Python objects (5 KB) until it is
# made an array
SIGNATURE_CHUNK = 200


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
    """The rows as dicts, values as the driver gives them."""
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

    def _in_chunks(self, query: str, handle: Callable[[list[Any]], None]) -> int:
        """Hands the first column of the query's rows to `handle` a chunk at a time, as the
        server streams them (handle writes in sessions of its own); the number of values."""
        def work(tx: neo4j.ManagedTransaction) -> int:
            handled, chunk = 0, []
            for record in tx.run(query):
                chunk.append(record[0])
                if len(chunk) == WRITE_CHUNK:
                    handle(chunk)
                    handled, chunk = handled + len(chunk), []
            if chunk:
                handle(chunk)
            return handled + len(chunk)

        try:
            with self.session(read=True) as session:
                return session.execute_read(work)
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
            result.regrouped = False
        else:
            dups = self._near_duplicates(threshold)
            result.duplicates = len(dups)
            self._relink(dups, result)
        query = "evidence-keys" if full else "sources-missing"
        result.counted = self._in_chunks(cypher.read_query(query), self._count_sources)
        result.seconds = time.perf_counter() - started
        return result

    def _near_duplicates(self, threshold: float) -> dict[str, Duplicate]:
        """Article id → Duplicate, from the buckets the server finds band by band and the
        signatures of the articles in them."""
        signatures: dict[str, ArticleSig] = {}
        return group_candidates(self._buckets(threshold, signatures), signatures, threshold)

    def _buckets(self, threshold: float,
                 signatures: dict[str, ArticleSig]) -> Iterator[list[str]]:
        """The candidate buckets, one band at a time; before a band's buckets are handed on,
        the signatures of their articles not read yet are added to `signatures`."""
        for start, end in bands(threshold):
            params = {"start": start, "end": end, "num_perm": NUM_PERM}
            buckets = [row["ids"] for row in
                       self._rows(cypher.read_query("article-band-buckets"), params)]
            unread = sorted({aid for ids in buckets for aid in ids} - signatures.keys())
            for chunk in chunks(unread, SIGNATURE_CHUNK):
                for r in self._rows(cypher.read_query("article-signatures-of"), {"ids": chunk}):
                    # an array of machine integers: a fifth of the memory of a list of ints
                    minhash = array("q", r["minhash"])
                    signatures[r["id"]] = ArticleSig(r["id"], r["date"], minhash)
            yield from buckets

    def _relink(self, dups: dict[str, Duplicate], result: SourcesResult) -> None:
        """Walks the articles page by page: links each to its original where that changed and
        forgets the `sources` its evidence took part in."""
        after = ""
        while page := self._rows(cypher.read_query("article-originals-page"),
                                 {"after": after, "limit": WRITE_CHUNK}):
            after = page[-1]["id"]
            result.articles += len(page)
            changes = []
            for r in page:
                dup = dups.get(r["id"])
                original = dup.original if dup else r["id"]
                if r["original"] != original:
                    sim = dup.similarity if dup else None
                    changes.append({"id": r["id"], "original": original, "similarity": sim})
            if changes:
                result.relinked += sum(1 for c in changes if c["original"] != c["id"])
                self._rows(cypher.write_query("duplicates"), {"rows": changes}, write=True)
                self._rows(cypher.write_query("sources-forget"),
                           {"ids": [c["id"] for c in changes]}, write=True)

    def _count_sources(self, keys: list[str]) -> None:
        self._rows(cypher.write_query("sources-count"), {"keys": keys}, write=True)
