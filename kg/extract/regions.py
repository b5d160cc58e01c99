"""Regions: every gazetteer place named in the story, and the dateline place.

A bare name shared by a Kabupaten and a Kota ("Bandung") takes the level the text states next
to it ("Bandung regency", "Cisarua, Bogor" where Cisarua is a kecamatan of the regency), else
the Kota when it ends a venue's name ("Hotel Santika Malang": the town of that name), else
the level the article states elsewhere for the same name, else the gazetteer's first candidate.
English names with a compass word ("East Bolaang Mongondow") are the region whose Indonesian
name ends with it (Bolaang Mongondow Timur). A bare kecamatan name counts only when its
regency or city is named in the article too ("di Kepanjen", "Camat Baleendah").
"""

from __future__ import annotations

import bisect
import functools

import re
from dataclasses import dataclass

from kg.gazetteer import Gazetteer, Place, PlaceHit
from kg.matcher import Token, tokenize
from kg.model import Article, Findings, Region, Span
from kg.resources import column

_EN_LEVEL = re.compile(r"\s(?:[Rr]egency|[Cc]ity|[Pp]rovince|[Mm]unicipality)\b")
LEVEL_WORD = {"regency": "regency", "city": "city", "province": "province", "municipality": "city"}
_GREATER = re.compile(r" Raya\b")  # "Malang Raya", "Bolaang Mongondow Raya": an area, no region
_COMPASS = {"East": "Timur", "West": "Barat", "North": "Utara", "South": "Selatan", "Central": "Tengah",
            "Southeast": "Tenggara", "Southwest": "Barat Daya"}
_COMPASS_BEFORE = re.compile(r"\b(" + "|".join(_COMPASS) + r")\s\Z")
# words before a bare name that make it a village, a street or a building, not the kecamatan
_NOT_DISTRICT_BEFORE = frozenset({
    "desa", "kelurahan", "kalurahan", "gampong", "nagari", "kampung", "dusun", "padukuhan", "lurah",
    "jalan", "jl", "jln", "gang", "gg", "perumahan", "village", "street",
})
# words before a bare name that make it the kecamatan even before another capitalized word
_DISTRICT_CUES = frozenset({"camat", "panewu", "kapanewon", "wakil camat", "sekcam"})
_GENERIC = frozenset({"kota", "baru", "tengah", "utara", "selatan", "timur", "barat", "pusat", "induk",
                      "pantai", "pesisir", "gunung", "kepulauan", "laut", "darat", "ilir", "ulu"})


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    surface: str
    key: str


def region_key(place_key: str) -> str:
    return "region/" + place_key.lower()


def display_name(place: Place) -> str:
    """How a region is named after an office or a body: 'Provinsi Jawa Barat', 'Kota Bogor'."""
    return f"Provinsi {place.name}" if place.level == "province" else place.name


def _bare(place: Place) -> str:
    return place.name.split(" ", 1)[-1].lower() if place.level in ("regency", "city", "district") else \
        place.name.lower()


def _explicit_levels(hits: list[PlaceHit], gaz: Gazetteer) -> dict[str, str]:
    chosen: dict[str, str] = {}
    for hit in hits:
        if hit.explicit_level and len(hit.candidates) >= 1:
            chosen.setdefault(_bare(gaz.get(hit.candidates[0])), hit.candidates[0])
    return chosen


def choose(hit: PlaceHit, gaz: Gazetteer, explicit: dict[str, str]) -> str:
    if len(hit.candidates) == 1 or hit.explicit_level:
        return hit.candidates[0]
    for key in hit.candidates:
        if explicit.get(_bare(gaz.get(key))) == key:
            return key
    return hit.candidates[0]


