"""Venues: named places that are not regions ("Kampus LOGODI", "Hotel Santika Bogor").

A venue is a venue head word (data file ``venue_heads.csv``) followed by capitalized words or
acronyms. It lies in the region its name ends with, or else in the region named right after it
("di Kampus LOGODI di Kota Jeonju").
"""

from __future__ import annotations

import functools

from kg.keys import key
from kg.matcher import PhraseMatcher, Token, tokenize
from kg.model import Article, Findings, Span, Venue
from kg.resources import column

LINKERS = frozenset({"di", "in", "at", ","})
MAX_NAME = 6


@functools.cache
def head_matcher() -> PhraseMatcher[str]:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for head in column("venue_heads.csv", "head"):
        matcher.add(head, head, case_sensitive=True)
    return matcher


def extract(article: Article, found: Findings) -> list[Venue]:
    text = article.body
    tokens = tokenize(text)
    out: list[Venue] = []
    for m in head_matcher().find(text, tokens):
        last = m.last
        while last < len(tokens) and last - m.first < MAX_NAME and _name_token(tokens[last], tokens[last - 1]):
            last += 1
        if last == m.last:
            continue
        span = Span(tokens[m.first].start, tokens[last - 1].end)
        name = " ".join(text[span.start : span.end].split())
        within = _inner_region(found, span) or _next_region(found, tokens, last)
        venue = Venue(key("place", name), name, span=span, within=within)
        out.append(venue)
        found.mention(venue.key, span)
    return out


def _name_token(tok: Token, prev: Token) -> bool:
    return (tok.text[:1].isupper() or tok.text.isdigit()) and tok.text.replace("-", "").isalnum() and tok.start <= prev.end + 1


def _inner_region(found: Findings, span: Span) -> str | None:
    inside = [l for l in found.mentions if l.key.startswith("region/") and span.start < l.span.start and l.span.end <= span.end]
    return inside[-1].key if inside else None


def _next_region(found: Findings, tokens: list[Token], i: int) -> str | None:
    while i < len(tokens) and tokens[i].low in LINKERS:
        i += 1
    if i < len(tokens):
        return found.key_at(tokens[i].start, "region/")
    return None
