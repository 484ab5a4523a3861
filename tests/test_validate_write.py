"""``sopxl validate --write``: the Status and Checklist sheets in real workbooks.

What a user would check after clicking through the result: the Status sheet counts the
steps and adds up the time as worked out by hand (see test_report.py), its links jump
to the right cells, the Checklist has a row for every step, what was typed into it is
still there after the next run (also when a step was taken out of the SOP), ``--output``
leaves the original alone, and LibreOffice opens, prints and reads the result.

openpyxl appears here only to play the user typing into the workbook; sopxl itself
writes at the package level.
"""
from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from libreoffice_client import convert, needs_soffice
from openpyxl import load_workbook
from report_builders import build_workbook, seed_sops

from sopxl.annotate import write_reports
from sopxl.config import load_config
from sopxl.grid import Grid
from sopxl.read.xlsx import read_workbook
from sopxl.report.answers import Answers
from sopxl.report.build import build_reports
from sopxl.report.status import CHECKED_AT
from sopxl.sheetspec import CellSpec
from sopxl.validate import validate_file

REMOVED = "Jawaban untuk langkah yang sudah tidak ada di SOP"
T1 = dt.datetime(2025, 6, 2, 9, 30)


def cli(*args: str) -> tuple[int, str, str]:
    from sopxl.cli import run

    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


def grids(path: Path) -> dict[str, Grid]:
    return {g.name: g for g in read_workbook(path, shapes=False).sheets}


def rows_of(grid: Grid) -> list[list[str]]:
    return [grid.row_texts(r) for r in range(grid.n_rows)]


def status_row(grid: Grid, first: str, second: str | None = None) -> int:
    """The first row of the Status sheet starting with these texts."""
    for r, texts in enumerate(rows_of(grid)):
        if texts[0] == first and (second is None or texts[1] == second):
            return r
    raise AssertionError(f"no row {first!r} {second!r}")


def checklist_keys(grid: Grid) -> dict[str, int]:
    """Key (column K) -> zero-based row, the first row of each key."""
    out: dict[str, int] = {}
    for r in range(grid.n_rows):
        k = grid.text(r, 10)
        if k.count("|") >= 2:
            out.setdefault(k, r)
    return out


def type_into_checklist(path: Path, answers: dict[str, list]) -> None:
    """A user opens the workbook, fills in some Checklist rows (by key) and saves."""
    wb = load_workbook(path)
    ws = wb["Checklist"]
    rows = {ws.cell(r, 11).value: r for r in range(ws.max_row, 0, -1)}
    for key, typed in answers.items():
        for i, value in enumerate(typed):
            ws.cell(rows[key], 7 + i, value)
    wb.save(path)


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    path = tmp_path / "SOP Bagian Organisasi.xlsx"
    build_workbook(path)
    return path


# -- the CLI writes both sheets ---------------------------------------------------------------

def test_validate_write_adds_a_status_row_per_sop_and_a_checklist_row_per_step(workbook):
    before = grids(workbook)
    code, out, err = cli("validate", "--write", str(workbook))
    assert (code, err) == (0, "")  # warnings only
    after = grids(workbook)
    assert list(after) == ["Daftar Isi", "SOP 01", "SOP 02", "Status", "Checklist"]
    for name in ("Daftar Isi", "SOP 01", "SOP 02"):
        assert after[name].values == before[name].values and after[name].merged == before[name].merged

    status = after["Status"]
    assert status.text(0, 0) == "Status Pemeriksaan SOP AP"
    assert status.row_texts(1)[:2] == ["Hasil", "LULUS"]
    r = status_row(status, "SOP 01", "19")
    assert rows_of(status)[r] == [
        "SOP 01", "19", "LULUS", "-", "Penyusunan Informasi Jabatan dan Standar Kompetensi Manajerial/Teknis",
        "Kepala Biro, Kasubbag Anjab, Tim Anjab, Kabag Baga, Kasubbag TU", "10 hari 2 jam 50 menit",
        "4670", "4670", "0", "3"]  # Nomor and two dates empty; Keterkaitan "-" is an answer
    assert rows_of(status)[r + 1][:2] == ["SOP 02", "26"]
    assert rows_of(status)[r + 1][6:9] == ["95 hari 5 jam 30 menit", "43080", "43080"]
    assert rows_of(status)[-1][0] == "Lembar yang dilewati (bukan SOP): Daftar Isi"

    checklist = after["Checklist"]
    keys = checklist_keys(checklist)
    assert len([k for k in keys if "|evaluasi|" not in k]) == 19 + 8 + 18
    assert len([k for k in keys if "|evaluasi|" in k]) == 2 * 7
    step = seed_sops()[1]["bagian"][1]["langkah"][3]
    assert checklist.row_texts(keys["SOP 02|2|4"])[:6] == [
        step["no"], step["kegiatan"], ", ".join(step["pelaksana"]), step["kelengkapan"], step["waktu"],
        step["output"]]

    # The links jump: the sheet name to the SOP, as Excel stores them.
    ws = load_workbook(workbook)["Status"]
    assert ws.cell(r + 1, 1).hyperlink.location == "'SOP 01'!A1"
    assert ws.freeze_panes == "A4"  # title, verdict and what to do next stay in view
    assert ws.page_setup.orientation == "landscape"


