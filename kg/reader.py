"""Reading an article file: decoding, boilerplate lines, byline, dateline, date, sentences.

The reader keeps every character offset of the source: lines that are not part of the story
(related-article links, bylines, footers) are blanked with spaces in ``Article.body`` rather
than removed, so spans found in the body are spans of the source text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kg import dates
from kg.errors import InputError
from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon, Publisher
from kg.model import Article, Span
from kg.sentences import split_sentences

_CONTROL = {chr(c) for c in range(32)} - {"\n", "\r", "\t", "\f"}
_CONTROL_CHARS = re.compile("[" + re.escape("".join(sorted(_CONTROL))) + "]")
_SLUG = re.compile(r"[^a-z0-9]+")
_CP1252_TAIL = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0))
_MOJIBAKE = re.compile(f"[\u00c2-\u00df][{_CP1252_TAIL}]|[\u00e0-\u00ef][{_CP1252_TAIL}]{{2}}")
_MOJIBAKE_HINT = re.compile(f"[\u00c2\u00c3\u00e2][{_CP1252_TAIL}]")
_DOMAIN = r"[\w-]+(?:\.[\w-]+)*\.(?i:co\.id|go\.id|or\.id|ac\.id|com|id|net|org|co)\b"
_DATELINE = re.compile(
    rf"^\s*(?:(?P<pub1>{_DOMAIN})\s*,\s*)?"
    r"(?P<place>[A-Z][A-Za-z'.]*(?:[ -][A-Z][A-Za-z'.]*){0,3})"
    r"(?:\s*,\s*(?P<region>[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2})(?=\s*\())?"
    rf"(?:\s*,\s*(?P<pub2>{_DOMAIN}))?"
    r"(?:\s*\((?P<pub3>[A-Za-z][\w .]*)\))?"
    r"(?:\s*,\s*(?P<when>[^-–—:]{4,40}?))?"
    r"(?P<sep>\s*(?:-|--)\s+|\s*[–—]\s*|\s*:\s+)"
)
_DOT_DATELINE = re.compile(r"^\s*(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\.\s+(?=[A-Z][a-z])")
_SIGNATURE = re.compile(r"\((?P<sig>[A-Za-z][\w./ ]{0,20})\)\s*$")
_BARE_SIGNATURE = re.compile(r"(?:^|[\s.])(?P<sig>[a-z*]{1,6}/[\w.]{2,20})$")
_SIGN_OFF = re.compile(r"^[(\[]?[\w.*]{0,20}(?:/[\w.*]{1,20}){0,3}[)\]]?$")
_COMMENTS = re.compile(r"^\d+\s+(?:Comments?|Komentar|Tanggapan)$", re.I)
_COPYRIGHT = re.compile(r"^(?:copyright|hak cipta)\b|^©", re.I)
_BYLINE_SPLIT = re.compile(r"\s*[|;]\s*")
_BYLINE_FIELD = re.compile(r"^(?P<label>[A-Za-z][A-Za-z ]{1,30}?)\s*:\s*(?P<names>.+)$")
_REPORTED_BY = re.compile(r"^(?:Laporan (?:Reporter|Wartawan)\s+[\w.]+,?)\s*(?P<names>.+)$", re.I)
_NAME = r"[A-Z][A-Za-z'.-]+(?: [A-Z][A-Za-z'.-]+){1,4}"
_NAME_LINE = re.compile(rf"^(?P<names>{_NAME})$")
_BY = re.compile(rf"^(?:By|Oleh)\s*:?\s*(?P<names>{_NAME}(?:\s*(?:,|&|and|dan)\s*{_NAME})*)\s*(?:\||$)")
_POSTED_BY = re.compile(rf"\bby\s+(?P<names>{_NAME})\s*$")
_NAME_DASH_PUB = re.compile(rf"^(?P<names>{_NAME})\s+[-–—|]\s+(?P<pub>\S+)$")
_REPORT_FROM = re.compile(rf"^Laporan\s+(?P<names>{_NAME})\s*\|\s*[A-Z][\w ]*$")
_PLACE_BULLET = re.compile(r"^(?P<place>[A-Z][A-Za-z'.]*(?: [A-Z][A-Za-z'.]*){0,2})\s*[●•|]\s*")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b(?:\s*(?:WIB|WITA|WIT|GMT|am|pm|AM|PM))?")
_CAPTION = re.compile(r"^(?:Foto|Photo|Keterangan foto|Caption)\s*:\s*(?:\S+\s+){5}", re.I)
_PHOTO_CREDIT = re.compile(
    r"\((?:ANTARA(?: FOTO)?/[^()]*|(?:Foto|FOTO|Photo|Dok|DOK|dok)\b[^()]*"
    r"|[^()\s]+/\s*(?:ist|Ist|IST|Istimewa|istimewa|HO\b[^()]*|dok\b[^()]*|Dok\b[^()]*)"
    r"|[\w-]+(?:\.[\w-]+)*\.(?i:com|id|co)/\s*[A-Z]{2,}(?: [A-Z.]{2,})+)\)\s*$"
)
_BULLET = re.compile(r"^\s*[-*•·–>]\s*\S")
_WEEKDAY_DATE = re.compile(r"\b[A-Z][a-z]+\s*,?\s*\(\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\)")
_SOURCE_LABELS = frozenset({"sumber", "source"})  # "Sumber: ANTARA" names an outlet or office
_NOT_PERSON = frozenset("kontributor tim redaksi humas admin diskominfo dinas biro bagian prokopim".split())
_ID_WORDS = frozenset("yang dan di dengan untuk dalam ini itu tersebut pada dari akan ke bahwa juga".split())
_EN_WORDS = frozenset("the and of to in for with that this was were on from by is are said".split())
_HEAD_LINES = 8  # story lines after the headline in which the lead paragraph is looked for


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
        text = data.decode("utf-8-sig")
        warnings: tuple[str, ...] = ()
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(f"{source}: not UTF-8 or cp1252 text") from None
        warnings = (f"{source}: not UTF-8; read as cp1252 (Windows) text",)
    if len(_CONTROL_CHARS.findall(text)) > max(2, len(text) // 100):
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
    text = unicodedata.normalize("NFC", repair_mojibake(text).replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("\u00a0", " ").replace("\t", " ").replace("\ufeff", "")


def repair_mojibake(text: str) -> str:
    """UTF-8 read as cp1252 somewhere upstream ('â€œ' for '“', 'Ã©' for 'é'): each such run
    that decodes as UTF-8 again is put back; anything else is left as it is."""
    if not _MOJIBAKE_HINT.search(text):
        return text
    text = _MOJIBAKE.sub(_unbake, text)
    return text.replace("\u00e2\u20ac", "\u201d").replace("\u00c2 ", " ")  # the lost 0x9d of '”'; NBSP


def _unbake(match: re.Match[str]) -> str:
    try:
        raw = bytes(_cp1252_byte(ch) for ch in match.group(0))
        return raw.decode("utf-8")
    except (UnicodeError, ValueError):
        return match.group(0)


def _cp1252_byte(ch: str) -> int:
    try:
        return ch.encode("cp1252")[0]
    except UnicodeError:
        return ord(ch)  # the five bytes cp1252 leaves undefined come through as C1 controls


def parse_article(text: str, meta: Meta, source: str, warnings: tuple[str, ...] = ()) -> Article:
    """Build an Article from text and whatever metadata the input gave."""
    fixed = repair_mojibake(text)
    if fixed != text:
        warnings = (*warnings, f"{source}: UTF-8 text that had been read as cp1252 ('â€œ'); repaired")
    text = normalize(fixed)
    if not text.strip():
        raise InputError(f"{source}: empty file")
    lex = Lexicon.load()
    lines = text.split("\n")
    kinds = _line_kinds(lines, lex)
    head = _head(lines, kinds, lex)
    authors, editors = _byline(lines, kinds)
    authors = _merge(authors, head.authors, _sign_off_names(lines, kinds, lex))
    body = "\n".join(_blank(line, kind, head.keep.get(i)) for i, (line, kind) in enumerate(zip(lines, kinds)))
    dateline, dl_span, dl_pub, dl_when = _dateline(body, head.lead, lex)
    if dateline is None and head.place is not None:
        dateline, dl_span = head.place
    language = _language(body)
    publisher = meta.publisher or _publisher([dl_pub, *head.publishers], lines, kinds, lex, meta.url)
    published = meta.published or head.published or _published(body, dl_when, language)
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


def _blank(line: str, kind: str | None, keep: tuple[int, int] | None) -> str:
    """A non-story line as spaces, except a kept span (a dateline place in a meta line)."""
    if not kind:
        return line
    if keep is None:
        return " " * len(line)
    return " " * keep[0] + line[keep[0] : keep[1]] + " " * (len(line) - keep[1])


def _merge(*groups: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for group in groups:
        out.extend(n for n in group if n not in out)
    return tuple(out)


def _line_kinds(lines: list[str], lex: Lexicon) -> list[str | None]:
    """The kind of every line: boilerplate markers, then blocks of related headlines, captions,
    sign-offs and comment counters."""
    kinds = [_line_kind(line, lex) for line in lines]
    for i, line in enumerate(lines):
        stripped = line.strip()
        if _CAPTION.match(stripped) or _PHOTO_CREDIT.search(stripped):
            kinds[i] = "caption"
        elif kinds[i] is None and stripped:
            if _COMMENTS.match(stripped) or (_SIGN_OFF.match(stripped) and not stripped.isalnum()):
                kinds[i] = "footer"
    _related_blocks(lines, kinds)
    return kinds


def _related_blocks(lines: list[str], kinds: list[str | None]) -> None:
    """A related-links heading alone on its line ("BERITA TERKAIT") heads a list: the short
    lines or bullets after it, up to a blank line or a paragraph, are other headlines."""
    i = 0
    while i < len(lines):
        if kinds[i] == "related" and _is_heading(lines[i]):
            j = i + 1
            while j < len(lines) and lines[j].strip() and kinds[j] is None and _is_list_item(lines[j]):
                kinds[j] = "related"
                j += 1
            i = j
        else:
            i += 1


def _is_heading(line: str) -> bool:
    return len(line.strip().rstrip(":").split()) <= 3


def _is_list_item(line: str) -> bool:
    stripped = line.strip()
    if _BULLET.match(stripped):
        return True
    return len(stripped.split()) <= 16 and not stripped.endswith((".", '"', "”"))


def _line_kind(line: str, lex: Lexicon) -> str | None:
    """'related', 'byline' or 'footer' for a non-story line, else None."""
    stripped = line.strip().lstrip("-*•·>").strip()
    low = stripped.lower()
    if not low.startswith(lex.boilerplate_prefixes):
        return "footer" if _COPYRIGHT.match(stripped) else None
    for marker in lex.boilerplate:
        m = marker.marker.lower()
        if low.startswith(m):
            rest = low[len(m) :]
            labelled = m.endswith(":") or rest.lstrip().startswith((":", "|"))
            if marker.kind == "byline" and not labelled and "laporan" not in m:
                continue
            if not rest or not rest[0].isalnum() or not m[-1].isalnum():
                return marker.kind
    if _COPYRIGHT.match(stripped):
        return "footer"
    return None


def _names(raw: str) -> list[str]:
    out: list[str] = []
    for name in re.split(r"\s*(?:,|&|\band\b|\bdan\b)\s*", raw):
        name = name.strip(" .()")
        if not name or not name[0].isupper() or len(name) <= 2 or name in out:
            continue
        if name.split()[0].lower() in _NOT_PERSON or any(ch.isdigit() for ch in name):
            continue
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
            elif field_ and field_.group("label").lower().strip() not in _SOURCE_LABELS:
                label = field_.group("label").lower()
                target = editors if ("edit" in label or "redaktur" in label or "penyunting" in label) else authors
                names = field_.group("names")
            else:
                continue
            target.extend(n for n in _names(names) if n not in target)
    return tuple(authors), tuple(editors)


@dataclass
class _Head:
    """What the lines between the headline and the lead paragraph say (date, byline, outlet)."""

    lead: int | None = None
    published: date | None = None
    authors: list[str] = field(default_factory=list)
    publishers: list[str] = field(default_factory=list)
    place: tuple[str, Span] | None = None
    keep: dict[int, tuple[int, int]] = field(default_factory=dict)  # line -> span not blanked


def _head(lines: list[str], kinds: list[str | None], lex: Lexicon) -> _Head:
    """Find the lead paragraph and read the meta lines above it (marking them 'meta')."""
    story = [i for i, line in enumerate(lines) if kinds[i] is None and line.strip()]
    head = _Head()
    if not story:
        return head
    if _is_lead(lines[story[0]], lex):
        head.lead = story[0]
        return head
    head.lead = next((i for i in story[1 : 1 + _HEAD_LINES] if _is_lead(lines[i], lex)), None)
    if head.lead is None:
        return head
    offsets = _offsets(lines)
    between = range(story[0] + 1, head.lead)
    for i in between:
        if kinds[i] in (None, "byline") and lines[i].strip() and _read_meta(lines, i, head, lex, offsets[i]):
            kinds[i] = kinds[i] or "meta"
    return head


def _offsets(lines: list[str]) -> list[int]:
    out, offset = [], 0
    for line in lines:
        out.append(offset)
        offset += len(line) + 1
    return out


def _is_lead(line: str, lex: Lexicon) -> bool:
    """A story paragraph: it opens with a dateline, or it is long prose."""
    match = _dateline_match(line)
    if match and len(line) - match.end() >= 40:
        return True
    return len(line.split()) >= 15 and not dates.find_dates(line[:60], None)


def _dateline_match(line: str) -> re.Match[str] | None:
    """The dateline pattern at the start of a line; a colon ends a dateline only after an
    outlet ("SEI RAMPAH (Waspada): ", "MEDAN, waspada.id: "), and a weekday is no place."""
    match = _DATELINE.match(line)
    outlet = match and (match.group("pub1") or match.group("pub2") or match.group("pub3"))
    if not match or (match.group("sep").strip() == ":" and not outlet):
        return None
    if match.group("place").split()[0].lower() in dates.calendar_words().get("weekday", {}):
        return None
    return match


def _read_meta(lines: list[str], i: int, head: _Head, lex: Lexicon, offset: int) -> bool:
    """Read one line above the lead; True when it is a meta line (date, byline, outlet)."""
    line = lines[i].strip()
    found = dates.find_dates(line, None)
    if found:
        return _read_date_line(lines, i, found[0], head, lex, offset)
    if lex.publisher(line) is not None:
        head.publishers.append(line)
        return True
    bits = _byline_bits(line, lex)
    if bits is not None:
        head.authors.extend(bits[0])
        head.publishers.extend(bits[1])
        return True
    return _name_by_outlet(lines, i, head, lex)


def _read_date_line(lines: list[str], i: int, when: dates.DateMention, head: _Head, lex: Lexicon, offset: int) -> bool:
    """'Rabu, 11 September 2019 | 15:20 WIB', 'Posted on Mei 21, 2024 by X', 'Jakarta ● Tue,
    June 13, 2023': one date (no range) stamped with a time, a bar, a byline or a place; a
    line that only mentions a date ("Pelatihan digelar 5 Juni di Bandung") is story."""
    raw = lines[i]
    line = raw.strip()
    rest = line[: when.start] + " " + line[when.end :]
    bits = _byline_bits(rest, lex)
    place = _PLACE_BULLET.match(line)
    place = place if place and place.end() <= when.start else None
    stamped = when.start <= 1 or "|" in line or _TIME.search(rest) or bits or place
    if when.last is not None or not stamped or len(re.findall(r"\w+", rest)) > 10:
        return False
    head.published = head.published or when.first
    if bits is not None:
        head.authors.extend(bits[0])
        head.publishers.extend(bits[1])
    if place and head.place is None:
        lead_space = len(raw) - len(raw.lstrip())
        start = offset + lead_space
        head.place = (place.group("place"), Span(start, start + len(place.group("place"))))
        head.keep[i] = (lead_space, lead_space + len(place.group("place")))
    return True


def _byline_bits(line: str, lex: Lexicon) -> tuple[list[str], list[str]] | None:
    """(writers, outlets) of 'By : X', '... by X', 'Laporan X | Place', 'X - detikNews'."""
    for pattern in (_BY, _POSTED_BY, _REPORT_FROM):
        match = pattern.search(line.strip())
        if match:
            return _names(match.group("names")), []
    match = _NAME_DASH_PUB.match(line.strip())
    if match and lex.publisher(match.group("pub")) is not None:
        return _names(match.group("names")), [match.group("pub")]
    return None


def _name_by_outlet(lines: list[str], i: int, head: _Head, lex: Lexicon) -> bool:
    """A name alone on a line right above or below the outlet's name is the writer's."""
    match = _NAME_LINE.match(lines[i].strip())
    if not match or lex.publisher(match.group("names")) is not None:
        return False
    near = [lines[j].strip() for j in (i - 1, i + 1) if 0 <= j < len(lines)]
    if not any(lex.publisher(line) is not None for line in near):
        return False
    head.authors.extend(_names(match.group("names")))
    return True


def _sign_off_names(lines: list[str], kinds: list[str | None], lex: Lexicon) -> list[str]:
    """'(Oka)' alone on a line after the story: the writer's name as the site signs it."""
    out: list[str] = []
    for line in lines:
        match = re.fullmatch(r"\s*\((?P<name>[A-Z][a-z]{2,}(?: [A-Z][a-z]+)?)\)\s*", line)
        if match and lex.publisher(match.group("name")) is None:
            out.append(match.group("name"))
    return out


