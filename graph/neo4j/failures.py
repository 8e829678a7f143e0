"""What a Neo4j driver error means, in one line a user can act on.

``explain`` turns an error of the ``neo4j`` driver into a graph.errors.StoreError whose message
names the server (and the database or user when they are the problem): a database that does not
exist, a password that expired, a login refused for now after too many failed attempts (the
rate limit), credentials rejected, a server that cannot be reached. The CLI uses it for any
driver error that reaches it, so none ends as a traceback; opening a driver uses it too.
"""

from __future__ import annotations

from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable

from graph.errors import StoreError
from graph.neo4j.settings import DEFAULT_USER, Settings

DATABASE_NOT_FOUND = "Neo.ClientError.Database.DatabaseNotFound"
CREDENTIALS_EXPIRED = "Neo.ClientError.Security.CredentialsExpired"
RATE_LIMIT = "Neo.ClientError.Security.AuthenticationRateLimit"


def _where(settings: Settings | None) -> str:
    return f"Neo4j at {settings.uri}" if settings is not None else "Neo4j"


def _user(settings: Settings | None) -> str:
    if settings is None or settings.auth is None:
        return "(none)"
    return settings.user or DEFAULT_USER


def explain(exc: BaseException, settings: Settings | None = None) -> StoreError | None:
    """A StoreError saying what `exc` (an error of the neo4j driver) means, or None when `exc`
    is not a driver error."""
    where = _where(settings)
    if isinstance(exc, Neo4jError):
        code = exc.code or ""
        if code == DATABASE_NOT_FOUND:
            name = settings.database if settings is not None and settings.database else "?"
            return StoreError(
                f"database {name!r} does not exist on {where} (check --database or "
                "NEO4J_DATABASE; SHOW DATABASES lists them)"
            )
        if code == CREDENTIALS_EXPIRED:
            return StoreError(
                f"the password of user {_user(settings)} on {where} has expired: change it "
                "(cypher-shell or Neo4j Browser: ALTER CURRENT USER SET PASSWORD FROM … TO …), "
                "then set NEO4J_PASSWORD"
            )
        if code == RATE_LIMIT:
            return StoreError(
                f"{where} refuses logins for now: too many failed attempts for user "
                f"{_user(settings)} (its login rate limit); wait a few seconds and check "
                "NEO4J_USER/NEO4J_PASSWORD"
            )
        if isinstance(exc, AuthError):
            return StoreError(
                f"{where} rejected the credentials for user {_user(settings)}: set "
                "NEO4J_USER/NEO4J_PASSWORD"
            )
        return StoreError(f"{where} refused the request: {code}: {exc.message}")
    if isinstance(exc, ServiceUnavailable):
        return StoreError(f"cannot reach {where}: {exc}")
    if isinstance(exc, DriverError):
        return StoreError(f"{where}: {type(exc).__name__}: {exc}")
    return None


def is_login_problem(exc: BaseException) -> bool:
    """True when `exc` is about the login (credentials, rate limit, expired password), not
    about reaching the server."""
    return isinstance(exc, AuthError) or (
        isinstance(exc, Neo4jError) and (exc.code or "").startswith("Neo.ClientError.Security.")
    )
