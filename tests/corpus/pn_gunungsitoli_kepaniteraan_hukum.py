"""SOP Kepaniteraan Hukum — Pengadilan Negeri Gunungsitoli (Mahkamah Agung RI, peradilan umum), Nias.

Source: the court's own web page https://www.pn-gunungsitoli.go.id/sop-kepaniteraan-hukum, a
stored copy read with the ``search`` tool (corpus "pages"; queries "pn-gunungsitoli SOP
kepaniteraan hukum …"), which gives the page's text from its beginning: the titles "POS
(PROSEDUR OPERASIONAL STANDAR ) :", "SOP", "Standar Operasional Prosedur", "Kepaniteraan
Hukum", then one HTML table. No identity block (no Nomor, no dates, no signer), no date.

Layout as published: **one table for the whole Kepaniteraan** headed NO | Uraian Kegiatan |
Keterangan Pelayanan | Pejabat terkait | Waktu | KET with a **column-number row 1 … 6**;
**lettered section rows** in the NO column ("A" / "Penataan Arsip", "B." / "Pengesahan Badan
Hukum", "C." …); **the step number typed inside the Uraian text** ("1. Menerima …") while the
NO cell of a step row stays empty; **the actor written as text in "Pejabat terkait"**, broken
over two lines and spelled two ways for one official ("Panmud.\\nHukum" in A, "Panmud\\nHukum"
in B; "Staf Hukum" and "Staf\\nHukum"); no symbols, no Mutu Baku; **waktu as ranges with
"s/d"** ("15 s/d 30 menit"); a step whose text continues with a bulleted list inside the cell
("* Nomor urut box" …, "a. Salinan asli …"); KET "-" on some steps, empty on others. The
Keterangan Pelayanan column is empty in every row the copy shows.

Transcribed: sections A (4 steps) and B (3 steps), whole. The stored copy breaks off in the
middle of C.3 ("Surat Keterangan sebelum ditandatangani Ketua Pengadilan terlebih dahulu"), so
C and anything after it are left out; the workbook ends after B. Typos kept ("Tahun Perkar",
"raak", "dating", "notaries").
"""

from __future__ import annotations

from corpus.builder import Sheet
from corpus.facts import Expected

_ = None
PANMUD_A, PANMUD_B = "Panmud.\nHukum", "Panmud\nHukum"
STAF_A, STAF_B = "Staf Hukum", "Staf\nHukum"

ROWS: list[list[object]] = [
    ["NO", "Uraian Kegiatan", "Keterangan Pelayanan", "Pejabat terkait", "Waktu", "KET"],
    [1, 2, 3, 4, 5, 6],
    ["A", "Penataan Arsip"],
    [_, "1. Menerima berkas perkara dari Kepaniteraan Perdata dan Pidana yang telah diminutasi "
        "(berkas in aktif)", _, PANMUD_A, "15 s/d 30 menit", "-"],
    [_, "2. Mencatat berkas perkara tersebut dalam register kepaniteraan Hukum", _, STAF_A,
     "15 s/d 30 menit"],
    [_, "3. Memasukan berkas perkara dalam box dengan menempelkan daftar isi yang memuat :\n"
        "* Nomor urut box\n* Tahun Perkar\n* Jenis Perkara\n* Nomor Urut Perkara", _, STAF_A,
     "15 s/d 30 menit"],
    [_, "4. Menyimpan bok tersebut dalam raak / almari arsip", _, STAF_A, "15 menit"],
    ["B.", "Pengesahan Badan Hukum"],
    [_, "1. Pemohon dating dengan membawa surat kelengkapan berupa :\n"
        "a. Salinan asli pengesahan Badan Hukum dan notaries\nb. Fc.KTP.para pengurus\n"
        "c. Fc. NPWP.\nd. Fc. Surat Kuasa jika diwakilkan", _, PANMUD_B, "15 menit", "-"],
    [_, "2. Berkas dicatat dan diberi nomor pendaftaran lalu diserahkan kepada panitera untuk "
        "ditandatangani.", _, STAF_B, "30 menit", "-"],
    [_, "3. Menandatangani pengesahan Badan Hukum", _, "Panitera", "15 menit", "-"],
]


def _sheet() -> Sheet:
    cells: dict[str, object] = {
        "A1": "POS (PROSEDUR OPERASIONAL STANDAR ) :",
        "A2": "SOP",
        "A3": "Standar Operasional Prosedur",
        "A4": "Kepaniteraan Hukum",
    }
    merges = ["A1:F1", "A2:F2", "A3:F3", "A4:F4"]
    heights: dict[int, float] = {}
    for offset, line in enumerate(ROWS):
        row = 6 + offset
        for col, value in zip("ABCDEF", line):
            if value is not None:
                cells[f"{col}{row}"] = value
        text = str(line[1]) if len(line) > 1 else ""
        heights[row] = 15.0 * (text.count("\n") + 1) + 15
    return Sheet(
        "SOP Kepaniteraan Hukum",
        cells=cells,
        merges=merges,
        widths={"A": 5, "B": 60, "C": 18, "D": 14, "E": 16, "F": 6},
        heights=heights,
    )


SHEETS = [_sheet()]

PANMUD, STAF, PANITERA = "Panmud Hukum", "Staf Hukum", "Panitera"

# Roles in the order "Pejabat terkait" first names them; "Panmud.\nHukum" and "Panmud\nHukum"
# are the same official (the Panitera Muda Hukum), written twice differently by the office.
# Waktu: A 3 x (15 s/d 30) + 15 = 60-105 menit; B 15 + 30 + 15 = 60: 120-165 menit.
# No identity block: Nomor and Nama are not stated.
EXPECTED = Expected(
    roles=[PANMUD, STAF, PANITERA],
    actors=[[PANMUD], [STAF], [STAF], [STAF], [PANMUD], [STAF], [PANITERA]],
    waktu=(120, 165),
)
