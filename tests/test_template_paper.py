"""The templates' "Kertas" row on Pengaturan: the paper ``sopxl pdf`` and ``sopxl buku`` print on.

An office picks A4 or F4 from the row's dropdown once, and every PDF of that workbook comes
out on that paper, whatever the SOP sheets' own print setup says; ``sopxl validate`` reads
the same sheet for its calendar and must not take the new row for a problem.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_pdf import cli, needs_poppler, page_sizes

from sopxl.config import load_config
from sopxl.pdf.source import settings_paper
from sopxl.read.xlsx import read_workbook
from sopxl.validate import validate_file

COMMITTED = Path(__file__).resolve().parents[1] / "workbook_templates"
A4_W, F4_W = 841.89, 935.43


def _kertas_row(ws) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Kertas")


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_committed_template_names_its_paper_on_pengaturan_with_a_dropdown(paper):
    path = COMMITTED / f"sop_template_{paper}.xlsx"
    ws = load_workbook(path)["Pengaturan"]
    row = _kertas_row(ws)
    assert ws.cell(row, 2).value == paper
    lists = [dv for dv in ws.data_validations.dataValidation
             if dv.type == "list" and f"B{row}" in str(dv.sqref)]
    assert [dv.formula1 for dv in lists] == ['"A4,F4"']
    # What sopxl pdf reads: the row, not the sheet's print setup.
    assert settings_paper(str(path), list(read_workbook(path, sheets=()).sheet_parts)) == paper


@pytest.mark.parametrize("name", ["sop_template_A4.xlsx", "sop_template_F4.xlsx", "contoh.xlsx"])
def test_validate_says_nothing_about_the_kertas_row(name):
    result = validate_file(str(COMMITTED / name), load_config())
    on_settings = [f for s in result.sops for f in s.findings if f.sheet == "Pengaturan"]
    on_settings += [f for f in result.findings if f.sheet == "Pengaturan"]
    assert on_settings == []
    assert ("Pengaturan", "lembar-sopxl") in result.skipped


@needs_poppler
def test_pdf_of_the_contoh_with_f4_chosen_prints_on_f4(tmp_path):
    """The user opens contoh.xlsx (SOP sheets set up for A4), picks F4 in Pengaturan."""
    src = tmp_path / "contoh.xlsx"
    shutil.copy(COMMITTED / "contoh.xlsx", src)
    code, out, err = cli("pdf", str(src), "--out", str(tmp_path / "a4"))
    assert code == 0, err
    pdfs = sorted((tmp_path / "a4").glob("*.pdf"))
    assert len(pdfs) == 2 and all(abs(w - A4_W) < 0.5 for p in pdfs for w, _ in page_sizes(p))

    wb = load_workbook(src)
    assert {int(wb[n].page_setup.paperSize) for n in ("SOP 01", "SOP 02")} == {9}  # A4
    ws = wb["Pengaturan"]
    ws.cell(_kertas_row(ws), 2, "F4")
    chosen = tmp_path / "contoh_f4.xlsx"
    wb.save(chosen)
    code, out, err = cli("pdf", str(chosen), "--out", str(tmp_path / "f4"))
    assert code == 0, err
    assert out.count("F4") == 2, out
    pdfs = sorted((tmp_path / "f4").glob("*.pdf"))
    assert len(pdfs) == 2
    for pdf in pdfs:
        sizes = page_sizes(pdf)
        assert sizes and all(abs(w - F4_W) < 0.5 and abs(h - 609.45) < 0.5 for w, h in sizes), sizes
