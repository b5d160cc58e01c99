"""Reading an article file: decoding, boilerplate lines, byline, dateline, date, sentences.

The reader keeps every character offset of the source: lines that are not part of the story
(related-article links, bylines, footers) are blanked with spaces in ``Article.body`` rather
than removed, so spans found in the body are spans of the source text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kg import dates
from kg.errors import InputError
from kg.lexicon import Lexicon
from kg.model import Article, Span
from kg.sentences import split_sentences

_CONTROL = {chr(c) for c in range(32)} - {"\n", "\r", "\t", "\f"}
_SLUG = re.compile(r"[^a-z0-9]+")
_DATELINE = re.compile(
    r"^\s*(?:(?P<pub1>[\w.-]+\.(?:com|id|net|org|co\.id|go\.id))\s*,\s*)?"
    r"(?P<place>[A-Z][A-Za-z'.]*(?:[ -][A-Z][A-Za-z'.]*){0,3})"
    r"(?:\s*,\s*(?P<pub2>[\w.-]+\.(?:com|id|net|org|co\.id|go\.id)))?"
    r"(?:\s*\((?P<pub3>[A-Za-z][\w .]*)\))?"
    r"(?:\s*,\s*(?P<when>[^-–—]{4,40}?))?"
    r"\s*(?:-|–|—|--)\s+"
)
_SIGNATURE = re.compile(r"\((?P<sig>[A-Za-z][\w./ ]{0,20})\)\s*$")
_BYLINE_SPLIT = re.compile(r"\s*[|;]\s*")
_BYLINE_FIELD = re.compile(r"^(?P<label>[A-Za-z][A-Za-z ]{1,30}?)\s*:\s*(?P<names>.+)$")
_REPORTED_BY = re.compile(r"^(?:Laporan (?:Reporter|Wartawan)\s+[\w.]+,?)\s*(?P<names>.+)$", re.I)
_WEEKDAY_DATE = re.compile(r"\b[A-Z][a-z]+\s*,?\s*\(\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\)")
_ID_WORDS = frozenset("yang dan di dengan untuk dalam ini itu tersebut pada dari akan ke bahwa juga".split())
_EN_WORDS = frozenset("the and of to in for with that this was were on from by is are said".split())


@dataclass(frozen=True)
class Meta:
    """Metadata an input format may give besides the text (HTML, JSONL)."""

    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: date | None = None
    publisher: str | None = None


def article_id(name: str) -> str:
    """A stable, IRI-safe id from a file stem or a given id."""
    slug = _SLUG.sub("-", name.lower()).strip("-")
    return slug or "article"


def decode(data: bytes, source: str) -> tuple[str, tuple[str, ...]]:
    """Bytes to text: UTF-8, else cp1252 with a warning; empty or binary input is an error."""
    if not data.strip():
        raise InputError(f"{source}: empty file")
    if b"\x00" in data:
        raise InputError(f"{source}: binary file, not text")
    try:
        text, warnings = data.decode("utf-8-sig"), ()
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(f"{source}: not UTF-8 or cp1252 text") from None
        warnings = (f"{source}: not UTF-8; read as cp1252 (Windows) text",)
    if sum(ch in _CONTROL for ch in text) > max(2, len(text) // 100):
        raise InputError(f"{source}: binary file, not text")
    return text, warnings


def read_article(path: Path) -> Article:
    """Read a plain-text article file."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    text, warnings = decode(data, str(path))
    return parse_article(text, Meta(id=path.stem), source=str(path), warnings=warnings)


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("\u00a0", " ").replace("\t", " ").replace("\ufeff", "")


def parse_article(text: str, meta: Meta, source: str, warnings: tuple[str, ...] = ()) -> Article:
    """Build an Article from text and whatever metadata the input gave."""
    text = normalize(text)
    if not text.strip():
        raise InputError(f"{source}: empty file")
    lex = Lexicon.load()
    lines = text.split("\n")
    kinds = [_line_kind(line, lex) for line in lines]
    authors, editors = _byline(lines, kinds)
    body = "\n".join(" " * len(line) if kind else line for line, kind in zip(lines, kinds))
    dateline, dl_span, dl_pub, dl_when = _dateline(body)
    language = _language(body)
    publisher = meta.publisher or _publisher(dl_pub, lines, kinds, lex)
    published = meta.published or _published(body, dl_when, language)
    return Article(
        id=article_id(meta.id or Path(source).stem),
        source=source,
        text=text,
        body=body,
        sentences=split_sentences(body),
        language=language,
        title=meta.title,
        url=meta.url,
        published=published,
        publisher=publisher,
        dateline=dateline,
        dateline_span=dl_span,
        authors=authors,
        editors=editors,
        warnings=warnings,
    )


