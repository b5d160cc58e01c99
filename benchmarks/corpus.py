"""A deterministic synthetic corpus of Indonesian capacity-building news articles.

``article(i)`` is always the same text for the same ``i``: names, regions, dates, outlets,
event kinds, counts and quotes are picked from small lists by arithmetic on ``i`` (no random
module), so a benchmark run is repeatable. Articles are about 2-3 KB, like the real corpus:
a dateline, an opening paragraph naming the event, the organizer, the venue, the date and the
participants, an official who opens it (with post and region), a quote, and a closing note.

    python benchmarks/corpus.py 1000 /tmp/corpus        # writes 1000 .txt files
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

FIRST = ("Herman", "Setiawan", "Budi", "Dedi", "Siti", "Rina", "Agus", "Dewi", "Asep", "Yusuf", "Nurdin",
         "Ratna", "Hendra", "Wahyu", "Sri", "Andi", "Fitri", "Bambang", "Lina", "Iwan", "Teguh", "Maya",
         "Rudi", "Intan", "Joko", "Putri", "Eko", "Yanti", "Arif", "Nina", "Dadang", "Ujang", "Lilis")
LAST = ("Suryatman", "Wangsaatmaja", "Santoso", "Hartono", "Supandi", "Rahayu", "Gunawan", "Kusuma",
        "Hidayat", "Saputra", "Wibowo", "Lestari", "Permana", "Nugraha", "Firmansyah", "Pratama",
        "Hakim", "Siregar", "Nasution", "Harahap", "Simanjuntak", "Purba", "Wijaya", "Utami", "Sulistyo",
        "Maulana", "Ramadhan", "Setiadi", "Kurniawan", "Iskandar", "Anwar", "Yusuf", "Halim", "Sembiring")
REGIONS = (("Kabupaten Garut", "GARUT"), ("Kabupaten Sumedang", "SUMEDANG"), ("Kabupaten Bogor", "BOGOR"),
           ("Kota Bandung", "BANDUNG"), ("Kabupaten Cianjur", "CIANJUR"), ("Kota Malang", "MALANG"),
           ("Kabupaten Bantul", "BANTUL"), ("Kabupaten Gunungkidul", "WONOSARI"), ("Kota Yogyakarta", "YOGYAKARTA"),
           ("Kabupaten Aceh Besar", "JANTHO"), ("Kabupaten Kutai Timur", "SANGATTA"), ("Kota Bogor", "BOGOR"),
           ("Kabupaten Bangka Barat", "MUNTOK"), ("Kabupaten Serdang Bedagai", "SEI RAMPAH"),
           ("Kabupaten Kediri", "KEDIRI"), ("Kota Surabaya", "SURABAYA"), ("Kabupaten Sleman", "SLEMAN"),
           ("Kabupaten Banyumas", "PURWOKERTO"), ("Kota Semarang", "SEMARANG"), ("Kabupaten Karawang", "KARAWANG"),
           ("Kota Makassar", "MAKASSAR"), ("Kabupaten Gowa", "SUNGGUMINASA"), ("Kota Padang", "PADANG"),
           ("Kabupaten Agam", "LUBUK BASUNG"), ("Kota Medan", "MEDAN"), ("Kabupaten Deli Serdang", "LUBUK PAKAM"),
           ("Kota Denpasar", "DENPASAR"), ("Kabupaten Badung", "MANGUPURA"), ("Kabupaten Lombok Timur", "SELONG"),
           ("Kota Kupang", "KUPANG"), ("Kabupaten Jayapura", "SENTANI"), ("Kota Pontianak", "PONTIANAK"))
POSTS = ("Sekretaris Daerah", "Bupati", "Wakil Bupati", "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
         "Kepala Dinas Komunikasi dan Informatika", "Asisten Pemerintahan")
EVENTS = (("bimbingan teknis", "Sistem Pemerintahan Berbasis Elektronik (SPBE)"),
          ("pelatihan", "kepemimpinan administrator"), ("pelatihan dasar", "CPNS golongan III"),
          ("workshop", "penyusunan anggaran berbasis kinerja"), ("sosialisasi", "pengelolaan keuangan desa"),
          ("bimbingan teknis", "pengadaan barang dan jasa"), ("pelatihan", "transformasi digital"),
          ("studi tiru", "pelayanan publik terpadu"), ("orientasi", "tugas anggota DPRD"))
AUDIENCES = ("aparatur sipil negara", "kepala desa", "camat", "lurah", "operator perangkat daerah",
             "pejabat pengawas", "peserta CPNS", "sekretaris desa")
VENUES = ("Hotel Horison", "Gedung Sate", "Aula Setda", "Hotel Santika", "Pendopo Kabupaten", "Gedung Serbaguna",
          "Hotel Grand Inna", "Balai Diklat")
OUTLETS = (("KOMPAS.com", "Kompas.com"), ("ANTARA", "Antara"), ("DETIK.com", "detikcom"),
           ("PIKIRAN-RAKYAT.com", "Pikiran Rakyat"), ("TRIBUNNEWS.com", "Tribunnews"), ("JPNN.com", "JPNN"))
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
START = date(2019, 1, 1)


def person(i: int, salt: int) -> str:
    return f"{FIRST[(i * 7 + salt) % len(FIRST)]} {LAST[(i * 11 + salt * 3) % len(LAST)]}"


def article(i: int) -> tuple[str, str]:
    """(article id, text) of synthetic article number ``i``."""
    region, town = REGIONS[i % len(REGIONS)]
    kind, topic = EVENTS[(i // 3) % len(EVENTS)]
    outlet, _ = OUTLETS[i % len(OUTLETS)]
    day = START + timedelta(days=(i * 37) % 2400)
    when = f"{WEEKDAYS[day.weekday()]} ({day.day}/{day.month}/{day.year})"
    official, opener = person(i, 1), person(i, 2)
    post, post2 = POSTS[i % len(POSTS)], POSTS[(i + 3) % len(POSTS)]
    count = 30 + (i * 13) % 270
    audience = AUDIENCES[(i // 2) % len(AUDIENCES)]
    venue = VENUES[(i // 5) % len(VENUES)]
    # Named like real programmes ("... Angkatan IV Tahun 2019"): one name is one event.
    title = f"{kind.title()} {topic} Angkatan {ROMAN[(i // 7) % len(ROMAN)]} Tahun {day.year}"
    paragraphs = [
        f"{town}, {outlet} - Pemerintah {region} menggelar {title} bagi {count} {audience} di "
        f"{venue}, {town.title()}, {when}.",
        f"{post} {region} {opener} membuka kegiatan tersebut. Menurut dia, {kind} ini merupakan bagian "
        f"dari upaya meningkatkan kompetensi aparatur di {region}.",
        f"\"Kami ingin seluruh {audience} memahami {topic} sehingga pelayanan kepada masyarakat semakin "
        f"baik,\" kata {opener.split()[0]}.",
        f"Sementara itu, {post2} {region} {official} mengatakan kegiatan berlangsung selama "
        f"{2 + i % 4} hari dengan narasumber dari Lembaga Administrasi Negara (LAN) dan Badan Kepegawaian "
        f"Negara (BKN).",
        f"Ia berharap para peserta dapat menerapkan hasil {kind} di unit kerja masing-masing. Pemerintah "
        f"{region} juga akan mengevaluasi pelaksanaan kegiatan serupa pada tahun berikutnya.",
        f"Peserta {kind} berasal dari seluruh perangkat daerah di {region}. Materi yang disampaikan "
        f"antara lain kebijakan nasional, praktik baik dari daerah lain, serta rencana tindak lanjut "
        f"yang harus disusun setiap peserta sebelum kembali ke instansi masing-masing.",
    ]
    return f"synthetic-{i:06d}", "\n\n".join(paragraphs) + "\n"


def write_corpus(n: int, folder: Path) -> int:
    """Write articles 0..n-1 as .txt files; returns the number of bytes written."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        article_id, text = article(i)
        data = text.encode("utf-8")
        (folder / f"{article_id}.txt").write_bytes(data)
        total += len(data)
    return total


if __name__ == "__main__":
    written = write_corpus(int(sys.argv[1]), Path(sys.argv[2]))
    print(f"{sys.argv[1]} articles, {written / 1e6:.1f} MB in {sys.argv[2]}")
