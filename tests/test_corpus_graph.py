"""The whole dev corpus built into one dataset: every article a named graph, and the union still
conforms to the contract (entities met in several articles merge without contradicting it)."""

from __future__ import annotations

from pathlib import Path

from rdflib import URIRef
from rdflib.namespace import RDF, SDO

from conftest import run
from kg.graphio import load_dataset, union_graph
from kg.validate import validate

CORPUS = Path(__file__).parent / "corpus"


def test_corpus_dataset_conforms_and_keeps_one_graph_per_article(tmp_path: Path) -> None:
    out = tmp_path / "corpus.trig"
    result = run("build", CORPUS, "--output", out, "--workers", "1")
    assert result.exit_code == 0, result.output
    ds = load_dataset(out)
    named = {c.identifier for c in ds.graphs() if len(c) and c.identifier != URIRef("urn:x-rdflib:default")}
    assert len(named) == len(list(CORPUS.glob("*.txt")))
    report = validate(ds)
    assert report.conforms, report.text[:2000]
    g = union_graph(ds)
    assert len(set(g.subjects(RDF.type, SDO.NewsArticle))) == len(named)
