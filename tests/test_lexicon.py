"""The lexicons under kg/data/ load, hold the entries the extractors rely on, and report bad rows."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.lexicon import Lexicon, is_acronym
from kg.paths import DATA


@pytest.fixture(scope="session")
def lex() -> Lexicon:
    return Lexicon.load()


def test_every_file_loads(lex: Lexicon) -> None:
    assert len(lex.roles) > 80
    assert len(lex.qualifiers) >= 4
    assert len(lex.institutions) > 150
    assert len(lex.event_kinds) > 60
    assert len(lex.honorifics) > 100
    assert len(lex.speech_verbs) > 40
    assert len(lex.boilerplate) > 40
    assert len(lex.publishers) > 40
    assert len(lex.not_names) > 100


def test_load_is_cached(lex: Lexicon) -> None:
    assert Lexicon.load() is lex


def _collisions(rows: Iterable[tuple[str, tuple[str, ...]]], fold: bool) -> list[str]:
    """Forms that name two different canonical rows (case-folded unless an acronym)."""
    seen: dict[str, str] = {}
    clashes = []
    for canonical, forms in rows:
        for form in set(forms):
            key = form.casefold() if fold and not is_acronym(form) else form
            if seen.setdefault(key, canonical) != canonical:
                clashes.append(f"{form}: {seen[key]} / {canonical}")
    return clashes


def test_no_alias_names_two_roles(lex: Lexicon) -> None:
    assert _collisions(((r.role, r.forms) for r in lex.roles), fold=True) == []


def test_no_alias_names_two_institutions(lex: Lexicon) -> None:
    assert _collisions(((i.name, i.forms) for i in lex.institutions), fold=True) == []


def test_no_alias_names_two_qualifiers(lex: Lexicon) -> None:
    assert _collisions(((q.qualifier, q.forms) for q in lex.qualifiers), fold=True) == []


def test_no_alias_names_two_publishers(lex: Lexicon) -> None:
    assert _collisions(((p.name, p.forms) for p in lex.publishers), fold=False) == []


@pytest.mark.parametrize(
    "items",
    [
        lambda lx: [e.term.casefold() for e in lx.event_kinds if not is_acronym(e.term)],
        lambda lx: [h.form for h in lx.honorifics],
        lambda lx: [v.verb for v in lx.speech_verbs],
        lambda lx: [m.marker for m in lx.boilerplate],
    ],
    ids=["event_kinds", "honorifics", "speech_verbs", "boilerplate"],
)
def test_single_column_files_have_no_duplicates(lex: Lexicon, items: Callable[[Lexicon], list[str]]) -> None:
    values = items(lex)
    assert sorted(v for v in set(values) if values.count(v) > 1) == []


@pytest.mark.parametrize(
    ("surface", "role", "body"),
    [
        ("Sekda", "Sekretaris Daerah", "government"),
        ("Sekdaprov", "Sekretaris Daerah", "government"),
        ("Sekretaris Daerah", "Sekretaris Daerah", "government"),
        ("Wagub", "Wakil Gubernur", "government"),
        ("Wabup", "Wakil Bupati", "government"),
        ("Walikota", "Wali Kota", "government"),
        ("Walkot", "Wali Kota", "government"),
        ("Wawali", "Wakil Wali Kota", "government"),
        ("Asisten Administrasi Umum", "Asisten III", "government"),
        ("Asisten Pemerintahan dan Kesejahteraan Rakyat", "Asisten I", "government"),
        ("Kadis", "Kepala Dinas", "unit"),
        ("Kaban", "Kepala Badan", "unit"),
        ("Kabid", "Kepala Bidang", "unit"),
        ("Kabag", "Kepala Bagian", "unit"),
        ("Kasubdit", "Kepala Sub Direktorat", "unit"),
        ("Kepala", "Kepala", "unit"),
        ("Sekjen", "Sekretaris Jenderal", "ministry"),
        ("Dirjen", "Direktur Jenderal", "ministry"),
        ("Wamen", "Wakil Menteri", "ministry"),
        ("Mendagri", "Menteri Dalam Negeri", "ministry"),
        ("MenPAN-RB", "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "ministry"),
        ("Dubes", "Duta Besar", "country"),
        ("Presiden", "Presiden", "country"),
        ("Kades", "Kepala Desa", "village"),
        ("Keuchik", "Kepala Desa", "village"),
        ("Perbekel", "Kepala Desa", "village"),
        ("Wali Nagari", "Kepala Desa", "village"),
        ("Lurah", "Lurah", "village"),
        ("Camat", "Camat", "district"),
        ("Panewu", "Panewu", "district"),
        ("Ketua DPRD", "Ketua DPRD", "legislature"),
        ("Anggota DPRD", "Anggota DPRD", "legislature"),
        ("Rektor", "Rektor", "institution"),
        ("Widyaiswara", "Widyaiswara", "institution"),
        ("SEKDA", "Sekretaris Daerah", "government"),
    ],
)
def test_role_entries(lex: Lexicon, surface: str, role: str, body: str) -> None:
    found = lex.role(surface)
    assert found is not None, surface
    assert (found.role, found.body) == (role, body)


@pytest.mark.parametrize(
    ("role", "english"),
    [("Sekretaris Daerah", "Regional Secretary"), ("Bupati", "Regent"), ("Wali Kota", "Mayor"),
     ("Kepala Desa", "Village Head"), ("Duta Besar", "Ambassador"), ("Rektor", "Rector")],
)
def test_role_english_names(lex: Lexicon, role: str, english: str) -> None:
    found = lex.role(role)
    assert found is not None and found.en[0] == english


@pytest.mark.parametrize(
    ("surface", "qualifier", "meaning"),
    [("Plt.", "Pelaksana Tugas", "Acting"), ("Plt", "Pelaksana Tugas", "Acting"),
     ("Pj.", "Penjabat", "Acting"), ("Penjabat", "Penjabat", "Acting"), ("Plh.", "Pelaksana Harian", "Acting (day-to-day)")],
)
def test_qualifier_entries(lex: Lexicon, surface: str, qualifier: str, meaning: str) -> None:
    found = lex.qualifier(surface)
    assert found is not None and (found.qualifier, found.meaning[0]) == (qualifier, meaning)


def test_specific_ministers_name_their_ministry(lex: Lexicon) -> None:
    ministers = [r for r in lex.roles if r.body == "ministry" and r.role.startswith(("Menteri ", "Wakil Menteri "))]
    generic = {"Menteri Koordinator"}
    missing = [r.role for r in ministers if r.role not in generic and lex.ministry_of(r) is None]
    assert missing == []


@pytest.mark.parametrize(
    ("surface", "ministry"),
    [("Mendagri", "Kementerian Dalam Negeri"), ("Wamendagri", "Kementerian Dalam Negeri"),
     ("Menpan RB", "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"),
     ("Menteri PPN/Kepala Bappenas",
      "Kementerian Perencanaan Pembangunan Nasional/Badan Perencanaan Pembangunan Nasional"),
     ("Menkominfo", "Kementerian Komunikasi dan Informatika")],
)
def test_ministry_of(lex: Lexicon, surface: str, ministry: str) -> None:
    role = lex.role(surface)
    assert role is not None
    found = lex.ministry_of(role)
    assert found is not None and found.name == ministry


def test_generic_roles_name_no_ministry(lex: Lexicon) -> None:
    for surface in ("Menteri", "Bupati", "Kepala"):
        role = lex.role(surface)
        assert role is not None and lex.ministry_of(role) is None


@pytest.mark.parametrize(
    ("surface", "name", "kind", "scope"),
    [
        ("Kemendagri", "Kementerian Dalam Negeri", "ministry", "national"),
        ("Kemendagri RI", "Kementerian Dalam Negeri", "ministry", "national"),
        ("Kementrian Dalam Negeri", "Kementerian Dalam Negeri", "ministry", "national"),
        ("Depdagri", "Kementerian Dalam Negeri", "ministry", "national"),
        ("KemenPAN-RB", "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "ministry", "national"),
        ("Kementerian PANRB", "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "ministry", "national"),
        ("Kominfo", "Kementerian Komunikasi dan Informatika", "ministry", "national"),
        ("Komdigi", "Kementerian Komunikasi dan Digital", "ministry", "national"),
        ("Setneg", "Kementerian Sekretariat Negara", "ministry", "national"),
        ("Bappenas",
         "Kementerian Perencanaan Pembangunan Nasional/Badan Perencanaan Pembangunan Nasional", "ministry", "national"),
        ("Kemendes PDTT", "Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi", "ministry", "national"),
        ("LAN", "Lembaga Administrasi Negara", "agency", "national"),
        ("LAN RI", "Lembaga Administrasi Negara", "agency", "national"),
        ("BKN", "Badan Kepegawaian Negara", "agency", "national"),
        ("BPKP", "Badan Pengawasan Keuangan dan Pembangunan", "agency", "national"),
        ("LKPP", "Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah", "agency", "national"),
        ("BSSN", "Badan Siber dan Sandi Negara", "agency", "national"),
        ("KASN", "Komisi Aparatur Sipil Negara", "agency", "national"),
        ("BPSDM Kemendagri", "Badan Pengembangan Sumber Daya Manusia Kementerian Dalam Negeri", "agency", "national"),
        ("BPSDM", "Badan Pengembangan Sumber Daya Manusia", "regional-unit", "regional"),
        ("BPSDMD", "Badan Pengembangan Sumber Daya Manusia", "regional-unit", "regional"),
        ("Badan Diklat", "Badan Pengembangan Sumber Daya Manusia", "regional-unit", "regional"),
        ("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "regional-unit", "regional"),
        ("Diskominfo", "Dinas Komunikasi dan Informatika", "regional-unit", "regional"),
        ("Diskominfotik", "Dinas Komunikasi, Informatika dan Statistik", "regional-unit", "regional"),
        ("Bappeda", "Badan Perencanaan Pembangunan Daerah", "regional-unit", "regional"),
        ("Dinas PMD", "Dinas Pemberdayaan Masyarakat dan Desa", "regional-unit", "regional"),
        ("Setwan", "Sekretariat Dewan Perwakilan Rakyat Daerah", "regional-unit", "regional"),
        ("Pemprov", "Pemerintah Provinsi", "regional-government", "regional"),
        ("Pemkab", "Pemerintah Kabupaten", "regional-government", "regional"),
        ("Pemkot", "Pemerintah Kota", "regional-government", "regional"),
        ("DPRD", "Dewan Perwakilan Rakyat Daerah", "legislature", "regional"),
        ("KOICA", "Korea International Cooperation Agency", "foreign-agency", "national"),
        ("JICA", "Japan International Cooperation Agency", "foreign-agency", "national"),
        ("LOGODI", "Local Government Officials Development Institute", "training-institution", "national"),
        ("Bank Dunia", "World Bank", "foreign-agency", "national"),
        ("APKASI", "Asosiasi Pemerintah Kabupaten Seluruh Indonesia", "association", "national"),
        ("APEKSI", "Asosiasi Pemerintah Kota Seluruh Indonesia", "association", "national"),
        ("APDESI", "Asosiasi Pemerintah Desa Seluruh Indonesia", "association", "national"),
        ("IPDN", "Institut Pemerintahan Dalam Negeri", "university", "national"),
    ],
)
def test_institution_entries(lex: Lexicon, surface: str, name: str, kind: str, scope: str) -> None:
    found = lex.institution(surface)
    assert found is not None, surface
    assert (found.name, found.kind, found.scope) == (name, kind, scope)


@pytest.mark.parametrize("word", ["Lan", "lan", "bps", "OPD", "SKPD", "perangkat daerah", "instansi"])
def test_words_that_are_not_institutions(lex: Lexicon, word: str) -> None:
    assert lex.institution(word) is None


@pytest.mark.parametrize("word", ["OPD", "SKPD", "perangkat daerah", "instansi", "Senin", "Menurut", "Adapun", "The"])
def test_not_names(lex: Lexicon, word: str) -> None:
    assert word in lex.not_names


@pytest.mark.parametrize(
    ("term", "kind"),
    [("bimtek", "technical-guidance"), ("Bimbingan Teknis", "technical-guidance"), ("studi tiru", "study-visit"),
     ("studi banding", "study-visit"), ("benchmarking", "study-visit"), ("diklat", "training"),
     ("Latsar", "training"), ("PKA", "training"), ("lokakarya", "workshop"), ("workshop", "workshop"),
     ("webinar", "seminar"), ("magang", "course"), ("executive course", "course"), ("program hibah", "grant-program"),
     ("capacity building", "training"), ("study visit", "study-visit")],
)
def test_event_kinds(lex: Lexicon, term: str, kind: str) -> None:
    found = lex.event_kind(term)
    assert found is not None and found.kind == kind


@pytest.mark.parametrize(
    ("form", "position"),
    [("M.Si", "suffix"), ("S.Sos.", "suffix"), ("S.STP", "suffix"), ("Ph.D", "suffix"), ("Hj.", "prefix"),
     ("H.", "prefix"), ("Drs.", "prefix"), ("Dr.", "prefix"), ("dr.", "prefix"), ("Ir.", "prefix"),
     ("Bapak", "address"), ("Pak", "address"), ("Mbak", "address")],
)
def test_honorifics(lex: Lexicon, form: str, position: str) -> None:
    found = lex.honorific(form)
    assert found is not None and found.position == position


@pytest.mark.parametrize(
    ("verb", "kind"),
    [("pungkas", "after"), ("ungkap", "after"), ("imbuh", "after"), ("beber", "after"), ("kata", "after"),
     ("mengatakan", "before"), ("menyampaikan", "before"), ("menurut", "indirect"), ("menyebut", "indirect"),
     ("said", "after"), ("according to", "indirect")],
)
def test_speech_verbs(lex: Lexicon, verb: str, kind: str) -> None:
    found = lex.speech_verb(verb)
    assert found is not None and found.kind == kind


@pytest.mark.parametrize(
    ("line", "kind"),
    [("BACA JUGA: Iwan Bule Blusukan hingga Temui Bu Susi di Jabar", "related"),
     ("Baca Juga : Pemkab Garut Gelar Bimtek", "related"), ("BERITA TERKAIT", "related"),
     ("Related news: Jokowi opens training", "related"), ("Redaktur : Elvi Robiatul", "byline"),
     ("Reporter : Elvi Robiatul, Elvi Robiatul", "byline"), ("Editor: Agus", "byline"),
     ("Laporan Reporter Tribunjogja.com, Ahmad", "byline"), ("Copyright © 2023 jpnn.com", "footer"),
     ("13 Comments", None), ("Editorial board meets", None), ("Sekda Kabupaten Sumedang Herman", None)],
)
def test_boilerplate_markers(lex: Lexicon, line: str, kind: str | None) -> None:
    found = lex.marker(line)
    assert (found.kind if found else None) == kind


@pytest.mark.parametrize(
    ("surface", "name"),
    [("jpnn.com", "jpnn.com"), ("JPNN", "jpnn.com"), ("KOMPAS.com", "KOMPAS.com"), ("ANTARA", "ANTARA"),
     ("Tempo", "Tempo"), ("TEMPO.CO", "Tempo"), ("menpan.go.id", "menpan.go.id")],
)
def test_publishers(lex: Lexicon, surface: str, name: str) -> None:
    found = lex.publisher(surface)
    assert found is not None and found.name == name


@pytest.mark.parametrize("word", ["tempo", "Antara", "antara", "Detik", "Merdeka"])
def test_publisher_names_are_not_words(lex: Lexicon, word: str) -> None:
    assert lex.publisher(word) is None


@pytest.mark.parametrize(
    ("url", "name"),
    [("https://www.jpnn.com/news/pemprov-jabar", "jpnn.com"), ("https://jogja.tribunnews.com/2023/05/30/x", "Tribunjogja.com"),
     ("https://www.tribunnews.com/nasional/x", "Tribunnews.com"), ("https://en.antaranews.com/news/1", "ANTARA English"),
     ("https://www.antaranews.com/berita/1", "ANTARA"), ("https://example.org/x", None)],
)
def test_publisher_for_url(lex: Lexicon, url: str, name: str | None) -> None:
    found = lex.publisher_for_url(url)
    assert (found.name if found else None) == name


def test_every_publisher_has_a_domain(lex: Lexicon) -> None:
    assert [p.name for p in lex.publishers if "." not in p.domain] == []


# --- errors name file:line ---


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def _append(path: Path, line: str) -> int:
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + line + "\n", encoding="utf-8")
    return len((text + line).splitlines())


def test_the_copy_loads(data_copy: Path) -> None:
    assert Lexicon.from_directory(data_copy).roles == Lexicon.load().roles


@pytest.mark.parametrize(
    ("file", "line", "problem"),
    [
        ("roles.csv", "Kepala Sekolah Dasar,Kasek,unit", "expected 4 fields"),
        ("roles.csv", "Lurah Desa,,kampung,Village Head", "body 'kampung' is not one of"),
        ("roles.csv", ",Kasek,unit,Principal", "column 'role' is empty"),
        ("roles.csv", "Kepala Sekolah Dasar,Kasek||Kasekdas,institution,Principal", "empty value between '|'"),
        ("roles.csv", "Sekretaris Wilayah,Sekda,government,Regional Secretary", "'Sekda' already names another entry"),
        ("institutions.csv", "Badan Contoh,BC,agency,global,Example Agency", "scope 'global' is not one of"),
        ("institutions.csv", "Badan Contoh,BC,bureau,national,Example Agency", "kind 'bureau' is not one of"),
        ("event_kinds.csv", "pelatihan teknis lanjutan,training,jv", "lang 'jv' is not one of"),
        ("honorifics.csv", "S.Kom,middle", "position 'middle' is not one of"),
        ("speech_verbs.csv", "ujarnya,id,later", "kind 'later' is not one of"),
        ("boilerplate.csv", "BACA SELENGKAPNYA,links", "kind 'links' is not one of"),
        ("publishers.csv", "Contoh News,contoh,", "column 'url' is empty"),
        ("office_qualifiers.csv", "Pejabat Pengganti,Pgs.,", "column 'meaning' is empty"),
        ("roles.csv", '"Kepala Sekolah,Kasek,institution,Principal', "malformed CSV"),
    ],
)
def test_malformed_row_names_file_and_line(data_copy: Path, file: str, line: str, problem: str) -> None:
    number = _append(data_copy / file, line)
    with pytest.raises(KgError) as error:
        Lexicon.from_directory(data_copy)
    message = str(error.value)
    assert message.startswith(f"{data_copy / file}:{number}: ")
    assert problem in message


def test_wrong_header_is_reported(data_copy: Path) -> None:
    path = data_copy / "roles.csv"
    path.write_text("# a comment\nrole,alias,body,en\nBupati,,government,Regent\n", encoding="utf-8")
    with pytest.raises(KgError, match=r"roles\.csv:2: header is 'role,alias,body,en', expected 'role,aliases,body,en'"):
        Lexicon.from_directory(data_copy)


def test_missing_file_is_reported(data_copy: Path) -> None:
    (data_copy / "honorifics.csv").unlink()
    with pytest.raises(KgError, match=r"honorifics\.csv: lexicon file not found"):
        Lexicon.from_directory(data_copy)


def test_non_utf8_file_is_reported(data_copy: Path) -> None:
    (data_copy / "speech_verbs.csv").write_bytes(b"verb,lang,kind\nkata\xff,id,after\n")
    with pytest.raises(KgError, match=r"speech_verbs\.csv: not UTF-8 text"):
        Lexicon.from_directory(data_copy)


def test_comments_and_blank_lines_are_skipped(data_copy: Path) -> None:
    path = data_copy / "speech_verbs.csv"
    path.write_text("# verbs\n\nverb,lang,kind\n  # indented comment\nujar,id,after\n\n", encoding="utf-8")
    (data_copy / "not_names.txt").write_text("# words\nSenin\n\n  Namun  \n", encoding="utf-8")
    lexicon = Lexicon.from_directory(data_copy)
    assert [v.verb for v in lexicon.speech_verbs] == ["ujar"]
    assert lexicon.not_names == frozenset({"Senin", "Namun"})


def _with_english(rows: Iterable[tuple[str, tuple[str, ...], tuple[str, ...]]]) -> list[tuple[str, tuple[str, ...]]]:
    return [(canonical, (*forms, *english)) for canonical, forms, english in rows]


def test_no_english_name_names_two_roles(lex: Lexicon) -> None:
    rows = _with_english((r.role, r.forms, r.en) for r in lex.roles)
    assert _collisions(rows, fold=True) == []


def test_no_english_name_names_two_institutions(lex: Lexicon) -> None:
    rows = _with_english((i.name, i.forms, i.en) for i in lex.institutions)
    assert _collisions(rows, fold=True) == []
