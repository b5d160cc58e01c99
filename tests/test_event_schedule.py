"""Event dates said around the event's own sentences, and who runs the event: made-up
sentences in, expected records out."""

from __future__ import annotations

import pytest

from kg.model import Event

from conftest import events, organizers



def dates_of(text: str) -> tuple[str | None, str | None]:
    ev = events(text)[0]
    return (ev.start and ev.start.isoformat(), ev.end and ev.end.isoformat())


@pytest.mark.parametrize("text, expected", [
    # 'ditutup <date>' / 'closed on <date>' is the last day
    ("SUMBAWA - Bimtek penyusunan RKPDes dibuka Rabu (12/6/2024) dan ditutup Jumat,14/6 oleh Kepala Dinas PMD.\n",
     ("2024-06-12", "2024-06-14")),
    ("MATARAM - The leadership training was opened on Monday, March 4, 2024 and closed on Friday, March 8, 2024.\n",
     ("2024-03-04", "2024-03-08")),
    # the next sentence, naming no event, says until when it is held
    ("KUPANG - Sebanyak 35 camat mengikuti Pelatihan Kepemimpinan Administrator Angkatan IV yang dibuka "
     "Senin (3/6/2024).\nTahap pembelajaran mandiri berlangsung hingga 28 Juni 2024.\n", ("2024-06-03", "2024-06-28")),
    # the next sentence gives the range when the event's own sentences give no date
    ("PALU - Sepuluh kepala dinas lolos seleksi Akademi Kepemimpinan Digital Angkatan III.\n"
     "Sesi tatap muka dijadwalkan di Palu pada 2-6 September 2025 bersama mentor dari tiga universitas.\n",
     ("2025-09-02", "2025-09-06")),
    ("Palu. Ten agency heads were selected for the Digital Leadership Academy, a program run by the province.\n"
     "The module, held in Palu from September 2 to 6, 2025, covers data governance.\n",
     ("2025-09-02", "2025-09-06")),
    # a later stage told right after the dates ('dilanjutkan', 'followed by') ends the event
    ("KENDARI - Bupati melepas lima kepala dinas mengikuti Akademi Tata Kelola Data 2025. Kelas daring digelar "
     "pada 7-11 Juli 2025, dilanjutkan program residensi di Kuala Lumpur, Malaysia, pada 4-8 Agustus 2025.\n",
     ("2025-07-07", "2025-08-08")),
    # ... unless an event word names an activity of its own
    ("KENDARI - Sebanyak 40 lurah mengikuti Pelatihan Pelayanan Publik pada 7-11 Juli 2025, dilanjutkan "
     "studi banding ke Kota Surabaya pada 14-15 Juli 2025.\n",
     ("2025-07-07", "2025-07-11")),
])
def test_dates_around_the_event(text: str, expected: tuple[str | None, str | None]) -> None:
    assert dates_of(text) == expected


def test_a_date_in_a_later_unrelated_sentence_is_not_the_events() -> None:
    text = ("KUPANG - Sebanyak 35 camat mengikuti Pelatihan Kepemimpinan Administrator Angkatan IV yang dibuka "
            "Senin (3/6/2024).\n"
            "Bupati meminta camat disiplin.\nPendaftaran calon kepala desa ditutup 28 Juni 2024.\n")
    assert dates_of(text) == ("2024-06-03", None)



def test_a_body_named_inside_a_longer_name_is_not_a_subject_of_its_own() -> None:
    text = ("TEMPO.CO, Surabaya - The East Java representative office of the Financial and Development Supervisory "
            "Agency (BPKP) is training 80 village treasurers on budget reporting from May 6 to 8, 2024.\n")
    assert organizers(text) == [["org/badan-pengawasan-keuangan-dan-pembangunan-perwakilan-provinsi-jawa-timur"]]


def test_the_body_that_receives_the_delegation_hosts_the_study_visit() -> None:
    text = ("GARUT - Sebanyak 40 kepala desa se-Kabupaten Garut mengikuti studi banding ke Kabupaten Sleman, "
            "Selasa (14/5/2024).\n"
            "Bupati berpesan agar peserta mencatat hal yang bisa ditiru.\n"
            "Di Sleman, rombongan diterima oleh Pemerintah Kabupaten Sleman melalui Dinas Pemberdayaan "
            "Masyarakat dan Kalurahan setempat.\n")
    assert organizers(text) == [["org/pemerintah-kabupaten-sleman",
                                 "org/dinas-pemberdayaan-masyarakat-dan-kalurahan-kabupaten-sleman"]]


