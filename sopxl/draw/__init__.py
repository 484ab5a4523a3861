"""``sopxl draw``: draw the standard flowchart over the typed markers, as real Excel shapes.

Offices often type the flowchart ("Mulai", "Proses", "◇") into the Pelaksana cells. This
command draws it for them: a capsule, box, diamond or off-page pentagon inside the acting
role's cell of every step, arrows from each step to the next, decision branches to their
targets with their labels ("Ya", "Tidak"), and loops back up beside the column. The typed
text stays in the cell under the shape, so the sheet still validates the same way.

``layout(doc, geometry)`` is the pure part: which symbol goes where and how each arrow runs,
in EMU, from a ``SopDocument`` and the sheet's column widths and row heights.
``sopxl.write.drawing`` writes the result into the package. Arrow routes::

    next step below, same column           straight, bottom -> top
    below, same column, over other symbols  out of the right side, down beside them, into the right side
    above (a loop), same column            out of the left side, up beside the column, into the left side
    another column, below or above         out of the side facing it, down or up between the
                                           columns, in by the side facing back

An arrow never runs over a printed page break (``page_breaks``): it stops at an off-page
connector (segi lima) and goes on from a second one with the same letter on the other page::

    next page    step -> "A" just below it, at the foot of its page;
                 "A" just above the target, at the head of the next page -> target
    earlier page step -> "A" left of it; "A" left of the target -> target (as loops go up)

The connectors share the step's cell with its symbol, which moves or shrinks to make room, so
nothing is drawn over the rows between steps (a repeated header, a blank row).
"""
from __future__ import annotations

import bisect
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..a1 import cell_to_rowcol, col_to_letters
from ..errors import SopxlError
from ..model import SopDocument, Step
from ..read.geometry import EMU_PER_PT, SheetGeometry
from ..write.drawing import (
    BOTTOM,
    LEFT,
    RIGHT,
    TOP,
    Axis,
    Chart,
    LabelSpec,
    LineSpec,
    PrintSetup,
    SymbolSpec,
)

if TYPE_CHECKING:
    from ..config import Config

__all__ = ["layout", "page_breaks", "draw_workbook", "draw_file", "DrawResult"]

PRESETS = {
    "terminator": "flowChartTerminator",
    "process": "flowChartProcess",
    "decision": "flowChartDecision",
    "offpage": "flowChartOffpageConnector",
}
MARGIN_X = 0.15  # of the cell's width, left and right of a symbol
MARGIN_Y = 0.18  # of the row's height, above and below
MAX_W = 90 * EMU_PER_PT  # a symbol in a very wide or tall cell stays a symbol, not a banner
MAX_H = 32 * EMU_PER_PT
LABEL_H = 11 * EMU_PER_PT
LABEL_CHAR = 5 * EMU_PER_PT  # width per character of an 8 pt label
GAP = 2 * EMU_PER_PT
OFF_W = 16 * EMU_PER_PT  # an off-page connector, at most
OFF_H = 14 * EMU_PER_PT
ARROW = 4 * EMU_PER_PT  # the shortest arrow to an off-page connector room is made for


# -- layout ----------------------------------------------------------------------------------


@dataclass
class _Node:
    key: int
    step: int  # index into doc.steps
    x: float
    y: float
    w: float
    h: float
    cell_left: float
    cell_right: float
    row: int = 0
    cell_top: float = 0.0
    cell_bottom: float = 0.0
    preset: str = ""
    text: str = ""

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def site(self, site: int) -> tuple[float, float]:
        return {TOP: (self.cx, self.y), LEFT: (self.x, self.cy), BOTTOM: (self.cx, self.y + self.h),
                RIGHT: (self.x + self.w, self.cy)}[site]


def _symbol(step: Step, marker_symbol: str) -> str:
    if marker_symbol in PRESETS:
        return marker_symbol
    return step.symbol if step.symbol in PRESETS else "process"


