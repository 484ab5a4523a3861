"""SOP Alur Barang BMN dengan Cara Transfer Masuk — BPS Provinsi Bengkulu, Tim Bagian Umum.

Source: the signed PDF "007. SOP Alur Barang  BMN dengan Cara Transfer Masuk signed.pdf" in
GitHub repository ocidserver/openSOP, path ``backend/static/sop/documents/it/``, fetched with
the ``fetch`` tool; text read with ``pdftotext -layout``, the flowchart read from the page
rendered with ``pdftoppm``.

Layout: "TGL." identity labels, and **two numbers in the Nomor SOP value** (the 2022 number
"SOP-003/08/2022" above the 2025 one, on two lines of one cell). The matrix: NO | Aktivitas |
Pelaksana (Kepala BPS Provinsi, Kabag Umum, "Sub Koordinato r Fungsi Umum" broken mid-word
by the cell width, Staf, Operator) | Mutu Baku with **no Kelengkapan**: Output | Waktu | Ket,
the Ket column inside the Mutu Baku group. The page number "- 2 -" is printed above the
table. Step 1 has no waktu; step 3 has two actors; output typo "Apporoval".
"""
from __future__ import annotations

from corpus._bps import bps_identity
from corpus.builder import Arrow, Shape, Sheet, cells, rows
from corpus.facts import Expected

ROLES = ["Kepala\nBPS\nProvinsi", "Kabag\nUmum", "Sub\nKoordinato\nr Fungsi\nUmum", "Staf", "Operator"]

IDENTITY, IDENTITY_MERGES, TOP = bps_identity(
    last_col=10,
    tim="TIM BAGIAN UMUM",
    identity=[("NOMOR SOP", "SOP-003/08/2022\nSOP-007/17000/2025"), ("TGL. PEMBUATAN", "25 Juli 2022"),
              ("TGL. REVISI", "02 Juni 2025"), ("TGL. EFEKTIF", "02 Juni 2025"),
              ("DISAHKAN OLEH", "Kepala BPS Provinsi Bengkulu")],
    signer="Ir. Win Rizal, M.E",
    nama="Alur Barang BMN Dengan Cara\nTransfer Masuk",
    nama_label="NAMA SOP",
    boxes=[("DASAR HUKUM", "1. Undang-undang Republik Indonesia Nomor 17 Tahun 2003 tentang Keuangan Negara "
                           "(dst., 10 butir)",
            "KUALIFIKASI PELAKSANA", "1. Memahami peraturan terkait penatausahaan barang BMN\n2. Memiliki "
                                    "kemampuan dalam penatausahaan barang BMN\n3. Memahami dan mampu "
                                    "mengoperasionalkan PC/Laptop"),
           ("KETERKAITAN", "     -", "PERALATAN/PERLENGKAPAN", "1. PC/Laptop\n2. Alat Tulis Kantor\n3. Tabel "
                                                             "Referensi Kode Barang BMN\n4. Jaringan "
                                                             "Internet"),
           ("PERINGATAN", "Jika SOP tersebut tidak dilaksanakan, maka pelaksanaan pengelolaan barang BMN "
                          "tidak "
                          "berjalan dengan baik …", "PENCATATAN DAN PENDATAAN",
            "Pencatatan Barang pada Aplikasi SAKTI Modul Aset Tetap")],
)
P = TOP
H = P + 1
S = H + 2
_ = None

MATRIX = Sheet(
    "Transfer Masuk",
    cells=cells(
        IDENTITY,
        {f"E{P}": "- 2 -"},
        rows(f"A{H}", [["NO", "Aktivitas", "Pelaksana", _, _, _, _, "Mutu Baku"],
                       [_, _, *ROLES, "Output", "Waktu", "Ket"]]),
        rows(f"A{S}", [
            [1, "Kepala BPS Provinsi menerima BAST BMN Transfer Masuk yang berasal dari Satker BPS",
             _, _, _, _, _, "Surat Masuk"],
            [2, "Kepala BPS membuat disposisi agar BMN dapat dimasukkan kedalam pembukuan BMN ke kepala "
                "bagian "
                "umum berupa :\n-      Nota Dinas", _, _, _, _, _, "Nota Dinas", "10 Menit"],
            [3, "Kepala Bagian Umum memerintahkan ke sub koordinator fungsi umum. Sub Koordinator fungsi "
                "umum "
                "dibantu staf dan atau operator SAKTI melakukan pemeriksaan BMN dan memeriksa kelengkapan "
                "dokumen (BAST) yang telah diterima", _, _, _, _, _, "Dokumen BMN, BAST", "20 Menit"],
            [4, "Sub koordinator fungsi umum memerintahkan Operator Sakti untuk menerima detail BMN yang "
                "ditransfer", _, _, _, _, _, "Aplikasi SAKTI", "20 Menit"],
            [5, "Operator Sakti melaporkan BMN yang sudah di transfer online ke sub koordinator fungsi umum, "
                "kemudian sub koordinator fungsi umum melakukan validasi", _, _, _, _, _, "Validator",
             "20 Menit"],
            [6, "Setelah Data BMN tersebut di Validasi kemudian Kepala Bagian Umum selaku Approval melakukan "
                "Approve", _, _, _, _, _, "Apporoval", "20 Menit"],
        ]),
    ),
    merges=[*IDENTITY_MERGES, f"A{H}:A{H + 1}", f"B{H}:B{H + 1}", f"C{H}:G{H}", f"H{H}:J{H}"],
    shapes=[Shape(f"C{S}", "terminator"), Shape(f"D{S + 1}", "process"), Shape(f"E{S + 2}", "process"),
            Shape(f"F{S + 2}", "process"), Shape(f"G{S + 3}", "process"), Shape(f"E{S + 4}", "process"),
            Shape(f"D{S + 5}", "terminator")],
    arrows=[Arrow(0, 1), Arrow(1, 2), Arrow(2, 3), Arrow(3, 4), Arrow(4, 5), Arrow(5, 6)],
    widths={"A": 5, "B": 40, "C": 11, "D": 11, "E": 11, "F": 11, "G": 11, "H": 16, "I": 10, "J": 8},
    heights={r: 55 for r in range(S, S + 6)},
)

SHEETS = [MATRIX]

# Waktu: 10 + 20 + 20 + 20 + 20 menit = 90 menit (step 1 states none). The Nomor is the value
# as written, both numbers: which one is current is for the reader to report, not to guess.
EXPECTED = Expected(
    roles=ROLES,
    actors=[[ROLES[0]], [ROLES[1]], [ROLES[2], "Staf"], ["Operator"], [ROLES[2]], [ROLES[1]]],
    waktu=(90, 90),
    nomor="SOP-003/08/2022\nSOP-007/17000/2025",
    nama="Alur Barang BMN Dengan Cara Transfer Masuk",
)
