"""SOP Penyusunan Surat Keterangan Pendamping Ijazah — UIN Salatiga (Kementerian Agama), Jawa Tengah.

Source: the signed, scanned one-page PDF "SOP PENYUSUNAN SURAT PENDAMPING IJAZAH.pdf" under
``data/`` in GitHub repository Yutaa19/Chatbot-Production-UIN-SALATIGA (commit 20d9cfc), fetched
with the ``fetch`` tool; rendered with ``pdftoppm`` and read by eye (no text layer). Nomor
MORA.07.10 CFM 02 SOP 04, efektif 04 September 2023.

Layout as the university prints it (see ``_uin.py``): identity and matrix on one sheet, the
label "Nomor", Tanggal Revisi empty, the name only as a banner row; five roles whose headers
are long and slashed ("Bagian Tata Usaha Fakultas/Subbag Tata Usaha Pascasarjana", "Wakil Dekan
Bidang Akademik/Wakil Direktur Pascasarjana"); every waktu in days; the flow goes right to the
Dekan and back left to the Tata Usaha for the last two steps; one Kelengkapan cell clipped by
the office's column width ("- Surat Keterangan Pen").
"""

from __future__ import annotations

from corpus._uin import uin_sheet
from corpus.facts import Expected

ROLES = [
    "Fakultas/\nPascasarjana",
    "Bagian Tata Usaha Fakultas/Subbag Tata Usaha Pascasarjana",
    "Ketua Program Studi",
    "Wakil Dekan Bidang Akademik/Wakil Direktur Pascasarjana",
    "Dekan/\nDirektur Pascasarjana",
]
SKPI = "Surat Keterangan Pendamping Ijazah"

MATRIX = uin_sheet(
    "SOP SKPI",
    roles=ROLES,
    identity=[
        ("Nomor", "MORA.07.10 CFM 02 SOP 04"),
        ("Tanggal Pembuatan", "28 Agustus 2023"),
        ("Tanggal Revisi", None),
        ("Tanggal Efektif", "04 September 2023"),
        ("Disahkan Oleh", "Wakil Rektor Bidang Akademik dan Kelembagaan"),
    ],
    signer="Prof. Dr. Muh Saerozi, M.Ag.",
    nama="SOP PENYUSUNAN SURAT KETERANGAN PENDAMPING IJAZAH",
    boxes=[
        (
            "DASAR HUKUM",
            [
                (1, "Undang-Undang Nomor 12 tahun 2012 tentang Pendidikan Tinggi"),
                (
                    2,
                    "Peraturan Pemerintah Nomor 4 tahun 2014 tentang Penyelenggaraan Pendidikan Tinggi "
                    "dan Pengelolaan Pendidikan Tinggi",
                ),
            ],
            "KUALIFIKASI PELAKSANA",
            [
                "1   Mampu melaksanakan tugas keadministrasian",
                "2   Mampu mengoperasikan komputer",
                "3   Mampu melakukan komunikasi via online",
            ],
        ),
        (
            "KETERKAITAN",
            [(1, "SOP Penerbitan Ijazah")],
            "PERALATAN/PERLENGKAPAN",
            ["1   Komputer dan internet", "2   Printer", "3   ATK", "4   Blangko SKPI kosong"],
        ),
        (
            "PERINGATAN",
            [(None, "Jika SOP tidak dilaksanakan, maka akan mengakibatkan legalitas terhambat")],
            "PENCATATAN/PENDATAAN",
            [],
        ),
    ],
    steps=[
        (
            f"Mengonsep {SKPI}",
            "- Informasi tentang pemenuhan kompetensi lulusan",
            "3 hari",
            f"- Konsep {SKPI}",
        ),
        (f"Memvalidasi konsep {SKPI}", f"- Konsep {SKPI}", "5 hari", f"- Konsep {SKPI} yang sudah valid"),
        (f"Mencetak {SKPI}", f"- Konsep {SKPI} yang sudah valid", "3 hari", f"- {SKPI} cetak"),
        (
            f"Memberikan paraf pada {SKPI}",
            "- Surat Keterangan Pen",
            "5 hari",
            f"- {SKPI} cetak diparaf Ketua Program Studi",
        ),
        (
            "Memberikan paraf pada SKPI",
            f"- {SKPI} cetak diparaf Ketua Program Studi",
            "5 hari",
            f"- {SKPI} cetak diparaf Wakil Dekan Bidang Akademik/Wakil Direktur Pascasarjana",
        ),
        (
            f"Menandatangani {SKPI}",
            "- SKPI cetak diparaf Wakil Dekan Bidang Akademik/Wakil Direktur Pascasarjana",
            "1 hari",
            f"- {SKPI} ditandatangani Dekan",
        ),
        (f"Menyetempel {SKPI}", f"- {SKPI} ditandatangani Dekan", "1 hari", f"- {SKPI}"),
        (f"Membagikan {SKPI}", f"- {SKPI}", "1 hari", f"- Bukti penerimaan {SKPI}"),
    ],
    flow=[
        (0, "roundrect"),
        (1, "rect"),
        (1, "rect"),
        (2, "rect"),
        (3, "rect"),
        (4, "rect"),
        (1, "rect"),
        (1, "roundrect"),
    ],
    arrows=[(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7)],
)

SHEETS = [MATRIX]

# Waktu: 3 + 5 + 3 + 5 + 5 + 1 + 1 + 1 = 24 hari x 7.5 jam = 10800 menit. No decision.
EXPECTED = Expected(
    roles=ROLES,
    actors=[[ROLES[0]], [ROLES[1]], [ROLES[1]], [ROLES[2]], [ROLES[3]], [ROLES[4]], [ROLES[1]], [ROLES[1]]],
    waktu=(10800, 10800),
    nomor="MORA.07.10 CFM 02 SOP 04",
    nama="SOP PENYUSUNAN SURAT KETERANGAN PENDAMPING IJAZAH",
)
