"""The check before a written workbook replaces the old one (write/packing.py zip_holds): every
part must inflate to its checksum and the parts must be the ones written."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from sopxl.write import packing


def _package(path: Path, big: bool = False) -> list[str]:
    """Five parts; with ``big``, the third is a register's Temuan, checked in a thread apart."""
    names = [f"xl/worksheets/sheet{i}.xml" for i in range(1, 6)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for i, name in enumerate(names):
            times = 5000 if big and i == 2 else 50
            row = "x" * (1000 * (i + 1))
            z.writestr(name, "".join(f"<row r='{r}'>{row}</row>" for r in range(times)))
    return names


def _damage(path: Path, name: str) -> None:
    """One byte of the part's compressed data changed, the zip's directory left as it was."""
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(name)
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("big", [False, True], ids=["small", "one-big-part"])
def test_a_damaged_part_anywhere_is_found(tmp_path, big):
    if big:
        _package(tmp_path / "r.xlsx", big=True)
        with zipfile.ZipFile(tmp_path / "r.xlsx") as z:
            assert z.getinfo("xl/worksheets/sheet3.xml").file_size > packing._CHECK_APART
    for damaged in range(5):
        path = tmp_path / f"rekap{damaged}.xlsx"
        names = _package(path, big)
        assert packing.zip_holds(str(path), names)
        _damage(path, names[damaged])
        assert not packing.zip_holds(str(path), names), names[damaged]


def test_other_names_or_no_zip_do_not_hold(tmp_path):
    path = tmp_path / "rekap.xlsx"
    names = _package(path)
    assert not packing.zip_holds(str(path), names[:-1])
    assert not packing.zip_holds(str(path), list(reversed(names)))
    (tmp_path / "bukan.xlsx").write_bytes(b"bukan zip")
    assert not packing.zip_holds(str(tmp_path / "bukan.xlsx"), names)
