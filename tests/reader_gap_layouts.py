"""Workbooks for four reading habits sopxl once got wrong (tests/test_reader_gaps.py).

Several actors typed in one Pelaksana cell ("Operator, Verifikator"), "N x 24 jam" waktu, a
waktu column under MUTU BAKU whose label sopxl does not know ("Lama Proses"), and a second SOP
stacked on one sheet that lacks identity rows and boxes. Rows are lists of cell values from
column A; ``None`` leaves a cell empty.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import real_layouts as L
from openpyxl import Workbook
from real_layouts import put, save
from text_actor_layouts import HEADER

KUALIFIKASI = ("1. Kasubbag Umum: memahami tata naskah dinas; 2. Bendahara: bersertifikat "
               "bendahara; 3. Subbag Perencanaan dan Keuangan: menguasai penyusunan anggaran")

# (kegiatan, the Pelaksana cell as typed, waktu)
JOINED_ACTORS = [
    ("Menerima permohonan", "Operator", "10 menit"),
    ("Memeriksa berkas", "Verifikator", "20 menit"),
    ("Mencocokkan data pemohon", "Operator, Verifikator", "30 menit"),
    ("Memberi persetujuan", "Kepala Seksi", "15 menit"),
    ("Mengetik surat", "Staf", "20 menit"),
    ("Memaraf konsep surat", "Kepala Seksi & Staf", "5 menit"),
    ("Mencatat pembayaran", "Kasubbag Umum dan Bendahara", "15 menit"),
    ("Menyusun anggaran kegiatan", "Subbag Perencanaan dan Keuangan", "1 jam"),
    ("Menandatangani surat", "Kepala Bagian Umum dan Keuangan", "10 menit"),
    ("Mengarsipkan berkas", "Arsiparis, Pengelola Data", "10 menit"),
    ("Menyerahkan surat", "Operator dan Petugas Loket", "5 menit"),
]


def joined_actors(path: Path, kualifikasi: bool = True,
                  steps: list[tuple[str, str, str]] = JOINED_ACTORS) -> Path:
    """A madrasah-style table (``No | Kegiatan | Pelaksana | Waktu | Keterangan``) whose
    Pelaksana cells sometimes name two actors, and a Kualifikasi Pelaksana listing some roles;
    the identity is signed by the Kepala Kantor."""
    wb = Workbook()
    ws = wb.active
    ws.title = "SOP Layanan"
    rows: list[list[object]] = [
        ["Kode SOP", None, "SOP/TU/004"],
        ["Tanggal Pembuatan", None, "2 Januari 2025"],
        ["Disahkan oleh", None, "Kepala Kantor"],
        ["Nama Prosedur", None, "Pelayanan Surat Keterangan"],
    ]
    if kualifikasi:
        rows.append(["Kualifikasi Pelaksana", None, KUALIFIKASI])
    row = put(ws, 1, rows) + 1
    put(ws, row, [HEADER, *[[i, keg, who, waktu, None]
                            for i, (keg, who, waktu) in enumerate(steps, 1)]])
    return save(wb, path)


def unknown_waktu_label(path: Path, label: str = "Lama Proses") -> Path:
    """The usual two-row header, the waktu column under MUTU BAKU headed ``label``."""
    wb, ws, top = L.sop_sheet()
    put(ws, top, [["No", "Kegiatan", "Pelaksana", None, None, "Mutu Baku", None, None, "Keterangan"],
                  [None, None, *L.ROLES, "Kelengkapan", label, "Output"]])
    ws.merge_cells(start_row=top, start_column=3, end_row=top, end_column=5)
    ws.merge_cells(start_row=top, start_column=6, end_row=top, end_column=8)
    put(ws, top + 2, L.step_rows())
    return save(wb, path)


def stacked_with_gaps(path: Path) -> Path:
    """Two SOPs pasted one under the other; the second has no Tanggal Efektif row and no
    Dasar Hukum box (the first has its Dasar Hukum)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Semua SOP"
    header = ["No", "Kegiatan", *L.ROLES, "Kelengkapan", "Waktu", "Output", "Keterangan"]
    row = 1
    for i, (nama, nomor) in enumerate(L.STACKED_NAMES[:2]):
        ident = [list(r) for r in L.IDENTITY]
        ident[0][4], ident[5][4] = nomor, nama
        boxes: list[list[object]] = [["Dasar Hukum"], ["1. Permenpan RB 35/2012"]]
        if i:
            ident = [r for r in ident if r[3] != "Tanggal Efektif"]
            boxes = []
        row = put(ws, row, [*ident, *boxes, header, *L.step_rows()]) + 2
    return save(wb, path)


