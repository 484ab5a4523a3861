"""A sheet as plain data: cell values, merged ranges and drawn shapes.

The reader (``sopxl.read``) builds grids from workbook files; everything after it
(parsing, rules, reports) works on grids only and never imports an Excel library.
Positions are zero-based ``(row, col)``; A1 text is made only for messages.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from itertools import repeat
from operator import itemgetter
from typing import Union

from .a1 import rowcol_to_cell

Value = Union[str, int, float, bool, _dt.datetime]


@dataclass
class Shape:
    """A drawn object on a sheet (DrawingML), placed on the cell grid.

    ``top``/``bottom``/``left``/``right`` are fractional zero-based row and column positions
    (3.5 = halfway down row index 3), so a shape can be matched to the cells it covers
    without knowing row heights again.
    """

    id: int
    name: str
    kind: str  # terminator | process | decision | offpage | connector | text | other
    preset: str  # the DrawingML preset geometry, e.g. "flowChartDecision"
    top: float
    left: float
    bottom: float
    right: float
    text: str = ""
    start_id: int | None = None  # connectors: the shape ids they join
    end_id: int | None = None
    drawn_by_sopxl: bool = False

    @property
    def center(self) -> tuple[float, float]:
        return (self.top + self.bottom) / 2, (self.left + self.right) / 2

    @property
    def cell(self) -> str:
        """A1 of the cell under the shape's centre, for messages."""
        r, c = self.center
        return rowcol_to_cell(int(r), int(c))


