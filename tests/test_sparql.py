"""kg.sparql and ``kg query``: read-only, offline SPARQL over a graph file or store."""

from __future__ import annotations

import csv
import io
import json
import socket
import threading
import time
from pathlib import Path
from xml.etree import ElementTree as ET

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from kg import paths, sparql
from kg.cli.query import query as query_command
from kg.errors import KgError
from kg.sparql import QueryRefused, QuerySyntaxError, QueryTimeout, UpdateRefused

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "serve_sample.trig"
QUERIES = DATA / "serve_queries"
ID = "https://w3id.org/kapasitas/id/"
HERMAN = ID + "person/herman-suryatman"
PREFIXES = """PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
"""
PEOPLE = PREFIXES + "SELECT ?p ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name"
REGIONS = PREFIXES + (
    "SELECT ?r ?name ?code WHERE { ?r a schema:AdministrativeArea ; schema:name ?name ;"
    " schema:identifier ?code } ORDER BY ?code"
)
RUNAWAY = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s (<http://www.w3.org/ns/org#holds>|!<http://www.w3.org/ns/org#holds>)* ?o"
    " . ?x ?y ?z . ?u ?v ?w }",
)


@pytest.fixture(scope="session")
def store() -> ox.Store:
    return sparql.open_store(SAMPLE)


def names(result: sparql.QueryResult, column: int = -1) -> list[str]:
    return [row[column].value for row in result.rows]  # type: ignore[union-attr]


# ---------------------------------------------------------------- opening graphs


@pytest.mark.parametrize("suffix, fmt", [(".trig", "trig"), (".nq", "nquads"), (".jsonld", "json-ld")])
def test_open_store_reads_every_dataset_format(tmp_path: Path, suffix: str, fmt: str) -> None:
    ds = Dataset()
    ds.parse(SAMPLE, format="trig")
    path = tmp_path / f"graph{suffix}"
    path.write_bytes(ds.serialize(format=fmt, encoding="utf-8"))
    store = sparql.open_store(path)
    assert names(sparql.run_query(store, PEOPLE)) == ["Herman Suryatman", "Setiawan Wangsaatmaja"]
    graphs = sparql.run_query(store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
    assert names(graphs) == [ID + "graph/jpnn-2023-05-30", ID + "graph/sumedangkab-2023-06-05"]


@pytest.mark.parametrize("suffix, fmt", [(".ttl", "turtle"), (".nt", "nt")])
def test_open_store_reads_triple_formats(tmp_path: Path, suffix: str, fmt: str) -> None:
    ds = Dataset()
    ds.parse(SAMPLE, format="trig")
    union = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    path = tmp_path / f"graph{suffix}"
    path.write_bytes(union.serialize(format=fmt, encoding="utf-8"))
    result = sparql.run_query(sparql.open_store(path), REGIONS)
    assert names(result) == ["32", "32.11"]


def test_union_of_named_graphs_gives_each_triple_once(store: ox.Store) -> None:
    # Kabupaten Sumedang is typed, named and coded in both articles' graphs.
    result = sparql.run_query(store, REGIONS)
    assert names(result, 1) == ["Provinsi Jawa Barat", "Kabupaten Sumedang"]


def make_store(folder: Path, *, merged: bool) -> Path:
    (folder / "oxigraph").mkdir(parents=True)
    disk = ox.Store(str(folder / "oxigraph"))
    disk.load(path=str(SAMPLE), format=ox.RdfFormat.TRIG)
    if merged:
        sparql.merge_into_default_graph(disk)
    disk.flush()
    del disk
    (folder / "kapasitas-store.json").write_text("{}", encoding="utf-8")
    return folder


def test_open_store_directory_without_a_merged_default_graph(tmp_path: Path) -> None:
    # pyoxigraph's union default graph is a bag: Sumedang's 2 graphs give 2 x 2 x 2 rows.
    store = sparql.open_store(make_store(tmp_path / "store", merged=False))
    codes = names(sparql.run_query(store, REGIONS, timeout=5))
    assert (codes.count("32"), codes.count("32.11")) == (1, 8)


def test_open_store_directory_read_only(tmp_path: Path) -> None:
    store = sparql.open_store(make_store(tmp_path / "store", merged=True))
    assert names(sparql.run_query(store, REGIONS, timeout=5)) == ["32", "32.11"]
    with pytest.raises(UpdateRefused):
        sparql.run_query(store, "DELETE WHERE { ?s ?p ?o }")
    assert len(sparql.run_query(store, "SELECT * WHERE { ?s ?p ?o }")) > 0


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("missing.trig", None, "missing.trig: no such file or directory"),
        ("graph.csv", b"a,b\n", "graph.csv: not a graph file or store (expected .jsonld, .nq, .nt, .trig, .ttl"),
        ("binary.ttl", bytes(range(256)), "binary.ttl: cannot parse as Turtle: Parser error at line 1 column 1"),
        ("broken.trig", b"@prefix x: <http://x/> .\nx:a x:b .\n", "broken.trig: cannot parse as TriG: Parser error at line 2 column 9: . is not a valid RDF object"),
        ("broken.jsonld", b'{"@id": ', "broken.jsonld: cannot parse as JSON-LD: Parser error at line 1 column 9"),
    ],
)
def test_open_store_bad_files(tmp_path: Path, name: str, content: bytes | None, message: str) -> None:
    if content is not None:
        (tmp_path / name).write_bytes(content)
    with pytest.raises(KgError) as error:
        sparql.open_store(tmp_path / name)
    assert str(error.value).startswith(f"{tmp_path}/{message}")
    assert "\n" not in str(error.value)


