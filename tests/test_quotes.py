"""Quotations and their speakers: tables of real-looking passages."""

from __future__ import annotations

import pytest

from kg import extract
from kg.reader import Meta, parse_article
from kg.extract.quotes import find_quotes


def said(text: str) -> list[tuple[str, str]]:
    found = extract.extract(parse_article(text, Meta(id="t"), "t.txt"))
    names = {e.key: e.name for e in found.entities.values()}
    return [(names.get(q.speaker or "", "?"), " ".join(q.text.split()[:3])) for q in found.quotes]


OPENING = "Sekda Kabupaten Sumedang Herman Suryatman membuka pelatihan itu.\n"


@pytest.mark.parametrize("text, expected", [
    (OPENING + '"Kami ingin ASN menguasai teknologi digital dengan baik," kata Herman.',
     [("Herman Suryatman", "Kami ingin ASN")]),
    (OPENING + '"Kami ingin ASN menguasai teknologi digital dengan baik," ujarnya.',
     [("Herman Suryatman", "Kami ingin ASN")]),
    (OPENING + 'Herman menegaskan, "Kami tidak mau lurah menunggu sampai evaluasi selesai."',
     [("Herman Suryatman", "Kami tidak mau")]),
    (OPENING + 'Menurut Herman, "pelatihan ini membuka wawasan para peserta dari daerah."',
     [("Herman Suryatman", "pelatihan ini membuka")]),
    ('JICA chief representative Takeshi Morimoto said Japan had trained many officials.\n'
     '"We do not expect them to copy Kitakyushu at all," Morimoto said.',
     [("Takeshi Morimoto", "We do not")]),
    ('World Bank specialist Sarah Whitmore said the program was large.\n'
     '"Indonesia has more than 74,000 villages to reach," she said.',
     [("Sarah Whitmore", "Indonesia has more")]),
])
def test_speaker(text: str, expected: list[tuple[str, str]]) -> None:
    assert said(text) == expected


def test_imbuhnya_refers_back_to_the_last_speaker() -> None:
    text = (OPENING + '"Kami ingin ASN menguasai teknologi digital dengan baik," kata Herman.\n'
            "Kepala BKPSDM Kabupaten Sumedang Asep Sudrajat menjelaskan jadwal kegiatan.\n"
            'Dia menyebut pelatihan berlangsung tiga hari.\n'
            '"Jangan sampai ilmu ini berhenti di ruang kelas saja," imbuhnya.')
    assert said(text)[-1][0] in ("Asep Sudrajat", "Herman Suryatman")


def test_a_quoted_term_is_not_a_quotation() -> None:
    assert said(OPENING + 'Program itu disebut "Jabar Digital Province" oleh panitia.') == []


def test_a_quotation_over_two_paragraphs_is_one() -> None:
    for gap in ("\n", "\n\n"):
        body = f'“Kalian adalah generasi pertama ASN di provinsi ini.{gap}“Apa yang kalian bangun hari ini menjadi budaya kerja,” katanya.'
        [q] = find_quotes(body)
        assert q.text.startswith("Kalian adalah") and q.text.endswith("menjadi budaya kerja")


def test_indirect_speech_is_not_a_quotation() -> None:
    assert said(OPENING + "Herman mengatakan bahwa pelatihan itu sangat penting bagi daerah.") == []


def test_a_nickname_names_the_office_holder() -> None:
    text = ("Penjabat (Pj.) Gubernur Papua Tengah, Dr. Yohanis Kogoya, M.Si membuka Latsar CPNS.\n"
            "Pj. Gubernur yang akrab disapa Papa Nadia itu mengingatkan peserta tentang disiplin.\n"
            "“Jadi jangan datang ke kelas hanya untuk mengejar sertifikat,” tegas Papa Nadia.")
    assert said(text) == [("Yohanis Kogoya", "Jadi jangan datang")]


def test_an_office_word_is_never_a_new_person() -> None:
    text = '"Jangan jadikan diklat ini hanya syarat naik jabatan saja," kata Bupati.'
    found = extract.extract(parse_article(text, Meta(id="t"), "t.txt"))
    assert [p.name for p in found.of(__import__("kg.model", fromlist=["Person"]).Person)] == []


def test_a_speaker_named_between_commas_before_said() -> None:
    text = ("The Director General of Village Government Development at the ministry, Ahmad Faisal Rangkuti, "
            "said the training would start with trainers.\n"
            '"The trainers will go back to their provinces and train village governments," Rangkuti said.')
    assert said(text) == [("Ahmad Faisal Rangkuti", "The trainers will")]


def test_a_generic_noun_before_a_nickname_is_not_a_person() -> None:
    text = ("Pelatihan dibuka Wali Kota Yogyakarta, Drs. H. Bambang Suryanto, M.M., di aula.\n"
            "Pria yang akrab disapa Mas Bambang itu meminta peserta tidak sekadar mengejar sertifikat.\n"
            '"Pengawas itu ujung tombak yang paling dekat dengan warga," kata Mas Bambang.')
    assert said(text) == [("Bambang Suryanto", "Pengawas itu ujung")]


def test_a_speaker_after_a_long_office_takes_the_focus() -> None:
    text = (OPENING + "Kepala Dinas Pemberdayaan Masyarakat, Desa, Kependudukan dan Pencatatan Sipil (DPMD Dukcapil) "
            "Kabupaten Sumedang, Dr. Rina Marlina, S.Sos, M.Si, menyampaikan bahwa pelatihan diikuti 60 peserta.\n"
            '"Kami berharap para perangkat desa langsung menerapkan ilmunya di kantor," tuturnya.')
    assert said(text) == [("Rina Marlina", "Kami berharap para")]


def test_a_place_inside_an_office_is_not_a_new_speaker() -> None:
    text = "Ketua forum kepala desa, Sutrisno, yang juga Kepala Desa Sukamaju Kidul, menilai pelatihan ini penting bagi desa.\n"
    found = extract.extract(parse_article(text, Meta(id="t"), "t.txt"))
    assert [p.name for p in found.of(__import__("kg.model", fromlist=["Person"]).Person)] == ["Sutrisno"]
