"""Where events take place: villages as administrative areas, venues and their regions
(made-up sentences in, records and triples out)."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SDO

from kg.extract import extract
from kg.model import Event, Venue
from kg.rdfmap import article_graph
from kg.reader import Meta, parse_article

from conftest import events

ID = "https://w3id.org/kapasitas/id/"
KAP = "https://w3id.org/kapasitas/ontology#"


def _found(text: str):
    article = parse_article(text, Meta(id="t"), source="t.txt")
    return article, extract(article)


def test_a_village_gone_to_is_a_village_region_in_the_most_specific_region_named() -> None:
    text = ("Kades Belajar ke Desa Sukarame Jabar\n"
            "SUBANG - Sebanyak 30 kepala desa mengikuti studi banding ke Desa Sukarame, Kecamatan Cisalak, "
            "Kabupaten Subang, Senin (3/6/2024).\n")
    article, found = _found(text)
    village = next(v for v in found.of(Venue) if v.name == "Desa Sukarame")
    assert (village.level, village.within) == ("village", found.key_at(text.index("Kecamatan Cisalak"), "region/"))
    _, g = article_graph(article, found)
    node = URIRef(ID + "place/desa-sukarame")
    assert (node, RDF.type, SDO.AdministrativeArea) in g and (node, RDF.type, URIRef(KAP + "Village")) in g
    assert (node, URIRef(KAP + "level"), Literal("village")) in g
    assert len(list(g.objects(node, SDO.containedInPlace))) == 1


def test_a_venue_is_no_region() -> None:
    article, found = _found("GARUT - Bimtek dibuka di Hotel Harmoni Garut, Senin (3/6/2024).\n")
    _, g = article_graph(article, found)
    node = URIRef(ID + "place/hotel-harmoni-garut")
    assert (node, RDF.type, SDO.Place) in g and (node, RDF.type, SDO.AdministrativeArea) not in g


def test_a_bare_area_set_off_before_its_town_is_a_village_region() -> None:
    text = "BANDUNG - Pelatihan operator SPBE digelar di Dago, Bandung, Senin (3/6/2024).\n"
    article, found = _found(text)
    area = next(v for v in found.of(Venue) if v.name == "Dago")
    assert (area.level, area.within) == ("village", found.key_at(text.index("Bandung,"), "region/"))
    _, g = article_graph(article, found)
    assert (URIRef(ID + "place/dago"), RDF.type, SDO.AdministrativeArea) in g


def test_a_bare_town_after_a_regency_and_di_is_a_village_region_of_it() -> None:
    text = ("CIANJUR - Dinas PMD menggelar bimtek bagi kepala desa se-Kabupaten Cianjur di Cipanas Hilir, "
            "10-12 Juni 2024. Peserta menginap di lingkungan kantor dinas.\n")
    article, found = _found(text)
    town = next(v for v in found.of(Venue) if v.name == "Cipanas Hilir")
    assert (town.level, town.within) == ("village", found.key_at(text.index("Kabupaten Cianjur"), "region/"))
    _, found = _found("CIANJUR - Pegawai Kabupaten Cianjur di Lingkungan Setda ikut. Pegawai di lingkungan dinas juga.\n")
    assert not [v.name for v in found.of(Venue)]


def test_a_list_of_places_or_a_country_makes_no_area() -> None:
    _, found = _found("JAKARTA - Studi banding ASN ke negara di Eropa, Belanda, dan Asia, Jepang dan Korea.\n")
    assert not [v.name for v in found.of(Venue)]


def _locations(text: str) -> list[set[str]]:
    return [{l.key for l in e.locations} for e in events(text)]


def test_a_part_of_a_place_between_di_and_its_name() -> None:
    text = ("PURWOREJO - Bimtek kearsipan bagi perangkat desa dibuka di halaman Kompleks Perkantoran Cangkrep, "
            "Kamis (6/6/2024).\n")
    assert _locations(text) == [{"place/kompleks-perkantoran-cangkrep"}]


def test_the_part_of_a_place_in_english() -> None:
    text = "The workshop for village officials was held in the courtyard of the Hotel Melati Raya on June 6, 2024.\n"
    assert "place/hotel-melati-raya" in _locations(text)[0]


def test_a_university_named_after_di_is_also_its_campus() -> None:
    text = "MALANG - Pelatihan pengadaan barang dan jasa digelar di Universitas Brawijaya, Malang, 3-5 Juni 2024.\n"
    _, found = _found(text)
    assert [(v.name, v.within) for v in found.of(Venue)] == [("Universitas Brawijaya", "region/id-35.73")]
    assert "place/universitas-brawijaya" in _locations(text)[0]


def test_a_university_whose_campus_is_named_is_no_second_place() -> None:
    text = ("MALANG - Pelatihan pengadaan barang dan jasa digelar di Kampus Universitas Brawijaya, 3-5 Juni 2024. "
            "Materinya dikupas di Universitas Brawijaya.\n")
    _, found = _found(text)
    assert [v.name for v in found.of(Venue)] == ["Kampus Universitas Brawijaya"]


def test_a_japanese_city_lies_in_its_prefecture_and_a_bare_shared_name_is_the_city() -> None:
    from kg.gazetteer import Gazetteer
    from kg.model import Region
    _, found = _found("Pelatihan digelar di Kota Kitakyushu, Prefektur Fukuoka, Jepang, 3-5 Juni 2024.\n")
    regions = {r.key: r for r in found.of(Region)}
    assert [p.key for p in Gazetteer.load().ancestors(regions["region/jp-kitakyushu"].place)] == ["JP-fukuoka-ken", "JP"]
    assert "region/jp-fukuoka-ken" in regions
    _, found = _found("Pelatihan digelar di Fukuoka, Jepang, 3-5 Juni 2024.\n")
    assert [r.key for r in found.of(Region)] == ["region/jp-fukuoka", "region/jp"]


def test_where_it_is_held_may_come_two_sentences_after_the_event() -> None:
    text = ("BITUNG - Sebanyak 40 pejabat Kota Bitung mengikuti Akademi Kepemimpinan Digital 2025. "
            "Kurikulumnya disusun bersama sebuah universitas negeri. "
            "Sesi kelas dijadwalkan di Jakarta pada 2-6 Juni 2025.\n")
    assert "region/id-31" in _locations(text)[0]


def test_where_something_is_held_three_sentences_later_is_another_story() -> None:
    text = ("BITUNG - Sebanyak 40 pejabat Kota Bitung mengikuti Akademi Kepemimpinan Digital 2025. "
            "Kurikulumnya disusun bersama sebuah universitas negeri. "
            "Wali Kota menyambut baik hal itu. "
            "Festival kuliner dijadwalkan di Jakarta pada 2-6 Juni 2025.\n")
    assert "region/id-31" not in _locations(text)[0]


def test_a_place_after_an_event_word_of_another_kind_is_not_the_events() -> None:
    text = ("Camat se-Kabupaten Ciamis Ikut Pelatihan Kepemimpinan, 10 Orang Lanjut Magang ke Kabupaten Sleman\n"
            "CIAMIS - Sebanyak 27 camat mengikuti Pelatihan Kepemimpinan di Hotel Tirta Galuh Ciamis, "
            "Senin (3/6/2024).\n")
    _, found = _found(text)
    main = next(e for e in found.of(Event) if e.kind == "training")
    keys = {l.key for l in main.locations}
    assert "place/hotel-tirta-galuh-ciamis" in keys and "region/id-34.04" not in keys


def test_a_similar_event_elsewhere_is_another_event() -> None:
    text = ("KUDUS - Orientasi Anggota DPRD Kabupaten Kudus digelar di Hotel Griptha Kudus, Senin (2/9/2024). "
            "Sebelumnya, anggota DPRD Kabupaten Pati juga mengikuti orientasi serupa di Kecamatan Juwana.\n")
    keys = _locations(text)[0]
    assert "place/hotel-griptha-kudus" in keys and not any(k.startswith("region/id-33.18.") for k in keys)


def test_a_village_head_set_off_with_its_kecamatan_names_a_village() -> None:
    from kg.model import Region
    text = ("JANTHO - Keuchik Gampong Lam Raya, Kecamatan Baitussalam, Teuku Hasan, mengaku senang "
            "mengikuti pelatihan itu.\n")
    _, found = _found(text)
    assert [(v.name, v.level) for v in found.of(Venue)] == [("Gampong Lam Raya", "village")]
    district = next(r for r in found.of(Region) if r.name == "Kecamatan Baitussalam")
    assert "Baitussalam" in district.aliases


def test_a_name_after_di_ended_by_a_bare_town_is_a_venue_in_that_town() -> None:
    from kg.model import Region
    text = ("MALANG - Sebanyak 30 lurah se-Kabupaten Malang mengikuti pelatihan pengolahan data "
            "di Datakarya Malang, Senin (3/6/2024). Pelatihan berikutnya digelar di Kecamatan Kepanjen.\n")
    _, found = _found(text)
    venue = next(v for v in found.of(Venue) if v.name == "Datakarya Malang")
    town = found.entities[venue.within or ""]
    assert isinstance(town, Region) and town.name == "Kota Malang"
    assert [v.name for v in found.of(Venue)] == ["Datakarya Malang"]
    main = next(e for e in found.of(Event) if e.kind == "training")
    assert "place/datakarya-malang" in {l.key for l in main.locations}


def test_a_body_that_hosts_the_event_after_at_is_also_its_venue() -> None:
    text = ("Jakarta. Twelve planners from Jambi left on Sunday for a course on river care.\n"
            "The course runs from May 6 to 10, 2024, at the Osaka City Water Bureau, which trains "
            "engineers from abroad.\nAn economist at the World Bank said rivers matter.\n")
    _, found = _found(text)
    venues = [(v.name, v.within) for v in found.of(Venue)]
    assert venues == [("Osaka City Water Bureau", found.key_at(text.index("Osaka"), "region/"))]
    assert "place/osaka-city-water-bureau" in _locations(text)[0]


def test_a_departure_word_of_send_off_csv_keeps_the_next_sentences_place_from_the_event() -> None:
    """The departure words live with the send-off words (send_off.csv); a following sentence that
    says where the leaving took place gives the event no place."""
    text = ("PONTIANAK - Sebanyak 40 lurah mengikuti studi banding pengelolaan sampah ke Kota Surabaya, "
            "Senin (3/6/2024).\n"
            "Keberangkatan rombongan digelar di Pendopo Gubernur Kalimantan Barat.\n")
    assert all(not any(k.startswith("place/pendopo") for k in keys) for keys in _locations(text))
