"""The Kapasitas graph as a networkx MultiDiGraph, and its GraphML / node-link JSON export.

Entities (IRIs typed with a class of the graph contract; reified statements and sentences
excluded) become nodes with their literal properties as attributes, datatypes kept (an
``xsd:integer`` stays an ``int``, a date becomes its ISO string). Statements between two
entities become edges keyed and labelled by the predicate's CURIE ("schema:attendee"), with
the evidence sentences of their reified statements. This is deliberately not rdflib's
``rdflib_to_networkx_multidigraph``, which makes every literal a node, merges a literal with
an IRI of the same text and drops datatypes.
"""

from __future__ import annotations

import datetime
import decimal
import functools
import io
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union

import networkx as nx
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.namespace import PROV, SDO

from kg.graphio import union_graph, write_atomic

KAP = Namespace("https://w3id.org/kapasitas/ontology#")
PREFIXES: dict[str, str] = {
    "kap": str(KAP),
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "dcterms": "http://purl.org/dc/terms/",
}
BOOKKEEPING = frozenset({RDF.Statement, KAP.Sentence})
FAMILIES_FILE = Path(__file__).resolve().parent / "static" / "families.json"
GraphLike = Union[Graph, ConjunctiveGraph]
Value = Union[str, int, float, bool]


@dataclass(frozen=True, order=True)
class Evidence:
    """A sentence that a statement (subject, predicate, object) was read from."""

    subject: str
    predicate: str
    object: str
    text: str
    sentence: str
    article: str
    start: int | None = None
    end: int | None = None


def curie(iri: str) -> str:
    """``https://schema.org/attendee`` -> ``schema:attendee``; unknown namespaces stay IRIs."""
    for prefix, base in PREFIXES.items():
        if iri.startswith(base) and len(iri) > len(base):
            return f"{prefix}:{iri[len(base):]}"
    return str(iri)


@functools.cache
def families() -> tuple[dict[str, Any], ...]:
    """The entity families (legend label, colour, shape, standard classes), in match order."""
    data = json.loads(FAMILIES_FILE.read_text(encoding="utf-8"))
    return tuple(data["families"])


@functools.cache
def _base_classes() -> frozenset[str]:
    data = json.loads(FAMILIES_FILE.read_text(encoding="utf-8"))
    return frozenset(data["base_classes"])


@functools.cache
def standard_classes() -> frozenset[str]:
    """The CURIEs of every standard class that makes an entity (from families.json)."""
    return frozenset(c for fam in families() for c in fam["classes"])


def as_graph(data: GraphLike) -> Graph:
    """A Dataset (or ConjunctiveGraph) as the union of its graphs; a Graph as itself."""
    if isinstance(data, ConjunctiveGraph):
        return union_graph(data)  # type: ignore[arg-type]
    return data


def _is_entity_class(cls: str) -> bool:
    return cls.startswith("kap:") or cls in standard_classes()


def entity_types(g: Graph) -> dict[URIRef, frozenset[str]]:
    """Every entity IRI with the CURIEs of its rdf:types (bookkeeping nodes excluded)."""
    types: dict[URIRef, set[str]] = defaultdict(set)
    excluded: set[URIRef] = set()
    for s, o in g.subject_objects(RDF.type):
        if not isinstance(s, URIRef):
            continue
        if o in BOOKKEEPING:
            excluded.add(s)
        types[s].add(curie(str(o)))
    return {
        s: frozenset(t)
        for s, t in types.items()
        if s not in excluded and any(_is_entity_class(c) for c in t)
    }


def family_of(types: Iterable[str]) -> dict[str, Any]:
    """The first family whose standard classes meet ``types`` (else the 'other' family)."""
    present = set(types)
    for fam in families():
        if present.intersection(fam["classes"]):
            return fam
    return families()[-1]


def specific_type(types: Iterable[str]) -> str:
    """The most specific kap: class's local name ("Regency" over "Region")."""
    kap = sorted(t for t in types if t.startswith("kap:"))
    narrower = [t for t in kap if t not in _base_classes()] or kap
    if narrower:
        return narrower[0].removeprefix("kap:")
    fam = family_of(types)
    standard = [c for c in fam["classes"] if c in set(types)] or sorted(types)
    return standard[0].split(":")[-1] if standard else "Thing"


def literal_value(lit: Literal) -> Value:
    """A literal as a plain Python value: ints stay ints, dates become ISO strings."""
    value = lit.toPython()
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(lit)


def _literal_attributes(g: Graph, node: URIRef) -> dict[str, Value | list[Value]]:
    values: dict[str, list[Value]] = defaultdict(list)
    for p, o in g.predicate_objects(node):
        if isinstance(o, Literal):
            key = "name" if p == SDO.name else curie(str(p))
            values[key].append(literal_value(o))
    out: dict[str, Value | list[Value]] = {}
    for key in sorted(values):
        vals = sorted(set(values[key]), key=lambda v: (type(v).__name__, v))
        out[key] = vals[0] if len(vals) == 1 else vals
    return out


def _label(node: URIRef, attrs: dict[str, Any]) -> str:
    for key in ("name", "schema:headline", "schema:text", "schema:variableMeasured"):
        value = attrs.get(key)
        if value is not None:
            text = " | ".join(map(str, value)) if isinstance(value, list) else str(value)
            return text if len(text) <= 80 else text[:77] + "..."
    return str(node).rstrip("/").rsplit("/", 1)[-1]


