"""The workbook's own "Pengaturan" sheet: its working calendar and list of roles.

Rows of label | value ("Jam per hari kerja | 7,5"); under a row labelled "Daftar
Pelaksana" (or "Pelaksana"), one role per row in the first column until a blank row.
"""
from __future__ import annotations

from ..grid import Grid
from .text import key

_CALENDAR = {
    "jamperharikerja": "jam_per_hari", "jamperhari": "jam_per_hari", "jamkerjaperhari": "jam_per_hari",
    "hariperminggu": "hari_per_minggu", "harikerjaperminggu": "hari_per_minggu",
    "hariperbulan": "hari_per_bulan", "harikerjaperbulan": "hari_per_bulan",
    "haripertahun": "hari_per_tahun", "harikerjapertahun": "hari_per_tahun",
}
_LIMITS = {"jam_per_hari": 24, "hari_per_minggu": 7, "hari_per_bulan": 31, "hari_per_tahun": 366}
_ROLE_HEADERS = {"daftarpelaksana", "pelaksana", "daftarjabatanpelaksana", "jabatanpelaksana"}


def _number(v: object) -> float | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    try:
        return float(str(v).strip().replace(",", "."))
    except ValueError:
        return None


def read_settings(grid: Grid) -> tuple[dict[str, float], list[str], list[tuple[str, str]]]:
    """(calendar, roles, problems) where problems are (cell, label) of unreadable values."""
    from ..a1 import rowcol_to_cell

    calendar: dict[str, float] = {}
    roles: list[str] = []
    problems: list[tuple[str, str]] = []
    rows = sorted({r for r, _ in grid.values})
    in_roles = False
    previous = -1
    for r in rows:
        label = grid.text(r, 0)
        k = key(label)
        gap, previous = r - previous > 1, r
        if in_roles:
            if not label or gap:
                in_roles = False
                continue
            roles.append(" ".join(label.split()))
            continue
        if k in _ROLE_HEADERS:
            in_roles = True
            continue
        name = _CALENDAR.get(k)
        if name:
            value = _number(grid.get(r, 1))
            if value is None or not (0 < value <= _LIMITS[name]):
                problems.append((rowcol_to_cell(r, 1), label))
            else:
                calendar[name] = value
    return calendar, roles, problems
