"""SOP Penerbitan Pengajuan Angka Kredit (PAK) — Satpol PP Provinsi Kalimantan Barat, Sekretariat.

Source: the scanned SOP book "SOP sekretariat 13-18 Umpar_rotated.pdf", file
``public/file/Wqs2aPmZ37GXg1euzp4P.pdf`` in GitHub repository Alamulhuda201/Satpol-PP (the
office's Hugo website, linked from ``content/Umum & Aparatur/DAFTAR SOP UMUM DAN APARATUR.md``),
fetched with the ``fetch`` tool; pages 1-2 rendered with ``pdftoppm`` and read by eye (the scan
has no text layer). Nomor 000.8.3.3/ 262 /SATPOLPP-A, Agustus 2023. A provincial Pemda dinas
(Pontianak, Kalimantan Barat).

Layout as the office printed it: the identity page on its own sheet (Tanggal Revisi left
empty, "Kualitas Pelaksana" for Kualifikasi); the matrix sheet opens with the numbered title
"13. SOP Penerbitan Pengajuan Angka Kredit (PAK)" above the table, then No. | Kegiatan |
Pelaksana over seven roles (the last typed "Pengadminis trasi Umum" across two lines) | Mutu
Baku (Kelengkapan, Waktu, Output) | Keterangan. Five decisions drawn as plain diamonds whose
two exits carry no label at all (the Kegiatan text says "jika tidak … dikembalikan, jika setuju
…"); terminators are rounded rectangles. Waktu "10 Menit" … "5 Hari".
"""

from __future__ import annotations

from corpus._satpol import satpol_identity
from corpus.builder import Arrow, Shape, Sheet, cells, rows
from corpus.facts import Expected

ROLES = [
    "ASN",
    "Analis Kepegawaian",
    "Tim Penilai",
    "Kasubbag Umum dan Aparatur",
    "Sekretaris",
    "Kasat",
    "Pengadminis\ntrasi Umum",
]

IDENTITY = satpol_identity(
    name="Identitas PAK",
    unit="SEKRETARIAT\nSATUAN POLISI PAMONG PRAJA",
    sub_unit="SUB BAGIAN UMUM DAN APARATUR",
    identity=[
        ("Nomor SOP", "000.8.3.3/ 262 /SATPOLPP-A"),
        ("Tanggal Pembuatan", "Agustus 2023"),
        ("Tanggal Revisi", None),
        ("Tanggal Efektif", "Agustus 2023"),
        ("Disahkan Oleh", "KEPALA SATUAN POLISI PAMONG PRAJA\nPROVINSI KALIMANTAN BARAT,"),
    ],
    signer="SUHERMAN, S.H., M.H.\nNIP.19701110 200212 1 005",
    nama="Penerbitan Pengajuan Angka Kredit",
    boxes=[
        (
            "Dasar Hukum :",
            "1 Undang-undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara\n(dst., 7 butir)",
            "Kualitas Pelaksana :",
            "1. Minimal SI / D.IV\n2. Menguasai penggunaan komputer dan pengelolaan "
            "data sederhana\n3. Menguasai tugas pokok dan fungsi\n4. Terampil menguasai "
            "kepegawaian",
        ),
        (
            "Keterkaitan",
            "1 SOP Surat Masuk\n2 SOP Surat Keluar",
            "Peralatan / Perlengkapan",
            "1. ATK\n2. Komputer\n3. Dasar Hukum\n4. Kelengkapan Administasi Kepegawaian yang bersangkutan",
        ),
        (
            "Peringatan",
            "Jika tidak melaksanakan penerbitan angka kredit, maka akan berpengaruh pada "
            "kinerja pegawai dan jabatan yang bersangkutan",
            "Pencatatan dan Pendataan",
            "1. Buku Agenda Penerbitan Pengajuan Angka Kredit\n2. Buku Surat Masuk\n3. Buku Surat Keluar",
        ),
    ],
)

_ = None
DUPAK = "SK Pangkat Terakhir, TMT, PAK Terakhir, Lembar DUPAK"

