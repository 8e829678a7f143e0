"""Taking articles back out of the graph (`iikg remove`).

Removing articles deletes their Evidence nodes and recomputes the totals of the relationships
those supported (deleting a relationship left with no evidence), deletes the Article nodes with
their MENTIONS, then recomputes the totals of every entity they mentioned (deleting an entity
left with no mention and no relationship): the same statements an ingest runs for an article
whose file changed (cypher/README.md), so the graph is the one a fresh ingest of the remaining
articles gives. One transaction; a dry run rolls it back and reports what it would have done.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import cypher
from graph.batch import relation_key
from graph.model import ENTITY_LABELS
from graph.neo4j.base import chunks
from graph.neo4j.schema import SchemaOps


@dataclass
class Removal:
    """What a removal did (or, in a dry run, would do)."""

    articles: list[dict[str, Any]]
    evidence: int = 0
    relationships_updated: int = 0
    relationships_deleted: list[str] = field(default_factory=list)
    entities_updated: int = 0
    entities_deleted: list[str] = field(default_factory=list)
    dry_run: bool = False

    def lines(self, show: int = 20) -> list[str]:
        verb = "would remove" if self.dry_run else "removed"
        out = [f"{verb} {len(self.articles)} article(s):"]
        for art in self.articles[:show]:
            out.append(f"  {art['id']}  {art.get('date') or '-'}  {art.get('title') or ''}  "
                       f"({art.get('path') or '?'})")
        if len(self.articles) > show:
            out.append(f"  … and {len(self.articles) - show} more")
        out.append(f"evidence sentences deleted: {self.evidence}")
        out.append(f"relationships: {self.relationships_updated} recomputed, "
                   f"{len(self.relationships_deleted)} deleted (no evidence left)")
        out += [f"  - {r}" for r in self.relationships_deleted[:show]]
        out.append(f"entities: {self.entities_updated} recomputed, "
                   f"{len(self.entities_deleted)} deleted (nothing left)")
        out += [f"  - {e}" for e in self.entities_deleted[:show]]
        if self.dry_run:
            out.append("dry run: nothing was changed")
        return out


def _run(tx: Any, folder: str, name: str, **params: Any) -> list[dict[str, Any]]:
    return [record.data() for record in tx.run(cypher.query(folder, name), **params)]


def _remove_tx(tx: Any, articles: list[dict[str, Any]], dry_run: bool) -> Removal:
    ids = [a["id"] for a in articles]
    removal = Removal(articles, evidence=sum(a["evidence"] for a in articles), dry_run=dry_run)
    supported = _run(tx, "write", "drop-evidence", ids=ids)
    groups: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for rec in supported:
        key = (rec["type"], rec["head_label"], rec["tail_label"])
        groups.setdefault(key, []).append({"head": rec["head"], "tail": rec["tail"]})
    for (rtype, head, tail), rows in sorted(groups.items()):
        query = cypher.query("write", "refresh-relationships", TYPE=rtype, HEAD=head, TAIL=tail)
        for chunk in chunks(rows):
            tx.run(query, rows=chunk).consume()
    tx.run(cypher.query("write", "drop-quantities"), ids=ids).consume()
    mentioned = [r for r in _run(tx, "write", "drop-articles", ids=ids)
                 if r["label"] in ENTITY_LABELS]
    by_label: dict[str, list[str]] = {}
    for rec in sorted(mentioned, key=lambda r: (r["label"], r["name"])):
        by_label.setdefault(rec["label"], []).append(rec["name"])
    for label, names in by_label.items():
        query = cypher.query("write", "refresh-entities", LABEL=label)
        for chunk in chunks(names):
            tx.run(query, names=chunk).consume()

    rels = [{"head": r["head"], "tail": r["tail"], "type": r["type"],
             "key": relation_key(r["type"], r["head_label"], r["head"], r["tail_label"],
                                 r["tail"])} for r in supported]
    kept = {r["key"] for r in _run(tx, "read", "relationships-exist", rows=rels)}
    gone = sorted(f"{r['head']} -[{r['type']}]-> {r['tail']}" for r in rels
                  if r["key"] not in kept)
    removal.relationships_deleted = gone
    removal.relationships_updated = len(rels) - len(gone)
    ents = [{"label": r["label"], "name": r["name"]} for r in mentioned]
    alive = {(r["label"], r["name"]) for r in _run(tx, "read", "entities-exist", rows=ents)}
    removal.entities_deleted = sorted(f"{e['label']} {e['name']}" for e in ents
                                      if (e["label"], e["name"]) not in alive)
    removal.entities_updated = len(ents) - len(removal.entities_deleted)
    return removal


class RetractOps(SchemaOps):
    def select_articles(self, keys: list[str] | None, source: str | None = None,
                        before: str | None = None) -> list[dict[str, Any]]:
        """The articles with one of these ids or paths (None: all), narrowed by source and by
        a publication date before `before`."""
        return self.read("articles-select", {"keys": keys, "source": source, "before": before})

    def remove_articles(self, articles: list[dict[str, Any]], *, dry_run: bool = False) -> Removal:
        """Remove these articles (rows of select_articles) in one transaction; a dry run rolls
        it back."""
        self.ensure_schema()
        with self.session() as session:
            if not dry_run:
                return session.execute_write(_remove_tx, articles, False)
            tx = session.begin_transaction()
            try:
                return _remove_tx(tx, articles, True)
            finally:
                tx.rollback()
