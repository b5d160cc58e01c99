"""The extraction pipeline: an explicit, ordered registry of extractors.

Each extractor is ``extract(article, found) -> list[record]``; later extractors read what the
earlier ones found (people need regions and organizations; events need everything).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kg.errors import KgError
from kg.extract import events, measures, orgs, people, quotes, regions, venues
from kg.keys import key
from dataclasses import replace

from kg.gazetteer import Gazetteer
from kg.model import Article, Findings, Organization, Person, Region

Extractor = Callable[[Article, Findings], Sequence[object]]

EXTRACTORS: tuple[tuple[str, Extractor], ...] = (
    ("regions", regions.extract),
    ("organizations", orgs.extract),
    ("venues", venues.extract),
    ("people", people.extract),
    ("quotes", quotes.extract),
    ("events", events.extract),
    ("measures", measures.extract),
)


def extractor_names() -> list[str]:
    return [name for name, _ in EXTRACTORS]


def extract(article: Article, only: Sequence[str] | None = None) -> Findings:
    """Run the extractors in order (all, or those named in ``only``) over one article."""
    unknown = set(only or ()) - set(extractor_names())
    if unknown:
        raise KgError(f"unknown extractor {sorted(unknown)[0]!r}; valid: {', '.join(extractor_names())}")
    found = Findings()
    for name, fn in EXTRACTORS:
        if only is None or name in only:
            for record in fn(article, found):
                found.add(record)  # type: ignore[arg-type]
    _complete(found)
    _byline(article, found)
    return found


def _complete(found: Findings) -> None:
    """Every organization an entity points to exists: a unit's government is added from its
    region; a parent that cannot be made is dropped rather than left dangling."""
    gaz = Gazetteer.load()
    for org in list(found.of(Organization)):
        if not org.parent or org.parent in found.entities:
            continue
        region = found.entities.get(org.region or "")
        if isinstance(region, Region):
            parent = orgs.government_of(gaz.get(region.place))
            if parent.key == org.parent:
                found.add(parent)
                continue
        found.replace(replace(org, parent=None))


def _byline(article: Article, found: Findings) -> None:
    for role, names in (("author", article.authors), ("editor", article.editors)):
        for name in names:
            k = key("person", name)
            if k not in found.entities:
                found.add(Person(k, name))
            if k in found.byline or k not in {p.key for p in found.of(Person) if p.span is not None}:
                found.byline[k] = tuple(sorted({*found.byline.get(k, ()), role}))