def _dateline(body: str, lead: int | None, lex: Lexicon) -> tuple[str | None, Span | None, str | None, str | None]:
    """(place as written, its span, publisher token, date text) of the lead paragraph."""
    lines = body.split("\n")
    if lead is None:
        return None, None, None, None
    offset = sum(len(line) + 1 for line in lines[:lead])
    line = lines[lead]
    match = _dateline_match(line)
    if not match:
        return _dot_dateline(line, offset)
    place = match.group("place")
    if re.fullmatch(_DOMAIN, place) or lex.publisher(place) is not None:
        return None, None, place, match.group("when")
    pub, when = match.group("pub1") or match.group("pub2") or match.group("pub3"), match.group("when")
    if pub is None and when and lex.publisher(when.strip()) is not None:
        pub, when = when.strip(), None  # "Jakarta, CNN Indonesia -- "
    start = offset + match.start("place")
    return place, Span(start, start + len(place)), pub, when


def _dot_dateline(line: str, offset: int) -> tuple[str | None, Span | None, str | None, str | None]:
    """'Jakarta. Sixteen officials...': a known place, then a period, opens the lead."""
    match = _DOT_DATELINE.match(line)
    if not match or not Gazetteer.load().lookup(match.group("place")):
        return None, None, None, None
    start = offset + match.start("place")
    return match.group("place"), Span(start, start + len(match.group("place"))), None, None


