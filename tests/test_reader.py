"""The reader: header lines (date, byline, outlet), dateline, noise lines, publisher, sentences.

Each table row is a real-looking article head or tail, written in the styles of the outlets.
"""

from __future__ import annotations

from datetime import date

import pytest

from kg.model import Article
from kg.reader import Meta, parse_article
from kg.sentences import split_sentences

LEAD_ID = "Sebanyak 40 pejabat pengawas mengikuti pelatihan kepemimpinan pengawas di aula kantor wali kota pada hari ini."
LEAD_EN = "Sixteen officials from regional planning agencies left for Japan on Sunday to join a two-week course on waste."


def read(text: str) -> Article:
    return parse_article(text, Meta(id="t"), source="t.txt")


def story(article: Article) -> str:
    return " ".join(article.body.split())


# --- published: the date line under the headline ---------------------------------------

@pytest.mark.parametrize(
    ("head", "published"),
    [
        ("Friday, October 20, 2023 10:37 WIB", date(2023, 10, 20)),
        ("Tuesday, 5 March 2024 16:02 WIB", date(2024, 3, 5)),
        ("Rabu, 11 September 2019 | 15:20 WIB", date(2019, 9, 11)),
        ("Senin, 13 Mei 2024 - 16:40 WIB", date(2024, 5, 13)),
        ("Sabtu, 15 Februari 2025, 09.12 WIB", date(2025, 2, 15)),
        ("Kamis, 24 Oktober 2024 | 19:50 WITA", date(2024, 10, 24)),
        ("20/11/2023 | Kategori: Pemerintahan", date(2023, 11, 20)),
        ("Kompas.com - 13/06/2024, 14:20 WIB", date(2024, 6, 13)),
        ("Posted on Mei 21, 2024 by Riki Pratama", date(2024, 5, 21)),
        ("By : Dimas Aryo Wicaksono | Monday, February 5, 2024 | 8:15 pm", date(2024, 2, 5)),
        ("Author: Rahmat Wibowo | Rabu, 15 Mei 2024 - 18:07 WIB", date(2024, 5, 15)),
    ],
)
def test_published_from_the_date_line_under_the_headline(head: str, published: date) -> None:
    text = f"Pejabat Pengawas Ikuti Pelatihan\n{head}\n\nBANDUNG - {LEAD_ID} Acara dibuka Senin (3/2).\n"
    article = read(text)
    assert article.published == published
    assert head.split()[0] not in story(article)  # the meta line is no story text


def test_published_beats_the_report_day_in_the_lead() -> None:
    text = "Judul Berita\nRabu, 11 September 2019 | 15:20 WIB\nMALANG - Orientasi dibuka Senin (9/9) oleh wakil wali kota di hotel bersama seluruh anggota dewan yang baru."
    assert read(text).published == date(2019, 9, 11)


def test_report_day_takes_the_year_written_in_the_text() -> None:
    text = ("SEI RAMPAH (Waspada): Pemkab menggelar sosialisasi manajemen kinerja ASN di aula kantor bupati, Kamis (22/8).\n"
            "Penilaian kinerja tahun 2024 sepenuhnya memakai aplikasi.")
    assert read(text).published == date(2024, 8, 22)


# --- dateline and outlet ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("lead", "place", "publisher"),
    [
        ("jpnn.com, JAKARTA - ", "JAKARTA", "jpnn.com"),
        ("KEDIRI, suarakediri.id– ", "KEDIRI", "suarakediri.id"),
        ("Sejong, S Korea (ANTARA) - ", "Sejong", "ANTARA"),
        ("Manado (ANTARA) - ", "Manado", "ANTARA"),
        ("TEMPO.CO, Padang - ", "Padang", "Tempo"),
        ("BABARPOS.COM, MUNTOK – ", "MUNTOK", "BABARPOS.COM"),
        ("Harianjogja.com, GUNUNGKIDUL—", "GUNUNGKIDUL", "Harianjogja.com"),
        ("SEI RAMPAH (Waspada): ", "SEI RAMPAH", "Waspada"),
        ("GARUT, KOMPAS.com - ", "GARUT", "KOMPAS.com"),
        ("PIKIRAN RAKYAT - ", None, "Pikiran Rakyat"),
        ("RADARMALANG.ID – ", None, "Radar Malang"),
        ("Jakarta. ", "Jakarta", None),
        ("Jakarta, CNN Indonesia -- ", "Jakarta", "CNN Indonesia"),
        ("MEDAN, waspada.id: ", "MEDAN", "Waspada"),
        ("REPUBLIKA.CO.ID, JAKARTA -- ", "JAKARTA", "Republika"),
        ("Liputan6.com, Jakarta - ", "Jakarta", "Liputan6.com"),
    ],
)
def test_dateline_of_the_lead_under_a_headline(lead: str, place: str | None, publisher: str | None) -> None:
    article = read(f"Judul Berita Pelatihan\nSenin, 13 Mei 2024 - 16:40 WIB\n{lead}{LEAD_ID}\n")
    assert article.dateline == place
    assert article.publisher == publisher
    if place:
        assert article.dateline_span is not None
        assert article.body[article.dateline_span.start : article.dateline_span.end] == place


