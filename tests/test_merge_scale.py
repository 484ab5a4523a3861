"""``sopxl merge`` at scale and under misuse: the re-merge cache, the --out guard, odd file
names, special files, and the Keterkaitan index (issues #14 and #15).

Every test builds real workbooks with ``merge_builders`` and runs the command as a user
would; speed and memory are measured by ``benchmarks/merge_bench.py``, never here.
"""
from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

import openpyxl
import pytest

from sopxl import merge
from sopxl.cli import run

sys.path.insert(0, str(Path(__file__).resolve().parent))
import merge_builders as mb  # noqa: E402

INSTANSI = "PEMERINTAH KOTA MOJOKERTO SEKRETARIAT DAERAH BAGIAN UMUM"


def sop(nomor: str, nama: str, keterkaitan: str = "Tidak ada", sheet: str = "SOP 1") -> dict:
    return mb.sop(0, sheet=sheet, instansi=INSTANSI, nomor=nomor, nama=nama, keterkaitan=keterkaitan,
                  tanggal_pembuatan="13-03-2018", tanggal_revisi="-", tanggal_efektif="2 Juni 2025",
                  disahkan_oleh="Sekretaris Daerah", sections=1)


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["merge", *argv], out, err)
    return code, out.getvalue(), err.getvalue()


def names(path: Path | str) -> list[str]:
    ws = openpyxl.load_workbook(path)["Daftar SOP"]
    return [r[3] for r in ws.iter_rows(min_row=2, values_only=True)]


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    mb.workbook(tmp_path / "SOP" / "a.xlsx", [sop("065/SOP/1", "Pengiriman Surat")])
    mb.workbook(tmp_path / "SOP" / "b.xlsx", [sop("065/SOP/2", "Penerimaan Tamu")])
    return tmp_path


@pytest.fixture
def reads(monkeypatch):
    """The files validate_file was called on (the merge reads in this process with --jobs 1)."""
    import sopxl.validate

    seen: list[str] = []
    real = sopxl.validate.validate_file

    def counting(path, cfg):
        seen.append(os.path.basename(path))
        return real(path, cfg)

    monkeypatch.setattr(sopxl.validate, "validate_file", counting)
    return seen


# ---------------------------------------------------------------------------- the cache

def test_a_rerun_on_an_unchanged_tree_reads_nothing_and_writes_the_same_register(tree, reads):
    assert cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")[0] == 0
    assert sorted(reads) == ["a.xlsx", "b.xlsx"]
    first = (tree / "rekap.xlsx").read_bytes()
    assert (tree / ".rekap.xlsx.sopxl-cache").is_file()
    reads.clear()
    assert cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")[0] == 0
    assert reads == []
    assert (tree / "rekap.xlsx").read_bytes() == first


def test_an_up_to_date_register_is_left_alone_but_never_a_touched_or_missing_one(tree, monkeypatch):
    import sopxl.merge.output as output

    assert cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")[0] == 0
    writes: list[str] = []
    real = output.write_register
    monkeypatch.setattr(output, "write_register", lambda reg, path, lang="id": (writes.append(path),
                                                                               real(reg, path, lang)))
    monkeypatch.setattr(merge, "write_register", output.write_register)
    code, out, _err = cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")
    assert code == 0 and writes == []
    assert "Sudah mutakhir (tidak ada berkas yang berubah): rekap.xlsx" in out
    wb = openpyxl.load_workbook("rekap.xlsx")  # someone edits the register by hand
    wb["Daftar SOP"]["D2"] = "diubah"
    wb.save("rekap.xlsx")
    assert cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")[0] == 0
    assert writes == ["rekap.xlsx"] and names("rekap.xlsx")[0] == "Pengiriman Surat"
    os.unlink("rekap.xlsx")
    assert cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")[0] == 0
    assert writes == ["rekap.xlsx", "rekap.xlsx"]
    (tree / "peta.json").write_text('{"a.xlsx": "Bagian Tata Usaha"}', encoding="utf-8")
    assert cli("SOP", "--out", "rekap.xlsx", "--jobs", "1", "--map", "peta.json")[0] == 0
    assert len(writes) == 3  # another map, another register


