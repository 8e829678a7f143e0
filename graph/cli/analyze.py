"""`iikg analyze`: PageRank, betweenness and communities written onto the entities."""

from __future__ import annotations

import click

from graph.cli.app import Connection, connection_options, main, progress


@main.command("analyze")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Seed of the Louvain communities and of betweenness sampling: the same "
                   "graph and seed give the same result.")
@click.option("--samples", type=click.IntRange(1), default=None,
              help="Betweenness from this many sampled source entities. Default: exact up to "
                   "2000 entities, 256 samples above.")
@click.option("--resolution", type=click.FloatRange(min=0, min_open=True), default=1.0,
              show_default=True, help="Louvain resolution: above 1 gives smaller communities.")
@click.option("--batch-size", type=click.IntRange(1), default=1000, show_default=True,
              help="Entities per write transaction.")
@connection_options
def analyze_command(seed: int, samples: int | None, resolution: float, batch_size: int,
                    connection: Connection) -> None:
    """Compute PageRank, betweenness and Louvain communities over the relationships between
    entities (networkx) and write them onto the entities as `pagerank`, `betweenness` and
    `community` (0 is the largest community). Run it again after an ingest; entities no longer
    joined to any other lose the properties.

    Then: iikg report communities
    """
    from graph.analyze import analyze_graph, summary_lines  # networkx: only for this command

    with connection.graph() as graph:
        result = analyze_graph(graph, seed=seed, samples=samples, resolution=resolution,
                               batch_size=batch_size, progress=progress)
    click.echo("\n".join(summary_lines(result)))
