"""The procedure table of one SOP laid out on printed pages, with its flowchart drawn.

Columns: No | Kegiatan | one column per Pelaksana | Mutu Baku (Kelengkapan, Waktu, Output) |
Keterangan. The two header rows are repeated on every page. Each step's symbol sits in the
middle of its role cell with room left on both sides and above and below: that room is where
arrows run, so an arrow never needs to pass through a symbol and no text is ever under one
(text lives only in the No, Kegiatan, Mutu Baku and Keterangan columns).

Arrows are routed by ``sopxl.pdf.route``. An arrow to a step on another page stops at an
off-page connector (segi lima, lettered A, B, …) in a strip at the foot of its page and goes
on from a connector with the same letter in a strip at the head of the target's page.
Which arrows leave each step (next step, decision branches, "Selesai" has none) is the same
reading of the document ``sopxl draw`` makes (``sopxl.draw.arrows.exits``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..a1 import col_to_letters
from ..draw.arrows import exits as arrow_exits
from ..model import SopDocument, Step
from .page import Box, Measure, Page, Rect, Symbol, pieces, text_height, text_in
from .route import BOTTOM, TOP, Router

MARGIN = 28.0
TITLE_H = 30.0
FOOTER_H = 16.0
FONT = 7.0
HEAD_FONT = 7.0
HEAD_SIZES = (HEAD_FONT, 6.5, 6.0, 5.5, 5.0, 4.5)  # a role header shrinks to these before a word is cut
MIN_ROW = 36.0
STRIP = 26.0  # a row of off-page connectors at the foot / head of a page
SECTION_H = 15.0
SYM_W, SYM_H = 56.0, 15.0
OFF = 13.0  # an off-page connector's width and height
ROLE_MIN = 50.0
# No, Kegiatan, Kelengkapan, Waktu, Output, Keterangan at their ideal widths.
FIXED = (22.0, 150.0, 88.0, 46.0, 80.0, 78.0)
KINDS = ("terminator", "process", "decision", "offpage")


@dataclass
class Columns:
    x: list[float]  # left edge of each column
    w: list[float]
    roles: list[str]

    def role_box(self, role: int, top: float, h: float) -> Box:
        return Box(self.x[2 + role], top, self.w[2 + role], h)

    @property
    def right(self) -> float:
        return self.x[-1] + self.w[-1]


@dataclass
class _Row:
    kind: str  # step | section
    h: float
    step: int = -1
    text: str = ""
    size: float = FONT


@dataclass
class FlowLayout:
    """The pages of one procedure table, and what the geometry tests look at."""

    pages: list[Page] = field(default_factory=list)
    step_page: dict[int, int] = field(default_factory=dict)  # step index -> page index
    collisions: int = 0  # arrows the router could not keep clear of symbols (0 expected)


def columns(n_roles: int, left: float, width: float) -> Columns:
    n = max(1, n_roles)
    fixed = list(FIXED)
    role_w = (width - sum(fixed)) / n
    if role_w < ROLE_MIN:
        scale = max(0.55, (width - ROLE_MIN * n) / sum(fixed))
        fixed = [f * scale for f in fixed]
        role_w = (width - sum(fixed)) / n
    widths = fixed[:2] + [role_w] * n + fixed[2:]
    xs, x = [], left
    for w in widths:
        xs.append(x)
        x += w
    return Columns(xs, widths, [])


def _symbol_kind(step: Step, marker_symbol: str) -> str:
    if marker_symbol in KINDS:
        return marker_symbol
    return step.symbol if step.symbol in KINDS else "process"


def _row_height(step: Step, cols: Columns, measure: Measure, room: float) -> tuple[float, float]:
    """(height, font size) of a step's row: a text too long for a page is set smaller, never cut."""
    n = len(cols.w)
    cells = [(0, step.number.value), (1, step.kegiatan.value), (n - 4, step.kelengkapan.value),
             (n - 3, step.waktu.value), (n - 2, step.output.value), (n - 1, step.keterangan.value)]
    for size in (FONT, 6.0, 5.0, 4.0, 3.0):
        h = max([MIN_ROW] + [text_height(t, cols.w[c], size, measure) for c, t in cells if t])
        if h <= room:
            break
    return h, size


def head_size(text: str, width: float, measure: Measure, pad: float = 2.5) -> float:
    """The type size of a role header: the largest at which no word ("Kepegawaian") has to
    be cut; the smallest when even that cuts one."""
    words = [p for w in text.split() for p in pieces(w)]
    for size in HEAD_SIZES:
        if all(measure(p, size, True) <= width - 2 * pad for p in words):
            return size
    return HEAD_SIZES[-1]


