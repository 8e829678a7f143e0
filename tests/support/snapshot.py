"""A full, sorted JSON snapshot of a Neo4j graph, to compare two versions of iikg.

Every node (labels and all properties), every relationship (type, the keys of its two ends and
all properties) and the schema (constraint and index names with what they cover), sorted, so two
snapshots diff line by line. It reads the database with the plain ``neo4j`` driver and ingests
through the ``iikg`` command, never through iikg's own store code, so a refactor of that code
cannot change how the snapshot is taken.

Every property is kept but ``ingested_at``, the time of the ingest run that iikg stamps on
Article and Evidence nodes (``RUN_PROPERTIES``): two runs of the same ingest differ there and
nowhere else. Values the driver returns as temporals become ISO strings.

Node keys (for relationship ends): ``Article:<id>``, ``<Label>:<name>`` for entities (their
label other than ``Entity``), otherwise the labels and a hash of all properties (Evidence).

    python -m tests.support.snapshot --uri bolt://127.0.0.1:7690 --ingest seeds/articles OUT.json
    python -m tests.support.snapshot --compare A.json B.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import neo4j

_NODES = "MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props"
_RELS = (
    "MATCH (a)-[r]->(b) RETURN type(r) AS type, elementId(a) AS start, elementId(b) AS end, "
    "properties(r) AS props"
)
_CONSTRAINTS = "SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties"
_INDEXES = "SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties"
_CLEAR = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
# Properties that record when something was written, not what the graph holds.
RUN_PROPERTIES = frozenset({"ingested_at"})


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in sorted(value.items())}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def _canon(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def node_key(labels: list[str], props: dict[str, Any]) -> str:
    if "Article" in labels and "id" in props:
        return f"Article:{props['id']}"
    own = [label for label in labels if label != "Entity"]
    if "Entity" in labels and len(own) == 1 and "name" in props:
        return f"{own[0]}:{props['name']}"
    digest = hashlib.sha256(_canon(props).encode()).hexdigest()[:16]
    return f"{':'.join(sorted(labels))}#{digest}"


def snapshot(driver: neo4j.Driver, database: str | None = None) -> dict[str, Any]:
    """Nodes, relationships and schema of the database, plain and sorted."""
    with driver.session(database=database, notifications_min_severity="OFF") as session:
        keys: dict[str, str] = {}
        nodes = []
        for rec in session.run(_NODES):
            labels = sorted(rec["labels"])
            props = {k: v for k, v in _plain(rec["props"]).items() if k not in RUN_PROPERTIES}
            keys[rec["id"]] = node_key(labels, props)
            nodes.append({"key": keys[rec["id"]], "labels": labels, "properties": props})
        rels = [
            {
                "type": rec["type"],
                "start": keys[rec["start"]],
                "end": keys[rec["end"]],
                "properties": _plain(rec["props"]),
            }
            for rec in session.run(_RELS)
        ]
        schema = sorted(
            _canon(_plain(rec.data())) for q in (_CONSTRAINTS, _INDEXES) for rec in session.run(q)
        )
    nodes.sort(key=_canon)
    rels.sort(key=_canon)
    return {
        "counts": {"nodes": len(nodes), "relationships": len(rels)},
        "schema": [json.loads(s) for s in schema],
        "nodes": nodes,
        "relationships": rels,
    }


def clear(driver: neo4j.Driver, database: str | None = None) -> None:
    with driver.session(database=database) as session:
        session.run(_CLEAR).consume()


def ingest_with_cli(uri: str, paths: list[str], database: str | None = None) -> None:
    """Ingest through the installed ``iikg`` command (the user's path into the graph)."""
    env = {**os.environ, "NEO4J_URI": uri}
    if database:
        env["NEO4J_DATABASE"] = database
    iikg = Path(sys.executable).with_name("iikg")
    subprocess.run([str(iikg), "ingest", "--no-progress", *paths], env=env, check=True)


def write(data: dict[str, Any], out: Path) -> None:
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                   encoding="utf-8")


def compare(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    """Differences between two snapshots (empty when identical), one line each."""
    out = []
    for part in ("schema", "nodes", "relationships"):
        left = {_canon(x) for x in a[part]}
        right = {_canon(x) for x in b[part]}
        out += [f"{part} only in first: {x}" for x in sorted(left - right)]
        out += [f"{part} only in second: {x}" for x in sorted(right - left)]
        if len(a[part]) != len(b[part]):
            out.append(f"{part}: {len(a[part])} vs {len(b[part])} entries")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uri", default=os.environ.get("NEO4J_URI"))
    parser.add_argument("--database", default=os.environ.get("NEO4J_DATABASE"))
    parser.add_argument("--ingest", action="append", default=None, metavar="PATH",
                        help="Empty the database, then `iikg ingest` PATH first (repeatable).")
    parser.add_argument("--compare", nargs=2, metavar=("A", "B"))
    parser.add_argument("out", nargs="?")
    args = parser.parse_args(argv)
    if args.compare:
        a, b = (json.loads(Path(p).read_text(encoding="utf-8")) for p in args.compare)
        diff = compare(a, b)
        print("\n".join(diff) or f"identical ({a['counts']})")
        return 1 if diff else 0
    if not args.uri or not args.out:
        parser.error("--uri (or NEO4J_URI) and OUT are needed")
    with neo4j.GraphDatabase.driver(args.uri) as driver:
        if args.ingest is not None:
            clear(driver, args.database)
            ingest_with_cli(args.uri, args.ingest, args.database)
        data = snapshot(driver, args.database)
    write(data, Path(args.out))
    print(f"{args.out}: {data['counts']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
