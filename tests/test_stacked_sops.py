"""Several SOPs stacked on one sheet (issue #13): each is read as its own SOP with its own
identity, never as more steps of the first; the Checklist keeps their answers apart."""
from __future__ import annotations

import io

import pytest
import real_layouts as L
from openpyxl import load_workbook
from test_real_layouts import assert_reads_the_five_steps, check

from sopxl.cli import run


@pytest.mark.parametrize("inline", [False, True])
def test_each_stacked_sop_is_read_on_its_own(tmp_path, inline):
    r = check(L.stacked_sops(tmp_path / "semua.xlsx", n=3, inline=inline))
    assert [(s.doc.sheet, s.doc.nomor, s.doc.nama) for s in r.sops] == [
        ("Semua SOP", nomor, nama) for nama, nomor in L.STACKED_NAMES]
    for sop in r.sops:
        assert_reads_the_five_steps(sop)
        assert sop.doc.boxes["dasar_hukum"].value.endswith("Permenpan RB 35/2012")
    first, second, third = r.sops
    # Rows 1-15 are the first SOP (6 identity rows, 2 box rows, header, 5 steps), two blank rows.
    assert [s.row + 1 for s in first.doc.steps] == [10, 11, 12, 13, 14]
    assert [s.row + 1 for s in second.doc.steps] == [26, 27, 28, 29, 30]
    assert second.doc.identity["nomor"].cell == ("D17" if inline else "E17")
    assert not [f for f in first.findings if f.code == "sop-bertumpuk"]
    said = [(f.cell, f.message) for s in (second, third) for f in s.findings if f.code == "sop-bertumpuk"]
    assert said == [("A17", "SOP ke-2 di lembar ini dimulai di baris 17 (dengan blok identitas dan "
                            "tabelnya sendiri); dibaca sebagai SOP tersendiri."),
                    ("A33", "SOP ke-3 di lembar ini dimulai di baris 33 (dengan blok identitas dan "
                            "tabelnya sendiri); dibaca sebagai SOP tersendiri.")]
    assert not [f for s in r.sops for f in s.findings if f.code in (
        "baris-akhir-diabaikan", "nomor-langkah-ganda", "penanda-tidak-dikenal")]


def test_answers_typed_for_a_stacked_sop_stay_with_it(tmp_path):
    path = L.stacked_sops(tmp_path / "semua.xlsx")
    out, err = io.StringIO(), io.StringIO()
    assert run(["validate", "--write", str(path)], out, err) == 0
    wb = load_workbook(path)
    ws = wb["Checklist"]
    keys = {ws.cell(r, 11).value: r for r in range(1, ws.max_row + 1) if ws.cell(r, 11).value}
    assert {"Semua SOP|1|1", "Semua SOP #2|1|1", "Semua SOP|evaluasi|1",
            "Semua SOP #2|evaluasi|1"} <= set(keys)
    ws.cell(keys["Semua SOP #2|1|1"], 8, "Sudah sesuai (SOP kedua)")
    wb.save(path)
    assert run(["validate", "--write", str(path)], out, err) == 0
    ws = load_workbook(path)["Checklist"]
    typed = {ws.cell(r, 11).value: ws.cell(r, 8).value for r in range(1, ws.max_row + 1)
             if ws.cell(r, 8).value == "Sudah sesuai (SOP kedua)"}
    assert typed == {"Semua SOP #2|1|1": "Sudah sesuai (SOP kedua)"}
    # The second block's sheet link lands on its own table.
    links = [c.hyperlink.location.replace("$", "") for row in ws.iter_rows() for c in row
             if c.value == "Semua SOP #2" and c.hyperlink is not None]
    assert links == ["'Semua SOP'!A25"]
    # The Status sheet's "Ringkasan per SOP" row of each SOP, each link on its own table.
    status = load_workbook(path)["Status"]
    rows = {c.value: (c.hyperlink.location.replace("$", ""), status.cell(c.row, 4).value)
            for (c,) in status.iter_rows(max_col=1) if status.cell(c.row, 3).value == "LULUS"}
    assert rows == {"Semua SOP": ("'Semua SOP'!A1", "800/012/SOP/2023"),
                    "Semua SOP #2": ("'Semua SOP'!A25", "800/013/SOP/2023")}


def test_flowcharts_of_stacked_sops_share_the_sheets_one_drawing(tmp_path):
    import zipfile

    from sopxl.config import load_config
    from sopxl.draw import draw_file
    from sopxl.read.xlsx import read_workbook

    path = L.stacked_sops(tmp_path / "semua.xlsx")
    drawn = draw_file(path, load_config())
    assert drawn.sheets == ["Semua SOP"]
    with zipfile.ZipFile(path) as z:
        assert len([n for n in z.namelist() if n.startswith("xl/drawings/drawing")]) == 1
        assert z.read("xl/worksheets/sheet1.xml").count(b"<drawing ") == 1
    shapes = [s for g in read_workbook(path).sheets for s in g.shapes if s.drawn_by_sopxl]
    # Each SOP's five symbols, over its own rows (steps at rows 10-14 and 26-30).
    rows = sorted(int(s.center[0]) + 1 for s in shapes if s.kind in ("terminator", "process", "decision"))
    assert rows == [10, 11, 12, 13, 14, 26, 27, 28, 29, 30]
    # Read again with the drawn shapes: still two SOPs of five steps each.
    r = check(path)
    assert [len(s.doc.steps) for s in r.sops] == [5, 5]
    for sop in r.sops:
        assert_reads_the_five_steps(sop)
