"""The lexicons under ``kg/data/``: offices, institutions, event kinds, honorifics and more.

Every lexicon is a UTF-8 CSV file with a header row; ``|`` separates several values in
one cell; lines that start with ``#`` and blank lines are skipped. ``not_names.txt``
holds one word or phrase per line. ``Lexicon.load()`` reads them all once (cached);
a malformed row raises :class:`kg.errors.KgError` naming ``file:line`` and the problem,
so that a user who adds an office or an institution is told where they erred.

Look-ups (``Lexicon.role``, ``Lexicon.institution`` ...) match a surface form exactly,
then case-insensitively, except that an acronym (a form with no lowercase letter, such
as "LAN" or "BPS") only ever matches exactly: "Lan" and "bps" are ordinary words.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Generic, Protocol, TypeVar
from urllib.parse import urlsplit

from kg.errors import KgError
from kg.paths import DATA

ROLE_BODIES = frozenset(
    {"government", "legislature", "unit", "ministry", "village", "district", "country", "institution"}
)
INSTITUTION_KINDS = frozenset(
    {
        "ministry", "agency", "regional-government", "regional-unit", "legislature",
        "training-institution", "foreign-agency", "association", "media", "university",
        "company", "other",
    }
)
SCOPES = frozenset({"national", "regional"})
EVENT_KINDS = frozenset(
    {"training", "technical-guidance", "workshop", "seminar", "study-visit", "course", "grant-program", "other"}
)
LANGS = frozenset({"id", "en"})
HONORIFIC_POSITIONS = frozenset({"prefix", "suffix", "address"})
SPEECH_KINDS = frozenset({"after", "before", "indirect"})
MARKER_KINDS = frozenset({"related", "byline", "footer"})


@dataclass(frozen=True)
class Role:
    """The role of an office ("Sekretaris Daerah", alias "Sekda") and the body it belongs to."""

    role: str
    aliases: tuple[str, ...]
    body: str
    en: tuple[str, ...]

    @property
    def forms(self) -> tuple[str, ...]:
        """The canonical name and every alias."""
        return (self.role, *self.aliases)


@dataclass(frozen=True)
class Qualifier:
    """A word before an office that qualifies its holder ("Plt.", "Pj.", "Plh.")."""

    qualifier: str
    aliases: tuple[str, ...]
    meaning: tuple[str, ...]

    @property
    def forms(self) -> tuple[str, ...]:
        """The canonical name and every alias."""
        return (self.qualifier, *self.aliases)


@dataclass(frozen=True)
class Institution:
    """An institution; scope ``regional`` means a kind of body that every region has."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    scope: str
    en: tuple[str, ...]

    @property
    def forms(self) -> tuple[str, ...]:
        """The canonical name and every alias."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class EventKind:
    """A word that names a capacity-building event ("bimtek") and the event's kind."""

    term: str
    kind: str
    lang: str

    @property
    def forms(self) -> tuple[str, ...]:
        """The term itself."""
        return (self.term,)


@dataclass(frozen=True)
class Honorific:
    """A title or form of address written next to a name ("Hj.", "M.Si", "Bapak")."""

    form: str
    position: str

    @property
    def forms(self) -> tuple[str, ...]:
        """The form itself."""
        return (self.form,)


@dataclass(frozen=True)
class SpeechVerb:
    """A verb that attributes a quote: ``after`` the quote, ``before`` it, or ``indirect``."""

    verb: str
    lang: str
    kind: str

    @property
    def forms(self) -> tuple[str, ...]:
        """The verb itself."""
        return (self.verb,)


@dataclass(frozen=True)
class Marker:
    """A line start that marks a line as not story text (related links, bylines, footers)."""

    marker: str
    kind: str


@dataclass(frozen=True)
class Publisher:
    """A news outlet or government press site."""

    name: str
    aliases: tuple[str, ...]
    url: str

    @property
    def forms(self) -> tuple[str, ...]:
        """The canonical name and every alias."""
        return (self.name, *self.aliases)

    @property
    def domain(self) -> str:
        """The host of ``url`` without a leading ``www.`` ("" when there is no url)."""
        return _host(self.url)


