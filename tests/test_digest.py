"""Findings a person acts on (issue #17): grouped, in the order to act, with what to do next,
on sheets whose headers and labels are not cut.

Built from the two seeds (``report_builders``): SOP 02 (Mojokerto) writes the actor before
the verb on all 26 steps; a broken variant numbers step 6 of SOP 01 "5." again (A23).
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from report_builders import build_workbook, seed_sops

from sopxl.cli import run
from sopxl.config import load_config
from sopxl.report.button import summary_text
from sopxl.report.status import build_status
from sopxl.sheetspec import CellSpec
from sopxl.validate import validate_file


def cli(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), out, err)
    return code, out.getvalue()


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("digest")
    good = folder / "bagian_organisasi.xlsx"
    placed = build_workbook(good)
    sops = seed_sops()
    sops[0]["bagian"][0]["langkah"][5]["no"] = "5."  # step 6 (row 23) says "5." again
    broken = folder / "rusak.xlsx"
    build_workbook(broken, sops)
    return {"good": good, "broken": broken, "sop02_rows": [r for sec in placed["SOP 02"].step_rows
                                                          for r in sec]}


def lines_with(text: str, needle: str) -> list[str]:
    return [line for line in text.splitlines() if needle in line]


def test_a_code_on_every_step_is_one_line_with_its_count_and_range(books):
    rows = books["sop02_rows"]
    assert len(rows) == 26
    code, out = cli("validate", str(books["good"]))
    assert code == 0
    [line] = lines_with(out, "kegiatan-diawali-pelaksana")
    assert f"B{rows[0]}–B{rows[-1]}, 26 langkah" in line
    assert "+25 lagi; --rinci untuk semuanya" in line
    # Three of a code stay three lines: each names a different empty identity cell.
    assert len(lines_with(out, "identitas-kosong")) == 3


@pytest.mark.parametrize("flag", ["--rinci", "--verbose"])
def test_rinci_shows_every_finding_on_its_own_line(books, flag):
    _, out = cli("validate", flag, str(books["good"]))
    found = lines_with(out, "kegiatan-diawali-pelaksana")
    assert [line.split()[1] for line in found] == [f"B{r}" for r in books["sop02_rows"]]


def test_errors_come_first_and_the_last_line_says_what_to_do(books):
    code, out = cli("validate", str(books["broken"]))
    assert code == 1
    sop01 = [line for line in out.split("lembar 'SOP 01'")[1].split("lembar 'SOP 02'")[0].splitlines()[2:]
             if line.strip()]
    assert [line.split()[0] for line in sop01] == [
        "[GALAT]", "[PERINGATAN]", "[PERINGATAN]", "[PERINGATAN]", "[PERINGATAN]", "[INFO]"]
    # Among the warnings the empty identity (it changes the register) before the format.
    assert "nomor-langkah-ganda" in sop01[0] and "revisi-kosong" in sop01[-1]
    assert out.rstrip().splitlines()[-1] == (
        "Langkah berikutnya: Perbaiki 1 galat di SOP 01 (A23) lalu jalankan sopxl validate lagi.")


def test_with_several_files_the_next_step_names_the_file(books):
    _, out = cli("validate", str(books["good"]), str(books["broken"]))
    assert out.rstrip().splitlines()[-1] == (
        "Langkah berikutnya: Perbaiki 1 galat di rusak.xlsx: SOP 01 (A23) lalu jalankan sopxl validate lagi.")
    _, out = cli("validate", "--lang", "en", str(books["broken"]), str(books["good"]) + ".tidak-ada")
    assert out.rstrip().splitlines()[-1] == (
        "Next: 1 file(s) cannot be read: see the message. Fix 1 error(s) in rusak.xlsx: SOP 01 (A23), "
        "then run sopxl validate again.")


def test_a_style_most_offices_use_is_info_and_a_warning_under_final(books):
    _, out = cli("validate", str(books["good"]))
    assert lines_with(out, "kegiatan-diawali-pelaksana")[0].split()[0] == "[INFO]"
    assert out.rstrip().splitlines()[-1].startswith(
        "Langkah berikutnya: Tidak ada galat. Tinjau 3 peringatan di SOP 01 (D1, D2, D4)")
    _, strict = cli("validate", "--final", str(books["good"]))
    assert lines_with(strict, "kegiatan-diawali-pelaksana")[0].split()[0] == "[PERINGATAN]"


def test_status_summary_table_one_row_per_code_by_severity_then_count(books):
    result = validate_file(str(books["broken"]), load_config())
    spec = build_status(result, load_config(), "t", "v")
    header = next(r for r, row in enumerate(spec.rows)
                  if [getattr(c, "value", c) for c in row[:3]] == ["Lembar", "Jumlah", "Tingkat"])
    assert header < next(r for r, row in enumerate(spec.rows)  # above the per-cell list
                         if [getattr(c, "value", c) for c in row[:2]] == ["Lembar", "Sel"])
    body = []
    for row in spec.rows[header + 1:]:
        if not row:
            break
        body.append(row)
    rows = books["sop02_rows"]
    assert [[c.value for c in row[:4]] + [row[5].value] for row in body] == [
        ["SOP 01", 1, "GALAT", "nomor-langkah-ganda", "A23"],
        ["SOP 01", 3, "PERINGATAN", "identitas-kosong", "D1, D2, D4"],
        ["SOP 01", 1, "PERINGATAN", "nomor-langkah-urutan", "A24"],
        ["SOP 02", 26, "INFO", "kegiatan-diawali-pelaksana", f"B{rows[0]}–B{rows[-1]}"],
        ["SOP 01", 1, "INFO", "revisi-kosong", "D3"],
    ]
    # The counts are those of the per-cell Temuan table, and each row jumps to its first cell.
    every = [f for s in result.sops for f in s.findings]
    assert [row[1].value for row in body] == [
        sum(f.code == row[3].value and f.sheet == row[0].value for f in every) for row in body]
    assert body[0][0] == CellSpec("SOP 01", "link", "'SOP 01'!A23")
    assert body[3][4].value.endswith("(dan 25 temuan lain)")
    assert [row[6].value for row in body][-2:] == ["Gaya penulisan", "Kelengkapan format"]
    # The next step, frozen at the top with the title and the verdict.
    assert [getattr(c, "value", c) for c in spec.rows[2]] == [
        "Langkah berikutnya",
        "Perbaiki 1 galat di SOP 01 (A23) lalu tekan Validasi lagi (atau jalankan sopxl validate --write)."]
    assert spec.freeze == "A4" and spec.print_title_rows == (0, 2)


def test_the_buttons_message_box_says_what_to_do_next(books):
    result = validate_file(str(books["broken"]), load_config())
    assert summary_text(result).splitlines() == [
        "2 lembar SOP diperiksa: 1 galat, 4 peringatan.",
        "Perbaiki 1 galat di SOP 01 (A23) lalu tekan Validasi lagi.",
        "Rinciannya ada di lembar Status."]
    en = validate_file(str(books["broken"]), load_config(lang="en"))
    assert summary_text(en, "en").splitlines()[1] == (
        "Fix 1 error(s) in SOP 01 (A23), then press Validate again.")


# ---------------------------------------------------------------------------- labels that fit

def _bold_font(size_pt: float):
    ImageFont = pytest.importorskip("PIL.ImageFont")
    found = sorted(Path("/usr/share/fonts").rglob("DejaVuSans-Bold.ttf"))
    if not found:
        pytest.skip("DejaVu Sans Bold is not installed (it comes with LibreOffice's fonts)")
    # LibreOffice draws Calibri, absent here, as DejaVu Sans: the wider of the two.
    return ImageFont.truetype(str(found[0]), size=size_pt * 96 / 72)


def _labels_fit(ws) -> int:
    """Assert each bold label not spread over a merge fits its column; how many were checked."""
    starts = {(m.min_row, m.min_col) for m in ws.merged_cells.ranges if m.max_col > m.min_col}
    checked = 0
    for row in ws.iter_rows():
        for cell in row:
            if not isinstance(cell.value, str) or not cell.font.b or (cell.row, cell.column) in starts:
                continue
            width = ws.column_dimensions[cell.column_letter].width
            column_px = int(width * 7)  # Excel: 7 px per unit of Calibri 11's digit, margins in
            text_px = _bold_font(cell.font.sz).getlength(cell.value)
            assert text_px + 4 <= column_px, (cell.coordinate, cell.value, width)
            checked += 1
    return checked


@pytest.mark.parametrize("lang", ["id", "en"])
def test_status_and_checklist_headers_and_labels_fit_their_columns(books, tmp_path, lang):
    copy = tmp_path / f"status_{lang}.xlsx"
    code, _ = cli("validate", "--lang", lang, "--write", "--output", str(copy), str(books["broken"]))
    assert code == 1
    wb = load_workbook(copy)
    status, checklist = wb.worksheets[-2], wb.worksheets[-1]
    # Every table header of the Status sheet and its row labels ("Waktu pemeriksaan").
    assert _labels_fit(status) >= 11 + 7 + 6 + 5 + 6 + 4
    assert _labels_fit(checklist) >= 11
    assert status.freeze_panes == "A4"
    assert status.page_setup.fitToWidth == 1 and status.sheet_properties.pageSetUpPr.fitToPage


def test_findings_all_in_one_cell_are_counted_as_findings_not_cells(tmp_path):
    """Regression: four missing identity labels, all reported at A1, read "A1, 4 sel"."""
    from openpyxl.cell.cell import MergedCell

    path = tmp_path / "tanpa_identitas.xlsx"
    build_workbook(path)
    wb = load_workbook(path)
    ws = wb["SOP 01"]
    for r in range(1, 8):  # every identity label but Nama SOP, and every box, taken out
        if ws.cell(r, 3).value and "Nama" not in str(ws.cell(r, 3).value):
            ws.cell(r, 3).value = ws.cell(r, 4).value = None
    for r in range(8, 15):
        for c in (1, 4):
            if not isinstance(ws.cell(r, c), MergedCell):
                ws.cell(r, c).value = None
    wb.save(path)
    code, out = cli("validate", str(path))
    [line] = lines_with(out, "identitas-tidak-ada")
    assert "4 temuan di A1" in line and "sel" not in line.split("identitas-tidak-ada")[0]
    [line] = lines_with(out, "kotak-tidak-ada")
    assert "6 temuan di A1" in line
    code, out = cli("validate", str(path), "--lang", "en")
    assert "4 findings in A1" in lines_with(out, "identitas-tidak-ada")[0]
