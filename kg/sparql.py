"""Read-only SPARQL over a Kapasitas graph: open a graph file or store, run a query, format it.

The engine is pyoxigraph. A graph FILE (.ttl .trig .nq .nt .jsonld) is loaded into an
in-memory store, and the triples of all its named graphs are also copied into its default
graph (their set union, see :func:`merge_into_default_graph`); a STORE DIRECTORY (a folder
holding ``kapasitas-store.json``, with the on-disk oxigraph store in ``oxigraph/``) is
opened read-only. Queries see the union of all graphs unless they name graphs with FROM:
the default graph when it has triples (it is then taken to hold the union), else
pyoxigraph's ``use_default_graph_as_union`` (a bag: a triple in n graphs comes n times).

Safety, before anything runs, every query is parsed with rdflib's SPARQL parser:

* SPARQL Update (INSERT, DELETE, LOAD, DROP ...) is refused (:class:`UpdateRefused`);
* ``SERVICE`` anywhere in the query is refused (:class:`QueryRefused`): pyoxigraph would
  otherwise send an HTTP request to the service IRI;
* ``FROM`` / ``FROM NAMED`` may only name graphs that are in the store.

Bindings (``--param name=value``) are passed as values through pyoxigraph's
``substitutions`` and never formatted into the query text. A value written ``<...>`` or
starting with ``http://`` / ``https://`` is an IRI; anything else is a plain string literal.

Timeout: a pyoxigraph query cannot be interrupted from Python, so with a ``timeout`` the
query runs in a forked child process that inherits the store (copy-on-write); the parent
waits for the answer until the deadline and kills the child when it passes. Where
``os.fork`` does not exist the query runs in-process and the deadline is only checked
between result rows. The row cap (``limit``) stops reading after that many rows or triples
and sets :attr:`QueryResult.truncated`.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pickle
import select
import signal
import struct
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn, TypeVar, Union
from xml.etree import ElementTree as ET

import pyoxigraph as ox
from pyparsing import ParseBaseException
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from kg import paths
from kg.errors import InputError, KgError
from kg.graphio import STORE_MARKER

Term = Union[ox.NamedNode, ox.BlankNode, ox.Literal, ox.Triple]
T = TypeVar("T")

DEFAULT_MAX_ROWS = 10_000
OXIGRAPH_DIR = "oxigraph"
READ_ONLY = "updates are not allowed: the graph is read-only"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RESULTS_NS = "http://www.w3.org/2005/sparql-results#"

FILE_FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD,
}
RESULT_FORMATS = ("table", "csv", "json", "tsv", "xml")
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "json-ld": ox.RdfFormat.JSON_LD,
    "n-triples": ox.RdfFormat.N_TRIPLES,
}
# What a SELECT/ASK format name means for a CONSTRUCT/DESCRIBE result.
GRAPH_ALIASES = {"table": "turtle", "json": "json-ld", "ttl": "turtle", "nt": "n-triples"}
MEDIA_TYPES = {
    "table": "text/plain",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "turtle": "text/turtle",
    "json-ld": "application/ld+json",
    "n-triples": "application/n-triples",
}
# Prefixes for Turtle output and the text table (the graph contract's, plus the data base).
PREFIXES = {
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "kap": "https://w3id.org/kapasitas/ontology#",
    "id": "https://w3id.org/kapasitas/id/",
}


class QuerySyntaxError(KgError):
    """A query that does not parse (HTTP 400)."""


class QueryRefused(KgError):
    """A query that this read-only, offline engine will not run (HTTP 400)."""


class UpdateRefused(QueryRefused):
    """A SPARQL Update: the graph is read-only (HTTP 403)."""


class QueryTimeout(KgError):
    """A query that did not finish before its deadline (HTTP 503)."""


@dataclass(frozen=True)
class QueryResult:
    """The answer to one query: solutions (SELECT), a boolean (ASK) or triples (graph)."""

    kind: str  # "select" | "ask" | "graph"
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] = ()
    truncated: bool = False

    def __len__(self) -> int:
        return len(self.triples) if self.kind == "graph" else len(self.rows)


@dataclass(frozen=True)
class ExampleQuery:
    """One ``.rq`` file of the example folder: its name, the question it answers, its text."""

    name: str
    title: str
    text: str


# ---------------------------------------------------------------- opening a graph


def open_store(path: str | Path) -> ox.Store:
    """A store for a graph file (loaded in memory) or a store directory (opened read-only)."""
    path = Path(path)
    if path.is_dir():
        return _open_store_dir(path)
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    fmt = FILE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        valid = ", ".join(sorted(FILE_FORMATS))
        raise InputError(f"{path}: not a graph file or store (expected {valid} or a store directory)")
    return _load_file(path, fmt)


def _load_file(path: Path, fmt: ox.RdfFormat) -> ox.Store:
    store = ox.Store()
    try:
        store.load(path=str(path), format=fmt)
    except SyntaxError as exc:
        raise InputError(f"{path}: cannot parse as {fmt.name}: {_first_line(exc)}") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot read: {_first_line(exc)}") from None
    merge_into_default_graph(store)
    return store


def merge_into_default_graph(store: ox.Store) -> None:
    """Copy every named graph's triples into the default graph: their set union, once.

    pyoxigraph's ``use_default_graph_as_union`` is a bag: an entity typed and named in 20
    articles' graphs would come back 20 times per pattern (20^3 rows for 3 patterns). A
    default graph that holds the union as a set gives each triple once; GRAPH and FROM
    still see the named graphs.
    """
    named = [
        ox.Quad(quad.subject, quad.predicate, quad.object)
        for quad in store.quads_for_pattern(None, None, None, None)
        if not isinstance(quad.graph_name, ox.DefaultGraph)
    ]
    if named:
        store.extend(named)


def _open_store_dir(path: Path) -> ox.Store:
    if not (path / STORE_MARKER).is_file():
        raise InputError(f"{path}: a directory but not a Kapasitas store (no {STORE_MARKER} in it)")
    db = path / OXIGRAPH_DIR
    if not db.is_dir():
        raise InputError(f"{path}: the store has no {OXIGRAPH_DIR}/ folder")
    try:
        return ox.Store.read_only(str(db))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot open the store read-only: {_first_line(exc)}") from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


# ---------------------------------------------------------------- checking a query


def check_query(query_text: str, store: ox.Store | None = None) -> tuple[str, ...]:
    """Refuse updates, SERVICE and FROM of graphs not in ``store``; return the FROM graph IRIs."""
    tree = _parse(query_text)
    if _contains(tree, "ServiceGraphPattern"):
        raise QueryRefused("SERVICE is not allowed: this endpoint never queries other endpoints")
    iris = _dataset_iris(tree)
    for iri in iris:
        if store is not None and not _has_graph(store, iri):
            raise QueryRefused(
                f"FROM <{iri}> names a graph that is not in this store; only its own graphs can be queried"
            )
    return iris


def _parse(query_text: str) -> Any:
    if not query_text.strip():
        raise QuerySyntaxError("the query is empty")
    try:
        return parseQuery(query_text)
    except ParseBaseException as exc:
        if _is_update(query_text):
            raise UpdateRefused(READ_ONLY) from None
        where = f"line {exc.lineno}, column {exc.col}"
        raise QuerySyntaxError(f"SPARQL syntax error at {where}: {exc.msg}") from None


def _is_update(query_text: str) -> bool:
    try:
        parseUpdate(query_text)
    except ParseBaseException:
        return False
    return True


def _contains(node: Any, name: str) -> bool:
    """True if a CompValue called ``name`` occurs anywhere in a parse tree."""
    if isinstance(node, CompValue) and node.name == name:
        return True
    if isinstance(node, dict):
        return any(_contains(value, name) for value in node.values())
    if isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
        return any(_contains(item, name) for item in node)
    return False


def _dataset_iris(tree: Any) -> tuple[str, ...]:
    prologue, query = tree[0], tree[1]
    prefixes = {_field(d, "prefix") or "": str(d["iri"]) for d in prologue if d.name == "PrefixDecl"}
    iris = []
    for clause in _field(query, "datasetClause") or ():
        iri = _field(clause, "default") if "default" in clause else _field(clause, "named")
        iris.append(_resolve(iri, prefixes))
    return tuple(iris)


def _field(node: CompValue, key: str) -> Any:
    """A field of a parse-tree node, or None (CompValue.get returns the key when missing)."""
    return node[key] if key in node else None


def _resolve(iri: Any, prefixes: dict[str, str]) -> str:
    if isinstance(iri, CompValue):  # a prefixed name
        prefix = _field(iri, "prefix") or ""
        if prefix not in prefixes:
            raise QuerySyntaxError(f"unknown prefix {prefix + ':'!r} in FROM")
        return prefixes[prefix] + (_field(iri, "localname") or "")
    return str(iri)


def _has_graph(store: ox.Store, iri: str) -> bool:
    try:
        return bool(store.contains_named_graph(ox.NamedNode(iri)))
    except ValueError:
        return False


# ---------------------------------------------------------------- bindings


def binding_term(value: str) -> ox.NamedNode | ox.Literal:
    """``<iri>`` or ``http(s)://...`` -> an IRI; anything else -> a plain string literal."""
    iri = value[1:-1] if value.startswith("<") and value.endswith(">") else None
    if iri is None and value.startswith(("http://", "https://")):
        iri = value
    if iri is None:
        return ox.Literal(value)
    try:
        return ox.NamedNode(iri)
    except ValueError as exc:
        raise KgError(f"binding value {value!r} is not a valid IRI: {exc}") from None


