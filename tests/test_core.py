"""The core reader on workbooks drafted the way offices draft them (from both seeds).

Totals are worked out by hand from the seeds: 1 hari = 7,5 jam = 450 menit,
1 minggu = 5 hari, 1 bulan = 20 hari.
"""
from __future__ import annotations

import io
import json

import pytest
from office_drafts import build_workbook, contoh
from openpyxl import load_workbook

from sopxl.cli import run
from sopxl.config import load_config
from sopxl.validate import validate_file

H, D, W, B = 60, 450, 2250, 9000  # minutes in a jam, hari, minggu, bulan

KALSEL_MINUTES = [2 * H, 2 * H, 3 * H, 15, 15, 35, 3 * H, 5 * H, 2 * D, 5 * H, 2 * D, 4 * H, 5 * H, 2 * D,
                  2 * H, 15, 15, 5, 10]
MOJOKERTO_A = [D, 10, 5, 30, 15, 15, D, D]
MOJOKERTO_B = [D, D, 10 * D, B, 5 * D, B, D, W, B, D, 5 * D, D, H, 2 * H, D, 15, D, H]


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


def findings(result) -> list[list[str]]:
    return [[f.sheet, f.cell, f.code] for s in result.sops for f in s.findings]


def codes(result) -> set[str]:
    return {f.code for s in result.sops for f in s.findings}


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    path = tmp_path_factory.mktemp("drafts") / "bagian_organisasi.xlsx"
    placed = build_workbook(path)
    return path, placed


def test_both_seeds_are_read_with_steps_actors_and_totals(drafts):
    path, placed = drafts
    r = validate_file(str(path), load_config())
    assert r.error is None
    assert [s.doc.sheet for s in r.sops] == ["SOP 01", "SOP 02"]
    assert sorted(name for name, _ in r.skipped) == ["Daftar Isi", "Keputusan"]
    kalsel, moj = r.sops
    assert len(kalsel.doc.steps) == 19
    assert kalsel.totals.total == (sum(KALSEL_MINUTES), sum(KALSEL_MINUTES)) == (4670, 4670)
    seed = contoh()["sop"]
    assert [s.actors for s in kalsel.doc.steps] == [st["pelaksana"] for st in seed[0]["bagian"][0]["langkah"]]
    # Kepala Biro acts in steps 1, 6 and 18: 2 jam + 35 menit + 5 menit.
    assert kalsel.totals.roles["Kepala Biro"] == (160, 160)
    # Two sections with different roles; the "Tim" column exists only in B.
    a, b = moj.doc.sections
    assert a.name == "A. PERENCANAAN" and len(a.steps) == 8
    assert b.name.startswith("B. PELAKSANAAN") and len(b.steps) == 18
    assert [r.name for r in a.roles] == ["Analisis Jabatan", "Kasubbag Kelemb & Anjab", "Kabag Organisasi",
                                         "OPD"]
    assert "Tim" in [r.name for r in b.roles]
    assert moj.totals.sections["A. PERENCANAAN"] == (sum(MOJOKERTO_A),) * 2
    assert moj.totals.total == (sum(MOJOKERTO_A) + sum(MOJOKERTO_B),) * 2
    assert moj.doc.identity["nomor"].value == "065/SOP/417.112/02"
    assert moj.doc.identity["tanggal_pembuatan"].value == "13-03-2018"
    assert moj.doc.identity["instansi"].value.startswith("PEMERINTAH KOTA MOJOKERTO")
    assert moj.doc.boxes["keterkaitan"].value == "1. SOP Pengiriman Surat"
    assert kalsel.doc.boxes["dasar_hukum"].value.startswith("1. Peraturan Menteri")
    assert kalsel.doc.identity["disahkan_oleh"].value == "Gubernur Kalimantan Selatan"


def test_first_and_last_markers_are_terminators_and_clean_drafts_have_no_error(drafts):
    path, _ = drafts
    r = validate_file(str(path), load_config())
    for sop in r.sops:
        for sec in sop.doc.sections:
            assert sec.steps[0].symbol == "terminator" and sec.steps[-1].symbol == "terminator"
            assert {s.symbol for s in sec.steps[1:-1]} == {"process"}
    assert r.errors == 0


