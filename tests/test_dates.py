"""Dates, ranges and durations in Indonesian and English news phrases (kg.dates)."""

from __future__ import annotations

import datetime

import pytest

from kg.dates import DateMention, find_date_spans, find_dates, find_durations, infer_year, parse_date
from kg.errors import InputError

D = datetime.date
REF = D(2023, 5, 30)  # a Tuesday


def one(text: str, reference: D | None = REF, lang: str = "id") -> DateMention:
    mentions = find_dates(text, reference, lang)
    assert len(mentions) == 1, mentions
    return mentions[0]


@pytest.mark.parametrize(
    ("text", "first", "weekday_ok", "year_stated"),
    [
        ("Selasa (30/5)", D(2023, 5, 30), True, False),
        ("Kamis, (30/4/2024)", D(2024, 4, 30), False, True),  # 30/4/2024 is a Tuesday
        ("Kamis, (2/5/2024)", D(2024, 5, 2), True, True),
        ("Minggu malam (7/5)", D(2023, 5, 7), True, False),
        ("Selasa(30/7/2019)", D(2019, 7, 30), True, True),
        ("Rabu pagi, 31 Mei", D(2023, 5, 31), True, False),
        ("30/5/2023", D(2023, 5, 30), None, True),
        ("30-05-2023", D(2023, 5, 30), None, True),
        ("30.05.2023", D(2023, 5, 30), None, True),
        ("2023-05-30", D(2023, 5, 30), None, True),
        ("Kamis, 07 Mei 2009", D(2009, 5, 7), True, True),
        ("Kamis 07 Mei 2009", D(2009, 5, 7), True, True),
        ("7 Mei", D(2023, 5, 7), None, False),
        ("12 Pebruari 2020", D(2020, 2, 12), None, True),
        ("3 Nopember 2021", D(2021, 11, 3), None, True),
        ("17 Agt. 2022", D(2022, 8, 17), None, True),
        ("17 Agustus 2022", D(2022, 8, 17), None, True),
        ("5 Sept. 2022", D(2022, 9, 5), None, True),
        ("1 Okt 2022", D(2022, 10, 1), None, True),
        ("Jum'at (2/6)", D(2023, 6, 2), True, False),
        ("June 3, 2023", D(2023, 6, 3), None, True),
        ("Tuesday, 30 May 2023", D(2023, 5, 30), True, True),
        ("on Tuesday (May 30)", D(2023, 5, 30), True, False),
        ("May 30th, 2023", D(2023, 5, 30), None, True),
    ],
)
def test_single_dates(text: str, first: D, weekday_ok: bool | None, year_stated: bool) -> None:
    mention = one(text)
    assert (mention.first, mention.last) == (first, None)
    assert mention.weekday_ok is weekday_ok
    assert mention.year_stated is year_stated


@pytest.mark.parametrize(
    ("text", "reference", "first", "last", "year_stated"),
    [
        ("tanggal 10-14 Juli", REF, D(2023, 7, 10), D(2023, 7, 14), False),
        ("10 - 14 Juli 2023", REF, D(2023, 7, 10), D(2023, 7, 14), True),
        ("28 Mei sampai dengan 3 Juni 2023", None, D(2023, 5, 28), D(2023, 6, 3), True),
        ("28 Mei s.d. 3 Juni 2023", None, D(2023, 5, 28), D(2023, 6, 3), True),
        ("28 Mei s/d 3 Juni", REF, D(2023, 5, 28), D(2023, 6, 3), False),
        ("28 Mei hingga 3 Juni 2023", None, D(2023, 5, 28), D(2023, 6, 3), True),
        ("dari tanggal 1 sampai 5 Agustus 2022", None, D(2022, 8, 1), D(2022, 8, 5), True),
        ("1 sampai tanggal 5 Agustus 2022", None, D(2022, 8, 1), D(2022, 8, 5), True),
        ("Sabtu-Minggu (3-4/6)", REF, D(2023, 6, 3), D(2023, 6, 4), False),
        ("Senin-Rabu (10-12/7/2023)", REF, D(2023, 7, 10), D(2023, 7, 12), True),
        ("29 Desember 2022 - 2 Januari 2023", None, D(2022, 12, 29), D(2023, 1, 2), True),
        ("29 Desember - 2 Januari 2023", None, D(2022, 12, 29), D(2023, 1, 2), True),
        ("30 Desember s.d. 3 Januari", D(2024, 1, 10), D(2023, 12, 30), D(2024, 1, 3), False),
        ("May 28 to June 3, 2023", None, D(2023, 5, 28), D(2023, 6, 3), True),
        ("28 May - 3 June 2023", None, D(2023, 5, 28), D(2023, 6, 3), True),
        ("from 10 to 14 July 2023", None, D(2023, 7, 10), D(2023, 7, 14), True),
        ("July 10-14, 2023", None, D(2023, 7, 10), D(2023, 7, 14), True),
    ],
)
def test_ranges(text: str, reference: D | None, first: D, last: D, year_stated: bool) -> None:
    mention = one(text, reference)
    assert (mention.first, mention.last, mention.year_stated) == (first, last, year_stated)


