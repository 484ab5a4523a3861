"""A printed page as plain data: rectangles, text boxes, flowchart symbols and arrows.

Every layout in ``sopxl.pdf`` produces these and only ``sopxl.pdf.render`` turns them into
PDF operators, so the tests can check the geometry (no arrow through a symbol, no symbol over
text) without reading a PDF. Coordinates are points from the page's top-left corner, y down;
the renderer flips them.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

MM = 72 / 25.4
# Landscape (width, height) in points: A4 297 x 210 mm, F4 330 x 215 mm.
PAPERS = {"A4": (297 * MM, 210 * MM), "F4": (330 * MM, 215 * MM)}

# (text, size, bold) -> width in points; the renderer gives the real font's metrics.
Measure = Callable[[str, float, bool], float]


@dataclass
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def overlaps(self, other: Box, pad: float = 0.0) -> bool:
        return (self.x < other.right + pad and other.x < self.right + pad
                and self.y < other.bottom + pad and other.y < self.bottom + pad)


@dataclass
class Rect:
    """A table cell's border (``stroke``) and/or background (``fill`` grey level, 1 = white)."""

    box: Box
    stroke: bool = True
    fill: float | None = None


@dataclass
class TextBox:
    """Lines of text already wrapped to fit ``box``; ``align`` l/c/r, top-aligned."""

    box: Box
    lines: list[str]
    size: float
    bold: bool = False
    align: str = "l"
    leading: float = 0.0

    @property
    def line_height(self) -> float:
        return self.leading or self.size * 1.18


@dataclass
class Symbol:
    """A flowchart symbol: terminator, process, decision or offpage, with a short label."""

    kind: str
    box: Box
    text: str = ""
    step: int = -1  # index into doc.steps, -1 for an off-page connector


@dataclass
class Arrow:
    """An orthogonal polyline; an arrowhead at the last point unless ``head`` is False."""

    points: list[tuple[float, float]]
    head: bool = True
    ends: tuple[int, int] = (-1, -1)  # indexes into the page's symbols it leaves and enters


@dataclass
class Page:
    width: float
    height: float
    rects: list[Rect] = field(default_factory=list)
    texts: list[TextBox] = field(default_factory=list)
    symbols: list[Symbol] = field(default_factory=list)
    arrows: list[Arrow] = field(default_factory=list)
    labels: list[TextBox] = field(default_factory=list)  # branch labels of decisions
    lines: list[tuple[float, float, float, float]] = field(default_factory=list)  # signature lines
    footer: str = ""  # filled in when the book is numbered
    unit: str = ""  # the Bagian of the page's SOP, printed left of the footer
    kind: str = ""  # cover, daftar, keputusan, galat, identitas, prosedur
    sop: int = -1  # which SOP of the book this page belongs to


_PIECE = re.compile(r"[^/-]+[/-]*|[/-]+")


def pieces(word: str) -> list[str]:
    """``word`` in the pieces a line may break between: after each "/" or "-"."""
    return _PIECE.findall(word) if len(word) <= 200 else [word]


def wrap(text: str, width: float, size: float, measure: Measure, bold: bool = False) -> list[str]:
    """Lines of ``text`` no wider than ``width``: broken at spaces, then after "/" or "-"
    ("Kepegawaian/Umum"); only a piece longer than a line is cut."""
    out: list[str] = []
    for para in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        words = para.split()
        if not words:
            out.append("")
            continue
        # Widths add up piece by piece (a line's width is its pieces' plus the spaces): each
        # piece is measured once, not every trial line.
        space = measure(" ", size, bold)
        line, used = "", 0.0
        for word, glue in ((p, k > 0) for w in words for k, p in enumerate(pieces(w))):
            ww = measure(word, size, bold)
            gap = 0.0 if glue else space
            if line and used + gap + ww <= width:
                line, used = f"{line}{'' if glue else ' '}{word}", used + gap + ww
                continue
            if not line and ww <= width:
                line, used = word, ww
                continue
            if line:
                out.append(line)
            # A "word" of thousands of characters (found by fuzzing) took minutes cut one
            # character at a time: the longest head that fits is found by halving, among at
            # most ``most`` characters (twice as many "i" as fit), and only a tail that short
            # is measured whole.
            most = int(2 * width / max(measure("i", size, bold), 0.1)) + 2
            while len(word) > 1 and (len(word) > most or ww > width):
                lo, hi = 1, min(len(word) - 1, most)
                while lo < hi:
                    mid = (lo + hi + 1) // 2
                    if measure(word[:mid], size, bold) > width:
                        hi = mid - 1
                    else:
                        lo = mid
                out.append(word[:lo])
                word = word[lo:]
                ww = measure(word, size, bold) if len(word) <= most else width + 1
            line, used = word, ww
        out.append(line)
    while len(out) > 1 and out[-1] == "":
        out.pop()
    return out


def text_in(box: Box, text: str, size: float, measure: Measure, *, bold: bool = False, align: str = "l",
            pad: float = 2.5) -> TextBox:
    """``text`` wrapped inside ``box`` less a padding."""
    inner = Box(box.x + pad, box.y + pad, max(1.0, box.w - 2 * pad), max(1.0, box.h - 2 * pad))
    return TextBox(inner, wrap(text, inner.w, size, measure, bold), size, bold, align)


def text_height(text: str, width: float, size: float, measure: Measure, bold: bool = False,
                pad: float = 2.5) -> float:
    """The height a cell needs to hold ``text`` wrapped to ``width`` (padding included)."""
    lines = wrap(text, max(1.0, width - 2 * pad), size, measure, bold)
    return len(lines) * size * 1.18 + 2 * pad
