"""``kg build``: articles to a graph file, or into a persistent store."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import click

from kg.build import BuildReport, build_dataset, build_store, default_workers
from kg.cli._common import UserError, reports_errors
from kg.errors import KgError
from kg.graphio import format_for, write_dataset
from kg.progress import ProgressLine


@click.command(epilog="""\b
Examples:
  kg build seeds/ --output out/seed.trig
  kg build corpus/ news.jsonl --store out/store --workers 2""")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False),
              help="Graph file to write; the format follows the extension: .ttl .trig .nq .nt .jsonld")
@click.option("--store", "store", type=click.Path(path_type=Path, file_okay=False),
              help="Store folder to add the articles to (made if missing); unchanged articles are skipped.")
@click.option("--workers", "-j", type=click.IntRange(min=1), default=None,
              help="Extraction processes (default: the number of cores).")
@click.option("--wait", is_flag=True, help="With --store: wait for another build on the store instead of failing.")
@reports_errors
def build(inputs: tuple[Path, ...], output: Path | None, store: Path | None, workers: int | None,
          wait: bool) -> None:
    """Read articles (files, or folders of .txt .html .htm .jsonl) and write their knowledge graph.

    \b
    Inputs: .txt articles; .html/.htm pages (main text and metadata taken from the page);
    .jsonl files with one article a line: {"id", "text", "url", "title", "published", "publisher"}.
    """
    if (output is None) == (store is None):
        raise KgError("give one of --output FILE or --store DIR")
    workers = workers or default_workers()
    with _progress() as line:
        step = line.step if line is not None else None
        start = line.start if line is not None else None
        if output is not None:
            format_for(output)
            ds, report = build_dataset(inputs, workers=workers, progress=step, start=start)
        else:
            assert store is not None  # one of --output / --store, checked above
            report = build_store(inputs, store, workers=workers, wait=wait, progress=step, start=start)
    for warning in report.warnings:
        click.echo(f"Warning: {warning}", err=True)
    if output is not None and report.built:
        write_dataset(ds, output)
        click.echo(f"Wrote {output}: {len(report.built)} article(s), {len(ds)} triples", err=True)
    elif store is not None:
        click.echo(_store_summary(store, report), err=True)
    _fail_if_any(report)


@contextmanager
def _progress() -> Iterator[ProgressLine | None]:
    """A progress line on a terminal; none when stderr is piped or redirected."""
    if not sys.stderr.isatty():
        yield None
        return
    line = ProgressLine(sys.stderr)
    try:
        yield line
    finally:
        line.close()


def _store_summary(store: Path, report: BuildReport) -> str:
    added = len(report.built) - len(report.replaced)
    merged = f", {len(report.merged)} short name(s) merged" if report.merged else ""
    return (f"Store {store}: {added} added, {len(report.replaced)} replaced, {len(report.unchanged)} unchanged"
            f"{merged}; {report.triples} triples")


def _fail_if_any(report: BuildReport) -> None:
    if report.failed:
        for message in report.failed[:-1]:
            click.echo(f"Error: {message}", err=True)
        done = len(report.built) + len(report.unchanged)
        raise UserError(report.failed[-1] if not done else
                        f"{report.failed[-1]} ({len(report.failed)} input(s) failed, {done} built)")
