"""Resolution decisions applied to the stored graph (`iikg resolve apply`), and the entity
table `iikg resolve candidates` compares.

Every entity a decision moves goes to its final (label, name) with its MENTIONS (counts added,
its name kept as an alias), its relationships (re-keyed, merged into the ones that already join
the same ends, totals recomputed from the evidence) and its Evidence nodes (new key and end
names); an ignored entity is deleted with its relationships and their evidence. A relationship
that would join an entity to itself, or whose ends no longer fit the schema, is deleted with its
evidence. Names kept apart lose each other as aliases. All of one file is one transaction; an
entity already where the decisions put it is left alone, so applying a file twice changes
nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import neo4j

import cypher
from graph.batch import RESERVED_ENTITY_KEYS, relation_key
from graph.model import SCHEMA, canonical_ends
from graph.neo4j.base import GraphBase
from loaders.extract.decisions import Decisions


@dataclass
class ResolveResult:
    moved: int = 0  # entities merged, renamed or relabelled
    ignored: int = 0  # entities deleted
    relationships_moved: int = 0
    relationships_dropped: int = 0
    aliases_removed: int = 0  # entities that lost an alias kept apart

    @property
    def changed(self) -> bool:
        return any(vars(self).values())

    def line(self) -> str:
        return (f"entities: {self.moved} merged, renamed or relabelled, {self.ignored} ignored "
                f"(deleted); relationships: {self.relationships_moved} moved, "
                f"{self.relationships_dropped} dropped; {self.aliases_removed} entities lost an "
                "alias kept apart")


def _q(name: str, **names: str) -> str:
    return cypher.query("write", name, **names)


def _move(tx: neo4j.ManagedTransaction, src: tuple[str, str], dest: tuple[str, str],
          props: dict[str, Any], result: ResolveResult) -> None:
    (label, name), (to_label, target) = src, dest
    rels = tx.run(cypher.query("read", "resolve-relationships", LABEL=label), name=name).data()
    extra = {k: v for k, v in props.items() if k not in RESERVED_ENTITY_KEYS}
    tx.run(_q("resolve-target", TAIL=to_label), target=target,
           props=extra if to_label == label else {}).consume()
    tx.run(_q("resolve-mentions", HEAD=label, TAIL=to_label), name=name, target=target).consume()
    dropped: list[str] = []
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for r in rels:
        other = (r["other_label"], r["other"])
        head, tail = (dest, other) if r["out"] else (other, dest)
        rtype = r["type"]
        if head == tail or not SCHEMA[rtype].allows(head[0], tail[0]):
            dropped.append(r["key"])
            continue
        head, tail = canonical_ends(rtype, head, tail)
        key = relation_key(rtype, head[0], head[1], tail[0], tail[1])
        groups.setdefault((rtype, head[0], tail[0]), []).append(
            {"head": head[1], "tail": tail[1], "key": key, "old": r["key"]})
    tx.run(_q("resolve-drop-evidence"), keys=dropped).consume()
    for (rtype, hl, tl), rows in sorted(groups.items()):
        tx.run(_q("resolve-evidence"), rows=rows).consume()
        tx.run(_q("resolve-relationship", TYPE=rtype, HEAD=hl, TAIL=tl), rows=rows).consume()
    tx.run(_q("resolve-delete", LABEL=label), name=name).consume()
    for (rtype, hl, tl), rows in sorted(groups.items()):
        ends = [{"head": r["head"], "tail": r["tail"]} for r in rows]
        tx.run(_q("refresh-relationships", TYPE=rtype, HEAD=hl, TAIL=tl), rows=ends).consume()
    tx.run(_q("refresh-entities", LABEL=to_label), names=[target]).consume()
    result.moved += 1
    result.relationships_moved += sum(len(rows) for rows in groups.values())
    result.relationships_dropped += len(dropped)


def _apply_tx(tx: neo4j.ManagedTransaction, decisions: Decisions) -> ResolveResult:
    result = ResolveResult()
    pairs = [{"name": a, "alias": b} for pair in sorted(decisions.apart, key=sorted)
             for a, b in (sorted(pair), sorted(pair)[::-1])]
    if pairs:
        rec = tx.run(_q("resolve-keep-apart"), pairs=pairs).single()
        result.aliases_removed = rec["entities"] if rec else 0
    names = sorted({name for _, name in [*decisions.moves, *decisions.ignored]})
    for node in tx.run(cypher.query("read", "resolve-nodes"), names=names).data():
        src = (node["label"], node["name"])
        dest = decisions.resolve(*src)
        if dest == src:
            continue
        if dest is None:
            rels = tx.run(cypher.query("read", "resolve-relationships", LABEL=src[0]),
                          name=src[1]).data()
            tx.run(_q("resolve-drop-evidence"), keys=[r["key"] for r in rels]).consume()
            tx.run(_q("resolve-delete", LABEL=src[0]), name=src[1]).consume()
            result.ignored += 1
            result.relationships_dropped += len(rels)
        else:
            _move(tx, src, dest, node["props"], result)
    return result


class ResolutionOps(GraphBase):
    def apply_decisions(self, decisions: Decisions) -> ResolveResult:
        """Apply a decisions file to the stored graph, in one transaction (see the module).
        The `sources` of the relationships it moved are counted by `refresh_sources` after."""
        self.ensure_schema()
        with self.session() as session:
            return session.execute_write(_apply_tx, decisions)

    def entity_table(self) -> list[dict[str, Any]]:
        """Every entity: label, name, aliases, mentions and neighbours (`Label:name`)."""
        return self.read("resolve-entities")
