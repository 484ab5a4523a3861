"""SOP Pemilihan Employee of The Quarter (EoQ) — BPS Provinsi Bengkulu, Change Agent Network.

Source: the signed PDF "324. SOP Penyelenggaraan Kegiatan Pemilihan Employee of The Quarter
BPS Provinsi Bengkulu signed.pdf" in GitHub repository ocidserver/openSOP, path
``backend/static/sop/documents/procurement/``, fetched with the ``fetch`` tool; text read with
``pdftotext -layout``, the flowchart read from the pages rendered with ``pdftoppm``.

Layout: the identity block with an empty "Tanggal Revisi" value (the next label must not be
taken as its value) and a two-line Nama SOP; an all-capitals header NO. | AKTIVITAS |
PELAKSANA (CC & CA, Bagian Umum, CL, ASN BPS Provinsi) | MUTU BAKU (Kelengkapan, Waktu,
Output) | KETERANGAN; the "Bagian Umum" role carries no symbol in any step. Ten steps over two
printed pages with no header repeated on the second; the flow crosses the page through a
pentagon off-page connector drawn under step 7's box and again beside step 8's box. Waktu
"5 Hari Kerja", "30 Menit", and "Semesteran" for the last step (a frequency, not a duration).
Keterangan texts shortened.
"""
from __future__ import annotations

from corpus._bps import bps_identity
from corpus.builder import Arrow, Shape, Sheet, cells, rows
from corpus.facts import Expected

ROLES = ["CC & CA", "Bagian Umum", "CL", "ASN BPS\nProvinsi"]

IDENTITY, IDENTITY_MERGES, TOP = bps_identity(
    last_col=10,
    tim="CHANGE AGENT NETWORK",
    identity=[("Nomor SOP", "SOP-324/17000/2025"), ("Tanggal Pembuatan", "02 Januari 2025"),
              ("Tanggal Revisi", None), ("Tanggal Efektif", "02 Januari 2025"),
              ("Disahkan oleh", "Kepala BPS Provinsi Bengkulu")],
    signer="Win Rizal",
    nama="SOP Penyelenggaraan Kegiatan Pemilihan Employee of The\nQuarter BPS Provinsi Bengkulu",
    boxes=[("DASAR HUKUM :", "1. Undang-Undang Nomor 16 Tahun 1997 Tentang Statistik; (dst., 10 butir)",
            "KUALIFIKASI PELAKSANA :", "1. Siap mendukung pelaksanaan kegiatan sesuai jadwal dan prosedur "
                                      "yang telah ditetapkan dalam SOP (dst., 5 butir)"),
           ("KETERKAITAN", "", "PERALATAN/ PERLENGKAPAN", "1. PC/Laptop\n2. Jaringan/Internet\n3. Portal "
                                                          "Pintar"
                                                          "\n4. Aplikasi EoQ"),
           ("PERINGATAN", "- Jika prosedur tidak di ikuti, maka pemilihan EoQ akan terhambat",
            "PENCATATAN DAN PENDATAAN", "Disimpan sebagai data elektronik dan manual")],
)
H = TOP
S = H + 2
_ = None

