"""The parser's fast paths agree with the plain way of reading a sheet.

Each fast path (the grid's merges indexed by row, the waktu readings a batch remembers) is
checked here against the slow reading it replaces, on the awkward cases: overlapping and huge
merges, and the same sheet read with a fresh vocabulary and with one that remembers.
"""
from __future__ import annotations

import random

from sopxl.a1 import cells_in_row, rowcol_to_cell
from sopxl.config import load_config
from sopxl.grid import Grid, value_to_text
from sopxl.parse import parse_sheet
from sopxl.parse.vocab import build_vocab


def _plain_merge_map(grid: Grid) -> dict:
    """Every merged cell -> its range, a later range winning a cell (the reading before the
    index by row); a huge merge stands for its corner only."""
    mm: dict = {}
    for rng in grid.merged:
        r1, c1, r2, c2 = rng
        if (r2 - r1 + 1) * (c2 - c1 + 1) > 10_000:
            mm[(r1, c1)] = rng
            continue
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                mm[(r, c)] = rng
    return mm


def _random_grid(rnd: random.Random) -> Grid:
    values: dict = {}
    for _ in range(rnd.randint(0, 40)):
        values[(rnd.randint(0, 12), rnd.randint(0, 8))] = rnd.choice(
            ["a", " b ", "", "  ", 3, 2.0, 2.5, True, "Proses"])
    merged = []
    for _ in range(rnd.randint(0, 8)):  # overlapping on purpose: files do not always keep Excel's rules
        r1, c1 = rnd.randint(0, 12), rnd.randint(0, 8)
        merged.append((r1, c1, r1 + rnd.randint(0, 3), c1 + rnd.randint(0, 3)))
    if rnd.random() < 0.3:
        merged.append((rnd.randint(0, 3), rnd.randint(0, 3), 20_000, rnd.randint(3, 6)))  # huge
    rnd.shuffle(merged)
    return Grid("S", values=values, merged=merged)


def test_merges_by_row_read_as_a_map_of_every_merged_cell():
    rnd = random.Random(15)
    for _ in range(300):
        grid = _random_grid(rnd)
        mm = _plain_merge_map(grid)
        for r in range(-1, 26):
            for c in range(-1, 14):
                rng = mm.get((r, c))
                assert grid.merge_at(r, c) == rng
                corner = (r, c) if rng is None else (rng[0], rng[1])
                assert grid.get(r, c) == grid.values.get(corner)
                assert grid.text(r, c) == value_to_text(grid.values.get(corner))
        rows = [r for r, _ in grid.values] + [m[2] for m in grid.merged]
        cols = [c for _, c in grid.values] + [m[3] for m in grid.merged]
        assert (grid.n_rows, grid.n_cols) == (max(rows, default=-1) + 1, max(cols, default=-1) + 1)
        for r in range(13):
            assert grid.cols_in_row(r) == sorted(c for rr, c in grid.values if rr == r)
            cols = (None, *range(-1, 14), None)
            assert grid.texts_in_row(r, cols) == ["" if c is None else grid.text(r, c) for c in cols]
            assert cells_in_row(r, cols) == tuple(None if c is None else rowcol_to_cell(r, c) for c in cols)


def _sop_grid(waktu: list, label: str = "Waktu") -> Grid:
    values: dict = {(0, 0): "No", (0, 1): "Kegiatan", (0, 2): "Kepala", (0, 3): "Staf",
                    (0, 4): "Kelengkapan", (0, 5): label, (0, 6): "Output"}
    for i, w in enumerate(waktu, start=1):
        values.update({(i, 0): i, (i, 1): f"Langkah {i}", (i, 2 + i % 2): "Proses",
                       (i, 4): "Surat", (i, 6): "Hasil"})
        if w is not None:
            values[(i, 5)] = w
    return Grid("SOP", values=values)


def _reading(grid: Grid, vocab) -> list:
    doc, hits, _ = parse_sheet(grid, vocab)
    assert doc is not None
    steps = [(s.waktu.value, s.waktu.cell, s.minutes, s.waktu_problem) for s in doc.steps]
    return [steps, sorted((h.code, h.cell, repr(sorted(h.params.items()))) for h in hits)]


def test_a_remembered_waktu_reads_as_a_fresh_one():
    waktu = ["15 menit", "2 x 24 jam", 30, 2.5, True, "paling lama 30 menit", None, "15 menit",
             "2 x 24 jam", "lama sekali", "30", 30, "2x24 jam kerja", "maksimal 2 jam sejak diterima"]
    cfg = load_config()
    remembering = build_vocab(cfg)
    first = _reading(_sop_grid(waktu), remembering)
    again = _reading(_sop_grid(waktu), remembering)  # now from the memo
    assert first == again == _reading(_sop_grid(waktu), build_vocab(cfg))
    assert remembering.remembered("waktu_reading")  # the fast path was taken
    # The same figures under "Waktu (menit)" read otherwise: the unit is part of what is remembered.
    in_minutes = _reading(_sop_grid(waktu, "Waktu (menit)"), remembering)
    assert in_minutes == _reading(_sop_grid(waktu, "Waktu (menit)"), build_vocab(cfg)) != first


