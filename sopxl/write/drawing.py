"""Drawn flowcharts into an xlsx package: DrawingML shapes and connectors, nothing else touched.

``sopxl draw`` lays a flowchart out (``sopxl.draw``) as a ``Chart`` in EMU measured from the
sheet's top-left corner; this module turns it into ``xl/drawings/drawingN.xml`` anchors and
puts them into the package::

    xl/worksheets/sheetN.xml             + <drawing r:id=…/>   (only when it had no drawing)
    xl/worksheets/_rels/sheetN.xml.rels  + drawing relationship (created when missing)
    xl/drawings/drawingN.xml             new part, or the sheet's own drawing with the shapes
                                         sopxl drew before removed and ours appended
    [Content_Types].xml                  + Override for a new drawing part

Every other entry of the zip is copied byte for byte. Each anchor we write carries
``descr="sopxl:bagan"`` on its ``xdr:cNvPr`` (the mark ``sopxl.read.drawing`` reads as
``drawn_by_sopxl``), so drawing again replaces exactly what sopxl drew and keeps the
office's own shapes and pictures.

Anchors are ``xdr:twoCellAnchor`` (move and size with the cells), so a shape stays in its
cell when rows are made taller.
"""
from __future__ import annotations

import bisect
import os
import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from ..errors import WriteError
from ..read.drawing import SOPXL_DESCR
from ..read.geometry import SheetGeometry
from ..read.safezip import SafeZip
from .package import _check_target, _commit, _Entry, _new_info

XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml"
CONTENT_TYPES = "[Content_Types].xml"
# Transitional and ISO strict spellings: (worksheet namespace, relationship namespace).
_REL_NS = {
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main":
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/spreadsheetml/main":
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
}
# CT_Worksheet children that come after <drawing>; it goes before the first one present.
_AFTER_DRAWING = ("legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects",
                  "controls", "webPublishItems", "tableParts", "extLst")

# Connection sites of the four flowchart presets (and of the rectangle a label is):
# DrawingML numbers them top, left, bottom, right.
TOP, LEFT, BOTTOM, RIGHT = 0, 1, 2, 3

Point = tuple[float, float]  # (x, y) in EMU from the sheet's top-left corner


# -- what to draw ----------------------------------------------------------------------------


@dataclass
class SymbolSpec:
    """A flowchart symbol: a preset shape in a box (EMU)."""

    key: int  # the symbol's number in its chart; lines name symbols by it
    preset: str  # flowChartTerminator | flowChartProcess | flowChartDecision | flowChartOffpageConnector
    x: float
    y: float
    w: float
    h: float
    text: str = ""


@dataclass
class LineSpec:
    """An arrow from one symbol's connection site to another's.

    ``preset`` is straightConnector1 (one segment), bentConnector2 (horizontal, then
    vertical) or bentConnector3 (horizontal, vertical at ``bend_x``, horizontal).
    """

    start: int
    start_site: int
    end: int
    end_site: int
    p0: Point
    p1: Point
    preset: str = "straightConnector1"
    bend_x: float | None = None
    arrow: bool = True


@dataclass
class LabelSpec:
    """A branch label ("Ya", "Tidak"): a text box without fill or outline."""

    x: float
    y: float
    w: float
    h: float
    text: str


@dataclass
class Chart:
    symbols: list[SymbolSpec] = field(default_factory=list)
    lines: list[LineSpec] = field(default_factory=list)
    labels: list[LabelSpec] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.symbols)


# -- the cell grid in EMU --------------------------------------------------------------------


class Axis:
    """Where each row (or column) starts, in EMU, grown on demand; and the way back."""

    def __init__(self, size: Callable[[int], int]):
        self.size = size
        self.starts = [0]

    def _grow(self, index: int) -> None:
        while len(self.starts) <= index + 1:
            self.starts.append(self.starts[-1] + self.size(len(self.starts) - 1))

    def start(self, index: int) -> int:
        self._grow(index)
        return self.starts[index]

    def end(self, index: int) -> int:
        return self.start(index + 1)

    def at(self, index: int, frac: float) -> float:
        return self.start(index) + frac * (self.end(index) - self.start(index))

    def locate(self, emu: float) -> tuple[int, int]:
        """EMU -> (cell index, offset in EMU inside it)."""
        emu = max(0.0, emu)
        while self.starts[-1] <= emu:
            before = len(self.starts)
            self._grow(len(self.starts) + 64)
            if self.starts[-1] == self.starts[before - 1]:
                break  # only hidden cells ahead: stop at the last one
        i = max(0, bisect.bisect_right(self.starts, emu) - 1)
        i = min(i, len(self.starts) - 2)
        return i, int(round(emu - self.starts[i]))