def test_open_store_directory_errors(tmp_path: Path) -> None:
    with pytest.raises(KgError, match="a directory but not a Kapasitas store"):
        sparql.open_store(tmp_path)
    (tmp_path / "kapasitas-store.json").write_text("{}", encoding="utf-8")
    with pytest.raises(KgError, match="the store has no oxigraph/ folder"):
        sparql.open_store(tmp_path)


# ---------------------------------------------------------------- bindings


@pytest.mark.parametrize(
    "value, expected",
    [
        ("<https://w3id.org/kapasitas/id/person/herman-suryatman>", ox.NamedNode(HERMAN)),
        ("https://w3id.org/kapasitas/id/person/herman-suryatman", ox.NamedNode(HERMAN)),
        ("http://www.w3.org/ns/org#Post", ox.NamedNode("http://www.w3.org/ns/org#Post")),
        ("Kabupaten Sumedang", ox.Literal("Kabupaten Sumedang")),
        ("32.11", ox.Literal("32.11")),
        ("Sekda Kab. Garut <Jabar>", ox.Literal("Sekda Kab. Garut <Jabar>")),
    ],
)
def test_binding_term(value: str, expected: ox.NamedNode | ox.Literal) -> None:
    assert sparql.binding_term(value) == expected


def test_bindings_are_values_not_query_text(store: ox.Store) -> None:
    text = PREFIXES + "SELECT ?p ?name WHERE { ?p schema:name ?name }"
    by_iri = sparql.run_query(store, text, bindings={"p": HERMAN})
    assert [(row[0].value, row[1].value) for row in by_iri.rows] == [(HERMAN, "Herman Suryatman")]  # type: ignore[union-attr]
    by_name = sparql.run_query(store, text, bindings={"?name": "Kabupaten Sumedang"})
    assert names(by_name, 0) == [ID + "region/id-32.11"]
    hostile = sparql.run_query(store, text, bindings={"name": '" } ; DROP ALL ; #'})
    assert hostile.rows == ()


def test_binding_errors(store: ox.Store) -> None:
    with pytest.raises(KgError, match="does not contains variable \\?kota"):
        sparql.run_query(store, PEOPLE, bindings={"kota": "Garut"})
    with pytest.raises(KgError, match="binding name 'nama orang' is not a SPARQL variable name"):
        sparql.run_query(store, PEOPLE, bindings={"nama orang": "Herman"})
    with pytest.raises(KgError, match="binding value '<bukan iri>' is not a valid IRI"):
        sparql.run_query(store, PEOPLE, bindings={"p": "<bukan iri>"})


def test_parse_params() -> None:
    assert sparql.parse_params(["person=https://x.org/a?b=c", "kota=Kota Tasikmalaya"]) == {
        "person": "https://x.org/a?b=c",
        "kota": "Kota Tasikmalaya",
    }
    with pytest.raises(KgError, match="--param 'kota': expected NAME=VALUE"):
        sparql.parse_params(["kota"])


# ---------------------------------------------------------------- formats


def test_table_is_aligned_with_prefixed_iris(store: ox.Store) -> None:
    text = sparql.format_result(sparql.run_query(store, PEOPLE), "table")
    assert text == (
        "p                                name\n"
        "-------------------------------  ---------------------\n"
        "id:person/herman-suryatman       Herman Suryatman\n"
        "id:person/setiawan-wangsaatmaja  Setiawan Wangsaatmaja\n"
    )


