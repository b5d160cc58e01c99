"""Regions: every gazetteer place named in the story, and the dateline place.

A bare name shared by a Kabupaten and a Kota ("Bandung") takes the level the article states
elsewhere for the same name; otherwise the gazetteer's first candidate.
"""

from __future__ import annotations

from kg.gazetteer import Gazetteer, Place, PlaceHit
from kg.model import Article, Findings, Region, Span


def region_key(place_key: str) -> str:
    return "region/" + place_key.lower()


def display_name(place: Place) -> str:
    """How a region is named after an office or a body: 'Provinsi Jawa Barat', 'Kota Bogor'."""
    return f"Provinsi {place.name}" if place.level == "province" else place.name


def _explicit_levels(hits: list[PlaceHit], gaz: Gazetteer) -> dict[str, str]:
    chosen: dict[str, str] = {}
    for hit in hits:
        if hit.explicit_level and len(hit.candidates) >= 1:
            bare = gaz.get(hit.candidates[0]).name.split(" ", 1)[-1].lower()
            chosen.setdefault(bare, hit.candidates[0])
    return chosen


def choose(hit: PlaceHit, gaz: Gazetteer, explicit: dict[str, str]) -> str:
    if len(hit.candidates) == 1 or hit.explicit_level:
        return hit.candidates[0]
    for key in hit.candidates:
        bare = gaz.get(key).name.split(" ", 1)[-1].lower()
        if explicit.get(bare) == key:
            return key
    return hit.candidates[0]


def extract(article: Article, found: Findings) -> list[Region]:
    gaz = Gazetteer.load()
    hits = [h for h in gaz.find(article.body) if h.candidates]
    explicit = _explicit_levels(hits, gaz)
    out: list[Region] = []
    for hit in hits:
        place = gaz.get(choose(hit, gaz, explicit))
        out.append(_region(place, hit.surface, Span(hit.start, hit.end)))
        found.mention(out[-1].key, Span(hit.start, hit.end))
    if article.dateline and article.dateline_span:
        places = gaz.lookup(article.dateline)
        if places:
            out.append(_region(places[0], article.dateline, article.dateline_span))
    return out


def _region(place: Place, surface: str, span: Span) -> Region:
    aliases = () if surface == place.name else (" ".join(surface.split()),)
    return Region(region_key(place.key), place.name, aliases, span, place=place.key)