def _substitutions(bindings: dict[str, str] | None) -> dict[ox.Variable, Term]:
    subs: dict[ox.Variable, Term] = {}
    for name, value in (bindings or {}).items():
        bare = name.lstrip("?$")
        try:
            variable = ox.Variable(bare)
        except ValueError:
            raise KgError(f"binding name {name!r} is not a SPARQL variable name") from None
        subs[variable] = binding_term(value)
    return subs


# ---------------------------------------------------------------- running a query


def run_query(
    store: ox.Store,
    query_text: str,
    *,
    bindings: dict[str, str] | None = None,
    timeout: float | None = None,
    limit: int | None = None,
) -> QueryResult:
    """Check and run a read-only query; ``timeout`` in seconds, ``limit`` rows (None: no cap)."""
    dataset = check_query(query_text, store)
    subs = _substitutions(bindings)
    if timeout is not None and timeout <= 0:
        raise KgError(f"timeout must be a positive number of seconds, not {timeout}")
    if limit is not None and limit < 0:
        raise KgError(f"the row limit must be zero or more, not {limit}")

    def call(deadline: float | None) -> QueryResult:
        return _execute(store, query_text, subs, limit, bool(dataset), deadline, timeout)

    if timeout is None:
        return call(None)
    if hasattr(os, "fork"):
        return _run_forked(lambda: call(None), timeout)
    return call(time.monotonic() + timeout)


