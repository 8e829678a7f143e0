"""The managed server's login: auth is on, with a password iikg generates and keeps.

The password lives in ``HOME/auth/password`` (directory 0700, file 0600), HOME being the
instance's cache directory; iikg reads it whenever it connects to the managed server
(graph.neo4j.connect), so nobody types it. It is never printed: commands name the file.

Neo4j creates the user ``neo4j`` with the password ``neo4j``, to be changed on first login.
On the first start with auth on (a new instance, or one made by an older iikg that ran
without auth) iikg generates a password, keeps it in ``HOME/auth/password.new``, changes the
user's password to it (``ALTER CURRENT USER`` on the system database) and only then renames the
file to ``password``; a start interrupted in between finds the new file and finishes the change.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import neo4j
from neo4j.exceptions import AuthError, DriverError, Neo4jError

import cypher
from graph.errors import Neo4jLocalError
from graph.neo4j.local.server import LocalServer

USER = "neo4j"
_FACTORY_PASSWORD = "neo4j"  # Neo4j's own, expired on creation


def password_file(server: LocalServer) -> Path:
    return server.home / "auth" / "password"


def _pending_file(server: LocalServer) -> Path:
    return server.home / "auth" / "password.new"


def read_password(server: LocalServer) -> str | None:
    """The managed server's password, or None before auth was set up (an older instance)."""
    try:
        return password_file(server).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def _write_private(path: Path, text: str) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text + "\n")
    os.chmod(path, 0o600)


def _can_log_in(uri: str, password: str) -> bool:
    try:
        with neo4j.GraphDatabase.driver(uri, auth=(USER, password)) as driver:
            driver.execute_query(cypher.read_query("server-info"), database_="system")
        return True
    except (AuthError, Neo4jError, DriverError):
        return False


def set_up(server: LocalServer) -> str:
    """Make sure the running server's user has iikg's password; return it.

    Raises Neo4jLocalError when the user's password is neither iikg's nor Neo4j's initial one
    (someone changed it by hand), saying how to get going again.
    """
    current = read_password(server)
    if current is not None and _can_log_in(server.bolt_uri, current):
        return current
    pending = _pending_file(server)
    try:
        new = pending.read_text(encoding="utf-8").strip()
    except OSError:
        new = ""
    if not new:
        new = secrets.token_urlsafe(24)
        _write_private(pending, new)
    if not _can_log_in(server.bolt_uri, new):
        try:
            with neo4j.GraphDatabase.driver(server.bolt_uri,
                                            auth=(USER, _FACTORY_PASSWORD)) as driver:
                driver.execute_query(cypher.write_query("set-initial-password"),
                                     old=_FACTORY_PASSWORD, new=new, database_="system")
        except (AuthError, Neo4jError, DriverError) as exc:
            raise Neo4jLocalError(
                f"the managed Neo4j's user {USER} has a password iikg does not know (it is not "
                f"the one in {password_file(server)}); put it in that file (mode 0600), or stop "
                f"the server and delete {server.home / 'data' / 'databases' / 'system'} and "
                f"{server.home / 'data' / 'transactions' / 'system'} to start its users afresh"
            ) from exc
    _write_private(password_file(server), new)
    pending.unlink(missing_ok=True)
    return new
