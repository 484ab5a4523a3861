"""One worksheet part (``xl/worksheets/sheetN.xml``) read into a grid: the sheet XML parser.

``read_sheet`` picks one of three drivers: the part's bytes as ``scan.py`` reads them when
they have the plain shape writers use, else a whole lxml tree walked by its ``<v>`` elements,
or a stream of rows for parts bigger than ``TREE_LIMIT_BYTES``, so memory stays flat. The
first two feed the same checks (``store_values``). Cell addresses are cached across sheets, since
a batch of workbooks uses the same few hundred. Limits (rows, columns, non-empty cells)
refuse a sheet with ``BERKAS-TERLALU-BESAR`` before it can exhaust memory.
"""
from __future__ import annotations

import math
import re
import sys
from collections.abc import Iterable

from lxml import etree

from ..a1 import col_to_letters, letters_to_col, rowcol_to_cell
from ..errors import SopxlError, WorkbookError
from ..grid import Grid, Value
from . import cellplan, recall, scan
from .drawing import read_shapes
from .geometry import MAX_COLS, MAX_ROWS, Attrs, SheetGeometry
from .safezip import TREE_LIMIT_BYTES, SafeZip
from .values import CellFormats, by_index_text, inline_cells, iso_datetime, rich_text, unescape, value_cells

MAX_CELLS = 2_000_000  # non-empty cells in one sheet, and in all the sheets of a workbook read
MAX_MERGES = 100_000  # merged ranges in one sheet (an SOP has a few hundred)
_FLOAT_MAX = int(sys.float_info.max)  # numbers read are always ones float() can hold
# Rows holding a value in one sheet. An SOP has tens of steps, a long one a few hundred; a
# sheet past this is refused before its grid (let alone an SOP model) is built, however
# many more rows follow. Non-SOP sheets of the same workbook are read too, hence the margin.
MAX_SHEET_ROWS = 50_000


def read_sheet(z: SafeZip, path: str, grid: Grid, part: str, sst: list[str], formats: CellFormats,
               shapes: bool) -> None:
    """Fill ``grid`` (values, merges, and shapes when asked) from the worksheet ``part``."""
    drawing_part = _drawing_part(z, part) if shapes else None
    geometry = SheetGeometry() if drawing_part else None
    sheet = SheetParser(path, grid, sst, formats, geometry)
    if not z.has(part):
        z.read(part)  # raises the "part is missing" error
    try:
        if z.parts[part].file_size <= TREE_LIMIT_BYTES:
            scanned, data = recall.sheet_scan(z, part, sheet.tags.ns, geometry is not None)
            if scanned is not None:
                sheet.parse_scanned(scanned, recalled=not data)
            else:
                sheet.parse_tree(z.xml(part, data))
        else:
            sheet.check_dimension(z, part)
            sheet.parse_stream(z, part)
    except SopxlError as e:
        if e.sheet is None:
            e.sheet = grid.name
        raise
    except (ValueError, TypeError, IndexError, KeyError, OverflowError, etree.LxmlError):
        raise WorkbookError(f"Lembar kerja tidak dapat dibaca: bagian {part} rusak.",
                            code="BERKAS-RUSAK", path=path, sheet=grid.name,
                            message_en=f"The worksheet cannot be read: part {part} is "
                                       "damaged.") from None
    if drawing_part and geometry is not None and z.has(drawing_part):
        try:
            grid.shapes = read_shapes(z, drawing_part, geometry)
        except SopxlError as e:
            if e.sheet is None:
                e.sheet = grid.name
            raise


def _drawing_part(z: SafeZip, part: str) -> str | None:
    for rtype, target in z.rels(part).values():
        if rtype.endswith("/drawing"):
            return target
    return None


# The used range Excel and LibreOffice write near the top of every sheet: <dimension ref="A1:L40"/>.
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref\s*=\s*["\'](?:\$?[A-Za-z]{1,3}\$?\d+:)?'
                        rb'\$?[A-Za-z]{1,3}\$?(\d{1,9})["\']')
_DIMENSION_PEEK = 64 * 1024  # the dimension comes before sheetData, after a few small elements


