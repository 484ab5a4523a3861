"""Build real .xlsx workbooks whose sheets carry drawn shapes, written the way Excel writes them.

openpyxl writes the cells, column widths and row heights but drops shapes, so the drawing is
added afterwards by editing the package, as Excel would have saved it:

    [Content_Types].xml                   + Override for /xl/drawings/drawing1.xml
    xl/worksheets/sheet1.xml              + <drawing r:id="rIdN"/> in its schema place
    xl/worksheets/_rels/sheet1.xml.rels   + Relationship -> ../drawings/drawing1.xml
    xl/drawings/drawing1.xml              the shapes (xdr:wsDr)
    xl/drawings/_rels/drawing1.xml.rels   pictures, when there are any
    xl/media/imageN.png

The XML snippets (``sp``, ``cxn``, ``grp``, ``two_cell`` …) follow Excel 2016's output:
``a16:creationId`` extensions, ``xdr:style`` references, ``a:xfrm`` in absolute EMU, connectors
with ``a:stCxn``/``a:endCxn`` and ``a:tailEnd`` arrowheads. ``Sketch`` places them in cells so
a test can say "a decision in D5" and get consistent anchors and xfrm offsets.
"""
from __future__ import annotations

import itertools
import os
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from lxml import etree
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from sopxl.read.geometry import SheetGeometry

XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
A14 = "http://schemas.microsoft.com/office/drawing/2010/main"
A16 = "http://schemas.microsoft.com/office/drawing/2014/main"
DRAWING_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing"
IMAGE_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
DRAWING_CT = "application/vnd.openxmlformats-officedocument.drawing+xml"

# What Excel calls a new shape of each preset (its cNvPr name is this plus a number).
EXCEL_NAMES = {
    "flowChartTerminator": "Flowchart: Terminator",
    "flowChartProcess": "Flowchart: Process",
    "flowChartDecision": "Flowchart: Decision",
    "flowChartOffpageConnector": "Flowchart: Off-page Connector",
    "flowChartAlternateProcess": "Flowchart: Alternate Process",
    "flowChartConnector": "Flowchart: Connector",
    "straightConnector1": "Straight Arrow Connector",
    "bentConnector3": "Connector: Elbow",
    "line": "Straight Connector",
    "rect": "Rectangle",
    "roundRect": "Rectangle: Rounded Corners",
    "ellipse": "Oval",
    "diamond": "Diamond",
    "homePlate": "Arrow: Pentagon",
}

# Cell anchor: (col, colOff, row, rowOff), zero-based, offsets in EMU.
CellPoint = tuple[int, int, int, int]
Box = tuple[int, int, int, int]  # x, y, cx, cy in EMU


# -- the sheet's layout ----------------------------------------------------------------------


@dataclass
class Layout:
    """Column widths (stored ``<col width>`` units) and row heights (points) of a test sheet."""

    col_widths: dict[int, float] = field(default_factory=dict)
    row_heights: dict[int, float] = field(default_factory=dict)

    def geometry(self) -> SheetGeometry:
        """The geometry sopxl reads from a sheet saved with this layout."""
        g = SheetGeometry()
        for col, width in sorted(self.col_widths.items()):
            g.add_cols(col, col, width)
        for row, height in self.row_heights.items():
            g.set_row(row, height)
        return g

    def x(self, col: int, frac: float = 0.0) -> int:
        """EMU from the sheet's left edge to a point ``frac`` of the way through a column."""
        g = self.geometry()
        return sum(g.col_emu(c) for c in range(col)) + round(frac * g.col_emu(col))

    def y(self, row: int, frac: float = 0.0) -> int:
        g = self.geometry()
        return sum(g.row_emu(r) for r in range(row)) + round(frac * g.row_emu(row))

    def locate(self, x: int, y: int) -> CellPoint:
        """An absolute point in EMU -> (col, colOff, row, rowOff), as Excel anchors it."""
        g = self.geometry()
        col, rest_x = _walk(g.col_emu, x)
        row, rest_y = _walk(g.row_emu, y)
        return col, rest_x, row, rest_y

    def cell_box(self, row: int, col: int, w: float = 0.7, h: float = 0.6) -> Box:
        """A box centred in a cell, ``w`` and ``h`` as fractions of the cell."""
        g = self.geometry()
        cw, ch = g.col_emu(col), g.row_emu(row)
        bw, bh = round(cw * w), round(ch * h)
        return self.x(col) + (cw - bw) // 2, self.y(row) + (ch - bh) // 2, bw, bh


