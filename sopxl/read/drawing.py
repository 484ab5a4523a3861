"""Shapes drawn on a sheet: ``xl/drawings/drawingN.xml`` (DrawingML) -> ``grid.Shape`` list.

Many offices draw the SOP flowchart with Excel shapes over the role cells instead of typing
symbols into them. This module reads those shapes and places them on the cell grid;
``sopxl.parse.shapes`` then assigns them to steps and roles. The part looks like this:

    xdr:wsDr
    ├── xdr:twoCellAnchor    from (cell + EMU offset) .. to (cell + EMU offset)
    ├── xdr:oneCellAnchor    from (cell + EMU offset) + ext (size in EMU)
    ├── xdr:absoluteAnchor   pos (EMU from the sheet's corner) + ext
    │     └── one object:  xdr:sp          a shape (a:prstGeom/@prst), maybe with text
    │                      xdr:cxnSp       a connector, a:stCxn/a:endCxn name the shapes it joins
    │                      xdr:grpSp       a group; children sit in the group's own coordinates
    │                                      (a:chOff/a:chExt), scaled onto its a:off/a:ext
    │                      xdr:pic                a picture: kind "picture", no text
    │                      xdr:graphicFrame       charts: skipped
    └── mc:AlternateContent  around an anchor or an object: mc:Choice when we understand what
                             it requires, else mc:Fallback

Positions are fractional zero-based row/column positions (``SheetGeometry``), worked out
by ``sopxl.read.placement``.

Connectors keep their direction. For ``kind == "connector"`` the shape's (top, left) is the
point where the arrow starts and (bottom, right) the point it ends at, so ``bottom < top``
for an arrow drawn upward; ``start_id``/``end_id`` follow the same direction. A line whose
only arrowhead sits at its first point (``a:headEnd``) is read the other way round.

A shape sopxl drew itself carries ``descr="sopxl:…"`` (``SOPXL_DESCR`` for the flowchart) on
its ``xdr:cNvPr``, or a name starting with ``sopxl:``; so does every shape in such a group.
"""
from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from ..grid import Shape
from ..resources import load_data
from .geometry import SheetGeometry
from .placement import CellOrigin, Origin, Place, PointOrigin, emu, emu_int, flag, group_transform, read_frame
from .safezip import NS, SafeZip

MAX_SHAPES = 20_000  # shapes returned for one sheet
MAX_ELEMENTS = 200_000  # anchors, groups and shapes looked at, returned or not
MAX_DEPTH = 32  # groups inside groups

SOPXL_MARK = "sopxl:"
SOPXL_DESCR = "sopxl:bagan"  # what ``sopxl draw`` writes on the shapes of a flowchart

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_A14 = "http://schemas.microsoft.com/office/drawing/2010/main"
# mc:Choice content we can read: plain DrawingML, perhaps with Office 2010+ extensions inside.
_UNDERSTOOD = frozenset({
    NS["xdr"], NS["a"], _A14,
    "http://schemas.microsoft.com/office/drawing/2014/main",
})
_SHAPES = ("sp", "cxnSp", "grpSp")
_SKIPPED = ("pic", "graphicFrame", "contentPart")

def read_shapes(z: SafeZip, part: str, geometry: SheetGeometry) -> list[Shape]:
    """The shapes of one drawing part, in document order, placed with the sheet's geometry."""
    root = z.xml(part)
    if _local(root) != "wsDr":
        return []
    reader = _Reader(geometry)
    for anchor in _children(root):
        if reader.full():
            break
        reader.anchor(anchor)
    return reader.shapes


def shape_kinds() -> dict[str, str]:
    """Preset geometry -> kind, from ``sopxl/data/shapes.json``."""
    return load_data("shapes.json")["kinds"]


# -- mc:AlternateContent ---------------------------------------------------------------------


def _local(el: etree._Element) -> str:
    tag = el.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _children(el: etree._Element) -> Iterator[etree._Element]:
    """Child elements, with each mc:AlternateContent replaced by the branch we can read."""
    for child in el:
        if not isinstance(child.tag, str):
            continue  # comments, processing instructions
        if child.tag == f"{{{_MC}}}AlternateContent":
            chosen = _choose(child)
            if chosen is not None:
                yield from _children(chosen)
        else:
            yield child


