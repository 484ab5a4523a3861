"""The streamed register names a cell's place only after a gap: every reader must still put
each value in its column (openpyxl, our own reader, LibreOffice)."""
from __future__ import annotations

import csv
import re
import zipfile
from pathlib import Path

import openpyxl
from libreoffice_client import convert, needs_soffice

from sopxl.read.xlsx import read_workbook
from sopxl.write.stream import StreamSheet, stream_workbook

HEADER = ["No", "Bagian", "Kode", "Jumlah", "Lulus", "Catatan"]
ROWS = [
    [1, "Bagian Umum", "a", 3, True, "penuh"],
    [2, None, "b", None, False, "celah di B dan D"],
    [None, "", None, 7, None, "hanya D dan F"],
    [4, "Bagian Hukum", ("GALAT", "error"), 0, True, None],
    [None, None, None, None, None, "hanya F"],
    [6, "  spasi  ", "c&d <e>", 2.5, False, ""],
]


def _expected() -> list[list[object]]:
    out: list[list[object]] = [list(HEADER)]
    for row in ROWS:
        out.append([(v[0] if isinstance(v, tuple) else v) if v not in (None, "") else None for v in row])
    return out


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "rekap.xlsx"
    stream_workbook(path, [StreamSheet("Temuan", HEADER, iter(ROWS))])
    return path


def test_a_cell_after_a_gap_names_its_place_and_the_others_follow(tmp_path: Path) -> None:
    xml = zipfile.ZipFile(_write(tmp_path)).read("xl/worksheets/sheet1.xml").decode()
    row3 = re.search(r'<row r="3">(.*?)</row>', xml).group(1)
    # A2 follows nothing and needs no place; C3 comes after the empty B3, E3 after D3.
    assert re.findall(r'<c( r="[A-Z]+\d+")?', row3) == ["", ' r="C3"', ' r="E3"', ""]
    row6 = re.search(r'<row r="6">(.*?)</row>', xml).group(1)
    assert row6.startswith('<c r="F6"')
    # xml:space="preserve" only where a blank at an end must be kept.
    assert '<t xml:space="preserve">  spasi  </t>' in xml and "<t>penuh</t>" in xml


def test_blanks_at_the_ends_of_a_text_are_kept(tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(_write(tmp_path)).active
    assert ws["B7"].value == "  spasi  " and ws["F2"].value == "penuh"


def test_openpyxl_and_sopxl_read_every_value_in_its_column(tmp_path: Path) -> None:
    path = _write(tmp_path)
    ws = openpyxl.load_workbook(path).active
    got = [list(r) for r in ws.iter_rows(min_row=1, max_row=len(ROWS) + 1, max_col=len(HEADER),
                                         values_only=True)]
    assert got == _expected()
    grid = read_workbook(path).sheets[0]
    ours = [[grid.raw(r, c) for c in range(len(HEADER))] for r in range(len(ROWS) + 1)]
    assert ours == _expected()


@needs_soffice
def test_libreoffice_reads_every_value_in_its_column(tmp_path: Path, lo_profile: Path) -> None:
    out = convert(_write(tmp_path), "csv", tmp_path / "lo", lo_profile)
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))

    def shown(v: object) -> str:
        if v is None:
            return ""
        if isinstance(v, bool):
            return "TRUE" if v else "FALSE"
        return str(v)

    assert rows == [[shown(v) for v in row] for row in _expected()]
