"""The register out: sheets for the workbook, CSV files, JSON data.

The tables hold raw values (severity codes, booleans, lists, minutes as numbers); words
for people ("GALAT", "LULUS") are put in only when a sheet or a CSV file is made, so the
JSON stays machine-friendly.
"""
from __future__ import annotations

import os
from typing import Any

from .tables import TABLES, WORDS, Register, columns, require_pandas


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


def _shown_column(values: list[Any], kind: str, lang: str) -> list[Any]:
    """``_shown`` over a whole column. Text and number columns hold most of a register's
    cells and only lose their NaNs (to None): that is done without a call per value."""
    if kind in _WORDED:
        return [_shown(v, kind, lang) for v in values]
    if not any(issubclass(t, float) for t in set(map(type, values))):
        return values  # no float, so no NaN
    return [None if isinstance(v, float) and v != v else v for v in values]


def _display_columns(table: str, df, lang: str) -> tuple[list[str], list[list[Any]], list[str]]:
    cols = columns(table)
    headers = [c[2] if lang == "en" else c[1] for c in cols]
    data = [_shown_column(df[k].tolist(), kind, lang) for k, _i, _e, kind in cols]
    return headers, data, [c[3] for c in cols]


_SEVERITY_STYLE = {"error": "error", "warning": "warning"}


def _cell_style(kind: str, raw: Any) -> str | None:
    """The colour a value gets: errors red, warnings yellow, a pass green; None is plain."""
    if kind == "severity":
        return _SEVERITY_STYLE.get(raw)
    if kind == "verdict":
        return "ok" if raw else "error"
    if kind == "flags":
        return "warning" if raw else None
    return "warning" if raw == "tidak-ditemukan" else None  # status


def _longest(values: list[Any]) -> int:
    """The longest value's length as text (None left out), as the column width is fitted to.

    A register column holds tens of thousands of values but few distinct ones; when it holds
    only texts (or only whole numbers) each distinct value is measured once, in C loops.
    """
    types = set(map(type, values))
    types.discard(type(None))
    if types <= {str} or types <= {int}:  # no two distinct values here print alike
        distinct = set(values)
        distinct.discard(None)
        return max(map(len, map(str, distinct)), default=0)
    return max((len(v) if isinstance(v, str) else len(str(v)) for v in values if v is not None),
               default=0)


def register_sheets(reg: Register, lang: str = "id") -> list:
    """One SheetSpec per table: a styled header row, frozen, with a filter and fitted widths.

    Data cells are plain values (Excel's default look) except the ones whose colour says
    something: severity, verdict, duplicates, references not found. Tens of thousands of
    rows stay quick to build and to write.
    """
    from ..a1 import col_to_letters
    from ..sheetspec import CellSpec, SheetSpec

    specs = []
    for table, name, cols in TABLES:
        df = reg.tables[table]
        headers, data, kinds = _display_columns(table, df, lang)
        # Widths from the shown values, before some of them are wrapped in a CellSpec.
        widths = {j: float(min(60, max(len(h) + 3, _longest(data[j]) + 2, 6)))
                  for j, h in enumerate(headers)}
        for j, kind in enumerate(kinds):
            if kind in ("severity", "verdict", "flags", "status"):
                raw = df[cols[j][0]].tolist()
                styles = [_cell_style(kind, r) for r in raw]
                data[j] = [CellSpec(v, st) if st else v for v, st in zip(data[j], styles)]
        rows: list[list[Any]] = [[CellSpec(h, "header") for h in headers]]
        rows.extend(map(list, zip(*data)))
        last = col_to_letters(len(cols) - 1)
        specs.append(SheetSpec(name=name, rows=rows, col_widths=widths, freeze="A2",
                               autofilter=f"A1:{last}{len(df) + 1}", print_title_rows=(0, 0),
                               landscape=True, fit_width=False))
    return specs


def write_register(reg: Register, path: str, lang: str = "id") -> None:
    from ..write.package import new_workbook

    new_workbook(path, register_sheets(reg, lang))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_safe(v: Any) -> Any:
    # A cell that Excel would read as a formula ("=HYPERLINK(…)", "-2+3", "@SUM") is text here.
    if isinstance(v, str) and v.startswith(_FORMULA_START):
        return "'" + v
    return v


def csv_name(table: str) -> str:
    return f"{table}.csv"


def write_csv(reg: Register, folder: str, lang: str = "id") -> list[str]:
    """One CSV per table, UTF-8 with BOM (so Excel reads the letters right); returns the paths."""
    pd = require_pandas()
    os.makedirs(folder, exist_ok=True)
    written = []
    for table, _name, _cols in TABLES:
        headers, data, _kinds = _display_columns(table, reg.tables[table], lang)
        frame = pd.DataFrame({h: [_csv_safe(v) for v in col] for h, col in zip(headers, data)},
                             columns=headers, dtype=object)
        path = os.path.join(folder, csv_name(table))
        tmp = path + ".tmp"
        frame.to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\r\n")
        os.replace(tmp, path)
        written.append(path)
    return written


def register_json(reg: Register) -> dict[str, Any]:
    """The register as plain JSON data: the summary and each table as a list of records."""
    def clean(v: Any) -> Any:
        if isinstance(v, float) and v != v:
            return None
        if hasattr(v, "item") and not isinstance(v, (list, dict, str)):
            return v.item()  # a numpy scalar
        return v

    tables = {}
    for table, _name, cols in TABLES:
        df = reg.tables[table]
        keys = [c[0] for c in cols]
        tables[table] = [dict(zip(keys, (clean(v) for v in row)))
                         for row in df[keys].itertuples(index=False, name=None)]
    return {"summary": dict(reg.summary), "tables": tables}
