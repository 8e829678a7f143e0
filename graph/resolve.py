"""Cross-article resolution: the entities of many extractions folded into one set of nodes.

Nodes merge on their canonical name or on an alias that points to exactly one node, never on a
short form shared by two different things. In-article resolution (mentions → entities) is
`loaders.extract.resolve`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from graph.model import Entity, Extraction, Relation


class Resolver:
    """Merges the entities of many extractions into one set of nodes.

    A node is identified by (label, canonical name). An incoming entity joins an existing node
    when its name equals that node's name, or when its name or one of its aliases is an alias
    of exactly one node of the same label. An alias claimed by two different nodes becomes
    ambiguous and is never used to merge again (two companies both called 万达).
    """

    def __init__(self) -> None:
        self.nodes: dict[tuple[str, str], Entity] = {}
        self._alias: dict[tuple[str, str], str] = {}
        self._ambiguous: set[tuple[str, str]] = set()

    def _target(self, entity: Entity) -> str:
        if (entity.label, entity.name) in self.nodes:
            return entity.name
        # Its name is another node's alias, or another node's name is one of its aliases. Two
        # aliases alone never merge: 万达 may be short for two different companies.
        hits = set()
        key = (entity.label, entity.name)
        if key not in self._ambiguous and key in self._alias:
            hits.add(self._alias[key])
        for form in entity.aliases:
            if (entity.label, form) in self.nodes:
                hits.add(form)
        if entity.label == "City" or len(hits) != 1:
            return entity.name
        return hits.pop()

    def _register(self, label: str, name: str, forms: Iterable[str]) -> None:
        for form in forms:
            key = (label, form)
            if key in self._ambiguous:
                continue
            current = self._alias.get(key)
            if current is None:
                self._alias[key] = name
            elif current != name:
                del self._alias[key]
                self._ambiguous.add(key)

    def add(self, extraction: Extraction) -> Extraction:
        """Fold one extraction into the node set; return it with names mapped to the nodes."""
        rename: dict[tuple[str, str], str] = {}
        entities = []
        for e in extraction.entities:
            target = self._target(e)
            rename[(e.label, e.name)] = target
            node = self.nodes.get((e.label, target))
            forms = {e.name, *e.aliases} - {target}
            if node is None:
                node = Entity(e.label, target, tuple(sorted(forms)), e.mentions, dict(e.properties))
            else:
                merged = set(node.aliases) | forms
                merged.discard(target)
                node = replace(
                    node, aliases=tuple(sorted(merged)), mentions=node.mentions + e.mentions
                )
            self.nodes[(e.label, target)] = node
            self._register(e.label, target, {target, *forms})
            entities.append(replace(e, name=target))
        relations: list[Relation] = [
            replace(
                r,
                head=rename.get((r.head_label, r.head), r.head),
                tail=rename.get((r.tail_label, r.tail), r.tail),
            )
            for r in extraction.relations
        ]
        return Extraction(extraction.article, tuple(entities), tuple(relations),
                          extraction.quantities)

    def entities(self) -> list[Entity]:
        return sorted(self.nodes.values(), key=lambda e: (e.label, e.name))
