"""SOP Standar Pelayanan Konsultasi — Satpol PP Provinsi Kalimantan Barat, Sekretariat (layanan PPID).

Source: the scanned two-page PDF ``public/file/0KhVQjzGkUWjS4tNqlj9.pdf`` in GitHub repository
Alamulhuda201/Satpol-PP (the office's website; linked as "SOP Pelayanan Konsultasi" from
``content/SOP PPID/SOP Pelayanan Publik.md``), fetched with the ``fetch`` tool; both pages
rendered with ``pdftoppm`` and read by eye (no text layer). Nomor 000.8.3.3/ 256 /SATPOLPP-A
(the number written in by hand), Tanggal Efektif "28 Agustus 2023" written in by hand. A
provincial Pemda dinas (Pontianak, Kalimantan Barat).

Layout as printed: identity page on its own sheet with the name under the label "Judul SOP"
(not "Nama SOP"), Tanggal Pembuatan and Tanggal Revisi both empty. The matrix header is
uneven: "No." merged down two rows, "Kegiatan" merged down two rows with its label at the
top, then an empty header cell above the first role ("Tamu / Pengunjung") and "Pelaksana"
merged over the other three roles only, "Mutu Baku" over Kelengkapan/Waktu/Output, "Ket".
One unlabelled diamond (step 3, TU) sending the incomplete file back to step 2. Waktu "5
Menit", "10 Menit" and, for the last two steps, "Sesuai waktu konsultasi" — no figure.
"""

from __future__ import annotations

from corpus._satpol import satpol_identity
from corpus.builder import Arrow, Shape, Sheet, cells, rows
from corpus.facts import Expected

ROLES = ["Tamu /\nPengunjung", "Petugas Pelayanan", "TU", "Bagian Terkait"]

IDENTITY = satpol_identity(
    name="Identitas Konsultasi",
    unit="SEKRETARIAT\nSATUAN POLISI PAMONG PRAJA",
    sub_unit="SUB BAGIAN UMUM DAN APARATUR",
    identity=[
        ("Nomor SOP", "000.8.3.3/ 256 /SATPOLPP-A"),
        ("Tanggal Pembuatan", None),
        ("Tanggal Revisi", None),
        ("Tanggal Efektif", "28 Agustus 2023"),
        ("Disahkan oleh", "KEPALA SATUAN POLISI PAMONG PRAJA\nPROVINSI KALIMANTAN BARAT,"),
    ],
    signer="SUHERMAN, S.H., M.H.\nNIP.19701110 200212 1 005",
    nama_label="Judul SOP",
    nama="Standar Pelayanan Konsultasi",
    boxes=[
        (
            "Dasar Hukum :",
            "1 Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik\n"
            "2 Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik\n(dst., 6 butir)",
            "Kualifikasi pelaksana :",
            "1 Pendidikan minimal S-1\n2 Mampu berkomunikasi dengan baik\n3 Memahami Pelayanan Konsultasi",
        ),
        ("Keterkaitan :", "", "Peralatan/perlengkapan :", ""),
    ],
)

_ = None
BERKAS = "Berkas pendukung konsultasi"

MATRIX = Sheet(
    "SOP Konsultasi",
    cells=cells(
        {"A1": "SOP Standar Pelayanan Konsultasi"},
        rows(
            "A2",
            [
                ["No.", "Kegiatan", _, "Pelaksana", _, _, "Mutu Baku", _, _, "Ket"],
                [_, _, *ROLES, "Kelengkapan", "Waktu", "Output"],
            ],
        ),
        rows(
            "A4",
            [
                [
                    1,
                    "Melapor kepada Petugas Pelayanan dengan tujuan konsultasi",
                    _,
                    _,
                    _,
                    _,
                    "Dokumen  data",
                    "5 Menit",
                    BERKAS,
                ],
                [
                    2,
                    "Melapor dan menyerahkan dokumen/berkas pendukung untuk pelayanan konsultasi ke Tata "
                    "Usaha",
                    _,
                    _,
                    _,
                    _,
                    "Dokumen, data",
                    "5 menit",
                    BERKAS,
                ],
                [
                    3,
                    "Memeriksa dokumen/berkas dari pemohon jika sudah lengkap menyerahkan kepada bagian "
                    "terkait untuk "
                    "memberikan fasilitasi konsultasi, jika belum lengkap di kembalikan ke petugas "
                    "pelayanan untuk "
                    "diserahkan ke tamu/pengunjung untuk melengkapi berkas.",
                    _,
                    _,
                    _,
                    _,
                    "Dokumen, data",
                    "10 Menit",
                    BERKAS,
                ],
                [
                    4,
                    "Menerima dokumen/berkas dari pemohon dan memberikan pelayanan konsultasi",
                    _,
                    _,
                    _,
                    _,
                    "Dokumen, data",
                    "Sesuai waktu konsultasi",
                    BERKAS,
                ],
                [
                    5,
                    "Menerima pelayanan konsultasi",
                    _,
                    _,
                    _,
                    _,
                    "Dokumen, data",
                    "Sesuai waktu konsultasi",
                    "Hasil konsultasi",
                ],
            ],
        ),
    ),
    merges=["A2:A3", "B2:B3", "D2:F2", "G2:I2", "J2:J3"],
    shapes=[
        Shape("C4", "roundrect"),
        Shape("D5", "rect"),
        Shape("E6", "diamond"),
        Shape("F7", "rect"),
        Shape("C8", "roundrect"),
    ],
    arrows=[Arrow(0, 1), Arrow(1, 2), Arrow(2, 1), Arrow(2, 3), Arrow(3, 4)],
    widths={"A": 4, "B": 44, "C": 13, "D": 12, "E": 8, "F": 9, "G": 14, "H": 13, "I": 13, "J": 8},
    heights={4: 45, 5: 55, 6: 110, 7: 50, 8: 40},
)

SHEETS = [IDENTITY, MATRIX]

# Step 3's diamond has no branch label. Waktu: 5 + 5 + 10 menit; "Sesuai waktu konsultasi"
# (steps 4, 5) is no duration and adds nothing (the corpus' rule, docs/corpus.md): 20 menit.
EXPECTED = Expected(
    roles=ROLES,
    actors=[
        ["Tamu /\nPengunjung"],
        ["Petugas Pelayanan"],
        ["TU"],
        ["Bagian Terkait"],
        ["Tamu /\nPengunjung"],
    ],
    decisions={3: []},
    waktu=(20, 20),
    nomor="000.8.3.3/ 256 /SATPOLPP-A",
    nama="Standar Pelayanan Konsultasi",
)