def test_a_changed_file_is_always_read_again_even_with_its_old_time_stamp(tree, reads):
    cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")
    target = tree / "SOP" / "b.xlsx"
    st = target.stat()
    mb.workbook(target, [sop("065/SOP/2", "Penerimaan Tamu Dinas")])
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))  # as a copy that keeps the time
    reads.clear()
    assert cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")[0] == 0
    assert reads == ["b.xlsx"]
    assert names("rekap.xlsx") == ["Pengiriman Surat", "Penerimaan Tamu Dinas"]


@pytest.mark.parametrize("garbage", [b"", b"this is not sqlite at all",
                                     b"SQLite format 3\x00" + b"\xff" * 200])
def test_a_corrupt_cache_is_ignored_and_replaced(tree, reads, garbage):
    (tree / ".rekap.xlsx.sopxl-cache").write_bytes(garbage)
    code, _out, err = cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")
    assert code == 0 and err == ""
    assert sorted(reads) == ["a.xlsx", "b.xlsx"]
    reads.clear()
    cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")
    assert reads == []  # the new cache is a good one


def test_an_unchanged_tree_is_not_read_at_all(tree, reads):
    """The weekly re-run with nothing changed: no file is read and the register stays the
    same file; the closing lines and the exit code are those of the run that wrote it."""
    mb.workbook(tree / "SOP" / "c.xlsx", [sop("065/SOP/3", "")])  # an error: exit code 1
    first = cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")
    before = (tree / "rekap.xlsx").stat()
    reads.clear()
    again = cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")
    assert reads == []
    assert again[0] == first[0] == 1
    assert again[1].splitlines()[0] == first[1].splitlines()[0]  # "Rekap: 3 berkas ..."
    assert "Sudah mutakhir" in again[1]
    assert (tree / "rekap.xlsx").stat().st_mtime_ns == before.st_mtime_ns


@pytest.mark.parametrize("said", ['{"berkas": 2}', '{"galat": -1}', "not json", '[1, 2]'])
def test_a_tampered_register_summary_in_the_cache_is_not_believed(tree, reads, said):
    cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")
    con = sqlite3.connect(tree / ".rekap.xlsx.sopxl-cache")
    con.execute("UPDATE meta SET value = ? WHERE key = 'summary'", (said,))
    con.commit()
    con.close()
    reads.clear()
    code, out, _err = cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")
    assert code == 0 and out.startswith("Rekap: 2 berkas")
    assert reads == []  # every summary came from the cache, checked, and the register was made again


def test_a_foreign_or_tampered_cache_is_never_trusted(tree, reads):
    cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")
    cache = tree / ".rekap.xlsx.sopxl-cache"
    con = sqlite3.connect(cache)
    con.execute("UPDATE files SET summary = ?", (zlib.compress(b'{"f": 1, "path": 3}'),))  # not a summary
    con.commit()
    con.close()
    mb.workbook(tree / "SOP" / "b.xlsx", [sop("065/SOP/2", "Penerimaan Tamu Dinas")])  # a correction
    reads.clear()
    assert cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")[0] == 0
    assert sorted(reads) == ["a.xlsx", "b.xlsx"]  # a.xlsx too: its entry is no summary
    assert names("rekap.xlsx") == ["Pengiriman Surat", "Penerimaan Tamu Dinas"]

    con = sqlite3.connect(cache)
    con.execute("UPDATE meta SET value = 'another-program/9' WHERE key = 'format'")
    con.commit()
    con.close()
    reads.clear()
    cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")
    assert sorted(reads) == ["a.xlsx", "b.xlsx"]


