"""kg.network: the entity graph as networkx, and its GraphML / node-link JSON export."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset

from kg.graphio import load_dataset, union_graph
from kg.network import curie, evidence, to_networkx, write_graphml, write_json

SAMPLE = Path(__file__).parent / "data" / "sample.trig"
ID = "https://w3id.org/kapasitas/id/"
HERMAN = ID + "person/herman-suryatman"
EVENT = ID + "event/digital-capacity-building-jabar-2023"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(SAMPLE)


@pytest.fixture(scope="module")
def graph(dataset: Dataset) -> nx.MultiDiGraph:
    return to_networkx(dataset)


def test_entities_are_nodes_and_bookkeeping_is_not(graph: nx.MultiDiGraph) -> None:
    assert graph.number_of_nodes() == 29
    assert not [n for n in graph if "/statement/" in n or "/sentence/" in n or "/graph/" in n]
    assert all(n.startswith(ID) for n in graph), "no literal ever becomes a node"


@pytest.mark.parametrize(
    ("slug", "type_", "class_", "family", "name"),
    [
        ("person/herman-suryatman", "Person", "schema:Person", "person", "Herman Suryatman"),
        ("post/sekretaris-daerah-kabupaten-sumedang", "Post", "org:Post", "post", "Sekretaris Daerah Kabupaten Sumedang"),
        ("org/pemerintah-provinsi-jawa-barat", "GovernmentOrganization", "schema:GovernmentOrganization", "organization", "Pemerintah Provinsi Jawa Barat"),
        ("region/id-32.11", "Regency", "schema:AdministrativeArea", "region", "Kabupaten Sumedang"),
        ("region/kr-jeonju", "City", "schema:City", "region", "Jeonju"),
        ("event/bimtek-spbe-sumedang-2023", "TechnicalGuidance", "schema:EducationEvent", "event", "Bimbingan Teknis SPBE bagi Kepala Desa se-Kabupaten Sumedang"),
        ("role/sekretaris-daerah", "Role", "org:Role", "role", "Sekretaris Daerah"),
        ("topic/spbe", "Topic", "skos:Concept", "topic", "Sistem Pemerintahan Berbasis Elektronik"),
        ("place/kampus-logodi", "Venue", "schema:Place", "venue", "Kampus LOGODI"),
    ],
)
def test_node_types_and_names(graph: nx.MultiDiGraph, slug: str, type_: str, class_: str, family: str, name: str) -> None:
    attrs = graph.nodes[ID + slug]
    assert (attrs["type"], attrs["class"], attrs["family"], attrs["name"]) == (type_, class_, family, name)


def test_literal_attributes_keep_their_datatypes(graph: nx.MultiDiGraph) -> None:
    event = graph.nodes[EVENT]
    assert event["kap:participantCount"] == 8 and isinstance(event["kap:participantCount"], int)
    assert event["schema:startDate"] == "2023-05-28"
    assert graph.nodes[ID + "observation/jpnn-2023-05-30-1"]["schema:value"] == 3.5
    assert graph.nodes[ID + "region/id-32.11"]["schema:identifier"] == "32.11"


def test_several_values_become_a_sorted_list(graph: nx.MultiDiGraph) -> None:
    assert graph.nodes[HERMAN]["skos:altLabel"] == ["Herman", "Sekda Herman"]
    assert graph.nodes[ID + "region/id-32"]["skos:altLabel"] == ["Jabar", "Provinsi Jawa Barat"]


@pytest.mark.parametrize(
    ("subject", "predicate", "obj"),
    [
        (EVENT, "schema:attendee", HERMAN),
        (HERMAN, "org:holds", ID + "post/sekretaris-daerah-kabupaten-sumedang"),
        (ID + "region/id-32.11", "schema:containedInPlace", ID + "region/id-32"),
        (EVENT, "kap:host", ID + "org/logodi"),
        (ID + "article/sumedang-2023-07-12", "schema:mentions", HERMAN),
    ],
)
def test_statements_between_entities_are_edges(graph: nx.MultiDiGraph, subject: str, predicate: str, obj: str) -> None:
    assert graph.has_edge(subject, obj, key=predicate)
    assert graph.edges[subject, obj, predicate]["predicate"] == predicate


def test_edges_carry_their_evidence_sentences(graph: nx.MultiDiGraph) -> None:
    edge = graph.edges[EVENT, HERMAN, "schema:attendee"]
    assert edge["evidence"] == ["Sekda Kabupaten Sumedang Herman Suryatman menilai pelatihan yang dilakukan sangat penting."]


def test_evidence_includes_quotation_sentences(dataset: Dataset) -> None:
    quotes = [e for e in evidence(union_graph(dataset)) if e.predicate == "schema:text"]
    assert {e.subject.rsplit("/", 1)[-1] for e in quotes} == {"jpnn-2023-05-30-1", "jpnn-2023-05-30-2"}
    assert all(e.start is not None and e.end is not None for e in quotes)


def test_a_plain_graph_works_as_well_as_a_dataset(dataset: Dataset, graph: nx.MultiDiGraph) -> None:
    again = to_networkx(union_graph(dataset))
    assert sorted(again.nodes) == sorted(graph.nodes)
    assert sorted(again.edges(keys=True)) == sorted(graph.edges(keys=True))


@pytest.mark.parametrize(
    ("iri", "expected"),
    [
        ("https://schema.org/attendee", "schema:attendee"),
        ("http://www.w3.org/ns/org#holds", "org:holds"),
        ("https://w3id.org/kapasitas/ontology#host", "kap:host"),
        ("https://example.org/x", "https://example.org/x"),
    ],
)
def test_curie(iri: str, expected: str) -> None:
    assert curie(iri) == expected


def test_graphml_keeps_datatypes_and_has_no_literal_nodes(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    write_graphml(graph, path)
    root = ET.parse(path).getroot()
    keys = {k.get("attr.name"): k.get("attr.type") for k in root.iter(f"{GRAPHML}key")}
    assert keys["kap:participantCount"] in ("int", "long")
    assert keys["schema:value"] == "double"
    assert keys["schema:startDate"] == "string"
    nodes = [n.get("id") for n in root.iter(f"{GRAPHML}node")]
    assert len(nodes) == 29 and all(n.startswith(ID) for n in nodes)
    back = nx.read_graphml(path)
    assert back.nodes[EVENT]["kap:participantCount"] == 8
    assert back.nodes[HERMAN]["skos:altLabel"] == "Herman | Sekda Herman"


def test_exports_are_deterministic(dataset: Dataset, tmp_path: Path) -> None:
    for name, write in (("a.graphml", write_graphml), ("a.json", write_json)):
        write(to_networkx(dataset), tmp_path / name)
        first = (tmp_path / name).read_bytes()
        write(to_networkx(load_dataset(SAMPLE)), tmp_path / name)
        assert (tmp_path / name).read_bytes() == first
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_node_link_json(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    write_json(graph, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [n["id"] for n in data["nodes"]] == sorted(graph.nodes)
    herman = next(n for n in data["nodes"] if n["id"] == HERMAN)
    assert herman["skos:altLabel"] == ["Herman", "Sekda Herman"]
    back = nx.node_link_graph(data, edges="edges")
    assert back.has_edge(EVENT, HERMAN, key="schema:attendee")
