"""SOP Pengurusan Surat Masuk — Kelurahan Sei Putih Timur-I, Kecamatan Medan Petisah, Pemerintah Kota Medan.

Source: a two-page PDF (identity page numbered 9, matrix page 10, pages of a kelurahan's SOP
book) republished at http://docplayer.info/31549049-Pemerintah-kota-medan-kelurahan-sei-putih-
timur-i-kecamatan-medan-petisah-nip.html and stored in the ``search`` tool's "pages" corpus,
read there as text (its text layer; query "kelurahan standar operasional prosedur … lurah").
docplayer drops many figures (years, the NIP); the dates and the waktu figures it lost are read
from a second copy of the same SOP, https://fdokumen.com/document/pemerintah-kota-medan-
kelurahan-sei-putih-timur-i-nama-sop-pengurusan-surat.html ("04 Januari 2015", "04 Desember
2015", "04 Januari 2016"; waktu "1 10", "2 5", "3 5"), whose figures agree with every one
docplayer kept (5, 5, 5, 10 and the total 35). The two copies differ in the signer: docplayer's
is signed "KEPALA KELURAHAN SEKIP" (YUDA PRATIWI SETIAWAN, S.STP, M.SP), fdokumen's "KEPALA
KELURAHAN SEI PUTIH BARAT" — one Medan template filled in by several kelurahan, each keeping
the kop "KELURAHAN SEI PUTIH TIMUR-I". This transcription is docplayer's copy.

Layout as printed (Permenpan RB 35/2012 form): the kop "PEMERINTAH KOTA MEDAN / KELURAHAN SEI
PUTIH TIMUR-I / KECAMATAN MEDAN PETISAH" on the left; labels in capitals with a colon, "NOMOR
SOP :" **left empty**, "TGL PEMBUATAN :", "TGL REVISI :", "TGL EFEKTIF :", "DISAHKAN OLEH" with
the signer, then "Nama SOP"; the boxes DASAR HUKUM : / KUALIFIKASI PELAKSANA : (whose numbered
list runs on from the roles "1 Lurah 2 Sekretaris 3 JFU" to "4 Memahami Peraturan …"),
KETERKAITAN / PERALATAN/ PERLENGKAPAN :, PERINGATAN : / PENCATATAN DAN PENDATAAN :. Matrix page
under the title "Pengurusan Surat Masuk": a two-row header with **"PELAKSANA" over JFU,
sekretaris, Lurah and "Kelengkapan", "Waktu", "Output" — the text layer has no "No",
"Kegiatan" or "Mutu Baku" heading**, and none is added here; **waktu as bare figures with no
unit anywhere** (10, 5, 5, 5, 10) and **their total "35" alone under the Waktu column** (no
JUMLAH label); step 2 a decision with **"Tidak" and "Ya"** beside it; Kelengkapan "1. Surat
masuk; lembar disposisi" numbered inside the cell; "diarsibkan" (sic).

What the text layer cannot show is the column each symbol is drawn in. The symbols here are
placed where the step texts point (1 JFU receives, 2 the sekretaris verifies — "Tidak" back to
the JFU, "Ya" on to the Lurah —, 3 the Lurah reads and notes, 4-5 the JFU distributes and
files) only so that the workbook has a flowchart; actors per step are **not** a checked fact
(``EXPECTED.actors`` is None). Dasar Hukum and the other boxes as printed (short).
"""

from __future__ import annotations

from corpus.builder import Arrow, Label, Shape, Sheet, cells, rows
from corpus.facts import Expected

_ = None
ROLES = ["JFU", "sekretaris", "Lurah"]

