"""LOAD CSV over HTTP and APOC's load procedures work on the managed server (they failed with
NoClassDefFoundError com/ctc/wstx/io/InputBootstrapper before the extra jars of
graph/neo4j/local/server.py EXTRA_JARS were added); files served from a local HTTP server."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from graph.neo4j import Graph, Settings


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    (tmp_path / "firms.csv").write_text("name,city\n星云科技,洛阳市\n海川智能,芜湖市\n",
                                        encoding="utf-8")
    (tmp_path / "firm.json").write_text('{"name": "星云科技", "city": "洛阳市"}',
                                        encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_load_csv_over_http(neo4j_db: Graph, neo4j_server: Settings, served: str) -> None:
    rows = neo4j_db.run_read(
        "LOAD CSV WITH HEADERS FROM $url AS row RETURN row.name AS name, row.city AS city",
        {"url": f"{served}/firms.csv"})
    assert rows == [{"name": "星云科技", "city": "洛阳市"}, {"name": "海川智能", "city": "芜湖市"}]


def test_apoc_load_json_over_http(neo4j_db: Graph, neo4j_server: Settings, served: str) -> None:
    has_apoc = neo4j_db.run_read(
        "SHOW PROCEDURES YIELD name WHERE name = 'apoc.load.json' RETURN count(*) AS n")[0]["n"]
    if not has_apoc:
        pytest.skip("the server has no APOC (IIKG_NEO4J_APOC_VERSION empty)")
    rows = neo4j_db.run_read("CALL apoc.load.json($url) YIELD value RETURN value",
                             {"url": f"{served}/firm.json"})
    assert rows == [{"value": {"name": "星云科技", "city": "洛阳市"}}]
