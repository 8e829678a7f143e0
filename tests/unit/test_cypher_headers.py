"""Every .cypher file of the library parses, and every report header matches its query."""

from __future__ import annotations

import re
from importlib import resources

import pytest

import cypher
from cypher import CypherLibraryError, parse_report, used_params
from graph.model import (
    ENTITY_LABELS,
    HAS_QUANTITY,
    QUANTIFIES,
    QUANTITY_LABEL,
    RELATION_TYPES,
)

REPORT_FILES = sorted(
    f.name for f in resources.files("cypher").joinpath("reports").iterdir()
    if f.name.endswith(".cypher")
)
REQUIRED = {
    "platform-reach", "empowered-by", "city-profile", "agreements", "policies", "path",
    "neighbors", "evidence", "article-facts", "cross-region-platforms", "top-entities",
    "people", "timeline", "quality",
}


def test_library_has_the_required_reports() -> None:
    assert len(REPORT_FILES) >= 12
    assert set(cypher.reports()) >= REQUIRED


@pytest.mark.parametrize("file", REPORT_FILES)
def test_header_matches_file_and_query(file: str) -> None:
    report = cypher.reports()[file.removesuffix(".cypher")]
    assert report.name == file.removesuffix(".cypher")
    assert report.mode == "read"
    declared = {p.name for p in report.params}
    assert used_params(report.query) == declared, f"{file}: used vs declared parameters differ"
    assert report.columns, f"{file}: no columns"
    # descriptions in Chinese and English
    assert re.search(r"[\u4e00-\u9fff]", report.description_zh), file
    assert re.search(r"[A-Za-z]", report.description_en), file
    for param in report.params:
        assert param.description, f"{file}: parameter {param.name} has no description"


def _final_return(body: str) -> str:
    """The query's last RETURN outside any subquery braces (a COLLECT or EXISTS subquery in
    the final projection has RETURNs of its own)."""
    depth, last = 0, -1
    for match in re.finditer(r"[{}]|\bRETURN\b", body):
        token = match.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        elif depth == 0:
            last = match.start()
    assert last >= 0, "no top-level RETURN"
    return body[last:]


def test_final_return_skips_subqueries() -> None:
    body = "MATCH (r) RETURN r.a AS x, COLLECT { MATCH (e) RETURN e.s }[0] AS y ORDER BY x"
    assert _final_return(body).startswith("RETURN r.a AS x")
    assert _final_return("CALL () { RETURN 1 AS a } RETURN a").strip() == "RETURN a"


@pytest.mark.parametrize("file", REPORT_FILES)
def test_declared_columns_are_returned(file: str) -> None:
    report = cypher.reports()[file.removesuffix(".cypher")]
    final_return = _final_return(cypher.strip_comments_and_strings(report.query))
    for column in report.columns:
        assert re.search(rf"\b{re.escape(column)}\b", final_return), f"{file}: {column}"


@pytest.mark.parametrize("file", REPORT_FILES)
def test_labels_and_types_in_reports_are_whitelisted(file: str) -> None:
    report = cypher.reports()[file.removesuffix(".cypher")]
    body = cypher.strip_comments_and_strings(report.query)
    for label in re.findall(r"\(\s*\w*\s*:\s*([A-Za-z_]+)", body):
        assert label in (*ENTITY_LABELS, "Entity", "Article", "Evidence", QUANTITY_LABEL), (
            f"{file}: {label}")
    for group in re.findall(r"\[\s*\w*\s*:\s*([A-Z_|]+)", body):
        for rtype in group.split("|"):
            assert rtype in (*RELATION_TYPES, "MENTIONS", "HAS_EVIDENCE", QUANTIFIES,
                             HAS_QUANTITY), f"{file}: {rtype}"


def test_schema_covers_every_label() -> None:
    statements = cypher.schema_statements()
    assert all("IF NOT EXISTS" in s for s in statements)
    for label in ENTITY_LABELS:
        assert any(f"(n:{label}) REQUIRE n.name IS UNIQUE" in s for s in statements), label
        fulltext = next(s for s in statements if "FULLTEXT" in s)
        assert label in fulltext
    assert any("(n:Article) REQUIRE n.id IS UNIQUE" in s for s in statements)


