"""Who takes part in an event and how many: made-up sentences in, participant records out."""

from __future__ import annotations

from kg.model import Audience, Event

from conftest import events, found_in




def attendee_keys(ev: Event) -> set[str]:
    return {link.key for link in ev.attendees}


def test_the_speakers_origin_is_no_participant() -> None:
    text = ("MATARAM - Pemkab Lombok Barat menggelar Bimtek Penyusunan APBDes bagi kepala desa, Rabu (4/9/2024).\n"
            "Narasumber bimtek berasal dari Badan Pengawasan Keuangan dan Pembangunan (BPKP) dan Inspektorat "
            "Kabupaten Lombok Barat.\n"
            "Peserta berasal dari Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Lombok Barat.")
    [ev] = events(text)
    orgs = {k for k in attendee_keys(ev) if k.startswith("org/")}
    assert orgs == {"org/dinas-pemberdayaan-masyarakat-dan-desa-kabupaten-lombok-barat"}


def test_a_clause_that_names_one_event_counts_for_it_alone() -> None:
    text = ("PALU - BKPSDM Kabupaten Sigi menggelar Pelatihan Kepemimpinan Administrator (PKA) Angkatan III dan "
            "Pelatihan Kepemimpinan Pengawas (PKP) Angkatan V Tahun 2024, Senin (2/9/2024).\n"
            "PKA diikuti 28 pejabat administrator, sedangkan PKP diikuti tujuh puluh pejabat pengawas dari "
            "sejumlah perangkat daerah.")
    pka, pkp = events(text)
    assert (pka.count, pkp.count) == (28, 70)
    assert [a for a in pkp.audiences if "administrator" in a] == []


def test_a_batch_takes_its_own_number_not_the_total() -> None:
    text = ("KUPANG - Sebanyak 64 pejabat mengikuti Pelatihan Kepemimpinan Pengawas (PKP) Angkatan IV dan V "
            "yang dibuka di Kupang, Senin (3/6/2024).\n"
            "Sedangkan Angkatan V diikuti 34 pejabat pengawas dari Kabupaten Kupang.")
    fourth, fifth = events(text)
    assert (fourth.count, fifth.count) == (64, 34)


def test_each_batch_of_a_series_counts_the_number_per_batch() -> None:
    text = ("AMBON - Gubernur membuka Pelatihan Dasar (Latsar) CPNS Golongan II Angkatan III dan IV di Ambon, "
            "Selasa (9/7/2024).\n"
            "Latsar diikuti enam puluh CPNS golongan II formasi 2023, masing-masing 30 orang per angkatan.")
    assert [e.count for e in events(text)] == [30, 30]


def test_a_number_per_batch_is_not_the_count_of_an_unnumbered_event() -> None:
    text = ("AMBON - Pemprov Maluku menggelar Latsar CPNS di Ambon, Selasa (9/7/2024).\n"
            "Latsar diikuti 60 CPNS golongan II formasi 2023, masing-masing 30 orang per angkatan.")
    assert [e.count for e in events(text)] == [60]


def test_a_spelled_number_after_the_dateline_counts_the_people_taking_part() -> None:
    text = ("Makassar (ANTARA) - Thirty-two senior Indonesian officials are attending a leadership course at "
            "the Makassar campus of the State Administration Agency from May 6 to 17, 2024.")
    [ev] = events(text)
    assert ev.count == 32
    assert ev.audiences == ()


def test_bare_civil_servants_make_no_group_and_a_group_ends_before_an_auxiliary() -> None:
    text = ("SOLOK - Pemkot Solok menggelar Bimtek Arsip Digital bagi 85 ASN, Selasa (10/9/2024).\n"
            "Bimtek juga diikuti operator kelurahan terpilih akan menjadi pendamping.")
    [ev] = events(text)
    assert ev.count == 85
    assert {a.split("/", 1)[1] for a in ev.audiences} == {"operator-kelurahan-terpilih"}


def test_a_person_apposed_as_one_of_the_participants_takes_part() -> None:
    text = ("PADANG - BPSDM Sumatera Barat menggelar Pelatihan Kepemimpinan Administrator (PKA) Angkatan IV, "
            "Senin (5/8/2024).\n"
            "Kepala Bidang Anggaran BPKAD Kota Padang, Drs. Rahmat Hidayat Lubis, M.Si, salah satu peserta PKA, "
            "mengaku senang.")
    [ev] = events(text)
    assert "person/rahmat-hidayat-lubis" in attendee_keys(ev)


