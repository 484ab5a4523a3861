"""Workbooks built the way offices draft SOP AP in Excel, from the two real seeds.

Each builder writes a real .xlsx with openpyxl and returns, per SOP sheet, where things
landed (rows of steps, columns of roles), so tests can name exact cells.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter


def contoh() -> dict:
    return json.loads((resources.files("sopxl") / "data" / "contoh.json").read_text(encoding="utf-8"))


@dataclass
class Placed:
    sheet: str
    step_rows: list[list[int]] = field(default_factory=list)  # per section, 1-based rows
    role_cols: list[dict[str, int]] = field(default_factory=list)  # per section, role -> 1-based col
    cols: dict[str, int] = field(default_factory=dict)  # kelengkapan/waktu/output/keterangan
    identity: dict[str, str] = field(default_factory=dict)  # field -> A1 of its value


def _header(ws, row: int, roles: list[str], *, two_rows: bool = True, numbers: bool = True,
            ket_label: str = "KET", kel_label: str = "Kelengkapan",
            ) -> tuple[dict[str, int], dict[str, int], int]:
    """Write No | Kegiatan | PELAKSANA(roles) | MUTU BAKU(Kelengkapan, Waktu, Output) | Ket."""
    n = len(roles)
    cols = {"no": 1, "kegiatan": 2}
    role_cols = {r: 3 + i for i, r in enumerate(roles)}
    kel, waktu, out, ket = 3 + n, 4 + n, 5 + n, 6 + n
    cols.update(kelengkapan=kel, waktu=waktu, output=out, keterangan=ket)
    if two_rows:
        ws.cell(row, 1, "No.")
        ws.merge_cells(start_row=row, start_column=1, end_row=row + 1, end_column=1)
        ws.cell(row, 2, "Kegiatan")
        ws.merge_cells(start_row=row, start_column=2, end_row=row + 1, end_column=2)
        ws.cell(row, 3, "Pelaksana")
        ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=2 + n)
        for r, c in role_cols.items():
            ws.cell(row + 1, c, r)
        ws.cell(row, kel, "Mutu Baku")
        ws.merge_cells(start_row=row, start_column=kel, end_row=row, end_column=out)
        ws.cell(row + 1, kel, kel_label)
        ws.cell(row + 1, waktu, "Waktu")
        ws.cell(row + 1, out, "Output")
        ws.cell(row, ket, ket_label)
        ws.merge_cells(start_row=row, start_column=ket, end_row=row + 1, end_column=ket)
        row += 2
    else:
        for c, t in [(1, "No"), (2, "Kegiatan"), *[(c, r) for r, c in role_cols.items()],
                     (kel, kel_label), (waktu, "Waktu"), (out, "Output"), (ket, ket_label)]:
            ws.cell(row, c, t)
        row += 1
    if numbers:
        for c in range(1, ket + 1):
            ws.cell(row, c, c)
        row += 1
    return cols, role_cols, row


def _identity_kalsel(ws, sop: dict, placed: Placed) -> int:
    """Kalsel layout: instansi merged on the left, label | value rows on the right, boxes with
    the label inside the cell ("Dasar Hukum: …")."""
    ws.cell(1, 1, "LAMPIRAN XIII PERATURAN GUBERNUR NOMOR _____ TAHUN 2018")
    ws.cell(3, 1, sop["instansi"])
    ws.merge_cells("A3:C8")
    labels = [("nomor", "Nomor SOP"), ("tanggal_pembuatan", "Tanggal Pembuatan"),
              ("tanggal_revisi", "Tanggal Revisi"), ("tanggal_efektif", "Tanggal Efektif"),
              ("disahkan_oleh", "Disahkan Oleh"), ("nama", "Nama SOP")]
    for i, (key, label) in enumerate(labels):
        r = 3 + i
        ws.cell(r, 4, label)
        ws.merge_cells(start_row=r, start_column=4, end_row=r, end_column=5)
        ws.cell(r, 6, sop["identitas"][key] or None)
        ws.merge_cells(start_row=r, start_column=6, end_row=r, end_column=10)
        placed.identity[key] = f"F{r}"
    boxes = sop["kotak"]
    ws.cell(10, 1, "Dasar Hukum: " + boxes["dasar_hukum"])
    ws.merge_cells("A10:E10")
    ws.cell(10, 6, "Kualifikasi Pelaksana: " + boxes["kualifikasi_pelaksana"])
    ws.merge_cells("F10:K10")
    ws.cell(11, 1, "Keterkaitan: " + boxes["keterkaitan"])
    ws.merge_cells("A11:E11")
    ws.cell(11, 6, "Peralatan/Perlengkapan: " + boxes["peralatan_perlengkapan"])
    ws.merge_cells("F11:K11")
    ws.cell(12, 1, "Peringatan: " + boxes["peringatan"])
    ws.merge_cells("A12:E12")
    ws.cell(12, 6, "Pencatatan dan Pendataan: " + boxes["pencatatan_pendataan"])
    ws.merge_cells("F12:K12")
    return 14


def _identity_mojokerto(ws, sop: dict, placed: Placed) -> int:
    """Mojokerto layout: logo block left, "Tgl" labels, boxes with the label above the text."""
    labels = [("nomor", "Nomor SOP"), ("tanggal_pembuatan", "Tgl Pembuatan"),
              ("tanggal_revisi", "Tgl Revisi"), ("tanggal_efektif", "Tgl Efektif"),
              ("disahkan_oleh", "Disahkan oleh"), ("nama", "Nama SOP")]
    ws.cell(1, 1, sop["instansi"])
    ws.merge_cells("A1:C5")
    ws.cell(6, 1, sop.get("unit", ""))
    ws.merge_cells("A6:C6")
    for i, (key, label) in enumerate(labels):
        r = 1 + i
        ws.cell(r, 4, label)
        ws.cell(r, 5, sop["identitas"][key])
        ws.merge_cells(start_row=r, start_column=5, end_row=r, end_column=10)
        placed.identity[key] = f"E{r}"
    pairs = [("DASAR HUKUM", "dasar_hukum", "KUALIFIKASI PELAKSANA", "kualifikasi_pelaksana"),
             ("KETERKAITAN", "keterkaitan", "PERALATAN/PERLENGKAPAN", "peralatan_perlengkapan"),
             ("PERINGATAN", "peringatan", "PENCATATAN DAN PENDATAAN", "pencatatan_pendataan")]
    r = 8
    for l1, k1, l2, k2 in pairs:
        ws.cell(r, 1, l1)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
        ws.cell(r, 5, l2)
        ws.merge_cells(start_row=r, start_column=5, end_row=r, end_column=10)
        ws.cell(r + 1, 1, sop["kotak"][k1])
        ws.merge_cells(start_row=r + 1, start_column=1, end_row=r + 1, end_column=4)
        ws.cell(r + 1, 5, sop["kotak"][k2])
        ws.merge_cells(start_row=r + 1, start_column=5, end_row=r + 1, end_column=10)
        r += 2
    ws.cell(r + 1, 1, sop.get("uraian", "URAIAN PROSEDUR"))
    return r + 3


def _marker(step: dict, i: int, n: int, style: str) -> str:
    if style == "words":
        return step["simbol"]
    return "√"


def build_sop_sheet(ws, sop: dict, *, layout: str = "kalsel", repeat_every: int = 5,
                    marker_style: str = "words", two_rows: bool = True) -> Placed:
    placed = Placed(ws.title)
    row = (_identity_kalsel if layout == "kalsel" else _identity_mojokerto)(ws, sop, placed)
    for sec in sop["bagian"]:
        if sec["judul"]:
            ws.cell(row, 1, sec["judul"])
            row += 1
        cols, role_cols, row = _header(ws, row, sec["pelaksana"], two_rows=two_rows,
                                       numbers=layout == "kalsel")
        placed.cols = {k: v for k, v in cols.items()}
        placed.role_cols.append(role_cols)
        rows = []
        steps = sec["langkah"]
        for i, st in enumerate(steps):
            if i and repeat_every and i % repeat_every == 0:
                row += 1  # a blank line at the page break
                if layout == "kalsel":  # Kalsel repeats only the "1 2 3 …" row
                    for c in range(1, cols["keterangan"] + 1):
                        ws.cell(row, c, c)
                    row += 1
                else:  # Mojokerto repeats the whole header
                    _, _, row = _header(ws, row, sec["pelaksana"], two_rows=two_rows, numbers=False)
            ws.cell(row, 1, st["no"])
            ws.cell(row, 2, st["kegiatan"]).alignment = Alignment(wrap_text=True)
            for actor in st["pelaksana"]:
                ws.cell(row, role_cols[actor], _marker(st, i, len(steps), marker_style))
            ws.cell(row, cols["kelengkapan"], st["kelengkapan"])
            ws.cell(row, cols["waktu"], st["waktu"])
            ws.cell(row, cols["output"], st["output"])
            rows.append(row)
            row += 1
        placed.step_rows.append(rows)
        row += 2
    for line in sop.get("penandatangan", []):
        ws.cell(row, cols["output"], line)
        row += 2
    for c in range(1, 15):
        ws.column_dimensions[get_column_letter(c)].width = 14
    ws.column_dimensions["B"].width = 40
    return placed


def build_workbook(path, *, sops: list[dict] | None = None, layouts=("kalsel", "mojokerto"),
                   extra_sheets: bool = True, **kwargs) -> list[Placed]:
    data = sops if sops is not None else contoh()["sop"]
    wb = Workbook()
    wb.remove(wb.active)
    placed = []
    if extra_sheets:
        toc = wb.create_sheet("Daftar Isi")
        toc["A1"] = "STANDAR OPERASIONAL PROSEDUR BAGIAN ORGANISASI SETDA KOTA MOJOKERTO"
        toc["A3"], toc["B3"] = "No", "Nama SOP"
        for i, sop in enumerate(data, 1):
            toc.cell(3 + i, 1, i)
            toc.cell(3 + i, 2, sop["identitas"]["nama"])
    for sop, layout in zip(data, layouts):
        ws = wb.create_sheet(sop["sheet"])
        placed.append(build_sop_sheet(ws, sop, layout=layout, **kwargs))
    if extra_sheets:
        kep = wb.create_sheet("Keputusan")
        kep["A1"] = "KEPUTUSAN SEKRETARIS DAERAH KOTA MOJOKERTO"
        kep["A3"] = "Nomor : 188.45/ 391.1 /417.111/2018"
    wb.save(path)
    return placed
