"""The project vocabulary ``kap:`` as a closed namespace (a typo raises instead of minting an
IRI), kept in step with ``ontology/kapasitas.ttl`` by a test; the standard vocabularies come
from rdflib."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

DATA = "https://w3id.org/kapasitas/id/"


class KAP(DefinedNamespace):
    _NS = Namespace("https://w3id.org/kapasitas/ontology#")
    _fail = True

    # classes
    Person: URIRef
    Post: URIRef
    Role: URIRef
    Organization: URIRef
    GovernmentOrganization: URIRef
    Region: URIRef
    Country: URIRef
    Province: URIRef
    Regency: URIRef
    City: URIRef
    District: URIRef
    Village: URIRef
    ForeignRegion: URIRef
    ForeignCity: URIRef
    Venue: URIRef
    CapacityBuildingEvent: URIRef
    Training: URIRef
    TechnicalGuidance: URIRef
    Workshop: URIRef
    Seminar: URIRef
    StudyVisit: URIRef
    Course: URIRef
    GrantProgram: URIRef
    OtherEvent: URIRef
    ParticipantGroup: URIRef
    Topic: URIRef
    Quotation: URIRef
    Measure: URIRef
    Article: URIRef
    Sentence: URIRef
    # properties
    host: URIRef
    participantCount: URIRef
    startOffset: URIRef
    endOffset: URIRef
    level: URIRef
    organizationKind: URIRef
    eventKind: URIRef


class NtTerms:
    """A namespace's terms in N-Triples syntax, memoized as plain attributes:
    ``NtTerms(SDO).name`` is ``"<https://schema.org/name>"``, checked by the namespace the first
    time and a dictionary hit after (rdflib's DefinedNamespace checks on every access, a
    measurable cost when mapping thousands of articles)."""

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        term = f"<{getattr(self._namespace, name)}>"
        setattr(self, name, term)
        return term
