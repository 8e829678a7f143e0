"""Where a managed local server lives: its versions, ports, memory, directories and
neo4j.conf (see graph/neo4j/local/__init__.py for how it is assembled and run)."""


from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from graph.errors import Neo4jLocalError

NEO4J_VERSION = "5.26.30"
BROWSER_VERSION = "5.24.0"
APOC_VERSION = "5.26.19"
DEPENDENCY_PLUGIN_VERSION = "3.8.1"
# Jars the server needs but its pom leaves out. APOC handles every URL (LOAD CSV over HTTP and
# its own load procedures included) and first checks whether HDFS is there by loading
# org.apache.hadoop.fs.FileSystem from the hadoop-common jar Neo4j ships in lib/; that class
# cannot initialise without these, and the URL fails with NoClassDefFoundError
# com/ctc/wstx/io/InputBootstrapper. Versions: hadoop 3.5.0's.
EXTRA_JARS = (
    ("com.fasterxml.woodstox", "woodstox-core", "5.4.0"),
    ("org.codehaus.woodstox", "stax2-api", "4.2.1"),
    ("org.apache.commons", "commons-collections4", "4.4"),
    ("org.apache.hadoop.thirdparty", "hadoop-shaded-guava", "1.5.0"),
)
DEFAULT_BOLT_PORT = 7687
DEFAULT_HTTP_PORT = 7474
DEFAULT_HEAP = "1g"
DEFAULT_PAGE_CACHE = "256m"

INSTALL_HINT = (
    "install Java 17 and Maven (Debian/Ubuntu: `apt-get install openjdk-17-jre-headless maven`; "
    "macOS: `brew install openjdk@17 maven`), or run Neo4j with Docker instead: "
    "`docker compose up -d --wait` in the iikg directory, then set NEO4J_URI=bolt://localhost:7687 "
    "and NEO4J_PASSWORD (see README)"
)

# Neo4j 5.26's default server.jvm.additional, minus -XX:+AlwaysPreTouch (it commits the whole
# heap up front) and the JFR/diagnostic flags that only matter for profiling.
JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
)
MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"  # 5.x; 2025.x+ names another (see below)
ENTRY_POINT_SERVICE = "META-INF/services/org.neo4j.server.startup.EntryPoint"

log = logging.getLogger(__name__)
Progress = Callable[[str], None]




