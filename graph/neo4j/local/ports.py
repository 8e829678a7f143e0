"""The ports a running managed server was started with, read back from its neo4j.conf, and the
hint when the environment now names others (IIKG_NEO4J_BOLT_PORT changed while it runs)."""

from __future__ import annotations

import re

from graph.neo4j.local.server import LocalServer

_LISTEN = re.compile(r"^server\.(bolt|http)\.listen_address=.*:(\d+)\s*$", re.MULTILINE)


def started_ports(server: LocalServer) -> dict[str, int]:
    """{"bolt": port, "http": port} of the conf the running server was started with (empty
    when there is none to read)."""
    try:
        conf = server.conf_file.read_text(encoding="utf-8")
    except OSError:
        return {}
    return {kind: int(port) for kind, port in _LISTEN.findall(conf)}


def port_mismatch(server: LocalServer) -> str | None:
    """Why the running server cannot be the one the environment describes, or None."""
    ports = started_ports(server)
    wanted = {"bolt": server.bolt_port, "http": server.http_port}
    differ = {k: v for k, v in ports.items() if wanted.get(k) != v}
    if not differ:
        return None
    running = ", ".join(f"{k} {v}" for k, v in sorted(ports.items()))
    settings = " ".join(f"IIKG_NEO4J_{k.upper()}_PORT={v}" for k, v in sorted(ports.items()))
    asked = ", ".join(f"{k} {wanted[k]}" for k in sorted(differ))
    return (
        f"the managed server in {server.home} is already running on ports {running}, not on "
        f"{asked} as IIKG_NEO4J_BOLT_PORT/IIKG_NEO4J_HTTP_PORT now say: set {settings}, or "
        "stop it (`iikg neo4j stop`) and start it again on the new ports"
    )