def _exits(doc: SopDocument, i: int, drawn: dict[int, list[_Node]]) -> list[tuple[str, int]]:
    """(label, target step index) for each arrow leaving step ``i``; label "" = plain arrow."""
    steps = doc.steps
    step = steps[i]
    section_of = {id(s): k for k, sec in enumerate(doc.sections) for s in sec.steps}
    first_of_section = {id(sec.steps[0]) for sec in doc.sections if sec.steps}
    if step.symbol == "terminator" and id(step) not in first_of_section:
        return []  # "Selesai"

    def next_drawn(j: int) -> int | None:
        while j < len(steps) and j not in drawn:
            j += 1
        if j >= len(steps):
            return None
        if section_of[id(steps[j])] != section_of[id(step)] and steps[j].symbol == "terminator":
            return None  # the next section starts its own procedure
        return j

    if step.symbol == "decision" and step.branches:
        out = []
        for b in step.branches:
            j = next_drawn(i + 1) if b.target is None else _step_by_number(doc, step, b.target)
            if j is not None and j in drawn and j != i:
                out.append((b.label, j))
        return out
    j = next_drawn(i + 1)
    return [("", j)] if j is not None else []


def _step_by_number(doc: SopDocument, near: Step, number: str) -> int | None:
    """The step numbered ``number``, preferring the section ``near`` is in."""
    found = [k for k, s in enumerate(doc.steps) if s.number.value.strip().rstrip(".") == number.strip()]
    for sec in doc.sections:
        if any(s is near for s in sec.steps):
            mine = [k for k in found if any(doc.steps[k] is s for s in sec.steps)]
            if mine:
                return mine[0]
    return found[0] if found else None


def layout(doc: SopDocument, geometry: SheetGeometry, breaks: Sequence[int] = ()) -> Chart:
    """The flowchart of one SOP sheet, in EMU from the sheet's top-left corner.

    ``breaks`` are the printed page breaks, each the zero-based first row of a new page; an
    arrow from one page to another becomes a pair of off-page connectors.
    """
    rows, cols = Axis(geometry.row_emu), Axis(geometry.col_emu)
    chart = Chart()
    drawn: dict[int, list[_Node]] = {}
    nodes: list[_Node] = []
    steps = doc.steps
    first_of_section = {id(sec.steps[0]) for sec in doc.sections if sec.steps}
    for i, step in enumerate(steps):
        for m in step.markers:
            row, col = cell_to_rowcol(m.cell)
            left, right = cols.start(col), cols.end(col)
            top, bottom = rows.start(row), rows.end(row)
            if right <= left or bottom <= top:
                continue  # hidden row or column: nothing to draw on
            w = min((right - left) * (1 - 2 * MARGIN_X), MAX_W)
            h = min((bottom - top) * (1 - 2 * MARGIN_Y), MAX_H)
            kind = _symbol(step, m.symbol)
            text = ""
            if kind == "terminator":
                text = "Mulai" if id(step) in first_of_section else "Selesai"
            elif kind == "offpage":
                text = step.number.value
            node = _Node(len(nodes), i, (left + right - w) / 2, (top + bottom - h) / 2, w, h,
                         left, right, row, top, bottom, PRESETS[kind], text)
            nodes.append(node)
            drawn.setdefault(i, []).append(node)

    def page(node: _Node) -> int:
        return bisect.bisect_right(breaks, node.row)

    # Arrows to another page first: their connectors take room in the cells of both ends.
    exits = {i: _exits(doc, i, drawn) for i in drawn}
    jumps: dict[tuple[int, int], _Jump] = {}  # (step, exit) -> the jump it makes
    for i, ns in drawn.items():
        for k, (label, j) in enumerate(exits[i]):
            a, b = ns[0], drawn[j][0]
            if page(a) != page(b):
                down = page(b) > page(a)
                jumps[(i, k)] = _Jump(a, b, label, col_to_letters(len(jumps)),
                                      BOTTOM if down else LEFT, TOP if down else LEFT)
    slots: dict[tuple[int, int], list[tuple[_Jump, bool]]] = {}  # (node, side) -> (jump, leaving)
    for jp in jumps.values():
        slots.setdefault((jp.a.key, jp.a_side), []).append((jp, True))
        slots.setdefault((jp.b.key, jp.b_side), []).append((jp, False))
    for node in nodes:
        _make_room(node, {side for key, side in slots if key == node.key})
    for node in nodes:
        chart.symbols.append(SymbolSpec(node.key, node.preset, node.x, node.y, node.w, node.h,
                                        node.text))
    ends: dict[tuple[int, bool], _Node] = {}  # (jump, leaving) -> its connector
    for (key, side), group in slots.items():
        for (jp, leaving), off in zip(group, _connectors(nodes[key], side, len(group))):
            off.key = len(chart.symbols)
            chart.symbols.append(SymbolSpec(off.key, PRESETS["offpage"], off.x, off.y, off.w,
                                            off.h, jp.letter))
            ends[(id(jp), leaving)] = off

    for i, ns in drawn.items():
        head = ns[0]
        for other in ns[1:]:  # a step given to two actors: join them side by side
            right = other.cx > head.cx
            s_site, e_site = (RIGHT, LEFT) if right else (LEFT, RIGHT)
            chart.lines.append(LineSpec(head.key, s_site, other.key, e_site, head.site(s_site),
                                        other.site(e_site), arrow=False))
        for k, (label, j) in enumerate(exits[i]):
            jump = jumps.get((i, k))
            if jump is None:
                line = _route(head, drawn[j][0], nodes)
                chart.lines.append(line)
                if label:
                    chart.labels.append(_label(label, line))
                continue
            out, into = ends[(id(jump), True)], ends[(id(jump), False)]
            line = _straight(head, jump.a_side, out)
            chart.lines.append(line)
            chart.lines.append(_straight(into, _facing(jump.b_side), jump.b))
            if label:
                chart.labels.append(_clear_of(_label(label, line), out))
    return chart


