"""Numbers written as numerals or spelled out, in Indonesian and English news text.

``parse_number`` reads one expression ("enam ratus tiga puluh lima", "3 (tiga)",
"Rp9,35 triliun", "120,781"); ``find_numbers`` finds every number in running text.

Separators follow the language: in Indonesian a comma is the decimal mark and a dot
groups thousands ("3,84" is 3.84, "1.250" is 1250); in English the reverse
("120,781" is 120781). A dot in Indonesian text followed by anything but groups of
three digits is read as a decimal point ("3.5" is 3.5), and likewise a comma in
English. One exception: in Indonesian text a single comma followed by exactly three
digits ("120,781", but not "0,751") is read as an English thousands separator, since
Indonesian decimals with three places are rare and copied English figures are not.
The number words live in ``kg/data/number_words.csv``.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from kg.errors import InputError
from kg.paths import DATA

LANGS = ("id", "en")


@dataclass(frozen=True)
class NumberMention:
    """A number found in text: its character span, the text there and its value."""

    start: int
    end: int
    text: str
    value: float | int


@dataclass(frozen=True)
class _Word:
    value: int
    kind: str  # unit, teen, multiplier, scale, scale_one, joiner


def check_lang(lang: str) -> None:
    """Raise InputError unless ``lang`` is a language this module knows."""
    if lang not in LANGS:
        raise InputError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")


@lru_cache(maxsize=1)
def _rows() -> tuple[dict[str, str], ...]:
    with (DATA / "number_words.csv").open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


@lru_cache(maxsize=1)
def number_words() -> dict[str, _Word]:
    """All number words of every language, from ``number_words.csv``, by lower-case word."""
    return {row["word"].lower(): _Word(int(row["value"]), row["kind"]) for row in _rows() if row["kind"] != "idiom"}


def _scales() -> dict[str, int]:
    return {w: v.value for w, v in number_words().items() if v.kind == "scale"}


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


_NUMERAL = r"\d+(?:[.,]\d+)*"
_CURRENCY = r"(?:Rp\.?|IDR|USD|US\$|\$)\s?"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    sequence = spelled_run(guard_hyphen=True)
    scale = rf"(?:\s?(?P<scale>{_alternation(list(_scales()))})(?![^\W\d_]))?"
    numeral = (
        rf"(?:(?<=Rp)|(?<=Rp\.)|(?<=\$)|(?<![^\W\d_]))(?<![\d/.,:])(?:(?<=\bke-)|(?<![^\W\d_][-‐]))(?P<num>{_NUMERAL})"
        rf"(?![\d/]|[.,:]\d){scale}(?![^\W\d_])(?:\s*\(\s*(?P<paren>{sequence})\s*\))?"
    )
    full = rf"^\s*(?:{_CURRENCY})?(?P<num>{_NUMERAL}){scale}(?:\s*\(\s*(?P<paren>{sequence})\s*\))?\s*$"
    return (
        re.compile(numeral, re.IGNORECASE),
        re.compile(sequence, re.IGNORECASE),
        re.compile(full, re.IGNORECASE),
    )


def spelled_run(guard_hyphen: bool) -> str:
    """Regex for a run of number words; ``guard_hyphen`` rejects "satu-satunya" (word-hyphen-word)."""
    words = number_words()
    spelled = _alternation([w for w, v in words.items() if v.kind != "joiner"])
    joiners = _alternation([w for w, v in words.items() if v.kind == "joiner"])
    word = rf"(?<![^\W\d_])(?:{spelled})(?![^\W\d_])"
    if guard_hyphen:
        word += rf"(?![-‐](?!(?:{spelled})(?![^\W\d_]))[^\W\d_])"
    return rf"{word}(?:(?:\s+|\s*[-‐]\s*)(?:(?:{joiners})\s+)?{word})*"


def _clean(value: Decimal) -> float | int:
    return int(value) if value == value.to_integral_value() else float(value)


_ENGLISH_GROUPING = re.compile(r"[1-9]\d{0,2},\d{3}")


def _numeral_value(digits: str, lang: str) -> Decimal | None:
    group, decimal = (".", ",") if lang == "id" else (",", ".")
    if lang == "id" and _ENGLISH_GROUPING.fullmatch(digits):
        group, decimal = ",", "."  # "tercatat 120,781 ASN": decimals with three places are rare
    parts = digits.split(group)
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]) and decimal not in parts[-1]:
        digits = "".join(parts)
    elif len(parts) > 1 and all(len(p) == 3 for p in parts[1:-1]) and decimal in parts[-1]:
        digits = "".join(parts)
    elif len(parts) > 1 and decimal not in digits and len(parts) == 2:
        digits = digits.replace(group, decimal)  # "3.5" in Indonesian text: a decimal point
    elif len(parts) > 1:
        return None
    try:
        return Decimal(digits.replace(decimal, "."))
    except InvalidOperation:
        return None


def _numeral(match: re.Match[str], lang: str) -> float | int | None:
    value = _numeral_value(match.group("num"), lang)
    if value is None:
        return None
    scale = match.group("scale")
    if scale:
        value *= _scales()[scale.lower()]
    return _clean(value)


class _Spelled:
    """Accumulates number words left to right ("dua ratus tiga puluh lima")."""

    def __init__(self) -> None:
        self.total = 0
        self.group = 0
        self.pending: int | None = None

    def unit(self, value: int) -> bool:
        if self.pending is not None:
            if self.pending % 10 ** len(str(value)) != 0:
                return False
            self.group += self.pending
        self.pending = value
        return True

    def multiply(self, factor: int, add: int = 0) -> bool:
        self.group += (self.pending if self.pending is not None else 1) * factor + add
        self.pending = None
        return True

    def scale(self, factor: int, implicit_one: bool) -> bool:
        base = self.group + (self.pending or 0)
        if implicit_one and base:
            return False
        self.total += (base or 1) * factor
        self.group, self.pending = 0, None
        return True

    def feed(self, word: _Word) -> bool:
        if word.kind == "unit":
            return self.unit(word.value)
        if word.kind == "teen":
            return self.pending is not None and self.multiply(1, word.value)
        if word.kind == "multiplier":
            return self.multiply(word.value)
        if word.kind in ("scale", "scale_one"):
            return self.scale(word.value, word.kind == "scale_one")
        return True  # joiner ("and")

    def value(self) -> int:
        return self.total + self.group + (self.pending or 0)


def parse_spelled(text: str) -> int | None:
    """The value of spelled-out number words ("enam ratus tiga puluh lima" -> 635), or None."""
    words = number_words()
    tokens = [t for t in re.split(r"[\s\-‐]+", text.strip().lower()) if t]
    if not tokens or any(t not in words for t in tokens):
        return None
    if words[tokens[0]].kind in ("joiner", "teen", "scale") or words[tokens[-1]].kind == "joiner":
        return None
    acc = _Spelled()
    if not all(acc.feed(words[t]) for t in tokens):
        return None
    return acc.value()


def parse_number(text: str, lang: str = "id") -> float | int | None:
    """The value of one number expression, or None when ``text`` is not a number.

    Examples: "8", "delapan", "3 (tiga)", "3,84" (id), "1.250" (id), "120,781" (en),
    "5,5 ribu", "Rp9,35 triliun", "twenty-five".
    """
    check_lang(lang)
    match = _patterns()[2].match(text)
    if match:
        return _numeral(match, lang)
    return parse_spelled(text)


def _spelled_mentions(text: str, match: re.Match[str]) -> list[NumberMention]:
    """Spelled mentions in one run of number words; a run that is not one number is split."""
    tokens = list(re.finditer(r"[^\s\-‐]+", match.group()))
    found: list[NumberMention] = []
    i = 0
    while i < len(tokens):
        for j in range(len(tokens), i, -1):
            start, end = match.start() + tokens[i].start(), match.start() + tokens[j - 1].end()
            value = parse_spelled(text[start:end])
            if value is not None:
                found.append(NumberMention(start, end, text[start:end], value))
                i = j
                break
        else:
            i += 1
    return found


_TIME = re.compile(
    r"(?:(?:pukul|jam|pkl\.?)\s+\d{1,2}(?:[.:]\d\d)?|\d{1,2}[.:]\d\d(?:\s*(?:WIB|WITA|WIT|a\.?m\.?|p\.?m\.?))?)"
    r"(?:\s*[-–]\s*\d{1,2}[.:]\d\d)?(?!\d)",
    re.IGNORECASE,
)


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    from kg.dates import find_date_spans  # dates imports this module

    times = [(m.start(), m.end()) for m in _TIME.finditer(text) if re.search(r"[.:]|pukul|jam|pkl", m.group(), re.I)]
    return find_date_spans(text) + times


_PAREN_OPEN = re.compile(r"\s*\(\s*\Z")
_PAREN_CLOSE = re.compile(r"\s*\)")


def _merge_glosses(text: str, found: list[NumberMention]) -> list[NumberMention]:
    """ "enam ratus empat (604)": a number glossed in parentheses by the same value is one mention."""
    merged: list[NumberMention] = []
    for mention in found:
        if merged and merged[-1].value == mention.value and _PAREN_OPEN.match(text, merged[-1].end, mention.start):
            close = _PAREN_CLOSE.match(text, mention.end)
            if close:
                left = merged.pop()
                mention = NumberMention(left.start, close.end(), text[left.start : close.end()], left.value)
        merged.append(mention)
    return merged


@lru_cache(maxsize=1)
def _idioms() -> re.Pattern[str]:
    """Phrases whose number word counts nothing ("salah satu", "one of"), from number_words.csv."""
    phrases = [row["word"] for row in _rows() if row["kind"] == "idiom"]
    return re.compile(rf"(?<![^\W\d_])(?:{_alternation(phrases)})(?![^\W\d_])", re.IGNORECASE)


def find_numbers(text: str, lang: str = "id") -> list[NumberMention]:
    """Every numeral and spelled-out number in ``text``, in text order.

    "3 (tiga) OPD" and "enam ratus empat (604) keuchik" give one mention each. Parts of
    dates ("30/5", "7 Mei 2023"), clock times ("pukul 10.00", "10.00 WIB") and idioms
    ("salah satu", "satu sama lain") are skipped.
    """
    check_lang(lang)
    numeral, sequence, _ = _patterns()
    blocked = _blocked_spans(text) + [(m.start(), m.end()) for m in _idioms().finditer(text)]
    found = [
        NumberMention(m.start(), m.end(), m.group(), value)
        for m in numeral.finditer(text)
        if (value := _numeral(m, lang)) is not None
    ]
    taken = [(n.start, n.end) for n in found]
    for m in sequence.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            found.extend(_spelled_mentions(text, m))
    kept = [n for n in found if not any(s <= n.start and n.end <= e for s, e in blocked)]
    return _merge_glosses(text, sorted(kept, key=lambda n: (n.start, n.end)))
