"""From settings to a Graph: resolve where the server is (once), start the managed local server
if that is the one, connect.

    settings = resolve_settings()          # explicit values, the environment, else local
    with connect(settings) as graph:        # a Graph that owns its driver
        graph.stats()
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

from graph.errors import StoreError
from graph.neo4j import failures, local
from graph.neo4j.driver import open_driver
from graph.neo4j.graph import Graph
from graph.neo4j.settings import Settings, check_uri


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
        return Settings(uri=check_uri(uri), user=user, password=password, database=database)

    server = local.LocalServer.from_env(env)
    if start_local:
        local.start(server, progress=progress)
    # The managed server runs with auth disabled, so credentials are not sent.
    return Settings(uri=server.bolt_uri, database=database, managed=True)


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
