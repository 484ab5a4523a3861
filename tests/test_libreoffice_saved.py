"""Workbooks saved by a real spreadsheet program, not by our own fixtures.

Offices number steps with formulas (=A17+1) and build waktu from cells; a file saved by
Excel or LibreOffice carries the formulas' cached values, which is what sopxl must read.
LibreOffice re-saves the drafts here, so the reader meets another program's XML too.
"""
from __future__ import annotations

from libreoffice_client import convert, needs_soffice
from office_drafts import build_workbook
from openpyxl import load_workbook

from sopxl.config import load_config
from sopxl.validate import validate_file

pytestmark = needs_soffice


def test_formulas_saved_by_libreoffice_are_read_as_their_values(tmp_path, lo_profile):
    src = tmp_path / "rumus.xlsx"
    placed = build_workbook(src, extra_sheets=False)
    rows = placed[0].step_rows[0]
    waktu = chr(64 + placed[0].cols["waktu"])
    wb = load_workbook(src)
    ws = wb["SOP 01"]
    # Step numbers as formulas from step 2 on, as offices do; step 1's waktu as a formula.
    for prev, row in zip(rows, rows[1:]):
        ws[f"A{row}"] = f"=A{prev}+1"
    ws[f"{waktu}{rows[0]}"] = '=CONCATENATE(2," jam")'
    wb.save(src)

    saved = convert(src, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo", lo_profile)
    r = validate_file(str(saved), load_config())
    assert r.error is None
    sop = r.sops[0]
    assert [s.number.value for s in sop.doc.steps] == ["1."] + [str(n) for n in range(2, 20)]
    assert sop.doc.steps[0].waktu.value == "2 jam"
    assert sop.totals.total == (4670, 4670)
    assert not [f for f in sop.findings if f.code.startswith("nomor-langkah")]
    # The Mojokerto sheet, with its two sections, reads the same after LibreOffice saved it.
    original = validate_file(str(src), load_config())
    assert [len(s.steps) for s in r.sops[1].doc.sections] == [8, 18]
    assert r.sops[1].totals == original.sops[1].totals
    assert ([(f.cell, f.code) for f in r.sops[1].findings]
            == [(f.cell, f.code) for f in original.sops[1].findings])
