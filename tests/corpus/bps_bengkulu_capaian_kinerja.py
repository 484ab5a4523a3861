"""SOP Pengumpulan Data Capaian Kinerja 2025 — BPS Provinsi Bengkulu, Tim Bagian Umum.

Source: the signed PDF "012. SOP Pengumpulan Data Capaian Kinerja 2025 signed.pdf" in GitHub
repository ocidserver/openSOP, path ``backend/static/sop/documents/it/``, fetched with the
``fetch`` tool; text read with ``pdftotext -layout``, the flowchart read from the pages
rendered (and zoomed) with ``pdftoppm``.

Layout: identity with "Judul SOP" and "Kualifikasi Pelaksanaan"; No. | Uraian | Pelaksana (Tim
Kerja, Tim Sakip, a role header in small type "Tim Perencanaan, Penganggaran dan Pemantauan
Evaluasi" on five lines, Kepala) | Mutu Baku (**Sumber Data**, Waktu, Output) | Ket, a
"(1) … (10)" number row. Waktu as **ranges "1 – 20 Hari Kerja"** (an en dash). Fourteen steps
over two printed pages: the header is not repeated; the flow leaves page 2 through an off-page
connector under the table and enters page 3 through one above it, each in a row of its own.
Step 2 stacks a process box over a diamond in one cell; step 7 has four actors joined by a
dotted line.
"""
from __future__ import annotations

from corpus._bps import bps_identity
from corpus.builder import Arrow, Shape, Sheet, cells, rows
from corpus.facts import Expected

ROLES = ["Tim Kerja", "Tim Sakip", "Tim\nPerencanaan,\nPenganggaran\ndan\nPemantauan\nEvaluasi", "Kepala"]
R20 = "1 – 20 Hari\nKerja"
RTK = "Realisasi target tim kerja, Dokumen Sumber, FRA"

IDENTITY, IDENTITY_MERGES, TOP = bps_identity(
    last_col=10,
    tim="TIM BAGIAN UMUM",
    identity=[("Nomor SOP", "SOP-012/17000/2025"), ("Tanggal Pembuatan", "02 Juni 2025"),
              ("Tanggal Revisi", "-"),
              ("Tanggal Efektif", "02 Juni 2025"), ("Disahkan Oleh", "Kepala BPS Provinsi Bengkulu")],
    signer="Ir. Win Rizal M.E.\nNIP. 196608251988021001",
    nama="Pengumpulan Data Capaian Kinerja 2025",
    nama_label="Judul SOP",
    boxes=[("Dasar Hukum :", "1. Undang-Undang No 16 tahun 1997 tentang Statistik (dst.)",
            "Kualifikasi Pelaksanaan :", "1. Eselon II\n2. Eselon III / Fungsional Ahli Madya\n3. Tim Kerja\n"
                                        "4. Staf Pelaksana/ Fungsional Ter tentu\n5. Instansi Terkait"),
           ("Keterkaitan", "Renstra Reviu 2025-2029\nPerjanjian Kinerja (PK)\nLaporan Kinerja Instansi "
                           "Pemerintah (LKIP) Form Rencana Aksi (FRA)",
            "Peralatan/Perlengkapan :", "1. Komputer/Laptop\n2. Printer\n3. ATK\n4. Internet Line\n5. "
                                        "Stempel"),
           ("Peringatan :", "Kegiatan dilakukan sesuai POK 2025", "Pencatatan dan Pendataan :",
            "1. Melakukan pengumpulan data kinerja")],
)
H = TOP
S1 = H + 3  # steps 1-9
C2 = S1 + 9  # the off-page connector under page 2's table
C3 = C2 + 1  # the one above page 3's table
S2 = C3 + 1  # steps 10-14
_ = None