def _header(page: Page, cols: Columns, top: float, measure: Measure) -> float:
    """The two header rows at ``top``; returns their bottom."""
    n = len(cols.w)
    roles = cols.roles or ["Pelaksana"]
    sizes = [head_size(r, cols.w[2 + i], measure) for i, r in enumerate(roles)]
    h2 = max([14.0] + [text_height(r, cols.w[2 + i], sizes[i], measure, True) for i, r in enumerate(roles)])
    h1 = 14.0
    full = h1 + h2

    def cell(x: float, y: float, w: float, h: float, text: str, size: float = HEAD_FONT) -> None:
        b = Box(x, y, w, h)
        page.rects.append(Rect(b, fill=0.9))
        tb = text_in(b, text, size, measure, bold=True, align="c")
        # Vertically centred: move the block down by half the room it leaves.
        used = len(tb.lines) * tb.line_height
        tb.box = Box(tb.box.x, b.y + max(2.0, (h - used) / 2), tb.box.w, used)
        page.texts.append(tb)

    cell(cols.x[0], top, cols.w[0], full, "No")
    cell(cols.x[1], top, cols.w[1], full, "Kegiatan")
    cell(cols.x[2], top, sum(cols.w[2:n - 4]), h1, "Pelaksana")
    for i, r in enumerate(roles):
        cell(cols.x[2 + i], top + h1, cols.w[2 + i], h2, r, sizes[i])
    cell(cols.x[n - 4], top, sum(cols.w[n - 4:n - 1]), h1, "Mutu Baku")
    for c, label in ((n - 4, "Kelengkapan"), (n - 3, "Waktu"), (n - 2, "Output")):
        cell(cols.x[c], top + h1, cols.w[c], h2, label)
    cell(cols.x[n - 1], top, cols.w[n - 1], full, "Keterangan")
    return top + full


def _title(page: Page, doc: SopDocument, left: float, width: float, measure: Measure) -> None:
    name = doc.nama or doc.sheet
    nomor = f"Nomor: {doc.nomor}" if doc.nomor.strip() else ""
    page.texts.append(text_in(Box(left, MARGIN, width * 0.75, TITLE_H), name, 10, measure, bold=True,
                              pad=0))
    if nomor:
        page.texts.append(text_in(Box(left + width * 0.75, MARGIN, width * 0.25, TITLE_H), nomor, 8,
                                  measure, align="r", pad=0))


def layout_flow(doc: SopDocument, paper: tuple[float, float], measure: Measure) -> FlowLayout:
    """The procedure table of ``doc`` on as many pages of ``paper`` as it needs."""
    pw, ph = paper
    left, width = MARGIN, pw - 2 * MARGIN
    cols = columns(len(doc.roles), left, width)
    cols.roles = list(doc.roles)
    role_index = {r: i for i, r in enumerate(cols.roles)}
    steps = doc.steps

    rows: list[_Row] = []
    index = {id(s): k for k, s in enumerate(steps)}
    # The most a row may take: a page's body less both connector strips and a section title.
    body_top = MARGIN + TITLE_H + _header_height(cols, measure)
    room = ph - MARGIN - FOOTER_H - body_top - 2 * STRIP - SECTION_H
    for k, sec in enumerate(doc.sections):
        if sec.name:
            rows.append(_Row("section", SECTION_H, text=doc.section_label(k)))
        for s in sec.steps:
            h, size = _row_height(s, cols, measure, room)
            rows.append(_Row("step", h, step=index[id(s)], size=size))

    drawn: dict[int, list] = {}
    for i, s in enumerate(steps):
        if any(m.role in role_index for m in s.markers):
            drawn[i] = []
    exits = {i: arrow_exits(doc, i, drawn) for i in drawn}

    def paginate(top_strip_first: bool) -> list[list[_Row]]:
        pages: list[list[_Row]] = [[]]
        head = _header_height(cols, measure)
        body_top = MARGIN + TITLE_H + head
        limit = ph - MARGIN - FOOTER_H - STRIP
        y = body_top + (STRIP if top_strip_first else 0)
        for r in rows:
            if y + r.h > limit and pages[-1]:
                pages.append([])
                y = body_top + STRIP
            pages[-1].append(r)
            y += r.h
        return pages

    def page_of(paged: list[list[_Row]]) -> dict[int, int]:
        return {r.step: p for p, rs in enumerate(paged) for r in rs if r.kind == "step"}

    paged = paginate(False)
    where = page_of(paged)
    if any(where[j] == 0 and where[i] != 0 for i in exits for _, j in exits[i]):
        paged = paginate(True)
        where = page_of(paged)

    out = FlowLayout(step_page=where)
    routers: list[Router] = []
    strips: list[tuple[float, float]] = []  # per page: y of the head strip, y of the foot strip
    for p, prow in enumerate(paged):
        page = Page(pw, ph, kind="prosedur")
        _title(page, doc, left, width, measure)
        y = _header(page, cols, MARGIN + TITLE_H, measure)
        head_strip = y
        if p > 0 or any(where[j] == 0 and where[i] != 0 for i in exits for _, j in exits[i]):
            y += STRIP
        for r in prow:
            if r.kind == "section":
                b = Box(left, y, width, r.h)
                page.rects.append(Rect(b, fill=0.96))
                page.texts.append(text_in(b, r.text, FONT + 0.5, measure, bold=True))
            else:
                _step_row(page, doc, cols, steps[r.step], r.step, y, r, role_index, drawn, measure)
            y += r.h
        strips.append((head_strip, y))
        out.pages.append(page)
        routers.append(Router(page, cols, measure))

    # Arrows: within a page straight to the target; across pages through a pair of connectors.
    letter = 0
    for i in sorted(exits):
        for label, j in exits[i]:
            a, b = drawn[i][0], drawn[j][0]
            pa, pb = where[i], where[j]
            if pa == pb:
                routers[pa].connect(a, b, label)
                continue
            name = col_to_letters(letter)
            letter += 1
            out_c = _connector(out.pages[pa], routers[pa], cols, out.pages[pa].symbols[a].box.cx,
                               strips[pa][1] + (STRIP - OFF) / 2, name)
            in_c = _connector(out.pages[pb], routers[pb], cols, out.pages[pb].symbols[b].box.cx,
                              strips[pb][0] + (STRIP - OFF) / 2, name)
            routers[pa].connect(a, out_c, label)
            routers[pb].connect(in_c, b, "")
    for router in routers:
        router.finish()
        out.collisions += router.collisions
    for p, page in enumerate(out.pages):
        _strip_borders(page, cols, strips[p], p > 0 or strips[p][0] != strips[p][1])
    return out


