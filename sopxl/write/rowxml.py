"""The ``<row>`` elements of a streamed sheet, a batch of rows at a time.

A national register has millions of cells, and handling them one by one in Python was most
of the time it took to write one. Most of its values repeat (Bagian, codes, severities,
messages), so each distinct value's XML is built once and remembered per column; a batch of
rows is then turned into columns (``zip``), every column looked up in its memo with ``map``
and the rows joined back, all loops that run in C. Python still sees each value that is new
to its column (paths, names) and each cell that stands right after an empty one, which must
name its place (``r="C12"``): a cell right after a written one needs no reference, as
Excel, LibreOffice, openpyxl and calamine place it in the next column.

A batch whose rows are not all as long as the header goes through ``_row_xml`` one row at a
time; both ways write the same bytes (``tests/test_rowxml.py``).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from itertools import chain, compress, islice, repeat
from operator import is_, itemgetter, not_
from typing import IO, Any

from ..a1 import col_to_letters
from ..sheetspec import CellSpec, SheetSpec
from .sheetxml import MAX_CELL_TEXT, _cell_tail

# A cell: a plain value, or (value, style name) for one whose colour says something.
Cell = Any

# Text that goes into a cell as it is: nothing to escape for XML or for Excel ("_x0041_"),
# nothing XML forbids, no carriage return to fold. Most of a register's texts; the rest take
# the general path (sheetxml._cell_tail), which reads the same (it always writes xml:space).
_NOT_PLAIN = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]|_x[0-9A-Fa-f]{4}_")
_TEXT_OPEN = b'" t="inlineStr"><is><t xml:space="preserve">'
# Only a text with a blank at either end needs xml:space="preserve" to keep it (as XlsxWriter
# writes them): a national register's million texts are a fifth shorter without it.
_TEXT_OPEN_TRIMMED = b'" t="inlineStr"><is><t>'
_TEXT_CLOSE = b"</t></is></c>"
# Values remembered per column: the repeated ones (Bagian, codes, severities, messages) are
# a few hundred; beyond that a column's values are unique (paths, names) and remembering
# them only costs memory, which would grow with the register.
MEMO_MAX = 1024
_EXACT = 10**15  # integers Excel holds exactly (sheetxml writes bigger ones as text)
# Rows joined and written at a time: under a megabyte (a bigger batch, held twice while
# joined, made the peak memory of writing a register higher than that of reading all its
# workbooks; 512 was also faster than 1024 or 256).
BATCH = 512

_KEYED_BY_VALUE = frozenset((str, int, tuple, type(None)))
_EMPTIES: dict[Any, bytes] = {None: b"", "": b""}
_NO_SIZES: dict[Any, int] = {None: 0, "": 0}
_INT_NEXT = "</v></c>\x00<c><v>"
_PLAIN_OPEN = '<c t="inlineStr"><is><t>'
_PLAIN_CLOSE = "</t></is></c>"
_PLAIN_NEXT = _PLAIN_CLOSE + "\x00" + _PLAIN_OPEN
_BARE = itemgetter(0)
_SIZE = itemgetter(1)


class RowWriter:
    """Writes the rows of one sheet part; ``longest`` gets each column's longest text."""

    def __init__(self, ncols: int, ids: dict[str, int], name: str):
        self.ids = ids
        self.spec = SheetSpec(name=name)  # only named in an error message
        self.plain = _NOT_PLAIN.search
        self.starts = [f'<c r="{col_to_letters(c)}'.encode() for c in range(ncols)]
        # Texts, whole numbers and (value, style) pairs keyed by value (no text equals a
        # number): a cell's XML without its reference, and its text's length. Anything else
        # is keyed by (type, value), as 1, 1.0 and True are one key in a dict but three
        # different cells: (that XML, its text's length).
        self.memos: list[dict[Any, bytes]] = [dict(_EMPTIES) for _ in range(ncols)]
        self.sizes: list[dict[Any, int]] = [dict(_NO_SIZES) for _ in range(ncols)]
        self.typed: list[dict[tuple[type, Any], tuple[bytes, int]]] = [{} for _ in range(ncols)]
        self.longest = [0] * ncols

    def write(self, body: IO[bytes], rows: Iterator[Sequence[Cell]], max_rows: int,
              ) -> tuple[int, Iterator[Sequence[Cell]] | None]:
        """Write ``rows`` (the header first) to ``body``, numbered from 1, up to ``max_rows``;
        (rows written, the rows left over or None)."""
        n = 0
        while n < max_rows:
            batch = list(islice(rows, min(BATCH, max_rows - n)))
            if not batch:
                return n, None
            body.write(self._batch(batch, n + 1))
            n += len(batch)
        more = next(rows, None)
        return n, (None if more is None else chain([more], rows))

    def _batch(self, batch: list[Sequence[Cell]], first: int) -> bytes:
        ncols = len(self.starts)
        numbers = [str(r).encode() for r in range(first, first + len(batch))]
        if set(map(len, batch)) != {ncols}:
            return b"".join(self._row_xml(row, rn) for row, rn in zip(batch, numbers))
        columns: list[list[bytes]] = []
        try:
            for c, col in enumerate(zip(*batch)):
                columns.append(self._column(c, col, numbers, columns[-1] if c else None))
        except TypeError:  # an unhashable value (a list): every cell built on its own
            return b"".join(self._row_xml(row, rn) for row, rn in zip(batch, numbers))
        opens = [b'<row r="' + rn + b'">' for rn in numbers]
        return b"".join(map(b"".join, zip(opens, *columns, repeat(b"</row>"))))

    def _column(self, c: int, values: tuple[Cell, ...], numbers: list[bytes],
                before: list[bytes] | None) -> list[bytes]:
        """One column of a batch: each cell's XML, without its reference where it follows a
        written cell (``before``: the XML of the column to its left, None for the first)."""
        if set(map(type, values)) <= _KEYED_BY_VALUE:
            memo, sizes = self.memos[c], self.sizes[c]
            found: list[Any] = list(map(memo.get, values))  # None: new to the column
            if None in found:
                new = list(dict.fromkeys(compress(values, map(is_, found, repeat(None)))))
                self._learn(memo, sizes, values, new)
                found = list(map(memo.get, values))
            xml = found
            longest = max(map(sizes.__getitem__, dict.fromkeys(values)))
        else:
            made = [self._made(c, cell) for cell in values]
            xml = list(map(_BARE, made))
            longest = max(map(_SIZE, made))
        if longest > self.longest[c]:
            self.longest[c] = longest
        if before is not None:
            # After an empty cell the next one names its place: <c r="C12" …
            start = self.starts[c]
            for i in compress(range(len(xml)), map(not_, before)):
                if xml[i]:
                    xml[i] = start + numbers[i] + b'"' + xml[i][2:]
        return xml

    def _learn(self, memo: dict[Any, bytes], sizes: dict[Any, int], values: Sequence[Cell],
               new: list[Cell]) -> None:
        """Put the XML and text length of ``new`` values (among ``values``) in a column's
        memos; full memos start again with ``values`` only."""
        if len(memo) + len(new) > MEMO_MAX:
            memo.clear()
            memo.update(_EMPTIES)
            sizes.clear()
            sizes.update(_NO_SIZES)
            new = [v for v in dict.fromkeys(values) if v not in _EMPTIES]
        texts = [v for v in new if type(v) is str]
        # Plain texts (most of them) made in one piece: no text then holds "\x00" (plain()
        # looks for it), which parts one cell's XML from the next.
        if texts and not self.plain("".join(texts)) and list(map(str.strip, texts)) == texts \
                and max(map(len, texts)) <= MAX_CELL_TEXT:
            made = (_PLAIN_OPEN + _PLAIN_NEXT.join(texts) + _PLAIN_CLOSE).encode().split(b"\x00")
            memo.update(zip(texts, made))
            sizes.update(zip(texts, map(len, texts)))
            new = [v for v in new if type(v) is not str]
        ints = [v for v in new if type(v) is int]
        if ints and -_EXACT < min(ints) and max(ints) < _EXACT:
            shown = list(map(str, ints))
            memo.update(zip(ints, ("<c><v>" + _INT_NEXT.join(shown) + "</v></c>").encode().split(b"\x00")))
            sizes.update(zip(ints, map(len, shown)))
            new = [v for v in new if type(v) is not int]
        for v in new:
            tail, sizes[v] = _cell_xml(v, self.ids, self.spec, self.plain)
            memo[v] = b"<c" + tail[1:] if tail else b""

    def _made(self, c: int, cell: Cell) -> tuple[bytes, int]:
        memo = self.typed[c]
        key = (type(cell), cell)
        made = memo.get(key)
        if made is None:
            tail, size = _cell_xml(cell, self.ids, self.spec, self.plain)
            made = (b"<c" + tail[1:] if tail else b"", size)
            if len(memo) >= MEMO_MAX:
                memo.clear()
            memo[key] = made
        return made

    def _row_xml(self, row: Sequence[Cell], rn: bytes) -> bytes:
        """One row, cell by cell: for a batch whose rows are not all the header's length."""
        parts = [b'<row r="', rn, b'">']
        put = parts.append
        follows = True  # the next cell stands right after the last one written (or first)
        for c, cell in enumerate(row[:len(self.starts)]):
            bare, size = self._made(c, cell)
            if bare:
                put(bare if follows else self.starts[c] + rn + b'"' + bare[2:])
                follows = True
                if size > self.longest[c]:
                    self.longest[c] = size
            else:
                follows = False
        put(b"</row>")
        return b"".join(parts)


def _cell_xml(cell: Cell, ids: dict[str, int], spec: SheetSpec,
              plain: Callable[[str], Any]) -> tuple[bytes, int]:
    """(the cell's XML after its reference, the length its text shows) of one value."""
    if cell is None or cell == "":
        return b"", 0
    kind = type(cell)
    if kind is str and len(cell) <= MAX_CELL_TEXT and not plain(cell):
        opening = _TEXT_OPEN if cell[0].isspace() or cell[-1].isspace() else _TEXT_OPEN_TRIMMED
        return opening + cell.encode() + _TEXT_CLOSE, len(cell)
    if kind is int and -_EXACT < cell < _EXACT:  # a row number, a count: most of the rest
        text = str(cell)
        return b'"><v>' + text.encode() + b"</v></c>", len(text)
    value, style = cell if type(cell) is tuple else (cell, None)
    text = _cell_tail(CellSpec(value, style), ids, spec, "")
    size = 0 if value is None else (len(value) if type(value) is str else len(str(value)))
    return (('"' + text).encode("utf-8", "backslashreplace") if text else b"", size)
