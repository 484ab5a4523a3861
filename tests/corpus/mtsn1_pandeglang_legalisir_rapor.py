"""SOP Pelayanan Legalisir Rapor — MTs Negeri 1 Pandeglang (Kemenag), Tata Usaha and Kurikulum.

Source: ``penataan-tata-laksana/file-sop-madrasah/pelayanan-legalisir-rapor.md`` in GitHub
repository zulfikriyahya/zona-integritas (the madrasah's Zona Integritas documents), snapshot at
commit c954530 (20 Nov 2025), read with ``git show``. Kode SOP SOP/AKD/007, dated 2 Januari 2025,
"Disahkan oleh Kepala MTs Negeri 1 Pandeglang", signature block at the foot. Pandeglang, Banten.
Marked "<!-- FIXME: Pemadanan data -->" by its author: a published draft.

Layout as written (see ``_mtsn.py``): Pelaksana as text, no role columns or symbols; **table A
with 17 steps naming five different Pelaksana** (Pemohon, Staf TU, Waka Kurikulum, Kepala TU,
Kepala Madrasah) with **conditional steps written as plain rows** ("8 Jika ditemukan perbedaan,
konfirmasi ke Waka Kurikulum", "9 Jika sesuai, pembubuhan paraf …"), waktu in menit, **"4 jam"**
and **"1 hari"**; **table C (legalisir for a current student) numbered again from 1 with two
more Pelaksana (Siswa, Wali Kelas) and "2 hari"**; B and D only refer to A ("Sama dengan
prosedur legalisir rapor lengkap"); every table followed by "Waktu Penyelesaian: … hari kerja"
and "Biaya: GRATIS". After the tables: a numbered list of refusal reasons ("1. Rapor tidak asli
atau palsu" …), the register table "No | Tanggal | Nama Pemohon | Status | …" with sample rows 1
and 2, "Komitmen:" lines with durations ("Pengaduan ditanggapi maksimal 1x24 jam") and the
**signature block**. The Mermaid diagram of section 8 (three diamonds "Lengkap?", "Sesuai?",
"Nilai Sesuai?" that have no row of their own in the table) and the stamp drawing are left
out; long prose is shortened ("(dst.)").
"""

from __future__ import annotations

from corpus._mtsn import HEADER, mtsn_sheet
from corpus.facts import Expected