def _line_kind(line: str, lex: Lexicon) -> str | None:
    """'related', 'byline' or 'footer' for a non-story line, else None."""
    stripped = line.strip().lstrip("-*•·>").strip()
    low = stripped.lower()
    for marker in lex.boilerplate:
        m = marker.marker.lower()
        if low.startswith(m):
            rest = low[len(m) :]
            if marker.kind == "byline" and not rest.lstrip().startswith((":", "|")) and "laporan" not in m:
                continue
            if not rest or not rest[0].isalnum() or not m[-1].isalnum():
                return marker.kind
    return None


def _names(raw: str) -> list[str]:
    out: list[str] = []
    for name in re.split(r"\s*(?:,|&|\band\b|\bdan\b)\s*", raw):
        name = name.strip(" .()")
        if name and name[0].isupper() and len(name) > 2 and name not in out:
            out.append(name)
    return out


def _byline(lines: list[str], kinds: list[str | None]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    authors: list[str] = []
    editors: list[str] = []
    for line, kind in zip(lines, kinds):
        if kind != "byline":
            continue
        for part in _BYLINE_SPLIT.split(line.strip()):
            reported = _REPORTED_BY.match(part)
            field_ = _BYLINE_FIELD.match(part)
            if reported:
                target, names = authors, reported.group("names")
            elif field_:
                label = field_.group("label").lower()
                target = editors if ("edit" in label or "redaktur" in label) else authors
                names = field_.group("names")
            else:
                continue
            target.extend(n for n in _names(names) if n not in target)
    return tuple(authors), tuple(editors)


def _dateline(body: str) -> tuple[str | None, Span | None, str | None, str | None]:
    """(place as written, its span, publisher token, date text) of the first story line."""
    first = next((i for i, line in enumerate(body.split("\n")) if line.strip()), None)
    if first is None:
        return None, None, None, None
    offset = sum(len(line) + 1 for line in body.split("\n")[:first])
    line = body.split("\n")[first]
    match = _DATELINE.match(line)
    if not match:
        return None, None, None, None
    place = match.group("place")
    if place.lower().endswith((".com", ".id")):
        return None, None, place, match.group("when")
    pub = match.group("pub1") or match.group("pub2") or match.group("pub3")
    start = offset + match.start("place")
    return place, Span(start, start + len(place)), pub, match.group("when")


def _publisher(token: str | None, lines: list[str], kinds: list[str | None], lex: Lexicon) -> str | None:
    candidates = [token] if token else []
    for line, kind in zip(reversed(lines), reversed(kinds)):
        if kind is None and line.strip():
            sig = _SIGNATURE.search(line.strip())
            if sig:
                candidates.append(sig.group("sig"))
            break
    for cand in candidates:
        for pub in lex.publishers:
            forms = {pub.name.lower(), *(a.lower() for a in pub.aliases), (pub.url or "").lower()}
            if cand.lower().strip() in forms:
                return pub.name
    return token


def _language(body: str) -> str:
    words = re.findall(r"[a-z]+", body.lower())
    id_score = sum(w in _ID_WORDS for w in words)
    en_score = sum(w in _EN_WORDS for w in words)
    return "en" if en_score > id_score else "id"


def _published(body: str, when: str | None, language: str) -> date | None:
    """The publication date: a date in the dateline, else the report day '<Weekday> (d/m)'."""
    if when:
        found = dates.parse_date(when, None, language)
        if found:
            return found
    stated_years = [d.first.year for d in dates.find_dates(body, None, language) if d.year_stated]
    match = _WEEKDAY_DATE.search(body)
    if not match:
        return None
    candidates = [date(y, 7, 1) for y in sorted(set(stated_years))] or [None]
    fallback = None
    for ref in reversed(candidates):
        for found in dates.find_dates(match.group(0), ref, language):
            if found.weekday_ok or (found.weekday_ok is None and found.year_stated):
                return found.first
            fallback = fallback or found.first
    return fallback if stated_years else None
