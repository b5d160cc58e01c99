"""Venues: named places that are not regions ("Kampus LOGODI", "Hotel Santika Bogor").

A venue is a venue head word (data file ``venue_heads.csv``) followed by capitalized words or
acronyms; a spelled-out body with its acronym in brackets ("Aula Badan Pengembangan Sumber Daya
Manusia (BPSDM) Provinsi Papua Tengah") is named without the brackets and also answers to the
acronym form ("Aula BPSDM Provinsi Papua Tengah"). A room followed by its building ("Aula Sultan
Serdang, Kantor Bupati Sergai") is one venue. English puts the head last, in lower case ("at the
Royal Safari Garden hotel"). A venue lies in the region its name ends with, or else in the region
named right after it, past place names set off by commas ("di Kampus LOGODI di Kota Jeonju",
"Hotel Royal Safari Garden, Cisarua, Bogor"). Villages are not in the gazetteer: a village
gone to ("ke Nagari Pariangan", "di Desa Kutuh, Kecamatan Kuta Selatan") is a venue too, of
level "village": the graph types it as an administrative area (kap:Village) when its region is
known. A place named twice lies in the most specific region either mention gives. A school or
university named right after 'di' / 'at' ("at the KDI School of Public Policy and Management in
Sejong") is also its campus, a venue of the same name. A few capitalized words after 'di' /
'at', ended by a town written bare ("di Inixindo Bandung"), are a venue in that town too. One
or two capitalized words after 'di' / 'in' set off by a comma before a region ("di Sentul,
Bogor", "in Pejompongan, Jakarta") are an area of it not in the gazetteer, of village level;
so are those after a regency or city and 'di' ("se-Kabupaten X di Enarotali, 6-8 Agustus"), a
town of it. Words the text also writes in lower case are no such name.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import replace

from kg.gazetteer import Gazetteer
from kg.keys import key
from kg.matcher import PhraseMatcher, Token, tokenize
from kg.model import Article, Findings, Organization, Region, Span, Venue
from kg.resources import column, table

ROOM_WORDS = frozenset({"Aula", "Ruang", "Ballroom", "Bangsal", "Hall", "Auditorium"})
LINKERS = frozenset({"di", "in", "at", ","})
MAX_NAME = 12
EN_HEADS = frozenset({"hotel", "campus", "building", "auditorium", "hall", "convention", "resort"})
EN_BEFORE = frozenset({"the"})
MAX_CHUNKS = 3
MAX_VILLAGE = 4
CAMPUS_KINDS = frozenset({"training-institution", "university"})  # bodies whose name also names their campus
_AFTER_AT = re.compile(r"\b(?:[Dd]i|[Aa]t) (?:[A-Z][\w-]* ){1,3}\Z")
_AT = re.compile(r"(?:^|\s)(?:di|at|at the)\s+\Z", re.I)


@functools.cache
def head_matcher() -> PhraseMatcher[str]:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for head in column("venue_heads.csv", "head"):
        matcher.add(head, head, case_sensitive=True)
    return matcher


def extract(article: Article, found: Findings) -> list[Venue]:
    text = article.body
    tokens = tokenize(text)
    spans = _head_spans(text, tokens, _org_ends(found)) + _english_spans(text, tokens) \
        + _town_ended_spans(text, tokens, found)
    villages = _village_spans(tokens, {l.span.start for l in found.mentions if l.key.startswith("region/")})
    areas = _area_spans(text, tokens, found)
    towns = _towns_of(text, tokens, found)
    areas += list(towns)
    out: list[Venue] = []
    for first, last in _joined(text, tokens, sorted(spans + villages + areas)):
        span = Span(tokens[first].start, tokens[last - 1].end)
        name, aliases, short = _names(text, tokens[first:last])
        level = None
        if (first, last) in villages:  # 'Nagari Pariangan' is also 'Pariangan'
            aliases = tuple(sorted({*aliases, name.split(" ", 1)[1]}))
            level = "village"
        elif (first, last) in areas:
            level = "village"
        within = towns.get((first, last)) or _inner_region(found, span) or _next_region(text, found, tokens, last)
        venue = Venue(key("place", short), name, aliases, span=span, within=within, level=level)
        out.append(venue)
        found.mention(venue.key, span)
    for org, span in _institutions_at(text, found, out):
        within = org.region or _next_region(text, found, tokens, _token_after(tokens, span.end))
        venue = Venue(key("place", org.name), org.name, span=span, within=within)
        out.append(venue)
        found.mention(venue.key, span)
    return _deepest_within(out, found)


def _institutions_at(text: str, found: Findings, venues: list[Venue]) -> list[tuple[Organization, Span]]:
    """'at the KDI School of Public Policy and Management in Sejong', 'di Universitas X': a
    school or university named right after 'di' / 'at' stands for its premises, a place -
    unless a venue of the text already names them ('Kampus LOGODI' before 'di LOGODI')."""
    named = [f" {n} " for v in venues for n in (v.name, *v.aliases)]
    out: list[tuple[Organization, Span]] = []
    for link in found.mentions:
        org = found.entities.get(link.key)
        if isinstance(org, Organization) and org.kind in CAMPUS_KINDS \
                and _AT.search(text, max(0, link.span.start - 8), link.span.start) \
                and not any(f" {n} " in v for n in (org.name, *org.aliases) for v in named):
            out.append((org, link.span))
    return out


def _token_after(tokens: list[Token], end: int) -> int:
    """The index of the first token that starts at or after ``end``."""
    return bisect.bisect_left([t.start for t in tokens], end)


def _deepest_within(venues: list[Venue], found: Findings) -> list[Venue]:
    """A place named twice lies in the most specific region either mention gives: 'ke Desa
    Kutuh Bali' in the headline, 'di Desa Kutuh, Kecamatan Kuta Selatan' in the story."""
    gaz = Gazetteer.load()

    def depth(region: str | None) -> int:
        place = found.entities.get(region or "")
        return len(gaz.ancestors(place.place)) + 1 if isinstance(place, Region) else 0

    best: dict[str, Venue] = {}
    for v in venues:
        if v.key not in best or depth(v.within) > depth(best[v.key].within):
            best[v.key] = v
    return [replace(v, within=best[v.key].within) for v in venues]


