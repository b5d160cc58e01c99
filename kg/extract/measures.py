"""Numeric measures: an index or score with its value and the region or body it is about.

``Indeks SPBE 3,84``, ``nilai indeks reformasi birokrasi Kota Malang tahun 2018 sebesar 70,12``,
``Indeks SPBE Kabupaten Garut pada evaluasi 2023 baru 2,87``, ``East Java scored 3.12 in the
SPBE index``. The subject is the region or organization named between the measure's name and
its value; else Indonesia for a national index ("indeks SPBE nasional"); else the first one of
the sentence that is not a place phrase ("di Indonesia"); else, when the sentence names none
("Indeks SPBE kita baru 2,31"), the region the article names most.
"""

from __future__ import annotations

import re
from collections import Counter

from kg import numbers
from kg.extract.regions import region_key
from kg.gazetteer import Gazetteer
from kg.model import Article, Findings, Measure, Region, Span

_HEAD = r"(?:[Ii]ndeks|[Ii]ndex|[Ss]kor|[Ss]core)"
_VERB = r"(?:sebesar|senilai|mencapai|baru|hanya|yakni|yaitu|adalah|menjadi|di angka|of|at|is|was|reached|stood at)"
_VALUE = r"(?P<value>\d+(?:[.,]\d+)?)(?![\d/%])(?!\s*(?:persen|percent|miliar|juta|ribu|triliun)\b)"
# after a looser name ("... pada evaluasi 2023 baru 2,87") only a decimal value counts
_VALUE2 = _VALUE.replace("?P<value>", "?P<value2>").replace(r"\d+(?:[.,]\d+)?", r"\d+[.,]\d+", 1)
# the name, then the value right after it or after a year phrase and a verb
_FORWARD = re.compile(
    rf"\b(?P<name>{_HEAD}(?:\s+(?:[A-Z][\w-]*|dan|and|of)){{1,6}})\s*(?:[(][^)]{{1,20}}[)]\s*)?"
    rf"(?:(?:sebesar|senilai|mencapai|dengan nilai|yakni|of|at|is|was|=|:)\s*)?{_VALUE}"
    rf"|\b(?P<name2>{_HEAD}\s[^\d.;:!?]{{1,80}}?)(?:\d{{4}}\b[^\d.;:!?]{{0,30}}?)?\b{_VERB}\s+{_VALUE2}"
)
# "<subject> scored 3.12 in the SPBE index"
_BACKWARD = re.compile(
    rf"\b(?:scored|recorded|obtained|achieved|posted|meraih|memperoleh|mendapat)\s+(?P<value>\d+[.,]\d+)\s+"
    rf"(?:in|on|pada|untuk)\s+(?:the\s+)?(?P<name>(?:[\w-]+\s+){{1,4}}?{_HEAD})\b"
)
_NAME_STOP = frozenset({"tahun", "pada", "kita", "kami", "di", "sudah", "telah", "yang", "untuk", "dalam",
                        "masih", "se", "in", "for", "the", "evaluasi", "kalurahan", "kabupaten", "kota",
                        "provinsi", "rata-rata"})
_NATIONAL = re.compile(r"\b(?:nasional|national)\b", re.I)
_PLACE_PHRASE = re.compile(r"\b(?:di|se|in|ke|of|to)[- ]?$")


def extract(article: Article, found: Findings) -> list[Measure | Region]:
    out: list[Measure | Region] = []
    count = 0
    for s in article.sentences:
        for name, value_at, start, end, text_value in _candidates(s.text):
            value = numbers.parse_number(text_value, article.language)
            lo, hi = s.start + start, s.start + value_at
            subject = _inner(found, lo, hi) or _national(found, name, out)
            if subject is None:
                subject = _subject(article.body, found, s.start, lo, hi) or _main_region(found)
            if value is None or subject is None:
                continue
            count += 1
            out.append(Measure(f"observation/{article.id}-{count}", subject, _clean(name), float(value),
                               Span(s.start + start, s.start + end)))
    return out


def _candidates(text: str) -> list[tuple[str, int, int, int, str]]:
    """(name, value offset, start, end, value text) of each measure in a sentence."""
    out = []
    for m in _FORWARD.finditer(text):
        group = "name" if m.group("name") else "name2"
        value = "value" if m.group("value") else "value2"
        out.append((m.group(group), m.start(value), m.start(), m.end(), m.group(value)))
    for m in _BACKWARD.finditer(text):
        out.append((m.group("name"), m.start("value"), m.start(), m.end(), m.group("value")))
    return out


def _clean(name: str) -> str:
    words = name.split()
    keep = [words[0]]
    for w in words[1:]:
        if w.lower() in _NAME_STOP or w.startswith("("):
            break
        keep.append(w)
    return re.sub(r"\s+(?:of|and|dan|,)$", "", " ".join(keep)).rstrip(",")


def _inner(found: Findings, lo: int, hi: int) -> str | None:
    """The first region or body named between the measure's start and its value."""
    inner = sorted((l for l in found.mentions if l.key.startswith(("region/", "org/")) and lo <= l.span.start < hi),
                   key=lambda l: l.span.start)
    return inner[0].key if inner else None


def _national(found: Findings, name: str, out: list[Measure | Region]) -> str | None:
    """Indonesia, for an index called national."""
    if not _NATIONAL.search(name):
        return None
    country = Gazetteer.load().get("ID")
    k = region_key(country.key)
    if k not in found.entities and not any(r.key == k for r in out if isinstance(r, Region)):
        out.append(Region(k, country.name, place=country.key))
    return k


def _subject(text: str, found: Findings, lo: int, at: int, value: int) -> str | None:
    """The first region or body of the sentence before the measure that is not a place phrase
    ("di Indonesia"), else the last one before."""
    links = [l for l in found.mentions if l.key.startswith(("region/", "org/"))]
    before = sorted((l for l in links if lo <= l.span.start < at), key=lambda l: l.span.start)
    subjects = [l for l in before if not _PLACE_PHRASE.search(text[max(lo, l.span.start - 4) : l.span.start])]
    chosen = subjects or before
    return chosen[0].key if chosen else None


def _main_region(found: Findings) -> str | None:
    """The Indonesian region below the country that the article names most (first on a tie)."""
    keys = [l.key for l in found.mentions if l.key.startswith("region/id-")]
    if not keys:
        return None
    counts = Counter(keys)
    return max(dict.fromkeys(keys), key=lambda k: counts[k])
