"""SOP Penanganan Laporan Bencana Nasional di Basarnas Command Center (BCC) — Basarnas (pusat, Jakarta).

Source: the second sheet ("SOP LENGKAP") of the office's own Excel workbook "SOP PENANGANAN
INFORMASI POTENSI BENCANA KECELAKAAN DI BCC (1).xlsx" in GitHub repository
kawasdal4/sop-katalog-basarnas, path ``upload/`` (commit 01e8f769), fetched with the
``fetch`` tool and read cell by cell and shape by shape. (Its first sheet is the corpus
document ``basarnas_potensi_bencana``.)

Layout as the office drew it: no identity block, a title row; the table starts in column B;
"Pelaksanaan" over 15 roles; "Keterangan" only in the second header row; step numbers skip 7
(1-6, then 8-14); the last step has no Mutu Baku at all; one Keterangan ("Dilaksanakan secara
simultan") merged over four step rows (V14:V17). Symbols: terminators "Mulai"/"Selesai",
plain rectangles, and SVG icons pasted as pictures for every leader's step (rows 10-17).
"""
from __future__ import annotations

from corpus.builder import Arrow, Shape, Sheet, cells, rows
from corpus.facts import Expected

ROLES = ["Instansi lain/ Sosial Media/ Pelapor", "Petugas Komunikasi", "Kagahar", "Asisten Kagahar",
"Kakansar",
         "BSG", "Pengawas", "Direktur Kesiapsiagaan", "Direktur Operasi", "Direktur Bina Potensi",
         "Direktur Sarana Prasarana", "Direktur Sistem Komunikasi", "Karo Humas dan Umum", "Deops",
         "Kabasarnas"]

B = [None] * len(ROLES)
STEP4 = ("Petugas Komunikasi: membuat radiogram ke kantor SAR terkait potensi bencana/ kecelakaan di wilayah "
         "kerjanya\nAsisten: Memetakan area potensi bencana/ kecelakaan dan mendata sumber daya yang tersedia"
         "\nBSG: Menyiapkan Personel, Alut dan Palsar")

MATRIX = Sheet(
    "SOP LENGKAP",
    cells=cells(
        {"B2": "SOP PENANGANAN LAPORAN BENCANA NASIONAL DI BASARNAS COMMAND CENTER (BCC)",
         "B4": "No ", "C4": "Kegiatan", "D4": "Pelaksanaan", "S4": "Mutu Baku"},
        rows("D5", [[*ROLES, "Kelengkapan", "Waktu", "Output", "Keterangan"]]),
        rows("B6", [
            [1, "Informasi potensi bencana/ kecelakaan secara resmi yang valid", *B, "Berita resmi", "5 "
                                                                                                     "menit",
             "Laporan bencana nasional", "BNPB, BMKG, PVMBG, TNI/POLRI, ataupun instansi terkait"],
            [2, "Melaporkan informasi potensi bencana/ kecelakaan kepada Kagahar sekaligus menghubungi "
                "kantor "
                "SAR terkait", *B, "Laporan bencana nasional", "5 menit", "Laporan bencana nasional"],
            [3, "Kagahar memerintahkan Asisten untuk memetakan area bencana dan mendata sumber daya yang "
                "tersedia", *B, "Laporan bencana nasional", "2 menit", "Laporan bencana nasional"],
            [4, STEP4, *B, "Laporan bencana nasional", "30 menit",
             "Radiogram, pemetaan area bencana, dan data sumber daya yang tersedia dalam bentuk paparan",
             "Dilaksanakan secara simultan"],
            [5, "Kagahar melaporkan kepada Pengawas terkait potensi bencana/ kecelakaan", *B, "Berita resmi",
             "2 menit", "Info awal mengenai bencana nasional yang terjadi"],
            [6, "Pengawas melaporkan kepada pimpinan terkait potensi bencana/ kecelakaan", *B,
             "Info awal mengenai bencana nasional yang terjadi", "2 menit", "Laporan info awal"],
            [8, "SC mengaktifkan orgasnisasi operasi SAR", *B,
             "Pemetaan area bencana dan data sumber daya yang tersedia dalam bentuk paparan", "1 menit",
             "Organisasi Operasi SAR"],
            [9, "Pembuatan posko bencana dan mengerahkan BSG ke lokasi bencana serta potensi SAR", *B,
             "Organisasi Operasi SAR", "15 menit", "Posko SAR"],
            [10, "Mendata potensi SAR diwilayah terdampak bencana untuk mendukung operasi SAR", *B,
             "Laporan info awal", "15 menit", "Data potensi SAR di wilayah terdampak",
             "Dilaksanakan secara simultan"],
            [11, "Penyiapan alut, palsar, dan logistik untuk mendukung operasi SAR", *B, "Laporan info awal",
             "15 menit", "Kesiapan alut"],
            [12, "Penyiapan alat komunikasi untuk mendukung operasi SAR", *B, "Laporan info awal", "15 menit",
             "Kesiapan alkom"],
            [13, "Pembuatan Press Release Kabasarnas", *B, "Laporan info awal", "15 menit",
             "Press Release Kabasarnas"],
            [14, "Penyelenggaraan Operasi SAR"],
        ]),
    ),
    merges=["B2:V2", "B4:B5", "C4:C5", "D4:R4", "S4:U4", "V14:V17"],
    shapes=[Shape("D6", "terminator", "Mulai"), Shape("E7", "rect"), Shape("H7", "rect"), Shape("F8", "rect"),
            Shape("E9", "rect"), Shape("G9", "rect"), Shape("I9", "rect"), Shape("J10", "picture"),
            Shape("K11", "picture"), Shape("L11", "picture"), Shape("Q11", "picture"), Shape("R11",
            "picture"),
            Shape("Q12", "picture"), Shape("L13", "picture"), Shape("M14", "picture"), Shape("N15",
            "picture"),
            Shape("O16", "picture"), Shape("P17", "picture"), Shape("L18", "terminator", "Selesai")],
    arrows=[Arrow(0, 1), Arrow(1, 3), Arrow(1, 2), Arrow(3, 4), Arrow(3, 5), Arrow(3, 6), Arrow(3, 7),
            Arrow(7, 8), Arrow(7, 9), Arrow(7, 10), Arrow(7, 11), Arrow(11, 12), Arrow(12, 13), Arrow(11, 14),
            Arrow(11, 15), Arrow(11, 16), Arrow(11, 17), Arrow(11, 18)],
    widths={"A": 3, "B": 5, "C": 40, "S": 20, "T": 9, "U": 22, "V": 22},
    heights={r: 55 for r in range(6, 19)},
)

SHEETS = [MATRIX]

# Thirteen steps (numbered 1-6 and 8-14). Waktu: 5+5+2+30+2+2+1+15+15+15+15+15 menit = 122 menit;
# step 14 states none. No identity block: Nomor and Nama are not stated.
EXPECTED = Expected(
    roles=ROLES,
    actors=[[ROLES[0]], [ROLES[1], ROLES[4]], [ROLES[2]], [ROLES[1], ROLES[3], ROLES[5]], [ROLES[6]],
            [ROLES[7], ROLES[8], ROLES[13], ROLES[14]], [ROLES[13]], [ROLES[8]], [ROLES[9]], [ROLES[10]],
            [ROLES[11]], [ROLES[12]], [ROLES[8]]],
    waktu=(122, 122),
)
