"""A local Neo4j 5.26 Community server, assembled from Maven Central and run with ``java``.

How the local server is assembled
---------------------------------
Neo4j publishes every jar of its server on Maven Central, so no tarball and no Docker are needed:

1. ``HOME = $IIKG_CACHE_DIR/neo4j-<version>`` (default ``~/.cache/iikg/neo4j-5.26.30``).
   A generated ``HOME/pom.xml`` depends on
   ``org.neo4j.app:neo4j-server``, ``org.neo4j:neo4j`` (same version; holds
   ``org.neo4j.server.CommunityEntryPoint``) and ``org.neo4j.client:neo4j-browser:5.24.0``
   (the last Browser published on Central; served at ``/browser/``), plus, as ``provided``,
   ``org.neo4j.procedure:apoc-core`` and ``apoc-common`` 5.26.19 (the newest 5.26 APOC on
   Central; apoc-core's pom does not declare apoc-common, which it needs).
2. One ``mvn -q -B dependency:copy-dependencies@…`` run (maven-dependency-plugin 3.8.1, the
   user's ``~/.m2`` as cache) copies the server jars to ``HOME/lib``, the two APOC jars to
   ``HOME/plugins`` and APOC's third-party jars to ``HOME/plugin-lib``. A ``.assembled`` marker
   records the versions; later starts skip Maven entirely.
3. ``HOME/conf/neo4j.conf`` is written on every start: directories inside HOME, listen and
   advertise on 127.0.0.1, Bolt 7687 and HTTP 7474 (``IIKG_NEO4J_BOLT_PORT``,
   ``IIKG_NEO4J_HTTP_PORT``), HTTPS off, auth disabled (the server only listens on loopback),
   usage reports off, ``apoc.*`` unrestricted, a 256 MB page cache, and a zero Bolt shutdown
   quiet period (a clean stop takes ~1.5 s instead of ~10 s).
4. ``java -Xms<heap> -Xmx<heap>`` (``IIKG_NEO4J_HEAP``, default 1g) with the flags of Neo4j's
   default ``server.jvm.additional`` (G1, ``--add-opens`` for java.nio, java.io and
   sun.nio.ch, ``-Dio.netty.tryReflectionSetAccessible=true``, ...; ``AlwaysPreTouch`` left out
   to keep memory modest), classpath ``lib/*:plugins/*:plugin-lib/*`` (APOC registers its
   extensions through the classpath; procedures are also scanned from ``plugins``), main class
   ``org.neo4j.server.CommunityEntryPoint`` (read from the neo4j jar's service file; 2025.x+
   renamed it ``Neo4jCommunity``) with ``--home-dir=HOME --config-dir=HOME/conf
   --console-mode``. The process runs detached in its own session; its pid is in
   ``HOME/run/neo4j.pid`` and its console output in ``HOME/logs/console.log``.
   The first run dumps an AppCDS archive (``HOME/cds-java<version>.jsa``, ~100 MB) when it
   stops (so that first stop takes 10-30 s); later runs map it, which roughly halves the start
   time. Delete the file to have it written again.
5. Ready means Bolt accepts a connection and the HTTP port answers; ``stop`` sends SIGTERM,
   waits for the clean shutdown and only then kills.

Named instances (``IIKG_NEO4J_INSTANCE=test``, as the test suite uses) get their own HOME
(``neo4j-<version>-<instance>``: conf, data, logs, run) and share the jars of the default one;
give them their own ports.

Java 17 or 21 and Maven 3.6.3+ are needed (Maven only for the first start). Without them,
``docker compose up -d --wait`` with the project's docker-compose.yml gives an equivalent
server.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from graph.browser import serve as browser_assets
from graph.errors import MissingToolError, Neo4jLocalError

NEO4J_VERSION = "5.26.30"
BROWSER_VERSION = "5.24.0"
APOC_VERSION = "5.26.19"
DEPENDENCY_PLUGIN_VERSION = "3.8.1"
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
        """The Browser, told to connect to this server without a login form."""
        return f"{self.browser_url}?dbms={self.bolt_uri}&preselectAuthMethod=NO_AUTH"

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


# --- assembly ----------------------------------------------------------------------------


def render_pom(server: LocalServer) -> str:
    """The Maven project whose dependencies are the server (compile) and APOC (provided)."""
    deps = [
        ("org.neo4j.app", "neo4j-server", server.version, "compile"),
        ("org.neo4j", "neo4j", server.version, "compile"),
        ("org.neo4j.client", "neo4j-browser", server.browser_version, "compile"),
    ]
    if server.apoc_version:
        deps += [
            ("org.neo4j.procedure", "apoc-core", server.apoc_version, "provided"),
            ("org.neo4j.procedure", "apoc-common", server.apoc_version, "provided"),
        ]
    dep_xml = "\n".join(
        f"    <dependency><groupId>{g}</groupId><artifactId>{a}</artifactId>"
        f"<version>{v}</version><scope>{s}</scope></dependency>"
        for g, a, v, s in deps
    )
    # Three executions of copy-dependencies, run by id in a single mvn call.
    executions = [
        ("server", "lib", "<includeScope>runtime</includeScope>"),
        (
            "apoc",
            "plugins",
            "<includeScope>provided</includeScope>"
            "<includeGroupIds>org.neo4j.procedure</includeGroupIds>",
        ),
        (
            "apoc-deps",
            "plugin-lib",
            "<includeScope>provided</includeScope>"
            "<excludeGroupIds>org.neo4j.procedure</excludeGroupIds>",
        ),
    ]
    exec_xml = "\n".join(
        f"          <execution><id>{i}</id><configuration>"
        f"<outputDirectory>${{project.basedir}}/{d}</outputDirectory>{extra}"
        f"</configuration></execution>"
        for i, d, extra in executions
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by iikg (graph/neo4j_local.py): the jars of a local Neo4j server. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.iikg</groupId>
  <artifactId>neo4j-local</artifactId>
  <version>{server.version}</version>
  <packaging>pom</packaging>
  <dependencies>
{dep_xml}
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>{DEPENDENCY_PLUGIN_VERSION}</version>
        <executions>
{exec_xml}
        </executions>
      </plugin>
    </plugins>
  </build>
</project>
"""