def test_a_capitalised_word_and_period_is_no_dateline_unless_a_place() -> None:
    assert read(f"Judul\nThirty. {LEAD_EN}").dateline is None


def test_a_label_with_a_colon_is_no_dateline() -> None:
    article = read("Judul\nBy : Kevin Hartono | Thursday, July 17, 2025 | 7:30 pm\n\nBogor. " + LEAD_EN)
    assert article.dateline == "Bogor"
    assert article.authors == ("Kevin Hartono",)


@pytest.mark.parametrize(
    "dek",
    ["Pelatihan digelar 5 Juni 2023 di Bandung", "Acara berlangsung 5-9 Juni 2023",
     "Peserta datang dari 27 kabupaten dan kota, Senin (5/6/2023) pagi"],
)
def test_a_short_line_that_mentions_a_date_is_story(dek: str) -> None:
    article = read(f"Judul Berita\n{dek}\nBANDUNG - {LEAD_ID}\n")
    assert dek in article.body


def test_place_and_date_line_gives_the_dateline() -> None:
    text = f"Senior bureaucrats look to Dutch delta\nNur Aisyah Rahmani\nThe Jakarta Post\nJakarta ● Tue, June 13, 2023\n\n{LEAD_EN}"
    article = read(text)
    assert (article.dateline, article.publisher, article.published) == ("Jakarta", "The Jakarta Post", date(2023, 6, 13))
    assert article.authors == ("Nur Aisyah Rahmani",)
    assert "Rahmani" not in story(article) and "Jakarta Post" not in story(article)
    assert article.dateline_span is not None
    assert article.body[article.dateline_span.start : article.dateline_span.end] == "Jakarta"


@pytest.mark.parametrize(
    ("tail", "publisher"),
    [
        ("COPYRIGHT © ANTARA 2023", "ANTARA"),
        ("Copyright © 2024 Jakarta Globe", "Jakarta Globe"),
        ("Copyright © 2019 suarakediri.id. All Rights Reserved.", "suarakediri.id"),
        ("(esy/jpnn)", "jpnn.com"),
        ("(Tribunjogja.com/Hnf)", "Tribunjogja.com"),
        ("esy/jpnn", "jpnn.com"),
        ("Peserta pulang hari ini. esy/jpnn", "jpnn.com"),
    ],
)
def test_publisher_from_the_footer(tail: str, publisher: str) -> None:
    article = read(f"Judul\n{LEAD_ID}\n{tail}\n")
    assert article.publisher == publisher


@pytest.mark.parametrize("tail", ["(Oka)", "*/wu", "(mud/mud)", "Pengadaan Barang/Jasa", "(*)"])
def test_a_sign_off_names_no_outlet_by_itself(tail: str) -> None:
    assert read(f"{LEAD_ID}\n{tail}\n").publisher is None


def test_publisher_from_the_url_when_the_text_names_none() -> None:
    article = parse_article(LEAD_ID, Meta(id="t", url="https://www.antaranews.com/berita/1"), source="t")
    assert article.publisher == "ANTARA"


# --- byline ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("lines", "authors", "editors"),
    [
        ("Penulis: Didik Suprayitno | Editor: Muchlis Hidayat", ("Didik Suprayitno",), ("Muchlis Hidayat",)),
        ("Rizky Adha Mahendra - detikNews", ("Rizky Adha Mahendra",), ()),
        ("Posted on Mei 21, 2024 by Riki Pratama", ("Riki Pratama",), ()),
        ("Author: Rahmat Wibowo | Rabu, 15 Mei 2024 - 18:07 WIB", ("Rahmat Wibowo",), ()),
        ("Editor: Zulfadli Ahmad\nLaporan Rizal Mahfuzh | Aceh Besar", ("Rizal Mahfuzh",), ("Zulfadli Ahmad",)),
        ("Laporan Reporter Tribunjogja.com, Hanif Suryo Nugroho", ("Hanif Suryo Nugroho",), ()),
        ("Penulis: Kontributor Garut, Ridwan Nugraha | Editor: Dita Anggraeni", ("Ridwan Nugraha",), ("Dita Anggraeni",)),
        ("Penulis: Sigit Nugroho | Editor: Diskominfo Bantul", ("Sigit Nugroho",), ()),
    ],
)
def test_byline_above_the_lead(lines: str, authors: tuple[str, ...], editors: tuple[str, ...]) -> None:
    article = read(f"Judul Berita\n{lines}\nBANDUNG - {LEAD_ID}\n")
    assert (article.authors, article.editors) == (authors, editors)
    for name in authors + editors:
        assert name not in story(article)