@pytest.mark.parametrize("stored", ["plain text", "not deflate", "endless", "cut short"])
def test_a_cache_entry_that_does_not_inflate_to_a_summary_is_read_again(tree, reads, monkeypatch, stored):
    from sopxl.merge import cache as cache_mod

    cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")
    con = sqlite3.connect(tree / ".rekap.xlsx.sopxl-cache")
    rows = con.execute("SELECT path, summary FROM files").fetchall()
    (key, data), = [(k, d) for k, d in rows if k.endswith(b"a.xlsx")]
    text = zlib.decompress(data)
    value = {"plain text": text.decode(), "not deflate": b"\x00" + data,
             "endless": zlib.compress(text + b" " * 4096), "cut short": data[:-8]}[stored]
    monkeypatch.setattr(cache_mod, "MAX_SUMMARY_BYTES", len(text) + 100)  # "endless" inflates past it
    con.execute("UPDATE files SET summary = ? WHERE path = ?", (value, key))
    con.commit()
    con.close()
    mb.workbook(tree / "SOP" / "b.xlsx", [sop("065/SOP/2", "Penerimaan Tamu Dinas")])  # a correction
    reads.clear()
    assert cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")[0] == 0
    assert sorted(reads) == ["a.xlsx", "b.xlsx"]
    assert names("rekap.xlsx") == ["Pengiriman Surat", "Penerimaan Tamu Dinas"]


def test_another_configuration_does_not_use_the_cache(tree, reads):
    cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")
    reads.clear()
    assert cli("SOP", "--out", "rekap.xlsx", "--jobs", "1", "--lang", "en")[0] == 0
    assert sorted(reads) == ["a.xlsx", "b.xlsx"]  # messages are in another language


def test_no_cache_reads_everything_and_leaves_no_cache(tree, reads):
    assert cli("SOP", "--out", "rekap.xlsx", "--jobs", "1", "--no-cache")[0] == 0
    assert not (tree / ".rekap.xlsx.sopxl-cache").exists()
    reads.clear()
    cli("SOP", "--out", "rekap.xlsx", "--jobs", "1", "--no-cache")
    assert sorted(reads) == ["a.xlsx", "b.xlsx"]


def test_a_cache_that_cannot_be_written_never_breaks_the_merge(tree):
    code, _out, err = cli("SOP", "--out", "rekap.xlsx", "--jobs", "1",
                          "--cache", str(tree / "tidak-ada" / "cache"))
    assert code == 0
    assert "cache rekap tidak tersimpan" in err
    assert names("rekap.xlsx") == ["Pengiriman Surat", "Penerimaan Tamu"]
    assert not list((tree).glob(".~sopxl-*"))


def test_cached_and_read_summaries_make_the_same_register_with_the_jobs_pool(tree):
    assert cli("SOP", "--out", "dingin.xlsx", "--jobs", "2", "--no-cache")[0] == 0
    assert cli("SOP", "--out", "rekap.xlsx", "--jobs", "2")[0] == 0
    assert cli("SOP", "--out", "rekap.xlsx", "--jobs", "2")[0] == 0  # from the cache
    assert (tree / "rekap.xlsx").read_bytes() == (tree / "dingin.xlsx").read_bytes()


# ---------------------------------------------------------------------------- --out guard

def _refused(code: int, err: str, victim: Path, before: bytes) -> None:
    assert code == 2
    assert "tidak ditimpa" in err or "tidak tertimpa" in err
    assert "Traceback" not in err
    assert victim.read_bytes() == before


def test_out_naming_an_input_is_refused(tree):
    victim = tree / "SOP" / "a.xlsx"
    before = victim.read_bytes()
    code, _out, err = cli("SOP", "--out", str(victim), "--jobs", "1")
    _refused(code, err, victim, before)
    assert "salah satu berkas masukan" in err


@pytest.mark.skipif(os.name == "nt", reason="symlinks and hard links need privileges on Windows")
@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_out_reaching_an_input_through_a_link_is_refused(tree, link):
    victim = tree / "SOP" / "a.xlsx"
    before = victim.read_bytes()
    alias = tree / "rekap.xlsx"
    (os.symlink if link == "symlink" else os.link)(victim, alias)
    code, _out, err = cli("SOP", "--out", str(alias), "--jobs", "1")
    _refused(code, err, victim, before)


def test_out_that_is_some_other_workbook_is_refused_unless_forced(tree):
    other = tree / "anggaran.xlsx"
    mb.not_sop(other)
    before = other.read_bytes()
    code, _out, err = cli("SOP", "--out", str(other), "--jobs", "1")
    _refused(code, err, other, before)
    assert "bukan register buatan sopxl" in err
    assert cli("SOP", "--out", str(other), "--jobs", "1", "--force")[0] == 0
    assert names(other) == ["Pengiriman Surat", "Penerimaan Tamu"]


