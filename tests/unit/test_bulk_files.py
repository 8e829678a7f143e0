"""The files of a bulk load (graph.bulk_csv, graph.bulk_rows), without a server: cells typed and
quoted as neo4j-admin reads them, every row as long as its header, and the entities and
relationships folded article by article equal to what one write batch of all of them holds
(graph.batch.group: the rows the Cypher writes send). tests/neo4j/test_bulk.py imports them."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from support.store_corpus import corpus

from graph.batch import group, prepare
from graph.bulk_csv import ARRAY_DELIMITER, AdminFiles, cell, csv_type, read_lists
from graph.bulk_rows import BulkRows
from graph.errors import BatchError
from graph.incremental import Claim


def test_cells_are_typed_and_quoted_for_neo4j_admin() -> None:
    assert cell('a "b", c') == '"a ""b"", c"'
    assert cell("") == '""'  # an empty string stays one (an empty field is no property)
    assert (cell(3), cell(0.1 + 0.2), cell(True), cell(1e-7)) == (
        "3", "0.30000000000000004", "true", "1e-07")
    assert cell(["x", "y"]) == f'"x{ARRAY_DELIMITER}y"'
    assert cell([1, 2]) == f'"1{ARRAY_DELIMITER}2"'
    assert (csv_type("x"), csv_type(2), csv_type(2.0), csv_type(False)) == (
        "string", "long", "double", "boolean")
    assert (csv_type(["a"]), csv_type([1]), csv_type([]), csv_type([""])) == (
        "string[]", "long[]", None, None)
    with pytest.raises(BatchError):
        csv_type([1, "a"])
    with pytest.raises(BatchError):
        cell([f"a{ARRAY_DELIMITER}b"])


def _read(directory: Path) -> dict[str, list[dict[str, Any]]]:
    """Every file back as rows of typed values, by file name (what neo4j-admin would read)."""
    convert = {"long": int, "double": float, "boolean": lambda v: v == "true", "string": str}
    out: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(directory.glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        header, rows = rows[0], rows[1:]
        assert all(len(row) == len(header) for row in rows), path.name
        parsed = []
        for row in rows:
            props: dict[str, Any] = {}
            for column, value in zip(header, row, strict=True):
                name, _, kind = column.partition(":")
                if value == "":
                    continue
                if kind.endswith("[]"):
                    props[name] = [convert[kind[:-2]](v) for v in value.split(ARRAY_DELIMITER)]
                elif kind in convert:
                    props[name] = convert[kind](value)
                else:
                    props[kind] = value  # ID(...), START_ID(...), END_ID(...)
            parsed.append(props)
        out[path.name] = parsed
    return out


def test_each_property_keeps_its_type_and_rows_are_full(tmp_path: Path) -> None:
    files = AdminFiles(tmp_path)
    files.node(("Company", "Entity"), "Company", "name", "星云科技",
               {"name": "星云科技", "rank": 1})
    files.node(("Company", "Entity"), "Company", "name", "晨曦制造",
               {"name": "晨曦制造", "rank": "first", "aliases": []})
    files.node(("Company", "Entity"), "Company", "name", "天衡数控",
               {"name": "天衡数控", "rank": 2, "level": "x", "codes": [""]})
    files.relationship("MENTIONS", ("Article", "a1"), ("Company", "星云科技"),
                       {"count": 2, "aliases": []}, frozenset({"aliases"}))
    with pytest.raises(BatchError):
        files.relationship("MENTIONS", ("Article", "a1"), ("Company", "星云科技"),
                           {"count": 2, "aliases": [""]}, frozenset({"aliases"}))
    files.close()
    read = _read(tmp_path)
    ranks = sorted((row["ID(Company)"], row.get("rank")) for name, rows in read.items()
                   if name.startswith("nodes-Company") for row in rows)
    assert ranks == [("天衡数控", 2), ("星云科技", 1), ("晨曦制造", "first")]
    assert len([n for n in read if n.startswith("nodes-Company")]) == 3  # int, str, int+level
    assert read_lists(tmp_path) == {"Company": [{"key": "晨曦制造", "props": {"aliases": []}},
                                                {"key": "天衡数控", "props": {"codes": [""]}}]}
    args = files.import_args("neo4j")
    assert args[:4] == ["database", "import", "full", "neo4j"]
    assert "--multiline-fields=true" not in args
    assert sum(a.startswith("--nodes=Company:Entity=") for a in args) == 3


def _fold(tmp_path: Path, items: list[Any]) -> dict[str, list[dict[str, Any]]]:
    files = AdminFiles(tmp_path)
    rows = BulkRows(files, "2026-12-06T00:00:00.000000Z")
    for item in items:
        rows.add(item)
    rows.finish()
    files.close()
    return _read(tmp_path)


def test_entities_and_relationships_fold_as_one_write_batch(tmp_path: Path) -> None:
    prepared = [prepare(ex, "v1") for ex in corpus()]
    read = _fold(tmp_path, prepared)
    lists = read_lists(tmp_path)
    batch = group(prepared)
    for label, expected_rows in batch.entities.items():
        got = {row.pop(f"ID({label})"): row for name, rows in read.items()
               if name.startswith(f"nodes-{label}-") for row in rows}
        for key in lists.get(label, []):
            got[key["key"]].update(key["props"])
        want = {r["name"]: {k: v for k, v in r["props"].items() if v is not None and k != "name"}
                for r in expected_rows}
        assert got == want, label
    for (rtype, head, tail), expected_rows in batch.relations.items():
        got = {(row[f"START_ID({head})"], row[f"END_ID({tail})"]): row
               for name, rows in read.items() if name.startswith(f"relationships-{rtype}-")
               for row in rows if f"START_ID({head})" in row and f"END_ID({tail})" in row}
        for r in expected_rows:
            row = got[(r["head"], r["tail"])]
            assert (row["key"], row["evidence_count"], row["confidence"]) == (
                r["key"], r["count"], r["confidence"])
            assert (row.get("first_seen"), row.get("last_seen")) == (r["first_seen"],
                                                                     r["last_seen"])
    evidence = [row for name, rows in read.items() if name.startswith("nodes-Evidence")
                for row in rows]
    assert len(evidence) == len(batch.evidence)
    assert all(row["ingested_at"] == "2026-12-06T00:00:00.000000Z" for row in evidence)


def test_a_copy_adds_its_path_and_works_for_takes_the_latest_title(tmp_path: Path) -> None:
    first, second, third = (prepare(ex, "v1") for ex in corpus())
    read = _fold(tmp_path, [first, Claim(first.id, "mirror/zibo.txt"), second, third,
                            Claim("unknown", "x.txt")])
    articles = {row["ID(Article)"]: row for name, rows in read.items()
                if name.startswith("nodes-Article") for row in rows}
    assert articles[first.id]["paths"] == sorted(["corpus/zibo.txt", "mirror/zibo.txt"])
    assert articles[first.id]["path"] == "corpus/zibo.txt"
    assert set(articles) == {first.id, second.id, third.id}
    works_for = [row for name, rows in read.items() if name.startswith("relationships-WORKS")
                 for row in rows]
    assert [row["title"] for row in works_for] == ["总裁"]
