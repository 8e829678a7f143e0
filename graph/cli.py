"""The `iikg` command line: a thin layer over the library.

Each command parses options, calls library functions and prints. Library errors become
click.ClickException here, at the edge.
"""

from __future__ import annotations

import click

from graph import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="iikg")
def main() -> None:
    """iikg: build and question a Neo4j knowledge graph of China's industrial internet."""