def test_out_that_is_a_fifo_is_refused_without_waiting(tree):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(tree / "pipa.xlsx")
    code, _out, err = cli("SOP", "--out", "pipa.xlsx", "--jobs", "1")
    assert code == 2 and "bukan register buatan sopxl" in err


def test_our_register_is_overwritten_and_so_is_one_from_before_the_marker(tree):
    assert cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")[0] == 0
    from sopxl.merge.guard import is_register

    assert is_register("rekap.xlsx")
    old = openpyxl.Workbook()  # a register as older sopxl wrote it: its six sheets, no property
    old.remove(old.active)
    for _key, name, _cols in merge.TABLES:
        old.create_sheet(name)
    old.save(tree / "lama.xlsx")
    assert cli("SOP", "--out", "lama.xlsx", "--jobs", "1")[0] == 0
    assert names("lama.xlsx") == ["Pengiriman Surat", "Penerimaan Tamu"]


# ---------------------------------------------------------------------------- names and files

@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs a file system that takes any bytes")
def test_a_file_name_that_is_not_utf8_works_everywhere(tree):
    odd = os.fsdecode(b"SOP/caf\xe9 lama.xlsx")
    mb.workbook(odd, [sop("065/SOP/3", "Pengarsipan")])
    code, out, err = cli("SOP", "--out", "rekap.xlsx", "--csv", "csv", "--jobs", "2")
    assert code == 0, err
    shown = os.path.join("SOP", "caf\\xe9 lama.xlsx")
    ws = openpyxl.load_workbook("rekap.xlsx")["Daftar SOP"]
    assert shown in [r[18] for r in ws.iter_rows(min_row=2, values_only=True)]
    with open(tree / "csv" / "daftar_sop.csv", encoding="utf-8-sig") as fh:
        assert shown in fh.read()
    code, out, err = cli("SOP", "--json", "--jobs", "1", "--no-cache")
    assert code == 0 and shown.replace("\\", "\\\\") in out
    leftovers = [p for p in tree.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []


def test_a_failed_csv_or_register_write_leaves_no_temporary_file(tree, monkeypatch):
    import sopxl.merge.output as output
    import sopxl.write.rowxml as rowxml

    assert cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")[0] == 0
    before = (tree / "rekap.xlsx").read_bytes()

    def disk_full(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output, "_csv_safe", disk_full)
    monkeypatch.setattr(rowxml, "_cell_tail", disk_full)
    code, _out, err = cli("SOP", "--out", "rekap.xlsx", "--csv", "csv", "--jobs", "1")
    assert code == 2 and "Traceback" not in err
    assert (tree / "rekap.xlsx").read_bytes() == before
    assert [p.name for p in tree.rglob("*") if p.name.endswith(".tmp")] == []
    assert list((tree / "csv").iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_among_the_inputs_is_listed_not_waited_for(tree):
    os.mkfifo(tree / "SOP" / "pipa.xlsx")
    os.mkfifo(tree / "langsung.xlsx")
    script = ("import sys; from sopxl.cli import main; "
              "sys.exit(main(['merge', 'SOP', 'langsung.xlsx', '--out', 'rekap.xlsx', '--jobs', '2']))")
    proc = subprocess.run([sys.executable, "-c", script], cwd=tree, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 2, proc.stderr
    ws = openpyxl.load_workbook(tree / "rekap.xlsx")["Berkas Bermasalah"]
    rows = {r[2]: (r[3], r[4]) for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows[os.path.join("SOP", "pipa.xlsx")][0] == "BERKAS-KHUSUS"
    assert rows["langsung.xlsx"][0] == "BERKAS-KHUSUS"
    assert rows["langsung.xlsx"][1].startswith("Ini bukan berkas biasa melainkan pipa bernama (FIFO)")
    assert names(tree / "rekap.xlsx") == ["Pengiriman Surat", "Penerimaan Tamu"]


# ---------------------------------------------------------------------------- Keterkaitan at scale

def test_references_as_offices_write_them():
    """Exact names, typos, a Nomor, an SOP of another office, and the SOP's own name."""
    nomors = ["065/SOP/417.112/01", "065/SOP/417.112/02", "800/SOP/12/2024", "065/SOP/417.112/03"]
    namas = ["Pengelolaan Surat Masuk", "Pengelolaan Surat Keluar", "Penyusunan Rencana Kerja Tahunan",
             "Pengelolaan Surat Masuk"]
    index = merge._Index(nomors, namas)
    cases = {
        "SOP Pengelolaan Surat Keluar": (1, "nama"),
        "Standar Operasional Prosedur Pengelolaan Surat Masuk": (0, "nama"),
        "SOP Pengelolaan Surat Kluar": (1, "nama-mirip"),  # a letter dropped
        "Prosedur Penyusunan Rencna Kerja Tahunan": (2, "nama-mirip"),
        "SOP Penyusunan Rencana Kerja Tahunan (RKT)": (2, "nama-mirip"),  # an acronym added
        "SOP Nomor 800/SOP/12/2024": (2, "nomor"),
        "SOP nomor 065/SOP/417.112/02 tentang surat keluar": (1, "nomor"),
        "SOP Pengelolaan Surat Masuk Dinas Kesehatan": None,  # another office's SOP
        "SOP Pelayanan Perizinan Berusaha": None,
        "SOP Nomor 065/SOP/417.112/99": None,  # a number no SOP has
        "SOP Nomor 065/SOP/417.112/0": None,  # a prefix of a number is not that number
    }
    assert {item: index.resolve(item, self_row=-1) for item in cases} == cases
    # A typo of the SOP's own name leads to the other SOP of that name, never to itself.
    assert index.resolve("SOP Pengelolan Surat Masuk", self_row=0) == (3, "nama-mirip")


def test_repeated_names_are_compared_once(monkeypatch):
    """300 offices with the same three SOPs: each distinct reference is matched once, against
    the distinct names only, however many SOPs carry them."""
    import sopxl.merge.references as refs

    calls = []
    real = refs._tokens_match

    def counting(a, b):
        calls.append(1)
        return real(a, b)

    monkeypatch.setattr(refs, "_tokens_match", counting)
    three = ["Pengelolaan Surat Masuk", "Pengelolaan Surat Keluar", "Pengelolaan Arsip Dinamis"]
    index = merge._Index([f"065/{i}" for i in range(900)], three * 300)
    found = [index.resolve("SOP Pengelolaan Surat Kluar", self_row=i) for i in range(900)]
    assert set(found) == {(1, "nama-mirip"), (4, "nama-mirip")}  # row 1 itself points to row 4
    assert len(calls) <= 3


def test_per_file_step_on_dask_reduces_into_the_same_register(tree):
    """The README's recipe for more than one machine, run here on Dask's local scheduler."""
    dask_bag = pytest.importorskip("dask.bag")
    from sopxl.config import load_config

    cfg = load_config()
    sources, _empty = merge.discover(["SOP"])
    texts = (dask_bag.from_sequence([s.path for s in sources], npartitions=2)
             .map(merge.summary_text, cfg).compute(scheduler="sync"))
    builder = merge.RegisterBuilder(cfg)
    for source, text in zip(sources, texts):
        builder.add(source, text)
    reg = builder.finish()
    merge.write_register(reg, "dask.xlsx")
    reg.close()
    assert cli("SOP", "--out", "rekap.xlsx", "--jobs", "1", "--no-cache")[0] == 0
    assert (tree / "dask.xlsx").read_bytes() == (tree / "rekap.xlsx").read_bytes()


def test_a_table_longer_than_a_sheet_goes_on_in_continuation_sheets(tmp_path):
    """A national register's Temuan outgrows Excel's 1,048,576 rows; here the limit is 3."""
    from sopxl.write.stream import StreamSheet, stream_workbook

    rows = [[i, f"temuan {i}"] for i in range(1, 8)]
    stream_workbook(tmp_path / "r.xlsx", [StreamSheet("Temuan", ["No", "Pesan"], iter(rows)),
                                          StreamSheet("Keterkaitan", ["No"], iter([[1]]))], max_rows=3)
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert wb.sheetnames == ["Temuan", "Temuan (2)", "Temuan (3)", "Temuan (4)", "Keterkaitan"]
    got = [[list(r) for r in wb[name].iter_rows(values_only=True)] for name in wb.sheetnames[:4]]
    assert all(part[0] == ["No", "Pesan"] for part in got)
    assert [r for part in got for r in part[1:]] == rows
    assert wb["Temuan (4)"].auto_filter.ref == "A1:B2"


@pytest.mark.parametrize("bad", [["kode", "warning", "SOP 1", "B2", "pesan"],  # five places
                                 ["kode", "warning", "SOP 1", "B2", 7, None],  # a number as message
                                 ["kode", None, "SOP 1", "B2", "pesan", None],  # no severity
                                 {"kode": "x"}, "kode"],
                         ids=["short", "number", "no-severity", "dict", "text"])
def test_a_cache_entry_with_a_malformed_finding_is_read_again(tree, reads, bad):
    import json

    cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")
    con = sqlite3.connect(tree / ".rekap.xlsx.sopxl-cache")
    rows = con.execute("SELECT path, summary FROM files").fetchall()
    (key, text), = [(k, t) for k, t in rows if k.endswith(b"a.xlsx")]
    summary = json.loads(zlib.decompress(text))
    summary["sops"][0]["findings"].append(bad)
    con.execute("UPDATE files SET summary = ? WHERE path = ?",
                (zlib.compress(json.dumps(summary).encode()), key))
    con.commit()
    con.close()
    mb.workbook(tree / "SOP" / "b.xlsx", [sop("065/SOP/2", "Penerimaan Tamu Dinas")])  # a correction
    reads.clear()
    assert cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")[0] == 0
    assert sorted(reads) == ["a.xlsx", "b.xlsx"]  # a.xlsx read again: its entry was not believed


def test_when_no_worker_can_start_the_files_are_read_in_this_process(tree):
    """A script whose workers cannot start (here: their configuration file is unreadable; in
    life, a script without the __main__ guard that spawned workers need) still gets every
    file read, not every file reported as one sopxl could not check."""
    import json

    from sopxl.config import load_config
    from sopxl.merge.batch import iter_summaries

    (tree / "rusak.json").write_text("{ bukan json", encoding="utf-8")
    cfg = load_config()
    paths = [str(tree / "SOP" / "a.xlsx"), str(tree / "SOP" / "b.xlsx")]
    got = dict(iter_summaries(paths, cfg, config_path=str(tree / "rusak.json"), jobs=2))
    alone = dict(iter_summaries(paths, cfg, jobs=1))
    assert got == alone
    assert all(json.loads(text)["error_code"] is None for text in got.values())


def test_split_references_short_cuts_split_as_the_patterns_do():
    """ASCII parts skip the "… dan SOP …" pattern where "SOP" only opens the part, and the
    "dan"/"serta" pattern where the item does not start so: the items are those the patterns
    alone give, on texts built to sit on every edge of those short cuts."""
    import itertools
    import random

    from sopxl.merge import references as refs

    def by_patterns(text):
        items = []
        for piece in refs._SEPARATORS.split(text or ""):
            for part in refs._MARKER.split(piece):
                for item in refs._BEFORE_SOP.split(part):
                    item = refs._LEADING_AND.sub("", item.strip(" \t,.;:")).strip()
                    if item.casefold() not in refs._EMPTY_REFS and any(ch.isalnum() for ch in item):
                        items.append(" ".join(item.split()))
        return items

    words = ["SOP", "sop", "Sop", "SOPIR", "sopan", "dan", "Dan", "DAN", "serta", "Serta", "&", ",", "-",
             "1.", "a)", "Surat", "Masuk", "Cuti", "ſerta", "SOP\u00a0Arsip", "Ｓｏｐ", "\t", "dan,", ";",
             "\n"]
    rng = random.Random(15)
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 9))) for _ in range(4000)]
    texts += [" ".join(p) for p in itertools.product(["", "dan", ",", "&"], ["SOP", "sop"], ["Cuti", ""],
                                                     ["", "dan SOP Izin", ", sop Rapat", "SOPIR"])]
    assert all(refs.split_references(t) == by_patterns(t) for t in texts), \
        [t for t in texts if refs.split_references(t) != by_patterns(t)][:3]