# -- off-page connectors ---------------------------------------------------------------------


@dataclass
class _Jump:
    """An arrow from one printed page to another: step ``a`` -> connector ... connector -> ``b``."""

    a: _Node
    b: _Node
    label: str  # the branch's label ("Ya"), or ""
    letter: str  # the connectors' label: "A", "B", …
    a_side: int  # the side of ``a`` its connector sits at
    b_side: int  # the side of ``b`` its connector sits at


def _facing(side: int) -> int:
    return {TOP: BOTTOM, BOTTOM: TOP, LEFT: RIGHT, RIGHT: LEFT}[side]


def _off_size(node: _Node) -> tuple[float, float]:
    """An off-page connector beside ``node``: small, and smaller in a small cell."""
    return (min(OFF_W, (node.cell_right - node.cell_left) * 0.3),
            min(OFF_H, (node.cell_bottom - node.cell_top) * 0.35))


def _make_room(node: _Node, sides: set[int]) -> None:
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


def _connectors(node: _Node, side: int, n: int) -> list[_Node]:
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
        out.append(_Node(-1, node.step, x, y, ow, oh, node.cell_left, node.cell_right, node.row,
                         node.cell_top, node.cell_bottom, PRESETS["offpage"]))
    return out


def _straight(a: _Node, a_side: int, b: _Node) -> LineSpec:
    """A straight arrow out of ``a`` by ``a_side`` into the side of ``b`` facing back."""
    b_side = _facing(a_side)
    return LineSpec(a.key, a_side, b.key, b_side, a.site(a_side), b.site(b_side))


def _clear_of(lb: LabelSpec, box: _Node) -> LabelSpec:
    """A branch label moved right of the connector it would cover."""
    if lb.x < box.x + box.w and box.x < lb.x + lb.w and lb.y < box.y + box.h and box.y < lb.y + lb.h:
        lb.x = box.x + box.w + GAP
    return lb


