"""A streamed sheet's rows are made a batch at a time (columns looked up and joined in C);
whatever the values, that gives the same bytes as making them cell by cell, and every value
reads back in its own cell, as it was."""
from __future__ import annotations

import io
import random
from pathlib import Path

import openpyxl
import pytest

from sopxl.write import rowxml
from sopxl.write.rowxml import RowWriter
from sopxl.write.stream import StreamSheet, stream_workbook
from sopxl.write.styles import fresh_styles

_, IDS = fresh_styles()

ODD_TEXTS = ["", " tepi kiri", "tepi kanan ", "a & b", "<tag>", "baris\rbaru", "kode _x0041_ ditulis",
             "tab\there", "kontrol\x07", "emoji 🙂", "x" * 40000, "Ä-ö", "15", "1.0"]


def _value(rng: random.Random, column: int) -> object:
    kind = rng.random()
    if column == 0:
        return rng.choice([None, rng.randrange(10**6)])  # mostly unique numbers
    if kind < 0.15:
        return None
    if kind < 0.45:
        return f"nilai {rng.randrange(40)}"  # repeated texts
    if kind < 0.6:
        return f"unik {rng.random()}"  # texts new to the column
    if kind < 0.7:
        return rng.choice(ODD_TEXTS)
    if kind < 0.8:
        return rng.choice([1, 1.0, True, 0, False, 0.0, 2.5, -7, 10**16, float("nan")])
    if kind < 0.9:
        return (rng.choice(["GALAT", "PERINGATAN", 1, "", None]), rng.choice(["error", "warning", "ok"]))
    return rng.choice(["", None])


def _rows(seed: int, n: int, ncols: int, ragged: bool = False) -> list[list[object]]:
    rng = random.Random(seed)
    rows = [[_value(rng, c) for c in range(ncols)] for _ in range(n)]
    if ragged:
        for row in rows[::7]:
            del row[rng.randrange(ncols):]
    return rows


def _one_by_one(rows: list[list[object]], ncols: int) -> tuple[bytes, list[int]]:
    writer = RowWriter(ncols, IDS, "Uji")
    xml = b"".join(writer._row_xml(row, str(i).encode()) for i, row in enumerate(rows, 1))
    return xml, writer.longest


@pytest.mark.parametrize("seed", range(6))
def test_batches_give_the_bytes_of_cell_by_cell(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rowxml, "MEMO_MAX", 50)  # memos fill up and start again mid-run
    ncols = 7
    rows = _rows(seed, 2600, ncols, ragged=seed % 2 == 1)
    writer = RowWriter(ncols, IDS, "Uji")
    body = io.BytesIO()
    n, rest = writer.write(body, iter(rows), 10**6)
    assert (n, rest) == (len(rows), None)
    assert (body.getvalue(), writer.longest) == _one_by_one(rows, ncols)


def test_rows_beyond_the_limit_are_left_for_the_next_part() -> None:
    rows = _rows(9, 2500, 4)
    writer = RowWriter(4, IDS, "Uji")
    body = io.BytesIO()
    n, rest = writer.write(body, iter(rows), 2000)
    assert n == 2000 and rest is not None and list(rest) == rows[2000:]
    assert body.getvalue() == _one_by_one(rows[:2000], 4)[0]
    n, rest = RowWriter(4, IDS, "Uji").write(io.BytesIO(), iter(rows[:2000]), 2000)
    assert (n, rest) == (2000, None)


def _shown(v: object) -> object:
    if isinstance(v, tuple):
        v = v[0]
    if v is None or v == "":
        return None
    if isinstance(v, float) and v != v:
        return "nan"
    if isinstance(v, str):
        return v.replace("\r", "\n")  # XML turns a carriage return into a line feed
    return v


def test_every_value_reads_back_in_its_cell(tmp_path: Path) -> None:
    ncols = 6
    rows = [[v for v in row if not (isinstance(v, str) and ("\x07" in v or len(v) > 32767))]
            for row in _rows(3, 2300, ncols)]
    rows = [row + [None] * (ncols - len(row)) for row in rows]
    header = [f"K{c}" for c in range(ncols)]
    path = tmp_path / "uji.xlsx"
    stream_workbook(path, [StreamSheet("Uji", header, iter(rows))])
    ws = openpyxl.load_workbook(path).active
    got = [list(r) for r in ws.iter_rows(min_row=2, max_row=len(rows) + 1, max_col=ncols, values_only=True)]
    want = [[_shown(v) for v in row] for row in rows]
    for r, (g, w) in enumerate(zip(got, want), 2):
        for c, (a, b) in enumerate(zip(g, w)):
            if isinstance(b, int) and not isinstance(b, bool) and abs(b) >= 10**15:
                b = str(b)  # beyond what Excel holds exactly: written as text
            if isinstance(a, str):
                a = a.replace("_x005F_", "_")  # Excel undoes its own escape; openpyxl leaves it
            if isinstance(b, bool) or isinstance(a, bool):
                assert (a, type(a)) == (b, type(b)), (r, c)
            else:
                assert a == b, (r, c, a, b)