def test_a_subheading_names_no_event_of_its_own() -> None:
    text = ("Pemprov Gelar Dua Pelatihan untuk Aparatur\n\n"
            "AMBON - Badan Pengembangan Sumber Daya Manusia (BPSDM) Provinsi Maluku menggelar Pelatihan "
            "Kepemimpinan Pengawas Angkatan III di Ambon, Senin (8/7/2024).\n\n"
            "Workshop Arsip untuk Sekretaris Desa\n\n"
            "Di tempat lain, Dinas Kearsipan Provinsi Maluku menggelar Workshop Pengelolaan Arsip Dinamis bagi "
            "sekretaris desa di Masohi, Selasa (9/7/2024).\n")
    assert [e.name for e in events(text)] == ["Pelatihan Kepemimpinan Pengawas Angkatan III",
                                              "Workshop Pengelolaan Arsip Dinamis"]


def test_a_side_visit_takes_its_own_sentence_that_names_the_main_event() -> None:
    text = ("MATARAM - Pelatihan Kepemimpinan Pengawas Angkatan V dibuka di Mataram, Senin (1/7/2024).\n"
            "Peserta Pelatihan Kepemimpinan Pengawas Angkatan V melakukan studi lapangan ke Kabupaten Lombok "
            "Tengah pada 9 Juli 2024.\n")
    side = events(text)[1]
    assert side.name == "Studi lapangan ke Kabupaten Lombok Tengah"
    assert (str(side.start), str(side.end)) == ("2024-07-09", "2024-07-09")


def test_a_unit_named_before_its_parent_body_is_the_organizer_not_the_parent() -> None:
    text = ("KENDARI - Bagian Organisasi dan Tata Laksana Setda Kota Kendari menggelar Sosialisasi Analisis "
            "Jabatan bagi 60 pejabat di Kendari, Kamis (4/7/2024).\n"
            "Sementara itu, Pemerintah Kota Kendari menggelar Bimtek Penyusunan SAKIP bagi 40 pejabat di Kendari, "
            "Jumat (5/7/2024).\n")
    # the unit is now an organization of its own (kg/data/unit_heads.csv): it, not the Setda or
    # the city government, organizes the first event
    assert organizers(text) == [["org/bagian-organisasi-dan-tata-laksana-sekretariat-daerah-kota-kendari"],
                                ["org/pemerintah-kota-kendari"]]


def test_numbered_batches_with_their_own_dates_in_one_sentence_are_events_of_their_own() -> None:
    text = ("MATARAM - Dinas PMD Kabupaten Lombok Barat menggelar Bimbingan Teknis Penyusunan APBDes bagi "
            "kepala desa di Hotel Lombok Raya, Senin (3/6/2024).\n"
            "Peserta dibagi menjadi dua gelombang. Gelombang I berlangsung 3-5 Juni 2024, sedangkan "
            "Gelombang II dijadwalkan pada 10-12 Juni 2024.\n")
    got = [(e.name, e.start and e.start.isoformat(), e.end and e.end.isoformat()) for e in events(text)]
    assert got == [("Bimbingan Teknis Penyusunan APBDes Gelombang I", "2024-06-03", "2024-06-05"),
                   ("Bimbingan Teknis Penyusunan APBDes Gelombang II", "2024-06-10", "2024-06-12")]


def test_batches_sharing_one_date_stay_one_event() -> None:
    text = ("MATARAM - Dinas PMD Kabupaten Lombok Barat menggelar Bimbingan Teknis Penyusunan APBDes bagi "
            "kepala desa, Senin (3/6/2024).\n"
            "Gelombang I dan Gelombang II sama-sama berlangsung 3-5 Juni 2024.\n")
    assert [e.name for e in events(text)] == ["Bimbingan Teknis Penyusunan APBDes"]


def test_an_internship_after_the_training_is_an_event_of_its_own() -> None:
    text = ("SAMBAS - Sebanyak 40 kepala desa mengikuti Pelatihan Tata Kelola BUMDes yang digelar Dinas PMD "
            "Kabupaten Sambas, Senin (8/7/2024).\n"
            "Usai pelatihan, 10 kepala desa terbaik akan mengikuti magang selama empat hari, 15-18 Juli 2024, "
            "di Desa Ponggok, Kabupaten Klaten.\n")
    got = [(e.name, e.start and e.start.isoformat(), e.end and e.end.isoformat()) for e in events(text)]
    assert got == [("Pelatihan Tata Kelola BUMDes", "2024-07-08", None),
                   ("Magang di Desa Ponggok", "2024-07-15", "2024-07-18")]


def test_an_internship_glossed_in_english_is_named_by_the_gloss() -> None:
    text = ("Pontianak. Twelve village heads joined a JICA course on village enterprises in Osaka.\n"
            "Afterwards they will do a magang, or internship, at the Osaka Rural Office from July 15 to 18, 2024.\n")
    got = [(e.name, e.start and e.start.isoformat(), e.end and e.end.isoformat()) for e in events(text)][1:]
    assert got == [("Internship at Osaka Rural Office", "2024-07-15", "2024-07-18")]
