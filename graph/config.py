"""Where the Neo4j server is and how to log in.

Settings come from explicit values (CLI options) or the environment: ``NEO4J_URI``,
``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``. Any Neo4j URI scheme the driver
knows is accepted unchanged, so ``neo4j+s://`` (Aura, clusters) and ``neo4j://`` routing URIs
work the same as ``bolt://``. When no URI is configured, the managed local server
(graph.neo4j_local) is used and started if needed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from graph.errors import ConfigError

URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
DEFAULT_USER = "neo4j"



@dataclass(frozen=True)
class Settings:
    """A resolved connection. ``password`` never appears in repr() or str()."""

    uri: str
    user: str | None = None
    password: str | None = None
    database: str | None = None  # None: the server's default database
    managed: bool = False  # True for the local server that iikg runs itself

    @property
    def auth(self) -> tuple[str, str] | None:
        """Basic auth for the driver, or None when the server runs without auth."""
        if self.password is None:
            return None
        return (self.user or DEFAULT_USER, self.password)

    def __repr__(self) -> str:
        password = None if self.password is None else "***"
        return (
            f"Settings(uri={self.uri!r}, user={self.user!r}, password={password!r}, "
            f"database={self.database!r}, managed={self.managed!r})"
        )

    __str__ = __repr__


def check_uri(uri: str) -> str:
    """Return ``uri`` unchanged if it is a Neo4j URI the driver accepts, else raise ConfigError."""
    parts = urlsplit(uri)
    if parts.scheme not in URI_SCHEMES or not parts.hostname:
        raise ConfigError(
            f"not a Neo4j URI: {uri!r} (expected one of "
            f"{', '.join(s + '://host:port' for s in URI_SCHEMES)})"
        )
    return uri


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
    values and graph.neo4j_local.Neo4jLocalError when the local server cannot start.
    """
    env = os.environ if env is None else env
    uri = _pick(uri, env, "NEO4J_URI")
    user = _pick(user, env, "NEO4J_USER")
    password = _pick(password, env, "NEO4J_PASSWORD")
    database = _pick(database, env, "NEO4J_DATABASE")
    if uri:
        return Settings(uri=check_uri(uri), user=user, password=password, database=database)

    # Imported here: the local server is only needed when no server is configured.
    from graph import neo4j_local

    server = neo4j_local.LocalServer.from_env(env)
    if start_local:
        neo4j_local.start(server, progress=progress)
    # The managed server runs with auth disabled, so credentials are not sent.
    return Settings(uri=server.bolt_uri, database=database, managed=True)