def test_csv_and_tsv(store: ox.Store) -> None:
    result = sparql.run_query(store, REGIONS)
    rows = list(csv.reader(io.StringIO(sparql.format_result(result, "csv"))))
    assert rows == [["r", "name", "code"], [ID + "region/id-32", "Provinsi Jawa Barat", "32"],
                    [ID + "region/id-32.11", "Kabupaten Sumedang", "32.11"]]
    assert sparql.format_result(result, "csv").endswith("\r\n")
    tsv = sparql.format_result(result, "tsv").splitlines()
    assert tsv[0] == "?r\t?name\t?code"
    assert tsv[2] == f'<{ID}region/id-32.11>\t"Kabupaten Sumedang"\t"32.11"'


def test_json_results(store: ox.Store) -> None:
    text = PREFIXES + "SELECT ?e ?start ?count ?missing WHERE { ?e schema:startDate ?start ;" \
        " <https://w3id.org/kapasitas/ontology#participantCount> ?count . OPTIONAL { ?e schema:endTime ?missing } }"
    doc = json.loads(sparql.format_result(sparql.run_query(store, text), "json"))
    assert doc["head"] == {"vars": ["e", "start", "count", "missing"]}
    assert doc["results"]["bindings"] == [{
        "e": {"type": "uri", "value": ID + "event/digital-capacity-building-jabar-2023"},
        "start": {"type": "literal", "value": "2023-05-28", "datatype": "http://www.w3.org/2001/XMLSchema#date"},
        "count": {"type": "literal", "value": "8", "datatype": "http://www.w3.org/2001/XMLSchema#integer"},
    }]


def test_xml_results(store: ox.Store) -> None:
    root = ET.fromstring(sparql.format_result(sparql.run_query(store, PEOPLE), "xml"))
    ns = {"r": sparql.RESULTS_NS}
    assert [v.get("name") for v in root.findall("r:head/r:variable", ns)] == ["p", "name"]
    literals = [b.findtext("r:literal", namespaces=ns) for b in root.iter(f"{{{sparql.RESULTS_NS}}}binding")
                if b.get("name") == "name"]
    assert literals == ["Herman Suryatman", "Setiawan Wangsaatmaja"]


@pytest.mark.parametrize(
    "fmt, expected",
    [("table", "true\n"), ("csv", "true\r\n"), ("tsv", "true\n"), ("json", '{\n "head": {},\n "boolean": true\n}\n')],
)
def test_ask(store: ox.Store, fmt: str, expected: str) -> None:
    ask = PREFIXES + 'ASK { ?p schema:name "Herman Suryatman" }'
    assert sparql.format_result(sparql.run_query(store, ask), fmt) == expected


def test_construct_formats(store: ox.Store) -> None:
    result = sparql.run_query(store, sparql.example_query("event_graph", QUERIES))
    assert result.kind == "graph" and len(result) == 12
    turtle = sparql.format_result(result, "turtle")
    assert turtle.startswith("@prefix kap: <https://w3id.org/kapasitas/ontology#> .\n")
    graph = Graph().parse(data=turtle, format="turtle")
    assert len(graph) == 12
    assert len(Graph().parse(data=sparql.format_result(result, "n-triples"), format="nt")) == 12
    assert len(Graph().parse(data=sparql.format_result(result, "json-ld"), format="json-ld")) == 12
    assert sparql.format_result(result, "table") == turtle  # a graph's table is its Turtle


def test_output_is_deterministic(store: ox.Store) -> None:
    text = sparql.example_query("event_graph", QUERIES)
    outputs = {sparql.format_result(sparql.run_query(store, text), "turtle") for _ in range(3)}
    assert len(outputs) == 1


def test_format_errors(store: ox.Store) -> None:
    with pytest.raises(KgError, match="format 'csv' is for SELECT and ASK results"):
        sparql.format_result(sparql.run_query(store, "CONSTRUCT WHERE { ?s ?p ?o }"), "csv")
    with pytest.raises(KgError, match="unknown format 'turtle' for a SELECT result; use one of table, csv"):
        sparql.format_result(sparql.run_query(store, PEOPLE), "turtle")


# ---------------------------------------------------------------- example queries


def test_example_lookup() -> None:
    assert [e.name for e in sparql.list_examples(QUERIES)] == ["event_graph", "evidence", "people_posts", "region_codes"]
    people = {e.name: e for e in sparql.list_examples(QUERIES)}["people_posts"]
    assert people.title == "Which named people hold which offices?"
    assert sparql.example_query("region_codes.rq", QUERIES).startswith("# Which regions")
    with pytest.raises(KgError) as error:
        sparql.example_query("kegiatan", QUERIES)
    assert str(error.value) == (
        "unknown example query 'kegiatan'; valid names: event_graph, evidence, people_posts, region_codes"
    )


