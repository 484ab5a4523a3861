"""Orthogonal arrows between flowchart symbols on one page, kept clear of every symbol.

A route leaves its symbol by one side (bottom, or left/right for a branch or a loop), runs
along "lanes" — the room beside the symbols inside the role columns, or the room above and
below them inside a row — and enters the target by its top or by the side facing the lane.
Candidate routes are ranked by length and bends; the first one whose segments miss every
symbol (its own two only touched at their edges) and that does not reuse a side another
arrow already leaves by is taken. Running on top of an earlier arrow costs extra, so
parallel arrows keep apart. Branch labels ("Ya", "Tidak") go beside the arrow's first
segment where they cover no symbol, no text and no other label.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .page import Arrow, Box, Measure, Page, TextBox

if TYPE_CHECKING:
    from .flow import Columns

TOP, LEFT, BOTTOM, RIGHT = 0, 1, 2, 3
GAP = 4.0  # how far a route runs straight out of a side before it turns
BEND = 25.0  # a bend costs as much as this many points of length
SHARED = 400.0  # running on top of another arrow
LABEL_SIZE = 6.0

Point = tuple[float, float]


def _port(b: Box, side: int) -> Point:
    return {TOP: (b.cx, b.y), BOTTOM: (b.cx, b.bottom), LEFT: (b.x, b.cy), RIGHT: (b.right, b.cy)}[side]


def _simplify(pts: list[Point]) -> list[Point]:
    out: list[Point] = []
    for p in pts:
        if out and abs(out[-1][0] - p[0]) < 0.01 and abs(out[-1][1] - p[1]) < 0.01:
            continue
        if len(out) >= 2:
            (x0, y0), (x1, y1) = out[-2], out[-1]
            vertical = abs(x0 - x1) < 0.01 and abs(x1 - p[0]) < 0.01
            if vertical or (abs(y0 - y1) < 0.01 and abs(y1 - p[1]) < 0.01):
                out[-1] = p
                continue
        out.append(p)
    return out


def segment_hits(p: Point, q: Point, b: Box, inflate: float = 0.0) -> bool:
    """Whether an axis-parallel segment passes through the open interior of ``b`` (grown)."""
    x0, x1 = sorted((p[0], q[0]))
    y0, y1 = sorted((p[1], q[1]))
    eps = 0.01
    return (x1 > b.x - inflate + eps and x0 < b.right + inflate - eps
            and y1 > b.y - inflate + eps and y0 < b.bottom + inflate - eps)


def _length(pts: list[Point]) -> float:
    return sum(abs(a[0] - b[0]) + abs(a[1] - b[1]) for a, b in zip(pts, pts[1:]))


class Router:
    """Routes the arrows of one page; ``finish`` writes them (and labels) into the page."""

    def __init__(self, page: Page, cols: Columns, measure: Measure | None = None):
        self.page = page
        self.cols = cols
        self.measure = measure
        self.edges: list[tuple[int, int, str]] = []
        self.collisions = 0
        self.ports: dict[tuple[int, int], str] = {}  # (symbol, side) -> "in" | "out"
        self.segments: list[tuple[Point, Point]] = []
        for join in page.arrows:  # a step's two actors, joined side by side: those sides are taken
            a, b = join.ends
            right = join.points[-1][0] > join.points[0][0]
            self.ports[(a, RIGHT if right else LEFT)] = "out"
            self.ports[(b, LEFT if right else RIGHT)] = "out"
            self.segments.append((join.points[0], join.points[-1]))

    def connect(self, a: int, b: int, label: str) -> None:
        self.edges.append((a, b, label))

    def finish(self) -> None:
        syms = self.page.symbols

        def reach(e: tuple[int, int, str]) -> float:
            a, b = syms[e[0]].box, syms[e[1]].box
            return abs(b.cy - a.cy) + abs(b.cx - a.cx) * 0.1

        labelled = []
        for a, b, label in sorted(self.edges, key=reach):
            pts, out_side = self._route(a, b)
            self.page.arrows.append(Arrow(pts, ends=(a, b)))
            if label:
                labelled.append((label, pts))
        for label, pts in labelled:  # once every arrow is there, so none runs through a label
            self._label(label, pts)

    # -- candidates --------------------------------------------------------------------------

    def _lanes(self) -> list[float]:
        xs: list[float] = []
        n = len(self.cols.w)
        for c in range(2, n - 4):
            left, w = self.cols.x[c], self.cols.w[c]
            room = w * 0.18
            for d in (room * 0.35, room * 0.7):
                xs.extend((left + d, left + w - d))
        return xs

    def _direct(self, A: Box, B: Box) -> list[tuple[list[Point], int, int]]:
        """Routes that need no lane: straight down, a step aside in the room under ``A``, an L."""
        out: list[tuple[list[Point], int, int]] = []
        below = B.y >= A.bottom
        if below:
            if abs(A.cx - B.cx) < 0.5:
                out.append(([(A.cx, A.bottom), (A.cx, B.y)], BOTTOM, TOP))
            for ym in (A.bottom + GAP, B.y - GAP, (A.bottom + B.y) / 2):
                out.append(([(A.cx, A.bottom), (A.cx, ym), (B.cx, ym), (B.cx, B.y)], BOTTOM, TOP))
            side = RIGHT if B.cx > A.cx else LEFT
            out.append(([_port(A, side), (B.cx, A.cy), (B.cx, B.y)], side, TOP))
        return [(_simplify(pts), s, e) for pts, s, e in out]

    def _via_lanes(self, A: Box, B: Box) -> list[tuple[list[Point], int, int]]:
        """Routes out of ``A``, along a lane beside the symbols of a column, into ``B``."""
        out: list[tuple[list[Point], int, int]] = []
        for x in self._lanes():
            starts: list[tuple[list[Point], int]] = []
            if x > A.right:
                starts.append(([_port(A, RIGHT), (x, A.cy)], RIGHT))
            if x < A.x:
                starts.append(([_port(A, LEFT), (x, A.cy)], LEFT))
            starts.append(([_port(A, BOTTOM), (A.cx, A.bottom + GAP), (x, A.bottom + GAP)], BOTTOM))
            ends: list[tuple[list[Point], int]] = []
            if x > B.right:
                ends.append(([(x, B.cy), _port(B, RIGHT)], RIGHT))
            if x < B.x:
                ends.append(([(x, B.cy), _port(B, LEFT)], LEFT))
            ends.append(([(x, B.y - GAP), (B.cx, B.y - GAP), _port(B, TOP)], TOP))
            for s, s_side in starts:
                for e, e_side in ends:
                    out.append((_simplify(s + e), s_side, e_side))
        return out

    def _clear(self, pts: list[Point], a: int, b: int) -> bool:
        for k, sym in enumerate(self.page.symbols):
            own = k in (a, b)
            for p, q in zip(pts, pts[1:]):
                if segment_hits(p, q, sym.box, 0.0 if own else 1.5):
                    return False
        return True

    def _shared(self, pts: list[Point]) -> int:
        n = 0
        for p, q in zip(pts, pts[1:]):
            for r, s in self.segments:
                if abs(p[0] - q[0]) < 0.01 and abs(r[0] - s[0]) < 0.01 and abs(p[0] - r[0]) < 2:
                    if min(max(p[1], q[1]), max(r[1], s[1])) - max(min(p[1], q[1]), min(r[1], s[1])) > 1:
                        n += 1
                elif abs(p[1] - q[1]) < 0.01 and abs(r[1] - s[1]) < 0.01 and abs(p[1] - r[1]) < 2:
                    if min(max(p[0], q[0]), max(r[0], s[0])) - max(min(p[0], q[0]), min(r[0], s[0])) > 1:
                        n += 1
        return n

    def _route(self, a: int, b: int) -> tuple[list[Point], int]:
        A, B = self.page.symbols[a].box, self.page.symbols[b].box
        best = self._best(self._direct(A, B), a, b, None)
        if best is None or best[0] >= SHARED:  # the lanes only when no plain route is clean
            best = self._best(self._via_lanes(A, B), a, b, best)
        if best is None:
            self.collisions += 1
            pts = [_port(A, BOTTOM), _port(B, TOP)] if B.y >= A.bottom else [_port(A, TOP), _port(B, BOTTOM)]
            return _simplify([pts[0], (pts[0][0], pts[1][1]), pts[1]]), BOTTOM
        _, pts, s_side, e_side = best
        self.ports[(a, s_side)] = "out"
        self.ports.setdefault((b, e_side), "in")
        self.segments.extend(zip(pts, pts[1:]))
        return pts, s_side

    def _best(self, candidates: list[tuple[list[Point], int, int]], a: int, b: int,
              best: tuple[float, list[Point], int, int] | None) -> tuple[float, list[Point], int, int] | None:
        """The cheapest clear candidate (or ``best`` if none beats it): shortest and fewest bends
        first, so most arrows are settled by the first candidate tried."""
        scored = []
        for pts, s_side, e_side in candidates:
            if self.ports.get((a, s_side)) is not None or self.ports.get((b, e_side)) == "out":
                continue
            scored.append((_length(pts) + BEND * (len(pts) - 2), pts, s_side, e_side))
        scored.sort(key=lambda t: t[0])
        for base, pts, s_side, e_side in scored:
            if best is not None and base >= best[0]:
                break
            if not self._clear(pts, a, b):
                continue
            full = base + SHARED * self._shared(pts)
            if best is None or full < best[0]:
                best = (full, pts, s_side, e_side)
        return best

    # -- labels ------------------------------------------------------------------------------

    def _label(self, text: str, pts: list[Point]) -> None:
        """A branch label beside the first bend of its arrow: clear of symbols, text, other
        labels and every arrow, and inside one role column when it can be (a label across a
        column's border reads as belonging to neither)."""
        w = (self.measure(text, LABEL_SIZE, False) if self.measure else len(text) * 3.2) + 1
        h = LABEL_SIZE * 1.2
        (x0, y0), (x1, y1) = pts[0], pts[1]
        if abs(x0 - x1) < 0.01:  # leaves vertically
            dy = 1.0 if y1 > y0 else -1.0 - h
            spots = [(x0 + 2, y0 + dy), (x0 - 2 - w, y0 + dy),
                     (x0 + 2, y0 + dy + h), (x0 - 2 - w, y0 + dy + h)]
        else:
            dx = 2.0 if x1 > x0 else -2.0 - w
            spots = [(x0 + dx, y0 - h - 1), (x0 + dx, y0 + 1)]
            # Or beside the lane where the arrow turns, on either side of it.
            spots += [(x1 + 2, y0 - h - 1), (x1 + 2, y0 + 1), (x1 - 2 - w, y0 - h - 1), (x1 - 2 - w, y0 + 1)]
        n = len(self.cols.w)
        edges = [self.cols.x[c] for c in range(2, n - 3)]
        ok = []
        for x, y in spots:
            box = Box(x, y, w, h)
            if box.x < edges[0] or box.right > edges[-1]:
                continue
            if any(box.overlaps(s.box) for s in self.page.symbols):
                continue
            if any(box.overlaps(t.box) for t in self.page.texts + self.page.labels):
                continue
            if any(segment_hits(p, q, box) for arrow in self.page.arrows
                   for p, q in zip(arrow.points, arrow.points[1:])):
                continue
            ok.append(box)
        inside = [b for b in ok if not any(b.x < e < b.right for e in edges)]
        box = (inside or ok or [Box(spots[0][0], spots[0][1], w, h)])[0]
        self.page.labels.append(TextBox(box, [text], LABEL_SIZE))