def test_the_people_named_before_a_verb_of_taking_part_take_part() -> None:
    text = ("Jakarta. The ministry opened the Digital Government Academy in Jakarta on Monday, June 3, 2024.\n"
            "The regent of Sleman, Kustini Purnomo, and the mayor of Madiun, Maidi Santoso, also took part.")
    [ev] = events(text)
    assert {"person/kustini-purnomo", "person/maidi-santoso"} <= attendee_keys(ev)


def test_a_holder_of_the_groups_office_in_its_region_takes_part() -> None:
    text = ("SOREANG - Pemkab Bandung menggelar Bimtek Perencanaan Kewilayahan bagi camat se-Kabupaten Bandung, "
            "Senin (3/3/2025).\n"
            "Camat Cileunyi, Hendra Kurniawan, mengatakan bimtek sangat bermanfaat.\n"
            "Camat Cibeunying Kidul Kota Bandung, Rudi Hartono, turut memberi sambutan.")
    [ev] = events(text)
    people = {k for k in attendee_keys(ev) if k.startswith("person/")}
    assert people == {"person/hendra-kurniawan"}


def test_an_office_whose_holder_takes_part_is_not_a_second_participant() -> None:
    text = ("PURWOREJO - BKPSDM Purworejo menggelar Pelatihan Kepemimpinan Pengawas (PKP) Angkatan III, "
            "Rabu (7/8/2024).\n"
            "Peserta terdiri atas lurah, kepala seksi di kecamatan, dan kepala subbagian di perangkat daerah.\n"
            "Salah satu peserta, Lurah Baledono, Wahyu Setyaningsih, mengaku senang.")
    [ev] = events(text)
    keys = attendee_keys(ev)
    assert "person/wahyu-setyaningsih" in keys
    assert not any(k.startswith("post/") for k in keys)
    assert "audience/lurah" in ev.audiences


def test_a_body_inside_a_groups_phrase_is_no_participant_of_its_own() -> None:
    text = ("SOFIFI - Pelatihan Dasar (Latsar) CPNS Angkatan V diikuti 40 CPNS golongan II di lingkungan "
            "Pemerintah Provinsi Maluku Utara, Senin (1/7/2024).")
    [ev] = events(text)
    assert not any(k.startswith("org/") for k in attendee_keys(ev))
    assert len(ev.audiences) == 1


def test_a_batch_without_participants_of_its_own_takes_the_series_participants() -> None:
    text = ("TERNATE - Wali Kota membuka Pelatihan Dasar (Latsar) CPNS Golongan II Angkatan VII dan VIII, "
            "Senin (1/7/2024).\n"
            "Latsar Angkatan VII diikuti 35 CPNS golongan II formasi 2023.")
    seventh, eighth = events(text)
    assert eighth.audiences == seventh.audiences != ()
    assert eighth.count == 35


def test_a_study_visit_of_the_participants_takes_the_cohort_said_first() -> None:
    text = ("KENDARI - Sebanyak 36 pejabat pengawas Pemerintah Kota Kendari mengikuti Pelatihan Kepemimpinan "
            "Pengawas (PKP) Angkatan IV, Senin (5/8/2024).\n"
            "Peserta terdiri atas kepala seksi dan kepala subbagian.\n"
            "Selain di kelas, peserta mengikuti studi lapangan ke Kabupaten Konawe pada 20 Agustus 2024.")
    main, visit = events(text)
    assert len(main.audiences) == 3
    assert visit.audiences == main.audiences[:1]
    assert visit.count == 36


def test_the_bodies_the_participants_come_from_take_part_but_not_where_funds_come_from() -> None:
    text = ("Jakarta (ANTARA) - The Ministry of Home Affairs opened a leadership course in Jakarta on Monday, "
            "May 6, 2024.\n"
            "The participants, all senior executives, come from the Financial and Development Supervisory Agency "
            "(BPKP) and the Ministry of Finance.\n"
            "The funds come from the Asian Development Bank.")
    [ev] = events(text)
    orgs = {k for k in attendee_keys(ev) if k.startswith("org/")}
    assert "org/badan-pengawasan-keuangan-dan-pembangunan" in orgs
    assert not any("asian" in k for k in orgs)