def test_a_duplicated_step_number_is_a_finding_linked_to_its_cell(tmp_path):
    sops = seed_sops()
    sops[0]["bagian"][0]["langkah"][5]["no"] = "5."  # step 6, written at row 23, says "5." again
    path = tmp_path / "rusak.xlsx"
    placed = build_workbook(path, sops)
    assert placed["SOP 01"].number_cell(0, 5) == "A23"
    code, _, _ = cli("validate", "--write", str(path))
    assert code == 1
    status = grids(path)["Status"]
    assert status.row_texts(1)[:2] == ["Hasil", "PERLU PERBAIKAN"]
    # The row of the Temuan table (one per cell), not the one of the per-code summary above it.
    r = next(r for r, texts in enumerate(rows_of(status)) if texts[3] == "nomor-langkah-ganda"
             and texts[1] == "A23")
    assert rows_of(status)[r][:5] == ["SOP 01", "A23", "GALAT", "nomor-langkah-ganda",
                                      "Nomor langkah 5 dipakai dua kali (pertama di A22)."]
    ws = load_workbook(path)["Status"]
    assert ws.cell(r + 1, 2).hyperlink.location == "'SOP 01'!A23"
    assert ws.cell(r + 1, 3).fill.fgColor.rgb == "FFFFC7CE"  # the error colour
    first, last = (int(ref[1:]) for ref in ws.auto_filter.ref.split(":"))
    assert first < r + 1 <= last  # the filter covers the findings table
    keys = checklist_keys(grids(path)["Checklist"])
    assert "SOP 01|1|5#2" in keys  # both steps numbered 5 keep a row of their own


# -- answers survive ---------------------------------------------------------------------------

def test_answers_typed_into_the_checklist_survive_the_next_run(workbook):
    assert cli("validate", "--write", str(workbook))[0] == 0
    type_into_checklist(workbook, {
        "SOP 01|1|3": ["Berjalan dengan baik", "Jadwal sesuai", None, "AS"],
        "SOP 02|2|4": ["Tidak berjalan dengan baik", "Terlambat", "Koordinasi ulang dengan OPD", "RB"],
        "SOP 02|evaluasi|2": ["Ya", "Semua paham"],
    })
    assert cli("validate", "--write", str(workbook))[0] == 0
    after = grids(workbook)
    checklist = after["Checklist"]
    keys = checklist_keys(checklist)
    assert checklist.row_texts(keys["SOP 01|1|3"])[6:10] == [
        "Berjalan dengan baik", "Jadwal sesuai", "", "AS"]
    assert checklist.row_texts(keys["SOP 02|2|4"])[6:10] == [
        "Tidak berjalan dengan baik", "Terlambat", "Koordinasi ulang dengan OPD", "RB"]
    assert checklist.row_texts(keys["SOP 02|evaluasi|2"])[6:8] == ["Ya", "Semua paham"]
    assert REMOVED not in [texts[0] for texts in rows_of(checklist)]
    # Its own sheets are not SOPs and not "skipped" in the note either.
    status = after["Status"]
    assert rows_of(status)[-1][0] == "Lembar yang dilewati (bukan SOP): Daftar Isi"
    assert status.row_texts(1)[3] == "2 SOP, 0 galat, 3 peringatan"


