"""docs/graph-model.md and graph/model.py describe the same model: the labels table lists
ENTITY_LABELS, the relationship-types table lists SCHEMA (allowed heads and tails, symmetry), and
the evidence table lists EVIDENCE_FIELDS, each in the model's order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.model import ENTITY_LABELS, EVIDENCE_FIELDS, SCHEMA, RelationType

DOC = Path(__file__).resolve().parents[2] / "docs" / "graph-model.md"


def tables(markdown: str) -> list[list[dict[str, str]]]:
    """Every pipe table of a markdown text, as rows of header → cell (code spans unwrapped)."""
    found: list[list[dict[str, str]]] = []
    lines = markdown.splitlines()
    i = 0
    while i < len(lines):
        if (
            lines[i].lstrip().startswith("|")
            and i + 1 < len(lines)
            and re.fullmatch(r"\s*\|(\s*:?-+:?\s*\|)+\s*", lines[i + 1])
        ):
            header = _cells(lines[i])
            rows = []
            i += 2
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                rows.append(dict(zip(header, _cells(lines[i]), strict=True)))
                i += 1
            found.append(rows)
        else:
            i += 1
    return found


def _cells(line: str) -> list[str]:
    return [c.strip().replace("`", "") for c in line.strip().strip("|").split("|")]


def table_with(markdown: str, *columns: str) -> list[dict[str, str]]:
    """The one table whose header has all of `columns`."""
    matching = [t for t in tables(markdown) if t and set(columns) <= set(t[0])]
    assert len(matching) == 1, f"expected one table with columns {columns}, found {len(matching)}"
    return matching[0]


def _labels(cell: str) -> frozenset[str]:
    return frozenset(p.strip() for p in re.split(r"[,/、]", cell) if p.strip())


def relation_types(markdown: str) -> dict[str, RelationType]:
    """The relationship-types table as RelationTypes: "from → to" cells, a "symmetric" column."""
    out = {}
    for row in table_with(markdown, "type", "from → to", "symmetric"):
        heads, arrow, tails = row["from → to"].partition("→")
        assert arrow, f"{row['type']}: no → in {row['from → to']!r}"
        symmetric = row["symmetric"].lower()
        assert symmetric in ("yes", "no"), f"{row['type']}: symmetric is {row['symmetric']!r}"
        out[row["type"]] = RelationType(
            row["type"], _labels(heads), _labels(tails), symmetric == "yes"
        )
    return out


@pytest.fixture(scope="module")
def doc() -> str:
    return DOC.read_text(encoding="utf-8")


def test_labels_table_is_entity_labels(doc: str) -> None:
    labels = [row["label"] for row in table_with(doc, "label", "canonical name")]
    assert labels == list(ENTITY_LABELS)


def test_relationship_types_table_is_schema(doc: str) -> None:
    documented = relation_types(doc)
    assert list(documented) == list(SCHEMA)
    for name, rel in SCHEMA.items():
        assert documented[name] == rel, name


def test_evidence_table_is_evidence_fields(doc: str) -> None:
    fields = [row["field"] for row in table_with(doc, "field", "meaning")]
    assert fields == list(EVIDENCE_FIELDS)


def test_the_parser_sees_a_disagreement(doc: str) -> None:
    wrong = doc.replace("| Policy → Agency, City, Organization |", "| Policy → Agency, City |")
    assert wrong != doc
    assert relation_types(wrong)["ISSUED_BY"] != SCHEMA["ISSUED_BY"]
    flipped = doc.replace("| `PART_OF` | City → City | no |", "| `PART_OF` | City → City | yes |")
    assert flipped != doc
    assert relation_types(flipped)["PART_OF"].symmetric
