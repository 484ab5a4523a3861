"""Rules on the procedure matrix's columns and roles."""
from __future__ import annotations

from collections.abc import Iterator

from ..a1 import rowcol_to_cell
from ..findings import Hit
from ..model import Section, SopDocument
from . import Context, rule

COLUMN_LABELS = {"kelengkapan": "Kelengkapan", "waktu": "Waktu", "output": "Output",
                 "keterangan": "Keterangan"}


_MUTU = ("kelengkapan", "waktu", "output")


def _in_its_place(sec: Section, name: str) -> str | None:
    """The cell of the one unknown label ("Lama Proses") standing where the missing column
    belongs: between the mutu baku columns that come before and after it."""
    i = _MUTU.index(name)
    before = [sec.columns[n] for n in _MUTU[:i] if n in sec.columns]
    after = [sec.columns[n] for n in (*_MUTU[i + 1:], "keterangan") if n in sec.columns]
    lo = max(before, default=max((r.col for r in sec.roles), default=sec.columns["kegiatan"]))
    hi = min(after, default=1 << 30)
    places = [t.cell for c, t in sec.unknown_columns.items() if lo < c < hi]
    return places[0] if len(places) == 1 else None


@rule("kolom-mutu-baku-hilang", "kolom-keterangan-hilang", "pelaksana-tidak-ada", "sop-tanpa-langkah")
def columns_present(doc: SopDocument, ctx: Context) -> Iterator[Hit]:
    for i, sec in enumerate(doc.sections):
        header_cell = rowcol_to_cell(sec.header_row, sec.columns["kegiatan"])
        missing = [name for name in _MUTU if name not in sec.columns]
        places = {name: _in_its_place(sec, name) for name in missing}
        for name in missing:
            place = places[name]
            if list(places.values()).count(place) > 1:
                place = None  # one unknown label where two columns are missing: neither is sure
            yield Hit("kolom-mutu-baku-hilang", place or header_cell, {"kolom": COLUMN_LABELS[name]})
        if "keterangan" not in sec.columns:
            yield Hit("kolom-keterangan-hilang", header_cell)
        if not sec.roles:
            yield Hit("pelaksana-tidak-ada", header_cell)
        if not sec.steps:
            yield Hit("sop-tanpa-langkah", rowcol_to_cell(sec.header_row, sec.columns["no"]),
                      {"bagian": doc.section_label(i)})


@rule("pelaksana-tidak-bertugas")
def roles_act(doc: SopDocument, ctx: Context) -> Iterator[Hit]:
    for sec in doc.sections:
        if not sec.steps:
            continue
        acting = {m.role for s in sec.steps for m in s.markers}  # every step's actors
        for role in sec.roles:
            if role.name not in acting:
                yield Hit("pelaksana-tidak-bertugas", role.cell, {"pelaksana": role.name})
