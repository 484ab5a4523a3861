"""SOP Pelayanan Legalisir Ijazah dan Dokumen — MTs Negeri 1 Pandeglang (Kemenag), Tata Usaha.

Source: ``penataan-tata-laksana/file-sop-madrasah/pelayanan-legalisir-ijazah.md`` in GitHub
repository zulfikriyahya/zona-integritas (the madrasah's Zona Integritas documents, area
"Penataan Tata Laksana"), snapshot at commit c954530 (20 Nov 2025), read with ``git show``.
Kode SOP SOP/AKD/006, Tanggal Pembuatan and Efektif 2 Januari 2025, "Disahkan oleh Kepala MTs
Negeri 1 Pandeglang", signed at the foot by H. Eman Sulaiman. A state madrasah tsanawiyah
under the Kementerian Agama, Pandeglang, Banten. The page carries a "<!-- FIXME: Pemadanan
data -->" marker of its author: a published draft, not a signed scan.

Layout as written (see ``_mtsn.py``): title "PELAYANAN LEGALISIR IJAZAH" while the Nama
Prosedur says "Pelayanan Legalisir Ijazah dan Dokumen"; **the actor of each step typed in a
"Pelaksana" text column**, no role columns, no symbols; **two procedure tables**, A (ijazah,
9 steps) and C (rapor, 7 steps, numbered again from 1), each under a lettered heading with a
"Persyaratan:" list (numbered "1." … inside the text) and followed by **"Waktu Penyelesaian:
1-2 hari kerja" and "Biaya: GRATIS"**; B and D only say "Sama dengan prosedur legalisir ijazah"
(no steps of their own); step 4 and 6 hold sub-items on extra lines ("- Nomor seri ijazah");
after the tables a numbered list of refusal reasons, a **"Catatan:"** list, a **register table
"No | Tanggal | Nama Pemohon | …" with two sample rows numbered 1 and 2**, and the **signature
block** at the very end. Shortened here: the prose of sections 1-3 and 10-14 ("… (dst.)");
the Mermaid diagram of section 7 and the stamp drawing of section 9 are left out.
"""

from __future__ import annotations

from corpus._mtsn import HEADER, mtsn_sheet
from corpus.facts import Expected

PERSYARATAN = "Persyaratan:"

