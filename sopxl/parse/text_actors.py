"""Pelaksana written as text: one "Pelaksana" column naming the actor of each step.

Some offices (the Kemenag madrasah pages, for one) write the procedure as ``No | Kegiatan |
Pelaksana | Waktu | Keterangan``: no column per role, no drawn symbol, the actor typed as a
name. Such a header is one row only; the row under "Pelaksana" is already step 1, never a
row of role names. The roles are the distinct names in the order they first appear; a step
whose kegiatan ends in "?" is a decision, and a row holding only a branch label under it
("↓ YA") gives it that branch. Because this is not the Permenpan layout the reading is
reported as an ``info`` finding.
"""
from __future__ import annotations

from ..a1 import rowcol_to_cell
from ..findings import declare
from ..grid import Grid
from ..model import Branch, Marker, Role, Section, Step
from .numbers import step_number
from .text import key, tidy
from .vocab import Vocab

TEXT_ACTORS = declare(__name__, "pelaksana-sebagai-teks")[0]
_ARROWS = "↓↑→←⇒⇓➔➜-–>=: "
# A known symbol under a one-column PELAKSANA is the matrix of one role, not a name.
_SYMBOLS = ("terminator", "process", "decision", "offpage", "generic")


def pelaksana_label_column(grid: Grid, row: int, vocab: Vocab, no_col: int | None, first: int,
                           n_cols: int) -> int | None:
    """The column of the header row's one PELAKSANA label that is one cell wide (from
    ``first`` on), or None: where a column of actors written as text may stand."""
    if no_col is None:
        return None
    found = None
    for c in range(first, n_cols):
        t = grid.text(row, c)
        if not t or len(t) > 40 or vocab.groups.find(t) is None:
            continue
        if vocab.groups.find(t) != "pelaksana" or found is not None:
            return None  # MUTU BAKU over sub-columns, or two groups: the two-row layout
        found = c
    if found is None:
        return None
    merge = grid.merge_at(row, found)
    if merge is not None and (merge[3] > merge[1] or merge[2] > merge[0]):
        return None
    return found


def text_actor_column(grid: Grid, row: int, vocab: Vocab, no_col: int | None, keg_col: int,
                      first: int, n_cols: int, below: int | None = None) -> int | None:
    """The column of a one-cell-wide PELAKSANA label (from ``first`` on) whose next row is a
    numbered step with a name under that label, or whose cells below hold names and never a
    symbol (``_names_below``); None for the usual role-per-column header. ``below``: the
    first row under the header, past its column-number row ("1 | 2 | 3 …") if it has one."""
    found = pelaksana_label_column(grid, row, vocab, no_col, first, n_cols)
    if found is None or no_col is None:
        return None
    below = row + 1 if below is None else below
    # A row of role names never holds a step number: a numbered row is step 1 itself (its
    # Pelaksana may be left empty). "1 | 2 | 3" is the column-number row, not a step.
    kegiatan = grid.text(below, keg_col)
    if step_number(grid.text(below, no_col)) is None or not kegiatan or kegiatan.isdigit():
        return found if _names_below(grid, below, found, keg_col, vocab) else None
    name = grid.text(below, found)
    return None if name and vocab.marker_kind(name) in _SYMBOLS else found


def _names_below(grid: Grid, first: int, col: int, keg_col: int, vocab: Vocab,
                 limit: int = 12) -> bool:
    """Under the label, names beside kegiatan texts ("Staf Hukum", "Panitera"): at least two
    such rows and no symbol, number or empty-kegiatan name in the column. A row of role names
    has one name, and the rows under it symbols: that is the role-per-column layout."""
    names = 0
    for r in range(first, min(first + limit, grid.n_rows)):
        name = grid.text(r, col)
        if not name:
            continue
        if name.strip().isdigit() or vocab.marker_kind(name) in _SYMBOLS \
                or not grid.text(r, keg_col):
            return False
        names += 1
    return names >= 2


def markers(grid: Grid, row: int, col: int, kegiatan: str) -> list[Marker]:
    """The actor named in the step's Pelaksana cell, as one marker. A kegiatan asked as a
    question ("Status OK?") is a decision; any other step is left for ``infer_symbols``."""
    name = tidy(grid.text(row, col))
    if not name:
        return []
    symbol = "decision" if kegiatan.rstrip().endswith("?") else "generic"
    return [Marker(name, symbol, name, rowcol_to_cell(row, col))]


def add_roles(section: Section, step: Step, col: int) -> None:
    """Each new name becomes a role of the section, in order of first appearance."""
    known = {key(r.name) for r in section.roles}
    for m in step.markers:
        if key(m.role) not in known:
            section.roles.append(Role(m.role, col, m.cell))
            known.add(key(m.role))


def branch_row(grid: Grid, row: int, kegiatan_col: int, vocab: Vocab, step: Step) -> Branch | None:
    """A row right under a decision holding only a branch label ("↓ YA", "TIDAK"): that
    exit of the decision, going on to the next step."""
    if not any(m.symbol == "decision" for m in step.markers):
        return None
    texts = [c for c in grid.cols_in_row(row) if grid.text(row, c)]
    if texts != [kegiatan_col]:
        return None
    label = grid.text(row, kegiatan_col).strip(_ARROWS)
    if not label or vocab.branch_labels.get(key(label)) is None:
        return None
    return Branch(label, None, rowcol_to_cell(row, kegiatan_col))
