"""Read the identity block and the six text boxes above the matrix, by their labels.

A label finds its value to its right (identity rows: "Nomor SOP | 065/SOP/…"), or under it
(the boxes: "DASAR HUKUM" over its text), or inside its own cell after a colon
("Dasar Hukum: 1. Peraturan …"). Labels keep their place even when the value is empty,
so a finding can point at the cell to fill.
"""
from __future__ import annotations

from ..a1 import rowcol_to_cell
from ..grid import Grid
from ..model import BOX_FIELDS, IDENTITY_FIELDS, Text
from .text import key, tidy, words
from .vocab import MEMO_MAX, Vocab

# Separator cells between a label and its value. "-" is not one: it is a value ("none").
_FILLERS = {":", "="}


def _label_of(text: str, vocab: Vocab) -> tuple[str, str, str] | None:
    """(kind, field, inline value) when the cell is a label; kind is "identity" or "boxes"."""
    # "Label: value" first: the key of "Keterkaitan: -" drops the "-" and would match the bare
    # label, losing the value written after the colon.
    if ":" in text:
        left, right = text.split(":", 1)
        lk = key(left)
        for kind, index in (("identity", vocab.identity), ("boxes", vocab.boxes)):
            if lk in index:
                return kind, index[lk], right.strip()
    k = key(text)
    for kind, index in (("identity", vocab.identity), ("boxes", vocab.boxes)):
        if k in index:
            return kind, index[k], ""
    return None


def read_identity(grid: Grid, vocab: Vocab, end_row: int) -> tuple[dict[str, Text], dict[str, Text]]:
    n_cols = grid.n_cols
    # (row, col) pairs, row then col: from the row index, not a sort of the whole sheet.
    cells = [(r, c) for r in range(min(end_row, grid.n_rows)) for c in grid.cols_in_row(r)]
    labels: dict[tuple[int, int], tuple[str, str, str]] = {}
    memo = vocab.remembered("identity_label_of")
    for r, c in cells:
        text = grid.text(r, c)
        if not text:
            continue
        found = memo.get(text, memo)
        if found is memo:
            found = _label_of(text, vocab)
            if len(memo) < MEMO_MAX:
                memo[text] = found
        if found is not None:
            labels[(r, c)] = found

    identity: dict[str, Text] = {}
    boxes: dict[str, Text] = {}
    used: set[tuple[int, int]] = set(labels)
    for (r, c), (kind, name, inline) in labels.items():
        target = identity if kind == "identity" else boxes
        if name in target:
            continue
        if inline:
            target[name] = Text(tidy(inline), rowcol_to_cell(r, c))
            continue
        # An identity value is looked for right of its label first, a box's under it; the
        # other side is read only when the first holds nothing (it rarely has to be).
        if kind == "identity":
            right = chosen = _value_right(grid, r, c, n_cols, labels)
            if chosen is None or not chosen[1]:
                below = chosen = _value_below(grid, r, c, end_row, labels)
            else:
                below = None
        else:
            below = chosen = _value_below(grid, r, c, end_row, labels)
            if chosen is None or not chosen[1]:
                right = chosen = _value_right(grid, r, c, n_cols, labels)
            else:
                right = None
        if chosen is None or not chosen[1]:
            # Nothing written yet: point at the cell where the value belongs.
            spot = right if kind == "identity" else below
            spot = spot or right or below
            target[name] = Text("", rowcol_to_cell(*spot[0]) if spot else rowcol_to_cell(r, c))
        else:
            used.add(chosen[0])
            target[name] = Text(tidy(chosen[1]), rowcol_to_cell(*chosen[0]))
    identity["instansi"] = _instansi(grid, cells, vocab, used)
    if "nama" not in identity or not identity["nama"]:
        # Above the boxes only: "SOP …" items listed under Keterkaitan are other SOPs.
        boxes_top = min((r for (r, _c), found in labels.items() if found[0] == "boxes"), default=end_row)
        banner = _banner_name(grid, [rc for rc in cells if rc[0] < boxes_top], used)
        if banner is not None:
            identity["nama"] = banner
    # In the fields' order, an empty Text for a field not found (made only then: most are).
    return ({n: identity[n] if n in identity else Text("", None) for n in IDENTITY_FIELDS},
            {n: boxes[n] if n in boxes else Text("", None) for n in BOX_FIELDS})


def _value_right(grid: Grid, r: int, c: int, n_cols: int, labels: dict
                 ) -> tuple[tuple[int, int], str] | None:
    merge = grid.merge_at(r, c)
    col = (merge[3] if merge else c) + 1
    first: tuple[int, int] | None = None
    while col < n_cols and col <= c + 8:
        m = grid.merge_at(r, col)
        corner = (m[0], m[1]) if m else (r, col)
        if corner in labels:
            break
        text = grid.text(*corner)
        if first is None and text not in _FILLERS:
            first = corner
        if text and text not in _FILLERS:
            return corner, text
        col = (m[3] if m else col) + 1
    return (first, "") if first else None


def _value_below(grid: Grid, r: int, c: int, end_row: int, labels: dict
                 ) -> tuple[tuple[int, int], str] | None:
    merge = grid.merge_at(r, c)
    row = (merge[2] if merge else r) + 1
    if row >= end_row:
        return None
    m = grid.merge_at(row, c)
    corner = (m[0], m[1]) if m else (row, c)
    if corner in labels:
        return None
    text = grid.text(*corner)
    if _label_shaped(grid, corner, text, m is None):
        return None
    return corner, text


def _label_shaped(grid: Grid, corner: tuple[int, int], text: str, unmerged: bool) -> bool:
    """A label the vocabulary does not know is still no value: "Unit Kerja :" or a text with
    a ":" cell after it is the next row's label, not the empty value above it. ``text`` is the
    corner's; ``unmerged``: no merge at the corner (so none is looked for again)."""
    if text.endswith(":"):
        return True
    m = None if unmerged else grid.merge_at(*corner)
    return grid.text(corner[0], (m[3] if m else corner[1]) + 1) in _FILLERS


def _instansi(grid: Grid, cells: list[tuple[int, int]], vocab: Vocab, used: set) -> Text:
    for r, c in cells:
        if (r, c) in used:
            continue
        text = grid.text(r, c)
        k = key(text)
        if not k or not k.startswith(vocab.instansi):
            continue
        lines = [tidy(text)]
        merge = grid.merge_at(r, c)
        below = ((merge[2] if merge else r) + 1, c)
        nxt = grid.text(*below)
        if nxt and below not in used and key(nxt).startswith(vocab.instansi):
            lines.append(tidy(nxt))
        return Text(" ".join(lines), rowcol_to_cell(r, c))
    return Text("", None)


# "SOP PENYUSUNAN SURAT …", "S.O.P PENGELOLAAN SURAT MASUK": the name as a banner, no label.
_GENERIC = {"ap", "administrasi", "pemerintahan", "sop"}


def _banner_name(grid: Grid, cells: list[tuple[int, int]], used: set) -> Text | None:
    """The SOP's name written as a title row with no "Nama SOP" label: a text opening with
    "SOP"/"S.O.P" and naming something (not the bare "SOP AP" heading)."""
    for r, c in cells:
        if (r, c) in used:
            continue
        text = grid.text(r, c)
        if not text or len(text) > 200:
            continue
        ws = words(text)
        rest = ws[1:] if ws[:1] == ("sop",) else ws[3:] if ws[:3] == ("s", "o", "p") else None
        if rest and len([w for w in rest if w not in _GENERIC]) >= 2:
            return Text(tidy(text), rowcol_to_cell(r, c))
    return None
