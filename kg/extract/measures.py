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


def extract(article: Article, found: Findings) -> list[Measure]:
    out: list[Measure] = []
    for s in article.sentences:
        for m in _MEASURE.finditer(s.text):
            value = numbers.parse_number(m.group("value"), article.language)
            name = re.sub(r"\s+(?:of|and|dan)$", "", " ".join(m.group("name").split()))
            subject = _subject(found, s.start, s.start + m.start())
            if value is None or subject is None:
                continue
            span = Span(s.start + m.start(), s.start + m.end())
            out.append(Measure(f"observation/{article.id}-{len(out) + 1}", subject, name, float(value), span))
    return out


def _subject(found: Findings, lo: int, hi: int) -> str | None:
    before = [l for l in found.mentions if l.key.startswith(("region/", "org/")) and lo <= l.span.start < hi]
    return max(before, key=lambda l: l.span.start).key if before else None
