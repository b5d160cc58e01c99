"""Numeric measures: an index or score with its value and the region or body it is about.

``Indeks SPBE 3,84``, ``nilai Indeks Reformasi Birokrasi sebesar 78,5``, ``SPBE index of
3.84``: the subject is the region or organization named last before the measure in the same
sentence.
"""

from __future__ import annotations

import re

from kg import numbers
from kg.model import Article, Findings, Measure, Span

_MEASURE = re.compile(
    r"\b(?P<name>(?:[Ii]ndeks|[Ii]ndex|[Nn]ilai|[Ss]kor|[Ss]core)(?:\s+(?:[A-Z][\w-]*|dan|and|of)){1,6}|"
    r"(?:[A-Z][\w-]*\s+){1,4}(?:[Ii]ndex|[Ss]core))"
    r"\s*(?:[(][^)]{1,20}[)]\s*)?(?:sebesar|senilai|mencapai|dengan nilai|yakni|of|at|is|was|=|:)?\s*"
    r"(?P<value>\d+(?:[.,]\d+)?)(?![\d/])"
)

_PLACE_PHRASE = re.compile(r"\b(?:di|se|in|ke|of|to)[- ]?$")


def extract(article: Article, found: Findings) -> list[Measure]:
    out: list[Measure] = []
    for s in article.sentences:
        for m in _MEASURE.finditer(s.text):
            value = numbers.parse_number(m.group("value"), article.language)
            name = re.sub(r"\s+(?:of|and|dan)$", "", " ".join(m.group("name").split()))
            subject = _subject(article.body, found, s.start, s.start + m.start(), s.start + m.start("value"))
            if value is None or subject is None:
                continue
            span = Span(s.start + m.start(), s.start + m.end())
            out.append(Measure(f"observation/{article.id}-{len(out) + 1}", subject, name, float(value), span))
    return out


def _subject(text: str, found: Findings, lo: int, at: int, value: int) -> str | None:
    """The region or body named between the measure's name and value, else the first one of the
    sentence that is not a place phrase ("di Indonesia"), else the last one before."""
    links = [l for l in found.mentions if l.key.startswith(("region/", "org/"))]
    inner = [l for l in links if at <= l.span.start < value]
    if inner:
        return inner[0].key
    before = sorted((l for l in links if lo <= l.span.start < at), key=lambda l: l.span.start)
    subjects = [l for l in before if not _PLACE_PHRASE.search(text[max(lo, l.span.start - 4) : l.span.start])]
    chosen = subjects or before
    return chosen[0].key if chosen else None
