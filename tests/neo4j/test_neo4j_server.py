"""The Neo4j plumbing: settings, the store basics on a real server, the managed local server."""

from __future__ import annotations

import json
import socket
import urllib.request
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph import cli
from graph.errors import ConfigError, StoreError
from graph.neo4j import Settings, connect, resolve_settings
from graph.neo4j import local as neo4j_local

# --- settings (plain data) -------------------------------------------------------------------


def test_password_never_in_repr_or_str() -> None:
    settings = Settings(uri="bolt://db:7687", user="alice", password="s3cret-pw")
    for text in (repr(settings), str(settings), f"{settings}", repr([settings])):
        assert "s3cret-pw" not in text
        assert "alice" in text and "***" in text
    assert settings.auth == ("alice", "s3cret-pw")


@pytest.mark.parametrize(
    "uri",
    [
        "neo4j+s://abcd1234.databases.neo4j.io",
        "neo4j://core1.example.com:7687",
        "neo4j+ssc://10.0.0.5:7687",
        "bolt+s://db.example.com:7687",
        "bolt://localhost:7687",
    ],
)
def test_any_driver_uri_is_kept_unchanged(uri: str) -> None:
    settings = resolve_settings(uri, start_local=False, env={})
    assert settings.uri == uri
    assert not settings.managed


@pytest.mark.parametrize("uri", ["http://localhost:7474", "localhost:7687", "bolt://", "neo4j"])
def test_non_neo4j_uris_are_rejected(uri: str) -> None:
    with pytest.raises(ConfigError, match="not a Neo4j URI"):
        resolve_settings(uri, start_local=False, env={})


def test_explicit_values_win_over_environment_and_blank_means_unset() -> None:
    env = {
        "NEO4J_URI": "neo4j+s://aura.example.io",
        "NEO4J_USER": "env-user",
        "NEO4J_PASSWORD": "env-pw",
        "NEO4J_DATABASE": "",
    }
    settings = resolve_settings(user="cli-user", start_local=False, env=env)
    assert settings.uri == "neo4j+s://aura.example.io"
    assert settings.auth == ("cli-user", "env-pw")
    assert settings.database is None


def test_without_uri_the_managed_server_is_used() -> None:
    env = {"IIKG_NEO4J_BOLT_PORT": "7999", "IIKG_CACHE_DIR": "/tmp/iikg-test-cache"}
    settings = resolve_settings(password="ignored", start_local=False, env=env)
    assert settings.managed
    assert settings.uri == "bolt://127.0.0.1:7999"
    assert settings.auth is None  # no password kept in that (empty) cache directory yet


# --- the managed server's files (plain data) -------------------------------------------------


def test_local_server_from_env(tmp_path: Path) -> None:
    env = {
        "IIKG_CACHE_DIR": str(tmp_path),
        "IIKG_NEO4J_BOLT_PORT": "17001",
        "IIKG_NEO4J_HTTP_PORT": "17002",
        "IIKG_NEO4J_HEAP": "768m",
        "IIKG_NEO4J_PAGECACHE": "512m",
    }
    server = neo4j_local.LocalServer.from_env(env)
    assert server.home == tmp_path / f"neo4j-{neo4j_local.NEO4J_VERSION}"
    assert (server.bolt_uri, server.browser_url) == (
        "bolt://127.0.0.1:17001",
        "http://127.0.0.1:17002/browser/",
    )
    conf = neo4j_local.render_conf(server)
    assert "server.bolt.listen_address=127.0.0.1:17001" in conf
    assert "server.http.listen_address=127.0.0.1:17002" in conf
    assert "dbms.security.auth_enabled=true" in conf
    assert "dbms.security.http_access_control_allow_origin=http://127.0.0.1:17002" in conf
    assert "dbms.usage_report.enabled=false" in conf
    assert "server.memory.pagecache.size=512m" in conf
    assert f"server.directories.data={server.home / 'data'}" in conf
    command = neo4j_local.java_command(server, "java", "17.0.15")
    assert "-Xmx768m" in command and neo4j_local.MAIN_CLASS in command
    assert f"--home-dir={server.home}" in command


def test_named_instance_has_its_own_state_and_shares_the_jars(tmp_path: Path) -> None:
    env = {"IIKG_CACHE_DIR": str(tmp_path), "IIKG_NEO4J_INSTANCE": "test"}
    default = neo4j_local.LocalServer.from_env({"IIKG_CACHE_DIR": str(tmp_path)})
    server = neo4j_local.LocalServer.from_env(env)
    assert server.home == tmp_path / f"neo4j-{neo4j_local.NEO4J_VERSION}-test" != default.home
    assert server.jars == default.jars == default.home
    conf = neo4j_local.render_conf(server)
    assert f"server.directories.data={server.home / 'data'}" in conf
    assert f"server.directories.lib={default.home / 'lib'}" in conf
    with pytest.raises(neo4j_local.Neo4jLocalError, match="IIKG_NEO4J_INSTANCE"):
        neo4j_local.LocalServer.from_env({**env, "IIKG_NEO4J_INSTANCE": "../x"})