def _org_ends(found: Findings) -> dict[int, int]:
    """Where each organization named in the text starts -> where its name ends."""
    ends: dict[int, int] = {}
    for link in found.mentions:
        if link.key.startswith("org/"):
            ends[link.span.start] = max(ends.get(link.span.start, 0), link.span.end)
    return ends


def _head_spans(text: str, tokens: list[Token], org_ends: dict[int, int]) -> list[tuple[int, int]]:
    """(first, last) token ranges of '<Head> <Capitalized words>' venues; an organization named
    after the head is part of the venue's name, commas and all ('Aula Badan Kepegawaian,
    Pendidikan dan Pelatihan (BKPP) Kabupaten Kediri')."""
    out: list[tuple[int, int]] = []
    for m in head_matcher().find(text, tokens):
        last = m.last
        while last < len(tokens) and last - m.first < MAX_NAME:
            org_end = org_ends.get(tokens[last].start)
            if org_end is not None and tokens[last].start <= tokens[last - 1].end + 1:
                while last < len(tokens) and tokens[last].end <= org_end:
                    last += 1
                continue
            step = _bracket(tokens, last) or (1 if _name_token(tokens[last], tokens[last - 1]) else 0)
            if not step:
                break
            last += step
        if last > m.last:
            out.append((m.first, last))
    return out


@functools.cache
def village_heads() -> frozenset[str]:
    return frozenset(column("village_heads.csv", "head"))


@functools.cache
def _introducers() -> frozenset[str]:
    """Words after which a village named is a place gone to: 'di', 'ke', 'mengunjungi'."""
    visits = {row["cue"] for row in table("place_cues.csv") if row["kind"] == "visit"}
    return frozenset({"di", "ke", "in", "at", "to"} | visits)


