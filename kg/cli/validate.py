"""``kg validate``: SHACL report of a graph against the contract's shapes."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli._common import reports_errors
from kg.graphio import load_dataset
from kg.validate import validate as run_validation


@click.command()
@click.argument("graph", type=click.Path(path_type=Path))
@reports_errors
def validate(graph: Path) -> None:
    """Check GRAPH (a graph file or a store) against the contract's SHACL shapes.

    Exits 0 when it conforms, 1 when it does not (the report lists each violation).

    \b
    Example:
      kg validate examples/graph.trig
    """
    report = run_validation(load_dataset(graph))
    if report.conforms:
        click.echo(f"{graph}: conforms to the Kapasitas shapes")
        return
    click.echo(report.text)
    click.echo(f"{graph}: {report.violations} violation(s)", err=True)
    raise SystemExit(1)