def _execute(
    store: ox.Store,
    query_text: str,
    subs: dict[ox.Variable, Term],
    limit: int | None,
    has_dataset: bool,
    deadline: float | None,
    timeout: float | None,
) -> QueryResult:
    union = not has_dataset and not _has_default_graph(store)
    try:
        answer = store.query(query_text, use_default_graph_as_union=union, substitutions=subs)
        return _collect(answer, limit, deadline, timeout)
    except SyntaxError as exc:
        raise QuerySyntaxError(f"SPARQL syntax error: {_first_line(exc)}") from None
    except RuntimeError as exc:  # e.g. a binding for a variable the query does not select
        raise KgError(f"cannot run the query: {_first_line(exc)}") from None
    except OSError as exc:
        raise KgError(f"the query failed while reading the store: {_first_line(exc)}") from None


def _has_default_graph(store: ox.Store) -> bool:
    """True if the store's default graph has triples (then it is taken to be the union)."""
    return next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None


def _collect(answer: Any, limit: int | None, deadline: float | None, timeout: float | None) -> QueryResult:
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        variables = list(answer.variables)
        solutions = (tuple(solution[v] for v in variables) for solution in answer)
        rows, truncated = _take(solutions, limit, deadline, timeout)
        return QueryResult("select", tuple(v.value for v in variables), tuple(rows), truncated=truncated)
    triples, truncated = _take(answer, limit, deadline, timeout)
    return QueryResult("graph", triples=tuple(sorted(triples, key=_triple_key)), truncated=truncated)