# -- DrawingML -------------------------------------------------------------------------------

_NSDECL = f'xmlns:xdr="{XDR}" xmlns:a="{A}"'
_BLACK = '<a:solidFill><a:srgbClr val="000000"/></a:solidFill>'


def _marker(tag: str, rows: Axis, cols: Axis, x: float, y: float) -> str:
    col, col_off = cols.locate(x)
    row, row_off = rows.locate(y)
    return (f"<xdr:{tag}><xdr:col>{col}</xdr:col><xdr:colOff>{col_off}</xdr:colOff>"
            f"<xdr:row>{row}</xdr:row><xdr:rowOff>{row_off}</xdr:rowOff></xdr:{tag}>")


def _anchor(obj: str, rows: Axis, cols: Axis, x: float, y: float, w: float, h: float) -> str:
    return (f"<xdr:twoCellAnchor {_NSDECL}>{_marker('from', rows, cols, x, y)}"
            f"{_marker('to', rows, cols, x + w, y + h)}{obj}<xdr:clientData/></xdr:twoCellAnchor>")


def _c_nv_pr(shape_id: int, name: str) -> str:
    return f'<xdr:cNvPr id="{shape_id}" name={quoteattr(name)} descr="{SOPXL_DESCR}"/>'


def _xfrm(x: float, y: float, w: float, h: float, flip_h: bool = False, flip_v: bool = False) -> str:
    flips = (' flipH="1"' if flip_h else "") + (' flipV="1"' if flip_v else "")
    return (f'<a:xfrm{flips}><a:off x="{int(round(x))}" y="{int(round(y))}"/>'
            f'<a:ext cx="{int(round(w))}" cy="{int(round(h))}"/></a:xfrm>')


def _paragraph(text: str, size: int) -> str:
    run = (f'<a:r><a:rPr lang="id-ID" sz="{size}">{_BLACK}</a:rPr><a:t>{escape(text)}</a:t></a:r>'
           if text else "")
    return f'<a:p><a:pPr algn="ctr"/>{run}<a:endParaRPr lang="id-ID" sz="{size}"/></a:p>'


def _symbol_xml(s: SymbolSpec, shape_id: int) -> str:
    return (
        f'<xdr:sp macro="" textlink="">'
        f'<xdr:nvSpPr>{_c_nv_pr(shape_id, f"Bagan {shape_id}")}<xdr:cNvSpPr/></xdr:nvSpPr>'
        f'<xdr:spPr>{_xfrm(s.x, s.y, s.w, s.h)}<a:prstGeom prst="{s.preset}"><a:avLst/></a:prstGeom>'
        f'<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="12700">{_BLACK}</a:ln></xdr:spPr>'
        f'<xdr:txBody><a:bodyPr vertOverflow="overflow" horzOverflow="overflow" wrap="square" '
        f'lIns="0" tIns="0" rIns="0" bIns="0" rtlCol="0" anchor="ctr"/><a:lstStyle/>'
        f'{_paragraph(s.text, 800)}</xdr:txBody></xdr:sp>'
    )


def _label_xml(lb: LabelSpec, shape_id: int) -> str:
    return (
        f'<xdr:sp macro="" textlink="">'
        f'<xdr:nvSpPr>{_c_nv_pr(shape_id, f"Label {shape_id}")}<xdr:cNvSpPr txBox="1"/></xdr:nvSpPr>'
        f'<xdr:spPr>{_xfrm(lb.x, lb.y, lb.w, lb.h)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'<a:noFill/><a:ln><a:noFill/></a:ln></xdr:spPr>'
        f'<xdr:txBody><a:bodyPr vertOverflow="overflow" horzOverflow="overflow" wrap="none" '
        f'lIns="0" tIns="0" rIns="0" bIns="0" rtlCol="0" anchor="ctr"/><a:lstStyle/>'
        f'{_paragraph(lb.text, 800)}</xdr:txBody></xdr:sp>'
    )


MIN_EXTENT = 12700  # 1 pt: a zero-width frame would leave a bent connector no room to bend


def _line_frame(ln: LineSpec) -> tuple[float, float, float, float, bool, bool]:
    (x0, y0), (x1, y1) = ln.p0, ln.p1
    w, h = abs(x1 - x0), abs(y1 - y0)
    if ln.preset == "bentConnector3" and w < MIN_EXTENT:
        w = MIN_EXTENT
    return min(x0, x1), min(y0, y1), w, h, x1 < x0, y1 < y0


