"""SOP Penghitungan Ekspor Triwulanan — BPS Provinsi Bengkulu, Tim Neraca Wilayah.

Source: the signed PDF "336. SOP Penghitungan Komponen Ekspor signed.pdf" in GitHub repository
ocidserver/openSOP, path ``backend/static/sop/documents/it/``, fetched with the ``fetch`` tool;
text read with ``pdftotext -layout``, the flowchart read from the pages rendered with
``pdftoppm``.

Layout: the BPS identity page with an extra row under the boxes ("Maksud dan tujuan:
Menghitung Ekspor Triwulanan"); the page number "2" above the matrix; No | Aktivitas |
Pelaksana (Kepala BPS Provinsi, Ketua Tim Neraca Wilayah, Staff) | Mutu Baku
("Persyaratan/ Kelengkapan" on two lines with a blank between, Waktu, Output) | Keterangan;
steps numbered "1.", "2.". Drawn symbols: **three decisions with no branch label at all**,
two diamonds side by side in step 4, and two or more symbols in most rows; the last step
has no Mutu Baku.
"""
from __future__ import annotations

from corpus._bps import bps_identity
from corpus.builder import Arrow, Shape, Sheet, cells, rows
from corpus.facts import Expected

ROLES = ["Kepala BPS Provinsi", "Ketua Tim Neraca\nWilayah", "Staff"]

IDENTITY, IDENTITY_MERGES, TOP = bps_identity(
    last_col=9,
    tim="TIM NERACA WILAYAH",
    identity=[("Nomor SOP", "SOP-336/17000/2025"), ("Tanggal Pembuatan", "2 Januari 2024"),
              ("Tanggal Revisi", "2 Januari 2025"), ("Tanggal Efektif", "2 Januari 2025"),
              ("Disahkan oleh", "Kepala BPS Provinsi Bengkulu")],
    signer="Win Rizal",
    nama="PENGHITUNGAN EKSPOR\nTRIWULANAN",
    nama_label="NAMA SOP",
    boxes=[("DASAR HUKUM :", "1. Undang-Undang Nomor 16 Tahun 1997 Tentang Statistik (dst., 5 butir)",
            "KUALIFIKASI PELAKSANA :", "Memahami pengolahan data, ekonomi makro, pendapatan nasional dan "
                                      "perilaku EKSPOR, baik konsep dan definisi maupun cara "
                                      "penghitungannya"),
           ("KETERKAITAN :", "SOP Penghitungan EKSPOR ADHB\nSOP Penghitungan EKSPOR ADHK",
            "PERALATAN/PERLENGKAPAN", "1. Data Pendukung\n2. LK Data Sekunder\n3. Pengolah"),
           ("PERINGATAN :", "", "PENCATATAN DAN PENDATAAN :", "")],
)
P = TOP  # "Maksud dan tujuan" row
H = P + 3
S = H + 2
_ = None

MATRIX = Sheet(
    "SOP 336",
    cells=cells(
        IDENTITY,
        {f"A{P}": "Maksud dan tujuan:   Menghitung Ekspor Triwulanan", f"E{P + 2}": 2},
        rows(f"A{H}", [["No", "Aktivitas", "Pelaksana", _, _, "Mutu Baku", _, _, "Keterangan"],
                       [_, _, *ROLES, "Persyaratan/\n\nKelengkapan", "Waktu", "Output"]]),
        rows(f"A{S}", [
            ["1.", "Persiapan", _, _, _, _, "5 hari", "Lembar Kerja"],
            ["2.", "Pengumpulan data sekunder", _, _, _, _, "30 hari", "Data Ekspor"],
            ["3.", "Penghitungan EKSPOR Triwulanan Harga Berlaku", _, _, _, "Data sekunder", "7 hari",
             "Ekspor ADHB"],
            ["4.", "Penghitungan Ekspor Triwulanan Harga Konstan", _, _, _,
             "Ekspor Harga Berlaku, dan Indeks terkait", "7 hari", "Ekspor putaran Nol"],
            ["5.", "Rekonsiliasi Ekspor", _, _, _, "Ekspor putaran Nol", "7 hari", "Ekspor"],
            ["6.", "Komponen Ekspor"],
        ]),
    ),
    merges=[*IDENTITY_MERGES, f"A{P}:I{P}", f"A{H}:A{H + 1}", f"B{H}:B{H + 1}", f"C{H}:E{H}", f"F{H}:H{H}",
            f"I{H}:I{H + 1}"],
    shapes=[Shape(f"C{S}", "terminator"), Shape(f"D{S}", "process"), Shape(f"D{S + 1}", "process"),
            Shape(f"E{S + 1}", "process"), Shape(f"D{S + 2}", "decision"), Shape(f"E{S + 2}", "process"),
            Shape(f"C{S + 3}", "decision"), Shape(f"D{S + 3}", "decision"), Shape(f"E{S + 3}", "process"),
            Shape(f"D{S + 4}", "decision"), Shape(f"C{S + 5}", "terminator"), Shape(f"D{S + 5}", "process")],
    arrows=[Arrow(0, 1), Arrow(1, 2), Arrow(2, 3), Arrow(3, 5), Arrow(5, 4), Arrow(4, 5), Arrow(4, 7),
            Arrow(8, 7), Arrow(7, 6), Arrow(7, 8), Arrow(6, 9), Arrow(9, 5), Arrow(9, 11), Arrow(11, 10)],
    widths={"A": 5, "B": 30, "C": 16, "D": 16, "E": 12, "F": 24, "G": 9, "H": 14, "I": 12},
    heights={r: 45 for r in range(S, S + 6)},
)

SHEETS = [MATRIX]

# Waktu: 5 + 30 + 7 + 7 + 7 = 56 hari kerja x 450 = 25200 menit; step 6 states none.
# The three decisions carry no branch label in the source.
EXPECTED = Expected(
    roles=ROLES,
    actors=[[ROLES[0], ROLES[1]], [ROLES[1], "Staff"], [ROLES[1], "Staff"], [ROLES[0], ROLES[1], "Staff"],
            [ROLES[1]], [ROLES[0], ROLES[1]]],
    decisions={3: [], 4: [], 5: []},
    waktu=(25200, 25200),
    nomor="SOP-336/17000/2025",
    nama="PENGHITUNGAN EKSPOR TRIWULANAN",
)
