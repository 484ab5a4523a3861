"""Drawn flowcharts: shapes over the matrix become markers, arrows become the order of steps.

``sopxl.read.drawing`` places every shape on the cell grid. Here a flowchart symbol whose
centre lies in a step's rows and a role's column becomes that role's ``Marker`` (source
"shape"); each arrow joins the steps of the symbols at its two ends, filling
``Step.next_steps``, and an arrow leaving a decision becomes a ``Branch`` labelled by its own
text or the nearest small text box ("Ya", "Tidak"). Then the drawn flow is checked:

    gambar-beda-simbol             a typed marker and the shape over it name different symbols
    alur-langkah-tak-terjangkau    no arrow leads to a step (the first step and starts excepted)
    alur-tidak-sampai-akhir        the arrows from the first step never reach the end
    alur-keputusan-kurang-cabang   a decision with fewer than two labelled exits
    alur-lompat-tanpa-keputusan    an arrow from a non-decision step jumps over later steps

The ``alur-*`` rules run only when the sheet has arrows joined to its steps: a sheet whose
symbols are typed, or drawn without arrows, has no drawn flow to check.

Connectors come with their direction: (top, left) is where the arrow starts and (bottom,
right) where it ends (see ``sopxl.read.drawing``).
"""
from __future__ import annotations

import bisect
import math
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..a1 import rowcol_to_cell
from ..findings import Hit, declare
from ..grid import Shape
from ..model import Branch, Marker, Role, Section, SopDocument, Step
from ..resources import load_data

declare(__name__, "gambar-beda-simbol", "alur-langkah-tak-terjangkau", "alur-tidak-sampai-akhir",
        "alur-keputusan-kurang-cabang", "alur-lompat-tanpa-keputusan")

FLOW_KINDS = ("terminator", "process", "decision", "offpage")
_WORK = ("terminator", "process", "decision", "generic")  # symbols of a role doing the step
END_TOLERANCE = 0.6  # rows/cols an unglued arrow end may stop short of the symbol it points at
LABEL_TOLERANCE = 1.0  # rows/cols between a branch label and its arrow's start or middle
MAX_LABEL_CHARS = 40  # a longer text box is a note, not a branch label
PAGE_BREAK_ROWS = 3.0  # rows between the two unlabelled connectors of one page-break jump
WALK_BUDGET = 2_000_000  # arrows followed in all walks through unplaced symbols, per sheet

Point = tuple[float, float]  # (row_pos, col_pos)


def connector_ends(shape: Shape) -> tuple[Point, Point]:
    """Where a connector starts and ends, as (row_pos, col_pos)."""
    return (shape.top, shape.left), (shape.bottom, shape.right)


def apply_shapes(doc: SopDocument, shapes: list[Shape], *, include_sopxl: bool = False,
                 blank_rows: frozenset[int] = frozenset()) -> list[Hit]:
    """Place drawn symbols and arrows into ``doc`` (in place) and check the drawn flow.

    Shapes sopxl drew itself (``drawn_by_sopxl``) picture the typed markers, so reading them
    back would only check sopxl against itself; ``include_sopxl`` reads them anyway. An
    off-page connector on one of ``blank_rows`` (a row left empty at a printed page break)
    is a point the flow passes through, not the symbol of the step above it.
    """
    shapes = [s for s in shapes if include_sopxl or not s.drawn_by_sopxl]
    steps = doc.steps
    if not steps:
        return []
    matrix = _Matrix(doc)
    hits: list[Hit] = []

    symbols = [s for s in shapes if s.kind in FLOW_KINDS]
    paired = _paired_offpage(symbols)
    nodes: list[int] = [-(k + 1) for k in range(len(symbols))]  # a step index, or -(k + 1)
    # for symbol k outside any step. Off-page connectors last: they join the flow across a
    # page, they do no work, so beside a step's own symbol they name no actor.
    for k in sorted(range(len(symbols)), key=lambda k: symbols[k].kind == "offpage"):
        shape = symbols[k]
        at_break = shape.kind == "offpage" and int(shape.center[0]) in blank_rows
        where = None if k in paired or at_break else matrix.at(*shape.center)
        if where is None:
            continue
        i, role = where
        if shape.kind == "offpage" and any(m.symbol in _WORK for m in steps[i].markers):
            continue
        nodes[k] = i
        hit = _add_marker(steps[i], role, shape, matrix.role_order(i))
        if hit is not None:
            hits.append(hit)

    from .shape_extras import pictures  # here, not at the top: it builds on this module

    hits.extend(pictures(steps, matrix, [s for s in shapes if s.kind == "picture"]))
    flow = _Flow(matrix, symbols, nodes)
    for arrow in (s for s in shapes if s.kind == "connector"):
        flow.add(arrow)
    flow.link_offpage()
    if not flow.touches_steps():
        return hits

    for i, step in enumerate(steps):
        reached = flow.reach(i)
        step.next_steps = sorted(set(step.next_steps) | set(reached))
    _add_branches(steps, flow, [s for s in shapes if s.kind == "text"])

    for rule in (_unreachable, _no_end, _decision_branches, _jumps):
        hits.extend(rule(steps))
    return hits


