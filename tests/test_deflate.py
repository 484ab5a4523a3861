"""ISA-L (python-isal) where it is installed: the register's sheets deflated by it make the
same archive to every reader, and workbooks inflated by it read the same, damage included."""
from __future__ import annotations

import zipfile
import zlib

import openpyxl
import pytest

from sopxl.write import deflate
from sopxl.write.stream import StreamSheet, stream_workbook

pytestmark = pytest.mark.skipif(deflate.isal_zlib is None, reason="python-isal is not installed")

ROWS = [[i, f"Temuan nomor {i} & <{i % 7}>", ("PERINGATAN", "warning") if i % 3 else "INFO", i / 4]
        for i in range(1, 30001)]


def _write(path, monkeypatch, isal: bool):
    if not isal:
        monkeypatch.setattr(deflate, "isal_zlib", None)
    stream_workbook(path, [StreamSheet("Temuan", ["No", "Pesan", "Tingkat", "Jam"], iter(ROWS))])
    monkeypatch.undo()
    return path


def test_a_sheet_deflated_by_isal_holds_what_zlib_would(tmp_path, monkeypatch):
    fast = _write(tmp_path / "isal.xlsx", monkeypatch, isal=True)
    slow = _write(tmp_path / "zlib.xlsx", monkeypatch, isal=False)
    with zipfile.ZipFile(fast) as a, zipfile.ZipFile(slow) as b:
        assert a.testzip() is None and a.namelist() == b.namelist()
        for name in a.namelist():
            assert a.read(name) == b.read(name), name
        assert a.getinfo("xl/worksheets/sheet1.xml").compress_size != b.getinfo(
            "xl/worksheets/sheet1.xml").compress_size  # another deflater did write it
    ws = openpyxl.load_workbook(fast).active
    assert [c.value for c in ws[30001]] == [30000, "Temuan nomor 30000 & <5>", "INFO", 7500]


def test_only_a_fresh_entry_gets_another_deflater(tmp_path):
    with zipfile.ZipFile(tmp_path / "a.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open("a.xml", "w") as entry:
            assert deflate.faster(entry)
            entry.write(b"<a/>" * 1000)
        with zf.open("b.xml", "w") as entry:
            entry.write(b"<b/>")
            assert not deflate.faster(entry)  # bytes already went through zlib's
        info = zipfile.ZipInfo("c.xml")  # stored, not deflated: nothing to replace
        with zf.open(info, "w") as entry:
            assert not deflate.faster(entry)
            entry.write(b"<c/>")
    with zipfile.ZipFile(tmp_path / "a.zip") as z:
        assert z.testzip() is None
        assert z.read("a.xml") == b"<a/>" * 1000
        assert z.getinfo("a.xml").CRC == zlib.crc32(b"<a/>" * 1000)


@pytest.mark.parametrize("inflater", ["isal", "zlib"])
def test_a_workbook_reads_the_same_inflated_by_either_library(tmp_path, monkeypatch, inflater):
    from sopxl.errors import WorkbookError
    from sopxl.read import safezip

    path = tmp_path / "rekap.xlsx"
    stream_workbook(path, [StreamSheet("Temuan", ["No", "Pesan"], iter([r[:2] for r in ROWS[:2000]]))])
    with zipfile.ZipFile(path) as z:
        want = {n: z.read(n) for n in z.namelist()}
        info = z.getinfo("xl/worksheets/sheet1.xml")
    monkeypatch.setattr(safezip, "_inflater", deflate.isal_zlib.decompressobj if inflater == "isal"
                        else zlib.decompressobj)
    with safezip.SafeZip(path) as sz:
        assert {n: sz.read(n) for n in want} == want
    data = bytearray(path.read_bytes())  # the sheet's deflate data damaged mid-way
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with safezip.SafeZip(path) as sz, pytest.raises(WorkbookError):
        sz.read("xl/worksheets/sheet1.xml")
