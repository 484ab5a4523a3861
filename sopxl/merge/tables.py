"""The register's tables as data: sheet names, columns, headers and kinds of value.

The definitions live in ``sopxl/data/register_tables.json`` (one table = key, sheet name,
columns; a column = key, Indonesian header, English header, kind), with the words a raw
value is shown as ("error" → "GALAT"). ``kind`` says how a value is shown: text, number,
minutes, severity, verdict, list, flags, status, match.
"""
from __future__ import annotations

import json
from importlib import resources
from typing import Any

Column = tuple[str, str, str, str]


def _load() -> dict[str, Any]:
    text = (resources.files("sopxl") / "data" / "register_tables.json").read_text(encoding="utf-8")
    return json.loads(text)


_DATA = _load()
TABLES: list[tuple[str, str, list[Column]]] = [
    (t["key"], t["sheet"], [(c["key"], c["id"], c["en"], c["kind"]) for c in t["columns"]])
    for t in _DATA["tables"]]
_BY_KEY = {k: cols for k, _name, cols in TABLES}


def _word_table(words: dict[str, str]) -> dict[Any, str]:
    # JSON keys are texts; a verdict is a boolean in the tables.
    out: dict[Any, str] = dict(words)
    out[True] = out.pop("true")
    out[False] = out.pop("false")
    return out


WORDS: dict[str, dict[Any, str]] = {lang: _word_table(w) for lang, w in _DATA["words"].items()}


def columns(table: str) -> list[Column]:
    return _BY_KEY[table]


def minutes(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else round(float(x), 2)
