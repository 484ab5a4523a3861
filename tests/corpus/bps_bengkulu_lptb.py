"""SOP Survei Lengkap Pemotongan Ternak Bulanan (LPTB) — BPS Provinsi Bengkulu, Tim Statistik Produksi.

Source: the signed PDF "226. …signed.pdf" (SOP-226/17000/2025) in GitHub repository
ocidserver/openSOP, path ``backend/static/sop/documents/`` (BPS Bengkulu's e-SOP app), fetched
with the ``fetch`` tool; text read with ``pdftotext -layout``, the flowchart read from the page
rendered with ``pdftoppm``.

Layout: the BPS identity page (signer's name only, no NIP); the matrix No | Kegiatan |
Pelaksana (Kepala BPS Provinsi, "Tim Statistik Produksi BPS Provinsi" on two lines, BPS
Kabupaten/Kota) | Mutu Baku (Kelengkapan, Waktu, Output) | Keterangan ("Lihat SOP …").
Waktu in weeks and days ("3 Minggu", "7 Hari"). Drawn symbols: the first and the last step
each carry two or three symbols in one row (a terminator in the Kepala column and process
boxes in the others); step 3 is a diamond whose branches are labelled with single letters,
"T" (back to step 2) and "Y" (on to step 4).
"""
from __future__ import annotations

from corpus._bps import bps_identity
from corpus.builder import Arrow, Shape, Sheet, cells, rows
from corpus.facts import Expected

ROLES = ["Kepala BPS Provinsi", "Tim Statistik Produksi\nBPS Provinsi", "BPS Kabupaten/Kota"]

IDENTITY, IDENTITY_MERGES, TOP = bps_identity(
    last_col=9,
    tim="TIM STATISTIK PRODUKSI",
    identity=[("Nomor SOP", "SOP-226/17000/2025"), ("Tanggal Pembuatan", "2 Januari 2013"),
              ("Tanggal Revisi", "10 Januari 2025"), ("Tanggal Efektif", "10 Januari 2025"),
              ("Disahkan oleh", "Kepala BPS Provinsi Bengkulu")],
    signer="Win Rizal",
    nama="Standar Operasional Survei Lengkap Pemotongan Ternak Bulanan (LPTB)",
    boxes=[("DASAR HUKUM :", "1, Undang-Undang Nomor 16 Tahun 1997 Tentang Statistik; (dst., 5 butir)",
            "KUALIFIKASI PELAKSANA :", "1. Pegawai dengan pendidikan Minimal Strata 1\n2. Pegawai dengan "
                                      "Jabatan Fungsional Statistisi"),
           ("KETERKAITAN", "1. SOP Persiapan Survei Lengkap Pemotongan Ternak Bulanan (LPTB)\n2. SOP "
                           "Pengumpulan Data …\n3. SOP Evaluasi …\n4. SOP Diseminasi …",
            "PERALATAN/ PERLENGKAPAN", "1. Alat Tulis\n2. PC/Laptop\n3. Printer\n4. Jaringan Internet\n"
                                      "5. Aplikasi Perkantoran\n6. Aplikasi Fasih"),
           ("PERINGATAN", "Jika SOP tersebut tidak dilaksanakan, maka pelaksanaan pendataan Survei tidak "
                          "berjalan dengan baik dan akan berimbas pada penilaian kinerja",
            "PENCATATAN DAN PENDATAAN", "")],
)
H = TOP
S = H + 2
_ = None

MATRIX = Sheet(
    "LPTB",
    cells=cells(
        IDENTITY,
        rows(f"A{H}", [["No", "Kegiatan", "Pelaksana", _, _, "Mutu Baku", _, _, "Keterangan"],
                       [_, _, *ROLES, "Kelengkapan", "Waktu", "Output"]]),
        rows(f"A{S}", [
            [1, "Melaksanakan Persiapan Survei", _, _, _, "Daftar Sampel, Aplikasi Fasih, Buku Pedoman",
             "3 Minggu", "Petugas Lapangan yang sudah mengikuti Pelatihan", "Lihat SOP Persiapan"],
            [2, "Melaksanakan Pengumpulan Data Survei", _, _, _, "Monitoring Lapangan Online/Offline",
             "7 Hari", "Raw Data Hasil Pendataan", "Lihat SOP Pengumpulan Data"],
            [3, "Melaksanakan Evaluasi Data", _, _, _, "Hasil Pemeriksaan", "5 Hari",
             "Raw Data yang Berkualitas", "Lihat SOP Evaluasi Data Hasil Pendataan"],
            [4, "Melaksanakan  Diseminasi", _, _, _, "Laporan Tahunan", "2 Minggu", "Laporan Tahunan",
             "Lihat SOP Diseminasi"],
        ]),
    ),
    merges=[*IDENTITY_MERGES, f"A{H}:A{H + 1}", f"B{H}:B{H + 1}", f"C{H}:E{H}", f"F{H}:H{H}",
            f"I{H}:I{H + 1}"],
    shapes=[Shape(f"C{S}", "terminator"), Shape(f"D{S}", "process"), Shape(f"E{S}", "process"),
            Shape(f"E{S + 1}", "process"), Shape(f"D{S + 2}", "decision"), Shape(f"D{S + 3}", "process"),
            Shape(f"C{S + 3}", "terminator")],
    arrows=[Arrow(0, 1), Arrow(1, 2), Arrow(2, 3), Arrow(3, 4), Arrow(4, 3, "T"), Arrow(4, 5, "Y"),
            Arrow(5, 6)],
    widths={"A": 5, "B": 30, "C": 18, "D": 18, "E": 18, "F": 22, "G": 10, "H": 14, "I": 24},
    heights={r: 45 for r in range(S, S + 4)},
)

SHEETS = [MATRIX]

# Waktu: 3 minggu + 7 hari + 5 hari + 2 minggu = 15 + 7 + 5 + 10 = 37 hari kerja
# (1 minggu = 5 hari kerja, 1 hari = 7.5 jam) = 37 x 450 = 16650 menit.
EXPECTED = Expected(
    roles=ROLES,
    actors=[ROLES[:], [ROLES[2]], [ROLES[1]], [ROLES[0], ROLES[1]]],
    decisions={3: ["Y", "T"]},
    waktu=(16650, 16650),
    nomor="SOP-226/17000/2025",
    nama="Standar Operasional Survei Lengkap Pemotongan Ternak Bulanan (LPTB)",
)
