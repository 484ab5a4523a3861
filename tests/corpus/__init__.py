"""Real SOP AP documents published by offices, transcribed into workbooks as the offices lay them out.

One module per document (its source in the docstring, its workbook as ``SHEETS``, the facts
from the source as ``EXPECTED``); ``DOCUMENTS`` lists them in the order of docs/corpus.md.
"""
from __future__ import annotations

import importlib
from types import ModuleType

SLUGS = (
    "basarnas_verifikasi_berita",
    "basarnas_emergency_call",
    "basarnas_potensi_bencana",
    "bps_bengkulu_zoom",
    "bps_bengkulu_pengaduan",
)


def documents() -> list[ModuleType]:
    return [importlib.import_module(f"{__name__}.{slug}") for slug in SLUGS]