def _village_spans(tokens: list[Token], regions: set[int]) -> list[tuple[int, int]]:
    """'ke Nagari Pariangan', 'mengunjungi ... serta Desa Kemiren': a village head and its name
    right after a word that introduces a place, or after 'dan' / 'serta' that ends a list of
    names so introduced; the name ends where a region starts ('ke Desa Kutuh Bali'). A village
    named in an office ('Kepala Desa Kutuh') is no place here, unless its region is set off after
    it ('Keuchik Gampong Lam Ujong, Kecamatan Baitussalam')."""
    heads, intro = village_heads(), _introducers()
    out: list[tuple[int, int]] = []
    for i in range(1, len(tokens) - 1):
        if tokens[i].text not in heads:
            continue
        before = tokens[i - 1].low
        introduced = before in intro or (before in ("dan", "serta", "and") and i > 1 and tokens[i - 2].is_cap)
        last = i + 1
        while last < len(tokens) and last - i <= MAX_VILLAGE and tokens[last].text.isalpha() \
                and _name_token(tokens[last], tokens[last - 1]) and tokens[last].start not in regions:
            last += 1
        if last > i + 1 and (introduced or _region_set_off(tokens, last, regions)):
            out.append((i, last))
    return out


def _region_set_off(tokens: list[Token], i: int, regions: set[int]) -> bool:
    """True when token i is a comma and a region follows it: 'Keuchik Gampong Lam Ujong,
    Kecamatan Baitussalam' names the village, in an office or not."""
    return i + 1 < len(tokens) and tokens[i].text == "," and tokens[i + 1].start in regions


def _bracket(tokens: list[Token], i: int) -> int:
    """3 when tokens i.. are '(' ACRONYM ')' right after a name word, else 0."""
    if i + 2 < len(tokens) and tokens[i].text == "(" and tokens[i + 2].text == ")" \
            and tokens[i + 1].text.isupper() and tokens[i + 1].text.isalpha():
        return 3
    return 0


MAX_TOWN_NAME = 3  # capitalized words before the town that ends a venue's name without a head


@functools.cache
def _not_venue_words() -> frozenset[str]:
    """Level words, government cues and village heads: before a region they make a region, an
    office or a village, not a venue ('di Kecamatan X', 'di Pemkab X', 'di Desa X')."""
    return frozenset(w.lower() for w in (*column("regions_words.csv", "word"), *column("village_heads.csv", "head")))


def _town_ended_spans(text: str, tokens: list[Token], found: Findings) -> list[tuple[int, int]]:
    """'di Inixindo Bandung', 'at Grand Mercure Malang': after 'di' / 'at', a few capitalized
    words that no other name covers, ended by a town written bare (no level word), are a venue
    in that town, named without a head word (a training centre's branch, a hotel's brand)."""
    regions = [l for l in found.mentions if l.key.startswith("region/")
               and _AFTER_AT.search(text, max(0, l.span.start - 60), l.span.start)]
    if not regions:
        return []
    taken = [l.span for l in found.mentions if l.key.startswith(("org/", "place/", "region/"))]
    branches = {(l.span.start, l.span.end) for l in found.mentions if l.key.startswith("org/")}
    starts = [t.start for t in tokens]
    stop = _not_venue_words()
    out: list[tuple[int, int]] = []
    for link in regions:
        i = bisect.bisect_left(starts, link.span.start)
        last = bisect.bisect_left(starts, link.span.end)
        if i >= len(tokens) or tokens[i].start != link.span.start or tokens[i].low in stop:
            continue
        if last < len(tokens) and tokens[last].is_cap and tokens[last].start == link.span.end + 1:
            continue  # the name goes on past the town
        first = i
        while first > 0 and i - first < MAX_TOWN_NAME and tokens[first - 1].is_cap \
                and tokens[first - 1].low not in stop and _name_token(tokens[first - 1], tokens[first - 1]) \
                and tokens[first - 1].end + 1 >= tokens[first].start:
            first -= 1
            if (tokens[first].start, link.span.end) in branches:
                break  # a body named with its town: 'di Inixindo Bandung'
            if any(s.start <= tokens[first].start < s.end for s in taken):
                first = i
                break
        if i > first > 0 and tokens[first - 1].low in ("di", "at"):
            out.append((first, last))
    return out


