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


def _plain_words(text):
    from sopxl.merge import references as refs

    t = refs._nfkc(text).casefold().replace("&", " dan ")
    t = refs._NON_WORD.sub(" ", t)
    return tuple(refs._NOISE_PREFIX.sub("", " ".join(t.split()) + " ").strip().split())


def _plain_find(index, item):
    """``_Index._find`` without its short cuts (every digit-group run looked up, every
    candidate name compared in full)."""
    from sopxl.merge import references as refs

    ikey = refs._nomor_key(item)
    if ikey:
        groups = refs._digit_groups(ikey)
        best = ""
        for i in range(len(groups)):
            for j in range(i + 1, len(groups) + 1):
                for k in index.nomor_by_groups.get(groups[i:j], ()):
                    if len(k) > len(best) and k in ikey:
                        best = k
        if best:
            return "nomor", [index.by_nomor[best]]
    words = _plain_words(item)
    if not words:
        return None
    exact = index.by_nama.get(" ".join(words))
    if exact is not None:
        return "nama", [exact]
    if any(t.isdigit() and t not in index.by_token for t in words):
        return None
    postings = sorted((index.by_token[t] for t in set(words) - refs._STOP_TOKENS if t in index.by_token),
                      key=len)
    if not postings:
        return None
    cands = set(postings[0])
    for more in postings[1:]:
        if len(cands) <= 64:
            break
        cands &= set(more)
    hits = [nid for nid in sorted(cands) if abs(len(index.names[nid]) - len(words)) <= 1
            and refs._tokens_match(words, index.names[nid])]
    return ("nama-mirip", hits) if hits else None


def _names_and_items():
    import random

    rng = random.Random(7)
    words = ["SOP", "Standar", "Standard", "Operasional", "Prosedur", "AP", "Nomor", "No", "tentang", "S O P",
             "Administrasi", "Pemerintahan", "Pengelolaan", "Pengelolan", "Surat", "Masuk", "Keluar", "Seri",
             "Arsip", "&", "dan", "di", "ſop", "Ｓｏｐ", "Cuti", "Pegawai", "RKT", "2024", "01", "1", "7"]
    names = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 6))) for _ in range(400)]
    nomors = [rng.choice(["", "-", f"065/SOP/{rng.randint(1, 9)}.{rng.randint(1, 30)}/{rng.randint(1, 40)}",
                          f"{rng.randint(1, 99)}/{rng.randint(1, 9)}", f"800/SOP/{rng.randint(1, 12)}/2024"])
              for _ in range(400)]
    items = names[::3] + [" ".join(rng.choice(words) for _ in range(rng.randint(1, 6))) for _ in range(600)]
    items += [f"SOP Nomor {n}" for n in nomors[::5]] + [f"{n} {m}" for n, m in zip(nomors[1::7], names[::7])]
    items += [f"SOP Nomor 065/SOP/{rng.randint(1, 9)}.{rng.randint(1, 30)}/{rng.randint(1, 40)}.{i}"
              for i in range(50)]
    return nomors, names, items


def test_words_skip_the_noise_pattern_only_where_it_cannot_match():
    from sopxl.merge import references as refs

    _nomors, names, items = _names_and_items()
    edges = ["standr operasional prosedur x", "s o p a", "no. 5", "tentang", "apa", "SOPAN", "  sop  ",
             "nomor", "sop ap x", "sop ap", "administrasi x", "s o x", "s o p", "SOP_Nomor_5 tentang_x",
             "Standar Operasional Prosedur AP Nomor 5", "standard operasional sop x", "No. 5 / Nomor 6"]
    for text in names + items + edges:
        assert refs._words(text) == _plain_words(text), text


def test_index_finds_what_the_plain_search_finds():
    from sopxl.merge.references import _Index

    nomors, names, items = _names_and_items()
    index = _Index(nomors, names)
    for item in items:
        assert index._find(item) == _plain_find(index, item), item


def _old_sheet_rows(reg, table, lang):
    from sopxl.merge.output import _STYLED, _cell_style, _shown_rows
    from sopxl.merge.tables import columns

    cols = columns(table)
    styled = [(j, kind, cols[j][0]) for j, (_k, _i, _e, kind) in enumerate(cols) if kind in _STYLED]
    for row, shown in _shown_rows(reg, table, lang):
        for j, kind, key in styled:
            style = _cell_style(kind, row[key])
            if style:
                shown[j] = (shown[j], style)
        yield shown


