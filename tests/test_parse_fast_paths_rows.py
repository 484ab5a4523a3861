"""More of the parser's fast paths against the plain reading they replace (see
``test_parse_fast_paths``): the extent taken from the row index, and the rows and cells a
step is read from."""
from __future__ import annotations

import random

from sopxl.grid import Grid


def test_the_extent_follows_a_grid_filled_after_a_first_look():
    grid = Grid("S", values={(0, 0): "a", (2, 1): "b"}, merged=[(0, 3, 1, 4)])
    assert grid.cols_in_row(2) == [1]
    assert (grid.n_rows, grid.n_cols) == (3, 5)
    grid.values[(7, 2)] = "c"  # filled after the row index and the extent were made
    grid.values[(2, 0)] = "d"
    assert (grid.n_rows, grid.n_cols) == (8, 5)
    assert grid.cols_in_row(2) == [0, 1] and grid.cols_in_row(7) == [2]
    grid.merged.append((9, 0, 9, 9))
    assert (grid.n_rows, grid.n_cols) == (10, 10)
    assert (Grid("E").n_rows, Grid("E").n_cols) == (0, 0)
    assert (Grid("M", merged=[(1, 1, 2, 2)]).n_rows, Grid("M", merged=[(1, 1, 2, 2)]).n_cols) == (3, 3)


def test_the_extent_is_the_largest_row_and_column_of_any_cell():
    rnd = random.Random(7)
    for _ in range(500):
        values = {(rnd.randint(0, 30), rnd.randint(0, 12)): "x" for _ in range(rnd.randint(1, 30))}
        grid = Grid("S", values=dict(reversed(list(values.items()))))  # any order of insertion
        assert grid.n_rows == max(r for r, _c in values) + 1
        assert grid.n_cols == max(c for _r, c in values) + 1
