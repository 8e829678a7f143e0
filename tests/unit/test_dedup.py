"""Near-duplicate articles (MinHash/LSH over character shingles) and outlets. Invented text."""

from __future__ import annotations

from support.invented_text import changed, invented_text

from graph.dedup import (
    ArticleSig,
    band_buckets,
    bands,
    duplicate_groups,
    outlet,
    signature,
    similarity,
)


def test_a_few_characters_changed_is_a_near_duplicate() -> None:
    text = invented_text(1)
    assert similarity(signature(text), signature(changed(text, 5))) >= 0.8
    assert similarity(signature(text), signature(invented_text(2))) < 0.3
    assert signature(text) == signature(text.replace("。", "。\n"))  # white space is ignored


def test_groups_link_duplicates_to_the_earliest_article() -> None:
    base = invented_text(3)
    sigs = [
        ArticleSig("b", "2022-05-02", signature(changed(base, 4))),
        ArticleSig("a", "2022-05-01", signature(base)),
        ArticleSig("c", None, signature(changed(base, 6, seed=1))),
        ArticleSig("d", "2022-04-01", signature(invented_text(4))),
        ArticleSig("e", "2022-01-01", None),  # no signature: never a duplicate
    ]
    dups = duplicate_groups(sigs)
    assert {k: v.original for k, v in dups.items()} == {"b": "a", "c": "a"}
    assert all(0.8 <= d.similarity <= 1 for d in dups.values())


def test_the_outlet_is_the_source_else_the_host() -> None:
    assert outlet("青岛日报", "https://example.com/x") == "青岛日报"
    assert outlet(None, "https://www.example.com/news/1.html") == "example.com"
    archived = "https://web.archive.org/web/20200809204400/https://www.example.org/article/1"
    assert outlet(None, archived) == "example.org"
    assert outlet(" ", None) is None


def _lsh_groups(sigs: list[ArticleSig]) -> dict:
    """The groups as datasketch's MinHashLSH index finds them: the reference for the bands."""
    from datasketch import MinHash, MinHashLSH

    from graph.dedup import LSH_MARGIN, NUM_PERM, SCHEME, THRESHOLD

    lsh = MinHashLSH(threshold=THRESHOLD - LSH_MARGIN, num_perm=NUM_PERM)
    hashes = {a.id: MinHash(num_perm=NUM_PERM, hashvalues=a.minhash, scheme=SCHEME)
              for a in sigs}
    for aid, m in hashes.items():
        lsh.insert(aid, m)
    pairs = {(aid, other) for aid, m in hashes.items() for other in lsh.query(m)
             if other != aid and m.jaccard(hashes[other]) >= THRESHOLD}
    joined = {aid: {aid} for aid in hashes}
    for a, b in pairs:
        group = joined[a] | joined[b]
        for member in group:
            joined[member] = group
    by_id = {a.id: a for a in sigs}
    out = {}
    for group in {frozenset(g) for g in joined.values() if len(g) > 1}:
        first = min(group, key=lambda i: (by_id[i].date or "9999", i))
        out |= {aid: (first, round(float(hashes[aid].jaccard(hashes[first])), 3))
                for aid in group if aid != first}
    return out


def test_band_groups_are_the_lsh_index_groups() -> None:
    """Stories copied with more or fewer characters changed, some chains of copies: the groups
    found by bands (what the store computes) are those of datasketch's index."""
    sigs = []
    for story in range(12):
        text = invented_text(100 + story, sentences=12)
        sigs.append(ArticleSig(f"s{story}", f"2022-01-{story + 1:02d}", signature(text)))
        for copy in range(story % 4):
            text = changed(text, 3 + 6 * copy, seed=copy)  # each copy drifts further away
            sigs.append(ArticleSig(f"s{story}c{copy}", None, signature(text)))
    expected = _lsh_groups(sigs)
    assert len(expected) >= 8  # the corpus has near-duplicates, and some copies drift too far
    found = duplicate_groups(sigs)
    assert {k: (v.original, v.similarity) for k, v in found.items()} == expected


def test_buckets_hold_the_articles_that_agree_on_a_band() -> None:
    same = signature(invented_text(7))
    other = signature(invented_text(8))
    half = same[:64] + other[64:]  # agrees with `same` on the first bands only
    sigs = [ArticleSig("a", None, same), ArticleSig("b", None, half),
            ArticleSig("c", None, other), ArticleSig("d", None, same[:10])]
    buckets = list(band_buckets(sigs))
    assert buckets and all(sorted(b) in (["a", "b"], ["b", "c"]) for b in buckets)
    assert sum(1 for b in buckets if sorted(b) == ["a", "b"]) == 64 // bands()[0][1]
