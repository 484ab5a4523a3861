"""SOP 75 Razia Non Yustisi terhadap PNS pada jam kerja — Satpol PP Prov. Kalimantan Barat, Bidang Penegakan.

Source: the scanned SOP book of the Bidang Penegakan Peraturan Daerah dan Peraturan Kepala
Daerah (SOP 75-80), file ``public/file/ZLBMsYNHhWGZfIQpOhob.pdf`` in GitHub repository
Alamulhuda201/Satpol-PP (the office's website, linked from ``content/Bidang Penegakan Peraturan
Daerah Dan Peraturan Kepala Daerah/…md``), fetched with the ``fetch`` tool; pages 1-2 rendered
with ``pdftoppm`` and read by eye (no text layer). Nomor 000.8.3.3/ 324 /SATPOLPP-A, Agustus
2023. A provincial Pemda dinas (Pontianak, Kalimantan Barat).

Layout as printed: identity page on its own sheet ("Disahkan oleh", "Kualifikasi pelaksana",
"Peralatan/perlengkapan" in lower case, Tanggal Revisi empty); the matrix page under the
numbered title "75.SOP  Melakukan tindakan …" (cut off by the page edge), headed "Proses/
Tahapan Kegiatan" instead of Kegiatan, "Ket". Each numbered row is a whole phase with
lettered sub-steps a./b./c. typed inside one cell, so one row carries several symbols: row 1
has a terminator (Tim), a diamond (Kasi), a box (Kabid) and two more diamonds (Sekretaris,
Kasat) chained left to right, with an arrow from the Kasat's diamond back to the
Sekretaris'; rows 3 and 4 carry four and five boxes. No branch label anywhere. Every waktu
"1 hari".
"""

from __future__ import annotations

from corpus._satpol import satpol_identity
from corpus.builder import Arrow, Shape, Sheet, cells, rows
from corpus.facts import Expected

ROLES = ["Tim", "Kasi", "Kabid", "Sekretaris", "Kasat"]

IDENTITY = satpol_identity(
    name="Identitas 75",
    unit="SEKRETARIAT\nSATUAN POLISI PAMONG PRAJA",
    sub_unit="BIDANG PENEGAKAN PERATURAN DAERAH DAN PERATURAN KEPALA DAERAH\nSEKSI PENEGAKKAN",
    identity=[
        ("Nomor SOP", "000.8.3.3/ 324 /SATPOLPP-A"),
        ("Tanggal Pembuatan", "Agustus 2023"),
        ("Tanggal Revisi", None),
        ("Tanggal Efektif", "Agustus 2023"),
        ("Disahkan oleh", "KEPALA SATUAN POLISI PAMONG PRAJA\nPROVINSI KALIMANTAN BARAT,"),
    ],
    signer="SUHERMAN, S.H., M.H.\nNIP.19701110 200212 1 005",
    nama="Melakukan tindakan Non Yustisi serta Razia terhadap PNS pada saat jam kerja di Lingkungan "
    "Pemerintah Provinsi Kalbar",
    boxes=[
        (
            "Dasar Hukum :",
            "1. Undang-Undang Nomor 1 Tahun 2022 tentang Hubungan Keuangan Antara Pemerintah "
            "Pusat dengan Pemerintahan Daerah\n(dst., 7 butir)",
            "Kualifikasi pelaksana",
            "1. Memiliki kemampuan dalam melaksanakan kegiatan Razia PNS yang pada saat "
            "jam dinas berada di Mall, Kafeteria, Warung Kopi, Pasar dan Rumah Makan;\n"
            "2. Memiliki kewenangan dalam penyusunan kegiatan Razia PNS terhadap kewajiban "
            "mematuhi jam kerja\n3. Memiliki kemampuan dalam mrngonsep surat",
        ),
        (
            "Keterkaitan",
            "1. SOP Kegiatan Non Yustisi Razia Rokok\n2. SOP Razia Penegakkan dan Penertiban "
            "Tempat Hiburan Malam\n(dst.)",
            "Peralatan/perlengkapan",
            "1. Peraturan Daerah Provinsi Kalimantan Barat;\n2. Dokumen Pelaksana "
            "Anggaran (DPA) SKPD;\n(dst.)",
        ),
    ],
)

_ = None
HARI = "1 hari"

