"""A Neo4j cluster or Aura as the store: routing URIs (neo4j://, neo4j+s://) are kept as given,
credentials written into them become the login, and the driver opened for them routes (read
transactions to readers, write transactions to the writer); bolt:// addresses one server.
(The real-server ingest through a neo4j:// URI is tests/neo4j/test_ingest_dask.py.)"""

from __future__ import annotations

import neo4j
import pytest

from graph.neo4j import resolve_settings

AURA = "neo4j+s://abcd1234.databases.neo4j.io"


@pytest.mark.parametrize("uri", [AURA, "neo4j://core1.example.com:7687",
                                 "neo4j+ssc://10.0.0.5:7687"])
def test_routing_uris_are_kept_with_the_login_from_the_environment(uri: str) -> None:
    env = {"NEO4J_URI": uri, "NEO4J_USER": "analyst", "NEO4J_PASSWORD": "pw",
           "NEO4J_DATABASE": "news"}
    settings = resolve_settings(start_local=False, env=env)
    assert (settings.uri, settings.auth, settings.database) == (uri, ("analyst", "pw"), "news")
    assert not settings.managed


def test_an_aura_uri_with_its_credentials_written_in() -> None:
    settings = resolve_settings(start_local=False,
                                env={"NEO4J_URI": "neo4j+s://neo4j:s3cret@abcd1234.databases.neo4j.io"})
    assert (settings.uri, settings.auth) == (AURA, ("neo4j", "s3cret"))
    assert "s3cret" not in repr(settings)


@pytest.mark.parametrize(("uri", "routes"), [(AURA, True), ("neo4j://core1:7687", True),
                                             ("bolt://db.example.com:7687", False)])
def test_the_driver_of_a_routing_uri_routes(uri: str, routes: bool) -> None:
    settings = resolve_settings(uri, password="pw", start_local=False, env={})
    with neo4j.GraphDatabase.driver(settings.uri, auth=settings.auth) as driver:  # no I/O yet
        assert isinstance(driver, neo4j.Neo4jDriver) is routes
        assert isinstance(driver, neo4j.BoltDriver) is not routes
