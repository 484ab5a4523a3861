"""Workbooks laid out the way real offices publish SOP AP, one habit at a time.

Each builder writes a real .xlsx with openpyxl: the identity block, a procedure table in the
office's own header style, and what offices put under the table (JUMLAH rows, signatures,
notes). Rows are lists of cell values from column A; ``None`` leaves a cell empty.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

Row = list[object]

IDENTITY = [
    ["PEMERINTAH KABUPATEN CONTOH", None, None, "Nomor SOP", "800/012/SOP/2023"],
    [None, None, None, "Tanggal Pembuatan", "02-01-2023"],
    [None, None, None, "Tanggal Revisi", "-"],
    [None, None, None, "Tanggal Efektif", "16-01-2023"],
    [None, None, None, "Disahkan Oleh", "Kepala Dinas"],
    [None, None, None, "Nama SOP", "Pelayanan Surat Masuk"],
]

# Five steps: (kegiatan, actor index, symbol, kelengkapan, waktu in minutes, output)
STEPS = [
    ("Menerima surat masuk", 0, "Mulai", "Surat", 5, "Surat diterima"),
    ("Mencatat surat di buku agenda", 0, "Proses", "Buku agenda", 10, "Agenda"),
    ("Memeriksa dan memberi disposisi", 1, "Keputusan", "Lembar disposisi", 15, "Disposisi"),
    ("Meneruskan surat ke bidang", 2, "Proses", "Disposisi", 5, "Surat diteruskan"),
    ("Mengarsipkan surat", 2, "Selesai", "Map arsip", 10, "Arsip"),
]
ROLES = ["Pengadministrasi Umum", "Sekretaris", "Kepala Bidang"]
TOTAL = sum(s[4] for s in STEPS)


def put(ws, top: int, rows: list[Row]) -> int:
    """Write rows from 1-based row ``top``; returns the row after them."""
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            if v is not None:
                ws.cell(top + i, j + 1, v)
    return top + len(rows)


def step_rows(numbers: str = "column", waktu: str = "text", ket: bool = True) -> list[Row]:
    """The five steps. ``numbers``: "column" (No | Kegiatan), "text" ("1. Menerima …" in one
    cell). ``waktu``: "text" ("5 menit"), "split" (5 | Menit), "bare" (5), "jam" (hours, bare)."""
    rows: list[Row] = []
    for i, (keg, actor, sym, kel, minutes, out) in enumerate(STEPS, 1):
        lead: Row = [i, keg] if numbers == "column" else [f"{i}. {keg}"]
        marks: Row = [sym if a == actor else None for a in range(len(ROLES))]
        if waktu == "split":
            w: Row = [minutes, "Menit"]
        elif waktu == "bare":
            w = [minutes]
        elif waktu == "jam":
            w = [minutes / 60]
        else:
            w = [f"{minutes} menit"]
        branch = "Ya: 4; Tidak: 2" if sym == "Keputusan" else None
        rows.append([*lead, *marks, kel, *w, out, *([branch] if ket else [])])
    return rows


def save(wb: Workbook, path: Path) -> Path:
    wb.save(path)
    return path


def sop_sheet() -> tuple[Workbook, Any, int]:
    """A workbook whose one sheet "SOP" holds the identity block; and the row just under it."""
    wb = Workbook()
    ws = wb.active
    ws.title = "SOP"
    return wb, ws, put(ws, 1, IDENTITY) + 1


def standard_table(tail: Sequence[Row] = ()) -> tuple[Workbook, Any, int]:
    """The five steps under the usual two-row header (waktu in bare minutes), then ``tail``
    right under the last step; returns the workbook, its sheet and the first row of ``tail``."""
    wb, ws, top = sop_sheet()
    put(ws, top, [["No", "Kegiatan", "Pelaksana", None, None, "Mutu Baku", None, None, "Keterangan"],
                  [None, None, *ROLES, "Kelengkapan", "Waktu (menit)", "Output"]])
    ws.merge_cells(start_row=top, start_column=3, end_row=top, end_column=5)
    ws.merge_cells(start_row=top, start_column=6, end_row=top, end_column=8)
    end = put(ws, top + 2, step_rows(waktu="bare"))
    put(ws, end, list(tail))
    return wb, ws, end


def numbers_in_kegiatan(path: Path) -> Path:
    """No "No" column: "1. Menerima surat" typed in the Kegiatan cell (a kelurahan's habit)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "SOP Surat"
    top = put(ws, 1, IDENTITY) + 1
    put(ws, top, [["URAIAN KEGIATAN", "PELAKSANA", None, None, "MUTU BAKU", None, None, "KETERANGAN"],
                  [None, *ROLES, "Kelengkapan", "Waktu", "Output"]])
    ws.merge_cells(start_row=top, start_column=1, end_row=top + 1, end_column=1)
    ws.merge_cells(start_row=top, start_column=2, end_row=top, end_column=4)
    ws.merge_cells(start_row=top, start_column=5, end_row=top, end_column=7)
    ws.merge_cells(start_row=top, start_column=8, end_row=top + 1, end_column=8)
    put(ws, top + 2, step_rows(numbers="text"))
    return save(wb, path)


def unlabelled_number_column(path: Path) -> Path:
    """"Uraian Prosedur" merged over the number column and the text column (a court's habit)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Prosedur"
    top = put(ws, 1, IDENTITY) + 1
    put(ws, top, [["Uraian Prosedur", None, "Pelaksana", None, None, "Mutu Baku", None, None, "Ket"],
                  [None, None, *ROLES, "Persyaratan/Kelengkapan", "Waktu (menit)", "Output"]])
    ws.merge_cells(start_row=top, start_column=1, end_row=top + 1, end_column=2)
    ws.merge_cells(start_row=top, start_column=3, end_row=top, end_column=5)
    ws.merge_cells(start_row=top, start_column=6, end_row=top, end_column=8)
    ws.merge_cells(start_row=top, start_column=9, end_row=top + 1, end_column=9)
    put(ws, top + 2, step_rows(waktu="bare"))
    return save(wb, path)


def group_typos(path: Path, pelaksana: str, mutu: str, kegiatan: str = "Kegiatan") -> Path:
    """The group headers as offices misspell them ("Pejabat  Pelaksana", "Mutu Buku", …), and
    the columns numbered "(1) (2) …" under the header."""
    wb, ws, top = sop_sheet()
    put(ws, top, [["NO.", kegiatan, pelaksana, None, None, mutu, None, None, "KET."],
                  [None, None, *ROLES, "Persyaratan/ Kelengkapan", "Waktu (menit)", "Output"]])
    ws.merge_cells(start_row=top, start_column=3, end_row=top, end_column=5)
    ws.merge_cells(start_row=top, start_column=6, end_row=top, end_column=8)
    put(ws, top + 2, [[f"({i})" for i in range(1, 10)]])
    put(ws, top + 3, step_rows(waktu="bare"))
    return save(wb, path)


def table_end(path: Path, jumlah: object = TOTAL) -> Path:
    """Under the last step: a JUMLAH row, notes with a legend, and a signature block."""
    wb, ws, end = standard_table([
        ["JUMLAH", None, None, None, None, None, jumlah],
        [],
        ["Keterangan:"],
        [None, "⬭", "Mulai/Selesai"],
        [None, "□", "Proses"],
        [None, "◇", "Keputusan"],
        [],
        [None, None, None, None, "Mengetahui,"],
        [None, None, None, None, "Kepala Dinas Contoh"],
        [],
        [None, None, None, None, "Drs. Budi Santoso"],
        [None, None, None, None, "NIP. 19650101 199003 1 001"],
    ])
    ws.merge_cells(start_row=end, start_column=1, end_row=end, end_column=6)
    return save(wb, path)


def signature_without_words(path: Path) -> Path:
    """Names under the last step (a signature without its title), no word sopxl knows."""
    wb, ws, top = sop_sheet()
    put(ws, top, [["No", "Kegiatan", *ROLES, "Kelengkapan", "Waktu", "Output", "Keterangan"]])
    end = put(ws, top + 1, step_rows())
    put(ws, end + 1, [[None, None, None, None, "Drs. Budi Santoso, M.Si"],  # two names, no title
                      [None, None, None, None, "Ir. Sri Wahyuni"]])
    return save(wb, path)


def waktu_split(path: Path) -> Path:
    """"Waktu" merged over two columns: the number, then "Menit" (a puskesmas's habit)."""
    wb, ws, top = sop_sheet()
    put(ws, top, [["No", "Kegiatan", "Pelaksana", None, None, "Mutu Baku", None, None, None, "Ket"],
                  [None, None, *ROLES, "Kelengkapan", "Waktu", None, "Output"]])
    ws.merge_cells(start_row=top, start_column=3, end_row=top, end_column=5)
    ws.merge_cells(start_row=top, start_column=6, end_row=top, end_column=9)
    ws.merge_cells(start_row=top + 1, start_column=7, end_row=top + 1, end_column=8)
    put(ws, top + 2, step_rows(waktu="split"))
    return save(wb, path)


def waktu_unit_in_header(path: Path) -> Path:
    """Bare numbers under "Waktu (Jam)": the unit only in the header."""
    wb, ws, top = sop_sheet()
    put(ws, top, [["No", "Kegiatan", "Pelaksana", None, None, "Mutu Baku", None, None, "Ket"],
                  [None, None, *ROLES, "Kelengkapan", "Waktu (Jam)", "Output"]])
    ws.merge_cells(start_row=top, start_column=3, end_row=top, end_column=5)
    ws.merge_cells(start_row=top, start_column=6, end_row=top, end_column=8)
    put(ws, top + 2, step_rows(waktu="jam"))
    return save(wb, path)


def identity_sheets(path: Path, order: str = "paired") -> Path:
    """Each SOP as two sheets: a cover "Identitas" sheet, then its procedure matrix with no
    identity (a madrasah's habit). ``order`` "crossed" puts both identity sheets first."""
    wb = Workbook()
    wb.remove(wb.active)
    names = [("Pelayanan Surat Masuk", "800/012/SOP/2023"),
             ("Pelayanan Legalisir Ijazah", "800/013/SOP/2023")]

    def identity(title: str, nama: str, nomor: str) -> None:
        ws = wb.create_sheet(title)
        put(ws, 1, [["KEMENTERIAN AGAMA", None, "Nomor SOP", ":", nomor],
                    [None, None, "Tgl Pembuatan", ":", "02-01-2023"],
                    [None, None, "Tgl Revisi", ":", None],
                    [None, None, "Tgl. Disahkan", ":", "16-01-2023"],
                    [None, None, "Disahkan oleh", ":", "Kepala Madrasah"],
                    [None, None, "Nama SOP", ":", nama],
                    [],
                    ["Dasar Hukum", None, "Kualifikasi Pelaksana"],
                    ["1. UU 20/2003", None, "Memahami tata naskah"]])

    def matrix(title: str, nama: str) -> None:
        ws = wb.create_sheet(title)
        # The second matrix sheet repeats "Nama SOP" as its title: still no identity block.
        heading = f"SOP {nama.upper()}"
        put(ws, 1, [["Nama SOP", heading] if title.endswith("2") else [heading], []])
        put(ws, 3, [["No", "Kegiatan", *ROLES, "Kelengkapan", "Waktu", "Output", "Keterangan"]])
        put(ws, 4, step_rows())

    if order == "paired":
        for i, (nama, nomor) in enumerate(names, 1):
            identity(f"Identitas {i}", nama, nomor)
            matrix(f"Prosedur {i}", nama)
    else:
        identity("Identitas A", names[1][0], names[1][1])
        identity("Identitas B", names[0][0], names[0][1])
        matrix("Prosedur 1", names[0][0])
        matrix("Prosedur 2", names[1][0])
    return save(wb, path)


def identity_labels(path: Path) -> Path:
    """"Tgl Pengesahan", "Pengesahan", "Nama Prosedur", and an empty Tanggal Revisi followed by
    a label sopxl does not know ("Unit Kerja :"), which must not become the revision date."""
    wb = Workbook()
    ws = wb.active
    ws.title = "SOP"
    put(ws, 1, [["BADAN PUSAT STATISTIK", None, None, "Nomor SOP", "BPS-001/2021"],
                [None, None, None, "Tgl Pembuatan", "04-01-2021"],
                [None, None, None, "Tgl Pengesahan", "11-01-2021"],
                [None, None, None, "Pengesahan", "Kepala BPS Kabupaten"],
                [None, None, None, "Nama Prosedur", "Pengolahan Data Survei"],
                [None, None, None, "Tanggal Revisi"],
                [None, None, None, "Unit Kerja", ":", "Seksi Statistik Sosial"]])
    put(ws, 9, [["No", "Kegiatan", *ROLES, "Kelengkapan", "Waktu", "Output", "Keterangan"]])
    put(ws, 10, step_rows())
    return save(wb, path)


def unknown_kegiatan_label(path: Path) -> Path:
    """PELAKSANA and MUTU BAKU, but "#" over the numbers and "Rincian" over the kegiatan."""
    wb, ws, top = sop_sheet()
    put(ws, top, [["#", "Rincian", "PELAKSANA", None, None, "MUTU BAKU", None, None, "Keterangan"],
                  [None, None, *ROLES, "Kelengkapan", "Waktu", "Output"]])
    ws.merge_cells(start_row=top, start_column=3, end_row=top, end_column=5)
    ws.merge_cells(start_row=top, start_column=6, end_row=top, end_column=8)
    put(ws, top + 2, step_rows())
    return save(wb, path)


def unreadable_matrix(path: Path) -> Path:
    """A sheet that is plainly an SOP (identity, MUTU BAKU, Waktu, Output) with no PELAKSANA
    group and a step column whose label sopxl does not know ("Rincian"): it cannot be placed,
    and must be reported, not skipped in silence."""
    wb = Workbook()
    ws = wb.active
    ws.title = "SOP Aneh"
    top = put(ws, 1, IDENTITY) + 1
    put(ws, top, [["#", "Rincian", *ROLES, "MUTU BAKU", None, None],
                  [None, None, None, None, None, "Kelengkapan", "Waktu", "Output"]])
    put(ws, top + 2, step_rows(ket=False))
    return save(wb, path)


def waktu_texts(path: Path, texts: list[str | None], col: int = 6, waktu: str = "Waktu") -> Path:
    """The five steps with one column written as given (6 = waktu, 8 = keterangan), under a
    waktu column headed ``waktu``."""
    wb, ws, top = sop_sheet()
    put(ws, top, [["No", "Kegiatan", *ROLES, "Kelengkapan", waktu, "Output", "Keterangan"]])
    rows = step_rows()
    for row, text in zip(rows, texts):
        row[col] = text
    put(ws, top + 1, rows)
    return save(wb, path)


def subtotal_between_sections(path: Path) -> Path:
    """"A. …" and "B. …" under one header, each closed by its own JUMLAH row."""
    wb, ws, top = sop_sheet()
    put(ws, top, [["No", "Kegiatan", *ROLES, "Kelengkapan", "Waktu (menit)", "Output", "Keterangan"]])
    rows = step_rows(waktu="bare")
    first = sum(s[4] for s in STEPS[:3])
    blank = [None] * 5
    put(ws, top + 1, [["A. PENERIMAAN"], *rows[:3], ["Jumlah A", *blank, first],
                      ["B. PENYELESAIAN"], *rows[3:], ["Jumlah B", *blank, TOTAL - first]])
    return save(wb, path)


def roles_without_group(path: Path) -> Path:
    """Each role's name merged over both header rows, no PELAKSANA above them; MUTU BAKU is
    a group."""
    wb, ws, top = sop_sheet()
    put(ws, top, [["No", "Kegiatan", *ROLES, "MUTU BAKU", None, None, "Keterangan"],
                  [None, None, None, None, None, "Kelengkapan", "Waktu", "Output"]])
    for c in (1, 2, 3, 4, 5, 9):
        ws.merge_cells(start_row=top, start_column=c, end_row=top + 1, end_column=c)
    ws.merge_cells(start_row=top, start_column=6, end_row=top, end_column=8)
    put(ws, top + 2, step_rows())
    return save(wb, path)


def kegiatan_over_two_rows(path: Path) -> Path:
    """Step 2's kegiatan and output typed on two rows, the second with no number or symbol."""
    wb, ws, top = sop_sheet()
    put(ws, top, [["No", "Kegiatan", *ROLES, "Kelengkapan", "Waktu", "Output", "Keterangan"]])
    rows = step_rows()
    rows[1][1] = "Mencatat surat di buku"
    rows[1][7] = None
    put(ws, top + 1, [*rows[:2], [None, "agenda", None, None, None, None, None, "Agenda"], *rows[2:]])
    return save(wb, path)


def waktu_unit_column_without_header(path: Path) -> Path:
    """"Waktu" over the numbers, and beside it a column with no header holding the units."""
    wb, ws, top = sop_sheet()
    put(ws, top, [["No", "Kegiatan", *ROLES, "Kelengkapan", "Waktu", None, "Output", "Keterangan"]])
    put(ws, top + 1, step_rows(waktu="split"))
    return save(wb, path)


def page_numbers(path: Path) -> Path:
    """The printed page's number left in the sheet between steps ("- 2 -" over a role column)
    and under the last step ("Hal. 3")."""
    wb, ws, top = sop_sheet()
    put(ws, top, [["No", "Kegiatan", *ROLES, "Kelengkapan", "Waktu", "Output", "Keterangan"]])
    rows = step_rows()
    put(ws, top + 1, [*rows[:3], [None, None, None, "- 2 -"], [None, None, None, None, 2], *rows[3:],
                      [None, None, None, None, "Hal. 3"]])
    return save(wb, path)


def table_over_two_sheets(path: Path, aligned: bool = False) -> Path:
    """A cover sheet, then the table on two sheets (one per printed page): steps 1-3 on the
    first, the header again and steps 4-5 on the second, step 5 without its output.
    ``aligned``: the second sheet's header sits as low as the first's, so its steps 4-5 take
    the very cell addresses of steps 1-2 on the first sheet."""
    wb = Workbook()
    wb.remove(wb.active)
    cover = wb.create_sheet("Identitas")
    put(cover, 1, [["KEMENTERIAN AGAMA", None, "Nomor SOP", ":", "800/012/SOP/2023"],
                   [None, None, "Tgl Pembuatan", ":", "02-01-2023"],
                   [None, None, "Tgl. Disahkan", ":", "16-01-2023"],
                   [None, None, "Nama SOP", ":", "Pelayanan Surat Masuk"]])
    rows = step_rows()
    rows[4][7] = None
    header = ["No", "Kegiatan", *ROLES, "Kelengkapan", "Waktu", "Output", "Keterangan"]
    for name, part, title in (("Prosedur (1)", rows[:3], "SOP PELAYANAN SURAT MASUK"),
                              ("Prosedur (2)", rows[3:], None)):
        ws = wb.create_sheet(name)
        put(ws, 1, [[title], [], header, *part] if title or aligned else [header, *part])
    return save(wb, path)


def name_as_banner(path: Path) -> Path:
    """No "Nama SOP" label: the name is a banner row over the boxes (a court's and a
    university's habit); the Keterkaitan box below lists other SOPs."""
    wb = Workbook()
    ws = wb.active
    ws.title = "SOP"
    put(ws, 1, [["PENGADILAN NEGERI CONTOH", None, None, "Nomor SOP", "W17.U2/1/SOP/2017"],
                [None, None, None, "Tanggal Pembuatan", "24-01-2017"],
                ["S.O.P PENGELOLAAN SURAT MASUK"],
                ["Dasar Hukum", None, None, "Keterkaitan"],
                ["1. Buku II MARI", None, None, "S.O.P Pengelolaan Surat Keluar"]])
    put(ws, 7, [["No", "Kegiatan", *ROLES, "Kelengkapan", "Waktu", "Output", "Keterangan"]])
    put(ws, 8, step_rows())
    return save(wb, path)


STACKED_NAMES = [("Pelayanan Surat Masuk", "800/012/SOP/2023"),
                 ("Pelayanan Legalisir Ijazah", "800/013/SOP/2023"),
                 ("Pelayanan Cuti Pegawai", "800/014/SOP/2023")]


def stacked_sops(path: Path, n: int = 2, inline: bool = False) -> Path:
    """Every SOP pasted one under another into one long sheet, each with its identity block,
    Dasar Hukum box and table, two blank rows between (a kesbangpol office's habit).
    ``inline``: the later SOPs write "Nomor SOP : …" in one cell."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Semua SOP"
    header = ["No", "Kegiatan", *ROLES, "Kelengkapan", "Waktu", "Output", "Keterangan"]
    row = 1
    for i, (nama, nomor) in enumerate(STACKED_NAMES[:n]):
        ident = [list(r) for r in IDENTITY]
        ident[0][4], ident[5][4] = nomor, nama
        if inline and i:
            ident = [[r[0], None, None, f"{r[3]} : {r[4]}"] for r in ident]
        row = put(ws, row, [*ident, ["Dasar Hukum"], [f"{i + 1}. Permenpan RB 35/2012"], header,
                            *step_rows()])
        row += 2
    return save(wb, path)
