"""SOP Penanganan Informasi Potensi Bencana/Kecelakaan di Basarnas Command Center — Basarnas (Jakarta).

Source: the office's own Excel workbook "SOP PENANGANAN INFORMASI POTENSI BENCANA KECELAKAAN DI
BCC (1).xlsx" in GitHub repository kawasdal4/sop-katalog-basarnas, path ``upload/`` (commit
01e8f769), fetched with the ``fetch`` tool and read cell by cell and shape by shape. The
workbook has a second sheet ("SOP LENGKAP", the longer procedure); only the first sheet is
transcribed here.

Layout as the office drew it: no identity block at all, only a title row; the table starts in
column B; role group "Pelaksanaan" over 11 roles; "Keterangan" only in the second header row;
no decision. Symbols are drawn: a terminator "Mulai", plain rectangles, and — for the
Pengawas and three of the four leaders in the last step — SVG icons pasted as pictures
(``xdr:pic`` "Graphic N"), next to a terminator "Selesai". Several steps have two or three
actors (two or three symbols in one row: "Dilaksanakan secara simultan").
"""
from __future__ import annotations

from corpus.builder import Arrow, Shape, Sheet, cells, rows
from corpus.facts import Expected

ROLES = ["Instansi lain/ Sosial Media", "Petugas Komunikasi", "Kagahar", "Asisten Kagahar", "Kakansar",
         "BSG", "Pengawas", "Direktur Kesiapsiagaan", "Direktur Operasi", "Deops", "Kabasarnas"]

BLANK = [None] * len(ROLES)
STEP4 = ("Petugas Komunikasi: membuat radiogram ke kantor SAR terkait potensi bencana/ kecelakaan di wilayah "
         "kerjanya\nAsisten: Memetakan area potensi bencana/ kecelakaan dan mendata sumber daya yang tersedia"
         "\nBSG: Menyiapkan Personel, Alut dan Palsar")

MATRIX = Sheet(
    "SOP INFORMASI POTENSI BENCANA",
    cells=cells(
        {"B2": "SOP PENANGANAN INFORMASI POTENSI BENCANA/KECELAKAAN DI BASARNAS COMMAND CENTER (BCC)",
         "B4": "No ", "C4": "Kegiatan", "D4": "Pelaksanaan", "O4": "Mutu Baku"},
        rows("D5", [[*ROLES, "Kelengkapan", "Waktu", "Output", "Keterangan"]]),
        rows("B6", [
            [1, "Informasi potensi bencana/ kecelakaan secara resmi yang valid", *BLANK, "Berita resmi",
             "5 menit", "Laporan bencana nasional", "BNPB, BMKG, PVMBG, TNI/POLRI, ataupun instansi terkait"],
            [2, "Melaporkan informasi potensi bencana/ kecelakaan kepada Kagahar sekaligus menghubungi "
                "kantor SAR terkait", *BLANK, "Laporan bencana nasional", "5 menit", "Laporan bencana "
                                                                                     "nasional"],
            [3, "Kagahar memerintahkan Asisten untuk memetakan area potensi bencana/ kecelakaan dan mendata "
                "sumber daya yang tersedia", *BLANK, "Laporan bencana nasional", "2 menit",
             "Laporan bencana nasional"],
            [4, STEP4, *BLANK, "Laporan bencana nasional", "30 menit",
             "Radiogram, pemetaan area bencana, dan data sumber daya yang tersedia dalam bentuk paparan",
             "Dilaksanakan secara simultan"],
            [5, "Kagahar melaporkan kepada Pengawas terkait potensi bencana/ kecelakaan", *BLANK,
             "Berita resmi", "2 menit", "Info awal mengenai bencana nasional yang terjadi"],
            [6, "Pengawas melaporkan kepada pimpinan terkait potensi bencana/ kecelakaan", *BLANK,
             "Info awal mengenai bencana nasional yang terjadi", "2 menit", "Laporan info awal"],
        ]),
    ),
    merges=["B2:R2", "B4:B5", "C4:C5", "D4:N4", "O4:Q4"],
    shapes=[Shape("D6", "terminator", "Mulai"), Shape("E7", "rect"), Shape("H7", "rect"),
            Shape("F8", "rect"), Shape("E9", "rect"), Shape("G9", "rect"), Shape("I9", "rect"),
            Shape("J10", "picture"), Shape("K11", "picture"), Shape("L11", "picture"),
            Shape("M11", "picture"), Shape("N11", "terminator", "Selesai")],
    arrows=[Arrow(0, 1), Arrow(1, 3), Arrow(1, 2), Arrow(3, 4), Arrow(3, 5), Arrow(3, 6), Arrow(3, 7),
            Arrow(7, 8), Arrow(7, 9), Arrow(7, 10), Arrow(7, 11)],
    widths={"A": 3, "B": 5, "C": 40, "O": 20, "P": 9, "Q": 22, "R": 22},
    heights={r: 60 for r in range(6, 12)},
)

SHEETS = [MATRIX]

# Waktu: 5+5+2+30+2+2 menit. No identity block: Nomor and Nama are not stated.
EXPECTED = Expected(
    roles=ROLES,
    actors=[["Instansi lain/ Sosial Media"], ["Petugas Komunikasi", "Kakansar"], ["Kagahar"],
            ["Petugas Komunikasi", "Asisten Kagahar", "BSG"], ["Pengawas"],
            ["Direktur Kesiapsiagaan", "Direktur Operasi", "Deops", "Kabasarnas"]],
    waktu=(46, 46),
)
