"""Workbooks for the merge tests, built the way offices lay out an SOP AP.

``sop(k, **changes)`` takes seed SOP k from ``sopxl/data/contoh.json`` (identity block, the
six boxes, sections with roles and steps) and changes what a test needs; ``workbook(path,
sops)`` writes one SOP sheet per dict with openpyxl: the instansi in a merged block, the
identity rows "NOMOR SOP | …", the boxes with their text below, a two-row header (No and
Kegiatan merged down, PELAKSANA merged over the roles, MUTU BAKU over Kelengkapan / Waktu
/ Output, Keterangan), a row numbering the columns, then one row per step with the step's
marker ("Mulai", "Proses", "Selesai") in each acting role's column.

The bad files a Bagian also sends: ``broken`` (a zip with half its parts), ``lock_file``
(Excel's ``~$`` owner file), ``old_xls`` and ``encrypted`` (OLE2 headers, as Excel writes
97-2003 and password-protected files), ``not_sop`` (a budget table).
"""
from __future__ import annotations

import copy
import json
import zipfile
from importlib import resources
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side

THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
BOLD = Font(bold=True)
OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

BOX_LABELS = [("dasar_hukum", "Dasar Hukum"), ("kualifikasi_pelaksana", "Kualifikasi Pelaksana"),
              ("keterkaitan", "Keterkaitan"), ("peralatan_perlengkapan", "Peralatan/Perlengkapan"),
              ("peringatan", "Peringatan"), ("pencatatan_pendataan", "Pencatatan dan Pendataan")]
IDENTITY_LABELS = [("nomor", "NOMOR SOP"), ("tanggal_pembuatan", "TGL. PEMBUATAN"),
                   ("tanggal_revisi", "TGL. REVISI"), ("tanggal_efektif", "TGL. EFEKTIF"),
                   ("disahkan_oleh", "DISAHKAN OLEH"), ("nama", "NAMA SOP")]


def seeds() -> list[dict[str, Any]]:
    text = (resources.files("sopxl") / "data" / "contoh.json").read_text(encoding="utf-8")
    return json.loads(text)["sop"]


def sop(k: int, **changes: Any) -> dict[str, Any]:
    """Seed SOP ``k`` (0 or 1) with identity fields, boxes, ``sheet`` or ``instansi`` changed.

    ``nomor="…"``, ``nama="…"``, ``keterkaitan="…"`` and the other identity/box names can be
    given directly; ``sections=1`` keeps only the first section (shorter sheets).
    """
    s = copy.deepcopy(seeds()[k])
    for name, value in changes.items():
        if name in s["identitas"]:
            s["identitas"][name] = value
        elif name in s["kotak"]:
            s["kotak"][name] = value
        elif name == "sections":
            s["bagian"] = s["bagian"][:value]
        else:
            s[name] = value
    return s