SHEET = mtsn_sheet(
    "Legalisir Ijazah",
    title="PELAYANAN LEGALISIR IJAZAH",
    identity=[
        ("Kode SOP", "SOP/AKD/006"),
        ("Tanggal Pembuatan", "2 Januari 2025"),
        ("Tanggal Revisi", "-"),
        ("Tanggal Efektif", "2 Januari 2025"),
        ("Disahkan oleh", "Kepala MTs Negeri 1 Pandeglang"),
        ("Nama Prosedur", "Pelayanan Legalisir Ijazah dan Dokumen"),
        (
            "Dasar Hukum",
            "1. UU No. 20 Tahun 2003 tentang Sisdiknas\n2. Permendikbud No. 18 Tahun 2016\n"
            "3. SK Kepala Madrasah",
        ),
    ],
    body=[
        "1. TUJUAN",
        "- Memberikan pelayanan legalisir dokumen yang cepat dan akurat (dst.)",
        "2. RUANG LINGKUP",
        "SOP ini berlaku untuk: Legalisir Ijazah MTs, SKHUN, Rapor, Sertifikat/Piagam (dst.)",
        "3. DEFINISI",
        "- Legalisir: Proses pengesahan fotokopi dokumen … (dst.)",
        "4. PENANGGUNG JAWAB",
        "- Kepala Madrasah: Pengesahan legalisir",
        "- Kepala TU: Koordinator pelayanan legalisir",
        "- Staf TU: Verifikator dan pelaksana teknis",
        "5. JENIS LAYANAN LEGALISIR",
        "A. LEGALISIR IJAZAH",
        PERSYARATAN,
        "1. Fotokopi ijazah yang akan dilegalisir (sesuai kebutuhan)",
        "2. Ijazah asli (untuk ditunjukkan/dicocokkan)",
        "3. Kartu identitas pemohon (KTP/KK)",
        "4. Surat kuasa (jika diwakilkan) + KTP pemberi kuasa",
        "Prosedur:",
        HEADER,
        (1, "Pemohon datang ke loket TU dengan membawa dokumen lengkap", "Pemohon", "5 menit", "-"),
        (2, "Mengisi formulir permohonan legalisir", "Pemohon", "10 menit", "Formulir tersedia di TU"),
        (3, "Menyerahkan berkas ke petugas TU", "Pemohon", "5 menit", "-"),
        (
            4,
            "Petugas memeriksa keaslian ijazah dengan mencocokkan:\n- Nomor seri ijazah\n"
            "- Nama dan data siswa\n- Tandatangan Kepala Madrasah\n- Cap/stempel madrasah",
            "Staf TU",
            "15 menit",
            "Cek buku induk & arsip",
        ),
        (5, "Petugas mencocokkan dengan database/buku induk siswa", "Staf TU", "10 menit", "-"),
        (
            6,
            "Jika data sesuai, petugas membubuhkan:\n- Paraf petugas\n"
            '- Stempel "Sesuai Dengan Aslinya"\n- Tanggal legalisir',
            "Staf TU",
            "5 menit",
            "-",
        ),
        (7, "Kepala Madrasah menandatangani dan membubuhkan cap", "Kepala Madrasah", "1 hari",
         "Tergantung ketersediaan"),
        (8, "Pencatatan dalam buku register legalisir", "Staf TU", "5 menit", "Nomor urut legalisir"),
        (9, "Penyerahan dokumen yang sudah dilegalisir", "Staf TU", "5 menit",
         "Pemohon tandatangan bukti terima"),
        "Waktu Penyelesaian: 1-2 hari kerja",
        "Biaya: GRATIS",
        "B. LEGALISIR SKHUN (Surat Keterangan Hasil Ujian Nasional)",
        PERSYARATAN,
        "1. Fotokopi SKHUN yang akan dilegalisir (dst.)",
        "Prosedur:",
        "Sama dengan prosedur legalisir ijazah (poin A)",
        "Waktu Penyelesaian: 1-2 hari kerja",
        "Biaya: GRATIS",
        "C. LEGALISIR RAPOR",
        PERSYARATAN,
        "1. Fotokopi rapor lengkap (semester 1-6) yang akan dilegalisir (dst.)",
        "Prosedur:",
        HEADER,
        (1, "Pemohon mengisi formulir permohonan", "Pemohon", "10 menit", "-"),
        (2, "Menyerahkan berkas lengkap", "Pemohon", "5 menit", "-"),
        (3, "Verifikasi keaslian rapor", "Staf TU", "20 menit", "Cek dengan arsip nilai"),
        (4, "Pencocokan dengan leger nilai", "Staf TU", "15 menit", "-"),
        (5, "Pembubuhan stempel dan paraf pada setiap halaman rapor", "Staf TU", "15 menit",
         "Setiap halaman nilai"),
        (6, "Penandatanganan oleh Kepala Madrasah", "Kepala Madrasah", "1 hari", "-"),
        (7, "Pencatatan dan penyerahan", "Staf TU", "10 menit", "-"),
        "Waktu Penyelesaian: 2-3 hari kerja",
        "Biaya: GRATIS",
        "D. LEGALISIR SERTIFIKAT/PIAGAM PRESTASI",
        PERSYARATAN,
        "1. Fotokopi sertifikat/piagam yang akan dilegalisir (dst.)",
        "Prosedur:",
        "Sama dengan prosedur legalisir ijazah dengan tambahan pengecekan pada arsip prestasi siswa",
        "Waktu Penyelesaian: 1-2 hari kerja",
        "Biaya: GRATIS",
        "6. KETENTUAN KHUSUS",
        "C. Penolakan Legalisir:",
        "Legalisir dapat ditolak jika:",
        "1. Dokumen yang diajukan bukan asli/palsu",
        "2. Data tidak sesuai dengan arsip madrasah",
        "3. Pemohon tidak dapat menunjukkan dokumen asli",
        "4. Dokumen rusak/tidak terbaca",
        "5. Alumni bukan lulusan MTs Negeri 1 Pandeglang",
        "8. JAM PELAYANAN",
        "Hari Kerja: Senin - Kamis: 08.00 - 14.30 WIB (dst.)",
        "Catatan:",
        "- Pengambilan dokumen yang sudah jadi dapat dilakukan pada hari berikutnya",
        "- Untuk legalisir mendadak dapat dikonsultasikan dengan Kepala TU",
        "11. PENCATATAN DAN DOKUMENTASI",
        "Buku Register Legalisir:",
        ("No", "Tanggal", "Nama Pemohon", "Jenis Dokumen", "Jumlah", "Nomor Ijazah/SKHUN",
         "Tahun Lulus", "Tanda Tangan"),
        (1, "03/01/2025", "Ahmad Fauzi", "Ijazah", "3 lembar", "MTs.12.01/001/2023", 2023, "(...)"),
        (2, "03/01/2025", "Siti Nurhaliza", "SKHUN", "2 lembar", "001/MTs/2023", 2023, "(...)"),
        "14. PENUTUP",
        "SOP ini berlaku sejak tanggal ditetapkan dan akan dievaluasi setiap tahun (dst.)",
    ],
)

SHEETS = [SHEET]

PEMOHON, STAF, KEPALA = "Pemohon", "Staf TU", "Kepala Madrasah"

# Roles in the order the Pelaksana column first names them. Waktu: table A 5+10+5+15+10+5+
# 1 hari (450)+5+5 = 510 menit, table C 10+5+20+15+15+1 hari (450)+10 = 525 menit: 1035.
# The register table (A-H) is sample data, not steps; "Waktu
# Penyelesaian: 1-2 hari kerja" is the office's own estimate, not a step.
EXPECTED = Expected(
    roles=[PEMOHON, STAF, KEPALA],
    actors=[
        [PEMOHON], [PEMOHON], [PEMOHON], [STAF], [STAF], [STAF], [KEPALA], [STAF], [STAF],
        [PEMOHON], [PEMOHON], [STAF], [STAF], [STAF], [KEPALA], [STAF],
    ],
    waktu=(1035, 1035),
    nomor="SOP/AKD/006",
    nama="Pelayanan Legalisir Ijazah dan Dokumen",
)