def test_a_person_who_passed_the_selection_takes_part() -> None:
    text = ("Kendari (ANTARA) - Kementerian Komunikasi dan Digital menggelar Digital Leadership Academy (DLA) 2025 "
            "di Jakarta, Senin (5/5/2025).\n"
            "Sekretaris Daerah Kabupaten Konawe Selatan, Drs. Hendra Saputra Lamaindi, M.Si, lolos seleksi "
            "program tersebut.")
    [ev] = events(text)
    assert "person/hendra-saputra-lamaindi" in attendee_keys(ev)


def test_a_batch_filled_by_a_group_counts_it_but_a_person_filling_it_is_no_participant() -> None:
    text = ("JEMBER - Sebanyak 64 pejabat mengikuti Pelatihan Kepemimpinan Pengawas (PKP) Angkatan I dan II "
            "yang dibuka di Jember, Senin (3/6/2024).\n"
            "Angkatan I diisi 32 pejabat pengawas Pemerintah Kabupaten Jember.\n"
            "Pembukaan diisi oleh Kepala BPSDM Provinsi Jawa Timur, Ramliyanto.")
    first, _ = events(text)
    assert first.count == 32
    assert "person/ramliyanto" not in attendee_keys(first)


def test_master_trainers_are_a_group() -> None:
    text = ("Jakarta (ANTARA) - The Village Governance Program opened on Monday. The program starts with a "
            "training of trainers (ToT) for 150 master trainers from 20 provinces, held in Jakarta.")
    [ev] = events(text)
    assert ev.count == 150
    assert ev.audiences == ("audience/master-trainers-from-20-provinces",)


def test_the_kind_of_people_said_again_is_the_group_said_before() -> None:
    text = ("CIMAHI - Sebanyak 15 camat di lingkungan Pemerintah Kabupaten Bandung Barat mengikuti studi tiru "
            "tata kelola perkotaan ke Surabaya, Senin (3/3/2025).\n"
            "Sebelum berangkat, para camat lebih dulu mengikuti Workshop Perencanaan Kota di Bandung pada "
            "24-25 Februari 2025.")
    visit, workshop = events(text)
    assert visit.audiences != ()
    assert workshop.audiences == visit.audiences
    assert workshop.count == 15


def test_a_cue_inside_an_office_name_names_no_participant() -> None:
    text = ("Makassar (ANTARA) - Forty village officials are attending a training on village budgeting in "
            "Makassar, South Sulawesi, from May 6 to 9, 2024.\n\n"
            "Home Affairs Ministry deputy for village governance Hendra Wijayakusuma said the training "
            "would be repeated in other provinces.")
    [ev] = events(text)
    assert not any(k.startswith("person/") for k in attendee_keys(ev))


def test_a_cue_inside_direct_speech_names_no_one_after_the_quotation() -> None:
    text = ("Makassar (ANTARA) - Forty village officials are attending a training on village budgeting in "
            "Makassar, South Sulawesi, from May 6 to 9, 2024.\n\n"
            "\"Our villages have waited for years,\" said South Sulawesi regional secretary Hendra "
            "Wijayakusuma.")
    [ev] = events(text)
    assert not any(k.startswith(("person/", "post/")) for k in attendee_keys(ev))


def test_the_body_inside_an_attending_office_is_no_participant_of_its_own() -> None:
    text = ("SOLOK - Pemkab Solok menggelar Sosialisasi Manajemen Kinerja ASN di Aula Bupati, Senin (3/6/2024).\n"
            "Sosialisasi diikuti 120 ASN, terdiri dari para camat, Kabag Umum Setdakab Solok, dan "
            "sekretaris OPD.")
    [ev] = events(text)
    keys = attendee_keys(ev)
    assert any(k.startswith("post/") for k in keys)
    assert not any(k.startswith("org/") for k in keys)


def test_berbagai_stays_inside_a_participant_group() -> None:
    text = ("PALU - BKPSDM Kabupaten Sigi menggelar Pelatihan Kepemimpinan Pengawas (PKP) Angkatan V, "
            "Senin (2/9/2024).\n"
            "PKP diikuti 40 pejabat pengawas dari berbagai perangkat daerah.")
    found = found_in(text)
    names = sorted(a.name for a in found.of(Audience))
    assert names == ["pejabat pengawas dari berbagai perangkat daerah"]


