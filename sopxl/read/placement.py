"""Where a DrawingML object lands on the cell grid: anchors, group transforms, frames, EMU.

``sopxl.read.drawing`` walks the anchors of a drawing part; this module turns what an anchor
and the ``a:xfrm`` of its object (and of the groups around it) say into fractional zero-based
(row, column) positions of the sheet (``SheetGeometry``)::

    anchor  twoCellAnchor / oneCellAnchor  -> CellOrigin (a cell plus an offset in EMU)
            absoluteAnchor                 -> PointOrigin (EMU from the sheet's corner)
    group   a:off/a:ext over a:chOff/a:chExt -> Transform (child EMU -> EMU from the anchor)
    object  a:xfrm                         -> Frame (box, rotation, flips) -> Place.box_of/ends

Numbers in the file are untrusted: a measure that cannot be read counts as 0, and a huge one
is capped, so no anchor can make a walk over the grid long.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Union

from lxml import etree

from .geometry import SheetGeometry
from .safezip import NS

Transform = tuple[float, float, float, float]  # x -> ax*x + bx, y -> ay*y + by


# -- numbers ---------------------------------------------------------------------------------

_UNIT_EMU = {"in": 914400, "cm": 360000, "mm": 36000, "pt": 12700, "pc": 152400, "pi": 152400}
_MEASURE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(in|cm|mm|pt|pc|pi)?\s*$")
_LIMIT = 2**53  # larger numbers are nonsense; keep them from turning into huge floats


def emu(text: str | None) -> float:
    """An ST_Coordinate: EMU as an integer, or a universal measure such as "2.5cm"."""
    if not text:
        return 0.0
    try:
        value = float(int(text))  # the usual case, and the quickest
        return max(-_LIMIT, min(_LIMIT, value))
    except (ValueError, OverflowError):
        pass
    m = _MEASURE.match(text)
    if not m:
        return 0.0
    value = float(m.group(1)) * _UNIT_EMU.get(m.group(2) or "", 1)
    return max(-_LIMIT, min(_LIMIT, value)) if math.isfinite(value) else 0.0


def emu_int(text: str | None) -> int:
    return int(emu(text))


# -- where a shape lands ---------------------------------------------------------------------


def _walk(position: Callable[[int, int], float], size: Callable[[int], int], index: int,
          offset: float) -> float:
    """``position(index, offset)``, also stepping back over earlier cells for a negative offset."""
    steps = 0
    # Children of a group may sit a little above or left of its anchor when the file's xfrm is
    # stale; a hostile offset cannot make this loop long.
    while offset < 0 and index > 0 and steps < 1_000:
        index -= 1
        offset += size(index)
        steps += 1
    return position(index, max(0, round(offset)))


@dataclass(frozen=True)
class CellOrigin:
    """The top-left corner of a cell anchor: a cell plus an offset in EMU."""

    g: SheetGeometry
    col: int
    col_off: int
    row: int
    row_off: int

    def at(self, dx: float, dy: float) -> tuple[float, float]:
        return (_walk(self.g.row_position, self.g.row_emu, self.row, self.row_off + dy),
                _walk(self.g.col_position, self.g.col_emu, self.col, self.col_off + dx))


@dataclass(frozen=True)
class PointOrigin:
    """The top-left corner of an absolute anchor, in EMU from the sheet's corner."""

    g: SheetGeometry
    x: float
    y: float

    def at(self, dx: float, dy: float) -> tuple[float, float]:
        return self.g.point_to_position(max(0, round(self.x + dx)), max(0, round(self.y + dy)))


Origin = Union[CellOrigin, PointOrigin]


