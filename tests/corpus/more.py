"""More real SOP AP documents, from kinds of office the first corpus lacks.

Listed in docs/corpus.md, section "Dokumen tambahan".

Same form as ``SLUGS`` in ``corpus/__init__.py``: one module per document with its source in the
docstring, its workbook as ``SHEETS`` and the facts from the source as ``EXPECTED``.
"""

from __future__ import annotations

import importlib
from types import ModuleType

MORE_SLUGS = (
    "satpol_kalbar_pak",
    "satpol_kalbar_ppid",
    "uin_salatiga_pmb_mandiri",
    "uin_salatiga_skpi",
    "satpol_kalbar_razia_pns",
    "satpol_kalbar_konsultasi",
)


def more_documents() -> list[ModuleType]:
    return [importlib.import_module(f"corpus.{slug}") for slug in MORE_SLUGS]
