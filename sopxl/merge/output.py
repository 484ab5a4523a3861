"""The register out: sheets for the workbook, CSV files, JSON data.

The tables hold raw values (severity codes, booleans, lists, minutes as numbers); words
for people ("GALAT", "LULUS") are put in only when a sheet or a CSV file is made, so the
JSON stays machine-friendly.
"""
from __future__ import annotations

import json
import math
import os
import tempfile
from collections.abc import Iterator
from contextlib import suppress
from functools import partial
from operator import itemgetter
from typing import Any, TextIO

from .guard import MARKER
from .register import Register
from .tables import TABLES, WORDS, columns


def _shown(value: Any, kind: str, lang: str) -> Any:
    """A raw table value as a person reads it in the register or a CSV file."""
    words = WORDS["en" if lang == "en" else "id"]
    if value is None or (isinstance(value, float) and value != value):
        return None
    if kind == "list":
        return "; ".join(str(v) for v in value)
    if kind == "flags":
        return ", ".join(words[f"flag-{v}"] for v in value)
    if kind in ("severity", "verdict", "status", "match"):
        return words.get(value, value)
    return value


# Kinds whose values _shown rewrites; every other kind shows its value as it is.
_WORDED = frozenset(("list", "flags", "severity", "verdict", "status", "match"))


def _shown_rows(reg: Register, table: str, lang: str) -> Iterator[tuple[dict[str, Any], list[Any]]]:
    """(raw row, the row as people read it) of one table, in order."""
    cols = columns(table)
    pick = itemgetter(*[c[0] for c in cols])  # every row holds every column (None when empty)
    worded = [(j, kind) for j, (_k, _i, _e, kind) in enumerate(cols) if kind in _WORDED]
    for row in reg.rows(table):
        shown = list(pick(row))
        for j, kind in worded:
            shown[j] = _shown(shown[j], kind, lang)
        yield row, shown


_SEVERITY_STYLE = {"error": "error", "warning": "warning"}
_STYLED = frozenset(("severity", "verdict", "flags", "status"))


def _cell_style(kind: str, raw: Any) -> str | None:
    """The colour a value gets: errors red, warnings yellow, a pass green; None is plain."""
    if kind == "severity":
        return _SEVERITY_STYLE.get(raw)
    if kind == "verdict":
        return "ok" if raw else "error"
    if kind == "flags":
        return "warning" if raw else None
    return "warning" if raw == "tidak-ditemukan" else None  # status


def headers(table: str, lang: str) -> list[str]:
    return [c[2] if lang == "en" else c[1] for c in columns(table)]


_CODED = frozenset(("severity", "verdict", "status", "match"))  # a code or a boolean, reworded


def _sheet_rows(reg: Register, table: str, lang: str) -> Iterator[list[Any]]:
    """A table's rows as the register sheet shows them: words for codes, and (value, style)
    for the cells whose colour says something (severity, verdict, duplicates, not found).

    ``_shown_rows`` and the colours in one pass over each row (a national register has
    millions of them), a code or a boolean reworded by looking it up here (``_shown`` does
    that too, after its checks for no value, which a code or a boolean is not)."""
    cols = columns(table)
    words = WORDS["en" if lang == "en" else "id"]
    pick = itemgetter(*[c[0] for c in cols])  # every row holds every column (None when empty)
    plan = [(j, kind, kind in _WORDED, kind in _CODED, kind in _STYLED)
            for j, (_k, _i, _e, kind) in enumerate(cols) if kind in _WORDED or kind in _STYLED]
    for row in reg.rows(table):
        shown = list(pick(row))
        for j, kind, worded, coded, styled in plan:
            raw = shown[j]
            if worded:
                if coded and (type(raw) is str or type(raw) is bool):
                    shown[j] = words.get(raw, raw)
                else:
                    shown[j] = _shown(raw, kind, lang)
            if styled:
                style = _cell_style(kind, raw)
                if style:
                    shown[j] = (shown[j], style)
        yield shown


def write_register(reg: Register, path: str, lang: str = "id") -> None:
    """The register workbook, streamed sheet by sheet; marked as sopxl's own register."""
    from .. import __version__
    from ..write.stream import StreamSheet, stream_workbook

    sheets = [StreamSheet(name, headers(table, lang), _sheet_rows(reg, table, lang), size=reg.size(table))
              for table, name, _cols in TABLES]
    stream_workbook(path, sheets, properties={MARKER: f"sopxl {__version__}"})


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_safe(v: Any) -> Any:
    # A cell that Excel would read as a formula ("=HYPERLINK(…)", "-2+3", "@SUM") is text here.
    if isinstance(v, str) and v.startswith(_FORMULA_START):
        return "'" + v
    return v


def csv_name(table: str) -> str:
    return f"{table}.csv"


def write_csv(reg: Register, folder: str, lang: str = "id") -> list[str]:
    """One CSV per table, UTF-8 with BOM (so Excel reads the letters right); returns the paths.

    Each file is written under a temporary name beside it and moved into place when done;
    after any failure no temporary file stays behind.
    """
    import csv

    os.makedirs(folder, exist_ok=True)
    written = []
    for table, _name, _cols in TABLES:
        path = os.path.join(folder, csv_name(table))
        fd, tmp = tempfile.mkstemp(prefix=".~sopxl-", suffix=".tmp", dir=folder)
        try:
            # A file name that is not UTF-8 (kept by Python as surrogates) is written with its
            # odd bytes as \xNN: the row stays, readable, instead of the whole CSV failing.
            with os.fdopen(fd, "w", encoding="utf-8-sig", errors="backslashreplace", newline="") as fh:
                out = csv.writer(fh, lineterminator="\r\n")
                out.writerow(headers(table, lang))
                for _row, shown in _shown_rows(reg, table, lang):
                    out.writerow([_csv_safe(v) for v in shown])
            os.replace(tmp, path)
        except BaseException:
            with suppress(OSError):
                os.unlink(tmp)
            raise
        written.append(path)
    return written


def _clean(v: Any) -> Any:
    # NaN and infinities are not JSON: such a value is "no value" here.
    return None if isinstance(v, float) and not math.isfinite(v) else v


def register_json(reg: Register) -> dict[str, Any]:
    """The register as plain JSON data: the summary and each table as a list of records."""
    tables = {}
    for table, _name, cols in TABLES:
        keys = [c[0] for c in cols]
        tables[table] = [{k: _clean(r.get(k)) for k in keys} for r in reg.rows(table)]
    return {"summary": dict(reg.summary), "tables": tables}


def write_json(reg: Register, stream: TextIO, summary: dict[str, Any] | None = None) -> None:
    """``register_json`` written record by record (a national register need not fit in memory)."""
    dump = partial(json.dumps, allow_nan=False)
    stream.write('{\n "summary": ' + dump(summary or reg.summary, ensure_ascii=False) + ',\n "tables": {')
    for t, (table, _name, cols) in enumerate(TABLES):
        keys = [c[0] for c in cols]
        stream.write(("," if t else "") + f"\n  {dump(table)}: [")
        for i, r in enumerate(reg.rows(table)):
            text = dump({k: _clean(r.get(k)) for k in keys}, ensure_ascii=False)
            stream.write(("," if i else "") + "\n   " + text)
        stream.write("\n  ]")
    stream.write("\n }\n}\n")