_LIST_GOES_ON = re.compile(r"\s+(?:dan|serta|atau|and|or)\s")  # 'di Asia, Jepang dan Korea': a list
MAX_AREA_NAME = 2  # words of an area's bare name before its town ('di Pejompongan, Jakarta')


def _area_spans(text: str, tokens: list[Token], found: Findings) -> list[tuple[int, int]]:
    """'di Sentul, Bogor', 'in Pejompongan, Jakarta': after 'di' / 'in', one or two capitalized
    words that no other name covers and the text never writes in lower case, set off by a comma
    before a region, are an area of that region not in the gazetteer (a kelurahan, a
    neighbourhood), a place of village level - unless the region is a country or the names go on
    as a list ('di Asia, Jepang dan Korea')."""
    gaz = Gazetteer.load()
    regions = [l for l in found.mentions if l.key.startswith("region/")
               and text[max(0, l.span.start - 2) : l.span.start] == ", " and not _LIST_GOES_ON.match(text, l.span.end)
               and gaz.get(found.entities[l.key].place).level != "country"]  # type: ignore[attr-defined]
    if not regions:
        return []
    taken = [l.span for l in found.mentions if l.key.startswith(("org/", "place/", "region/", "person/"))]
    starts = [t.start for t in tokens]
    stop, heads = _not_venue_words(), _venue_head_words()
    out: list[tuple[int, int]] = []
    for link in regions:
        comma = bisect.bisect_left(starts, link.span.start) - 1
        first = comma
        while first > 0 and comma - first < MAX_AREA_NAME and tokens[first - 1].is_cap \
                and tokens[first - 1].text.isalpha() and tokens[first - 1].low not in stop \
                and tokens[first - 1].text not in heads and tokens[first - 1].end + 1 >= tokens[first].start:
            first -= 1
        if first == comma or first == 0 or tokens[first - 1].text not in ("di", "in") \
                or any(s.start < tokens[comma - 1].end and tokens[first].start < s.end for s in taken) \
                or _common_word(text, tokens[first:comma]):
            continue
        out.append((first, comma))
    return out


def _towns_of(text: str, tokens: list[Token], found: Findings) -> dict[tuple[int, int], str]:
    """'kepala kampung se-Kabupaten X di Enarotali, 6-8 Agustus': one or two capitalized words
    that no other name covers and the text never writes in lower case, after a regency or city
    and 'di', ended there, are a town of that regency or city not in the gazetteer (its seat, a
    kelurahan), a place of village level."""
    gaz = Gazetteer.load()
    regions = [l for l in found.mentions if l.key.startswith("region/") and text.startswith(" di ", l.span.end)
               and gaz.get(found.entities[l.key].place).level in ("regency", "city")]  # type: ignore[attr-defined]
    if not regions:
        return {}
    taken = [l.span for l in found.mentions if l.key.startswith(("org/", "place/", "region/", "person/"))]
    starts = [t.start for t in tokens]
    stop, heads = _not_venue_words(), _venue_head_words()
    out: dict[tuple[int, int], str] = {}
    for link in regions:
        first = bisect.bisect_left(starts, link.span.end + 4)
        last = first
        while last < len(tokens) and last - first < MAX_AREA_NAME and tokens[last].is_cap \
                and tokens[last].text.isalpha() and tokens[last].low not in stop \
                and tokens[last].text not in heads and (last == first or tokens[last - 1].end + 1 >= tokens[last].start):
            last += 1
        if last == first or (last < len(tokens) and tokens[last].is_cap and tokens[last].start == tokens[last - 1].end + 1) \
                or any(s.start < tokens[last - 1].end and tokens[first].start < s.end for s in taken) \
                or _common_word(text, tokens[first:last]):
            continue
        out[(first, last)] = link.key
    return out


def _common_word(text: str, words: list[Token]) -> bool:
    """True when the text also writes one of the words in lower case ('di Lingkungan Setda'
    beside 'di lingkungan'): an ordinary word, no place's name."""
    return any(re.search(rf"\b{re.escape(t.low)}\b", text) for t in words)