def _dotted(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def too_many_rows(path: str, sheet: str, rows: int, declared: bool) -> WorkbookError:
    said, said_en = (" menurut ukuran yang dicatat lembar itu", " by the sheet's own recorded size") \
        if declared else ("", "")
    return too_big(path, sheet, f"{_dotted(rows)} baris berisi{said}; batas sopxl "
                                f"{_dotted(MAX_SHEET_ROWS)} baris per lembar",
                   f"{rows:,} rows with content{said_en}; sopxl's limit is {MAX_SHEET_ROWS:,} rows "
                   "per sheet")


def too_big(path: str, sheet: str, what: str, what_en: str) -> WorkbookError:
    return WorkbookError(f"Lembar kerja terlalu besar untuk dibaca ({what}); berkas ditolak "
                         "demi keamanan.", code="BERKAS-TERLALU-BESAR", path=path,
                         sheet=sheet, message_en=f"The worksheet is too large to read "
                                                 f"({what_en}); refused for safety.")


def broken(path: str, sheet: str, what: str, what_en: str, cell: str | None = None) -> WorkbookError:
    return WorkbookError(f"Lembar kerja rusak: {what}.", code="BERKAS-RUSAK", path=path,
                         sheet=sheet, cell=cell, message_en=f"The worksheet is damaged: {what_en}.")


class SheetParser:
    """Turns the rows of one ``<sheetData>`` into ``grid.values`` (plus merges and geometry)."""

    def __init__(self, path: str, grid: Grid, sst: list[str], formats: CellFormats,
                 geometry: SheetGeometry | None):
        self.path = path
        self.grid = grid
        self.sst = sst
        self.formats = formats
        self.geometry = geometry
        self.tags = formats.tags
        self.next_row = 0
        self.date_styles: dict[str, bool] = {}  # the cell's s attribute -> shows a date

    # Two drivers: a whole tree for ordinary sheets, a stream of rows for big ones.
    def parse_tree(self, root: etree._Element) -> None:
        t = self.tags
        data = None
        for el in root:
            if el.tag == t.sheetData:
                data = el
            else:
                self.other(el)
        if data is None:
            return
        if self.geometry is not None:
            self.rows_geometry(data.iterchildren(t.row))
        elif len(data):
            self.row_index(data[-1])  # rows come in order: the last one shows the sheet's extent
            self.next_row = 0
        if not self.cells_by_ref(data):
            # Some writers leave out cell addresses; then position follows document order.
            self.grid.values.clear()
            for row in data.iterchildren(t.row):
                self.row(row)
        self.finish()

    def rows_geometry(self, rows: Iterable[Attrs]) -> None:
        """Heights of the rows (elements, or their attributes as the scan read them)."""
        for row in rows:
            try:
                r = self.row_number(row.get("r"))
            except WorkbookError as e:
                # Cells carry their own addresses: a row number Excel would repair costs
                # that row's height, not the sheet, as it does in a sheet with no drawing.
                if e.code != "BERKAS-RUSAK":
                    raise
                continue
            self.row_geometry(row, r)
        self.next_row = 0

    def parse_scanned(self, found: scan.SheetScan, recalled: bool = False) -> None:
        """The fast path: what ``parse_tree`` reads, taken from the part's bytes by ``scan``,
        through the same checks in the same order (geometry of the sheet's head, merges,
        rows, values, size); a scan ``recall`` remembered stores its cells by a plan."""
        if self.geometry is not None:
            for kind, attrs in found.head:
                if kind == "col":
                    self.geometry.read_col(attrs)
                else:
                    self.geometry.read_format(attrs)
        self.merges_of(found.merges)
        if not found.has_data:
            return
        if self.geometry is not None:
            self.rows_geometry(found.rows)
        elif found.has_rows:
            self.row_number(found.last_row)
            self.next_row = 0
        plan = cellplan.plan_for(found.cells, self.position) if recalled else None
        if plan is None or not plan.store(self.grid.values, self.number, self.sst, self.formats):
            self.store_values(found.cells)
        self.store_inline(found.inline)
        self.finish()

    def position(self, ref: str) -> tuple[int, int]:  # a cell's (row, column), checked
        return _REF_CACHE.get(ref) or self.ref(ref)

    def finish(self) -> None:
        self.check_size()
        if len(self.grid.values) > MAX_SHEET_ROWS:  # fewer cells cannot fill more rows
            rows = len({rc[0] for rc in self.grid.values})
            if rows > MAX_SHEET_ROWS:
                raise too_many_rows(self.path, self.grid.name, rows, declared=False)

    def check_dimension(self, z: SafeZip, part: str) -> None:
        """Refuse a big sheet at once when its recorded used range has too many rows.

        Only asked of parts too big for one tree: a small part that claims a million rows
        (a stray cell typed at the bottom) is read, and its rows counted as they come.
        """
        with z.stream(part) as stream:
            head = stream.read(_DIMENSION_PEEK)
        m = _DIMENSION.search(head)
        if m is not None and int(m.group(1)) > MAX_SHEET_ROWS:
            raise too_many_rows(self.path, self.grid.name, int(m.group(1)), declared=True)

    def parse_stream(self, z: SafeZip, part: str) -> None:
        t = self.tags
        values = self.grid.values
        rows = 0
        for el in z.iter_elements(part, (t.row, t.mergeCell, t.col, t.sheetFormatPr)):
            tag = el.tag
            if tag == t.row:
                before = len(values)
                r = self.row(el)
                if len(values) > before:
                    rows += 1
                    if rows > MAX_SHEET_ROWS:
                        raise too_many_rows(self.path, self.grid.name, rows, declared=False)
                if self.geometry is not None:
                    self.row_geometry(el, r)
                self.check_size()
            elif tag == t.mergeCell:
                self.merge(el)
            elif tag == t.col:
                self.col(el)
            else:
                self.other(el)

    def other(self, el: etree._Element) -> None:
        t = self.tags
        tag = el.tag
        if tag == t.mergeCells:
            for m in el.iterchildren(t.mergeCell):
                self.merge(m)
        elif tag == t.cols:
            for c in el.iterchildren(t.col):
                self.col(c)
        elif tag == t.sheetFormatPr:
            self.format(el)

    # -- cells ------------------------------------------------------------------------------

    def cells_by_ref(self, data: etree._Element) -> bool:
        """Read every cell that has a value, walking the ``<v>`` and ``<is>`` elements.

        Walking the ``<v>`` elements (found by lxml in C) and looking up at their cells is
        about twice as fast as visiting every row and cell.  Returns False, having read only
        part of the sheet, when a cell has no address; then ``row`` reads it in order.
        """
        return self.store_values(value_cells(data, self.tags.v)) \
            and self.store_inline(inline_cells(data, self.tags))

    def store_values(self, cells: Iterable[tuple[str | None, str | None, str | None, str | None]]
                     ) -> bool:
        """Store cells given as (r, s, t, text of the ``<v>``); the hot loop of the reader.

        False as soon as a cell has no address (see ``cells_by_ref``).
        """
        values = self.grid.values
        sst = self.sst
        by_text = by_index_text(sst)
        refs = _REF_CACHE
        value: Value | None
        # An attribute left out is None or "" (the scan's way); see value_cells for one written empty.
        for ref, s, ctype, text in cells:
            if ref is None:
                return False
            rc = refs.get(ref)
            if rc is None:
                rc = self.ref(ref)
            if not text:
                continue  # a formula never calculated
            if ctype == "s":
                value = by_text.get(text)
                if value is None:  # " 7", "07": still an index; or none at all
                    try:
                        i = int(text)
                        if i < 0:
                            raise IndexError(i)
                        value = sst[i]
                    except (IndexError, ValueError):
                        raise self.no_shared_string(text, rc) from None
                if not value:
                    continue
            elif not ctype or ctype == "n":
                value = self.number(text, s or None)
            else:
                value = self.value(ctype, text, rc)
                if value is None:
                    continue
            values[rc] = value
        return True

    def store_inline(self, cells: Iterable[tuple[str | None, str]]) -> bool:
        """Store inline-string cells given as (r, text); False when one has no address."""
        values = self.grid.values
        refs = _REF_CACHE
        for ref, text in cells:
            if ref is None:
                return False
            rc = refs.get(ref) or self.ref(ref)
            if text:
                values[rc] = text
        return True

    def row(self, row: etree._Element) -> int:
        """Read one ``<row>`` cell by cell, in order; returns its zero-based index."""
        t = self.tags
        values = self.grid.values
        refs = _REF_CACHE
        V, IS = t.v, t.is_
        r = self.row_index(row)
        c_next = 0
        for c in row.iterchildren(t.c):
            ref = c.get("r")
            if ref is None:
                rc = (r, c_next)  # the next position, as Excel reads it
            else:
                rc = refs.get(ref) or self.ref(ref)
                r = rc[0]
            c_next = rc[1] + 1
            ctype = c.get("t")
            value: Value | None = None
            if ctype == "inlineStr":
                for inline in c.iterchildren(IS):
                    value = rich_text(inline, t) or None
                    break
            else:
                text = None
                for v in c.iterchildren(V):
                    text = v.text
                    break
                if text is None:
                    continue  # styled but empty, or a formula never calculated
                if ctype is None or ctype == "n":
                    value = self.number(text, c.get("s"))
                else:
                    value = self.value(ctype, text, rc)
            if value is not None:
                values[rc] = value
        return r

    def row_index(self, row: etree._Element) -> int:
        return self.row_number(row.get("r"))

    def row_number(self, rref: str | None) -> int:
        """A row's ``r`` (None: the row after the last one) as a zero-based index, checked."""
        try:
            r = int(rref) - 1 if rref else self.next_row
            if r < 0:
                raise ValueError(rref)  # rows count from 1
        except ValueError:
            raise broken(self.path, self.grid.name, f"nomor baris {rref!r} tidak sah",
                         f"row number {rref!r} is invalid") from None
        if r >= MAX_ROWS:
            raise too_big(self.path, self.grid.name, f"baris {r + 1}", f"row {r + 1}")
        self.next_row = r + 1
        return r

    def number(self, text: str, s: str | None) -> Value:
        """A numeric cell: int when whole, float otherwise, datetime under a date format."""
        value: int | float
        try:
            value = int(text)
            if not -_FLOAT_MAX <= value <= _FLOAT_MAX:
                return text.strip()  # hundreds of digits: beyond any number Excel holds
        except ValueError:
            f = float(text)
            if not math.isfinite(f):
                # Excel never stores NaN or infinity (nor 1e400, which reads as one): the
                # text is kept as written, so no later sum or JSON output meets a non-number.
                return text.strip()
            value = int(f) if f.is_integer() and abs(f) < 2**53 else f
        if s is not None:
            is_date = self.date_styles.get(s)
            if is_date is None:
                is_date = self.date_styles[s] = self.formats.is_date_xf(int(s))
            if is_date:
                return self.formats.serial_to_datetime(value)
        return value

    def value(self, ctype: str, text: str, rc: tuple[int, int]) -> Value | None:
        """A cell of any other type; None when nothing is to be stored."""
        if ctype == "s":
            try:
                i = int(text)
                if i < 0:
                    raise IndexError(i)
                return self.sst[i] or None
            except (IndexError, ValueError):
                raise self.no_shared_string(text, rc) from None
        if ctype == "str":  # a formula's cached text
            return unescape(text) or None
        if ctype == "b":
            return text.strip() in ("1", "true")
        if ctype == "e":  # "#N/A", "#DIV/0!", ...
            return text.strip() or None
        if ctype == "d":
            return iso_datetime(text)
        if ctype == "inlineStr":
            return None  # the <is> element carries the text
        return text or None

    def ref(self, ref: str) -> tuple[int, int]:
        """"B3" -> (2, 1), checked against Excel's limits and remembered for the next sheet."""
        letters = ref.rstrip("0123456789")
        digits = ref[len(letters):]
        if not digits or not (letters.isascii() and letters.isalpha() and len(letters) <= 3) \
                or int(digits) == 0:
            raise broken(self.path, self.grid.name, f"alamat sel {ref!r} tidak sah",
                                     f"cell reference {ref!r} is invalid")
        col = _COL_CACHE.get(letters)
        if col is None:
            col = letters_to_col(letters)
        row = int(digits) - 1
        if col >= MAX_COLS:
            raise too_big(self.path, self.grid.name, f"kolom {letters}", f"column {letters}")
        if row >= MAX_ROWS:
            raise too_big(self.path, self.grid.name, f"baris {row + 1}", f"row {row + 1}")
        rc = (row, col)
        if len(_REF_CACHE) < _REF_CACHE_MAX:
            _REF_CACHE[ref] = rc
        return rc

    def check_size(self) -> None:
        if len(self.grid.values) > MAX_CELLS:
            raise too_big(self.path, self.grid.name,
                                      f"lebih dari {MAX_CELLS:,} sel berisi".replace(",", "."),
                                      f"more than {MAX_CELLS:,} non-empty cells")

    def no_shared_string(self, text: str, rc: tuple[int, int]) -> WorkbookError:
        return broken(self.path, self.grid.name, f"teks bersama nomor {text} tidak ada",
                                  f"shared string {text} does not exist", cell=rowcol_to_cell(*rc))

    # -- merges and geometry ----------------------------------------------------------------

    def merges_of(self, text: str) -> None:
        """The merges of a ``<mergeCells>`` body as the scan found it. Workbooks from one template
        repeat the same hundred merges byte for byte: what a body makes is remembered."""
        known = _MERGES.get(text)
        if known is not None and known[0] <= MAX_MERGES:
            self.grid.merged.extend(known[1])
            return
        refs = scan.merge_refs(text)
        for ref in refs:
            self.merge_ref(ref)
        if len(text) <= scan.KEEP_MAX:
            if len(_MERGES) >= _MERGES_MAX:
                _MERGES.clear()
            _MERGES[text] = (len(refs), list(self.grid.merged))

    def merge(self, el: etree._Element) -> None:
        self.merge_ref(el.get("ref", ""))

    def merge_ref(self, ref: str) -> None:
        """One ``<mergeCell ref="A1:D6">``; a single cell or a malformed range is no merge."""
        if len(self.grid.merged) >= MAX_MERGES:
            raise too_big(self.path, self.grid.name, f"lebih dari {_dotted(MAX_MERGES)} sel gabungan",
                          f"more than {MAX_MERGES:,} merged ranges")
        a, _, b = ref.replace("$", "").partition(":")
        refs = _REF_CACHE
        try:
            r1, c1 = refs.get(a) or self.ref(a)
            r2, c2 = (refs.get(b) or self.ref(b)) if b else (r1, c1)
        except WorkbookError as e:
            if e.code == "BERKAS-RUSAK":
                return  # Excel itself drops a malformed merge when it repairs the file
            raise
        # A sheet of an office template holds a hundred merges or more: swapped in place
        # rather than through min() and max().
        if r1 > r2:
            r1, r2 = r2, r1
        if c1 > c2:
            c1, c2 = c2, c1
        if r1 != r2 or c1 != c2:
            self.grid.merged.append((r1, c1, r2, c2))

    def format(self, el: etree._Element) -> None:
        if self.geometry is not None:
            self.geometry.read_format(el)

    def col(self, el: etree._Element) -> None:
        if self.geometry is not None:
            self.geometry.read_col(el)

    def row_geometry(self, row: Attrs, r: int) -> None:
        if self.geometry is not None:
            self.geometry.read_row(r, row)


# Sheets in a batch use the same few hundred addresses, so "B3" -> (2, 1) is worked out once.
_REF_CACHE: dict[str, tuple[int, int]] = {}
_REF_CACHE_MAX = 50_000  # SOP sheets use a few thousand; a huge sheet must not bloat it
# The merges of a mergeCells body: (how many refs it has, the ranges they make).
_MERGES: dict[str, tuple[int, list[tuple[int, int, int, int]]]] = {}
_MERGES_MAX = 64
# A..ZZ up front; three-letter columns are worked out each time (sopxl.a1).
_COL_CACHE: dict[str, int] = {col_to_letters(i): i for i in range(26 * 27)}