@dataclass(frozen=True)
class Row:
    """One data row of a CSV lexicon: its cells by column name and where it was read."""

    cells: dict[str, str]
    where: str

    def text(self, column: str) -> str:
        """A cell that must not be empty."""
        value = self.cells[column]
        if not value:
            raise KgError(f"{self.where}: column '{column}' is empty")
        return value

    def choice(self, column: str, allowed: frozenset[str]) -> str:
        """A cell whose value must be one of ``allowed``."""
        value = self.text(column)
        if value not in allowed:
            raise KgError(f"{self.where}: {column} '{value}' is not one of {', '.join(sorted(allowed))}")
        return value

    def values(self, column: str, required: bool = False) -> tuple[str, ...]:
        """A ``|``-separated cell as a tuple; an empty piece between bars is an error."""
        raw = self.text(column) if required else self.cells[column]
        if not raw:
            return ()
        parts = tuple(part.strip() for part in raw.split("|"))
        if "" in parts:
            raise KgError(f"{self.where}: column '{column}' has an empty value between '|' in '{raw}'")
        return parts


def _host(url: str) -> str:
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    return host.removeprefix("www.")


def _starts_with_word(text: str, prefix: str) -> bool:
    """``text`` starts with ``prefix`` and the next character (if any) is not alphanumeric."""
    if not text.startswith(prefix):
        return False
    rest = text[len(prefix):]
    return not rest or not rest[0].isalnum() or not prefix[-1:].isalnum()


def _data_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Numbered lines of ``path`` that are neither blank nor ``#`` comments."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KgError(f"{path}: lexicon file not found") from None
    except UnicodeDecodeError as exc:
        raise KgError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield number, line


def _cells(line: str, where: str) -> list[str]:
    try:
        return [cell.strip() for cell in next(csv.reader([line], strict=True))]
    except csv.Error as exc:
        raise KgError(f"{where}: malformed CSV ({exc})") from None


def read_rows(path: Path, columns: Sequence[str]) -> list[Row]:
    """The data rows of a CSV lexicon whose header must be exactly ``columns``."""
    lines = _data_lines(path)
    first = next(lines, None)
    if first is None:
        raise KgError(f"{path}: empty lexicon, expected a header row '{','.join(columns)}'")
    header = _cells(first[1], f"{path}:{first[0]}")
    if header != list(columns):
        raise KgError(f"{path}:{first[0]}: header is '{','.join(header)}', expected '{','.join(columns)}'")
    rows = []
    for number, line in lines:
        where = f"{path}:{number}"
        cells = _cells(line, where)
        if len(cells) != len(columns):
            raise KgError(f"{where}: expected {len(columns)} fields ({','.join(columns)}), found {len(cells)}")
        rows.append(Row(dict(zip(columns, cells, strict=True)), where))
    return rows


def _role(row: Row) -> Role:
    return Role(row.text("role"), row.values("aliases"), row.choice("body", ROLE_BODIES), row.values("en"))


def _qualifier(row: Row) -> Qualifier:
    return Qualifier(row.text("qualifier"), row.values("aliases"), row.values("meaning", required=True))


def _institution(row: Row) -> Institution:
    kind = row.choice("kind", INSTITUTION_KINDS)
    return Institution(row.text("name"), row.values("aliases"), kind, row.choice("scope", SCOPES), row.values("en"))


def _event_kind(row: Row) -> EventKind:
    return EventKind(row.text("term"), row.choice("kind", EVENT_KINDS), row.choice("lang", LANGS))


def _honorific(row: Row) -> Honorific:
    return Honorific(row.text("form"), row.choice("position", HONORIFIC_POSITIONS))


def _speech_verb(row: Row) -> SpeechVerb:
    return SpeechVerb(row.text("verb"), row.choice("lang", LANGS), row.choice("kind", SPEECH_KINDS))


def _marker(row: Row) -> Marker:
    return Marker(row.text("marker"), row.choice("kind", MARKER_KINDS))


def _publisher(row: Row) -> Publisher:
    return Publisher(row.text("name"), row.values("aliases"), row.text("url"))


class _HasForms(Protocol):
    """A record with surface forms, the canonical one first."""

    @property
    def forms(self) -> tuple[str, ...]: ...


T = TypeVar("T")
R = TypeVar("R", bound=_HasForms)

