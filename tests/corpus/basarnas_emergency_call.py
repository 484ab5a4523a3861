"""SOP Penerimaan Berita pada Emergency Call 115 — Basarnas, Direktorat Kesiapsiagaan (pusat, Jakarta).

Source: the office's own Excel workbook ``uploads/SOP-0008.xlsx`` in GitHub repository
kawasdal4/sop-katalog-basarnas (commit 92822197), fetched with the ``fetch`` tool and read
cell by cell and shape by shape.

Layout as the office drew it: identity on a separate "COVER" sheet (same cover as the other
Basarnas SOP); the matrix sheet titled "STANDAR OPERSIONAL PROSEDUR Cinta" (sic) with the role
group headed "Pelaksanaan" (not "Pelaksana"), waktu typed "5 \\nMenit". Symbols are drawn:
a flowchart terminator, plain rectangles, a plain diamond for the decision with "Ya"/"Tidak"
text boxes, two "Arrow: Pentagon" off-page connectors in the empty rows 10-11 at the page
break, and a stray empty rectangle drawn outside the table (K8:L9).
"""
from __future__ import annotations

from corpus._basarnas import basarnas_cover
from corpus.builder import Arrow, Label, Shape, Sheet, cells, rows
from corpus.facts import Expected

ROLES = ["Pelapor", "Petugas Call Center 115", "Operator Komunikasi", "Kagahar"]

COVER = basarnas_cover(
    "PENERIMAAN BERITA PADA EMERGENCY CALL 115\n",
    keterkaitan=["SOP Verifikasi Berita Pencarian dan Pertolongan di BCC",
                 "SOP Penanganan Berita Pencarian dan Pertolongan di BCC"],
    at=20,
    warn=25,
    peringatan="Bila SOP tidak dilaksanakan maka proses penerimaan berita kejadian akan terhambat",
    pencatatan="1. Jurnal Emergency Call 115",
)

MATRIX = Sheet(
    "SOP PENERIMAAN BERITA OPR 115",
    cells=cells(
        {"A1": "STANDAR OPERSIONAL PROSEDUR Cinta", "A2": "PENERIMAAN BERITA PADA EMERGENCY CALL 115",
         "A4": "No.", "B4": "Aktivitas", "C4": "Pelaksanaan", "G4": "Mutu Baku", "J4": "Ket"},
        rows("C5", [[*ROLES, "Kelengkapan", "Waktu", "Output"]]),
        rows("A6", [
            [1, "Melaporkan kejadian", None, None, None, None, "informasi laporan Kejadian", "5 \nMenit",
             "informasi laporan Kejadian", "Telp Emergency 115, aplikasi rescue 115"],
            [2, "Menerima, mencatat dan menginformasikan ke Operator Komunikasi terkait laporan Kejadian",
             None, None, None, None, "informasi laporan Kejadian", "5 \nMenit",
             "laporan informasi emergency call 115 "],
            [3, "Menerima, mencatat dan mengkonfirmasi informasi dan melaporkan ke Kagahar terkait laporan "
                "Kejadian untuk melakukan Pemeriksaan kebenaran berita",
             None, None, None, None, "laporan informasi emergency call 115 ", "5 \nMenit",
             "laporan informasi emergency call 115 (paraf petugas emergency call 115)",
             "jika berita tidak lanjut dicatat di jurnal Emergency call 115"],
            [4, "Melakukan  pemeriksaan kebenaran berita kejadian jika ya lanjut proses penanganan berita "
                "jika tidak hanya pencatatan berita.",
             None, None, None, None, "laporan informasi emergency call 115 (paraf petugas emergency call "
                                     "115)",
             "1 \nMenit", "laporan "],
        ]),
        rows("A12", [[5, "Menindaklanjuti Berita, SOP Penanganan Berita ", None, None, None, None,
                      "Laporan", "2 \nMenit", "Radiogram ke KPP", "SOP Penanganan Berita"]]),
    ),
    merges=["A1:J1", "A2:J2", "A4:A5", "B4:B5", "C4:F4", "G4:I4", "J4:J5"],
    shapes=[Shape("C6", "terminator"), Shape("D7", "rect"), Shape("E8", "rect"), Shape("F9", "diamond"),
            Shape("F10", "pentagon"), Shape("F11", "pentagon"), Shape("E12", "terminator"),
            Shape("K8", "rect")],
    arrows=[Arrow(0, 1), Arrow(1, 2), Arrow(2, 3), Arrow(3, 2), Arrow(3, 4), Arrow(5, 6)],
    labels=[Label("F9", "Ya"), Label("E9", "Tidak"), Label("F12", "Ya")],
    widths={"A": 5, "B": 40, "C": 14, "D": 14, "E": 14, "F": 14, "G": 22, "H": 9, "I": 22, "J": 22},
    heights={r: 60 for r in range(6, 13)},
)

SHEETS = [COVER, MATRIX]

# Step 4's diamond (Kagahar): "Ya" on through the off-page connectors to step 5, "Tidak" back
# to the Operator Komunikasi (step 3), who records the news in the jurnal.
# Waktu: 5+5+5+1+2 menit.
EXPECTED = Expected(
    roles=ROLES,
    actors=[["Pelapor"], ["Petugas Call Center 115"], ["Operator Komunikasi"], ["Kagahar"],
            ["Operator Komunikasi"]],
    decisions={4: ["Ya", "Tidak"]},
    waktu=(18, 18),
    nomor="…   Tahun 2024",
    nama="PENERIMAAN BERITA PADA EMERGENCY CALL 115",
)
