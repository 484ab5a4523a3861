"""Find the procedure matrix's header: one or two rows, merged group cells, aliases.

A header is a row holding a "No" cell and a "Kegiatan" cell to its right. When that row
carries a group ("PELAKSANA", "MUTU BAKU") the row under it names the roles and the three
mutu baku columns. Columns after Output that the vocabulary does not know are decision
branch columns ("Ya", "Tidak").
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..a1 import rowcol_to_cell
from ..grid import Grid
from ..model import Role
from .text import key, tidy
from .vocab import Vocab, waktu_unit


@dataclass
class Header:
    top: int
    bottom: int
    columns: dict[str, int]
    roles: list[Role]
    branch_columns: dict[str, int] = field(default_factory=dict)
    waktu_unit: str | None = None
    blank_roles: list[str] = field(default_factory=list)  # A1 of role header cells left empty

    def signature(self) -> tuple:
        return (tuple(key(r.name) for r in self.roles), tuple(sorted(self.columns.items())))


def header_rows(grid: Grid, vocab: Vocab) -> set[int]:
    """Rows holding a "No" label: the only rows worth the full header test (one pass)."""
    rows = set()
    matrix = vocab.matrix
    for (r, _c), v in grid.values.items():
        if type(v) is str and len(v) <= 20 and matrix.get(key(v)) == "no":
            rows.add(r)
    return rows


def find_header(grid: Grid, row: int, vocab: Vocab, n_cols: int) -> Header | None:
    no_col = keg_col = None
    for c in grid.cols_in_row(row):
        raw = grid.raw(row, c)
        if not isinstance(raw, str) or len(raw) > 60:
            continue  # header labels are short text; skip the key() of every long value
        k = key(raw)
        field_name = vocab.matrix.get(k)
        if field_name == "no" and no_col is None:
            no_col = c
        elif field_name == "kegiatan" and no_col is not None and keg_col is None:
            keg_col = c
            break
    if no_col is None or keg_col is None:
        return None

    top_keys = [key(grid.text(row, c)) for c in range(n_cols)]
    two_rows = any(vocab.groups.get(k) for k in top_keys[keg_col + 1:])
    bottom = row + 1 if two_rows else row

    columns: dict[str, int] = {"no": no_col, "kegiatan": keg_col}
    roles: list[Role] = []
    branches: dict[str, int] = {}
    blank_roles: list[str] = []
    unit = None
    group: str | None = None
    c = keg_col + 1
    while c < n_cols:
        top_text = grid.text(row, c)
        top_group = vocab.groups.get(key(top_text)) if top_text else None
        if top_group:
            group = top_group
        elif top_text:
            group = None  # a header of its own ("KET" merged over both rows)
        label = grid.text(bottom, c) if (two_rows and group) else top_text
        if two_rows and group and bottom != row and grid.merge_at(bottom, c) == grid.merge_at(row, c) \
                and grid.merge_at(row, c) is not None:
            label = ""  # the group cell itself reaches down: no sub-header here
        k = key(label)
        merge = grid.merge_at(bottom, c)
        width = (merge[3] - c + 1) if merge and merge[1] == c else 1
        field_name = vocab.matrix.get(k)
        if field_name is None and k.startswith("waktu"):
            field_name = "waktu"
        if field_name in ("kelengkapan", "waktu", "output", "keterangan") and field_name not in columns:
            columns[field_name] = c
            if field_name == "waktu":
                unit = waktu_unit(label)
        elif group == "pelaksana" or (
            not two_rows and not ({"kelengkapan", "waktu", "output"} & columns.keys())
        ):
            if label:
                roles.append(Role(tidy(label), c, rowcol_to_cell(bottom, c)))
            elif group == "pelaksana":
                blank_roles.append(rowcol_to_cell(bottom, c))
        elif label and "output" in columns:
            branches[tidy(label)] = c
        c += max(width, 1)
    if not roles and not ({"kelengkapan", "waktu", "output"} & columns.keys()):
        return None
    return Header(row, bottom, columns, roles, branches, unit, blank_roles)


def is_number_row(grid: Grid, row: int, n_cols: int) -> bool:
    """The "1 2 3 …" row printed under a header (and alone at the top of later pages)."""
    nums = []
    for c in grid.cols_in_row(row):
        v = grid.raw(row, c)
        if v is None or (isinstance(v, str) and not v.strip()):
            continue
        t = grid.text(row, c).rstrip(".")
        # isdigit() also takes "²" and a text of 5000 digits, which int() refuses.
        if not (t.isascii() and t.isdigit()) or len(t) > 6:
            return False
        nums.append(int(t))
    return len(nums) >= 4 and nums[0] == 1 and all(b == a + 1 for a, b in zip(nums, nums[1:]))