def test_a_village_head_set_off_with_his_kecamatan_is_a_member_of_the_regencys_group() -> None:
    text = ("JANTHO - Pemkab Aceh Besar menggelar Bimtek Pengelolaan Keuangan Gampong bagi keuchik "
            "se-Kabupaten Aceh Besar di Jantho, Senin (3/6/2024).\n"
            "Keuchik Gampong Lam Bada, Kecamatan Baitussalam, Tgk. Ridwan Hasballah, mengaku bimtek "
            "itu sangat membantu.")
    [ev] = events(text)
    assert "person/ridwan-hasballah" in attendee_keys(ev)


def test_a_spelled_number_sent_to_another_event_is_that_events_group() -> None:
    text = ("BINJAI - Pemkot Binjai menggelar Pelatihan Kepemimpinan Pengawas (PKP) Angkatan III di Aula "
            "Pemkot Binjai, Senin (2/9/2024).\n"
            "PKP diikuti 40 pejabat pengawas.\n"
            "Tahun depan BKPSDM juga menargetkan mengirim tiga pejabat tinggi pratama mengikuti PKN Tingkat II "
            "di LAN.")
    found = found_in(text)
    pkp, pkn = sorted(found.of(Event), key=lambda e: e.span.start if e.span else 0)
    names = {a.key: a.name for a in found.of(Audience)}
    assert [names[k] for k in pkp.audiences] == ["pejabat pengawas"]
    assert [names[k] for k in pkn.audiences] == ["pejabat tinggi pratama"]
    assert (pkp.count, pkn.count) == (40, 3)


def test_a_side_event_of_the_cohort_takes_the_cohorts_named_members() -> None:
    text = ("SUMEDANG - Pemkab Sumedang menggelar studi tiru pelayanan publik ke Kota Surabaya yang diikuti "
            "20 camat se-Kabupaten Sumedang, Senin (3/3/2025).\n"
            "Camat Jatinangor, Dedi Kurniawan, mengatakan pihaknya ingin belajar sistem pengaduan warga.\n"
            "Sebelum berangkat, para camat lebih dulu mengikuti workshop analisis data kewilayahan di Bandung "
            "pada 24-26 Februari 2025.")
    visit, workshop = events(text)
    assert "person/dedi-kurniawan" in attendee_keys(visit)
    assert "person/dedi-kurniawan" in attendee_keys(workshop)


def test_the_people_sent_are_listed_after_yakni() -> None:
    text = ("CIAMIS - Diskominfo Kabupaten Ciamis menggelar Bimtek Keamanan Informasi di Aula Setda Ciamis, "
            "Selasa (4/6/2024).\n"
            "Setiap kecamatan mengirim dua orang, yakni pengelola arsip dan operator jaringan.")
    found = found_in(text)
    [ev] = found.of(Event)
    names = {a.key: a.name for a in found.of(Audience)}
    assert sorted(names[k] for k in ev.audiences) == ["operator jaringan", "pengelola arsip"]


def test_a_named_office_in_a_list_of_groups_does_not_end_the_list() -> None:
    text = ("TEGAL - BKPSDM Kabupaten Tegal menggelar Sosialisasi Disiplin Pegawai, Kamis (6/6/2024).\n"
            "Sosialisasi diikuti para lurah, Kabag Hukum Setda Kabupaten Tegal, dan pengelola keuangan dari "
            "seluruh kecamatan.")
    found = found_in(text)
    [ev] = found.of(Event)
    names = {a.key: a.name for a in found.of(Audience)}
    assert "pengelola keuangan dari seluruh kecamatan" in [names[k] for k in ev.audiences]


def test_people_set_off_with_a_region_inside_a_province_also_took_part() -> None:
    text = ("MAKASSAR - The Home Affairs Ministry opened a leadership course for regional secretaries in "
            "Makassar on Monday, June 3, 2024.\n"
            "The regent of Maros, Rudi Santoso, and the regional secretary of Gowa regency in South "
            "Sulawesi, Hendra Wijaya, also took part.")
    [ev] = events(text)
    people = {k for k in attendee_keys(ev) if k.startswith("person/")}
    assert people == {"person/hendra-wijaya", "person/rudi-santoso"}


