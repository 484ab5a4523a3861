"""Column widths and row heights of one sheet, to place drawn shapes on the cell grid.

DrawingML anchors a shape either at a cell plus an offset in EMU (``twoCellAnchor``,
``oneCellAnchor``) or at an absolute point in EMU (``absoluteAnchor``).  To say which cells a
shape covers we turn both into fractional zero-based grid positions (3.5 = halfway through
column index 3), which needs each column's width and each row's height.

Units, as Excel uses them at 96 dpi with the default Calibri 11 font (maximum digit width
7 px):

* column widths are kept exactly as the file writes them in ``<col width>``: character units
  that already include Excel's 5 px padding.  A column shown as "8.43" in Excel is stored as
  ``9.140625`` and is 64 px wide.  Pixels = trunc(((256*w + trunc(128/7)) / 256) * 7), the
  formula of ECMA-376 §18.3.1.13; 1 px = 9525 EMU.
* row heights are in points; 1 pt = 12700 EMU.
* hidden columns and rows have zero size, as on screen.

``sheet_geometry`` reads them from a worksheet part of a package (``sopxl draw`` does);
``sopxl.read.xlsx`` fills a ``SheetGeometry`` while it streams the same elements.

Other fonts change the digit width and so the pixel size of a character; shapes are matched to
cells by the fraction of a cell they cover, so this approximation is good enough.
"""
from __future__ import annotations

import bisect
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from .safezip import SafeZip

EMU_PER_PX = 9525
EMU_PER_PT = 12700
DIGIT_PX = 7  # maximum digit width of Calibri 11 at 96 dpi
PADDING_PX = 5  # Excel adds 2 px margin each side plus 1 px gridline

MAX_COLS = 16_384
MAX_ROWS = 1_048_576

DEFAULT_ROW_HEIGHT = 15.0  # points
DEFAULT_BASE_COL_WIDTH = 8  # characters, without padding


def chars_to_width(chars: float) -> float:
    """Displayed characters (8.43) -> stored ``<col width>`` units (9.140625)."""
    return math.trunc((chars * DIGIT_PX + PADDING_PX) / DIGIT_PX * 256) / 256


def width_to_px(width: float) -> int:
    """Stored ``<col width>`` units -> pixels at 96 dpi."""
    if width <= 0:
        return 0
    return math.trunc(((256 * width + math.trunc(128 / DIGIT_PX)) / 256) * DIGIT_PX)


def base_to_default_width(base_chars: float) -> float:
    """``baseColWidth`` -> stored default width.

    Excel rounds the default column up to a multiple of 8 px: base 8 -> 56 + 5 px -> 64 px,
    shown as 8.43 characters.
    """
    px = base_chars * DIGIT_PX + PADDING_PX
    px = math.ceil(px / 8) * 8
    return math.trunc(px / DIGIT_PX * 256) / 256


DEFAULT_COL_WIDTH = base_to_default_width(DEFAULT_BASE_COL_WIDTH)  # 9.140625, shown as 8.43


# An lxml element (or any mapping): only its ``get(name, default)`` is used. Typed loosely
# because lxml-stubs' overloaded ``get`` matches no simple Protocol.
Attrs = Any


