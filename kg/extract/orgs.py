"""Organizations: listed institutions, regional bodies with their region, the governments of
regions, organizations defined by an acronym in parentheses, and the publisher.

A regional body ("BPSDM", "Pemkab", "Dinas Kominfo") becomes an organization only with the
region that follows it ("BPSDM Provinsi Jawa Tengah", "Pemkab Garut") or, in English, precedes
it ("West Java provincial government"); it is a unit of that region's government.
"""

from __future__ import annotations

import functools
import re

from kg.extract.regions import display_name, region_key
from kg.gazetteer import Gazetteer, Place
from kg.keys import key
from kg.lexicon import Institution, Lexicon
from kg.matcher import PhraseMatcher, Token, tokenize
from kg.model import Article, Findings, Organization, Span
from kg.resources import table

GOVERNMENT_KINDS = frozenset({"ministry", "agency", "regional-government", "regional-unit", "legislature"})
_ACRONYM_DEF = re.compile(
    r"((?:[A-Z][\w'’-]*|dan|and|of|for|untuk|the|di|&)(?:\s+(?:[A-Z][\w'’-]*|dan|and|of|for|untuk|the|di|&)){1,9})"
    r"\s*\(\s*([A-Z][A-Za-z]{1,9}(?:[- ][A-Z]{1,5})?)\s*\)"
)
_CONNECTORS = {"dan", "and", "of", "for", "untuk", "the", "di", "&"}


@functools.cache
def institution_matcher() -> PhraseMatcher[Institution]:
    matcher: PhraseMatcher[Institution] = PhraseMatcher()
    for inst in Lexicon.load().institutions:
        for form in (inst.name, *inst.aliases, *inst.en):
            matcher.add(form, inst)
    return matcher


@functools.cache
def org_heads() -> dict[str, str]:
    return {row["head"]: row["kind"] for row in table("org_heads.csv")}


def government_of(place: Place) -> Organization:
    """The government of a region ("Pemerintah Kabupaten Garut")."""
    if place.level == "country":
        name = f"Pemerintah {place.name}"
    else:
        name = f"Pemerintah {display_name(place)}"
    return Organization(key("org", name), name, kind="regional-government", government=True,
                        region=region_key(place.key))


def regional_body(inst: Institution, place: Place) -> Organization:
    if inst.kind == "regional-government":
        return government_of(place)
    name = f"{inst.name} {display_name(place)}"
    return Organization(key("org", name), name, kind=inst.kind, government=inst.kind in GOVERNMENT_KINDS,
                        region=region_key(place.key), parent=government_of(place).key)


def national(inst: Institution) -> Organization:
    return Organization(key("org", inst.name), inst.name, kind=inst.kind, government=inst.kind in GOVERNMENT_KINDS)


def adjacent_region(found: Findings, tokens: list[Token], first: int, last: int) -> tuple[str, Span] | None:
    """A region mention overlapping or right after tokens[first:last], or right before them."""
    lo = tokens[first].start
    hi = tokens[last].start if last < len(tokens) else tokens[last - 1].end
    before = tokens[first - 1].end if first > 0 else -1
    for link in found.mentions:
        if not link.key.startswith("region/"):
            continue
        if lo <= link.span.start <= hi and link.span.end > tokens[last - 1].end - 1:
            return link.key, link.span
    for link in found.mentions:
        if link.key.startswith("region/") and link.span.end == before:
            return link.key, link.span
    return None


def extract(article: Article, found: Findings) -> list[Organization]:
    gaz = Gazetteer.load()
    tokens = tokenize(article.body)
    out: list[Organization] = []
    for m in institution_matcher().find(article.body, tokens):
        inst = m.payloads[0]
        span = Span(m.start, m.end)
        if inst.scope == "national":
            org = national(inst)
        else:
            near = adjacent_region(found, tokens, m.first, m.last)
            if near is None:
                continue
            place = gaz.get(found.entities[near[0]].place)  # type: ignore[attr-defined]
            org = regional_body(inst, place)
            span = Span(min(m.start, near[1].start), max(m.end, near[1].end))
        surface = article.body[span.start : span.end]
        out.append(_with_alias(org, surface, span))
        found.mention(org.key, span)
    out.extend(_defined_by_acronym(article, found))
    if article.publisher:
        out.append(Organization(key("org", article.publisher), article.publisher, kind="media"))
    return out


def _with_alias(org: Organization, surface: str, span: Span) -> Organization:
    surface = " ".join(surface.split())
    aliases = () if surface == org.name else (surface,)
    return Organization(org.key, org.name, aliases, span, kind=org.kind, government=org.government,
                        region=org.region, parent=org.parent)


def _defined_by_acronym(article: Article, found: Findings) -> list[Organization]:
    """'Local Government Officials Development Institute (LOGODI)' and the like."""
    out: list[Organization] = []
    known = {link.span.start for link in found.mentions if link.key.startswith("org/")}
    for m in _ACRONYM_DEF.finditer(article.body):
        words = m.group(1).split()
        while words and words[0].lower() in _CONNECTORS:
            words = words[1:]
        acronym = m.group(2)
        kind = _head_kind(words)
        if kind is None or m.start(1) in known or not _initials_fit(words, acronym):
            found.expansions.setdefault(acronym, " ".join(words))
            continue
        name = " ".join(words)
        org = Organization(key("org", name), name, (acronym,), Span(m.start(1), m.end(2)), kind=kind)
        out.append(org)
        found.mention(org.key, Span(m.start(1), m.end(2)))
        for later in re.finditer(rf"\b{re.escape(acronym)}\b", article.body):
            if later.start() > m.end():
                found.mention(org.key, Span(later.start(), later.end()))
    return out


def _head_kind(words: list[str]) -> str | None:
    heads = org_heads()
    for i in range(len(words)):
        for n in (2, 1):
            if " ".join(words[i : i + n]) in heads:
                return heads[" ".join(words[i : i + n])]
    return None


def _initials_fit(words: list[str], acronym: str) -> bool:
    initials = "".join(w[0] for w in words if w.lower() not in _CONNECTORS).upper()
    letters = re.sub(r"[^A-Z]", "", acronym.upper())
    return bool(letters) and (letters in initials or _subsequence(letters, "".join(words).upper()))


def _subsequence(needle: str, hay: str) -> bool:
    it = iter(hay)
    return all(c in it for c in needle) and needle[0] == hay[0]
