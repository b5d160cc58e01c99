"""Identity across articles: short person names resolved to the one full name that fits, and
dated memberships for every post a person holds.

Entity IRIs come from canonical names, so the same full name, post, organization, region or
event met in two articles is already one IRI. What is left is a person written with part of a
name in one article ("Setiawan") and in full in another ("Setiawan Wangsaatmaja"). A short
name is rewritten to the full name's IRI in its article's graph when

* the short name is one word, and exactly one person IRI in the store or dataset (another
  article) has a longer name with that word, and
* the two share context: a post held, that post's organization or region, or a region below
  province level that both articles mention.

Different people with one short name stay apart (two full names fit, or none shares context).
In the rewritten graph the short form becomes a ``skos:altLabel`` and the full name the
``schema:name``, so every graph still names each entity exactly once.

Memberships (:func:`memberships`): for each ``org:holds`` the graph also gets ::

    membership/<h> a org:Membership ; org:member <person> ; org:organization <org> ;
        org:role <role> ; org:memberDuring interval/<h>-<date> .
    interval/<h>-<date> a time:Interval ; time:inside instant/<date> .
    instant/<date> a time:Instant ; time:inXSDDate "<date>"^^xsd:date .

with ``<h>`` a hash of the person and post IRIs and ``<date>`` the article's publication date:
"the person held the post on that day" (no membership period is invented). Graphs are lists of
N-Triples term tuples (see :mod:`kg.store`).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib.namespace import ORG, PROV, RDF, SDO, SKOS, TIME, XSD

from kg.namespaces import DATA, KAP
from kg.ntriples import lexical

Triple = tuple[str, str, str]


def _iri(term: object) -> str:
    return f"<{term}>"


TYPE, NAME, ALT = _iri(RDF.type), _iri(SDO.name), _iri(SKOS.altLabel)
HOLDS, POST_IN, ROLE = _iri(ORG.holds), _iri(ORG.postIn), _iri(ORG.role)
AREA, LOCATION, MENTIONS = _iri(SDO.areaServed), _iri(SDO.location), _iri(SDO.mentions)
PERSON, REGION, LEVEL = _iri(KAP.Person), _iri(KAP.Region), _iri(KAP.level)
PUBLISHED, DERIVED = _iri(SDO.datePublished), _iri(PROV.wasDerivedFrom)
MEMBERSHIP_PARTS = ("membership/", "interval/", "instant/")
_CONTEXT_PREDICATES = frozenset({NAME, HOLDS, POST_IN, AREA, LOCATION, MENTIONS, LEVEL})  # what people() reads
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class PersonRef:
    """A person as one article's graph has them: IRI, name and the context they appear in."""

    graph: str
    iri: str
    name: str  # the N-Triples literal of schema:name
    context: frozenset[str]

    @property
    def words(self) -> frozenset[str]:
        return frozenset(w.lower() for w in _WORD.findall(lexical(self.name)))


def people(graph_iri: str, triples: Iterable[Triple]) -> list[PersonRef]:
    """The people of one article graph with their context (posts, organizations, regions)."""
    by_pred: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    persons: list[str] = []
    regions: set[str] = set()
    for s, p, o in triples:
        if p == TYPE:
            if o == PERSON:
                persons.append(s)
            elif o == REGION:
                regions.add(s)
        elif p in _CONTEXT_PREDICATES:
            by_pred[p][s].append(o)
    broad = {s for s, levels in by_pred[LEVEL].items() if {'"country"', '"province"'} & set(levels)}
    mentioned = {o for objs in by_pred[MENTIONS].values() for o in objs if o in regions and o not in broad}
    out = []
    for person in sorted(set(persons)):
        names = sorted(by_pred[NAME].get(person, []))
        if names:
            context = _context(person, by_pred) | mentioned
            out.append(PersonRef(graph_iri, person, names[0], frozenset(context)))
    return out


def _context(person: str, by_pred: dict[str, dict[str, list[str]]]) -> set[str]:
    posts = set(by_pred[HOLDS].get(person, []))
    orgs = {o for post in posts for o in by_pred[POST_IN].get(post, [])}
    regions = {r for org in orgs for pred in (AREA, LOCATION) for r in by_pred[pred].get(org, [])}
    return posts | orgs | regions


