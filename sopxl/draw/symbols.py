"""The symbols of a drawn flowchart: which preset each kind is, how big, and where its sides are.

A ``Node`` is one symbol placed in a cell, in EMU from the sheet's top-left corner, with the
cell around it: ``sopxl.draw.layout`` places them, ``sopxl.draw.pages`` moves or shrinks them
to make room for off-page connectors, and both draw arrows between their sides.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..read.geometry import EMU_PER_PT
from ..write.drawing import BOTTOM, LEFT, RIGHT, TOP, LineSpec

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


@dataclass
class Node:
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


def facing(side: int) -> int:
    return {TOP: BOTTOM, BOTTOM: TOP, LEFT: RIGHT, RIGHT: LEFT}[side]


def straight(a: Node, a_side: int, b: Node) -> LineSpec:
    """A straight arrow out of ``a`` by ``a_side`` into the side of ``b`` facing back."""
    b_side = facing(a_side)
    return LineSpec(a.key, a_side, b.key, b_side, a.site(a_side), b.site(b_side))