def test_a_step_taken_out_of_the_sop_keeps_its_answer_under_a_marked_heading(workbook):
    assert cli("validate", "--write", str(workbook))[0] == 0
    type_into_checklist(workbook, {
        "SOP 01|1|7": ["Tidak berjalan dengan baik", "Surat tidak terkirim", "Kirim lewat e-mail", "RB"],
        "SOP 01|1|8": ["Berjalan dengan baik", None, None, "RB"],
    })
    # The drafter deletes step 7 of SOP 01 (row 24) and renumbers the steps under it.
    wb = load_workbook(workbook)
    ws = wb["SOP 01"]
    ws.delete_rows(24)
    for row in range(24, 36):
        ws.cell(row, 1, f"{row - 17}.")
    wb.save(workbook)

    assert cli("validate", "--write", str(workbook))[0] == 0
    checklist = grids(workbook)["Checklist"]
    keys = checklist_keys(checklist)
    assert len([k for k in keys if k.startswith("SOP 01|1|") and "#" not in k]) == 18
    moved = checklist.row_texts(keys["SOP 01|1|7"])
    assert moved[1].startswith("Melaksanakan Rapat di SKPD")  # the old step 8, renumbered
    assert moved[6:10] == ["Berjalan dengan baik", "", "", "RB"]
    texts = rows_of(checklist)
    heading = next(r for r, t in enumerate(texts) if t[0] == REMOVED)
    kept = next(r for r in range(heading, len(texts)) if texts[r][10] == "SOP 01|1|7")
    assert texts[kept][:10] == [
        "7", "Mengirimkan Surat Pemberitahuan, jadwal dan formulir Informasi jabatan dan standar "
        "kompetensi manajerial/teknis", "Kasubbag TU", "SOP 01", "", "", "Tidak berjalan dengan baik",
        "Surat tidak terkirim", "Kirim lewat e-mail", "RB"]
    ws = load_workbook(workbook)["Checklist"]
    assert ws.cell(heading + 1, 1).font.i and ws.cell(kept + 1, 7).font.i  # the "removed" look

    # And the run after that keeps it still.
    assert cli("validate", "--write", str(workbook))[0] == 0
    again = rows_of(grids(workbook)["Checklist"])
    assert [t for t in again if t[10] == "SOP 01|1|7"][1][7] == "Surat tidak terkirim"


def test_running_twice_changes_nothing_but_the_time_stamp(workbook):
    cfg = load_config()
    write_reports(validate_file(str(workbook), cfg), cfg, now=T1)
    first = workbook.read_bytes()
    write_reports(validate_file(str(workbook), cfg), cfg, now=T1)
    assert workbook.read_bytes() == first  # same input, same bytes

    write_reports(validate_file(str(workbook), cfg), cfg, now=dt.datetime(2025, 6, 3, 14, 5))
    with zipfile.ZipFile(io.BytesIO(first)) as a, zipfile.ZipFile(workbook) as b:
        assert a.namelist() == b.namelist()
        changed = [n for n in a.namelist() if a.read(n) != b.read(n)]
        assert len(changed) == 1 and changed[0].startswith("xl/worksheets/")
        assert a.read(changed[0]).replace(b"02-06-2025 09:30", b"03-06-2025 14:05") == b.read(changed[0])


def test_output_writes_a_copy_and_leaves_the_original_untouched(workbook, tmp_path):
    original = workbook.read_bytes()
    copy = tmp_path / "salinan.xlsx"
    code, _, err = cli("validate", "--write", "--output", str(copy), str(workbook))
    assert (code, err) == (0, "")
    assert workbook.read_bytes() == original
    assert list(grids(copy)) == ["Daftar Isi", "SOP 01", "SOP 02", "Status", "Checklist"]
    # Answers typed into the copy are kept when the copy is written again from the original.
    type_into_checklist(copy, {"SOP 01|1|2": ["Berjalan dengan baik", "Di salinan", None, None]})
    assert cli("validate", "--write", "--output", str(copy), str(workbook))[0] == 0
    checklist = grids(copy)["Checklist"]
    keys = checklist_keys(checklist)
    assert checklist.row_texts(keys["SOP 01|1|2"])[6:8] == ["Berjalan dengan baik", "Di salinan"]
    assert workbook.read_bytes() == original


