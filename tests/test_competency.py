"""The ten competency questions, each answered exactly by its .rq file through `kg query`."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, rows, run

QUERIES = ROOT / "examples" / "queries"
EVENT = "2023 Digital Capacity Building Program for Civil Servants of West Java Province"
EIGHT = {
    ("Kabupaten Sumedang", "32.11"), ("Kabupaten Majalengka", "32.10"), ("Kabupaten Kuningan", "32.08"),
    ("Kabupaten Garut", "32.05"), ("Kabupaten Bandung", "32.04"), ("Kabupaten Cirebon", "32.09"),
    ("Kota Cirebon", "32.74"), ("Kota Tasikmalaya", "32.78"),
}


def answer(graph: Path, name: str, *params: str) -> list[dict[str, str]]:
    args = ["query", graph, QUERIES / f"{name}.rq", "--format", "csv"]
    for p in params:
        args += ["--param", p]
    result = run(*args)
    assert result.exit_code == 0, result.output
    return rows(result.stdout)


def test_every_query_states_its_question() -> None:
    files = sorted(QUERIES.glob("*.rq"))
    assert len(files) == 10
    for f in files:
        assert f.read_text(encoding="utf-8").startswith("# Q"), f.name


def test_q1_events_when_and_where(seed_trig: Path) -> None:
    [row] = answer(seed_trig, "events")
    assert (row["event"], row["start"], row["end"]) == (EVENT, "2023-05-28", "2023-06-03")
    assert set(row["places"].split(" | ")) == {"Kampus LOGODI", "Jeonju", "Jeollabuk-do", "Republik Korea"}


def test_q2_organizer_and_host(seed_trig: Path) -> None:
    got = {(r["role"], r["name"]) for r in answer(seed_trig, "organizers")}
    assert got == {("organizer", "Pemerintah Provinsi Jawa Barat"),
                   ("host", "Local Government Officials Development Institute")}


def test_q3_offices_and_their_regions(seed_trig: Path) -> None:
    got = answer(seed_trig, "offices")
    assert {(r["region"], r["code"]) for r in got} == EIGHT
    assert {r["office"] for r in got} == {f"Sekretaris Daerah {name}" for name, _ in EIGHT}
    assert {r["within"] for r in got} == {"Jawa Barat"}
    assert {r["count"] for r in got} == {"8"}


def test_q4_people_and_offices(seed_trig: Path) -> None:
    got = {(r["person"], r["office"]) for r in answer(seed_trig, "people")}
    assert got == {("Setiawan Wangsaatmaja", "Sekretaris Daerah Provinsi Jawa Barat"),
                   ("Herman Suryatman", "Sekretaris Daerah Kabupaten Sumedang")}


def test_q5_who_said_what(seed_trig: Path) -> None:
    got = answer(seed_trig, "quotes")
    assert len(got) == 5
    assert sorted(r["speaker"] for r in got) == ["Herman Suryatman"] + ["Setiawan Wangsaatmaja"] * 4
    assert got[0]["text"].startswith("Itu semua bisa kami raih apabila")


def test_q6_topics(seed_trig: Path) -> None:
    got = {r["topic"] for r in answer(seed_trig, "topics")}
    assert got == {"digital platform government in Korea", "change management and government innovation",
                   "digital leadership and governance", "praktik baik transformasi digital di Korea",
                   "Sistem Pemerintahan Berbasis Elektronik"}


def test_q7_regions_of_a_province_with_codes(seed_trig: Path) -> None:
    got = {(r["region"], r["code"]) for r in answer(seed_trig, "regions", "province=Jawa Barat")}
    assert got == EIGHT


def test_q8_the_sentence_behind_an_office(seed_trig: Path) -> None:
    [row] = answer(seed_trig, "evidence", "person=Herman Suryatman")
    assert row["office"] == "Sekretaris Daerah Kabupaten Sumedang"
    assert row["sentence"].startswith("Sekda Kabupaten Sumedang Herman Suryatman menilai")
    text = (ROOT / "seeds" / "000_c091fb5b20632a9b.txt").read_text(encoding="utf-8")
    assert text[int(row["start"]) : int(row["end"])] == row["sentence"]


def test_q9_measures(seed_trig: Path) -> None:
    got = [(r["subject"], r["measure"], float(r["value"])) for r in answer(seed_trig, "measures")]
    assert got == [("Kabupaten Sumedang", "Indeks SPBE", 3.84)]


def test_q10_nobody_outside_the_story_but_the_byline(seed_trig: Path) -> None:
    got = {(r["person"], r["relation"]) for r in answer(seed_trig, "bystanders")}
    assert got == {("Elvi Robiatul", "author, editor")}