def extract(article: Article, found: Findings) -> list[Region]:
    gaz = Gazetteer.load()
    text = article.body
    hits = [h for h in gaz.find(text) if h.candidates and not _GREATER.match(text, h.end)]
    explicit = _explicit_levels(hits, gaz)
    districts = _districts(text, hits, gaz)
    pins = _pins(text, hits, districts, gaz, explicit)
    ambiguous = any(len(h.candidates) > 1 and not h.explicit_level for h in hits)
    starts = _venue_name_starts(text, {h.start for h in hits} | {d.start for d in districts}) if ambiguous else []
    chosen = [_compass(text, h, gaz) or _Hit(h.start, h.end, h.surface, pins.get(i) or _venue_town(text, h, gaz, starts)
                                             or _stated(text, h, gaz, explicit))
              for i, h in enumerate(hits)]
    out: list[Region] = []
    for hit in sorted(chosen + districts, key=lambda h: h.start):
        out.append(_region(gaz.get(hit.key), hit.surface, Span(hit.start, hit.end)))
        found.mention(out[-1].key, Span(hit.start, hit.end))
    if article.dateline and article.dateline_span:
        places = gaz.lookup(article.dateline)
        if places:
            pick = next((p for p in places if explicit.get(_bare(p)) == p.key), places[0])
            out.append(_region(pick, article.dateline, article.dateline_span))
    return out


@functools.cache
def _venue_heads() -> frozenset[str]:
    return frozenset(h.split()[0] for h in column("venue_heads.csv", "head"))


def _venue_name_starts(text: str, places: set[int]) -> list[int]:
    """Where the capitalized names that begin with a venue head ('Hotel', 'Kampus') start, or
    that follow 'di' / 'at' without being a place themselves ('di Inixindo Bandung': a body's
    branch in the town). ``places``: where the places of the text start."""
    heads = _venue_heads()
    tokens = tokenize(text)
    return [t.start for i, t in enumerate(tokens) if t.text in heads
            or (i and t.is_cap and tokens[i - 1].low in ("di", "at") and t.start not in places)]


def _venue_town(text: str, hit: PlaceHit, gaz: Gazetteer, starts: list[int]) -> str | None:
    """'Hotel Santika Premiere Malang', 'Gedung Diklat ... Kampus Malang': a bare name that ends a
    venue's name is the town of that name, the Kota, not the Kabupaten (whose seat is elsewhere),
    unless a level word stands next to it."""
    if hit.explicit_level or len(hit.candidates) < 2 or _EN_LEVEL.match(text, hit.end):
        return None
    cities = [k for k in hit.candidates if gaz.get(k).level == "city"]
    if not cities or not any(gaz.get(k).level == "regency" for k in hit.candidates):
        return None
    if re.match(r" [A-Z]", text[hit.end : hit.end + 2]):
        return None  # not the end of the name
    i = bisect.bisect_left(starts, hit.start) - 1
    if i < 0 or hit.start - starts[i] > 80:
        return None
    name = text[starts[i] : hit.start]
    if "\n" in name or not re.fullmatch(r"(?:[A-Z0-9][\w-]*\.? )+", name):
        return None
    return cities[0]


def _stated(text: str, hit: PlaceHit, gaz: Gazetteer, explicit: dict[str, str]) -> str:
    """The candidate of the level an English word after the name states ("Bogor regency")."""
    m = _EN_LEVEL.match(text, hit.end)
    if m is not None and not hit.explicit_level:
        level = LEVEL_WORD[m.group().strip().lower()]
        for key in hit.candidates:
            if gaz.get(key).level == level:
                return key
    return choose(hit, gaz, explicit)


def _compass(text: str, hit: PlaceHit, gaz: Gazetteer) -> _Hit | None:
    """'East Bolaang Mongondow' -> Kabupaten Bolaang Mongondow Timur."""
    m = _COMPASS_BEFORE.search(text, 0, hit.start)
    if m is None or hit.explicit_level:
        return None
    place = gaz.get(hit.candidates[0])
    base = place.name.split(" ", 1)[-1] if place.level in ("regency", "city") else place.name
    places = [p for p in gaz.lookup(f"{base} {_COMPASS[m.group(1)]}") if p.level in ("province", "regency", "city")]
    if not places:
        return None
    return _Hit(m.start(), hit.end, text[m.start() : hit.end], places[0].key)