def _publisher(tokens: list[str | None], lines: list[str], kinds: list[str | None], lex: Lexicon,
               url: str | None) -> str | None:
    """The outlet: the dateline's or header's outlet, else the copyright line's, else the
    sign-off's ('(esy/jpnn)', 'esy/jpnn'), else the url's; named as the lexicon names it,
    else as the dateline or copyright line writes it (a sign-off's initials never)."""
    named = [t.strip() for t in tokens if t] + _copyright_owners(lines, kinds)
    for cand in named + _sign_off_outlets(lines, kinds):
        pub = lex.publisher(cand) or _publisher_by_domain(cand, lex)
        if pub is not None:
            return pub.name
    if url:
        pub = lex.publisher_for_url(url)
        if pub is not None:
            return pub.name
    return named[0] if named else None


def _publisher_by_domain(token: str, lex: Lexicon) -> Publisher | None:
    """'REPUBLIKA.CO.ID', 'TRIBUNJOGJA.COM': a domain names its outlet whatever its case."""
    if not re.fullmatch(_DOMAIN, token):
        return None
    folded = token.casefold()
    for pub in lex.publishers:
        if folded in {form.casefold() for form in pub.forms} or folded == pub.domain:
            return pub
    return None


def _copyright_owners(lines: list[str], kinds: list[str | None]) -> list[str]:
    out: list[str] = []
    for line, kind in zip(lines, kinds):
        if kind == "footer" and _COPYRIGHT.match(line.strip()):
            out.extend(_copyright_owner(line.strip()))
    return out