@dataclass
class SheetGeometry:
    """Sizes of a sheet's columns and rows; everything not listed has the default size.

    ``col_spans`` mirrors ``<cols>``: zero-based inclusive (first, last, width, hidden), sorted
    and not overlapping.  Spans are kept rather than expanded because writers often emit one
    ``<col min="13" max="16384">`` for the rest of the sheet.
    """

    col_spans: list[tuple[int, int, float, bool]] = field(default_factory=list)
    row_heights: dict[int, float] = field(default_factory=dict)  # zero-based row -> points
    hidden_rows: set[int] = field(default_factory=set)
    shown_rows: set[int] = field(default_factory=set)  # explicitly visible when rows hide by default
    default_col_width: float = DEFAULT_COL_WIDTH
    default_row_height: float = DEFAULT_ROW_HEIGHT
    rows_hidden_by_default: bool = False  # <sheetFormatPr zeroHeight="1">
    _starts: list[int] = field(default_factory=list, repr=False, compare=False)
    _row_tail: int | None = field(default=None, repr=False, compare=False)

    # -- building ---------------------------------------------------------------------------

    def add_cols(self, first: int, last: int, width: float | None, hidden: bool = False) -> None:
        """Record ``<col min max width hidden>`` (zero-based, inclusive). Later spans win."""
        first = max(0, first)
        last = min(MAX_COLS - 1, last)
        if last < first:
            return
        w = self.default_col_width if width is None else max(0.0, width)
        kept: list[tuple[int, int, float, bool]] = []
        for s in self.col_spans:
            if s[1] < first or s[0] > last:
                kept.append(s)
                continue
            if s[0] < first:
                kept.append((s[0], first - 1, s[2], s[3]))
            if s[1] > last:
                kept.append((last + 1, s[1], s[2], s[3]))
        kept.append((first, last, w, hidden))
        kept.sort()
        self.col_spans = kept
        self._starts = [s[0] for s in kept]

    def set_row(self, row: int, height: float | None, hidden: bool = False) -> None:
        self._row_tail = None
        if height is not None:
            self.row_heights[row] = max(0.0, height)
        if hidden:
            self.hidden_rows.add(row)
        elif self.rows_hidden_by_default:
            self.shown_rows.add(row)

    # -- from the worksheet XML's attributes (any mapping with .get: an lxml element) ----------

    def read_format(self, attrs: Attrs) -> None:
        """<sheetFormatPr defaultColWidth baseColWidth defaultRowHeight zeroHeight>."""
        width, base = _number(attrs.get("defaultColWidth")), _number(attrs.get("baseColWidth"))
        if width is not None:
            self.default_col_width = width
        elif base is not None:
            self.default_col_width = base_to_default_width(base)
        height = _number(attrs.get("defaultRowHeight"))
        if height is not None:
            self.default_row_height = height
        self.rows_hidden_by_default = attrs.get("zeroHeight", "") in ("1", "true")
        self._row_tail = None

    def read_col(self, attrs: Attrs) -> None:
        """<col min max width hidden>; a span that cannot be read is passed over."""
        try:
            first = int(attrs.get("min", "")) - 1
            last = int(attrs.get("max", attrs.get("min", ""))) - 1
        except ValueError:
            return
        self.add_cols(first, last, _number(attrs.get("width")), attrs.get("hidden", "") in ("1", "true"))

    def read_row(self, row: int, attrs: Attrs) -> None:
        """<row ht hidden> of the zero-based row."""
        ht, hidden = attrs.get("ht"), attrs.get("hidden")
        if ht is not None or hidden is not None or self.rows_hidden_by_default:
            self.set_row(row, _number(ht), hidden in ("1", "true"))

    # -- sizes ------------------------------------------------------------------------------

    def col_width(self, col: int) -> float:
        """Width of a zero-based column in stored character units (0 when hidden)."""
        if self.col_spans:
            if len(self._starts) != len(self.col_spans):
                self._starts = [s[0] for s in self.col_spans]
            i = bisect.bisect_right(self._starts, col) - 1
            if i >= 0:
                first, last, width, hidden = self.col_spans[i]
                if first <= col <= last:
                    return 0.0 if hidden else width
        return self.default_col_width

    def row_height(self, row: int) -> float:
        """Height of a zero-based row in points (0 when hidden)."""
        if row in self.hidden_rows:
            return 0.0
        if self.rows_hidden_by_default and row not in self.shown_rows:
            return 0.0
        return self.row_heights.get(row, self.default_row_height)

    def col_emu(self, col: int) -> int:
        return width_to_px(self.col_width(col)) * EMU_PER_PX

    def row_emu(self, row: int) -> int:
        return round(self.row_height(row) * EMU_PER_PT)

    # -- positions --------------------------------------------------------------------------

    def col_position(self, col: int, offset_emu: int) -> float:
        """Cell column + offset in EMU -> fractional zero-based column position.

        An offset larger than the column runs on into the following columns, as Excel draws it.
        """
        tail = self.col_spans[-1][1] + 1 if self.col_spans else 0
        return _position(self.col_emu, col, offset_emu, MAX_COLS, tail)

    def row_position(self, row: int, offset_emu: int) -> float:
        """Cell row + offset in EMU -> fractional zero-based row position."""
        tail = self._row_tail
        if tail is None:  # the last sized row, computed once: shapes ask for it thousands of times
            if self.rows_hidden_by_default:
                tail = max(self.shown_rows, default=-1) + 1
            else:
                tail = max(max(self.row_heights, default=-1), max(self.hidden_rows, default=-1)) + 1
            self._row_tail = tail
        return _position(self.row_emu, row, offset_emu, MAX_ROWS, tail)

    def point_to_position(self, x_emu: int, y_emu: int) -> tuple[float, float]:
        """Absolute point from the sheet's top-left corner -> (row_pos, col_pos)."""
        return self.row_position(0, y_emu), self.col_position(0, x_emu)


def _position(size_of: Callable[[int], int], index: int, offset: float, limit: int, tail: int) -> float:
    """Walk from ``index`` through ``offset`` EMU of cells; from ``tail`` on all cells are equal.

    The shortcut keeps a hostile offset (say 10^12 EMU) from walking a million rows.
    """
    index = max(0, index)
    offset = max(0, offset)
    while index < limit:
        size = size_of(index)
        if index >= tail:
            if size <= 0:
                return float(limit)
            steps, rest = divmod(offset, size)
            pos = index + steps + rest / size
            return min(pos, float(limit))
        if offset < size:
            return index + offset / size
        offset -= size
        index += 1
    return float(limit)


def _number(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        return float(text)
    except ValueError:
        return None


def sheet_geometry(z: SafeZip, sheet_part: str) -> SheetGeometry:
    """Column widths and row heights of a worksheet, read the way ``sopxl.read.xlsx`` reads them."""
    g = SheetGeometry()
    root = z.xml(sheet_part)
    ns = etree.QName(root).namespace or ""
    fmt = root.find(f"{{{ns}}}sheetFormatPr")
    if fmt is not None:
        g.read_format(fmt)
    for col in root.iterfind(f"{{{ns}}}cols/{{{ns}}}col"):
        g.read_col(col)
    data = root.find(f"{{{ns}}}sheetData")
    next_row = 0
    for row in (data if data is not None else ()):
        try:
            r = int(row.get("r", "")) - 1
        except ValueError:
            r = next_row
        next_row = r + 1
        g.read_row(r, row)
    return g