def _choose(alt: etree._Element) -> etree._Element | None:
    choices = alt.findall(f"{{{_MC}}}Choice")
    for choice in choices:
        if _understood(choice):
            return choice
    if any(_local(e) in _SKIPPED for choice in choices for e in choice.iter()):
        # A chart or picture we would skip anyway (e.g. a chartex chart): its fallback is a
        # stand-in box saying "this chart isn't available", not a flowchart shape.
        return None
    return alt.find(f"{{{_MC}}}Fallback")


def _understood(choice: etree._Element) -> bool:
    prefixes = choice.get("Requires", "").split()
    return all(choice.nsmap.get(p) in _UNDERSTOOD for p in prefixes)


# -- the reader ------------------------------------------------------------------------------


class _Reader:
    def __init__(self, geometry: SheetGeometry):
        self.g = geometry
        self.shapes: list[Shape] = []
        self.seen = 0

    def full(self) -> bool:
        return len(self.shapes) >= MAX_SHAPES or self.seen >= MAX_ELEMENTS

    def anchor(self, el: etree._Element) -> None:
        self.seen += 1
        place = self._place(el)
        if place is None:
            return
        for obj in _children(el):
            name = _local(obj)
            if name in _SHAPES:
                self.object(obj, place, 0, False)
                return
            if name == "pic":
                self.picture(obj, place)
                return
            if name in _SKIPPED:
                return

    def _place(self, el: etree._Element) -> Place | None:
        kind = _local(el)
        g = self.g
        origin: Origin
        if kind in ("twoCellAnchor", "oneCellAnchor"):
            cell = _cell_origin(g, el.find("xdr:from", NS))
            if cell is None:
                return None
            origin = cell
            top, left = cell.at(0, 0)
            if kind == "twoCellAnchor":
                to = _cell_origin(g, el.find("xdr:to", NS))
                if to is None:
                    return None
                bottom, right = to.at(0, 0)
            else:
                cx, cy = _ext(el)
                bottom, right = cell.at(cx, cy)
        elif kind == "absoluteAnchor":
            pos = el.find("xdr:pos", NS)
            if pos is None:
                return None
            point = PointOrigin(g, max(0.0, emu(pos.get("x"))), max(0.0, emu(pos.get("y"))))
            origin = point
            top, left = point.at(0, 0)
            cx, cy = _ext(el)
            bottom, right = point.at(cx, cy)
        else:
            return None
        box = (min(top, bottom), min(left, right), max(top, bottom), max(left, right))
        return Place(origin, box)

    def object(self, el: etree._Element, place: Place, depth: int, sopxl: bool) -> None:
        self.seen += 1
        if self.full():
            return
        name = _local(el)
        if name == "grpSp":
            if depth >= MAX_DEPTH:
                return
            c_nv = el.find("xdr:nvGrpSpPr/xdr:cNvPr", NS)
            if c_nv is not None and flag(c_nv, "hidden"):
                return
            sopxl = sopxl or _by_sopxl(c_nv)
            transform = group_transform(el.find("xdr:grpSpPr/a:xfrm", NS), place.transform)
            inner = Place(place.origin, place.box, transform)
            for child in _children(el):
                if _local(child) in _SHAPES:
                    self.object(child, inner, depth + 1, sopxl)
                if self.full():
                    return
        elif name in ("sp", "cxnSp"):
            shape = self.shape(el, name, place, sopxl)
            if shape is not None:
                self.shapes.append(shape)

    def picture(self, el: etree._Element, place: Place) -> None:
        """A picture, as ``kind == "picture"``: some offices paste their flowchart symbols as
        images over the role cells (``sopxl.parse.shapes`` decides what one stands for)."""
        c_nv = el.find("xdr:nvPicPr/xdr:cNvPr", NS)
        if c_nv is not None and flag(c_nv, "hidden"):
            return
        sp_pr = el.find("xdr:spPr", NS)
        frame = read_frame(sp_pr.find("a:xfrm", NS) if sp_pr is not None else None)
        shape = Shape(id=emu_int(c_nv.get("id")) if c_nv is not None else 0,
                      name=c_nv.get("name", "") if c_nv is not None else "", kind="picture",
                      preset="pic", top=0.0, left=0.0, bottom=0.0, right=0.0,
                      drawn_by_sopxl=_by_sopxl(c_nv))
        shape.top, shape.left, shape.bottom, shape.right = place.box_of(frame)
        self.shapes.append(shape)

    def shape(self, el: etree._Element, name: str, place: Place, sopxl: bool) -> Shape | None:
        nv = el.find("xdr:nvSpPr" if name == "sp" else "xdr:nvCxnSpPr", NS)
        c_nv = nv.find("xdr:cNvPr", NS) if nv is not None else None
        if c_nv is not None and (flag(c_nv, "hidden")
                                 or c_nv.find(f".//{{{_A14}}}compatExt") is not None):
            # Hidden shapes are not part of what the page shows; compatExt marks the stand-in
            # of an old form control (check box, button).
            return None
        sp_pr = el.find("xdr:spPr", NS)
        geom = sp_pr.find("a:prstGeom", NS) if sp_pr is not None else None
        preset = geom.get("prst", "") if geom is not None else ""
        frame = read_frame(sp_pr.find("a:xfrm", NS) if sp_pr is not None else None)
        text = _text(el)
        kind = _kind(name, nv, preset, sp_pr, text)
        shape = Shape(
            id=emu_int(c_nv.get("id")) if c_nv is not None else 0,
            name=c_nv.get("name", "") if c_nv is not None else "",
            kind=kind, preset=preset, top=0.0, left=0.0, bottom=0.0, right=0.0, text=text,
            drawn_by_sopxl=sopxl or _by_sopxl(c_nv),
        )
        if kind == "connector":
            start, end = place.ends(frame)
            ids = _glue(nv)
            if _arrow_at_start_only(sp_pr):
                start, end = end, start
                ids = ids[1], ids[0]
            (shape.top, shape.left), (shape.bottom, shape.right) = start, end
            shape.start_id, shape.end_id = ids
        else:
            shape.top, shape.left, shape.bottom, shape.right = place.box_of(frame)
        return shape