def _line_xml(ln: LineSpec, shape_id: int, ids: dict[int, int]) -> tuple[str, tuple[float, ...]]:
    x, y, w, h, flip_h, flip_v = _line_frame(ln)
    guides = ""
    if ln.preset == "bentConnector3" and ln.bend_x is not None:
        # In the connector's own frame the path starts at x = 0 and bends at adj1 / 100000 of its
        # width; a flip mirrors that, so measure from the start point in the direction it faces.
        along = (ln.bend_x - ln.p0[0]) * (-1 if flip_h else 1)
        guides = f'<a:gd name="adj1" fmla="val {int(round(along / w * 100000))}"/>'
    tail = '<a:tailEnd type="triangle" w="med" len="med"/>' if ln.arrow else ""
    xml = (
        f'<xdr:cxnSp macro="">'
        f'<xdr:nvCxnSpPr>{_c_nv_pr(shape_id, f"Panah {shape_id}")}<xdr:cNvCxnSpPr>'
        f'<a:stCxn id="{ids[ln.start]}" idx="{ln.start_site}"/>'
        f'<a:endCxn id="{ids[ln.end]}" idx="{ln.end_site}"/></xdr:cNvCxnSpPr></xdr:nvCxnSpPr>'
        f'<xdr:spPr>{_xfrm(x, y, w, h, flip_h, flip_v)}<a:prstGeom prst="{ln.preset}">'
        f'<a:avLst>{guides}</a:avLst></a:prstGeom>'
        f'<a:ln w="12700">{_BLACK}{tail}</a:ln></xdr:spPr></xdr:cxnSp>'
    )
    return xml, (x, y, w, h)


def chart_anchors(chart: Chart, geometry: SheetGeometry, first_id: int) -> list[str]:
    """The chart as twoCellAnchor XML strings, with shape ids from ``first_id`` on."""
    rows, cols = Axis(geometry.row_emu), Axis(geometry.col_emu)
    out: list[str] = []
    ids: dict[int, int] = {}
    next_id = first_id
    for s in chart.symbols:
        ids[s.key] = next_id
        out.append(_anchor(_symbol_xml(s, next_id), rows, cols, s.x, s.y, s.w, s.h))
        next_id += 1
    for ln in chart.lines:
        xml, (x, y, w, h) = _line_xml(ln, next_id, ids)
        out.append(_anchor(xml, rows, cols, x, y, w, h))
        next_id += 1
    for lb in chart.labels:
        out.append(_anchor(_label_xml(lb, next_id), rows, cols, lb.x, lb.y, lb.w, lb.h))
        next_id += 1
    return out


# -- the package edit ------------------------------------------------------------------------


def _is_ours(anchor: etree._Element) -> bool:
    """An anchor whose object sopxl drew as a flowchart (its own cNvPr says so)."""
    for c_nv in anchor.iter(f"{{{XDR}}}cNvPr"):
        descr = (c_nv.get("descr") or "").strip().lower()
        name = (c_nv.get("name") or "").strip().lower()
        return descr.startswith(SOPXL_DESCR) or name.startswith(SOPXL_DESCR)
    return False


def _max_id(root: etree._Element) -> int:
    best = 1
    for c_nv in root.iter(f"{{{XDR}}}cNvPr"):
        try:
            best = max(best, int(c_nv.get("id", "0")))
        except ValueError:
            pass
    return best


def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