@functools.cache
def _venue_head_words() -> frozenset[str]:
    """The first words of venue heads ('Hotel', 'Gedung') and English heads: no area's name."""
    return frozenset({h.split()[0] for h in column("venue_heads.csv", "head")} | {h.title() for h in EN_HEADS})


def _english_spans(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """'at the Royal Safari Garden hotel': capitalized words between 'the' and a lower-case head."""
    out: list[tuple[int, int]] = []
    for i, tok in enumerate(tokens):
        if tok.text not in EN_HEADS:
            continue
        first = i
        while first > 0 and i - first < MAX_NAME and _name_token(tokens[first - 1], tokens[first - 1]) \
                and tokens[first - 1].is_cap:
            first -= 1
        if first < i and first > 0 and tokens[first - 1].low in EN_BEFORE:
            out.append((first, i))
    return out


def _joined(text: str, tokens: list[Token], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A room and the building it is in, written 'Aula X, Kantor Y', are one venue."""
    out: list[tuple[int, int]] = []
    for first, last in spans:
        if out and out[-1][1] + 1 == first and tokens[first - 1].text == "," \
                and text[tokens[first - 2].end : tokens[first].start].strip() == ",":
            out[-1] = (out[-1][0], last)
        elif out and first < out[-1][1]:
            continue
        else:
            out.append((first, last))
    return out


def _names(text: str, toks: list[Token]) -> tuple[str, tuple[str, ...], str]:
    """The name without bracketed acronyms; the other forms (as written, acronym for words); the
    acronym form, which keys the venue so that a later 'Kampus BPSDM Kaltim' is the same place."""
    surface = " ".join(text[toks[0].start : toks[-1].end].split())
    name = " ".join(re.sub(r"\s*\([A-Z]+\)", "", surface).split())
    head, _, rest = surface.partition(" ")
    short = head + " " + re.sub(r"(?:[A-Z][\w-]*,?\s+(?:(?:dan|and|&)\s+)?)+\((?P<acr>[A-Z]+)\)", lambda m: m["acr"], rest)
    short = " ".join(short.split())
    aliases = tuple(sorted(({surface, short} | _parts(name)) - {name}))
    return name, aliases, short


def _parts(name: str) -> set[str]:
    """A room and its building are also named apart: 'Aula Hotel Grand Nanggroe' is also 'Hotel
    Grand Nanggroe'; 'Aula Sultan Serdang, Kantor Bupati Sergai' is also each of the two."""
    heads = set(column("venue_heads.csv", "head"))
    parts = [p.strip() for p in name.split(",")]
    out = set(parts) if len(parts) > 1 and all(p.partition(" ")[0] in heads for p in parts[1:]) else set()
    words = name.split()
    for i in range(1, len(words) - 1):
        if words[i] in heads and words[0] in ROOM_WORDS:
            out.add(" ".join(words[i:]).split(",")[0].strip())
            break
    return {p for p in out if len(p.split()) >= 2}


def _name_token(tok: Token, prev: Token) -> bool:
    return (tok.text[:1].isupper() or tok.text.isdigit()) and tok.text.replace("-", "").isalnum() and tok.start <= prev.end + 1


def _inner_region(found: Findings, span: Span) -> str | None:
    inside = [l for l in found.mentions if l.key.startswith("region/") and span.start < l.span.start and l.span.end <= span.end]
    return inside[-1].key if inside else None


def _next_region(text: str, found: Findings, tokens: list[Token], i: int) -> str | None:
    """The region named after the venue: after 'di' / 'in' / ',' and up to a few comma-set names."""
    chunks = 0
    while i < len(tokens) and chunks <= MAX_CHUNKS:
        while i < len(tokens) and tokens[i].low in LINKERS:
            i += 1
        if i >= len(tokens):
            return None
        region = found.key_at(tokens[i].start, "region/")
        if region is not None:
            return region
        if not tokens[i].is_cap or "\n" in text[tokens[i - 1].end : tokens[i].start]:
            return None
        while i < len(tokens) and tokens[i].is_cap and tokens[i].text.isalpha():
            i += 1
        if i >= len(tokens) or tokens[i].text != ",":
            return None
        chunks += 1
    return None
