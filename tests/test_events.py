"""Events, their dates, places, organizers, participants and topics: real-looking phrases in,
expected records out."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Event
from kg.reader import Meta, parse_article

from conftest import events, organizers



def names(text: str) -> list[str]:
    return [e.name for e in events(text)]


@pytest.mark.parametrize("text, expected", [
    # a headline capitalizes every word: it names no event of its own
    ("Pemkab Garut Gelar Bimtek untuk 120 ASN\n"
     "GARUT - Bimtek SPBE Kabupaten Garut 2024 itu berlangsung tanggal 10-14 Juni di Hotel Santika Garut.\n",
     ["Bimtek SPBE Kabupaten Garut 2024"]),
    # an event word inside an organization name is no event
    ("KEDIRI - Diklat PIM IV Angkatan III Tahun 2019 dibuka. Widyaiswaranya dari Badan Diklat Provinsi "
     "Jawa Timur.\n", ["Diklat PIM IV Angkatan III Tahun 2019"]),
    # a short name whose words all occur in the full name is the same event
    ("JAKARTA - LAN membuka Pelatihan Kepemimpinan Nasional (PKN) Tingkat II Angkatan LVII Tahun 2024 di "
     "Jakarta.\nKepala LAN mengatakan PKN Tingkat II berlangsung selama empat bulan.\n",
     ["Pelatihan Kepemimpinan Nasional (PKN) Tingkat II Angkatan LVII Tahun 2024"]),
    # numbered batches run together are one event each
    ("MALANG - Sebanyak 60 pejabat mengikuti Pelatihan Kepemimpinan Administrator (PKA) Angkatan I dan II "
     "yang dibuka di Malang.\n",
     ["Pelatihan Kepemimpinan Administrator (PKA) Angkatan I", "Pelatihan Kepemimpinan Administrator (PKA) Angkatan II"]),
    ("Samarinda - Wagub membuka Pelatihan Dasar (Latsar) Calon Pegawai Negeri Sipil (CPNS) Golongan III "
     "Angkatan I dan Angkatan II di Samarinda.\n",
     ["Pelatihan Dasar (Latsar) Calon Pegawai Negeri Sipil (CPNS) Golongan III Angkatan I",
      "Pelatihan Dasar (Latsar) Calon Pegawai Negeri Sipil (CPNS) Golongan III Angkatan II"]),
])
def test_event_names(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_a_batch_takes_the_sentences_that_name_it() -> None:
    text = ("Samarinda - Wagub membuka Pelatihan Dasar (Latsar) CPNS Golongan III Angkatan I dan Angkatan II "
            "di Samarinda, Senin (15/7/2024).\n"
            "Kepala BPSDM menjelaskan Angkatan II dijadwalkan tanggal 22 Juli sampai 2 Agustus 2024.\n")
    second = events(text)[1]
    assert second.name.endswith("Angkatan II")
    assert (str(second.start), str(second.end)) == ("2024-07-22", "2024-08-02")



def test_two_events_joined_by_dan_are_two_names() -> None:
    text = ("SEI RAMPAH - Bupati membuka Pelatihan Kepemimpinan Administrator (PKA) Angkatan I dan Pelatihan "
            "Kepemimpinan Pengawas (PKP) Angkatan II Tahun 2023 di Sei Rampah.\n")
    assert names(text) == ["Pelatihan Kepemimpinan Administrator (PKA) Angkatan I",
                           "Pelatihan Kepemimpinan Pengawas (PKP) Angkatan II Tahun 2023"]


@pytest.mark.parametrize("text, expected", [
    # the agent right after a passive verb, without 'oleh'
    ("GARUT - Bimtek SPBE Kabupaten Garut 2024 berlangsung di Garut. Kegiatan diselenggarakan Dinas Komunikasi "
     "dan Informatika (Diskominfo) Garut dengan narasumber dari Kementerian Dalam Negeri.\n",
     ["org/dinas-komunikasi-dan-informatika-kabupaten-garut"]),
    # the subject organization of an opening verb
    ("JAKARTA - Lembaga Administrasi Negara (LAN) membuka Pelatihan Kepemimpinan Nasional (PKN) Tingkat II "
     "Angkatan LVII di Jakarta.\n", ["org/lembaga-administrasi-negara"]),
    # an organization named inside an office is not the subject
    ("GARUT - Bupati Garut yang diwakili Asisten III Sekretariat Daerah Garut membuka Bimtek SPBE Kabupaten "
     "Garut 2024.\n", []),
    # a passive verb followed by a place names no organizer
    ("GARUT - Bimtek SPBE Kabupaten Garut 2024 diselenggarakan di Hotel Santika Garut oleh panitia.\n", []),
    # 'a cooperation between X and Y': both organize; a bracketed acronym does not break the list
    ("Medan (ANTARA) - Forty officials are attending a workshop on public procurement in Medan under a "
     "cooperation between the Home Affairs Ministry (Kemendagri) and the Japan International Cooperation "
     "Agency (JICA).\n", ["org/kementerian-dalam-negeri", "org/japan-international-cooperation-agency"]),
    # 'X is training ...': the subject runs the training
    ("Padang (ANTARA) - The Home Affairs Ministry (Kemendagri) is training 500 village secretaries in Padang "
     "this month.\n", ["org/kementerian-dalam-negeri"]),
    # a unit 'of the' body is training: the body alone is not the organizer
    ("Padang (ANTARA) - The regional office of the Home Affairs Ministry (Kemendagri) is training 500 village "
     "secretaries in Padang this month.\n", []),
    # 'merupakan kerja sama X dengan Y'
    ("Jakarta - Bappenas membuka lokakarya perencanaan di Jakarta. Program ini merupakan kerja sama Bappenas "
     "dengan Japan International Cooperation Agency (JICA).\n",
     ["org/kementerian-perencanaan-pembangunan-nasional-badan-perencanaan-pembangunan-nasional",
      "org/japan-international-cooperation-agency"]),
    # the sentence right after one about the event goes on speaking of it
    ("CIAMIS - Bimtek Keuangan Desa dibuka Bupati Ciamis, Senin (3/6/2024). Penyelenggaranya Dinas "
     "Pemberdayaan Masyarakat dan Desa (DPMD) Kabupaten Ciamis.\n",
     ["org/dinas-pemberdayaan-masyarakat-dan-desa-kabupaten-ciamis"]),
    # 'Pemkab X melalui <unit without its region>': the government and its unit named in full elsewhere
    ("KANDANGAN - Pemkab Hulu Sungai Selatan (HSS) melalui Badan Kepegawaian dan Pengembangan Sumber Daya "
     "Manusia (BKPSDM) menggelar pelatihan kearsipan di Kandangan.\nKepala BKPSDM Kabupaten Hulu Sungai "
     "Selatan Andi Saputra mengatakan hal itu.\n",
     ["org/pemerintah-kabupaten-hulu-sungai-selatan",
      "org/badan-kepegawaian-dan-pengembangan-sumber-daya-manusia-kabupaten-hulu-sungai-selatan"]),
])
def test_organizers(text: str, expected: list[str]) -> None:
    assert organizers(text)[0] == expected


def test_batches_of_one_series_share_their_organizers() -> None:
    text = ("JAYAPURA - Wagub membuka Pelatihan Dasar CPNS Golongan II Angkatan III dan IV di Jayapura. Kepala "
            "BPSDM Provinsi Papua menyebut pelatihan diselenggarakan bekerja sama dengan Lembaga Administrasi "
            "Negara (LAN).\n")
    assert organizers(text) == [["org/lembaga-administrasi-negara"], ["org/lembaga-administrasi-negara"]]


def venues(text: str) -> list[tuple[str, tuple[str, ...], str | None]]:
    from kg.model import Venue
    article = parse_article(text, Meta(id="t"), source="t.txt")
    return [(v.name, v.aliases, v.within) for v in extract(article).of(Venue)]


@pytest.mark.parametrize("text, expected", [
    # a bracketed acronym: named without it, also answering to the acronym form
    ("NABIRE - Latsar dibuka di Aula Badan Pengembangan Sumber Daya Manusia (BPSDM) Provinsi Papua Tengah.\n",
     [("Aula Badan Pengembangan Sumber Daya Manusia Provinsi Papua Tengah",
       ("Aula BPSDM Provinsi Papua Tengah", "Aula Badan Pengembangan Sumber Daya Manusia (BPSDM) Provinsi Papua Tengah"),
       "region/id-94")]),
    # an organization's name after the head is part of the venue's name, commas and all
    ("TEGAL - Bimtek dibuka di Aula Badan Kepegawaian, Pendidikan dan Pelatihan (BKPP) Kabupaten Tegal, "
     "Senin (3/6).\n",
     [("Aula Badan Kepegawaian, Pendidikan dan Pelatihan Kabupaten Tegal",
       ("Aula BKPP Kabupaten Tegal", "Aula Badan Kepegawaian, Pendidikan dan Pelatihan (BKPP) Kabupaten Tegal"),
       "region/id-33.28")]),
    # a bare name shared by a Kabupaten and a Kota that ends a venue's name is the Kota (the town)
    ("MALANG - Bimtek bagi perangkat desa Kabupaten Malang dibuka di Hotel Tugu Malang, Senin (3/6/2024).\n",
     [("Hotel Tugu Malang", (), "region/id-35.73")]),
    # ... unless an office or a level word says otherwise
    ("MALANG - Bimtek bagi perangkat desa dibuka di Kantor Bupati Malang, Senin (3/6/2024).\n",
     [("Kantor Bupati Malang", (), "region/id-35.07")]),
    # a village gone to is a named place, also answering to its bare name; one in an office is not
    ("BUKITTINGGI - Studi banding perangkat desa ke Nagari Sungai Pua, Kabupaten Agam, Senin (3/6/2024). "
     "Kepala Desa Sukamaju Budi Santoso ikut serta.\n",
     [("Nagari Sungai Pua", ("Sungai Pua",), "region/id-13.06")]),
    # a room and its building are one venue
    ("SEI RAMPAH - Sosialisasi digelar di Aula Sultan Serdang, Kantor Bupati Sergai, Sei Rampah, Kamis (22/8).\n",
     [("Aula Sultan Serdang, Kantor Bupati Sergai", ("Aula Sultan Serdang", "Kantor Bupati Sergai"), "region/id-12.18")]),
    # English puts a lower-case head last
    ("The residential module, held at the Royal Safari Garden hotel from July 14 to 17, 2025, covers strategy.\n",
     [("Royal Safari Garden", (), None)]),
    # the region after a comma-set place name
    ("BOGOR - Orientasi digelar di Hotel Royal Safari Garden, Cisarua, Bogor.\n",
     [("Hotel Royal Safari Garden", (), "region/id-32.01.25")]),
])
def test_venues(text: str, expected: list[tuple[str, tuple[str, ...], str | None]]) -> None:
    assert venues(text) == expected


def test_the_acronym_form_of_a_venue_is_the_same_venue() -> None:
    text = ("Samarinda - Latsar dibuka di Kampus Badan Pengembangan Sumber Daya Manusia (BPSDM) Kaltim, Samarinda.\n"
            "Angkatan II dijadwalkan juga di Kampus BPSDM Kaltim.\n")
    assert [v[0] for v in venues(text)] == ["Kampus Badan Pengembangan Sumber Daya Manusia Kaltim"]


@pytest.mark.parametrize("text, expected", [
    ("BANTUL - Pelatihan Kepemimpinan Pengawas (PKP) Angkatan II dibuka di Kampus BPSDM DIY, Banguntapan, "
     "Bantul, Rabu (7/8/2024).\n", {"place/kampus-bpsdm-diy", "region/id-34.02"}),
    ("The residential module of the Digital Leadership Academy, held at the Royal Safari Garden hotel from "
     "July 14 to 17, 2025, covers strategy.\n", {"place/royal-safari-garden"}),
])
def test_event_locations(text: str, expected: set[str]) -> None:
    assert expected <= {l.key for l in events(text)[0].locations}


@pytest.mark.parametrize("text, expected", [
    # a study visit to a government is in that government's region
    ("PURWOKERTO - Studi banding perangkat desa ke Pemkab Banyumas berlangsung 3-5 Juni 2024.\n",
     ["region/id-33.02"]),
    # what a visiting verb has as its object, and the next place of a list after it
    ("MAGELANG - Studi tiru kepala desa se-Kabupaten Magelang berlangsung dua hari. Peserta studi tiru "
     "mengunjungi Kabupaten Kulon Progo serta Kabupaten Sleman, Rabu (5/6/2024).\n",
     ["region/id-34.01", "region/id-34.04"]),
    ("The training group visited Yokohama on Tuesday as part of the course.\n", ["region/jp-yokohama"]),
])
def test_places_visited(text: str, expected: list[str]) -> None:
    assert [l.key for l in events(text)[0].locations] == expected


@pytest.mark.parametrize("text, expected", [
    # the next sentence says where a part of the event is held: the event's place
    ("PONTIANAK - Sebanyak 40 camat mengikuti Pelatihan Kepemimpinan Camat 2024 yang dibuka Gubernur, Senin "
     "(3/6/2024).\nSesi lapangan dijadwalkan di Kabupaten Sambas pada 10-12 Juni 2024.\n", ["region/id-61.01"]),
    # ... but a send-off is where the participants leave from
    ("PONTIANAK - Sebanyak 40 camat akan mengikuti Pelatihan Kepemimpinan Camat 2024 di Jepang.\n"
     "Pelepasan peserta digelar di Kabupaten Sambas, Senin (3/6/2024).\n", ["region/jp"]),
])
def test_the_next_sentence_says_where_it_is_held(text: str, expected: list[str]) -> None:
    assert [l.key for l in events(text)[0].locations] == expected


@pytest.mark.parametrize("text, expected", [
    # 'dari ... di <region>' says where the people come from
    ("SOLO - Pelatihan Kepemimpinan Pengawas diikuti 40 pejabat dari tiga kabupaten di Jawa Tengah, Senin "
     "(3/6/2024).\n", []),
    # ... but not 'dari <date> di', nor 'from ...' ended by a predicate
    ("SOLO - Pelatihan Kepemimpinan Pengawas berlangsung dari 10 hingga 12 Juni 2024 di Kota Semarang.\n",
     ["region/id-33.74"]),
    ("Officials from 21 provinces are attending a leadership training in Surabaya this week.\n",
     ["region/id-35.78"]),
])
def test_where_people_come_from_is_no_event_place(text: str, expected: list[str]) -> None:
    assert [l.key for l in events(text)[0].locations] == expected


def test_the_same_place_is_the_venue_named_last() -> None:
    text = ("SOLO - Pelatihan Kepemimpinan Pengawas dibuka di Hotel Alana Solo, Senin (3/6/2024).\n"
            "Masih di tempat yang sama, Selasa (4/6/2024), Dinas Kominfo menggelar Workshop Keamanan Siber "
            "bagi para operator desa.\n")
    assert [l.key for l in events(text)[1].locations] == ["place/hotel-alana-solo"]


@pytest.mark.parametrize("text, expected", [
    # the opening day in brackets is the start; 'hingga <date>' the end
    ("KEDIRI - Bupati memberi sambutan pada pembukaan Diklat PIM IV Angkatan III Tahun 2019 di Aula BKPP, "
     "Rabu (30/7/2019).\nDiklat PIM IV Angkatan III Tahun 2019 berlangsung hingga 8 November 2019.\n",
     ("2019-07-30", "2019-11-08")),
    # a stated range wins over the report day
    ("JAKARTA - Pelatihan Kepemimpinan Nasional (PKN) Tingkat II berlangsung mulai 21 Oktober 2024 hingga "
     "14 Februari 2025, kata Kepala LAN di Jakarta, Senin (21/10).\n", ("2024-10-21", "2025-02-14")),
])
def test_event_dates(text: str, expected: tuple[str, str]) -> None:
    ev = events(text)[0]
    assert (str(ev.start), str(ev.end)) == expected


def test_generic_participant_words_make_no_group_but_still_count() -> None:
    text = ("GARUT - Pemkab Garut menggelar Bimtek SPBE Kabupaten Garut 2024 bagi 120 aparatur sipil negara (ASN) "
            "dan para pejabat.\n")
    ev = events(text)[0]
    assert ev.count == 120
    assert [a for a in ev.audiences if a.endswith(("/asn", "/pejabat"))] == []


def test_report_day_is_not_the_event_day_but_a_held_day_is() -> None:
    from kg import extract as ex
    from kg.model import Event
    from kg.reader import Meta, parse_article

    def event_dates(text: str) -> list[tuple[str | None, str | None]]:
        found = ex.extract(parse_article(text, Meta(id="t"), "t.txt"))
        return [(e.start and e.start.isoformat(), e.end and e.end.isoformat()) for e in found.of(Event)]

    held = ("SEI RAMPAH - Pemkab Serdang Bedagai menggelar sosialisasi penilaian kinerja ASN di aula kantor "
            "bupati, Kamis (22/8/2024).\nSosialisasi diikuti 345 ASN.")
    assert event_dates(held) == [("2024-08-22", "2024-08-22")]


@pytest.mark.parametrize("text, expected", [
    ("Pemkot Yogyakarta menggelar Pelatihan Kepemimpinan Pengawas (PKP) Angkatan II di Kampus BPSDM DIY, "
     "Rabu (7/8/2024).\nSelain di kelas, peserta mengikuti studi lapangan ke Kabupaten Kulon Progo pada 20 "
     "Agustus 2024.", {"Pelatihan Kepemimpinan Pengawas (PKP) Angkatan II", "Studi lapangan ke Kabupaten Kulon Progo"}),
    ("BKD Kota Malang menggelar Pelatihan Kepemimpinan Administrator (PKA) Angkatan I, Selasa (30/7/2019).\n"
     "PKA merupakan pengganti Diklat PIM III sesuai peraturan LAN.", {"Pelatihan Kepemimpinan Administrator (PKA) Angkatan I"}),
    ('Pemkot menggelar Pelatihan Kepemimpinan Pengawas (PKP) Angkatan II, Rabu (7/8/2024).\n'
     '"PKP ini dulu namanya Diklat PIM IV. Tuntutannya justru lebih berat," kata Kepala BKPSDM.',
     {"Pelatihan Kepemimpinan Pengawas (PKP) Angkatan II"}),
])
def test_side_events_count_and_references_do_not(text: str, expected: set[str]) -> None:
    from kg import extract as ex
    from kg.model import Event
    from kg.reader import Meta, parse_article

    found = ex.extract(parse_article(text, Meta(id="t"), "t.txt"))
    assert {e.name for e in found.of(Event)} == expected


@pytest.mark.parametrize("text, groups, count", [
    ("Pemkab Aceh Besar menggelar Bimtek Pengelolaan Keuangan Gampong bagi keuchik se-Kabupaten Aceh Besar "
     "di Aula Hotel Grand Nanggroe Banda Aceh, Senin (13/5/2024).\nBimtek diikuti enam ratus empat (604) keuchik.",
     {"keuchik se-Kabupaten Aceh Besar"}, 604),
    ("Wakil Bupati Bantul melepas 75 lurah dan 17 panewu se-Kabupaten Bantul yang akan mengikuti studi tiru "
     "ke Kabupaten Banyuwangi, Selasa (21/11/2023).", {"lurah", "panewu se-Kabupaten Bantul"}, 75),
    ("Sebanyak 80 CPNS golongan III formasi 2023 mengikuti Latsar di Kampus BPSDM Kaltim, Senin (15/7/2024).",
     {"CPNS golongan III formasi 2023"}, 80),
])
def test_participant_groups_as_written(text: str, groups: set[str], count: int) -> None:
    from kg import extract as ex
    from kg.model import Audience, Event
    from kg.reader import Meta, parse_article

    found = ex.extract(parse_article(text, Meta(id="t"), "t.txt"))
    assert {a.name for a in found.of(Audience)} == groups
    assert [e.count for e in found.of(Event)] == [count]


def test_the_training_body_whose_campus_holds_the_event_hosts_it() -> None:
    from kg import extract as ex
    from kg.model import Event
    from kg.reader import Meta, parse_article

    text = ("Samarinda (ANTARA) - Wakil Gubernur Kalimantan Timur membuka Pelatihan Dasar (Latsar) CPNS Angkatan I "
            "di Kampus Badan Pengembangan Sumber Daya Manusia (BPSDM) Kaltim, Samarinda, Senin (15/7/2024).")
    found = ex.extract(parse_article(text, Meta(id="t"), "t.txt"))
    [event] = found.of(Event)
    assert any("Badan Pengembangan Sumber Daya Manusia" in found.entities[h.key].name for h in event.hosts)


def test_a_stated_range_gives_start_and_end_even_after_an_opening_day() -> None:
    from kg import extract as ex
    from kg.model import Event
    from kg.reader import Meta, parse_article

    text = ("Bogor - Sebanyak 50 anggota DPRD Kota Bogor mengikuti orientasi di Hotel Royal Safari Garden. "
            "Orientasi itu digelar tanggal 11-14 September.\n"
            "Orientasi dibuka Pj Wali Kota Bogor Ahmad Fauzi Ridwan, Selasa (11/9/2024).")
    found = ex.extract(parse_article(text, Meta(id="t"), "t.txt"))
    [event] = found.of(Event)
    assert (event.start and event.start.isoformat(), event.end and event.end.isoformat()) == ("2024-09-11", "2024-09-14")


def test_a_materi_list_anywhere_gives_the_main_events_topics() -> None:
    from kg import extract as ex
    from kg.model import Topic
    from kg.reader import Meta, parse_article

    text = ("Pemkab Aceh Besar menggelar Bimtek Pengelolaan Keuangan Gampong bagi keuchik, Senin (13/5/2024).\n"
            '"Materinya meliputi perencanaan dan penganggaran APBG, penatausahaan keuangan gampong, serta '
            'pertanggungjawaban Dana Desa," jelas Nurhayati.')
    found = ex.extract(parse_article(text, Meta(id="t"), "t.txt"))
    assert {t.name for t in found.of(Topic)} >= {"penatausahaan keuangan gampong", "pertanggungjawaban Dana Desa"}


def test_an_event_word_inside_brackets_names_no_event() -> None:
    from kg import extract as ex
    from kg.model import Event
    from kg.reader import Meta, parse_article

    text = ("Jakarta (ANTARA) - The training would start with a training of trainers (ToT) for 380 master "
            "trainers from 38 provinces, held at the Grand Mercure Jakarta Kemayoran hotel from June 5 to 10, 2023.")
    found = ex.extract(parse_article(text, Meta(id="t"), "t.txt"))
    assert all(")" not in e.name.split("(")[0] for e in found.of(Event))


def dated(text: str) -> list[tuple[str, str, str]]:
    return [(e.name, str(e.start), str(e.end)) for e in events(text)]


def test_an_end_date_and_a_length_give_the_start() -> None:
    text = ("PONTIANAK - Gubernur membuka Pelatihan Kepemimpinan Pengawas (PKP) Angkatan IV di Pontianak.\n"
            "Kepala BPSDM menjelaskan PKP Angkatan IV berlangsung selama 10 hari dan berakhir pada 14 Maret 2025.\n")
    assert dated(text) == [("Pelatihan Kepemimpinan Pengawas (PKP) Angkatan IV", "2025-03-05", "2025-03-14")]


def test_a_send_off_on_its_own_day_is_an_event_of_its_own() -> None:
    text = ("MATARAM - Sekda NTB melepas 30 kepala desa yang akan mengikuti studi banding pengelolaan BUMDes ke "
            "Kabupaten Malang.\n"
            "Pelepasan berlangsung di Pendopo Gubernur, Rabu (8/5/2024).\n"
            "Studi banding itu berlangsung selama empat hari mulai Senin (13/5/2024).\n")
    assert dated(text) == [
        ("Studi banding pengelolaan BUMDes ke Kabupaten Malang", "2024-05-13", "2024-05-16"),
        ("Pelepasan peserta studi banding pengelolaan BUMDes ke Kabupaten Malang", "2024-05-08", "2024-05-08"),
    ]


def test_a_send_off_on_the_first_day_of_the_event_is_no_event_of_its_own() -> None:
    text = ("MATARAM - Sekda NTB melepas peserta Bimtek Keuangan Desa di Mataram, Senin (13/5/2024).\n"
            "Bimtek Keuangan Desa berlangsung 13-16 Mei 2024.\n")
    assert names(text) == ["Bimtek Keuangan Desa"]


def test_an_activity_listed_as_part_of_a_programme_is_no_event_of_its_own() -> None:
    text = ("JAKARTA - Kementerian melepas 20 pejabat untuk mengikuti Executive Course on Public Innovation di "
            "Tokyo.\n"
            "Program yang berlangsung selama 10 hari hingga 20 Juni 2024 itu meliputi kunjungan lapangan ke "
            "Pemerintah Kota Yokohama.\n")
    assert dated(text) == [("Executive Course on Public Innovation", "2024-06-11", "2024-06-20")]


def test_a_side_visit_on_one_stated_day_starts_and_ends_that_day() -> None:
    text = ("SLEMAN - Sebanyak 30 pejabat mengikuti Pelatihan Kepemimpinan Administrator (PKA) Angkatan III "
            "tahun 2024 yang dibuka 3 Juni 2024.\n"
            "Peserta juga dijadwalkan mengikuti studi lapangan ke Kabupaten Klaten pada 12 Juni 2024.\n")
    assert dated(text)[1] == ("Studi lapangan ke Kabupaten Klaten", "2024-06-12", "2024-06-12")


def test_those_seen_off_are_the_participants_of_the_event_they_leave_for() -> None:
    text = ("MATARAM - Sekda NTB melepas 30 kepala desa yang akan mengikuti studi banding pengelolaan BUMDes ke "
            "Kabupaten Malang.\n"
            "Pelepasan berlangsung di Pendopo Gubernur, Rabu (8/5/2024).\n"
            "Studi banding itu berlangsung selama empat hari mulai Senin (13/5/2024).\n")
    visit, send_off = events(text)
    assert send_off.name.startswith("Pelepasan peserta")
    assert (send_off.audiences, send_off.count) == (visit.audiences, visit.count)
    assert send_off.count == 30


def test_both_trainings_share_the_end_that_is_said_of_both() -> None:
    text = ("MEDAN - BKPSDM menggelar Pelatihan Kepemimpinan Administrator (PKA) Angkatan III dan Pelatihan "
            "Kepemimpinan Pengawas (PKP) Angkatan IV Tahun 2025 di Medan, Senin, 3 Maret 2025.\n"
            "Kedua pelatihan dijadwalkan berakhir 11 April 2025.\n")
    assert [str(e.end) for e in events(text)] == ["2025-04-11", "2025-04-11"]

def topic_names(text: str) -> list[tuple[str, tuple[str, ...]]]:
    from kg import extract as ex
    from kg.model import Topic

    found = ex.extract(parse_article(text, Meta(id="t"), "t.txt"))
    return sorted((t.name, t.aliases) for t in found.of(Topic))


@pytest.mark.parametrize("text, expected", [
    # the words after the event word (past its bracketed short form) up to 'bagi'
    ("MAJALENGKA - Dinas Kominfo Kabupaten Majalengka menggelar bimbingan teknis (bimtek) pengelolaan arsip "
     "digital bagi 80 operator di Majalengka, Senin (4/3/2024).\n", [("pengelolaan arsip digital", ())]),
    # 'a course on X at ...'
    ("Makassar (ANTARA) - Forty civil servants are attending a short course on public sector innovation at a "
     "university in Makassar.\n", [("public sector innovation", ())]),
    # an acronym answers with the words it was defined by
    ("PONTIANAK - Pemprov Kalbar mulai memakai Sistem Informasi Pemerintahan Daerah (SIPD) tahun ini. Bimtek "
     "SIPD digelar di Pontianak bagi 120 operator.\n", [("Sistem Informasi Pemerintahan Daerah", ("SIPD",))]),
    # a subject capitalized as part of an event name is named in lowercase, the name kept as a label
    ("SORONG - Pemkot Sorong menggelar Bimtek Pengelolaan Arsip Dinamis bagi 50 arsiparis di Sorong.\n",
     [("pengelolaan arsip dinamis", ("Pengelolaan Arsip Dinamis",))]),
    # participants, batches and kind words after the event word are no subject
    ("PALU - Pemprov Sulawesi Tengah menggelar Orientasi Anggota DPRD Provinsi Sulawesi Tengah di Palu.\n", []),
    ("PALU - Pemprov menggelar Pelatihan Kepemimpinan Administrator (PKA) Angkatan III Tahun 2024 di Palu.\n", []),
    # an acronym that names an outlet or an office is no subject
    ("Medan, N Sumatra (ANTARA) - The provincial government held a workshop on village budgeting in Medan, "
     "ANTARA reported.\n", [("village budgeting", ())]),
    ("Padang - West Sumatra Deputy Governor (Wagub) opened a training on village finance in Padang, the Wagub "
     "said.\n", [("village finance", ())]),
    # 'Materi yang disampaikan antara lain ...' and '... mencakup ...' list the main event's subjects
    ("BATAM - Pemkot Batam menggelar pelatihan pelayanan publik di Batam.\nKepala BKPSDM Kota Batam Rina "
     "Wati mengatakan peserta datang dari 30 OPD.\nMateri yang disampaikan antara lain etika pelayanan, "
     "penanganan pengaduan, serta survei kepuasan masyarakat.\n",
     [("etika pelayanan", ()), ("pelayanan publik", ()), ("penanganan pengaduan", ()),
      ("survei kepuasan masyarakat", ())]),
    ("BATAM - Pemkot Batam menggelar pelatihan pelayanan publik di Batam. Menurut dia, materi pelatihan "
     "mencakup etika pelayanan, penanganan pengaduan, dan survei kepuasan masyarakat.\n",
     [("etika pelayanan", ()), ("pelayanan publik", ()), ("penanganan pengaduan", ()),
      ("survei kepuasan masyarakat", ())]),
])
def test_topics(text: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert topic_names(text) == expected


def test_batches_of_one_series_share_the_topics_listed_after_dengan_materi() -> None:
    from kg import extract as ex
    from kg.model import Topic

    text = ("MANOKWARI - Gubernur membuka Pelatihan Dasar CPNS Golongan II Angkatan V dan VI di Manokwari. "
            "Kepala BPSDM menjelaskan pelatihan digelar dengan materi etika publik, akuntabilitas, serta "
            "manajemen ASN.\n")
    found = ex.extract(parse_article(text, Meta(id="t"), "t.txt"))
    names = {t.key: t.name for t in found.of(Topic)}
    assert [sorted(names[k] for k in e.topics) for e in events(text)] == \
        [["akuntabilitas", "etika publik", "manajemen ASN"]] * 2


def test_what_a_visit_goes_to_learn_is_its_topic() -> None:
    text = ("WONOSARI - Sebelum penutupan, peserta melakukan studi lapangan ke Kabupaten Sleman pada 3 Juni 2024 "
            "untuk mempelajari digitalisasi layanan kelurahan.\n")
    assert ("digitalisasi layanan kelurahan", ()) in topic_names(text)


def test_a_participants_field_visit_is_run_by_the_lead_organizer_and_hosted_where_it_goes() -> None:
    text = ("LAMONGAN - Diklat PIM IV Angkatan II Tahun 2024 yang diselenggarakan Badan Kepegawaian Daerah "
            "(BKD) Kabupaten Lamongan bekerja sama dengan Lembaga Administrasi Negara (LAN) dibuka Senin "
            "(3/6/2024).\nSelama diklat, peserta akan melakukan benchmarking ke Pemkab Banyuwangi pada 10 "
            "Juni 2024.\n")
    evs = events(text)
    assert [e.name for e in evs] == ["Diklat PIM IV Angkatan II Tahun 2024", "Benchmarking ke Pemkab Banyuwangi"]
    visit = evs[1]
    assert [l.key for l in visit.organizers] == ["org/badan-kepegawaian-daerah-kabupaten-lamongan"]
    assert [l.key for l in visit.hosts] == ["org/pemerintah-kabupaten-banyuwangi"]


def test_the_body_whose_team_delivers_the_material_hosts_the_event() -> None:
    text = ("SOLOK - Bimtek Pengelolaan Arsip Desa dibuka Bupati Solok, Rabu (5/6/2024). Panitianya Dinas "
            "Kearsipan Kabupaten Solok, sementara materi disampaikan tim Arsip Nasional Republik Indonesia "
            "(ANRI).\n")
    assert "org/arsip-nasional-republik-indonesia" in organizers(text)[0]


def test_a_body_visited_during_a_course_hosts_the_study_visit_not_the_course() -> None:
    text = ("SUMEDANG - Sebanyak 20 lurah di lingkungan Pemkab Sumedang mengikuti studi banding ke Jepang pada "
            "3-7 Juni 2024.\nDi Tokyo, para lurah mengikuti Executive Course on Smart Villages yang "
            "diselenggarakan Japan International Cooperation Agency (JICA), lalu berkunjung ke University of "
            "Tokyo.\n")
    roles = {e.name: [l.key for l in (*e.organizers, *e.hosts)] for e in events(text)}
    assert roles["Executive Course on Smart Villages"] == ["org/japan-international-cooperation-agency"]
    assert "org/university-of-tokyo" in roles["Studi banding ke Jepang"]


def test_the_send_off_is_run_by_the_body_whose_official_sees_the_participants_off() -> None:
    text = ("BONTANG - Sebanyak 10 ASN Pemkot Bontang akan mengikuti pelatihan pengelolaan air bersih di Osaka, "
            "Jepang, pada 4-15 November 2024. Mereka dilepas Sekda Bontang, Budi Santoso, di Kantor Wali Kota "
            "Bontang, Senin (28/10/2024). Pelatihan ini merupakan kerja sama Pemkot Bontang dengan Japan "
            "International Cooperation Agency (JICA).\n")
    assert organizers(text) == [
        ["org/pemerintah-kota-bontang", "org/japan-international-cooperation-agency"],
        ["org/pemerintah-kota-bontang"]]


def test_a_unit_named_after_the_agents_possessive_is_the_agent() -> None:
    text = ("Jakarta - Forty village secretaries are attending a course on village budgeting in Bogor this week. "
            "The course is implemented by the Home Affairs Ministry's Human Resources Development Agency (BPSDM "
            "Kemendagri). BPSDM Kemendagri head Budi Santoso said the course ends on Friday.\n")
    assert organizers(text) == [["org/badan-pengembangan-sumber-daya-manusia-kementerian-dalam-negeri"]]


def test_the_firm_whose_premises_hold_the_event_hosts_it() -> None:
    text = ("MOJOKERTO - Sebanyak 30 operator desa mengikuti pelatihan jaringan komputer di Inixindo Surabaya "
            "pada 3-5 Juni 2024.\n")
    assert organizers(text) == [["org/inixindo"]]


def test_two_events_run_together_share_the_partner_named_for_the_training() -> None:
    text = ("KISARAN - Pemkab Asahan melalui Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM) "
            "menggelar Pelatihan Kepemimpinan Administrator (PKA) Angkatan III dan Pelatihan Kepemimpinan "
            "Pengawas (PKP) Angkatan IV Tahun 2024 di Kisaran, Senin (5/8/2024).\nKepala BKPSDM Kabupaten "
            "Asahan Budi Santoso menyebut anggaran pelatihan berasal dari APBD. Pelatihan dilaksanakan "
            "bekerjasama dengan Lembaga Administrasi Negara (LAN).\n")
    assert [roles[-1] for roles in organizers(text)] == ["org/lembaga-administrasi-negara"] * 2


def test_a_body_after_who_said_it_is_no_host_listed_after_to() -> None:
    text = ("Depok (ANTARA) - Forty village heads are attending a course on village planning in Depok this "
            "week, and according to Hartono, the World Bank has funded more village programs than any other "
            "lender.\n")
    assert organizers(text) == [[]]


def test_the_words_between_a_module_and_its_delivery_are_a_topic() -> None:
    text = ("BLITAR - Bimtek Perencanaan Desa dibuka Bupati Blitar, Senin (3/6/2024). Bimtek digelar di Blitar, "
            "sementara modul penganggaran responsif gender disampaikan tim Inixindo Surabaya.\n")
    assert ("penganggaran responsif gender", ()) in topic_names(text)


@pytest.mark.parametrize("text, expected", [
    # an event told of only by a common word takes the title of the programme that runs on dates
    ("Jakarta. Twenty planners from Riau left on Sunday to join a two-week course on river care in Osaka.\n"
     "The River Basin Learning Programme for Sumatran Provinces runs from September 2 to 13, 2024, at a college in Osaka.\n",
     ["River Basin Learning Programme for Sumatran Provinces"]),
    ("MEDAN - Sebanyak 30 camat mengikuti pelatihan di Medan.\n"
     "Program Kecamatan Tangguh Bencana berlangsung 3-7 Juni 2024 di Hotel Dharma Medan.\n",
     ["Program Kecamatan Tangguh Bencana"]),
    # a programme title with no date after its verb names nothing: the common word stays
    ("Jakarta. Twenty planners from Riau joined a course on river care in Osaka.\n"
     "The River Basin Learning Programme runs well, the ministry said.\n",
     ["Course"]),
])
def test_programme_title_names_an_unnamed_event(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_a_modifier_before_a_side_events_word_begins_its_name() -> None:
    text = ("Jakarta. Forty village heads from Lombok are taking part in the Rural Finance Training Course "
            "2024 in Mataram.\n"
            "The trainees will present their budgets at a follow-up workshop in Denpasar on August 20, 2024.\n"
            "They also began an international study visit to Malaysia on July 8, 2024.\n")
    assert names(text) == ["Rural Finance Training Course 2024 in Mataram", "Follow-up workshop in Denpasar",
                           "International study visit to Malaysia"]


def test_a_bare_weekday_before_the_end_date_is_the_first_day() -> None:
    text = ("Jakarta. Twenty planners taking part in the Coastal Planning Leadership Course 2024 started "
            "their study visit to Vietnam on Tuesday and will stay there until wrapping up on Saturday, "
            "August 17.\n")
    assert dated(text)[-1] == ("Study visit to Vietnam", "2024-08-13", "2024-08-17")