MATRIX = Sheet(
    "SOP PAK",
    cells=cells(
        {"A1": "13. SOP Penerbitan Pengajuan Angka Kredit (PAK)"},
        rows(
            "A2",
            [
                ["No.", "Kegiatan", "Pelaksana", _, _, _, _, _, _, "Mutu Baku", _, _, "Keterangan"],
                [_, _, *ROLES, "Kelengkapan", "Waktu", "Output"],
            ],
        ),
        rows(
            "A4",
            [
                [
                    1,
                    "Menyerahkan berkas usul PAK kepada Pemroses Administrasi Kepegawaian",
                    _,
                    _,
                    _,
                    _,
                    _,
                    _,
                    _,
                    "Berkas PAK",
                    "10 Menit",
                    "1 berkas kelengkapan PAK",
                    "SOP Surat Masuk",
                ],
                [
                    2,
                    "Menerima berkas usul PAK PNS dan meneliti kelengkapan berkas, jika tidak lengkap "
                    "dikembalikan "
                    "kepada PNS pengusul untuk dilengkapi atau diperbaiki, jika lengkap membuat Lembar "
                    "Daftar Usul "
                    "Penilaian Angka Kredit, diserahkan kepada Tim Penilai Angka Kredit",
                    _,
                    _,
                    _,
                    _,
                    _,
                    _,
                    _,
                    DUPAK,
                    "30 Menit",
                    DUPAK,
                ],
                [
                    3,
                    "Meneliti berkas Usul PAK, menghitung nilai AK, jika diperlukan dilakukan uji petik dan "
                    "klarifikasi "
                    "pada kasus tertentu, jika tidak setuju memanggil PNS pengusul, jika setuju diberikan "
                    "nilai, "
                    "ditandatangani, diserahkan kepada Pemroses Administrasi Kepegawaian",
                    _,
                    _,
                    _,
                    _,
                    _,
                    _,
                    _,
                    DUPAK,
                    "5 Hari",
                    DUPAK,
                ],
                [
                    4,
                    "Membuat Draft Penetapan Angka Kredit, diserahkan kepada Kasubbag Umum dan Aparatur",
                    _,
                    _,
                    _,
                    _,
                    _,
                    _,
                    _,
                    DUPAK,
                    "15 Menit",
                    "Draft PAK",
                ],
                [
                    5,
                    "Memeriksa Draft PAK, jika tidak setuju dikembalikan kepada Pemroses Analis Kepegawaian "
                    "untuk "
                    "diperbaiki, jika setuju diparaf, diserahkan kepada Sekretaris",
                    _,
                    _,
                    _,
                    _,
                    _,
                    _,
                    _,
                    "Draft PAK",
                    "10 Menit",
                    "Draft PAK",
                ],
                [
                    6,
                    "Memeriksa Draft PAK, jika tidak setuju dikembalikan kepada Kasubbag Umum dan Aparatur "
                    "untuk "
                    "diperbaiki, jika setuju diparaf, diserahkan kepada Kepala Satuan",
                    _,
                    _,
                    _,
                    _,
                    _,
                    _,
                    _,
                    "Draft PAK",
                    "10 Menit",
                    "PAK",
                ],
                [
                    7,
                    "Memeriksa Draft PAK, jika tidak setuju dikembalikan kepada Sekretaris SKPD untuk "
                    "diperbaiki, jika "
                    "setuju ditanda tangani, diserahkan kepada Kasubbag Umum dan Aparatur",
                    _,
                    _,
                    _,
                    _,
                    _,
                    _,
                    _,
                    "PAK",
                    "10 Menit",
                    "PAK",
                ],
                [8, "Menyerahkan kepada Pengadministrasi Umum", _, _, _, _, _, _, _, "PAK", "5 Menit", "PAK"],
                [
                    9,
                    "Mengagendakan, mengarsipkan, menyerahkan kepada PNS pengusul",
                    _,
                    _,
                    _,
                    _,
                    _,
                    _,
                    _,
                    "PAK",
                    "15 Menit",
                    "PAK",
                ],
                [
                    10,
                    "Menerima PAK, menandatangani Buku Tanda Terima",
                    _,
                    _,
                    _,
                    _,
                    _,
                    _,
                    _,
                    "PAK",
                    "10 Menit",
                    "PAK diterima",
                ],
            ],
        ),
    ),
    merges=["A2:A3", "B2:B3", "C2:I2", "J2:L2", "M2:M3"],
    shapes=[
        Shape("C4", "roundrect"),
        Shape("D5", "diamond"),
        Shape("E6", "diamond"),
        Shape("D7", "rect"),
        Shape("F8", "diamond"),
        Shape("G9", "diamond"),
        Shape("H10", "diamond"),
        Shape("F11", "rect"),
        Shape("I12", "rect"),
        Shape("C13", "roundrect"),
    ],
    arrows=[
        Arrow(0, 1),
        Arrow(1, 0),
        Arrow(1, 2),
        Arrow(2, 3),
        Arrow(3, 4),
        Arrow(4, 3),
        Arrow(4, 5),
        Arrow(5, 4),
        Arrow(5, 6),
        Arrow(6, 5),
        Arrow(6, 7),
        Arrow(7, 8),
        Arrow(8, 9),
    ],
    widths={"A": 4, "B": 44, **{c: 11 for c in "CDEFGHI"}, "J": 16, "K": 9, "L": 16, "M": 12},
    heights={**{r: 60 for r in range(4, 14)}, 3: 45},
)

SHEETS = [IDENTITY, MATRIX]

# Ten steps; the five diamonds (steps 2, 3, 5, 6, 7) have no branch label in the source, so
# no branch is expected: a reader must not invent "Ya"/"Tidak".
# Waktu: 10+30 menit + 5 hari (5 x 7.5 jam = 2250 menit) + 15+10+10+10+5+15+10 menit = 2365.
EXPECTED = Expected(
    roles=ROLES,
    actors=[
        ["ASN"],
        ["Analis Kepegawaian"],
        ["Tim Penilai"],
        ["Analis Kepegawaian"],
        ["Kasubbag Umum dan Aparatur"],
        ["Sekretaris"],
        ["Kasat"],
        ["Kasubbag Umum dan Aparatur"],
        ["Pengadminis\ntrasi Umum"],
        ["ASN"],
    ],
    decisions={2: [], 3: [], 5: [], 6: [], 7: []},
    waktu=(2365, 2365),
    nomor="000.8.3.3/ 262 /SATPOLPP-A",
    nama="Penerbitan Pengajuan Angka Kredit",
)
