"""A read-only SPARQL 1.1 Protocol endpoint over a Kapasitas graph (Starlette + uvicorn).

Routes:

* ``/sparql``: GET ``?query=``, POST form-encoded (``query=``) or ``application/sparql-query``.
  SELECT/ASK answer in SPARQL JSON (default), XML, CSV or TSV; CONSTRUCT/DESCRIBE in Turtle
  (default), JSON-LD or N-Triples, chosen by the Accept header (or a ``format``/``output``
  parameter naming one of those formats). Updates are refused with 403; SERVICE, FROM of
  foreign graphs and syntax errors with 400; a query past the time limit with 503; a result
  past the row cap with 400. Error bodies are one line of plain text.
* ``/``: a small self-contained query page (no external resources) with the example queries.
* ``/graph``: the HTML viewer, when ``kg.viewer.render_html`` exists (else 404).

Every request is logged in one line (method, path, status, milliseconds) on the ``kg.serve``
logger; the library configures no handler and never prints.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import jinja2
import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from kg import sparql
from kg.errors import KgError

LOG = logging.getLogger("kg.serve")
DEFAULT_TIMEOUT = 10.0
TEMPLATES = Path(__file__).resolve().parent / "templates"
PAGE_TEMPLATE = "query_page.html.j2"
PAGE_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"
)

# Media types a client may ask for, per kind of result; the first format is the default.
SOLUTION_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/json": "json-ld",
    "application/n-triples": "n-triples",
    "text/plain": "n-triples",
}
FORMAT_PARAMS = ("format", "output")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class HttpError(Exception):
    """An HTTP error answer with a one-line plain-text body."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Endpoint:
    """What the routes share: the store, its source path, the limits, a cache for /graph."""

    store: ox.Store
    source: Path | None = None
    timeout: float = DEFAULT_TIMEOUT
    max_rows: int = sparql.DEFAULT_MAX_ROWS
    queries: Path | None = None
    cache: dict[str, str] = field(default_factory=dict)


# ---------------------------------------------------------------- the application


def create_app(
    store: ox.Store,
    *,
    source: Path | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_rows: int = sparql.DEFAULT_MAX_ROWS,
    cors_origin: str | None = None,
    queries: Path | None = None,
) -> Starlette:
    """The ASGI app of the endpoint over ``store`` (``source``: its file or store, for /graph)."""
    endpoint = Endpoint(store, source, timeout, max_rows, queries)
    routes = [
        Route("/", _handler(endpoint, page), methods=["GET"]),
        Route("/sparql", _handler(endpoint, sparql_endpoint), methods=["GET", "POST"]),
        Route("/graph", _handler(endpoint, graph_view), methods=["GET"]),
    ]
    middleware = [Middleware(RequestLog)]
    if cors_origin:
        middleware.append(_cors(cors_origin))
    return Starlette(routes=routes, middleware=middleware)


def serve(
    path: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    timeout: float = DEFAULT_TIMEOUT,
    max_rows: int = sparql.DEFAULT_MAX_ROWS,
    cors_origin: str | None = None,
) -> None:
    """Open ``path`` (graph file or store) and serve it until interrupted."""
    import uvicorn

    store = sparql.open_store(path)
    app = create_app(store, source=Path(path), timeout=timeout, max_rows=max_rows, cors_origin=cors_origin)
    LOG.info("serving %s at http://%s:%d/sparql", path, host, port)
    uvicorn.run(app, host=host, port=port, access_log=False, log_config=None)


def _cors(origin: str) -> Middleware:
    return Middleware(
        CORSMiddleware,
        allow_origins=[origin],
        allow_methods=["GET", "POST"],
        allow_headers=["Accept", "Content-Type"],
    )


Handler = Callable[[Endpoint, Request], Awaitable[Response]]


