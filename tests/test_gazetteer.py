"""The gazetteer: Indonesian regions and foreign places, their names, and the one-pass finder."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.gazetteer import Gazetteer, Place, PlaceHit
from kg.paths import DATA


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def one_hit(gaz: Gazetteer, text: str) -> PlaceHit:
    hits = gaz.find(text)
    assert len(hits) == 1, [(h.surface, h.candidates) for h in hits]
    return hits[0]


# --- the data -------------------------------------------------------------------------------


def by_level(gaz: Gazetteer, *levels: str) -> list[Place]:
    return [place for place in gaz if place.level in levels]


def test_counts_after_the_papua_split(gaz: Gazetteer) -> None:
    assert len(by_level(gaz, "province")) == 38
    assert len(by_level(gaz, "regency", "city")) == 514
    assert len(by_level(gaz, "regency")) == 416
    assert len(by_level(gaz, "city")) == 98
    assert len(by_level(gaz, "district")) > 7000


def test_indonesia_is_the_root(gaz: Gazetteer) -> None:
    indonesia = gaz.get("ID")
    assert (indonesia.name, indonesia.level, indonesia.parent, indonesia.code) == (
        "Indonesia", "country", None, "ID")


def test_every_kabupaten_and_kota_sits_in_a_province_up_to_indonesia(gaz: Gazetteer) -> None:
    for place in by_level(gaz, "regency", "city"):
        chain = gaz.ancestors(place.key)
        assert [p.level for p in chain] == ["province", "country"], place.key
        assert chain[-1].key == "ID"
        assert place.code is not None and place.code.startswith(chain[0].code + ".")


def test_every_kecamatan_reaches_indonesia(gaz: Gazetteer) -> None:
    for place in by_level(gaz, "district"):
        assert [p.level for p in gaz.ancestors(place.key)][-1] == "country"
        assert place.key == f"ID-{place.code}" and place.name.startswith("Kecamatan ")


@pytest.mark.parametrize(("key", "name", "level", "parent"), [
    ("ID-32", "Jawa Barat", "province", "ID"),
    ("ID-32.11", "Kabupaten Sumedang", "regency", "ID-32"),
    ("ID-32.78", "Kota Tasikmalaya", "city", "ID-32"),
    ("ID-31.74", "Kota Administrasi Jakarta Selatan", "city", "ID-31"),
    ("ID-31.01", "Kabupaten Administrasi Kepulauan Seribu", "regency", "ID-31"),
    ("ID-71.09", "Kabupaten Kepulauan Siau Tagulandang Biaro", "regency", "ID-71"),
    ("ID-95", "Papua Pegunungan", "province", "ID"),
    ("ID-96", "Papua Barat Daya", "province", "ID"),
    ("ID-32.11.15", "Kecamatan Jatinangor", "district", "ID-32.11"),
    ("KR", "Republik Korea", "country", None),
    ("KR-jeollabuk-do", "Jeollabuk-do", "foreign-region", "KR"),
    ("KR-jeonju", "Jeonju", "foreign-city", "KR-jeollabuk-do"),
    ("SG-singapore", "Singapura", "foreign-city", "SG"),
])
def test_places(gaz: Gazetteer, key: str, name: str, level: str, parent: str | None) -> None:
    place = gaz.get(key)
    assert (place.name, place.level, place.parent) == (name, level, parent)


def test_codes_and_coordinates(gaz: Gazetteer) -> None:
    sumedang = gaz.get("ID-32.11")
    assert sumedang.code == "32.11"
    assert sumedang.lat is not None and -7.2 < sumedang.lat < -6.6
    assert sumedang.lon is not None and 107.6 < sumedang.lon < 108.3
    assert gaz.get("KR").code == "KR" and gaz.get("KR-jeonju").code is None


def test_ancestors_of_a_foreign_city(gaz: Gazetteer) -> None:
    assert [p.key for p in gaz.ancestors("KR-jeonju")] == ["KR-jeollabuk-do", "KR"]
    assert gaz.ancestors("ID") == []


def test_unknown_key_raises_key_error(gaz: Gazetteer) -> None:
    with pytest.raises(KeyError):
        gaz.get("ID-99.99")


def test_load_is_cached(gaz: Gazetteer) -> None:
    assert Gazetteer.load() is gaz


def guarded_names() -> dict[str, str]:
    with (DATA / "regions_guarded_names.csv").open(encoding="utf-8") as handle:
        return {row["name"]: row["rule"] for row in csv.DictReader(handle)}


def test_every_name_and_alias_is_found_as_written(gaz: Gazetteer) -> None:
    """Each name and alias of a kab/kota, province or foreign place finds its place.

    Guarded common words need context: mid-sentence ("di Batu.") or a level word.
    """
    guarded = guarded_names()
    for place in gaz:
        if place.level == "district":
            continue
        for surface in {place.name, *place.aliases}:
            if guarded.get(surface) == "prefix-only":
                continue
            text = f"di {surface}." if surface in guarded else surface
            hit = one_hit(gaz, text)
            assert hit.surface == surface and place.key in hit.candidates, (place.key, surface)


def test_every_kecamatan_is_found_after_its_level_word(gaz: Gazetteer) -> None:
    for place in by_level(gaz, "district"):
        hit = one_hit(gaz, f"warga {place.name} hadir")
        assert place.key in hit.candidates and hit.explicit_level == "district"


# --- find: the table ------------------------------------------------------------------------

FIND_TABLE = [
    ("Bupati membuka acara di Kab. Sumedang.", "Kab. Sumedang", ("ID-32.11",), "regency"),
    ("Kabupaten Sumedang", "Kabupaten Sumedang", ("ID-32.11",), "regency"),
    ("pemerintah kabupaten sumedang", "kabupaten sumedang", ("ID-32.11",), "regency"),
    ("KABUPATEN SUMEDANG", "KABUPATEN SUMEDANG", ("ID-32.11",), "regency"),
    ("Kab Sumedang", "Kab Sumedang", ("ID-32.11",), "regency"),
    ("warga Sumedang", "Sumedang", ("ID-32.11",), None),
    ("peserta dari Garut", "Garut", ("ID-32.05",), None),
    ("Kota Tasik", "Kota Tasik", ("ID-32.78",), "city"),
    ("Pemkot Tasikmalaya", "Tasikmalaya", ("ID-32.78",), "city"),
    ("Jabar", "Jabar", ("ID-32",), None),
    ("Sekda Jateng", "Jateng", ("ID-33",), None),
    ("Provinsi Jawa Barat", "Provinsi Jawa Barat", ("ID-32",), "province"),
    ("Prov. Jawa Timur", "Prov. Jawa Timur", ("ID-35",), "province"),
    ("BPSDM Sulsel", "Sulsel", ("ID-73",), None),
    ("kepala desa se-Kabupaten Bangka Barat", "Kabupaten Bangka Barat", ("ID-19.05",), "regency"),
    ("Pj Bupati Babar", "Babar", ("ID-19.05",), "regency"),
    ("Sergai", "Sergai", ("ID-12.18",), None),
    ("Boltim", "Boltim", ("ID-71.10",), None),
    ("Kukar", "Kukar", ("ID-64.02",), None),
    ("Pangkep", "Pangkep", ("ID-73.10",), None),
    ("Sidrap", "Sidrap", ("ID-73.14",), None),
    ("Lutra", "Lutra", ("ID-73.22",), None),
    ("NTB", "NTB", ("ID-52",), None),
    ("DIY", "DIY", ("ID-34",), None),
    ("Jogja", "Jogja", ("ID-34", "ID-34.71"), None),
    ("Jakarta", "Jakarta", ("ID-31",), None),
    ("DKI Jakarta", "DKI Jakarta", ("ID-31",), None),
    ("Pemprov DKI Jakarta", "DKI Jakarta", ("ID-31",), "province"),
    ("Jaksel", "Jaksel", ("ID-31.74",), None),
    ("Jakarta Selatan", "Jakarta Selatan", ("ID-31.74",), None),
    ("Kota Administrasi Jakarta Selatan", "Kota Administrasi Jakarta Selatan", ("ID-31.74",),
     "city"),
    ("Kota Adm. Jakarta Selatan", "Kota Adm. Jakarta Selatan", ("ID-31.74",), "city"),
    ("Kepulauan Seribu", "Kepulauan Seribu", ("ID-31.01",), None),
    ("Kabupaten Kepulauan Seribu", "Kabupaten Kepulauan Seribu", ("ID-31.01",), "regency"),
    ("Kab. Kep. Seribu", "Kab. Kep. Seribu", ("ID-31.01",), "regency"),
    ("Kabupaten Kep. Siau Tagulandang Biaro", "Kabupaten Kep. Siau Tagulandang Biaro",
     ("ID-71.09",), "regency"),
    ("Papua Pegunungan", "Papua Pegunungan", ("ID-95",), None),
    ("Provinsi Papua Barat Daya", "Provinsi Papua Barat Daya", ("ID-96",), "province"),
    ("Bandung", "Bandung", ("ID-32.73", "ID-32.04"), None),
    ("ke Cirebon", "Cirebon", ("ID-32.74", "ID-32.09"), None),
    ("Jambi", "Jambi", ("ID-15", "ID-15.71"), None),
    ("Gorontalo", "Gorontalo", ("ID-75", "ID-75.71", "ID-75.01"), None),
    ("Pemkab Garut", "Garut", ("ID-32.05",), "regency"),
    ("Pemkot Bandung", "Bandung", ("ID-32.73",), "city"),
    ("Pemkab Bandung", "Bandung", ("ID-32.04",), "regency"),
    ("Gubernur Jabar", "Jabar", ("ID-32",), "province"),
    ("Kabupaten Bandung Barat", "Kabupaten Bandung Barat", ("ID-32.17",), "regency"),
    ("Bupati Bandung Barat", "Bandung Barat", ("ID-32.17",), "regency"),
    ("Wali Kota Batu", "Kota Batu", ("ID-35.79",), "city"),
    ("wisata di Batu, lalu pulang", "Batu", ("ID-35.79",), None),
    ("Kec. Jatinangor", "Kec. Jatinangor", ("ID-32.11.15",), "district"),
    ("Distrik Wamena", "Distrik Wamena", ("ID-95.01.01",), "district"),
    ("Provinsi Jeollabuk-Do", "Provinsi Jeollabuk-Do", ("KR-jeollabuk-do",), "province"),
    ("provinsi jeollabuk-do", "provinsi jeollabuk-do", ("KR-jeollabuk-do",), "province"),
    ("Jeollabuk Do", "Jeollabuk Do", ("KR-jeollabuk-do",), None),
    ("Jeonbuk", "Jeonbuk", ("KR-jeollabuk-do",), None),
    ("Kota Jeonju", "Kota Jeonju", ("KR-jeonju",), "city"),
    ("Republik Korea", "Republik Korea", ("KR",), None),
    ("Korea Selatan", "Korea Selatan", ("KR",), None),
    ("South Korea", "South Korea", ("KR",), None),
    ("Korea Utara", "Korea Utara", ("KP",), None),
    ("Singapura", "Singapura", ("SG", "SG-singapore"), None),
    ("studi tiru ke Jepang", "Jepang", ("JP",), None),
    ("Den Haag", "Den Haag", ("NL-den-haag",), None),
    ("The Hague", "The Hague", ("NL-den-haag",), None),
    ("Amerika Serikat", "Amerika Serikat", ("US",), None),
    ("Uni Emirat Arab", "Uni Emirat Arab", ("AE",), None),
    ("Timor-Leste", "Timor-Leste", ("TL",), None),
    ("Kuala Lumpur", "Kuala Lumpur", ("MY-kuala-lumpur",), None),
    ("Kota Kinabalu", "Kota Kinabalu", ("MY-kota-kinabalu",), None),
    ("Negara Bagian Victoria", "Negara Bagian Victoria", ("AU-victoria",), "province"),
    ("di Solo.", "Solo", ("ID-33.72",), None),
]


@pytest.mark.parametrize(("text", "surface", "candidates", "level"), FIND_TABLE)
def test_find(gaz: Gazetteer, text: str, surface: str, candidates: tuple[str, ...],
              level: str | None) -> None:
    hit = one_hit(gaz, text)
    assert (hit.surface, hit.candidates, hit.explicit_level) == (surface, candidates, level)
    assert text[hit.start:hit.end] == surface


@pytest.mark.parametrize("text", [
    "batu itu keras",                       # the word, not Kota Batu
    "Batu itu keras.",                      # a guarded name opening a sentence
    "Wamendagri Bima Arya membuka acara",   # a person, not Bima
    "siaran Metro TV",                      # a station, not Kota Metro
    "kawasan Puncak",                       # the Bogor highland, not Kabupaten Puncak
    "di Ruang Meranti Kantor Bupati",       # a meeting room
    "bahasa Inggris dan bahasa Jepang",     # languages, not countries
    "wisata Danau Toba",                    # the lake, not Kabupaten Toba
    "Jalan Sumedang",                       # a street
    "sumedang",                             # a bare name must be capitalized
    "ntb",                                  # an acronym must be in capitals
    "Cisarua",                              # a bare kecamatan name never matches alone
    "Tengah",                               # a direction word is no place
    "Barat dan Timur",
    "kota",
    "Kota",
    "menuju kota baru",
    "",
    "... -- !!",
    "Pemkab",                               # a cue alone
    "Kab.",
])
def test_not_a_place(gaz: Gazetteer, text: str) -> None:
    assert gaz.find(text) == []


def test_kota_before_a_kabupaten_name_gives_the_kabupaten(gaz: Gazetteer) -> None:
    hit = one_hit(gaz, "di kota Garut")
    assert (hit.surface, hit.candidates, hit.explicit_level) == ("Garut", ("ID-32.05",), None)


def test_offsets_order_and_no_overlap(gaz: Gazetteer) -> None:
    text = ("Sekda Jabar Herman Suryatman bersama Pemkab Garut, Kab. Bandung Barat dan "
            "Kota Tasik berangkat ke Kota Jeonju, Provinsi Jeollabuk-Do, Republik Korea.")
    hits = gaz.find(text)
    assert [(h.surface, h.candidates[0]) for h in hits] == [
        ("Jabar", "ID-32"), ("Garut", "ID-32.05"), ("Kab. Bandung Barat", "ID-32.17"),
        ("Kota Tasik", "ID-32.78"), ("Kota Jeonju", "KR-jeonju"),
        ("Provinsi Jeollabuk-Do", "KR-jeollabuk-do"), ("Republik Korea", "KR")]
    for hit in hits:
        assert text[hit.start:hit.end] == hit.surface
    assert all(a.end <= b.start for a, b in zip(hits, hits[1:]))


def test_no_join_across_a_sentence_end(gaz: Gazetteer) -> None:
    hits = gaz.find("Acara digelar di Bandung. Barat laut kota itu hujan.")
    assert [(h.surface, h.candidates) for h in hits] == [("Bandung", ("ID-32.73", "ID-32.04"))]


def test_dateline_in_capitals(gaz: Gazetteer) -> None:
    hit = gaz.find("SEMARANG, KOMPAS.com - Pemprov Jateng menggelar bimtek.")[0]
    assert (hit.surface, hit.candidates) == ("SEMARANG", ("ID-33.74", "ID-33.22"))


def test_find_is_deterministic(gaz: Gazetteer) -> None:
    text = "Pelatihan di Kota Bandung dan Kabupaten Bandung, lalu ke Tokyo dan Osaka, Jepang."
    assert gaz.find(text) == gaz.find(text)
    assert [h.candidates[0] for h in gaz.find(text)] == [
        "ID-32.73", "ID-32.04", "JP-tokyo", "JP-osaka", "JP"]


# --- lookup ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "keys"), [
    ("Kabupaten Sumedang", ["ID-32.11"]),
    ("kab. sumedang", ["ID-32.11"]),
    ("JABAR", ["ID-32"]),
    ("Kota Bandung", ["ID-32.73"]),
    ("Pemkab Garut", ["ID-32.05"]),
    ("Republic of Korea", ["KR"]),
    ("jeollabuk-do", ["KR-jeollabuk-do"]),
    ("Kota Tasik", ["ID-32.78"]),
    ("Tasik", ["ID-32.78", "ID-32.06"]),
    ("Nowhere", []),
])
def test_lookup(gaz: Gazetteer, name: str, keys: list[str]) -> None:
    assert [p.key for p in gaz.lookup(name)] == keys


def test_lookup_finds_kecamatan_for_a_comma_pair(gaz: Gazetteer) -> None:
    """"Cisarua, Bogor": the caller looks the kecamatan up and keeps the one inside Bogor."""
    bogor = {p.key for p in gaz.lookup("Bogor")}
    inside = [p.key for p in gaz.lookup("Cisarua")
              if bogor & {a.key for a in gaz.ancestors(p.key)}]
    assert inside == ["ID-32.01.25"]


def test_aliases_are_on_the_place(gaz: Gazetteer) -> None:
    assert {"Jabar", "West Java"} <= set(gaz.get("ID-32").aliases)
    assert "Korea Selatan" in gaz.get("KR").aliases
    assert "Kabupaten Kep. Siau Tagulandang Biaro" in gaz.get("ID-71.09").aliases


# --- data errors ----------------------------------------------------------------------------


def copy_data(tmp_path: Path) -> Path:
    for name in ("regions.csv", "foreign_places.csv", "region_aliases.csv",
                 "regions_words.csv", "regions_guarded_names.csv"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


def test_an_alias_to_an_unknown_key_names_the_file_and_line(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    with (data / "region_aliases.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(["ID-32.99", "Atlantis", "Atlantis"])
    lines = len((data / "region_aliases.csv").read_text(encoding="utf-8").splitlines())
    with pytest.raises(KgError, match=rf"region_aliases.csv:{lines}: alias 'Atlantis'"):
        Gazetteer.from_files(data)


def test_a_bad_level_is_reported(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    with (data / "foreign_places.csv").open("a", encoding="utf-8", newline="") as handle:
        handle.write("XX,XX,Atlantis,continent,,,,\n")
    with pytest.raises(KgError, match=r"foreign_places.csv:\d+: .*level 'continent'"):
        Gazetteer.from_files(data)


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(KgError, match="regions.csv: cannot read"):
        Gazetteer.from_files(tmp_path)


def test_guarded_names_are_known_names(gaz: Gazetteer) -> None:
    for name in guarded_names():
        assert gaz.lookup(name), name
