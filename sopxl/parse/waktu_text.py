"""Waktu as offices write it, put in the words the duration reader counts.

"2 x 24 jam" (the public-service promise: done within two days) is two working days of the
calendar, not 48 hours of work (reported, ``waktu-24-jam``); any other multiplier multiplies
("2 x 15 menit", "1-2 x 30 menit" on both ends). "3 (tiga) hari" spells the number out beside
the digits, "1/2 jam" and "½ jam" are half an hour (not one to two hours), and "5'" is five
minutes. The text the user wrote is kept for display; only its reading changes.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..findings import declare

if TYPE_CHECKING:
    from .vocab import Vocab

FROM_PROSE, DAY_PROMISE = declare(__name__, "waktu-dari-kalimat", "waktu-24-jam")

_NUM = r"\d+(?:[.,]\d+)?"
_DASH = r"\s*[-–—]\s*"
# "1 x 24", "1-2 x 24": so many days (as "N x 24 jam") ...
_N_X_24 = rf"({_NUM}(?:{_DASH}{_NUM})?)\s*[x×]\s*24"
# ... "1 x 24 jam", "3x24 Jam kerja", "1-2 x 24 jam": so many days, not so many hours of work.
_DAYS = re.compile(rf"{_N_X_24}\s*jam(?:\s+kerja)?(?![a-z])", re.I)
# "1 x 24 jam - 2 x 24 jam", "1x24 jam s/d 3x24 jam": a range of days written in full on both
# ends, read as "1-2 x 24 jam".
_DAYS_RANGE = re.compile(rf"({_NUM})\s*[x×]\s*24\s*jam(?:\s+kerja)?"
                         rf"(?:{_DASH}|\s*s\s*/\s*d\s*|\s+sampai(?:\s+dengan)?\s+)"
                         rf"({_NUM})\s*[x×]\s*24\s*jam", re.I)
_TIMES = re.compile(rf"({_NUM})(?:{_DASH}({_NUM}))?\s*[x×]\s*({_NUM})", re.I)
_SPELLED = re.compile(r"(\d)\s*\(\s*[a-z][a-z\s-]*\)", re.I)
_HALF = re.compile(r"(?<![\d.,/])(?:1\s*/\s*2|½)(?![\d/])")
_PRIME = re.compile(rf"^\s*({_NUM})\s*['’′]\s*$")


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _shown(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _times(m: re.Match) -> str:
    factor = _number(m.group(3))
    low = _shown(_number(m.group(1)) * factor)
    return low if m.group(2) is None else f"{low}-{_shown(_number(m.group(2)) * factor)}"


# "1 x 24", "2x24" with no unit, under a column headed "Waktu (jam)": the same promise.
_BARE_DAYS = re.compile(rf"\s*{_N_X_24}\s*", re.I)


def with_column_unit(text: str, unit: str | None) -> str:
    """The waktu text with its column's unit written out where the text is a bare "N x 24"
    under hours: that is "N x 24 jam", N working days, not N x 24 hours of work."""
    return f"{text.strip()} jam" if unit == "jam" and _BARE_DAYS.fullmatch(text) else text


# Four regex passes a step, over the same few dozen waktu texts in every workbook of a batch.
@lru_cache(maxsize=4096)
def for_reading(text: str) -> str:
    """The waktu text as the duration reader understands it."""
    t = _PRIME.sub(r"\1 menit", text)
    t = _SPELLED.sub(r"\1", t)
    t = _HALF.sub("0,5", t)
    t = _DAYS_RANGE.sub(r"\1-\2 x 24 jam", t)
    t = _DAYS.sub(r"\1 hari", t)
    return _TIMES.sub(_times, t)


def days_promised(text: str) -> dict[str, str] | None:
    """{"hari": "2", "jam": "48"} for a waktu written "2 x 24 jam" (read as two working days),
    so the reading can say what it did; None for any other waktu."""
    found = _days_promised(text)
    return None if found is None else {"hari": found[0], "jam": found[1]}


# Asked of every step's waktu: the same few dozen texts in every workbook of a batch.
@lru_cache(maxsize=4096)
def _days_promised(text: str) -> tuple[str, str] | None:
    m = _DAYS.search(_DAYS_RANGE.sub(r"\1-\2 x 24 jam", _SPELLED.sub(r"\1", text)))
    if m is None:
        return None
    ends = re.split(_DASH, m.group(1))
    return "-".join(ends), "-".join(_shown(_number(e) * 24) for e in ends)


_LIMIT = re.compile(r"(?:maks(?:imal|\.)?|paling\s+lama|selambat[- ]lambatnya|paling\s+lambat)\s*$", re.I)


def figure_in_prose(text: str, vocab: Vocab) -> str | None:
    """The one "number unit" phrase in a sentence ("… maksimal 30 menit" -> "30 menit"), or
    the one after "maksimal"/"paling lama" when there are several; None when it is unclear."""
    t = _SPELLED.sub(r"\1", text)
    units = "|".join(re.escape(a) for a, _u in vocab.durations.units if len(a) >= 3)
    # "maksimal 2x24 jam": the multiplier belongs to the figure.
    found = list(re.finditer(rf"(?:\d+\s*[x×]\s*)?(\d+(?:[.,]\d+)?)\s*({units})\b", t, re.I))
    phrases = {m.group(0).lower() for m in found}
    if len(phrases) == 1:
        return found[0].group(0)
    limited = [m for m in found if _LIMIT.search(t[:m.start()])]
    return limited[0].group(0) if len(limited) == 1 else None
