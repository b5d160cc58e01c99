"""``kg query``: run one read-only SPARQL query over a graph file or store and print the result."""

from __future__ import annotations

from pathlib import Path

import click

from kg import sparql
from kg.cli._common import reports_errors

FORMATS = (*sparql.RESULT_FORMATS, *sparql.GRAPH_FORMATS)


@click.command()
@click.argument("graph", metavar="GRAPH_OR_STORE", required=False, type=click.Path(path_type=Path))
@click.argument("query_or_file", metavar="[QUERY_OR_FILE]", required=False)
@click.option("--example", "-e", metavar="NAME", help="Run the example query NAME (see --list-examples).")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE: an IRI if written <...> or http(s)://..., else a string.")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Output format; CONSTRUCT/DESCRIBE print turtle unless json-ld or n-triples.")
@click.option("--list-examples", is_flag=True, help="List the example queries and exit.")
@click.option("--timeout", type=float, default=60.0, show_default=True, help="Stop the query after this many seconds.")
@click.option("--max-rows", type=int, default=sparql.DEFAULT_MAX_ROWS, show_default=True,
              help="Print at most this many rows (or triples).")
@reports_errors
def query(
    graph: Path | None,
    query_or_file: str | None,
    example: str | None,
    params: tuple[str, ...],
    fmt: str,
    list_examples: bool,
    timeout: float,
    max_rows: int,
) -> None:
    """Run a SPARQL query over GRAPH_OR_STORE (a .trig/.ttl/.nq/.nt/.jsonld file or a store).

    QUERY_OR_FILE is a .rq file or the query text. The query sees all named graphs
    together; updates and SERVICE are refused.

    \b
    Examples:
      kg query out/graph.trig 'SELECT ?name WHERE { ?p a <https://schema.org/Person> ; <https://schema.org/name> ?name }'
      kg query out/graph.trig examples/queries/events.rq --format csv
      kg query out/store --example events --param event=https://w3id.org/kapasitas/id/event/x
      kg query --list-examples
    """
    if list_examples:
        _print_examples()
        return
    if graph is None:
        raise click.UsageError("missing GRAPH_OR_STORE (a graph file or a store directory)")
    text = sparql.query_text(query_or_file, example)
    store = sparql.open_store(graph)
    bindings = sparql.parse_params(params)
    result = sparql.run_query(store, text, bindings=bindings, timeout=timeout, limit=max_rows)
    click.echo(sparql.format_result(result, fmt), nl=False)
    if result.truncated:
        click.echo(f"kg query: stopped after {max_rows} rows (--max-rows); add a LIMIT or raise --max-rows", err=True)


def _print_examples() -> None:
    examples = sparql.list_examples()
    if not examples:
        click.echo("no example queries found", err=True)
    width = max((len(example.name) for example in examples), default=0)
    for example in examples:
        click.echo(f"{example.name.ljust(width)}  {example.title}".rstrip())
