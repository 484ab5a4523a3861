"""SOP Direktori Putusan — Pengadilan Tinggi Denpasar (Mahkamah Agung RI), Kepaniteraan Hukum.

Source: the court's one-page PDF as republished by document sites and stored in the ``search``
tool's "pages" corpus, read there as text (its text layer; queries "Pengadilan Tinggi
Denpasar SOP direktori putusan …"): http://docplayer.info/34864477 (title "1. S2 - Ilmu Hukum
2. S1 - Ilmu Hukum 3. SMU PANMUD HUKUM. Panitera Pengganti"), https://123dok.com/document/
zk8j4xmz-ilmu-hukum-ilmu-hukum-panmud-hukum-panitera-pengganti.html and https://adoc.pub/
1-s2-ilmu-hukum-2-s1-ilmu-hukum-3-smu-panmud-hukum-panitera-.html — three copies of the same
text layer, compared word by word; where they differ (step 5's Kelengkapan) the docplayer and
123dok reading is kept. Nomor SOP W24.U/ 01 /HK/ 5 /2016, Tanggal Pembuatan 16-Pebruari-2016,
Revisi Ke 2, Tanggal Revisi and Tanggal efektif 2 Juni 2016, "Disahkan oleh : KETUA
PENGADILAN TINGGI DENPASAR", signed I KETUT GEDE, SH.,M.H.

Layout as printed (the Mahkamah Agung template of SEKMA 002/2012): the court's name block
"MAHKAMAH AGUNG RI / PENGADILAN TINGGI DENPASAR / Jl. Tantular Barat No. 1 Denpasar" on the
left; on the right Nomor SOP, Tanggal Pembuatan, **"Revisi Ke : 2"** (a label the regulation
does not have), Tanggal Revisi, Tanggal efektif, Disahkan oleh with the signature; **the SOP's
name as a title line "SOP DIREKTORI PUTUSAN" with no "Nama SOP" label**; the six boxes Dasar
Hukum / Kualifikasi Pelaksana, Keterkaitan / Peralatan / Perlengkapan, Peringatan / Pencatatan
dan Pendataan, label and text in one row each. Matrix: No | Kegiatan | group header
**"PELAKSANAAN"** over Panitera Pengganti, PANMUD HUKUM, ADM IT | Mutu Baku over Kelengkapan,
Waktu, Output | Ket; a column-number row (the copies print "1 … 10" for nine headed columns;
the extra number cannot be placed from the text layer, so the row here numbers the nine);
waktu "10 Menit", "30 Menit", "1 Jam"; step 3 the decision ("bila sudah benar diserahkan
kepada adm IT, bila tidak kembali lagi …") with its labels **"tidak" and "ya" in lower case,
free text in the role cells**.

What the text layer cannot show is the column each symbol is drawn in. The symbols here are
placed where the step texts point (1-3 the Panmud Hukum, 4 the ADM IT, 5 the Panitera
Pengganti who keeps the berkas perkara) only so that the workbook has a flowchart; the
actors per step are **not** a checked fact of this document (``EXPECTED.actors`` is None).
"""

from __future__ import annotations

from corpus.builder import Arrow, Label, Shape, Sheet, cells, rows
from corpus.facts import Expected

_ = None
ROLES = ["Panitera Pengganti", "PANMUD HUKUM", "ADM IT"]

