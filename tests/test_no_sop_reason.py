"""``tidak-ada-sop`` says why a workbook holds no SOP: all its sheets empty, all its SOP sheets
empty forms, or no procedure table at all.

A coordinator reads the register's Berkas Bermasalah: "no table with No and Kegiatan
columns" sent them looking for a broken table in a workbook that was simply empty.
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from sopxl.cli import run
from sopxl.config import load_config
from sopxl.validate import validate_file

GENERIC_ID = "Tidak ada lembar SOP di buku kerja ini (tidak ditemukan tabel dengan kolom No dan Kegiatan)."


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def blank_book(path: Path) -> Path:
    """What Excel saves for a new workbook nobody typed in: two empty sheets."""
    wb = Workbook()
    wb.active.title = "Sheet1"
    wb.create_sheet("Sheet2")
    wb.save(path)
    return path


def text_book(path: Path) -> Path:
    wb = Workbook()
    wb.active["A1"] = "Daftar SOP Bagian Umum"
    wb.save(path)
    return path


def form_book(path: Path) -> Path:
    assert cli("template", "--sops", "2", "--out", str(path))[0] == 0
    return path


def no_sop(path: Path, lang: str = "id"):
    r = validate_file(str(path), load_config(lang=lang))
    assert r.sops == []
    (f,) = [f for f in r.findings if f.code == "tidak-ada-sop"]
    return f


@pytest.mark.parametrize("lang, message, hint", [
    ("id", "Tidak ada lembar SOP di buku kerja ini (semua lembarnya kosong: Sheet1, Sheet2).",
     "sopxl template"),
    ("en", "No SOP sheet in this workbook (every sheet is empty: Sheet1, Sheet2).", "sopxl template"),
])
def test_a_workbook_of_blank_sheets_says_every_sheet_is_empty(tmp_path, lang, message, hint):
    f = no_sop(blank_book(tmp_path / "kosong.xlsx"), lang)
    assert (f.severity, f.sheet, f.message) == ("error", None, message)
    assert hint in f.hint and "Kegiatan" not in f.hint


def test_a_workbook_of_untouched_template_forms_says_they_are_empty_forms(tmp_path):
    f = no_sop(form_book(tmp_path / "baru.xlsx"))
    assert f.message == ("Tidak ada lembar SOP di buku kerja ini (semua lembar SOP-nya masih formulir "
                         "kosong: SOP 01, SOP 02).")
    assert f.hint.startswith("Isi identitas dan langkah kegiatan")
    # The Pengaturan and Petunjuk sheets are sopxl's own, not among the forms named.
    assert "Pengaturan" not in f.message and "Petunjuk" not in f.message


def test_a_workbook_with_text_but_no_procedure_table_keeps_the_table_message(tmp_path):
    f = no_sop(text_book(tmp_path / "daftar.xlsx"))
    assert f.message == GENERIC_ID
    assert f.hint == ('Pastikan tabel prosedur memiliki judul kolom "No" dan "Kegiatan", '
                      "atau gunakan templat sopxl.")


def test_the_register_lists_each_file_with_its_own_reason(tmp_path):
    umum = tmp_path / "kantor" / "Bagian Umum"
    umum.mkdir(parents=True)
    blank_book(umum / "kosong.xlsx")
    form_book(umum / "baru.xlsx")
    text_book(umum / "daftar.xlsx")
    register = tmp_path / "REKAP.xlsx"
    code, _, err = cli("merge", str(tmp_path / "kantor"), "--quiet", "--out", str(register))
    assert code in (0, 1), err
    rows = list(load_workbook(register)["Berkas Bermasalah"].iter_rows(values_only=True))
    assert rows[0] == ("No", "Bagian", "Berkas", "Kode", "Alasan")
    reasons = {Path(r[2]).name: (r[3], r[4]) for r in rows[1:]}
    assert reasons == {
        "kosong.xlsx": ("tidak-ada-sop", "Tidak ada lembar SOP di buku kerja ini (semua lembarnya kosong: "
                                         "Sheet1, Sheet2)."),
        "baru.xlsx": ("tidak-ada-sop", "Tidak ada lembar SOP di buku kerja ini (semua lembar SOP-nya masih "
                                       "formulir kosong: SOP 01, SOP 02)."),
        "daftar.xlsx": ("tidak-ada-sop", GENERIC_ID),
    }
