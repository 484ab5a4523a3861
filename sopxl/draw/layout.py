"""Where each symbol of a flowchart goes and how each arrow runs: the pure part of ``sopxl draw``.

``layout(doc, geometry, breaks)`` turns a ``SopDocument`` and the sheet's column widths and row
heights into a ``Chart`` in EMU: a capsule, box, diamond or off-page pentagon inside the
acting role's cell of every step, arrows from each step to the next, decision branches to
their targets with their labels ("Ya", "Tidak"), and loops back up beside the column.
Arrow routes::

    next step below, same column           straight, bottom -> top
    below, same column, over other symbols  out of the right side, down beside them, into the right side
    above (a loop), same column            out of the left side, up beside the column, into the left side
    another column, below or above         out of the side facing it, down or up between the
                                           columns, in by the side facing back

An arrow to another printed page becomes a pair of off-page connectors (``sopxl.draw.pages``).
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence

from ..a1 import cell_to_rowcol, col_to_letters
from ..model import SopDocument, Step
from ..read.geometry import EMU_PER_PT, SheetGeometry
from ..write.drawing import BOTTOM, LEFT, RIGHT, TOP, Axis, Chart, LabelSpec, LineSpec, SymbolSpec
from .arrows import exits
from .pages import Jump, clear_of, connectors, make_room
from .symbols import (
    GAP,
    LABEL_CHAR,
    LABEL_H,
    MARGIN_X,
    MARGIN_Y,
    MAX_H,
    MAX_W,
    PRESETS,
    Node,
    facing,
    straight,
)

__all__ = ["layout"]


def _symbol(step: Step, marker_symbol: str) -> str:
    if marker_symbol in PRESETS:
        return marker_symbol
    return step.symbol if step.symbol in PRESETS else "process"


def layout(doc: SopDocument, geometry: SheetGeometry, breaks: Sequence[int] = ()) -> Chart:
    """The flowchart of one SOP sheet, in EMU from the sheet's top-left corner.

    ``breaks`` are the printed page breaks, each the zero-based first row of a new page; an
    arrow from one page to another becomes a pair of off-page connectors.
    """
    rows, cols = Axis(geometry.row_emu), Axis(geometry.col_emu)
    chart = Chart()
    drawn: dict[int, list[Node]] = {}
    nodes: list[Node] = []
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
            node = Node(len(nodes), i, (left + right - w) / 2, (top + bottom - h) / 2, w, h,
                         left, right, row, top, bottom, PRESETS[kind], text)
            nodes.append(node)
            drawn.setdefault(i, []).append(node)

    def page(node: Node) -> int:
        return bisect.bisect_right(breaks, node.row)

    # Arrows to another page first: their connectors take room in the cells of both ends.
    arrows_out = {i: exits(doc, i, drawn) for i in drawn}
    jumps: dict[tuple[int, int], Jump] = {}  # (step, exit) -> the jump it makes
    for i, ns in drawn.items():
        for k, (label, j) in enumerate(arrows_out[i]):
            a, b = ns[0], drawn[j][0]
            if page(a) != page(b):
                down = page(b) > page(a)
                jumps[(i, k)] = Jump(a, b, label, col_to_letters(len(jumps)),
                                      BOTTOM if down else LEFT, TOP if down else LEFT)
    slots: dict[tuple[int, int], list[tuple[Jump, bool]]] = {}  # (node, side) -> (jump, leaving)
    for jp in jumps.values():
        slots.setdefault((jp.a.key, jp.a_side), []).append((jp, True))
        slots.setdefault((jp.b.key, jp.b_side), []).append((jp, False))
    for node in nodes:
        make_room(node, {side for key, side in slots if key == node.key})
    for node in nodes:
        chart.symbols.append(SymbolSpec(node.key, node.preset, node.x, node.y, node.w, node.h,
                                        node.text))
    ends: dict[tuple[int, bool], Node] = {}  # (jump, leaving) -> its connector
    for (key, side), group in slots.items():
        for (jp, leaving), off in zip(group, connectors(nodes[key], side, len(group))):
            off.key = len(chart.symbols)
            chart.symbols.append(SymbolSpec(off.key, PRESETS["offpage"], off.x, off.y, off.w,
                                            off.h, jp.letter))
            ends[(id(jp), leaving)] = off

    for i, ns in drawn.items():
        head = ns[0]
        # A step given to several actors: each symbol joined to its neighbour, left to right (as
        # the PDF does); joining the first to every other ran through the ones between.
        side_by_side = sorted(ns, key=lambda n: n.cx)
        for a, b in zip(side_by_side, side_by_side[1:]):
            chart.lines.append(LineSpec(a.key, RIGHT, b.key, LEFT, a.site(RIGHT), b.site(LEFT), arrow=False))
        for k, (label, j) in enumerate(arrows_out[i]):
            jump = jumps.get((i, k))
            if jump is None:
                line = _route(head, drawn[j][0], nodes)
                chart.lines.append(line)
                if label:
                    chart.labels.append(_label(label, line))
                continue
            out, into = ends[(id(jump), True)], ends[(id(jump), False)]
            line = straight(head, jump.a_side, out)
            chart.lines.append(line)
            chart.lines.append(straight(into, facing(jump.b_side), jump.b))
            if label:
                chart.labels.append(clear_of(_label(label, line), out))
    return chart


def _route(a: Node, b: Node, nodes: list[Node]) -> LineSpec:
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
