"""Many SOP workbooks → one register (Rekap SOP).

How a batch goes, one module per step::

    discover.py    discover(PATH…): files and folders → Source list (lock, hidden and temp
                   files skipped)
    summary.py     summarize(path, cfg) → FileSummary: the per-file step, a pure function of
                   the file (what worker processes run; it never loads pandas)
    batch.py       read_all(…): the summaries, in process pools or in this process
    bagian.py      which Bagian an SOP belongs to (--map, instansi, folder, file name)
    references.py  Keterkaitan: split a box into items, resolve each to an SOP of the register
    tables.py      the register's tables as data (sopxl/data/register_tables.json)
    register.py    build_register(…): summaries → Register (pandas DataFrames, register-wide
                   findings)
    output.py      register_sheets / write_register, write_csv, register_json
    runtime.py     the garbage collector paused, pandas imported in the background
"""
from __future__ import annotations

from .bagian import BagianMap, bagian_from_instansi, load_map
from .batch import read_all
from .discover import PROBLEM_EXTS, WORKBOOK_EXTS, Source, discover
from .output import csv_name, register_json, register_sheets, write_csv, write_register
from .references import _Index, split_references
from .register import build_register
from .runtime import check_pandas, collector_paused, pandas_in_background
from .summary import FileSummary, SopSummary, init_worker, summarize, summarize_batch
from .tables import TABLES, Register, require_pandas

__all__ = [
    "Source", "FileSummary", "SopSummary", "Register", "BagianMap", "TABLES",
    "WORKBOOK_EXTS", "PROBLEM_EXTS",
    "discover", "summarize", "summarize_batch", "init_worker", "read_all", "build_register",
    "register_sheets", "write_register", "write_csv", "csv_name", "register_json",
    "bagian_from_instansi", "split_references", "load_map", "check_pandas", "collector_paused",
    "pandas_in_background", "require_pandas", "_Index",
]
