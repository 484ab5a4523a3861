"""More office drafts under and around the procedure table (qa2 pass): each must read as the
office meant it, or sopxl must say in a finding what it passed over, never add phantom steps."""
from __future__ import annotations

import pytest
import real_layouts as L
from openpyxl import Workbook
from real_layouts import IDENTITY, ROLES, put, step_rows
from test_real_layouts import assert_reads_the_five_steps, check


def _draft(path, tail):
    """The standard five-step table, then ``tail`` rows right under the last step."""
    wb = Workbook()
    ws = wb.active
    ws.title = "SOP"
    top = put(ws, 1, IDENTITY) + 1
    put(ws, top, [["No", "Kegiatan", "Pelaksana", None, None, "Mutu Baku", None, None, "Keterangan"],
                  [None, None, *ROLES, "Kelengkapan", "Waktu (menit)", "Output"]])
    ws.merge_cells(start_row=top, start_column=3, end_row=top, end_column=5)
    ws.merge_cells(start_row=top, start_column=6, end_row=top, end_column=8)
    end = put(ws, top + 2, step_rows(waktu="bare"))
    put(ws, end, tail)
    return L.save(wb, path)


@pytest.mark.parametrize("tail,cells", [
    # The legend typed with the same symbol words in the role columns, no heading.
    ([[], [None, None, "Mulai", "Mulai/Selesai"], [None, None, "Proses", "Proses"],
      [None, None, "Keputusan", "Keputusan"]], "C16:D18"),
    # The legend's heading "Simbol" in the Kegiatan column, on the first symbol's row.
    ([[], [None, "Simbol", "Mulai", "Mulai/Selesai"], [None, None, "Proses", "Proses"]], "B16:D17"),
])
def test_symbol_legend_in_the_role_columns_is_not_read_as_steps(tmp_path, tail, cells):
    sop = check(_draft(tmp_path / "legenda.xlsx", tail)).sops[0]
    assert_reads_the_five_steps(sop)
    passed = [f for f in sop.findings if f.code == "baris-akhir-diabaikan"]
    assert len(passed) == 1 and f"Baris {cells} tidak dibaca sebagai langkah" in passed[0].message
    assert passed[0].sheet == "SOP"
    assert not [f for f in sop.findings if f.code in ("nomor-langkah-kosong", "kegiatan-kosong")]