IDENTITY = cells(
    {
        "A1": "MAHKAMAH AGUNG RI\nPENGADILAN TINGGI DENPASAR\nJl. Tantular Barat No. 1 Denpasar",
        "A7": "SOP DIREKTORI PUTUSAN",
    },
    rows(
        "E1",
        [
            ["Nomor SOP :", "W24.U/ 01 /HK/ 5 /2016"],
            ["Tanggal Pembuatan:", "16-Pebruari-2016"],
            ["Revisi Ke :", 2],
            ["Tanggal Revisi :", "2 Juni 2016"],
            ["Tanggal efektif :", "2 Juni 2016"],
            ["Disahkan oleh :", "KETUA PENGADILAN TINGGI DENPASAR\n\n\nI KETUT GEDE , SH.,M.H\n"
                                "NIP. 19520615 197902 1 001"],
        ],
    ),
    rows(
        "A8",
        [
            ["Dasar Hukum", _, _, _, "Kualifikasi Pelaksana"],
            ["1. UU No. 14 Tahun 2008 ttg Keterbukaan Informasi ;\n2. UU No. 25 Tahun 2009 ttg "
             "Pelayanan Publik ;\n3. SK KMA No. 1-144/KMA/SK/I/2011 tentang Pedoman Pelayanan "
             "Informasi di Pengadilan\n4. SKMA NO. 026/KMA/SK/II/2012 Tentang Standar Pelayanan "
             "Peradilan", _, _, _, "1. S2 - Ilmu Hukum\n2. S1 - Ilmu Hukum\n3. SMU"],
            ["Keterkaitan :", _, _, _, "Peralatan / Perlengkapan :"],
            ["1. SOP Kepaniteraan Pidana dan Perdata\n2. SOP Kepaniteraan Hukum", _, _, _,
             "Komputer, Putusan, Jaringan internet"],
            ["Peringatan :", _, _, _, "Pencatatan dan Pendataan"],
            ["Jika SOP tidak dilaksanakan maka Direktori Putusan tidak akan terlaksana", _, _, _,
             "Buku bantu pencatatan putusan,Putusan"],
        ],
    ),
)
IDENTITY_MERGES = (
    ["A1:D6", "A7:I7"]
    + [f"F{r}:I{r}" for r in range(1, 7)]
    + [f"A{r}:D{r}" for r in range(8, 14)]
    + [f"E{r}:I{r}" for r in range(8, 14)]
)

STEPS = [
    [1, "Menerima soft copy putusan perkara perdata,pidana, dan tipikor dari Panitera Pengganti",
     _, _, _, "Data putusan, flasdisk", "10 Menit", "Data putusan, flasdisk"],
    [2, "Menerima,mencatat dan menyimpan soft copy putusan perkara perdata ,pidana, dan tipikor",
     _, _, _, "Data putusan, flasdisk, buku agenda, hardisk", "30 Menit",
     "Data putusan, flasdisk, buku agenda, hardisk"],
    [3, "Memeriksa soft copy putusan perkara perdata,pidana, dan tipikor, bila sudah benar "
        "diserahkan kepada adm IT, bila tidak kembali lagi pada panmud perdata/pidana/tipikor",
     _, _, _, "Data putusan, hardisk", "30 Menit", "Data putusan, hardisk"],
    [4, "Melakukan aploud putusan ke dalam direktori putusan", _, _, _, "Data putusan, hardisk",
     "1 Jam", "Putusan yang siap di aploud"],
    [5, "Menerima soft copy putusan perkara perdata,pidana, dan tipikor untuk disimpan bersama "
        "berkas perkara", _, _, _, "Data putusan, hardisk", "1 Jam", "Arsip Softcopy dan hard copy"],
]

SHEET = Sheet(
    "SOP Direktori Putusan",
    cells=cells(
        IDENTITY,
        rows(
            "A15",
            [
                ["No", "Kegiatan", "PELAKSANAAN", _, _, "Mutu Baku", _, _, "Ket"],
                [_, _, *ROLES, "Kelengkapan", "Waktu", "Output"],
                [1, 2, 3, 4, 5, 6, 7, 8, 9],
                *STEPS,
            ],
        ),
    ),
    merges=[*IDENTITY_MERGES, "A15:A16", "B15:B16", "C15:E15", "F15:H15", "I15:I16"],
    shapes=[
        Shape("D18", "terminator"),
        Shape("D19", "process"),
        Shape("D20", "decision"),
        Shape("E21", "process"),
        Shape("C22", "terminator"),
    ],
    arrows=[Arrow(0, 1), Arrow(1, 2), Arrow(2, 3), Arrow(2, 0), Arrow(3, 4)],
    labels=[Label("C20", "tidak"), Label("E20", "ya")],
    widths={"A": 4, "B": 46, "C": 14, "D": 14, "E": 12, "F": 22, "G": 10, "H": 22, "I": 6},
    heights={1: 20, 6: 60, 7: 20, 9: 75, 11: 30, 13: 30, 15: 20, 16: 30, 17: 15,
             **{r: 60 for r in range(18, 23)}},
)

SHEETS = [SHEET]

# Waktu 10 + 30 + 30 + 60 + 60 = 190 menit. The decision is step 3 with "tidak" (back) and
# "ya" (on to the ADM IT). The name is the title line, which is the only place the SOP names
# itself. Actors: not checked, see the docstring.
EXPECTED = Expected(
    roles=ROLES,
    actors=None,
    steps=5,
    decisions={3: ["ya", "tidak"]},
    waktu=(190, 190),
    nomor="W24.U/ 01 /HK/ 5 /2016",
    nama="SOP DIREKTORI PUTUSAN",
)
