"""From settings to a Graph: resolve where the server is (once), start the managed local server
if that is the one, connect.

    settings = resolve_settings()          # explicit values, the environment, else local
    with connect(settings) as graph:        # a Graph that owns its driver
        graph.stats()
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

from graph.errors import Neo4jLocalError, StoreError
from graph.neo4j import failures, local
from graph.neo4j.driver import open_driver
from graph.neo4j.graph import Graph
from graph.neo4j.settings import Settings, check_uri, split_credentials


def _pick(value: str | None, env: Mapping[str, str], name: str) -> str | None:
    """An explicit value wins; an empty string counts as unset."""
    if value:
        return value
    return env.get(name) or None


def resolve_settings(
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    *,
    start_local: bool = True,
    env: Mapping[str, str] | None = None,
    progress: Callable[[str], None] | None = None,
) -> Settings:
    """Settings from explicit values, then the environment, then the managed local server.

    With no URI anywhere, the managed local server is used; ``start_local=True`` starts it
    (assembling it on first use) and waits until it answers, reporting through ``progress``
    (default: logging). Raises ConfigError for bad
    values and graph.errors.Neo4jLocalError when the local server cannot start.
    """
    env = os.environ if env is None else env
    uri = _pick(uri, env, "NEO4J_URI")
    user = _pick(user, env, "NEO4J_USER")
    password = _pick(password, env, "NEO4J_PASSWORD")
    database = _pick(database, env, "NEO4J_DATABASE")
    if uri:
        # Credentials written into the URI (bolt://user:password@host) count as given there,
        # after explicit values and NEO4J_USER/NEO4J_PASSWORD; the URI kept is without them.
        uri, uri_user, uri_password = split_credentials(check_uri(uri))
        user, password = user or uri_user, password or uri_password
        if password is None:
            password = _managed_password(uri, env)
        return Settings(uri=uri, user=user, password=password, database=database)

    server = local.LocalServer.from_env(env)
    if start_local:
        local.start(server, progress=progress)
    # The managed server's password is the one iikg generated (graph/neo4j/local/auth.py);
    # an instance an older iikg started without auth has none until its next start.
    return Settings(uri=server.bolt_uri, user=local.auth.USER,
                    password=local.auth.read_password(server), database=database, managed=True)


def _managed_password(uri: str, env: Mapping[str, str]) -> str | None:
    """The kept password when `uri` is the managed server's own Bolt address (NEO4J_URI set to
    it, say), so that it too works without typing one."""
    try:
        server = local.LocalServer.from_env(env)
    except Neo4jLocalError:
        return None
    same = {server.bolt_uri, f"bolt://localhost:{server.bolt_port}",
            f"neo4j://127.0.0.1:{server.bolt_port}", f"neo4j://localhost:{server.bolt_port}"}
    return local.auth.read_password(server) if uri.rstrip("/") in same else None


def connect(settings: Settings) -> Graph:
    """A Graph on the server and database of `settings`, its connection checked; closing the
    Graph (it is a context manager) closes the driver. Raises graph.errors.StoreError naming
    the URI (never the password) when the server is unreachable, rejects the credentials (or
    they expired), or has no database of the name `settings.database`."""
    graph = Graph(open_driver(settings), settings.database, settings=settings, owns_driver=True)
    try:  # a missing database or an expired password is named now, not mid-command
        graph.server_info()
    except StoreError as exc:
        graph.close()
        raise (failures.explain(exc.__cause__, settings) or exc) from exc
    return graph
