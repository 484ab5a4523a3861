"""Find the procedure matrix's header: one or two rows, merged group cells, aliases.

A header is a row holding a "No" cell and a "Kegiatan" cell to its right. When that row
carries a group ("PELAKSANA", "MUTU BAKU") the row under it names the roles and the three
mutu baku columns. Columns after Output that the vocabulary does not know are decision
branch columns ("Ya", "Tidak").
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..a1 import cell_to_rowcol, rowcol_to_cell
from ..findings import declare
from ..grid import Grid
from ..model import Role, Text
from .numbers import step_number
from .text import key, tidy
from .text_actors import pelaksana_label_column, text_actor_column
from .vocab import MEMO_MAX, Vocab, waktu_unit

UNLABELLED = declare(__name__, "kolom-no-kegiatan-tanpa-judul")[0]


@dataclass
class Header:
    top: int
    bottom: int
    columns: dict[str, int]
    roles: list[Role]
    branch_columns: dict[str, int] = field(default_factory=dict)
    waktu_unit: str | None = None
    blank_roles: list[str] = field(default_factory=list)  # A1 of role header cells left empty
    number_in_kegiatan: bool = False  # "1. Menerima surat": no number column at all
    waktu_unit_col: int | None = None  # "15 | Menit": the unit in the column after waktu
    actor_col: int | None = None  # one "Pelaksana" column naming each step's actor as text
    # Labels among the mutu baku columns that name no field ("Lama Proses"): col -> the label
    unknown: dict[int, Text] = field(default_factory=dict)
    # No and Kegiatan placed with no heading over them, left of PELAKSANA (_unlabelled_by_groups)
    unlabelled: bool = False

    def signature(self) -> tuple:
        return (tuple(key(r.name) for r in self.roles), tuple(sorted(self.columns.items())),
                self.actor_col)


def header_rows(grid: Grid, vocab: Vocab) -> set[int]:
    """Rows holding a "No", a "Kegiatan" or a PELAKSANA label: the only rows worth the full
    header test."""
    rows = set()
    memo = vocab.remembered("header_rows")
    for (r, _c), v in grid.values.items():
        if type(v) is str:
            hit = memo.get(v)
            if hit is None:
                hit = header_label(v, vocab)
                if len(memo) < MEMO_MAX:
                    memo[v] = hit
            if hit:
                rows.add(r)
    return rows


def header_label(v: str, vocab: Vocab) -> bool:
    """The text is a "No", a "Kegiatan" or a PELAKSANA label (see ``header_rows``)."""
    return len(v) <= 40 and (
        vocab.matrix.find(v) in ("no", "kegiatan") or vocab.groups.find(v) == "pelaksana")


def _labels_in_row(grid: Grid, row: int, vocab: Vocab) -> tuple[int | None, int | None]:
    """(No column, Kegiatan column) of a header row; No only when left of Kegiatan."""
    no_col = keg_col = None
    for c in grid.cols_in_row(row):
        raw = grid.raw(row, c)
        if not isinstance(raw, str) or len(raw) > 60:
            continue  # header labels are short text; skip the key() of every long value
        field_name = vocab.matrix.find(raw)
        if field_name == "no" and no_col is None:
            no_col = c
        elif field_name == "kegiatan" and keg_col is None:
            keg_col = c
            break
    if keg_col is None:
        keg_col = _kegiatan_by_groups(grid, row, vocab)
        if keg_col is None and no_col is None:
            return _unlabelled_by_groups(grid, row, vocab)
    return no_col, keg_col


def _unlabelled_by_groups(grid: Grid, row: int, vocab: Vocab) -> tuple[int | None, int | None]:
    """(No column, Kegiatan column) of a header that names neither: "PELAKSANA" over the roles,
    Kelengkapan/Waktu/Output on the row under it, the two columns left of PELAKSANA blank in
    both rows (a kelurahan's printed form). Taken only when the rows below plainly hold steps
    (``_steps_below``); else (None, None), and the sheet is reported as not understood."""
    pelaksana = None
    for c in grid.cols_in_row(row):
        t = grid.text(row, c)
        if t and len(t) <= 40 and vocab.groups.find(t) is not None:
            if vocab.groups.find(t) != "pelaksana" or pelaksana is not None:
                return None, None  # MUTU BAKU or a second group: not this layout
            pelaksana = c
    if pelaksana is None or pelaksana < 2 or row + 1 >= grid.n_rows:
        return None, None
    mutu = {vocab.matrix.find(grid.text(row + 1, c)) for c in grid.cols_in_row(row + 1)
            if c > pelaksana and grid.text(row + 1, c)}
    if len(mutu & {"kelengkapan", "waktu", "output"}) < 2:
        return None, None
    keg_col, no_col = pelaksana - 1, pelaksana - 2
    if any(grid.text(r, c) for r in (row, row + 1) for c in (no_col, keg_col)):
        return None, None
    if not _steps_below(grid, row + 2, no_col, keg_col):
        return None, None
    return no_col, keg_col


def _steps_below(grid: Grid, first: int, no_col: int, keg_col: int, limit: int = 40) -> bool:
    """Rows numbered 1, 2, 3 … in ``no_col`` from the first non-empty one, each with a text in
    ``keg_col``: at least three such steps, and no numbered row without a text."""
    numbers = []
    for r in range(first, min(first + limit, grid.n_rows)):
        n = step_number(grid.text(r, no_col))
        if n is None:
            continue
        kegiatan = grid.text(r, keg_col)
        if not kegiatan or not any(ch.isalpha() for ch in kegiatan):
            return False
        numbers.append(n)
    return len(numbers) >= 3 and numbers == list(range(1, len(numbers) + 1))


def _kegiatan_by_groups(grid: Grid, row: int, vocab: Vocab) -> int | None:
    """With PELAKSANA and MUTU BAKU both in the row but a Kegiatan label sopxl does not know
    ("Rincian"), the Kegiatan is the column just left of PELAKSANA."""
    groups: dict[str, int] = {}
    for c in grid.cols_in_row(row):
        t = grid.text(row, c)
        g = vocab.groups.find(t) if t and len(t) <= 40 else None
        if g is not None:
            groups.setdefault(g, c)
    p = groups.get("pelaksana")
    if p is None or "mutu_baku" not in groups or p == 0 or groups["mutu_baku"] < p:
        return None
    merge = grid.merge_at(row, p - 1)
    col = merge[1] if merge else p - 1
    return col if grid.text(row, col) else None


def _numbered_rows(grid: Grid, first: int, col: int, limit: int = 40) -> int:
    """How many of the rows under a header hold a bare step number in ``col``."""
    return sum(step_number(grid.text(r, col)) is not None
               for r in range(first, min(first + limit, grid.n_rows)))


def _units_below(grid: Grid, first: int, col: int, vocab: Vocab, limit: int = 40) -> bool:
    """The column under an empty header holds units ("Menit", "Jam") and nothing else."""
    units = {alias for alias, _unit in vocab.durations.units}
    seen = 0
    for r in range(first, min(first + limit, grid.n_rows)):
        t = grid.text(r, col).lower().rstrip(".")
        if t:
            if t not in units:
                return False
            seen += 1
    return seen >= 2


def _place_number(grid: Grid, row: int, bottom: int, keg_col: int) -> tuple[int, int, bool]:
    """(No column, Kegiatan column, numbers typed in the Kegiatan text) for a header with no
    "No" label: an unlabelled number column under a merged "Uraian Prosedur" or just left of
    Kegiatan, or else "1. Menerima surat …" in the Kegiatan cells themselves."""
    merge = grid.merge_at(row, keg_col)
    if merge is not None and merge[3] > keg_col and _numbered_rows(grid, bottom + 1, keg_col) >= 1:
        return keg_col, keg_col + 1, False
    left = keg_col - 1
    # "#", "", or nothing sopxl knows: an unlabelled number column, by its numbers.
    if left >= 0 and len(grid.text(row, left)) <= 3 and len(grid.text(bottom, left)) <= 3 \
            and _numbered_rows(grid, bottom + 1, left) >= 1:
        return left, keg_col, False
    return keg_col, keg_col, True


def find_header(grid: Grid, row: int, vocab: Vocab, n_cols: int) -> Header | None:
    no_col, keg_col = _labels_in_row(grid, row, vocab)
    if keg_col is None or (no_col is not None and no_col > keg_col):
        return None
    if no_col is None:
        return _read_header(grid, row, vocab, n_cols, no_col, keg_col)[0]
    # A batch's sheets (and a sheet's pages) repeat the same header: two rows that hold the
    # same cells and merges read as the same header, moved. A header whose reading looked at
    # the rows under it (a unit column found by its units) is not remembered.
    key = (n_cols, grid.row_signature(row, row), grid.row_signature(row + 1, row))
    memo = vocab.remembered("header")
    known = memo.get(key)
    if known is not None:
        return _placed(known, row)
    header, looked_below = _read_header(grid, row, vocab, n_cols, no_col, keg_col)
    if not looked_below and len(memo) < _HEADER_MEMO_MAX:
        memo[key] = _template(header, row)
    return header


_HEADER_MEMO_MAX = 2_000  # distinct headers remembered (their keys hold two rows of cells)
# A header's reading as data at row 0, or False for "no header": (bottom - top, columns, roles
# as (name, col), branch columns, waktu unit, blank role cols, number in kegiatan, unit col,
# actor col, unknown labels as (col, row - top, label)).
_Template = tuple


def _template(h: Header | None, row: int) -> _Template | bool:
    if h is None:
        return False
    return (h.bottom - row, dict(h.columns), [(r.name, r.col) for r in h.roles], dict(h.branch_columns),
            h.waktu_unit, [cell_to_rowcol(a)[1] for a in h.blank_roles], h.number_in_kegiatan,
            h.waktu_unit_col, h.actor_col,
            [(c, cell_to_rowcol(t.cell)[0] - row, t.value) for c, t in h.unknown.items() if t.cell])


def _placed(known: _Template | bool, row: int) -> Header | None:
    """The remembered header at ``row``: fresh objects, cells on its own rows."""
    if not isinstance(known, tuple):
        return None
    depth, columns, roles, branches, unit, blank, in_text, unit_col, actor_col, unknown = known
    bottom = row + depth
    placed_roles = []
    for name, c in roles:  # a loop, not a comprehension: some five roles, at every hit
        placed_roles.append(Role(name, c, rowcol_to_cell(bottom, c)))
    # Blank role cells and unknown labels are rare: nothing made for them when there are none.
    blank_cells = [rowcol_to_cell(bottom, c) for c in blank] if blank else []
    labels = {c: Text(label, rowcol_to_cell(row + dr, c)) for c, dr, label in unknown} if unknown else {}
    return Header(row, bottom, dict(columns), placed_roles, dict(branches), unit, blank_cells, in_text,
                  unit_col, actor_col, labels)


def _read_header(grid: Grid, row: int, vocab: Vocab, n_cols: int, no_col: int | None,
                 keg_col: int) -> tuple[Header | None, bool]:
    """The header at ``row`` (No and Kegiatan columns as ``_labels_in_row`` found them), and
    whether reading it looked at rows below its second row."""
    looked_below = no_col is None  # _place_number counts the numbers under the header
    # No and Kegiatan with no heading were found by the steps under them (_unlabelled_by_groups).
    unlabelled = no_col is not None and not grid.text(row, no_col)
    looked_below = looked_below or unlabelled
    keg_merge = grid.merge_at(row, keg_col)
    keg_end = keg_merge[3] if keg_merge and keg_merge[1] == keg_col else keg_col

    top_keys = [grid.text(row, c) for c in range(n_cols)]
    # The column-number row gives no role names, nor is it a step: look past it.
    numbered_below = is_number_row(grid, row + 1, n_cols)
    below = row + 2 if numbered_below else row + 1
    if pelaksana_label_column(grid, row, vocab, no_col, keg_end + 1, n_cols) is not None:
        looked_below = True  # whether its cells hold names is read in the rows under it
    actor_col = text_actor_column(grid, row, vocab, no_col, keg_col, keg_end + 1, n_cols, below)
    two_rows = actor_col is None and not numbered_below and any(
        t and vocab.groups.find(t) for t in top_keys[keg_end + 1:])
    bottom = row + 1 if two_rows else row
    in_text = False
    labelled = no_col is not None
    if no_col is None:
        no_col, keg_col, in_text = _place_number(grid, row, bottom, keg_col)

    columns: dict[str, int] = {"no": no_col, "kegiatan": keg_col}
    roles: list[Role] = []
    branches: dict[str, int] = {}
    blank_roles: list[str] = []
    unit = None
    unit_col: int | None = None
    groups_seen: set[str] = set()
    group: str | None = None
    unknown: dict[int, Text] = {}
    c = keg_end + 1
    while c < n_cols:
        if c == actor_col:
            c += 1
            continue
        top_text = top_keys[c]
        top_group = vocab.groups.find(top_text) if top_text else None
        if top_group:
            group = top_group
            groups_seen.add(top_group)
        elif top_text:
            group = None  # a header of its own ("KET" merged over both rows)
        label_row = bottom if (two_rows and group) else row
        if two_rows and not top_text and group is None:
            label_row = bottom  # a role left of PELAKSANA, named on the second row only
        label = grid.text(label_row, c) if label_row != row else top_text
        if two_rows and group and bottom != row and grid.merge_at(bottom, c) == grid.merge_at(row, c) \
                and grid.merge_at(row, c) is not None:
            label = ""  # the group cell itself reaches down: no sub-header here
        merge = grid.merge_at(bottom, c)
        width = (merge[3] - c + 1) if merge and merge[1] == c else 1
        field_name = vocab.matrix.find(label) if label else None
        if field_name is None and key(label).startswith("waktu"):
            field_name = "waktu"
        if field_name in ("kelengkapan", "waktu", "output", "keterangan") and field_name not in columns:
            columns[field_name] = c
            if field_name == "waktu":
                unit = waktu_unit(label)
                if width >= 2:
                    unit_col = c + 1  # "Waktu" merged over "15 | Menit"
        elif unit_col is None and "waktu" in columns and c == columns["waktu"] + 1 and (
                (label and vocab.waktu_units is not None and vocab.waktu_units.find(label))
                or (not label and (looked_below := True) and _units_below(grid, bottom + 1, c, vocab))):
            unit_col = c  # "Waktu | Satuan" side by side, or a unit column with no header
        elif group == "pelaksana" or (
            group is None and not ({"kelengkapan", "waktu", "output"} & columns.keys())
        ):
            # Under PELAKSANA, or any column of its own before Mutu Baku: role names sometimes
            # stand merged over both header rows with no PELAKSANA group above them.
            if label:
                roles.append(Role(tidy(label), c, rowcol_to_cell(bottom, c)))
            elif group == "pelaksana":
                blank_roles.append(rowcol_to_cell(bottom, c))
        elif label and "output" in columns:
            branches[tidy(label)] = c
        elif label:
            # Past the roles, before Output: a label sopxl does not know. A missing Kelengkapan,
            # Waktu or Output is then reported at it, where the user can rename it.
            unknown[c] = Text(tidy(label), rowcol_to_cell(label_row, c))
        c += max(width, 1)
    mutu = {"kelengkapan", "waktu", "output"} & columns.keys()
    if not roles and not mutu and actor_col is None:
        return None, looked_below
    if not labelled and not groups_seen and len(mutu) < 2:
        # Without a "No" label, only a table with its groups or its mutu baku is a header.
        return None, looked_below
    return Header(row, bottom, columns, roles, branches, unit, blank_roles, in_text, unit_col, actor_col,
                  unknown, unlabelled), looked_below


def is_number_row(grid: Grid, row: int, n_cols: int) -> bool:
    """The "1 2 3 …" row printed under a header (and alone at the top of later pages)."""
    cols = grid.cols_in_row(row)
    if len(cols) < 4:
        return False  # fewer than four numbers: never the column-number row
    values = grid.values
    elsewhere = grid.shown_elsewhere(row)
    expected = 1  # the numbers must run 1, 2, 3, …: the first that does not ends the test
    for c in cols:
        v = values[(row, c)]  # stored: the row index holds only stored cells
        if v is None or (isinstance(v, str) and not v.strip()):
            continue
        if type(v) is int and c not in elsewhere:
            # A whole number shown as itself (the usual column-number row): its text is its
            # digits, so no text is made; over six digits fails as the text test below does.
            if v != expected or v > 999_999:
                return False
            expected += 1
            continue
        t = grid.text(row, c).rstrip(".").strip("()")  # "1", "1.", "(1)"
        # isdigit() also takes "²" and a text of 5000 digits, which int() refuses.
        if not (t.isascii() and t.isdigit()) or len(t) > 6 or int(t) != expected:
            return False
        expected += 1
    return expected > 4
