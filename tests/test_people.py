"""People and offices: tables of real-looking phrases -> who holds which office."""

from __future__ import annotations

import pytest

from kg import extract
from kg.model import Person, Post
from kg.reader import Meta, parse_article


def holdings(text: str) -> set[tuple[str, str]]:
    found = extract.extract(parse_article(text, Meta(id="t"), "t.txt"))
    names = {e.key: e.name for e in found.entities.values()}
    return {(names[h.person], names[h.post]) for h in found.holdings}


def people(text: str) -> dict[str, Person]:
    found = extract.extract(parse_article(text, Meta(id="t"), "t.txt"))
    return {p.name: p for p in found.of(Person)}


@pytest.mark.parametrize("text, person, post", [
    ("Sekda Kabupaten Sumedang Herman Suryatman menilai pelatihan itu penting.",
     "Herman Suryatman", "Sekretaris Daerah Kabupaten Sumedang"),
    ("Sekda Provinsi Jawa Barat sekaligus pimpinan delegasi Setiawan Wangsaatmaja menyatakan hal itu.",
     "Setiawan Wangsaatmaja", "Sekretaris Daerah Provinsi Jawa Barat"),
    ("Bupati Garut Rudy Gunawan membuka kegiatan tersebut.", "Rudy Gunawan", "Bupati Garut"),
    ("Kepala BKPSDM Kabupaten Serdang Bedagai. Andi Wijaya, S.STP menjelaskan tujuan kegiatan.",
     "Andi Wijaya", "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Serdang Bedagai"),
    ("Pelatihan dibuka Wali Kota Yogyakarta, Drs. H. Bambang Suryanto, M.M., di aula.",
     "Bambang Suryanto", "Wali Kota Yogyakarta"),
    ("Camat Baleendah, Yudi Permana, S.STP, mengatakan warganya siap.", "Yudi Permana", "Camat Baleendah"),
    ("Panewu Semanu Agus Riyanto menyebut kapanewon akan membuka klinik.", "Agus Riyanto", "Panewu Semanu"),
    ("Plt. Kepala Dinas Kominfo Kabupaten Bantul, Dra. Sri Handayani, M.Si, melaporkan biaya kegiatan.",
     "Sri Handayani", "Pelaksana Tugas Kepala Dinas Komunikasi dan Informatika Kabupaten Bantul"),
    ("Sementara itu, Perbekel Desa Kutuh I Wayan Sudarta menyatakan pihaknya siap.",
     "I Wayan Sudarta", "Kepala Desa Kutuh"),
    ("Rudi Hartanto selaku Asisten Deputi Tata Kelola SPBE Kementerian PANRB menyebut banyak daerah.",
     "Rudi Hartanto", "Asisten Deputi Tata Kelola SPBE Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"),
])
def test_office_and_holder(text: str, person: str, post: str) -> None:
    got = holdings(text)
    assert (person, post) in got, got


def test_chained_offices_share_the_holder() -> None:
    got = holdings("Ketua APDESI Babar, Junaidi, yang juga Kepala Desa Air Belo, menilai magang berguna.")
    assert ("Junaidi", "Kepala Desa Air Belo") in got
    assert any(person == "Junaidi" and post.startswith("Ketua") for person, post in got)


def test_titles_are_split_off_the_name() -> None:
    p = people("Kepala BPSDM Jatim, Dr. Ir. Bambang Sugeng Hariyanto, M.Si, menyebut kerja sama itu hemat.")
    person = p["Bambang Sugeng Hariyanto"]
    assert (person.prefix, person.suffix) == ("Dr. Ir.", "M.Si")


def test_an_office_without_a_named_holder_is_still_a_post() -> None:
    found = extract.extract(parse_article(
        "Bupati Garut yang diwakili Asisten III membuka bimtek itu.", Meta(id="t"), "t.txt"))
    assert "Bupati Garut" in {p.name for p in found.of(Post)}
    assert found.holdings == []


@pytest.mark.parametrize("text", [
    "Wabup Kutim Lepas Peserta Pelatihan ke Jepang\nKegiatan berlangsung lancar.",
    "Pelatihan digelar di Kabupaten Garut bersama Dinas Kominfo.",
])
def test_no_person_from_headlines_places_or_bodies(text: str) -> None:
    assert people(text) == {}


def test_a_short_name_is_the_person_with_the_fuller_name() -> None:
    found = extract.extract(parse_article(
        'Sekda Kabupaten Sumedang Herman Suryatman membuka acara.\n'
        '"Kami ingin semua ASN menguasai teknologi digital dengan baik," kata Herman.',
        Meta(id="t"), "t.txt"))
    [person] = found.of(Person)
    assert person.name == "Herman Suryatman" and "Herman" not in {p.name for p in found.of(Person)} - {person.name}
    assert [q.speaker for q in found.quotes] == [person.key]


def test_english_office_before_and_after_the_name() -> None:
    got = holdings('"We expect them to adapt," said Yusuf Hakim Lubis, Bappenas deputy for regional development.\n'
                   "The delegation includes Ratna Dewi Anggraini, head of the Surabaya City Bappedalitbang.")
    assert any(p == "Yusuf Hakim Lubis" and "deputy for regional development" in post.lower() for p, post in got)


