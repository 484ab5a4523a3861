"""A third set of real SOP AP documents, from kinds of office the first two sets lack.

Listed in docs/corpus.md, section "Dokumen tambahan (2)". Same form as ``SLUGS`` in
``corpus/__init__.py`` and ``MORE_SLUGS`` in ``corpus/more.py``: one module per document with
its source in the docstring, its workbook as ``SHEETS`` and the facts from the source as
``EXPECTED``.
"""

from __future__ import annotations

import importlib
from types import ModuleType

THIRD_SLUGS = (
    "mtsn1_pandeglang_legalisir_ijazah",
    "mtsn1_pandeglang_legalisir_rapor",
    "mtsn1_pandeglang_peminjaman_buku",
)


def third_documents() -> list[ModuleType]:
    return [importlib.import_module(f"corpus.{slug}") for slug in THIRD_SLUGS]
