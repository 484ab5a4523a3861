"""Printed pages of a flowchart: where the pages break, and the off-page connector pairs.

An arrow never runs over a printed page break (``page_breaks``): it stops at an off-page
connector (segi lima) and goes on from a second one with the same letter on the other page::

    next page    step -> "A" just below it, at the foot of its page;
                 "A" just above the target, at the head of the next page -> target
    earlier page step -> "A" left of it; "A" left of the target -> target (as loops go up)

The connectors share the step's cell with its symbol, which moves or shrinks to make room
(``make_room``), so nothing is drawn over the rows between steps (a repeated header, a blank
row).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..read.geometry import EMU_PER_PT, SheetGeometry
from ..read.printsetup import PrintSetup
from ..write.drawing import BOTTOM, LEFT, TOP, LabelSpec
from .symbols import ARROW, GAP, OFF_H, OFF_W, PRESETS, Node

__all__ = ["page_breaks", "Jump", "make_room", "connectors", "clear_of"]

# paperSize code -> (width, height) in mm, portrait. F4 has no code of its own: offices print
# it as code 14, Folio 8.5 x 13 in.
PAPER_MM = {1: (215.9, 279.4), 5: (215.9, 355.6), 8: (297.0, 420.0), 9: (210.0, 297.0),
            11: (148.0, 210.0), 13: (182.0, 257.0), 14: (215.9, 330.2)}
DEFAULT_PAPER = 9  # A4, when the file leaves the choice to the printer
PT_PER_MM = 72 / 25.4


def page_breaks(setup: PrintSetup, geometry: SheetGeometry, last_row: int) -> list[int]:
    """Where the printed pages of a sheet begin after the first: zero-based first rows.

    The manual breaks (``<rowBreaks>``) when the sheet has any: offices and sopxl's templates
    place them where a page must end. Otherwise an estimate, filling pages with row heights
    up to the printable height of the paper, orientation and margins, divided by the print
    scale (the fixed ``scale``, or the shrink that "fit to N pages wide/tall" needs, rounded
    down to a whole percent as Excel does); pages after the first lose the height of the
    repeated print titles. Limits of the estimate: Excel and LibreOffice measure columns with
    their own font metrics, so the scale may differ by a percent or two and a break land one
    row off on long sheets; header/footer text taller than its margin, page-break preview
    adjustments and printer hardware margins are not seen; with manual breaks, automatic
    breaks a too-long page would still get are not added.
    """
    start, end = 0, last_row
    first_col, last_col = 0, setup.last_col if setup.last_col is not None else 0
    if setup.area is not None:
        start, first_col, area_end, last_col = setup.area
        end = min(end, area_end)
    if setup.manual_breaks:
        return [b for b in setup.manual_breaks if start < b <= end]
    paper_w, paper_h = PAPER_MM.get(setup.paper or DEFAULT_PAPER, PAPER_MM[DEFAULT_PAPER])
    if setup.landscape:
        paper_w, paper_h = paper_h, paper_w
    top, bottom, left, right = setup.margins
    printable_h = paper_h * PT_PER_MM - (top + bottom) * 72
    printable_w = paper_w * PT_PER_MM - (left + right) * 72
    if printable_h <= 0 or printable_w <= 0:
        return []
    width = sum(geometry.col_emu(c) for c in range(first_col, max(first_col, last_col) + 1)) / EMU_PER_PT
    height = sum(geometry.row_height(r) for r in range(start, end + 1))
    titles = 0.0
    if setup.title_rows is not None:
        titles = sum(geometry.row_height(r) for r in range(setup.title_rows[0], setup.title_rows[1] + 1))
    if setup.fit_to_page:
        scale = 1.0
        if setup.fit_width and width > 0:
            scale = min(scale, setup.fit_width * printable_w / width)
        if setup.fit_height and height > 0:
            scale = min(scale, setup.fit_height * printable_h / height)
        scale = max(0.1, int(scale * 100) / 100)
    else:
        scale = setup.scale / 100
    capacity = printable_h / scale
    out: list[int] = []
    first, used = start, 0.0
    for r in range(start, end + 1):
        h = geometry.row_height(r)
        room = capacity - (titles if setup.title_rows is not None and first > setup.title_rows[1] else 0)
        if used + h > room and r > first:
            out.append(r)
            first, used = r, 0.0
        used += h
    return out


# -- off-page connectors ---------------------------------------------------------------------


@dataclass
class Jump:
    """An arrow from one printed page to another: step ``a`` -> connector ... connector -> ``b``."""

    a: Node
    b: Node
    label: str  # the branch's label ("Ya"), or ""
    letter: str  # the connectors' label: "A", "B", …
    a_side: int  # the side of ``a`` its connector sits at
    b_side: int  # the side of ``b`` its connector sits at


def _off_size(node: Node) -> tuple[float, float]:
    """An off-page connector beside ``node``: small, and smaller in a small cell."""
    return (min(OFF_W, (node.cell_right - node.cell_left) * 0.3),
            min(OFF_H, (node.cell_bottom - node.cell_top) * 0.35))


def make_room(node: Node, sides: set[int]) -> None:
    """Move or shrink a symbol inside its cell so the connectors at ``sides`` fit beside it."""
    ow, oh = _off_size(node)
    if TOP in sides or BOTTOM in sides:
        lo = node.cell_top + (oh + ARROW + GAP if TOP in sides else GAP)
        hi = node.cell_bottom - (oh + ARROW + GAP if BOTTOM in sides else GAP)
        if node.y < lo or node.y + node.h > hi:
            h = min(node.h, max(hi - lo, node.h * 0.4))
            cy = min(max(node.cy, lo + h / 2), hi - h / 2) if hi - lo >= h else (lo + hi) / 2
            node.y, node.h = cy - h / 2, h
    if LEFT in sides:
        # Narrower about the same centre, so the arrows above and below stay straight.
        room = ow + ARROW + GAP
        if node.x - node.cell_left < room:
            w = max(node.w - 2 * (room - (node.x - node.cell_left)), node.w * 0.4)
            node.x, node.w = node.cx - w / 2, w


def connectors(node: Node, side: int, n: int) -> list[Node]:
    """``n`` connectors at one side of ``node``, spread along it, an arrow's length away."""
    ow, oh = _off_size(node)
    out = []
    for k in range(n):
        spread = k - (n - 1) / 2
        if side in (TOP, BOTTOM):
            x = node.cx - ow / 2 + spread * (ow + GAP)
            if side == BOTTOM:
                room = node.cell_bottom - GAP / 2 - (node.y + node.h) - oh
                y = node.y + node.h + min(2 * ARROW, max(room, ARROW / 2))
            else:
                room = node.y - (node.cell_top + GAP / 2) - oh
                y = node.y - min(2 * ARROW, max(room, ARROW / 2)) - oh
        else:  # LEFT
            room = node.x - (node.cell_left + GAP / 2) - ow
            x = node.x - min(2 * ARROW, max(room, ARROW / 2)) - ow
            y = node.cy - oh / 2 + spread * (oh + GAP)
        out.append(Node(-1, node.step, x, y, ow, oh, node.cell_left, node.cell_right, node.row,
                         node.cell_top, node.cell_bottom, PRESETS["offpage"]))
    return out


def clear_of(lb: LabelSpec, box: Node) -> LabelSpec:
    """A branch label moved right of the connector it would cover."""
    if lb.x < box.x + box.w and box.x < lb.x + lb.w and lb.y < box.y + box.h and box.y < lb.y + lb.h:
        lb.x = box.x + box.w + GAP
    return lb
