"""Moments in time as iikg stores and compares them: ISO 8601 strings in UTC.

An ingest stamps every Article and Evidence node it writes with ``ingested_at`` (``now()``:
``2026-12-06T10:41:23.123456Z``). Dates given by a user (``--since 2026-12-01``,
``--until 2026-12-01T09:30:00``, ``2026-12-01T17:30:00+08:00``) become the same form
(``moment``, the report parameter type of that name), so the Cypher compares strings: a bare
date is a prefix of every moment of that day, and an upper bound is compared on the first
``size($until)`` characters, so a day or a minute given as ``until`` includes all of it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from cypher.params import to_moment
from graph.errors import UsageError


def now() -> str:
    """The current UTC time, ISO 8601 with microseconds and a Z."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def moment(text: str, what: str = "DATE") -> str:
    """A user's date or date-time as iikg compares it (cypher.params.to_moment)."""
    try:
        return to_moment(text)
    except ValueError as exc:
        raise UsageError(f"{what} {text!r}: {exc}") from None
