"""Column widths that fit their labels, so no header or label is cut when shown or printed.

A header that does not fit its column is broken mid-word by Excel and LibreOffice
("Langka h"), and a label beside a filled cell is cut ("Waktu pemeriks"). Widths are
measured with a per-character table (``sopxl/data/char_widths.json``, in Excel's unit:
the width of the digit 0), taken from the wider of the fonts the sheet is shown in.
"""
from __future__ import annotations

from functools import cache, lru_cache

from .a1 import range_to_rowcols
from .resources import load_data
from .sheetspec import CellSpec, SheetSpec

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


@cache
def _widest() -> float:
    regular, heavy, default = _table()
    return max(default, *regular.values(), *heavy.values())


@lru_cache(maxsize=65536)
def _word_width(word: str, bold: bool) -> float:
    # A register repeats the same words in thousands of cells: each is summed once.
    return text_width(word, bold)


@lru_cache(maxsize=65536)
def wrapped_lines(text: str, width: float, bold: bool = False, size: float = 11) -> int:
    """Lines ``text`` takes when wrapped in a column ``width`` digit widths wide.

    Words go on a line while they fit, as Excel and LibreOffice break them; a word wider
    than the column is broken where it no longer fits. The table's DejaVu widths are a
    little wider than the text LibreOffice draws in the same column (it fits about 4 %
    more), so the count errs on the side of one line too many, never one too few.
    """
    scale = size / 11
    usable = max(width, 1.0) / scale + 1e-9  # a text exactly as wide as the column fits
    if "\n" not in text and len(text) * _widest() <= usable:
        return 1  # most cells: short enough whatever the letters
    regular, heavy, default = _table()
    widths = heavy if bold else regular
    space = widths.get(" ", default)
    lines = 0
    for par in text.split("\n"):
        lines += 1
        used = 0.0
        for word in par.split(" "):
            w = _word_width(word, bold)
            gap = space if used else 0.0
            if used + gap + w <= usable:
                used += gap + w
                continue
            if used:  # the word starts a new line
                lines += 1
            if w <= usable:
                used = w
                continue
            used = 0.0
            for ch in word:  # a word wider than the column is broken inside
                cw = widths.get(ch, default)
                if used and used + cw > usable:
                    lines += 1
                    used = 0.0
                used += cw
    return lines


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
