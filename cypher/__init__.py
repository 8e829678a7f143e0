"""The Cypher library: schema, write and report queries as versioned .cypher files.

Files are loaded through importlib.resources, so they ship inside the wheel. A report file starts
with a header of `//` comment lines:

    // name: agreements
    // description: 签约关系 / Who signed with whom
    // param: city: string = null — 城市（含下辖区县） / city, districts included
    // param: limit: int = 50 — 最多返回行数 / maximum rows
    // mode: read
    // columns: party_a, label_a, party_b, label_b, evidence_count

A parameter is `NAME: TYPE (required)` or `NAME: TYPE = DEFAULT`, followed by an optional
description after an em dash (`—`). Types: string, int, float, bool, date (ISO 8601:
YYYY, YYYY-MM or YYYY-MM-DD, passed to Cypher as a string, the way article dates are stored),
moment (a date or an ISO 8601 date-time, converted to UTC without a zone, the way `ingested_at`
is compared),
label (an entity label of graph/model.py), reltype (a relationship type of graph/model.py).
Integers are never negative.
Descriptions are Chinese and English separated by ` / `.

A report's body may include a shared fragment of cypher/fragments/ with a line
`// include: NAME(arg=value, ...)`: the line becomes the fragment, indented like it, its
`__arg__` placeholders replaced (values: identifiers, `$parameters`, or labels of the model).
`named(var, label, value)` (the nodes of `label` whose name is `value` or that have it as an
alias) is the one every report that takes a name uses.

Besides reports: `schema/` (constraints and indexes), `write/` (the ingest's statements, and
loading an export back) and `read/` (the library's other reads: stats, export subgraphs,
evidence). Cypher cannot take labels or relationship types as parameters, so write and read
templates hold placeholders that `render` alone fills, only with names of graph/model.py:
`__LABEL__`, `__HEAD__`, `__TAIL__` (node labels), `__TYPE__` (relationship types), and
`__HEAD_KEY__`/`__TAIL_KEY__`/`__LABEL_KEY__` (the key property of that label: `id` for
Article, `name` for entities).

This package is the library's API; its modules are `files` (reading the .cypher files),
`headers` (report files and the library of reports), `params` (report parameters) and `splice`
(fragments and placeholders).
"""

from cypher.files import (
    fragment,
    read_query,
    schema_statements,
    split_statements,
    statements,
    write_query,
)
from cypher.headers import Report, get_report, parse_report, reports
from cypher.params import PARAM_TYPES, Param, parse_param, strip_comments_and_strings, used_params
from cypher.splice import ALL_LABELS, ALL_TYPES, LABEL_SLOTS, include, key_property, query, render
from graph.errors import CypherLibraryError

__all__ = [
    "ALL_LABELS", "ALL_TYPES", "LABEL_SLOTS", "PARAM_TYPES", "CypherLibraryError", "Param",
    "Report", "fragment", "get_report", "include", "key_property", "parse_param", "parse_report",
    "query", "read_query", "render", "reports", "schema_statements", "split_statements",
    "statements", "strip_comments_and_strings", "used_params", "write_query",
]