def test_identity_findings_point_at_the_empty_cells(drafts):
    path, placed = drafts
    r = validate_file(str(path), load_config())
    got = findings(r)
    cells = placed[0].identity
    assert ["SOP 01", cells["nomor"], "identitas-kosong"] in got
    assert ["SOP 01", cells["tanggal_pembuatan"], "identitas-kosong"] in got
    assert ["SOP 01", cells["tanggal_revisi"], "revisi-kosong"] in got
    # The Mojokerto Kegiatan begin with the actor: "Kasubbag Kelembagaan Dan Anjab membuat …".
    first_b = placed[1].step_rows[1][0]
    assert ["SOP 02", f"B{first_b}", "kegiatan-diawali-pelaksana"] in got


def test_final_makes_missing_identity_an_error(drafts):
    path, _ = drafts
    assert validate_file(str(path), load_config()).sops[0].errors == 0
    strict = validate_file(str(path), load_config(final=True))
    assert {f.code for f in strict.sops[0].findings if f.severity == "error"} >= {"identitas-kosong"}


def test_check_marks_single_row_header_and_no_number_row(tmp_path):
    path = tmp_path / "centang.xlsx"
    build_workbook(path, layouts=("mojokerto", "mojokerto"), marker_style="check", two_rows=False,
                   extra_sheets=False)
    r = validate_file(str(path), load_config())
    kalsel = r.sops[0]
    assert len(kalsel.doc.steps) == 19
    assert kalsel.doc.steps[0].symbol == "terminator" and kalsel.doc.steps[5].symbol == "process"
    assert kalsel.totals.total == (4670, 4670)


def _edit(path, sheet, edits):
    wb = load_workbook(path)
    ws = wb[sheet]
    for ref, value in edits.items():
        ws[ref] = value
    wb.save(path)


def first_sop(path) -> tuple[list[int], dict[str, str], dict[str, str]]:
    """The first seed drafted alone: its step rows, and the column letters of its roles and
    of kelengkapan/waktu/output/keterangan."""
    p = build_workbook(path, extra_sheets=False)[0]
    letters = {k: chr(64 + v) for k, v in p.cols.items()}
    return p.step_rows[0], {r: chr(64 + c) for r, c in p.role_cols[0].items()}, letters


def test_broken_variants_give_findings_at_exact_cells(tmp_path):
    path = tmp_path / "rusak.xlsx"
    rows, role, col = first_sop(path)
    kb, ta = role["Kepala Biro"], role["Tim Anjab"]
    edits = {
        f"A{rows[5]}": "5.",                      # step 6 numbered "5." again
        f"{col['waktu']}{rows[2]}": "lama sekali",  # unreadable waktu
        f"{col['waktu']}{rows[3]}": "Disesuaikan",  # not counted, reported
        f"{col['output']}{rows[4]}": None,          # empty output
        f"{ta}{rows[8]}": "Segitiga",               # unknown marker beside the real one
        f"{kb}{rows[9]}": "Proses",                 # step 10: two actors
        f"B{rows[11]}": None,                       # empty kegiatan
    }
    # Step 14 becomes a decision whose "Tidak" branch goes to a step that doesn't exist.
    edits[f"{ta}{rows[13]}"] = "Keputusan"
    edits[f"{col['keterangan']}{rows[13]}"] = "Ya: 15; Tidak: 40"
    # Step 16 is a decision with no branch at all.
    ka = role["Kasubbag Anjab"]
    edits[f"{ka}{rows[15]}"] = "Keputusan"
    # Step 17 loses its actor.
    kg = role["Kabag Baga"]
    edits[f"{kg}{rows[16]}"] = None
    _edit(path, "SOP 01", edits)
    r = validate_file(str(path), load_config())
    got = [g for g in findings(r) if g[0] == "SOP 01"]
    expected = [
        ["SOP 01", f"A{rows[5]}", "nomor-langkah-ganda"],
        ["SOP 01", f"{col['waktu']}{rows[2]}", "waktu-tidak-terbaca"],
        ["SOP 01", f"{col['waktu']}{rows[3]}", "waktu-tidak-tentu"],
        ["SOP 01", f"{col['output']}{rows[4]}", "output-kosong"],
        ["SOP 01", f"{ta}{rows[8]}", "penanda-tidak-dikenal"],
        ["SOP 01", f"{ta}{rows[9]}", "langkah-dua-pelaksana"],  # at the second marker, left to right
        ["SOP 01", f"B{rows[11]}", "kegiatan-kosong"],
        ["SOP 01", f"{col['keterangan']}{rows[13]}", "cabang-tujuan-tidak-ada"],
        ["SOP 01", f"{col['keterangan']}{rows[15]}", "keputusan-tanpa-cabang"],
        ["SOP 01", f"C{rows[16]}", "langkah-tanpa-pelaksana"],
    ]
    for e in expected:
        assert e in got, (e, got)
    # The step after the duplicate "5." is 7: reported as out of order, not silently renumbered.
    assert ["SOP 01", f"A{rows[6]}", "nomor-langkah-urutan"] in got
    sop = r.sops[0]
    # Unreadable and "Disesuaikan" waktu are not added: 3 jam (step 3) and 15 menit (step 4) drop out.
    assert sop.totals.total == (4670 - 180 - 15,) * 2
    # Step 10 has two actors: its 5 jam counts for both.
    assert sop.totals.roles["Kepala Biro"] == (160 + 300,) * 2
    assert sop.errors > 0
    code, out, _ = cli("validate", str(path))
    assert code == 1 and "nomor-langkah-ganda" in out


