"""One test per bug found while building sopxl, named after what went wrong."""
from __future__ import annotations

import io

from office_drafts import build_workbook, contoh
from openpyxl import load_workbook

from sopxl.cli import run
from sopxl.config import load_config
from sopxl.validate import validate_file


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return run(list(args), out, err), out.getvalue(), err.getvalue()


def test_list_item_a_dot_in_a_box_is_not_a_section_title(tmp_path):
    # "a. memahami prinsip …" (Kualifikasi Pelaksana) once matched the "A. PERENCANAAN" pattern.
    path = tmp_path / "kotak.xlsx"
    build_workbook(path, extra_sheets=False)
    r = validate_file(str(path), load_config())
    assert [sec.name for sec in r.sops[0].doc.sections] == [""]
    assert r.sops[0].doc.boxes["kualifikasi_pelaksana"].value.startswith("a. memahami")


def test_column_number_row_is_not_a_step_although_no_is_1_and_kegiatan_is_2(tmp_path):
    # The fast path for step rows once read the "1 2 3 …" row as step 1 "2".
    path = tmp_path / "nomor_kolom.xlsx"
    build_workbook(path, extra_sheets=False)
    r = validate_file(str(path), load_config())
    kalsel = r.sops[0].doc
    assert len(kalsel.steps) == 19
    assert kalsel.steps[0].kegiatan.value.startswith("Menetapkan Program")


def test_a_dash_is_an_answer_not_an_empty_cell(tmp_path):
    # "-" for Tanggal Revisi (no revision yet) and for Keterkaitan (none) is what the hints ask
    # for; it was once read as empty ("belum diisi") and as an unreadable date.
    data = contoh()["sop"]
    data[0]["identitas"]["tanggal_revisi"] = "-"
    data[0]["kotak"]["keterkaitan"] = "-"
    path = tmp_path / "strip.xlsx"
    build_workbook(path, sops=data, extra_sheets=False)
    codes = {f.code for f in validate_file(str(path), load_config()).sops[0].findings}
    assert not codes & {"revisi-kosong", "tanggal-tidak-terbaca", "kotak-kosong"}


def test_output_with_several_files_is_refused_before_anything_is_written(tmp_path):
    # One --output path for two workbooks once made the second copy overwrite the first.
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    build_workbook(a, extra_sheets=False)
    build_workbook(b, extra_sheets=False)
    before = a.read_bytes(), b.read_bytes()
    code, _, err = cli("validate", "--write", "--output", str(tmp_path / "c.xlsx"), str(a), str(b))
    assert code == 2 and "--output" in err and "Traceback" not in err
    assert (a.read_bytes(), b.read_bytes()) == before and not (tmp_path / "c.xlsx").exists()


def test_text_totals_use_the_workbooks_own_working_day(tmp_path):
    # The terminal report once formatted "X hari" with 7,5 jam even when Pengaturan said 8.
    path = tmp_path / "delapan.xlsx"
    build_workbook(path, extra_sheets=False)
    wb = load_workbook(path)
    ws = wb.create_sheet("Pengaturan")
    ws["A1"], ws["B1"] = "Jam per hari kerja", 8
    wb.save(path)
    # SOP 01: 31 jam 110 menit of hours and minutes + 6 hari = 6 × 480 → 4850 menit = 10 hari 0 jam 50 menit.
    code, out, _ = cli("validate", str(path))
    assert "total waktu 10 hari 0 jam 50 menit" in out