def _take(
    items: Iterable[T], limit: int | None, deadline: float | None, timeout: float | None
) -> tuple[list[T], bool]:
    taken: list[T] = []
    for item in items:
        if limit is not None and len(taken) >= limit:
            return taken, True
        if deadline is not None and time.monotonic() > deadline:
            raise _timeout_error(timeout)
        taken.append(item)
    return taken, False


def _triple_key(triple: ox.Triple) -> tuple[str, str, str]:
    return (str(triple.subject), str(triple.predicate), str(triple.object))


def _timeout_error(timeout: float | None) -> QueryTimeout:
    return QueryTimeout(
        f"the query was stopped after {timeout:g} s (the time limit); narrow it or add a LIMIT"
    )


# ---------------------------------------------------------------- the forked worker

_FORK_LOCK = threading.Lock()
_HEADER = struct.Struct("!Q")


def _run_forked(call: Callable[[], QueryResult], timeout: float) -> QueryResult:
    """Run ``call`` in a forked child; kill it and raise QueryTimeout at the deadline."""
    deadline = time.monotonic() + timeout
    with _FORK_LOCK:  # no other thread forks while this pipe's write end is open here
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            _child(write_fd, call)
        os.close(write_fd)
    try:
        payload = _receive(read_fd, deadline, timeout)
    except BaseException:
        os.kill(pid, signal.SIGKILL)
        raise
    finally:
        os.close(read_fd)
        os.waitpid(pid, 0)
    return _unpack(payload)


def _child(write_fd: int, call: Callable[[], QueryResult]) -> NoReturn:
    """The child's whole life: answer, write the pickled outcome, exit without cleanup."""
    try:
        try:
            outcome: tuple[str, Any] = ("ok", call())
        except KgError as exc:
            outcome = ("error", exc)
        except BaseException as exc:  # noqa: BLE001 - reported to the parent as a KgError
            outcome = ("error", KgError(f"the query failed: {_first_line(exc)}"))
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        _write_all(write_fd, _HEADER.pack(len(data)) + data)
    finally:
        os._exit(0)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _receive(read_fd: int, deadline: float, timeout: float) -> bytes:
    buffer = bytearray()
    size: int | None = None
    while size is None or len(buffer) < _HEADER.size + size:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([read_fd], [], [], remaining)[0]:
            raise _timeout_error(timeout)
        chunk = os.read(read_fd, 1 << 16)
        if not chunk:
            raise KgError("the query worker stopped without an answer")
        buffer += chunk
        if size is None and len(buffer) >= _HEADER.size:
            size = _HEADER.unpack_from(buffer)[0]
    return bytes(buffer[_HEADER.size :])


def _unpack(payload: bytes) -> QueryResult:
    status, value = pickle.loads(payload)  # noqa: S301 - our own child wrote it
    if status == "error":
        raise value
    result: QueryResult = value
    return result


# ---------------------------------------------------------------- formatting


