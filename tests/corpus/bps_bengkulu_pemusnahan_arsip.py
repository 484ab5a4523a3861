"""SOP Pemusnahan Arsip — BPS Provinsi Bengkulu, Tim Bagian Umum.

Source: the signed PDF "016. SOP Kearsipan - Pemusnahan signed.pdf" in GitHub repository
ocidserver/openSOP, path ``backend/static/sop/documents/it/``, fetched with the ``fetch``
tool; text read with ``pdftotext -layout``, the flowchart read from the page rendered (and
zoomed) with ``pdftoppm``.

Layout: identity label **"NOMOR SOP AP"** and "TGL." labels; NO | Kegiatan | Pelaksana
(Pimpinan Unit Kearsipan II, Penanggungjawab Unit Kearsipan, Arsiparis) | Mutu Baku | Ket.
Waktu given **per item** ("2 menit/berkas", "1 menit/berkas") beside fixed ones ("5 menit",
"4 jam"), so the source states no total. Drawn symbols: branches that end in a terminator in
the middle of the flow (steps 3 and 8 each hold a terminator beside process boxes), three
actors in one row (steps 3, 6 and 8).
"""
from __future__ import annotations

from corpus._bps import bps_identity
from corpus.builder import Arrow, Shape, Sheet, cells, rows
from corpus.facts import Expected

ROLES = ["Pimpinan Unit\nKearsipan II", "Penanggungjawab\nUnit Kearsipan", "Arsiparis"]
PC = "1. PC/Laptop\n2. Jaringan internet"

IDENTITY, IDENTITY_MERGES, TOP = bps_identity(
    last_col=9,
    tim="TIM BAGIAN UMUM",
    identity=[("NOMOR SOP AP", "SOP-016/17000/2025"), ("TGL. PEMBUATAN", "2 Juni 2025"), ("TGL. REVISI", "-"),
              ("TGL. EFEKTIF", "2 Juni 2025"), ("DISAHKAN OLEH", "Kepala BPS Provinsi Bengkulu")],
    signer="Ir. Win Rizal, M.E.\nNIP 196608251988021001",
    nama="PEMUSNAHAN ARSIP",
    nama_label="NAMA SOP",
    boxes=[("DASAR HUKUM", "1. Undang-undang Nomor 43 tahun 2009 tentang Kearsipan; (dst., 7 butir)",
            "KUALIFIKASI PELAKSANA", "1. Memahami peraturan terkait penyusutan arsip (dst.)"),
           ("KETERKAITAN", "1. SOP Pengelolaan Arsip Aktif\n2. SOP Pengelolaan Arsip Inaktif\n3. SOP "
                           "Penyusutan "
                           "Arsip", "PERALATAN/PERLENGKAPAN",
            "1. Jadwal Retensi Arsip BPS\n2. Daftar Arsip Usul Musnah\n3. Rekomendasi ANRI\n4. Keputusan "
            "Kepala "
            "BPS tentang Pemusnahan Arsip"),
           ("PERINGATAN", "Apabila tidak dilakukan maka kegiatan penyusutan arsip tidak berjalan dengan "
                          "efektif.",
            "PENCATATAN DAN PENDATAAN :", "Berita Acara Pemusnahan Arsip")],
)
H = TOP
S = H + 2
_ = None