class _DrawEdit:
    """The parts of one package that drawing changes, and their new bytes."""

    def __init__(self, z: SafeZip):
        self.z = z
        self.changed: dict[str, bytes] = {}
        self.content_types: etree._Element | None = None

    def _names(self) -> set[str]:
        return set(self.z.names) | set(self.changed)

    def put(self, sheet_part: str, chart: Chart, geometry: SheetGeometry) -> int:
        """Replace sopxl's flowchart on one sheet by ``chart``; returns the shapes written."""
        z = self.z
        drawing = None
        for rtype, target in z.rels(sheet_part).values():
            if rtype.endswith("/drawing") and z.has(target):
                drawing = target
                break
        if drawing is None:
            if not chart:
                return 0
            drawing = self._attach_drawing(sheet_part)
            root = etree.fromstring(f'<xdr:wsDr {_NSDECL}/>'.encode())
        else:
            root = z.xml(drawing)
            if etree.QName(root).localname != "wsDr":
                raise WriteError(f"Bagian gambar {drawing} tidak dikenali; bagan tidak digambar.",
                                 code="TULIS-GAMBAR", path=z.path,
                                 message_en=f"The drawing part {drawing} is not recognised; the "
                                            "flowchart was not drawn.")
            for anchor in list(root):
                if isinstance(anchor.tag, str) and _is_ours(anchor):
                    root.remove(anchor)
        anchors = chart_anchors(chart, geometry, _max_id(root) + 1)
        for xml in anchors:
            root.append(etree.fromstring(xml.encode()))
        self.changed[drawing] = _serialize(root)
        return len(anchors)

    def _attach_drawing(self, sheet_part: str) -> str:
        """A new drawing part for a sheet: relationship, <drawing> element, content type."""
        z = self.z
        names = self._names()
        n = 1
        while f"xl/drawings/drawing{n}.xml" in names:
            n += 1
        part = f"xl/drawings/drawing{n}.xml"

        sheet = etree.fromstring(self.changed.get(sheet_part) or z.read(sheet_part))
        main = etree.QName(sheet).namespace or ""
        rel_ns = _REL_NS.get(main, _REL_NS[next(iter(_REL_NS))])

        rels_part = _rels_name(sheet_part)
        if rels_part in self.changed or z.has(rels_part):
            rels = etree.fromstring(self.changed.get(rels_part) or z.read(rels_part))
        else:
            # lxml-stubs types nsmap as Mapping[str, str], but lxml takes None as the default namespace's key.
            rels = etree.Element(f"{{{PKG_REL}}}Relationships", nsmap={None: PKG_REL})  # type: ignore[dict-item]
        taken = {r.get("Id") for r in rels}
        k = 1
        while f"rId{k}" in taken:
            k += 1
        rid = f"rId{k}"
        target = posixpath.relpath(part, posixpath.dirname(sheet_part))
        etree.SubElement(rels, f"{{{PKG_REL}}}Relationship", Id=rid, Type=f"{rel_ns}/drawing",
                         Target=target)
        self.changed[rels_part] = _serialize(rels)

        el = etree.Element(f"{{{main}}}drawing", nsmap={"r": rel_ns})
        el.set(f"{{{rel_ns}}}id", rid)
        for i, child in enumerate(sheet):
            if isinstance(child.tag, str) and etree.QName(child).localname in _AFTER_DRAWING:
                sheet.insert(i, el)
                break
        else:
            sheet.append(el)
        self.changed[sheet_part] = _serialize(sheet)

        if self.content_types is None:
            self.content_types = z.xml(CONTENT_TYPES)
        etree.SubElement(self.content_types, f"{{{CT_NS}}}Override", PartName="/" + part,
                         ContentType=CT_DRAWING)
        self.changed[CONTENT_TYPES] = _serialize(self.content_types)
        return part

    def entries(self) -> list[_Entry]:
        """Every original entry in its order (changed ones with new bytes), then new parts."""
        out = []
        for name, info in self.z.names.items():
            if name in self.changed:
                out.append(_Entry(_new_info(name, info), self.changed[name]))
            else:
                out.append(_Entry(info, self.z.read(name)))
        for name, data in self.changed.items():
            if name not in self.z.names:
                out.append(_Entry(_new_info(name), data))
        return out


def check_output(source: str, output: str | None) -> tuple[str, str]:
    """(path shown to the user, real target path); refuses before any work is done."""
    written = output if output is not None else source
    target = os.path.realpath(written)
    if output is not None:
        src_ext = os.path.splitext(source)[1].lower()
        if os.path.splitext(target)[1].lower() != src_ext:
            raise WriteError(f"Berkas keluaran harus berekstensi {src_ext or '(tanpa ekstensi)'} seperti "
                             "berkas aslinya.", code="TULIS-EKSTENSI", path=written,
                             message_en=f"The output file must have the extension {src_ext or '(none)'} "
                                        "like the original.")
    _check_target(target, shown=written)
    return written, target


def write_charts(source: str, charts: Sequence[tuple[str, Chart, SheetGeometry]], *,
                 output: str | None = None) -> tuple[str, int]:
    """Put each (sheet part, chart, geometry) into the package; returns (path written, shapes).

    The result goes to a temporary file beside the target and replaces it only when it
    reopens cleanly; on any failure the target is untouched.
    """
    written, target = check_output(source, output)
    with SafeZip(source) as z:
        edit = _DrawEdit(z)
        count = sum(edit.put(part, chart, geometry) for part, chart, geometry in charts)
        entries = edit.entries()
        _commit(target, entries, shown=written)
    return written, count