@pytest.mark.parametrize(
    ("name", "value"), [("IIKG_NEO4J_BOLT_PORT", "70000"), ("IIKG_NEO4J_HEAP", "lots"),
                        ("IIKG_NEO4J_PAGECACHE", "1 GB")]
)
def test_bad_local_server_settings_are_rejected(name: str, value: str) -> None:
    with pytest.raises(neo4j_local.Neo4jLocalError, match=name):
        neo4j_local.LocalServer.from_env({name: value})


def test_pom_names_the_server_browser_and_apoc_artifacts(tmp_path: Path) -> None:
    pom = neo4j_local.render_pom(neo4j_local.LocalServer(home=tmp_path))
    for artifact in ("neo4j-server", "neo4j-browser", "apoc-core", "apoc-common",
                     "woodstox-core", "hadoop-shaded-guava"):
        assert f"<artifactId>{artifact}</artifactId>" in pom
    assert "<outputDirectory>${project.basedir}/lib-extra</outputDirectory>" in pom
    assert f"<version>{neo4j_local.NEO4J_VERSION}</version>" in pom
    without_apoc = neo4j_local.render_pom(neo4j_local.LocalServer(home=tmp_path, apoc_version=None))
    assert "apoc" not in without_apoc.split("<build>")[0]


@pytest.mark.parametrize("tool", ["java", "mvn"])
def test_missing_tool_says_what_to_install(tool: str, tmp_path: Path) -> None:
    with pytest.raises(neo4j_local.MissingToolError) as caught:
        neo4j_local.find_tool(tool, env={"PATH": str(tmp_path)})
    message = str(caught.value)
    assert f"`{tool}`" in message
    assert "apt-get install openjdk-17-jre-headless maven" in message
    assert "docker compose up -d --wait" in message


def test_entry_point_is_read_from_the_neo4j_jar(tmp_path: Path) -> None:
    server = neo4j_local.LocalServer(home=tmp_path, version="2026.08.1")
    assert neo4j_local.entry_point(server) == neo4j_local.MAIN_CLASS  # no jar yet
    (tmp_path / "lib").mkdir()
    with zipfile.ZipFile(tmp_path / "lib" / "neo4j-2026.08.1.jar", "w") as jar:
        jar.writestr(neo4j_local.ENTRY_POINT_SERVICE, "org.neo4j.server.Neo4jCommunity\n")
    assert neo4j_local.entry_point(server) == "org.neo4j.server.Neo4jCommunity"


def test_java_major_versions() -> None:
    assert neo4j_local.java_major("17.0.15") == 17
    assert neo4j_local.java_major("21") == 21
    assert neo4j_local.java_major("1.8.0_402") == 8


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_unreachable_server_is_a_clear_error() -> None:
    uri = f"bolt://127.0.0.1:{_free_port()}"
    with pytest.raises(StoreError, match=f"cannot reach Neo4j at {uri}"):
        connect(Settings(uri=uri, password="pw-not-shown"))


# --- a real server ---------------------------------------------------------------------------


def test_server_reports_version(neo4j_driver, neo4j_server: Settings) -> None:
    info = neo4j_driver.server_info()
    assert info.name == "Neo4j Kernel"
    if neo4j_server.managed:
        assert (info.version, info.edition) == (neo4j_local.NEO4J_VERSION, "community")
        assert info.version.startswith("5.26.")
    else:
        assert info.version.split(".")[0].isdigit()


def test_database_starts_empty(neo4j_db, neo4j_server: Settings) -> None:
    rows = neo4j_db.run_read("MATCH (n) RETURN count(n) AS n")
    assert rows == [{"n": 0}]


def test_parameterized_write_then_read(neo4j_db) -> None:
    platforms = [
        {"name": "卡奥斯COSMOPlat", "owner": "海尔集团"},
        {"name": "根云", "owner": "树根互联"},
        {"name": 'O\'Brien "quoted" 平台', "owner": "海尔集团"},  # quotes stay data
    ]
    written = neo4j_db.run_write(
        "UNWIND $rows AS row "
        "MERGE (c:Company {name: row.owner}) "
        "MERGE (p:Platform {name: row.name}) "
        "MERGE (p)-[:DEVELOPED_BY]->(c) "
        "RETURN count(*) AS n",
        {"rows": platforms},
    )
    assert written == [{"n": 3}]
    rows = neo4j_db.run_read(
        "MATCH (p:Platform)-[:DEVELOPED_BY]->(c:Company) "
        "WITH c, p ORDER BY p.name "
        "RETURN c.name AS company, collect(p.name) AS platforms ORDER BY company",
    )
    assert rows == [
        {"company": "树根互联", "platforms": ["根云"]},
        {"company": "海尔集团", "platforms": sorted(["卡奥斯COSMOPlat", 'O\'Brien "quoted" 平台'])},
    ]
    count = neo4j_db.run_read(
        "MATCH (c:Company {name: $name}) RETURN count(c) AS n", {"name": "海尔集团"}
    )
    assert count == [{"n": 1}]  # MERGE did not duplicate the shared owner