@dataclass(frozen=True)
class LocalServer:
    """Where a managed server lives and which ports it uses."""

    home: Path  # state: conf, data, logs, run, import (and the jars unless `install` is set)
    version: str = NEO4J_VERSION
    bolt_port: int = DEFAULT_BOLT_PORT
    http_port: int = DEFAULT_HTTP_PORT
    heap: str = DEFAULT_HEAP
    page_cache: str = DEFAULT_PAGE_CACHE
    browser_version: str = BROWSER_VERSION
    apoc_version: str | None = APOC_VERSION
    install: Path | None = None  # where the jars live when shared with another instance

    @property
    def jars(self) -> Path:
        """The assembled installation: pom.xml, lib/, plugins/, plugin-lib/."""
        return self.install or self.home

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> LocalServer:
        """The server described by IIKG_* variables, defaults otherwise."""
        env = os.environ if env is None else env
        version = env.get("IIKG_NEO4J_VERSION") or NEO4J_VERSION
        cache = env.get("IIKG_CACHE_DIR") or str(
            Path(env.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "iikg"
        )
        apoc = env.get("IIKG_NEO4J_APOC_VERSION", APOC_VERSION)
        install = Path(cache).expanduser().resolve() / f"neo4j-{version}"
        # A named instance (the test suite's, say) keeps its own database and logs but shares
        # the jars, so tests never touch the graph a user built on the default instance.
        instance = env.get("IIKG_NEO4J_INSTANCE", "")
        if instance and not re.fullmatch(r"[A-Za-z0-9_-]+", instance):
            raise Neo4jLocalError(f"IIKG_NEO4J_INSTANCE={instance!r}: use letters, digits, - or _")
        return cls(
            home=install.with_name(f"{install.name}-{instance}") if instance else install,
            install=install if instance else None,
            version=version,
            bolt_port=_port(env, "IIKG_NEO4J_BOLT_PORT", DEFAULT_BOLT_PORT),
            http_port=_port(env, "IIKG_NEO4J_HTTP_PORT", DEFAULT_HTTP_PORT),
            heap=_memory("IIKG_NEO4J_HEAP", env.get("IIKG_NEO4J_HEAP") or DEFAULT_HEAP),
            page_cache=_memory(
                "IIKG_NEO4J_PAGECACHE", env.get("IIKG_NEO4J_PAGECACHE") or DEFAULT_PAGE_CACHE
            ),
            apoc_version=apoc or None,  # IIKG_NEO4J_APOC_VERSION= (empty) turns APOC off
        )

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/"

    @property
    def browser_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/browser/"

    @property
    def browser_connect_url(self) -> str:
        """The Browser, its login form filled with this server and the user neo4j (the
        password is in ``HOME/auth/password``: Neo4j Browser takes none through its address
        that would not end up in logs and history)."""
        return f"{self.browser_url}?dbms=bolt://neo4j@127.0.0.1:{self.bolt_port}" \
            "&preselectAuthMethod=NATIVE"

    @property
    def pid_file(self) -> Path:
        return self.home / "run" / "neo4j.pid"

    @property
    def log_file(self) -> Path:
        return self.home / "logs" / "console.log"

    @property
    def conf_file(self) -> Path:
        return self.home / "conf" / "neo4j.conf"


@dataclass(frozen=True)
class LocalStatus:
    """The managed server's state; version and edition are None unless it is running."""

    server: LocalServer
    assembled: bool
    pid: int | None
    version: str | None = None
    edition: str | None = None
    problem: str | None = None  # why a running process does not answer on Bolt

    @property
    def running(self) -> bool:
        return self.pid is not None


def _port(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if not raw:
        return default
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise Neo4jLocalError(f"{name}={raw!r} is not a TCP port number")
    return int(raw)


def _memory(variable: str, raw: str) -> str:
    if not re.fullmatch(r"\d+[mMgG]", raw):
        raise Neo4jLocalError(f"{variable}={raw!r} must look like 512m or 1g")
    return raw




def render_conf(server: LocalServer) -> str:
    """neo4j.conf for the managed server: loopback only, auth on, the HTTP API's allowed
    origin its own Browser, everything inside HOME."""
    h = server.home
    lines = [
        "# Written by iikg on every start; edits here are overwritten.",
        f"server.directories.data={h / 'data'}",
        f"server.directories.logs={h / 'logs'}",
        f"server.directories.run={h / 'run'}",
        f"server.directories.import={h / 'import'}",
        f"server.directories.plugins={server.jars / 'plugins'}",
        f"server.directories.lib={server.jars / 'lib'}",
        "server.default_listen_address=127.0.0.1",
        "server.default_advertised_address=127.0.0.1",
        f"server.bolt.listen_address=127.0.0.1:{server.bolt_port}",
        f"server.bolt.advertised_address=127.0.0.1:{server.bolt_port}",
        f"server.http.listen_address=127.0.0.1:{server.http_port}",
        f"server.http.advertised_address=127.0.0.1:{server.http_port}",
        "server.https.enabled=false",
        # Auth on: a web page or another local user reaches 127.0.0.1 too (the Bolt port takes
        # WebSockets, which no CORS rule covers). iikg keeps the password (local/auth.py).
        "dbms.security.auth_enabled=true",
        # The HTTP API answers cross-origin requests from the server's own Browser only.
        f"dbms.security.http_access_control_allow_origin=http://127.0.0.1:{server.http_port}",
        "dbms.usage_report.enabled=false",
        f"server.memory.pagecache.size={server.page_cache}",
        "db.tx_log.rotation.retention_policy=100M size",
        # Netty waits 5 s of quiet twice on shutdown by default; 0 keeps the shutdown clean.
        "internal.dbms.bolt.netty_server_shutdown_quiet_period=0",
    ]
    if server.apoc_version:
        lines.append("dbms.security.procedures.unrestricted=apoc.*")
    return "\n".join(lines) + "\n"


