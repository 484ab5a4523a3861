"""SOP Layanan Pengaduan — BPS Provinsi Bengkulu, Tim Diseminasi Statistik.

Source: the signed PDF "343. SOP PENGADUAN 2025 signed.pdf" in GitHub repository
ocidserver/openSOP, path ``backend/static/sop/documents/general/`` (BPS Bengkulu's e-SOP app),
fetched with the ``fetch`` tool; text read with ``pdftotext -layout`` and the flowchart read
from the page rendered with ``pdftoppm``.

Layout: the BPS identity page with "Tanggal Pengesahan" instead of "Tanggal Efektif"; the
matrix headed "Uraian Prosedur" merged over an unlabelled number column and the text column
(no "No"), "Pelaksana" over four roles, "Mutu Buku" (sic) over Kelengkapan/Waktu/Output,
"Ket". Two decisions drawn as diamonds with labels typed beside the arrows ("Ya"/"tidak",
"Kotak Pengaduan"/"Tatap muka"); one step row has no number (the complainant's own step,
drawn in the "Sarana Pelayanan" column between steps 5 and 6); waktu "10 hari kerja".
Symbols are placed where the source draws them, which is not always the column of the
actor the text names (steps 4 and 7 are drawn in the Pengguna Layanan column). Ket texts
shortened.
"""
from __future__ import annotations

from corpus._bps import bps_identity, uraian_prosedur_header
from corpus.builder import Arrow, Shape, Sheet, cells, rows
from corpus.facts import Expected

ROLES = ["Pengguna Layanan", "Resepsionis", "Petugas Layanan", "Sarana Pelayanan"]

IDENTITY, IDENTITY_MERGES, TOP = bps_identity(
    last_col=10,
    tim="TIM DISEMINASI STATISTIK",
    identity=[("Nomor SOP", "SOP-1-107/17000/2025"), ("Tanggal Pembuatan", "24 Februari 2025"),
              ("Tanggal Revisi", "-"), ("Tanggal Pengesahan", "25 Februari 2025"),
              ("Disahkan Oleh", "Kepala BPS Provinsi Bengkulu")],
    signer="Ir. Win Rizal, M.E.\nNIP 196608251988021001",
    nama="Layanan Pengaduan",
    boxes=[("Dasar Hukum", "1. Undang-Undang Nomor 16 Tahun 1997 tentang Statistik; (dst., 6 butir)",
            "Kualifikasi Pelaksana", "1. Memiliki pengalaman bekerja minimal 2 tahun.\n2. Memahami tugas "
                                     "pokok dan prosedur pelayanan pengaduan.\n3. Pendidikan "
                                     "serendah-rendahnya SMA sederajat."),
           ("Keterkaitan", "1. Seluruh SOP dilingkungan BPS Provinsi Bengkulu", "Peralatan/Perlengkapan",
            "1. Komputer Lengkap\n2. Alat Tulis Kantor\n3. Jaringan Internet"),
           ("Peringatan", "Hambatan dapat saja terjadi :\n1. Jika SOP ini tidak dilaksanakan berdampak pada "
                          "inefisiensi pelaksanaan tugas.", "Pencatatan dan Pendataan", "")],
)
H = TOP
S = H + 2  # first step row
HEADER, HEADER_MERGES = uraian_prosedur_header(H, ROLES)
_ = None

MATRIX = Sheet(
    "SOP Pengaduan",
    cells=cells(
        IDENTITY,
        HEADER,
        rows(f"A{S}", [
            [1, "Pengguna layanan membutuhkan layanan pengaduan"],
            [2, "Pengguna layanan menentukan media layanan yang akan digunakan, apakah layanan online atau "
                "tidak\n\nJika ia, maka pengguna layanan mengakses sarana pengaduan online\n\nJika tidak, "
                "maka pengguna layanan datang langsung ke layanan pengaduan BPS Provinsi Bengkulu dengan "
                "menemui resepsionis", _, _, _, _, _, _, _,
             "Sarana pengaduan online yang digunakan adalah: LAPOR (lapor.go.id); Website PPID; LEMPUK; "
             "SMS/WA; Email (ppid1700@bps.go.id)"],
            [3, "Resepsionis mengarahkan pengguna layanan untuk registrasi", _, _, _, _, "Biodata, email",
             "10 menit"],
            [4, "Resepsionis mengarahkan pengguna layanan untuk memilih sarana pengaduan yang di inginkan",
             _, _, _, _, _, _, _, "Sarana pengaduan yang tersedia adalah kotak pengaduan atau layanan "
                                  "pengaduan tatap muka"],
            [5, "Petugas layanan menerima pengaduan yang diberikan oleh pengguna layanan.", _, _, _, _, _,
             "1 jam"],
            [_, "Pengguna layanan menyampaikan pengaduan pada sarana yang dipilih", _, _, _, _,
             "Biodata, email", "30 menit"],
            [6, "Petugas layanan melakukan telaah terhadap pengaduan yang masuk", _, _, _, _, _,
             "10 hari kerja", "Tindak lanjut pengaduan",
             "Untuk pengaduan yang membutuhkan tindaklanjut dari pimpinan, maka pengaduan akan diproses "
             "lebih lanjut maksimal 10 hari kerja"],
            [7, "Petugas pelayanan menyampaikan hasil tindaklanjut dari pengaduan yang disampaikan kepada "
                "pengguna layanan"],
            [8, "Pengguna layanan memberikan penilaian/rating dan umpan balik terhadap kualitas pelayanan "
                "dan menutup transaksi / percakapan", _, _, _, _, _, "10 menit", "Penilaian/ rating"],
        ]),
    ),
    merges=[*IDENTITY_MERGES, *HEADER_MERGES],
    shapes=[Shape(f"C{S}", "terminator"), Shape(f"C{S + 1}", "diamond"), Shape(f"D{S + 2}", "rect"),
            Shape(f"C{S + 3}", "diamond"), Shape(f"E{S + 4}", "rect"), Shape(f"F{S + 5}", "rect"),
            Shape(f"E{S + 6}", "rect"), Shape(f"C{S + 7}", "rect"), Shape(f"C{S + 8}", "terminator")],
    arrows=[Arrow(0, 1), Arrow(1, 5, "Ya"), Arrow(1, 2, "tidak"), Arrow(2, 3),
            Arrow(3, 5, "Kotak Pengaduan"), Arrow(3, 4, "Tatap muka"), Arrow(4, 6), Arrow(5, 6),
            Arrow(6, 7), Arrow(7, 8)],
    widths={"A": 4, "B": 38, "C": 13, "D": 13, "E": 13, "F": 13, "G": 14, "H": 9, "I": 12, "J": 30},
    heights={**{r: 45 for r in range(S, S + 9)}, S + 1: 120},
)

SHEETS = [MATRIX]

# Nine step rows: eight numbered and the unnumbered complainant's step between 5 and 6.
# Waktu: 10 menit + 1 jam + 30 menit + 10 hari kerja (10 x 7.5 jam = 4500 menit) + 10 menit.
EXPECTED = Expected(
    roles=ROLES,
    actors=[["Pengguna Layanan"], ["Pengguna Layanan"], ["Resepsionis"], ["Pengguna Layanan"],
            ["Petugas Layanan"], ["Sarana Pelayanan"], ["Petugas Layanan"], ["Pengguna Layanan"],
            ["Pengguna Layanan"]],
    decisions={2: ["Ya", "tidak"], 4: ["Kotak Pengaduan", "Tatap muka"]},
    waktu=(4610, 4610),
    nomor="SOP-1-107/17000/2025",
    nama="Layanan Pengaduan",
)
