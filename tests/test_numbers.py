"""Numerals and spelled-out numbers in Indonesian and English phrases (kg.numbers)."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.numbers import find_numbers, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("8", 8),
        ("delapan", 8),
        ("enam ratus tiga puluh lima", 635),
        ("3 (tiga)", 3),
        ("3,84", 3.84),
        ("1.250", 1250),
        ("1.250.000", 1250000),
        ("1.250,5", 1250.5),
        ("3.5", 3.5),
        ("120,781", 120781),  # English grouping copied into Indonesian text
        ("0,751", 0.751),
        ("0,7512", 0.7512),
        ("5,5 ribu", 5500),
        ("20 ribu", 20000),
        ("Rp9,35 triliun", 9.35e12),
        ("Rp 1,2 miliar", 1_200_000_000),
        ("1,2 juta", 1_200_000),
        ("sebelas", 11),
        ("dua belas", 12),
        ("sembilan belas", 19),
        ("seratus", 100),
        ("seratus dua puluh", 120),
        ("seribu", 1000),
        ("dua ribu dua puluh tiga", 2023),
        ("satu juta dua ratus ribu", 1_200_000),
        ("sepuluh", 10),
        ("twenty-five", 25),
        ("one hundred", 100),
        ("one hundred and five", 105),
        ("two thousand", 2000),
    ],
)
def test_parse_number_id(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("120,781", 120781), ("1,250,000", 1250000), ("3.84", 3.84), ("1.2 million", 1_200_000), ("five", 5)],
)
def test_parse_number_en(text: str, value: float) -> None:
    assert parse_number(text, "en") == value


def test_integral_values_are_ints() -> None:
    assert isinstance(parse_number("5,5 ribu"), int)
    assert isinstance(parse_number("3,84"), float)


@pytest.mark.parametrize("text", ["", "tiga dua", "belas", "ribu", "Bupati", "3 4", "1.2.3"])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


def mentions(text: str, lang: str = "id") -> list[tuple[str, float]]:
    return [(m.text, m.value) for m in find_numbers(text, lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("diikuti delapan Sekretaris Daerah", [("delapan", 8)]),
        ("sebanyak 3 (tiga) OPD", [("3 (tiga)", 3)]),
        ("enam ratus tiga puluh lima peserta", [("enam ratus tiga puluh lima", 635)]),
        ("Indeks SPBE naik menjadi 3,84 dari 2,5", [("3,84", 3.84), ("2,5", 2.5)]),
        ("anggaran Rp9,35 triliun", [("9,35 triliun", 9.35e12)]),
        ("sekitar 5,5 ribu ASN", [("5,5 ribu", 5500)]),
        ("satu-satunya daerah", []),
        ("dibuka Selasa (30/5) pukul 10.00 WIB", []),
        ("pada 28 Mei sampai dengan 3 Juni 2023", []),
        ("Angkatan 57 diikuti 40 peserta", [("57", 57), ("40", 40)]),
        ("COVID-19", []),
        ("Diklat PIM 1V Angkatan III", []),
        ("diikuti enam ratus empat (604) keuchik", [("enam ratus empat (604)", 604)]),
        ("Salah satu peserta, dan satu sama lain", []),
        ("Angkatan ke-57", [("57", 57)]),
        ("dua tiga kali", [("dua", 2), ("tiga", 3)]),
    ],
)
def test_find_numbers_id(text: str, expected: list[tuple[str, float]]) -> None:
    assert mentions(text) == expected


def test_find_numbers_en() -> None:
    text = "The programme reached 120,781 civil servants in twenty-five provinces."
    assert mentions(text, "en") == [("120,781", 120781), ("twenty-five", 25)]


def test_find_numbers_spans_point_into_the_text() -> None:
    text = "Sebanyak 3 (tiga) OPD dan delapan Sekda"
    assert [text[m.start : m.end] for m in find_numbers(text)] == ["3 (tiga)", "delapan"]


def test_unknown_language_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown language 'xx'"):
        parse_number("3", "xx")