@pytest.mark.parametrize("text, person", [
    ("Salah satu peserta, Agus Setiawan dari Dinas Kesehatan Garut, mengaku baru memahami indeks itu.",
     "Agus Setiawan"),
    ("Kepala Badan Kepegawaian Daerah Provinsi Papua Selatan, Maria Gebze, yang juga menjadi peserta, menilai "
     "pelatihan ini penting.", "Maria Gebze"),
])
def test_people_said_to_take_part(text: str, person: str) -> None:
    found = extract.extract(parse_article(text, Meta(id="t"), "t.txt"))
    names = {e.key: e.name for e in found.entities.values()}
    assert person in {names[h.key] for h in found.participant_hints}


def test_office_in_a_body_named_by_the_acronym_the_article_defined() -> None:
    text = ("Dinas Pemberdayaan Masyarakat dan Kalurahan (DPMK) Kabupaten Sleman menggelar bimtek. "
            "Kepala DPMK Sleman, Bambang Widodo, membuka acara itu.")
    assert ("Bambang Widodo", "Kepala Dinas Pemberdayaan Masyarakat dan Kalurahan Kabupaten Sleman") in holdings(text)


def test_acronym_the_article_spelled_out_is_written_out_in_the_office() -> None:
    text = ("Bimtek Manajemen Aparatur Sipil Negara (MASN) digelar di Bogor. "
            "Dewi Lestari selaku Asisten Deputi Pengembangan MASN Kementerian PANRB membuka acara.")
    assert ("Dewi Lestari", "Asisten Deputi Pengembangan Manajemen Aparatur Sipil Negara Kementerian "
            "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi") in holdings(text)


def test_english_level_word_after_the_region_before_the_holder() -> None:
    text = ("The course was opened on Monday by the regional secretary of Sumedang regency in West Java, "
            "Bambang Hermawan, who said the officials were ready for the training.")
    assert ("Bambang Hermawan", "Regional secretary Kabupaten Sumedang") in holdings(text)


def test_english_office_after_a_ministry_body_is_in_that_body() -> None:
    text = ("The academy is run by the ministry's training arm. BPSDM Kemenkeu head Rudi Santoso said on Monday "
            "that the classes would open next week for the officials.")
    assert ("Rudi Santoso", "Head Badan Pengembangan Sumber Daya Manusia Kementerian Keuangan") in holdings(text)


def test_english_office_after_a_nagari_office_and_its_acronym() -> None:
    text = ("The training ended on Friday in Painan. Pesisir Selatan Community and Nagari Empowerment Office (Dinas PMN) "
            "secretary Rina Yusuf said the officials had learned a lot during the training.")
    assert ("Rina Yusuf", "Secretary Dinas Pemberdayaan Masyarakat dan Nagari Kabupaten Pesisir Selatan") in holdings(text)


@pytest.mark.parametrize("text, person, post", [
    ("Menurut Park Min-jun, Senior Representative KOICA Indonesia Office, kerja sama dengan pemerintah daerah "
     "itu akan berlanjut tahun depan.",
     "Park Min-jun", "Senior Representative Korea International Cooperation Agency"),
    ("The mayors agreed on the plan, APEKSI executive director Budi Santosa said on Monday after the meeting "
     "with the ministry officials.",
     "Budi Santosa", "Executive director Asosiasi Pemerintah Kota Seluruh Indonesia"),
])
def test_donor_and_association_office_titles(text: str, person: str, post: str) -> None:
    held = holdings(text)
    assert (person, post) in held, held
    assert not [p for p, _ in held if p == "Office"]


def test_office_represented_by_another_is_not_the_stand_in_s() -> None:
    text = "Wali Kota Madiun yang diwakili Asisten II Setda Kota Madiun, Hari Prasetyo, membuka pelatihan itu."
    held = holdings(text)
    assert ("Hari Prasetyo", "Wali Kota Madiun") not in held, held
    assert any(p == "Hari Prasetyo" and post.startswith("Asisten II") for p, post in held), held


def test_title_that_goes_on_with_dan_keeps_its_written_words() -> None:
    text = "Pelatihan dibuka Asisten Pemerintahan dan Otonomi Daerah Setda Kota Madiun, Hari Prasetyo, di aula kantor."
    assert ("Hari Prasetyo", "Asisten Pemerintahan dan Otonomi Daerah Sekretariat Daerah Kota Madiun") in holdings(text)


def test_english_its_before_an_office_is_the_organization_named_just_before() -> None:
    text = ("The Association of Indonesian City Governments (APEKSI) backed the course on Tuesday. "
            "Its executive director, Hendra Wijaya, said mayors would send their planners to the classes.")
    assert ("Hendra Wijaya", "Executive director Asosiasi Pemerintah Kota Seluruh Indonesia") in holdings(text)


def test_english_office_in_a_body_named_after_a_ministry_possessive() -> None:
    text = ("The regulation was presented on Monday by a head of subdirectorate at the Home Affairs Ministry's "
            "Directorate General of Village Government Development, Dewi Kartika, to the village officials.")
    assert ("Dewi Kartika", "Head of subdirectorate Direktorat Jenderal Bina Pemerintahan Desa") in holdings(text)
