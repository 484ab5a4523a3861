"""Report-side helpers for building sheets; the sheet contract itself is ``sopxl.sheetspec``."""
from __future__ import annotations

from collections.abc import Iterable

from ..a1 import rowcol_to_cell
from ..sheetspec import CellLike, SheetSpec


class RowBuilder:
    """Rows appended to a SheetSpec top to bottom, with the merges that go with them."""

    def __init__(self, spec: SheetSpec):
        self.spec = spec

    @property
    def row(self) -> int:
        return len(self.spec.rows)

    def add(self, cells: Iterable[CellLike] = (), merges: Iterable[tuple[int, int]] = ()) -> int:
        """Append a row; ``merges`` are (first, last) column pairs within it. Its index."""
        r = self.row
        self.spec.rows.append(list(cells))
        for c1, c2 in merges:
            self.spec.merges.append(f"{rowcol_to_cell(r, c1)}:{rowcol_to_cell(r, c2)}")
        return r