def test_branches_from_keterangan_and_ranges_and_merged_waktu(tmp_path):
    path = tmp_path / "cabang.xlsx"
    rows, role, col = first_sop(path)
    ka = role["Kasubbag Anjab"]
    wb = load_workbook(path)
    ws = wb["SOP 01"]
    ws[f"{ka}{rows[3]}"] = "Keputusan"
    ws[f"{col['keterangan']}{rows[3]}"] = "Dalam kota: 5; Luar kota: 4"
    ws[f"{ka}{rows[15]}"] = "Keputusan"
    ws[f"{col['keterangan']}{rows[15]}"] = "jika tidak kembali ke langkah 15"
    ws[f"{col['waktu']}{rows[0]}"] = "3 - 5 Jam"
    # Steps 8 and 9 share one merged waktu cell of 1-2 hari: counted once.
    ws[f"{col['waktu']}{rows[7]}"] = "1-2 hari"
    ws[f"{col['waktu']}{rows[8]}"] = None
    ws.merge_cells(f"{col['waktu']}{rows[7]}:{col['waktu']}{rows[8]}")
    wb.save(path)
    r = validate_file(str(path), load_config())
    sop = r.sops[0]
    s4, s16 = sop.doc.steps[3], sop.doc.steps[15]
    assert s4.symbol == "decision"
    assert [(b.label, b.target) for b in s4.branches] == [("Dalam kota", "5"), ("Luar kota", "4")]
    assert [(b.label, b.target) for b in s16.branches] == [("Tidak", "15")]
    assert "keputusan-tanpa-cabang" not in codes(r)
    lo = 4670 - 120 + 180 - 300 - 900 + 450
    hi = 4670 - 120 + 300 - 300 - 900 + 900
    assert sop.totals.total == (lo, hi)
    assert sop.doc.steps[8].waktu_shared


def test_waktu_in_minutes_header_and_formula_values(tmp_path):
    path = tmp_path / "menit.xlsx"
    rows, _, col = first_sop(path)
    wb = load_workbook(path)
    ws = wb["SOP 01"]
    header_row = rows[0] - 2  # the sub-header row, above the "1 2 3" row
    ws[f"{col['waktu']}{header_row}"] = "Waktu (dalam menit)"
    for i, row in enumerate(rows):
        ws[f"{col['waktu']}{row}"] = 10 * (i + 1)
    wb.save(path)
    r = validate_file(str(path), load_config())
    assert r.sops[0].totals.total == (sum(10 * (i + 1) for i in range(19)),) * 2
    assert "waktu-tanpa-satuan" not in codes(r)