def _cell_origin(g: SheetGeometry, marker: etree._Element | None) -> CellOrigin | None:
    if marker is None:
        return None
    # One pass over the four children: anchors are the bulk of a big drawing.
    v = {_local(c): emu_int(c.text) for c in marker}
    return CellOrigin(g, v.get("col", 0), v.get("colOff", 0), v.get("row", 0), v.get("rowOff", 0))


def _ext(anchor: etree._Element) -> tuple[float, float]:
    ext = anchor.find("xdr:ext", NS)
    if ext is None:
        return 0.0, 0.0
    return max(0.0, emu(ext.get("cx"))), max(0.0, emu(ext.get("cy")))


def _by_sopxl(c_nv: etree._Element | None) -> bool:
    if c_nv is None:
        return False
    return any((c_nv.get(a) or "").strip().lower().startswith(SOPXL_MARK) for a in ("descr", "name"))


def _kind(name: str, nv: etree._Element | None, preset: str, sp_pr: etree._Element | None,
          text: str) -> str:
    if name == "cxnSp":
        return "connector"
    c_nv_sp = nv.find("xdr:cNvSpPr", NS) if nv is not None else None
    if c_nv_sp is not None and flag(c_nv_sp, "txBox"):
        return "text"
    kind = shape_kinds().get(preset, "other")
    if preset == "rect" and text and sp_pr is not None and sp_pr.find("a:noFill", NS) is not None \
            and sp_pr.find("a:ln/a:noFill", NS) is not None:
        # A rectangle with neither fill nor outline shows only its text: a label ("Ya").
        return "text"
    return kind


def _text(el: etree._Element) -> str:
    """The shape's text: runs joined, paragraphs joined with a space, spaces collapsed."""
    body = el.find("xdr:txBody", NS)
    if body is None:
        return ""
    paragraphs = []
    for p in body.iterfind("a:p", NS):
        parts = []
        for node in p.iter(f"{{{NS['a']}}}t", f"{{{NS['a']}}}br"):
            parts.append((node.text or "") if _local(node) == "t" else " ")
        line = " ".join("".join(parts).split())
        if line:
            paragraphs.append(line)
    return " ".join(paragraphs)


def _glue(nv: etree._Element | None) -> tuple[int | None, int | None]:
    """The ids of the shapes a connector's first and last point are glued to."""
    if nv is None:
        return None, None
    out: list[int | None] = []
    for name in ("stCxn", "endCxn"):
        found = nv.find(f"xdr:cNvCxnSpPr/a:{name}", NS)
        out.append(emu_int(found.get("id")) if found is not None and found.get("id") else None)
    return out[0], out[1]


def _arrow_at_start_only(sp_pr: etree._Element | None) -> bool:
    if sp_pr is None:
        return False

    def has(name: str) -> bool:
        found = sp_pr.find(f"a:ln/a:{name}", NS)
        return found is not None and found.get("type", "none") != "none"

    return has("headEnd") and not has("tailEnd")
