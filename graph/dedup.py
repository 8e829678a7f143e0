"""Near-duplicate articles and the outlets that publish them (pure Python; no Neo4j here).

A story syndicated to ten sites is one piece of reporting, not ten. Each article gets a MinHash
signature of its character shingles (``signature``, stored on the Article node as ``minhash``
at ingest) and an outlet (``outlet``: the ``source`` the loaders read, else the host of its URL,
looking through web-archive addresses). ``duplicate_groups`` finds the articles whose estimated
Jaccard similarity reaches the threshold, through locality-sensitive hashing (datasketch
MinHashLSH), and groups them; the first article of a group (earliest date, then smallest id) is
its original, the others are linked ``DUPLICATE_OF`` it. A relationship's ``sources`` is then
the number of distinct outlets among its non-duplicate articles (graph/neo4j/sources.py).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
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


def duplicate_groups(articles: Iterable[ArticleSig], threshold: float = THRESHOLD) -> dict:
    """Article id → Duplicate (its original and their similarity) for every article that is a
    near-duplicate of an earlier one; articles without a signature are nobody's duplicate."""
    from datasketch import MinHashLSH

    sigs = {a.id: a for a in articles if a.minhash is not None and len(a.minhash) == NUM_PERM}
    # The index's bands are tuned below the threshold, so a pair just above it is rarely missed;
    # every candidate pair is then checked against the threshold itself.
    lsh = MinHashLSH(threshold=max(threshold - LSH_MARGIN, 0.1), num_perm=NUM_PERM)
    hashes: dict[str, MinHash] = {}
    for aid in sorted(sigs):
        m = _minhash(sigs[aid].minhash)
        hashes[aid] = m
        lsh.insert(aid, m)
    parent = {aid: aid for aid in sigs}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for aid, m in hashes.items():
        for other in lsh.query(m):
            if other != aid and m.jaccard(hashes[other]) >= threshold:
                ra, rb = find(aid), find(other)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for aid in sigs:
        groups.setdefault(find(aid), []).append(aid)
    out: dict[str, Duplicate] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        first = min(members, key=lambda i: (sigs[i].date or "9999", i))
        for aid in members:
            if aid != first:
                sim = hashes[aid].jaccard(hashes[first])
                out[aid] = Duplicate(aid, first, round(float(sim), 3))
    return out