SHEET = mtsn_sheet(
    "Legalisir Rapor",
    title="PELAYANAN LEGALISIR RAPOR",
    identity=[
        ("Kode SOP", "SOP/AKD/007"),
        ("Tanggal Pembuatan", "2 Januari 2025"),
        ("Tanggal Revisi", "-"),
        ("Tanggal Efektif", "2 Januari 2025"),
        ("Disahkan oleh", "Kepala MTs Negeri 1 Pandeglang"),
        ("Nama Prosedur", "Pelayanan Legalisir Rapor"),
        ("Dasar Hukum", "1. UU No. 20 Tahun 2003\n2. Permendikbud No. 18 Tahun 2016\n3. SK Kepala Madrasah"),
    ],
    body=[
        "1. TUJUAN",
        "- Memberikan layanan legalisir rapor yang cepat dan akurat (dst.)",
        "2. RUANG LINGKUP",
        "SOP ini berlaku untuk: legalisir rapor siswa aktif, alumni, lengkap, sebagian (dst.)",
        "3. DEFINISI",
        "- Rapor: Buku laporan hasil belajar siswa per semester (dst.)",
        "4. PENANGGUNG JAWAB",
        "- Kepala Madrasah: Pengesahan legalisir",
        "- Wakil Kepala Kurikulum: Verifikasi nilai",
        "- Kepala TU: Koordinator pelayanan",
        "- Staf TU: Pelaksana teknis",
        "5. JENIS LAYANAN LEGALISIR RAPOR",
        "A. LEGALISIR RAPOR LENGKAP (Semester 1-6)",
        "Keperluan:",
        "- Pendaftaran SMA/MA/SMK (dst.)",
        "Persyaratan:",
        "1. Formulir permohonan legalisir",
        "2. Fotokopi rapor lengkap yang akan dilegalisir (1-3 set)",
        "3. Rapor asli (untuk dicocokkan)",
        "4. Fotokopi ijazah (untuk alumni)",
        "5. Kartu identitas pemohon (KTP/KK/Kartu Pelajar)",
        "6. Surat kuasa (jika diwakilkan) + KTP pemberi kuasa",
        "Prosedur:",
        HEADER,
        (1, "Pemohon datang ke loket TU", "Pemohon", "5 menit", "Bawa dokumen lengkap"),
        (2, "Mengambil dan mengisi formulir permohonan", "Pemohon", "10 menit", "Isi dengan lengkap"),
        (3, "Menyerahkan berkas ke petugas TU", "Pemohon", "5 menit", "Formulir + dokumen"),
        (4, "Petugas menerima dan mengecek kelengkapan", "Staf TU", "10 menit", "Checklist persyaratan"),
        (5, "Verifikasi identitas pemohon", "Staf TU", "5 menit", "Cek KTP/kartu pelajar"),
        (6, "Pencocokan rapor asli dengan fotokopi", "Staf TU", "15 menit", "Per semester"),
        (7, "Verifikasi nilai dengan leger di arsip", "Staf TU", "30 menit", "Dari buku leger"),
        (8, "Jika ditemukan perbedaan, konfirmasi ke Waka Kurikulum", "Staf TU", "1 hari",
         "Pengecekan ulang"),
        (9, "Jika sesuai, pembubuhan paraf pada setiap halaman", "Staf TU", "20 menit",
         "Setiap halaman nilai"),
        (10, 'Pembubuhan stempel "Sesuai Dengan Aslinya"', "Staf TU", "10 menit", "Setiap halaman"),
        (11, "Pencantuman tanggal legalisir", "Staf TU", "5 menit", "-"),
        (12, "Verifikasi akhir oleh Waka Kurikulum", "Waka Kurikulum", "1 hari", "Spot check"),
        (13, "Disposisi ke Kepala Madrasah untuk TTD", "Kepala TU", "4 jam", "-"),
        (14, "TTD dan cap oleh Kepala Madrasah", "Kepala Madrasah", "1 hari", "Setiap halaman/cover"),
        (15, "Pencatatan dalam buku register", "Staf TU", "10 menit", "Nomor urut"),
        (16, "Pemberitahuan ke pemohon", "Staf TU", "5 menit", "Via HP/WA"),
        (17, "Penyerahan rapor yang sudah dilegalisir", "Staf TU", "10 menit",
         "Cek ulang + TTD bukti terima"),
        "Waktu Penyelesaian: 2-3 hari kerja",
        "Biaya: GRATIS",
        "B. LEGALISIR RAPOR SEBAGIAN (Semester Tertentu)",
        "Keperluan:",
        "- Keperluan khusus yang hanya membutuhkan nilai semester tertentu (dst.)",
        "Persyaratan:",
        "Sama dengan legalisir rapor lengkap, hanya fotokopi rapor sesuai semester yang dibutuhkan",
        "Prosedur:",
        "Sama dengan prosedur legalisir rapor lengkap",
        "Waktu Penyelesaian: 2 hari kerja",
        "Biaya: GRATIS",
        "C. LEGALISIR RAPOR SISWA AKTIF",
        "Persyaratan:",
        "1. Formulir permohonan (diketahui wali kelas) (dst.)",
        "Prosedur:",
        HEADER,
        (1, "Siswa konsultasi ke wali kelas", "Siswa", "15 menit", "Sampaikan keperluan"),
        (2, "Wali kelas memberikan persetujuan", "Wali Kelas", "5 menit", "Paraf formulir"),
        (3, "Siswa menyerahkan formulir ke TU", "Siswa", "5 menit", "-"),
        (4, "Proses verifikasi dan legalisir", "Staf TU", "2 hari", "Sama dengan prosedur umum"),
        (5, "Penyerahan ke siswa via wali kelas", "Staf TU", "5 menit", "-"),
        "Waktu Penyelesaian: 2 hari kerja",
        "Biaya: GRATIS",
        "D. LEGALISIR RAPOR ALUMNI",
        "Keperluan:",
        "- Pendaftaran kuliah (dst.)",
        "Persyaratan:",
        "1. Formulir permohonan (dst.)",
        "Prosedur:",
        "Sama dengan legalisir rapor lengkap, dengan tambahan pengecekan tahun kelulusan di buku alumni",
        "Waktu Penyelesaian: 2-3 hari kerja",
        "Biaya: GRATIS",
        "6. KETENTUAN KHUSUS",
        "- Per pemohon: Maksimal 5 set rapor lengkap per kunjungan (dst.)",
        "7. PENOLAKAN LEGALISIR",
        "Legalisir rapor dapat ditolak jika:",
        "1. Rapor tidak asli atau palsu",
        "2. Nilai tidak sesuai dengan arsip",
        "3. Rapor rusak/tidak terbaca",
        "4. Pemohon tidak bisa menunjukkan rapor asli",
        "5. Data siswa tidak ditemukan di arsip",
        "11. PENCATATAN DAN PELAPORAN",
        "A. Buku Register Legalisir Rapor:",
        ("No", "Tanggal", "Nama Pemohon", "Status", "Keperluan", "Semester", "Jumlah Set", "TTD Penerima"),
        (1, "08/01/25", "Rina Wati", "Alumni (2024)", "Daftar SMA", "1-6", "3 set", "(...)"),
        (2, "08/01/25", "Budi (VIII-A)", "Siswa Aktif", "Beasiswa", "1-4", "2 set", "(...)"),
        "15. PENGADUAN",
        "Komitmen:",
        "- Pengaduan ditanggapi maksimal 1x24 jam",
        "- Investigasi maksimal 2 hari",
        "- Solusi diberikan maksimal 3 hari",
        "16. PENUTUP",
        "SOP ini dibuat untuk memberikan pelayanan legalisir rapor yang cepat, mudah, dan gratis (dst.)",
    ],
)

SHEETS = [SHEET]

PEMOHON, STAF, WAKA, KTU, KAMAD = "Pemohon", "Staf TU", "Waka Kurikulum", "Kepala TU", "Kepala Madrasah"
SISWA, WALI = "Siswa", "Wali Kelas"

# Roles in the order the Pelaksana column first names them. Waktu, every step as written
# (1 hari = 450 menit, 1 jam = 60): table A 5+10+5+10+5+15+30+450+20+10+5+450+240+450+10+5+10
# = 1730, table C 15+5+5+900+5 = 930: 2660 menit. "Jika …" rows are steps of the table, not
# decisions: the table gives them a number, a Pelaksana and a waktu like any other step.
EXPECTED = Expected(
    roles=[PEMOHON, STAF, WAKA, KTU, KAMAD, SISWA, WALI],
    actors=[
        [PEMOHON], [PEMOHON], [PEMOHON], [STAF], [STAF], [STAF], [STAF], [STAF], [STAF],
        [STAF], [STAF], [WAKA], [KTU], [KAMAD], [STAF], [STAF], [STAF],
        [SISWA], [WALI], [SISWA], [STAF], [STAF],
    ],
    waktu=(2660, 2660),
    nomor="SOP/AKD/007",
    nama="Pelayanan Legalisir Rapor",
)
