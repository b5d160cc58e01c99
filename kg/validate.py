"""SHACL validation of a graph against the contract's shapes (``ontology/shapes.ttl``)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from pyshacl import validate as shacl_validate
from rdflib import Dataset, Graph

from kg.graphio import union_graph
from kg.paths import ONTOLOGY


@dataclass(frozen=True)
class Report:
    conforms: bool
    text: str
    violations: int


@functools.cache
def shapes() -> Graph:
    return Graph().parse(ONTOLOGY / "shapes.ttl", format="turtle")


def validate(ds: Dataset) -> Report:
    """Validate the union of all graphs of ``ds`` against the contract shapes."""
    data = union_graph(ds)
    conforms, results, text = shacl_validate(data, shacl_graph=shapes(), inference="none",
                                             advanced=True, allow_warnings=True)
    from rdflib.namespace import SH, RDF

    count = len(set(results.subjects(RDF.type, SH.ValidationResult)))
    return Report(bool(conforms), str(text), count)