MATRIX = Sheet(
    "SOP EoQ",
    cells=cells(
        IDENTITY,
        rows(f"A{H}", [["NO.", "AKTIVITAS", "PELAKSANA", _, _, _, "MUTU BAKU", _, _, "KETERANGAN"],
                       [_, _, *ROLES, "Kelengkapan", "Waktu", "Output"]]),
        rows(f"A{S}", [
            [1, "Pengumpulan data kepegawaian (Presensi, Hukuman, Pengaduan, Prestasi dan SKP)", _, _, _, _,
             "Format permintaan data kepegawaian", "5 Hari Kerja",
             "Data kepegawaian yang sesuai dengan format yang dibutuhkan",
             "Data kepegawaian yang diperlukan dalam pemilihan EoQ yaitu: - Data presensi … - Data SKP …"],
            [2, "Entri data presensi, hukuman, pengaduan, dan prestasi pegawai dalam sistem EoQ", _, _, _, _,
             "1. Data presensi\n2. Catatan Hukuman\n3. Catatan pengaduan\n4. Catatan prestasi pegawai",
             "30 Menit", "Data presensi, hukuman, pengaduan, dan prestasi pegawai yang telah dientri ke "
                         "dalam "
                         "sistem EoQ"],
            [3, "Penentuan kandidat EoQ yang lulus tahap 1", _, _, _, _,
             "Data presensi, hukuman, pengaduan, dan prestasi pegawai yang telah dientri ke dalam sistem EoQ",
             "1 Hari Kerja", "Daftar kandidat EoQ yang lulus tahap 1",
             "Penilaian tahap 1 EoQ berdasarkan: …"],
            [4, "Penilaian kandidat EoQ tahap 2", _, _, _, _,
             "1. Daftar kandidat EoQ yang lulus tahap 1\n2. Data SKP pegawai\n3. Form penilaian SKP",
             "5 Hari Kerja", "Hasil penilaian kandidat EoQ tahap 2", "Penilaian tahap 2 EoQ berdasarkan: …"],
            [5, "Rapat penentuan kandidat EoQ yang lulus tahap 2", _, _, _, _, "Hasil penilaian kandidat EoQ "
                                                                               "tahap 2",
             "1 Hari Kerja", "Daftar kandidat EoQ yang lulus tahap 2", "Kandidat yang lulus pada tahap 2 "
                                                                       "yaitu: …"],
            [6, "Entri hasil pemilihan EoQ tahap 2 ke dalam sistem EoQ", _, _, _, _,
             "1. Hasil penilaian kandidat EoQ tahap 2\n2. Daftar kandidat EoQ yang lulus tahap 2", "60 Menit",
             "Data pemilihan tahap 2 sudah di entri ke dalam sistem EoQ"],
            [7, "Pemilihan EoQ tahap 3", _, _, _, _, "1. Surat pengumuman pemilihan EoQ tahap 3\n2. Poster "
                "pemilihan EoQ\n3. Halaman pemilihan EoQ pada sistem EoQ", "2 Hari Kerja",
             "1. Daftar hasil pemilihan EoQ tahap 3\n2. BA hasil pemilihan EoQ\n3. Nota dinas penilaian SKP "
             "EoQ "
             "untuk ketua tim terkait", "Penilaian tahap 3 EoQ berdasarkan: …"],
            [8, "Pengumuman EoQ", _, _, _, _, "1. Sertifikat EoQ dan 2 runner up\n2. Hadiah EoQ\n3. Poster "
                                              "EoQ",
             "1 Hari Kerja", "EoQ telah diumumkan", "Pengumuman EoQ dilakukan pada kegiatan yang mengundang "
                                                    "seluruh pegawai …"],
            [9, "Penyusunan Laporan Kegiatan Pemilihan EoQ", _, _, _, _, "Dokumentasi kegiatan", "1 Hari "
                                                                                                 "Kerja",
             "Laporan kegiatan pemilihan EoQ"],
            [10, "Evaluasi dan Penyusunan Laporan Semesteran", _, _, _, _, "Laporan Kegiatan Pemilihan EoQ",
             "Semesteran", "Laporan MP Semesteran",
             "Laporan Semesteran untuk Keseluruhan Agenda Kegiatan Manajemen Perubahan"],
        ]),
    ),
    merges=[*IDENTITY_MERGES, f"A{H}:A{H + 1}", f"B{H}:B{H + 1}", f"C{H}:F{H}", f"G{H}:I{H}",
            f"J{H}:J{H + 1}"],
    shapes=[Shape(f"C{S}", "terminator"), Shape(f"C{S + 1}", "process"), Shape(f"C{S + 2}", "process"),
            Shape(f"C{S + 3}", "process"), Shape(f"C{S + 4}", "process"), Shape(f"E{S + 4}", "process"),
            Shape(f"C{S + 5}", "process"), Shape(f"F{S + 6}", "process", part="top"),
            Shape(f"F{S + 6}", "pentagon", part="bottom"), Shape(f"F{S + 7}", "pentagon"),
            Shape(f"C{S + 7}", "process"), Shape(f"C{S + 8}", "process"), Shape(f"C{S + 9}", "terminator")],
    arrows=[Arrow(0, 1), Arrow(1, 2), Arrow(2, 3), Arrow(3, 4), Arrow(4, 5), Arrow(5, 6), Arrow(6, 7),
            Arrow(7, 8), Arrow(9, 10), Arrow(10, 11), Arrow(11, 12)],
    widths={"A": 5, "B": 32, "C": 12, "D": 12, "E": 12, "F": 12, "G": 16, "H": 11, "I": 16, "J": 30},
    heights={r: 60 for r in range(S, S + 10)},
)

SHEETS = [MATRIX]

# Waktu: 5+1+5+1+2+1+1 = 16 hari kerja (7200 menit) + 30 menit + 60 menit = 7290 menit;
# "Semesteran" (step 10) says how often, not how long, and adds nothing.
EXPECTED = Expected(
    roles=ROLES,
    actors=[["CC & CA"], ["CC & CA"], ["CC & CA"], ["CC & CA"], ["CC & CA", "CL"], ["CC & CA"],
            ["ASN BPS Provinsi"], ["CC & CA"], ["CC & CA"], ["CC & CA"]],
    waktu=(7290, 7290),
    nomor="SOP-324/17000/2025",
    nama="SOP Penyelenggaraan Kegiatan Pemilihan Employee of The Quarter BPS Provinsi Bengkulu",
)
