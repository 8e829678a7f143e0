"""Starting, stopping and checking the managed server process."""


from __future__ import annotations

import contextlib
import fcntl
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

from graph import detached
from graph.browser import serve as browser_assets
from graph.errors import MissingToolError, Neo4jLocalError, StoreError
from graph.neo4j.driver import open_driver, server_info, wait_for_bolt
from graph.neo4j.local import auth
from graph.neo4j.local.assemble import (
    assemble,
    cds_archive,
    find_tool,
    is_assembled,
    java_command,
    java_major,
    java_version,
)
from graph.neo4j.local.ports import port_mismatch
from graph.neo4j.local.server import (
    INSTALL_HINT,
    LocalServer,
    LocalStatus,
    Progress,
    log,
    render_conf,
)
from graph.neo4j.settings import Settings


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


def _is_our_server(server: LocalServer, pid: int) -> bool:
    """Guard against a stale pid file whose pid now belongs to another program."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return detached.alive(pid)  # no /proc (macOS): trust the pid file
    return "--console-mode" in cmdline and f"--home-dir={server.home}\0" in cmdline


def running_pid(server: LocalServer) -> int | None:
    """The pid of the managed server if it is running, else None (stale pid files removed)."""
    try:
        pid = int(server.pid_file.read_text().strip())
    except (OSError, ValueError):
        return None
    if detached.alive(pid) and _is_our_server(server, pid):
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
    server = server or LocalServer.from_env()
    say = progress or log.info
    with _locked(server):
        if running_pid(server) is not None:
            mismatch = port_mismatch(server)
            if mismatch:
                raise Neo4jLocalError(mismatch)
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
        detached.hold(proc)

        def alive() -> bool:
            return proc.poll() is None

        try:
            wait_for_bolt(server.bolt_uri, timeout=timeout, alive=alive)
            _wait_http(server.http_url, time.monotonic() + 30, alive)
            auth.set_up(server)
        except (StoreError, Neo4jLocalError) as exc:
            if alive():
                detached.terminate(proc.pid, 30)
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


def stop(server: LocalServer | None = None, *, timeout: float = 120.0) -> bool:
    """Stop the managed server. Returns False if it was not running.

    Raises Neo4jLocalError if it had to be killed after ``timeout`` seconds.
    """
    server = server or LocalServer.from_env()
    with _locked(server):
        pid = running_pid(server)
        if pid is None:
            return False
        clean = detached.terminate(pid, timeout)
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
    server = server or LocalServer.from_env()
    pid = running_pid(server)
    assembled = is_assembled(server)
    if pid is None:
        return LocalStatus(server=server, assembled=assembled, pid=None)
    mismatch = port_mismatch(server)
    if mismatch:
        return LocalStatus(server=server, assembled=assembled, pid=pid, problem=mismatch)
    try:
        login = Settings(uri=server.bolt_uri, user=auth.USER, password=auth.read_password(server),
                         managed=True)
        with open_driver(login) as driver:
            info = server_info(driver)
    except StoreError as exc:
        # Still starting, or hung: report the process and why it does not answer.
        return LocalStatus(server=server, assembled=assembled, pid=pid, problem=str(exc))
    return LocalStatus(
        server=server, assembled=assembled, pid=pid, version=info.version, edition=info.edition
    )

