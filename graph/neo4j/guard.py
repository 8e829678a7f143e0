"""What `iikg query` (and `iikg export --query`) may run: reads of the graph, nothing else.

A READ access-mode transaction already makes the server refuse writes, but administration and
system commands run in one too: TERMINATE TRANSACTIONS ends another session's ingest,
SHOW TRANSACTIONS shows other sessions' queries, ``dbms.*`` procedures and
``db.clearQueryCaches`` act on the whole server, and APOC's dynamic-Cypher procedures run text
that no plan shows. So the query is first planned (EXPLAIN, in the same read transaction) and
refused when its plan holds any of them:

- a query type other than read (``s``: schema or DBMS procedures; ``w``/``rw``: writes);
- an administration command (users, roles, privileges, databases, aliases, servers);
- a command operator other than SHOW INDEXES/CONSTRAINTS/FUNCTIONS/PROCEDURES (schema and
  API introspection): SHOW TRANSACTIONS, SHOW SETTINGS, TERMINATE TRANSACTIONS ...;
- a procedure or function named ``dbms.*``, ``db.clear*``, or one of APOC's that run Cypher
  given as text, schedule work or change the server (``apoc.cypher.*``, ``apoc.periodic.*``,
  ``apoc.when``, ``apoc.case``, ``apoc.do.*``, ``apoc.trigger.*``, ``apoc.custom.*``,
  ``apoc.util.sleep``, ``apoc.systemdb.*``, ``apoc.schema.assert``).

Commands the server will not even plan on a user database (CREATE DATABASE, GRANT, SHOW
SERVERS ...) fail with an administration error code, reported the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from graph.errors import ReadOnlyViolation

# Command operators a read may use: schema and API introspection.
_SHOW_ALLOWED = frozenset({"ShowIndexes", "ShowConstraints", "ShowFunctions", "ShowProcedures"})
_COMMAND = re.compile(r"^(?:Show|Terminate|AdministrationCommand|SystemProcedureCall)")
_CALLABLE = re.compile(
    r"(?i)\b(dbms\.[\w.]+|db\.clear\w*|apoc\.(?:cypher|periodic|do|trigger|custom|systemdb)\.[\w.]+"
    r"|apoc\.(?:when|case)\b|apoc\.util\.sleep|apoc\.schema\.assert)\s*\("
)
# Server codes of commands it cannot plan on a user database (they belong to the system one).
ADMIN_CODES = frozenset({
    "Neo.ClientError.Statement.UnsupportedAdministrationCommand",
    "Neo.ClientError.Statement.NotSystemDatabaseError",
})


def _operators(plan: Any) -> Iterator[tuple[str, str]]:
    """(operator type without its @database suffix, details) of every operator of a plan."""
    if not plan:
        return
    yield plan.get("operatorType", "").split("@", 1)[0], str(
        (plan.get("args") or {}).get("Details") or "")
    for child in plan.get("children") or ():
        yield from _operators(child)


def refusal(query_type: str | None, plan: Any) -> str | None:
    """Why a planned query is not a plain read (None: it is one)."""
    for operator, details in _operators(plan):
        if operator == "AdministrationCommand":
            return "an administration command (users, roles, databases, privileges)"
        if _COMMAND.match(operator) and operator not in _SHOW_ALLOWED:
            return f"a server command ({_words(operator)})"
        called = _CALLABLE.search(details)
        if called:
            return f"a call of {called.group(1)}, which acts on the server, not on the graph"
    if query_type == "s":
        return "a schema change or a DBMS procedure"
    if query_type in ("w", "rw"):
        return WRITE
    return None


def _words(operator: str) -> str:
    """"TerminateTransactions" → "TERMINATE TRANSACTIONS"."""
    return " ".join(re.findall(r"[A-Z][a-z]*", operator)).upper()


WRITE = "a write"


def refuse(reason: str) -> ReadOnlyViolation:
    if reason == WRITE:
        return ReadOnlyViolation(
            "the query tries to write, and `iikg query` runs read-only: nothing was changed; "
            "use `iikg ingest` to change the graph")
    return ReadOnlyViolation(
        f"`iikg query` runs read-only reads of the graph, and this query is {reason}: it was "
        "not run; nothing was changed"
    )


_PREFIX = re.compile(r"^\s*(?:EXPLAIN|PROFILE)\b", re.IGNORECASE)


def planned(query: str) -> str:
    """The query to plan for the check: EXPLAIN before it (instead of its own EXPLAIN or
    PROFILE)."""
    return "EXPLAIN " + _PREFIX.sub("", query, count=1)
