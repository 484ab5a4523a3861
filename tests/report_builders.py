"""SOP workbooks for the report tests, built with openpyxl from the two seeds.

Each sheet is laid out the way the regulation draws it::

    A1:B6   instansi (merged)       C1:C6  identity labels   D1:D6  their values
    row 8   Dasar Hukum | Kualifikasi Pelaksana        (values on the row under each label)
    row 10  Keterkaitan | Peralatan/Perlengkapan
    row 12  Peringatan  | Pencatatan dan Pendataan
    row 15  No | Kegiatan | PELAKSANA (merged over the roles) | MUTU BAKU (merged) | Keterangan
    row 16           role names …                    Kelengkapan | Waktu | Output
    row 17  1 2 3 …  (the column-number row)
            [A. PERENCANAAN]  section title when the seed has one
            one row per step: "5." | kegiatan | "Proses" in the acting role's column | …

A later section with other roles repeats the two header rows. Tests change the seed dicts
(``seed_sops()`` returns a fresh copy) before building, to make broken variants.
openpyxl is used here only to play the user who drafted the workbook.
"""
from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment

IDENTITY_LABELS = (("nomor", "Nomor SOP"), ("tanggal_pembuatan", "Tanggal Pembuatan"),
                   ("tanggal_revisi", "Tanggal Revisi"), ("tanggal_efektif", "Tanggal Efektif"),
                   ("disahkan_oleh", "Disahkan Oleh"), ("nama", "Nama SOP"))
BOX_LABELS = (("dasar_hukum", "Dasar Hukum"), ("kualifikasi_pelaksana", "Kualifikasi Pelaksana"),
              ("keterkaitan", "Keterkaitan"), ("peralatan_perlengkapan", "Peralatan/Perlengkapan"),
              ("peringatan", "Peringatan"), ("pencatatan_pendataan", "Pencatatan dan Pendataan"))
HEADER_ROW = 15  # 1-based, as openpyxl counts


def seed_sops() -> list[dict]:
    """The two seed SOPs of sopxl/data/contoh.json, as a fresh copy a test may change."""
    text = (resources.files("sopxl") / "data" / "contoh.json").read_text(encoding="utf-8")
    return copy.deepcopy(json.loads(text)["sop"])


@dataclass
class Placed:
    """Where a sheet's steps landed: 1-based rows, per section, in order."""

    sheet: str
    step_rows: list[list[int]] = field(default_factory=list)

    def number_cell(self, section: int, index: int) -> str:
        """A1 of the No cell of a step (both zero-based: section, step within it)."""
        return f"A{self.step_rows[section][index]}"


def _identity(ws, sop: dict) -> None:
    ws.cell(1, 1, sop.get("instansi", ""))
    ws.merge_cells("A1:B6")
    ws["A1"].alignment = Alignment(wrap_text=True, vertical="center")
    for i, (name, label) in enumerate(IDENTITY_LABELS, start=1):
        ws.cell(i, 3, label)
        value = sop["identitas"].get(name, "")
        if value:
            ws.cell(i, 4, value)
    for i, (name, label) in enumerate(BOX_LABELS):
        row, col = 8 + 2 * (i // 2), 1 if i % 2 == 0 else 4
        ws.cell(row, col, label)
        value = sop["kotak"].get(name, "")
        if value:
            ws.cell(row + 1, col, value)


def _header(ws, row: int, roles: list[str]) -> int:
    """The two header rows and the column-number row; returns the next free row."""
    n = len(roles)
    kel = 3 + n
    ws.cell(row, 1, "No")
    ws.merge_cells(start_row=row, start_column=1, end_row=row + 1, end_column=1)
    ws.cell(row, 2, "Kegiatan")
    ws.merge_cells(start_row=row, start_column=2, end_row=row + 1, end_column=2)
    ws.cell(row, 3, "PELAKSANA")
    if n > 1:
        ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=2 + n)
    for i, role in enumerate(roles):
        ws.cell(row + 1, 3 + i, role)
    ws.cell(row, kel, "MUTU BAKU")
    ws.merge_cells(start_row=row, start_column=kel, end_row=row, end_column=kel + 2)
    for i, label in enumerate(("Kelengkapan", "Waktu", "Output")):
        ws.cell(row + 1, kel + i, label)
    ws.cell(row, kel + 3, "Keterangan")
    ws.merge_cells(start_row=row, start_column=kel + 3, end_row=row + 1, end_column=kel + 3)
    for c in range(1, kel + 4):
        ws.cell(row + 2, c, c)
    return row + 3


def _sheet(wb: Workbook, sop: dict) -> Placed:
    ws = wb.create_sheet(sop["sheet"])
    ws.column_dimensions["B"].width = 45
    _identity(ws, sop)
    placed = Placed(sop["sheet"])
    row = HEADER_ROW
    previous_roles: list[str] | None = None
    for section in sop["bagian"]:
        roles = section["pelaksana"]
        if roles != previous_roles:
            if previous_roles is not None:
                row += 1  # a blank row between the tables, as offices leave one
            row = _header(ws, row, roles)
            previous_roles = roles
        if section.get("judul"):
            ws.cell(row, 1, section["judul"])
            row += 1
        kel = 3 + len(roles)
        rows = []
        for step in section["langkah"]:
            ws.cell(row, 1, step["no"])
            ws.cell(row, 2, step["kegiatan"])
            for actor in step["pelaksana"]:
                ws.cell(row, 3 + roles.index(actor), step.get("simbol") or "√")
            for i, name in enumerate(("kelengkapan", "waktu", "output", "keterangan")):
                if step.get(name):
                    ws.cell(row, kel + i, step[name])
            rows.append(row)
            row += 1
        placed.step_rows.append(rows)
    return placed


def build_workbook(path: str | Path, sops: list[dict] | None = None, *,
                   other_sheets: tuple[str, ...] = ("Daftar Isi",),
                   settings: dict[str, float] | None = None) -> dict[str, Placed]:
    """Write the SOPs (default: both seeds) and a few non-SOP sheets to ``path``;
    ``settings`` adds a Pengaturan sheet of "label | value" rows ("Jam per hari kerja": 8)."""
    wb = Workbook()
    wb.remove(wb.active)
    placed = {}
    for name in other_sheets:
        ws = wb.create_sheet(name)
        ws["A1"] = "Daftar SOP Bagian Organisasi"
        ws["A3"] = "Lihat lembar berikutnya."
    if settings:
        ws = wb.create_sheet("Pengaturan")
        for label, value in settings.items():
            ws.append([label, value])
    for sop in seed_sops() if sops is None else sops:
        p = _sheet(wb, sop)
        placed[p.sheet] = p
    wb.save(str(path))
    return placed
