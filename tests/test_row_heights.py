"""Wrapped text in the Status and Checklist sheets is never cut at the bottom of its row.

LibreOffice keeps the row height the writer estimated, so a row one line too short prints
with its last line cut ("ditandatangani Kepala Biro" lost its last line, issue #17). The
lines are counted here independently of the writer: Pillow measures the text in DejaVu
Sans, the font LibreOffice draws Calibri with when Calibri is absent (the wider one).
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from sopxl.cli import run

# LibreOffice fits a little more than the column's nominal width (7 px per unit), never less:
# "jadwal dan formulir Informasi jabatan dan" (307 px of DejaVu) fits a 42-unit (294 px) column.
PX_PER_UNIT = 7


def _font(size_pt: float, bold: bool):
    ImageFont = pytest.importorskip("PIL.ImageFont")
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    found = sorted(Path("/usr/share/fonts").rglob(name))
    if not found:
        pytest.skip("DejaVu Sans is not installed (it comes with LibreOffice's fonts)")
    return ImageFont.truetype(str(found[0]), size=size_pt * 96 / 72)


def _lines(text: str, font, width_px: float) -> int:
    """Lines a greedy word wrap takes, as office programs break text at spaces."""
    total = 0
    for par in text.split("\n"):
        total += 1
        line = ""
        for word in par.split(" "):
            trial = f"{line} {word}" if line else word
            if font.getlength(trial) <= width_px:
                line = trial
                continue
            if line:
                total += 1
            line = ""
            for ch in word:  # a word wider than the column is broken inside
                if line and font.getlength(line + ch) > width_px:
                    total += 1
                    line = ""
                line += ch
    return total


def _check_sheet(ws) -> int:
    """Assert every wrapped cell's row holds its lines; how many multi-line cells were seen."""
    merged = {}
    for m in ws.merged_cells.ranges:
        if m.max_row > m.min_row:
            continue  # a merge over rows shares their heights: not estimated by the writer
        merged[(m.min_row, m.min_col)] = sum(
            ws.column_dimensions[get_column_letter(c)].width or 8.43
            for c in range(m.min_col, m.max_col + 1))
    inside = {(r, c) for m in ws.merged_cells.ranges for r in range(m.min_row, m.max_row + 1)
              for c in range(m.min_col, m.max_col + 1)} - set(merged)
    seen = 0
    for row in ws.iter_rows():
        for cell in row:
            if not isinstance(cell.value, str) or not cell.alignment.wrap_text:
                continue
            if (cell.row, cell.column) in inside:
                continue
            width = merged.get((cell.row, cell.column)) or ws.column_dimensions[cell.column_letter].width
            font = _font(cell.font.sz or 11, bool(cell.font.b))
            lines = _lines(cell.value, font, width * PX_PER_UNIT)
            if lines == 1:
                continue
            ascent, descent = font.getmetrics()
            line_pt = (ascent + descent) * 72 / 96
            height = ws.row_dimensions[cell.row].height or 15
            assert height >= lines * line_pt + 2, (ws.title, cell.coordinate, cell.value, lines, height)
            seen += 1
    return seen


@pytest.mark.parametrize("lang", ["id", "en"])
def test_wrapped_text_in_status_and_checklist_rows_is_never_cut(tmp_path, lang):
    book = tmp_path / "contoh.xlsx"
    assert run(["template", "--contoh", "--out", str(book)], io.StringIO(), io.StringIO()) == 0
    run(["validate", "--lang", lang, "--write", str(book)], io.StringIO(), io.StringIO())
    wb = load_workbook(book)
    status = "Status"
    checklist = "Checklist"
    assert status in wb.sheetnames and checklist in wb.sheetnames, wb.sheetnames
    assert _check_sheet(wb[status]) > 10
    assert _check_sheet(wb[checklist]) > 10
    # The row of issue #17: four lines in the Output column, all of them shown.
    cells = [c for row in wb[checklist].iter_rows() for c in row
             if c.value == "Surat Pemberitahuan dan jadwal ditandatangani Kepala Biro"]
    assert cells
    assert wb[checklist].row_dimensions[cells[0].row].height >= 4 * 12.8 + 2


def test_line_count_follows_words_paragraphs_and_overlong_words():
    from sopxl.fit import text_width, wrapped_lines

    # Words that fit together stay on one line; the one that does not starts the next.
    two = "Surat Pemberitahuan dan jadwal"
    assert wrapped_lines(two, text_width(two)) == 1
    assert wrapped_lines(two, text_width("Surat Pemberitahuan dan")) == 2
    # Each line of a typed line break counts, an empty one too.
    assert wrapped_lines("Ya\n\nTidak", 20) == 3
    # A word longer than the column is broken inside, as often as it needs.
    long_word = "manajerial/teknis/" * 4
    per_line = text_width("manajerial/teknis/")
    assert wrapped_lines(long_word, per_line) == 4
    # Bold and a bigger font take more room than the same text plain at 11 pt.
    text = "Kegiatan langkah 1 diawali nama pelaksana (Kasubbag Kelemb & Anjab)"
    width = text_width(text)
    assert wrapped_lines(text, width) == 1
    assert wrapped_lines(text, width, size=14) == 2
    assert wrapped_lines(text, width, bold=True) == 2
