"""The graph writer's N-Triples terms: every term is text, and reads back as the rdflib term."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg import extract as extraction
from kg.ntriples import lexical, nt_term
from kg.rdfmap import article_triples, lit, rdflib_term
from kg.reader import read_article

CORPUS = sorted((Path(__file__).parent / "corpus").glob("*.txt"))


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_every_term_the_writer_makes_is_n_triples_text(path: Path) -> None:
    article = read_article(path)
    _, triples = article_triples(article, extraction.extract(article))
    for triple in triples:
        for term in triple:
            assert type(term) is str and term[:1] in '<"', (path.name, triple)
            assert nt_term(rdflib_term(term)) == term


@pytest.mark.parametrize("value, datatype", [
    ('Kata "kutipan"\nbaris dua \\ garis', None), (12, None), (40, XSD.integer),
    ("2023-05-30", XSD.date), (5.57055, XSD.decimal), ("https://example.org/a b", XSD.anyURI)])
def test_literals_are_written_as_rdflib_writes_them(value: object, datatype: URIRef | None) -> None:
    assert lit(value, datatype) == nt_term(Literal(value, datatype=datatype))
    assert lexical(lit(value, datatype)) == str(Literal(value, datatype=datatype))
