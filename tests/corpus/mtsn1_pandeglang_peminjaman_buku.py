"""SOP Peminjaman Buku Perpustakaan — MTs Negeri 1 Pandeglang (Kemenag), Perpustakaan.

Source: ``penataan-tata-laksana/file-sop-madrasah/peminjaman-buku-perpustakaan.md`` in GitHub
repository zulfikriyahya/zona-integritas (the madrasah's Zona Integritas documents), snapshot at
commit c954530 (20 Nov 2025), read with ``git show``. Kode SOP SOP/AKD/009, dated 2 Januari 2025,
"Disahkan oleh Kepala MTs Negeri 1 Pandeglang", signature block at the foot. Pandeglang, Banten.
Marked "<!-- FIXME: Pemadanan data -->" by its author: a published draft.

Layout as written (see ``_mtsn.py``): Pelaksana as text, no role columns or symbols. Before the
procedure, a **"Kuota Peminjaman" table whose third column holds durations** ("1 minggu (7
hari)", "2 minggu (14 hari)", "1 bulan …") — not steps; in the workbook its three columns
sit in B-D, column A being the narrow "No" column of the page. The procedure table "7. PROSEDUR
PEMINJAMAN BUKU" has 12 numbered steps with **a decision typed as a step, "6 Status OK?"**, and
**the branch written in a row of its own under it, "↓ YA"** (no number, no Pelaksana; the other
outcome only in Keterangan: "Jika ada masalah, tidak boleh pinjam"); **step 8 "Sistem
mencatat:" continues on four unnumbered rows** ("- Nomor anggota" … "- Tanggal harus
kembali"); waktu "-", **"10-30 menit"**, **"1 menit/buku"**, **"Otomatis"**, **"30 detik"**;
right under the table **"Total Waktu: 5-10 menit"**, which the steps as written do not add up
to (10-30 menit for step 2 alone). Then "Slip Peminjaman berisi:" and the signature block.

In the stored file the text breaks off inside "Slip Peminjaman berisi: - Nama pem" and goes on
with a pasted copy of part of the legalisir ijazah SOP (from its SKHUN "Persyaratan:" to its
closing section, including its 7-step legalisir rapor table) before the madrasah's signature
block; that pasted part belongs to SOP/AKD/006 (``mtsn1_pandeglang_legalisir_ijazah``) and is
left out here. Prose of sections 1-5 shortened ("(dst.)").
"""

from __future__ import annotations

from corpus._mtsn import HEADER, mtsn_sheet
from corpus.facts import Expected

