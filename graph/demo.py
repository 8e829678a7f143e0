"""What `iikg demo` shows: the bundled sample corpus, two reports and where to look next."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from graph import browser
from graph.neo4j import local
from graph.neo4j.settings import Settings

# (report, parameters, heading): questions an analyst asks first.
DEMO_REPORTS: list[tuple[str, dict[str, Any], str]] = [
    ("agreements", {}, "谁与谁签约 / Who signed with whom"),
    ("policies", {}, "政策及其发布机构 / Policies and who issued them"),
]


def sample_corpus() -> Path:
    """The folder of sample articles shipped in the package (seeds/articles)."""
    return Path(str(resources.files("seeds") / "articles"))


def browser_hint(settings: Settings) -> str:
    """Where to explore the graph next."""
    if settings.managed:
        server = local.LocalServer.from_env()
        return (
            f"Explore the graph in Neo4j Browser: {server.browser_connect_url}\n"
            f"(log in once with the password in {local.auth.password_file(server)}; the iikg "
            "style and guide load by themselves; try `iikg reports` for more reports)"
        )
    return (
        f"Graph written to {settings.uri}. Neo4j Browser: {browser.browser_address(settings.uri)}\n"
        "(`iikg browser` prints the commands that load the iikg style and guide there)"
    )
