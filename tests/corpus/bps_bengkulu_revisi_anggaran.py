"""SOP Revisi Anggaran — BPS Provinsi Bengkulu, Tim Bagian Umum.

Source: the signed PDF "011. SOP REVISI ANGGARAN 2025 signed.pdf" in GitHub repository
ocidserver/openSOP, path ``backend/static/sop/documents/it/``, fetched with the ``fetch``
tool; text read with ``pdftotext -layout``, the flowchart read from the page rendered (and
zoomed) with ``pdftoppm``.

Layout: identity with "Judul SOP" instead of "Nama SOP" and "Kualifikasi Pelaksanaan"; the
matrix under its own title row "SOP REVISI ANGGARAN": No. | Uraian | PELAKSANA (Ketua Tim
Kerja, Tim Perencanaan, Penganggaran dan Evaluasi, PPK, Admin Anggaran, KPA) | Mutu Baku
("Sumber Data" in place of Kelengkapan, "Waktu (Dalam Periode revisi)", Output) | Ket, with a
"(1) (2) … (11)" column-number row. Step 1's waktu is a deadline ("Sebelum periode revisi
bulan berjalan"), the others "1 Hari". Drawn symbols: three decisions (PPK, Admin Anggaran,
KPA) each sending "Tidak" back to step 1 and "Ya" on; step 11 has two actors and the last step
three terminators side by side.
"""
from __future__ import annotations

from corpus._bps import bps_identity
from corpus.builder import Arrow, Shape, Sheet, cells, rows
from corpus.facts import Expected

ROLES = ["Ketua\nTim\nKerja", "Tim\nPerencanaan,\nPenganggaran\ndan Evaluasi", "PPK", "Admin\nAnggaran",
"KPA"]

IDENTITY, IDENTITY_MERGES, TOP = bps_identity(
    last_col=11,
    tim="TIM BAGIAN UMUM",
    identity=[("Nomor SOP", "SOP-011/17000/2025"), ("Tanggal Pembuatan", "02 Juni 2025"),
              ("Tanggal Revisi", "-"), ("Tanggal Efektif", "02 Juni 2025"),
              ("Disahkan Oleh", "Kepala BPS Provinsi Bengkulu")],
    signer="Ir. Win Rizal M.E.\nNIP. 196608251988021001",
    nama="REVISI ANGGARAN",
    nama_label="Judul SOP",
    boxes=[("Dasar Hukum :", "1. Undang-Undang Nomor 16 Tahun 1997 tentang Statistik (dst., 3 butir)",
            "Kualifikasi Pelaksanaan :", "1. Eselon II\n2. Eselon III / Fungsional Ahli Madya\n3. Tim Kerja\n"
                                        "4. Staf Pelaksana/ Fungsional Ter tentu\n5. Instansi Terkait"),
           ("Keterkaitan", "Revisi Anggaran\nSBM 2025\nStandar Biaya Kegiatan Statistik (SBKS) 2025",
            "Peralatan/Perlengkapan :", "1. Komputer/Laptop\n2. Microsoft Excel\n3. Printer\n4. Kertas\n"
                                       "5. Aplikasi BOS\n6. Aplikasi Sakti"),
           ("Peringatan :", "Kegiatan dilakukan sesuai PMK, SBM, dan SBKS 2025", "Pencatatan dan Pendataan :",
            "I. Melakukan Revisi di Aplikasi Back Office Selindo (BOS) dan Aplikasi SAKTI")],
)
T = TOP  # the matrix's title row
H = T + 2
S = H + 3
_ = None