MATRIX = Sheet(
    "Capaian Kinerja",
    cells=cells(
        IDENTITY,
        rows(f"A{H}", [["No.", "Uraian", "Pelaksana", _, _, _, "Mutu Baku", _, _, "Ket"],
                       [_, _, *ROLES, "Sumber Data", "Waktu", "Output"],
                       [f"({n})" for n in range(1, 11)]]),
        rows(f"A{S1}", [
            [1, "Menyusun laporan data kinerja triwulanan per tim dalam tim/bagian", _, _, _, _,
             "Realisasi target tim kerja", R20, "Laporan data kinerja per tim/bagian (notulen rapat)"],
            [2, "Melakukan Reviu bersama laporan data kinerja triwulan per tim dalam tim/ bagian (jika "
                "terdapat "
                "revisi perbaikan, maka dikerjakan kembali oleh tim ybs)", _, _, _, _, RTK, R20,
             "Laporan data kinerja per tim (notulen rapat)"],
            [3, "Mengompilasi laporan data kinerja triwulan Tim/Bagian (PJ SAKIP Tim/Bagian) menjadi laporan "
                "tim/bagian", _, _, _, _, RTK, R20, "Draft Kertas Kerja FRA, (notulen rapat)"],
            [4, "Memverifikasi dan menyetujui laporan data kinerja (Form Rencana Aksi) triwulan tim/bagian",
             _, _, _, _, RTK, R20, "Kertas Kerja FRA"],
            [5, "Mengompilasi laporan data kinerja triwulan tim/bagian menjadi draft Laporan data kinerja "
                "triwulan Satker oleh Tim Perencana", _, _, _, _, RTK, R20, "Kertas Kerja FRA, Notulen FRA"],
            [6, "Menyampaikan draft laporan data kinerja triwulan ke kepala BPS Provinsi", _, _, _, _, RTK,
             R20,
             "Kertas Kerja FRA, Notulen FRA"],
            [7, "Melakukan rapat koordinasi dan evaluasi terintegrasi seluruh tim/bagian dalam rangka "
                "membahas "
                "laporan data kinerja triwulan per tim/bagian dan Satker secara keseluruhan", _, _, _, _, RTK,
             R20, "Kertas Kerja FRA, Notulen FRA"],
            [8, "Melakukan reviu atas Form Rencana Aksi (FRA) tim/bagian berdasarkan hasil pembahasan "
                "rapat.\n"
                "(revisi / perbaikan dilaksanakan saat reviu atas FRA oleh tim/bagian)", _, _, _, _, RTK, R20,
             "Kertas Kerja FRA, Notulen FRA"],
            [9, "Mengompilasi laporan data kinerja/FRA final satker oleh Tim Perencana dan melaporkan kepada "
                "eselon II (Kepala)", _, _, _, _, RTK, R20, "Kertas Kerja FRA, Notulen FRA"],
        ]),
        rows(f"A{S2}", [
            [10, "Meng-upload FRA triwulan ke dalam web monitoring BPS (monev.bps.go.id)", _, _, _, _,
             "Kertas Kerja FRA, Notulen FRA", R20, "Kertas Kerja FRA, Notulen FRA"],
            [11, "Penyusunan Laporan Kinerja Instansi Pemerintah (LKIP) Satker\n(Setelah FRA Triwulan 4 "
                 "berakhir "
                 "mulai disusun)", _, _, _, _, "Realisasi target tim kerja, Dokumen Sumber, FRA dan Notulen "
                                               "FRA",
             R20, "Draft LKIP"],
            [12, "Pemeriksaan Draft LKIP\n(Lakukan perbaikan jika terdapat koreksi)", _, _, _, _,
             "Realisasi target tim kerja, Dokumen Sumber, FRA  dan Notulen FRA", R20, "Draft LKIP"],
            [13, "Pengesahan LKIP oleh Kepala Satuan Kerja", _, _, _, _, "Draft LKIP", "1 – 10 Hari\nKerja",
             "LKIP"],
            [14, "Upload LKIP ke website PPID", _, _, _, _, "LKIP Final", "1 Hari Kerja",
             "LKIP dapat diakses publik"],
        ]),
    ),
    merges=[*IDENTITY_MERGES, f"A{H}:A{H + 1}", f"B{H}:B{H + 1}", f"C{H}:F{H}", f"G{H}:I{H}",
            f"J{H}:J{H + 1}"],
    shapes=[Shape(f"C{S1}", "terminator"), Shape(f"C{S1 + 1}", "process", part="top"),
            Shape(f"C{S1 + 1}", "decision", part="bottom"), Shape(f"C{S1 + 2}", "process"),
            Shape(f"D{S1 + 3}", "process"), Shape(f"E{S1 + 4}", "process"), Shape(f"F{S1 + 5}", "process"),
            Shape(f"C{S1 + 6}", "process"), Shape(f"D{S1 + 6}", "process"), Shape(f"E{S1 + 6}", "process"),
            Shape(f"F{S1 + 6}", "process"), Shape(f"C{S1 + 7}", "process"), Shape(f"E{S1 + 8}", "process"),
            Shape(f"F{S1 + 8}", "process"), Shape(f"F{C2}", "pentagon"), Shape(f"E{C3}", "pentagon"),
            Shape(f"E{S2}", "process"), Shape(f"E{S2 + 1}", "process"), Shape(f"D{S2 + 2}", "decision"),
            Shape(f"F{S2 + 3}", "process"), Shape(f"E{S2 + 4}", "terminator")],
    arrows=[Arrow(0, 1), Arrow(1, 2), Arrow(2, 0, "Tidak"), Arrow(2, 3, "Ya"), Arrow(3, 4), Arrow(4, 5),
            Arrow(5, 6), Arrow(6, 10), Arrow(10, 11), Arrow(10, 12), Arrow(12, 13), Arrow(13, 14),
            Arrow(15, 16),
            Arrow(16, 17), Arrow(17, 18), Arrow(18, 17, "Tidak"), Arrow(18, 19, "Ya"), Arrow(19, 20)],
    widths={"A": 5, "B": 34, "C": 12, "D": 12, "E": 12, "F": 12, "G": 18, "H": 11, "I": 18, "J": 6},
    heights={**{r: 55 for r in range(S1, S1 + 9)}, **{r: 45 for r in range(S2, S2 + 5)}, S1 + 1: 75},
)

SHEETS = [MATRIX]

# Waktu ranges: steps 1-12 "1 – 20 Hari Kerja", step 13 "1 – 10", step 14 "1 Hari Kerja":
# min 12 + 1 + 1 = 14 hari (6300 menit), max 240 + 10 + 1 = 251 hari (112950 menit), 450 menit a day.
EXPECTED = Expected(
    roles=ROLES,
    actors=[["Tim Kerja"], ["Tim Kerja"], ["Tim Kerja"], ["Tim Sakip"], [ROLES[2]], ["Kepala"],
            ["Tim Kerja", "Tim Sakip", ROLES[2], "Kepala"], ["Tim Kerja"], [ROLES[2], "Kepala"], [ROLES[2]],
            [ROLES[2]], ["Tim Sakip"], ["Kepala"], [ROLES[2]]],
    decisions={2: ["Ya", "Tidak"], 12: ["Ya", "Tidak"]},
    waktu=(6300, 112950),
    nomor="SOP-012/17000/2025",
    nama="Pengumpulan Data Capaian Kinerja 2025",
)
