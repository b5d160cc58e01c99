"""Dates, date ranges and durations in Indonesian and English news text.

Finding is done here with a few compiled patterns built from the month, weekday and
connector words in ``kg/data/months.csv`` and ``kg/data/calendar_words.csv``; the
found pieces (day, month name, year) are turned into dates with that same month
table. ``dateparser`` is only the fallback of :func:`parse_date` for expressions the
patterns do not cover (relative forms such as "2 hari lalu", "kemarin"): once an
expression has been found, its day, month name and year are already separate, so
dateparser would add nothing there but time (about 1 ms per call, 100 ms for the
first), and it finds no ranges, no day/month without year and no weekday check.

Rules (see also the tests):

* Month-only expressions ("Mei 2023") and bare weekdays ("Selasa") are not dates.
* A day/month without a year takes the year of the reference date; if the result
  lies more than 183 days after the reference it moves to the year before (an
  article of January about "28/12"), and if it lies more than 274 days before the
  reference it moves to the year after (an article of late December about "5/1").
* A year written at the end of a range is carried back to its start ("28 Mei s.d.
  3 Juni 2023"); a range whose end month comes before its start month crosses a year
  ("30 Desember s.d. 3 Januari").
* A day alone ("Senin,21") is only read right after a weekday; its month is the
  reference month or the one before or after, whichever makes the weekday agree
  (closest to the reference first).
* The weekday is checked (``weekday_ok``). When the text gave no year and the weekday
  disagrees with the inferred year, the year before or after is used instead if it
  makes every written weekday agree and stays within 366 days of the reference.
  A written year is never changed.
* With ``reference=None`` the first date in the text that has a year serves as the
  reference. Without one, a yearless date that has a weekday takes the one year
  written anywhere in the text ("tahun 2024") with which the weekday agrees; other
  yearless mentions are left out.
"""

from __future__ import annotations

import csv
import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from kg.numbers import check_lang, parse_number, parse_spelled, spelled_run
from kg.paths import DATA

Date = datetime.date


@dataclass(frozen=True)
class DateMention:
    """A date or date range found in text."""

    start: int
    end: int
    text: str
    first: Date
    last: Date | None
    year_stated: bool
    weekday_ok: bool | None


@dataclass(frozen=True)
class Duration:
    """A length of time ("selama 12 hari", "two weeks") and its number of days."""

    start: int
    end: int
    text: str
    days: int


@dataclass(frozen=True)
class _Raw:
    """The pieces of one found date expression, before any year is inferred."""

    start: int
    end: int
    d1: int
    m1: int | None
    y1: int | None
    d2: int | None
    m2: int | None
    y2: int | None
    wd1: int | None
    wd2: int | None


# ---------------------------------------------------------------- data


@lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    """Month number by lower-case month name or abbreviation (all languages)."""
    return {name: row[0] for name, row in _month_rows().items()}


@lru_cache(maxsize=1)
def _month_rows() -> dict[str, tuple[int, bool, bool]]:
    """{name: (month, is an abbreviation, is read only when capitalised)}."""
    with (DATA / "months.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {
        row["name"].lower(): (int(row["month"]), row["abbreviation"] == "yes", row["capital_only"] == "yes")
        for row in rows
    }


