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


def _readings(grids: list[Grid], vocab) -> list:
    from sopxl.parse.book import parse_book

    return [(r.grid.name, r.doc, r.hits, r.skip) for r in parse_book(grids, vocab)]


def _copy(grid: Grid) -> Grid:
    return Grid(grid.name, dict(grid.values), list(grid.merged), list(grid.shapes), grid.hidden)


def _layout_grids(tmp_path) -> list[Grid]:
    """The test suite's office layouts (each builder that needs only a path) and the corpus."""
    import inspect

    import real_layouts
    import text_actor_layouts
    from test_parse_fast_paths import _corpus_grids

    from sopxl.read.xlsx import read_workbook

    grids = _corpus_grids(tmp_path)
    for module in (real_layouts, text_actor_layouts):
        for name, build in inspect.getmembers(module, inspect.isfunction):
            params = inspect.signature(build).parameters
            if build.__module__ != module.__name__ or list(params)[:1] != ["path"] or any(
                    p.default is inspect.Parameter.empty for p in list(params.values())[1:]):
                continue
            grids += read_workbook(build(tmp_path / f"{module.__name__}-{name}.xlsx")).sheets
    return grids


def _with_blank_rows(rnd: random.Random, grid: Grid) -> Grid:
    """The sheet with empty rows put in at random places, some under a cell merged down over
    them (so not blank), and the merges and shapes moved with their rows."""
    n = grid.n_rows
    extra = sorted(rnd.sample(range(n + 1), min(n + 1, rnd.randint(1, 6))))
    def moved(r: int) -> int:
        return r + sum(1 for e in extra if e <= r)
    values = {(moved(r), c): v for (r, c), v in grid.values.items()}
    merged = [(moved(r1), c1, moved(r2), c2) for r1, c1, r2, c2 in grid.merged]
    for e in extra:
        if rnd.random() < 0.3 and e > 0:
            row = moved(e - 1)  # the row above the inserted one, merged down over it
            col = rnd.randint(0, max(0, grid.n_cols - 1))
            merged.append((row, col, row + 1, col))
    return Grid(grid.name, values=values, merged=merged, hidden=grid.hidden)


def test_blank_rows_and_rows_without_merges_read_as_the_plain_walk(tmp_path, monkeypatch):
    """``parse_matrix`` passes over a blank row at once, and reads a step's row with no merge
    on it without looking for merges cell by cell; the plain walk (every test, every merge
    looked for) gives the same documents and findings, on the suite's layouts and with blank
    rows (some under a merge) put in."""
    from sopxl.config import load_config
    from sopxl.parse.vocab import build_vocab

    vocab = build_vocab(load_config())
    rnd = random.Random(11)
    grids = _layout_grids(tmp_path)
    grids += [_with_blank_rows(rnd, g) for g in grids for _ in range(2)]
    fast = [_readings([_copy(g)], vocab) for g in grids]
    monkeypatch.setattr(Grid, "blank_row", lambda self, row: False)
    monkeypatch.setattr(Grid, "merged_on", lambda self, row: True)
    slow = [_readings([_copy(g)], vocab) for g in grids]
    assert fast == slow
    assert sum(r[1] is not None for reading in fast for r in reading) > 50  # SOPs were read
