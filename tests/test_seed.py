"""The seed article end to end: contract shapes, gold facts, determinism, noise and byline."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import ORG, RDF, SDO

from conftest import DATA, SEED, run
from kg.evaluate import CORE, evaluate
from kg.graphio import load_dataset, union_graph
from kg.validate import validate


def test_seed_graph_conforms_to_the_contract_shapes(seed_trig: Path) -> None:
    report = validate(load_dataset(seed_trig))
    assert report.conforms, report.text


def test_kg_validate_fails_on_a_graph_that_breaks_the_contract(tmp_path: Path, seed_trig: Path) -> None:
    ds = load_dataset(seed_trig)
    g = next(c for c in ds.graphs() if len(c))
    post = next(g.subjects(RDF.type, ORG.Post))
    g.remove((post, ORG.postIn, None))
    broken = tmp_path / "broken.trig"
    broken.write_bytes(ds.serialize(format="trig", encoding="utf-8"))
    result = run("validate", broken)
    assert result.exit_code == 1
    assert "postIn" in result.output


def test_every_gold_fact_of_the_seed(seed_trig: Path) -> None:
    ev = evaluate([DATA / "gold" / "seed-jabar-logodi-2023.json"], project=SEED.parent.parent)
    misses = [m for ms in ev.total.misses.values() for m in ms]
    assert misses == []
    assert ev.core_f1() == 1.0
    assert ev.total.prf()[2] == 1.0
    assert sum(ev.total.tp[c] for c in CORE) >= 40


@pytest.mark.parametrize("suffix", [".ttl", ".trig", ".nq", ".nt", ".jsonld"])
def test_output_is_byte_identical_over_two_runs(tmp_path: Path, suffix: str) -> None:
    a, b = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    assert run("build", SEED, "--output", a).exit_code == 0
    assert run("build", SEED, "--output", b).exit_code == 0
    assert a.read_bytes() == b.read_bytes()
    assert len(union_graph(load_dataset(a))) > 300


@pytest.mark.parametrize("name", ["Iwan Bule", "Susi", "Prabowo", "Waras Wasisto", "Ganjar"])
def test_no_name_from_a_related_link_line(seed_trig: Path, name: str) -> None:
    assert name not in seed_trig.read_text(encoding="utf-8")


def test_byline_person_is_only_author_and_editor(seed_trig: Path) -> None:
    g = union_graph(load_dataset(seed_trig))
    [elvi] = list(g.subjects(SDO.name, Literal("Elvi Robiatul")))
    assert {p for p, _ in g.predicate_objects(elvi)} == {RDF.type, SDO.name}
    assert {p for _, p in g.subject_predicates(elvi)} == {SDO.author, SDO.editor}


def test_named_graph_per_article_derived_from_it(seed_trig: Path) -> None:
    ds = load_dataset(seed_trig)
    named = [c for c in ds.graphs() if len(c) and c.identifier != URIRef("urn:x-rdflib:default")]
    assert len(named) == 1
    article = URIRef("https://w3id.org/kapasitas/id/article/000-c091fb5b20632a9b")
    assert (named[0].identifier, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), article) in named[0]


@pytest.mark.parametrize("suffix", [".trig", ".jsonld", ".nq", ".ttl"])
def test_several_graphs_serialize_the_same_whatever_their_order_in_the_dataset(suffix: str) -> None:
    """rdflib writes a dataset's graphs in its store's order (insertion and hash order); files
    must not depend on it."""
    from rdflib import Dataset, Literal, URIRef

    from kg.graphio import serialize

    def dataset(order: list[int]) -> Dataset:
        ds = Dataset()
        for i in order:
            g = ds.graph(URIRef(f"https://example.org/graph/{i}"))
            g.add((URIRef(f"https://example.org/a{i}"), URIRef("https://schema.org/name"), Literal(f"a {i}")))
            g.add((URIRef("https://example.org/shared"), URIRef("https://schema.org/mentions"),
                   URIRef(f"https://example.org/a{i}")))
        return ds

    first = serialize(dataset(list(range(12))), Path(f"x{suffix}"))
    assert first == serialize(dataset(list(reversed(range(12)))), Path(f"x{suffix}"))
    assert first == serialize(dataset([5, 2, 9, 0, 11, 7, 1, 3, 10, 4, 8, 6]), Path(f"x{suffix}"))
