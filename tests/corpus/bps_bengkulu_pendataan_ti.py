"""SOP Pendataan Peralatan Teknologi Informasi di BPS Provinsi Bengkulu — Tim TI dan Pengembangan Inovasi.

Source: the signed PDF "046. SOP Pendataan Peralatan Teknologi Informasi Di BPS Provinsi
Bengkulu signed.pdf" in GitHub repository ocidserver/openSOP, path
``backend/static/sop/documents/it/``, fetched with the ``fetch`` tool; text read with
``pdftotext -layout``, the flowchart read from the page rendered with ``pdftoppm``.

Layout: the BPS identity page; No | Kegiatan | Pelaksana (PJK TIP, PJK TI, Anggota tim TIP) |
Mutu Baku | Keterangan. Quirks: the first symbol is a process box, not a terminator; waktu
typo "5 minit" and "40 jam"; the decision (step 6) has one labelled branch only, "Belum
benar", looping back to step 5, while the way on to step 7 carries no label.
"""
from __future__ import annotations

from corpus._bps import bps_identity
from corpus.builder import Arrow, Shape, Sheet, cells, rows
from corpus.facts import Expected

ROLES = ["PJK TIP", "PJK TI", "Anggota tim TIP"]

IDENTITY, IDENTITY_MERGES, TOP = bps_identity(
    last_col=9,
    tim="TIM TEKNOLOGI INFORMASI DAN PENGEMBANGAN INOVASI",
    identity=[("Nomor SOP", "SOP-046/17000/2025"), ("Tanggal Pembuatan", "8 Januari 2021"),
              ("Tanggal Revisi", "26 Mei 2025"), ("Tanggal Efektif", "2 Juni 2025"),
              ("Disahkan oleh", "Kepala BPS Provinsi Bengkulu")],
    signer="Ir. Win Rizal, M.E.\nNIP. 19660825 198802 1 001",
    nama="Pendataan Peralatan Teknologi Informasi Di BPS Provinsi Bengkulu",
    boxes=[("DASAR HUKUM :", "1. Undang-Undang Nomor 16 Tahun 1997 Tentang Statistik; (dst., 10 butir)",
            "KUALIFIKASI PELAKSANA :", "1. Pendidikan minimal SLTA, D3, maupun S1\n2. Mampu menjalankan "
                                      "tugas sebagai Teknisi Komputer Muda"),
           ("KETERKAITAN", "1. PJK terkait", "PERALATAN/ PERLENGKAPAN", "1. Handphone\n2. Alat Tulis\n3. "
                                                                        "Senter"),
           ("PERINGATAN", "", "PENCATATAN DAN PENDATAAN", "Formulir Pendataan Daring")],
)
H = TOP
S = H + 2
_ = None

MATRIX = Sheet(
    "SOP 046",
    cells=cells(
        IDENTITY,
        rows(f"A{H}", [["No", "Kegiatan", "Pelaksana", _, _, "Mutu Baku", _, _, "Keterangan"],
                       [_, _, *ROLES, "Kelengkapan", "Waktu", "Output"]]),
        rows(f"A{S}", [
            [1, "PJK TIP menginstruksikan kepada PJK TI untuk melakukan Pendataan Peralatan Teknologi "
                "Informasi", _, _, _, "Memo", "5 menit", "memo"],
            [2, "PJK TI mempersiapkan formulir daring pendataan alat TI", _, _, _,
             "Informasi analisis yang dibutuhkan", "2 jam", "formulir daring pendataan alat TI"],
            [3, "Petugas Pendataan melakukan pengecekan, identifikasi dan pencatatan setiap perangkat.",
             _, _, _,
             "Form administrasi jaringan dan harware", "40 jam", "Hasil pencatatan", "Tersedia buku panduan"],
            [4, "Melapor kepada PJK TI bahwa pekerjaan telah selesai", _, _, _, "Hasil pencatatan",
             "5 menit"],
            [5, "Membuat laporan kegiatan", _, _, _, "Catatan rangkaian kegiatan", "1 jam", "Laporan"],
            [6, "PJK TI memeriksa laporan", _, _, _, "Laporan", "5 minit", "Laporan"],
            [7, "Evaluasi laporan", _, _, _, "Laporan", "30 menit", "Laporan kerja"],
        ]),
    ),
    merges=[*IDENTITY_MERGES, f"A{H}:A{H + 1}", f"B{H}:B{H + 1}", f"C{H}:E{H}", f"F{H}:H{H}",
            f"I{H}:I{H + 1}"],
    shapes=[Shape(f"C{S}", "process"), Shape(f"D{S + 1}", "process"), Shape(f"E{S + 2}", "process"),
            Shape(f"D{S + 3}", "process"), Shape(f"E{S + 4}", "process"), Shape(f"D{S + 5}", "decision"),
            Shape(f"C{S + 6}", "terminator")],
    arrows=[Arrow(0, 1), Arrow(1, 2), Arrow(2, 3), Arrow(3, 4), Arrow(4, 5), Arrow(5, 4, "Belum benar"),
            Arrow(5, 6)],
    widths={"A": 5, "B": 30, "C": 16, "D": 16, "E": 16, "F": 20, "G": 10, "H": 16, "I": 16},
    heights={**{r: 40 for r in range(S, S + 7)}, S + 5: 60, S + 6: 60},
)

SHEETS = [MATRIX]

# Waktu: 5 menit + 2 jam + 40 jam + 5 menit + 1 jam + 5 menit ("5 minit") + 30 menit = 2625 menit.
EXPECTED = Expected(
    roles=ROLES,
    actors=[["PJK TIP"], ["PJK TI"], ["Anggota tim TIP"], ["PJK TI"], ["Anggota tim TIP"], ["PJK TI"],
            ["PJK TIP"]],
    decisions={6: ["Belum benar"]},
    waktu=(2625, 2625),
    nomor="SOP-046/17000/2025",
    nama="Pendataan Peralatan Teknologi Informasi Di BPS Provinsi Bengkulu",
)