def test_a_delegation_names_the_group_that_travels() -> None:
    text = ("PURWOREJO - Dinas PMD Kabupaten Purworejo menggelar Pelatihan Administrasi Desa di Aula Setda "
            "Purworejo, Rabu (5/6/2024).\n"
            "Bulan depan, rombongan perangkat desa Purworejo akan melakukan studi banding ke Kabupaten Sleman.")
    found = found_in(text)
    names = {a.key: a.name for a in found.of(Audience)}
    visit = next(e for e in found.of(Event) if e.kind == "study-visit")
    assert [names[k] for k in visit.audiences] == ["perangkat desa Purworejo"]


def test_an_english_delegation_names_the_group_that_travels() -> None:
    text = ("SLEMAN - The Sleman regency government held a village finance training in Sleman on Monday, "
            "June 3, 2024.\n"
            "Next month, a delegation of 15 village heads will make a study visit to Bali.")
    found = found_in(text)
    names = {a.key: a.name for a in found.of(Audience)}
    visit = next(e for e in found.of(Event) if e.kind == "study-visit")
    assert ([names[k] for k in visit.audiences], visit.count) == (["village heads"], 15)


def test_the_person_who_leads_the_delegation_takes_part() -> None:
    text = ("SUMEDANG - Pemkab Sumedang menggelar studi tiru pelayanan publik ke Kota Surabaya yang diikuti "
            "20 camat se-Kabupaten Sumedang, Senin (3/3/2025).\n"
            "Asisten Pemerintahan Setda Kabupaten Sumedang, Drs. Hadi Suryana, M.Si., yang akan memimpin "
            "rombongan, mengatakan para camat perlu belajar sistem pengaduan warga.")
    [ev] = events(text)
    assert "person/hadi-suryana" in attendee_keys(ev)


def test_an_officer_of_the_organizer_who_leads_the_delegation_is_staff() -> None:
    text = ("JAKARTA - The Home Affairs Ministry held a study visit to Seoul for 30 village heads on "
            "Monday, June 3, 2024.\n"
            "\"The villages can learn a lot,\" said Home Affairs Ministry director Rina Kartika, who leads "
            "the delegation.")
    [ev] = events(text)
    assert "person/rina-kartika" not in attendee_keys(ev)


def test_participants_said_only_as_such_give_way_to_a_group_of_a_kind() -> None:
    text = ("KLATEN - BKPSDM Kabupaten Klaten menggelar Pelatihan Kepemimpinan Pengawas di Aula BKPSDM, "
            "Senin (3/6/2024).\n"
            "Pelatihan diikuti 40 pejabat pengawas dari berbagai OPD.\n"
            "Bupati juga menyampaikan pesan kepada para peserta dari Kecamatan Delanggu.")
    found = found_in(text)
    [ev] = found.of(Event)
    names = {a.key: a.name for a in found.of(Audience)}
    assert [names[k] for k in ev.audiences] == ["pejabat pengawas dari berbagai OPD"]


def test_the_people_of_the_next_training_are_not_this_ones() -> None:
    text = ("BLORA - BKPSDM Kabupaten Blora menggelar Pelatihan Kepemimpinan Pengawas di Aula BKPSDM, "
            "Senin (3/6/2024).\n"
            "Pelatihan diikuti 40 pejabat pengawas.\n"
            "Kepala BKPSDM menambahkan, pelatihan berikutnya akan diperuntukkan bagi pejabat fungsional.")
    found = found_in(text)
    [ev] = found.of(Event)
    names = {a.key: a.name for a in found.of(Audience)}
    assert [names[k] for k in ev.audiences] == ["pejabat pengawas"]


def test_a_fused_dilingkungan_stays_inside_a_participant_group() -> None:
    text = ("WONOSARI - BKPPD Kabupaten Gunungkidul menggelar Pelatihan Kepemimpinan Pengawas di Aula BKPPD, "
            "Senin (3/6/2024).\n"
            "Pelatihan diikuti 35 pejabat pengawas dilingkungan Pemkab Gunungkidul.")
    found = found_in(text)
    [ev] = found.of(Event)
    names = {a.key: a.name for a in found.of(Audience)}
    assert [names[k] for k in ev.audiences] == ["pejabat pengawas dilingkungan Pemkab Gunungkidul"]
    assert not any(k.startswith("org/") for k in attendee_keys(ev))