def node_attributes(g: Graph, node: URIRef, types: frozenset[str]) -> dict[str, Any]:
    """The attributes of one entity node: type, class, family, types, label and literals."""
    fam = family_of(types)
    standard = [c for c in fam["classes"] if c in types]
    attrs: dict[str, Any] = _literal_attributes(g, node)
    attrs.update(
        type=specific_type(types),
        **{"class": standard[0] if standard else ""},
        family=fam["family"],
        types=" ".join(sorted(types)),
    )
    attrs["label"] = _label(node, attrs)
    return dict(sorted(attrs.items()))


def sentence_texts(g: Graph) -> dict[URIRef, tuple[str, str, int | None, int | None]]:
    """Each kap:Sentence with (text, article IRI, start offset, end offset)."""
    out: dict[URIRef, tuple[str, str, int | None, int | None]] = {}
    for sent in g.subjects(RDF.type, KAP.Sentence):
        if isinstance(sent, URIRef):
            start, end = g.value(sent, KAP.startOffset), g.value(sent, KAP.endOffset)
            out[sent] = (
                str(g.value(sent, SDO.text) or ""),
                str(g.value(sent, SDO.isPartOf) or ""),
                int(start.toPython()) if isinstance(start, Literal) else None,
                int(end.toPython()) if isinstance(end, Literal) else None,
            )
    return out


def _evidence(s: Any, p: Any, o: Any, sent: Any, sentences: dict[URIRef, Any]) -> Evidence | None:
    if sent not in sentences:
        return None
    text, article, start, end = sentences[sent]
    obj = str(literal_value(o)) if isinstance(o, Literal) else str(o)
    return Evidence(str(s), curie(str(p)), obj, text, str(sent), article, start, end)


def evidence(g: Graph) -> list[Evidence]:
    """Every evidence sentence: reified statements and quotations' own sentences, sorted."""
    sentences = sentence_texts(g)
    found: set[Evidence] = set()
    for stmt in g.subjects(RDF.type, RDF.Statement):
        s, p, o = g.value(stmt, RDF.subject), g.value(stmt, RDF.predicate), g.value(stmt, RDF.object)
        for sent in g.objects(stmt, PROV.wasDerivedFrom):
            ev = _evidence(s, p, o, sent, sentences)
            if ev is not None and s is not None and p is not None:
                found.add(ev)
    for quote in g.subjects(RDF.type, SDO.Quotation):
        for sent in g.objects(quote, PROV.wasDerivedFrom):
            text = g.value(quote, SDO.text)
            ev = _evidence(quote, SDO.text, text or Literal(""), sent, sentences)
            if ev is not None:
                found.add(ev)
    return sorted(found)


def to_networkx(data: GraphLike) -> nx.MultiDiGraph:
    """The entities of a Kapasitas graph or dataset as a deterministic MultiDiGraph."""
    g = as_graph(data)
    types = entity_types(g)
    graph = nx.MultiDiGraph()
    for node in sorted(types):
        graph.add_node(str(node), **node_attributes(g, node, types[node]))
    by_triple: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for ev in evidence(g):
        by_triple[(ev.subject, ev.predicate, ev.object)].append(ev.text)
    edges = sorted(
        (str(s), curie(str(p)), str(o))
        for s in types
        for p, o in g.predicate_objects(s)
        if p != RDF.type and isinstance(o, URIRef) and o in types
    )
    for s, p, o in edges:
        attrs: dict[str, Any] = {"predicate": p}
        if by_triple.get((s, p, o)):
            attrs["evidence"] = sorted(set(by_triple[(s, p, o)]))
        graph.add_edge(s, o, key=p, **attrs)
    return graph


def _flatten(value: Any) -> Any:
    return " | ".join(map(str, value)) if isinstance(value, list) else value


def _uniform(items: list[dict[str, Any]]) -> None:
    """GraphML wants one type per attribute key: a key with mixed types becomes strings."""
    kinds: dict[str, set[type]] = defaultdict(set)
    for attrs in items:
        for key, value in attrs.items():
            kinds[key].add(type(value))
    mixed = {key for key, seen in kinds.items() if len(seen) > 1}
    for attrs in items:
        for key in mixed & attrs.keys():
            attrs[key] = str(attrs[key])


def graphml_ready(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A sorted copy of ``g`` whose attribute values GraphML can hold (lists joined by ' | ')."""
    out = nx.MultiDiGraph()
    nodes = [(n, {k: _flatten(v) for k, v in sorted(a.items())}) for n, a in sorted(g.nodes(data=True))]
    edges = [
        (u, v, k, {a: _flatten(x) for a, x in sorted(d.items())})
        for u, v, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: e[:3])
    ]
    _uniform([a for _, a in nodes])
    _uniform([d for *_, d in edges])
    out.add_nodes_from(nodes)
    out.add_edges_from(edges)
    return out


def write_graphml(g: nx.MultiDiGraph, path: str | Path) -> None:
    """Write ``g`` as GraphML (sorted, typed attributes, lists joined), atomically."""
    buffer = io.BytesIO()
    nx.write_graphml(graphml_ready(g), buffer, encoding="utf-8", prettyprint=True)
    write_atomic(Path(path), buffer.getvalue())


def node_link(g: nx.MultiDiGraph) -> dict[str, Any]:
    """``g`` as node-link data (nodes and edges sorted), ready for ``json.dumps``."""
    data: dict[str, Any] = nx.node_link_data(g, edges="edges")
    data["nodes"] = sorted(data["nodes"], key=lambda n: n["id"])
    data["edges"] = sorted(data["edges"], key=lambda e: (e["source"], e["key"], e["target"]))
    return data


def write_json(g: nx.MultiDiGraph, path: str | Path) -> None:
    """Write ``g`` as node-link JSON (sorted keys, sorted nodes and edges), atomically."""
    text = json.dumps(node_link(g), ensure_ascii=False, sort_keys=True, indent=1)
    write_atomic(Path(path), (text + "\n").encode("utf-8"))
