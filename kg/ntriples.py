"""RDF terms as N-Triples text: the form graphs take between the extractor's writer
(:mod:`kg.rdfmap`), identity resolution (:mod:`kg.identity`) and the store (:mod:`kg.store`)."""

from __future__ import annotations

import re

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.errors import KgError

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
LITERAL = re.compile(r'^"((?:[^"\\]|\\.)*)"(?:\^\^<([^>]*)>|@([A-Za-z0-9-]+))?$')  # whole literal
_LEXICAL = re.compile(r'^"((?:[^"\\]|\\.)*)"')

Triple = tuple[str, str, str]  # N-Triples terms: "<iri>", "_:b", "\"lexical\"^^<dt>" / "@lang"


def nt_escape(text: str) -> str:
    """The text of a literal escaped for N-Triples."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


def nt_term(term: Node) -> str:
    """An rdflib term in N-Triples syntax."""
    if type(term) is URIRef:  # the common case first, without the isinstance chain
        return f"<{term}>"
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        lexical = f'"{nt_escape(str(term))}"'
        if term.language:
            return f"{lexical}@{term.language}"
        if term.datatype and str(term.datatype) != XSD_STRING:
            return f"{lexical}^^<{term.datatype}>"
        return lexical
    raise KgError(f"cannot store the RDF term {term!r}")


def lexical(literal: str) -> str:
    """The text of an N-Triples literal."""
    m = _LEXICAL.match(literal)
    raw = m.group(1) if m else literal
    return raw.replace('\\"', '"').replace("\\n", "\n").replace("\\r", "\r").replace("\\\\", "\\")
