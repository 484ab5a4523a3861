"""Dates as offices write them: "13-03-2018", "2 Juni 2025", "02 June 2025", "JUNI 2020",
"30 Nopember 2012", "01/13-03-2018" (a revision number before the date).

Returns ISO text: "2018-03-13", or "2020-06" when only month and year are given.
"""
from __future__ import annotations

import re

_MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}
_NUMERIC = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_WORDS = re.compile(r"(?:(\d{1,2})\s+)?([A-Za-z]+)\.?\s+(\d{4})")


def _valid(y: int, m: int, d: int) -> bool:
    import datetime as dt

    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def parse_date(text: str) -> str | None:
    s = str(text).strip()
    m = _ISO.search(s)
    if m and _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))):
        return m.group(0)
    for m in _NUMERIC.finditer(s):
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if _valid(y, mo, d):
            return f"{y:04d}-{mo:02d}-{d:02d}"
    for m in _WORDS.finditer(s):
        month = _MONTHS.get(m.group(2).lower())
        if not month:
            continue
        y = int(m.group(3))
        if m.group(1):
            d = int(m.group(1))
            if _valid(y, month, d):
                return f"{y:04d}-{month:02d}-{d:02d}"
            return None
        return f"{y:04d}-{month:02d}"
    return None