def format_result(result: QueryResult, fmt: str) -> str:
    """Serialize a result: table/csv/json/tsv/xml (SELECT, ASK), turtle/json-ld/n-triples (graph)."""
    if result.kind == "graph":
        return _format_graph(result.triples, _graph_format(fmt))
    formatter = _RESULT_FORMATTERS.get(fmt)
    if formatter is None:
        valid = ", ".join(RESULT_FORMATS)
        raise KgError(f"unknown format {fmt!r} for a {result.kind.upper()} result; use one of {valid}")
    return formatter(result)


def media_type(result: QueryResult, fmt: str) -> str:
    """The HTTP media type of ``format_result(result, fmt)``."""
    name = _graph_format(fmt) if result.kind == "graph" else fmt
    return MEDIA_TYPES[name]


def _graph_format(fmt: str) -> str:
    name = GRAPH_ALIASES.get(fmt, fmt)
    if name not in GRAPH_FORMATS:
        valid = ", ".join(GRAPH_FORMATS)
        raise KgError(f"format {fmt!r} is for SELECT and ASK results; a graph result is written as {valid}")
    return name


def _format_graph(triples: Iterable[ox.Triple], fmt: str) -> str:
    if fmt != "turtle":
        data = ox.serialize(list(triples), format=GRAPH_FORMATS[fmt])
        return bytes(data or b"").decode("utf-8")
    # Data IRIs stay whole (as prefixed names their slashes would need escaping).
    prefixes = {name: base for name, base in PREFIXES.items() if name != "id"}
    text = bytes(ox.serialize(list(triples), format=GRAPH_FORMATS[fmt], prefixes=prefixes) or b"")
    lines = text.decode("utf-8").splitlines(keepends=True)
    heads = sorted(line for line in lines if line.startswith("@prefix"))
    return "".join(heads + [line for line in lines if not line.startswith("@prefix")])


def _format_table(result: QueryResult) -> str:
    if result.kind == "ask":
        return f"{str(result.boolean).lower()}\n"
    header = list(result.variables)
    body = [[_short(term) for term in row] for row in result.rows]
    widths = [max(map(len, column)) for column in zip(header, *body)]
    lines = [header, ["-" * width for width in widths], *body]
    return "".join(_table_line(cells, widths) for cells in lines)


def _table_line(cells: list[str], widths: list[int]) -> str:
    return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip() + "\n"


