"""The Checklist's key column (K) stays in the file but out of print.

Answers are matched back by the key, so it must stay; on a long sheet name it is wider
than the table, and fit-to-width then shrank the whole printed page.
"""
from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

from libreoffice_client import convert, needs_soffice
from openpyxl import load_workbook
from report_builders import build_workbook, seed_sops

from sopxl.read.xlsx import read_workbook

LONG = "SOP PENERIMAAN BERITA OPR 115"


def cli(*args: str) -> tuple[int, str, str]:
    from sopxl.cli import run

    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


def long_named_workbook(tmp_path: Path) -> Path:
    sops = seed_sops()
    sops[0]["sheet"] = LONG
    path = tmp_path / "berita.xlsx"
    build_workbook(path, sops)
    code, _, err = cli("validate", "--write", str(path))
    assert code in (0, 1), err
    return path


def test_key_column_is_hidden_but_keeps_the_keys_and_the_answers(tmp_path):
    path = long_named_workbook(tmp_path)
    ws = load_workbook(path)["Checklist"]
    assert ws.column_dimensions["K"].hidden
    assert not any(ws.column_dimensions[c].hidden for c in "ABCDEFGHIJ")
    grid = {g.name: g for g in read_workbook(path, shapes=False).sheets}["Checklist"]
    keys = [grid.text(r, 10) for r in range(grid.n_rows) if grid.text(r, 10).startswith(LONG + "|")]
    assert f"{LONG}|1|1" in keys
    # A typed answer still comes back to its row after the next run.
    wb = load_workbook(path)
    ws = wb["Checklist"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 11).value == f"{LONG}|1|1")
    ws.cell(row, 8, "catatan juru tulis")
    wb.save(path)
    assert cli("validate", "--write", str(path))[0] in (0, 1)
    ws = load_workbook(path)["Checklist"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 11).value == f"{LONG}|1|1")
    assert ws.cell(row, 8).value == "catatan juru tulis"
    assert ws.column_dimensions["K"].hidden


@needs_soffice
def test_libreoffice_prints_the_checklist_without_its_keys(tmp_path, lo_profile):
    path = long_named_workbook(tmp_path)
    pdf = convert(path, "pdf", tmp_path / "pdf", lo_profile)
    if not shutil.which("pdftotext"):
        return
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          timeout=60).stdout
    assert "Monitoring dan Evaluasi Pelaksanaan SOP AP" in text
    assert "Paraf" in text
    assert f"{LONG}|1|1" not in text and "|1|1" not in text
