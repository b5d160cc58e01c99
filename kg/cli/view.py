"""``kg view``: write the offline HTML viewer (or the networkx export) of a graph or store."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli._common import reports_errors
from kg.errors import KgError
from kg.graphio import load_dataset
from kg.network import to_networkx, write_graphml, write_json
from kg.viewer import select, write_html

FORMATS = {".html": "html", ".htm": "html", ".graphml": "graphml", ".json": "json"}


def output_format(output: Path, given: str | None) -> str:
    """The format asked for with --format, else the one the output's extension names."""
    if given:
        return given
    try:
        return FORMATS[output.suffix.lower()]
    except KeyError:
        raise KgError(
            f"{output}: cannot tell the output format from {output.suffix or 'no extension'!r}; "
            "use .html, .graphml or .json, or --format html|graphml|json"
        ) from None


@click.command(epilog="""\b
Examples:
  kg view out/graph.trig --output graph.html
  kg view out/store --output herman.html --focus "Herman Suryatman" --depth 2
  kg view out/graph.trig --output graph.graphml""")
@click.argument("graph_or_store", type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The file to write (.html, .graphml or .json).")
@click.option("--focus", metavar="NAME_OR_IRI", help="Keep only the part around this entity (name, alias or IRI).")
@click.option("--depth", default=2, show_default=True, type=int, help="Hops kept around --focus.")
@click.option("--title", default="Kapasitas graph", show_default=True, help="The page's title.")
@click.option("--format", "fmt", type=click.Choice(["html", "graphml", "json"]),
              help="Output format (default: from the output's extension).")
@reports_errors
def view(graph_or_store: Path, output: Path, focus: str | None, depth: int, title: str, fmt: str | None) -> None:
    """Write one offline HTML page to browse GRAPH_OR_STORE (a graph file or a store folder).

    The page needs no network: nodes are coloured by type, a click shows an entity's
    properties, evidence sentences and source articles, and there is a search box and
    filters by type and by event. With --format graphml or json (or a .graphml / .json
    output) it writes the entity graph for networkx, Gephi or Cytoscape instead.
    """
    kind = output_format(output, fmt)
    dataset = load_dataset(graph_or_store)
    if kind == "html":
        write_html(dataset, output, focus=focus, depth=depth, title=title, source=str(graph_or_store))
    else:
        graph = select(to_networkx(dataset), focus, depth, str(graph_or_store))
        (write_graphml if kind == "graphml" else write_json)(graph, output)
    click.echo(f"wrote {output}")