def test_a_sentence_opened_by_di_antaranya_lists_the_bodies_of_the_origin_before_it() -> None:
    text = ("JAKARTA - Kementerian Dalam Negeri menggelar Pelatihan Manajemen Risiko Pemerintahan di Bogor, "
            "Senin (2/9/2024).\n"
            "Peserta pelatihan berasal dari kementerian/lembaga dan pemerintah daerah yang tengah menata layanan "
            "publik. Di antaranya Kementerian Keuangan, Badan Kepegawaian Negara (BKN), serta Pemerintah Kota "
            "Bandung.")
    [ev] = events(text)
    assert sorted(k for k in attendee_keys(ev) if k.startswith("org/")) == [
        "org/badan-kepegawaian-negara", "org/kementerian-keuangan", "org/pemerintah-kota-bandung"]


def test_a_bare_send_off_sees_off_the_groups_not_the_bodies_named_elsewhere() -> None:
    text = ("SEMARANG - Pemprov Jawa Tengah melepas 20 pejabat administrator untuk mengikuti Pelatihan Tata "
            "Kelola Air di Osaka, Jepang. Pelepasan peserta dilaksanakan di Gedung Gradhika, Semarang, "
            "Senin (2/9/2024).\n"
            "Pelatihan berlangsung 9 hingga 20 September 2024.\n"
            "Peserta berasal dari Dinas Lingkungan Hidup dan Bappeda Provinsi Jawa Tengah.")
    found = events(text)
    course = next(e for e in found if e.kind == "training")
    send_off = next(e for e in found if e.kind == "other")
    assert send_off.kind == "other" and send_off.audiences == course.audiences
    assert "org/dinas-lingkungan-hidup-provinsi-jawa-tengah" in attendee_keys(course)
    assert not any(k.startswith("org/") for k in attendee_keys(send_off))


def test_a_send_off_within_a_briefing_has_all_the_participants() -> None:
    text = ("SEMARANG - Pemprov Jawa Tengah akan mengirim 20 pejabat administrator mengikuti Pelatihan Tata "
            "Kelola Air di Osaka, Jepang. Mereka dilepas Sekda Jawa Tengah dalam acara pembekalan di Gedung "
            "Gradhika, Semarang, Senin (2/9/2024).\n"
            "Pelatihan berlangsung 9 hingga 20 September 2024.\n"
            "Peserta berasal dari Dinas Lingkungan Hidup dan Bappeda Provinsi Jawa Tengah.")
    send_off = next(e for e in events(text) if e.kind == "other")
    assert "org/dinas-lingkungan-hidup-provinsi-jawa-tengah" in attendee_keys(send_off)


def test_the_people_a_delegation_includes_take_part() -> None:
    text = ("JAKARTA - The Home Affairs Ministry held a village governance course in Seoul on Monday, "
            "June 3, 2024.\n"
            "The delegation includes Budi Santikno, head of the Kendal regency planning agency.")
    [ev] = events(text)
    assert "person/budi-santikno" in attendee_keys(ev)


def audience_names(text: str) -> list[str]:
    return sorted(a.name for a in found_in(text).of(Audience))


def test_the_participants_all_of_a_kind_are_a_group() -> None:
    text = ("BANDUNG - The Home Affairs Ministry opened a regional finance course in Bandung on Monday, "
            "May 6, 2024.\n"
            "The participants, all second-tier senior executives (JPT Madya), come from five provinces.")
    [ev] = events(text)
    assert audience_names(text) == ["second-tier senior executives (JPT Madya)"]
    assert len(ev.audiences) == 1


def test_a_program_for_echelon_officials_names_them_not_the_participants() -> None:
    text = ("JAKARTA - The participants of the Regional Leadership Course Batch IV, a program for echelon "
            "III officials, started their field study in Medan on Tuesday, July 2, 2024.")
    assert audience_names(text) == ["echelon III officials"]


def test_anggota_dewan_restates_the_council_members_group() -> None:
    text = ("Padang - Sebanyak 45 anggota DPRD Kota Padang mengikuti orientasi di Hotel Santika, Padang. "
            "Orientasi bagi anggota dewan yang baru dilantik itu digelar tanggal 7-10 Oktober 2024.")
    assert audience_names(text) == ["anggota DPRD Kota Padang"]
