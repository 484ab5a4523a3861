"""Read an xlsx/xlsm package into grids: the only module that parses worksheet XML.

The package, as far as this reader is concerned::

    _rels/.rels                      -> officeDocument: xl/workbook.xml
    [Content_Types].xml              (only looked at for macro content types)
    xl/workbook.xml                  <workbookPr date1904>, <sheets> (name, state, r:id)
    xl/_rels/workbook.xml.rels       r:id -> worksheets, sharedStrings, styles
    xl/sharedStrings.xml             <si> texts (rich runs joined, phonetic runs dropped)
    xl/styles.xml                    <cellXfs> numFmtId -> "is this cell a date?"
    xl/worksheets/sheetN.xml         <sheetFormatPr>, <cols>, <sheetData>, <mergeCells>, <drawing>
    xl/worksheets/_rels/sheetN.xml.rels -> xl/drawings/drawingN.xml (shapes, see drawing.py)

Values are the ones Excel last calculated and saved (the cached ``<v>``); formula text is
never returned.  Workbooks arrive in batches of hundreds, so the sheet loop is written for
speed: one lxml tree per sheet, walked by its ``<v>`` elements with precomputed tag names,
and a cache of cell addresses shared by every sheet read.  Sheet parts bigger than
``TREE_LIMIT_BYTES`` are streamed row by row instead, so memory stays flat.
Every part goes through ``SafeZip`` (bounded reads, no DTDs or entities).
"""
from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from io import BytesIO

from lxml import etree

from ..a1 import rowcol_to_cell
from ..errors import SopxlError, WorkbookError
from ..grid import Grid, Value
from .drawing import read_shapes
from .geometry import MAX_COLS, MAX_ROWS, SheetGeometry
from .safezip import SafeZip

__all__ = ["Workbook", "read_workbook", "is_date_format", "MAX_CELLS", "TREE_LIMIT_BYTES"]

MAX_CELLS = 2_000_000  # non-empty cells in one sheet
TREE_LIMIT_BYTES = 8 * 1024 * 1024  # bigger sheet parts are streamed instead of built as one tree

_MAIN_NS = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",  # ISO strict
)
_REL_NS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
_PKG_RELS = "_rels/.rels"


@dataclass
class Workbook:
    path: str
    sheets: list[Grid]  # every worksheet read, in workbook order (chartsheets/dialogsheets skipped)
    macro_enabled: bool  # has xl/vbaProject.bin or a macro content type
    sheet_parts: dict[str, str] = field(default_factory=dict)  # every worksheet: name -> part

    def sheet(self, name: str) -> Grid | None:
        """The grid of a sheet by name (Excel compares sheet names without case)."""
        for g in self.sheets:
            if g.name == name:
                return g
        folded = name.casefold()
        for g in self.sheets:
            if g.name.casefold() == folded:
                return g
        return None


class _Tags:
    """Clark names of one namespace, computed once (transitional or strict)."""

    def __init__(self, ns: str):
        q = f"{{{ns}}}"
        self.ns = ns
        self.sheetData, self.row, self.c, self.v = q + "sheetData", q + "row", q + "c", q + "v"
        self.is_, self.t, self.r, self.si = q + "is", q + "t", q + "r", q + "si"
        self.mergeCells, self.mergeCell = q + "mergeCells", q + "mergeCell"
        self.cols, self.col, self.sheetFormatPr = q + "cols", q + "col", q + "sheetFormatPr"
        self.workbookPr, self.sheets, self.sheet = q + "workbookPr", q + "sheets", q + "sheet"
        self.numFmts, self.numFmt = q + "numFmts", q + "numFmt"
        self.cellXfs, self.xf = q + "cellXfs", q + "xf"


_TAGS = {ns: _Tags(ns) for ns in _MAIN_NS}


# -- the public entry point ------------------------------------------------------------------

