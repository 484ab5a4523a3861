"""SOP Pengumpulan Data PDRB Triwulanan Provinsi Bengkulu — BPS Provinsi Bengkulu, Tim Neraca Wilayah.

Source: the signed PDF "059. SOP PENGUMPULAN DATA PDRB TRIWULANAN signed.pdf" in GitHub
repository ocidserver/openSOP, path ``backend/static/sop/documents/hrm/``, fetched with the
``fetch`` tool; text read with ``pdftotext -layout``, the flowchart read from the page rendered
with ``pdftoppm``.

Layout: the BPS identity page ("Disahkan oleh" the full unit name; a two-line Nama SOP); No |
Aktivitas | Pelaksana (five roles, names on two or three lines) | Mutu Baku ("Persyaratan/
Kelengkapan", Waktu, Output) | Keterangan; steps numbered "1.". Waktu "1 minggu", **"3 bulan"**,
"2 minggu". Drawn symbols: three symbols in step 1, four in step 4, and **the closing terminator
drawn below the table**, in a row with no step.
"""
from __future__ import annotations

from corpus._bps import bps_identity
from corpus.builder import Arrow, Shape, Sheet, cells, rows
from corpus.facts import Expected

ROLES = ["Ketua Tim\nNeraca Wilayah", "PJ Neraca\nProduksi", "Fungsional\nStatistisi",
         "Tim Neraca\nPengeluaran", "Tim Analisis\nStatistik\nLintas Sektor"]

IDENTITY, IDENTITY_MERGES, TOP = bps_identity(
    last_col=11,
    tim="TIM NERACA WILAYAH",
    identity=[("Nomor SOP", "SOP-059/17000/2025"), ("Tanggal Pembuatan", "2 Januari 2025"),
              ("Tanggal Revisi", "-"), ("Tanggal Efektif", "2 Januari 2025"),
              ("Disahkan oleh", "Kepala Badan Pusat Statistik Provinsi Bengkulu")],
    signer="Ir. Win Rizal, M.E",
    nama="PENGUMPULAN DATA PDRB TRIWULANAN\nPROVINSI BENGKULU",
    nama_label="NAMA SOP",
    boxes=[("DASAR HUKUM :", "1, Undang-Undang Nomor 16 Tahun 1997 Tentang Statistik; (dst.)",
            "KUALIFIKASI PELAKSANA :", "1. Memiliki kompetensi memadai dalam penyusunan PDRB Lapangan Usaha "
                                      "(dst.)"),
           ("KETERKAITAN", "", "PERALATAN/ PERLENGKAPAN", ""),
           ("PERINGATAN", "", "PENCATATAN DAN PENDATAAN", "")],
)
H = TOP
S = H + 2
_ = None

MATRIX = Sheet(
    "PDRB Triwulanan",
    cells=cells(
        IDENTITY,
        rows(f"A{H}", [["No", "Aktivitas", "Pelaksana", _, _, _, _, "Mutu Baku", _, _, "Keterangan"],
                       [_, _, *ROLES, "Persyaratan/\n\nKelengkapan", "Waktu", "Output"]]),
        rows(f"A{S}", [
            ["1.", "Pembuatan format pengumpulan data", _, _, _, _, _, "Software", "1 minggu", "Format baku"],
            ["2.", "Pengumpulan informasi media massa", _, _, _, _, _, "Media masa", "3 bulan", "Fenomena"],
            ["3.", "Editing informasi media massa", _, _, _, _, _, "Hasil pengumpulan informasi", "2 minggu",
             "Laporan"],
            ["4.", "Pengumpulan data PDRB", _, _, _, _, _, "Semua sektor", "2 minggu", "Tabel pokok"],
        ]),
    ),
    merges=[*IDENTITY_MERGES, f"A{H}:A{H + 1}", f"B{H}:B{H + 1}", f"C{H}:G{H}", f"H{H}:J{H}",
            f"K{H}:K{H + 1}"],
    shapes=[Shape(f"C{S}", "terminator"), Shape(f"D{S}", "process"), Shape(f"E{S}", "process"),
            Shape(f"E{S + 1}", "process"), Shape(f"D{S + 2}", "process"), Shape(f"D{S + 3}", "process"),
            Shape(f"E{S + 3}", "process"), Shape(f"F{S + 3}", "process"), Shape(f"G{S + 3}", "process"),
            Shape(f"E{S + 4}", "terminator")],
    arrows=[Arrow(0, 1), Arrow(1, 2), Arrow(2, 3), Arrow(3, 4), Arrow(4, 5), Arrow(4, 8), Arrow(5, 6),
            Arrow(6, 7), Arrow(8, 6), Arrow(7, 6), Arrow(6, 9)],
    widths={"A": 5, "B": 30, "C": 13, "D": 11, "E": 11, "F": 11, "G": 11, "H": 16, "I": 9, "J": 12, "K": 12},
    heights={r: 32 for r in range(S, S + 5)},
)

SHEETS = [MATRIX]

# Four steps: the terminator under the table is the end of the flow, not a step.
# Waktu: 1 minggu (5 hari) + 3 bulan (60 hari) + 2 minggu (10) + 2 minggu (10) = 85 hari kerja
# = 38250 menit (1 bulan = 20 hari kerja, 1 minggu = 5, 1 hari = 450 menit).
EXPECTED = Expected(
    roles=ROLES,
    actors=[[ROLES[0], ROLES[1], ROLES[2]], [ROLES[2]], [ROLES[1]], [ROLES[1], ROLES[2], ROLES[3], ROLES[4]]],
    waktu=(38250, 38250),
    nomor="SOP-059/17000/2025",
    nama="PENGUMPULAN DATA PDRB TRIWULANAN PROVINSI BENGKULU",
)
