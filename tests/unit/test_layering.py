"""The layering of the code, read from the source (every import, function-level ones included):

- ``loaders`` imports nothing of ``graph`` but ``graph.model`` and ``graph.errors``;
- ``cypher`` likewise;
- no import cycle between modules.

A package's own ``__init__`` running before its submodules is not an edge; ``from a import b``
is an edge to the module ``a.b`` when there is one, else to ``a``.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("graph", "loaders", "cypher", "seeds")
ALLOWED_FROM_GRAPH = {"graph", "graph.model", "graph.errors"}  # `graph` is its __init__ only


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            found[_module_name(path)] = path
    return found


MODULES = _modules()


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _imports(name: str) -> set[str]:
    """The project modules `name` imports, anywhere in its source."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    here = name if _is_package(name) else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                targets.add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = here.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                targets.add(full if full in MODULES else base)
    return {t for t in targets if t in MODULES and t != name}


GRAPH = {name: _imports(name) for name in MODULES}


def _from_graph(prefix: str) -> dict[str, set[str]]:
    bad = {}
    for name, targets in GRAPH.items():
        if name == prefix or name.startswith(prefix + "."):
            wrong = {t for t in targets if t.split(".")[0] == "graph"} - ALLOWED_FROM_GRAPH
            if wrong:
                bad[name] = wrong
    return bad


def test_the_walk_sees_the_project() -> None:
    assert {"graph.neo4j.graph", "graph.cli.app", "loaders.sources", "cypher"} <= set(MODULES)
    assert "graph.model" in GRAPH["cypher.splice"]
    assert "cypher.headers" in GRAPH["cypher"]
    assert "graph.neo4j.local" in GRAPH["graph.neo4j.connect"]


def test_loaders_import_only_the_model_and_errors_of_graph() -> None:
    assert _from_graph("loaders") == {}


def test_cypher_imports_only_the_model_and_errors_of_graph() -> None:
    assert _from_graph("cypher") == {}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycles() -> None:
    assert _cycles(GRAPH) == []


def test_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


MAX_LINES = 420  # "no module over ~400 lines" (issue 10)


def test_modules_stay_small() -> None:
    long = {
        name: n
        for name, path in MODULES.items()
        if name.split(".")[0] in ("graph", "cypher", "loaders")
        and (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