def test_config_switches_codes_off_and_tightens_the_nomor_pattern(tmp_path, drafts):
    path, placed = drafts
    cfg_path = tmp_path / "kantor.json"
    cfg_path.write_text(json.dumps({
        "rules": {"kegiatan-diawali-pelaksana": "off", "revisi-kosong": "error"},
        "patterns": {"nomor": r"^SOP-\d{3}/"},
    }), encoding="utf-8")
    r = validate_file(str(path), load_config(cfg_path))
    got = findings(r)
    assert "kegiatan-diawali-pelaksana" not in codes(r)
    assert ["SOP 02", placed[1].identity["nomor"], "nomor-tidak-sesuai-pola"] in got
    assert any(f.code == "revisi-kosong" and f.severity == "error" for f in r.sops[0].findings)


@pytest.mark.parametrize("content, expected", [
    ({"rules": {"tidak-ada-kode-ini": "off"}}, "tidak-ada-kode-ini"),
    ({"calendar": {"jam_per_hari": 30}}, "calendar/jam_per_hari"),
    ({"unknown": 1}, "(akar)"),
])
def test_bad_config_is_a_clear_message(tmp_path, drafts, content, expected):
    cfg_path = tmp_path / "salah.json"
    cfg_path.write_text(json.dumps(content), encoding="utf-8")
    code, out, err = cli("validate", str(drafts[0]), "--config", str(cfg_path))
    assert code == 2 and expected in err and "Traceback" not in err
    assert str(cfg_path) in err


def test_json_output_shape_and_exit_codes(tmp_path, drafts):
    path, _ = drafts
    junk = tmp_path / "bukan.xlsx"
    junk.write_bytes(b"ini bukan buku kerja")
    code, out, err = cli("validate", "--json", str(path), str(junk), str(tmp_path / "tidak-ada.xlsx"))
    assert code == 2, err
    data = json.loads(out)
    good, bad, missing = data["files"]
    assert good["error"] is None
    sop = good["sops"][0]
    assert set(sop) >= {"sheet", "nomor", "nama", "steps", "roles", "total_minutes", "role_minutes",
                        "findings"}
    assert sop["steps"] == 19 and sop["total_minutes"] == {"min": 4670, "max": 4670}
    assert sop["role_minutes"]["Kepala Biro"] == {"min": 160, "max": 160}
    f = sop["findings"][0]
    assert set(f) >= {"code", "severity", "sheet", "cell", "message"}
    assert bad["error"]["code"] == "BERKAS-BUKAN-XLSX" and "bukan.xlsx" in bad["error"]["message"]
    assert missing["error"]["code"] == "BERKAS-TIDAK-ADA"
    assert cli("validate", str(path))[0] == 0


def test_english_messages_behind_lang_en(drafts):
    code, out, _ = cli("validate", "--lang", "en", str(drafts[0]))
    assert "is empty" in out and "belum diisi" not in out


def test_export_conforms_to_the_schema(drafts):
    import jsonschema

    from sopxl.resources import load_schema

    code, out, _ = cli("export", str(drafts[0]))
    assert code == 0
    docs = json.loads(out)["sops"]
    assert [d["sheet"] for d in docs] == ["SOP 01", "SOP 02"]
    validator = jsonschema.Draft202012Validator(load_schema("sop.schema.json"))
    for d in docs:
        d.pop("path")
        assert list(validator.iter_errors(d)) == []
    assert docs[0]["sections"][0]["steps"][0]["kegiatan"]["cell"].startswith("B")


def test_workbook_without_sop_is_one_clear_error(tmp_path):
    from openpyxl import Workbook

    path = tmp_path / "daftar.xlsx"
    wb = Workbook()
    wb.active["A1"] = "Daftar SOP"
    wb.save(path)
    r = validate_file(str(path), load_config())
    assert [f.code for f in r.findings] == ["tidak-ada-sop"]
    assert cli("validate", str(path))[0] == 1