def test_write_and_read_templates_use_declared_placeholders_only() -> None:
    slots = {"LABEL", "HEAD", "TAIL", "TYPE", "LABEL_KEY", "HEAD_KEY", "TAIL_KEY"}
    for folder, load in (("write", cypher.write_query), ("read", cypher.read_query)):
        names = [
            f.name.removesuffix(".cypher")
            for f in resources.files("cypher").joinpath(folder).iterdir()
            if f.name.endswith(".cypher")
        ]
        assert len(names) >= 8
        for name in names:
            assert set(re.findall(r"__([A-Z_]+?)__", load(name))) <= slots, (folder, name)


def test_render_fills_only_names_of_the_model() -> None:
    text = cypher.query("write", "import-relationships", TYPE="MENTIONS", HEAD="Article",
                        TAIL="City")
    assert "(a:`Article` {id: row.s.id})" in text and "(b:`City` {name: row.e.name})" in text
    with pytest.raises(CypherLibraryError, match="label"):
        cypher.render("MATCH (n:`__LABEL__`)", LABEL="City`) DETACH DELETE n //")
    with pytest.raises(CypherLibraryError, match="relationship type"):
        cypher.render("()-[:`__TYPE__`]-()", TYPE="KNOWS")


def test_reports_include_the_name_lookup_fragment() -> None:
    including = [r for r in cypher.reports().values() if "entity_names" in r.query
                 and "IN" in r.query]
    assert len(including) >= 10
    for report in cypher.reports().values():
        assert "// include:" not in report.query and "__var__" not in report.query
    with pytest.raises(CypherLibraryError, match="lacks"):
        cypher.include("  // include: named(var=e, label=Entity)", "x")


def test_bind_types_and_errors() -> None:
    report = cypher.get_report("agreements")
    bound = report.bind({"city": "淄博", "since": "2022-01", "limit": "5"})
    assert bound == {"party": None, "city": "淄博", "since": "2022-01", "until": None,
                     "min_sources": 0, "limit": 5}
    with pytest.raises(CypherLibraryError, match="unknown parameter"):
        report.bind({"town": "淄博"})
    with pytest.raises(CypherLibraryError, match="date"):
        report.bind({"since": "last year"})
    with pytest.raises(CypherLibraryError, match="missing required parameter 'name'"):
        cypher.get_report("empowered-by").bind({})
    with pytest.raises(CypherLibraryError, match="negative"):
        report.bind({"limit": "-1"})
    with pytest.raises(CypherLibraryError, match="one of"):
        cypher.get_report("top-entities").bind({"label": "Robot"})
    with pytest.raises(CypherLibraryError, match="no report named"):
        cypher.get_report("nope")


@pytest.mark.parametrize(("raw", "moment"), [
    ("2026-12-01", "2026-12-01"), ("2026", "2026"),
    ("2026-12-01T09:30:00", "2026-12-01T09:30:00"), ("2026-12-01 09:30", "2026-12-01T09:30:00"),
    ("2026-12-01T17:30:00+08:00", "2026-12-01T09:30:00"),
    ("2026-12-01T09:30:00.250Z", "2026-12-01T09:30:00.250000"),
])
def test_moments_are_dates_or_utc_date_times(raw: str, moment: str) -> None:
    since = cypher.get_report("whats-new").bind({"since": raw})["since"]
    assert since == moment


def test_a_moment_that_is_no_date_is_refused() -> None:
    with pytest.raises(CypherLibraryError, match="date-time"):
        cypher.get_report("whats-new").bind({"since": "last week"})


def test_parse_report_rejects_bad_headers() -> None:
    with pytest.raises(CypherLibraryError, match="header lacks"):
        parse_report("// name: x\nRETURN 1", "x.cypher")
    with pytest.raises(CypherLibraryError, match="cannot parse param"):
        parse_report(
            "// name: x\n// description: 甲 / a\n// param: ???\n// mode: read\n"
            "// columns: a\nRETURN 1 AS a",
            "x.cypher",
        )
    with pytest.raises(CypherLibraryError, match="unknown type"):
        parse_report(
            "// name: x\n// description: 甲 / a\n// param: n: number = 1\n// mode: read\n"
            "// columns: a\nRETURN 1 AS a",
            "x.cypher",
        )


def test_used_params_ignores_comments_and_strings() -> None:
    query = "MATCH (n {name: $name}) // $hidden\nRETURN '$not' AS x, \"$nor\" AS y, $limit"
    assert used_params(query) == {"name", "limit"}
