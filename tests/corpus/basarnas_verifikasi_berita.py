"""SOP Verifikasi Berita Pencarian dan Pertolongan — Basarnas, Direktorat Kesiapsiagaan (pusat, Jakarta).

Source: the office's own Excel workbook "22102024- SOP Verifikasi Berita Pencarian dan
Pertolongan di BCC.xlsx" in GitHub repository kawasdal4/sop-katalog-basarnas, path
``upload/`` (commit 01e8f769), fetched with the ``fetch`` tool and read cell by cell and
shape by shape (openpyxl for cells, the drawing XML for the symbols).

Layout as the office drew it: identity on a separate "COVER" sheet (label in H, value in
I:L merged, "…   Tahun 2024" as the Nomor, the signer's name and NIP under the jabatan), the
legal basis as numbered rows 1-7 in column A of the cover; the matrix on the next sheet with a
title row, "No." | "Aktivitas" | "Pelaksana" (5 roles) | "Mutu Baku" | "Ket", waktu typed
"5 \\nMenit" (number, line break, unit). Symbols are drawn shapes (a flowchart terminator,
plain rectangles, a plain diamond), two empty rows (11-12) at the printed page break carry
only "Arrow: Pentagon" off-page connectors, and the branch labels "Ya"/"Tidak" are text boxes.
Long legal-basis titles are shortened here; steps, roles, waktu and identity are as written.
"""
from __future__ import annotations

from corpus._basarnas import basarnas_cover
from corpus.builder import Arrow, Label, Shape, Sheet, cells, rows
from corpus.facts import Expected

ROLES = [
    "Petugas Komunikasi ",
    "Kepala Siaga  BCC",
    "Kepala Siaga Kantor Pencarian dan Pertolongan",
    "Petugas Komunikasi Kantor Pencarian dan Pertolongan",
    "Instansi/ Organisasi / Perusahaan Kapal atau Maskapai Penerbangan",
]

COVER = basarnas_cover(
    "VERIFIKASI BERITA PENCARIAN DAN PERTOLONGAN",
    keterkaitan=["SOP Penerimaan Berita Pada Emergency Call 115",
                 "SOP Penanganan Berita Pencarian dan Pertolongan di BCC",
                 "SOP Registrasi Sinyal Marabahaya",
                 "SOP Penanganan Kapal Mati Mesin yang akan dievakuasi", None],
    at=21,
    warn=28,
    peringatan="Bila SOP tidak dilaksanakan maka proses penerimaan dan validasi berita akan terhambat",
    pencatatan="1. Jurnal Emergency Call 115\n2. Jurnal Harian Petugas Komunikasi",
)

MATRIX = Sheet(
    "SOP VERIFIKASI BERITA SAR ",
    cells=cells(
        {"A1": "STANDAR OPERASIONAL PROSEDUR", "A2": "VERIFIKASI BERITA PENCARIAN DAN PERTOLONGAN",
         "A4": "No.", "B4": "Aktivitas", "C4": "Pelaksana", "H4": "Mutu Baku", "K4": "Ket"},
        rows("C5", [[*ROLES, "Kelengkapan", "Waktu", "Output"]]),
        rows("A6", [
            [1, "Menerima informasi laporan Kejadian dan menginformasikan kepada Kepala Siaga BCC",
             None, None, None, None, None, "Data Pelapor, Kronologis Kejadian, Data Kapal, Jumlah POB, dll",
             "5 \nMenit", "Laporan, data pelapor", "Telp, Radio, email, media sosial, laporan emergency call "
                                                   "115"],
            [2, "Memerintahkan Petugas Komunikasi untuk melakukan Pengecekan dan pemetaan wilayah untuk "
                "menentukan wilayah kerja  dan penggalian informasi ",
             None, None, None, None, None, "Laporan, data pelapor", "2 \nMenit", "Disposisi"],
            [3, "Melakukan pengecekan kebenaran Berita dengan kantor Pencarian dan Pertolongan",
             None, None, None, None, None, "Disposisi", "1 \nMenit", "Laporan, data pelapor"],
            [4, "Menerima informasi dari BCC dan mengarahkan Petugas Komunikasi untuk melakukan pengecekan "
                "kebenaran berita",
             None, None, None, None, None, "Laporan, data pelapor", "2 \nMenit",
             "Jurnal Penerimaan Laporan Validasi Berita SAR"],
            [5, "Melaksanakan pengecekan berita dengan instansi terkait dan/atau petugas di lapangan dan "
                "melaporkan kepada Kepala Siaga di Kantor Pencarian dan Pertolongan",
             None, None, None, None, None, "Jurnal Penerimaan Laporan Validasi Berita SAR", "5 \nMenit",
             "Laporan Validasi Berita SAR"],
        ]),
        rows("A13", [
            [6, "Pemberian informasi terkait kebenaran berita kepada Badan Nasional Pencarian dan "
                "Pertolongan",
             None, None, None, None, None, "Laporan Validasi Berita SAR", "5 \nMenit",
             "Laporan Validasi Berita SAR"],
            [7, "Menerima hasil pengecekan berita dan menyampaikan kepada Kepala Siaga di BCC ",
             None, None, None, None, None, "Laporan Validasi Berita SAR", "2 \nMenit",
             "Laporan Validasi Berita SAR"],
            [8, "Memutuskan hasil pengecekan kebenaran berita, melakukan pencatatan berita dan menindak "
                "lanjuti kebenaran Berita ",
             None, None, None, None, None, "Laporan Validasi Berita SAR", "5 \nMenit", "Informasi",
             "SOP Penanganan Berita"],
        ]),
    ),
    merges=["A1:K1", "A2:K2", "A4:A5", "B4:B5", "C4:G4", "H4:J4", "K4:K5"],
    shapes=[Shape("C6", "terminator"), Shape("D7", "rect"), Shape("C8", "rect"), Shape("E9", "rect"),
            Shape("F10", "rect"),
            Shape("E11", "pentagon"), Shape("E12", "pentagon"), Shape("F11", "pentagon"),
            Shape("F12", "pentagon"), Shape("G11", "pentagon"), Shape("G12", "pentagon"),
            Shape("G13", "rect"), Shape("E14", "diamond"), Shape("D15", "terminator")],
    arrows=[Arrow(0, 1), Arrow(1, 2), Arrow(2, 3), Arrow(3, 4), Arrow(4, 7), Arrow(4, 9),
            Arrow(10, 11), Arrow(8, 12), Arrow(12, 6), Arrow(5, 4), Arrow(12, 13)],
    labels=[Label("E10", "Tidak"), Label("E14", "Ya"), Label("D13", "Tidak"), Label("F13", "Ya")],
    widths={"A": 5, "B": 40, "C": 16, "D": 16, "E": 16, "F": 16, "G": 16, "H": 20, "I": 9, "J": 20,
            "K": 20},
    heights={r: 60 for r in range(6, 16)},
)

SHEETS = [COVER, MATRIX]

# Step 7's diamond (Kepala Siaga Kantor) sends "Ya" on to step 8 and "Tidak" back to step 5
# through the off-page connectors. Waktu: 5+2+1+2+5+5+2+5 menit.
EXPECTED = Expected(
    roles=ROLES,
    actors=[[ROLES[0]], [ROLES[1]], [ROLES[0]], [ROLES[2]], [ROLES[3]], [ROLES[4]], [ROLES[2]], [ROLES[1]]],
    decisions={7: ["Ya", "Tidak"]},
    waktu=(27, 27),
    nomor="…   Tahun 2024",
    nama="VERIFIKASI BERITA PENCARIAN DAN PERTOLONGAN",
)