def test_every_example_query_parses_and_runs(store: ox.Store) -> None:
    examples = sparql.list_examples(QUERIES) + sparql.list_examples(paths.QUERIES)
    assert examples
    for example in examples:
        result = sparql.run_query(store, example.text, timeout=10)
        assert result.kind in ("select", "ask", "graph"), example.name


def test_evidence_query_with_a_binding(store: ox.Store) -> None:
    result = sparql.run_query(store, sparql.example_query("evidence", QUERIES), bindings={"person": HERMAN})
    assert [(r[1].value, r[2].value, r[3].value) for r in result.rows] == [  # type: ignore[union-attr]
        ("Sekda Kabupaten Sumedang Herman Suryatman menilai program ini penting.", "412", "482")
    ]


def test_query_text_sources(tmp_path: Path) -> None:
    rq = tmp_path / "q.rq"
    rq.write_text("ASK {}", encoding="utf-8")
    assert sparql.query_text(str(rq)) == "ASK {}"
    assert sparql.query_text("SELECT * WHERE { ?s ?p ?o }") == "SELECT * WHERE { ?s ?p ?o }"
    with pytest.raises(KgError, match="nothere.rq: no such query file"):
        sparql.query_text("nothere.rq")
    with pytest.raises(KgError, match="give exactly one of a query"):
        sparql.query_text(None, None)


# ---------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <https://w3id.org/kapasitas/id/person/x> <https://schema.org/name> \"Iwan Bule\" }",
        "DELETE WHERE { ?s ?p ?o }",
        "PREFIX schema: <https://schema.org/> DELETE { ?p schema:name ?n } INSERT { ?p schema:name \"X\" } WHERE { ?p schema:name ?n }",
        "LOAD <http://127.0.0.1:9/graph.ttl>",
        "DROP ALL",
        "CLEAR DEFAULT",
    ],
)
def test_updates_are_refused(store: ox.Store, update: str) -> None:
    with pytest.raises(UpdateRefused) as error:
        sparql.run_query(store, update)
    assert str(error.value) == "updates are not allowed: the graph is read-only"


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://127.0.0.1:9/sparql> { ?s ?q ?r } } }",
        "SELECT * WHERE { { SELECT ?s WHERE { SERVICE ?endpoint { ?s ?p ?o } } } }",
        "ASK { service <https://query.wikidata.org/sparql> { ?s ?p ?o } }",
        "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } }",
    ],
)
def test_service_is_refused(store: ox.Store, text: str) -> None:
    with pytest.raises(QueryRefused, match="SERVICE is not allowed"):
        sparql.run_query(store, text)


def test_the_word_service_in_a_literal_or_comment_is_fine(store: ox.Store) -> None:
    text = 'SELECT * WHERE { ?s ?p "SERVICE <http://127.0.0.1:9/>" } # SERVICE <http://127.0.0.1:9/>'
    assert sparql.run_query(store, text).rows == ()


def test_from_only_names_graphs_of_the_store(store: ox.Store) -> None:
    own = "PREFIX g: <https://w3id.org/kapasitas/id/graph/> SELECT ?s WHERE { ?s a <https://schema.org/Observation> }"
    assert len(sparql.run_query(store, own)) == 1
    scoped = own.replace("SELECT ?s", "SELECT ?s FROM g:jpnn-2023-05-30")
    assert len(sparql.run_query(store, scoped)) == 0
    with pytest.raises(QueryRefused, match="FROM <http://127.0.0.1:9/g.ttl> names a graph that is not in this store"):
        sparql.run_query(store, "SELECT * FROM <http://127.0.0.1:9/g.ttl> WHERE { ?s ?p ?o }")
    with pytest.raises(QueryRefused, match="FROM <http://127.0.0.1:9/n> names a graph"):
        sparql.run_query(store, "SELECT * FROM NAMED <http://127.0.0.1:9/n> WHERE { GRAPH ?g { ?s ?p ?o } }")


def test_service_makes_no_outbound_request(store: ox.Store) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        listener.settimeout(3)
        port = listener.getsockname()[1]
        text = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        with pytest.raises(QueryRefused):
            sparql.run_query(store, text, timeout=2)
        listener.settimeout(0.3)
        with pytest.raises(socket.timeout):
            listener.accept()
        # The control: pyoxigraph itself, unchecked, does connect to that listener.
        worker = threading.Thread(target=_swallow, args=(store, text), daemon=True)
        worker.start()
        listener.settimeout(5)
        connection, _ = listener.accept()
        connection.close()
        worker.join(timeout=5)


