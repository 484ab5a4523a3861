"""Read the procedure matrix: sections, repeated headers, steps, markers, waktu.

Walks the sheet top to bottom once. A header repeated at a printed page break continues
the section it repeats; a title row ("A. PERENCANAAN", "B. PELAKSANAAN …") or a header
with other roles starts a new section. Column-number rows and blank rows are passed over.
"""
from __future__ import annotations

import re

from ..a1 import rowcol_to_cell
from ..findings import Hit
from ..grid import Grid
from ..model import Marker, Section, Step, Text
from .branches import branches_from_columns, branches_from_text
from .header import Header, find_header, header_rows, is_number_row
from .numbers import step_number
from .text import tidy
from .vocab import Vocab

# Upper case only: "a. memahami …" in a box is a list item, "A. PERENCANAAN" a section.
_TITLE = re.compile(r"^\s*(?:[A-H]|[IVX]{1,4})\s*[.)]\s+\S")
_TITLE_WORDS = re.compile(r"^\s*(?:tahap|bagian|sub\s*prosedur|prosedur)\b", re.I)


def _row_texts(grid: Grid, row: int, n_cols: int, limit: int = 0) -> list[tuple[int, str]]:
    """The non-empty texts of a row, left to right; with ``limit``, stop once that many are found."""
    out = []
    for c in grid.cols_in_row(row):
        if c < n_cols:
            t = grid.text(row, c)
            if t:
                out.append((c, t))
                if len(out) == limit:
                    break
    return out


def title_of_row(grid: Grid, row: int, n_cols: int, header: Header | None) -> str | None:
    """The text of a section title row, or None. A title is the only text on its row."""
    texts = _row_texts(grid, row, n_cols, limit=2)  # a second text already rules it out
    if len(texts) != 1:
        return None
    col, text = texts[0]
    if header is not None and col == header.columns["no"] and not _TITLE.match(text):
        return None
    if _TITLE.match(text) or _TITLE_WORDS.match(text):
        return tidy(text)
    return None


def parse_matrix(grid: Grid, vocab: Vocab, start_row: int = 0, candidates: set[int] | None = None,
                 ) -> tuple[list[Section], list[Hit]]:
    n_rows, n_cols = grid.n_rows, grid.n_cols
    sections: list[Section] = []
    hits: list[Hit] = []
    current: Section | None = None
    header: Header | None = None
    pending_title: tuple[str, int] | None = None
    if candidates is None:
        candidates = header_rows(grid, vocab)
    row = start_row
    while row < n_rows:
        found = find_header(grid, row, vocab, n_cols) if row in candidates else None
        if found is not None:
            repeated = (current is not None and header is not None and pending_title is None
                        and found.signature() == header.signature())
            if not repeated:
                current = _new_section(found, pending_title)
                sections.append(current)
                for cell in found.blank_roles:
                    hits.append(Hit("pelaksana-tanpa-nama", cell))
            header = found
            pending_title = None
            row = found.bottom + 1
            continue
        if header is None or current is None:
            title = title_of_row(grid, row, n_cols, None)
            pending_title = (title, row) if title else pending_title
            row += 1
            continue
        # A numbered row with a Kegiatan is a step: neither the "1 2 3" row nor a title.
        kegiatan = grid.text(row, header.columns["kegiatan"])
        plain_step = (step_number(grid.text(row, header.columns["no"])) is not None
                      and bool(kegiatan) and not kegiatan.isdigit())
        if not plain_step and is_number_row(grid, row, n_cols):
            row += 1
            continue
        title = None if plain_step else title_of_row(grid, row, n_cols, header)
        if title:
            pending_title = (title, row)
            row += 1
            continue
        step = _read_step(grid, row, header, vocab, current)
        if step is not None:
            if pending_title is not None:
                # A title with no header of its own: the section goes on with the same columns.
                if current.steps or current.title is not None:
                    current = _new_section(header, pending_title)
                    sections.append(current)
                else:
                    current.title = Text(pending_title[0], rowcol_to_cell(pending_title[1], 0))
                pending_title = None
            current.steps.append(step)
        row += 1
    return sections, hits


def _new_section(h: Header, title: tuple[str, int] | None) -> Section:
    t = None
    if title is not None:
        t = Text(title[0], rowcol_to_cell(title[1], h.columns["no"]))
    return Section(title=t, header_row=h.top, roles=list(h.roles), columns=dict(h.columns),
                   branch_columns=dict(h.branch_columns), waktu_unit=h.waktu_unit)


def _text(grid: Grid, row: int, col: int | None) -> Text:
    if col is None:
        return Text("", None)
    return Text(tidy(grid.text(row, col)), rowcol_to_cell(row, col))


def _read_step(grid: Grid, row: int, h: Header, vocab: Vocab, section: Section) -> Step | None:
    no_col = h.columns["no"]
    merge = grid.merge_at(row, no_col)
    if merge is not None and merge[0] < row and section.steps and section.steps[-1].row >= merge[0]:
        # The step's "No" cell reaches down over this row: the same step, on two rows.
        _add_markers(grid, row, h, vocab, section.steps[-1])
        return None
    number = _text(grid, row, no_col)
    kegiatan = _text(grid, row, h.columns["kegiatan"])
    step = Step(row=row, number=number, kegiatan=kegiatan)
    _add_markers(grid, row, h, vocab, step)
    if not number and not kegiatan and not step.markers:
        return None
    for name in ("kelengkapan", "output", "keterangan"):
        setattr(step, name, _text(grid, row, h.columns.get(name)))
    _read_waktu(grid, row, h, vocab, step, section)
    step.branches = branches_from_text(step.keterangan, vocab) + branches_from_columns(
        grid, row, h.branch_columns)
    return step


def _add_markers(grid: Grid, row: int, h: Header, vocab: Vocab, step: Step) -> None:
    for role in h.roles:
        v = grid.raw(row, role.col)
        if v is None:
            continue
        text = grid.text(row, role.col)
        kind = vocab.marker_kind(text)
        if kind == "arrow":
            continue
        step.markers.append(Marker(role.name, kind, text, rowcol_to_cell(row, role.col)))


def _read_waktu(grid: Grid, row: int, h: Header, vocab: Vocab, step: Step, section: Section) -> None:
    col = h.columns.get("waktu")
    if col is None:
        return
    step.waktu = _text(grid, row, col)
    merge = grid.merge_at(row, col)
    if merge is not None and merge[0] < row and any(s.row >= merge[0] for s in section.steps):
        # One waktu cell merged over several steps is counted once, at the first of them.
        step.waktu_shared = True
        step.waktu = Text(step.waktu.value, rowcol_to_cell(merge[0], merge[1]))
        return
    raw = grid.get(row, col)
    reading = vocab.durations.read(raw if isinstance(raw, (int, float)) else step.waktu.value,
                                   section.waktu_unit)
    step.minutes = reading.minutes
    step.waktu_problem = reading.problem
