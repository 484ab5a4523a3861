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
    "basarnas_laporan_bencana",
    "bps_bengkulu_zoom",
    "bps_bengkulu_pengaduan",
    "bps_bengkulu_perpustakaan",
    "bps_bengkulu_lptb",
    "bps_bengkulu_pendataan_ti",
    "bps_bengkulu_ls_kppn",
    "bps_bengkulu_penjualan_bmn",
    "bps_bengkulu_eoq",
    "bps_bengkulu_revisi_anggaran",
    "bps_bengkulu_persediaan",
    "bps_bengkulu_transfer_bmn",
    "bps_bengkulu_ekspor",
    "bps_bengkulu_sakernas_cetak",
    "bps_bengkulu_capaian_kinerja",
    "bps_bengkulu_pemusnahan_arsip",
    "bps_bengkulu_pdrb",
)


def documents() -> list[ModuleType]:
    return [importlib.import_module(f"{__name__}.{slug}") for slug in SLUGS]
