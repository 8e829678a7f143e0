"""Helpers of the reliability tests: an invented corpus on disk, `iikg` runs as subprocesses
against the test server, and a hash of the whole graph (tests/support/snapshot.py)."""

from __future__ import annotations

import hashlib
import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

from graph.neo4j import Graph, Settings
from support import snapshot as snap

CITIES = ("洛阳市", "淄博市", "芜湖市", "绵阳市", "柳州市", "宜宾市")
FIRMS = ("星云科技", "海川智能", "云帆智造", "博远材料", "嘉瑞科技", "恒泰精工", "鑫宏电子",
         "明辉股份有限公司")
PLATFORMS = ("星河工业互联网平台", "云帆工业互联网平台", "天工工业互联网平台")


def write_corpus(folder: Path, count: int, seed: int = 3) -> Path:
    """`count` short made-up articles in one JSON Lines file (ids a0000, a0001 ...)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for n in range(count):
        city, firm, other, platform = (rng.choice(CITIES), rng.choice(FIRMS), rng.choice(FIRMS),
                                       rng.choice(PLATFORMS))
        text = (f"{city}的{firm}与{other}签署战略合作协议。{platform}赋能{firm}，"
                f"推动{city}制造业数字化转型。{firm}位于{city}。")
        lines.append(json.dumps({
            "id": f"a{n:04d}", "title": f"{firm}与{other}合作（{n}）", "text": text,
            "date": f"2023-{1 + n % 12:02d}-{1 + n % 28:02d}", "source": "测试",
        }, ensure_ascii=False))
    path = folder / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def cli_env(settings: Settings) -> dict[str, str]:
    """The environment of an `iikg` subprocess that talks to the test server."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    if not settings.managed:
        env["NEO4J_URI"] = settings.uri
        for name, value in (("NEO4J_USER", settings.user), ("NEO4J_PASSWORD", settings.password),
                            ("NEO4J_DATABASE", settings.database)):
            if value:
                env[name] = value
    elif settings.database:
        env["NEO4J_DATABASE"] = settings.database
    return env


def iikg(*args: str) -> list[str]:
    """The command line of the installed `iikg`."""
    return [str(Path(sys.executable).with_name("iikg")), *args]


def run_iikg(settings: Settings, *args: str, **kwargs: Any) -> subprocess.CompletedProcess:
    return subprocess.run(iikg(*args), env=cli_env(settings), capture_output=True, text=True,
                          timeout=600, check=False, **kwargs)


class GraphHash(tuple):
    """(hash of every node, relationship and schema rule, node/relationship counts); compared
    by those two only, and a failed comparison lists the differences."""

    snapshot: dict[str, Any]

    def __eq__(self, other: object) -> bool:
        return tuple(self) == tuple(other)  # type: ignore[arg-type]

    def __hash__(self) -> int:
        return hash(tuple(self))

    def differences(self, other: GraphHash) -> list[str]:
        return snap.compare(self.snapshot, other.snapshot)


def graph_hash(graph: Graph) -> GraphHash:
    """A hash of every node, relationship and schema rule, and the node/relationship counts."""
    data = snap.snapshot(graph.driver, graph.database)
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    result = GraphHash((hashlib.sha256(text.encode()).hexdigest()[:16], data["counts"]))
    result.snapshot = data
    return result


def count_articles(graph: Graph) -> int:
    rows = graph.run_query_readonly("MATCH (a:Article) RETURN count(a) AS n").rows
    return rows[0][0]
