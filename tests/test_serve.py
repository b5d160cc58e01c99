"""``kg serve``: a real SPARQL client against the endpoint on a free loopback port."""

from __future__ import annotations

import csv
import io
import logging
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import uvicorn
from click.testing import CliRunner
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg import paths, sparql
from kg.cli.serve import serve as serve_command
from kg.serve import create_app, render_page

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "serve_sample.trig"
QUERIES = DATA / "serve_queries"
ID = "https://w3id.org/kapasitas/id/"
PEOPLE = """PREFIX schema: <https://schema.org/>
SELECT ?p ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name"""
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(port: int, process: subprocess.Popen[bytes] | None = None, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise AssertionError(f"kg serve exited: {process.stderr.read().decode() if process.stderr else ''}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listens on port {port} after {seconds} s")


@pytest.fixture(scope="module")
def kg_serve() -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``python -m kg serve`` on the sample, 1 s timeout, 50-row cap; stopped at the end."""
    port = free_port()
    command = [sys.executable, "-m", "kg", "serve", str(SAMPLE), "--port", str(port),
               "--timeout", "1", "--max-rows", "50"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        wait_for(port, process)
        yield f"http://127.0.0.1:{port}", process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="module")
def url(kg_serve: tuple[str, subprocess.Popen[bytes]]) -> str:
    return kg_serve[0]


def client(url: str, query: str, fmt: str = JSON) -> SPARQLWrapper:
    wrapper = SPARQLWrapper(f"{url}/sparql")
    wrapper.setQuery(query)
    wrapper.setReturnFormat(fmt)
    wrapper.setTimeout(20)
    return wrapper


def http(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8")


# ---------------------------------------------------------------- SPARQLWrapper against kg serve


def test_select_json(url: str) -> None:
    result = client(url, PEOPLE).queryAndConvert()
    assert result["head"]["vars"] == ["p", "name"]  # type: ignore[index]
    people = [(b["p"]["value"], b["name"]["value"]) for b in result["results"]["bindings"]]  # type: ignore[index]
    assert people == [(ID + "person/herman-suryatman", "Herman Suryatman"),
                      (ID + "person/setiawan-wangsaatmaja", "Setiawan Wangsaatmaja")]


def test_select_csv_by_post(url: str) -> None:
    wrapper = client(url, PEOPLE, CSV)
    wrapper.setMethod(POST)
    rows = list(csv.reader(io.StringIO(wrapper.queryAndConvert().decode("utf-8"))))  # type: ignore[union-attr]
    assert rows == [["p", "name"], [ID + "person/herman-suryatman", "Herman Suryatman"],
                    [ID + "person/setiawan-wangsaatmaja", "Setiawan Wangsaatmaja"]]


def test_construct_turtle(url: str) -> None:
    text = sparql.example_query("event_graph", QUERIES)
    body = client(url, text, TURTLE).queryAndConvert()
    graph = Graph().parse(data=body, format="turtle")  # type: ignore[arg-type]
    assert len(graph) == 12
    names = {str(o) for o in graph.objects(predicate=None) if str(o).startswith("2023 Digital")}
    assert names == {"2023 Digital Capacity Building Program for Civil Servants of West Java Province"}


def test_update_is_refused(url: str) -> None:
    wrapper = client(url, 'INSERT DATA { <https://w3id.org/kapasitas/id/person/x> <https://schema.org/name> "X" }')
    wrapper.setMethod(POST)
    with pytest.raises(urllib.error.HTTPError) as error:
        wrapper.query()
    assert error.value.code == 403
    assert error.value.read().decode() == "updates are not allowed: the graph is read-only\n"
    status, _, body = http(f"{url}/sparql", b"DROP ALL", {"Content-Type": "application/sparql-update"})
    assert (status, body) == (403, "updates are not allowed: the graph is read-only\n")
    after = client(url, PEOPLE).queryAndConvert()
    assert len(after["results"]["bindings"]) == 2  # type: ignore[index]


def test_service_is_refused_with_no_outbound_request(url: str) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        text = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        with pytest.raises(QueryBadFormed) as error:
            client(url, text).query()
        assert "SERVICE is not allowed" in str(error.value)
        listener.settimeout(0.5)
        with pytest.raises(socket.timeout):
            listener.accept()


def test_runaway_query_is_stopped(url: str) -> None:
    start = time.monotonic()
    with pytest.raises(urllib.error.HTTPError) as error:
        client(url, RUNAWAY).query()
    assert time.monotonic() - start < 8
    assert error.value.code == 503
    assert error.value.read().decode() == (
        "the query was stopped after 1 s (the time limit); narrow it or add a LIMIT\n"
    )
    assert len(client(url, PEOPLE).queryAndConvert()["results"]["bindings"]) == 2  # type: ignore[index]


# ---------------------------------------------------------------- the protocol, by hand


def test_result_formats_by_accept(url: str) -> None:
    query = urllib.parse.urlencode({"query": PEOPLE})
    for accept, media, first in [
        ("application/sparql-results+xml", "application/sparql-results+xml", "<?xml"),
        ("text/tab-separated-values", "text/tab-separated-values", "?p\t?name"),
        ("text/csv;q=0.5, application/sparql-results+json", "application/sparql-results+json", "{"),
        ("*/*", "application/sparql-results+json", "{"),
    ]:
        status, headers, body = http(f"{url}/sparql?{query}", headers={"Accept": accept})
        assert status == 200
        assert headers["content-type"].split(";")[0] == media
        assert body.startswith(first)


def test_graph_formats_by_accept(url: str) -> None:
    data = sparql.example_query("event_graph", QUERIES).encode()
    for accept, media in [("application/ld+json", "application/ld+json"),
                          ("application/n-triples", "application/n-triples"), ("", "text/turtle")]:
        headers = {"Content-Type": "application/sparql-query", "Accept": accept}
        status, got, body = http(f"{url}/sparql", data, headers)
        assert (status, got["content-type"].split(";")[0]) == (200, media)
        assert len(Graph().parse(data=body, format={"text/turtle": "turtle", "application/ld+json": "json-ld"}
                                 .get(media, "nt"))) == 12


@pytest.mark.parametrize(
    "path, data, headers, status, message",
    [
        ("/sparql", None, {}, 400, "give exactly one non-empty 'query' parameter"),
        ("/sparql?update=DROP%20ALL", None, {}, 403, "updates are not allowed"),
        ("/sparql?query=SELEC%20x", None, {}, 400, "SPARQL syntax error at line 1, column 1"),
        ("/sparql?query=SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D", None, {}, 400,
         "the result has more than 50 rows (this endpoint's limit); add a LIMIT"),
        ("/sparql", b"query=ASK{}", {"Content-Type": "text/plain"}, 415, "unsupported content type 'text/plain'"),
        ("/sparql?query=ASK%7B%7D&default-graph-uri=http://127.0.0.1:9/g", None, {}, 400,
         "default-graph-uri is not supported"),
    ],
)
def test_errors_are_one_line(
    url: str, path: str, data: bytes | None, headers: dict[str, str], status: int, message: str
) -> None:
    got, response_headers, body = http(url + path, data, headers)
    assert got == status
    assert body.startswith(message) and body.count("\n") == 1
    assert response_headers["content-type"].startswith("text/plain")


def test_form_post_and_ask(url: str) -> None:
    data = urllib.parse.urlencode({"query": 'ASK { ?p <https://schema.org/name> "Herman Suryatman" }'}).encode()
    status, _, body = http(f"{url}/sparql", data, {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200
    assert '"boolean": true' in body


class Tags(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_query_page_has_no_external_resources(url: str) -> None:
    status, headers, body = http(f"{url}/")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in headers["content-security-policy"]
    parser = Tags()
    parser.feed(body)
    links = [attrs.get(name) or "" for _, attrs in parser.tags for name in ("src", "href", "action")]
    assert all(not link.startswith(("http:", "https:", "//")) for link in links), links
    assert not any(tag in ("link", "iframe", "img") for tag, _ in parser.tags)
    assert "url(" not in body and "@import" not in body and "cdn" not in body.lower()
    assert "fetch(\"sparql\"" in body and "textContent" in body and "innerHTML" not in body
    examples = {attrs["value"] for tag, attrs in parser.tags if tag == "option" and attrs.get("data-query")}
    assert examples == {example.name for example in sparql.list_examples(paths.QUERIES)}


def test_requests_are_logged(kg_serve: tuple[str, subprocess.Popen[bytes]]) -> None:
    # Read the server's log after the other tests; stop it to collect stderr.
    url, process = kg_serve
    http(f"{url}/sparql?query=ASK%7B%7D")
    process.terminate()
    _, stderr = process.communicate(timeout=10)
    lines = stderr.decode().splitlines()
    assert any(line.startswith("kg.serve: GET /sparql 200 ") and line.endswith(" ms") for line in lines), lines
    assert any(line.startswith("kg.serve: POST /sparql 403 ") for line in lines)


# ---------------------------------------------------------------- the app in a thread: CORS, /graph


@pytest.fixture()
def threaded() -> Iterator[Callable[..., str]]:
    servers: list[tuple[uvicorn.Server, threading.Thread]] = []

    def start(**options: object) -> str:
        app = create_app(sparql.open_store(SAMPLE), source=SAMPLE, **options)  # type: ignore[arg-type]
        port = free_port()
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None,
                                               access_log=False, lifespan="off"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        servers.append((server, thread))
        wait_for(port, seconds=10)
        return f"http://127.0.0.1:{port}"

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(timeout=10)


def test_no_cors_headers_unless_asked(threaded: Callable[..., str]) -> None:
    plain = threaded()
    query = "/sparql?query=ASK%7B%7D"
    _, headers, _ = http(plain + query, headers={"Origin": "http://localhost:3000"})
    assert "access-control-allow-origin" not in {name.lower() for name in headers}
    open_url = threaded(cors_origin="http://localhost:3000")
    _, headers, _ = http(open_url + query, headers={"Origin": "http://localhost:3000"})
    assert {k.lower(): v for k, v in headers.items()}["access-control-allow-origin"] == "http://localhost:3000"


def test_graph_viewer_and_log_lines(threaded: Callable[..., str], caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="kg.serve")
    base = threaded()
    status, headers, body = http(base + "/graph")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert "Herman Suryatman" in body
    deadline = time.monotonic() + 5  # the line is written just after the response is sent
    while not any(r.getMessage().startswith("GET /graph 200 ") for r in caplog.records):
        assert time.monotonic() < deadline, [r.getMessage() for r in caplog.records]
        time.sleep(0.05)


def test_graph_viewer_missing_is_a_404(threaded: Callable[..., str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "kg.viewer", None)
    status, _, body = http(threaded() + "/graph")
    assert (status, body) == (404, "the graph viewer is not available (kg.viewer.render_html is missing)\n")


def test_page_escapes_example_text(tmp_path: Path) -> None:
    (tmp_path / "jahat.rq").write_text('# </option><script>alert(1)</script>\nASK { ?s ?p "</textarea>" }\n')
    html = render_page(sparql.list_examples(tmp_path), 100, 5)
    assert "<script>alert(1)" not in html and "</textarea>\"" not in html
    assert "&lt;/option&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_serve_reports_a_bad_graph() -> None:
    result = CliRunner().invoke(serve_command, ["nothere.trig", "--port", str(free_port())])
    assert result.exit_code == 2
    assert result.stderr == "Error: nothere.trig: no such file or directory\n"