MATRIX = Sheet(
    "Pemusnahan Arsip",
    cells=cells(
        IDENTITY,
        rows(f"A{H}", [["NO", "Kegiatan", "Pelaksana", _, _, "Mutu Baku", _, _, "Ket."],
                       [_, _, *ROLES, "Kelengkapan", "Waktu", "Output"]]),
        rows(f"A{S}", [
            [1, "Menyeleksi arsip sesuai Jadwal Retensi Arsip", _, _, _, "1. Berkas\n2. Jadwal Retensi Arsip",
             "2 menit/berkas", "Berkas Arsip Musnah/Usul Statis", "Tim Arsiparis"],
            [2, "Membuat daftar arsip usul musnah", _, _, _, PC, "2 menit/berkas", "Daftar Usul Musnah/Usul "
                                                                                   "Statis",
             "Tim Arsiparis"],
            [3, "Menilai arsip yang akan dimusnahkan oleh Panitia Penilai Arsip", _, _, _, "Jadwal Retensi "
                                                                                           "Arsip",
             "3 menit/berkas", "Surat Pertimbangan Panitia Penilai Arsip", "Tim Arsiparis"],
            [4, "Mengajukan permohonan pemusnahan arsip ke Biro Umum selaku Unit Kearsipan I", _, _, _, PC,
             "5 menit", "Berkas Permohonan Pemusnahan/Pemindahan", "Pengiriman surat melalui elektronik"],
            [5, "Menerima surat keputusan pemusnahan arsip dari Unit Kearsipan I", _, _, _, PC, "5 menit",
             "SK Pemusnahan Arsip/Pemindahan Arsip", "Proses pengajuan 2 bulan"],
            [6, "Pimpinan Unit Kearsipan II memberi perintah kepada tim pemusnahan arsip untuk menyiapkan "
                "proses "
                "pemusnahan arsip", _, _, _, PC, "10 menit", "1. Dokumen Pemusnahan/Pemindahan\n2. BA "
                                                          "Pemusnahan/Pemindahan"],
            [7, "Pelaksanaan pemusnahan arsip", _, _, _, "Arsip yang akan dimusnahkan", "1 menit/berkas",
             "Dokumentasi", "Arsiparis/pihak ketiga"],
            [8, "Penandatanganan Berita Acara Pemusnahan Arsip", _, _, _, "1. ATK", "5 menit",
             "Berita Acara Pemusnahan Arsip", "Arsiparis dan para saksi"],
            [9, "Menyusun Laporan Pemusnahan", _, _, _, "PC/Laptop", "4 jam", "Laporan", "Tim Arsiparis"],
        ]),
    ),
    merges=[*IDENTITY_MERGES, f"A{H}:A{H + 1}", f"B{H}:B{H + 1}", f"C{H}:E{H}", f"F{H}:H{H}",
            f"I{H}:I{H + 1}"],
    shapes=[Shape(f"E{S}", "terminator"), Shape(f"E{S + 1}", "process"), Shape(f"C{S + 2}", "process"),
            Shape(f"D{S + 2}", "terminator"), Shape(f"E{S + 2}", "process"), Shape(f"C{S + 3}", "process"),
            Shape(f"C{S + 4}", "process"), Shape(f"C{S + 5}", "process"), Shape(f"D{S + 5}", "process"),
            Shape(f"E{S + 5}", "process"), Shape(f"E{S + 6}", "process"), Shape(f"C{S + 7}", "terminator"),
            Shape(f"D{S + 7}", "terminator"), Shape(f"E{S + 7}", "process"), Shape(f"E{S + 8}",
            "terminator")],
    arrows=[Arrow(0, 1), Arrow(1, 2), Arrow(1, 3), Arrow(1, 4), Arrow(2, 5), Arrow(5, 6), Arrow(6, 7),
            Arrow(7, 8), Arrow(8, 9), Arrow(4, 9), Arrow(9, 10), Arrow(10, 11), Arrow(10, 12), Arrow(10, 13),
            Arrow(13, 14)],
    widths={"A": 5, "B": 36, "C": 14, "D": 16, "E": 12, "F": 20, "G": 13, "H": 22, "I": 16},
    heights={r: 45 for r in range(S, S + 9)},
)

SHEETS = [MATRIX]

# No total waktu: four steps are rates per berkas, so the source states no total duration.
EXPECTED = Expected(
    roles=ROLES,
    actors=[["Arsiparis"], ["Arsiparis"], [*ROLES], [ROLES[0]], [ROLES[0]], [*ROLES], ["Arsiparis"], [*ROLES],
            ["Arsiparis"]],
    nomor="SOP-016/17000/2025",
    nama="PEMUSNAHAN ARSIP",
)