def write_sop_sheet(ws, s: dict[str, Any]) -> None:
    width = 2 + max(len(sec["pelaksana"]) for sec in s["bagian"]) + 4  # No, Kegiatan, roles, mutu baku, ket
    ws.cell(1, 1, s["instansi"])
    ws.merge_cells(start_row=1, start_column=1, end_row=6, end_column=2)
    for i, (name, label) in enumerate(IDENTITY_LABELS, start=1):
        ws.cell(i, 3, label)
        _text(ws.cell(i, 4), s["identitas"][name] or None)
        ws.merge_cells(start_row=i, start_column=4, end_row=i, end_column=width)
    half = width // 2
    for i, (name, label) in enumerate(BOX_LABELS):
        row, col = 8 + 2 * (i // 2), 1 + half * (i % 2)
        ws.cell(row, col, label)
        _text(ws.cell(row + 1, col), s["kotak"][name] or None)
        last = half if i % 2 == 0 else width
        ws.merge_cells(start_row=row + 1, start_column=col, end_row=row + 1, end_column=last)
    r = 15
    for sec in s["bagian"]:
        if sec.get("judul"):
            ws.cell(r, 1, sec["judul"])
            r += 1
        r = _section(ws, r, sec) + 1
    for row in ws.iter_rows(min_row=1, max_row=r, max_col=width):
        for c in row:
            c.alignment = WRAP
    ws.column_dimensions["B"].width = 40


def _text(cell, value: Any) -> None:
    """Put a value in a cell as typed text: "=HYPERLINK(…)" stays text, not a formula."""
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"


def _section(ws, h: int, sec: dict[str, Any]) -> int:
    roles = sec["pelaksana"]
    n = len(roles)
    kel, waktu, out, ket = 3 + n, 4 + n, 5 + n, 6 + n
    ws.cell(h, 1, "No")
    ws.cell(h, 2, "Kegiatan")
    ws.cell(h, 3, "PELAKSANA")
    ws.cell(h, kel, "MUTU BAKU")
    ws.cell(h, ket, "Keterangan")
    ws.merge_cells(start_row=h, start_column=1, end_row=h + 1, end_column=1)
    ws.merge_cells(start_row=h, start_column=2, end_row=h + 1, end_column=2)
    ws.merge_cells(start_row=h, start_column=3, end_row=h, end_column=2 + n)
    ws.merge_cells(start_row=h, start_column=kel, end_row=h, end_column=out)
    ws.merge_cells(start_row=h, start_column=ket, end_row=h + 1, end_column=ket)
    for j, role in enumerate(roles):
        ws.cell(h + 1, 3 + j, role)
    for col, label in ((kel, "Kelengkapan"), (waktu, "Waktu"), (out, "Output")):
        ws.cell(h + 1, col, label)
    for j in range(ket):
        ws.cell(h + 2, 1 + j, j + 1)
    r = h + 3
    for step in sec["langkah"]:
        ws.cell(r, 1, step["no"])
        ws.cell(r, 2, step["kegiatan"])
        for actor in step["pelaksana"]:
            ws.cell(r, 3 + roles.index(actor), step.get("simbol") or "Proses")
        ws.cell(r, kel, step.get("kelengkapan"))
        ws.cell(r, waktu, step.get("waktu"))
        ws.cell(r, out, step.get("output"))
        if step.get("keterangan"):
            ws.cell(r, ket, step["keterangan"])
        r += 1
    for row in ws.iter_rows(min_row=h, max_row=r - 1, max_col=ket):
        for c in row:
            c.border = BORDER
    for c in ws[h] + ws[h + 1]:
        c.font = BOLD
    return r


def workbook(path: str | Path, sops: list[dict[str, Any]]) -> Path:
    """One sheet per SOP, named by its ``sheet``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for s in sops:
        write_sop_sheet(wb.create_sheet(s["sheet"]), s)
    wb.save(path)
    return path


# ---------------------------------------------------------------------------- bad files

def broken(path: str | Path) -> Path:
    """A zip that says it is a workbook but lost its workbook part (a half-copied file)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/content-types"/>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
                   'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                   'Target="xl/workbook.xml"/></Relationships>')
    return path


def lock_file(path: str | Path) -> Path:
    """Excel's owner file beside an open workbook: 165 bytes, the user's name, no zip."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x0bAdmin Bagian" + b"\x20" * 40 + b"\x00" * 112)
    return path


def _ole(path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(OLE_HEADER + b"\x00" * 504)
    return path


def old_xls(path: str | Path) -> Path:
    return _ole(path)


def encrypted(path: str | Path) -> Path:
    """A password-protected .xlsx: Excel stores it as an OLE2 compound file."""
    return _ole(path)


def not_sop(path: str | Path) -> Path:
    """A workbook with no SOP in it: a budget table."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Anggaran"
    ws.append(["Kode Rekening", "Uraian", "Pagu"])
    ws.append(["5.1.02", "Belanja Barang dan Jasa", 125000000])
    wb.save(path)
    return path