# -- where a point falls in the matrix -------------------------------------------------------


class _Matrix:
    """Row spans of steps and column spans of roles, section by section."""

    def __init__(self, doc: SopDocument):
        self.starts: list[int] = []  # first row of each step, in step order
        self.ends: list[int] = []  # first row after it
        self.section_of: list[Section] = []
        self.role_spans: dict[int, list[tuple[int, int, Role]]] = {}
        sections = doc.sections
        for k, sec in enumerate(sections):
            rows = [s.row for s in sec.steps]
            spans = [b - a for a, b in zip(rows, rows[1:]) if b > a]
            tallest = max(spans, default=1)
            limit = sections[k + 1].header_row if k + 1 < len(sections) else None
            for j, step in enumerate(sec.steps):
                if j + 1 < len(sec.steps):
                    end = sec.steps[j + 1].row
                else:
                    # The last step has no next row to stop at: as tall as the tallest step,
                    # and never into the next section's header.
                    end = step.row + tallest
                    if limit is not None and limit > step.row:
                        end = min(end, limit)
                self.starts.append(step.row)
                self.ends.append(max(end, step.row + 1))
                self.section_of.append(sec)
            self.role_spans[id(sec)] = _role_spans(sec)

    def step_at(self, row: float) -> int | None:
        i = bisect.bisect_right(self.starts, row) - 1
        # Steps of later sections start lower, so only this one can hold the row.
        if i >= 0 and self.starts[i] <= row < self.ends[i]:
            return i
        return None

    def at(self, row: float, col: float) -> tuple[int, Role] | None:
        i = self.step_at(row)
        if i is None:
            return None
        for c0, c1, role in self.role_spans[id(self.section_of[i])]:
            if c0 <= col < c1:
                return i, role
        return None

    def role_order(self, i: int) -> dict[str, int]:
        return {r.name: r.col for r in self.section_of[i].roles}


def _role_spans(sec: Section) -> list[tuple[int, int, Role]]:
    """Each role owns the columns from its own up to the next column the matrix uses."""
    used = sorted({r.col for r in sec.roles} | set(sec.columns.values()) | set(sec.branch_columns.values()))
    out = []
    for role in sec.roles:
        after = [c for c in used if c > role.col]
        out.append((role.col, after[0] if after else role.col + 1, role))
    return out


# -- symbols ---------------------------------------------------------------------------------


def _symbol_names(lang: str) -> dict[str, str]:
    return load_data("shapes.json")["symbol_names"][lang]


def _paired_offpage(symbols: list[Shape]) -> set[int]:
    """Off-page connectors whose label another one repeats: the two ends of a jump between
    printed pages, points the flow passes through, not the symbol of the step whose cell
    they share."""
    groups: dict[str, list[int]] = {}
    for k, s in enumerate(symbols):
        if s.kind == "offpage" and s.text.strip():
            groups.setdefault(" ".join(s.text.split()).casefold(), []).append(k)
    return {k for ks in groups.values() if len(ks) > 1 for k in ks}


