"""The scoring rule of docs/graph-model.md, on small hand-made predictions."""

from __future__ import annotations

from graph.evaluate import score_one
from graph.model import Entity, Extraction, Relation
from graph.resolve import Resolver

GOLD = {
    "entities": [
        {"label": "Platform", "name": "根云", "aliases": ["树根互联根云"]},
        {"label": "Company", "name": "三一重工", "aliases": []},
        {"label": "City", "name": "长沙市", "aliases": ["长沙"]},
    ],
    "relations": [
        {"type": "SIGNED_WITH", "head": "根云", "tail": "三一重工", "evidence": "…"},
        {"type": "LOCATED_IN", "head": "三一重工", "tail": "长沙市", "evidence": "…"},
    ],
}


def _rel(t: str, h: str, hl: str, tl_name: str, tl: str) -> dict:
    return {"type": t, "head": h, "head_label": hl, "tail": tl_name, "tail_label": tl}


def test_entities_match_through_any_alias_and_label_must_agree() -> None:
    pred = {
        "entities": [
            {"label": "Platform", "name": "树根互联根云", "aliases": []},  # alias of gold
            {"label": "Company", "name": "长沙", "aliases": []},  # right string, wrong label
        ],
        "relations": [],
    }
    s = score_one(pred, GOLD)
    assert s.entities["Platform"].pred_ok == 1 and s.entities["Platform"].gold_ok == 1
    assert s.entities["Company"].pred_ok == 0
    assert s.entities["City"].gold_ok == 0
    assert s.entity_micro.precision == 0.5
    assert round(s.entity_micro.recall, 3) == round(1 / 3, 3)


def test_relations_match_ends_by_alias_sets_and_symmetric_order() -> None:
    pred = {
        "entities": [
            {"label": "Platform", "name": "树根互联根云", "aliases": []},
            {"label": "Company", "name": "三一重工", "aliases": []},
            {"label": "City", "name": "长沙", "aliases": []},
        ],
        "relations": [
            _rel("SIGNED_WITH", "三一重工", "Company", "树根互联根云", "Platform"),  # reversed
            _rel("LOCATED_IN", "长沙", "City", "三一重工", "Company"),  # reversed: not symmetric
            _rel("PART_OF", "长沙", "City", "湖南省", "City"),  # not scored
        ],
    }
    s = score_one(pred, GOLD)
    assert s.relations["SIGNED_WITH"].pred_ok == 1
    assert s.relations["LOCATED_IN"].pred_ok == 0 and s.relations["LOCATED_IN"].gold_ok == 0
    assert "PART_OF" not in s.relations
    assert s.relation_micro.f1 == 0.5


def test_resolver_merges_on_unique_alias_and_never_on_a_shared_short_name() -> None:
    def ex(*entities: Entity, relations: tuple[Relation, ...] = ()) -> Extraction:
        from graph.model import Article

        return Extraction(Article(id="a", title="", text=""), entities, relations)

    r = Resolver()
    r.add(ex(Entity("Company", "万达集团", ("万达",))))
    r.add(ex(Entity("Company", "万达电影", ("万达",))))  # 万达 is now ambiguous
    third = r.add(ex(Entity("Company", "万达", ())))
    assert third.entities[0].name == "万达"  # not merged into either
    r.add(ex(Entity("Platform", "根云", ("根云平台",))))
    again = r.add(ex(Entity("Platform", "根云平台", ())))
    assert again.entities[0].name == "根云"
    names = {(e.label, e.name) for e in r.entities()}
    assert ("Platform", "根云平台") not in names
