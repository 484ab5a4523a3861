"""A1 references at the edges, zero-based (row, col) inside.

Names say the direction of the conversion, so a call site reads as what it does.
"""
from __future__ import annotations

import re
from functools import lru_cache

_CELL = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")


@lru_cache(maxsize=1024)
def col_to_letters(col: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA"."""
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def letters_to_col(letters: str) -> int:
    """"A" -> 0, "AA" -> 26."""
    col = 0
    for ch in letters.upper():
        col = col * 26 + (ord(ch) - 64)
    return col - 1


def rowcol_to_cell(row: int, col: int) -> str:
    """(0, 0) -> "A1"."""
    # Every value the parser reads keeps its cell: the same few thousand names again and
    # again, so each is made once.
    name = _CELL_NAMES.get((row, col))
    if name is None:
        name = col_to_letters(col) + str(row + 1)
        if len(_CELL_NAMES) < 100_000:
            _CELL_NAMES[(row, col)] = name
    return name


_CELL_NAMES: dict[tuple[int, int], str] = {}


def cells_in_row(row: int, cols: tuple[int | None, ...]) -> tuple[str | None, ...]:
    """``rowcol_to_cell(row, c)`` for each of ``cols`` (None for None), in one call: the
    cells of a step, named together."""
    # A batch's tables repeat the same columns on the same rows: each row's names are made
    # once, one lookup for the row instead of one a cell.
    key = (row, cols)
    names = _ROW_NAMES.get(key)
    if names is None:
        names = tuple(None if col is None else rowcol_to_cell(row, col) for col in cols)
        if len(_ROW_NAMES) < 20_000:
            _ROW_NAMES[key] = names
    return names


_ROW_NAMES: dict[tuple[int, tuple[int | None, ...]], tuple[str | None, ...]] = {}


def cell_to_rowcol(ref: str) -> tuple[int, int]:
    """"B3" -> (2, 1). Raises ValueError on anything that is not a single cell."""
    m = _CELL.match(ref.strip())
    if not m:
        raise ValueError(f"bukan alamat sel: {ref!r}")
    return int(m.group(2)) - 1, letters_to_col(m.group(1))


def range_to_rowcols(ref: str) -> tuple[int, int, int, int]:
    """"A1:C2" -> (0, 0, 1, 2) as (first_row, first_col, last_row, last_col), inclusive."""
    if ":" in ref:
        a, b = ref.split(":", 1)
    else:
        a = b = ref
    r1, c1 = cell_to_rowcol(a)
    r2, c2 = cell_to_rowcol(b)
    return min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)


def rowcols_to_range(r1: int, c1: int, r2: int, c2: int) -> str:
    first, last = rowcol_to_cell(r1, c1), rowcol_to_cell(r2, c2)
    return first if first == last else f"{first}:{last}"
