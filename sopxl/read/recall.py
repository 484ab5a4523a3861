"""Worksheet scans remembered by the parts' compressed bytes, for a batch of one template's files.

Workbooks made from one template often carry sheets the same byte for byte: the texts typed
in differ, and live in the shared strings, while the sheet holds only their numbers. A sheet's
scan (``scan.sheet``) is a pure function of its bytes, so it is remembered by the part's stored
bytes (``SafeZip.stored``: compression, CRC, size and compressed bytes, which determine the
bytes), and a sheet seen before is neither inflated nor scanned again. Nothing downstream
changes a scan. ``tests/test_read_fast.py`` reads every test workbook with scans remembered
and afresh.
"""
from __future__ import annotations

from . import scan
from .safezip import SafeZip


def sheet_scan(z: SafeZip, part: str, ns: str, geometry: bool) -> tuple[scan.SheetScan | None, bytes]:
    """The scan of a worksheet part (None: read it through lxml) and its bytes (b"" when the
    scan was remembered).

    Only a part seen before (by its CRC and sizes) is remembered: a batch of hand-filled
    sheets, each its own, keeps no scans, only those few numbers.
    """
    stored = None
    info = z.parts[part]
    if not scan.FORCE_LXML and info.file_size <= _SCAN_KEEP_MAX:
        stored = z.stored(part)
    key = (stored, ns, geometry)
    if stored is not None:
        known = _SCANS.get(key)
        if known is not None:
            return known, b""
    data = z.read(part)
    found = scan.sheet(data, ns, geometry)
    if found is not None and stored is not None:
        seen = (info.CRC, info.file_size, info.compress_size)
        if seen in _SEEN:
            if len(_SCANS) >= _SCANS_MAX:
                _SCANS.clear()
            _SCANS[key] = found
        else:
            if len(_SEEN) >= _SEEN_MAX:
                _SEEN.clear()
            _SEEN.add(seen)
    return found, data


# Scans of worksheet parts by their stored bytes (see sheet_scan): a few template sheets,
# none over _SCAN_KEEP_MAX, so a hostile batch cannot make it hold much.
_SCANS: dict[tuple[tuple[int, int, int, bytes] | None, str, bool], scan.SheetScan] = {}
_SCANS_MAX = 16
_SCAN_KEEP_MAX = 128 * 1024  # a long SOP sheet; its scan takes a few times that
_SEEN: set[tuple[int, int, int]] = set()  # (CRC, size, compressed size) of the sheets scanned
_SEEN_MAX = 4096
