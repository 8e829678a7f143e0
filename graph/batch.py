"""Extraction → the rows the store writes (pure Python; no Neo4j here).

`prepare` validates one Extraction and turns it into a `PreparedArticle`; `group` merges the
prepared articles of one write batch into the parameter rows of the write queries in
`cypher/write/`, grouped by label and by (type, head label, tail label), because Cypher cannot
take labels or relationship types as parameters: those are spliced into the query text, and
only from the whitelists of graph/model.py. Evidence sentences become rows of their own (one
Evidence node each), tied to their relationship by `relation_key`.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from graph.dedup import outlet, signature
from graph.errors import BatchError
from graph.model import (
    ENTITY_LABELS,
    EVIDENCE_FIELDS,
    QUANTITY_KINDS,
    RELATION_TYPES,
    Article,
    Extraction,
    canonical_ends,
)

# Entity keys the store computes itself; an extraction cannot set them through `properties`.
RESERVED_ENTITY_KEYS = frozenset(
    {"name", "aliases", "mentions", "first_seen", "last_seen", "label"}
)
# The properties of an Evidence and of a Quantity node, each named in the CREATE of
# cypher/write/evidence-create.cypher and quantity-create.cypher.
EVIDENCE_PROPERTIES = ("rel", "type", "head", "tail", *EVIDENCE_FIELDS)
QUANTITY_PROPERTIES = ("key", "article", "value", "unit", "kind", "text", "aspect", "trigger",
                       "offset", "sentence", "start", "end", "date", "rel", "about")


@dataclass(frozen=True)
class PreparedArticle:
    id: str
    path: str | None
    fingerprint: str
    props: dict[str, Any]
    # (label, name) → {"count", "aliases", "props"}
    entities: dict[tuple[str, str], dict[str, Any]]
    # (type, head_label, head, tail_label, tail) → evidence entries (dicts with EVIDENCE_FIELDS)
    relations: dict[tuple[str, str, str, str, str], list[dict[str, Any]]]
    # one row per Quantity node (`quantity_rows`), each key once (`unique_quantities`)
    quantities: list[dict[str, Any]] = field(default_factory=list)
    content_hash: str = ""
    extractor: str | None = None  # the extractor version, None when unknown
    file_key: str | None = None  # "<file key>:<content hash>" of its file (graph.incremental)

    @property
    def label(self) -> str:
        """How an error message names this article."""
        return f"{self.path or '?'} (id {self.id})"


@dataclass
class GraphBatch:
    """The rows of one write transaction."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    # label → one row per entity: {name, props (all totals, for a new node), extra (City level…)}
    entities: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # label → one row per (article, entity): {article, name, count, aliases}
    mentions: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # (type, head label, tail label) → one row per relationship: {head, tail, key, count,
    # first_seen, last_seen, confidence} (the totals of this batch's evidence)
    relations: dict[tuple[str, str, str], list[dict[str, Any]]] = field(default_factory=dict)
    # one row per evidence sentence: the Evidence node's properties
    evidence: list[dict[str, Any]] = field(default_factory=list)
    # one row per quantity: {props (the Quantity node's), links (the entities it describes)}
    quantities: list[dict[str, Any]] = field(default_factory=list)

    @property
    def mention_rows(self) -> int:
        return sum(len(rows) for rows in self.mentions.values())

    @property
    def relationship_rows(self) -> int:
        return sum(len(rows) for rows in self.relations.values())

    @property
    def evidence_entries(self) -> int:
        return len(self.evidence)


def _clean_name(name: Any, what: str, article: str) -> str:
    if not isinstance(name, str) or not name.strip():
        raise BatchError(f"{article}: {what} has an empty or non-text name: {name!r}")
    return name.strip()