def _add_marker(step: Step, role: Role, shape: Shape, order: dict[str, int]) -> Hit | None:
    mine = [m for m in step.markers if m.role == role.name]
    if any(m.symbol == shape.kind for m in mine):
        return None  # the cell (or another shape) already says so
    clash = [m for m in mine if m.source != "shape" and m.symbol in FLOW_KINDS]
    if clash:
        typed = clash[0]
        ids, ens = _symbol_names("id"), _symbol_names("en")
        return Hit("gambar-beda-simbol", typed.cell, {
            "peran": role.name, "diketik": ids.get(typed.symbol, typed.symbol),
            "digambar": ids.get(shape.kind, shape.kind), "typed": ens.get(typed.symbol, typed.symbol),
            "drawn": ens.get(shape.kind, shape.kind), "teks": typed.text,
        })
    step.markers.append(Marker(role.name, shape.kind, shape.text or shape.preset,
                               rowcol_to_cell(step.row, role.col), source="shape"))
    step.markers.sort(key=lambda m: order.get(m.role, 1 << 30))
    return None


# -- arrows ----------------------------------------------------------------------------------


def _gap(p: Point, s: Shape) -> float:
    """Distance from a point to a shape's box, in rows/cols (0 inside)."""
    top, bottom = min(s.top, s.bottom), max(s.top, s.bottom)
    left, right = min(s.left, s.right), max(s.left, s.right)
    dr = max(top - p[0], 0.0, p[0] - bottom)
    dc = max(left - p[1], 0.0, p[1] - right)
    return math.hypot(dr, dc)


class _RowIndex:
    """Shapes by the rows they lie near, so finding what is near a point does not compare it
    with every shape on a sheet of thousands."""

    SPAN = 64  # a shape reaching over more rows than this is checked for every point

    def __init__(self, shapes: list[Shape], reach: float):
        self.shapes = shapes
        self.rows: dict[int, list[int]] = {}
        self.tall: list[int] = []
        for k, s in enumerate(shapes):
            r0 = math.floor(min(s.top, s.bottom) - reach)
            r1 = math.floor(max(s.top, s.bottom) + reach)
            if r1 - r0 > self.SPAN:
                self.tall.append(k)
                continue
            for r in range(r0, r1 + 1):
                self.rows.setdefault(r, []).append(k)

    def near(self, p: Point, reach: float) -> list[tuple[float, int]]:
        """(gap, index) of the shapes within ``reach`` of a point, nearest first."""
        ks = self.rows.get(math.floor(p[0]), []) + self.tall
        return sorted((g, k) for k, g in ((k, _gap(p, self.shapes[k])) for k in ks) if g <= reach)


@dataclass
class _Arrow:
    shape: Shape | None  # None for the jump between two off-page connectors with one label
    src: int  # node: step index, or -(k + 1) for unplaced symbol k
    dst: int
    src_symbol: int | None  # index into the symbols, when an end met a symbol
    dst_symbol: int | None