def assembly_record(server: LocalServer) -> dict[str, str | None]:
    """The versions recorded in HOME/.assembled once the jars are in place."""
    return {"neo4j": server.version, "browser": server.browser_version, "apoc": server.apoc_version}


def is_assembled(server: LocalServer) -> bool:
    """True when HOME holds a complete assembly of exactly these versions."""
    try:
        recorded = json.loads((server.jars / ".assembled").read_text())
    except (OSError, ValueError):
        return False
    return recorded == assembly_record(server) and any((server.jars / "lib").glob("neo4j-*.jar"))


def find_tool(name: str, env: Mapping[str, str] | None = None) -> str:
    """Path of ``java`` (JAVA_HOME first) or ``mvn``; MissingToolError says what to install."""
    env = os.environ if env is None else env
    if name == "java" and env.get("JAVA_HOME"):
        candidate = Path(env["JAVA_HOME"]) / "bin" / "java"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which(name, path=env.get("PATH"))
    if not found:
        raise MissingToolError(f"`{name}` was not found on PATH: {INSTALL_HINT}")
    return found


def java_version(java: str) -> str:
    """The version string of a java binary, such as "17.0.15"."""
    out = subprocess.run(
        [java, "-version"], capture_output=True, text=True, timeout=60, check=False
    )
    match = re.search(r'version "([^"]+)"', out.stderr + out.stdout)
    if not match:
        raise Neo4jLocalError(f"cannot tell the version of {java}: {out.stderr.strip()}")
    return match.group(1)


def java_major(version: str) -> int:
    """17 for "17.0.15", 8 for "1.8.0_402"."""
    parts = [int(p) for p in re.findall(r"\d+", version)[:2]] + [0]
    return parts[1] if parts[0] == 1 else parts[0]


def assemble(server: LocalServer, *, progress: Progress | None = None) -> None:
    """Copy the server's jars from Maven Central into ``server.jars`` unless already there."""
    if is_assembled(server):
        return
    say = progress or log.info
    mvn = find_tool("mvn")
    server.jars.mkdir(parents=True, exist_ok=True)
    (server.jars / ".assembled").unlink(missing_ok=True)
    for sub in ("lib", "plugins", "plugin-lib"):
        shutil.rmtree(server.jars / sub, ignore_errors=True)
    (server.jars / "pom.xml").write_text(render_pom(server), encoding="utf-8")
    goals = ["dependency:copy-dependencies@server"]
    if server.apoc_version:
        goals += ["dependency:copy-dependencies@apoc", "dependency:copy-dependencies@apoc-deps"]
    say(
        f"Assembling Neo4j {server.version} from Maven Central into {server.jars} "
        "(first start only; about 140 MB, cached in ~/.m2)..."
    )
    started = time.monotonic()
    try:
        done = subprocess.run(
            [mvn, "-q", "-B", "-f", str(server.jars / "pom.xml"), *goals],
            cwd=server.jars,
            capture_output=True,
            text=True,
            timeout=3600,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise Neo4jLocalError("Maven did not finish within an hour") from exc
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-20:])
        raise Neo4jLocalError(
            f"Maven could not fetch Neo4j {server.version} (exit {done.returncode}); "
            f"pom: {server.jars / 'pom.xml'}\n{tail}"
        )
    (server.jars / ".assembled").write_text(json.dumps(assembly_record(server)) + "\n")
    say(f"Assembled Neo4j {server.version} in {time.monotonic() - started:.0f}s.")


