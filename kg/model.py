"""Plain records that flow from the reader through the extractors to the graph writer.

Extractors return these frozen dataclasses; they know nothing of RDF. Every record that the
contract asks evidence for carries a character ``Span`` into ``Article.text``; the writer finds
the sentence from it. Entity records carry a ``key`` ("<kind>/<slug>") from which the writer
makes a deterministic IRI; two records with one key are one entity.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TypeVar


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    """One news article as read: its text, sentences and metadata."""

    id: str
    source: str
    text: str
    body: str  # ``text`` with non-story lines (related links, bylines, footers) blanked out
    sentences: tuple[Sentence, ...]
    language: str = "id"
    title: str | None = None
    url: str | None = None
    published: date | None = None
    publisher: str | None = None
    dateline: str | None = None
    dateline_span: Span | None = None
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding a character offset, or None (e.g. in a blanked line)."""
        starts = [s.start for s in self.sentences]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None


@dataclass(frozen=True)
class Link:
    """A reference from one record to an entity key, with the span that states it."""

    key: str
    span: Span


@dataclass(frozen=True)
class Entity:
    key: str
    name: str
    aliases: tuple[str, ...] = ()
    span: Span | None = None

    def merged(self, other: Entity) -> Entity:
        """This entity with the other's surface forms added (same key)."""
        names = tuple(sorted(set(self.aliases) | set(other.aliases) | {other.name} - {self.name}))
        return replace(self, aliases=names)


@dataclass(frozen=True)
class Region(Entity):
    """A gazetteer place met in the text; its data comes from the gazetteer by key."""

    place: str = ""  # gazetteer key


@dataclass(frozen=True)
class Venue(Entity):
    within: str | None = None  # region key
    level: str | None = None  # "village": a desa / kelurahan, an administrative area not in the gazetteer


@dataclass(frozen=True)
class Organization(Entity):
    kind: str = "other"
    government: bool = False
    region: str | None = None  # region key: areaServed (governments) or location
    parent: str | None = None  # organization key (org:subOrganizationOf)


@dataclass(frozen=True)
class Role(Entity):
    pass


@dataclass(frozen=True)
class Post(Entity):
    role: str = ""  # role key
    org: str = ""  # organization key


@dataclass(frozen=True)
class Person(Entity):
    prefix: str | None = None
    suffix: str | None = None


@dataclass(frozen=True)
class Holding:
    person: str
    post: str
    span: Span


@dataclass(frozen=True)
class Audience(Entity):
    audience_type: str | None = None
    region: str | None = None
    count: int | None = None


@dataclass(frozen=True)
class Topic(Entity):
    pass


@dataclass(frozen=True)
class Event(Entity):
    kind: str = "other"
    start: date | None = None
    end: date | None = None
    date_span: Span | None = None
    locations: tuple[Link, ...] = ()
    organizers: tuple[Link, ...] = ()
    hosts: tuple[Link, ...] = ()
    attendees: tuple[Link, ...] = ()
    audiences: tuple[str, ...] = ()
    count: int | None = None
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quote:
    key: str
    text: str
    speaker: str | None
    span: Span


@dataclass(frozen=True)
class Measure:
    key: str
    subject: str
    name: str
    value: float
    span: Span


E = TypeVar("E", bound=Entity)


@dataclass
class Findings:
    """Everything extracted from one article, keyed; later extractors read earlier results."""

    entities: dict[str, Entity] = field(default_factory=dict)
    holdings: list[Holding] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    mentions: list[Link] = field(default_factory=list)  # every span that names an entity
    byline: dict[str, tuple[str, ...]] = field(default_factory=dict)  # person key -> ("author", "editor")
    expansions: dict[str, str] = field(default_factory=dict)  # acronym -> words it stands for
    participant_hints: list[Link] = field(default_factory=list)  # people said to take part
    listed_posts: list[Link] = field(default_factory=list)  # offices named in a list

    def mention(self, key: str, span: Span) -> None:
        self.mentions.append(Link(key, span))

    def key_at(self, start: int, prefix: str = "") -> str | None:
        """The key of an entity mentioned from character ``start`` on, if any."""
        for link in self.mentions:
            if link.span.start == start and link.key.startswith(prefix):
                return link.key
        return None

    def mentions_of(self, key: str) -> list[Span]:
        return sorted(link.span for link in self.mentions if link.key == key)

    def add(self, record: Entity | Holding | Quote | Measure) -> None:
        if isinstance(record, Holding):
            if record not in self.holdings:
                self.holdings.append(record)
        elif isinstance(record, Quote):
            self.quotes.append(record)
        elif isinstance(record, Measure):
            self.measures.append(record)
        elif record.key in self.entities:
            self.entities[record.key] = self.entities[record.key].merged(record)
        else:
            self.entities[record.key] = record

    def replace(self, record: Entity) -> None:
        self.entities[record.key] = record

    def of(self, kind: type[E]) -> list[E]:
        return [e for e in self.entities.values() if isinstance(e, kind)]
