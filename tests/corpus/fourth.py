"""A fourth set of real SOP documents: courts and a kecamatan, kinds of office the first three lack.

Listed in docs/corpus.md, section "Dokumen tambahan (3)". Same form as ``THIRD_SLUGS`` in
``corpus/third.py``: one module per document with its source in the docstring, its workbook as
``SHEETS`` and the facts from the source as ``EXPECTED``.

``KNOWN_GAPS`` names the facts sopxl reads wrong today, with why; tests/test_corpus.py marks
each as a strict expected failure, so a fix shows up as an unexpected pass to be removed here.
"""

from __future__ import annotations

import importlib
from types import ModuleType

FOURTH_SLUGS = (
    "pn_gunungsitoli_kepaniteraan_hukum",
    "pt_denpasar_direktori_putusan",
    "kec_baiturrahman_ktp_kk",
    "kel_sei_putih_timur_surat_masuk",
)

# slug -> {fact: why sopxl misreads it}, from the first run (docs/corpus.md, "Dokumen tambahan
# (3)"). tests/test_corpus.py turns each into a strict xfail. Empty since branch gaps4 fixed
# the four gaps found; a new document read wrong adds its entries here.
KNOWN_GAPS: dict[str, dict[str, str]] = {}


def fourth_documents() -> list[ModuleType]:
    return [importlib.import_module(f"corpus.{slug}") for slug in FOURTH_SLUGS]
