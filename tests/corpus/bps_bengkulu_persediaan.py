"""SOP Proses Umum Penatausahaan Persediaan — BPS Provinsi Bengkulu, Tim Bagian Umum.

Source: the signed PDF "001. SOP Proses Umum Penatausahaan Persediaan signed.pdf" in GitHub
repository ocidserver/openSOP, path ``backend/static/sop/documents/it/``, fetched with the
``fetch`` tool; text read with ``pdftotext -layout``, the flowchart read from the pages
rendered with ``pdftoppm``.

Layout: identity labels "NOMOR SOP", "TGL. PEMBUATAN", "TGL. REVISI", "TGL. EFEKTIF"; the
matrix No. | Kegiatan | Pelaksana (Biro Umum/Bagian Umum/Subbag Umum, Pejabat Pembuat
Komitmen (PPK), "Operator/Approver SAKTI Modul Persediaan") | Mutu Baku | Ket., a "1 … 9"
column-number row; 17 steps over two printed pages, each page headed by its number ("- 2 -",
"-3-") and the whole header with the number row repeated. Waktu mixes "10 hari", "1 minggu",
"2 jam", "15 menit" and one non-duration ("Sesuai masa kontrak"). An off-page connector closes
page 2 under step 9's box and opens page 3 above step 10's box; steps 7, 10 and 14 have two
actors.
Kelengkapan and Output lists kept, Keterangan ("SOP …") as written.
"""
from __future__ import annotations

from corpus._bps import bps_identity
from corpus.builder import Arrow, Shape, Sheet, cells, rows
from corpus.facts import Expected

ROLES = ["Biro Umum/Bagian\nUmum/Subbag Umum", "Pejabat Pembuat\nKomitmen (PPK)",
         "Operator/Approver\nSAKTI Modul\nPersediaan"]

IDENTITY, IDENTITY_MERGES, TOP = bps_identity(
    last_col=9,
    tim="TIM BAGIAN UMUM",
    identity=[("NOMOR SOP", "SOP-001/17000/2025"), ("TGL. PEMBUATAN", "25 Juli 2022"),
              ("TGL. REVISI", "02 Juni 2025"), ("TGL. EFEKTIF", "02 Juni 2025"),
              ("DISAHKAN OLEH", "Kepala BPS Provinsi Bengkulu")],
    signer="Ir. Win Rizal, M.E",
    nama="Proses Umum Penatausahaan Persediaan",
    nama_label="NAMA SOP",
    boxes=[("DASAR HUKUM", "1. Undang-undang Republik Indonesia Nomor 17 Tahun 2003 tentang Keuangan Negara "
                           "(dst., 12 butir)",
            "KUALIFIKASI PELAKSANA", "1. Memahami peraturan terkait penatausahaan barang persediaan (dst., 5 "
                                    "butir)"),
           ("KETERKAITAN", "1. SOP Proses Utama Pengadaan Barang/Jasa (dst., 5 butir)",
           "PERALATAN/PERLENGKAPAN",
            "1. PC/Laptop\n2. Alat Tulis Kantor (ATK)\n3. Jaringan Internet\n4. Kartu Kendali Barang "
            "Persediaan\n"
            "5. Filling Cabinet"),
           ("PERINGATAN", "Jika SOP tersebut tidak dilaksanakan, maka pelaksanaan pengelolaan barang "
                          "persediaan "
                          "tidak berjalan dengan baik …", "PENCATATAN DAN PENDATAAN",
            "Pencatatan Barang Persediaan pada Kartu Kendali Barang Persediaan dan Aplikasi SAKTI Modul "
            "Persediaan")],
)
_ = None
HEADER = [["No.", "Kegiatan", "Pelaksana", _, _, "Mutu Baku", _, _, "Ket."],
          [_, _, *ROLES, "Kelengkapan", "Waktu", "Output"],
          list(range(1, 10))]
P2 = TOP + 1
S1 = P2 + 4
P3 = S1 + 10
S2 = P3 + 4
KTL = "1. Kartu Kendali Barang Persediaan\n2. ATK\n3. PC/Laptop\n4. Jaringan internet"
KARTU = "Data barang pada Kartu Kendali Barang Persediaan dan Aplikasi SAKTI terupdate"
PENGADAAN = "SOP Proses Utama Pengadaan Barang/Jasa"
MASUK = "SOP Alur Barang Persediaan Masuk Dengan Cara Pembelian"
KELUAR = "SOP Alur Barang Persediaan Keluar Dengan Cara Pemakaian"
LAPOR = "SOP Alur Pelaporan Barang Persediaan"
BAST = "Salinan BAST/Kwitansi/Faktur/ Invoice"


