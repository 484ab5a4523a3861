"""The package level of an xlsx/xlsm file: which part is the workbook, its sheets, its tables.

The package, as far as this reader is concerned::

    _rels/.rels                      -> officeDocument: xl/workbook.xml
    [Content_Types].xml              (only looked at for macro content types)
    xl/workbook.xml                  <workbookPr date1904>, <sheets> (name, state, r:id)
    xl/_rels/workbook.xml.rels       r:id -> worksheets, sharedStrings, styles
    xl/sharedStrings.xml             <si> texts (values.py)
    xl/styles.xml                    <cellXfs> numFmtId -> "is this cell a date?" (values.py)
    xl/worksheets/sheetN.xml         cells, merges, geometry (worksheet.py)
    xl/worksheets/_rels/sheetN.xml.rels -> xl/drawings/drawingN.xml (shapes, drawing.py)

Values are the ones Excel last calculated and saved (the cached ``<v>``); formula text is
never returned. Every part goes through ``SafeZip`` (bounded reads, no DTDs or entities).
"""
from __future__ import annotations

import os
import re
from collections.abc import Collection
from dataclasses import dataclass, field

from lxml import etree

from ..errors import WorkbookError
from ..grid import Grid
from . import worksheet
from .safezip import SafeZip
from .values import TAGS, CellFormats, Tags, rel_id, shared_strings

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


def read_workbook(path: str | os.PathLike[str], *, sheets: Collection[str] | None = None,
                  shapes: bool = True, skip: Collection[str] = ()) -> Workbook:
    """Read every worksheet (or only those named in ``sheets``, less those in ``skip``) as grids.

    Raises ``WorkbookError`` when the file cannot be read as a workbook; its ``code`` says why
    (BERKAS-TIDAK-ADA, BERKAS-KOSONG, BERKAS-XLS, BERKAS-BERSANDI, BERKAS-BUKAN-XLSX,
    BERKAS-RUSAK, BERKAS-TIDAK-AMAN, BERKAS-TERLALU-BESAR).
    """
    path = os.fspath(path)
    with SafeZip(path) as z:
        return _read(z, path, sheets, shapes, skip)


def _read(z: SafeZip, path: str, wanted: Collection[str] | None, shapes: bool,
          skip: Collection[str]) -> Workbook:
    wb_part = _workbook_part(z, path)
    tags, date1904, sheet_list = _workbook_xml(z, path, wb_part)

    rels = z.rels(wb_part)
    sst: list[str] = []
    styles_part = None
    for rtype, target in rels.values():
        if rtype.endswith("/sharedStrings"):
            sst = shared_strings(z, target, tags)
        elif rtype.endswith("/styles"):
            styles_part = target
    formats = CellFormats(z, tags, styles_part, date1904)

    folded = None if wanted is None else {n.casefold() for n in wanted}
    skipped = {n.casefold() for n in skip}
    grids: list[Grid] = []
    cells = 0
    sheet_parts: dict[str, str] = {}
    for name, hidden, rid in sheet_list:
        rtype, part = rels.get(rid, ("", ""))
        if not rtype.endswith("/worksheet"):
            continue  # chartsheet, dialogsheet, macrosheet: no cell grid to read
        sheet_parts[name] = part
        if (folded is not None and name.casefold() not in folded) or name.casefold() in skipped:
            continue
        grid = Grid(name=name, hidden=hidden)
        worksheet.read_sheet(z, path, grid, part, sst, formats, shapes)
        grids.append(grid)
        # Each sheet is bounded; so are all of them together, or a thousand sheets just under
        # the bound would fill memory before the first SOP is checked.
        cells += len(grid.values)
        if cells > worksheet.MAX_CELLS:
            limit = f"{worksheet.MAX_CELLS:,}"
            raise WorkbookError(f"Buku kerja terlalu besar untuk dibaca (lebih dari "
                                f"{limit.replace(',', '.')} sel berisi di seluruh lembarnya); berkas "
                                "ditolak demi keamanan.", code="BERKAS-TERLALU-BESAR", path=path,
                                message_en=f"The workbook is too large to read (more than {limit} "
                                           "non-empty cells in all its sheets); refused for safety.")
    return Workbook(path=path, sheets=grids, macro_enabled=_macro_enabled(z),
                    sheet_parts=sheet_parts)


