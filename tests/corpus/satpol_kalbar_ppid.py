"""SOP Permohonan Informasi dan Dokumentasi Publik — Satpol PP Provinsi Kalimantan Barat, PPID Pelaksana.

Source: the scanned two-page PDF ``public/file/DSnSzGCZ5LL7pICL3UNz.pdf`` in GitHub repository
Alamulhuda201/Satpol-PP (the office's website; linked as "SOP Permohonan Informasi" from
``content/SOP PPID/SOP Pelayanan Publik.md``), fetched with the ``fetch`` tool; both pages
rendered with ``pdftoppm`` and read by eye (CamScanner scan, no text layer). Tanggal Efektif
2 Februari 2024. A provincial Pemda dinas (Pontianak, Kalimantan Barat).

Layout as printed: identity page on its own sheet with the Nomor left half blank
("000.8.3.3 /      /SATPOLPP-A"), Tanggal Pembuatan only a year ("2024"), Tanggal Revisi
empty, the label typed "NAMA SOP" and "Kualifikasi Pelaksanaan"; the matrix page titled in
capitals above the table, No. | Kegiatan | Pelaksana (four roles; the applicant's column is
headed "Permohonan Informasi", sic) | Mutu Baku (Kelengkapan, Waktu, Output) | "Ket". Waktu is
prose, not a figure and unit: "Pada hari dan jam kerja untuk pemohon informasi secara langsung
dan setiap saat untuk pemohon informasi secara tidak langsung maksimal 30 menit", "1 (satu)
hari kerja sejak permohonan informasi diterima oleh PPID Pelaksana". The one decision (step 4,
a diamond in the Atasan PPID Pelaksana column) has its "Tidak" typed beside the exit back to
step 3, but its "Ya" typed beside the line that enters it from step 3: both are free text
boxes, not connector text. Long texts of the identity boxes shortened.
"""

from __future__ import annotations

from corpus._satpol import satpol_identity
from corpus.builder import Arrow, Label, Shape, Sheet, cells, rows
from corpus.facts import Expected

ROLES = [
    "Permohonan Informasi",
    "Petugas Pelayanan Informasi dan Dokumentasi",
    "Bidang Pelayanan Informasi dan Dokumentasi",
    "Atasan PPID Pelaksana",
]

IDENTITY = satpol_identity(
    name="Identitas",
    unit="SEKRETARIAT\nSATUAN POLISI PAMONG PRAJA",
    sub_unit="SUB BAGIAN UMUM DAN APARATUR",
    identity=[
        ("Nomor SOP", "000.8.3.3 /        /SATPOLPP-A"),
        ("Tanggal Pembuatan", "2024"),
        ("Tanggal Revisi", None),
        ("Tanggal Efektif", "2 Februari 2024"),
        ("Disahkan Oleh", "KEPALA SATUAN POLISI PAMONG PRAJA\nPROVINSI KALIMANTAN BARAT,"),
    ],
    signer="SUHERMAN, S.H., M.H.\nNIP.19701110 200212 1 005",
    nama_label="NAMA SOP",
    nama="SOP Permohonan Informasi dan Dokumentasi Publik",
    boxes=[
        (
            "Dasar Hukum",
            "1. Undang - Undang No. 14 Tahun 2008 tentang Keterbukaan Informasi Publik;\n(dst., 8 butir)",
            "Kualifikasi Pelaksanaan",
            "1.Minimal SLTA atau sederajat\n2.Memahami prosedur permohonan informasi "
            "dan dokumentasi publik\n3.Memahami daftar informasi yang bersifat terbuka "
            "dan bersifat dikecualikan\n4.Memiliki Tata Krama",
        ),
        (
            "Keterkaitan :",
            "1. Meminta kepada Anggota PPID Pelaksana untuk memberikan informasi atau dokumen "
            "yang sudah termasuk dalam Daftar Informasi Publik (DIP), untuk diberikan kepada "
            "permohon informasi.",
            "Peralatan/Perlengkapan :",
            "1.Lembaran Kerja & Rencana Kerja\n2.Term of Reference\n3.Alat Tulis "
            "Kantor\n4.Jaringan Internet\n5.Papan Pengumuman",
        ),
        (
            "Peringatan :",
            "1. Bila Prosedur ini ada yang terlewati maka pemohon informasi tidak akan terlayani "
            "dengan baik;\n(dst., 5 butir)",
            "Pencatatan dan Pendataan :",
            "1. Disimpan dalam bentuk softcopy dan Hardcopy",
        ),
    ],
)

_ = None
SEGERA = (
    "Pada hari dan jam kerja untuk pemohon informasi secara langsung dan setiap saat untuk pemohon "
    "informasi secara tidak langsung maksimal 30 menit"
)
SEHARI = "1 (satu) hari kerja sejak permohonan informasi diterima oleh PPID Pelaksana"