@dataclass(frozen=True)
class Frame:
    """An ``a:xfrm``: box in EMU (in its parent's coordinates), rotation, flips."""

    x: float
    y: float
    w: float
    h: float
    rot: float = 0.0  # degrees, clockwise
    flip_h: bool = False
    flip_v: bool = False

    def bbox(self) -> tuple[float, float, float, float]:
        """The box an anchor stores for this frame: (x, y, w, h).

        Excel anchors a shape turned by 45°..135° (or 225°..315°) by its frame turned a
        quarter, so a connector written with rot="5400000" has its anchor around the line as
        it is seen.
        """
        a = self.rot % 180
        if 45 <= a < 135:
            cx, cy = self.x + self.w / 2, self.y + self.h / 2
            return cx - self.h / 2, cy - self.w / 2, self.h, self.w
        return self.x, self.y, self.w, self.h

    def ends(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """A line's first and last point (x, y): the frame's corners after flips and turn."""
        x0, x1 = self.x, self.x + self.w
        y0, y1 = self.y, self.y + self.h
        if self.flip_h:
            x0, x1 = x1, x0
        if self.flip_v:
            y0, y1 = y1, y0
        if not self.rot:
            return (x0, y0), (x1, y1)
        cx, cy = self.x + self.w / 2, self.y + self.h / 2
        t = math.radians(self.rot)
        cos, sin = math.cos(t), math.sin(t)

        def turn(x: float, y: float) -> tuple[float, float]:
            # y grows downwards, so this turns clockwise on screen.
            return cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos

        return turn(x0, y0), turn(x1, y1)


def flag(el: etree._Element, name: str) -> bool:
    return el.get(name) in ("1", "true")


def read_frame(xfrm: etree._Element | None) -> Frame | None:
    if xfrm is None:
        return None
    off, ext = xfrm.find("a:off", NS), xfrm.find("a:ext", NS)
    return Frame(
        x=emu(off.get("x")) if off is not None else 0.0,
        y=emu(off.get("y")) if off is not None else 0.0,
        w=emu(ext.get("cx")) if ext is not None else 0.0,
        h=emu(ext.get("cy")) if ext is not None else 0.0,
        rot=emu(xfrm.get("rot")) / 60_000,
        flip_h=flag(xfrm, "flipH"),
        flip_v=flag(xfrm, "flipV"),
    )


def group_transform(xfrm: etree._Element | None, parent: Transform | None) -> Transform:
    """Child coordinates of a group -> EMU from its anchor's corner.

    ``parent`` maps the group's own coordinates the same way; None for a group that is the
    anchor's object, whose a:off is where the anchor starts.
    """
    frame = read_frame(xfrm)
    if frame is None:
        return parent or (1.0, 0.0, 1.0, 0.0)
    if parent is None:
        parent = (1.0, -frame.x, 1.0, -frame.y)
    ch_off = xfrm.find("a:chOff", NS) if xfrm is not None else None
    ch_ext = xfrm.find("a:chExt", NS) if xfrm is not None else None
    chx = emu(ch_off.get("x")) if ch_off is not None else frame.x
    chy = emu(ch_off.get("y")) if ch_off is not None else frame.y
    chw = emu(ch_ext.get("cx")) if ch_ext is not None else frame.w
    chh = emu(ch_ext.get("cy")) if ch_ext is not None else frame.h
    sx = frame.w / chw if chw else 1.0
    sy = frame.h / chh if chh else 1.0
    pax, pbx, pay, pby = parent
    # child x -> group x: frame.x + (x - chx) * sx; then the parent's mapping.
    return (pax * sx, pax * (frame.x - chx * sx) + pbx, pay * sy, pay * (frame.y - chy * sy) + pby)


@dataclass(frozen=True)
class Place:
    """Where an object's coordinates land: its anchor, and the groups it sits in."""

    origin: Origin
    box: tuple[float, float, float, float]  # the anchor: top, left, bottom, right
    transform: Transform | None = None  # inside a group: child EMU -> EMU from the anchor

    def point(self, x: float, y: float) -> tuple[float, float]:
        assert self.transform is not None
        ax, bx, ay, by = self.transform
        return self.origin.at(ax * x + bx, ay * y + by)

    def box_of(self, frame: Frame | None) -> tuple[float, float, float, float]:
        if self.transform is None or frame is None:
            # The anchor's cells are what Excel shows; a top-level a:xfrm may be stale.
            return self.box
        x, y, w, h = frame.bbox()
        t, left = self.point(x, y)
        b, r = self.point(x + w, y + h)
        return min(t, b), min(left, r), max(t, b), max(left, r)

    def ends(self, frame: Frame | None) -> tuple[tuple[float, float], tuple[float, float]]:
        """A line's first and last point as (row_pos, col_pos)."""
        top, left, bottom, right = self.box_of(frame)
        if frame is None:
            return (top, left), (bottom, right)
        p0, p1 = frame.ends()
        if self.transform is not None:
            return self.point(*p0), self.point(*p1)
        # Top level: where each end sits within the frame, carried over to the anchor's cells.
        x, y, w, h = frame.bbox()

        def inside(p: tuple[float, float]) -> tuple[float, float]:
            fx = (p[0] - x) / w if w else 0.0
            fy = (p[1] - y) / h if h else 0.0
            return top + fy * (bottom - top), left + fx * (right - left)

        return inside(p0), inside(p1)
