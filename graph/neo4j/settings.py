"""Where the Neo4j server is and how to log in.

Settings come from explicit values (CLI options) or the environment: ``NEO4J_URI``,
``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``. Any Neo4j URI scheme the driver
knows is accepted unchanged, so ``neo4j+s://`` (Aura, clusters) and ``neo4j://`` routing URIs
work the same as ``bolt://``. Resolving them (explicit values, the environment, else the
managed local server, started if needed) is graph.neo4j.connect's job; this module only holds
the resolved value and imports nothing of the server.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit, urlunsplit

from graph.errors import ConfigError, redact

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
            f"not a Neo4j URI: {redact(uri)!r} (expected one of "
            f"{', '.join(s + '://host:port' for s in URI_SCHEMES)})"
        )
    return uri


def split_credentials(uri: str) -> tuple[str, str | None, str | None]:
    """``bolt://user:password@host:7687`` → (``bolt://host:7687``, user, password); a URI
    without user information comes back unchanged with (None, None). The driver refuses
    credentials in a URI, and the URI is printed in messages, so they are taken out here."""
    parts = urlsplit(uri)
    if "@" not in parts.netloc:
        return uri, None, None
    userinfo, _, hostport = parts.netloc.rpartition("@")
    user, has_password, password = userinfo.partition(":")
    clean = urlunsplit((parts.scheme, hostport, parts.path, parts.query, parts.fragment))
    return clean, unquote(user) or None, unquote(password) if has_password else None
