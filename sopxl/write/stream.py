"""A new workbook written as its rows come: memory stays flat however long the sheets are.

``new_workbook`` (package.py) takes whole sheets as SheetSpecs; a national register runs to
millions of cells, so here each sheet's rows are streamed from an iterator straight into its
part, through a spool file (the column widths, fitted to the longest value, must be written
before the rows)::

    [Content_Types].xml  _rels/.rels  docProps/custom.xml (properties: what wrote the file)
    xl/worksheets/sheetN.xml   header row styled, frozen, filtered, columns fitted
    xl/workbook.xml  xl/_rels/workbook.xml.rels  xl/styles.xml

The file is written beside the target under a temporary name, checked and moved into place
only when complete (``replace.commit_with``); on any failure the temporary file is removed
and the target is untouched.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from itertools import chain
from typing import IO

from ..a1 import col_to_letters
from ..errors import WriteError
from .ahead import Body, biggest_after_first, rendered_ahead
from .contenttypes import CT_STYLES, CT_WORKBOOK, CT_WORKSHEET, fresh_content_types
from .deflate import faster
from .packing import new_info
from .relationships import REL, RT_DOCUMENT, RT_STYLES, RT_WORKSHEET, relationships_xml
from .replace import check_target, commit_with
from .rowxml import Cell, RowWriter
from .sheetxml import MAX_COLS, MAX_ROWS, check_sheet_name, quote_sheet
from .styles import XML_DECL, fresh_styles

__all__ = ["StreamSheet", "stream_workbook"]

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
CT_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
RT_CUSTOM = REL + "/custom-properties"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the one format id of user-defined properties


@dataclass
class StreamSheet:
    name: str
    header: Sequence[str]
    rows: Iterable[Sequence[Cell]]  # read once, while the sheet is written
    landscape: bool = True
    size: int = 0  # about how many cells: the biggest sheet may be rendered in a child (ahead.py)


def _fit(header: str, longest: int) -> float:
    return float(min(60, max(len(header) + 3, longest + 2, 6)))


def stream_workbook(path: str | os.PathLike[str], sheets: Sequence[StreamSheet], *,
                    properties: dict[str, str] | None = None,
                    fit: Callable[[str, int], float] = _fit, max_rows: int = MAX_ROWS) -> None:
    """Write a fresh workbook of ``sheets`` (header row styled "header", frozen, filtered)."""
    shown = os.fspath(path)
    target = os.path.realpath(shown)
    if not sheets:
        raise WriteError("Buku kerja baru memerlukan sedikitnya satu lembar.", code="TULIS-LEMBAR",
                         path=shown, message_en="A new workbook needs at least one sheet.")
    for s in sheets:
        check_sheet_name(s.name)
    check_target(target, shown=shown)

    def write(fh: IO[bytes]) -> list[str]:
        with zipfile.ZipFile(fh, "w", allowZip64=True) as zf:
            _package(zf, sheets, properties or {}, fit, max_rows)
            return zf.namelist()

    commit_with(target, write, shown=shown)


def _put(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
    zf.writestr(new_info(name), data, compresslevel=1)


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


def _package(zf: zipfile.ZipFile, sheets: Sequence[StreamSheet], properties: dict[str, str],
             fit: Callable[[str, int], float], max_rows: int = MAX_ROWS) -> None:
    """The parts; a sheet longer than Excel's row limit goes on in "Name (2)", "Name (3)", …
    (each with the header row), so a national register is never refused for its length. The
    number of sheets is known only at the end, so [Content_Types].xml is written last
    (readers find parts through the zip's central directory, not by order)."""
    decl = XML_DECL.decode()
    _put(zf, "_rels/.rels", relationships_xml([("rId1", RT_DOCUMENT, "xl/workbook.xml"),
                                               ("rId2", RT_CUSTOM, "docProps/custom.xml")]))
    props = "".join(f'<property fmtid="{_FMTID}" pid="{i + 2}" name="{_attr(k)}"><vt:lpwstr>{_attr(v)}'
                    f"</vt:lpwstr></property>" for i, (k, v) in enumerate(sorted(properties.items())))
    _put(zf, "docProps/custom.xml",
         f'{decl}<Properties xmlns="{CUSTOM_NS}" xmlns:vt="{VT}">{props}</Properties>'.encode())
    styles, ids = fresh_styles()
    layout: list[Packed] = []  # every part, in the order packed

    def render(k: int, spool: Callable[[], IO[bytes]] = _spool) -> list[Body]:
        return _render_all(sheets[k], ids, first=k == 0, fit=fit, max_rows=max_rows, spool=spool)

    # Rendering a sheet's XML is Python's work; deflating it is zlib's, which lets go of the
    # interpreter lock: one thread packs each sheet into the archive (one entry at a time, as
    # zipfile takes them) while this one renders the next, and the biggest sheet may be
    # rendered at the same time in a child process (ahead.py). That one is packed last, so
    # that the others are packed while the child still works; the archive's order of parts
    # is free (workbook.xml names each sheet's part), and is the same with or without a child.
    sizes = [s.size for s in sheets]
    with rendered_ahead(sizes, render) as ahead, \
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="sopxl-pack") as packer:
        packed: list[Future[None]] = []
        local: list[Body] = []
        try:
            for k in pack_order(sizes):
                if k in ahead:
                    packed.append(packer.submit(_pack_sheet, zf, k, sheets[k], ahead[k], layout))
                    continue
                bodies = render(k)
                local.extend(bodies)
                packed.append(packer.submit(_pack_sheet, zf, k, sheets[k], bodies, layout))
            for done in packed:
                done.result()  # a failure while packing is raised here
        except BaseException:
            packer.shutdown(wait=True, cancel_futures=True)
            for body in local:
                body.rows_xml.close()  # the spool files of parts never packed
            raise
    names: list[str] = []
    sheet_list: list[str] = []
    shown = sorted(layout)  # the tabs in the sheets' order, each sheet's parts in theirs
    for i, (_k, _no, name, nrows, cols, _part) in enumerate(shown):
        ref = _attr(quote_sheet(name))
        last = col_to_letters(max(cols, 1) - 1)
        names.append(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
                     f"{ref}!$A$1:${last}${nrows}</definedName>")
        names.append(f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">{ref}!$1:$1'
                     "</definedName>")
        sheet_list.append(f'<sheet name="{_attr(name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>')
    n = len(sheet_list)
    _put(zf, "xl/workbook.xml", (
        f'{decl}<workbook xmlns="{MAIN}" xmlns:r="{REL}"><bookViews><workbookView activeTab="0"/>'
        f'</bookViews><sheets>{"".join(sheet_list)}</sheets><definedNames>{"".join(names)}'
        "</definedNames></workbook>").encode())
    _put(zf, "xl/_rels/workbook.xml.rels", relationships_xml(
        [(f"rId{i + 1}", RT_WORKSHEET, part[len("xl/"):]) for i, (*_, part) in enumerate(shown)]
        + [(f"rId{n + 1}", RT_STYLES, "styles.xml")]))
    _put(zf, "xl/styles.xml", styles)
    _put(zf, "[Content_Types].xml", fresh_content_types(
        [("xl/workbook.xml", CT_WORKBOOK), ("xl/styles.xml", CT_STYLES), ("docProps/custom.xml", CT_CUSTOM)]
        + [(f"xl/worksheets/sheet{i + 1}.xml", CT_WORKSHEET) for i in range(n)]))