MATRIX = Sheet(
    "SOP Permohonan Informasi",
    cells=cells(
        {"A1": "SOP PERMOHONAN INFORMASI DAN DOKUMENTASI PUBLIK"},
        rows(
            "A2",
            [
                ["No.", "Kegiatan", "Pelaksana", _, _, _, "Mutu Baku", _, _, "Ket"],
                [_, _, *ROLES, "Kelengkapan", "Waktu", "Output"],
            ],
        ),
        rows(
            "A4",
            [
                [
                    1,
                    "Menyampaikan permohonan informasi yang dibutuhkan baik secara langsung dana tidak "
                    "langsung "
                    "kepada Bidang Pelayanan Informasi dan Dokumen",
                    _,
                    _,
                    _,
                    _,
                    "Formulir permohonan informasi yang disediakan dimeja pelayanan PPID atau yang "
                    "ditampilkan di "
                    "website;\n\nFotocopy atau scan identitas diri (NIK) dari permohon informasi",
                    SEGERA,
                    "Formulir permohonan informasi yang telah diisi lengkap dan lampiri fotocopy/scan "
                    "identitas diri "
                    "(NIK)",
                ],
                [
                    2,
                    "Melakukan registrasi berkas permohonan informasi publik,jika Informasi / dokumentasi "
                    "yang diminta "
                    "belum termasuk dalam DIDP, maka berkas permohonan disampaikan kepada Bidang Pelayanan "
                    "Informasi "
                    "dan Dokumentasi PPID Pelaksana.",
                    _,
                    _,
                    _,
                    _,
                    "Semua data pemohon informasi disimpan dalam bentuk hardcopy dan softcopy",
                    SEGERA,
                    "DIP yang telah tersusun dalam bentuk hardcopy dan softcopy",
                ],
                [
                    3,
                    "Meminta kepada Anggota PPID Pelaksana untuk memberikan Informasi atau dokumen yang "
                    "sudah termasuk "
                    "dalam DIDP, untuk diberikan kepada pemohon informasi",
                    _,
                    _,
                    _,
                    _,
                    "DIP yang telah diletapkan oleh PPID Pelaksana",
                    SEHARI,
                    "DIP",
                ],
                [
                    4,
                    "Memberikan informasi atau dokumen yang dimaksud kepada PPID Pelaksana",
                    _,
                    _,
                    _,
                    _,
                    "Informasi diberikan dalam bentuk hardcopy dan softcopy",
                    SEHARI,
                    "DIP",
                ],
                [
                    5,
                    "Memberikan informasi atau dokumen yang diminta oleh pemohon informasi yang telah "
                    "menandatangani "
                    "tanda bukti penerimaan informasi atau dokumentasi",
                    _,
                    _,
                    _,
                    _,
                    "Informasi atau dokumentasi yang diminta oleh pemohon informasi.",
                    "Perpanjangan permohonan informasi adalah maksimal 30 (tiga puluh) menit",
                    "Informasi publik yang diminta oleh pemohon informasi",
                ],
            ],
        ),
    ),
    merges=["A2:A3", "B2:B3", "C2:F2", "G2:I2", "J2:J3"],
    shapes=[
        Shape("C4", "roundrect"),
        Shape("D5", "rect"),
        Shape("E6", "rect"),
        Shape("F7", "diamond"),
        Shape("C8", "roundrect"),
    ],
    arrows=[Arrow(0, 1), Arrow(1, 2), Arrow(2, 3), Arrow(3, 2), Arrow(3, 4)],
    labels=[Label("F6", "Ya"), Label("D7", "Tidak")],
    widths={"A": 4, "B": 48, "C": 12, "D": 15, "E": 15, "F": 12, "G": 22, "H": 22, "I": 20, "J": 6},
    heights={**{r: 90 for r in range(4, 9)}, 3: 55},
)

SHEETS = [IDENTITY, MATRIX]

# Step 4's diamond: "Tidak" back to step 3, the other exit on to step 5; the office's "Ya"
# stands on the line into the diamond, but is that decision's other branch (only decisions
# carry Ya/Tidak in SOP AP), so the facts are the decision with Ya and Tidak.
# Waktu: "maksimal 30 menit" (steps 1, 2, 5) counted as 30; "1 (satu) hari kerja" (steps 3, 4)
# as 7.5 jam = 450 menit: 30 + 30 + 450 + 450 + 30 = 990. Nomor as printed (number blank).
EXPECTED = Expected(
    roles=ROLES,
    actors=[
        ["Permohonan Informasi"],
        ["Petugas Pelayanan Informasi dan Dokumentasi"],
        ["Bidang Pelayanan Informasi dan Dokumentasi"],
        ["Atasan PPID Pelaksana"],
        ["Permohonan Informasi"],
    ],
    decisions={4: ["Ya", "Tidak"]},
    waktu=(990, 990),
    nomor="000.8.3.3 / /SATPOLPP-A",
    nama="SOP Permohonan Informasi dan Dokumentasi Publik",
)