def _handler(endpoint: Endpoint, handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    """Bind a handler to the endpoint and turn HttpError into a plain-text answer."""

    async def route(request: Request) -> Response:
        try:
            return await handler(endpoint, request)
        except HttpError as exc:
            return PlainTextResponse(f"{exc}\n", status_code=exc.status)

    return route


class RequestLog:
    """ASGI middleware: one log line per request (method, path, status, milliseconds)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def send_logged(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_logged)
        finally:
            elapsed = (time.perf_counter() - start) * 1000
            LOG.info("%s %s %d %.0f ms", scope["method"], scope["path"], status, elapsed)


# ---------------------------------------------------------------- /sparql


async def sparql_endpoint(endpoint: Endpoint, request: Request) -> Response:
    """The SPARQL 1.1 Protocol query operation (read-only)."""
    query, params = await _read_query(request)
    result = await run_in_threadpool(_run, endpoint, query)
    fmt = choose_format(result, request.headers.get("accept", ""), params)
    body = sparql.format_result(result, fmt)
    return Response(body, media_type=sparql.media_type(result, fmt))


def _run(endpoint: Endpoint, query: str) -> sparql.QueryResult:
    try:
        result = sparql.run_query(endpoint.store, query, timeout=endpoint.timeout, limit=endpoint.max_rows)
    except sparql.UpdateRefused as exc:
        raise HttpError(403, str(exc)) from None
    except sparql.QueryTimeout as exc:
        raise HttpError(503, str(exc)) from None
    except KgError as exc:
        raise HttpError(400, str(exc)) from None
    if result.truncated:
        raise HttpError(
            400,
            f"the result has more than {endpoint.max_rows} rows (this endpoint's limit); add a LIMIT",
        )
    return result


async def _read_query(request: Request) -> tuple[str, dict[str, list[str]]]:
    """The query text and the other parameters, from a GET or a POST request."""
    params = parse_qs(request.url.query, keep_blank_values=True)
    if request.method == "POST":
        params = _merge(params, await _post_params(request))
    if "update" in params:
        raise HttpError(403, sparql.READ_ONLY)
    for name in ("default-graph-uri", "named-graph-uri"):
        if name in params:
            raise HttpError(400, f"{name} is not supported; name graphs with FROM or GRAPH in the query")
    queries = params.get("query") or []
    if len(queries) != 1 or not queries[0].strip():
        raise HttpError(400, "give exactly one non-empty 'query' parameter (GET ?query=... or POST)")
    return queries[0], params


async def _post_params(request: Request) -> dict[str, list[str]]:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = (await request.body()).decode("utf-8", errors="replace")
    if content_type == "application/sparql-query":
        return {"query": [body]}
    if content_type == "application/sparql-update":
        raise HttpError(403, sparql.READ_ONLY)
    if content_type == "application/x-www-form-urlencoded":
        return parse_qs(body, keep_blank_values=True)
    raise HttpError(
        415,
        f"unsupported content type {content_type or '(none)'!r}; POST application/sparql-query "
        "or application/x-www-form-urlencoded",
    )


def _merge(first: dict[str, list[str]], second: dict[str, list[str]]) -> dict[str, list[str]]:
    merged = {name: list(values) for name, values in first.items()}
    for name, values in second.items():
        merged.setdefault(name, []).extend(values)
    return merged


def choose_format(result: sparql.QueryResult, accept: str, params: dict[str, list[str]]) -> str:
    """The output format: a ``format``/``output`` parameter, else the Accept header, else default."""
    types = GRAPH_TYPES if result.kind == "graph" else SOLUTION_TYPES
    known = set(types.values())
    for name in FORMAT_PARAMS:
        for value in params.get(name, []):
            value = value.strip().lower()
            if value in known:
                return value
    for media in _accepted(accept):
        if media in types:
            return types[media]
    return next(iter(types.values()))


def _accepted(accept: str) -> list[str]:
    """Media types of an Accept header, best first (by q, then order)."""
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept.split(",")):
        media, *options = [item.strip() for item in part.split(";")]
        quality = 1.0
        for option in options:
            key, _, value = option.partition("=")
            if key.strip() == "q":
                quality = _quality(value)
        if media and quality > 0:
            ranked.append((-quality, index, media.lower()))
    return [media for _, _, media in sorted(ranked)]


def _quality(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return 0.0


# ---------------------------------------------------------------- / and /graph


async def page(endpoint: Endpoint, request: Request) -> Response:
    """The query page: a textarea, a run button, the example queries."""
    html = render_page(sparql.list_examples(endpoint.queries), endpoint.max_rows, endpoint.timeout)
    return HTMLResponse(html, headers={"Content-Security-Policy": PAGE_CSP})


def render_page(examples: list[sparql.ExampleQuery], max_rows: int, timeout: float) -> str:
    """The HTML of the query page (autoescaped: example text is only ever text)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    first = examples[0].text if examples else ""
    template = env.get_template(PAGE_TEMPLATE)
    return template.render(examples=examples, first=first, max_rows=max_rows, timeout=timeout)


async def graph_view(endpoint: Endpoint, request: Request) -> Response:
    """The HTML graph viewer, if ``kg.viewer.render_html`` exists; rendered once, then cached."""
    if "graph" not in endpoint.cache:
        endpoint.cache["graph"] = await run_in_threadpool(_render_graph, endpoint)
    return HTMLResponse(endpoint.cache["graph"])


def _render_graph(endpoint: Endpoint) -> str:
    render_html = _viewer()
    if endpoint.source is None:
        raise HttpError(404, "the graph viewer needs the graph's file or store; this endpoint has none")
    from kg.graphio import load_dataset

    try:
        return str(render_html(load_dataset(endpoint.source)))
    except KgError as exc:
        raise HttpError(500, f"cannot render the graph viewer: {exc}") from None


def _viewer() -> Callable[[Any], Any]:
    try:
        viewer = importlib.import_module("kg.viewer")
    except ImportError:
        viewer = None
    render_html = getattr(viewer, "render_html", None)
    if render_html is None:
        raise HttpError(404, "the graph viewer is not available (kg.viewer.render_html is missing)")
    return render_html  # type: ignore[no-any-return]