def _spool() -> IO[bytes]:
    return tempfile.TemporaryFile(prefix=".~sopxl-rows-")


def _render_all(sheet: StreamSheet, ids: dict[str, int], *, first: bool,
                fit: Callable[[str, int], float], max_rows: int = MAX_ROWS,
                spool: Callable[[], IO[bytes]] = _spool) -> list[Body]:
    """Every part of one sheet: a sheet longer than ``max_rows`` goes on in more parts.
    ``first``: the workbook's first sheet, whose first part is the tab shown on opening."""
    bodies: list[Body] = []
    rows: Iterator[Sequence[Cell]] | None = iter(sheet.rows)
    try:
        while rows is not None:
            body = _render(StreamSheet(sheet.name, sheet.header, rows, sheet.landscape), ids,
                           selected=first and not bodies, fit=fit, max_rows=max_rows, spool=spool)
            bodies.append(body)
            rows = body.rest
    except BaseException:
        for b in bodies:
            b.rows_xml.close()
        raise
    return bodies


def pack_order(sizes: Sequence[int]) -> list[int]:
    """The order sheets are rendered and packed in: as shown, but the one a child may render
    (``ahead.biggest_after_first``) last."""
    order = list(range(len(sizes)))
    if len(sizes) > 1:
        order.append(order.pop(biggest_after_first(sizes)))
    return order