@dataclass
class Index:
    """The people of every article graph of a store or dataset, by graph."""

    graphs: dict[str, list[PersonRef]] = field(default_factory=dict)

    def add(self, graph_iri: str, refs: list[PersonRef]) -> None:
        self.graphs[graph_iri] = refs

    def remove(self, graph_iri: str) -> None:
        self.graphs.pop(graph_iri, None)

    def resolve(self) -> dict[str, dict[str, tuple[str, str]]]:
        """Per graph: short-name person IRI -> (full-name IRI, its schema:name literal)."""
        full: dict[str, list[PersonRef]] = defaultdict(list)
        for refs in self.graphs.values():
            for ref in refs:
                if len(ref.words) >= 2:
                    full[ref.iri].append(ref)
        by_word: dict[str, set[str]] = defaultdict(set)
        for iri, refs in full.items():
            for word in refs[0].words:
                by_word[word].add(iri)
        out: dict[str, dict[str, tuple[str, str]]] = {}
        for graph in sorted(self.graphs):
            for ref in self.graphs[graph]:
                target = _target(ref, full, by_word)
                if target is not None:
                    out.setdefault(graph, {})[ref.iri] = target
        return out


def _target(ref: PersonRef, full: dict[str, list[PersonRef]],
            by_word: dict[str, set[str]]) -> tuple[str, str] | None:
    words = ref.words
    if len(words) != 1:  # "Setiawan"; two words ("Sri Handayani") are a full name of their own
        return None
    fitting = set.intersection(*(by_word.get(w, set()) for w in words)) - {ref.iri}
    fitting = {iri for iri in fitting if len(full[iri][0].words) > len(words)}
    if len(fitting) != 1:
        return None
    (iri,) = fitting
    others = [r for r in full[iri] if r.graph != ref.graph]
    if not others or not any(ref.context & r.context for r in others):
        return None
    return iri, sorted(r.name for r in full[iri])[0]


def rewrite(triples: Iterable[Triple], mapping: dict[str, tuple[str, str]]) -> list[Triple]:
    """A graph with short-name people replaced by their full-name IRIs (names adjusted)."""
    out: set[Triple] = set()
    for s, p, o in triples:
        if s in mapping and p == NAME:
            out.add((mapping[s][0], ALT, o))
            continue
        out.add((mapping.get(s, (s,))[0], p, mapping.get(o, (o,))[0]))
    for new, name in mapping.values():
        out.add((new, NAME, name))
        out.discard((new, ALT, name))
    return sorted(out)


def memberships(triples: list[Triple], base: str = DATA) -> list[Triple]:
    """The graph with its memberships recomputed (any earlier ones dropped)."""
    prefixes = tuple(f"<{base}{part}" for part in MEMBERSHIP_PARTS)
    kept = [t for t in triples if not t[0].startswith(prefixes)]
    index: dict[tuple[str, str], list[str]] = defaultdict(list)
    holds: set[tuple[str, str]] = set()
    published: list[str] = []
    for s, p, o in kept:
        if p == POST_IN or p == ROLE:
            index[(s, p)].append(o)
        elif p == HOLDS:
            holds.add((s, o))
        elif p == PUBLISHED:
            published.append(o)
    day = lexical(min(published)) if published else None
    added: list[Triple] = []
    for person, post in sorted(holds):
        added.extend(_membership(person, post, index, day, base))
    return sorted(set(kept) | set(added))


def _membership(person: str, post: str, index: dict[tuple[str, str], list[str]], day: str | None,
                base: str) -> list[Triple]:
    digest = hashlib.sha1(f"{person}|{post}".encode()).hexdigest()[:16]
    node = f"<{base}membership/{digest}>"
    out = [(node, TYPE, _iri(ORG.Membership)), (node, _iri(ORG.member), person)]
    out += [(node, _iri(ORG.organization), org) for org in index.get((post, POST_IN), [])]
    out += [(node, _iri(ORG.role), role) for role in index.get((post, ROLE), [])]
    if day:
        interval, instant = f"<{base}interval/{digest}-{day}>", f"<{base}instant/{day}>"
        out += [(node, _iri(ORG.memberDuring), interval), (interval, TYPE, _iri(TIME.Interval)),
                (interval, _iri(TIME.inside), instant), (instant, TYPE, _iri(TIME.Instant)),
                (instant, _iri(TIME.inXSDDate), f'"{day}"^^<{XSD.date}>')]
    return out
