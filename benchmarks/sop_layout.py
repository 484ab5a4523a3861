"""The SOP AP matrix header both benchmarks write with openpyxl.

Two header rows as offices draft them (No, Kegiatan and Keterangan merged down; PELAKSANA
over five role columns; MUTU BAKU over Kelengkapan, Waktu, Output), then the "1 2 3 …"
column-number row. Columns: A No, B Kegiatan, C-G roles, H-J Mutu Baku, K-L Keterangan.
"""
from __future__ import annotations


def matrix_header(ws, h: int, roles: list[str]) -> None:
    """Write the header on rows ``h`` and ``h + 1`` (one-based) and the numbers on ``h + 2``."""
    for col, label in ((1, "No"), (2, "Kegiatan"), (3, "PELAKSANA"), (8, "MUTU BAKU"), (11, "Keterangan")):
        ws.cell(h, col, label)
    ws.merge_cells(start_row=h, start_column=1, end_row=h + 1, end_column=1)
    ws.merge_cells(start_row=h, start_column=2, end_row=h + 1, end_column=2)
    ws.merge_cells(start_row=h, start_column=3, end_row=h, end_column=7)
    ws.merge_cells(start_row=h, start_column=8, end_row=h, end_column=10)
    ws.merge_cells(start_row=h, start_column=11, end_row=h + 1, end_column=12)
    for j, role in enumerate(roles):
        ws.cell(h + 1, 3 + j, role)
    for j, label in enumerate(["Kelengkapan", "Waktu", "Output"]):
        ws.cell(h + 1, 8 + j, label)
    for j in range(12):
        ws.cell(h + 2, 1 + j, j + 1)
