"""The one place where extracted records become RDF: an article's named graph.

Every entity is an IRI ``<base><kind>/<slug>`` typed with its project class and the standard
class of the contract. Statements the contract asks evidence for (org:holds, schema:attendee,
schema:organizer, kap:host, schema:location, schema:startDate) are reified once more as
``rdf:Statement`` nodes that ``prov:wasDerivedFrom`` the sentence (text and character offsets)
they were read from; quotations and measures point to their sentence directly.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns
from rdflib.term import Node

from kg.gazetteer import Gazetteer, Place
from kg.model import (Article, Audience, Entity, Event, Findings, Organization, Person, Post, Region, Role, Span,
                      Topic, Venue)
from kg.namespaces import DATA, NtTerms
from kg.namespaces import KAP as KAP_NAMESPACE
from kg.ntriples import LITERAL, lexical, nt_escape, nt_term

# Terms are written as N-Triples text ("<iri>", '"lexical"^^<datatype>') from the start: making
# rdflib terms and converting them again cost about a sixth of the time per article.
ORG, PROV, RDF, SDO, SKOS = (NtTerms(n) for n in (ns.ORG, ns.PROV, ns.RDF, ns.SDO, ns.SKOS))
XSD = ns.XSD
KAP = NtTerms(KAP_NAMESPACE)
XSD_INTEGER = str(XSD.integer)

# schema:observationAbout is newer than the schema.org release rdflib ships as SDO.
SCHEMA_OBSERVATION_ABOUT = "<https://schema.org/observationAbout>"
LEVEL_CLASS = {"country": KAP.Country, "province": KAP.Province, "regency": KAP.Regency, "city": KAP.City,
               "district": KAP.District, "village": KAP.Village, "foreign-region": KAP.ForeignRegion,
               "foreign-city": KAP.ForeignCity}
EVENT_CLASS = {"training": KAP.Training, "technical-guidance": KAP.TechnicalGuidance, "workshop": KAP.Workshop,
               "seminar": KAP.Seminar, "study-visit": KAP.StudyVisit, "course": KAP.Course,
               "grant-program": KAP.GrantProgram}


def bind_prefixes(g: Graph) -> None:
    for prefix, namespace in (("schema", ns.SDO), ("org", ns.ORG), ("skos", ns.SKOS), ("prov", ns.PROV),
                              ("xsd", ns.XSD), ("kap", KAP_NAMESPACE._NS)):
        g.bind(prefix, namespace, replace=True)


Triple = tuple[str, str, str]  # N-Triples terms, as kg.store.Triple


def lit(value: object, datatype: URIRef | None = None) -> str:
    """A literal in N-Triples syntax, as ``nt_term(Literal(value, datatype=datatype))`` gives it."""
    if datatype is None and type(value) is str:
        return f'"{nt_escape(value)}"'
    if type(value) is int and datatype in (None, XSD.integer):
        return f'"{value}"^^<{XSD_INTEGER}>'
    return nt_term(Literal(value, datatype=datatype))


def plain(term: str) -> str:
    """The IRI of an N-Triples IRI term, or the text of a literal (as ``str()`` of the rdflib term)."""
    return term[1:-1] if term.startswith("<") else lexical(term)


@dataclass
class Writer:
    article: Article
    base: str = DATA
    g: set[Triple] = field(default_factory=set)  # a plain set: an rdflib Graph costs 4x to fill
    mentioned: set[str] = field(default_factory=set)

    def iri(self, key: str) -> str:
        return f"<{self.base}{key}>"

    @property
    def article_iri(self) -> str:
        return self.iri(f"article/{self.article.id}")

    def graph_iri(self) -> str:
        return self.iri(f"graph/{self.article.id}")

    def named(self, node: str, name: str, aliases: Iterable[str] = ()) -> None:
        self.g.add((node, SDO.name, lit(name)))
        for alias in aliases:
            if alias and alias != name:
                self.g.add((node, SKOS.altLabel, lit(alias)))

    def typed(self, node: str, *classes: str) -> None:
        for cls in classes:
            self.g.add((node, RDF.type, cls))

    def entity(self, e: Entity, *classes: str) -> str:
        node = self.iri(e.key)
        self.typed(node, *classes)
        self.named(node, e.name, e.aliases)
        self.mentioned.add(node)
        return node

    def sentence(self, span: Span) -> str | None:
        s = self.article.sentence_at(span.start)
        if s is None:
            return None
        node = self.iri(f"sentence/{self.article.id}-{s.index + 1}")
        if (node, RDF.type, KAP.Sentence) not in self.g:
            self.typed(node, KAP.Sentence)
            self.g.add((node, SDO.text, lit(s.text)))
            self.g.add((node, KAP.startOffset, lit(s.start)))
            self.g.add((node, KAP.endOffset, lit(s.end)))
            self.g.add((node, SDO.isPartOf, self.article_iri))
        return node

    def state(self, s: str, p: str, o: str, span: Span | None) -> None:
        """Add a triple and, with a span, its reified statement derived from the sentence."""
        self.g.add((s, p, o))
        sentence = self.sentence(span) if span is not None else None
        if sentence is None:
            return
        digest = hashlib.sha1(f"{plain(s)}|{plain(p)}|{plain(o)}|{self.article.id}".encode()).hexdigest()[:16]
        st = self.iri(f"statement/{digest}")
        self.typed(st, RDF.Statement)
        self.g.add((st, RDF.subject, s))
        self.g.add((st, RDF.predicate, p))
        self.g.add((st, RDF.object, o))
        self.g.add((st, PROV.wasDerivedFrom, sentence))


def article_graph(article: Article, found: Findings, base: str = DATA) -> tuple[URIRef, Graph]:
    """The named graph of one article: its IRI and its triples."""
    gid, triples = article_triples(article, found, base)
    g = Graph()
    bind_prefixes(g)
    for s, p, o in triples:
        g.add((rdflib_term(s), rdflib_term(p), rdflib_term(o)))
    return gid, g


def rdflib_term(term: str) -> Node:
    """The rdflib term of an N-Triples term this module writes (IRI or literal)."""
    if term.startswith("<"):
        return URIRef(term[1:-1])
    m = LITERAL.match(term)
    if m is None:
        raise ValueError(f"not an N-Triples IRI or literal: {term!r}")
    text = lexical(term)
    return Literal(text, datatype=URIRef(m.group(2))) if m.group(2) else Literal(text)


def article_triples(article: Article, found: Findings, base: str = DATA) -> tuple[URIRef, set[Triple]]:
    """The named graph of one article as its IRI and a set of N-Triples term tuples."""
    w = Writer(article, base)
    regions = _regions(w, found)
    for e in sorted(found.entities.values(), key=lambda e: e.key):
        if isinstance(e, Region):
            continue
        _write_entity(w, e, found, regions)
    for h in found.holdings:
        w.state(w.iri(h.person), ORG.holds, w.iri(h.post), h.span)
    _quotes_and_measures(w, found)
    _article(w, found)
    return URIRef(plain(w.graph_iri())), w.g


def _regions(w: Writer, found: Findings) -> set[str]:
    gaz = Gazetteer.load()
    keys: dict[str, Region] = {e.key: e for e in found.of(Region)}
    places: dict[str, Place] = {}
    for r in keys.values():
        for p in [gaz.get(r.place), *gaz.ancestors(r.place)]:
            places[p.key] = p
    for p in sorted(places.values(), key=lambda p: p.key):
        region = keys.get("region/" + p.key.lower())
        node = w.iri("region/" + p.key.lower())
        w.typed(node, KAP.Region, LEVEL_CLASS.get(p.level, KAP.Region), SDO.AdministrativeArea)
        if p.level == "country":
            w.typed(node, SDO.Country)
        if p.level in ("city", "foreign-city"):
            w.typed(node, SDO.City)
        w.named(node, p.name, sorted(set(region.aliases) if region else ()))
        w.g.add((node, KAP.level, lit(p.level)))
        if p.code:
            w.g.add((node, SDO.identifier, lit(p.code)))
        if p.parent:
            w.g.add((node, SDO.containedInPlace, w.iri("region/" + p.parent.lower())))
        if p.lat is not None and p.lon is not None:
            w.g.add((node, SDO.latitude, lit(p.lat, XSD.decimal)))
            w.g.add((node, SDO.longitude, lit(p.lon, XSD.decimal)))
        if region is not None:
            w.mentioned.add(node)
    return set(keys)


def _write_entity(w: Writer, e: Entity, found: Findings, regions: set[str]) -> None:
    if isinstance(e, Person):
        node = w.entity(e, KAP.Person, SDO.Person)
        if e.prefix:
            w.g.add((node, SDO.honorificPrefix, lit(e.prefix)))
        if e.suffix:
            w.g.add((node, SDO.honorificSuffix, lit(e.suffix)))
    elif isinstance(e, Organization):
        _organization(w, e)
    elif isinstance(e, Post):
        node = w.entity(e, KAP.Post, ORG.Post)
        w.g.add((node, ORG.role, w.iri(e.role)))
        w.g.add((node, ORG.postIn, w.iri(e.org)))
    elif isinstance(e, Role):
        w.entity(e, KAP.Role, ORG.Role, SKOS.Concept)
    elif isinstance(e, Venue) and e.level == "village" and e.within:
        node = w.entity(e, KAP.Region, KAP.Village, SDO.AdministrativeArea, SDO.Place)
        w.g.add((node, KAP.level, lit("village")))
        w.g.add((node, SDO.containedInPlace, w.iri(e.within)))
    elif isinstance(e, Venue):
        node = w.entity(e, KAP.Venue, SDO.Place)
        if e.within:
            w.g.add((node, SDO.containedInPlace, w.iri(e.within)))
    elif isinstance(e, Audience):
        _audience(w, e)
    elif isinstance(e, Topic):
        w.entity(e, KAP.Topic, SKOS.Concept)
    elif isinstance(e, Event):
        _event(w, e)


def _organization(w: Writer, e: Organization) -> None:
    classes = [KAP.GovernmentOrganization if e.government else KAP.Organization, ORG.Organization,
               SDO.Organization]
    if e.government:
        classes.append(SDO.GovernmentOrganization)
    node = w.entity(e, *classes)
    w.g.add((node, KAP.organizationKind, lit(e.kind)))
    if e.region:
        w.g.add((node, SDO.areaServed if e.kind == "regional-government" else SDO.location, w.iri(e.region)))
    if e.parent:
        w.g.add((node, ORG.subOrganizationOf, w.iri(e.parent)))


def _audience(w: Writer, e: Audience) -> None:
    node = w.entity(e, KAP.ParticipantGroup, SDO.Audience)
    if e.audience_type:
        w.g.add((node, SDO.audienceType, lit(e.audience_type)))
    if e.region:
        w.g.add((node, SDO.geographicArea, w.iri(e.region)))
    if e.count is not None:
        w.g.add((node, KAP.participantCount, lit(e.count, XSD.integer)))


def _event(w: Writer, e: Event) -> None:
    node = w.entity(e, KAP.CapacityBuildingEvent, EVENT_CLASS.get(e.kind, KAP.OtherEvent), SDO.Event,
                    SDO.EducationEvent)
    w.g.add((node, KAP.eventKind, lit(e.kind)))
    if e.start:
        w.state(node, SDO.startDate, lit(e.start.isoformat(), XSD.date), e.date_span)
    if e.end:
        w.g.add((node, SDO.endDate, lit(e.end.isoformat(), XSD.date)))
    for prop, links in ((SDO.location, e.locations), (SDO.organizer, e.organizers), (KAP.host, e.hosts),
                        (SDO.attendee, e.attendees)):
        for link in links:
            w.state(node, prop, w.iri(link.key), link.span)
    for a in e.audiences:
        w.g.add((node, SDO.audience, w.iri(a)))
    for t in e.topics:
        w.g.add((node, SDO.about, w.iri(t)))
    if e.count is not None:
        w.g.add((node, KAP.participantCount, lit(e.count, XSD.integer)))


def _quotes_and_measures(w: Writer, found: Findings) -> None:
    for q in found.quotes:
        node = w.iri(q.key)
        w.typed(node, KAP.Quotation, SDO.Quotation)
        words = q.text.split()
        w.named(node, " ".join(words[:8]) + (" …" if len(words) > 8 else ""))
        w.g.add((node, SDO.text, lit(q.text)))
        if q.speaker:
            w.g.add((node, SDO.creator, w.iri(q.speaker)))
        w.g.add((node, SDO.isPartOf, w.article_iri))
        sentence = w.sentence(q.span)
        if sentence is not None:
            w.g.add((node, PROV.wasDerivedFrom, sentence))
        w.mentioned.add(node)
    for m in found.measures:
        node = w.iri(m.key)
        w.typed(node, KAP.Measure, SDO.Observation)
        subject = found.entities[m.subject]
        w.named(node, f"{m.name} {subject.name}")
        w.g.add((node, SCHEMA_OBSERVATION_ABOUT, w.iri(m.subject)))
        w.g.add((node, SDO.variableMeasured, lit(m.name)))
        w.g.add((node, SDO.value, lit(str(round(m.value, 6)), XSD.decimal)))
        sentence = w.sentence(m.span)
        if sentence is not None:
            w.g.add((node, PROV.wasDerivedFrom, sentence))
        w.mentioned.add(node)


def _article(w: Writer, found: Findings) -> None:
    a, art = w.article_iri, w.article
    w.typed(a, KAP.Article, SDO.NewsArticle, PROV.Entity)
    w.named(a, art.title or art.id)
    if art.title:
        w.g.add((a, SDO.headline, lit(art.title)))
    if art.published:
        w.g.add((a, SDO.datePublished, lit(art.published.isoformat(), XSD.date)))
    if art.publisher:
        w.g.add((a, SDO.publisher, w.iri(_publisher_key(found, art.publisher))))
    for person, roles in sorted(found.byline.items()):
        for role in roles:
            w.g.add((a, SDO.author if role == "author" else SDO.editor, w.iri(person)))
    if art.dateline:
        w.g.add((a, SDO.dateline, lit(art.dateline)))
    if art.url:
        w.g.add((a, SDO.url, lit(art.url, XSD.anyURI)))
    w.g.add((a, SDO.inLanguage, lit(art.language)))
    for node in sorted(w.mentioned):
        if node not in {w.iri(p) for p in found.byline}:
            w.g.add((a, SDO.mentions, node))
    w.g.add((w.graph_iri(), PROV.wasDerivedFrom, a))


def _publisher_key(found: Findings, name: str) -> str:
    for o in found.of(Organization):
        if o.kind == "media" and o.name == name:
            return o.key
    return "org/" + name
