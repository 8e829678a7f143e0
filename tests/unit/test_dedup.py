"""Near-duplicate articles (MinHash/LSH over character shingles) and outlets. Invented text."""

from __future__ import annotations

from support.invented_text import changed, invented_text

from graph.dedup import ArticleSig, duplicate_groups, outlet, signature, similarity


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