def _walk(size, offset: int) -> tuple[int, int]:
    index = 0
    while offset >= size(index) > 0:
        offset -= size(index)
        index += 1
    return index, offset


# -- XML snippets ----------------------------------------------------------------------------

_guid = itertools.count(1)


def _creation_id() -> str:
    n = next(_guid)
    return (f'<a:extLst><a:ext uri="{{FF2B5EF4-FFF2-40B4-BE49-F238E27FC236}}">'
            f'<a16:creationId xmlns:a16="{A16}" id="{{00000000-0008-0000-0000-{n:012X}}}"/>'
            f'</a:ext></a:extLst>')


def _c_nv_pr(id: int, name: str, descr: str | None = None, hidden: bool = False,
             extra: str = "") -> str:
    attrs = f'id="{id}" name={quoteattr(name)}'
    if descr is not None:
        attrs += f" descr={quoteattr(descr)}"
    if hidden:
        attrs += ' hidden="1"'
    return f"<xdr:cNvPr {attrs}>{extra or _creation_id()}</xdr:cNvPr>"


def _xfrm(box: Box, *, rot: int = 0, flip_h: bool = False, flip_v: bool = False,
          child: Box | None = None) -> str:
    attrs = ""
    if rot:
        attrs += f' rot="{rot}"'
    if flip_h:
        attrs += ' flipH="1"'
    if flip_v:
        attrs += ' flipV="1"'
    x, y, cx, cy = box
    inner = f'<a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/>'
    if child is not None:
        inner += (f'<a:chOff x="{child[0]}" y="{child[1]}"/>'
                  f'<a:chExt cx="{child[2]}" cy="{child[3]}"/>')
    return f"<a:xfrm{attrs}>{inner}</a:xfrm>"


_SHAPE_STYLE = ('<xdr:style><a:lnRef idx="2"><a:schemeClr val="accent1"><a:shade val="50000"/>'
                '</a:schemeClr></a:lnRef><a:fillRef idx="1"><a:schemeClr val="accent1"/></a:fillRef>'
                '<a:effectRef idx="0"><a:schemeClr val="accent1"/></a:effectRef>'
                '<a:fontRef idx="minor"><a:schemeClr val="lt1"/></a:fontRef></xdr:style>')
_LINE_STYLE = ('<xdr:style><a:lnRef idx="1"><a:schemeClr val="accent1"/></a:lnRef>'
               '<a:fillRef idx="0"><a:schemeClr val="accent1"/></a:fillRef>'
               '<a:effectRef idx="0"><a:schemeClr val="accent1"/></a:effectRef>'
               '<a:fontRef idx="minor"><a:schemeClr val="tx1"/></a:fontRef></xdr:style>')


def _tx_body(text: str | Iterable[str], *, box: bool = False) -> str:
    """A text body; a list gives one paragraph each."""
    paragraphs = [text] if isinstance(text, str) else list(text)
    if box:
        body_pr = '<a:bodyPr vertOverflow="clip" horzOverflow="clip" wrap="none" rtlCol="0" anchor="t">' \
                  '<a:spAutoFit/></a:bodyPr>'
    else:
        body_pr = '<a:bodyPr vertOverflow="clip" horzOverflow="clip" rtlCol="0" anchor="ctr"/>'
    ps = "".join(
        f'<a:p><a:pPr algn="ctr"/><a:r><a:rPr lang="id-ID" sz="900"/><a:t>{escape(p)}</a:t></a:r></a:p>'
        if p else '<a:p><a:pPr algn="ctr"/><a:endParaRPr lang="id-ID" sz="900"/></a:p>'
        for p in paragraphs)
    return f"<xdr:txBody>{body_pr}<a:lstStyle/>{ps}</xdr:txBody>"


