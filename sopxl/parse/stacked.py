"""Several SOPs stacked on one sheet, each read as its own SOP.

Some offices paste every SOP into one long sheet: an identity block, its table, then the next
SOP's identity block and table below it. Read as one sheet, the second SOP's identity rows and
steps would run on as steps of the first. A sheet is cut into bands before it is parsed: a new
band starts at an identity block (Nomor SOP and Nama SOP, or two identity fields on two rows
or more) lying between one table header and the next; on a sheet with no identity between
its tables, at a one-text title row (a service's name merged over the table, "KARTU
KELUARGA") right above a table header, when the table before it sits under a title of its own
that says something else. Each band keeps the sheet's name and cell addresses, so every
finding still names the right cell.
"""
from __future__ import annotations

from ..a1 import rowcol_to_cell
from ..findings import Hit, declare
from ..grid import Grid
from .header import Header, find_header, header_label
from .matrix import is_section_title
from .text import key, tidy
from .vocab import MEMO_MAX, Vocab

STACKED, TITLED = declare(__name__, "sop-bertumpuk", "sop-bertumpuk-judul")
_LABEL_CHARS = 40
_TITLE_CHARS = 120  # a service's name, not a sentence of prose


def split_stacked(grid: Grid, vocab: Vocab, candidates: set[int],
                  found: dict[int, Header | None] | None = None,
                  identity: dict[int, set[str]] | None = None) -> list[tuple[Grid, Hit | None]]:
    """The sheet's SOPs as bands of the one grid, top to bottom; each band after the first
    comes with the info hit that says where it starts. ``candidates``: ``header_rows``;
    ``found`` (when given) keeps the ``find_header`` result of each row looked at, for the
    parser of a sheet left whole; ``identity``: ``label_rows``'s, when the caller has it."""
    ordered = sorted(candidates)
    found = {} if found is None else found
    code = STACKED
    starts = _starts(grid, vocab, ordered, found, identity)
    if not starts:
        code, starts = TITLED, _titled_starts(grid, vocab, ordered, found, identity)
    if not starts:
        return [(grid, None)]
    bounds = [0, *starts, grid.n_rows]
    out: list[tuple[Grid, Hit | None]] = []
    for i, (lo, hi) in enumerate(zip(bounds, bounds[1:])):
        hit = None
        if i:
            params: dict[str, object] = {"baris": lo + 1, "nomor": i + 1}
            if code == TITLED:
                params["judul"] = _title_text(grid, lo, vocab) or ""
            hit = Hit(code, _first_cell(grid, lo, hi), params)
        out.append((_band(grid, lo, hi), hit))
    return out


def _titled_starts(grid: Grid, vocab: Vocab, candidates: list[int],
                   found: dict[int, Header | None], labelled: dict[int, set[str]] | None) -> list[int]:
    """The title rows that start a new SOP on a sheet with no identity between its tables:
    a one-text title right above a header, under which a table follows one that has a
    different title right above its own header. A header repeated at a page break (no title,
    or the same running title) goes on with its table; a lettered title ("B. LEGALISIR
    RAPOR") is a section of the same SOP, for ``parse_matrix``."""
    if len(candidates) < 2 or not any(_title_text(grid, r - 1, vocab) for r in candidates[1:]):
        return []  # the usual sheet: no title above any later header (cheap way out)
    if labelled and any(r > candidates[0] for r in labelled):
        return []  # identity labels between the tables: ``_starts`` had its say
    n_cols = grid.n_cols
    headers: list[Header] = []
    for r in candidates:
        if r not in found:
            found[r] = find_header(grid, r, vocab, n_cols)
        header = found[r]
        if header is not None:
            headers.append(header)
    starts = []
    for before, header in zip(headers, headers[1:]):
        if header.top - 1 <= before.bottom:
            continue
        title = _title_text(grid, header.top - 1, vocab)
        earlier = _title_text(grid, before.top - 1, vocab)
        if title and earlier and key(title) != key(earlier):
            starts.append(header.top - 1)
    return starts


def _title_text(grid: Grid, row: int, vocab: Vocab) -> str | None:
    """The text of a one-text title row ("KARTU KELUARGA", typed once or merged across the
    table), or None: not a section title ("A. …", "Tahap …"), a label, a number or prose."""
    if row < 0:
        return None
    cols = [c for c in grid.cols_in_row(row) if grid.text(row, c)]
    if not cols:
        return None
    text = grid.text(row, cols[0])
    if len(cols) > 1:
        merge = grid.merge_at(row, cols[0])
        if merge is None or merge[0] != row or merge[3] < cols[-1] or \
                any(grid.text(row, c) != text for c in cols):
            return None
    if len(text) > _TITLE_CHARS or not any(ch.isalpha() for ch in text) or text.rstrip().endswith(":"):
        return None
    if is_section_title(text) or header_label(text, vocab) or _identity_label(text, vocab):
        return None
    return tidy(text)


def label_rows(grid: Grid, vocab: Vocab) -> tuple[set[int], dict[int, set[str]]]:
    """``header_rows``, and row -> the identity fields labelled on it for the whole sheet: one
    pass over the cells gives both, and every SOP sheet needs both (its "Nomor SOP" row is a
    header candidate too, so the split looks for identity labels below it)."""
    rows: set[int] = set()
    identity: dict[int, set[str]] = {}
    memo = vocab.remembered("label_rows")
    known = memo.get  # asked of every cell: bound once
    for rc, v in grid.values.items():
        # Past 80 characters a text labels nothing (header labels are at most 40, identity
        # labels 80): not even looked up, as most of a sheet's long texts are new to the memo.
        if type(v) is str and len(v) <= _LABEL_CHARS * 2:
            hit = known(v)
            if hit is None:
                hit = (header_label(v, vocab), _identity_label(v, vocab))
                if not hit[0] and hit[1] is None:
                    hit = ()  # neither, as most texts: one test below instead of two
                if len(memo) < MEMO_MAX:
                    memo[v] = hit
            if hit:
                r = rc[0]
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