@dataclass
class _Flow:
    matrix: _Matrix
    symbols: list[Shape]
    nodes: list[int]
    arrows: list[_Arrow] = field(default_factory=list)
    out: dict[int, list[_Arrow]] = field(default_factory=dict)  # node -> arrows leaving it
    by_id: dict[int, int] = field(default_factory=dict)  # shape id -> symbol index
    budget: int = WALK_BUDGET

    def __post_init__(self) -> None:
        for k, s in enumerate(self.symbols):
            self.by_id.setdefault(s.id, k)
        self.index = _RowIndex(self.symbols, END_TOLERANCE)

    def _ends(self, shape_id: int | None, p: Point) -> list[tuple[float, int, int | None]]:
        """What an arrow end may meet, best first, as (gap, node, symbol): the symbol it is
        glued to; else the nearest symbols close enough, then the step whose role cells hold
        the point (an arrow into a typed marker's cell)."""
        if shape_id is not None and shape_id in self.by_id:
            k = self.by_id[shape_id]
            return [(0.0, self.nodes[k], k)]
        out: list[tuple[float, int, int | None]] = [
            (g, self.nodes[k], k) for g, k in self.index.near(p, END_TOLERANCE)[:3]]
        where = self.matrix.at(*p)
        if where is not None:
            out.append((END_TOLERANCE * 1.01, where[0], None))
        return out

    def add(self, shape: Shape) -> None:
        p0, p1 = connector_ends(shape)
        best: tuple[float, int, int, int | None, int | None] | None = None
        # Both ends near one symbol (a short arrow leaving it): one of them meets the other
        # symbol or cell it points at, so pick the closest pair of two different places.
        for g0, n0, k0 in self._ends(shape.start_id, p0):
            for g1, n1, k1 in self._ends(shape.end_id, p1):
                if k0 is not None and k0 == k1:
                    continue
                if best is None or g0 + g1 < best[0]:
                    best = (g0 + g1, n0, n1, k0, k1)
        if best is None or best[1] == best[2]:
            return  # dangling, or between two actors of one step
        self._link(_Arrow(shape, best[1], best[2], best[3], best[4]))

    def _link(self, arrow: _Arrow) -> None:
        self.arrows.append(arrow)
        self.out.setdefault(arrow.src, []).append(arrow)

    def link_offpage(self) -> None:
        """Off-page connectors with the same label are one point of the flow: the flow goes on
        from the one arrows reach to the one arrows leave."""
        ins = {a.dst_symbol for a in self.arrows if a.dst_symbol is not None}
        outs = {a.src_symbol for a in self.arrows if a.src_symbol is not None}
        groups: dict[str, list[int]] = {}
        for k, s in enumerate(self.symbols):
            if s.kind == "offpage" and s.text.strip():
                groups.setdefault(" ".join(s.text.split()).casefold(), []).append(k)
        for ks in groups.values():
            for a in ks:
                if a not in ins or a in outs:
                    continue
                for b in ks:
                    if b in outs and b not in ins and self.nodes[a] != self.nodes[b]:
                        self._link(_Arrow(None, self.nodes[a], self.nodes[b], a, b))
        self._link_unlabelled(ins, outs)

    def _link_unlabelled(self, ins: set[int], outs: set[int]) -> None:
        """Unlabelled connectors drawn in pairs across a page break, one over the other in the
        same column: the flow goes from the one arrows reach on to the nearest one arrows leave."""
        blank = [k for k, s in enumerate(self.symbols)
                 if s.kind == "offpage" and not s.text.strip() and self.nodes[k] < 0]
        for a in blank:
            if a not in ins or a in outs:
                continue
            ra, ca = self.symbols[a].center
            near = [(abs(self.symbols[b].center[0] - ra), b) for b in blank
                    if b in outs and b not in ins and abs(self.symbols[b].center[1] - ca) < 0.5
                    and 0 < abs(self.symbols[b].center[0] - ra) <= PAGE_BREAK_ROWS]
            if near:
                b = min(near)[1]
                self._link(_Arrow(None, self.nodes[a], self.nodes[b], a, b))

    def touches_steps(self) -> bool:
        return any(a.shape is not None and (a.src >= 0 or a.dst >= 0) for a in self.arrows)

    def targets(self, arrow: _Arrow) -> list[int]:
        """The steps an arrow leads to, passing through symbols that belong to no step."""
        if arrow.dst >= 0:
            return [arrow.dst]
        return self._walk([arrow.dst], {arrow.src, arrow.dst})

    def reach(self, i: int) -> list[int]:
        """The steps the arrows leaving step ``i`` lead to."""
        return self._walk([i], {i})

    def _walk(self, queue: list[int], seen: set[int]) -> list[int]:
        found: list[int] = []
        while queue and self.budget > 0:
            n = queue.pop(0)
            for a in self.out.get(n, []):
                self.budget -= 1
                if a.dst in seen:
                    continue
                seen.add(a.dst)
                if a.dst >= 0:
                    found.append(a.dst)
                else:
                    queue.append(a.dst)
        return found


# -- decisions -------------------------------------------------------------------------------


def _add_branches(steps: list[Step], flow: _Flow, boxes: list[Shape]) -> None:
    exits = [(i, a) for i, s in enumerate(steps) if s.symbol == "decision"
             for a in flow.out.get(i, []) if a.shape is not None]
    labels = _match_labels([a.shape for _, a in exits if a.shape is not None],
                           [b for b in boxes if b.text and len(b.text) <= MAX_LABEL_CHARS])
    from .shape_extras import complete_pairs

    complete_pairs(exits, labels, flow, [b for b in boxes if b.text])
    for i, arrow in exits:
        assert arrow.shape is not None
        step = steps[i]
        label, box = arrow.shape.text.strip(), None
        if not label and id(arrow.shape) in labels:
            box = labels[id(arrow.shape)]
            label = box.text.strip()
        if not label:
            continue  # an unlabelled exit still counts in next_steps, but is no branch
        cell = box.cell if box is not None else _cell(step, "decision")
        for j in flow.targets(arrow):
            # A step with no number of its own (or "5a") cannot be named as a target.
            target = steps[j].number.value if steps[j].number_value is not None else None
            if any(b.label.casefold() == label.casefold() and b.target == target for b in step.branches):
                continue
            step.branches.append(Branch(label, target, cell, source="shape"))


