"""Text keys for matching what people type against the vocabularies.

"PERSYARATAN&PE RLENGKAPAN", "Persyaratan & Perlengkapan" and "persyaratan dan
perlengkapan" must all find the same column, so labels are compared as *keys*: lower
case, "&" read as "dan", "tgl" as "tanggal", everything but letters and digits dropped.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_TGL = re.compile(r"\btgl\b\.?")


@lru_cache(maxsize=8192)
def key(text: str) -> str:
    t = unicodedata.normalize("NFKC", str(text)).lower().replace("&", " dan ")
    t = _TGL.sub("tanggal", t)
    return _NON_ALNUM.sub("", t)


def tidy(text: str) -> str:
    """One line, single spaces: how a value is shown back to the user."""
    return " ".join(str(text).split())


def alias_index(groups: dict[str, list[str]]) -> dict[str, str]:
    """{"field": ["Alias", …]} -> {key(alias): field}; the first group to claim a key keeps it."""
    out: dict[str, str] = {}
    for name, aliases in groups.items():
        for alias in [name.replace("_", " "), *aliases]:
            out.setdefault(key(alias), name)
    return out