def read_workbook(path: str | os.PathLike[str], *, sheets: Collection[str] | None = None,
                  shapes: bool = True, skip: Collection[str] = ()) -> Workbook:
    """Read every worksheet (or only those named in ``sheets``, less those in ``skip``) as grids.

    Raises ``WorkbookError`` when the file cannot be read as a workbook; its ``code`` says why
    (BERKAS-TIDAK-ADA, BERKAS-KOSONG, BERKAS-XLS, BERKAS-BERSANDI, BERKAS-BUKAN-XLSX,
    BERKAS-RUSAK, BERKAS-TIDAK-AMAN, BERKAS-TERLALU-BESAR).
    """
    path = os.fspath(path)
    with SafeZip(path) as z:
        return _Reader(z, path).read(sheets, shapes, skip)


class _Reader:
    def __init__(self, z: SafeZip, path: str):
        self.z = z
        self.path = path
        self._date_xfs: list[bool] | None = None
        self._styles_part: str | None = None
        self.date1904 = False
        self.tags = _TAGS[_MAIN_NS[0]]

    # -- package level ----------------------------------------------------------------------

    def read(self, wanted: Collection[str] | None, shapes: bool, skip: Collection[str] = ()) -> Workbook:
        z = self.z
        wb_part = self._workbook_part()
        try:
            root = z.xml(wb_part)
        except WorkbookError as e:
            if e.code == "BERKAS-RUSAK" and not z.has(wb_part):
                raise self._not_xlsx() from None
            raise
        ns = etree.QName(root).namespace or ""
        if etree.QName(root).localname != "workbook" or ns not in _TAGS:
            raise self._not_xlsx()
        tags = _TAGS[ns]
        self.tags = tags

        pr = root.find(tags.workbookPr)
        if pr is not None:
            self.date1904 = pr.get("date1904", "").lower() in ("1", "true")

        rels = z.rels(wb_part)
        sst: list[str] = []
        for rtype, target in rels.values():
            if rtype.endswith("/sharedStrings"):
                sst = self._shared_strings(target)
            elif rtype.endswith("/styles"):
                self._styles_part = target

        folded = None if wanted is None else {n.casefold() for n in wanted}
        skipped = {n.casefold() for n in skip}
        grids: list[Grid] = []
        sheet_parts: dict[str, str] = {}
        sheets_el = root.find(tags.sheets)
        for el in (sheets_el if sheets_el is not None else ()):
            if el.tag != tags.sheet:
                continue
            name = el.get("name", "")
            rid = _rel_id(el)
            rtype, part = rels.get(rid or "", ("", ""))
            if not rtype.endswith("/worksheet"):
                continue  # chartsheet, dialogsheet, macrosheet: no cell grid to read
            sheet_parts[name] = part
            if (folded is not None and name.casefold() not in folded) or name.casefold() in skipped:
                continue
            grid = Grid(name=name, hidden=el.get("state", "visible") in ("hidden", "veryHidden"))
            self._read_sheet(grid, part, sst, shapes)
            grids.append(grid)
        return Workbook(path=self.path, sheets=grids, macro_enabled=self._macro_enabled(),
                        sheet_parts=sheet_parts)

    def _workbook_part(self) -> str:
        z = self.z
        if z.has(_PKG_RELS):
            for rtype, target in z.rels("").values():
                if rtype.endswith("/officeDocument") and z.has(target):
                    return target
        if z.has("xl/workbook.xml"):  # some writers leave the package relationships out
            return "xl/workbook.xml"
        raise self._not_xlsx()

    def _not_xlsx(self) -> WorkbookError:
        return WorkbookError("Berkas ini bukan buku kerja Excel (.xlsx/.xlsm): bagian buku kerja "
                             "tidak ditemukan.", code="BERKAS-BUKAN-XLSX", path=self.path,
                             message_en="This file is not an Excel workbook (.xlsx/.xlsm): it has "
                                        "no workbook part.")

    def _macro_enabled(self) -> bool:
        z = self.z
        if any(n.endswith("vbaProject.bin") for n in z.names):
            return True
        if z.has("[Content_Types].xml"):
            # A byte search is enough: these names only appear as macro content types.
            types = z.read("[Content_Types].xml")
            return b"macroEnabled" in types or b"ms-excel.macrosheet" in types
        return False

    # -- shared strings and styles ----------------------------------------------------------

    def _shared_strings(self, part: str) -> list[str]:
        if not self.z.has(part):
            return []
        root = self.z.xml(part)
        t = _TAGS.get(etree.QName(root).namespace or "", self.tags)
        # Nearly every entry is a plain <si><t>text</t></si>: read it directly, which halves
        # the cost of a table of a few hundred texts; rich runs go through _rich_text.
        out: list[str] = []
        add = out.append
        plain_t = t.t
        for si in root.iterchildren(t.si):
            if len(si) == 1:
                ch = si[0]
                if ch.tag == plain_t:
                    text = ch.text or ""
                    add(_unescape(text) if "_x" in text else text)
                    continue
            add(_rich_text(si, t))
        return out

    def _is_date_xf(self, xf: int) -> bool:
        if self._date_xfs is None:
            self._date_xfs = self._read_date_xfs()
        return 0 <= xf < len(self._date_xfs) and self._date_xfs[xf]

    def _read_date_xfs(self) -> list[bool]:
        part = self._styles_part
        if not part or not self.z.has(part):
            return []
        # Workbooks made from one template carry the same styles part, byte for byte: what
        # it says about dates is worked out once for them all, from the bytes themselves.
        data = self.z.read(part)
        key = (self.tags.ns, data)
        known = _DATE_XFS.get(key)
        if known is not None:
            return known
        out = self._date_xfs_of(self.z.xml(part, data))
        if len(_DATE_XFS) >= 16:
            _DATE_XFS.clear()
        _DATE_XFS[key] = out
        return out

    def _date_xfs_of(self, root: etree._Element) -> list[bool]:
        """For each cell format (``cellXfs``) of a styles part: does it show a date?"""
        t = _TAGS.get(etree.QName(root).namespace or "", self.tags)
        custom: dict[int, str] = {}
        fmts = root.find(t.numFmts)
        for nf in (fmts if fmts is not None else ()):
            if nf.tag == t.numFmt:
                try:
                    custom[int(nf.get("numFmtId", ""))] = nf.get("formatCode", "")
                except ValueError:
                    continue
        out: list[bool] = []
        xfs = root.find(t.cellXfs)
        for xf in (xfs if xfs is not None else ()):
            if xf.tag != t.xf:
                continue
            try:
                fid = int(xf.get("numFmtId", "0"))
            except ValueError:
                fid = 0
            if fid in custom:
                out.append(is_date_format(custom[fid]))
            else:
                out.append(fid in _BUILTIN_DATE_IDS)
        return out

    def serial_to_datetime(self, serial: float) -> Value:
        """Excel serial day number -> datetime (kept a number when out of range)."""
        if self.date1904:
            epoch = _EPOCH_1904
        else:
            epoch = _EPOCH_1900
            if 1 <= serial < 60:
                serial += 1  # Excel counts 29 Feb 1900, which never was; times stay on day 0
        try:
            days, frac = divmod(serial, 1)
            ms = round(frac * 86_400_000)
            return epoch + _dt.timedelta(days=int(days), milliseconds=ms)
        except (OverflowError, ValueError):
            return serial

    # -- one worksheet ----------------------------------------------------------------------

    def _read_sheet(self, grid: Grid, part: str, sst: list[str], shapes: bool) -> None:
        z = self.z
        drawing_part = self._drawing_part(part) if shapes else None
        geometry = SheetGeometry() if drawing_part else None
        sheet = _SheetParser(self, grid, sst, geometry)
        if not z.has(part):
            z.read(part)  # raises the "part is missing" error
        try:
            if z.names[part].file_size <= TREE_LIMIT_BYTES:
                sheet.parse_tree(z.xml(part))
            else:
                sheet.parse_stream(z.read(part), part)
        except SopxlError as e:
            if e.sheet is None:
                e.sheet = grid.name
            raise
        except (ValueError, TypeError, IndexError, KeyError, OverflowError, etree.LxmlError):
            raise WorkbookError(f"Lembar kerja tidak dapat dibaca: bagian {part} rusak.",
                                code="BERKAS-RUSAK", path=self.path, sheet=grid.name,
                                message_en=f"The worksheet cannot be read: part {part} is "
                                           "damaged.") from None
        if drawing_part and geometry is not None and z.has(drawing_part):
            try:
                grid.shapes = read_shapes(z, drawing_part, geometry)
            except SopxlError as e:
                if e.sheet is None:
                    e.sheet = grid.name
                raise

    def _drawing_part(self, part: str) -> str | None:
        for rtype, target in self.z.rels(part).values():
            if rtype.endswith("/drawing"):
                return target
        return None

    # -- errors -----------------------------------------------------------------------------

    def too_big(self, sheet: str, what: str, what_en: str) -> WorkbookError:
        return WorkbookError(f"Lembar kerja terlalu besar untuk dibaca ({what}); berkas ditolak "
                             "demi keamanan.", code="BERKAS-TERLALU-BESAR", path=self.path,
                             sheet=sheet, message_en=f"The worksheet is too large to read "
                                                     f"({what_en}); refused for safety.")

    def broken(self, sheet: str, what: str, what_en: str, cell: str | None = None) -> WorkbookError:
        return WorkbookError(f"Lembar kerja rusak: {what}.", code="BERKAS-RUSAK", path=self.path,
                             sheet=sheet, cell=cell, message_en=f"The worksheet is damaged: {what_en}.")


