"""Near-duplicate articles and the outlets that publish them (pure Python; no Neo4j here).

A story syndicated to ten sites is one piece of reporting, not ten. Each article gets a MinHash
signature of its character shingles (``signature``, stored on the Article node as ``minhash``
at ingest) and an outlet (``outlet``: the ``source`` the loaders read, else the host of its URL,
looking through web-archive addresses). ``duplicate_groups`` finds the articles whose estimated
Jaccard similarity reaches the threshold, through locality-sensitive hashing (articles that
agree on a band of their signatures are candidates, each candidate pair is checked), and groups
them; the first article of a group (earliest date, then smallest id) is
its original, the others are linked ``DUPLICATE_OF`` it. A relationship's ``sources`` is then
the number of distinct outlets among its non-duplicate articles (graph/neo4j/sources.py).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from datasketch import MinHash

# numpy and datasketch (which imports scipy: a second of start-up) are imported on first use,
# so a command that signs or groups nothing (a re-ingest with nothing new) never loads them.

NUM_PERM = 128
SHINGLE = 5  # characters per shingle (Chinese text: about two words)
SEED = 1
SCHEME = "affine32"  # datasketch 2 permutation scheme; stored signatures depend on it
THRESHOLD = 0.8  # estimated Jaccard similarity from which two articles are duplicates
LSH_MARGIN = 0.2  # the LSH index looks for candidates this far below the threshold

_SPACE = re.compile(r"\s+")
_ARCHIVED = re.compile(r"^https?://web\.archive\.org/web/[^/]+/(?P<url>.+)$", re.IGNORECASE)


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """The k-character shingles of the text, white space removed."""
    flat = _SPACE.sub("", text)
    if len(flat) <= k:
        return {flat} if flat else set()
    return {flat[i : i + k] for i in range(len(flat) - k + 1)}


@cache
def _permutations() -> tuple:
    """The permutations depend only on NUM_PERM, SEED and SCHEME: drawn once, shared by every
    MinHash (drawing them costs more than signing a short article)."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def _minhash(hashvalues: Sequence[int] | None = None) -> MinHash:
    import numpy as np
    from datasketch import MinHash

    values = None if hashvalues is None else np.asarray(hashvalues, dtype=np.uint64)
    # crc32: a stable 32-bit hash of each shingle, several times faster than sha1
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashfunc=zlib.crc32,
                   hashvalues=values, permutations=_permutations())


def signature(text: str) -> list[int]:
    """The MinHash signature of the text's shingles (NUM_PERM integers)."""
    m = _minhash()
    m.update_batch([s.encode("utf-8") for s in shingles(text)])
    return [int(v) for v in m.hashvalues]


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two signatures."""
    import numpy as np

    return float(np.mean(np.asarray(a, dtype=np.uint64) == np.asarray(b, dtype=np.uint64)))


def outlet(source: str | None, url: str | None) -> str | None:
    """Who published the article: its source, else the host of its URL (www. dropped)."""
    if source and source.strip():
        return source.strip()
    if not url:
        return None
    archived = _ARCHIVED.match(url)
    if archived:
        inner = archived["url"]
        url = inner if "://" in inner else "http://" + inner
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


@dataclass(frozen=True)
class ArticleSig:
    id: str
    date: str | None
    minhash: Sequence[int] | None


@dataclass(frozen=True)
class Duplicate:
    id: str
    original: str
    similarity: float


@cache
def bands(threshold: float = THRESHOLD) -> tuple[tuple[int, int], ...]:
    """The LSH index's bands for `threshold`: (start, end) slices of a signature. Two articles
    whose signatures agree on every value of some band are candidate duplicates. The numbers of
    bands and rows are datasketch's MinHashLSH choice for the threshold less LSH_MARGIN (tuned
    below it, so a pair just above the threshold is rarely missed)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=max(threshold - LSH_MARGIN, 0.1), num_perm=NUM_PERM)
    return tuple((i * lsh.r, (i + 1) * lsh.r) for i in range(lsh.b))


def has_signature(article: ArticleSig) -> bool:
    return article.minhash is not None and len(article.minhash) == NUM_PERM


def band_buckets(articles: Iterable[ArticleSig],
                 threshold: float = THRESHOLD) -> Iterator[list[str]]:
    """The ids of the articles that share a band, bucket by bucket (buckets of one left out):
    what the store computes server-side (read/article-band-buckets) for graph.neo4j.sources."""
    sigs = [a for a in articles if has_signature(a)]
    for start, end in bands(threshold):
        buckets: dict[tuple[int, ...], list[str]] = {}
        for a in sigs:
            buckets.setdefault(tuple(a.minhash[start:end]), []).append(a.id)
        yield from (ids for ids in buckets.values() if len(ids) > 1)


def _jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    """The share of equal values: MinHash.jaccard's estimate, to the same float."""
    return sum(map(int.__eq__, a, b)) / NUM_PERM


def group_candidates(buckets: Iterable[Sequence[str]], signatures: dict[str, ArticleSig],
                     threshold: float = THRESHOLD) -> dict[str, Duplicate]:
    """Article id → Duplicate for every article of a candidate bucket that is a near-duplicate
    of an earlier one: every pair in a bucket whose similarity reaches the threshold is joined,
    the groups are the connected sets (`signatures`: those of the articles in the buckets)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for ids in buckets:
        for i, aid in enumerate(ids):
            for other in ids[i + 1:]:
                ra, rb = find(aid), find(other)
                # a pair already joined needs no check: the groups are the same either way
                if ra != rb and _jaccard(signatures[aid].minhash,
                                         signatures[other].minhash) >= threshold:
                    parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for aid in parent:
        groups.setdefault(find(aid), []).append(aid)
    out: dict[str, Duplicate] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        first = min(members, key=lambda i: (signatures[i].date or "9999", i))
        for aid in members:
            if aid != first:
                sim = _jaccard(signatures[aid].minhash, signatures[first].minhash)
                out[aid] = Duplicate(aid, first, round(sim, 3))
    return out


def duplicate_groups(articles: Iterable[ArticleSig], threshold: float = THRESHOLD) -> dict:
    """Article id → Duplicate (its original and their similarity) for every article that is a
    near-duplicate of an earlier one; articles without a signature are nobody's duplicate."""
    sigs = {a.id: a for a in articles if has_signature(a)}
    return group_candidates(band_buckets(sigs.values(), threshold), sigs, threshold)
