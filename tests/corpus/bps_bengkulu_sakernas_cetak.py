"""SOP Pencetakan Instrumen Pelatihan Petugas Sakernas — BPS Provinsi Bengkulu, Tim Kerja Statistik Sosial.

Source: the signed PDF "099. SOP Pencetakan Instrumen Pelatihan Petugas Sakernas signed.pdf"
in GitHub repository ocidserver/openSOP, path ``backend/static/sop/documents/administrative/``,
fetched with the ``fetch`` tool; text read with ``pdftotext -layout``, the flowchart read from
the page rendered with ``pdftoppm``.

Layout: the BPS identity page; No | Kegiatan | Pelaksana (Tim Kerja Statistik Sosial, KPA, PPK,
Tim Bagian Umum) | Mutu Baku | Keterangan. Quirks: **step numbers skip 3** (1, 2, 4, 5, 6);
each decision's text carries both outcomes ("Jika setuju, … Jika tidak setuju, …"); the
branches are labelled with single letters "T"/"Y"; waktu "3 Jam", "3 Hari", **"1 Bulan"**.
"""
from __future__ import annotations

from corpus._bps import bps_identity
from corpus.builder import Arrow, Shape, Sheet, cells, rows
from corpus.facts import Expected

ROLES = ["Tim Kerja Statistik Sosial", "KPA", "PPK", "Tim Bagian Umum"]

IDENTITY, IDENTITY_MERGES, TOP = bps_identity(
    last_col=10,
    tim="TIM KERJA STATISTIK SOSIAL",
    identity=[("Nomor SOP", "SOP-099/17000/2025"), ("Tanggal Pembuatan", "2 Januari 2014"),
              ("Tanggal Revisi", "2 Januari 2025"), ("Tanggal Efektif", "2 Januari 2025"),
              ("Disahkan oleh", "Kepala BPS Provinsi Bengkulu")],
    signer="Win Rizal",
    nama="SOP Pencetakan Instrumen Pelatihan Petugas Survei Angkatan Kerja Nasional\n(Sakernas)",
    nama_label="NAMA SOP",
    boxes=[("DASAR HUKUM :", "1, Undang-Undang Nomor 16 Tahun 1997 Tentang Statistik; (dst., 5 butir)",
            "KUALIFIKASI PELAKSANA :", "1. Mengetahui alokasi sampel dan jumlah petugas Sakernas di "
                                      "Kabupaten/Kota (dst., 5 butir)"),
           ("KETERKAITAN", "1. SOP Pencetakan Instrumen Pelatihan Petugas Survei Angkatan Kerja Nasional "
                           "(Sakernas) (dst., 4 butir)",
            "PERALATAN/ PERLENGKAPAN", "1. Alat Tulis\n2. PC/Laptop\n3. Printer\n4. Jaringan Internet\n"
                                      "5. Aplikasi Perkantoran"),
           ("PERINGATAN", "Jika SOP tersebut tidak dilaksanakan, maka pelaksanaan pendataan Survei tidak "
                          "berjalan dengan baik dan akan berimbas pada penilaian kinerja",
            "PENCATATAN DAN PENDATAAN", "")],
)
H = TOP
S = H + 2
_ = None

MATRIX = Sheet(
    "Sakernas Cetak",
    cells=cells(
        IDENTITY,
        rows(f"A{H}", [["No", "Kegiatan", "Pelaksana", _, _, _, "Mutu Baku", _, _, "Keterangan"],
                       [_, _, *ROLES, "Kelengkapan", "Waktu", "Output"]]),
        rows(f"A{S}", [
            [1, "Mengusulkan pencetakan instrumen pelatihan petugas", _, _, _, _, "KAK dan form permintaan",
             "3 Jam", "Nota dinas", "Di dalam KAK tertuang spesifikasi teknis; KAK dan form permintaan "
                                    "diinput ke aplikasi BOS"],
            [2, "Memeriksa usulan. Jika setuju, memerintahkan PPK untuk melakukan proses pengadaan. Jika "
                "tidak setuju, mengembalikan dokumen untuk diperbaiki.", _, _, _, _, "KAK dan nota dinas",
             "3 Hari", "Disposisi"],
            [4, "Melakukan proses pengadaan instrumen pelatihan petugas", _, _, _, _,
             "KAK, form permintaan dan lembar disposisi", "1 Bulan", "Instrumen pelatihan petugas"],
            [5, "Memeriksa instrumen pelatihan petugas yang telah dicetak. Jika telah sesuai, meminta kepada "
                "bagian umum agar instrumen dikirimkan ke kabupaten/kota. Jika belum sesuai, meminta kepada "
                "PPK untuk disesuaikan kembali", _, _, _, _, "Instrumen pelatihan petugas", "1 Hari",
             "Lembar pemeriksaan"],
            [6, "Mengirimkan instrumen pelatihan petugas ke kabupaten/kota", _, _, _, _,
             "Instrumen pelatihan petugas, daftar alokasi dan tujuan pengiriman", "3 Hari",
             "Surat pengantar pengiriman"],
        ]),
    ),
    merges=[*IDENTITY_MERGES, f"A{H}:A{H + 1}", f"B{H}:B{H + 1}", f"C{H}:F{H}", f"G{H}:I{H}",
            f"J{H}:J{H + 1}"],
    shapes=[Shape(f"C{S}", "terminator"), Shape(f"D{S + 1}", "decision"), Shape(f"E{S + 2}", "process"),
            Shape(f"C{S + 3}", "decision"), Shape(f"F{S + 4}", "terminator")],
    arrows=[Arrow(0, 1), Arrow(1, 0, "T"), Arrow(1, 2, "Y"), Arrow(2, 3), Arrow(3, 2, "T"), Arrow(3, 4, "Y")],
    widths={"A": 5, "B": 30, "C": 18, "D": 14, "E": 14, "F": 14, "G": 20, "H": 9, "I": 16, "J": 30},
    heights={**{r: 50 for r in range(S, S + 5)}, S + 1: 75, S + 3: 90},
)

SHEETS = [MATRIX]

# Five steps (numbered 1, 2, 4, 5, 6). Waktu: 3 jam (180) + 3 hari (1350) + 1 bulan (20 hari kerja,
# 9000) + 1 hari (450) + 3 hari (1350) = 12330 menit.
EXPECTED = Expected(
    roles=ROLES,
    actors=[[ROLES[0]], ["KPA"], ["PPK"], [ROLES[0]], [ROLES[3]]],
    decisions={2: ["T", "Y"], 4: ["T", "Y"]},
    waktu=(12330, 12330),
    nomor="SOP-099/17000/2025",
    nama="SOP Pencetakan Instrumen Pelatihan Petugas Survei Angkatan Kerja Nasional (Sakernas)",
)
