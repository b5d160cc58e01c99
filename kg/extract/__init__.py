"""The extraction pipeline: an explicit, ordered registry of extractors.

Each extractor is ``extract(article, found) -> list[record]``; later extractors read what the
earlier ones found (people need regions and organizations; events need everything).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kg.errors import KgError
from kg.extract import events, measures, orgs, people, quotes, regions, venues
from kg.keys import key
from kg.model import Article, Findings, Person

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
    _byline(article, found)
    return found


def _byline(article: Article, found: Findings) -> None:
    for role, names in (("author", article.authors), ("editor", article.editors)):
        for name in names:
            k = key("person", name)
            if k not in found.entities:
                found.add(Person(k, name))
            if k in found.byline or k not in {p.key for p in found.of(Person) if p.span is not None}:
                found.byline[k] = tuple(sorted({*found.byline.get(k, ()), role}))