@functools.cache
def _district_names() -> dict[str, list[tuple[tuple[str, ...], Place]]]:
    """Every kecamatan's names (without 'Kecamatan') as lowered tokens, by its regency or city."""
    out: dict[str, list[tuple[tuple[str, ...], Place]]] = {}
    for place in Gazetteer.load():
        if place.level == "district" and place.parent:
            for name in (" ".join(place.name.split()[1:]), *place.aliases):
                if name and name.lower() not in _GENERIC:
                    out.setdefault(place.parent, []).append((tuple(t.low for t in tokenize(name)), place))
    return out


def _districts(text: str, hits: list[PlaceHit], gaz: Gazetteer) -> list[_Hit]:
    """Bare kecamatan names whose regency or city is a candidate of a name in the text."""
    parents = {key for h in hits for key in h.candidates}
    names: dict[tuple[str, ...], list[Place]] = {}
    by_parent = _district_names()
    for parent in sorted(parents):
        for words, place in by_parent.get(parent, ()):
            names.setdefault(words, []).append(place)
    if not names:
        return []
    taken = [(h.start, h.end) for h in hits]
    tokens = tokenize(text)
    lowered = set(re.findall(r"\b[a-z]\w*", text))  # words the text writes in lowercase
    out: list[_Hit] = []
    firsts = {words[0] for words in names}
    for i in range(len(tokens)):
        if tokens[i].low not in firsts:
            continue
        for n in (3, 2, 1):
            window = tokens[i : i + n]
            places = names.get(tuple(t.low for t in window)) if len(window) == n else None
            if not places or any(s < window[-1].end and window[0].start < e for s, e in taken):
                continue
            if _district_ok(text, tokens, i, n, lowered):
                out.append(_Hit(window[0].start, window[-1].end, text[window[0].start : window[-1].end],
                                places[0].key))
                taken.append((window[0].start, window[-1].end))
            break
    return out


def _district_ok(text: str, tokens: list[Token], i: int, n: int, lowered: set[str]) -> bool:
    """A capitalized name, not an ordinary word of the text, not after 'Desa' or 'Jalan', and not
    the first word of a longer capitalized name unless 'Camat' or 'Panewu' comes before it."""
    words = tokens[i : i + n]
    if not all(t.text[:1].isupper() for t in words) or (n == 1 and words[0].low in lowered):
        return False
    before = tokens[i - 1].low if i > 0 else ""
    if before in _NOT_DISTRICT_BEFORE:
        return False
    if before in _DISTRICT_CUES:
        return True
    if i > 0 and tokens[i - 1].text[:1].isupper() and text[tokens[i - 1].end : words[0].start] == " ":
        return False  # inside a longer name ("Aula Sultan Serdang")
    nxt = tokens[i + n] if i + n < len(tokens) else None
    return nxt is None or text[words[-1].end : nxt.start] != " " or not nxt.text[:1].isupper()


def _pins(text: str, hits: list[PlaceHit], districts: list[_Hit], gaz: Gazetteer,
          explicit: dict[str, str]) -> dict[int, str]:
    """'Cisarua, Bogor': the name after a kecamatan is the kecamatan's regency or city (and a
    bare 'Bogor' elsewhere in the article is that one too, unless a level was stated)."""
    pins: dict[int, str] = {}
    for d in districts:
        parent = gaz.get(d.key).parent
        for i, hit in enumerate(hits):
            if parent in hit.candidates and re.fullmatch(r",\s*", text[d.end : hit.start]):
                pins[i] = parent
                explicit.setdefault(_bare(gaz.get(parent)), parent)
    return pins


def _region(place: Place, surface: str, span: Span) -> Region:
    """The region met as ``surface``; a kecamatan also answers to its bare name ('Kecamatan
    Baitussalam' is 'Baitussalam'), the way the text names it once its level is clear."""
    names = {" ".join(surface.split())}
    if place.level == "district" and place.name.startswith("Kecamatan "):
        names.add(place.name.split(" ", 1)[1])
    return Region(region_key(place.key), place.name, tuple(sorted(names - {place.name})), span, place=place.key)