IDENTITY = cells(
    {
        "A1": "PEMERINTAH KOTA MEDAN\nKELURAHAN SEI PUTIH TIMUR-I\nKECAMATAN MEDAN PETISAH",
        "D6": "Nama SOP",
        "E6": "Pengurusan Surat Masuk",
    },
    rows(
        "D1",
        [
            ["NOMOR SOP :"],
            ["TGL PEMBUATAN :", "04 Januari 2015"],
            ["TGL REVISI :", "04 Desember 2015"],
            ["TGL EFEKTIF :", "04 Januari 2016"],
            ["DISAHKAN OLEH", "KEPALA KELURAHAN SEKIP\n\n\n(YUDA PRATIWI SETIAWAN, S.STP, M.SP)\nNip"],
        ],
    ),
    rows(
        "A7",
        [
            ["DASAR HUKUM :", _, _, "KUALIFIKASI PELAKSANA :"],
            ["1 Peraturan Walikota Medan Nomor 39 Tahun 2013 Tentang Tata Naskah Dinas", _, _,
             "1 Lurah\n2 Sekretaris\n3 JFU\n4 Memahami Peraturan tentang Tata Naskah Dinas\n"
             "5 Berpendidikan minimal SLTA"],
            ["KETERKAITAN", _, _, "PERALATAN/ PERLENGKAPAN :"],
            ["1 Standar Operasional Prosedur Surat Masuk.", _, _,
             "1 Alat Tulis Kantor\n2 Buku Agenda/ Buku Ekspedisi\n3 Komputer"],
            ["PERINGATAN :", _, _, "PENCATATAN DAN PENDATAAN :"],
            ["Apabila dalam Pengurusan Surat Masuk tidak sesuai dengan SOP maka dapat menghambat "
             "efektifitas dan efesiensi kerja", _, _,
             "Dicatat dan diagendakan dalam buku agenda khusus tentang Pengurusan Surat Masuk"],
        ],
    ),
)
IDENTITY_MERGES = (
    ["A1:C6"]
    + [f"E{r}:H{r}" for r in range(1, 7)]
    + [f"A{r}:C{r}" for r in range(7, 13)]
    + [f"D{r}:H{r}" for r in range(7, 13)]
)

BERKAS = "Berkas surat dengan catatan pada lembar disposisi"
STEPS = [
    [1, "Menerima, mencatat dan melampirkan lembar disposisi.", _, _, _,
     "1. Surat masuk; lembar disposisi", 10, "Berkas surat dengan lembar disposisi."],
    [2, "Memverifikasi surat masuk dan memberikan catatan", _, _, _,
     "Berkas surat dengan lembar disposisi.", 5, BERKAS],
    [3, "Mencermati isi surat dan memberikan catatan", _, _, _, BERKAS, 5,
     "Berkas surat masuk dengan catatan pada lembar disposisi"],
    [4, "Mendistribusikan surat sesuai catatan disposisi", _, _, _, BERKAS, 5,
     "Berkas surat telah didistribusikan"],
    [5, "Mencatat dan mengadministrasikan surat masuk", _, _, _,
     "Berkas surat telah didistribusikan", 10, "Surat masuk telah diarsibkan"],
]

SHEET = Sheet(
    "Pengurusan Surat Masuk",
    cells=cells(
        IDENTITY,
        {"A14": "Pengurusan Surat Masuk"},
        rows(
            "A15",
            [
                [_, _, "PELAKSANA"],
                [_, _, *ROLES, "Kelengkapan", "Waktu", "Output"],
                *STEPS,
                [_, _, _, _, _, _, 35],
            ],
        ),
    ),
    merges=[*IDENTITY_MERGES, "A14:H14", "C15:E15"],
    shapes=[
        Shape("C17", "terminator"),
        Shape("D18", "decision"),
        Shape("E19", "process"),
        Shape("C20", "process"),
        Shape("C21", "terminator"),
    ],
    arrows=[Arrow(0, 1), Arrow(1, 0), Arrow(1, 2), Arrow(2, 3), Arrow(3, 4)],
    labels=[Label("C18", "Tidak"), Label("E18", "Ya")],
    widths={"A": 4, "B": 40, "C": 12, "D": 12, "E": 12, "F": 24, "G": 8, "H": 26},
    heights={1: 20, 5: 60, 8: 75, 10: 45, 12: 30, 16: 20, **{r: 55 for r in range(17, 22)}},
)

SHEETS = [SHEET]

# Five steps, the decision at step 2 with Tidak/Ya. Waktu is not checked: the figures have no
# unit in the source (10 + 5 + 5 + 5 + 10 = 35, the printed total, most likely menit). Nomor
# SOP is printed empty; the name is "Pengurusan Surat Masuk". Actors: see the docstring.
EXPECTED = Expected(
    roles=ROLES,
    actors=None,
    steps=5,
    decisions={2: ["Tidak", "Ya"]},
    nomor="",
    nama="Pengurusan Surat Masuk",
)