MATRIX = Sheet(
    "SOP 75",
    cells=cells(
        {
            "A1": "75.SOP  Melakukan tindakan Non Yustisi serta Razia terhadap PNS pada saat jam kerja di "
                  "Lingkungan"
        },
        rows(
            "A2",
            [
                ["No.", "Proses/ Tahapan Kegiatan", "Pelaksana", _, _, _, _, "Mutu Baku", _, _, "Ket"],
                [_, _, *ROLES, "Kelengkapan", "Waktu", "Output"],
            ],
        ),
        rows(
            "A4",
            [
                [
                    1,
                    "a. membuat Surat Perintah Tugas dan disampaikan kepada Kasi untuk diperiksa\nb. "
                    "Setelah di paraf "
                    "oleh Kasi selanjutnya disampaikan kepada Kabid untuk dibuatkan Nota Dinas\nc. Nota "
                    "Dinas "
                    "disampaikan oleh Kabid kepada Kasat, melalui Sekretaris apabila Kasat menyetujui untuk "
                    "ditanda "
                    "tangan dengan Nota Dinas",
                    _,
                    _,
                    _,
                    _,
                    _,
                    "- Alat Tulis Kantor\n\n- Daftar nama-nama Tim dan Nota Pengantar\n- Nota Dinas",
                    HARI,
                    "- Draft SK Tim\n\n- SK yang ditanda tangan Kasat\n- SK yang ditanda",
                ],
                [
                    2,
                    "Menyusun Kerangka Acuan Kerja (KAK) yang berisi :\na. Uraian Kegiatan\nb. Maksud dan "
                    "Tujuan\n"
                    "c. Tempat dan Waktu Pelaksanaan\nd. Cara Pelaksanaan kegiatan\ne. Hasil kegiatan",
                    _,
                    _,
                    _,
                    _,
                    _,
                    "- Alat Tulis Kantor\n\n- Dokumen Pelaksana Anggaran\n- SK Tim",
                    HARI,
                    "Kerangka Acuan Kerja (KAK)",
                ],
                [
                    3,
                    "Kegiatan Razia Disiplin PNS\na. Menyiapkan SPT untuk pelaksanaan kegiatan kegiatan Non "
                    "Yustisi "
                    "Razia Disiplin PNS\nb. Melaksanakan apel persiapan sebelum melaksanakan kegiatan "
                    "Razia\nc. "
                    "Melakukan koordinasi dengan Dinas / Badan dan Unit kerja terkait yang berkaitan dengan "
                    "kegiatan "
                    "Razia Disiplin PNS",
                    _,
                    _,
                    _,
                    _,
                    _,
                    "Surat Perintah Tugas Kepala Satuan Provinsi Kalimantan Barat",
                    HARI,
                ],
                [
                    4,
                    "Tim membuat laporan hasil pelaksanaan kegiatan dan melaporkan kepada Kasat melalui "
                    "Kasi dan Kabid",
                    _,
                    _,
                    _,
                    _,
                    _,
                    "Alat Tulis Kantor, data kegiatan",
                    HARI,
                    "Laporan hasil pelaksanaan kegiatan",
                ],
                [
                    5,
                    "Mengagendakan, menggandakan dan mengarsipkan Laporan Kegiatan",
                    _,
                    _,
                    _,
                    _,
                    _,
                    "Alat Tulis Kantor, data kegiatan",
                    HARI,
                    "Laporan hasil pelaksanaan kegiatan",
                ],
            ],
        ),
    ),
    merges=["A2:A3", "B2:B3", "C2:G2", "H2:J2", "K2:K3"],
    shapes=[
        Shape("C4", "roundrect"),
        Shape("D4", "diamond"),
        Shape("E4", "rect"),
        Shape("F4", "diamond"),
        Shape("G4", "diamond"),
        Shape("D5", "rect"),
        Shape("D6", "rect"),
        Shape("E6", "rect"),
        Shape("F6", "rect"),
        Shape("G6", "rect"),
        Shape("C7", "rect"),
        Shape("D7", "rect"),
        Shape("E7", "rect"),
        Shape("F7", "rect"),
        Shape("G7", "rect"),
        Shape("C8", "roundrect"),
    ],
    arrows=[
        Arrow(0, 1),
        Arrow(1, 2),
        Arrow(2, 3),
        Arrow(3, 4),
        Arrow(4, 3),
        Arrow(4, 5),
        Arrow(5, 6),
        Arrow(6, 7),
        Arrow(7, 8),
        Arrow(8, 9),
        Arrow(9, 10),
        Arrow(10, 11),
        Arrow(11, 12),
        Arrow(12, 13),
        Arrow(13, 14),
        Arrow(14, 15),
    ],
    widths={"A": 4, "B": 50, **{c: 11 for c in "CDEFG"}, "H": 20, "I": 8, "J": 18, "K": 6},
    heights={4: 110, 5: 100, 6: 120, 7: 50, 8: 40},
)

SHEETS = [IDENTITY, MATRIX]

# Five numbered rows are the steps; each row's actors are every role holding a symbol in it.
# Row 1 holds the diamonds (Kasi, Sekretaris, Kasat), none with a branch label.
# Waktu: 5 x 1 hari = 5 x 7.5 jam = 2250 menit.
EXPECTED = Expected(
    roles=ROLES,
    actors=[ROLES, ["Kasi"], ["Kasi", "Kabid", "Sekretaris", "Kasat"], ROLES, ["Tim"]],
    decisions={1: []},
    waktu=(2250, 2250),
    nomor="000.8.3.3/ 324 /SATPOLPP-A",
    nama="Melakukan tindakan Non Yustisi serta Razia terhadap PNS pada saat jam kerja di Lingkungan "
    "Pemerintah Provinsi Kalbar",
)