def test_range_weekdays_are_checked_at_both_ends() -> None:
    assert one("Sabtu-Minggu (3-4/6)").weekday_ok is True
    assert one("Sabtu-Senin (3-4/6)").weekday_ok is False


def test_span_and_text_are_the_written_expression() -> None:
    text = "Pelatihan dibuka di Jakarta, Selasa (30/5). Kegiatan berlangsung 28 Mei sampai dengan 3 Juni 2023 di Bogor."
    spans = [(m.text, text[m.start : m.end]) for m in find_dates(text, REF)]
    assert spans == [("Selasa (30/5)", "Selasa (30/5)"), ("28 Mei sampai dengan 3 Juni 2023",) * 2]


@pytest.mark.parametrize(
    ("text", "span", "first", "last"),
    [
        ("di Enarotali, 6-8 Agustus.", "6-8 Agustus", D(2023, 8, 6), D(2023, 8, 8)),
        ("mulai Senin (29/5) hingga Jumat (2/6).", "Senin (29/5) hingga Jumat (2/6)", D(2023, 5, 29), D(2023, 6, 2)),
        ("29/12/2022 - 2/1/2023", "29/12/2022 - 2/1/2023", D(2022, 12, 29), D(2023, 1, 2)),
        ("Tuesday, May 30, 2023", "Tuesday, May 30, 2023", D(2023, 5, 30), None),
        ("on the 30th of May 2023", "30th of May 2023", D(2023, 5, 30), None),
        ("pada 17 Agt. 2022", "17 Agt. 2022", D(2022, 8, 17), None),
        ("Tue, June 13, 2023 | 10:00", "Tue, June 13, 2023", D(2023, 6, 13), None),
        ("Sabtu, 3 Juni 2023 - Minggu, 4 Juni 2023", "Sabtu, 3 Juni 2023 - Minggu, 4 Juni 2023", D(2023, 6, 3), D(2023, 6, 4)),
        ("Senin sampai Rabu (10-12/7) di Bogor", "Senin sampai Rabu (10-12/7)", D(2023, 7, 10), D(2023, 7, 12)),
        ("pada 1-3 Juni lalu", "1-3 Juni", D(2023, 6, 1), D(2023, 6, 3)),
    ],
)
def test_spans(text: str, span: str, first: D, last: D | None) -> None:
    mention = one(text)
    assert (mention.text, text[mention.start : mention.end], mention.first, mention.last) == (span, span, first, last)


def test_two_written_years_out_of_order_are_two_dates() -> None:
    found = find_dates("30 Mei 2023 - 10 Mei 2023", REF)
    assert [(m.text, m.last) for m in found] == [("30 Mei 2023", None), ("10 Mei 2023", None)]


def test_day_only_after_weekday_takes_month_from_reference() -> None:
    mention = one("Kegiatan digelar Senin,29 lalu", D(2023, 5, 31))
    assert (mention.text, mention.first, mention.weekday_ok) == ("Senin,29", D(2023, 5, 29), True)


def test_day_only_picks_the_neighbouring_month_where_the_weekday_agrees() -> None:
    # 30 May 2023 is a Tuesday; "Jumat,28" means 28 April (a Friday).
    assert one("Jumat,28 lalu").first == D(2023, 4, 28)