@pytest.mark.parametrize("lang", ["id", "en"])
def test_sheet_rows_in_one_pass_are_the_rows_reworded_then_coloured(lang):
    import dataclasses

    from sopxl.config import load_config
    from sopxl.merge.discover import Source
    from sopxl.merge.output import _sheet_rows
    from sopxl.merge.register import build_register
    from sopxl.merge.tables import TABLES

    base = _summary()
    other = dataclasses.replace(base.sops[0], keterkaitan="SOP Surat Masuk; SOP Tidak Ada Di Mana Pun",
                                total=None, total_text="", role_load=[("Kasubag", 3, None)],
                                findings=[Finding("z", "info", "SOP 01", "B2", "p", "s")])
    files = [dataclasses.replace(base, path="a.xlsx"), dataclasses.replace(base, path="b.xlsx", sops=[other]),
             FileSummary("c.xlsx", error_code="BERKAS", error="rusak"), FileSummary("d.xlsx")]
    sources = [Source(f.path, "Bagian Umum", (f.path,)) for f in files]
    reg = build_register(sources, files, load_config(lang=lang))
    try:
        for table, _name, _cols in TABLES:
            assert list(_sheet_rows(reg, table, lang)) == list(_old_sheet_rows(reg, table, lang)), table
        assert any(isinstance(v, tuple) for r in _sheet_rows(reg, "keterkaitan", lang) for v in r)
    finally:
        reg.close()


def test_an_entry_read_from_the_cache_is_kept_as_stored(tmp_path, monkeypatch):
    import sqlite3
    import zlib

    from sopxl.merge import cache as cache_module
    from sopxl.merge.cache import Cache

    (tmp_path / "a.xlsx").write_bytes(b"a")
    (tmp_path / "b.xlsx").write_bytes(b"b")
    a, b = str(tmp_path / "a.xlsx"), str(tmp_path / "b.xlsx")
    stamp = (1, 0, "d")
    text = to_json(_summary())
    first = Cache(str(tmp_path / "c"), "h")
    first.put(a, stamp, text)
    first.put(b, stamp, text)
    assert first.commit() is None

    deflated = []
    real_deflate = cache_module._deflate
    monkeypatch.setattr(cache_module, "_deflate", lambda data, level: deflated.append(1) or
                        real_deflate(data, level))
    second = Cache(str(tmp_path / "c"), "h")
    got = second.get(a, stamp)
    assert got == text
    second.put(a, stamp, got)  # as read: not deflated again
    assert deflated == []
    got_b = second.get(b, stamp)
    second.put(b, stamp, str(got_b) + " ")  # another text for the file: deflated
    assert deflated == [1]
    assert second.get(a, stamp) == text
    second.put(b, stamp, second.last[1] if second.last else "")  # the text read for a, put for b
    assert deflated == [1, 1]
    assert second.commit() is None
    rows = dict(sqlite3.connect(tmp_path / "c").execute("SELECT path, summary FROM files"))
    assert {zlib.decompress(v).decode() for v in rows.values()} == {text}
    assert len(rows) == 2


def test_a_cache_entry_with_bytes_after_its_stream_is_not_read(tmp_path):
    import zlib

    from sopxl.merge.cache import _inflate
    good = zlib.compress(b'{"f":1}', 1)
    assert _inflate(good) == '{"f":1}'
    assert _inflate(good + b"x") is None


def test_index_of_keys_is_the_index_of_the_texts():
    from sopxl.merge.references import _Index, _nomor_key, _words

    nomors, names, items = _names_and_items()
    plain = _Index(nomors, names)
    keyed = _Index.of_keys([_nomor_key(n) for n in nomors], [_words(n) for n in names])
    assert vars(plain) == vars(keyed)
    assert [keyed.resolve(i, 3) for i in items] == [plain.resolve(i, 3) for i in items]


def test_cache_entries_deflated_by_either_library_read_back_whole():
    import zlib

    from sopxl.merge import cache as cache_module
    from sopxl.merge.cache import _inflate

    text = to_json(_summary()) * 20
    for deflated in (cache_module._deflate(text.encode(), 1), zlib.compress(text.encode(), 1)):
        assert _inflate(deflated) == text
