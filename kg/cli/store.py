"""``kg remove`` and ``kg export``: change or write out a store."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli._common import reports_errors
from kg.errors import KgError
from kg.store import Store

NETWORK_FORMATS = (".graphml", ".json")


@click.command(epilog="""\b
Example:
  kg remove out/store id-kompas-bimtek-spbe-garut""")
@click.argument("store", type=click.Path(path_type=Path, file_okay=False))
@click.argument("article_id")
@click.option("--wait", is_flag=True, help="Wait for a build that is writing to the store instead of failing.")
@reports_errors
def remove(store: Path, article_id: str, wait: bool) -> None:
    """Remove one article (its named graph) from STORE."""
    with Store.open(store) as opened:
        opened.writable(wait)
        opened.remove(article_id)
        left = len(opened.articles)
    click.echo(f"Removed {article_id} from {store}; {left} article(s) left", err=True)


@click.command(epilog="""\b
Examples:
  kg export out/store --output all.trig
  kg export out/store --output network.graphml""")
@click.argument("store", type=click.Path(path_type=Path, file_okay=False))
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="File to write: .ttl .trig .nq .nt .jsonld (RDF) or .graphml .json (entity network).")
@reports_errors
def export(store: Path, output: Path) -> None:
    """Write every article graph of STORE to one file (format by extension), atomically."""
    opened = Store.open(store)
    if output.suffix.lower() in NETWORK_FORMATS:
        _export_network(opened, output)
    else:
        opened.export(output)
    click.echo(f"Wrote {output}: {len(opened.articles)} article(s)", err=True)


def _export_network(store: Store, output: Path) -> None:
    try:
        from kg.network import to_networkx, write_graphml, write_json
    except ImportError:
        raise KgError(f"{output}: network export needs kg.network, which is not installed") from None
    graph = to_networkx(store.to_dataset())
    (write_graphml if output.suffix.lower() == ".graphml" else write_json)(graph, output)
