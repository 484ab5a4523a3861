"""The merge's main-process fast paths agree with the plain ways they stand in for: a worker's
summary read without the shape check, real paths from a folder's real path, the spool's
batched writes."""
from __future__ import annotations

import json
import os
import pickle

import pytest

from sopxl.merge import register as register_module
from sopxl.merge.discover import RealPaths, discover
from sopxl.merge.register import _Spool
from sopxl.merge.summary import FileSummary, SopSummary, WorkerText, checked, summary_data, to_json
from sopxl.model import Finding


def _summary() -> FileSummary:
    sop = SopSummary(sheet="SOP 01", order=0, identity={"nomor": "1/SOP/2024", "nama": "Surat Masuk"},
                     cells={"nomor": "F1", "nama": "F6", "keterkaitan": None}, keterkaitan="SOP Surat Keluar",
                     steps=3, roles=["Kasubag"], total=(10.0, 20.0), total_text="10 - 20 menit",
                     role_load=[("Kasubag", 3, (10.0, 20.0))],
                     findings=[Finding("x", "warning", "SOP 01", "A1", "pesan", "")])
    return FileSummary("a.xlsx", findings=[Finding("y", "error", None, None, "pesan", "saran")], sops=[sop])


def test_worker_text_survives_pickling_and_is_read_as_checked_text_is():
    text = WorkerText(to_json(_summary()))
    back = pickle.loads(pickle.dumps([("a.xlsx", text)]))[0][1]
    assert type(back) is WorkerText and back == text
    assert summary_data(back) == checked(str(text)) == json.loads(text)


def test_only_worker_text_skips_the_check():
    bad = json.dumps({"f": 1, "path": "a.xlsx", "error_code": None, "error": None,
                      "findings": [[1, 2, 3, 4, 5, 6]], "sops": []})
    with pytest.raises(ValueError):
        summary_data(bad)  # a plain str (the cache's) is always checked
    with pytest.raises(ValueError):
        summary_data(bad.encode())
    assert summary_data(WorkerText(to_json(_summary())))["sops"][0]["sheet"] == "SOP 01"


def test_summarize_batch_marks_its_texts(tmp_path):
    from sopxl.merge.summary import summarize_batch

    missing = str(tmp_path / "tidak-ada.xlsx")
    [(shown, text)] = summarize_batch([("tidak-ada.xlsx", missing)])
    assert shown == "tidak-ada.xlsx" and type(text) is WorkerText
    assert summary_data(text) == checked(str(text))


def _tree(tmp_path):
    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    (real / "sub" / "a.xlsx").write_bytes(b"x")
    (real / "b.xlsx").write_bytes(b"x")
    (tmp_path / "linkdir").symlink_to(real)
    (real / "link.xlsx").symlink_to(real / "sub" / "a.xlsx")
    (real / "dangling.xlsx").symlink_to(tmp_path / "nowhere.xlsx")
    (tmp_path / "chain").symlink_to(real / "sub")
    return real


@pytest.mark.skipif(os.name == "nt", reason="symlinks")
def test_real_paths_agree_with_realpath(tmp_path, monkeypatch):
    real = _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    paths = ["real/b.xlsx", "real/sub/a.xlsx", "linkdir/b.xlsx", "linkdir/sub/a.xlsx", "real/link.xlsx",
             "linkdir/link.xlsx", "real/dangling.xlsx", "real/missing.xlsx", "missing/x.xlsx",
             "chain/../b.xlsx", "linkdir/sub/../b.xlsx", "b.xlsx", "./real/b.xlsx", "real/sub/..",
             "real/sub/.", "real/", str(real / "b.xlsx"), str(tmp_path / "linkdir" / "sub" / "a.xlsx"),
             "real/b.xlsx/x.xlsx"]
    rp = RealPaths()
    for _ in range(2):  # the second time from the folders' real paths kept
        for p in paths:
            assert rp(p) == os.path.realpath(p), p
    monkeypatch.chdir(real / "sub")  # a relative folder means another folder now
    for p in ["a.xlsx", "../b.xlsx", "../../linkdir/sub/a.xlsx"]:
        assert rp(p) == os.path.realpath(p), p


@pytest.mark.skipif(os.name == "nt", reason="symlinks")
def test_discover_skips_the_same_file_reached_twice_as_before(tmp_path):
    real = _tree(tmp_path)
    sources, _ = discover([str(tmp_path)])
    # Symlinked folders are not walked; the dangling link is no file; sub/a.xlsx was reached
    # already through link.xlsx.
    assert [s.path for s in sources] == [str(real / "b.xlsx"), str(real / "link.xlsx")]
    sources, _ = discover([str(real / "sub" / "a.xlsx"), str(tmp_path / "linkdir"), str(tmp_path / "chain")])
    assert [s.path for s in sources] == [str(real / "sub" / "a.xlsx"), str(tmp_path / "linkdir" / "b.xlsx")]


def test_spool_batches_writes_and_reads_every_part_back(monkeypatch):
    monkeypatch.setattr(register_module, "_SPOOL_BATCH", 100)
    spool = _Spool()
    parts = [{"i": i, "text": "x" * (i % 37)} for i in range(300)]
    wheres = []
    for i, part in enumerate(parts):
        wheres.append(spool.put(part))
        if i % 50 == 7:  # reading between puts writes what waits first
            assert spool.get(wheres[i // 2]) == parts[i // 2]
    assert [spool.get(w) for w in wheres] == parts
    spool.flush()
    assert not spool.pending and spool.written == spool.end
    spool.close()


def test_spool_without_pread(monkeypatch):
    monkeypatch.setattr(register_module, "_PREAD", False)
    monkeypatch.setattr(register_module, "_SPOOL_BATCH", 64)
    spool = _Spool()
    wheres = [spool.put([i, "y" * i]) for i in range(100)]
    assert [spool.get(w) for w in reversed(wheres)] == [[i, "y" * i] for i in reversed(range(100))]
    spool.close()
