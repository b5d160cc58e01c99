"""``kg eval``: precision, recall and F1 of the extraction against gold facts."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli._common import reports_errors
from kg.evaluate import evaluate


@click.command(name="eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--texts", type=click.Path(path_type=Path, file_okay=False),
              help="Folder holding <id>.txt for each gold file (else the gold's 'source').")
@click.option("--verbose", "-v", is_flag=True, help="List every miss and false positive.")
@reports_errors
def evaluate_command(gold: tuple[Path, ...], texts: Path | None, verbose: bool) -> None:
    """Score the extraction against GOLD files (the format of the gold README).

    Prints per-article and per-category precision, recall and F1; the last line is the
    micro-F1 over the core categories.

    \b
    Example:
      kg eval tests/corpus/*.json -v
    """
    for line in evaluate(list(gold), texts).lines(verbose):
        click.echo(line)