def sp(id: int, prst: str, box: Box, text: str | Iterable[str] = "", *, name: str | None = None,
       descr: str | None = None, txbox: bool = False, no_fill: bool = False, no_line: bool = False,
       hidden: bool = False, rot: int = 0, extra_nv: str = "") -> str:
    """An ``xdr:sp``: a preset shape, maybe a text box (``txbox``), maybe with text."""
    name = name or f"{'TextBox' if txbox else EXCEL_NAMES.get(prst, prst)} {id - 1}"
    fill = "<a:noFill/>" if no_fill or txbox else ""
    line = "<a:ln><a:noFill/></a:ln>" if no_line else ""
    c_nv_sp = '<xdr:cNvSpPr txBox="1"/>' if txbox else "<xdr:cNvSpPr/>"
    style = "" if txbox else _SHAPE_STYLE
    body = _tx_body(text, box=txbox) if (text or txbox) else ""
    return (f'<xdr:sp macro="" textlink=""><xdr:nvSpPr>{_c_nv_pr(id, name, descr, hidden, extra_nv)}'
            f"{c_nv_sp}</xdr:nvSpPr><xdr:spPr>{_xfrm(box, rot=rot)}"
            f'<a:prstGeom prst="{prst}"><a:avLst/></a:prstGeom>{fill}{line}</xdr:spPr>'
            f"{style}{body}</xdr:sp>")


def cxn(id: int, box: Box, *, prst: str = "straightConnector1", start: tuple[int, int] | None = None,
        end: tuple[int, int] | None = None, flip_h: bool = False, flip_v: bool = False,
        rot: int = 0, head: str | None = None, tail: str | None = "triangle",
        name: str | None = None, descr: str | None = None) -> str:
    """An ``xdr:cxnSp``; ``start``/``end`` are (shape id, connection site) it is glued to."""
    name = name or f"{EXCEL_NAMES.get(prst, prst)} {id - 1}"
    glue = ""
    if start:
        glue += f'<a:stCxn id="{start[0]}" idx="{start[1]}"/>'
    if end:
        glue += f'<a:endCxn id="{end[0]}" idx="{end[1]}"/>'
    c_nv_cxn = f"<xdr:cNvCxnSpPr>{glue}</xdr:cNvCxnSpPr>" if glue else "<xdr:cNvCxnSpPr/>"
    ends = ""
    if head:
        ends += f'<a:headEnd type="{head}"/>'
    if tail:
        ends += f'<a:tailEnd type="{tail}"/>'
    ln = f'<a:ln w="12700">{ends}</a:ln>' if ends else ""
    return (f'<xdr:cxnSp macro=""><xdr:nvCxnSpPr>{_c_nv_pr(id, name, descr)}{c_nv_cxn}'
            f"</xdr:nvCxnSpPr><xdr:spPr>{_xfrm(box, rot=rot, flip_h=flip_h, flip_v=flip_v)}"
            f'<a:prstGeom prst="{prst}"><a:avLst/></a:prstGeom>{ln}</xdr:spPr>{_LINE_STYLE}</xdr:cxnSp>')


def grp(id: int, box: Box, child_box: Box, children: Iterable[str], *, name: str | None = None,
        descr: str | None = None) -> str:
    """An ``xdr:grpSp``: children in child coordinates ``child_box`` shown scaled onto ``box``."""
    name = name or f"Group {id - 1}"
    return (f"<xdr:grpSp><xdr:nvGrpSpPr>{_c_nv_pr(id, name, descr)}<xdr:cNvGrpSpPr/></xdr:nvGrpSpPr>"
            f"<xdr:grpSpPr>{_xfrm(box, child=child_box)}</xdr:grpSpPr>{''.join(children)}</xdr:grpSp>")