@lru_cache(maxsize=1)
def calendar_words() -> dict[str, dict[str, str]]:
    """Words of ``calendar_words.csv`` by kind: {kind: {word: value}}."""
    table: dict[str, dict[str, str]] = {}
    with (DATA / "calendar_words.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            table.setdefault(row["kind"], {})[row["word"].lower()] = row["value"]
    return table


def _words(kind: str) -> list[str]:
    return list(calendar_words()[kind])


def _alt(words: list[str]) -> str:
    """A regex alternation of words (longest first), each bounded by non-letters.

    Alphabetic words share one look-behind and a first-letter guard, which keeps
    scanning fast when the alternation starts a pattern.
    """
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    bodies = []
    for word in unique:
        body = r"\s+".join(re.escape(p) for p in word.split())
        bodies.append(body + (r"(?![^\W\d_])" if word[-1].isalpha() else ""))
    alternation = "(?:" + "|".join(bodies) + ")"
    if not all(w[0].isalpha() for w in unique):
        return alternation
    initials = "".join(sorted({re.escape(w[0].lower()) for w in unique}))
    return rf"(?<![^\W\d_])(?=[{initials}]){alternation}"


# ---------------------------------------------------------------- patterns


def _day(n: int) -> str:
    return rf"(?<![\d.])(?P<d{n}>[0-3]?\d)(?:st|nd|rd|th)?(?![\d])"


def _month(n: int) -> str:
    """A month name; only an abbreviation may take a period ("Agt.", "Sept.").

    Names that are also common words ("may", "mar", "des") count only when capitalised.
    """
    rows = _month_rows()

    def names(short: bool, capital: bool) -> list[str]:
        return [name for name, row in rows.items() if row[1:] == (short, capital)]

    def cased(words: list[str], period: str) -> list[str]:
        return [f"(?-i:{w.title()}|{w.upper()}){period}" for w in sorted(words)]

    guarded = "|".join(cased(names(False, True), "") + cased(names(True, True), r"\.?"))
    words = rf"{_alt(names(False, False))}|{_alt(names(True, False))}\.?"
    return rf"(?P<mn{n}>{words}|(?<![^\W\d_])(?:{guarded})(?![^\W\d_]))"


def _year(n: int) -> str:
    return rf"(?P<y{n}>(?:19|20)\d\d)(?![\d])"


def _num_month(n: int) -> str:
    return rf"(?P<mo{n}>[01]?\d)(?!\d)"


def _num_year(n: int) -> str:
    return rf"(?P<y{n}>(?:19|20)\d\d|\d\d)(?![\d])"


def _cores() -> dict[str, str]:
    conn = rf"\s*{_alt(_words('range'))}\s*(?:{_alt(_words('date_prefix'))}\s*)?"
    sep = r"\s*,?\s*"
    return {
        "text_range": rf"{_day(1)}\s*{_month(1)}(?:{sep}{_year(1)})?{conn}{_day(2)}\s*{_month(2)}(?:{sep}{_year(2)})?",
        "text_days": rf"{_day(1)}{conn}{_day(2)}\s*{_month(2)}(?:{sep}{_year(2)})?",
        "text": rf"{_day(1)}\s*(?:of\s+)?{_month(1)}(?:{sep}{_year(1)})?",
        "en_range": rf"{_month(1)}\s*{_day(1)}{conn}{_month(2)}\s*{_day(2)}(?:{sep}{_year(2)})?",
        "en_days": rf"{_month(1)}\s*{_day(1)}{conn}{_day(2)}(?:{sep}{_year(2)})?",
        "en": rf"{_month(1)}\s*{_day(1)}(?:{sep}{_year(1)})?",
        "numeric": rf"{_day(1)}\s*(?P<sep>[/.\-])\s*{_num_month(1)}\s*(?P=sep)\s*{_num_year(1)}",
        "iso": rf"(?<!\d){_year(1)}-{_num_month(1)}-{_day(1)}",
        "numeric_days": rf"{_day(1)}\s*[-–]\s*{_day(2)}\s*/\s*{_num_month(2)}(?:\s*/\s*{_num_year(2)})?",
        "day_month": rf"{_day(1)}\s*/\s*{_num_month(1)}(?!\s*/\s*\d)",
        "day_only": rf"{_day(1)}(?=\s*(?:[,.;)]|$)|\s+{_alt(_words('day_follow'))})",
    }


@lru_cache(maxsize=1)
def _prefix_pattern() -> re.Pattern[str]:
    """What may stand right before a date: "Selasa (", "Sabtu-Minggu (", "Minggu malam, ", "tanggal "."""
    weekday = _alt(_words("weekday"))
    link = rf"\s*(?:[-–/&]|{_alt(['dan', 'and', 'hingga', 'sampai', 's.d.', 's/d'])})\s*"
    daypart = rf"(?:{_alt(_words('daypart'))}\s*,?\s*)?"
    dated = rf"(?P<pre>{_alt(_words('date_prefix'))}\s*)?"
    weekdays = rf"(?:(?P<wd1>{weekday})\.?(?:{link}(?P<wd2>{weekday})\.?)?\s*,?\s*{daypart})?"
    return re.compile(rf"{weekdays}{dated}(?P<open>\(\s*)?\Z", re.IGNORECASE)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    return {name: re.compile(core, re.IGNORECASE) for name, core in _cores().items()}


# ---------------------------------------------------------------- finding

_LOOKBACK = 48
_CLOSE = re.compile(r"\s*\)")


def _int(match: re.Match[str], name: str) -> int | None:
    value = match.groupdict().get(name)
    return int(value) if value else None


def _month_of(match: re.Match[str], n: int) -> int | None:
    name = match.groupdict().get(f"mn{n}")
    if name:
        return month_names()[name.lower().rstrip(".")]
    return _int(match, f"mo{n}")


def _year_of(match: re.Match[str], n: int) -> int | None:
    year = _int(match, f"y{n}")
    return year + 2000 if year is not None and year < 100 else year


def _weekday_of(prefix: re.Match[str] | None, name: str) -> int | None:
    word = prefix.group(name) if prefix else None
    return int(calendar_words()["weekday"][word.lower()]) if word else None


def _prefix_of(text: str, match: re.Match[str]) -> tuple[re.Match[str] | None, int]:
    """The weekday/paren prefix before a core match (or None) and the end of the whole span."""
    window_start = max(0, match.start() - _LOOKBACK)
    prefix = _prefix_pattern().search(text, window_start, match.start())
    if prefix is None or prefix.start() == prefix.end():
        return None, match.end()
    if prefix.group("open"):
        close = _CLOSE.match(text, match.end())
        if close is None:
            return None, match.end()
        return prefix, close.end()
    return prefix, match.end()


def _raw(kind: str, text: str, match: re.Match[str]) -> _Raw | None:
    prefix, end = _prefix_of(text, match)
    weekday = prefix if prefix is not None and prefix.group("wd1") else None
    if kind == "day_only" and (weekday is None or weekday.group("open")):
        return None  # a day alone is a date only right after a weekday: "Senin,21"
    if kind == "day_month" and prefix is None:
        return None  # a bare "3/4" may be a fraction; read it only in "(30/5)", "tanggal 30/5", "Selasa 30/5"
    day2, month1, month2 = _int(match, "d2"), _month_of(match, 1), _month_of(match, 2)
    return _Raw(
        weekday.start() if weekday else match.start(), end if weekday else match.end(),
        int(match.group("d1")), month1 or month2, _year_of(match, 1),
        day2, (month2 or month1) if day2 is not None else None, _year_of(match, 2),
        _weekday_of(weekday, "wd1"), _weekday_of(weekday, "wd2"),
    )  # fmt: skip


def _plausible(raw: _Raw) -> bool:
    """Day and month in range, and a range with two written years in order."""
    months = [m for m in (raw.m1, raw.m2) if m is not None]
    days = [d for d in (raw.d1, raw.d2) if d is not None]
    if not all(1 <= m <= 12 for m in months) or not all(1 <= d <= 31 for d in days):
        return False
    if raw.d2 is None or raw.y1 is None or raw.y2 is None:
        return True
    return (raw.y1, raw.m1 or 0, raw.d1) < (raw.y2, raw.m2 or 0, raw.d2)


_DIGITS = re.compile(r"(?<!\d)\d")


@lru_cache(maxsize=1)
def _month_anchor() -> re.Pattern[str]:
    """Where a month name may start: a word beginning with the first three letters of one.

    A superset of the month names (the patterns tried there check the name itself), found
    about 2.5 times faster than with the month-name pattern."""
    prefixes = sorted({name[:3].lower() for name in _month_rows()})
    return re.compile(rf"(?<![^\W\d_])(?:{'|'.join(map(re.escape, prefixes))})", re.IGNORECASE)


def _anchors(text: str) -> dict[str, list[int]]:
    """Where a pattern can start: month-first patterns at month names, the rest at digits."""
    digits = [m.start() for m in _DIGITS.finditer(text)]
    months = [m.start() for m in _month_anchor().finditer(text)] if digits else []
    return {kind: months if kind.startswith("en") else digits for kind in _patterns()}


def _candidates(text: str) -> list[_Raw]:
    """Every way a pattern matches at an anchor (overlaps included; choosing comes later)."""
    found = []
    anchors = _anchors(text)
    for kind, pattern in _patterns().items():
        for start in anchors[kind]:
            match = pattern.match(text, start)
            raw = _raw(kind, text, match) if match else None
            if raw is not None and _plausible(raw):
                found.append(raw)
    return found


def _longest_first(raws: list[_Raw]) -> list[_Raw]:
    """Non-overlapping candidates, longest first, returned in text order."""
    chosen: list[_Raw] = []
    for raw in sorted(raws, key=lambda r: (r.start - r.end, r.start)):
        if all(raw.end <= c.start or c.end <= raw.start for c in chosen):
            chosen.append(raw)
    return sorted(chosen, key=lambda r: r.start)


@lru_cache(maxsize=1)
def _joiner() -> re.Pattern[str]:
    """What stands between the two ends of "Senin (29/5) hingga Jumat (2/6)"."""
    words = [w for w in _words("range") if w not in ("-", "–", "—", "~")]
    return re.compile(rf"\s*(?:[-–—]|{_alt(words)})\s*\Z", re.IGNORECASE)


def _joinable(left: _Raw, right: _Raw, text: str) -> bool:
    singles = left.d2 is None and right.d2 is None and left.wd2 is None and right.wd2 is None
    dated = None not in (left.m1, right.m1)
    if not (singles and dated and _joiner().match(text, left.end, right.start)):
        return False
    return _plausible(_Raw(0, 0, left.d1, left.m1, left.y1, right.d1, right.m1, right.y1, None, None))


def _join_ranges(raws: list[_Raw], text: str) -> list[_Raw]:
    """Two single dates joined by a range word become one range: "Senin (29/5) hingga Jumat (2/6)"."""
    joined: list[_Raw] = []
    for raw in raws:
        if joined and _joinable(joined[-1], raw, text):
            left = joined.pop()
            raw = _Raw(left.start, raw.end, left.d1, left.m1, left.y1, raw.d1, raw.m1, raw.y1, left.wd1, raw.wd1)
        joined.append(raw)
    return joined


def _found(text: str) -> list[_Raw]:
    return _join_ranges(_longest_first(_candidates(text)), text)


def find_date_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of every date expression in ``text`` (no year inference)."""
    return [(r.start, r.end) for r in _found(text)]


# ---------------------------------------------------------------- resolving


def _date(year: int | None, month: int | None, day: int | None) -> Date | None:
    if year is None or month is None or day is None:
        return None
    try:
        return Date(year, month, day)
    except ValueError:
        return None


def infer_year(month: int, day: int, reference: Date) -> int:
    """The year of a day/month written without one, seen from ``reference`` (module rules)."""
    year = reference.year
    guess = _date(year, month, day) or _date(year, month, 28)
    assert guess is not None
    if (guess - reference).days > 183:
        return year - 1
    if (reference - guess).days > 274:
        return year + 1
    return year


def _weekdays_ok(raw: _Raw, first: Date, last: Date | None) -> bool | None:
    checks = [(raw.wd1, first)]
    if raw.wd2 is not None:
        checks.append((raw.wd2, last or first))
    written = [(wd, day) for wd, day in checks if wd is not None]
    if not written:
        return None
    return all(day.weekday() == wd for wd, day in written)


def _span(raw: _Raw, year1: int | None, year2: int | None) -> tuple[Date, Date | None] | None:
    first = _date(year1, raw.m1 or raw.m2, raw.d1)
    if raw.d2 is None:
        return (first, None) if first else None
    last = _date(year2, raw.m2, raw.d2)
    if first is None or last is None or not 0 < (last - first).days <= 366:
        return None
    return first, last


def _years(raw: _Raw, reference: Date | None) -> tuple[int | None, int | None]:
    """Years of the first and last day, carried across a range or inferred."""
    m1, m2 = raw.m1 or raw.m2, raw.m2
    if raw.d2 is None:
        if raw.y1 is None and reference is not None and m1 is not None:
            return infer_year(m1, raw.d1, reference), None
        return raw.y1, None
    crosses = m1 is not None and m2 is not None and (m1, raw.d1) > (m2, raw.d2)
    if raw.y1 is not None:
        return raw.y1, raw.y2 if raw.y2 is not None else raw.y1 + crosses
    if raw.y2 is not None:
        return raw.y2 - crosses, raw.y2
    if reference is None or m1 is None:
        return None, None
    year = infer_year(m1, raw.d1, reference)
    return year, year + crosses


def _day_only(raw: _Raw, reference: Date) -> Date | None:
    """ "Senin,21": the month (reference month or a neighbour) where the weekday agrees."""
    options = []
    for shift in (0, -1, 1):
        month_index = reference.year * 12 + reference.month - 1 + shift
        day = _date(month_index // 12, month_index % 12 + 1, raw.d1)
        if day is not None:
            agrees = raw.wd1 is None or day.weekday() == raw.wd1
            options.append((not agrees, abs((day - reference).days), day))
    return min(options)[2] if options else None


def _mention_from(raw: _Raw, text: str, first: Date, last: Date | None, stated: bool) -> DateMention:
    return DateMention(raw.start, raw.end, text, first, last, stated, _weekdays_ok(raw, first, last))


def _shift_for_weekday(raw: _Raw, years: tuple[int | None, int | None], reference: Date | None) -> tuple[int | None, int | None]:
    """The year before or after when only that makes the written weekdays agree."""
    if reference is None or raw.wd1 is None and raw.wd2 is None:
        return years
    span = _span(raw, *years)
    if span is None or _weekdays_ok(raw, *span):
        return years
    for delta in (-1, 1):
        shifted = tuple(y + delta if y is not None else None for y in years)
        other = _span(raw, *shifted)
        if other and _weekdays_ok(raw, *other) and abs((other[0] - reference).days) <= 366:
            return shifted[0], shifted[1]
    return years


def _resolve(raw: _Raw, text: str, reference: Date | None) -> DateMention | None:
    if raw.m1 is None:
        day = _day_only(raw, reference) if reference is not None else None
        return _mention_from(raw, text[raw.start : raw.end], day, None, False) if day else None
    stated = raw.y1 is not None or raw.y2 is not None
    years = _years(raw, reference)
    if not stated:
        years = _shift_for_weekday(raw, years, reference)
    span = _span(raw, *years)
    if span is None:
        return None
    return _mention_from(raw, text[raw.start:raw.end], span[0], span[1], stated)


def _fallback_reference(raws: list[_Raw], text: str) -> Date | None:
    for raw in raws:
        if raw.y1 is not None or raw.y2 is not None:
            mention = _resolve(raw, text, None)
            if mention is not None:
                return mention.first
    return None


_YEAR = re.compile(r"(?<![\d.,/])(?:19|20)\d\d(?![\d.,/])")


def _year_hints(text: str) -> list[int]:
    """Years written anywhere in the text ("tahun 2024"), latest first."""
    return sorted({int(m.group()) for m in _YEAR.finditer(text)}, reverse=True)


def _resolve_by_weekday(raw: _Raw, text: str, years: list[int]) -> DateMention | None:
    """A yearless date with a weekday, when exactly one year written in the text agrees with it."""
    if raw.y1 is not None or raw.y2 is not None:
        return _resolve(raw, text, None)
    if raw.wd1 is None or raw.m1 is None:
        return None
    agreeing = []
    for year in years:
        mention = _resolve(raw, text, _date(year, raw.m1, min(raw.d1, 28)))
        if mention is not None and mention.weekday_ok and mention.first.year == year:
            agreeing.append(mention)
    return agreeing[0] if len(agreeing) == 1 else None


def find_dates(text: str, reference: Date | None, lang: str = "id") -> list[DateMention]:
    """Every date and date range in ``text``, in text order, non-overlapping, longest first.

    ``reference`` (usually the publication date) supplies missing years and months;
    ``lang`` is checked but month and weekday names of every language are always
    recognised, since Indonesian articles quote English dates and vice versa.
    """
    check_lang(lang)
    return list(_find_dates(text, reference, lang))


@lru_cache(maxsize=512)
def _find_dates(text: str, reference: Date | None, lang: str) -> tuple[DateMention, ...]:
    """find_dates, made once per text: the extractors ask again for the same sentences."""
    raws = _found(text)
    if reference is None:
        reference = _fallback_reference(raws, text)
    if reference is None:
        mentions = (_resolve_by_weekday(raw, text, _year_hints(text)) for raw in raws)
    else:
        mentions = (_resolve(raw, text, reference) for raw in raws)
    return tuple(m for m in mentions if m is not None)


# ---------------------------------------------------------------- parse_date


def _dateparser(expr: str, reference: Date | None, lang: str) -> Date | None:
    import dateparser  # slow to import: only here, for what the patterns do not cover

    def parse(base: Date) -> Date | None:
        settings: dict[str, object] = {
            "RELATIVE_BASE": datetime.datetime(base.year, base.month, base.day),
            "REQUIRE_PARTS": ["day", "month", "year"],
            "DATE_ORDER": "DMY",
        }
        languages = [lang] + [x for x in ("id", "en") if x != lang]
        found = dateparser.parse(expr, languages=languages, settings=settings)
        return found.date() if found else None

    if reference is not None:
        return parse(reference)
    one, two = parse(Date(2000, 1, 1)), parse(Date(2010, 6, 15))
    return one if one == two else None  # a relative expression needs a reference


def parse_date(expr: str, reference: Date | None = None, lang: str = "id") -> Date | None:
    """The date of one expression (the first day of a range), or None.

    Handles publication lines such as "Kamis, 07 Mei 2009 - 10:15 WIB", "30/05/2023",
    "2023-05-30", "May 30, 2023", "30 Mei 2023 | 10:00 WIB"; relative forms ("2 hari
    lalu", "kemarin") only with a ``reference``.
    """
    check_lang(lang)
    if not expr or not expr.strip():
        return None
    mentions = find_dates(expr, reference, lang)
    if mentions:
        return mentions[0].first
    return _dateparser(expr, reference, lang)


# ---------------------------------------------------------------- durations


@lru_cache(maxsize=1)
def _duration_pattern() -> re.Pattern[str]:
    spelled = spelled_run(guard_hyphen=False)
    count = rf"(?P<count>(?<![\d.,])\d+(?:,\d+)?|{spelled}|(?<![^\W\d_])an?(?![^\W\d_]))"
    unit = rf"(?P<unit>{_alt(_words('duration_unit'))})"
    word = rf"(?P<word>{_alt(_words('duration_word'))})"
    lead = rf"(?:(?P<lead>{_alt(_words('duration_lead'))})\s+)?"
    stop = rf"(?!\s+{_alt(_words('duration_stop'))}|\s*\d)"  # "Nomor 6 Tahun 2022" is no duration
    return re.compile(rf"{lead}(?:{count}\s*[-‐]?\s*{unit}|{word}){stop}", re.IGNORECASE)


def _duration_days(match: re.Match[str]) -> int | None:
    words = calendar_words()
    if match.group("word"):
        return int(words["duration_word"][match.group("word").lower()])
    count_text = match.group("count").lower()
    count = 1 if count_text in ("a", "an") else parse_number(count_text)
    if count is None or count <= 0:
        return None
    return round(count * int(words["duration_unit"][match.group("unit").lower()]))


def find_durations(text: str, lang: str = "id") -> list[Duration]:
    """Every length of time in ``text`` ("selama 12 hari", "sepekan", "two-week"), in text order.

    A month counts 30 days and a year 365. Offsets ("dua hari lalu", "three days
    ago") are not durations.
    """
    check_lang(lang)
    found = []
    for match in _duration_pattern().finditer(text):
        days = _duration_days(match)
        if days is not None:
            found.append(Duration(match.start(), match.end(), match.group(), days))
    return found


__all__ = [
    "DateMention", "Duration", "find_dates", "find_date_spans",
    "find_durations", "infer_year", "parse_date",
]  # fmt: skip