MATRIX = Sheet(
    "Revisi Anggaran",
    cells=cells(
        IDENTITY,
        {f"A{T}": "SOP REVISI ANGGARAN"},
        rows(f"A{H}", [["No.", "Uraian", "PELAKSANA", _, _, _, _, "Mutu Baku", _, _, "Ket"],
                       [_, _, *ROLES, "Sumber Data", "Waktu (Dalam\nPeriode revisi)", "Output"],
                       [f"({n})" for n in range(1, 12)]]),
        rows(f"A{S}", [
            [1, "Menyusun matrik revisi", _, _, _, _, _, "POK dan Realisasi Anggaran",
             "Sebelum periode revisi bulan berjalan", "Matriks usulan perubahan anggaran Tim Kerja"],
            [2, "Menginput usulan revisi melalui Sistem Backoffice Selindo (BOS)", _, _, _, _, _,
             "Aplikasi BOS, Matrik Revisi", "1 Hari", "Usulan revisi pada BOS"],
            [3, "Mengirim usulan revisi ke PPK", _, _, _, _, _, "Aplikasi BOS", "1 Hari",
             "Usulan revisi terinput pada BOS"],
            [4, "Memeriksa/menguji/ dan menyetujui usulan revisi", _, _, _, _, _, "Aplikasi BOS", "1 Hari",
             "Usulan revisi yang diperiksa"],
            [5, "Memvalidasi perubahan yang diusulkan apakah sudah sesuai dengan aturan yang berlaku",
             _, _, _, _, _, "Aplikasi BOS, PMK, SBM, Bagan Akun Standar", "1 Hari", "Validasi usulan revisi"],
            [6, "Persetujuan", _, _, _, _, _, "Aplikasi BOS", "1 Hari", "Validasi usulan revisi"],
            [7, "Rekomendasi Kepada KPA", _, _, _, _, _, "Aplikasi BOS", "1 Hari", "Rekomendasi revisi"],
            [8, "Persetujuan", _, _, _, _, _, "Aplikasi BOS", "1 Hari", "Approval revisi"],
            [9, "Proses (input, validasi, backup) data perubahan anggaran pada aplikasi SAKTI", _, _, _, _, _,
             "Aplikasi SAKTI", "2 Hari", "Revisi tersedia pada Aplikasi SAKTI"],
            [10, "Mencetak hasil revisi dan melaporkan kepada KPA dan PPK untuk dilegalisasi", _, _, _, _, _,
             "Aplikasi SAKTI", "1 Hari", "Hasil revisi SAKTI"],
            [11, "Menyetujui dan melegalisasi hasil revisi di SAKTI", _, _, _, _, _, "Aplikasi SAKTI", "1 "
                                                                                                       "Hari",
             "Revisi Terverifikasi"],
            [12, "Menerima Daftar Hasil Revisi", _, _, _, _, _, "Aplikasi SAKTI,\nAplikasi BOS", "1 Hari",
             "Hasil Revisi siap digunakan"],
        ]),
    ),
    merges=[*IDENTITY_MERGES, f"A{T}:K{T}", f"A{H}:A{H + 1}", f"B{H}:B{H + 1}", f"C{H}:G{H}", f"H{H}:J{H}",
            f"K{H}:K{H + 1}"],
    shapes=[Shape(f"C{S}", "terminator"), Shape(f"D{S + 1}", "process"), Shape(f"D{S + 2}", "process"),
            Shape(f"E{S + 3}", "decision"), Shape(f"F{S + 4}", "process"), Shape(f"F{S + 5}", "decision"),
            Shape(f"F{S + 6}", "process"), Shape(f"G{S + 7}", "decision"), Shape(f"F{S + 8}", "process"),
            Shape(f"F{S + 9}", "process"), Shape(f"E{S + 10}", "process"), Shape(f"G{S + 10}", "process"),
            Shape(f"F{S + 11}", "terminator"), Shape(f"D{S + 11}", "terminator"),
            Shape(f"C{S + 11}", "terminator")],
    arrows=[Arrow(0, 1), Arrow(1, 2), Arrow(2, 3), Arrow(3, 0, "Tidak"), Arrow(3, 4, "Ya"), Arrow(4, 5),
            Arrow(5, 0, "Tidak"), Arrow(5, 6, "Ya"), Arrow(6, 7), Arrow(7, 0, "Tidak"), Arrow(7, 8, "Ya"),
            Arrow(8, 9), Arrow(9, 10), Arrow(10, 11), Arrow(11, 12), Arrow(12, 13), Arrow(13, 14)],
    widths={"A": 5, "B": 30, "C": 10, "D": 14, "E": 10, "F": 12, "G": 10, "H": 20, "I": 16, "J": 16, "K": 6},
    heights={r: 40 for r in range(S, S + 12)},
)

SHEETS = [MATRIX]

# Waktu: steps 2-12 are "1 Hari" each except step 9 "2 Hari": 12 hari kerja x 450 = 5400 menit.
# Step 1's "Sebelum periode revisi bulan berjalan" is a deadline, not a duration.
EXPECTED = Expected(
    roles=ROLES,
    actors=[[ROLES[0]], [ROLES[1]], [ROLES[1]], ["PPK"], [ROLES[3]], [ROLES[3]], [ROLES[3]], ["KPA"],
            [ROLES[3]], [ROLES[3]], ["PPK", "KPA"], [ROLES[0], ROLES[1], ROLES[3]]],
    decisions={4: ["Ya", "Tidak"], 6: ["Ya", "Tidak"], 8: ["Ya", "Tidak"]},
    waktu=(5400, 5400),
    nomor="SOP-011/17000/2025",
    nama="REVISI ANGGARAN",
)
