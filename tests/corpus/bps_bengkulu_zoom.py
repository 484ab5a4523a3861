"""SOP Peminjaman Lisensi Zoom — BPS Provinsi Bengkulu, Tim Teknologi Informasi dan Pengembangan Inovasi.

Source: the signed PDF "045. SOP Peminjaman Lisensi Zoom signed.pdf" in GitHub repository
ocidserver/openSOP, path ``backend/static/sop/documents/hrm/`` (BPS Bengkulu's e-SOP app),
fetched with the ``fetch`` tool; text read with ``pdftotext -layout`` and the flowchart read
from the page rendered with ``pdftoppm`` (which role column each symbol sits in).

Layout: the BPS identity page (labels Nomor SOP / Tanggal Pembuatan / Tanggal Revisi / Tanggal
Efektif / Disahkan oleh, signer's name and NIP in the value), then on the next page
No | Kegiatan | Pelaksana (PJK Terkait, PJK TIP, PJK TI) | Mutu Baku (Kelengkapan, Waktu,
Output) | Keterangan, waktu "30 menit", "1 jam". Symbols are drawn shapes (terminators and
process boxes). The source's step 5 text names "Anggota PJK TI" but its terminator is drawn in
the PJK Terkait column; the expected actor follows the drawing. Legal basis shortened.
"""
from __future__ import annotations

from corpus._bps import bps_identity
from corpus.builder import Arrow, Shape, Sheet, cells, rows
from corpus.facts import Expected

ROLES = ["PJK Terkait", "PJK TIP", "PJK TI"]

IDENTITY, IDENTITY_MERGES, TOP = bps_identity(
    last_col=9,
    tim="TIM TEKNOLOGI INFORMASI DAN PENGEMBANGAN INOVASI",
    identity=[("Nomor SOP", "SOP-045/17000/2025"), ("Tanggal Pembuatan", "8 Januari 2021"),
              ("Tanggal Revisi", "26 Mei 2025"), ("Tanggal Efektif", "2 Juni 2025"),
              ("Disahkan oleh", "Kepala BPS Provinsi Bengkulu")],
    signer="Ir. Win Rizal, M.E.\nNIP. 19660825 198802 1 001",
    nama="Peminjaman Lisensi Zoom",
    boxes=[("DASAR HUKUM :", "1. Undang-Undang Nomor 16 Tahun 1997 Tentang Statistik;\n"
                             "2. Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan; (dst., 10 butir)",
            "KUALIFIKASI PELAKSANA :", "1. Anggota tim harus terdiri dari pegawai yang memahami "
                                      "penggunaan Zoom Meeting\n2. Dapat memegang informasi dan data "
                                      "yang bersifat rahasia"),
           ("KETERKAITAN", "1. PJK terkait", "PERALATAN/ PERLENGKAPAN", "1. Komputer\n2. Lisensi Zoom"),
           ("PERINGATAN", "", "PENCATATAN DAN PENDATAAN", "PC Pegawai")],
)
H = TOP  # header rows H, H+1; steps from H+2

MATRIX = Sheet(
    "SOP 045",
    cells=cells(
        IDENTITY,
        rows(f"A{H}", [["No", "Kegiatan", "Pelaksana", None, None, "Mutu Baku", None, None, "Keterangan"],
                       [None, None, *ROLES, "Kelengkapan", "Waktu", "Output"]]),
        rows(f"A{H + 2}", [
            [1, "Melakukan pengecekan jadwal peminjaman lisensi zoom dan membuat permohonan peminjaman "
                "lisensi ZM pada PORTAL PINTAR", None, None, None, "Nota dinas/ Undangan Kegiatan", "30 "
                                                                                                    "menit",
             "Nota dinas peminjaman lisensi zoom"],
            [2, "PJK TIP menginstruksikan kepada PJK TI untuk melakukan pengecekan jadwal peminjaman "
                "lisensi zoom", None, None, None, "Nota dinas", "10 menit", "Hasil pengecekan jadwal"],
            [3, "PJK TI mengecek jadwal peminjaman pada PORTAL PINTAR dan memberikan akun zoom BPS Provinsi "
                "kepada PJK tim terkait", None, None, None, "Hasil pengisian Form peminjaman", "10 menit",
             "Akun zoom BPS terdaftar yang diupdate lisensi"],
            [4, "Mengingatkan pemohon untuk segera mengunduh rekaman meeting pada akun zoom BPS", None, None,
             None, "Rekaman meeting", "1 jam", "Hasil unduh rekaman meeting"],
            [5, "Anggota PJK TI melakukan managemen lisensi zoom setelah meeting berakhir", None, None, None,
             "Akses admin", "5 menit", "Pengaturan basic"],
        ]),
    ),
    merges=[*IDENTITY_MERGES, f"A{H}:A{H + 1}", f"B{H}:B{H + 1}", f"C{H}:E{H}", f"F{H}:H{H}",
            f"I{H}:I{H + 1}"],
    shapes=[Shape(f"C{H + 2}", "terminator"), Shape(f"D{H + 3}", "process"), Shape(f"E{H + 4}", "process"),
            Shape(f"C{H + 5}", "process"), Shape(f"C{H + 6}", "terminator")],
    arrows=[Arrow(0, 1), Arrow(1, 2), Arrow(2, 3), Arrow(3, 4)],
    widths={"A": 5, "B": 40, "C": 14, "D": 14, "E": 14, "F": 20, "G": 10, "H": 20, "I": 16},
    heights={r: 55 for r in range(H + 2, H + 7)},
)

SHEETS = [MATRIX]

# Waktu: 30 + 10 + 10 + 60 (1 jam) + 5 menit.
EXPECTED = Expected(
    roles=ROLES,
    actors=[["PJK Terkait"], ["PJK TIP"], ["PJK TI"], ["PJK Terkait"], ["PJK Terkait"]],
    waktu=(115, 115),
    nomor="SOP-045/17000/2025",
    nama="Peminjaman Lisensi Zoom",
)
