"""Waktu as offices write it, put in the words the duration reader counts.

"1 x 24 jam" (the public-service promise) is 24 hours, "3 (tiga) hari" spells the number out
beside the digits, "1/2 jam" and "½ jam" are half an hour (not one to two hours), and "5'"
is five minutes. The text the user wrote is kept for display; only its reading changes.
"""
from __future__ import annotations

import re
from functools import lru_cache

_NUM = r"\d+(?:[.,]\d+)?"
_TIMES = re.compile(rf"({_NUM})\s*[x×]\s*({_NUM})", re.I)
_SPELLED = re.compile(r"(\d)\s*\(\s*[a-z][a-z\s-]*\)", re.I)
_HALF = re.compile(r"(?<![\d.,/])(?:1\s*/\s*2|½)(?![\d/])")
_PRIME = re.compile(rf"^\s*({_NUM})\s*['’′]\s*$")


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _times(m: re.Match) -> str:
    value = _number(m.group(1)) * _number(m.group(2))
    return f"{value:g}".replace(".", ",")


# Four regex passes a step, over the same few dozen waktu texts in every workbook of a batch.
@lru_cache(maxsize=4096)
def for_reading(text: str) -> str:
    """The waktu text as the duration reader understands it."""
    t = _PRIME.sub(r"\1 menit", text)
    t = _SPELLED.sub(r"\1", t)
    t = _HALF.sub("0,5", t)
    return _TIMES.sub(_times, t)
