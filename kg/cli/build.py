"""``kg build``: articles to a graph file."""

from __future__ import annotations

from pathlib import Path

import click

from kg.build import build_dataset
from kg.cli._common import UserError, reports_errors
from kg.graphio import format_for, write_dataset


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="Graph file to write; the format follows the extension: .ttl .trig .nq .nt .jsonld")
@reports_errors
def build(inputs: tuple[Path, ...], output: Path) -> None:
    """Read articles (files, or folders of .txt) and write their knowledge graph.

    \b
    Example:
      kg build seeds/ --output out/seed.trig
    """
    format_for(output)
    ds, report = build_dataset(inputs)
    for warning in report.warnings:
        click.echo(f"Warning: {warning}", err=True)
    if report.built:
        write_dataset(ds, output)
        click.echo(f"Wrote {output}: {len(report.built)} article(s), {len(ds)} triples", err=True)
    if report.failed:
        for message in report.failed[:-1]:
            click.echo(f"Error: {message}", err=True)
        raise UserError(report.failed[-1] if not report.built else
                        f"{report.failed[-1]} ({len(report.failed)} input(s) failed, {len(report.built)} built)")
