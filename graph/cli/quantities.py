"""`iikg eval-quantities`: extracted quantities scored against hand-annotated ones."""

from __future__ import annotations

import json
from pathlib import Path

import click

from graph.cli.app import main
from graph.cli.extract import _extractions
from graph.quantity_eval import format_score, load_gold, score_all


@main.command("eval-quantities")
@click.option("--gold", "gold_files", multiple=True, required=True,
              type=click.Path(dir_okay=False),
              help="A gold table (tab-separated: file, offset, text, value, unit, kind, about); "
                   "repeatable.")
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--progress/--no-progress", default=False, show_default=True,
              help="Report progress on standard error.")
def eval_quantities_command(gold_files: tuple[str, ...], paths: tuple[str, ...], as_json: bool,
                            progress: bool) -> None:
    """Extract the articles of PATHS and score their quantities (money, counts, percentages,
    capacities) against gold tables: precision, recall and F1 on value+kind, and on
    value+kind+about (what the number describes), per kind and micro-averaged.

    Articles are matched to the gold rows by file name; a gold file with no article among PATHS
    counts as all misses.

    Example: iikg eval-quantities --gold tests/data/quantities/seeds.tsv seeds/articles
    """
    gold = load_gold(gold_files)
    pairs = ((Path(path or "").name, extraction) for path, extraction in _extractions(paths,
                                                                                      progress))
    score, missing = score_all(pairs, gold)
    for name in missing:
        click.echo(f"no article for gold file {name} among PATHS (all misses)", err=True)
    if as_json:
        click.echo(json.dumps(score.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_score(score), nl=False)
