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
"""
from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from .a1 import cell_to_rowcol
from .errors import SopxlError
from .model import SopDocument, Step
from .read.geometry import EMU_PER_PT, SheetGeometry
from .write.drawing import BOTTOM, LEFT, RIGHT, TOP, Axis, Chart, LabelSpec, LineSpec, SymbolSpec

if TYPE_CHECKING:
    from .config import Config

__all__ = ["layout", "draw_workbook", "draw_file", "DrawResult", "add_arguments", "run"]

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


def layout(doc: SopDocument, geometry: SheetGeometry) -> Chart:
    """The flowchart of one SOP sheet, in EMU from the sheet's top-left corner."""
    rows, cols = Axis(geometry.row_emu), Axis(geometry.col_emu)
    chart = Chart()
    drawn: dict[int, list[_Node]] = {}
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
            node = _Node(len(chart.symbols), i, (left + right - w) / 2, (top + bottom - h) / 2, w, h,
                         left, right)
            kind = _symbol(step, m.symbol)
            text = ""
            if kind == "terminator":
                text = "Mulai" if id(step) in first_of_section else "Selesai"
            elif kind == "offpage":
                text = step.number.value
            chart.symbols.append(SymbolSpec(node.key, PRESETS[kind], node.x, node.y, node.w, node.h,
                                            text))
            drawn.setdefault(i, []).append(node)

    for i, nodes in drawn.items():
        head = nodes[0]
        for other in nodes[1:]:  # a step given to two actors: join them side by side
            right = other.cx > head.cx
            s_site, e_site = (RIGHT, LEFT) if right else (LEFT, RIGHT)
            chart.lines.append(LineSpec(head.key, s_site, other.key, e_site, head.site(s_site),
                                        other.site(e_site), arrow=False))
        for label, j in _exits(doc, i, drawn):
            line = _route(head, drawn[j][0], [n for k, ns in drawn.items() for n in ns])
            chart.lines.append(line)
            if label:
                chart.labels.append(_label(label, line))
    return chart


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


# -- the workbook ----------------------------------------------------------------------------


@dataclass
class DrawResult:
    path: str  # the file written
    sheets: list[str]  # sheets a flowchart was drawn on
    shapes: int  # shapes, arrows and labels written


def draw_file(path: str | os.PathLike[str], cfg: Config, output: str | os.PathLike[str] | None = None
              ) -> DrawResult:
    """Draw the flowchart of every SOP sheet of ``path`` (into ``output`` when given)."""
    from .read.safezip import SafeZip
    from .read.xlsx import read_workbook
    from .validate import validate_grids
    from .write.drawing import check_output, sheet_geometry, write_charts

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
            charts.append((doc.sheet, part, layout(doc, geometry), geometry))
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


def add_arguments(sub: argparse._SubParsersAction, common) -> None:
    p = sub.add_parser("draw", help="gambar bagan alir (shape Excel) dari simbol yang diketik")
    p.add_argument("files", nargs="+", metavar="BERKAS")
    p.add_argument("--output", metavar="SALINAN", help="tulis ke salinan ini, berkas asli tidak diubah")
    common(p)


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from .config import load_config

    en = args.lang == "en"
    if args.output and len(args.files) > 1:
        raise SopxlError("--output hanya dapat dipakai dengan satu berkas.", code="PERINTAH",
                         message_en="--output works with one file only.")
    cfg = load_config(args.config, final=args.final, lang=args.lang)
    code = 0
    for f in args.files:
        try:
            r = draw_file(f, cfg, args.output)
        except SopxlError as exc:
            stderr.write(f"sopxl: {exc.text(args.lang)}\n")
            code = 2
            continue
        sheets = ", ".join(repr(s) for s in r.sheets)
        if en:
            stdout.write(f"{r.path}: flowchart drawn on {len(r.sheets)} sheet(s) ({sheets}), "
                         f"{r.shapes} shapes.\n")
        else:
            stdout.write(f"{r.path}: bagan alir digambar pada {len(r.sheets)} lembar ({sheets}), "
                         f"{r.shapes} bentuk.\n")
    return code