def test_write_in_english(workbook):
    assert cli("validate", "--write", "--lang", "en", str(workbook))[0] == 0
    after = grids(workbook)
    assert after["Status"].text(0, 0) == "SOP AP check status"
    assert after["Status"].row_texts(1)[:2] == ["Result", "PASSED"]
    assert after["Checklist"].text(0, 0) == "Monitoring and evaluation of SOP AP implementation"


# -- LibreOffice ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def written(tmp_path_factory) -> tuple[Path, list]:
    """A seed workbook with both sheets written, and the sheets as sopxl built them."""
    path = tmp_path_factory.mktemp("lo") / "sop.xlsx"
    build_workbook(path)
    cfg = load_config()
    result = validate_file(str(path), cfg)
    write_reports(result, cfg, now=T1)
    return path, build_reports(result, cfg, Answers(), T1)


@needs_soffice
def test_libreoffice_prints_the_written_workbook(written, tmp_path, lo_profile):
    path, _ = written
    pdf = convert(path, "pdf", tmp_path / "pdf", lo_profile)
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              timeout=60).stdout
        assert "Status Pemeriksaan SOP AP" in text
        assert "10 hari 2 jam 50 menit" in text
        assert "Monitoring dan Evaluasi Pelaksanaan SOP AP" in text
        assert "Sinergi satu dengan lainnya" in text


@needs_soffice
def test_libreoffice_reads_the_status_sheet_as_sopxl_wrote_it(written, tmp_path, lo_profile):
    path, specs = written
    status_spec = specs[0]
    copy = convert(path, "xlsx", tmp_path / "lo", lo_profile)
    lo = {g.name: g for g in read_workbook(copy, shapes=False).sheets}
    assert list(lo) == ["Daftar Isi", "SOP 01", "SOP 02", "Status", "Checklist"]
    status = lo["Status"]
    compared = 0
    for r, row in enumerate(status_spec.rows):
        for c, raw in enumerate(row):
            value = raw.value if isinstance(raw, CellSpec) else raw
            if value in (None, ""):
                continue
            seen = status.raw(r, c)
            if isinstance(value, (int, float)):
                assert seen == pytest.approx(value), (r, c)
            else:
                assert seen == value, (r, c, seen, value)
            compared += 1
    assert compared > 300
    assert status.raw(*CHECKED_AT) == "02-06-2025 09:30"
    # The links and the filter survive LibreOffice's round trip.
    ws = load_workbook(copy)["Status"]
    finding = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 4).value == "identitas-kosong"
                   and ws.cell(r, 2).value == "D1")
    assert ws.cell(finding, 2).hyperlink.location.replace("$", "") == "'SOP 01'!D1"
    assert ws.auto_filter.ref == status_spec.autofilter
    keys = checklist_keys(lo["Checklist"])
    assert len(keys) == 45 + 14


def test_an_offices_own_status_sheet_is_never_overwritten(workbook):
    wb = load_workbook(workbook)
    ws = wb.create_sheet("Status")
    ws.append(["Nama SOP", "Status pengesahan"])
    ws.append(["Penyusunan SKJ", "Sudah disahkan"])
    wb.save(workbook)
    before = workbook.read_bytes()
    code, out, _ = cli("validate", "--write", str(workbook))
    assert code == 2
    # Reported with the file's result (other files of the same run are still written).
    assert "sudah memiliki lembar 'Status' yang bukan buatan sopxl" in out
    assert workbook.read_bytes() == before


def test_totals_are_shown_with_the_workbooks_own_working_day(tmp_path):
    # Pengaturan says a working day is 8 jam: 31 jam + 110 menit + 6 × 480 = 4850 menit.
    path = tmp_path / "delapan_jam.xlsx"
    build_workbook(path, settings={"Jam per hari kerja": 8})
    assert cli("validate", "--write", str(path))[0] == 0
    status = grids(path)["Status"]
    r = status_row(status, "SOP 01", "19")
    assert rows_of(status)[r][6:9] == ["10 hari 0 jam 50 menit", "4850", "4850"]
