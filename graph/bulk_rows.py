"""Prepared articles → the nodes and relationships of a bulk load, exactly as the Cypher writes
would leave them (pure Python; the files are graph.bulk_csv's).

Each article goes through graph.batch.group, the rows the incremental writes send to
cypher/write/*.cypher, and is folded here the way those statements fold it:

- Article (`articles`, then `article-paths`): its props and the run's `ingested_at`; a copy of
  its text under another path (a Claim) adds to its sorted `paths`;
- MENTIONS (`mentions`), Evidence with HAS_EVIDENCE (`evidence-create`, `ingested_at`),
  Quantity with HAS_QUANTITY and QUANTIFIES (`quantity-create`, one node per key): written as
  they come;
- entities (`entity-merge`, `entity-aliases`): the first article's props, then mentions
  added, first/last seen widened, extra properties (City level) overwritten, aliases the
  sorted union;
- entity relationships (`relationship-merge`): count added, dates widened, the highest
  confidence; a WORKS_FOR takes the title of its latest evidence that has one
  (`refresh-relationships`: evidence ordered by date, article, start, end, method).

Articles wait in a JSON Lines file until every path is known; entities and relationships are
held in memory (their number grows with the distinct names, not with the articles).
"""

from __future__ import annotations

import json
from typing import Any

from graph.batch import PreparedArticle, group, merged_aliases
from graph.bulk_csv import AdminFiles
from graph.incremental import Claim
from graph.model import (
    ARTICLE_LABEL,
    EVIDENCE_LABEL,
    HAS_EVIDENCE,
    HAS_QUANTITY,
    MENTIONS,
    QUANTIFIES,
    QUANTITY_LABEL,
)

ARTICLES_FILE = "articles.pending.jsonl"
ENTITY = "Entity"  # the label every entity node also carries (entity-merge)
_MENTION_LISTS = frozenset({"aliases"})  # set to [] after the import when empty


def _min(a: str | None, b: str | None) -> str | None:
    return b if a is None or (b is not None and b < a) else a


def _max(a: str | None, b: str | None) -> str | None:
    return b if a is None or (b is not None and b > a) else a


def _evidence_order(ev: dict[str, Any]) -> tuple:
    """The order refresh-relationships reads a relationship's evidence in."""
    return (ev.get("date") or "", ev["article"], ev["start"], ev["end"], ev["method"])