def _workbook_xml(z: SafeZip, path: str, wb_part: str) -> tuple[Tags, bool, list[tuple[str, bool, str]]]:
    """What the workbook part says: its namespace's tags, the 1904 calendar, and its sheets as
    (name, hidden, relationship id), in order.

    Workbooks from one template often carry this part byte for byte: what it says is
    remembered by its compressed bytes (``SafeZip.stored``), sparing the inflate and the tree.
    More often they differ only in the window each PC saved (``_without_window``): what the
    rest says is remembered too, sparing the tree.
    """
    stored = z.stored(wb_part) if z.has(wb_part) else None
    if stored is not None:
        known = _WORKBOOKS.get(stored)
        if known is not None:
            return known
    rest = None
    try:
        data = z.read(wb_part)
        rest = _without_window(data)
        if rest is not None:
            known = _WORKBOOKS_BUT_WINDOW.get(rest)
            if known is not None:
                return known
        root = z.xml(wb_part, data)
    except WorkbookError as e:
        if e.code == "BERKAS-RUSAK" and not z.has(wb_part):
            raise _not_xlsx(path) from None
        raise
    ns = etree.QName(root).namespace or ""
    if etree.QName(root).localname != "workbook" or ns not in TAGS:
        raise _not_xlsx(path)
    tags = TAGS[ns]

    date1904 = False
    pr = root.find(tags.workbookPr)
    if pr is not None:
        date1904 = pr.get("date1904", "").lower() in ("1", "true")
    sheets: list[tuple[str, bool, str]] = []
    sheets_el = root.find(tags.sheets)
    for el in (sheets_el if sheets_el is not None else ()):
        if el.tag == tags.sheet:
            sheets.append((el.get("name", ""), el.get("state", "visible") in ("hidden", "veryHidden"),
                           rel_id(el) or ""))
    found = (tags, date1904, sheets)
    if stored is not None and len(stored[3]) <= _KEEP_MAX:
        if len(_WORKBOOKS) >= 16:
            _WORKBOOKS.clear()
        _WORKBOOKS[stored] = found
    if rest is not None and len(rest) <= _KEEP_MAX:
        if len(_WORKBOOKS_BUT_WINDOW) >= 16:
            _WORKBOOKS_BUT_WINDOW.clear()
        _WORKBOOKS_BUT_WINDOW[rest] = found
    return found


# The <bookViews> of a workbook part as Excel and openpyxl write it: windows, each an empty
# element of plain attributes (names of letters, values of safe characters, no entity).
_WINDOWS = re.compile(rb'<bookViews>(?:<workbookView(?: [A-Za-z]{1,40}="[0-9A-Za-z_.:-]{0,40}")*/>)+'
                      rb'</bookViews>')
_WINDOW_ATTRS = re.compile(rb'<workbookView((?: [A-Za-z]{1,40}="[^"]*")*)/>')
_ATTR_NAME = re.compile(rb' ([A-Za-z]+)=')


def _without_window(data: bytes) -> bytes | None:
    """The workbook part's bytes without its ``<bookViews>`` (which none of the reader's
    answers come from), when that is a plain one: or None.

    Two parts equal but for plain windows are both well formed or both not, and say the same:
    a plain window is a whole element in itself, declaring no namespace and referring to no
    entity, whose attributes are unique; so what one part said holds for the other. (With no
    comment, CDATA or DOCTYPE about, where a window's text would read otherwise.)
    """
    m = _WINDOWS.search(data)
    if m is None or b"<!" in data:
        return None
    for attrs in _WINDOW_ATTRS.findall(m.group()):
        names = _ATTR_NAME.findall(attrs)
        if len(set(names)) != len(names) or b"xmlns" in names:
            return None  # a repeated attribute is no XML; a namespace declared, not plain
    return data[:m.start()] + data[m.end():]


# What workbook parts say (see _workbook_xml), by their stored bytes, and by their bytes but
# for the windows; read-only.
_WORKBOOKS: dict[tuple[int, int, int, bytes], tuple[Tags, bool, list[tuple[str, bool, str]]]] = {}
_WORKBOOKS_BUT_WINDOW: dict[bytes, tuple[Tags, bool, list[tuple[str, bool, str]]]] = {}
_KEEP_MAX = 64 * 1024  # compressed; a workbook part of a thousand sheets is some 40 KiB


def _workbook_part(z: SafeZip, path: str) -> str:
    if z.has(_PKG_RELS):
        for rtype, target in z.rels("").values():
            if rtype.endswith("/officeDocument") and z.has(target):
                return target
    if z.has("xl/workbook.xml"):  # some writers leave the package relationships out
        return "xl/workbook.xml"
    raise _not_xlsx(path)


def _not_xlsx(path: str) -> WorkbookError:
    return WorkbookError("Berkas ini bukan buku kerja Excel (.xlsx/.xlsm): bagian buku kerja "
                         "tidak ditemukan.", code="BERKAS-BUKAN-XLSX", path=path,
                         message_en="This file is not an Excel workbook (.xlsx/.xlsm): it has "
                                    "no workbook part.")


def _macro_enabled(z: SafeZip) -> bool:
    if any(n.endswith("vbaProject.bin") for n in z.parts):
        return True
    if z.has("[Content_Types].xml"):
        # A byte search is enough: these names only appear as macro content types. A
        # template's files carry the same part: the answer is known by its stored bytes.
        stored = z.stored("[Content_Types].xml")
        known = _MACRO_TYPES.get(stored) if stored is not None else None
        if known is not None:
            return known
        types = z.read("[Content_Types].xml")
        found = b"macroEnabled" in types or b"ms-excel.macrosheet" in types
        if stored is not None and len(stored[3]) <= _KEEP_MAX:
            if len(_MACRO_TYPES) >= 16:
                _MACRO_TYPES.clear()
            _MACRO_TYPES[stored] = found
        return found
    return False


# Whether a content types part names macros, by its stored bytes.
_MACRO_TYPES: dict[tuple[int, int, int, bytes], bool] = {}


