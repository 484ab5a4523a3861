"""Write a corpus document (sheets of cells, merges, drawn symbols) into a real .xlsx.

Each document module under ``tests/corpus/`` describes its workbook as data: a list of
``Sheet`` with the cells as the office typed them, the merged ranges, and the flowchart
symbols the office drew over the role cells (``Shape``) joined by arrows. This module
writes the cells with openpyxl (fixtures only) and then adds the drawing part by editing the
package, the way ``tests/drawing_builders.py`` does, since openpyxl drops shapes.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from drawing_builders import Layout, Placed, Sketch, add_drawing, pic, sp, tiny_png, two_cell
from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.cell import coordinate_from_string

# What a drawn symbol is called in the corpus -> the DrawingML preset offices use for it.
PRESETS = {
    "terminator": "flowChartTerminator",
    "process": "flowChartProcess",
    "decision": "flowChartDecision",
    "offpage": "flowChartOffpageConnector",
    "rect": "rect",  # a plain rectangle used as the process box
    "diamond": "diamond",  # a plain diamond used as the decision
    "pentagon": "homePlate",  # "Arrow: Pentagon" used as the off-page connector
    "roundrect": "roundRect",  # a rounded rectangle used as the terminator
}


@dataclass
class Shape:
    """A symbol drawn over one cell ("C6"); ``kind`` is a key of PRESETS or "picture"."""

    cell: str
    kind: str
    text: str = ""
    part: str = ""  # "top"/"bottom": two symbols stacked in one cell, as some offices draw them


@dataclass
class Arrow:
    """A connector from shape index ``a`` to shape index ``b`` (indexes into Sheet.shapes)."""

    a: int
    b: int
    label: str | None = None


@dataclass
class Label:
    """A free text box (a branch label such as "Ya"/"Tidak") placed in a cell."""

    cell: str
    text: str


@dataclass
class Sheet:
    name: str
    cells: dict[str, object] = field(default_factory=dict)
    merges: list[str] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)
    arrows: list[Arrow] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    widths: dict[str, float] = field(default_factory=dict)  # column letter -> width
    heights: dict[int, float] = field(default_factory=dict)  # 1-based row -> points


def rows(top_left: str, values: Sequence[Sequence[object]]) -> dict[str, object]:
    """Cells from a block of rows starting at ``top_left``; ``None`` leaves a cell empty."""
    col_letter, row = coordinate_from_string(top_left)
    col = column_index_from_string(col_letter)
    out: dict[str, object] = {}
    for r, line in enumerate(values):
        for c, value in enumerate(line):
            if value is not None:
                out[f"{get_column_letter(col + c)}{row + r}"] = value
    return out


def cells(*blocks: dict[str, object]) -> dict[str, object]:
    """Merge blocks of cells into one mapping (a later block wins)."""
    out: dict[str, object] = {}
    for block in blocks:
        out.update(block)
    return out


def _layout(sheet: Sheet) -> Layout:
    used_cols = {column_index_from_string(coordinate_from_string(ref)[0]) for ref in sheet.cells}
    used_cols |= {column_index_from_string(coordinate_from_string(s.cell)[0]) for s in sheet.shapes}
    used_rows = {coordinate_from_string(ref)[1] for ref in sheet.cells}
    used_rows |= {coordinate_from_string(s.cell)[1] for s in sheet.shapes}
    widths = {c - 1: 14.0 for c in range(1, max(used_cols, default=1) + 1)}
    for letter, w in sheet.widths.items():
        widths[column_index_from_string(letter) - 1] = w
    heights = {r - 1: 30.0 for r in range(1, max(used_rows, default=1) + 1)}
    for r, h in sheet.heights.items():
        heights[r - 1] = h
    return Layout(col_widths=widths, row_heights=heights)


def _rowcol(ref: str) -> tuple[int, int]:
    letter, row = coordinate_from_string(ref)
    return row - 1, column_index_from_string(letter) - 1


def _drawing(sheet: Sheet, layout: Layout) -> tuple[str, dict[str, bytes]]:
    sketch = Sketch(layout)
    ids: list[int] = []
    images: dict[str, bytes] = {}
    for shape in sheet.shapes:
        row, col = _rowcol(shape.cell)
        if shape.kind == "picture":  # a symbol pasted as a picture (an SVG icon in the source)
            id = sketch.new_id()
            box = layout.cell_box(row, col, 0.6, 0.4)
            sketch.placed[id] = Placed(id, box)
            images["rId1"] = tiny_png()
            x, y, cx, cy = box
            sketch.anchors.append(two_cell(pic(id, box, "rId1"), layout.locate(x, y),
                                           layout.locate(x + cx, y + cy), edit_as="oneCell"))
            ids.append(id)
        elif shape.part:
            id = sketch.new_id()
            x, y, cx, cy = layout.cell_box(row, col, 0.7, 0.35)
            shift = cy * 2 // 3
            box = (x, y - shift if shape.part == "top" else y + shift, cx, cy)
            sketch.placed[id] = Placed(id, box)
            sketch.anchor(sp(id, PRESETS[shape.kind], box, shape.text), box)
            ids.append(id)
        else:
            ids.append(sketch.shape(row, col, PRESETS[shape.kind], shape.text))
    for arrow in sheet.arrows:
        sketch.connect(ids[arrow.a], ids[arrow.b], label=arrow.label, prst="bentConnector3")
    for label in sheet.labels:
        row, col = _rowcol(label.cell)
        sketch.label(layout.x(col, 0.55), layout.y(row, 0.1), label.text)
    return sketch.xml(), images


def build(sheets: Iterable[Sheet], path: str | Path) -> Path:
    """Write the sheets into ``path`` (.xlsx) with their drawings; returns the path."""
    sheets = list(sheets)
    path = Path(path)
    wb = Workbook()
    wb.remove(wb.active)
    layouts = []
    for sheet in sheets:
        ws = wb.create_sheet(sheet.name)
        layout = _layout(sheet)
        layouts.append(layout)
        for ref, value in sheet.cells.items():
            ws[ref] = value
            if isinstance(value, str) and ("\n" in value or len(value) > 30):
                ws[ref].alignment = Alignment(wrap_text=True, vertical="top")
        for col, width in layout.col_widths.items():
            ws.column_dimensions[get_column_letter(col + 1)].width = width
        for row, height in layout.row_heights.items():
            ws.row_dimensions[row + 1].height = height
        for rng in sheet.merges:
            ws.merge_cells(rng)
    wb.save(path)
    n = 0
    for index, (sheet, layout) in enumerate(zip(sheets, layouts), 1):
        if not (sheet.shapes or sheet.labels):
            continue
        n += 1
        xml, images = _drawing(sheet, layout)
        add_drawing(path, xml, sheet=f"xl/worksheets/sheet{index}.xml",
                    part=f"xl/drawings/drawing{n}.xml", images=images or None)
    return path
