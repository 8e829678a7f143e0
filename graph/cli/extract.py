"""`iikg extract` (articles → JSON Lines) and `iikg eval` (scored against gold files), both
through graph.ingest.iter_extractions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import click

from graph.cli.app import main
from graph.cli.resolve import RESOLUTIONS_OPTION, decided_extract
from graph.errors import UsageError
from graph.evaluate import (
    Evaluation,
    format_groups,
    format_methods,
    format_table,
    group_scores,
    groups_to_json,
    load_gold,
    load_groups,
    methods_to_json,
)
from graph.ingest import Skip, Tally, default_extract, iter_extractions
from loaders.paths import path_text


def _report_skip(item: Skip) -> None:
    if item.stage == "load":
        click.echo(f"skipped {item.path}: {item.reason}", err=True)
    else:
        click.echo(f"extraction failed for {item.path}: {item.error!r}", err=True)


def _extractions(paths: tuple[str, ...], progress: bool,
                 extract: Any = None) -> Iterator[tuple[str | None, Any]]:
    """(article path, Extraction) for every loadable article; load and extraction errors are
    reported on stderr as they happen, then counted in one line."""
    tally = Tally(on_skip=_report_skip)
    for article, extraction in iter_extractions(paths, tally=tally, extract=extract):
        if progress:
            click.echo(f"\rextracted {tally.extracted} article(s)", nl=False, err=True)
        yield article.path, extraction
    if progress and tally.extracted:
        click.echo(err=True)
    click.echo(f"{tally.load.read} article(s) read, {tally.extracted} extracted, "
               f"{len(tally.load.skipped)} skipped, {tally.failed} failed", err=True)


@main.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write JSON Lines here instead of standard output.")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Report progress on standard error.")
@click.option("--docbin", type=click.Path(dir_okay=False, writable=True),
              help="Also write the articles as spaCy documents (a DocBin file, e.g. out.spacy): "
                   "their words with the entities found as doc.ents, for annotation tools, "
                   "displaCy or training a model.")
@RESOLUTIONS_OPTION
def extract_command(paths: tuple[str, ...], output: str | None, progress: bool,
                    docbin: str | None, resolutions: str | None) -> None:
    """Extract entities and relationships from articles (files, directories, globs, JSON
    Lines corpora) and write one JSON object per article. Exits with status 1 when no
    article could be extracted."""
    extract = decided_extract(resolutions, default_extract)
    out = click.open_file(output or "-", "w", encoding="utf-8")
    written = 0
    docs = []
    with out:
        for _, extraction in _extractions(paths, progress, extract):
            out.write(json.dumps(extraction.to_json(), ensure_ascii=False) + "\n")
            written += 1
            if docbin:
                from graph.export.spacy_docs import to_doc

                docs.append(to_doc(extraction))
    if docbin and docs:
        from graph.export.spacy_docs import write_docbin

        write_docbin(docs, docbin)
        click.echo(f"wrote {len(docs)} spaCy document(s) to {docbin}", err=True)
    if not written:
        named = ", ".join(path_text(p) for p in paths)
        raise UsageError(f"no article could be extracted from {named}")


@main.command("eval")
@click.option("--gold", "gold_dir", required=True, type=click.Path(exists=True, file_okay=False),
              help="Directory of gold files: X.json scores the article X.txt.")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.option("--misses", is_flag=True, help="Also list unmatched predictions and gold items.")
@click.option("--by-method", is_flag=True,
              help="Also give, per relation method (rule), predictions, correct ones and "
                   "precision.")
@click.option("--group-by", "group_by", metavar="FILE:COLUMN",
              help="Also give micro P/R/F1 per group: FILE is a tab-separated table whose "
                   "'file' column names the articles (matched to gold files by stem), COLUMN "
                   "the group (e.g. sources.tsv:repo).")
@RESOLUTIONS_OPTION
def eval_command(gold_dir: str, paths: tuple[str, ...], fmt: str, misses: bool,
                 by_method: bool, group_by: str | None, resolutions: str | None) -> None:
    """Score the extraction of PATHS against a gold directory (docs/graph-model.md scoring):
    per-label and per-type precision, recall and F1, with micro averages. A gold file whose
    article is among PATHS but did not load or extract counts as all misses, and is named."""
    from loaders.sources import iter_articles

    try:
        gold = load_gold(gold_dir)
        column, groups = load_groups(group_by) if group_by else ("", {})
    except ValueError as exc:  # graph.evaluate reports unreadable gold or tables as ValueError
        raise UsageError(str(exc)) from exc
    run = Evaluation(gold)
    extract = decided_extract(resolutions, default_extract)
    report = lambda message: click.echo(message, err=True)  # noqa: E731
    for stem, one in run.run(iter_articles(paths), extract, report):
        if misses:
            for kind, key, what in one.misses:
                click.echo(f"{stem}\t{kind}\t{key}\t{what}", err=True)
    if not run.gold_files:
        named = ", ".join(path_text(p) for p in paths)
        raise UsageError(f"no article in {named} has a gold file in {gold_dir}")
    if fmt == "json":
        data = {"articles": len(run.scored), "gold_files": run.gold_files,
                "no_article": run.no_article, "no_input": run.no_input, **run.total.to_json()}
        if by_method:
            data["by_method"] = methods_to_json(run.total)
        if group_by:
            data["groups"] = {column: groups_to_json(group_scores(run.by_stem, groups))}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    without = (f", {len(run.no_article)} without one (all their gold items count as misses)"
               if run.no_article else "")
    click.echo(f"{run.gold_files} gold file(s) scored against {gold_dir}: "
               f"{len(run.scored)} with an extracted article{without}")
    for stem, reason in run.no_article.items():
        click.echo(f"  no article for {stem}: {reason}")
    if run.no_input:
        names = ", ".join(run.no_input[:5]) + (", …" if len(run.no_input) > 5 else "")
        click.echo(f"  not scored, no input file of that name: {len(run.no_input)} gold "
                   f"file(s) ({names})")
    click.echo()
    click.echo(format_table(run.total), nl=False)
    if by_method:
        click.echo()
        click.echo(format_methods(run.total), nl=False)
    if group_by:
        click.echo()
        click.echo(format_groups(column, group_scores(run.by_stem, groups)), nl=False)
