"""SOP Pengajuan LS ke KPPN — BPS Provinsi Bengkulu, Tim Bagian Umum (keuangan).

Source: the signed PDF "028. SOP Pengajuan LS ke KPPN signed.pdf" in GitHub repository
ocidserver/openSOP, path ``backend/static/sop/documents/administrative/``, fetched with the
``fetch`` tool; text read with ``pdftotext -layout``, the flowchart read from the page
rendered with ``pdftoppm``.

Layout: the BPS identity page ("Disahkan Oleh" the full unit name on two lines); the matrix
No | Aktivitas | Pelaksana (Penyedia, Operator, PPK, PPSPM, KPPN) | Mutu Baku
("Persyaratan/ Perlengkapan", Waktu, Output, and Keterangan under the same Mutu Baku group,
not as a column of its own). Waktu "6 hari", "1 jam", "15 menit". Drawn symbols: the first
and last steps stack two symbols in one cell (terminator over a process box, and a process
box over a terminator); two decisions are diamonds with "Setuju ?" typed inside and "Ya" /
"Tidak" labels on the arrows.
"""
from __future__ import annotations

from corpus._bps import bps_identity
from corpus.builder import Arrow, Shape, Sheet, cells, rows
from corpus.facts import Expected

ROLES = ["Penyedia", "Operator", "PPK", "PPSPM", "KPPN"]

IDENTITY, IDENTITY_MERGES, TOP = bps_identity(
    last_col=11,
    tim="TIM BAGIAN UMUM",
    identity=[("Nomor SOP", "SOP-028/17000/2025"), ("Tanggal Pembuatan", "3 Januari 2022"),
              ("Tanggal Revisi", "2 Juni 2025"), ("Tanggal Efektif", "2 Juni 2025"),
              ("Disahkan Oleh", "Kepala Badan Pusat Statistik\nProvinsi Bengkulu")],
    signer="Ir. Win Rizal, M.E.\nNIP. 19660825 198802 1 001",
    nama="PENGAJUAN LS KE KPPN",
    boxes=[("DASAR HUKUM:", "PMK No. 210/PMK.05/2022 Tentang Tata Cara Pembayaran Dalam Rangka Pelaksanaan "
                            "Anggaran Pendapatan dan Belanja Negara",
            "KUALIFIKASI PELAKSANA:", "Pegawai dengan pendidikan minimal DIII\nPegawai yang mengelola "
                                     "administrasi keuangan"),
           ("KETERKAITAN", "", "PERALATAN/PERLENGKAPAN", "1. Komputer\n2. Printer\n3. Internet\n4. Aplikasi "
                                                         "SAKTI"),
           ("PERINGATAN", "Lama waktu proses pengajuan SPM LS ke KPPN maksimal 17 hari kerja, jika terlambat "
                          "KPA harus mengajukan dispensasi atas keterlambatan",
            "PENCATATAN DAN PENDATAAN", "1. Kontrak/SPK yang mencantumkan nonor rekening rekanan\n2. Surat "
                                       "Pernyataan Kuasa PA mengenai penetapan Rekanan\n3. Berita Acara "
                                       "Penyelesaian Pekerjaan")],
)
H = TOP
S = H + 2
_ = None

MATRIX = Sheet(
    "SOP 028",
    cells=cells(
        IDENTITY,
        rows(f"A{H}", [["No", "Aktivitas", "Pelaksana", _, _, _, _, "Mutu Baku"],
                       [_, _, *ROLES, "Persyaratan/\nPerlengkapan", "Waktu", "Output", "Keterangan"]]),
        rows(f"A{S}", [
            [1, "Mengajukan Tagihan dan Dokumen Pendukung Yang Lengkap", _, _, _, _, _,
             "Dokumen Kontrak/SPK/ Surat Perjanjian", "6 hari", "Dokumen Kontrak yang lengkap"],
            [2, "Menginput Data Kontrak/SPK/Surat Perjanjian", _, _, _, _, _, "Karwas dan ADK Kontrak", "1 "
                                                                                                        "jam",
             "Karwas kontrak"],
            [3, "Melakukan Pengujian Data Kontrak/ SPK/Surat Perjanjian", _, _, _, _, _,
             "Karwas Kontrak, Faktur, dan ADK", "2 jam", "Dokumen kontrak yang sudah divalidasi PPK"],
            [4, "Membuat SPP dan SPM", _, _, _, _, _, "Karwas Kontrak, Faktur, SPP, dan ADK", "1 jam",
             "SPP untuk diajukan ke PPSPM"],
            [5, "Menyetujui SPP", _, _, _, _, _, "Karwas Kontrak, Faktur, SPP, dan ADK", "15 menit",
             "SPP yang telah disetujui untuk ke PPSPM"],
            [6, "Menyetujui SPM", _, _, _, _, _, "SPP dan ADK SPM", "10 menit", "SPM yang telah disetujui"],
            [7, "Persetujuan SP2D dari KPPN", _, _, _, _, _, "SP2D", "1 hari", "Terbitnya SP2D"],
            [8, "Pembayaran dana kepada penyedia oleh KPPN", _, _, _, _, _, "Bukti Bayar", "1 hari",
             "Diterimanya dana oleh penyedia"],
        ]),
    ),
    merges=[*IDENTITY_MERGES, f"A{H}:A{H + 1}", f"B{H}:B{H + 1}", f"C{H}:G{H}", f"H{H}:K{H}"],
    shapes=[Shape(f"C{S}", "terminator", part="top"), Shape(f"C{S}", "process", part="bottom"),
            Shape(f"D{S + 1}", "process"), Shape(f"E{S + 2}", "process"), Shape(f"D{S + 3}", "process"),
            Shape(f"E{S + 4}", "decision", "Setuju\n?"), Shape(f"F{S + 5}", "decision", "Setuju\n?"),
            Shape(f"G{S + 6}", "process"), Shape(f"C{S + 7}", "process", part="top"),
            Shape(f"C{S + 7}", "terminator", part="bottom")],
    arrows=[Arrow(0, 1), Arrow(1, 2), Arrow(2, 3), Arrow(3, 4), Arrow(4, 5), Arrow(5, 3, "Tidak"),
            Arrow(5, 6, "Ya"), Arrow(6, 5, "Tidak"), Arrow(6, 7, "Ya"), Arrow(7, 8), Arrow(8, 9)],
    widths={"A": 5, "B": 30, "C": 12, "D": 12, "E": 12, "F": 12, "G": 12, "H": 16, "I": 9, "J": 20, "K": 14},
    heights={r: 48 for r in range(S, S + 8)},
)

SHEETS = [MATRIX]

# Waktu: 6 hari (2700) + 1 jam + 2 jam + 1 jam + 15 menit + 10 menit + 1 hari (450) + 1 hari (450)
# = 3865 menit (1 hari kerja = 7.5 jam).
EXPECTED = Expected(
    roles=ROLES,
    actors=[["Penyedia"], ["Operator"], ["PPK"], ["Operator"], ["PPK"], ["PPSPM"], ["KPPN"], ["Penyedia"]],
    decisions={5: ["Ya", "Tidak"], 6: ["Ya", "Tidak"]},
    waktu=(3865, 3865),
    nomor="SOP-028/17000/2025",
    nama="PENGAJUAN LS KE KPPN",
)