def render_conf(server: LocalServer) -> str:
    """neo4j.conf for the managed server: loopback only, no auth, everything inside HOME."""
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
        # Loopback only, so no password: the driver and the Browser connect without auth.
        "dbms.security.auth_enabled=false",
        "dbms.usage_report.enabled=false",
        f"server.memory.pagecache.size={server.page_cache}",
        "db.tx_log.rotation.retention_policy=100M size",
        # Netty waits 5 s of quiet twice on shutdown by default; 0 keeps the shutdown clean.
        "internal.dbms.bolt.netty_server_shutdown_quiet_period=0",
    ]
    if server.apoc_version:
        lines.append("dbms.security.procedures.unrestricted=apoc.*")
    return "\n".join(lines) + "\n"


def entry_point(server: LocalServer) -> str:
    """The server's main class, as the neo4j jar declares it (it was renamed in 2025.x)."""
    jar = server.jars / "lib" / f"neo4j-{server.version}.jar"
    try:
        with zipfile.ZipFile(jar) as archive:
            names = archive.read(ENTRY_POINT_SERVICE).decode().split()
    except (OSError, KeyError, zipfile.BadZipFile):
        return MAIN_CLASS
    return names[0] if names else MAIN_CLASS


def cds_archive(server: LocalServer, java_version: str) -> Path:
    """The class-data-sharing archive for this JVM version (see java_command)."""
    return server.home / f"cds-java{re.sub(r'[^0-9A-Za-z._-]', '_', java_version)}.jsa"


def java_command(server: LocalServer, java: str, java_version: str) -> list[str]:
    """The full command line that runs the server in the foreground.

    Start-up is mostly class loading. The first run writes an AppCDS archive of the loaded
    classes when it exits; later runs map it, which roughly halves the start time. A stale or
    broken archive is ignored by the JVM (it then starts without one).
    """
    h = server.home
    classpath = os.pathsep.join(
        str(server.jars / d / "*") for d in ("lib", "plugins", "plugin-lib")
    )
    archive = cds_archive(server, java_version)
    cds = (
        f"-XX:SharedArchiveFile={archive}"
        if archive.is_file()
        else f"-XX:ArchiveClassesAtExit={archive}"
    )
    return [
        java,
        f"-Xms{server.heap}",
        f"-Xmx{server.heap}",
        cds,
        "-Xlog:cds*=off",  # CDS notices (classes it skips, JDK 25 module notes) are noise here
        *JVM_FLAGS,
        "-cp",
        classpath,
        entry_point(server),
        f"--home-dir={h}",
        f"--config-dir={h / 'conf'}",
        "--console-mode",
    ]


# --- process management ------------------------------------------------------------------


@contextlib.contextmanager
def _locked(server: LocalServer) -> Iterator[None]:
    """Serialize start/stop across processes (two test sessions starting at once)."""
    server.home.mkdir(parents=True, exist_ok=True)
    with open(server.home / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _alive(pid: int) -> bool:
    """True if ``pid`` runs and is not a zombie (reaping it if it is our exited child)."""
    with contextlib.suppress(ChildProcessError, OSError):
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    with contextlib.suppress(OSError):
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] != "Z"
    return True


def _is_our_server(server: LocalServer, pid: int) -> bool:
    """Guard against a stale pid file whose pid now belongs to another program."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return _alive(pid)  # no /proc (macOS): trust the pid file
    return "--console-mode" in cmdline and f"--home-dir={server.home}\0" in cmdline


def running_pid(server: LocalServer) -> int | None:
    """The pid of the managed server if it is running, else None (stale pid files removed)."""
    try:
        pid = int(server.pid_file.read_text().strip())
    except (OSError, ValueError):
        return None
    if _alive(pid) and _is_our_server(server, pid):
        return pid
    server.pid_file.unlink(missing_ok=True)
    return None


def _port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1.0)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def log_tail(server: LocalServer, lines: int = 40) -> str:
    """The last lines of the server's console log (for error messages)."""
    try:
        text = server.log_file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "(no log yet)"
    return "\n".join(text.splitlines()[-lines:])


def _wait_http(url: str, deadline: float, alive: Callable[[], bool]) -> None:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        if not alive() or time.monotonic() >= deadline:
            raise Neo4jLocalError(f"the HTTP endpoint {url} did not answer")
        time.sleep(0.5)