def pic(id: int, box: Box, rel_id: str = "rId1", name: str | None = None) -> str:
    """An ``xdr:pic`` showing the image behind ``rel_id`` in the drawing's relationships."""
    name = name or f"Picture {id - 1}"
    return (f'<xdr:pic><xdr:nvPicPr>{_c_nv_pr(id, name)}<xdr:cNvPicPr><a:picLocks noChangeAspect="1"/>'
            f'</xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="{R}" r:embed="{rel_id}"/>'
            f"<a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr>{_xfrm(box)}"
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>')


def chartex_frame(id: int, box: Box, rel_id: str = "rId9") -> str:
    """The mc:Choice of an Office 2016 chart (cx1); the chart part itself is left out."""
    return (f'<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>{_c_nv_pr(id, f"Chart {id - 1}")}'
            f"<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>"
            f'<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic>'
            f'<a:graphicData uri="http://schemas.microsoft.com/office/drawing/2014/chartex">'
            f'<cx:chart xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex" '
            f'xmlns:r="{R}" r:id="{rel_id}"/></a:graphicData></a:graphic></xdr:graphicFrame>')


def form_control(id: int, box: Box, name: str = "Check Box 1") -> str:
    """The DrawingML stand-in Excel writes for an old check box (inside mc:Choice a14)."""
    ext = (f'<a:extLst><a:ext uri="{{63B3BB69-23CF-44E3-9099-C40C66FF867C}}">'
           f'<a14:compatExt xmlns:a14="{A14}" spid="_x0000_s{1024 + id}"/></a:ext></a:extLst>')
    return sp(id, "rect", box, "Check Box", name=name, hidden=True, extra_nv=ext)


def _from_to(tag: str, p: CellPoint) -> str:
    col, col_off, row, row_off = p
    return (f"<xdr:{tag}><xdr:col>{col}</xdr:col><xdr:colOff>{col_off}</xdr:colOff>"
            f"<xdr:row>{row}</xdr:row><xdr:rowOff>{row_off}</xdr:rowOff></xdr:{tag}>")


def two_cell(obj: str, frm: CellPoint, to: CellPoint, edit_as: str | None = None) -> str:
    attrs = f' editAs="{edit_as}"' if edit_as else ""
    return (f"<xdr:twoCellAnchor{attrs}>{_from_to('from', frm)}{_from_to('to', to)}{obj}"
            "<xdr:clientData/></xdr:twoCellAnchor>")


def one_cell(obj: str, frm: CellPoint, ext: tuple[int, int]) -> str:
    return (f'<xdr:oneCellAnchor>{_from_to("from", frm)}<xdr:ext cx="{ext[0]}" cy="{ext[1]}"/>{obj}'
            "<xdr:clientData/></xdr:oneCellAnchor>")


def absolute(obj: str, pos: tuple[int, int], ext: tuple[int, int]) -> str:
    return (f'<xdr:absoluteAnchor><xdr:pos x="{pos[0]}" y="{pos[1]}"/>'
            f'<xdr:ext cx="{ext[0]}" cy="{ext[1]}"/>{obj}<xdr:clientData/></xdr:absoluteAnchor>')


KNOWN_REQUIRES = {
    "a14": A14,
    "cx1": "http://schemas.microsoft.com/office/drawing/2015/9/8/chartex",
    "sle15": "http://schemas.microsoft.com/office/drawing/2012/slicer",
}


def alternate(choice: str, fallback: str = "", requires: str = "a14", ns: str | None = None) -> str:
    """``mc:AlternateContent``; the Choice needs the namespace ``ns`` under prefix ``requires``."""
    ns = ns or KNOWN_REQUIRES[requires]
    fb = f"<mc:Fallback>{fallback}</mc:Fallback>" if fallback else ""
    return (f'<mc:AlternateContent xmlns:mc="{MC}"><mc:Choice xmlns:{requires}="{ns}" '
            f'Requires="{requires}">{choice}</mc:Choice>{fb}</mc:AlternateContent>')


def drawing(anchors: Iterable[str]) -> str:
    """The whole ``xl/drawings/drawingN.xml``."""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
            f'<xdr:wsDr xmlns:xdr="{XDR}" xmlns:a="{A}">{"".join(anchors)}</xdr:wsDr>')


# -- placing shapes in cells -----------------------------------------------------------------


@dataclass
class Placed:
    id: int
    box: Box


