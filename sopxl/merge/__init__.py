"""Many SOP workbooks → one register (Rekap SOP).

How a batch goes, one module per step::

    discover.py    discover(PATH…): files and folders → Source list (lock, hidden and temp
                   files skipped)
    summary.py     summarize(path, cfg) → FileSummary: the per-file step, a pure function of
                   the file (what worker processes run)
    batch.py       read_all(…): the summaries, in process pools or in this process
    bagian.py      which Bagian an SOP belongs to (--map, instansi, folder, file name)
    references.py  Keterkaitan: split a box into items, resolve each to an SOP of the register
    tables.py      the register's tables as data (sopxl/data/register_tables.json)
    register.py    RegisterBuilder: summaries in as they come (spooled to disk), register-wide
                   findings, then the tables streamed row by row (memory flat in the files)
    output.py      write_register (streamed xlsx), write_csv, write_json, register_json
    cache.py       the re-merge cache beside the register (sqlite; a changed file is read again)
    collect.py     one batch: each summary from the cache or a reader, into the RegisterBuilder
    guard.py       refuse an --out that is an input, or a workbook that is not our register
    runtime.py     the garbage collector paused, the optional library checked
"""
from __future__ import annotations

from .bagian import BagianMap, bagian_from_instansi, load_map
from .batch import iter_summaries, read_all
from .discover import PROBLEM_EXTS, WORKBOOK_EXTS, Source, discover
from .output import csv_name, register_json, write_csv, write_json, write_register
from .references import _Index, split_references
from .register import Register, RegisterBuilder, build_register
from .runtime import check_dependencies, collector_paused
from .summary import (
    FileSummary,
    SopSummary,
    from_json,
    init_worker,
    summarize,
    summarize_batch,
    summary_text,
    to_json,
)
from .tables import TABLES

__all__ = [
    "Source", "FileSummary", "SopSummary", "Register", "BagianMap", "TABLES",
    "WORKBOOK_EXTS", "PROBLEM_EXTS",
    "RegisterBuilder", "discover", "summarize", "summarize_batch", "init_worker", "read_all",
    "iter_summaries", "build_register", "write_register", "write_csv", "write_json", "csv_name",
    "register_json", "to_json", "from_json", "summary_text", "bagian_from_instansi",
    "split_references", "load_map", "check_dependencies", "collector_paused", "_Index",
]