def _sign_off_outlets(lines: list[str], kinds: list[str | None]) -> list[str]:
    """The parts of the sign-off that ends the story: '(esy/jpnn)', 'esy/jpnn', '*/wu'."""
    out: list[str] = []
    for line, kind in zip(reversed(lines), reversed(kinds)):
        stripped = line.strip()
        if stripped and kind in (None, "footer"):
            sig = _SIGNATURE.search(stripped) or _BARE_SIGNATURE.search(stripped)
            if sig:
                out.extend(part for part in sig.group("sig").split("/") if len(part) > 2)
            if kind is None:
                break
    return out


def _copyright_owner(line: str) -> list[str]:
    """'Copyright © 2019 suarakediri.id. All Rights Reserved.' -> ['suarakediri.id']."""
    rest = re.sub(r"(?i)copyright|hak cipta|all rights reserved|dilindungi undang-undang|©|\(c\)|\b\d{4}\b", " ", line)
    rest = " ".join(rest.split()).strip(" .,-")
    domain = re.search(_DOMAIN, rest)
    return [domain.group(0)] if domain else ([rest] if rest else [])


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
    if not stated_years:
        return _weekday_in_year_of_text(body, match, language)
    candidates = [date(y, 7, 1) for y in sorted(set(stated_years))]
    fallback: date | None = None
    for ref in reversed(candidates):
        for mention in dates.find_dates(match.group(0), ref, language):
            if mention.weekday_ok or (mention.weekday_ok is None and mention.year_stated):
                return mention.first
            fallback = fallback or mention.first
    return fallback


def _weekday_in_year_of_text(body: str, match: re.Match[str], language: str) -> date | None:
    """'Kamis (22/8)' in a text that names only 'tahun 2024': the day if its weekday agrees."""
    for found in dates.find_dates(body, None, language):
        if found.start <= match.start() < found.end and found.weekday_ok:
            return found.first
    return None