def _header_merges(top: int) -> list[str]:
    return [f"A{top}:A{top + 1}", f"B{top}:B{top + 1}", f"C{top}:E{top}", f"F{top}:H{top}",
            f"I{top}:I{top + 1}"]


MATRIX = Sheet(
    "Persediaan",
    cells=cells(
        IDENTITY,
        {f"D{P2}": "- 2 -"},
        rows(f"A{P2 + 1}", HEADER),
        rows(f"A{S1}", [
            [1, "Membuat matriks/daftar kebutuhan barang persediaan berupa ATK/bahan cetakan/Computer "
                "Supplies",
             _, _, _, "1. Data persediaan terakhir\n2. Data pemakaian tahun lalu\n3. Rencana kebutuhan "
                      "barang "
                      "dari subject matter", "10 hari", "Matriks Kebutuhan Barang", PENGADAAN],
            [2, "Melaksanakan perencanaan pengadaan barang persediaan", _, _, _, "1. Renja K/L\n2. RKA "
                                                                                 "KL\n3. DIPA",
             "60 hari", "1. Draft Spesifkasi Teknis/KAK\n2. HPS/RAB\n3. Jadwal\n4. RUP", PENGADAAN],
            [3, "Melaksanakan pengadaan barang persediaan", _, _, _,
             "1. Draft Spesifkasi Teknis/KAK\n2. HPS/RAB\n3. Jadwal\n4. RUP", "Sesuai masa kontrak",
             "1. SPPBJ\n2. Kontrak\n3. Pelaksanaan Pekerjaan\n4. BAST", PENGADAAN],
            [4, "Menerima hasil pekerjaan pengadaan barang persediaan", _, _, _, BAST, "1 hari",
             "Hasil pekerjaan/ barang diterima", PENGADAAN],
            [5, "Menyerahkan BAST Hasil Pekerjaan/Kwitansi/Faktur/Invoice pengadaan barang "
                "persediaan/dokumen "
                "bukti pengadaan lainnya", _, _, _, BAST, "10 menit", "Arsip Salinan BAST/ Kwitansi/Faktur/ "
                                                                      "Invoice",
             MASUK],
            [6, "Menerima dan menyimpan barang persediaan yang diperoleh dengan cara pengadaan", _, _, _,
             BAST,
             "1 hari", "Barang tersimpan", MASUK],
            [7, "Mencatat barang persediaan masuk di Kartu Kendali Barang Persediaan dan Aplikasi SAKTI "
                "Modul "
                "Persediaan", _, _, _, BAST, "2 jam", KARTU, MASUK],
            [8, "Mempersiapkan barang persedaan sesuai dengan bon permintaan barang persediaan yang telah "
                "disetujui", _, _, _, "Bon Permintaan Barang", "15 menit", "Barang sesuai permintaan yang di "
                                                                           "setujui",
             KELUAR],
            [9, "Menyerahkan barang dan salinan bon permintaan barang yang sudah disetujui pihak terkait "
                "sebagai "
                "bukti serah terima barang", _, _, _, "1. Permintaan barang yang disetujui\n2. Salinan Bon "
                                                    "Permintaan Barang", "10 menit",
             "1. Barang terdistribusi\n2. Arsip Bon Permintaan Barang", KELUAR],
        ]),
        {f"D{P3}": "-3-"},
        rows(f"A{P3 + 1}", HEADER),
        rows(f"A{S2}", [
            [10, "Mencatat barang persediaan keluar pada Kartu Kendali Barang Persediaan dan Aplikasi SAKTI "
                 "Modul Persediaan", _, _, _, KTL, "1 jam", KARTU, KELUAR],
            [11, "Mencatat seluruh transaksi keluar masuk barang persediaan lainnya", _, _, _, KTL,
             "2 jam", KARTU,
             LAPOR],
            [12, "Melakukan opname fisik pada setiap akhir periode pelaporan", _, _, _,
             "1. Dokumen Bahan Opname Fisik\n2. ATK", "1 minggu",
             "Dokumen Bahan Opname Fisik yang sudah terisi stok terakhir gudang", LAPOR],
            [13, "Membuat Berita Acara Opname Fisik", _, _, _, "1. Dokumen Bahan Opname Fisik\n2. PC/Laptop",
             "1 hari", "Berita Acara Opname Fisik", LAPOR],
            [14, "Mencatat hasil opname fisik pada Kartu Kendali Barang Persediaan dan Aplikasi SAKTI Modul "
                 "Persediaan", _, _, _, KTL, "1 jam", KARTU, LAPOR],
            [15, "Melakukan tutup periode pelaporan pada Aplikasi SAKTI Modul Persediaan", _, _, _,
             "1. PC/Laptop\n2. Jaringan internet", "10 menit", "Saldo akhir (periode balance) persediaan per "
                                                               "periode",
             LAPOR],
            [16, "Melakukan penyusunan Laporan Persediaan", _, _, _,
             "1. PC/Laptop\n2. Jaringan internet", "1 hari",
             "Laporan Persediaan yang disertai Berita Acara Opname Fisik", LAPOR],
            [17, "Mengarsipkan Laporan Persediaan, Berita Acara Opname Fisik, dan dokumen pendukung keluar "
                 "masuk "
                 "barang persediaan", _, _, _, "1. Filling Cabinet\n2. PC/Laptop", "10 menit",
             "Arsip Laporan Persediaan, Berita Acara Opname Fisik, dan Dokumen Pendukung", LAPOR],
        ]),
    ),
    merges=[*IDENTITY_MERGES, *_header_merges(P2 + 1), *_header_merges(P3 + 1)],
    shapes=[Shape(f"C{S1}", "terminator"), Shape(f"D{S1 + 1}", "process"), Shape(f"D{S1 + 2}", "process"),
            Shape(f"D{S1 + 3}", "process"), Shape(f"D{S1 + 4}", "process"), Shape(f"C{S1 + 5}", "process"),
            Shape(f"C{S1 + 6}", "process"), Shape(f"E{S1 + 6}", "process"), Shape(f"C{S1 + 7}", "process"),
            Shape(f"C{S1 + 8}", "process", part="top"), Shape(f"C{S1 + 8}", "offpage", part="bottom"),
            Shape(f"C{S2}", "offpage", part="top"), Shape(f"C{S2}", "process", part="bottom"),
            Shape(f"E{S2}", "process"), Shape(f"E{S2 + 1}", "process"), Shape(f"C{S2 + 2}", "process"),
            Shape(f"C{S2 + 3}", "process"), Shape(f"C{S2 + 4}", "process"), Shape(f"E{S2 + 4}", "process"),
            Shape(f"E{S2 + 5}", "process"), Shape(f"E{S2 + 6}", "process"), Shape(f"C{S2 + 7}",
            "terminator")],
    arrows=[Arrow(0, 1), Arrow(1, 2), Arrow(2, 3), Arrow(3, 4), Arrow(4, 5), Arrow(5, 6), Arrow(6, 7),
            Arrow(7, 8), Arrow(8, 9), Arrow(9, 10), Arrow(11, 12), Arrow(12, 13), Arrow(13, 14),
            Arrow(14, 15),
            Arrow(15, 16), Arrow(16, 17), Arrow(17, 18), Arrow(18, 19), Arrow(19, 20), Arrow(20, 21)],
    widths={"A": 5, "B": 40, "C": 14, "D": 14, "E": 14, "F": 24, "G": 10, "H": 20, "I": 16},
    heights={**{r: 55 for r in range(S1, S1 + 9)}, **{r: 55 for r in range(S2, S2 + 8)}},
)

SHEETS = [MATRIX]

# Waktu: 10 + 60 + 1 + 1 + 1 + 1 hari and 1 minggu (5 hari) = 79 hari kerja = 35550 menit;
# 2 + 1 + 2 + 1 jam = 360 menit; 10 + 15 + 10 + 10 + 10 menit = 55 menit: 35965 menit.
# Step 3's "Sesuai masa kontrak" is not a duration and adds nothing.
EXPECTED = Expected(
    roles=ROLES,
    actors=[[ROLES[0]], [ROLES[1]], [ROLES[1]], [ROLES[1]], [ROLES[1]], [ROLES[0]], [ROLES[0], ROLES[2]],
            [ROLES[0]], [ROLES[0]], [ROLES[0], ROLES[2]], [ROLES[2]], [ROLES[0]], [ROLES[0]], [ROLES[0],
             ROLES[2]],
            [ROLES[2]], [ROLES[2]], [ROLES[0]]],
    waktu=(35965, 35965),
    nomor="SOP-001/17000/2025",
    nama="Proses Umum Penatausahaan Persediaan",
)