def test_run_read_is_routed_as_read(neo4j_db, neo4j_server: Settings) -> None:
    with pytest.raises(StoreError, match="Neo4j rejected the query"):
        neo4j_db.run_read("CREATE (:Company {name: 'x'})")
    rows = neo4j_db.run_read("MATCH (n) RETURN count(n) AS n")
    assert rows == [{"n": 0}]


def test_bad_cypher_names_the_error_code(neo4j_driver) -> None:
    with pytest.raises(StoreError, match=r"Neo\.ClientError\.Statement\.SyntaxError"):
        neo4j_driver.run_read("MATCH (n RETURN n")


def _managed(settings: Settings) -> neo4j_local.LocalServer:
    if not settings.managed:
        pytest.skip("NEO4J_URI points to an external server; this checks the managed one")
    return neo4j_local.LocalServer.from_env()


def test_browser_answers(neo4j_server: Settings) -> None:
    server = _managed(neo4j_server)
    for url in (server.browser_url, server.browser_connect_url):
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200
            assert "<title>Neo4j Browser</title>" in response.read().decode()
    with urllib.request.urlopen(server.http_url, timeout=10) as response:
        discovery = json.load(response)
    assert discovery["neo4j_version"] == neo4j_local.NEO4J_VERSION
    assert discovery["bolt_direct"] == server.bolt_uri


def test_cli_status_reports_the_running_server(neo4j_server: Settings) -> None:
    server = _managed(neo4j_server)
    result = CliRunner().invoke(cli.main, ["neo4j", "status"], env={"NEO4J_URI": None})
    assert result.exit_code == 0, result.output
    assert f"Neo4j {neo4j_local.NEO4J_VERSION} (community) is running" in result.output
    assert server.browser_url in result.output


def test_cli_status_of_an_unreachable_uri_fails() -> None:
    uri = f"neo4j://127.0.0.1:{_free_port()}"
    result = CliRunner().invoke(
        cli.main, ["neo4j", "status", "--uri", uri, "--password", "pw-not-shown"]
    )
    assert result.exit_code == 1
    assert f"cannot reach Neo4j at {uri}" in result.output
    assert "pw-not-shown" not in result.output


# --- start / stop of a second managed server --------------------------------------------------


@pytest.fixture
def spare_server(tmp_path: Path) -> neo4j_local.LocalServer:
    """A managed server on free ports in tmp_path, sharing the jars of the default one."""
    source = neo4j_local.LocalServer.from_env()
    neo4j_local.assemble(source)
    server = neo4j_local.LocalServer(
        home=tmp_path / "neo4j",
        bolt_port=_free_port(),
        http_port=_free_port(),
        heap="512m",
        apoc_version=source.apoc_version,  # the shared jars' assembly must match
        install=source.jars,
    )
    server.home.mkdir()
    assert neo4j_local.is_assembled(source)
    # An empty archive file: the JVM ignores it, and nothing is dumped at exit (slow stop).
    neo4j_local.cds_archive(server, neo4j_local.java_version(neo4j_local.find_tool("java"))).touch()
    return server


@pytest.mark.neo4j
def test_start_status_stop(spare_server: neo4j_local.LocalServer) -> None:
    server = spare_server
    assert not neo4j_local.status(server).running
    try:
        neo4j_local.start(server)
        first = neo4j_local.status(server)
        assert first.running and first.version == neo4j_local.NEO4J_VERSION
        assert neo4j_local.start(server) == server  # already running: no second process
        assert neo4j_local.status(server).pid == first.pid
    finally:
        stopped = neo4j_local.stop(server)
    assert stopped
    assert not neo4j_local.status(server).running
    assert not server.pid_file.exists()
    assert neo4j_local.stop(server) is False


@pytest.mark.neo4j
def test_failed_start_shows_the_log(spare_server: neo4j_local.LocalServer) -> None:
    broken = neo4j_local.LocalServer(
        home=spare_server.home,
        bolt_port=spare_server.bolt_port,
        http_port=spare_server.http_port,
        heap="1m",  # too small for the JVM to start at all
        apoc_version=spare_server.apoc_version,
        install=spare_server.install,
    )
    with pytest.raises(neo4j_local.Neo4jLocalError, match="did not start") as caught:
        neo4j_local.start(broken, timeout=60)
    assert "heap" in str(caught.value).lower()
    assert not neo4j_local.status(broken).running