def _scalar_props(props: dict[str, Any], article: str) -> dict[str, Any]:
    """Extra entity properties (e.g. City level): simple values only, identifier keys only."""
    out: dict[str, Any] = {}
    for key, value in sorted(props.items()):
        if key in RESERVED_ENTITY_KEYS or value is None:
            continue
        if not key.isidentifier() or not key.isascii():
            raise BatchError(f"{article}: entity property name {key!r} is not an identifier")
        if isinstance(value, str | int | float | bool):
            out[key] = value
        elif isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            out[key] = list(value)
        else:
            raise BatchError(f"{article}: entity property {key!r} has unsupported value {value!r}")
    return out


def fingerprint(extraction: Extraction) -> str:
    """Stable hash of everything the extraction would write (article metadata included, its
    path left out: the same text under two paths is one article)."""
    data = extraction.to_json()
    data["article"].pop("path", None)
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def content_hash(article: Article) -> str:
    """Hash of what extraction reads: the text and the metadata, the path left out."""
    meta = article.meta()
    meta.pop("path", None)
    data = json.dumps([meta, article.text], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.blake2b(data.encode("utf-8"), digest_size=12).hexdigest()


def article_props(
    extraction: Extraction, digest: str, content: str = "", extractor: str | None = None
) -> dict[str, Any]:
    art = extraction.article
    props: dict[str, Any] = {
        "id": art.id,
        "title": art.title,
        "date": art.date,
        "source": art.source,
        "author": art.author,
        "url": art.url,
        "path": art.path,
        "script": art.script,
        "categories": list(art.categories),
        "tags": list(art.tags),
        "chars": len(art.text),
        "paths": [art.path] if art.path else [],
        "fingerprint": digest,
        # who published it and the MinHash of its text: near-duplicates (graph/dedup.py)
        "outlet": outlet(art.source, art.url),
        "minhash": signature(art.text),
        "content_hash": content or None,
        "extractor": extractor,
    }
    return {k: v for k, v in props.items() if v is not None}


def prepare(extraction: Extraction, extractor: str | None = None) -> PreparedArticle:
    """Validate one extraction and normalize it into per-article rows.

    Entities listed twice are merged; a relationship end that is not among the entities is
    added as one (so every entity the article touches is linked by MENTIONS); symmetric
    relationships are stored in one canonical direction; duplicate evidence (same sentence
    span and method) is kept once with its highest confidence. `extractor`: the version of the
    extractor that made it (loaders.extract.version), stored so a re-ingest can skip it.
    """
    art = extraction.article
    where = f"{art.path or '?'} (id {art.id})"
    if not isinstance(art.id, str) or not art.id:
        raise BatchError(f"{art.path or '?'}: article has no id")
    date = art.date or ""

    entities: dict[tuple[str, str], dict[str, Any]] = {}
    for ent in extraction.entities:
        if ent.label not in ENTITY_LABELS:
            raise BatchError(f"{where}: entity label {ent.label!r} is not in the whitelist")
        name = _clean_name(ent.name, f"a {ent.label} entity", where)
        slot = entities.setdefault((ent.label, name), {"count": 0, "aliases": set(), "props": {}})
        slot["count"] += max(int(ent.mentions), 1)
        slot["aliases"].update(a.strip() for a in ent.aliases if isinstance(a, str) and a.strip())
        slot["props"].update(_scalar_props(dict(ent.properties), where))

    relations: dict[tuple[str, str, str, str, str], dict[tuple, dict[str, Any]]] = {}
    for rel in extraction.relations:
        if rel.type not in RELATION_TYPES:
            raise BatchError(f"{where}: relationship type {rel.type!r} is not in the whitelist")
        for label in (rel.head_label, rel.tail_label):
            if label not in ENTITY_LABELS:
                raise BatchError(f"{where}: {rel.type} end label {label!r} is not in the whitelist")
        head = (rel.head_label, _clean_name(rel.head, f"{rel.type} head", where))
        tail = (rel.tail_label, _clean_name(rel.tail, f"{rel.type} tail", where))
        if head == tail:
            continue  # a node related to itself carries no information
        head, tail = canonical_ends(rel.type, head, tail)
        for end in (head, tail):
            if end not in entities:
                count = max(art.text.count(end[1]), 1)
                entities[end] = {"count": count, "aliases": set(), "props": {}}
        title = rel.properties.get("title") if rel.type == "WORKS_FOR" else None
        entry = {
            "article": art.id,
            "sentence": str(rel.sentence),
            "start": int(rel.start),
            "end": int(rel.end),
            "method": str(rel.method),
            "confidence": float(rel.confidence),
            "date": date,
            "title": str(title) if title else "",
        }
        key = (rel.type, head[0], head[1], tail[0], tail[1])
        spans = relations.setdefault(key, {})
        span = (entry["start"], entry["end"], entry["method"])
        if span not in spans or spans[span]["confidence"] < entry["confidence"]:
            spans[span] = entry

    for (_, name), slot in entities.items():
        slot["aliases"] = sorted(slot["aliases"] - {name})
    digest, content = fingerprint(extraction), content_hash(art)
    return PreparedArticle(
        id=art.id,
        path=art.path,
        fingerprint=digest,
        props=article_props(extraction, digest, content, extractor),
        entities=dict(sorted(entities.items())),
        relations={k: [v[s] for s in sorted(v)] for k, v in sorted(relations.items())},
        quantities=unique_quantities(quantity_rows(extraction, set(entities))),
        content_hash=content,
        extractor=extractor,
    )


def quantity_rows(extraction: Extraction, known: set[tuple[str, str]]) -> list[dict[str, Any]]:
    """One row per quantity of the article: the Quantity node's properties (`key` a hash of the
    article, offset and text) and `links`, the (label, name) of the entities it describes (a
    relationship's two ends, with the relationship's key in `rel`). An end the article does not
    hold as an entity is not linked."""
    art = extraction.article
    rows = []
    for q in extraction.quantities:
        if q.kind not in QUANTITY_KINDS:
            raise BatchError(f"{art.path or '?'} (id {art.id}): quantity kind {q.kind!r} unknown")
        key = hashlib.blake2b(
            "\x1f".join((art.id, str(q.offset), q.text)).encode("utf-8"), digest_size=10
        ).hexdigest()
        props: dict[str, Any] = {
            "key": key, "article": art.id, "value": q.value, "unit": q.unit, "kind": q.kind,
            "text": q.text, "aspect": q.aspect, "trigger": q.trigger, "offset": q.offset,
            "sentence": q.sentence, "start": q.start, "end": q.end,
        }
        if art.date:
            props["date"] = art.date
        about = q.about
        links: list[dict[str, str]] = []
        if about.get("type") in RELATION_TYPES:
            head, tail = canonical_ends(about["type"], (about["head_label"], about["head"]),
                                        (about["tail_label"], about["tail"]))
            props["rel"] = relation_key(about["type"], *head, *tail)
            props["about"] = f"{head[1]} {about['type']} {tail[1]}"
            links = [{"label": e[0], "name": e[1]} for e in (head, tail) if e in known]
        elif about.get("label") in ENTITY_LABELS and (about["label"], about["name"]) in known:
            props["about"] = about["name"]
            links = [{"label": about["label"], "name": about["name"]}]
        rows.append({"props": props, "links": links})
    return rows


def unique_quantities(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per Quantity key: the last row's properties, the links of all of them, each
    once (what MERGE on the key would leave)."""
    merged: dict[str, dict[str, Any]] = {}
    for row in rows:
        key = row["props"]["key"]
        links = merged[key]["links"] if key in merged else []
        for link in row["links"]:
            if link not in links:
                links.append(link)
        merged[key] = {"props": row["props"], "links": links}
    return list(merged.values())


def group(articles: list[PreparedArticle]) -> GraphBatch:
    """Merge prepared articles into the rows of one write transaction (an article id seen twice
    is written once)."""
    batch = GraphBatch()
    seen: set[str] = set()
    entities: dict[tuple[str, str], dict[str, Any]] = {}
    mentions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    relations: dict[tuple[str, str, str], dict[tuple[str, str], list]] = defaultdict(dict)
    for art in articles:
        if art.id in seen:
            continue  # the same text twice in one batch (a copied file): written once
        seen.add(art.id)
        batch.articles.append({"id": art.id, "props": art.props})
        date = art.props.get("date")
        for (label, name), slot in art.entities.items():
            mentions[label].append(
                {"article": art.id, "name": name, "count": slot["count"],
                 "aliases": slot["aliases"]}
            )
            row = entities.get((label, name))
            if row is None:
                row = entities[(label, name)] = {
                    "name": name, "count": 0, "aliases": set(), "first": date or None,
                    "last": date or None, "props": {}}
            elif date:
                if row["first"] is None or date < row["first"]:
                    row["first"] = date
                if row["last"] is None or date > row["last"]:
                    row["last"] = date
            row["count"] += slot["count"]
            if slot["aliases"]:
                row["aliases"].update(slot["aliases"])
            if slot["props"]:
                row["props"].update(slot["props"])
        for (rtype, hlabel, head, tlabel, tail), entries in art.relations.items():
            relations[(rtype, hlabel, tlabel)].setdefault((head, tail), []).extend(entries)
        batch.quantities.extend(art.quantities)
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (label, name), row in sorted(entities.items()):
        props = {
            **row["props"],
            "name": name,
            "mentions": row["count"],
            "aliases": sorted(row["aliases"] - {name}),
            "first_seen": row["first"],
            "last_seen": row["last"],
        }
        by_label[label].append({"name": name, "props": props, "extra": row["props"]})
    batch.entities = dict(sorted(by_label.items()))
    batch.mentions = {label: mentions[label] for label in sorted(mentions)}
    for (rtype, hlabel, tlabel), rows in sorted(relations.items()):
        out = []
        for head, tail in sorted(rows):
            key = relation_key(rtype, hlabel, head, tlabel, tail)
            entries = rows[(head, tail)]
            out.append({"head": head, "tail": tail, **relation_totals(key, entries)})
            batch.evidence += [evidence_node(key, rtype, head, tail, e) for e in entries]
        batch.relations[(rtype, hlabel, tlabel)] = out
    return batch


# --- relationships and their evidence -----------------------------------------------------------


def relation_key(rtype: str, head_label: str, head: str, tail_label: str, tail: str) -> str:
    """Stable id of one relationship, shared by the relationship (`key`) and its Evidence
    nodes (`rel`)."""
    text = "\x1f".join((rtype, head_label, head, tail_label, tail))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=10).hexdigest()


def relation_totals(key: str, entries: list[dict[str, Any]]) -> dict[str, Any]:
    """What a batch adds to a relationship: its key, the number of evidence entries, their
    earliest and latest known date and their highest confidence."""
    dates = [e["date"] for e in entries if e["date"]]
    return {
        "key": key,
        "count": len(entries),
        "first_seen": min(dates) if dates else None,
        "last_seen": max(dates) if dates else None,
        "confidence": max(e["confidence"] for e in entries),
    }


def evidence_node(key: str, rtype: str, head: str, tail: str, entry: dict[str, Any]) -> dict:
    """The properties of the Evidence node for one entry (no nulls: an unknown date or a
    missing title is left out)."""
    props = {"rel": key, "type": rtype, "head": head, "tail": tail}
    props.update((f, entry[f]) for f in EVIDENCE_FIELDS if entry[f] not in (None, ""))
    return props


def entries_from_lists(props: dict[str, Any]) -> list[dict[str, Any]]:
    """Evidence entries from the parallel `evidence_*` lists an older iikg kept on each
    relationship (for upgrading such a graph in place)."""
    articles = list(props.get("evidence_article") or [])
    columns = {f: list(props.get(f"evidence_{f}") or []) for f in EVIDENCE_FIELDS}
    return [
        {f: (columns[f][i] if i < len(columns[f]) else "") for f in EVIDENCE_FIELDS}
        for i in range(len(articles))
    ]


def merged_aliases(stored: list[str] | None, new: list[str], name: str) -> list[str]:
    """Sorted union of stored and new aliases, without the canonical name."""
    return sorted((set(stored or []) | set(new)) - {name})