# A part packed: (its sheet's place, its place among that sheet's parts, tab name, rows,
# columns, part name).
Packed = tuple[int, int, str, int, int, str]


def _pack_sheet(zf: zipfile.ZipFile, k: int, sheet: StreamSheet,
                bodies: list[Body] | Callable[[], list[Body]], layout: list[Packed]) -> None:
    """Pack every part of sheet ``k``, numbered on from the parts packed before it."""
    got = bodies if isinstance(bodies, list) else bodies()
    for no, body in enumerate(got, 1):
        part = f"xl/worksheets/sheet{len(layout) + 1}.xml"
        name = sheet.name if no == 1 else f"{sheet.name[:24]} ({no})"
        _pack(zf, part, body)
        layout.append((k, no, name, body.nrows, body.ncols, part))


def _render(sheet: StreamSheet, ids: dict[str, int], *, selected: bool,
            fit: Callable[[str, int], float], max_rows: int = MAX_ROWS,
            spool: Callable[[], IO[bytes]] = _spool) -> Body:
    """Render one worksheet part of at most ``max_rows`` rows (the caller packs it)."""
    ncols = len(sheet.header)
    if not 0 < ncols <= MAX_COLS:
        raise WriteError(f"Lembar {sheet.name!r}: jumlah kolom tidak sah.", code="TULIS-LEMBAR",
                         sheet=sheet.name, message_en=f"Sheet {sheet.name!r}: invalid number of columns.")
    longest = [0] * ncols
    body = spool()
    try:
        nrows, rest = _rows(body, sheet, ids, longest, max_rows)
    except BaseException:
        body.close()
        raise
    view = '<sheetView workbookViewId="0"' + (' tabSelected="1"' if selected else "") + ">"
    last = col_to_letters(ncols - 1)
    widths = "".join(f'<col min="{j + 1}" max="{j + 1}" width="{fit(h, longest[j]):g}" customWidth="1"/>'
                     for j, h in enumerate(sheet.header))
    head = (f'{XML_DECL.decode()}<worksheet xmlns="{MAIN}" xmlns:r="{REL}">'
            f'<dimension ref="A1:{last}{nrows}"/><sheetViews>{view}'
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15"/><cols>{widths}</cols><sheetData>')
    orient = "landscape" if sheet.landscape else "portrait"
    tail = (f'</sheetData><autoFilter ref="A1:{last}{nrows}"/>'
            '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
            f'<pageSetup paperSize="9" orientation="{orient}"/></worksheet>')
    return Body(body, head.encode(), tail.encode(), nrows, ncols, rest)


def _pack(zf: zipfile.ZipFile, part: str, body: Body) -> None:
    """Deflate a rendered part into the archive, and drop its spool file."""
    try:
        body.rows_xml.seek(0)
        info = new_info(part)
        # The fastest deflate level, as package.py writes a register: a few per cent in size
        # for a third of the time. (zipfile takes a streamed entry's level from its ZipInfo.)
        info._compresslevel = 1  # type: ignore[attr-defined]
        with zf.open(info, "w", force_zip64=True) as out:
            faster(out)
            out.write(body.head)
            shutil.copyfileobj(body.rows_xml, out, 1 << 20)
            out.write(body.tail)
    finally:
        body.rows_xml.close()


def _rows(body: IO[bytes], sheet: StreamSheet, ids: dict[str, int], longest: list[int],
          max_rows: int = MAX_ROWS) -> tuple[int, Iterator[Sequence[Cell]] | None]:
    """Write the header and rows' XML to ``body`` (fills ``longest``, the text length per
    column); (rows written, the rows left over beyond ``max_rows`` or None)."""
    writer = RowWriter(len(longest), ids, sheet.name)
    header = [(h, "header") for h in sheet.header]
    n, rest = writer.write(body, chain([header], iter(sheet.rows)), max_rows)
    longest[:] = writer.longest
    return n, rest
