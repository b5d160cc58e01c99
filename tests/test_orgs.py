"""Organizations, regions and measures: table tests of real-looking phrases -> records."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article, Findings, Organization, Region
from kg.sentences import split_sentences


def found_in(text: str, language: str = "id") -> Findings:
    article = Article("t", "t", text, text, split_sentences(text), language=language)
    return extract(article, only=["regions", "organizations", "venues", "measures"])


def orgs(text: str, language: str = "id") -> dict[str, Organization]:
    return {o.name: o for o in found_in(text, language).of(Organization)}


def regions(text: str, language: str = "id") -> dict[str, Region]:
    return {r.name: r for r in found_in(text, language).of(Region)}


# --- organizations ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "name", "alias"), [
    ("Pelatihan digelar Dinas Pemberdayaan Masyarakat dan Desa (DPMD) Babar di Muntok.",
     "Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Bangka Barat",
     "Dinas Pemberdayaan Masyarakat dan Desa (DPMD) Babar"),
    ("Kepala Badan Kepegawaian Daerah (BKD) Kota Malang menjelaskan.",
     "Badan Kepegawaian Daerah Kota Malang", "Badan Kepegawaian Daerah (BKD) Kota Malang"),
])
def test_regional_body_with_its_acronym_before_the_region(text: str, name: str, alias: str) -> None:
    found = orgs(text)
    assert name in found and alias in found[name].aliases
    assert not [n for n in found if n.startswith(("Kepala", "Dinas Pemberdayaan Masyarakat dan Desa"))
                and n != name]


@pytest.mark.parametrize("text", [
    "Latsar dibuka di Kampus Badan Pengembangan Sumber Daya Manusia (BPSDM) Kaltim, Samarinda.",
    "Angkatan I dan II di Aula Badan Pengembangan Sumber Daya Manusia (BPSDM) Provinsi Papua Tengah.",
])
def test_acronym_definition_of_a_listed_body_is_no_new_organization(text: str) -> None:
    names = set(orgs(text))
    assert all(n.startswith("Badan Pengembangan Sumber Daya Manusia Provinsi") or n.startswith("Pemerintah")
               for n in names), names


def test_acronym_definition_starts_at_the_word_that_spells_it() -> None:
    found = orgs("Penilaian memakai aplikasi e-Kinerja Lembaga Sandi Nusantara (LSN) sejak Januari.")
    assert "Lembaga Sandi Nusantara" in found


def test_generic_kind_of_body_is_no_organization() -> None:
    assert "Badan Usaha Milik Desa" not in orgs("Materi meliputi pengelolaan Badan Usaha Milik Desa (BUMDes).")


@pytest.mark.parametrize(("text", "name", "region"), [
    ("Narasumber dari BPKP Perwakilan Aceh hadir.",
     "Badan Pengawasan Keuangan dan Pembangunan Perwakilan Provinsi Aceh", "region/id-11"),
    ("materi dari Badan Pemeriksa Keuangan (BPK) Perwakilan Jabar.",
     "Badan Pemeriksa Keuangan Perwakilan Provinsi Jawa Barat", "region/id-32"),
    ("Head of the BPKP representative office in West Sumatra said so.",
     "Badan Pengawasan Keuangan dan Pembangunan Perwakilan Provinsi Sumatera Barat", "region/id-13"),
    ("The West Sumatra representative office of the Financial and Development Supervisory Agency (BPKP) "
     "is training 212 wali nagari.",
     "Badan Pengawasan Keuangan dan Pembangunan Perwakilan Provinsi Sumatera Barat", "region/id-13"),
])
def test_representative_office_of_a_national_body(text: str, name: str, region: str) -> None:
    found = orgs(text, "en" if "the" in text else "id")
    assert found[name].region == region
    assert found[name].parent == "org/badan-pengawasan-keuangan-dan-pembangunan" or "Pemeriksa" in name


def test_numbered_regional_office_keeps_its_city_as_alias() -> None:
    found = orgs("Narasumber dari Kantor Regional VI BKN Medan memaparkan tata cara SKP.")
    office = found["Kantor Regional VI Badan Kepegawaian Negara"]
    assert "Kantor Regional VI BKN Medan" in office.aliases
    assert office.parent == "org/badan-kepegawaian-negara"


def test_company_branch_city_is_an_alias() -> None:
    assert "Inixindo Medan" in orgs("modul transformasi digital disampaikan tim Inixindo Medan.")["Inixindo"].aliases


@pytest.mark.parametrize(("text", "names"), [
    ("Salah satu peserta, Kabid Pengembangan Usaha Dinas Koperasi Kabupaten Malang, mengaku senang.",
     ["Dinas Koperasi Kabupaten Malang"]),
    ("Peserta dari Badan Riset dan Inovasi Daerah Provinsi Jawa Tengah.",
     ["Badan Riset dan Inovasi Daerah Provinsi Jawa Tengah"]),
])
def test_unlisted_regional_office_by_head_word(text: str, names: list[str]) -> None:
    found = orgs(text)
    for name in names:
        assert found[name].kind == "regional-unit" and found[name].government


def test_unlisted_head_word_without_region_is_nothing() -> None:
    assert not [n for n in orgs("Dinas Koperasi dan Badan Riset menggelar rapat.") if n.startswith(("Dinas", "Badan"))]


@pytest.mark.parametrize(("text", "names"), [
    ("Peserta berasal dari Badan Perencanaan Pembangunan Daerah (Bappeda), Dinas Lingkungan Hidup (DLH), "
     "serta Dinas Pemberdayaan Masyarakat dan Desa (DPMDes) Kutim.",
     ["Badan Perencanaan Pembangunan Daerah Kabupaten Kutai Timur", "Dinas Lingkungan Hidup Kabupaten Kutai Timur",
      "Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Kutai Timur"]),
    ("Peserta berasal dari tiga OPD, yakni Dinas Kesehatan, Dinas Pendidikan dan Kebudayaan, serta Badan "
     "Pendapatan Daerah Provinsi Kaltim.",
     ["Dinas Kesehatan Provinsi Kalimantan Timur", "Dinas Pendidikan dan Kebudayaan Provinsi Kalimantan Timur",
      "Badan Pendapatan Daerah Provinsi Kalimantan Timur"]),
])
def test_listed_bodies_share_the_region_after_the_last(text: str, names: list[str]) -> None:
    found = orgs(text)
    assert all(n in found for n in names), sorted(found)


def test_government_takes_the_level_its_name_states() -> None:
    found = orgs("Pelatihan Kota dan Kabupaten Malang. Angkatan I diisi pejabat Pemerintah Kota (Pemkot) Malang.")
    assert "Pemerintah Kota Malang" in found
    assert "Pemerintah Kota (Pemkot) Malang" in found["Pemerintah Kota Malang"].aliases


# --- regions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "region", "org"), [
    ("Participants include the Bogor regency administration and the Bogor city administration.",
     "Kabupaten Bogor", "Pemerintah Kabupaten Bogor"),
    ("Participants include the Bogor regency administration and the Bogor city administration.",
     "Kota Bogor", "Pemerintah Kota Bogor"),
])
def test_english_level_word_after_the_name(text: str, region: str, org: str) -> None:
    assert region in regions(text, "en")
    assert org in orgs(text, "en")


@pytest.mark.parametrize(("text", "name"), [
    ("Regional secretaries from East Bolaang Mongondow and North Sumatra took part.",
     "Kabupaten Bolaang Mongondow Timur"),
    ("Officials of the West Bandung administration attended.", "Kabupaten Bandung Barat"),
])
def test_compass_word_before_an_english_name(text: str, name: str) -> None:
    found = regions(text, "en")
    assert name in found
    assert "Kabupaten Bolaang Mongondow" not in found and "Kabupaten Bandung" not in found


@pytest.mark.parametrize(("text", "name"), [
    ("Pelatihan di Kabupaten Malang. DPRD Kabupaten Malang juga telah mengikuti orientasi serupa di Kepanjen.",
     "Kecamatan Kepanjen"),
    ("Pemkab Bandung menggelar rapat. Camat Baleendah, Yudi Permana, mengatakan pihaknya siap.",
     "Kecamatan Baleendah"),
    ("Bupati Gunungkidul hadir. Panewu Semanu Agus Riyanto menyebut kapanewon siap.", "Kecamatan Semanu"),
    ("Bimtek Pemkab Serdang Bedagai di Aula Sultan Serdang, Kantor Bupati Sergai, Sei Rampah, Kamis (22/8).",
     "Kecamatan Sei Rampah"),
    ("Pemkab Bangka Barat menggelar pelatihan di Gedung Wisma Ranggam, Muntok.", "Kecamatan Mentok"),
])
def test_bare_kecamatan_of_a_region_the_article_names(text: str, name: str) -> None:
    assert name in regions(text)


@pytest.mark.parametrize("text", [
    "Pemkab Bandung menggelar rapat di Kepanjen.",  # Kepanjen is in Kabupaten Malang
    "Pemkab Bogor mengundang Kepala Desa Cisarua dan warga Jalan Cisarua.",
    "Bupati Serdang Bedagai membuka acara di Aula Sultan Serdang.",
])
def test_bare_kecamatan_not_taken(text: str) -> None:
    assert not [n for n in regions(text) if n.startswith("Kecamatan")]


@pytest.mark.parametrize(("text", "language"), [
    ("Sixty regents are spending four days in Cisarua, Bogor, for the opening module.", "en"),
    ("Anggota DPRD Kota Bogor mengikuti orientasi di Hotel Royal Safari Garden, Cisarua, Bogor.", "id"),
])
def test_kecamatan_comma_regency_chooses_the_regency(text: str, language: str) -> None:
    found = regions(text, language)
    assert "Kecamatan Cisarua" in found and found["Kecamatan Cisarua"].place == "ID-32.01.25"
    assert "Kabupaten Bogor" in found


def test_greater_area_is_no_region() -> None:
    found = regions("Boltim ingin menjadi contoh di kawasan Bolaang Mongondow Raya.")
    assert "Kabupaten Bolaang Mongondow" not in found


# --- measures --------------------------------------------------------------------------------


def measures(text: str, language: str = "id") -> list[tuple[str, str, float]]:
    found = found_in(text, language)
    return [(m.name, found.entities[m.subject].name, m.value) for m in found.measures]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Kabupaten Sumedang merupakan yang terbaik di Indonesia dengan Indeks SPBE 3,84.", "id",
     ("Indeks SPBE", "Kabupaten Sumedang", 3.84)),
    ("Hadi menyinggung nilai indeks reformasi birokrasi Kota Malang tahun 2018 sebesar 70,12 yang masih rendah.",
     "id", ("indeks reformasi birokrasi", "Kota Malang", 70.12)),
    ("Kepala Diskominfo mengatakan, nilai Indeks SPBE Kabupaten Garut pada evaluasi 2023 baru 2,87 atau Baik.",
     "id", ("Indeks SPBE", "Kabupaten Garut", 2.87)),
    ("Rata-rata nilai Indeks Desa Membangun (IDM) kalurahan di Gunungkidul sudah mencapai 0,7512.", "id",
     ("Indeks Desa Membangun", "Kabupaten Gunungkidul", 0.7512)),
    ("Ia menyebut nilai indeks SPBE nasional tahun 2022 baru mencapai 2,34 atau predikat Baik.", "id",
     ("indeks SPBE nasional", "Indonesia", 2.34)),
    ("Benny said East Java scored 3.12 in the SPBE index in 2022.", "en", ("SPBE index", "Jawa Timur", 3.12)),
])
def test_measure_with_its_subject(text: str, language: str, expected: tuple[str, str, float]) -> None:
    assert measures(text, language) == [expected]


def test_measure_of_we_is_the_region_the_article_names_most() -> None:
    text = ("Sekda Kabupaten Bolaang Mongondow Timur lolos seleksi. Boltim ingin jadi contoh.\n"
            '"Indeks SPBE kita baru 2,31," katanya.')
    assert measures(text) == [("Indeks SPBE", "Kabupaten Bolaang Mongondow Timur", 2.31)]


@pytest.mark.parametrize("text", [
    "Nilai investasi Kabupaten Garut mencapai 500 miliar rupiah.",
    "Indeks kepuasan masyarakat Kabupaten Garut naik 12 persen.",
    "Anggaran pelatihan Kabupaten Garut tahun 2023 sebesar Rp1,2 miliar.",
])
def test_no_measure(text: str) -> None:
    assert measures(text) == []


def test_loose_measure_needs_a_decimal_value() -> None:
    assert measures("Indeks itu di Kabupaten Garut baru 3 bulan diterapkan.") == []


@pytest.mark.parametrize(("text", "name"), [
    ("Sementara itu, di Kota Kediri, diklat serupa untuk pejabat Pemkot dijadwalkan pada bulan September.",
     "Pemerintah Kota Kediri"),
])
def test_bare_government_is_that_of_the_one_region_of_its_level(text: str, name: str) -> None:
    assert "Pemkot" in orgs(text)[name].aliases


def test_bare_government_with_two_regions_of_its_level_is_nothing() -> None:
    found = orgs("Peserta dari Kota Malang dan Kota Batu. Pejabat Pemkot hadir.")
    assert not [o for o in found.values() if o.aliases == ("Pemkot",)]


@pytest.mark.parametrize(("text", "name"), [
    ("On Friday they visit Seoul Metropolitan Government's digital citizen service center.",
     "Seoul Metropolitan Government"),
])
def test_foreign_government_named_in_english(text: str, name: str) -> None:
    org = orgs(text, "en")[name]
    assert org.government and org.kind == "foreign-agency"


def test_a_unit_a_government_acts_through_is_that_governments() -> None:
    from kg import extract as ex
    from kg.model import Organization
    from kg.reader import Meta, parse_article

    text = ("KOTA JANTHO - Pemerintah Kabupaten (Pemkab) Aceh Besar melalui Dinas Pemberdayaan Masyarakat dan "
            "Gampong (DPMG) menggelar bimtek bagi keuchik, Senin (13/5/2024).")
    found = ex.extract(parse_article(text, Meta(id="t"), "t.txt"))
    unit = {o.name: o for o in found.of(Organization)}["Dinas Pemberdayaan Masyarakat dan Gampong Kabupaten Aceh Besar"]
    assert unit.parent == "org/pemerintah-kabupaten-aceh-besar"


def test_acronym_defined_inside_a_regional_body_names_it_later() -> None:
    found = found_in("Dinas Pemberdayaan Masyarakat dan Kampung (DPMK) Kabupaten Mimika membuka kelas. "
                     "Sesudah itu DPMK Mimika menutup kelas, lalu DPMK Nabire menggelar kelas lain.")
    org = {o.name: o for o in found.of(Organization)}["Dinas Pemberdayaan Masyarakat dan Kampung Kabupaten Mimika"]
    assert "DPMK Mimika" in org.aliases
    text = found.mentions_of(org.key)
    assert len(text) == 2  # not the body of another regency that uses the same letters


@pytest.mark.parametrize(("text", "name", "parent"), [
    ("Acara itu disiarkan langsung.\nHumas Pemkot Blitar",
     "Humas Pemerintah Kota Blitar", "Pemerintah Kota Blitar"),
    ("Rapat dengan Komisi IV DPR RI berlangsung Kamis.",
     "Komisi IV Dewan Perwakilan Rakyat Republik Indonesia", "Dewan Perwakilan Rakyat Republik Indonesia"),
    ("Pelatihan digelar Bagian Organisasi dan Tata Laksana Setda Kota Blitar pekan lalu.",
     "Bagian Organisasi dan Tata Laksana Sekretariat Daerah Kota Blitar", "Sekretariat Daerah Kota Blitar"),
])
def test_unit_named_before_its_organization(text: str, name: str, parent: str) -> None:
    found = orgs(text)
    assert name in found, sorted(found)
    assert found[name].parent == found[parent].key


def test_unit_head_inside_an_office_is_no_unit() -> None:
    found = orgs("Kepala Bagian Organisasi Setda Kota Blitar membuka pelatihan. Komisi baru DPR RI belum bekerja.")
    assert not [n for n in found if n.startswith(("Bagian", "Komisi"))], sorted(found)


def test_association_followed_by_a_region_is_its_chapter_there() -> None:
    found = orgs("Pengurus Asosiasi Pemerintah Desa Seluruh Indonesia (APDESI) Kabupaten Lebak hadir. "
                 "APDESI juga mengundang pakar.")
    chapter = found["Asosiasi Pemerintah Desa Seluruh Indonesia Kabupaten Lebak"]
    assert chapter.parent == found["Asosiasi Pemerintah Desa Seluruh Indonesia"].key


@pytest.mark.parametrize(("text", "name", "english"), [
    ("The team met officials of Garut's Bappeda on Monday.",
     "Badan Perencanaan Pembangunan Daerah Kabupaten Garut", "Regional Development Planning Agency of Garut"),
    ("Officials from the Medan City Bappedalitbang joined the course.",
     "Badan Perencanaan Pembangunan Daerah, Penelitian dan Pengembangan Kota Medan",
     None),
    ("Padang city's Bappeda sent two planners.",
     "Badan Perencanaan Pembangunan Daerah Kota Padang", "Regional Development Planning Agency of Padang"),
])
def test_english_region_before_a_regional_body(text: str, name: str, english: str | None) -> None:
    found = orgs(text, "en")
    assert name in found, sorted(found)
    assert english is None or english in found[name].aliases


@pytest.mark.parametrize(("text", "name"), [
    ("The National Development Planning Ministry opened the course.",
     "Kementerian Perencanaan Pembangunan Nasional/Badan Perencanaan Pembangunan Nasional"),
    ("The Communication and Digital Ministry funds the academy.", "Kementerian Komunikasi dan Digital"),
])
def test_english_ministry_named_with_ministry_last(text: str, name: str) -> None:
    assert name in orgs(text, "en")


def test_kind_of_regional_body_before_a_ministry_is_the_ministry_body() -> None:
    found = orgs("Pelatihan difasilitasi Badan Pengembangan Sumber Daya Manusia (BPSDM) Kementerian Keuangan (Kemenkeu).")
    body = found["Badan Pengembangan Sumber Daya Manusia Kementerian Keuangan"]
    assert body.parent == found["Kementerian Keuangan"].key


@pytest.mark.parametrize(("text", "name"), [
    ("The officials then visited the Osaka City Waste Management Bureau on Tuesday.", "Osaka City Waste Management Bureau"),
    ("They were briefed by the Port of Amsterdam Authority.", "Port of Amsterdam Authority"),
])
def test_foreign_body_named_after_its_city(text: str, name: str) -> None:
    found = orgs(text, "en")
    assert name in found, sorted(found)
    assert found[name].kind == "foreign-agency"


def test_foreign_city_without_a_body_word_is_no_body() -> None:
    assert not [n for n in orgs("The group toured Osaka Castle and Osaka Bay.", "en") if "Osaka" in n]


def test_university_of_a_place() -> None:
    found = orgs("The second module takes place at the University of Leeds, England, in May.", "en")
    assert found["University of Leeds"].kind == "university"


def test_university_of_followed_by_a_capitalized_word_is_left_alone() -> None:
    assert "University of Leeds" not in orgs("Rector of the University of Leeds Maria Jones spoke.", "en")


@pytest.mark.parametrize(("text", "language"), [
    ("Modul disusun Kemendikdasmen, yang dulu bernama Kementerian Pendidikan dan Kebudayaan "
     "(Kemendikbud), untuk para guru.", "id"),
    ("Kemendikbud, yang kini bernama Kementerian Pendidikan Dasar dan Menengah, menyusun modul.", "id"),
    ("The module was written by the Ministry of Primary and Secondary Education, formerly the "
     "Ministry of Education and Culture.", "en"),
])
def test_a_body_s_old_name_is_an_alias_of_the_new_one(text: str, language: str) -> None:
    found = orgs(text, language)
    assert "Kementerian Pendidikan dan Kebudayaan" not in found, sorted(found)
    aliases = found["Kementerian Pendidikan Dasar dan Menengah"].aliases
    assert "Kementerian Pendidikan dan Kebudayaan" in aliases or "Ministry of Education and Culture" in aliases


def test_two_bodies_in_a_list_are_not_renamed() -> None:
    found = orgs("Modul disusun Kemendikdasmen dan Kementerian Pendidikan dan Kebudayaan.")
    assert {"Kementerian Pendidikan dan Kebudayaan", "Kementerian Pendidikan Dasar dan Menengah"} <= set(found)
