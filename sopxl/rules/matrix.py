"""Rules on the procedure matrix's columns and roles."""
from __future__ import annotations

from collections.abc import Iterator

from ..a1 import rowcol_to_cell
from ..findings import Hit
from ..model import SopDocument
from . import Context, rule

COLUMN_LABELS = {"kelengkapan": "Kelengkapan", "waktu": "Waktu", "output": "Output",
                 "keterangan": "Keterangan"}


@rule("kolom-mutu-baku-hilang", "kolom-keterangan-hilang", "pelaksana-tidak-ada", "sop-tanpa-langkah")
def columns_present(doc: SopDocument, ctx: Context) -> Iterator[Hit]:
    for i, sec in enumerate(doc.sections):
        header_cell = rowcol_to_cell(sec.header_row, sec.columns["kegiatan"])
        for name in ("kelengkapan", "waktu", "output"):
            if name not in sec.columns:
                yield Hit("kolom-mutu-baku-hilang", header_cell, {"kolom": COLUMN_LABELS[name]})
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
        acting = {a for s in sec.steps for a in s.actors}
        for role in sec.roles:
            if role.name not in acting:
                yield Hit("pelaksana-tidak-bertugas", role.cell, {"pelaksana": role.name})
