"""A sheet sopxl writes itself (Petunjuk, Pengaturan, …) is skipped whole and named once.

Found while making the parse faster: such a sheet went through the stacked-SOP split before
its name was looked at, so a Petunjuk holding two example tables, each under its own identity
block, was listed twice among the sheets not read."""
from __future__ import annotations

import real_layouts as L
from openpyxl import load_workbook

from sopxl.config import load_config
from sopxl.validate import validate_file


def test_an_own_sheet_with_two_stacked_tables_is_skipped_once(tmp_path):
    path = L.stacked_sops(tmp_path / "contoh.xlsx", n=2)
    wb = load_workbook(path)
    wb.active.title = "Pengaturan"  # read by the reader (Petunjuk is not even read)
    wb.create_sheet("SOP 01")
    wb.save(path)
    result = validate_file(str(path), load_config())
    assert result.skipped.count(("Pengaturan", "lembar-sopxl")) == 1
    assert [s.doc.sheet for s in result.sops] == []
    assert [f.code for f in result.findings if f.sheet == "Pengaturan"] == []