SHEET = mtsn_sheet(
    "Peminjaman Buku",
    title="PEMINJAMAN BUKU PERPUSTAKAAN",
    identity=[
        ("Kode SOP", "SOP/AKD/009"),
        ("Tanggal Pembuatan", "2 Januari 2025"),
        ("Tanggal Revisi", "-"),
        ("Tanggal Efektif", "2 Januari 2025"),
        ("Disahkan oleh", "Kepala MTs Negeri 1 Pandeglang"),
        ("Nama Prosedur", "Peminjaman Buku Perpustakaan"),
        ("Dasar Hukum", "1. UU No. 43 Tahun 2007\n2. Permendikbud No. 23 Tahun 2015\n3. SK Kepala Madrasah"),
    ],
    body=[
        "1. TUJUAN",
        "- Memberikan akses mudah kepada siswa dan guru untuk meminjam buku (dst.)",
        "2. RUANG LINGKUP",
        "SOP ini mengatur: Prosedur peminjaman buku, pengembalian, perpanjangan, denda (dst.)",
        "3. DEFINISI",
        "- Peminjam: Anggota perpustakaan yang meminjam buku (dst.)",
        "4. PENANGGUNG JAWAB",
        "- Kepala Perpustakaan: Koordinator layanan sirkulasi",
        "- Pustakawan: Pelaksana layanan peminjaman/pengembalian",
        "- Tenaga Layanan: Pembantu layanan sirkulasi",
        "5. JENIS BUKU",
        "A. Buku Sirkulasi (Boleh Dipinjam): buku pelajaran (non-paket), fiksi (dst.)",
        "6. KETENTUAN PEMINJAMAN",
        "A. Syarat Peminjam:",
        "1. Terdaftar sebagai anggota perpustakaan",
        "2. Membawa kartu anggota perpustakaan",
        "3. Tidak memiliki tunggakan pinjaman",
        "4. Tidak dalam masa skorsing",
        "B. Kuota Peminjaman:",
        (None, "Kategori Anggota", "Jumlah Buku", "Masa Pinjam"),
        (None, "Siswa", "3 buku", "1 minggu (7 hari)"),
        (None, "Guru/Karyawan", "5 buku", "2 minggu (14 hari)"),
        (None, "Pinjaman Khusus (untuk tugas/penelitian)", "10 buku", "1 bulan (dengan surat pengantar)"),
        "C. Perpanjangan:",
        "- Dapat diperpanjang 1 kali",
        "- Masa perpanjangan: sama dengan masa pinjam awal",
        "7. PROSEDUR PEMINJAMAN BUKU",
        HEADER,
        (1, "Peminjam datang ke perpustakaan", "Peminjam", "-", "Bawa kartu anggota"),
        (2, "Mencari buku yang diinginkan", "Peminjam", "10-30 menit", "Lihat katalog/rak"),
        (3, "Membawa buku ke meja sirkulasi", "Peminjam", "2 menit", "Maksimal sesuai kuota"),
        (4, "Menunjukkan kartu anggota", "Peminjam", "1 menit", "-"),
        (5, "Petugas mengecek status anggota", "Pustakawan", "2 menit", "Cek di sistem: tunggakan, skorsing"),
        (6, "Status OK?", "Pustakawan", "-", "Jika ada masalah, tidak boleh pinjam"),
        (None, "↓ YA"),
        (7, "Petugas scan barcode buku (atau catat manual)", "Pustakawan", "1 menit/buku", "Input ke sistem"),
        (8, "Sistem mencatat:", "Pustakawan", "Otomatis", "-"),
        (None, "- Nomor anggota"),
        (None, "- Nomor buku"),
        (None, "- Tanggal pinjam"),
        (None, "- Tanggal harus kembali"),
        (9, "Cetak slip peminjaman (atau tulis di kartu buku)", "Pustakawan", "1 menit",
         "Diberikan ke peminjam"),
        (10, "Peminjam menandatangani bukti pinjam", "Peminjam", "1 menit", "Di slip/buku peminjaman"),
        (11, "Petugas menaruh kartu buku di kotak peminjaman", "Pustakawan", "30 detik", "Untuk kontrol"),
        (12, "Penyerahan buku ke peminjam", "Pustakawan", "30 detik", "Selamat membaca!"),
        "Total Waktu: 5-10 menit",
        "Slip Peminjaman berisi:",
        "- Nama pem",
    ],
)

SHEETS = [SHEET]

PEMINJAM, PUSTAKAWAN = "Peminjam", "Pustakawan"

# Step 6 is the decision; the only branch label the source writes is "YA" (row "↓ YA"). Waktu
# not checked: "1 menit/buku" is per item and "Otomatis"/"-" are no durations, so the steps
# state no total (as bps_bengkulu_pemusnahan_arsip); the office's own "Total Waktu: 5-10 menit"
# under the table disagrees with its steps (step 2 alone is 10-30 menit).
EXPECTED = Expected(
    roles=[PEMINJAM, PUSTAKAWAN],
    actors=[
        [PEMINJAM], [PEMINJAM], [PEMINJAM], [PEMINJAM], [PUSTAKAWAN], [PUSTAKAWAN],
        [PUSTAKAWAN], [PUSTAKAWAN], [PUSTAKAWAN], [PEMINJAM], [PUSTAKAWAN], [PUSTAKAWAN],
    ],
    decisions={6: ["YA"]},
    nomor="SOP/AKD/009",
    nama="Peminjaman Buku Perpustakaan",
)