def start(
    server: LocalServer | None = None,
    *,
    timeout: float = 180.0,
    progress: Progress | None = None,
) -> LocalServer:
    """Assemble (first time) and start the managed server; return once Bolt and HTTP answer.

    Does nothing if it is already running. Raises MissingToolError when java or mvn is missing
    and Neo4jLocalError (with the log tail) when the server does not come up.
    """
    from graph import store  # the driver is only needed here, for the readiness check

    server = server or LocalServer.from_env()
    say = progress or log.info
    with _locked(server):
        if running_pid(server) is not None:
            browser_assets.ensure_running(server.home / "run")
            return server
        java = find_tool("java")
        jversion = java_version(java)
        major = java_major(jversion)
        needed = 17 if server.version.startswith("5.") else 21  # 2025.x+ needs Java 21
        if major < needed:
            raise MissingToolError(
                f"{java} is Java {major}; Neo4j {server.version} needs {needed}+: {INSTALL_HINT}"
            )
        assemble(server, progress=say)
        for port in (server.bolt_port, server.http_port):
            if _port_in_use(port):
                raise Neo4jLocalError(
                    f"port {port} on 127.0.0.1 is taken by another program; stop it, or set "
                    "IIKG_NEO4J_BOLT_PORT/IIKG_NEO4J_HTTP_PORT, or point NEO4J_URI at that server"
                )
        for sub in ("conf", "data", "logs", "run", "import"):
            (server.home / sub).mkdir(parents=True, exist_ok=True)
        # The Browser settings name the port of the style/guide server it starts (graph/browser).
        conf = render_conf(server) + browser_assets.managed_conf(server.home / "run")
        server.conf_file.write_text(conf, encoding="utf-8")

        dumping_cds = not cds_archive(server, jversion).is_file()
        say(f"Starting Neo4j {server.version} (Java {major}) from {server.home} ...")
        started = time.monotonic()
        with open(server.log_file, "ab") as out:
            proc = subprocess.Popen(
                java_command(server, java, jversion),
                cwd=server.home,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # survives the CLI; Ctrl-C in the shell does not reach it
            )
        server.pid_file.write_text(f"{proc.pid}\n")

        def alive() -> bool:
            return proc.poll() is None

        try:
            store.wait_for_bolt(server.bolt_uri, timeout=timeout, alive=alive)
            _wait_http(server.http_url, time.monotonic() + 30, alive)
        except (store.StoreError, Neo4jLocalError) as exc:
            if alive():
                _terminate(proc.pid, 30)
            server.pid_file.unlink(missing_ok=True)
            browser_assets.stop_background(server.home / "run")
            if dumping_cds:  # an archive of a failed run would be reused by every later start
                cds_archive(server, jversion).unlink(missing_ok=True)
            raise Neo4jLocalError(
                f"Neo4j did not start: {exc}\n--- {server.log_file} (last lines) ---\n"
                f"{log_tail(server)}"
            ) from exc
        say(f"Neo4j {server.version} is up after {time.monotonic() - started:.1f}s.")
        return server


def _terminate(pid: int, timeout: float) -> bool:
    """SIGTERM, wait up to ``timeout``, then SIGKILL. True if the clean shutdown finished."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.2)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    while _alive(pid):
        time.sleep(0.1)
    return False


def stop(server: LocalServer | None = None, *, timeout: float = 120.0) -> bool:
    """Stop the managed server. Returns False if it was not running.

    Raises Neo4jLocalError if it had to be killed after ``timeout`` seconds.
    """
    server = server or LocalServer.from_env()
    with _locked(server):
        pid = running_pid(server)
        if pid is None:
            return False
        clean = _terminate(pid, timeout)
        server.pid_file.unlink(missing_ok=True)
        browser_assets.stop_background(server.home / "run")
    if not clean:
        raise Neo4jLocalError(
            f"Neo4j (pid {pid}) did not stop within {timeout:.0f}s and was killed; "
            f"see {server.home / 'logs' / 'debug.log'}"
        )
    return True


def status(server: LocalServer | None = None) -> LocalStatus:
    """Whether the managed server runs, and its version as reported by dbms.components()."""
    from graph import store
    from graph.config import Settings

    server = server or LocalServer.from_env()
    pid = running_pid(server)
    assembled = is_assembled(server)
    if pid is None:
        return LocalStatus(server=server, assembled=assembled, pid=None)
    try:
        with store.connect(Settings(uri=server.bolt_uri, managed=True)) as driver:
            info = store.server_info(driver)
    except store.StoreError as exc:
        # Still starting, or hung: report the process and why it does not answer.
        return LocalStatus(server=server, assembled=assembled, pid=pid, problem=str(exc))
    return LocalStatus(
        server=server, assembled=assembled, pid=pid, version=info.version, edition=info.edition
    )
