"""Refused logins on the real server end as one line naming the reason, exit 1, no traceback:
a password that must be changed (it has expired), the login rate limit after failed attempts,
a wrong password. Each test logs in as a user of its own (never `neo4j`, so other tests are
not locked out) and drops it afterwards; the users are created on the system database."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable, Iterator

import neo4j
import pytest
from click.testing import CliRunner
from support.reliability import cli_env, iikg

from graph import cli
from graph.neo4j import Settings
from graph.neo4j import local as neo4j_local

PASSWORD = "initial-pass-1"
RATE_LIMIT = "Neo.ClientError.Security.AuthenticationRateLimit"
LOCK_SECONDS = 30  # Neo4j locks a user for 5 s after 3 failed logins; leave room on a busy box


def _admin_auth(settings: Settings) -> tuple[str, str]:
    """The credentials of the server's admin: the kept password of the managed server, or
    NEO4J_USER/NEO4J_PASSWORD of another one."""
    if settings.managed:
        server = neo4j_local.LocalServer.from_env()
        return "neo4j", neo4j_local.auth.read_password(server)
    if settings.auth is None:
        pytest.skip("the server has no credentials to create users with")
    return settings.auth


def _bolt_uri(settings: Settings) -> str:
    if settings.managed:
        return neo4j_local.LocalServer.from_env().bolt_uri
    return settings.uri


NewUser = Callable[..., str]


@pytest.fixture
def new_user(neo4j_server: Settings) -> Iterator[NewUser]:
    """Creates users (on the system database) with PASSWORD; drops them at the end."""
    created: list[str] = []
    uri, auth = _bolt_uri(neo4j_server), _admin_auth(neo4j_server)

    def create(name: str, change_required: bool) -> str:
        required = "CHANGE REQUIRED" if change_required else "CHANGE NOT REQUIRED"
        with neo4j.GraphDatabase.driver(uri, auth=auth) as driver:
            driver.execute_query(f"DROP USER {name} IF EXISTS", database_="system")
            driver.execute_query(
                f"CREATE USER {name} IF NOT EXISTS SET PASSWORD $password {required}",
                password=PASSWORD, database_="system")
        created.append(name)
        return name

    yield create
    with neo4j.GraphDatabase.driver(uri, auth=auth) as driver:
        for name in created:
            driver.execute_query(f"DROP USER {name} IF EXISTS", database_="system")


def _stats_as(settings: Settings, user: str, password: str) -> subprocess.CompletedProcess:
    """`iikg stats` as a subprocess, logging in to the test server as `user`."""
    env = cli_env(settings)
    env.update(NEO4J_URI=_bolt_uri(settings), NEO4J_USER=user, NEO4J_PASSWORD=password)
    if settings.database:
        env["NEO4J_DATABASE"] = settings.database
    return subprocess.run(iikg("stats"), env=env, capture_output=True, text=True, timeout=300,
                          check=False)


def _one_line_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert PASSWORD not in result.stdout + result.stderr
    return lines[0]


def _wait_until_unlocked(uri: str, user: str, password: str) -> None:
    """Log in as `user` until the server lets it in (its lock after failed logins is over)."""
    deadline = time.monotonic() + LOCK_SECONDS
    while True:
        try:
            with neo4j.GraphDatabase.driver(uri, auth=(user, password)) as driver:
                driver.execute_query("RETURN 1")
            return
        except neo4j.exceptions.Neo4jError as exc:
            if exc.code != RATE_LIMIT or \
                    time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_an_expired_password_is_one_clear_line(neo4j_server: Settings, new_user: NewUser) -> None:
    user = new_user("iikg_expired", change_required=True)
    line = _one_line_error(_stats_as(neo4j_server, user, PASSWORD))
    assert f"the password of user {user} on Neo4j at" in line and "has expired" in line, line


def test_a_wrong_password_is_one_clear_line(neo4j_server: Settings, new_user: NewUser) -> None:
    user = new_user("iikg_wrong_password", change_required=False)
    line = _one_line_error(_stats_as(neo4j_server, user, "not-the-password"))
    assert f"rejected the credentials for user {user}" in line, line
    _wait_until_unlocked(_bolt_uri(neo4j_server), user, PASSWORD)


def _lock(uri: str, user: str) -> list[str]:
    """Fail to log in as `user` until the server answers with its rate limit; the codes met."""
    codes: list[str] = []
    for _ in range(6):  # 3 failed logins lock the user; the next ones meet the rate limit
        with neo4j.GraphDatabase.driver(uri, auth=(user, "wrong-password")) as driver, \
                pytest.raises(neo4j.exceptions.Neo4jError) as caught:
            driver.execute_query("RETURN 1")
        codes.append(caught.value.code or "")
        if codes[-1] == RATE_LIMIT:
            break
    return codes


def test_the_login_rate_limit_is_one_clear_line(neo4j_server: Settings, new_user: NewUser) -> None:
    """Run in-process (click's CliRunner, the same `iikg` group) so the command logs in within
    the 5 s lock; on a box so slow that the lock ended first, lock again and retry."""
    user = new_user("iikg_rate_limited", change_required=False)
    uri = _bolt_uri(neo4j_server)
    env = {"NEO4J_URI": uri, "NEO4J_USER": user, "NEO4J_PASSWORD": PASSWORD,
           "NEO4J_DATABASE": neo4j_server.database}
    try:
        for _ in range(3):
            codes = _lock(uri, user)
            assert codes[-1] == RATE_LIMIT, codes
            # While the lock lasts, the right password is refused too: the rate limit answers.
            result = CliRunner().invoke(cli.main, ["stats"], env=env)
            if result.exit_code != 0:
                break
        assert result.exit_code == 1, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in result.output, result.output
        line = lines[0]
        assert f"refuses logins for now: too many failed attempts for user {user}" in line, line
        assert "login rate limit" in line and "cannot reach" not in line, line
        assert PASSWORD not in result.output
    finally:
        _wait_until_unlocked(uri, user, PASSWORD)