_COLUMNS: dict[str, tuple[str, ...]] = {
    "roles.csv": ("role", "aliases", "body", "en"),
    "office_qualifiers.csv": ("qualifier", "aliases", "meaning"),
    "institutions.csv": ("name", "aliases", "kind", "scope", "en"),
    "event_kinds.csv": ("term", "kind", "lang"),
    "honorifics.csv": ("form", "position"),
    "speech_verbs.csv": ("verb", "lang", "kind"),
    "boilerplate.csv": ("marker", "kind"),
    "publishers.csv": ("name", "aliases", "url"),
}


def load_file(path: Path, build: Callable[[Row], T]) -> tuple[T, ...]:
    """Read one CSV lexicon (columns known by file name) and build a record from each row."""
    return tuple(build(row) for row in read_rows(path, _COLUMNS[path.name]))


def load_indexed(path: Path, build: Callable[[Row], R], fold: bool = True) -> tuple[R, ...]:
    """Like :func:`load_file`, and fail (file:line) when one surface form names two rows."""
    rows = read_rows(path, _COLUMNS[path.name])
    records = tuple(build(row) for row in rows)
    FormIndex(records, [row.where for row in rows], fold)
    return records


def load_not_names(path: Path) -> frozenset[str]:
    """The words and phrases of ``not_names.txt`` (one a line, ``#`` comments skipped)."""
    return frozenset(line.strip() for _, line in _data_lines(path))


def is_acronym(form: str) -> bool:
    """True for a form with letters but no lowercase letter ("LAN", "BPSDM", "DPRD")."""
    return any(char.isalpha() for char in form) and not any(char.islower() for char in form)


class FormIndex(Generic[R]):
    """Surface form -> record; exact match first, then case-insensitive for non-acronyms."""

    def __init__(self, records: Iterable[R], wheres: Sequence[str] | None = None, fold: bool = True) -> None:
        self._exact: dict[str, R] = {}
        self._folded: dict[str, R] = {}
        self._fold = fold
        for position, record in enumerate(records):
            where = wheres[position] if wheres else f"row {position + 1}"
            for form in record.forms:
                self._add(form, record, where)

    def _add(self, form: str, record: R, where: str) -> None:
        for table, key in ((self._exact, form), (self._folded, form.casefold())):
            if table is self._folded and (is_acronym(form) or not self._fold):
                continue
            other = table.setdefault(key, record)
            if other != record:
                raise KgError(f"{where}: '{form}' already names another entry ({other.forms[0]})")

    def get(self, surface: str) -> R | None:
        """The record that ``surface`` names, or None."""
        found = self._exact.get(surface.strip())
        return found if found is not None else self._folded.get(surface.strip().casefold())

    def forms(self) -> list[str]:
        """Every indexed surface form, longest first (for longest-match scanning)."""
        return sorted(self._exact, key=lambda form: (-len(form), form))


