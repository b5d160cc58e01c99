"""People and the offices they hold.

An office phrase is ``[qualifier] <role> <jurisdiction>``: the jurisdiction is the region
after the role (or, in English, before it or after "of") for a regional government's offices,
and the organization after the role for the heads of units, ministries and institutions. The
holder is the name right after the phrase (``Sekda Kabupaten Sumedang Herman Suryatman``,
also across "sekaligus ..." or a period), or right before it (``Andi Wijaya, Kepala BKPSDM
...``, ``X selaku Bupati``). An office with no holder named is still a post. A list after a
role (``delapan sekda itu, yakni Kab. Sumedang, Kab. Majalengka ...``) names one post per region.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.extract.names import NameMatch, parse_name, parse_name_before
from kg.extract.orgs import government_of
from kg.extract.regions import display_name
from kg.gazetteer import Gazetteer, Place
from kg.keys import key
from kg.lexicon import Lexicon, Qualifier
from kg.lexicon import Role as RoleRow
from kg.matcher import Match, PhraseMatcher, Token, tokenize
from kg.model import Article, Findings, Holding, Link, Organization, Person, Post, Role, Span

APPOSITION_OPENERS = frozenset({"sekaligus", "yang", "selaku", "juga", "sebagai", "the", "as"})
LEADER_CUES = re.compile(
    r"\b(pimpinan|ketua|kepala) (delegasi|rombongan)\b|\bdelegation (leader|head)\b|\bhead(ed)? (of )?the delegation\b",
    re.I,
)
LIST_OPENERS = frozenset({"yakni", "yaitu", "antara", "meliputi", ":", "namely", "including", "adalah"})
LEVEL_OF_ROLE = {"gubernur": "province", "governor": "province", "bupati": "regency", "regent": "regency",
                 "wali kota": "city", "walikota": "city", "mayor": "city"}
GOVERNMENT_BODIES = frozenset({"government", "legislature", "district", "country"})
ORG_BODIES = frozenset({"unit", "ministry", "institution"})


@dataclass(frozen=True)
class Office:
    first: int
    last: int
    post: Post
    role: Role
    org: Organization


@functools.cache
def role_matcher() -> PhraseMatcher[RoleRow | Qualifier]:
    lex = Lexicon.load()
    matcher: PhraseMatcher[RoleRow | Qualifier] = PhraseMatcher()
    for q in lex.qualifiers:
        for form in q.forms:
            matcher.add(form, q, case_sensitive=False)
    for r in lex.roles:
        for form in (*r.forms, *r.en):
            matcher.add(form, r, case_sensitive=form.isupper() and len(form) > 1)
    return matcher


def extract(article: Article, found: Findings) -> list[object]:
    text = article.body
    tokens = tokenize(text)
    out: list[object] = []
    matches = role_matcher().find(text, tokens)
    qualifier: tuple[Qualifier, Match] | None = None
    for m in matches:
        payload = m.payloads[0]
        if isinstance(payload, Qualifier):
            qualifier = (payload, m)
            continue
        qual = qualifier[0] if qualifier and qualifier[1].last == m.first else None
        first = qualifier[1].first if qual and qualifier else m.first
        qualifier = None
        office = _office(text, tokens, m, first, payload, qual, found)
        if office is None:
            out.extend(_listed_posts(text, tokens, m, payload, found))
            continue
        out.extend((office.org, office.role, office.post))
        found.mention(office.post.key, Span(tokens[office.first].start, tokens[office.last - 1].end))
        out.extend(_holder(text, tokens, office, found))
    return out


def _office(text: str, tokens: list[Token], m: Match, first: int, row: RoleRow, qual: Qualifier | None,
            found: Findings) -> Office | None:
    if row.body in GOVERNMENT_BODIES or row.body in ("village",):
        return _regional_office(text, tokens, m, first, row, qual, found)
    if row.body in ORG_BODIES:
        return _unit_office(text, tokens, m, first, row, qual, found)
    return None


def _role(row: RoleRow, qual: Qualifier | None) -> Role:
    name = f"{qual.meaning[0]} {row.role}" if qual and qual.meaning else row.role
    aliases = tuple(sorted({a for a in row.aliases if a != name}))
    return Role(key("role", name), name, aliases)


def _region_at(found: Findings, tokens: list[Token], i: int) -> tuple[Place, int] | None:
    """The region mentioned from token i on, with the index after its last token."""
    if i >= len(tokens):
        return None
    k = found.key_at(tokens[i].start, "region/")
    if k is None:
        return None
    end = max(s.end for s in found.mentions_of(k) if s.start == tokens[i].start)
    last = next(j for j in range(i, len(tokens)) if tokens[j].end >= end) + 1
    place = Gazetteer.load().get(found.entities[k].place)  # type: ignore[attr-defined]
    return place, last


def _region_before(found: Findings, tokens: list[Token], i: int) -> tuple[Place, int] | None:
    if i == 0:
        return None
    for link in found.mentions:
        if link.key.startswith("region/") and link.span.end == tokens[i - 1].end:
            first = next(j for j in range(i) if tokens[j].start >= link.span.start)
            return Gazetteer.load().get(found.entities[link.key].place), first  # type: ignore[attr-defined]
    return None


def _regional_office(text: str, tokens: list[Token], m: Match, first: int, row: RoleRow, qual: Qualifier | None,
                     found: Findings) -> Office | None:
    after = _region_at(found, tokens, m.last)
    if after is None and m.last < len(tokens) and tokens[m.last].low == "of":
        after = _region_at(found, tokens, m.last + 1)
    last = after[1] if after else m.last
    place = after[0] if after else None
    if place is None:
        before = _region_before(found, tokens, first)
        if before is not None:
            place, first = before[0], before[1]
    if place is None:
        place = _implied_region(row, found)
    if place is None or (row.body == "district" and place.level not in ("district",)):
        return None if place is None or row.body != "district" else None
    role = _role(row, qual)
    org = government_of(place)
    if row.body == "legislature":
        dprd = f"Dewan Perwakilan Rakyat Daerah {display_name(place)}"
        org = Organization(key("org", dprd), dprd, kind="legislature", government=True,
                           region=org.region, parent=None)
    name = f"{role.name} {display_name(place)}"
    surface = " ".join(text[tokens[first].start : tokens[last - 1].end].split())
    post = Post(key("post", name), name, (surface,) if surface != name else (), Span(tokens[first].start, tokens[last - 1].end),
                role=role.key, org=org.key)
    return Office(first, last, post, role, org)


def _implied_region(row: RoleRow, found: Findings) -> Place | None:
    """'Bupati' alone: the one region of that level whose government the article names."""
    level = LEVEL_OF_ROLE.get(row.role.lower())
    if level is None:
        return None
    gaz = Gazetteer.load()
    places = {gaz.get(o.region.split("/", 1)[1].upper()) for o in found.of(Organization)
              if o.government and o.region and o.kind == "regional-government"}
    fitting = [p for p in places if p.level == level]
    return fitting[0] if len(fitting) == 1 else None


def _unit_office(text: str, tokens: list[Token], m: Match, first: int, row: RoleRow, qual: Qualifier | None,
                 found: Findings) -> Office | None:
    lo = tokens[m.last - 1].start
    reach = 6 if row.body == "ministry" else 1
    for i in range(m.last - 1, min(len(tokens), m.last + reach)):
        k = found.key_at(tokens[i].start, "org/")
        if k is None or tokens[i].start < lo:
            continue
        org = found.entities[k]
        assert isinstance(org, Organization)
        end = max(s.end for s in found.mentions_of(k) if s.start == tokens[i].start)
        last = next(j for j in range(i, len(tokens)) if tokens[j].end >= end) + 1
        inner = i == m.last - 1
        role_row_name = row.role.split()[0] if inner else row.role
        between = " ".join(t.text for t in tokens[m.last : i]) if i > m.last else ""
        role = _role(RoleRow(role_row_name, row.aliases if not inner else (), row.body, row.en), qual)
        org_part = org.name.removeprefix("Kementerian ") if role.name.endswith("Menteri") else org.name
        name = " ".join(x for x in (role.name, between, org_part) if x)
        surface = " ".join(text[tokens[first].start : tokens[last - 1].end].split())
        span = Span(tokens[first].start, tokens[last - 1].end)
        post = Post(key("post", name), name, (surface,) if surface != name else (), span, role=role.key, org=org.key)
        return Office(first, last, post, role, org)
    return None


def _holder(text: str, tokens: list[Token], office: Office, found: Findings) -> list[object]:
    name, span_start = _name_after(text, tokens, office.last), tokens[office.first].start
    if name is None:
        name = _name_before(text, tokens, office.first)
    if name is None:
        return []
    person = Person(key("person", name.name), name.name, span=Span(name.start, name.end),
                    prefix=name.prefix, suffix=name.suffix)
    span = Span(min(span_start, name.start), max(tokens[office.last - 1].end, name.end))
    found.mention(person.key, Span(name.start, name.end))
    between = text[tokens[office.last - 1].end : name.start] if name.start > span_start else ""
    if LEADER_CUES.search(between):
        found.participant_hints.append(Link(person.key, span))
    return [person, Holding(person.key, office.post.key, span)]


def _name_after(text: str, tokens: list[Token], i: int) -> NameMatch | None:
    if i < len(tokens) and tokens[i].text == "(":
        close = next((j for j in range(i, min(i + 5, len(tokens))) if tokens[j].text == ")"), None)
        i = close + 1 if close is not None else i
    if i < len(tokens) and tokens[i].text in ",." and (i + 1 < len(tokens)):
        name = parse_name(text, tokens, i + 1)
        if name and (tokens[i].text == "," or len(name.name.split()) >= 2):
            return name
        return None
    if i < len(tokens) and tokens[i].low in APPOSITION_OPENERS:
        j = i
        while j < len(tokens) and j - i < 6 and tokens[j].text.islower():
            j += 1
        return parse_name(text, tokens, j) if j > i else None
    return parse_name(text, tokens, i)


def _name_before(text: str, tokens: list[Token], first: int) -> NameMatch | None:
    if first >= 2 and tokens[first - 1].text == ",":
        return parse_name_before(text, tokens, first - 1)
    if first >= 2 and tokens[first - 1].low in ("selaku", "sebagai"):
        return parse_name_before(text, tokens, first - 1)
    return None


def _listed_posts(text: str, tokens: list[Token], m: Match, row: RoleRow, found: Findings) -> list[object]:
    """'delapan sekda itu, yakni Kab. Sumedang, Kab. Majalengka, ... dan Kota Tasik'."""
    if row.body not in ("government", "legislature"):
        return []
    i = m.last
    while i < len(tokens) and i - m.last < 4 and tokens[i].low not in LIST_OPENERS:
        i += 1
    if i >= len(tokens) or tokens[i].low not in LIST_OPENERS:
        return []
    out: list[object] = []
    j = i + 1 + (tokens[i].low == "antara")
    while j < len(tokens):
        region = _region_at(found, tokens, j)
        if region is None:
            if tokens[j].text in (",",) or tokens[j].low in ("dan", "and", "serta"):
                j += 1
                continue
            break
        place, j = region
        role = _role(row, None)
        org = government_of(place)
        name = f"{role.name} {display_name(place)}"
        post = Post(key("post", name), name, span=Span(tokens[m.first].start, tokens[j - 1].end), role=role.key, org=org.key)
        out.extend((org, role, post))
        found.listed_posts.append(Link(post.key, post.span or Span(0, 0)))
    return out