@pytest.mark.parametrize(
    ("tail", "authors", "editors"),
    [
        ("Reporter: Andi Firmansyah\nEditor: Teguh Handoko", ("Andi Firmansyah",), ("Teguh Handoko",)),
        ("Translator: Dewi Kartikasari\nEditor: Bambang Irawan", ("Dewi Kartikasari",), ("Bambang Irawan",)),
        ("Redaktur : Budi Santosa\nReporter : Endang Sulastri", ("Endang Sulastri",), ("Budi Santosa",)),
        ("Pewarta: Ahmad Rizki Fauzan\nEditor: Sri Handayani", ("Ahmad Rizki Fauzan",), ("Sri Handayani",)),
        ("(Oka)\nHumas Pemkab Aceh Besar", ("Oka",), ()),
    ],
)
def test_byline_after_the_story(tail: str, authors: tuple[str, ...], editors: tuple[str, ...]) -> None:
    article = read(f"BANDUNG - {LEAD_ID}\n\n{tail}\n")
    assert (article.authors, article.editors) == (authors, editors)


def test_a_story_line_starting_with_a_name_is_kept_under_the_headline() -> None:
    text = f"Judul Berita\nBupati membuka acara.\nBANDUNG - {LEAD_ID}\n"
    assert "Bupati membuka acara." in read(text).body


def test_a_name_line_without_an_outlet_beside_it_is_story() -> None:
    text = f"Judul Berita\nHerman Suryatman\n\n{LEAD_ID}\n"
    article = read(text)
    assert article.authors == () and "Herman Suryatman" in article.body


# --- noise: related headlines, captions, footers ----------------------------------------------

def test_bullet_list_under_a_related_heading_is_blanked() -> None:
    text = (f"BERITA TERKAIT\n- Bupati Sergai Amiruddin Tarigan Tinjau Banjir\n- Kapolres Launching Program Jumat Curhat\n\n"
            f"SERGAI, mitrasumut.com - {LEAD_ID}\n")
    article = read(text)
    assert "Amiruddin" not in article.body and "Kapolres" not in article.body
    assert article.dateline == "SERGAI" and article.publisher == "mitrasumut.com"


def test_list_after_a_related_heading_stops_at_a_paragraph() -> None:
    text = (f"Berita Lainnya\n• Wabup Kediri Dewi Mariani Tinjau Jembatan Putus\n• Ketua DPRD Kediri Dukung Bandara\n"
            f"{LEAD_ID}\n")
    article = read(text)
    assert "Dewi Mariani" not in article.body and LEAD_ID in article.body


@pytest.mark.parametrize(
    "line",
    ["Read: Padang Mayor Wahyudi Mansur Launches Free Bus Service",
     "Related: Makassar Mayor Rizal Hamzah Opens Waste Bank",
     "Baca Juga : Harga Beras di Pasar Kosambi Naik, Pedagang Pak Ujang Keluhkan Pasokan",
     "Foto: Sekda Sergai H. Muhammad Yusuf Lubis foto bersama peserta PKA dan PKP, Senin (21/8). (mitrasumut/ist)",
     "13 Comments", "Leave a Reply", "(mud/mud)", "*/wu", "***", "(*)",
     "Tags: JICA, Bappenas, waste management", "Copyright © 2024 Jakarta Globe",
     "Sejumlah camat mengikuti pelatihan di Bandung, Senin (5/6/2023). (ANTARA/HO-Humas Pemkab Bandung)",
     "Bupati Garut membuka bimtek SPBE di hotel, Senin. ANTARA FOTO/Budi Santoso (ANTARA FOTO/Budi Santoso)",
     "Peserta foto bersama usai pembukaan. (Foto: Diskominfo Garut)",
     "Sekda foto bersama peserta PKA dan PKP, Senin (21/8). (mitrasumut/ist)",
     "Bupati Garut membuka bimtek SPBE, Senin (10/6/2024). (KOMPAS.com/RIDWAN NUGRAHA)",
     "Lihat Foto", "[Gambas:Video 20detik]", "Simak breaking news dan berita pilihan kami langsung di ponselmu.",
     "Artikel ini telah tayang di Tribunjogja.com dengan judul Pejabat Ikuti PKP"],
)
def test_noise_lines_are_blanked(line: str) -> None:
    article = read(f"{LEAD_ID}\n{line}\n")
    assert article.body.rstrip().endswith(LEAD_ID.rstrip())
    assert len(article.body) == len(article.text)


