"""Grids to SOP documents: find the matrix, read identity, sections and steps.

``parse_sheet`` returns the document (or None with the reason the sheet is not an SOP)
and the hits the parser itself noticed (e.g. a role column with no name).
"""
from __future__ import annotations

from ..findings import Hit
from ..grid import Grid
from ..model import SopDocument
from .header import Header, find_header, header_rows
from .identity import read_identity
from .matrix import parse_matrix
from .symbols import infer_symbols
from .vocab import Vocab

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


def parse_sheet(grid: Grid, vocab: Vocab) -> tuple[SopDocument | None, list[Hit], str | None]:
    if grid.name.strip().lower() in OWN_SHEETS:
        return None, [], "lembar-sopxl"
    candidates = header_rows(grid, vocab)
    found: dict[int, Header | None] = {}
    top = first_header_row(grid, vocab, candidates, found)
    if top is None:
        return None, [], "bukan-sop"
    identity, boxes = read_identity(grid, vocab, top)
    # A section title sits just above the first header ("A. PERENCANAAN").
    sections, hits = parse_matrix(grid, vocab, max(0, top - 2), candidates, found)
    doc = SopDocument(sheet=grid.name, identity=identity, boxes=boxes, sections=sections)
    if grid.shapes:
        try:
            from .shapes import apply_shapes
        except ImportError:  # drawn-shape support arrives with its own module
            pass
        else:
            hits.extend(apply_shapes(doc, grid.shapes))
    infer_symbols(doc)
    return doc, hits, None