class _SheetParser:
    """Turns the rows of one ``<sheetData>`` into ``grid.values`` (plus merges and geometry)."""

    def __init__(self, reader: _Reader, grid: Grid, sst: list[str], geometry: SheetGeometry | None):
        self.reader = reader
        self.grid = grid
        self.sst = sst
        self.geometry = geometry
        self.tags = reader.tags
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
            for row in data.iterchildren(t.row):
                self.row_geometry(row, self.row_index(row))
            self.next_row = 0
        elif len(data):
            self.row_index(data[-1])  # rows come in order: the last one shows the sheet's extent
            self.next_row = 0
        if not self.cells_by_ref(data):
            # Some writers leave out cell addresses; then position follows document order.
            self.grid.values.clear()
            for row in data.iterchildren(t.row):
                self.row(row)
        self.check_size()

    def parse_stream(self, data: bytes, part: str) -> None:
        t = self.tags
        wanted = (t.row, t.mergeCell, t.col, t.sheetFormatPr)
        checked = False
        events = etree.iterparse(BytesIO(data), events=("end",), tag=wanted, resolve_entities=False,
                                 no_network=True, load_dtd=False, huge_tree=False)
        for _, el in events:
            if not checked:
                checked = True
                if el.getroottree().docinfo.doctype:
                    raise WorkbookError(f"Bagian {part} memuat DOCTYPE, yang tidak dipakai Excel; "
                                        "berkas ditolak demi keamanan.", code="BERKAS-TIDAK-AMAN",
                                        path=self.reader.path,
                                        message_en=f"Part {part} carries a DOCTYPE, which Excel never "
                                                   "writes; refused for safety.")
            tag = el.tag
            if tag == t.row:
                r = self.row(el)
                if self.geometry is not None:
                    self.row_geometry(el, r)
                self.check_size()
            elif tag == t.mergeCell:
                self.merge(el)
            elif tag == t.col:
                self.col(el)
            else:
                self.other(el)
            # Free what has been read so memory stays flat however long the sheet is.
            el.clear()
            parent = el.getparent()
            if parent is not None:
                while el.getprevious() is not None:
                    del parent[0]

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
        """Read every cell that has a value; the hot loop of the whole reader.

        Walking the ``<v>`` elements (found by lxml in C) and looking up at their cells is
        about twice as fast as visiting every row and cell.  Returns False, having read only
        part of the sheet, when a cell has no address; then ``row`` reads it in order.
        """
        values = self.grid.values
        sst = self.sst
        refs = _REF_CACHE
        value: Value | None
        for v in data.iter(self.tags.v):
            c = v.getparent()
            if c is None:
                return False
            ref = c.get("r")
            if ref is None:
                return False
            rc = refs.get(ref)
            if rc is None:
                rc = self.ref(ref)
            text = v.text
            if text is None:
                continue  # a formula never calculated
            ctype = c.get("t")
            if ctype == "s":
                try:
                    i = int(text)
                    if i < 0:
                        raise IndexError(i)
                    value = sst[i]
                except (IndexError, ValueError):
                    raise self.no_shared_string(text, rc) from None
                if not value:
                    continue
            elif ctype is None or ctype == "n":
                value = self.number(text, c.get("s"))
            else:
                value = self.value(ctype, text, rc)
                if value is None:
                    continue
            values[rc] = value
        for inline in data.iter(self.tags.is_):
            c = inline.getparent()
            if c is None:
                return False
            if c.get("t") != "inlineStr":
                continue
            ref = c.get("r")
            if ref is None:
                return False
            rc = refs.get(ref) or self.ref(ref)
            value = _rich_text(inline, self.tags)
            if value:
                values[rc] = value
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
                    value = _rich_text(inline, t) or None
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
        rref = row.get("r")
        try:
            r = int(rref) - 1 if rref else self.next_row
        except ValueError:
            raise self.reader.broken(self.grid.name, f"nomor baris {rref!r} tidak sah",
                                     f"row number {rref!r} is invalid") from None
        if r < 0 or r >= MAX_ROWS:
            raise self.reader.too_big(self.grid.name, f"baris {r + 1}", f"row {r + 1}")
        self.next_row = r + 1
        return r

    def number(self, text: str, s: str | None) -> Value:
        """A numeric cell: int when whole, float otherwise, datetime under a date format."""
        value: int | float
        try:
            value = int(text)
        except ValueError:
            f = float(text)
            value = int(f) if f.is_integer() and abs(f) < 2**53 else f
        if s is not None:
            is_date = self.date_styles.get(s)
            if is_date is None:
                is_date = self.date_styles[s] = self.reader._is_date_xf(int(s))
            if is_date:
                return self.reader.serial_to_datetime(value)
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
            return _unescape(text) or None
        if ctype == "b":
            return text.strip() in ("1", "true")
        if ctype == "e":  # "#N/A", "#DIV/0!", ...
            return text.strip() or None
        if ctype == "d":
            return _iso_datetime(text)
        if ctype == "inlineStr":
            return None  # the <is> element carries the text
        return text or None

    def ref(self, ref: str) -> tuple[int, int]:
        """"B3" -> (2, 1), checked against Excel's limits and remembered for the next sheet."""
        letters = ref.rstrip("0123456789")
        digits = ref[len(letters):]
        if not digits or not (letters.isascii() and letters.isalpha() and len(letters) <= 3) \
                or int(digits) == 0:
            raise self.reader.broken(self.grid.name, f"alamat sel {ref!r} tidak sah",
                                     f"cell reference {ref!r} is invalid")
        col = _COL_CACHE.get(letters)
        if col is None:
            col = 0
            for ch in letters.upper():
                col = col * 26 + (ord(ch) - 64)
            col -= 1
        row = int(digits) - 1
        if col >= MAX_COLS:
            raise self.reader.too_big(self.grid.name, f"kolom {letters}", f"column {letters}")
        if row >= MAX_ROWS:
            raise self.reader.too_big(self.grid.name, f"baris {row + 1}", f"row {row + 1}")
        rc = (row, col)
        if len(_REF_CACHE) < _REF_CACHE_MAX:
            _REF_CACHE[ref] = rc
        return rc

    def check_size(self) -> None:
        if len(self.grid.values) > MAX_CELLS:
            raise self.reader.too_big(self.grid.name,
                                      f"lebih dari {MAX_CELLS:,} sel berisi".replace(",", "."),
                                      f"more than {MAX_CELLS:,} non-empty cells")

    def no_shared_string(self, text: str, rc: tuple[int, int]) -> WorkbookError:
        return self.reader.broken(self.grid.name, f"teks bersama nomor {text} tidak ada",
                                  f"shared string {text} does not exist", cell=rowcol_to_cell(*rc))

    # -- merges and geometry ----------------------------------------------------------------

    def merge(self, el: etree._Element) -> None:
        a, _, b = el.get("ref", "").replace("$", "").partition(":")
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

    def row_geometry(self, row: etree._Element, r: int) -> None:
        if self.geometry is not None:
            self.geometry.read_row(r, row)