def _route(a: _Node, b: _Node, nodes: list[_Node]) -> LineSpec:
    same_col = abs(a.cx - b.cx) < max(a.w, b.w) / 2
    if b.y >= a.y + a.h:  # below
        if same_col:
            between = [n for n in nodes if n.y > a.y and n.y < b.y and abs(n.cx - a.cx) < a.w / 2]
            if not between:
                return LineSpec(a.key, BOTTOM, b.key, TOP, a.site(BOTTOM), b.site(TOP))
            right = max(n.x + n.w for n in (a, b, *between))
            room = min(n.cell_right - (n.x + n.w) for n in (a, b, *between))
            return LineSpec(a.key, RIGHT, b.key, RIGHT, a.site(RIGHT), b.site(RIGHT),
                            "bentConnector3", right + room / 2)
    elif same_col:  # a loop back up beside the column
        left = min(a.x, b.x)
        room = min(a.x - a.cell_left, b.x - b.cell_left)
        return LineSpec(a.key, LEFT, b.key, LEFT, a.site(LEFT), b.site(LEFT), "bentConnector3",
                        left - room / 2)
    s_site, e_site = (RIGHT, LEFT) if b.cx > a.cx else (LEFT, RIGHT)
    p0, p1 = a.site(s_site), b.site(e_site)
    return LineSpec(a.key, s_site, b.key, e_site, p0, p1, "bentConnector3", (p0[0] + p1[0]) / 2)


def _label(text: str, line: LineSpec) -> LabelSpec:
    """A small text box just past the arrow's start, on the side it leaves by."""
    w = LABEL_CHAR * len(text) + 4 * EMU_PER_PT
    x0, y0 = line.p0
    if line.start_site == RIGHT:
        return LabelSpec(x0 + GAP, y0 - LABEL_H - GAP / 2, w, LABEL_H, text)
    if line.start_site == LEFT:
        return LabelSpec(x0 - GAP - w, y0 - LABEL_H - GAP / 2, w, LABEL_H, text)
    return LabelSpec(x0 + GAP, y0 + GAP / 2, w, LABEL_H, text)


# -- printed pages ---------------------------------------------------------------------------

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


# -- the workbook ----------------------------------------------------------------------------


@dataclass
class DrawResult:
    path: str  # the file written
    sheets: list[str]  # sheets a flowchart was drawn on
    shapes: int  # shapes, arrows and labels written


def draw_file(path: str | os.PathLike[str], cfg: Config, output: str | os.PathLike[str] | None = None
              ) -> DrawResult:
    """Draw the flowchart of every SOP sheet of ``path`` (into ``output`` when given)."""
    from ..read.safezip import SafeZip
    from ..read.xlsx import read_workbook
    from ..validate import validate_grids
    from ..write.drawing import check_output, print_setup, sheet_geometry, write_charts

    source = os.fspath(path)
    out = os.fspath(output) if output is not None else None
    check_output(source, out)  # refuse a locked or read-only file before reading it all
    wb = read_workbook(source, shapes=False)
    result = validate_grids(source, wb.sheets, cfg)
    charts = []
    with SafeZip(source) as z:
        for sop in result.sops:
            doc = sop.doc
            part = wb.sheet_parts.get(doc.sheet)
            if part is None:
                continue
            geometry = sheet_geometry(z, part)
            last_row = max((s.row for s in doc.steps), default=0)
            breaks = page_breaks(print_setup(z, part, doc.sheet), geometry, last_row)
            charts.append((doc.sheet, part, layout(doc, geometry, breaks), geometry))
    if not result.sops:
        raise SopxlError("Tidak ada lembar SOP di berkas ini; tidak ada bagan yang digambar.",
                         code="GAMBAR-TIDAK-ADA-SOP", path=source,
                         message_en="No SOP sheet in this file; no flowchart was drawn.")
    if not any(chart for _, _, chart, _ in charts):
        raise SopxlError("Tidak ada simbol bagan (Mulai, Proses, Keputusan, Selesai) yang diketik di "
                         "kolom Pelaksana; tidak ada bagan yang digambar.", code="GAMBAR-KOSONG",
                         path=source,
                         message_en="No flowchart symbols (Mulai, Proses, Keputusan, Selesai) are "
                                    "typed in the Pelaksana columns; no flowchart was drawn.")
    written, count = write_charts(source, [(p, c, g) for _, p, c, g in charts], output=out)
    return DrawResult(written, [name for name, _, chart, _ in charts if chart], count)


def draw_workbook(path: str | os.PathLike[str], cfg: Config,
                  output: str | os.PathLike[str] | None = None) -> str:
    """Draw the flowcharts and return the path written (the Excel button calls this)."""
    return draw_file(path, cfg, output).path


# -- the command -----------------------------------------------------------------------------