def _corpus_grids(tmp_path) -> list[Grid]:
    from corpus import documents
    from corpus.builder import build
    from corpus.more import more_documents
    from corpus.third import third_documents

    from sopxl.read.xlsx import read_workbook

    grids = []
    for i, doc in enumerate([*documents(), *more_documents(), *third_documents()]):
        grids += read_workbook(build(doc.SHEETS, tmp_path / f"{i}.xlsx")).sheets
    return grids


def _page_break_grid() -> Grid:
    """Two-row headers repeated lower down (page breaks): the first with a unit column found by
    the units under it (never remembered), the others read once and then remembered; and a
    cell merged down into the first header from above."""
    head = {0: "No", 1: "Kegiatan", 2: "PELAKSANA", 4: "MUTU BAKU"}
    values: dict = {}
    merged = []
    for top in (2, 50, 61):  # the units under the first within the 40 rows it looks at
        units = top == 2
        sub = {2: "Kepala", 3: "Staf", 4: "Kelengkapan", 5: "Waktu", 7 if units else 6: "Output"}
        values.update({(top, c): t for c, t in head.items()})
        values.update({(top + 1, c): t for c, t in sub.items()})
        merged += [(top, 0, top + 1, 0), (top, 1, top + 1, 1), (top, 2, top, 3), (top, 4, top, 7)]
        for r in range(top + 2, top + 5):
            values.update({(r, 0): r, (r, 1): "Kerja", (r, 2): "Proses", (r, 5): 3})
            if units:
                values[(r, 6)] = "Menit"
    merged.append((0, 8, 2, 8))  # reaches into the first header from above
    values[(0, 8)] = "catatan"
    return Grid("SOP", values=values, merged=merged)


def test_a_remembered_header_reads_as_a_fresh_one(tmp_path):
    from sopxl.parse.header import find_header, header_rows

    cfg = load_config()
    remembering = build_vocab(cfg)
    grids = [*_corpus_grids(tmp_path), _page_break_grid()]
    for _ in range(2):  # the second time round, from the memo
        for grid in grids:
            for row in sorted(header_rows(grid, remembering)):
                fresh = find_header(grid, row, build_vocab(cfg), grid.n_cols)
                assert find_header(grid, row, remembering, grid.n_cols) == fresh, (grid.name, row)
    assert remembering.remembered("header")  # the fast path was taken
    grid = _page_break_grid()
    units = [find_header(grid, r, remembering, grid.n_cols).waktu_unit_col for r in (2, 50, 61)]
    assert units == [6, None, None]


def _plain_number_row(grid: Grid, row: int) -> bool:
    """``is_number_row`` as it was written before it stopped early."""
    nums = []
    for c in grid.cols_in_row(row):
        v = grid.raw(row, c)
        if v is None or (isinstance(v, str) and not v.strip()):
            continue
        t = grid.text(row, c).rstrip(".").strip("()")
        if not (t.isascii() and t.isdigit()) or len(t) > 6:
            return False
        nums.append(int(t))
    return len(nums) >= 4 and nums[0] == 1 and all(b == a + 1 for a, b in zip(nums, nums[1:]))


def test_the_column_number_row_test_stops_early_with_the_same_answer():
    from sopxl.parse.header import is_number_row

    rnd = random.Random(4)
    pieces = [1, 2, 3, 4, 5, "1.", "(2)", "3", " ", "", "x", 1.0, "²", True, 7]
    seen = set()
    for _ in range(3000):
        n = rnd.randint(0, 7)
        start = rnd.choice([1, 1, 2])
        cells = [start + i if rnd.random() < 0.7 else rnd.choice(pieces) for i in range(n)]
        values = {(1, c): v for c, v in enumerate(cells)}
        values[(0, 1)] = rnd.choice(pieces)  # the corner of a merge reaching down into the row
        merges = [(1, 2, 1, 3), (0, 1, 1, 2), (1, 0, 1, 1), (1, 4, 1, 4)]
        grid = Grid("S", values=values, merged=rnd.sample(merges, rnd.randint(0, 2)))
        answer = is_number_row(grid, 1, grid.n_cols)
        assert answer == _plain_number_row(grid, 1), (cells, grid.merged)
        seen.add(answer)
    assert seen == {True, False}


def test_a_remembered_marker_kind_is_the_fresh_one():
    cfg = load_config()
    remembering = build_vocab(cfg)
    texts = ["Proses", " proses ", "Mulai", "Mulai (kapsul)", "◇", "→", "", "  ", "Selesai", "x", "√",
             "Keputusan?", "PROSES", "Proses/kotak", "⬭▭"]
    first = [remembering.marker_kind(t) for t in texts]
    assert [remembering.marker_kind(t) for t in texts] == first  # from the memo
    assert [build_vocab(cfg).marker_kind(t) for t in texts] == first
    assert set(remembering.kinds) == set(texts)
