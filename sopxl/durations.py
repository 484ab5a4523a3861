"""Mutu baku waktu: read what offices write, in minutes, and show totals back.

"15menit", "3 Jam", "1,5 jam", "1 Hari Kerja", "1 bln", "3 - 5 Jam", "2 s.d. 3 hari",
"maks. 3 hari", "1 jam 30 menit". Days, weeks and months are *working* time from the
calendar (default 7.5 jam a day, 5 days a week, 20 days a month).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .model import Span

_NUM = r"(\d+(?:[.,]\d+)?)"
_RANGE_SEP = r"(?:-|–|—|s\.?\s*d\.?|s/d|sd|sampai(?:\s+dengan)?|hingga|atau|/|~)"
_PREFIX = re.compile(r"^(?:maks(?:imal|imum)?|paling\s+lama|max|min(?:imal)?|\±|±|\+/-|kurang\s+lebih|"
                     r"kurang\s+dari|lebih\s+kurang|selambat-?lambatnya|\<=?|sekitar|estimasi|±)\.?\s*",
                     re.I)


@dataclass(frozen=True)
class Reading:
    """The result of reading one waktu text."""

    minutes: Span | None  # None when it cannot be counted
    # None | "kosong" | "tidak-tentu" | "tanpa-satuan" | "tidak-terbaca" | "tidak-wajar"
    problem: str | None = None


def unit_minutes(calendar: dict[str, float]) -> dict[str, float]:
    day = calendar["jam_per_hari"] * 60
    return {
        "detik": 1 / 60,
        "menit": 1.0,
        "jam": 60.0,
        "hari": day,
        "minggu": day * calendar["hari_per_minggu"],
        "bulan": day * calendar["hari_per_bulan"],
        "tahun": day * calendar["hari_per_tahun"],
    }


def _unit_index(units: dict[str, list[str]]) -> list[tuple[str, str]]:
    pairs = [(alias.lower(), unit) for unit, aliases in units.items() if unit != "undetermined"
             for alias in [unit, *aliases]]
    # Longest first, so "hari kerja" wins over "hari" and "menit" over "m".
    return sorted(pairs, key=lambda p: -len(p[0]))


def _num(s: str) -> float:
    return float(s.replace(",", "."))


class DurationReader:
    def __init__(self, units: dict[str, list[str]], calendar: dict[str, float]):
        self.factors = unit_minutes(calendar)
        self.max_minutes = self.factors["tahun"]  # one working year, the longest a step may take
        self.units = _unit_index(units)
        self.undetermined = {u.lower() for u in units.get("undetermined", [])}
        alt = "|".join(re.escape(a) for a, _ in self.units)
        self._unit_re = re.compile(rf"^({alt})(?![a-z])", re.I)
        self._range_re = re.compile(rf"^{_NUM}\s*{_RANGE_SEP}\s*{_NUM}\s*", re.I)
        self._num_re = re.compile(rf"^{_NUM}\s*", re.I)
        self._cache: dict[tuple[type, object, str | None], Reading] = {}

    def read(self, text: object, default_unit: str | None = None) -> Reading:
        # The same few dozen waktu texts come back in every workbook of a batch.
        key = (type(text), text, default_unit)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._read(text, default_unit)
            if len(self._cache) < 20_000:
                self._cache[key] = hit
        return hit

    def _read(self, text: object, default_unit: str | None) -> Reading:
        if text is None:
            return Reading(None, "kosong")
        if isinstance(text, (int, float)) and not isinstance(text, bool):
            if default_unit:
                try:
                    v = float(text) * self.factors[default_unit]
                except OverflowError:  # an int beyond any float: hundreds of digits
                    return Reading(None, "tidak-wajar")
                return self._checked(v, v)
            return Reading(None, "tanpa-satuan")
        s = " ".join(str(text).split()).strip().rstrip(".")
        if not s:
            return Reading(None, "kosong")
        if s.lower() in self.undetermined or s.lower().startswith(tuple(
                u for u in self.undetermined if len(u) > 3)):
            return Reading(None, "tidak-tentu")
        s = _PREFIX.sub("", s)
        lo = hi = 0.0
        rest = s
        parts = 0
        while rest:
            m = self._range_re.match(rest)
            if m:
                a, b = _num(m.group(1)), _num(m.group(2))
            else:
                m = self._num_re.match(rest)
                if not m:
                    return Reading(None, "tidak-terbaca")
                a = b = _num(m.group(1))
            rest = rest[m.end():]
            um = self._unit_re.match(rest)
            if um:
                unit = dict(self.units)[um.group(1).lower()]
                rest = rest[um.end():].lstrip(" .,")
                rest = re.sub(r"^(?:dan|\+)\s*", "", rest, flags=re.I)
            elif not rest.strip() and default_unit:
                unit = default_unit
            elif not rest.strip() and parts == 0:
                return Reading(None, "tanpa-satuan")
            else:
                return Reading(None, "tidak-terbaca")
            f = self.factors[unit]
            lo, hi = lo + min(a, b) * f, hi + max(a, b) * f
            parts += 1
            rest = rest.strip()
        return self._checked(round(lo, 4), round(hi, 4))

    def _checked(self, lo: float, hi: float) -> Reading:
        """A span of minutes, unless no single step can take that long.

        A waktu of hundreds of digits reads as infinity, and a typo such as "1000 hari"
        would swamp the SOP's total: beyond one working year a step is reported, not counted.
        """
        if not (math.isfinite(lo) and math.isfinite(hi)) or lo < 0 or hi > self.max_minutes:
            return Reading(None, "tidak-wajar")
        return Reading((lo, hi))


def add(a: Span | None, b: Span | None) -> Span | None:
    if a is None:
        return b
    if b is None:
        return a
    return (a[0] + b[0], a[1] + b[1])


def format_minutes(minutes: float, calendar: dict[str, float], lang: str = "id") -> str:
    """930 -> "2 hari 0 jam 30 menit" with working days of calendar["jam_per_hari"]."""
    if not math.isfinite(minutes):
        return "-"  # never a step's (they are checked when read); a guard for any caller
    day = calendar["jam_per_hari"] * 60
    total = round(minutes)
    days, rem = divmod(total, day)
    hours, mins = divmod(rem, 60)
    words = ("hari", "jam", "menit") if lang != "en" else ("days", "hours", "minutes")
    parts = []
    if days:
        parts.append(f"{int(days)} {words[0]}")
    if days or hours:
        parts.append(f"{int(hours)} {words[1]}")
    parts.append(f"{int(round(mins))} {words[2]}")
    return " ".join(parts)


def format_span(span: Span | None, calendar: dict[str, float], lang: str = "id") -> str:
    if span is None:
        return "-"
    lo, hi = span
    if abs(hi - lo) < 0.5:
        return format_minutes(lo, calendar, lang)
    return f"{format_minutes(lo, calendar, lang)} – {format_minutes(hi, calendar, lang)}"