class Sketch:
    """A drawing being built over a sheet: shapes in cells, arrows between them, labels.

    Ids start at 2 as in Excel. Each ``shape``/``connect``/``label`` returns the new id.
    """

    def __init__(self, layout: Layout):
        self.layout = layout
        self.anchors: list[str] = []
        self.placed: dict[int, Placed] = {}
        self._ids = itertools.count(2)

    def new_id(self) -> int:
        return next(self._ids)

    def anchor(self, obj: str, box: Box, how: str = "two") -> None:
        x, y, cx, cy = box
        if how == "two":
            self.anchors.append(two_cell(obj, self.layout.locate(x, y), self.layout.locate(x + cx, y + cy)))
        elif how == "one":
            self.anchors.append(one_cell(obj, self.layout.locate(x, y), (cx, cy)))
        elif how == "abs":
            self.anchors.append(absolute(obj, (x, y), (cx, cy)))
        else:
            raise ValueError(how)

    def shape(self, row: int, col: int, prst: str, text: str | Iterable[str] = "", *,
              how: str = "two", w: float = 0.7, h: float = 0.6, descr: str | None = None) -> int:
        id = self.new_id()
        box = self.layout.cell_box(row, col, w, h)
        self.placed[id] = Placed(id, box)
        self.anchor(sp(id, prst, box, text, descr=descr), box, how)
        return id

    def label(self, x: int, y: int, text: str, *, txbox: bool = True) -> int:
        """A small text box with its top-left corner at (x, y) EMU."""
        id = self.new_id()
        box = (x, y, 400_000, 230_000)
        if txbox:
            obj = sp(id, "rect", box, text, txbox=True)
        else:  # a rectangle with no fill and no outline, as some offices draw labels
            obj = sp(id, "rect", box, text, no_fill=True, no_line=True)
        self.anchor(obj, box)
        return id

    def connect(self, a: int, b: int, *, glued: bool = True, label: str | None = None,
                prst: str = "straightConnector1", reverse_arrow: bool = False) -> int:
        """An arrow from shape ``a`` to shape ``b``: bottom to top when ``b`` is lower, else
        from ``a``'s left side to ``b``'s left side (a loop back) or side to side on one row.
        ``reverse_arrow`` draws the line from ``b`` to ``a`` with the arrowhead at its start."""
        pa, pb = self.placed[a].box, self.placed[b].box
        if pb[1] > pa[1] + pa[3] // 2:  # b is lower: leave a's bottom, enter b's top
            s, si = (pa[0] + pa[2] // 2, pa[1] + pa[3]), 2
            e, ei = (pb[0] + pb[2] // 2, pb[1]), 0
        elif pb[1] + pb[3] < pa[1]:  # b is higher: a loop back along the left sides
            s, si = (pa[0], pa[1] + pa[3] // 2), 1
            e, ei = (pb[0], pb[1] + pb[3] // 2), 1
        elif pb[0] > pa[0]:
            s, si = (pa[0] + pa[2], pa[1] + pa[3] // 2), 3
            e, ei = (pb[0], pb[1] + pb[3] // 2), 1
        else:
            s, si = (pa[0], pa[1] + pa[3] // 2), 1
            e, ei = (pb[0] + pb[2], pb[1] + pb[3] // 2), 3
        start, end = (a, si), (b, ei)
        if reverse_arrow:
            s, e = e, s
            start, end = end, start
        id = self.new_id()
        box = (min(s[0], e[0]), min(s[1], e[1]), abs(e[0] - s[0]), abs(e[1] - s[1]))
        self.anchor(cxn(id, box, prst=prst, start=start if glued else None, end=end if glued else None,
                        flip_h=e[0] < s[0], flip_v=e[1] < s[1],
                        head="triangle" if reverse_arrow else None,
                        tail=None if reverse_arrow else "triangle"), box)
        if label:
            first = e if reverse_arrow else s
            if e[1] > s[1] and not reverse_arrow:  # going down: beside the line, under a
                self.label(first[0] + 40_000, first[1] + 20_000, label)
            else:  # going sideways or up: above the line, just left of where it leaves
                self.label(first[0] - 420_000, first[1] - 250_000, label)
        return id

    def xml(self) -> str:
        return drawing(self.anchors)


# -- the package -----------------------------------------------------------------------------


def write_workbook(path: str | Path, cells: Mapping[str, object], layout: Layout, *,
                   merges: Iterable[str] = (), title: str = "SOP") -> Path:
    """An openpyxl workbook with one sheet of ``cells`` ({"A1": value}) and the layout's sizes."""
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for ref, value in cells.items():
        ws[ref] = value
    for col, width in layout.col_widths.items():
        ws.column_dimensions[get_column_letter(col + 1)].width = width
    for row, height in layout.row_heights.items():
        ws.row_dimensions[row + 1].height = height
    for rng in merges:
        ws.merge_cells(rng)
    wb.save(path)
    return Path(path)


def tiny_png() -> bytes:
    """A 1x1 white PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00\xff\xff\xff")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def add_drawing(path: str | Path, drawing_xml: str, *, sheet: str = "xl/worksheets/sheet1.xml",
                part: str = "xl/drawings/drawing1.xml", images: Mapping[str, bytes] | None = None
                ) -> None:
    """Add a drawing part to a sheet of an existing package, in place.

    ``images`` maps a relationship id of the drawing ("rId1") to PNG bytes, stored as
    ``xl/media/imageN.png``.
    """
    path = Path(path)
    with zipfile.ZipFile(path) as zin:
        parts = {i.filename: zin.read(i.filename) for i in zin.infolist()}

    sheet_dir, sheet_base = os.path.split(sheet)
    rels_name = f"{sheet_dir}/_rels/{sheet_base}.rels"
    target = os.path.relpath(part, sheet_dir).replace(os.sep, "/")
    rels = etree.fromstring(parts[rels_name]) if rels_name in parts else etree.Element(
        f"{{{PKG_RELS}}}Relationships", nsmap={None: PKG_RELS})
    used = {r.get("Id") for r in rels}
    rid = next(f"rId{n}" for n in itertools.count(1) if f"rId{n}" not in used)
    etree.SubElement(rels, f"{{{PKG_RELS}}}Relationship", Id=rid, Type=DRAWING_TYPE, Target=target)
    parts[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)

    ws = etree.fromstring(parts[sheet])
    el = etree.Element(f"{{{MAIN}}}drawing", nsmap={"r": R})
    el.set(f"{{{R}}}id", rid)
    # CT_Worksheet order: <drawing> comes before these.
    after = ("legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
             "webPublishItems", "tableParts", "extLst")
    for i, child in enumerate(ws):
        if etree.QName(child).localname in after:
            ws.insert(i, el)
            break
    else:
        ws.append(el)
    parts[sheet] = etree.tostring(ws, xml_declaration=True, encoding="UTF-8", standalone=True)

    parts[part] = drawing_xml.encode("utf-8")
    ct = etree.fromstring(parts["[Content_Types].xml"])
    etree.SubElement(ct, f"{{{CT}}}Override", PartName="/" + part, ContentType=DRAWING_CT)
    if images:
        d_dir, d_base = os.path.split(part)
        d_rels = etree.Element(f"{{{PKG_RELS}}}Relationships", nsmap={None: PKG_RELS})
        for n, (image_rid, data) in enumerate(images.items(), 1):
            parts[f"xl/media/image{n}.png"] = data
            etree.SubElement(d_rels, f"{{{PKG_RELS}}}Relationship", Id=image_rid, Type=IMAGE_TYPE,
                             Target=f"../media/image{n}.png")
        parts[f"{d_dir}/_rels/{d_base}.rels"] = etree.tostring(
            d_rels, xml_declaration=True, encoding="UTF-8", standalone=True)
        if not any(d.get("Extension") == "png" for d in ct.findall(f"{{{CT}}}Default")):
            ct.insert(0, etree.Element(f"{{{CT}}}Default", Extension="png", ContentType="image/png"))
    parts["[Content_Types].xml"] = etree.tostring(ct, xml_declaration=True, encoding="UTF-8",
                                                  standalone=True)

    fd, tmp = tempfile.mkstemp(suffix=".xlsx", dir=path.parent)
    os.close(fd)
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts.items():
            zout.writestr(name, data)
    os.replace(tmp, path)


# -- a small SOP sheet -----------------------------------------------------------------------

# Columns: A No, B Kegiatan, C..E Pelaksana, F Kelengkapan, G Waktu, H Output, I Keterangan.
ROLES = ("Pemohon", "Staf", "Kepala Bagian")
ROLE_COLS = (2, 3, 4)
SOP_LAYOUT = Layout(
    col_widths={0: 5.0, 1: 40.0, 2: 16.0, 3: 16.0, 4: 16.0, 5: 18.0, 6: 10.0, 7: 18.0, 8: 16.0},
    row_heights={**{r: 45.0 for r in range(2, 12)}},
)


def sop_cells(kegiatan: Iterable[str], first_row: int = 2) -> dict[str, object]:
    """Header on rows 1-2 and one numbered step per row from ``first_row`` (zero-based)."""
    cells: dict[str, object] = {"A1": "No", "B1": "Kegiatan", "C1": "Pelaksana", "F1": "Mutu Baku",
                                "I1": "Keterangan", "F2": "Kelengkapan", "G2": "Waktu", "H2": "Output"}
    for col, role in zip(ROLE_COLS, ROLES):
        cells[f"{get_column_letter(col + 1)}2"] = role
    for n, text in enumerate(kegiatan, 1):
        row = first_row + n  # one-based row of step n
        cells[f"A{row}"] = n
        cells[f"B{row}"] = text
        cells[f"G{row}"] = "10 menit"
    return cells
