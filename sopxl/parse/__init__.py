"""Grids to SOP documents: find the matrix, read identity, sections and steps.

``parse_sheet`` returns the document (or None with the reason the sheet is not an SOP)
and the hits the parser itself noticed (e.g. a role column with no name).
"""
from __future__ import annotations

from ..a1 import cell_to_rowcol, rowcol_to_cell
from ..findings import Hit, declare
from ..grid import Grid
from ..model import SopDocument
from .header import Header, find_header, header_rows
from .identity import read_identity
from .joined_actors import split_joined_actors
from .matrix import parse_matrix
from .symbols import infer_symbols
from .table_end import IGNORED, pass_over_trailing
from .vocab import Vocab

UNREADABLE = declare(__name__, "sop-tidak-terbaca")[0]
# Reasons a sheet is not read as an SOP of its own.
IDENTITY_ONLY = "identitas-sop"  # a cover sheet: identity block, no matrix (paired in book.py)
NOT_UNDERSTOOD = "tabel-tidak-terbaca"  # looks like an SOP, but no header could be placed
# The signs of a matrix, named as the format names them (the same words in both languages).
_SIGNS = {"pelaksana": "PELAKSANA", "mutu_baku": "MUTU BAKU", "kegiatan": "Kegiatan",
          "kelengkapan": "Kelengkapan", "waktu": "Waktu", "output": "Output"}
_SCAN_ROWS = 200

# Sheets sopxl writes or ships itself: never SOPs, never errors.
OWN_SHEETS = {"status", "checklist", "petunjuk", "pengaturan"}


def first_header_row(grid: Grid, vocab: Vocab, candidates: set[int] | None = None,
                     found: dict[int, Header | None] | None = None) -> int | None:
    """The first row holding a matrix header; ``found`` (when given) keeps each candidate's
    ``find_header`` result, so the matrix parser need not work it out again."""
    n_cols = grid.n_cols
    for r in sorted(header_rows(grid, vocab) if candidates is None else candidates):
        header = find_header(grid, r, vocab, n_cols)
        if found is not None:
            found[r] = header
        if header is not None:
            return r
    return None


def parse_sheet(grid: Grid, vocab: Vocab, candidates: set[int] | None = None
                ) -> tuple[SopDocument | None, list[Hit], str | None]:
    """``candidates``: the grid's ``header_rows`` when the caller has them already."""
    if grid.name.strip().lower() in OWN_SHEETS:
        return None, [], "lembar-sopxl"
    if candidates is None:
        candidates = header_rows(grid, vocab)
    found: dict[int, Header | None] = {}
    top = first_header_row(grid, vocab, candidates, found)
    if top is None:
        return None, *_not_a_matrix(grid, vocab)
    identity, boxes = read_identity(grid, vocab, top)
    # A section title sits just above the first header ("A. PERENCANAAN").
    sections, hits = parse_matrix(grid, vocab, max(0, top - 2), candidates, found)
    doc = SopDocument(sheet=grid.name, identity=identity, boxes=boxes, sections=sections)
    hits.extend(split_joined_actors(doc, vocab))  # "Operator, Verifikator" in one Pelaksana cell
    if grid.shapes:
        try:
            from .shapes import apply_shapes
        except ImportError:  # drawn-shape support arrives with its own module
            pass
        else:
            hits.extend(apply_shapes(doc, grid.shapes, blank_rows=_blank_rows(grid, doc)))
    hits.extend(pass_over_trailing(grid, doc.sections, vocab))
    _rows_in_order(hits)
    infer_symbols(doc)
    return doc, hits, None


def _rows_in_order(hits: list[Hit]) -> None:
    """Passed-over rows come from two passes (table end, then trailing rows): list them top
    to bottom, in the slots they already hold, so "Bandung, …" shows before "KEPALA …"."""
    slots = [i for i, h in enumerate(hits) if h.code == IGNORED and h.cell]
    ordered = sorted((hits[i] for i in slots), key=lambda h: cell_to_rowcol(h.cell or "A1"))
    for i, h in zip(slots, ordered):
        hits[i] = h


def _not_a_matrix(grid: Grid, vocab: Vocab) -> tuple[list[Hit], str]:
    """Why a sheet with no matrix header is not an SOP: a cover sheet holding only the identity
    block, a sheet that looks like a matrix sopxl could not place (reported, never skipped in
    silence), or no SOP at all."""
    signs: dict[str, tuple[int, int]] = {}
    for (r, c), v in grid.values.items():
        if r >= _SCAN_ROWS or type(v) is not str or len(v) > 40:
            continue
        name = vocab.groups.find(v)
        if name is None:
            field_name = vocab.matrix.find(v)
            name = field_name if field_name in _SIGNS else None
        if name is not None and (name not in signs or (r, c) < signs[name]):
            signs[name] = (r, c)
    # field -> its label's row; a list of SOPs ("No | Nomor SOP | Nama SOP") has them on one row.
    identity: dict[str, int] = {}
    for (r, _c), v in grid.values.items():
        if r < _SCAN_ROWS and type(v) is str and len(v) <= 40:
            found = vocab.identity.find(v.split(":")[0] if ":" in v else v)
            if found is not None:
                identity.setdefault(found, r)
    if len(signs) >= 2:
        first = min(signs.values())
        shown = ", ".join(_SIGNS[n] for n in _SIGNS if n in signs)
        return [Hit(UNREADABLE, rowcol_to_cell(*first), {"tanda": shown})], NOT_UNDERSTOOD
    if {"nomor", "nama"} & identity.keys() and len(set(identity.values())) >= 2:
        return [], IDENTITY_ONLY
    return [], "bukan-sop"


def _blank_rows(grid: Grid, doc: SopDocument) -> frozenset[int]:
    """Rows inside the steps' span that hold nothing, not even a cell merged from above."""
    steps = doc.steps
    if not steps:
        return frozenset()
    full = {r for (r, _c), v in grid.values.items() if not (isinstance(v, str) and not v.strip())}
    for r1, _c1, r2, _c2 in grid.merged:
        if r2 > r1:
            full.update(range(r1, r2 + 1))
    return frozenset(r for r in range(steps[0].row, steps[-1].row + 1) if r not in full)
