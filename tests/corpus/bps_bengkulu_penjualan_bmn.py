"""SOP Penjualan BMN — BPS Provinsi Bengkulu, Tim Bagian Umum.

Source: the signed PDF "009. SOP PENJUALAN BMN signed.pdf" in GitHub repository
ocidserver/openSOP, path ``backend/static/sop/documents/general/``, fetched with the ``fetch``
tool; text read with ``pdftotext -layout``, the flowchart read from the pages rendered with
``pdftoppm`` (zoomed where symbols were small).

Layout: identity labels "NOMOR SOP", "TGL. PEMBUATAN", "TGL. REVISI", "TGL. EFEKTIF",
"DISAHKAN OLEH"; the matrix No. | Kegiatan | Pelaksana (Pengelola Barang, Satuan Kerja,
Wilayah/ Provinsi, BPS RI) | Mutu Baku in the order Kelengkapan | **Output | Waktu** |
Keterangan, then a "1 2 … 10" column-number row. Twelve steps over two printed pages: the
page number ("2", "3" above the header; "- 3 -" under the last row) and the whole two-row
header with its number row are repeated
before step 6. Waktu in "hari kerja". Drawn symbols: step 4 is a diamond labelled "A"/"B"
beside a process box in the Wilayah/Provinsi column; steps 5 and 6 carry the numbered
off-page connectors "1" and "2" (pentagons) in the same rows as their process boxes.
Kelengkapan lists shortened.
"""
from __future__ import annotations

from corpus._bps import bps_identity
from corpus.builder import Arrow, Shape, Sheet, cells, rows
from corpus.facts import Expected

ROLES = ["Pengelola Barang", "Satuan Kerja", "Wilayah/ Provinsi", "BPS RI"]

IDENTITY, IDENTITY_MERGES, TOP = bps_identity(
    last_col=10,
    tim="TIM BAGIAN UMUM",
    identity=[("NOMOR SOP", "SOP-009/17000/2025"), ("TGL. PEMBUATAN", "2 Juni 2025"), ("TGL. REVISI", "-"),
              ("TGL. EFEKTIF", "2 Juni 2025"), ("DISAHKAN OLEH", "Kepala BPS Provinsi Bengkulu")],
    signer="Ir. Win Rizal, M.E.",
    nama="Penjualan BMN",
    boxes=[("DASAR HUKUM", "1. Peraturan Menteri Keuangan Nomor 111/PMK.06/2016 tentang Tata Cara "
                           "Pemindahtanganan Barang Milik Negara (dst., 3 butir)",
            "KUALIFIKASI PELAKSANA", "1. Pemahaman pelaksana terhadap Dasar Hukum"),
           ("KETERKAITAN", "1. Kementerian Keuangan, dengan Kanwil DJKN dan KPKNL setempat", "", ""),
           ("PERINGATAN", "Jika SOP tersebut tidak dilaksanakan, maka pelaksanaan pengelolaan Barang Milik "
                          "Negara tidak berjalan dengan baik dan akan berimbas pada penilaian kinerja.",
            "PENCATATAN DAN PENDATAAN", "update data pada Aplikasi SAKTI")],
)
_ = None
HEADER = [["No.", "Kegiatan", "Pelaksana", _, _, _, "Mutu Baku", _, _, "Keterangan"],
          [_, _, *ROLES, "Kelengkapan", "Output", "Waktu"],
          list(range(1, 11))]
P2 = TOP + 1  # page 2: its number, then the header
S1 = P2 + 4  # steps 1-5
P3 = S1 + 6  # page 3: its number, the header again
S2 = P3 + 4  # steps 6-12


def _header_merges(top: int) -> list[str]:
    return [f"A{top}:A{top + 1}", f"B{top}:B{top + 1}", f"C{top}:F{top}", f"G{top}:I{top}",
            f"J{top}:J{top + 1}"]