@dataclass
class Grid:
    name: str
    values: dict[tuple[int, int], Value] = field(default_factory=dict)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2 inclusive
    shapes: list[Shape] = field(default_factory=list)
    hidden: bool = False
    # Row -> (first col, last col, range) of the merges on it, the last range first: far fewer
    # objects than an entry per merged cell, and a row holds a handful of merges at most.
    _merge_rows: dict[int, list[tuple[int, int, tuple[int, int, int, int]]]] | None = field(
        default=None, repr=False, compare=False
    )
    _row_index: dict[int, list[int]] | None = field(default=None, repr=False, compare=False)
    _indexed: int = field(default=-1, repr=False, compare=False)  # len(values) when indexed
    _extent_cache: tuple[tuple[int, int], tuple[int, int]] | None = field(
        default=None, repr=False, compare=False)

    def cols_in_row(self, row: int) -> list[int]:
        """The columns of the cells stored on this row, left to right (merge fills excluded)."""
        index = self._row_index
        if index is None:
            index = self._index_rows()
        return index.get(row, [])

    def _index_rows(self) -> dict[int, list[int]]:
        # Made once; ``_extent`` makes it again when the number of cells changed since.
        index: dict[int, list[int]] = {}
        for r, c in self.values:
            cols = index.get(r)
            if cols is None:
                index[r] = [c]  # not setdefault: that makes a new empty list for every cell
            else:
                cols.append(c)
        for cols in index.values():
            cols.sort()
        self._row_index, self._indexed = index, len(self.values)
        return index

    @property
    def n_rows(self) -> int:
        return self._extent()[0]

    @property
    def n_cols(self) -> int:
        return self._extent()[1]

    def _extent(self) -> tuple[int, int]:
        # Cached against the sizes, so a grid filled after creation (tests, xlwings) stays right.
        stamp = (len(self.values), len(self.merged))
        if self._extent_cache is None or self._extent_cache[0] != stamp:
            merged = self.merged
            n_rows = n_cols = 0
            if self.values:
                # From the row index (every parse needs it anyway): its rows, and each row's
                # last column, are far fewer than the cells.
                index = self._row_index
                if index is None or self._indexed != len(self.values):
                    index = self._index_rows()
                n_rows = max(index) + 1
                n_cols = max(map(_LAST, index.values())) + 1
            if merged:
                n_rows = max(n_rows, max(map(_LAST_ROW, merged)) + 1)
                n_cols = max(n_cols, max(map(_LAST_COL, merged)) + 1)
            self._extent_cache = (stamp, (n_rows, n_cols))
        return self._extent_cache[1]

    def _merges(self) -> dict[int, list[tuple[int, int, tuple[int, int, int, int]]]]:
        if self._merge_rows is None:
            rows: dict[int, list[tuple[int, int, tuple[int, int, int, int]]]] = {}
            # Each row's list holds the later ranges first: of overlapping ranges the later one
            # holds the cell, and a lookup takes the first that covers it.
            for rng in self.merged:
                r1, c1, r2, c2 = rng
                if r1 == r2 and c2 - c1 < 10_000:  # most merges: a few cells of one row
                    on_row = rows.get(r1)
                    if on_row is None:
                        rows[r1] = [(c1, c2, rng)]
                    else:
                        on_row.insert(0, (c1, c2, rng))
                    continue
                if (r2 - r1 + 1) * (c2 - c1 + 1) > 10_000:
                    # A huge merge (whole columns) stands for its corner cell only.
                    r2, c2 = r1, c1
                entry = (c1, c2, rng)
                for r in range(r1, r2 + 1):
                    on_row = rows.get(r)
                    if on_row is None:
                        rows[r] = [entry]
                    else:
                        on_row.insert(0, entry)
            self._merge_rows = rows
        return self._merge_rows

    def merge_at(self, row: int, col: int) -> tuple[int, int, int, int] | None:
        mr = self._merge_rows if self._merge_rows is not None else self._merges()
        on_row = mr.get(row)
        if on_row is not None:
            for first, last, rng in on_row:
                if first <= col <= last:
                    return rng
        return None

    def shown_elsewhere(self, row: int) -> set[int]:
        """Columns of the row that may show another cell's value (inside a merge whose corner
        is not them); any other stored cell shows its own value. Errs on the side of naming a
        column, never the other way."""
        mr = self._merge_rows if self._merge_rows is not None else self._merges()
        out: set[int] = set()
        for first, last, (r1, c1, _r2, _c2) in mr.get(row, ()):
            out.update(c for c in range(first, last + 1) if c != c1 or r1 != row)
        return out

    def row_signature(self, row: int, origin: int) -> tuple:
        """What a reader can see on the row, with rows counted from ``origin``: its stored cells
        (typed: 1, 1.0 and True differ) and the merges on it with their corners' values. Two
        rows with equal signatures read the same, cell for cell and merge for merge (moved)."""
        values = self.values
        cols = self.cols_in_row(row)
        stored = tuple(map(values.__getitem__, zip(repeat(row), cols)))  # in C: no Python loop
        mr = self._merge_rows if self._merge_rows is not None else self._merges()
        on_row = mr.get(row)
        if on_row is None:
            return tuple(cols), tuple(map(type, stored)), stored
        merges = []
        corners = []
        for first, last, (r1, c1, r2, c2) in on_row:  # a loop, not two comprehensions
            merges.append((first, last, r1 - origin, c1, r2 - origin, c2))
            corners.append(values.get((r1, c1)))
        return (tuple(cols), tuple(map(type, stored)), stored, tuple(merges),
                tuple(map(type, corners)), tuple(corners))

    def merged_on(self, row: int) -> bool:
        """Some merged range covers a cell of the row: only then may ``merge_at`` find one."""
        mr = self._merge_rows if self._merge_rows is not None else self._merges()
        return row in mr

    def blank_row(self, row: int) -> bool:
        """Every cell of the row reads "": no cell stored on it and no merged range over it."""
        index = self._row_index if self._row_index is not None else self._index_rows()
        mr = self._merge_rows if self._merge_rows is not None else self._merges()
        return row not in index and row not in mr

    def raw(self, row: int, col: int) -> Value | None:
        """The value stored in exactly this cell (None inside a merge, except its corner)."""
        return self.values.get((row, col))

    def get(self, row: int, col: int) -> Value | None:
        """The value a reader sees at this cell: a merged range shows its corner's value."""
        rng = self.merge_at(row, col)
        if rng is not None:
            return self.values.get((rng[0], rng[1]))
        return self.values.get((row, col))

    def text(self, row: int, col: int) -> str:
        """The cell as stripped text ("" when empty); merged cells show the corner's text."""
        # The parser asks this ~1,000 times per workbook: kept inline.
        mr = self._merge_rows if self._merge_rows is not None else self._merges()
        on_row = mr.get(row)
        if on_row is None:  # most rows of a table: no merge on them at all
            v = self.values.get((row, col))
        else:
            for first, last, rng in on_row:
                if first <= col <= last:
                    v = self.values.get((rng[0], rng[1]))
                    break
            else:
                v = self.values.get((row, col))
        if v is None:
            return ""
        if type(v) is str:
            return v.strip()
        return value_to_text(v)

    def texts_in_row(self, row: int, cols: tuple[int | None, ...]) -> list[str]:
        """``text(row, c)`` for each of ``cols`` ("" for None), in one call: a step's cells."""
        mr = self._merge_rows if self._merge_rows is not None else self._merges()
        on_row = mr.get(row)
        values = self.values
        out = []
        for col in cols:
            if col is None:
                out.append("")
                continue
            v = values.get((row, col))
            if on_row is not None:
                for first, last, rng in on_row:
                    if first <= col <= last:
                        v = values.get((rng[0], rng[1]))
                        break
            out.append("" if v is None else v.strip() if type(v) is str else value_to_text(v))
        return out

    def row_texts(self, row: int, n_cols: int | None = None) -> list[str]:
        n = self.n_cols if n_cols is None else n_cols
        return [self.text(row, c) for c in range(n)]


_LAST_ROW, _LAST_COL, _LAST = itemgetter(2), itemgetter(3), itemgetter(-1)


def value_to_text(v: Value | None) -> str:
    if type(v) is int:  # the column-number row's cells: digits only, nothing to strip
        return str(v)
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, _dt.datetime):
        if v.time() == _dt.time(0, 0):
            return v.strftime("%d-%m-%Y")
        return v.strftime("%d-%m-%Y %H:%M")
    return str(v).strip()
