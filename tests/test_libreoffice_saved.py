"""Workbooks saved by a real spreadsheet program, not by our own fixtures.

Offices number steps with formulas (=A17+1) and build waktu from cells; a file saved by
Excel or LibreOffice carries the formulas' cached values, which is what sopxl must read.
LibreOffice re-saves the drafts here, so the reader meets another program's XML too.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from office_drafts import build_workbook
from openpyxl import load_workbook

from sopxl.config import load_config
from sopxl.validate import validate_file

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) tidak terpasang")


def resave_with_libreoffice(src: Path, outdir: Path, profile: Path) -> Path:
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir), str(src)],
                   check=True, capture_output=True, timeout=120)
    out = outdir / (src.stem + ".xlsx")
    assert out.exists()
    return out


def test_formulas_saved_by_libreoffice_are_read_as_their_values(tmp_path):
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

    saved = resave_with_libreoffice(src, tmp_path / "lo", tmp_path / "profil")
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
