"""Organizations: listed institutions, regional bodies with their region, the governments of
regions, organizations defined by an acronym in parentheses, and the publisher.

A regional body ("BPSDM", "Pemkab", "Dinas Kominfo") becomes an organization only with the
region that follows it ("BPSDM Provinsi Jawa Tengah", "Pemkab Garut") or, in English, precedes
it ("West Java provincial government"); it is a unit of that region's government. A body's
old name set next to its new one ("Komdigi, yang sebelumnya bernama Kominfo"; cues in
``renamed_cues.csv``) is an alias of the new one, not a body of its own.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from kg.extract.regions import LEVEL_WORD, display_name, region_key
from kg.gazetteer import Gazetteer, Place
from kg.keys import key
from kg.lexicon import Institution, Lexicon
from kg.matcher import Match, PhraseMatcher, Token, tokenize
from kg.model import Article, Findings, Link, Organization, Span
from kg.resources import table

GOVERNMENT_KINDS = frozenset({"ministry", "agency", "regional-government", "regional-unit", "legislature"})
_ACRONYM_DEF = re.compile(
    r"((?:[A-Z][\w'’-]*|dan|and|of|for|untuk|the|di|&)(?:\s+(?:[A-Z][\w'’-]*|dan|and|of|for|untuk|the|di|&)){1,9})"
    r"\s*\(\s*([A-Z][A-Za-z]{1,9}(?:[- ][A-Z]{1,5})?)\s*\)"
)
_CONNECTORS = {"dan", "and", "of", "for", "untuk", "the", "di", "&"}
_PAREN_MAX = 4
_REP_AFTER = re.compile(r"\s+(?:Perwakilan|representative office (?:in|for))\s+")
_REP_BEFORE = re.compile(r"\s+representative office of(?: the)?\s+\Z")
_REGIONAL_OFFICE = re.compile(r"\b(Kantor Regional|Kanreg|Kantor Wilayah|Kanwil)\s+([IVX]{1,5}\s+)?\Z")
_OFFICE_NAMES = {"kantor regional": "Kantor Regional", "kanreg": "Kantor Regional",
                 "kantor wilayah": "Kantor Wilayah", "kanwil": "Kantor Wilayah"}
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:(?:dan|serta|and)\s+)?|\s(?:dan|serta|and)\s+)")
_GOVERNMENT_LEVEL = {"Pemerintah Kota": "Kota", "Pemerintah Kabupaten": "Kabupaten", "Pemerintah Provinsi": "Provinsi"}
_LEVEL_OF = {"Kota": "city", "Kabupaten": "regency", "Provinsi": "province"}
_FOREIGN_GOVERNMENT = re.compile(r"(?:'s)? (?:Metropolitan|Prefectural|Provincial|City|Municipal|State) Government\b")
_UNIT_HEADS = frozenset({"Dinas", "Badan"})
_THROUGH = re.compile(r"^\s*(?:melalui|lewat|through|via)\s+$", re.I)
_UNIT_CONNECTORS = frozenset({"dan", ","})
_UNIT_MAX_WORDS = 8
_NUMERAL = re.compile(r"(?:[IVX]{1,4}|[A-E])\Z")
_INNER_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z]{1,9})\s*\)")


@functools.cache
def institution_matcher() -> PhraseMatcher[Institution]:
    matcher: PhraseMatcher[Institution] = PhraseMatcher()
    for inst in Lexicon.load().institutions:
        for form in (inst.name, *inst.aliases, *inst.en):
            matcher.add(form, inst)
    return matcher


@functools.cache
def org_heads() -> dict[str, str]:
    return {row["head"]: row["kind"] for row in table("org_heads.csv") if row["kind"] != "generic"}


@functools.cache
def unit_heads() -> dict[str, str]:
    """Head words of a unit named before its organization ("Humas", "Komisi", "Bagian"), each
    with what stands between it and the organization (see unit_heads.csv)."""
    return {row["head"].lower(): row["name"] for row in table("unit_heads.csv")}


@functools.cache
def generic_bodies() -> frozenset[str]:
    """Names of kinds of bodies ("Badan Usaha Milik Desa"), never one organization."""
    return frozenset(row["head"] for row in table("org_heads.csv") if row["kind"] == "generic")


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
    """A region mention overlapping or right after tokens[first:last], or right before them
    (also in English, with a level word or a possessive: "Makassar's Bappeda", "Surabaya City
    Bappedalitbang")."""
    lo = tokens[first].start
    hi = tokens[last].start if last < len(tokens) else tokens[last - 1].end
    k = first
    if k > 2 and tokens[k - 1].text == "s" and tokens[k - 2].text in ("'", "’"):
        k -= 2  # English possessive: "Makassar's Bappeda"
    if k > 1 and tokens[k - 1].low in LEVEL_WORD:
        k -= 1  # an English level word: "Surabaya City Bappedalitbang", "Semarang city's Bappeda"
    before = tokens[k - 1].end if k > 0 else -1
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
    tokens = tokenize(article.body)
    out: list[Organization] = []
    ends: set[int] = set()
    regional: list[tuple[Match[Institution], tuple[str, Span] | None]] = []
    ministries: dict[int, tuple[Institution, int]] = {}
    for m in institution_matcher().find(article.body, tokens):
        inst = m.payloads[0]
        ends.add(m.end)
        if inst.scope == "national":
            out.extend(_national(article.body, found, tokens, m))
            if inst.kind == "ministry":
                ministries[m.start] = (inst, m.end)
            continue
        if regional and _after_paren(tokens, regional[-1][0].last) > m.first:
            continue  # the acronym in parentheses after the body's name
        near = adjacent_region(found, tokens, m.first, m.last)
        if near is None and _after_paren(tokens, m.last) != m.last:
            near = adjacent_region(found, tokens, m.first, _after_paren(tokens, m.last))
        regional.append((m, near))
    out.extend(_regional(article.body, found, tokens, regional, ministries, english=article.language == "en"))
    out.extend(_unknown_units(article, found, tokens, {o.key: o for o in out}))
    out.extend(_foreign_governments(article.body, found))
    out.extend(_foreign_bodies(article.body, found, tokens))
    out.extend(_universities_of(article.body, found, tokens))
    out.extend(_defined_by_acronym(article, found, ends))
    out.extend(_acronym_mentions(article.body, found, tokens, out))
    out.extend(_units_before(article.body, found, tokens, out))
    out = _renamed(article.body, found, out)
    if article.publisher:
        out.append(Organization(key("org", article.publisher), article.publisher, kind="media"))
    return out


def _national(text: str, found: Findings, tokens: list[Token], m: Match[Institution]) -> list[Organization]:
    org = national(m.payloads[0])
    out = [_with_alias(org, text[m.start : m.end], Span(m.start, m.end))]
    found.mention(org.key, Span(m.start, m.end))
    for unit, span in _units_of(text, found, tokens, m, org):
        out.append(_with_alias(unit, text[span.start : span.end], span))
        found.mention(unit.key, span)
    return out


def _regional(text: str, found: Findings, tokens: list[Token],
              matches: list[tuple[Match[Institution], tuple[str, Span] | None]],
              ministries: dict[int, tuple[Institution, int]], english: bool = False) -> list[Organization]:
    """Regional bodies with the region after them, or after the last of a list of bodies
    ("Bappeda, DLH, serta DPMDes Kutim": all three of Kutai Timur); with a ministry after them
    instead, the ministry's own body ("BPSDM Komdigi"). In an English article the body's English
    name with its region is an alias ("Regional Development Planning Agency of Makassar"), the
    way an English reader names it."""
    gaz = Gazetteer.load()
    out: list[Organization] = []
    shared: tuple[str, Span] | None = None
    for i in range(len(matches) - 1, -1, -1):
        m, near = matches[i]
        span = Span(m.start, m.end)
        if near is not None:
            span = Span(min(m.start, near[1].start), max(m.end, near[1].end))
        elif shared is not None and _list_joint(text, tokens, m, matches[i + 1][0]):
            near = shared
            span = Span(m.start, tokens[_after_paren(tokens, m.last) - 1].end)
        shared = near
        if near is None and (unit := _ministry_body(text, tokens, m, ministries, english)) is not None:
            out.append(unit)
            found.mention(unit.key, unit.span)  # type: ignore[arg-type]
            continue
        if near is None:
            near = _only_region_of_level(found, m.payloads[0])
            if near is None:
                continue
            span = Span(m.start, m.end)
        place = _stated_level(gaz, m.payloads[0], gaz.get(found.entities[near[0]].place))  # type: ignore[attr-defined]
        org = _with_alias(regional_body(m.payloads[0], place), text[span.start : span.end], span)
        if english and m.payloads[0].en and org.kind != "regional-government":
            bare = place.name.split(" ", 1)[-1] if place.level in ("regency", "city") else place.name
            org = replace(org, aliases=tuple(sorted({*org.aliases, f"{m.payloads[0].en[0]} of {bare}"})))
        out.append(org)
        found.mention(org.key, span)
    return out[::-1]


def _ministry_body(text: str, tokens: list[Token], m: Match[Institution],
                   ministries: dict[int, tuple[Institution, int]], english: bool) -> Organization | None:
    """'BPSDM Komdigi', "Komdigi's Human Resources Development Agency (BPSDM Komdigi)": a kind of
    regional body named with a ministry right after it is that ministry's own body."""
    after = _after_paren(tokens, m.last)
    nxt = tokens[after] if after < len(tokens) else None
    if nxt is None or text[tokens[after - 1].end : nxt.start] != " " or nxt.start not in ministries:
        return None
    inst = m.payloads[0]
    ministry, end = ministries[nxt.start]
    last = next(j for j in range(after, len(tokens)) if tokens[j].end >= end) + 1
    name = f"{inst.name} {ministry.name}"
    aliases = {" ".join(text[m.start : end].split())} - {name}
    end = tokens[_after_paren(tokens, last) - 1].end  # the span takes the ministry's acronym: '(Kemendagri)'
    if english and inst.en and ministry.en:
        aliases.add(f"{inst.en[0]} of the {ministry.en[0]}")
    return Organization(key("org", name), name, tuple(sorted(aliases)), Span(m.start, end), kind="agency",
                        government=True, parent=key("org", ministry.name))


def _only_region_of_level(found: Findings, inst: Institution) -> tuple[str, Span] | None:
    """A bare "Pemkot" means the one city the article names, if it names one only."""
    word = _GOVERNMENT_LEVEL.get(inst.name)
    if word is None:
        return None
    gaz = Gazetteer.load()
    links = {link.key: link.span for link in found.mentions if link.key.startswith("region/")
             and gaz.get(found.entities[link.key].place).level == _LEVEL_OF[word]}  # type: ignore[attr-defined]
    return next(iter(links.items())) if len(links) == 1 else None


def _foreign_governments(text: str, found: Findings) -> list[Organization]:
    """'Seoul Metropolitan Government', 'Fukuoka Prefectural Government': a foreign city's or
    region's government named in English after it."""
    gaz = Gazetteer.load()
    out: list[Organization] = []
    for link in found.mentions:
        if not link.key.startswith("region/"):
            continue
        place = gaz.get(found.entities[link.key].place)  # type: ignore[attr-defined]
        m = _FOREIGN_GOVERNMENT.match(text, link.span.end)
        if m is None or place.level not in ("foreign-city", "foreign-region"):
            continue
        name = " ".join(text[link.span.start : m.end()].split())
        org = Organization(key("org", name), name, kind="foreign-agency", government=True, region=link.key)
        out.append(_with_alias(org, name, Span(link.span.start, m.end())))
        found.mention(org.key, Span(link.span.start, m.end()))
    return out


@functools.cache
def org_tails() -> dict[str, str]:
    """English words that end a foreign body's name ("Bureau", "Authority"), with its kind."""
    return {row["tail"]: row["kind"] for row in table("org_tails.csv")}


def _foreign_bodies(text: str, found: Findings, tokens: list[Token]) -> list[Organization]:
    """'Kitakyushu City Environment Bureau', 'Port of Rotterdam Authority': capitalized words
    around a foreign city or region that end in a body's tail word name a body of that place."""
    gaz = Gazetteer.load()
    tails = org_tails()
    taken = [(l.span.start, l.span.end) for l in found.mentions if l.key.startswith("org/")]
    index = {t.start: i for i, t in enumerate(tokens)}
    out: list[Organization] = []
    for link in list(found.mentions):
        if not link.key.startswith("region/") or link.span.start not in index:
            continue
        place = gaz.get(found.entities[link.key].place)  # type: ignore[attr-defined]
        if place.level not in ("foreign-city", "foreign-region"):
            continue
        first = index[link.span.start]
        last = next((j for j in range(first, len(tokens)) if tokens[j].end >= link.span.end), first) + 1
        if first >= 2 and tokens[first - 1].text == "of" and tokens[first - 2].is_cap and tokens[first - 2].text.isalpha():
            first -= 2  # 'Port of Rotterdam ...'
        end = None
        for j in range(last, min(last + 4, len(tokens))):
            if not (tokens[j].is_cap and tokens[j].text.isalpha()) or "\n" in text[tokens[j - 1].end : tokens[j].start]:
                break
            if tokens[j].text in tails:
                end = j + 1
        if end is None or any(lo < tokens[end - 1].end and tokens[first].start < hi for lo, hi in taken):
            continue
        span = Span(tokens[first].start, tokens[end - 1].end)
        name = " ".join(text[span.start : span.end].split())
        org = Organization(key("org", name), name, kind=tails[tokens[end - 1].text], government=True, region=link.key)
        out.append(org)
        found.mention(org.key, span)
        taken.append((span.start, span.end))
    return out


def _universities_of(text: str, found: Findings, tokens: list[Token]) -> list[Organization]:
    """'University of Melbourne': a university head word, 'of' and up to three capitalized words
    (not when a capitalized word follows: that may be a person's name after the office)."""
    heads = {h for h, kind in org_heads().items() if kind == "university" and " " not in h}
    taken = [(l.span.start, l.span.end) for l in found.mentions if l.key.startswith("org/")]
    out: list[Organization] = []
    for i, tok in enumerate(tokens[:-2]):
        if tok.text not in heads or tokens[i + 1].text != "of" or _inside(taken, tok.start):
            continue
        j = i + 2
        while j < len(tokens) and j - i - 2 < 3 and tokens[j].is_cap and tokens[j].text.isalpha() \
                and text[tokens[j - 1].end : tokens[j].start] == " ":
            j += 1
        if j == i + 2 or (j < len(tokens) and tokens[j].is_cap and tokens[j].text.isalpha()):
            continue
        span = Span(tok.start, tokens[j - 1].end)
        name = text[span.start : span.end]
        org = Organization(key("org", name), name, kind="university")
        out.append(org)
        found.mention(org.key, span)
    return out


def _list_joint(text: str, tokens: list[Token], m: Match[Institution], following: Match[Institution]) -> bool:
    """Only a list separator (", ", " dan ", ", serta ") between two bodies."""
    gap = text[tokens[_after_paren(tokens, m.last) - 1].end : following.start]
    return _LIST_GAP.fullmatch(gap) is not None


def _stated_level(gaz: Gazetteer, inst: Institution, place: Place) -> Place:
    """The region of the level a government's name states ("Pemerintah Kota (Pemkot) Malang" is
    Kota Malang even where a bare "Malang" is the regency)."""
    word = _GOVERNMENT_LEVEL.get(inst.name)
    if word is None or place.level == _LEVEL_OF[word]:
        return place
    bare = place.name.split(" ", 1)[-1] if place.level in ("regency", "city") else place.name
    same = [p for p in gaz.lookup(f"{word} {bare}") if p.level == _LEVEL_OF[word]]
    return same[0] if same else place


def _after_paren(tokens: list[Token], last: int) -> int:
    """The token index after a parenthesized acronym at tokens[last] ("(BPSDM)"), else last."""
    if last >= len(tokens) or tokens[last].text != "(":
        return last
    for j in range(last + 1, min(last + 2 + _PAREN_MAX, len(tokens))):
        if tokens[j].text == ")":
            return j + 1 if j > last + 1 else last
        if not tokens[j].text[:1].isalnum() and tokens[j].text != "-":
            return last
    return last


def _region_link(found: Findings, start: int | None = None, end: int | None = None) -> tuple[str, Span] | None:
    """The region mentioned from character ``start`` on, or up to character ``end``."""
    for link in found.mentions:
        if link.key.startswith("region/") and (link.span.start == start or link.span.end == end):
            return link.key, link.span
    return None


def _units_of(text: str, found: Findings, tokens: list[Token], m: Match[Institution],
              parent: Organization) -> list[tuple[Organization, Span]]:
    """Offices of a national body named around it: "BPKP Perwakilan Aceh", "Kantor Regional VI
    BKN Medan", "BPKP representative office in West Sumatra", an association's regional chapter
    ("APDESI Bangka Barat"), a company's city branch."""
    gaz = Gazetteer.load()
    out: list[tuple[Organization, Span]] = []
    after = tokens[_after_paren(tokens, m.last) - 1].end
    rep = _REP_AFTER.match(text, after)
    near = _region_link(found, start=rep.end()) if rep else None
    before = _REP_BEFORE.search(text, 0, m.start)
    if near is None and before is not None:
        near = _region_link(found, end=before.start())
    if near is not None:
        place = gaz.get(found.entities[near[0]].place)  # type: ignore[attr-defined]
        name = f"{parent.name} Perwakilan {display_name(place)}"
        out.append((_unit(parent, name, region_key(place.key)),
                    Span(min(m.start, near[1].start), max(m.end, near[1].end))))
    office = _REGIONAL_OFFICE.search(text, 0, m.start)
    if office is not None:
        name = f"{_OFFICE_NAMES[office.group(1).lower()]} {office.group(2)} {parent.name}".replace("  ", " ")
        city = _region_link(found, start=m.end + 1) if text[m.end : m.end + 1] == " " else None
        out.append((_unit(parent, name, None), Span(office.start(), city[1].end if city else m.end)))
    if parent.kind == "association" and text[after : after + 1] == " ":
        branch = _region_link(found, start=after + 1)  # 'APDESI Babar': its regency's chapter
        if branch is not None and branch[0].startswith("region/id-"):
            place = gaz.get(found.entities[branch[0]].place)  # type: ignore[attr-defined]
            out.append((_unit(parent, f"{parent.name} {display_name(place)}", region_key(place.key)),
                        Span(m.start, branch[1].end)))
    if parent.kind == "company" and text[m.end : m.end + 1] == " ":
        city = _region_link(found, start=m.end + 1)
        if city is not None and city[0].count(".") == 1:
            out.append((parent, Span(m.start, city[1].end)))
    return out


def _unit(parent: Organization, name: str, region: str | None) -> Organization:
    return Organization(key("org", name), name, kind=parent.kind, government=parent.government,
                        region=region, parent=parent.key)


def _unknown_units(article: Article, found: Findings, tokens: list[Token],
                   known: dict[str, Organization]) -> list[Organization]:
    """A regional office not in the lexicon, named by its head word and followed by its region:
    "Dinas Koperasi Kabupaten Malang", "Badan Perencanaan Pembangunan Daerah Provinsi Jawa Timur"."""
    gaz = Gazetteer.load()
    taken = [link.span for link in found.mentions if link.key.startswith("org/")]
    out: list[Organization] = []
    for i, tok in enumerate(tokens):
        if tok.text not in _UNIT_HEADS or any(s.start <= tok.start < s.end for s in taken):
            continue
        found_region = _unit_region(found, tokens, i) or _unit_through(article.body, found, tokens, i, known)
        if found_region is None:
            continue
        j, (rkey, rspan) = found_region
        place = gaz.get(found.entities[rkey].place)  # type: ignore[attr-defined]
        words = article.body[tok.start : tokens[j - 1].end]
        name = f"{' '.join(words.split())} {display_name(place)}"
        org = Organization(key("org", name), name, kind="regional-unit", government=True,
                           region=region_key(place.key), parent=government_of(place).key)
        span = Span(tok.start, rspan.end)
        out.append(_with_alias(org, article.body[span.start : span.end], span))
        found.mention(org.key, span)
        taken.append(span)
    return out


def _unit_through(text: str, found: Findings, tokens: list[Token], i: int,
                  known: dict[str, Organization]) -> tuple[int, tuple[str, Span]] | None:
    """'Pemkab Aceh Besar melalui Dinas Pemberdayaan Masyarakat dan Gampong (DPMG) menggelar':
    a unit a government acts through is that government's; its name runs to the bracket."""
    for link in found.mentions:
        org = known.get(link.key) or found.entities.get(link.key)
        if isinstance(org, Organization) and org.kind == "regional-government" and org.region \
                and _THROUGH.match(text[link.span.end : tokens[i].start]):
            j = i + 1
            while j < len(tokens) and j - i <= _UNIT_MAX_WORDS and (tokens[j].is_cap or tokens[j].low in _UNIT_CONNECTORS):
                j += 1
            while j > i + 1 and tokens[j - 1].low in _UNIT_CONNECTORS:
                j -= 1
            if j == i + 1:
                return None
            region = next((l for l in found.mentions if l.key == org.region), None)
            return (j, (org.region, Span(tokens[i].start, tokens[j - 1].end))) if region else None
    return None


def _unit_region(found: Findings, tokens: list[Token], i: int) -> tuple[int, tuple[str, Span]] | None:
    """(index of the first region token, region) when tokens[i+1:] are name words up to a region."""
    j = i + 1
    while j < len(tokens) and j - i <= _UNIT_MAX_WORDS:
        near = _region_link(found, start=tokens[j].start)
        if near is not None:
            last = tokens[j - 1].low
            return (j, near) if j > i + 1 and last not in _CONNECTORS and last != "," else None
        word = tokens[j].text
        if not (word[:1].isupper() or word.lower() in _UNIT_CONNECTORS):
            return None
        j += 1
    return None


def _acronym_mentions(text: str, found: Findings, tokens: list[Token],
                      orgs: list[Organization]) -> list[Organization]:
    """'Dinas Pemberdayaan Masyarakat dan Kalurahan (DPMK) Kabupaten Bantul' defines 'DPMK' for
    this article: a later 'DPMK' or 'DPMK Bantul' names that body (not one of another region)."""
    by_key = {o.key: o for o in orgs}
    defined: dict[str, tuple[Organization, int]] = {}
    for link in found.mentions:
        org = by_key.get(link.key)
        if org is None:
            continue
        for m in _INNER_ACRONYM.finditer(text, link.span.start, link.span.end):
            acronym = m.group(1)
            if sum(c.isupper() for c in acronym) >= 2 and acronym not in defined:
                defined[acronym] = (org, link.span.end)
    if not defined:
        return []
    taken = [(l.span.start, l.span.end) for l in found.mentions if l.key.startswith(("org/", "region/"))]
    starts = {l.span.start: l for l in found.mentions if l.key.startswith("region/")}
    out: list[Organization] = []
    for i, tok in enumerate(tokens):
        hit = defined.get(tok.text)
        if hit is None or tok.start < hit[1] or _inside(taken, tok.start):
            continue
        org, end = hit[0], tok.end
        region = starts.get(tokens[i + 1].start) if i + 1 < len(tokens) and tokens[i + 1].start == tok.end + 1 else None
        if region is not None:
            if region.key != org.region:
                continue  # the same letters for another region's body
            end = region.span.end
        found.mention(org.key, Span(tok.start, end))
        out.append(_with_alias(org, text[tok.start : end], Span(tok.start, end)))
    return out


def _units_before(text: str, found: Findings, tokens: list[Token],
                  orgs: list[Organization]) -> list[Organization]:
    """'Humas Pemkab Aceh Besar', 'Komisi II DPR RI', 'Bagian Pengadaan Barang dan Jasa Setda Kota
    Malang': a unit named by a head word before its organization is a unit of that organization.
    The head word starts the phrase: after 'Kepala' it is part of an office ('Kepala Bagian')."""
    heads = unit_heads()
    by_key = {o.key: o for o in orgs}
    at: dict[int, Link] = {}
    for link in found.mentions:
        if link.key in by_key and (link.span.start not in at or link.span.end > at[link.span.start].span.end):
            at[link.span.start] = link
    out: list[Organization] = []
    for i, tok in enumerate(tokens):
        how = heads.get(tok.low)
        if how is None or not tok.is_cap or tok.start in at or _in_phrase(tokens, i):
            continue
        j = i + 1
        if how == "numeral":
            j += j < len(tokens) and _NUMERAL.match(tokens[j].text) is not None
        elif how == "words":
            while j < len(tokens) and j - i <= _UNIT_MAX_WORDS and tokens[j].start not in at \
                    and (tokens[j].is_cap or tokens[j].low in _UNIT_CONNECTORS | {"/"}):
                j += 1
            while j > i + 1 and tokens[j - 1].low in _UNIT_CONNECTORS | {"/"}:
                j -= 1
        if j >= len(tokens) or j - i - 1 < (how != "none") or text[tokens[j - 1].end : tokens[j].start] != " ":
            continue  # no numeral or name words where the head word needs them
        found_link = at.get(tokens[j].start)
        if found_link is None:
            continue
        parent = by_key[found_link.key]
        words = " ".join([tok.text[:1].upper() + tok.text[1:].lower(), *(t.text for t in tokens[i + 1 : j])])
        words = re.sub(r" ?/ ?", "/", words)
        name = f"{words} {parent.name}"
        kind = "regional-unit" if parent.kind == "regional-government" else parent.kind
        unit = Organization(key("org", name), name, kind=kind, government=parent.government,
                            region=parent.region, parent=parent.key)
        span = Span(tok.start, found_link.span.end)
        found.mention(unit.key, span)
        out.append(_with_alias(unit, text[span.start : span.end], span))
    return out


def _in_phrase(tokens: list[Token], i: int) -> bool:
    """Whether token i continues a capitalized phrase on its line ('Kepala Bagian')."""
    return i > 0 and tokens[i - 1].is_cap and tokens[i - 1].text.isalpha() and tokens[i].start - tokens[i - 1].end == 1


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(lo <= offset < hi for lo, hi in spans)


@functools.cache
def renamed_cues() -> dict[str, str]:
    """Words between a body's two names that say it was renamed -> which name is the old one."""
    return {row["cue"]: row["kind"] for row in table("renamed_cues.csv")}


def _rename_gap(gap: str) -> str | None:
    """'former' or 'now' when the text between two names says one renamed the other
    (', yang sebelumnya bernama ', ' (formerly the '), else None."""
    words = gap.strip().lstrip(",(").lower().split()
    if words[:1] == ["yang"]:
        words = words[1:]
    elif words[:2] == ["which", "was"]:
        words = words[2:]
    if words[-1:] == ["the"]:
        words = words[:-1]
    return renamed_cues().get(" ".join(words)) if words else None


def _renamed(text: str, found: Findings, out: list[Organization]) -> list[Organization]:
    """'Komdigi, yang sebelumnya bernama Kementerian Komunikasi dan Informatika (Kominfo)',
    'X, formerly Y', 'Y, kini bernama X': the old name is the same body as the new one, an
    alias of it in this article, not a body of its own."""
    links = sorted((l for l in found.mentions if l.key.startswith("org/")), key=lambda l: (l.span.start, -l.span.end))
    old_of: dict[str, str] = {}
    prev: Link | None = None
    for link in links:
        if prev is not None and prev.key != link.key and 0 < link.span.start - prev.span.end <= 40:
            kind = _rename_gap(text[prev.span.end : link.span.start])
            if kind == "former":
                old_of.setdefault(link.key, prev.key)
            elif kind == "now":
                old_of.setdefault(prev.key, link.key)
        if prev is None or link.span.end > prev.span.end:
            prev = link
    old_of = {old: new for old, new in old_of.items() if new not in old_of}
    if not old_of:
        return out
    found.mentions[:] = [Link(old_of.get(l.key, l.key), l.span) for l in found.mentions]
    by_key = {o.key: o for o in out}
    renamed: list[Organization] = []
    for org in out:
        new = old_of.get(org.key)
        if new is None or new not in by_key:
            renamed.append(org)
            continue
        head = by_key[new]
        renamed.append(replace(head, aliases=tuple(sorted({*org.aliases, org.name} - {head.name})), span=org.span))
    return [replace(o, parent=old_of.get(o.parent, o.parent)) if o.parent in old_of else o for o in renamed]


def _with_alias(org: Organization, surface: str, span: Span) -> Organization:
    surface = " ".join(surface.split())
    aliases = () if surface == org.name else (surface,)
    return Organization(org.key, org.name, aliases, span, kind=org.kind, government=org.government,
                        region=org.region, parent=org.parent)


def _defined_by_acronym(article: Article, found: Findings, ends: set[int]) -> list[Organization]:
    """'Local Government Officials Development Institute (LOGODI)' and the like."""
    out: list[Organization] = []
    known = {link.span.start for link in found.mentions if link.key.startswith("org/")}
    for m in _ACRONYM_DEF.finditer(article.body):
        acronym = m.group(2)
        words = _trimmed(m.group(1).split(), acronym)
        kind = _head_kind(words)
        start = m.end(1) - len(" ".join(words)) if words else m.start(1)
        if start in known or m.end(1) in ends:
            continue  # an organization already found: not a concept
        if kind is None or not _initials_fit(words, acronym) or " ".join(words) in generic_bodies():
            found.expansions.setdefault(acronym, " ".join(words))
            continue
        name = " ".join(words)
        org = Organization(key("org", name), name, (acronym,), Span(start, m.end(2)), kind=kind)
        out.append(org)
        found.mention(org.key, Span(start, m.end(2)))
        for later in re.finditer(rf"\b{re.escape(acronym)}\b", article.body):
            if later.start() > m.end():
                found.mention(org.key, Span(later.start(), later.end()))
    return out


def _trimmed(words: list[str], acronym: str) -> list[str]:
    """The words from the first one that starts the acronym and still spells it
    ("Kepala Badan Kepegawaian Daerah (BKD)" -> "Badan Kepegawaian Daerah")."""
    while words and words[0].lower() in _CONNECTORS:
        words = words[1:]
    for i, word in enumerate(words):
        rest = words[i:]
        if word[:1].upper() == acronym[:1].upper() and _initials_fit(rest, acronym):
            return rest
    return words


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