# -- values ----------------------------------------------------------------------------------

# The cell formats of a styles part that show dates, by the part's bytes (and the namespace
# of the workbook, which stands in when the styles part's own is unknown). Read-only lists.
_DATE_XFS: dict[tuple[str, bytes], list[bool]] = {}

# Sheets in a batch use the same few hundred addresses, so "B3" -> (2, 1) is worked out once.
_REF_CACHE: dict[str, tuple[int, int]] = {}
_REF_CACHE_MAX = 50_000  # SOP sheets use a few thousand; a huge sheet must not bloat it
_COL_CACHE: dict[str, int] = {}
for _i in range(26 * 27):  # A..ZZ up front; three-letter columns are cached when first seen
    _letters = ""
    _n = _i + 1
    while _n:
        _n, _rem = divmod(_n - 1, 26)
        _letters = chr(65 + _rem) + _letters
    _COL_CACHE[_letters] = _i


def _rel_id(el: etree._Element) -> str | None:
    for ns in _REL_NS:
        rid = el.get(f"{{{ns}}}id")
        if rid is not None:
            return rid
    return None


def _rich_text(el: etree._Element, t: _Tags) -> str:
    """Text of ``<si>``/``<is>``: a plain ``<t>`` or rich runs ``<r><t>``; ``<rPh>`` is skipped."""
    parts: list[str] = []
    for ch in el:
        tag = ch.tag
        if tag == t.t:
            if ch.text:
                parts.append(ch.text)
        elif tag == t.r:
            for rt in ch:
                if rt.tag == t.t and rt.text:
                    parts.append(rt.text)
    text = parts[0] if len(parts) == 1 else "".join(parts)
    return _unescape(text) if "_x" in text else text