def _header_height(cols: Columns, measure: Measure) -> float:
    scratch = Page(0, 0)
    return _header(scratch, cols, 0.0, measure)


def _step_row(page: Page, doc: SopDocument, cols: Columns, step: Step, i: int, y: float, row: _Row,
              role_index: dict[str, int], drawn: dict[int, list], measure: Measure) -> None:
    h = row.h
    n = len(cols.w)
    values = {0: step.number.value, 1: step.kegiatan.value, n - 4: step.kelengkapan.value,
              n - 3: step.waktu.value, n - 2: step.output.value, n - 1: step.keterangan.value}
    for c in range(n):
        b = Box(cols.x[c], y, cols.w[c], h)
        page.rects.append(Rect(b))
        text = values.get(c)
        if text:
            page.texts.append(text_in(b, text, row.size, measure, align="c" if c in (0, n - 3) else "l"))
    first_of_section = {id(sec.steps[0]) for sec in doc.sections if sec.steps}
    placed: set[int] = set()
    for m in step.markers:
        col = role_index.get(m.role)
        if col is None or col in placed:
            continue
        placed.add(col)
        cell = cols.role_box(col, y, h)
        w = min(SYM_W, cell.w * 0.62)
        sh = min(SYM_H, h - 20)
        kind = _symbol_kind(step, m.symbol)
        if kind == "decision":
            w, sh = min(w, 44.0), min(h - 16, 22.0)
        text = ""
        if kind == "terminator":
            text = "Mulai" if id(step) in first_of_section else "Selesai"
        elif kind == "offpage":
            w = sh = min(OFF + 3, sh)
            text = step.number.value.strip().rstrip(".")
        page.symbols.append(Symbol(kind, Box(cell.cx - w / 2, cell.cy - sh / 2, w, sh), text, i))
        drawn[i].append(len(page.symbols) - 1)
    # One step, several actors: a symbol in each column, joined left to right by one straight
    # line with no arrowhead, drawn from neighbour to neighbour. Markers are not always in
    # column order (a shape or a continuation row adds one later), and a join between the
    # first two listed would then run through the symbol between them.
    ids = sorted(drawn.get(i, []), key=lambda k: page.symbols[k].box.cx)
    for a, b in zip(ids, ids[1:]):
        sa, sb = page.symbols[a].box, page.symbols[b].box
        page.arrows.append(_plain((sa.right, sa.cy), (sb.x, sb.cy), a, b))


def _plain(p0: tuple[float, float], p1: tuple[float, float], a: int, b: int):
    from .page import Arrow

    return Arrow([p0, p1], head=False, ends=(a, b))


def _connector(page: Page, router: Router, cols: Columns, x: float, y: float, letter: str) -> int:
    """An off-page connector in a strip, in the column at ``x``, beside any already there."""
    taken = [s.box for s in page.symbols if s.kind == "offpage" and s.step < 0 and abs(s.box.y - y) < 1]
    cx = x
    while any(abs(b.cx - cx) < OFF + 3 for b in taken):
        cx += OFF + 5
    page.symbols.append(Symbol("offpage", Box(cx - OFF / 2, y, OFF, OFF), letter, -1))
    return len(page.symbols) - 1


def _strip_borders(page: Page, cols: Columns, strip: tuple[float, float], head: bool) -> None:
    """Frame the connector strips that hold a connector, as rows of the table."""
    for y in strip:
        if any(s.step < 0 and y <= s.box.y <= y + STRIP for s in page.symbols):
            page.rects.append(Rect(Box(cols.x[0], y, cols.right - cols.x[0], STRIP)))


__all__ = ["layout_flow", "FlowLayout", "columns", "TOP", "BOTTOM"]