def lettered_sections(path: Path, letters: tuple[str, str] = ("A", "B."),
                      extra: Sequence[object] = ()) -> Path:
    """The usual table, its steps under two section rows written as a letter in No and the
    section's name in Kegiatan ("A" | "Persiapan"); ``extra`` adds cells to the second
    section row (a symbol or a waktu, which make it a step)."""
    wb, ws, top = L.sop_sheet()
    put(ws, top, [["No", "Kegiatan", "Pelaksana", None, None, "Mutu Baku", None, None, "Keterangan"],
                  [None, None, *L.ROLES, "Kelengkapan", "Waktu", "Output"]])
    ws.merge_cells(start_row=top, start_column=3, end_row=top, end_column=5)
    ws.merge_cells(start_row=top, start_column=6, end_row=top, end_column=8)
    steps = L.step_rows()
    put(ws, top + 2, [[letters[0], "Persiapan"], *steps[:2],
                      [letters[1], "Pelaksanaan", *extra], *steps[2:]])
    return save(wb, path)


def actors_under_pejabat_terkait(path: Path, names: Sequence[str] = (
        "Kasubag.\nUmum", "Staf Umum", "Kasubag\nUmum", "Kepala Kantor")) -> Path:
    """``NO | Uraian Kegiatan | Pejabat terkait | Waktu | KET`` with a column-number row under
    it, the No cells left empty and "1. Menerima …" typed in Uraian, each step's actor named
    under "Pejabat terkait" (a court's habit; one official spelled two ways). ``names`` may
    hold symbols instead, to show that such a column stays a role."""
    wb, ws, top = L.sop_sheet()
    kegiatan = ["Menerima berkas", "Mencatat berkas", "Memeriksa berkas", "Menandatangani surat"]
    put(ws, top, [["NO", "Uraian Kegiatan", "Pejabat terkait", "Waktu", "KET"], [1, 2, 3, 4, 5],
                  *[[None, f"{i}. {keg}", who, "10 menit"]
                    for i, (keg, who) in enumerate(zip(kegiatan, names), 1)]])
    return save(wb, path)


def titled_tables(path: Path, titles: Sequence[str | None]) -> Path:
    """No identity block: one table per title, each title merged across the table right above
    the header the table repeats (a kecamatan page: "KARTU TANDA PENDUDUK", "KARTU KELUARGA");
    ``None`` leaves a table without its title (a header repeated at a page break)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "SOP Layanan"
    header = ["NO", "URAIAN PROSEDUR", "KELENGKAPAN", "WAKTU", "KET"]
    row = 1
    for title in titles:
        if title is not None:
            ws.cell(row, 1, title)
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
        row = put(ws, row + 1, [header, *[[f"{i}.", keg, kel, f"{minutes} menit"]
                                          for i, (keg, _a, _s, kel, minutes, _o)
                                          in enumerate(L.STEPS, 1)]]) + 1
    return save(wb, path)


def no_kegiatan_heading(path: Path, numbered: bool = True) -> Path:
    """"PELAKSANA" merged over the roles and Kelengkapan/Waktu/Output under it, nothing over
    the step-number and kegiatan columns (a kelurahan's printed form). ``numbered=False``
    leaves the numbers out: then nothing says the two columns are No and Kegiatan."""
    wb, ws, top = L.sop_sheet()
    put(ws, top, [[None, None, "PELAKSANA"],
                  [None, None, *L.ROLES, "Kelengkapan", "Waktu", "Output"]])
    ws.merge_cells(start_row=top, start_column=3, end_row=top, end_column=5)
    steps = L.step_rows(ket=False)
    put(ws, top + 2, steps if numbered else [[None, *row[1:]] for row in steps])
    return save(wb, path)
