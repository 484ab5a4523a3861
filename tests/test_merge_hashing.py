"""A first merge hashes each file for the cache just before a reader gets it (so the first
files are read while the others are hashed): never after, so that a file changed in between
is not stored under the hash of what it holds now, and is read again next time."""
from __future__ import annotations

import merge_builders as mb
import pytest
from test_merge_scale import cli, names, reads, sop, tree  # noqa: F401 - fixtures

import sopxl.merge.collect as collect


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_changed_after_it_was_hashed_is_read_again_next_time(tree, reads, monkeypatch, jobs):  # noqa: F811
    real = collect.file_digest
    hashed: list[str] = []

    def hashed_then_changed(path):
        stamp = real(path)
        hashed.append(path)
        if path.endswith("a.xlsx"):  # an office saves its correction right then
            mb.workbook(tree / "SOP" / "a.xlsx", [sop("065/SOP/1", "Pengiriman Surat Dinas")])
        return stamp

    monkeypatch.setattr(collect, "file_digest", hashed_then_changed)
    assert cli("SOP", "--out", "rekap.xlsx", "--jobs", jobs)[0] == 0
    assert sorted(p.rsplit("/", 1)[-1] for p in hashed) == ["a.xlsx", "b.xlsx"]  # each once, before reading
    assert names("rekap.xlsx") == ["Pengiriman Surat Dinas", "Penerimaan Tamu"]  # what was read
    monkeypatch.setattr(collect, "file_digest", real)
    reads.clear()
    assert cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")[0] == 0
    assert reads == ["a.xlsx"]  # its entry carries the hash of what it held before: read again
    assert names("rekap.xlsx") == ["Pengiriman Surat Dinas", "Penerimaan Tamu"]


def test_a_first_merge_with_the_pool_stores_every_file_and_the_rerun_reads_none(tree, reads):  # noqa: F811
    assert cli("SOP", "--out", "rekap.xlsx", "--jobs", "2")[0] == 0
    first = (tree / "rekap.xlsx").read_bytes()
    reads.clear()
    assert cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")[0] == 0
    assert reads == [] and (tree / "rekap.xlsx").read_bytes() == first
