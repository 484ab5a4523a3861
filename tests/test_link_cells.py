"""Link cells of the Status and Checklist sheets read whole in LibreOffice as in Excel.

LibreOffice never wraps a hyperlink cell's text: a long Nama SOP in the Checklist's link to
the identity was cut at the page's edge ("… Provinsi Kalimantan Sel"), and "Kolom Pelaksana
(satu kolom per jabatan)" at its column's edge in the Status sheet. Links now carry short
texts (a sheet name, a cell address, an element of the format) in columns wide enough for
them, and the long identity sits in a wrapped cell of its own.
"""
from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from libreoffice_client import convert, needs_soffice
from openpyxl import load_workbook
from report_builders import build_workbook, seed_sops
from test_row_heights import PX_PER_UNIT, _font

from sopxl.cli import run

LONG_SHEET = "SOP PENERIMAAN BERITA OPR 115X"  # 30 of Excel's 31 characters
NOMOR = "065/SOP/417.112/02/BAGIAN-ORGANISASI/2025"
NAMA = ("Penyusunan Informasi Jabatan dan Standar Kompetensi Manajerial/Teknis bagi Pejabat "
        "Administrator, Pengawas dan Pelaksana di Lingkungan Sekretariat Daerah Provinsi Kalimantan "
        "Selatan sampai akhir kalimat")
# Room LibreOffice keeps on both sides of a cell's text, in pixels.
CELL_PADDING_PX = 6


def long_named(tmp_path: Path, lang: str = "id") -> Path:
    sops = seed_sops()
    sops[0]["sheet"] = LONG_SHEET
    sops[0]["identitas"]["nomor"] = NOMOR
    sops[0]["identitas"]["nama"] = NAMA
    path = tmp_path / "panjang.xlsx"
    build_workbook(path, sops)
    code = run(["validate", "--write", "--lang", lang, str(path)], io.StringIO(), io.StringIO())
    assert code in (0, 1)
    return path


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_link_fits_its_column_on_one_line(tmp_path, lang):
    wb = load_workbook(long_named(tmp_path, lang))
    seen = 0
    for name in ("Status", "Checklist"):
        ws = wb[name]
        merged = {(m.min_row, m.min_col) for m in ws.merged_cells.ranges}
        for row in ws.iter_rows():
            for cell in row:
                if cell.hyperlink is None or cell.value is None:
                    continue
                seen += 1
                assert (cell.row, cell.column) not in merged, (name, cell.coordinate)
                font = _font(cell.font.sz or 11, bool(cell.font.b))
                room = (ws.column_dimensions[cell.column_letter].width or 8.43) * PX_PER_UNIT
                assert font.getlength(str(cell.value)) + CELL_PADDING_PX <= room, (
                    name, cell.coordinate, cell.value, room)
    assert seen > 50


def test_checklist_identity_is_a_short_link_beside_its_text(tmp_path):
    ws = load_workbook(long_named(tmp_path))["Checklist"]
    row = next(r for r in ws.iter_rows() if r[0].value == "Lembar" and r[1].value == LONG_SHEET)
    assert row[1].hyperlink.location.replace("$", "") == f"'{LONG_SHEET}'!A1"
    assert (row[2].value, row[2].hyperlink.location.replace("$", "")) == ("D1", f"'{LONG_SHEET}'!D1")
    assert row[3].value == f"Nomor SOP: {NOMOR} | Nama SOP: {NAMA}"
    assert row[3].hyperlink is None and row[3].alignment.wrap_text


@needs_soffice
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) tidak terpasang")
def test_libreoffice_prints_the_whole_identity_and_every_link(tmp_path, lo_profile):
    pdf = convert(long_named(tmp_path), "pdf", tmp_path / "pdf", lo_profile)
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                          timeout=120, check=True).stdout
    squeezed = "".join(text.split())
    assert "".join(f"Nomor SOP: {NOMOR} | Nama SOP: {NAMA}".split()) in squeezed
    assert "".join(LONG_SHEET.split()) in squeezed
