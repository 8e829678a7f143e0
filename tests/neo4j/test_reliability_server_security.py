"""The managed server is locked down (auth on, a password iikg generates and keeps, the HTTP
API's allowed origin its own Browser), and secrets are never printed; asserted on the real
server. Tests of the managed server are skipped when NEO4J_URI names another one."""

from __future__ import annotations

import json
import shutil
import stat
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from click.testing import CliRunner
from support.reliability import run_iikg

from graph import cli
from graph.errors import Neo4jLocalError
from graph.neo4j import Graph, Settings
from graph.neo4j import local as neo4j_local

EVIL = "http://evil.example"


def _managed(settings: Settings) -> neo4j_local.LocalServer:
    if not settings.managed:
        pytest.skip("NEO4J_URI points to an external server; this checks the managed one")
    return neo4j_local.LocalServer.from_env()


def _post(server: neo4j_local.LocalServer, origin: str, auth: str | None = None) -> tuple:
    """POST a write to the HTTP transaction endpoint: (status, Access-Control-Allow-Origin)."""
    body = json.dumps({"statements": [{"statement": "CREATE (:Intruder {at: 1}) RETURN 1"}]})
    request = urllib.request.Request(
        f"{server.http_url}db/neo4j/tx/commit", data=body.encode(), method="POST",
        headers={"Origin": origin, "Content-Type": "application/json",
                 **({"Authorization": auth} if auth else {})})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers.get("Access-Control-Allow-Origin")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Access-Control-Allow-Origin")


@pytest.fixture
def failed_logins(neo4j_server: Settings) -> Iterator[None]:
    """For a test that fails to log in on purpose: afterwards, wait until Neo4j's lock on the
    user (3 failed attempts lock it for 5 s) is over, so the next test can log in."""
    yield
    server = neo4j_local.LocalServer.from_env()
    password = neo4j_local.auth.read_password(server)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with neo4j.GraphDatabase.driver(server.bolt_uri, auth=("neo4j", password)) as driver:
                driver.execute_query("RETURN 1")
            return
        except neo4j.exceptions.Neo4jError:
            time.sleep(0.5)


def _intruders(graph: Graph) -> int:
    return graph.run_query_readonly("MATCH (n:Intruder) RETURN count(n)").rows[0][0]


def test_a_post_from_a_foreign_origin_is_refused(neo4j_db: Graph, neo4j_server: Settings) -> None:
    server = _managed(neo4j_server)
    status, allowed = _post(server, EVIL)
    assert status == 401  # no credentials, no write
    assert allowed != EVIL and allowed in (None, f"http://127.0.0.1:{server.http_port}")
    preflight = urllib.request.Request(
        f"{server.http_url}db/neo4j/tx/commit", method="OPTIONS",
        headers={"Origin": EVIL, "Access-Control-Request-Method": "POST"})
    with urllib.request.urlopen(preflight, timeout=10) as response:
        assert response.headers.get("Access-Control-Allow-Origin") != EVIL
    assert _intruders(neo4j_db) == 0


def test_bolt_without_the_password_is_refused(neo4j_server: Settings,
                                              failed_logins: None) -> None:
    server = _managed(neo4j_server)
    for auth in (None, ("neo4j", "neo4j"), ("neo4j", "wrong-password")):
        with neo4j.GraphDatabase.driver(server.bolt_uri, auth=auth) as driver, \
                pytest.raises(neo4j.exceptions.Neo4jError):
            driver.execute_query("MATCH (n) RETURN count(n)")


def test_the_password_is_kept_private_and_used_by_iikg(neo4j_server: Settings) -> None:
    server = _managed(neo4j_server)
    path = neo4j_local.auth.password_file(server)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    password = neo4j_local.auth.read_password(server)
    assert password and len(password) >= 24
    assert neo4j_server.auth == ("neo4j", password)  # resolved from the file by itself
    result = CliRunner().invoke(cli.main, ["neo4j", "status"], env={"NEO4J_URI": None})
    assert result.exit_code == 0, result.output
    assert str(path) in result.output and password not in result.output
    assert "preselectAuthMethod=NATIVE" in server.browser_connect_url
    assert password not in server.browser_connect_url


def test_a_password_in_the_uri_is_never_echoed(neo4j_server: Settings,
                                               failed_logins: None) -> None:
    """The reported case, against a server that answers: a wrong password in NEO4J_URI."""
    host = neo4j_server.uri.split("://", 1)[1]
    settings = Settings(uri=f"bolt://neo4j:s3cret@{host}", database=neo4j_server.database)
    result = run_iikg(settings, "stats")
    assert result.returncode == 1
    assert "rejected the credentials" in result.stderr, result.stderr
    assert "s3cret" not in result.stdout + result.stderr


def test_an_interrupted_password_change_is_finished_on_the_next_start(
    neo4j_server: Settings, tmp_path: Path
) -> None:
    """The new password is kept in password.new before the change: a start that stopped after
    the change finds it there and keeps it."""
    server = _managed(neo4j_server)
    path = neo4j_local.auth.password_file(server)
    backup = tmp_path / "password"
    shutil.copy2(path, backup)
    try:
        path.rename(path.with_name("password.new"))
        assert neo4j_local.auth.set_up(server) == backup.read_text().strip()
        assert path.read_text() == backup.read_text()
        assert not path.with_name("password.new").exists()
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    finally:
        shutil.copy2(backup, path)
        path.with_name("password.new").unlink(missing_ok=True)


def test_a_password_iikg_does_not_know_is_a_clear_error(
    neo4j_server: Settings, tmp_path: Path, failed_logins: None
) -> None:
    server = _managed(neo4j_server)
    path = neo4j_local.auth.password_file(server)
    backup = tmp_path / "password"
    shutil.copy2(path, backup)
    try:
        path.write_text("not-the-password\n")
        with pytest.raises(Neo4jLocalError, match="has a password iikg does not know") as caught:
            neo4j_local.auth.set_up(server)
        assert backup.read_text().strip() not in str(caught.value)
    finally:
        shutil.copy2(backup, path)
        path.with_name("password.new").unlink(missing_ok=True)
