"""A tiny HTTP server for the Browser assets (style.grass, guide.html) on the loopback interface.

Neo4j Browser fetches `:style URL` and `:play URL` with the page's own JavaScript, so the files
must come from an HTTP(S) address on an allow-listed host, with CORS allowed. The managed local
Neo4j starts this server next to itself (`start_background`); `iikg browser --serve` runs it in
the foreground for any other server. Only the packaged assets are served, nothing else.

Run directly: `python -m graph.browser.serve --port 7478`.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from graph import detached
from graph.browser import GUIDE_FILE, STYLE_FILE, asset_bytes
from graph.errors import BrowserAssetsError

DEFAULT_PORT = 7478
HOST = "127.0.0.1"
# The Browser's built-in allowlist has "localhost"; the port is not part of the check.
URL_HOST = "localhost"
PID_FILE = "browser-assets.pid"
LOG_FILE = "browser-assets.log"

log = logging.getLogger(__name__)

_CONTENT_TYPES = {
    STYLE_FILE: "text/plain; charset=utf-8",
    GUIDE_FILE: "text/html; charset=utf-8",
}


class AssetHandler(BaseHTTPRequestHandler):
    server_version = "iikg-browser-assets"

    def _send(self, body: bytes | None) -> None:
        name = self.path.split("?", 1)[0].split("#", 1)[0].lstrip("/")
        if name not in _CONTENT_TYPES:
            self.send_error(404, "not an iikg Browser asset")
            return
        data = asset_bytes(name)  # read per request: edits show on the next :play
        self.send_response(200)
        self.send_header("Content-Type", _CONTENT_TYPES[name])
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        if body is None:
            self.wfile.write(data)

    def do_GET(self) -> None:
        self._send(None)

    def do_HEAD(self) -> None:
        self._send(b"")

    def do_OPTIONS(self) -> None:  # CORS pre-flight (the Browser sends pragma/cache-control)
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "*")
        self.send_header("Access-Control-Max-Age", "86400")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        sys.stderr.write(f"{self.address_string()} {format % args}\n")


def asset_url(port: int) -> str:
    return f"http://{URL_HOST}:{port}"


def make_server(port: int = DEFAULT_PORT) -> ThreadingHTTPServer:
    """Bind the asset server on 127.0.0.1:`port` (0 picks a free port); not yet serving."""
    return ThreadingHTTPServer((HOST, port), AssetHandler)


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # As the HTTP server does: a port held only by closed connections (TIME_WAIT) is free.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True


def answers(port: int, timeout: float = 1.0) -> bool:
    """True when our asset server answers on `port` (serves style.grass)."""
    try:
        with urllib.request.urlopen(f"http://{HOST}:{port}/{STYLE_FILE}", timeout=timeout) as r:
            return r.status == 200 and r.headers.get("Server", "").startswith("iikg-")
    except OSError:
        return False


def _read_pid(state_dir: Path) -> tuple[int, int] | None:
    try:
        pid_text, port_text = (state_dir / PID_FILE).read_text().split()
        return int(pid_text), int(port_text)
    except (OSError, ValueError):
        return None


def running_port(state_dir: Path) -> int | None:
    """Port of the background asset server recorded in `state_dir`, if it still answers."""
    record = _read_pid(state_dir)
    if record and detached.alive(record[0]) and answers(record[1]):
        return record[1]
    return None


def choose_port(preferred: int = DEFAULT_PORT) -> int:
    """`preferred` when it is free, else (or for 0) a free port picked by the kernel."""
    if preferred and port_is_free(preferred):
        return preferred
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_background(state_dir: Path, port: int | None = None, wait: float = 10.0) -> str:
    """Start (or reuse) the asset server as a detached process; return its base URL.

    The pid and port are kept in `state_dir/browser-assets.pid`, its log beside it.
    Raises RuntimeError when the server does not answer within `wait` seconds.
    """
    state_dir.mkdir(parents=True, exist_ok=True)
    current = running_port(state_dir)
    if current is not None and (port is None or port == current):
        return asset_url(current)
    if current is not None:
        stop_background(state_dir)
    if port is None:
        # A port recorded by a server that died is kept: the Browser settings name it.
        record = _read_pid(state_dir)
        preferred = record[1] if record else int(
            os.environ.get("IIKG_BROWSER_ASSETS_PORT", DEFAULT_PORT))
        port = choose_port(preferred)
    log = (state_dir / LOG_FILE).open("ab")
    proc = subprocess.Popen(
        [sys.executable, "-m", "graph.browser.serve", "--port", str(port)],
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=log,
        start_new_session=True,  # survives the CLI process that started it
    )
    log.close()
    detached.hold(proc)
    (state_dir / PID_FILE).write_text(f"{proc.pid} {port}\n")
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if answers(port, timeout=0.5):
            return asset_url(port)
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    stop_background(state_dir)
    raise RuntimeError(
        f"the Browser asset server did not start on {HOST}:{port}; see {state_dir / LOG_FILE}"
    )


def stop_background(state_dir: Path, wait: float = 5.0) -> bool:
    """Stop the background asset server recorded in `state_dir`; True if one was stopped."""
    record = _read_pid(state_dir)
    (state_dir / PID_FILE).unlink(missing_ok=True)
    if not record or not detached.alive(record[0]):
        return False
    pid = record[0]
    if not _is_asset_server(pid):
        return False  # the pid was reused by an unrelated process: leave it alone
    detached.terminate(pid, wait)  # a server too slow to stop holds no state: killed
    return True


def managed_conf(state_dir: Path) -> str:
    """neo4j.conf lines for a managed server: start (or reuse) the asset server first.

    A new Browser connection then loads the style and the guide by itself. If the asset server
    cannot start, Neo4j still starts, without these settings (the reason is logged).
    """
    from graph.browser import neo4j_settings

    try:
        url = start_background(state_dir)
    except (OSError, RuntimeError) as exc:
        log.warning("Neo4j Browser style and guide not configured: %s", exc)
        return ""
    lines = ["# Neo4j Browser: load the iikg style and guide on connect (graph/browser)."]
    lines += [f"{key}={value}" for key, value in neo4j_settings(url).items()]
    # A local, offline tool: the Browser should not load analytics scripts from the internet.
    lines.append("client.allow_telemetry=false")
    return "\n".join(lines) + "\n"


def ensure_running(state_dir: Path) -> None:
    """Restart the asset server of an already running managed Neo4j if it went away.

    A recorded server that still runs is left alone even when it is slow to answer (a loaded
    machine): another one would take another port, and Neo4j's settings name the first.
    """
    record = _read_pid(state_dir)
    if record is None or (detached.alive(record[0]) and _is_asset_server(record[0])):
        return
    managed_conf(state_dir)


def _is_asset_server(pid: int) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True  # no /proc (not Linux): trust the pid file
    return b"graph.browser.serve" in cmdline


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve_forever(port: int = DEFAULT_PORT) -> None:
    try:
        server = make_server(port)
    except OSError as exc:
        raise BrowserAssetsError(f"cannot serve on 127.0.0.1:{port}: {exc}") from exc
    signal.signal(signal.SIGTERM, _interrupt)  # stop cleanly on `kill`
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve the iikg Neo4j Browser style and guide.")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    args = parser.parse_args(argv)
    serve_forever(args.port)


if __name__ == "__main__":
    main()
