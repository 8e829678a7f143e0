"""Secrets are never printed: credentials written into a URI are redacted from every message."""

from __future__ import annotations

import logging

import pytest
from click.testing import CliRunner

from graph import cli
from graph.errors import StoreError, redact
from graph.neo4j import resolve_settings
from graph.neo4j.settings import split_credentials


@pytest.mark.parametrize("uri", [
    "bolt://neo4j:s3cret@127.0.0.1:1",
    "neo4j+s://admin:s3cret@db.example.com",
    "http://neo4j:s3cret@localhost:7474/db",
])
def test_redact_hides_the_user_information_of_any_url(uri: str) -> None:
    text = redact(f"cannot reach {uri}: refused")
    assert "s3cret" not in text and "***@" in text


def test_errors_redact_their_message() -> None:
    assert "s3cret" not in str(StoreError("at bolt://neo4j:s3cret@h:1 it failed"))


def test_credentials_in_the_uri_become_the_settings_login() -> None:
    assert split_credentials("bolt://ann:p%40ss@db:7687") == ("bolt://db:7687", "ann", "p@ss")
    assert split_credentials("bolt://db:7687") == ("bolt://db:7687", None, None)
    settings = resolve_settings(start_local=False, env={"NEO4J_URI": "bolt://ann:s3cret@db:1"})
    assert (settings.uri, settings.auth) == ("bolt://db:1", ("ann", "s3cret"))
    assert "s3cret" not in repr(settings)
    explicit = resolve_settings(password="other", start_local=False,
                                env={"NEO4J_URI": "bolt://ann:s3cret@db:1"})
    assert explicit.auth == ("ann", "other")


@pytest.mark.parametrize("args", [["stats"], ["neo4j", "status"], ["query", "RETURN 1"]])
def test_a_uri_with_a_password_is_never_echoed(args: list[str]) -> None:
    result = CliRunner().invoke(cli.main, args,
                                env={"NEO4J_URI": "bolt://neo4j:s3cret@127.0.0.1:1"})
    assert result.exit_code == 1
    assert "127.0.0.1:1" in result.output  # the message names the server ...
    assert "s3cret" not in result.output  # ... never the password


def test_an_unusable_uri_is_named_without_its_password() -> None:
    result = CliRunner().invoke(cli.main, ["stats"], env={"NEO4J_URI": "http://u:s3cret@x"})
    assert result.exit_code == 1 and "not a Neo4j URI" in result.output
    assert "s3cret" not in result.output


def test_log_records_are_redacted_by_the_cli() -> None:
    CliRunner().invoke(cli.main, ["reports"])  # installs the filter on the fallback handler
    record = logging.LogRecord("x", logging.WARNING, __file__, 1, "to %s", ("bolt://a:s3cret@h",),
                               None)
    assert logging.lastResort is not None and logging.lastResort.filter(record)
    assert record.getMessage() == "to bolt://***@h"