@pytest.mark.parametrize("tail", ["Sumber: ANTARA", "Sumber: Humas Pemkab Garut"])
def test_a_source_line_names_no_byline_person(tail: str) -> None:
    article = read(f"{LEAD_ID}\n{tail}\n")
    assert article.authors == () and article.editors == () and tail not in article.body


@pytest.mark.parametrize(
    "line",
    ["Peserta pulang dengan rencana aksi. (Tribunjogja.com/Hnf)", "Kegiatan berakhir sore. (esy/jpnn)"],
)
def test_a_story_sign_off_keeps_its_paragraph(line: str) -> None:
    assert line in read(f"{LEAD_ID}\n{line}\n").body


def test_caption_names_are_not_byline_people() -> None:
    article = read(f"{LEAD_ID}\nFoto: Bupati Kediri saat memberikan materi pada pembukaan diklat di aula.\n")
    assert article.authors == () and article.editors == ()


def test_a_photographer_credit_stays_a_byline() -> None:
    article = read(f"{LEAD_ID}\nFoto: Andi Saputra\n")
    assert article.authors == ("Andi Saputra",)


def test_offsets_are_kept_when_lines_are_blanked() -> None:
    text = f"Judul\nSenin, 13 Mei 2024 - 16:40 WIB\nBERITA TERKAIT\n- Lain\nBANDUNG - {LEAD_ID}\n(*)\n"
    article = read(text)
    assert len(article.body) == len(article.text)
    for s in article.sentences:
        assert article.text[s.start : s.end] == s.text


# --- language, decoding -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "language"), [(LEAD_ID, "id"), (LEAD_EN, "en")])
def test_language(text: str, language: str) -> None:
    assert read(text).language == language


# --- sentences ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("Acara dibuka Drs. H. Farhan. Peserta hadir.", ["Acara dibuka Drs. H. Farhan.", "Peserta hadir."]),
        ("“Jangan malu. Saya ingin belajar,” tegasnya. Ia pulang.",
         ["“Jangan malu. Saya ingin belajar,” tegasnya.", "Ia pulang."]),
        ("Pelatihan di Kabupaten Kediri.Pelatihan berlangsung hingga November.",
         ["Pelatihan di Kabupaten Kediri.", "Pelatihan berlangsung hingga November."]),
        ("Berita dari Kompas.com hari ini. Lalu lain.", ["Berita dari Kompas.com hari ini.", "Lalu lain."]),
        ("Nilai indeks 3.84 naik. Lalu turun.", ["Nilai indeks 3.84 naik.", "Lalu turun."]),
    ],
)
def test_sentences(text: str, pieces: list[str]) -> None:
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == pieces
    for s in sentences:
        assert text[s.start : s.end] == s.text


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [("â€œKami siap,â€\x9d kata Bupati.", "“Kami siap,” kata Bupati."),
     ("â€œKami siap,â€ kata Bupati.", "“Kami siap,” kata Bupati."),
     ("Kota Malangâ€™s budget â€“ up.", "Kota Malang’s budget – up."),
     ("Ibu Kota Nusantara (IKN) â€” kata Menteri.", "Ibu Kota Nusantara (IKN) — kata Menteri.")],
)
def test_mojibake_is_repaired_with_a_warning(raw: str, fixed: str) -> None:
    article = read(raw)
    assert article.text == fixed
    assert any("cp1252" in w for w in article.warnings)


def test_clean_text_is_left_alone() -> None:
    text = "Normal “quote” café © 2023 — ok. Â alone stays."
    article = read(text)
    assert article.text == text and article.warnings == ()


def test_cp1252_bytes_are_decoded_with_a_warning() -> None:
    from kg.reader import decode

    text, warnings = decode("“Kami siap,” kata Bupati – café.".encode("cp1252"), "t.txt")
    assert text == "“Kami siap,” kata Bupati – café." and "cp1252" in warnings[0]