_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape(text: str) -> str:
    """Undo OOXML's ``_xHHHH_`` escapes (control characters such as ``_x000D_``)."""
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


def _iso_datetime(text: str) -> Value:
    """A ``t="d"`` cell: an ISO 8601 date/time as written by strict OOXML writers."""
    s = text.strip()
    if s.endswith("Z"):
        s = s[:-1]
    try:
        if "T" in s or " " in s:
            return _dt.datetime.fromisoformat(s)
        return _dt.datetime.combine(_dt.date.fromisoformat(s), _dt.time())
    except ValueError:
        return text


_EPOCH_1900 = _dt.datetime(1899, 12, 30)
_EPOCH_1904 = _dt.datetime(1904, 1, 1)


# -- number formats --------------------------------------------------------------------------

# Built-in formats that show dates or times (ECMA-376 §18.8.30).
_BUILTIN_DATE_IDS = frozenset(range(14, 23)) | frozenset((45, 46, 47))


def is_date_format(code: str) -> bool:
    """True when an Excel number format shows a date or time.

    Letters d, m, y, h, s count only outside quoted text, ``[...]`` (colours, locales,
    conditions), backslash escapes and the ``_x``/``*x`` padding and fill characters.
    Elapsed-time formats (``[h]:mm``) show a duration, not a date, and count as numbers.
    """
    low = code.lower()
    if "[h" in low or "[m" in low or "[s" in low:
        return False
    i = 0
    n = len(low)
    while i < n:
        ch = low[i]
        if ch == '"':
            j = low.find('"', i + 1)
            i = n if j < 0 else j + 1
            continue
        if ch == "[":
            j = low.find("]", i + 1)
            i = n if j < 0 else j + 1
            continue
        if ch in "\\_*":
            i += 2
            continue
        if ch in "dmyhs":
            return True
        i += 1
    return False
