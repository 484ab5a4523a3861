"""Several SOPs stacked on one sheet, each read as its own SOP.

Some offices paste every SOP into one long sheet: an identity block, its table, then the next
SOP's identity block and table below it. Read as one sheet, the second SOP's identity rows and
steps would run on as steps of the first. A sheet is cut into bands before it is parsed: a new
band starts at an identity block (Nomor SOP and Nama SOP, or two identity fields on two rows
or more) lying between one table header and the next. Each band keeps the sheet's name and
cell addresses, so every finding still names the right cell.
"""
from __future__ import annotations

from ..a1 import rowcol_to_cell
from ..findings import Hit, declare
from ..grid import Grid
from .header import Header, find_header, header_label
from .vocab import MEMO_MAX, Vocab

STACKED = declare(__name__, "sop-bertumpuk")[0]
_LABEL_CHARS = 40


def split_stacked(grid: Grid, vocab: Vocab, candidates: set[int],
                  found: dict[int, Header | None] | None = None,
                  identity: dict[int, set[str]] | None = None) -> list[tuple[Grid, Hit | None]]:
    """The sheet's SOPs as bands of the one grid, top to bottom; each band after the first
    comes with the info hit that says where it starts. ``candidates``: ``header_rows``;
    ``found`` (when given) keeps the ``find_header`` result of each row looked at, for the
    parser of a sheet left whole; ``identity``: ``label_rows``'s, when the caller has it."""
    starts = _starts(grid, vocab, sorted(candidates), {} if found is None else found, identity)
    if not starts:
        return [(grid, None)]
    bounds = [0, *starts, grid.n_rows]
    out: list[tuple[Grid, Hit | None]] = []
    for i, (lo, hi) in enumerate(zip(bounds, bounds[1:])):
        hit = None if i == 0 else Hit(STACKED, _first_cell(grid, lo, hi), {
            "baris": lo + 1, "nomor": i + 1})
        out.append((_band(grid, lo, hi), hit))
    return out


def label_rows(grid: Grid, vocab: Vocab) -> tuple[set[int], dict[int, set[str]]]:
    """``header_rows``, and row -> the identity fields labelled on it for the whole sheet: one
    pass over the cells gives both, and every SOP sheet needs both (its "Nomor SOP" row is a
    header candidate too, so the split looks for identity labels below it)."""
    rows: set[int] = set()
    identity: dict[int, set[str]] = {}
    memo = vocab.remembered("label_rows")
    for (r, _c), v in grid.values.items():
        # Past 80 characters a text labels nothing (header labels are at most 40, identity
        # labels 80): not even looked up, as most of a sheet's long texts are new to the memo.
        if type(v) is str and len(v) <= _LABEL_CHARS * 2:
            hit = memo.get(v)
            if hit is None:
                hit = (header_label(v, vocab), _identity_label(v, vocab))
                if not hit[0] and hit[1] is None:
                    hit = ()  # neither, as most texts: one test below instead of two
                if len(memo) < MEMO_MAX:
                    memo[v] = hit
            if hit:
                if hit[0]:
                    rows.add(r)
                if hit[1] is not None:
                    identity.setdefault(r, set()).add(hit[1])
    return rows, identity


def _identity_rows(grid: Grid, vocab: Vocab, below: int) -> dict[int, set[str]]:
    """Row -> the identity fields labelled on it ("Nomor SOP", "Nama SOP : …"), for the rows
    below row ``below``."""
    rows: dict[int, set[str]] = {}
    memo = vocab.remembered("identity_rows")
    for (r, _c), v in grid.values.items():
        if r > below and type(v) is str:
            name = memo.get(v, memo)
            if name is memo:
                name = _identity_label(v, vocab)
                if len(memo) < MEMO_MAX:
                    memo[v] = name
            if name is not None:
                rows.setdefault(r, set()).add(name)
    return rows


def _identity_label(v: str, vocab: Vocab) -> str | None:
    """The identity field a cell labels ("Nomor SOP", "Nama SOP : …"), or None."""
    if len(v) > _LABEL_CHARS * 2:
        return None
    label = v.split(":")[0] if ":" in v else v
    return vocab.identity.find(label) if len(label) <= _LABEL_CHARS else None


def _starts(grid: Grid, vocab: Vocab, candidates: list[int], found: dict[int, Header | None],
            labelled: dict[int, set[str]] | None) -> list[int]:
    """The first row of every SOP after the first: where the identity block between two table
    headers begins."""
    if len(candidates) < 2:
        return []
    if labelled is None:
        identity = _identity_rows(grid, vocab, candidates[0])
    else:
        identity = {r: fields for r, fields in labelled.items() if r > candidates[0]}
    if not identity:
        return []  # the usual sheet: its identity block above its one table (cheap way out)
    n_cols = grid.n_cols
    last_label = max(identity)
    headers: list[int] = []
    for r in candidates:
        if not headers and r > last_label:
            return []  # no identity label below the first header: one SOP
        found[r] = find_header(grid, r, vocab, n_cols)
        if found[r] is not None:
            headers.append(r)
    starts = []
    for before, header in zip(headers, headers[1:]):
        rows = sorted(r for r in identity if before < r < header)
        fields = set().union(*(identity[r] for r in rows)) if rows else set()
        if {"nomor", "nama"} <= fields or (len(fields) >= 2 and len(rows) >= 2):
            starts.append(rows[0])
    return starts


def _band(grid: Grid, lo: int, hi: int) -> Grid:
    """Rows ``lo`` to ``hi`` (exclusive) of the sheet, at their own addresses."""
    return Grid(grid.name, values={rc: v for rc, v in grid.values.items() if lo <= rc[0] < hi},
                merged=[m for m in grid.merged if lo <= m[0] < hi],
                shapes=[s for s in grid.shapes if lo <= s.center[0] < hi], hidden=grid.hidden)


def _first_cell(grid: Grid, lo: int, hi: int) -> str:
    first = min((rc for rc in grid.values if lo <= rc[0] < hi), default=(lo, 0))
    return rowcol_to_cell(*first)