class BulkRows:
    """Folds prepared articles into `files` (graph.bulk_csv.AdminFiles)."""

    def __init__(self, files: AdminFiles, ingested_at: str) -> None:
        self.files = files
        self.ingested_at = ingested_at
        self.entities: dict[tuple[str, str], dict[str, Any]] = {}
        # (type, head label, head, tail label, tail) → relationship properties
        self.relations: dict[tuple[str, str, str, str, str], dict[str, Any]] = {}
        self.titles: dict[str, tuple[tuple, str]] = {}  # WORKS_FOR key → (order, title)
        self.articles: set[str] = set()
        self.claims: dict[str, set[str]] = {}
        # article id → its files' keys ("<file key>:<content hash>", graph.incremental), as the
        # Cypher path stamps them: a re-ingest on top of the bulk load loads none of its files
        self.file_keys: dict[str, set[str]] = {}
        self.evidence = 0
        self._pending = open(files.directory / ARTICLES_FILE, "w", encoding="utf-8")  # noqa: SIM115

    def add(self, item: PreparedArticle | Claim) -> None:
        """One article (or a copy of an article's text under another path) of the run."""
        if isinstance(item, Claim):
            if item.id in self.articles and item.path:
                self.claims.setdefault(item.id, set()).add(item.path)
                self._key(item.id, item.file_key)
            return
        if item.id in self.articles:  # a second copy of a text is a Claim, never written
            if item.path:
                self.claims.setdefault(item.id, set()).add(item.path)
                self._key(item.id, item.file_key)
            return
        self.articles.add(item.id)
        self._key(item.id, item.file_key)
        batch = group([item])
        for row in batch.articles:
            self._pending.write(json.dumps(row, ensure_ascii=False) + "\n")
        for label, rows in batch.entities.items():
            for row in rows:
                self._entity(label, row)
        for label, rows in batch.mentions.items():
            for row in rows:
                props = {"count": row["count"], "aliases": row["aliases"]}
                self.files.relationship(MENTIONS, (ARTICLE_LABEL, row["article"]),
                                        (label, row["name"]), props, _MENTION_LISTS)
        for (rtype, head_label, tail_label), rows in batch.relations.items():
            for row in rows:
                self._relation((rtype, head_label, row["head"], tail_label, row["tail"]), row)
        for ev in batch.evidence:
            self._evidence(ev)
        self._quantities(item.id, batch.quantities)

    def _entity(self, label: str, row: dict[str, Any]) -> None:
        """entity-merge: ON CREATE the row's props, ON MATCH the batch's totals added."""
        key = (label, row["name"])
        stored = self.entities.get(key)
        props = row["props"]
        if stored is None:
            self.entities[key] = {k: v for k, v in props.items() if v is not None}
            return
        stored.update(row["extra"])
        stored["mentions"] = stored.get("mentions", 0) + props["mentions"]
        for name, pick in (("first_seen", _min), ("last_seen", _max)):
            value = pick(stored.get(name), props[name])
            if value is not None:
                stored[name] = value
        stored["aliases"] = merged_aliases(stored.get("aliases"), props["aliases"], row["name"])

    def _relation(self, key: tuple[str, str, str, str, str], row: dict[str, Any]) -> None:
        """relationship-merge: ON CREATE the batch's totals, ON MATCH added and widened."""
        stored = self.relations.get(key)
        if stored is None:
            self.relations[key] = {
                k: v for k, v in (("key", row["key"]), ("evidence_count", row["count"]),
                                  ("first_seen", row["first_seen"]),
                                  ("last_seen", row["last_seen"]),
                                  ("confidence", row["confidence"])) if v is not None}
            return
        stored["evidence_count"] += row["count"]
        for name, pick in (("first_seen", _min), ("last_seen", _max)):
            value = pick(stored.get(name), row[name])
            if value is not None:
                stored[name] = value
        if row["confidence"] > stored["confidence"]:
            stored["confidence"] = row["confidence"]

    def _evidence(self, ev: dict[str, Any]) -> None:
        """evidence-create: one node per sentence, linked from its article."""
        node = self.files.node((EVIDENCE_LABEL,), EVIDENCE_LABEL, None, None,
                               {**ev, "ingested_at": self.ingested_at})
        self.files.relationship(HAS_EVIDENCE, (ARTICLE_LABEL, ev["article"]),
                                (EVIDENCE_LABEL, node), {})
        self.evidence += 1
        if ev["type"] == "WORKS_FOR" and ev.get("title"):
            order = _evidence_order(ev)
            best = self.titles.get(ev["rel"])
            if best is None or order > best[0]:
                self.titles[ev["rel"]] = (order, ev["title"])

    def _quantities(self, article: str, rows: list[dict[str, Any]]) -> None:
        """quantity-create: one node per key (the last row's props), linked from the article
        and to each entity it describes, once."""
        merged: dict[str, tuple[dict[str, Any], list[tuple[str, str]]]] = {}
        for row in rows:
            key = row["props"]["key"]
            links = merged[key][1] if key in merged else []
            for link in row["links"]:
                end = (link["label"], link["name"])
                if end not in links and end in self.entities:
                    links.append(end)
            merged[key] = (row["props"], links)
        for key, (props, links) in merged.items():
            self.files.node((QUANTITY_LABEL,), QUANTITY_LABEL, "key", key, props)
            self.files.relationship(HAS_QUANTITY, (ARTICLE_LABEL, article),
                                    (QUANTITY_LABEL, key), {})
            for end in links:
                self.files.relationship(QUANTIFIES, (QUANTITY_LABEL, key), end, {})

    def _key(self, article_id: str, key: str | None) -> None:
        if key:
            self.file_keys.setdefault(article_id, set()).add(key)

    def finish(self) -> None:
        """Write the entities, their relationships and the articles (with all their paths)."""
        for (label, name), props in self.entities.items():
            self.files.node((label, ENTITY), label, "name", name, props)
        for (rtype, head_label, head, tail_label, tail), props in self.relations.items():
            if props["key"] in self.titles:
                props = {**props, "title": self.titles[props["key"]][1]}
            self.files.relationship(rtype, (head_label, head), (tail_label, tail), props)
        self._pending.close()
        pending = self.files.directory / ARTICLES_FILE
        with open(pending, encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                props = {**row["props"], "ingested_at": self.ingested_at}
                props["paths"] = sorted({*props.get("paths", []), *self.claims.get(row["id"], ())})
                if self.file_keys.get(row["id"]):
                    props["file_keys"] = sorted(self.file_keys[row["id"]])
                self.files.node((ARTICLE_LABEL,), ARTICLE_LABEL, "id", row["id"], props)
        pending.unlink()
