"""A sheet to be written, as plain data: what the Status, Checklist and register sheets hold.

Report builders make these; the package writer (``sopxl.write``) turns them into
worksheet XML. Styles are named here and given their look by the writer, so a report
says *what* a cell is (a header, an error) and never *how* it is drawn.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Union

from ..a1 import rowcol_to_cell

# The named styles every writer knows.
STYLES = (
    "title",      # big bold heading line
    "subtitle",   # bold line under the title
    "header",     # table header: bold, filled, borders, wrapped
    "text",       # plain text with borders, top-aligned, wrapped
    "plain",      # no borders, no wrap
    "number",     # whole number with borders
    "error",      # severity "error": red fill
    "warning",    # severity "warning": yellow fill
    "ok",         # passed: green fill
    "link",       # hyperlink look (blue, underlined) with borders
    "input",      # a cell the user fills in: light fill, unlocked, wrapped
    "section",    # a heading row inside a table
    "removed",    # kept answers of steps that no longer exist
)

Scalar = Union[str, int, float, None]


@dataclass
class CellSpec:
    value: Scalar = None
    style: str | None = None
    link: str | None = None  # internal target such as "'SOP 01'!J21"


CellLike = Union[CellSpec, Scalar]


@dataclass
class Validation:
    """A dropdown list on a range (A1), optionally with an input prompt."""

    ref: str
    options: list[str]
    prompt: str | None = None


@dataclass
class SheetSpec:
    name: str
    rows: list[list[CellLike]] = field(default_factory=list)  # row-major, starting at A1
    col_widths: dict[int, float] = field(default_factory=dict)  # zero-based col -> width (chars)
    merges: list[str] = field(default_factory=list)  # "A1:F1"
    freeze: str | None = None  # top-left cell of the scrolling pane, e.g. "A6"
    autofilter: str | None = None  # "A5:H40"
    validations: list[Validation] = field(default_factory=list)
    landscape: bool = True
    fit_width: bool = True
    print_title_rows: tuple[int, int] | None = None  # zero-based, inclusive
    tab_color: str | None = None  # "RRGGBB"

    def cell(self, row: int, col: int) -> CellSpec:
        """The cell at (row, col) as a CellSpec (an empty one outside the rows)."""
        if row < len(self.rows) and col < len(self.rows[row]):
            v = self.rows[row][col]
            return v if isinstance(v, CellSpec) else CellSpec(v)
        return CellSpec()


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