def _swallow(store: ox.Store, text: str) -> None:
    try:
        list(store.query(text))
    except (OSError, RuntimeError, SyntaxError):
        pass


def test_syntax_errors(store: ox.Store) -> None:
    with pytest.raises(QuerySyntaxError, match="SPARQL syntax error at line 1, column 1"):
        sparql.run_query(store, "SELEC ?s WHERE { ?s ?p ?o }")
    with pytest.raises(QuerySyntaxError, match="the query is empty"):
        sparql.run_query(store, "  \n")


# ---------------------------------------------------------------- timeout and cap


@pytest.mark.parametrize("text", RUNAWAY)
def test_runaway_query_is_stopped(store: ox.Store, text: str) -> None:
    start = time.monotonic()
    with pytest.raises(QueryTimeout) as error:
        sparql.run_query(store, text, timeout=0.5)
    assert time.monotonic() - start < 3
    assert str(error.value) == "the query was stopped after 0.5 s (the time limit); narrow it or add a LIMIT"


def test_the_store_still_answers_after_a_timeout(store: ox.Store) -> None:
    with pytest.raises(QueryTimeout):
        sparql.run_query(store, RUNAWAY[0], timeout=0.3)
    assert names(sparql.run_query(store, PEOPLE, timeout=5)) == ["Herman Suryatman", "Setiawan Wangsaatmaja"]


def test_errors_cross_the_worker_process(store: ox.Store) -> None:
    with pytest.raises(KgError, match="does not contains variable"):
        sparql.run_query(store, PEOPLE, bindings={"kota": "Garut"}, timeout=5)


def test_row_cap(store: ox.Store) -> None:
    capped = sparql.run_query(store, "SELECT * WHERE { ?s ?p ?o }", limit=5, timeout=5)
    assert (len(capped), capped.truncated) == (5, True)
    whole = sparql.run_query(store, PEOPLE, limit=2)
    assert (len(whole), whole.truncated) == (2, False)
    triples = sparql.run_query(store, "CONSTRUCT WHERE { ?s ?p ?o }", limit=3)
    assert (len(triples), triples.truncated) == (3, True)


# ---------------------------------------------------------------- kg query


def test_cli_query_table() -> None:
    result = CliRunner().invoke(query_command, [str(SAMPLE), REGIONS])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[2:] == [
        "id:region/id-32     Provinsi Jawa Barat  32",
        "id:region/id-32.11  Kabupaten Sumedang   32.11",
    ]


def test_cli_query_example_param_and_csv(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "QUERIES", QUERIES)
    args = [str(SAMPLE), "--example", "evidence", "--param", f"person={HERMAN}", "--format", "csv"]
    result = CliRunner().invoke(query_command, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1] == (
        f"{HERMAN},Sekda Kabupaten Sumedang Herman Suryatman menilai program ini penting.,412,482"
    )
    listed = CliRunner().invoke(query_command, ["--list-examples"])
    assert listed.stdout.splitlines()[2] == "people_posts  Which named people hold which offices?"


def test_cli_query_file_and_truncation(tmp_path: Path) -> None:
    rq = tmp_path / "semua.rq"
    rq.write_text("SELECT * WHERE { ?s ?p ?o }", encoding="utf-8")
    result = CliRunner().invoke(query_command, [str(SAMPLE), str(rq), "--max-rows", "3", "-f", "tsv"])
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 4
    assert "stopped after 3 rows (--max-rows)" in result.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["nothere.trig", "ASK {}"], "Error: nothere.trig: no such file or directory"),
        ([str(SAMPLE), "DROP ALL"], "Error: updates are not allowed: the graph is read-only"),
        ([str(SAMPLE), "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"], "Error: SERVICE is not allowed"),
        ([str(SAMPLE)], "Error: give exactly one of a query (text or a .rq file) and --example NAME"),
        ([str(SAMPLE), "--example", "acara"], "Error: unknown example query 'acara'"),
        ([str(SAMPLE), RUNAWAY[0], "--timeout", "0.3"], "Error: the query was stopped after 0.3 s"),
    ],
)
def test_cli_query_errors(monkeypatch: pytest.MonkeyPatch, args: list[str], message: str) -> None:
    monkeypatch.setattr(paths, "QUERIES", QUERIES)
    result = CliRunner().invoke(query_command, args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_query_help_has_an_example() -> None:
    result = CliRunner().invoke(query_command, ["--help"])
    assert result.exit_code == 0
    assert "kg query out/graph.trig --example" not in result.stdout or "Examples:" in result.stdout
    assert "Examples:" in result.stdout