@pytest.mark.parametrize(
    "text",
    [
        "pukul 10.00 WIB",
        "jam 13.30 WITA",
        "Mei 2023",  # month only: not a date mention (documented)
        "sebanyak 3/4 peserta",  # a bare d/m is read only after a weekday, "tanggal" or "("
        "Senin 21 peserta",  # a day alone only before punctuation or a time word
        "Rp1.250.000",
        "UU Nomor 23 Tahun 2014",
        "Selasa",
        "",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, REF) == []


@pytest.mark.parametrize(
    ("month", "day", "reference", "year"),
    [
        (5, 7, D(2023, 5, 30), 2023),
        (12, 28, D(2024, 1, 5), 2023),  # January article about late December
        (1, 5, D(2023, 12, 20), 2024),  # December article about early January
        (8, 17, D(2023, 5, 30), 2023),  # under 6 months ahead
        (2, 1, D(2023, 9, 30), 2023),  # eight months back
    ],
)
def test_infer_year(month: int, day: int, reference: D, year: int) -> None:
    assert infer_year(month, day, reference) == year


def test_weekday_moves_an_inferred_year_when_decisive() -> None:
    # 5 January 2024 is a Friday, 5 January 2023 a Thursday; article of 2 Jan 2024.
    assert one("Kamis (5/1)", D(2024, 1, 2)).first == D(2023, 1, 5)
    assert one("Jumat (5/1)", D(2024, 1, 2)).first == D(2024, 1, 5)


def test_weekday_never_moves_a_written_year() -> None:
    mention = one("Kamis, 5 Januari 2024", D(2024, 1, 2))
    assert (mention.first, mention.weekday_ok) == (D(2024, 1, 5), False)


def test_without_reference_the_first_full_date_is_the_reference() -> None:
    text = "Jakarta, 30 Mei 2023. Pembukaan dilaksanakan Selasa (30/5)."
    assert [m.first for m in find_dates(text, None)] == [D(2023, 5, 30), D(2023, 5, 30)]


def test_without_any_year_a_yearless_date_is_left_out() -> None:
    assert find_dates("Selasa (30/5)", None) == []
    assert find_dates("Senin (30/5) tahun 2022 dan 2016", None) == []  # 30 May is a Monday in both: not decisive
    assert find_dates("Selasa (30/5) tahun 2022", None) == []  # 2022-05-30 is a Monday: no agreeing year


def test_without_reference_a_weekday_picks_the_year_written_in_the_text() -> None:
    text = "Sosialisasi digelar Kamis (22/8). Penilaian kinerja tahun 2024 memakai Peraturan Nomor 6 Tahun 2022."
    (mention,) = find_dates(text, None)
    assert (mention.text, mention.first, mention.year_stated, mention.weekday_ok) == ("Kamis (22/8)", D(2024, 8, 22), False, True)


def test_spans_for_number_finding_need_no_reference() -> None:
    assert find_date_spans("Selasa (30/5) pukul 10.00") == [(0, 13)]


def test_unknown_language_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown language 'fr'"):
        find_dates("30 Mei 2023", REF, "fr")


@pytest.mark.parametrize(
    ("expr", "reference", "expected"),
    [
        ("Kamis, 07 Mei 2009 - 10:15 WIB", None, D(2009, 5, 7)),
        ("30/05/2023", None, D(2023, 5, 30)),
        ("2023-05-30", None, D(2023, 5, 30)),
        ("2023-05-30T10:00:00+07:00", None, D(2023, 5, 30)),
        ("May 30, 2023", None, D(2023, 5, 30)),
        ("30 Mei 2023 | 10:00 WIB", None, D(2023, 5, 30)),
        ("Selasa, 30 Mei 2023 10:00 WIB", None, D(2023, 5, 30)),
        ("Tue, 30 May 2023 10:00:00 +0700", None, D(2023, 5, 30)),
        ("kemarin", REF, D(2023, 5, 29)),
        ("2 hari lalu", REF, D(2023, 5, 28)),
        ("kemarin", None, None),  # relative, and no reference
        ("10.00 WIB", REF, None),
        ("Mei 2023", REF, None),
        ("bukan tanggal", REF, None),
        ("", REF, None),
    ],
)
def test_parse_date(expr: str, reference: D | None, expected: D | None) -> None:
    assert parse_date(expr, reference) == expected


@pytest.mark.parametrize(
    ("text", "span", "days"),
    [
        ("Pelatihan berlangsung selama 12 hari.", "selama 12 hari", 12),
        ("dilaksanakan selama satu minggu, mulai", "selama satu minggu", 7),
        ("kegiatan tiga hari di Bogor", "tiga hari", 3),
        ("magang 2 pekan di Korea", "2 pekan", 14),
        ("selama sepekan ke depan", "selama sepekan", 7),
        ("studi tiru sebulan", "sebulan", 30),
        ("diklat selama dua belas hari", "selama dua belas hari", 12),
        ("The course ran for five days.", "for five days", 5),
        ("a week in Seoul", "a week", 7),
        ("a two-week course", "two-week", 14),
        ("three months of training", "three months", 90),
        ("magang selama 1,5 tahun", "selama 1,5 tahun", 548),
        ("pelatihan 2-3 hari", "3 hari", 3),
    ],
)
def test_durations(text: str, span: str, days: int) -> None:
    (duration,) = find_durations(text)
    assert (duration.text, text[duration.start : duration.end], duration.days) == (span, span, days)


@pytest.mark.parametrize(
    "text", ["dua hari lalu", "three days ago", "hari Minggu (4/6)", "Minggu", "Peraturan LAN Nomor 15 Tahun 2019"]
)
def test_offsets_and_weekdays_are_not_durations(text: str) -> None:
    assert find_durations(text) == []


def test_find_dates_over_a_long_article_finds_every_repetition() -> None:
    # speed is shown by benchmarks/build_bench.py, never by a timed unit test
    paragraph = (
        "SEMARANG - Sebanyak 40 ASN mengikuti Pelatihan Kepemimpinan Administrator "
        "Angkatan II yang dibuka Kepala BPSDM Provinsi Jawa Tengah, Selasa (30/5). "
        "Pelatihan berlangsung 28 Mei sampai dengan 3 Juni 2023 di Hotel Santika, "
        "dengan anggaran Rp1,2 miliar dan pukul 10.00 WIB peserta tiba. "
    )
    copies = 3000 // len(paragraph) + 1
    found = find_dates(paragraph * copies, REF)
    assert len(found) == 2 * copies
    assert {(d.first, d.last) for d in found} == {(D(2023, 5, 30), None), (D(2023, 5, 28), D(2023, 6, 3))}