@dataclass(frozen=True)
class Lexicon:
    """All lexicons of one data directory, with surface-form look-ups."""

    roles: tuple[Role, ...]
    qualifiers: tuple[Qualifier, ...]
    institutions: tuple[Institution, ...]
    event_kinds: tuple[EventKind, ...]
    honorifics: tuple[Honorific, ...]
    speech_verbs: tuple[SpeechVerb, ...]
    boilerplate: tuple[Marker, ...]
    publishers: tuple[Publisher, ...]
    not_names: frozenset[str]

    @classmethod
    def load(cls) -> Lexicon:
        """The package's lexicons, read once and cached."""
        return _load_default()

    @classmethod
    def from_directory(cls, directory: Path) -> Lexicon:
        """Read (uncached) the lexicons of ``directory``; KgError names file:line of a bad row."""
        return cls(
            roles=load_indexed(directory / "roles.csv", _role),
            qualifiers=load_indexed(directory / "office_qualifiers.csv", _qualifier),
            institutions=load_indexed(directory / "institutions.csv", _institution),
            event_kinds=load_indexed(directory / "event_kinds.csv", _event_kind),
            honorifics=load_indexed(directory / "honorifics.csv", _honorific, fold=False),
            speech_verbs=load_indexed(directory / "speech_verbs.csv", _speech_verb),
            boilerplate=load_file(directory / "boilerplate.csv", _marker),
            publishers=load_indexed(directory / "publishers.csv", _publisher, fold=False),
            not_names=load_not_names(directory / "not_names.txt"),
        )

    @cached_property
    def boilerplate_prefixes(self) -> tuple[str, ...]:
        """Every boilerplate marker lowercased, for a one-call ``startswith`` test."""
        return tuple(m.marker.lower() for m in self.boilerplate)

    @cached_property
    def role_index(self) -> FormIndex[Role]:
        """Surface form -> Role."""
        return FormIndex(self.roles)

    @cached_property
    def qualifier_index(self) -> FormIndex[Qualifier]:
        """Surface form -> Qualifier."""
        return FormIndex(self.qualifiers)

    @cached_property
    def institution_index(self) -> FormIndex[Institution]:
        """Surface form -> Institution."""
        return FormIndex(self.institutions)

    @cached_property
    def event_kind_index(self) -> FormIndex[EventKind]:
        """Term -> EventKind."""
        return FormIndex(self.event_kinds)

    @cached_property
    def honorific_index(self) -> FormIndex[Honorific]:
        """Form -> Honorific, case-sensitive ("Dr." a doctorate, "dr." a physician)."""
        return FormIndex(self.honorifics, fold=False)

    @cached_property
    def speech_verb_index(self) -> FormIndex[SpeechVerb]:
        """Verb -> SpeechVerb."""
        return FormIndex(self.speech_verbs)

    @cached_property
    def publisher_index(self) -> FormIndex[Publisher]:
        """Name or alias -> Publisher, case-sensitive ("Tempo" the outlet, not "tempo")."""
        return FormIndex(self.publishers, fold=False)

    def role(self, surface: str) -> Role | None:
        """The role that ``surface`` names ("Sekda" -> Sekretaris Daerah), or None."""
        return self.role_index.get(surface)

    def qualifier(self, surface: str) -> Qualifier | None:
        """The qualifier that ``surface`` names ("Plt." -> Pelaksana Tugas), or None."""
        return self.qualifier_index.get(surface)

    def institution(self, surface: str) -> Institution | None:
        """The institution that ``surface`` names ("Kemendagri"), or None."""
        return self.institution_index.get(surface)

    def event_kind(self, surface: str) -> EventKind | None:
        """The event kind of a term ("bimtek" -> technical-guidance), or None."""
        return self.event_kind_index.get(surface)

    def honorific(self, surface: str) -> Honorific | None:
        """The honorific written ``surface`` ("M.Si" -> suffix), or None."""
        return self.honorific_index.get(surface)

    def speech_verb(self, surface: str) -> SpeechVerb | None:
        """The speech verb ``surface`` ("pungkas" -> after), or None."""
        return self.speech_verb_index.get(surface)

    def publisher(self, surface: str) -> Publisher | None:
        """The publisher that a name or alias names ("JPNN" -> jpnn.com), or None."""
        return self.publisher_index.get(surface)

    def publisher_for_url(self, url: str) -> Publisher | None:
        """The publisher whose domain is the url's host or a parent of it, or None."""
        host = _host(url)
        matches = [p for p in self.publishers if p.domain and (host == p.domain or host.endswith("." + p.domain))]
        return max(matches, key=lambda p: len(p.domain), default=None)

    def marker(self, line: str) -> Marker | None:
        """The boilerplate marker that ``line`` starts with as whole words (longest wins), or None.

        Case is ignored; "Editor: X" and "Editorial" differ because a marker must not be
        followed by a letter or digit.
        """
        start = line.lstrip().casefold()
        matches = [m for m in self.boilerplate if _starts_with_word(start, m.marker.casefold())]
        return max(matches, key=lambda m: len(m.marker), default=None)

    def ministry_of(self, role: Role) -> Institution | None:
        """The ministry a specific minister's role names ("Menteri Dalam Negeri"), or None."""
        prefix, _, rest = role.role.partition(" ")
        if prefix not in {"Menteri", "Wakil"} or not rest:
            return None
        stem = "Kementerian " + rest.removeprefix("Menteri ")
        for institution in self.institutions:
            if institution.kind == "ministry" and institution.name.split("/")[0] == stem:
                return institution
        return None



@lru_cache(maxsize=1)
def _load_default() -> Lexicon:
    return Lexicon.from_directory(DATA)
