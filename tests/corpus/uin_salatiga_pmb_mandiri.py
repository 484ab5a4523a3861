"""SOP Pelaksanaan Penerimaan Mahasiswa Baru Jalur Mandiri — UIN Salatiga (Kementerian Agama), Jawa Tengah.

Source: the signed, scanned one-page PDF "SOP PELAKSANAAN PENERIMAAN MAHASISWA BARU JALUR
MANDIRI_20240108_0001.pdf" under ``data/`` in GitHub repository
Yutaa19/Chatbot-Production-UIN-SALATIGA (commit fc35092), fetched with the ``fetch`` tool; the
page rendered with ``pdftoppm`` and read by eye (its OCR text layer is garbage). Nomor
B-005/In.21/R1/HO.00.7/09/2019, signed by the Wakil Rektor Bidang Akademik dan Kelembagaan.

Layout as the university prints it (see ``_uin.py``): identity and matrix on one sheet, the
label "Nomor" for the SOP's number, Tanggal Efektif left empty (the next row's label is
"Disahkan Oleh"), the SOP's name only as a banner row with no "Nama SOP" label, the
Pencatatan/Pendataan box empty. Waktu as a range "5 s.d. 15 menit" and in days ("1 hari",
"2 hari"). No decision. Three roles, the last step's terminator back in the Panitia PMB
column.
"""

from __future__ import annotations

from corpus._uin import uin_sheet
from corpus.facts import Expected

ROLES = ["Calon Mahasiswa", "Panitia PMB", "Rektor"]

MATRIX = uin_sheet(
    "SOP PMB Mandiri",
    roles=ROLES,
    identity=[
        ("Nomor", "B-005/In.21/R1/HO.00.7/09/2019"),
        ("Tanggal Pembuatan", "15 Agustus 2015"),
        ("Tanggal Revisi", "28 Agustus 2023"),
        ("Tanggal Efektif", None),
        ("Disahkan Oleh", "Wakil Rektor Bidang Akademik dan Kelembagaan"),
    ],
    signer="Prof. Dr. Muh Saerozi, M.Ag.",
    nama="SOP PELAKSANAAN PENERIMAAN MAHASISWA BARU JALUR MANDIRI",
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
                (
                    3,
                    "Peraturan Menteri Agama Republik Indonesia Nomor 74 Tahun 2015 tentang Penerimaan "
                    "Mahasiswa Baru Program Sarjana pada Perguruan Tingi Keagamaan Islam Negeri",
                ),
            ],
            "KUALIFIKASI PELAKSANA",
            ["Pegawai yang sudah berpengalaman menangani Penerimaan Mahasiswa Baru"],
        ),
        (
            "KETERKAITAN",
            [
                (1, "SOP Penerimaan Mahasiswa Baru Jalur UM-PTKIN"),
                (2, "SOP Penentuan Uang Kuliah Tunggal (UKT) bagi Mahasiswa Baru"),
                (3, "SOP Registrasi Mahasiswa Baru"),
            ],
            "PERALATAN/PERLENGKAPAN",
            [
                "1   Nomor pendaftaran",
                "2   Soal ujian PMB Jalur Mandiri",
                "3   Aplikasi ujian PMB Jalur Mandiri",
                "4   Komputer dan internet",
                "5   Form validasi dan presensi peserta ujian",
                "6   Data ranking dan nilai peserta ujian",
                "7   Daftar mahasiswa yang diterima",
            ],
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
            "Mengisi biodata, data asal sekolah, pilihan jurusan secara daring melalui web Penerimaan "
            "Mahasiswa Baru",
            "- Formulir pendaftaran daring",
            "30 menit",
            "- Nomor pendaftaran\n- Formulir pendaftaran cetak",
        ),
        (
            "Melakukan pembayaran biaya pendaftaran",
            "- Nomor pendaftaran\n- Uang pendaftaran",
            "5 s.d. 15 menit",
            "- Slip pembayaran",
        ),
        (
            "Masuk kembali ke web Penerimaan Mahasiswa Baru dan mencetak kartu ujian",
            "- Nomor pendaftaran",
            "5 menit",
            "- Kartu Ujian",
        ),
        (
            "Mengikuti ujian tulis sesuai jadwal pada kartu ujian",
            "- Fotokopi ijazah/surat keterangan lulus\n- Kartu identitas\n- Komputer dan internet\n- "
            "Aplikasi ujian",
            "1 hari",
            "- Form validasi dan presensi peserta ujian",
        ),
        (
            "Mengolah data hasil pelaksanaan ujian",
            "- Komputer dan internet\n- Aplikasi ujian",
            "2 hari",
            "- Data ranking dan nilai peserta ujian",
        ),
        (
            "Mengadakan yudisium kelulusan",
            "- Data ranking dan nilai peserta ujian",
            "2 hari",
            "- Daftar mahasiswa yang diterima",
        ),
        (
            "Menandatangani pengumuman dan surat keputusan hasil seleksi",
            "- Daftar mahasiswa yang diterima",
            "1 hari",
            "- Pengumuman dan SK Hasil Seleksi UM-PTKIN",
        ),
        (
            "Mempublikasikan pengumuman dan surat keputusan hasil seleksi",
            "- Pengumuman dan SK Hasil Seleksi UM-PTKIN",
            "10 menit",
            "- Publikasi hasil kelulusan via website",
        ),
    ],
    flow=[
        (0, "roundrect"),
        (0, "rect"),
        (0, "rect"),
        (0, "rect"),
        (1, "rect"),
        (1, "rect"),
        (2, "rect"),
        (1, "roundrect"),
    ],
    arrows=[(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7)],
)

SHEETS = [MATRIX]

# Waktu: 30 + (5 s.d. 15) + 5 menit + 1 + 2 + 2 + 1 hari (6 x 7.5 jam = 2700 menit) + 10 menit:
# min 2750, max 2760.
EXPECTED = Expected(
    roles=ROLES,
    actors=[["Calon Mahasiswa"]] * 4 + [["Panitia PMB"]] * 2 + [["Rektor"], ["Panitia PMB"]],
    waktu=(2750, 2760),
    nomor="B-005/In.21/R1/HO.00.7/09/2019",
    nama="SOP PELAKSANAAN PENERIMAAN MAHASISWA BARU JALUR MANDIRI",
)
