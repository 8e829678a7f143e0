"""`neo4j-admin database import full` on the managed server's own database.

The assembly holds neo4j-admin's jars (neo4j-command-line, neo4j-import-tool in ``lib/``), so
the tool runs as ``java -cp 'lib/*' org.neo4j.cli.AdminTool database import full ...`` with
``NEO4J_HOME`` and ``NEO4J_CONF`` naming the instance: it reads the same neo4j.conf the server
starts with (written on every start) and so writes into the instance's data directory. The
server must be stopped first (graph.neo4j.local.process.stop). An import that fails leaves
the store unusable, so it is followed by an import of nothing, which leaves an empty database.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from graph.errors import Neo4jLocalError
from graph.neo4j.local.assemble import find_tool
from graph.neo4j.local.server import JVM_FLAGS, LocalServer

ADMIN_MAIN = "org.neo4j.cli.AdminTool"


def admin_command(server: LocalServer, java: str, args: list[str]) -> list[str]:
    """The java command line of `neo4j-admin ARGS` for the managed server."""
    return [java, f"-Xmx{server.heap}", *JVM_FLAGS, "-cp", str(server.jars / "lib" / "*"),
            ADMIN_MAIN, *args]


def _run(server: LocalServer, args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NEO4J_HOME": str(server.home), "NEO4J_CONF": str(server.home / "conf")}
    command = admin_command(server, find_tool("java"), args)
    try:
        return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                              check=False, timeout=24 * 3600)
    except subprocess.TimeoutExpired as exc:
        raise Neo4jLocalError("neo4j-admin database import did not finish within a day") from exc


def _tail(done: subprocess.CompletedProcess, lines: int = 15) -> str:
    text = (done.stdout + done.stderr).strip().splitlines()
    return "\n".join(line for line in text[-lines:] if not line.lstrip().startswith("at "))


def import_full(server: LocalServer, directory: Path, args: list[str]) -> str:
    """Run `neo4j-admin ARGS` (a `database import full`) in `directory`, the server stopped;
    returns its output. On failure the database is left empty and Neo4jLocalError says why."""
    done = _run(server, args, directory)
    if done.returncode == 0:
        return done.stdout
    database = args[3] if len(args) > 3 else "neo4j"
    reset_empty(server, database)
    raise Neo4jLocalError(
        f"neo4j-admin database import failed (exit {done.returncode}); the database {database} "
        f"was left empty; the files are in {directory}\n{_tail(done)}")


def reset_empty(server: LocalServer, database: str) -> None:
    """Replace `database` by an empty one (an import of no rows)."""
    with tempfile.TemporaryDirectory(prefix="iikg-empty-") as tmp:
        Path(tmp, "none.csv").write_text(":ID\n", encoding="utf-8")
        done = _run(server, ["database", "import", "full", database,
                             "--overwrite-destination=true", "--nodes=none.csv"], Path(tmp))
    if done.returncode != 0:
        raise Neo4jLocalError(
            f"neo4j-admin could not empty the database {database} after a failed import; "
            f"delete {server.home / 'data' / 'databases' / database} and "
            f"{server.home / 'data' / 'transactions' / database} by hand\n{_tail(done)}")