MATRIX = Sheet(
    "Penjualan BMN",
    cells=cells(
        IDENTITY,
        {f"E{P2}": 2},
        rows(f"A{P2 + 1}", HEADER),
        rows(f"A{S1}", [
            [1, "Membuat SK Tim Internal", _, _, _, _, "-", "SK Tim", "3 hari kerja", "-"],
            [2, "Melakukan penelitian data administratif dan fisik BMN yang akan dijual", _, _, _, _,
             "Penelitian data administratif :\na. data tanah dan bangunan …;\nb. data selain tanah dan "
             "bangunan …;\nc. alasan dan pertimbangan penjualan BMN.",
             "BA Penelitian dengan melampirkan Taksiran Nilai Limit", "5 hari kerja", "-"],
            [3, "Membuat permohonan Persetujuan Penjualan BMN dan melakukan pencatatan transaksi Usul Hapus "
                "pada SAKTI", _, _, _, _, "Surat Permohonan Usul Hapus Dengan memuat data : …",
             "RTH Usul Hapus", "5 hari kerja",
             "Aset Tetap > RUH > Transaksi BMN > Usulan Penghapusan BMN > Pencatatan Barang Yang Akan "
             "Dihapuskan"],
            [4, "Mengajukan permohonan persetujuan penjualan BMN", _, _, _, _,
             "Surat Permohonan Usul Hapus Dengan memuat data : …", "Surat Permohonan Penjualan BMN",
             "5 hari kerja", "Usulan Permohonan Persetujuan Penjualan BMN\nA : BMN yang memiliki dokumen "
                             "kepemilikan dan diatas 100 jt\nB : BMN yang tidak memiliki dokumen "
                             "kepemilikan dan dibawah 100 jt"],
            [5, "Memproses persetujuan penjualan BMN", _, _, _, _, "Berkas Permohonan Penjualan BMN",
             "Surat Persetujuan Penjualan BMN", "20 hari kerja", "-"],
        ]),
        {f"E{P3}": 3},
        rows(f"A{P3 + 1}", HEADER),
        rows(f"A{S2}", [
            [6, "Mengajukan permohonan lelang BMN", _, _, _, _, "a. data administratif;\nb. nilai perolehan "
                "dan/atau nilai buku BMN; dan\nc. surat pernyataan …", "Surat Permohonan Lelang BMN",
             "2 hari kerja", "-"],
            [7, "Melaksanakan Lelang melalui KPKNL setempat", _, _, _, _,
             "Surat Pengumuman Lelang BMN dan Surat Permohonan Lelang BMN", "Salinan Risalah Lelang BMN",
             "30 hari kerja", "-"],
            [8, "Melaksanakan penandatanganan BAST Penjualan BMN", _, _, _, _, "Kuitansi Pelunasan",
             "BAST Penjualan BMN", "1 hari kerja", "-"],
            [9, "Mengajukan permohonan SK Penghapusan", _, _, _, _, "a. Persetujuan Penjualan BMN;\nb. "
                                                                    "Risalah "
                "Lelang;\nc. BAST Penjualan BMN.", "Surat Permohonan SK Penghapusan BMN", "7 hari kerja",
                "-"],
            [10, "Menerbitkan SK Penghapusan BMN yang telah dijual", _, _, _, _,
             "Surat Permohonan SK Penghapusan beserta Lampiran", "SK Penghapusan BMN", "40 hari kerja", "-"],
            [11, "Melakukan pencatatan transaksi penghapusan pada SAKTI", _, _, _, _, "SK Penghapusan BMN",
             "RTH Penghapusan", "1 hari kerja", "Aset Tetap > RUH > Transaksi BMN > Penghapusan > "
                                                "Penghapusan"],
            [12, "Melaporkan penyelesaian proses Penjualan BMN kepada Pengelola Barang", _, _, _, _,
             "BAST Penjualan BMN dan SK Penghapusan BMN", "Laporan Penjualan BMN", "2 hari kerja", "-"],
        ]),
        {f"E{S2 + 7}": "- 3 -"},
    ),
    merges=[*IDENTITY_MERGES, *_header_merges(P2 + 1), *_header_merges(P3 + 1)],
    shapes=[Shape(f"D{S1}", "terminator"), Shape(f"D{S1 + 1}", "process"), Shape(f"D{S1 + 2}", "process"),
            Shape(f"D{S1 + 3}", "decision"), Shape(f"E{S1 + 3}", "process"),
            Shape(f"C{S1 + 4}", "process", part="top"), Shape(f"F{S1 + 4}", "process", part="top"),
            Shape(f"D{S1 + 4}", "offpage", "1", part="bottom"), Shape(f"F{S1 + 4}", "offpage", "2",
            part="bottom"),
            Shape(f"D{S2}", "offpage", "1", part="top"), Shape(f"F{S2}", "offpage", "2", part="top"),
            Shape(f"D{S2}", "process", part="bottom"),
            Shape(f"C{S2 + 1}", "process"), Shape(f"D{S2 + 2}", "process"), Shape(f"E{S2 + 3}", "process"),
            Shape(f"F{S2 + 4}", "process"), Shape(f"D{S2 + 5}", "process"), Shape(f"C{S2 + 6}",
            "terminator")],
    arrows=[Arrow(0, 1), Arrow(1, 2), Arrow(2, 3), Arrow(3, 5, "A"), Arrow(3, 4, "B"), Arrow(4, 6),
            Arrow(5, 7), Arrow(6, 8), Arrow(9, 11), Arrow(10, 11), Arrow(11, 12), Arrow(12, 13),
            Arrow(13, 14), Arrow(14, 15), Arrow(15, 16), Arrow(16, 17)],
    widths={"A": 5, "B": 32, "C": 11, "D": 11, "E": 11, "F": 11, "G": 26, "H": 18, "I": 11, "J": 24},
    heights={**{r: 60 for r in range(S1, S1 + 5)}, **{r: 45 for r in range(S2, S2 + 7)}},
)

SHEETS = [MATRIX]

# Waktu: 3+5+5+5+20+2+30+1+7+40+1+2 = 121 hari kerja x 7.5 jam = 54450 menit.
EXPECTED = Expected(
    roles=ROLES,
    actors=[["Satuan Kerja"], ["Satuan Kerja"], ["Satuan Kerja"], ["Satuan Kerja", "Wilayah/ Provinsi"],
            ["Pengelola Barang", "BPS RI"], ["Satuan Kerja"], ["Pengelola Barang"], ["Satuan Kerja"],
            ["Wilayah/ Provinsi"], ["BPS RI"], ["Satuan Kerja"], ["Pengelola Barang"]],
    decisions={4: ["A", "B"]},
    waktu=(54450, 54450),
    nomor="SOP-009/17000/2025",
    nama="Penjualan BMN",
)
