"""The biggest sheet of a streamed workbook rendered in a forked child (sopxl/write/ahead.py):
the same workbook, byte for byte, whether the child renders it, fails, is killed, or there is
no child at all; and nothing left behind when the parent fails."""
from __future__ import annotations

import glob
import os
import signal
import tempfile

import openpyxl
import pytest

from sopxl.errors import WriteError
from sopxl.write import ahead
from sopxl.write.stream import StreamSheet, stream_workbook

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")

PARENT = os.getpid()


def _sheets(big_rows, n=40):
    """Three sheets; the second (the biggest, so the child's) holds ``big_rows``."""
    return [StreamSheet("Daftar", ["No", "Nama"], iter([[i, f"SOP {i}"] for i in range(1, 6)]), size=10),
            StreamSheet("Temuan", ["No", "Pesan", "Tingkat"], big_rows, size=3 * n),
            StreamSheet("Beban", ["No", "Pelaksana"], iter([[1, "Kasubbag Umum"], [2, "Staf"]]), size=4)]


def _temuan(n=40, in_child=None):
    for i in range(1, n + 1):
        if in_child is not None and os.getpid() != PARENT and i == n // 2:
            in_child()
        yield [i, f"Kegiatan langkah {i} belum diberi waktu & <ukuran>", ("PERINGATAN", "warning")]


def _write(path, rows, *, child: bool, max_rows: int = 1_048_576, monkeypatch):
    monkeypatch.setattr(ahead, "AHEAD_MIN_CELLS", 0 if child else 10**12)
    stream_workbook(path, _sheets(rows), max_rows=max_rows)
    return path.read_bytes()


@pytest.fixture
def forks(monkeypatch):
    """The pids of the children forked during the test."""
    children = []
    real_fork = os.fork

    def fork():
        pid = real_fork()
        if pid:
            children.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    return children


def _leftovers():
    return glob.glob(os.path.join(tempfile.gettempdir(), ".~sopxl-parts-*"))


def test_a_sheet_rendered_in_the_child_gives_the_same_workbook(tmp_path, monkeypatch, forks):
    before = set(_leftovers())
    alone = _write(tmp_path / "a.xlsx", _temuan(), child=False, monkeypatch=monkeypatch)
    assert forks == []
    forked = _write(tmp_path / "b.xlsx", _temuan(), child=True, monkeypatch=monkeypatch)
    assert len(forks) == 1
    assert forked == alone
    wb = openpyxl.load_workbook(tmp_path / "b.xlsx")
    assert wb.sheetnames == ["Daftar", "Temuan", "Beban"]
    assert wb["Temuan"]["B41"].value == "Kegiatan langkah 40 belum diberi waktu & <ukuran>"
    assert set(_leftovers()) == before


def test_continuation_parts_rendered_in_the_child_keep_their_order(tmp_path, monkeypatch, forks):
    alone = _write(tmp_path / "a.xlsx", _temuan(), child=False, max_rows=15, monkeypatch=monkeypatch)
    forked = _write(tmp_path / "b.xlsx", _temuan(), child=True, max_rows=15, monkeypatch=monkeypatch)
    assert len(forks) == 1
    assert forked == alone
    wb = openpyxl.load_workbook(tmp_path / "b.xlsx")
    assert wb.sheetnames == ["Daftar", "Temuan", "Temuan (2)", "Temuan (3)", "Beban"]
    assert [r[0] for r in wb["Temuan (3)"].iter_rows(min_row=2, values_only=True)] == list(range(29, 41))


def _fail():
    raise ValueError("a row the child cannot render")


def _die():
    os.kill(os.getpid(), signal.SIGKILL)


@pytest.mark.parametrize("trouble", [_fail, _die], ids=["fails", "killed"])
def test_when_the_child_fails_the_parent_renders_the_sheet_itself(tmp_path, monkeypatch, forks, trouble):
    before = set(_leftovers())
    alone = _write(tmp_path / "a.xlsx", _temuan(), child=False, monkeypatch=monkeypatch)
    forked = _write(tmp_path / "b.xlsx", _temuan(in_child=trouble), child=True, monkeypatch=monkeypatch)
    assert len(forks) == 1
    assert forked == alone
    assert set(_leftovers()) == before


def _parent_fails():
    yield [1]
    if os.getpid() == PARENT:
        raise ValueError("a row the parent cannot render")


def test_when_the_parent_fails_the_child_is_stopped_and_nothing_is_left(tmp_path, monkeypatch, forks):
    before = set(_leftovers())
    monkeypatch.setattr(ahead, "AHEAD_MIN_CELLS", 0)
    sheets = _sheets(_temuan(n=200_000))
    sheets[2] = StreamSheet("Beban", ["No"], _parent_fails(), size=3)
    with pytest.raises(WriteError, match="tidak dapat ditulis"):
        stream_workbook(tmp_path / "r.xlsx", sheets)
    assert not (tmp_path / "r.xlsx").exists()
    assert set(_leftovers()) == before
    assert len(forks) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(forks[0], os.WNOHANG)  # stopped and reaped: not even a zombie is left


def test_a_merge_register_is_the_same_with_the_child_rendering_its_biggest_sheet(tmp_path, monkeypatch,
                                                                                   forks):
    """The command as a coordinator runs it: register, then the same with the child."""
    import io
    import sys
    from pathlib import Path

    from sopxl.cli import run

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import merge_builders as mb

    monkeypatch.chdir(tmp_path)
    for i in range(4):
        mb.workbook(tmp_path / "SOP" / f"Bagian {i}" / "sop.xlsx",
                    [mb.sop(0, sheet="SOP 1", nomor=f"065/SOP/{i}", nama=f"Pengiriman Surat {i}",
                            keterkaitan="SOP Penerimaan Tamu; SOP Pengiriman Surat 1")])

    def merged(out: str, child: bool) -> bytes:
        monkeypatch.setattr(ahead, "AHEAD_MIN_CELLS", 0 if child else 10**12)
        code = run(["merge", "SOP", "--out", out, "--jobs", "1", "--no-cache"], io.StringIO(), io.StringIO())
        assert code in (0, 1)
        return (tmp_path / out).read_bytes()

    alone = merged("alone.xlsx", child=False)
    assert forks == []
    assert merged("forked.xlsx", child=True) == alone
    assert len(forks) == 1
    temuan = openpyxl.load_workbook(tmp_path / "forked.xlsx")["Temuan"]
    assert temuan.max_row > 1
