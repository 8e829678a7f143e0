"""Every Cypher statement iikg runs lives in cypher/: no Python string under graph/ or loaders/
holds one (docstrings aside, which may quote Cypher to explain it)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CYPHER = re.compile(
    r"\b(?:OPTIONAL\s+)?(?:MATCH|MERGE|CREATE)\s*\("
    r"|\bUNWIND\s+\S+\s+AS\s"
    r"|\bCALL\s+(?:db|dbms|apoc)\.\w"
    r"|\bRETURN\s+\S+(?:\s+AS\s|\s*,)"
    r"|\bDETACH\s+DELETE\b"
    r"|\bSET\s+\w+\s*(?:\+?=|:)"
)
# (file, function): Cypher that is the output, not a query iikg runs.
ALLOWED = {
    ("graph/export/cypher_script.py", "to_cypher"): "the cypher export format writes a script",
}


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _strings(tree: ast.AST) -> list[tuple[str, str, int]]:
    """(enclosing function, text, line) of every string literal, f-strings joined with {}."""
    out: list[tuple[str, str, int]] = []
    skip = _docstrings(tree)

    def walk(node: ast.AST, where: str) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            where = node.name
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
            out.append((where, text, node.lineno))
            return
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            out.append((where, node.value, node.lineno))
        for child in ast.iter_child_nodes(node):
            walk(child, where)

    walk(tree, "<module>")
    return out


def inline_cypher() -> list[str]:
    found = []
    for package in ("graph", "loaders"):
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for where, text, line in _strings(tree):
                if CYPHER.search(text) and (rel, where) not in ALLOWED:
                    found.append(f"{rel}:{line} ({where}): {text[:80]!r}")
    return found


def test_no_cypher_in_python_strings() -> None:
    assert inline_cypher() == []


def test_the_pattern_sees_cypher() -> None:
    for text in ("MATCH (n) RETURN n", "UNWIND $rows AS row", "CALL db.awaitIndexes(300)",
                 "MERGE (a)-[r:`{}`]->(b) SET r = row.p", "RETURN name, versions[0] AS v"):
        assert CYPHER.search(text), text
    for text in ("matches the name", "a MERGE statement", "returns rows", "Create it first"):
        assert not CYPHER.search(text), text
