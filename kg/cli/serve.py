"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a graph file or store."""

from __future__ import annotations

import logging
from pathlib import Path

import click

from kg import serve as endpoint
from kg import sparql
from kg.cli._common import reports_errors


@click.command()
@click.argument("graph", metavar="GRAPH_OR_STORE", type=click.Path(path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback unless told otherwise).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--timeout", default=endpoint.DEFAULT_TIMEOUT, show_default=True, type=click.FloatRange(min=0.1),
              help="Stop a query after this many seconds (HTTP 503).")
@click.option("--max-rows", default=sparql.DEFAULT_MAX_ROWS, show_default=True, type=click.IntRange(min=1),
              help="Refuse results with more rows or triples than this (HTTP 400).")
@click.option("--cors", "cors_origin", metavar="ORIGIN", help="Allow this origin (or *) to query from a browser.")
@reports_errors
def serve(graph: Path, host: str, port: int, timeout: float, max_rows: int, cors_origin: str | None) -> None:
    """Serve GRAPH_OR_STORE as a read-only SPARQL endpoint at /sparql, with a query page at /.

    GET /sparql?query=... or POST it (form or application/sparql-query); results come as
    SPARQL JSON, XML, CSV or TSV (SELECT, ASK) or Turtle, JSON-LD, N-Triples (CONSTRUCT,
    DESCRIBE) by the Accept header. Updates and SERVICE are refused. One log line per request.

    \b
    Example:
      kg serve out/graph.trig --port 8000
      curl -H 'Accept: text/csv' 'http://127.0.0.1:8000/sparql' \\
           --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5'
    """
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    endpoint.serve(graph, host=host, port=port, timeout=timeout, max_rows=max_rows, cors_origin=cors_origin)
