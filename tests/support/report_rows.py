"""Run a report of the Cypher library on a real server and get its rows as dicts (test helper)."""

from __future__ import annotations

from typing import Any

import cypher


def report_rows(driver: Any, report: str, /, **params: Any) -> list[dict[str, Any]]:
    """The report's rows keyed by column; its columns must be the ones its header declares."""
    result = driver.run_report(cypher.get_report(report), params)
    assert result.columns == list(cypher.get_report(report).columns)
    return [dict(zip(result.columns, row, strict=True)) for row in result.rows]