def _short(term: Term | None) -> str:
    """A term for people to read: prefixed IRIs, bare literal values, one line."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, base in PREFIXES.items():
            if term.value.startswith(base):
                return f"{prefix}:{term.value[len(base):]}"
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        return term.value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
    return str(term)


def _format_csv(result: QueryResult) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if result.kind == "ask":
        writer.writerow([str(result.boolean).lower()])
        return out.getvalue()
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([_csv_value(term) for term in row])
    return out.getvalue()


def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return str(term)


def _format_tsv(result: QueryResult) -> str:
    if result.kind == "ask":
        return f"{str(result.boolean).lower()}\n"
    lines = ["\t".join(f"?{name}" for name in result.variables)]
    lines += ["\t".join("" if term is None else str(term) for term in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _format_json(result: QueryResult) -> str:
    if result.kind == "ask":
        doc: dict[str, Any] = {"head": {}, "boolean": result.boolean}
    else:
        bindings = [_json_row(result.variables, row) for row in result.rows]
        doc = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def _json_row(variables: tuple[str, ...], row: tuple[Term | None, ...]) -> dict[str, Any]:
    return {name: _json_term(term) for name, term in zip(variables, row) if term is not None}


def _json_term(term: Term) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        doc = {"type": "literal", "value": term.value}
        if term.language:
            doc["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            doc["datatype"] = term.datatype.value
        return doc
    parts = {"subject": term.subject, "predicate": term.predicate, "object": term.object}
    return {"type": "triple", "value": {key: _json_term(part) for key, part in parts.items()}}


def _format_xml(result: QueryResult) -> str:
    root = ET.Element("sparql", xmlns=RESULTS_NS)
    head = ET.SubElement(root, "head")
    if result.kind == "ask":
        ET.SubElement(root, "boolean").text = str(result.boolean).lower()
    else:
        for name in result.variables:
            ET.SubElement(head, "variable", name=name)
        _xml_results(ET.SubElement(root, "results"), result)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _xml_results(parent: ET.Element, result: QueryResult) -> None:
    for row in result.rows:
        element = ET.SubElement(parent, "result")
        for name, term in zip(result.variables, row):
            if term is not None:
                _xml_term(ET.SubElement(element, "binding", name=name), term)


def _xml_term(parent: ET.Element, term: Term) -> None:
    if isinstance(term, ox.NamedNode):
        ET.SubElement(parent, "uri").text = term.value
    elif isinstance(term, ox.BlankNode):
        ET.SubElement(parent, "bnode").text = term.value
    elif isinstance(term, ox.Literal):
        literal = ET.SubElement(parent, "literal")
        literal.text = term.value
        if term.language:
            literal.set("xml:lang", term.language)
        elif term.datatype.value != XSD_STRING:
            literal.set("datatype", term.datatype.value)
    else:
        ET.SubElement(parent, "literal").text = str(term)


_RESULT_FORMATTERS: dict[str, Callable[[QueryResult], str]] = {
    "table": _format_table,
    "csv": _format_csv,
    "json": _format_json,
    "tsv": _format_tsv,
    "xml": _format_xml,
}


# ---------------------------------------------------------------- example queries


def list_examples(folder: Path | None = None) -> list[ExampleQuery]:
    """The example queries (``*.rq``) of ``folder`` (default: kg.paths.QUERIES), by name."""
    folder = paths.QUERIES if folder is None else folder
    files = sorted(folder.glob("*.rq")) if folder.is_dir() else []
    return [_read_example(path) for path in files]


def example_query(name: str, folder: Path | None = None) -> str:
    """The text of ``<QUERIES>/<name>.rq``; an unknown name lists the valid ones."""
    examples = {example.name: example for example in list_examples(folder)}
    if name.removesuffix(".rq") in examples:
        return examples[name.removesuffix(".rq")].text
    valid = ", ".join(examples) or f"none (no .rq files in {folder or paths.QUERIES})"
    raise KgError(f"unknown example query {name!r}; valid names: {valid}")


def _read_example(path: Path) -> ExampleQuery:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {_first_line(exc)}") from None
    return ExampleQuery(path.stem, _title(text), text)


def _title(text: str) -> str:
    """The leading ``#`` comment lines of a query, joined: the question it answers."""
    lines: list[str] = []
    for line in _leading_comments(text.splitlines()):
        lines.append(line.lstrip("#").strip())
    return " ".join(line for line in lines if line)


def _leading_comments(lines: list[str]) -> Iterator[str]:
    for line in lines:
        if not line.strip().startswith("#"):
            return
        yield line.strip()


def query_text(source: str | None = None, example: str | None = None) -> str:
    """The query to run: ``source`` is a ``.rq`` file path or query text; or an example name."""
    if (source is None) == (example is None):
        raise KgError("give exactly one of a query (text or a .rq file) and --example NAME")
    if example is not None:
        return example_query(example)
    assert source is not None
    if _is_file(source):
        return _read_example(Path(source)).text
    if source.strip().endswith(".rq"):
        raise InputError(f"{source}: no such query file")
    return source


def _is_file(source: str) -> bool:
    try:
        return "\n" not in source and Path(source).is_file()
    except (OSError, ValueError):  # a long query text is no file name
        return False


def parse_params(params: Iterable[str]) -> dict[str, str]:
    """``["name=value", ...]`` -> ``{"name": "value"}``; the value may contain ``=``."""
    bindings: dict[str, str] = {}
    for param in params:
        name, sep, value = param.partition("=")
        if not sep or not name.strip():
            example = "person=https://w3id.org/kapasitas/id/person/herman-suryatman"
            raise KgError(f"--param {param!r}: expected NAME=VALUE, e.g. {example}")
        bindings[name.strip()] = value
    return bindings
