"""SOP Layanan Perpustakaan — BPS Provinsi Bengkulu, Tim Diseminasi Statistik.

Source: the signed PDF "345. SOP PERPUSTAKAAN 2025 signed.pdf" in GitHub repository
ocidserver/openSOP, path ``backend/static/sop/documents/general/``, fetched with the ``fetch``
tool; text read with ``pdftotext -layout``, the flowchart read from the page rendered with
``pdftoppm``.

Layout: the same 2025 service template as the Layanan Pengaduan SOP ("Tanggal Pengesahan";
"Uraian Prosedur" merged over an unlabelled number column, "Mutu Buku", "Ket"), with an
"Aplikasi Pelayanan" role. Step 3 is a diamond whose branches are labelled with the media,
"elektronik" (to the application, step 4) and "tercetak" (to the service officer, step 5);
waktu "10 menit", "3 jam"; Kelengkapan holds a web address; every Ket is a paragraph
(service hours, fallbacks), shortened here.
"""
from __future__ import annotations

from corpus._bps import bps_identity, uraian_prosedur_header
from corpus.builder import Arrow, Shape, Sheet, cells, rows
from corpus.facts import Expected

ROLES = ["Pengguna Layanan", "Resepsionis", "Petugas Layanan", "Aplikasi Pelayanan"]
APLIKASI = "Aplikasi https://perpustakaan.bps.go.id/digilib/library/"

IDENTITY, IDENTITY_MERGES, TOP = bps_identity(
    last_col=10,
    tim="TIM DISEMINASI STATISTIK",
    identity=[("Nomor SOP", "SOP-1-100/17000/2025"), ("Tanggal Pembuatan", "24 Februari 2025"),
              ("Tanggal Revisi", "-"), ("Tanggal Pengesahan", "25 Februari 2025"),
              ("Disahkan Oleh", "Kepala BPS Provinsi Bengkulu")],
    signer="Ir. Win Rizal, M.E.\nNIP 196608251988021001",
    nama="Layanan Perpustakaan",
    boxes=[("Dasar Hukum", "1. Undang-Undang Nomor 16 Tahun 1997 tentang Statistik; (dst., 6 butir)",
            "Kualifikasi Pelaksana", "1. Memiliki pengalaman bekerja minimal 2 tahun.\n2. Memahami Tugas "
                                     "Pokok dan prosedur pelayanan.\n3. Pendidikan serendah-rendahnya SMA "
                                     "sederajat."),
           ("Keterkaitan", "1. Seluruh SOP dilingkungan BPS Provinsi Bengkulu", "Peralatan/Perlengkapan",
            "1. Komputer Lengkap\n2. Alat Tulis Kantor\n3. Jaringan Internet"),
           ("Peringatan", "Hambatan dapat saja terjadi :\n1. Jika SOP ini tidak dilaksanakan berdampak pada "
                          "inefisiensi pelaksanaan tugas.", "Pencatatan dan Pendataan", "")],
)
H = TOP
S = H + 2
HEADER, HEADER_MERGES = uraian_prosedur_header(H, ROLES)
_ = None

MATRIX = Sheet(
    "SOP Perpustakaan",
    cells=cells(
        IDENTITY,
        HEADER,
        rows(f"A{S}", [
            [1, "Pengguna layanan membutuhkan layanan Perpustakaan", _, _, _, _, _, _, _,
             "Waktu layanan : Senin-Kamis (08.00-15.30 WIB), Jumat (08.00-16.00 WIB) tanpa jeda "
             "istirahat. …"],
            [2, "Resepsionis mengarahkan pengguna layanan untuk registrasi dan memberikan nomor antrian",
             _, _, _, _, "Biodata, email", "10 menit", _,
             "Jika pengguna layanan mengalami gagal login pada buku tamu PST online sebanyak lebih dari tiga "
             "kali maka resepsionis mengarahkan untuk mengisi form buku tamu alternatif"],
            [3, "Pengguna layanan menentukan media layanan yang ingin digunakan, apakah mengakses layanan "
                "perpustakaan dalam bentuk tercetak atau elektronik", _, _, _, _, _, "10 menit", _,
             "Saat pustaka tercetak yang diminta tidak tersedia, maka petugas layanan menyarankan pengguna "
             "layanan untuk mengakses pustaka elektronik"],
            [4, "Pengguna layanan mengakses layanan perpustakaan elektronik melalui PC yang telah disediakan",
             _, _, _, _, APLIKASI, "3 jam", _, "Jika diperlukan, pengguna layanan dapat menambah waktu …"],
            [5, "Petugas layanan memberikan pustaka tercetak sesuai yang diminta oleh pengguna layanan",
             _, _, _, _, _, "3 jam", _, "Proses pengambilan dan pengembalian pustaka ketempat penyimpanan "
                                        "dilakukan oleh petugas layanan ; pustaka tidak boleh dibawa pulang"],
            [6, "Setelah selesai mengakses layanan, pengguna layanan memberikan penilaian/rating dan umpan "
                "balik terhadap kualitas pelayanan", _, _, _, _, APLIKASI + " atau aplikasi PSTpuas",
             "5 menit",
             "Penilaian / rating", "Untuk kunjungan langsung, petugas layanan menginput riwayat kunjungan di "
                                   "Silastik backend"],
        ]),
    ),
    merges=[*IDENTITY_MERGES, *HEADER_MERGES],
    shapes=[Shape(f"C{S}", "terminator"), Shape(f"D{S + 1}", "rect"), Shape(f"C{S + 2}", "diamond"),
            Shape(f"F{S + 3}", "rect"), Shape(f"E{S + 4}", "rect"), Shape(f"C{S + 5}", "terminator")],
    arrows=[Arrow(0, 1), Arrow(1, 2), Arrow(2, 3, "elektronik"), Arrow(2, 4, "tercetak"), Arrow(3, 5),
            Arrow(4, 5)],
    widths={"A": 4, "B": 38, "C": 13, "D": 13, "E": 13, "F": 13, "G": 20, "H": 9, "I": 12, "J": 30},
    heights={r: 70 for r in range(S, S + 6)},
)

SHEETS = [MATRIX]

# Waktu: every step's waktu as written, the two branches included (what a JUMLAH row would add):
# 10 + 10 menit + 3 jam + 3 jam + 5 menit = 385 menit.
EXPECTED = Expected(
    roles=ROLES,
    actors=[["Pengguna Layanan"], ["Resepsionis"], ["Pengguna Layanan"], ["Aplikasi Pelayanan"],
            ["Petugas Layanan"], ["Pengguna Layanan"]],
    decisions={3: ["elektronik", "tercetak"]},
    waktu=(385, 385),
    nomor="SOP-1-100/17000/2025",
    nama="Layanan Perpustakaan",
)