def _match_labels(arrows: list[Shape], boxes: list[Shape]) -> dict[int, Shape]:
    """Give each arrow the nearest free text box, each box once: labels written at an arrow's
    start first (where offices put "Ya"/"Tidak"), then at its middle, nearest pairs first. A
    long arrow looping back up passes by other decisions' labels with its middle."""
    index = _RowIndex(boxes, LABEL_TOLERANCE)
    pairs: list[tuple[int, float, int, int]] = []
    for a, arrow in enumerate(arrows):
        if arrow.text.strip():
            continue
        start, end = connector_ends(arrow)
        middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
        for rank, point in enumerate((start, middle)):
            pairs.extend((rank, gap, a, b) for gap, b in index.near(point, LABEL_TOLERANCE))
    out: dict[int, Shape] = {}
    used: set[int] = set()
    for _, _, a, b in sorted(pairs):
        if id(arrows[a]) in out or b in used:
            continue
        out[id(arrows[a])] = boxes[b]
        used.add(b)
    return out


# -- the drawn-flow rules --------------------------------------------------------------------


def _number(steps: list[Step], i: int) -> str:
    return steps[i].number.value or str(i + 1)


def _cell(step: Step, symbol: str | None = None) -> str:
    """Where to point at a step: its drawn symbol, else its typed one, else its number."""
    markers = [m for m in step.markers if symbol is None or m.symbol == symbol] or step.markers
    for m in markers:
        if m.source == "shape":
            return m.cell
    if markers:
        return markers[0].cell
    return step.number.cell or step.kegiatan.cell or rowcol_to_cell(step.row, 0)


def _unreachable(steps: list[Step]) -> Iterator[Hit]:
    reached = {j for s in steps for j in s.next_steps}
    for i, step in enumerate(steps):
        if i == 0 or i in reached:
            continue
        if step.symbol == "terminator" and step.next_steps:
            continue  # another start ("Mulai") of a procedure in a later section
        yield Hit("alur-langkah-tak-terjangkau", _cell(step),
                  {"nomor": _number(steps, i), "kegiatan": step.kegiatan.value})


def _no_end(steps: list[Step]) -> Iterator[Hit]:
    if len(steps) < 2:
        return
    ends = {i for i, s in enumerate(steps) if i > 0 and s.symbol == "terminator"} or {len(steps) - 1}
    seen, queue = {0}, [0]
    while queue:
        for j in steps[queue.pop()].next_steps:
            if j not in seen:
                seen.add(j)
                queue.append(j)
    if seen & ends:
        return
    dead = sorted(i for i in seen if not steps[i].next_steps)
    stop = dead[0] if dead else max(seen)
    yield Hit("alur-tidak-sampai-akhir", _cell(steps[stop]),
              {"nomor": _number(steps, stop), "akhir": _number(steps, max(ends))})


def _decision_branches(steps: list[Step]) -> Iterator[Hit]:
    for i, step in enumerate(steps):
        if step.symbol != "decision":
            continue
        if len({b.label.casefold() for b in step.branches if b.source != "shape"}) >= 2:
            continue  # the branches are written out in the Keterangan or branch columns
        labels = {b.label.casefold() for b in step.branches if b.source == "shape"}
        if len(labels) < 2:
            yield Hit("alur-keputusan-kurang-cabang", _cell(step, "decision"),
                      {"nomor": _number(steps, i), "jumlah": len(labels)})


def _jumps(steps: list[Step]) -> Iterator[Hit]:
    for i, step in enumerate(steps):
        if step.symbol == "decision":
            continue
        for j in step.next_steps:
            if j > i + 1:
                yield Hit("alur-lompat-tanpa-keputusan", _cell(step),
                          {"nomor": _number(steps, i), "ke": _number(steps, j)})
