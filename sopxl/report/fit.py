"""Column widths that fit their labels, so no header or label is cut when shown or printed.

A header that does not fit its column is broken mid-word by Excel and LibreOffice
("Langka h"), and a label beside a filled cell is cut ("Waktu pemeriks"). Widths are
measured with a per-character table (``sopxl/data/char_widths.json``, in Excel's unit:
the width of the digit 0), taken from the wider of the fonts the sheet is shown in.
"""
from __future__ import annotations

from functools import cache

from ..a1 import range_to_rowcols
from ..resources import load_data
from ..sheetspec import CellSpec, SheetSpec

BOLD_STYLES = ("title", "subtitle", "header", "section")
FIT_STYLES = ("header", "subtitle")  # labels that must show whole: table headers, row labels
# Room for the cell's inner margins and border on both sides, in digit widths.
PADDING = 1.2


@cache
def _table() -> tuple[dict[str, float], dict[str, float], float]:
    data = load_data("char_widths.json")
    chars = data["chars"]
    return (dict(zip(chars, data["regular"])), dict(zip(chars, data["bold"])), float(data["default"]))


def text_width(text: str, bold: bool = False) -> float:
    """The width of one line of text at the sheet's font size, in digit widths."""
    regular, heavy, default = _table()
    widths = heavy if bold else regular
    return sum(widths.get(ch, default) for ch in text)


def needed_width(text: str, bold: bool = False) -> float:
    """The column width (Excel units) that shows ``text``'s longest line whole."""
    return round(max(text_width(line, bold) for line in text.split("\n")) + PADDING, 1)


def fit_labels(spec: SheetSpec, styles: tuple[str, ...] = FIT_STYLES) -> None:
    """Widen each column to its widest label of these styles (cells that start a merge span
    several columns and are left to the merge)."""
    merged = set()
    for m in spec.merges:
        r1, c1, _r2, _c2 = range_to_rowcols(m)
        merged.add((r1, c1))
    for r, row in enumerate(spec.rows):
        for c, cell in enumerate(row):
            if not isinstance(cell, CellSpec) or cell.style not in styles or (r, c) in merged:
                continue
            if cell.value in (None, ""):
                continue
            need = needed_width(str(cell.value), cell.style in BOLD_STYLES)
            if need > spec.col_widths.get(c, 0):
                spec.col_widths[c] = need
