"""``sopxl draw``: typed markers -> real Excel shapes, read back by sopxl as the same flowchart."""
from __future__ import annotations

import copy
import io
import os
import shutil
import stat
import subprocess
import zipfile
from pathlib import Path

import pytest
from drawing_builders import add_drawing, cxn, drawing, sp, two_cell
from libreoffice_client import convert, needs_soffice
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Side
from openpyxl.utils import get_column_letter

from sopxl.cli import run as cli_run
from sopxl.config import load_config
from sopxl.draw import draw_file, draw_workbook
from sopxl.errors import WriteError
from sopxl.parse import parse_sheet
from sopxl.parse.shapes import apply_shapes
from sopxl.read.xlsx import read_workbook
from sopxl.validate import vocab_for

ROOT = Path(__file__).resolve().parents[1]
ROLES = ["Pemohon", "Staf Pelaksana", "Kepala Bagian"]
# (no, kegiatan, role index, marker, keterangan)
STEPS = [
    (1, "Mengajukan permohonan", 0, "Mulai", ""),
    (2, "Menerima dan mencatat berkas permohonan", 1, "Proses", ""),
    (3, "Memeriksa kelengkapan berkas", 1, "Proses", ""),
    (4, "Memutuskan berkas lengkap", 2, "Keputusan", "Ya: 5; Tidak: 3"),
    (5, "Menandatangani surat jawaban", 2, "Proses", ""),
    (6, "Mengirim surat jawaban", 1, "Proses", ""),
    (7, "Menerima surat jawaban", 0, "Selesai", ""),
]
# A decision that loops back up its own column, past a step in between.
LOOP_STEPS = [
    (1, "Mengajukan permohonan", 0, "Mulai", ""),
    (2, "Menerima dan mencatat berkas permohonan", 1, "Proses", ""),
    (3, "Memeriksa kelengkapan berkas", 1, "Proses", ""),
    (4, "Memutuskan berkas lengkap", 1, "Keputusan", "Ya: 5; Tidak: 2"),
    (5, "Menandatangani surat jawaban", 2, "Proses", ""),
    (6, "Menerima surat jawaban", 0, "Selesai", ""),
]
FIRST_STEP_ROW = 13  # one-based

def build_sop(path: Path, *, steps=STEPS, title: str = "SOP Permohonan") -> Path:
    """One SOP sheet as an office types it: identity block, two-row header, words as markers."""
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ident = [("Nomor SOP", "065/SOP/417.112/02"), ("Tanggal Pembuatan", "2 Juni 2025"),
             ("Tanggal Revisi", "-"), ("Tanggal Efektif", "2 Juni 2025"),
             ("Disahkan Oleh", "Kepala Bagian Organisasi"), ("Nama SOP", "Pelayanan Permohonan Data")]
    ws["A1"] = "PEMERINTAH KOTA CONTOH SEKRETARIAT DAERAH"
    for i, (label, value) in enumerate(ident, 2):
        ws.cell(i, 5, label)
        ws.cell(i, 7, value)
    header = 10
    n = len(ROLES)
    kel, waktu, out, ket = 3 + n, 4 + n, 5 + n, 6 + n
    ws.cell(header, 1, "No")
    ws.merge_cells(start_row=header, start_column=1, end_row=header + 1, end_column=1)
    ws.cell(header, 2, "Kegiatan")
    ws.merge_cells(start_row=header, start_column=2, end_row=header + 1, end_column=2)
    ws.cell(header, 3, "PELAKSANA")
    ws.merge_cells(start_row=header, start_column=3, end_row=header, end_column=2 + n)
    for k, role in enumerate(ROLES):
        ws.cell(header + 1, 3 + k, role)
    ws.cell(header, kel, "MUTU BAKU")
    ws.merge_cells(start_row=header, start_column=kel, end_row=header, end_column=out)
    ws.cell(header + 1, kel, "Kelengkapan")
    ws.cell(header + 1, waktu, "Waktu")
    ws.cell(header + 1, out, "Output")
    ws.cell(header, ket, "Keterangan")
    ws.merge_cells(start_row=header, start_column=ket, end_row=header + 1, end_column=ket)
    for c in range(1, ket + 1):
        ws.cell(header + 2, c, c)
    thin = Side(style="thin")
    for k, (no, kegiatan, role, marker, keterangan) in enumerate(steps):
        r = FIRST_STEP_ROW + k
        ws.cell(r, 1, no)
        ws.cell(r, 2, kegiatan).alignment = Alignment(wrap_text=True, vertical="center")
        ws.cell(r, 3 + role, marker)
        ws.cell(r, kel, "Berkas")
        ws.cell(r, waktu, "15 menit")
        ws.cell(r, out, "Catatan")
        ws.cell(r, ket, keterangan or None)
        ws.row_dimensions[r].height = 36
    for r in range(header, FIRST_STEP_ROW + len(steps)):
        for c in range(1, ket + 1):
            ws.cell(r, c).border = Border(left=thin, right=thin, top=thin, bottom=thin)
    widths = {1: 5, 2: 34, 3: 15, 4: 15, 5: 15, 6: 14, 7: 10, 8: 12, 9: 14}
    for c, w in widths.items():
        ws.column_dimensions[get_column_letter(c)].width = w
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.save(path)
    return path


def _cfg():
    return load_config(None)


def _docs(path: Path, *, from_shapes: bool):
    """The SOP documents of a file; with ``from_shapes`` the typed markers and Keterangan
    branches are dropped and only sopxl's own drawn shapes say who acts and where the flow goes."""
    cfg = _cfg()
    vocab = vocab_for(cfg)
    docs = []
    for grid in read_workbook(path).sheets:
        doc, _, _ = parse_sheet(grid, vocab)
        if doc is None:
            continue
        if from_shapes:
            doc = copy.deepcopy(doc)
            for step in doc.steps:
                step.markers, step.branches, step.next_steps = [], [], []
            apply_shapes(doc, grid.shapes, include_sopxl=True)
        docs.append(doc)
    return docs


def _summary(doc, *, from_shapes: bool):
    steps = doc.steps
    numbers = {i: s.number.value for i, s in enumerate(steps)}
    out = []
    for i, s in enumerate(steps):
        branches = sorted((b.label, b.target or numbers.get(i + 1)) for b in s.branches)
        markers = [(m.role, m.symbol, m.cell) for m in s.markers]
        sources = {m.source for m in s.markers}
        assert sources <= ({"shape"} if from_shapes else {"cell"}), sources
        out.append((s.number.value, markers, branches))
    return out


def _sopxl_shapes(path: Path) -> list:
    return [s for g in read_workbook(path).sheets for s in g.shapes if s.drawn_by_sopxl]


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


# -- tests -------------------------------------------------------------------------------------


def test_drawn_flowchart_reads_back_as_the_typed_one(tmp_path):
    src = build_sop(tmp_path / "sop.xlsx")
    out = tmp_path / "digambar.xlsx"
    before = _parts(src)
    assert draw_workbook(src, _cfg(), output=out) == str(out)
    assert _parts(src) == before  # --output leaves the original alone

    typed = [_summary(d, from_shapes=False) for d in _docs(src, from_shapes=False)]
    drawn = [_summary(d, from_shapes=True) for d in _docs(out, from_shapes=True)]
    assert drawn == typed
    decision = typed[0][3]
    assert decision[2] == [("Tidak", "3"), ("Ya", "5")]

    shapes = _sopxl_shapes(out)
    kinds = sorted(s.kind for s in shapes)
    # 7 symbols, 7 arrows (6 next-step arrows + the Tidak loop; Ya is the next step), 2 labels
    assert kinds.count("connector") == 7
    assert kinds.count("text") == 2
    assert sorted(s.preset for s in shapes if s.kind not in ("connector", "text")) == sorted(
        ["flowChartTerminator"] * 2 + ["flowChartProcess"] * 4 + ["flowChartDecision"])
    loop = [s for s in shapes if s.kind == "connector" and s.bottom < s.top]
    assert len(loop) == 1  # the Tidak branch goes back up


def test_the_flow_of_the_drawing_is_the_typed_flow(tmp_path):
    src = build_sop(tmp_path / "sop.xlsx")
    draw_workbook(src, _cfg())
    doc = _docs(src, from_shapes=True)[0]
    nexts = {s.number.value: sorted(doc.steps[j].number.value for j in s.next_steps) for s in doc.steps}
    assert nexts == {"1": ["2"], "2": ["3"], "3": ["4"], "4": ["3", "5"], "5": ["6"], "6": ["7"],
                     "7": []}


def test_only_the_drawing_parts_change(tmp_path):
    src = build_sop(tmp_path / "sop.xlsx")
    out = tmp_path / "out.xlsx"
    draw_workbook(src, _cfg(), output=out)
    a, b = _parts(src), _parts(out)
    changed = {n for n in a if a[n] != b.get(n)}
    assert changed == {"[Content_Types].xml", "xl/worksheets/sheet1.xml"}
    assert set(b) - set(a) == {"xl/drawings/drawing1.xml", "xl/worksheets/_rels/sheet1.xml.rels"}
    assert list(b)[:len(a)] == list(a)  # original entries keep their order
    assert b"application/vnd.openxmlformats-officedocument.drawing+xml" in b["[Content_Types].xml"]
    sheet = b["xl/worksheets/sheet1.xml"].decode()
    # CT_Worksheet order: <drawing> after pageSetup, and the sheet says nothing else new
    assert sheet.index("<pageSetup") < sheet.index("<drawing")


def test_drawing_twice_replaces_and_keeps_the_office_shapes(tmp_path):
    src = build_sop(tmp_path / "sop.xlsx")
    # The office's own drawing: a note box and an arrow of its own, far right of the matrix.
    office = drawing([
        two_cell(sp(2, "wedgeRectCallout", (0, 0, 1, 1), "Catatan kantor", name="Callout 1"),
                 (10, 0, 1, 0), (12, 0, 4, 0)),
        two_cell(cxn(3, (0, 0, 1, 1)), (10, 0, 5, 0), (11, 0, 7, 0)),
    ])
    add_drawing(src, office)
    before = _parts(src)
    draw_workbook(src, _cfg())
    once = _parts(src)
    n_once = len(_sopxl_shapes(src))
    draw_workbook(src, _cfg())
    twice = _parts(src)
    assert n_once == len(_sopxl_shapes(src)) == 16
    assert once == twice  # same input, same bytes
    changed = {n for n in before if before[n] != twice.get(n)}
    assert changed == {"xl/drawings/drawing1.xml"}  # the sheet already had its drawing
    assert set(twice) == set(before)
    shapes = [s for g in read_workbook(src).sheets for s in g.shapes if not s.drawn_by_sopxl]
    assert [s.text for s in shapes if s.kind != "connector"] == ["Catatan kantor"]
    assert len(shapes) == 2
    ids = [s.id for g in read_workbook(src).sheets for s in g.shapes]
    assert len(ids) == len(set(ids))


def test_office_drafts_draw_and_read_back(tmp_path):
    from office_drafts import build_workbook

    src = tmp_path / "drafts.xlsx"
    build_workbook(src)
    result = draw_file(src, _cfg())
    assert len(result.sheets) == 2
    typed = [_summary(d, from_shapes=False) for d in _docs(src, from_shapes=False)]
    drawn = [_summary(d, from_shapes=True) for d in _docs(src, from_shapes=True)]
    assert drawn == typed


def test_cli_draw_and_lock_file(tmp_path):
    src = build_sop(tmp_path / "sop.xlsx")
    out, err = io.StringIO(), io.StringIO()
    assert cli_run(["draw", str(src), "--output", str(tmp_path / "b.xlsx")], out, err) == 0
    assert "bagan alir digambar pada 1 lembar" in out.getvalue()

    before = src.read_bytes()
    lock = tmp_path / "~$sop.xlsx"
    lock.write_bytes(b"")
    out, err = io.StringIO(), io.StringIO()
    assert cli_run(["draw", str(src)], out, err) == 2
    assert "sedang dibuka di Excel" in err.getvalue()
    out, err = io.StringIO(), io.StringIO()
    assert cli_run(["draw", str(src), "--lang", "en"], out, err) == 2
    assert "open in Excel" in err.getvalue()
    assert src.read_bytes() == before
    lock.unlink()


@pytest.mark.skipif(os.name == "nt", reason="Windows has no POSIX permission bits")
def test_read_only_file_is_left_alone(tmp_path):
    src = build_sop(tmp_path / "sop.xlsx")
    before = src.read_bytes()
    src.chmod(stat.S_IRUSR)
    try:
        with pytest.raises(WriteError) as exc:
            draw_workbook(src, _cfg())
        assert "hanya-baca" in str(exc.value)
    finally:
        src.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert src.read_bytes() == before


def test_no_sop_is_a_clear_error(tmp_path):
    wb = Workbook()
    wb.active["A1"] = "Daftar isi"
    path = tmp_path / "kosong.xlsx"
    wb.save(path)
    out, err = io.StringIO(), io.StringIO()
    assert cli_run(["draw", str(path)], out, err) == 2
    assert "Tidak ada lembar SOP" in err.getvalue()


@needs_soffice
def test_libreoffice_renders_the_drawing(tmp_path, lo_profile):
    src = build_sop(tmp_path / "sop.xlsx")
    draw_workbook(src, _cfg())
    convert(src, "pdf", tmp_path, lo_profile)
    pdf = tmp_path / "sop.pdf"
    assert pdf.exists() and pdf.stat().st_size > 1000
    if shutil.which("pdftoppm"):
        img = ROOT / "docs" / "img" / "bagan_drawn"
        img.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(img)], check=True, timeout=60)
        assert img.with_suffix(".png").exists()


def test_a_loop_in_its_own_column_goes_up_beside_it(tmp_path):
    src = build_sop(tmp_path / "loop.xlsx", steps=LOOP_STEPS)
    draw_workbook(src, _cfg())
    typed = [_summary(d, from_shapes=False) for d in _docs(src, from_shapes=False)]
    drawn = [_summary(d, from_shapes=True) for d in _docs(src, from_shapes=True)]
    assert drawn == typed
    loops = [s for s in _sopxl_shapes(src) if s.kind == "connector" and s.bottom < s.top]
    assert len(loops) == 1
    (loop,) = loops
    assert loop.preset == "bentConnector3"
    # leaves the decision (row of step 4) by its left side, back into step 2's left side
    assert int(loop.top) == FIRST_STEP_ROW - 1 + 3 and int(loop.bottom) == FIRST_STEP_ROW - 1 + 1
    assert int(loop.left) == int(loop.right) == 3  # column D, Staf Pelaksana


# -- printed pages: off-page connectors ------------------------------------------------------

# Four steps on page 1, the rest on page 2; the decision on page 2 loops back to page 1.
PAGE_STEPS = [
    (1, "Mengajukan permohonan", 0, "Mulai", ""),
    (2, "Menerima dan mencatat berkas permohonan", 1, "Proses", ""),
    (3, "Memeriksa kelengkapan berkas", 1, "Proses", ""),
    (4, "Menyiapkan konsep surat jawaban", 1, "Proses", ""),
    (5, "Memutuskan berkas lengkap", 2, "Keputusan", "Ya: 6; Tidak: 3"),
    (6, "Menandatangani surat jawaban", 2, "Proses", ""),
    (7, "Menerima surat jawaban", 0, "Selesai", ""),
]
BREAK_AFTER = FIRST_STEP_ROW + 3  # one-based: step 4 is the last row of page 1

def build_two_pages(path: Path) -> Path:
    from openpyxl import load_workbook
    from openpyxl.worksheet.pagebreak import Break

    build_sop(path, steps=PAGE_STEPS)
    wb = load_workbook(path)
    wb.active.row_breaks.append(Break(id=BREAK_AFTER))
    wb.save(path)
    return path


def _offpage(path: Path) -> list:
    return [s for s in _sopxl_shapes(path) if s.kind == "offpage"]


def test_page_breaks_come_from_the_sheet(tmp_path):
    from sopxl.draw import page_breaks
    from sopxl.read.geometry import SheetGeometry, sheet_geometry
    from sopxl.read.printsetup import PrintSetup, print_setup
    from sopxl.read.safezip import SafeZip

    src = build_two_pages(tmp_path / "dua.xlsx")
    with SafeZip(str(src)) as z:
        setup = print_setup(z, "xl/worksheets/sheet1.xml", "SOP Permohonan")
        geometry = sheet_geometry(z, "xl/worksheets/sheet1.xml")
    assert setup.manual_breaks == [BREAK_AFTER]  # zero-based: the first row of page 2
    assert setup.landscape and setup.fit_to_page and (setup.fit_width, setup.fit_height) == (1, 0)
    assert page_breaks(setup, geometry, 40) == [BREAK_AFTER]

    # No manual break: A4 landscape, 0.75 in margins top and bottom -> 595.3 - 108 pt a page.
    g = SheetGeometry(default_row_height=36.0)
    a4 = PrintSetup(paper=9, landscape=True, last_col=0)
    assert page_breaks(a4, g, 40) == [13, 26, 39]  # 13 rows of 36 pt = 468 pt a page
    # Print titles (two rows of 36 pt) repeat on pages 2 and on, which then hold 11 rows.
    assert page_breaks(PrintSetup(paper=9, landscape=True, last_col=0, title_rows=(0, 1)), g, 40) == [
        13, 24, 35]
    # F4 (Folio 8.5 x 13 in) portrait holds 23 rows; half scale twice as many.
    assert page_breaks(PrintSetup(paper=14, last_col=0), g, 40) == [23]
    assert page_breaks(PrintSetup(paper=14, last_col=0, scale=50), g, 60) == [46]
    # Fit to one page wide: a sheet twice the printable width prints at 50 %.
    wide = SheetGeometry(default_row_height=36.0)
    wide.add_cols(0, 0, 10.0)
    width_pt = wide.col_emu(0) / 12700
    a4_w = 297 * 72 / 25.4 - 1.4 * 72
    wide.add_cols(0, 0, 10.0 * 2 * a4_w / width_pt)
    fit = PrintSetup(paper=9, landscape=True, fit_to_page=True, fit_width=1, fit_height=0, last_col=0)
    assert page_breaks(fit, wide, 60)[0] in (26, 27)
    # Fit to one page wide and tall: no break at all.
    assert page_breaks(PrintSetup(paper=9, fit_to_page=True, last_col=0), g, 200) == []


def test_an_arrow_over_a_page_break_becomes_an_offpage_pair(tmp_path):
    src = build_two_pages(tmp_path / "dua.xlsx")
    draw_workbook(src, _cfg())
    shapes = _sopxl_shapes(src)
    offs = _offpage(src)
    # Two crossings: step 4 -> 5 down onto page 2 ("A"), the Tidak loop 5 -> 3 back up ("B").
    assert sorted(s.text for s in offs) == ["A", "A", "B", "B"]
    first_page2 = BREAK_AFTER  # zero-based first row of page 2
    a_out, a_in = sorted((s for s in offs if s.text == "A"), key=lambda s: s.top)
    # "A" just below step 4 in the last row of page 1, and just above step 5 at the top of page 2,
    # each in its actor's column (Staf Pelaksana = D, Kepala Bagian = E).
    assert int(a_out.top) == int(a_out.bottom) == first_page2 - 1
    assert int(a_out.left) == 3
    assert int(a_in.top) == int(a_in.bottom) == first_page2
    assert int(a_in.left) == 4
    b_in, b_out = sorted((s for s in offs if s.text == "B"), key=lambda s: s.top)
    assert int(b_out.top) == first_page2 and int(b_out.left) == 4  # beside the decision
    assert int(b_in.top) == FIRST_STEP_ROW - 1 + 2 and int(b_in.left) == 3  # beside step 3
    # No arrow runs over the break; each half is glued to a connector at one end.
    by_id = {s.id: s for s in shapes}
    arrows = [s for s in shapes if s.kind == "connector"]
    for s in arrows:
        assert (min(s.top, s.bottom) < first_page2) == (max(s.top, s.bottom) < first_page2), s
    for off in offs:
        glued = [a for a in arrows if off.id in (a.start_id, a.end_id)]
        assert len(glued) == 1
        other = by_id[glued[0].end_id if glued[0].start_id == off.id else glued[0].start_id]
        assert other.kind in ("process", "decision")
    # 7 symbols + 4 connectors; 5 same-page arrows + 2 jumps of two halves; Ya and Tidak labels
    assert len(shapes) == 11 + 9 + 2
    labels = {s.text for s in shapes if s.kind == "text"}
    assert labels == {"Ya", "Tidak"}


def test_the_two_pages_read_back_as_the_typed_flow(tmp_path):
    src = build_two_pages(tmp_path / "dua.xlsx")
    draw_workbook(src, _cfg())
    typed = [_summary(d, from_shapes=False) for d in _docs(src, from_shapes=False)]
    drawn = [_summary(d, from_shapes=True) for d in _docs(src, from_shapes=True)]
    assert drawn == typed
    doc = _docs(src, from_shapes=True)[0]
    nexts = {s.number.value: sorted(doc.steps[j].number.value for j in s.next_steps) for s in doc.steps}
    assert nexts == {"1": ["2"], "2": ["3"], "3": ["4"], "4": ["5"], "5": ["3", "6"], "6": ["7"],
                     "7": []}


def test_drawing_without_a_break_draws_no_connector(tmp_path):
    src = build_sop(tmp_path / "sop.xlsx", steps=PAGE_STEPS)
    draw_workbook(src, _cfg())
    assert _offpage(src) == []


def test_mojokerto_repeated_headers_over_two_pages(tmp_path):
    """The Mojokerto draft repeats its header every five steps; the office breaks the page
    before each repeat. One pair per step-to-step arrow over a break, read back unchanged."""
    from office_drafts import build_workbook
    from openpyxl import load_workbook
    from openpyxl.worksheet.pagebreak import Break

    src = tmp_path / "mojokerto.xlsx"
    placed = build_workbook(src, layouts=("mojokerto",), extra_sheets=False)
    rows = placed[0].step_rows[0]
    wb = load_workbook(src)
    ws = wb.active
    gaps = [a for a, b in zip(rows, rows[1:]) if b > a + 1]  # last step row before each repeat
    for last in gaps:
        ws.row_breaks.append(Break(id=last + 1))  # after the blank row, before the header
    wb.save(src)
    draw_workbook(src, _cfg())
    offs = _offpage(src)
    assert len(offs) == 2 * len(gaps)
    letters = sorted({s.text for s in offs})
    assert letters == [chr(65 + k) for k in range(len(gaps))]
    for letter, last in zip(letters, gaps):
        pair = sorted((s for s in offs if s.text == letter), key=lambda s: s.top)
        assert [int(s.top) for s in pair] == [last - 1, rows[rows.index(last) + 1] - 1]
    typed = [_summary(d, from_shapes=False) for d in _docs(src, from_shapes=False)]
    drawn = [_summary(d, from_shapes=True) for d in _docs(src, from_shapes=True)]
    assert drawn == typed


def test_three_actors_in_one_step_are_joined_neighbour_to_neighbour(tmp_path):
    """Regression: the first symbol was joined to each of the others, so with three actors in a
    row the join to the third ran through the middle symbol. Now C–D and D–E, like the PDF."""
    from openpyxl import load_workbook

    src = build_sop(tmp_path / "tiga.xlsx")
    wb = load_workbook(src)
    ws = wb.active
    row = FIRST_STEP_ROW + 2  # step 3, Staf Pelaksana (D); Pemohon (C) and Kepala Bagian (E) too
    ws.cell(row, 3, "Proses")
    ws.cell(row, 5, "Proses")
    wb.save(src)
    draw_workbook(src, _cfg())
    shapes = _sopxl_shapes(src)
    in_row = {s.id: s for s in shapes if s.kind != "connector" and int(s.center[0]) == row - 1}
    assert sorted(int(s.center[1]) for s in in_row.values()) == [2, 3, 4]
    joins = [s for s in shapes if s.kind == "connector" and s.start_id in in_row and s.end_id in in_row]
    pairs = sorted(tuple(sorted((int(in_row[j.start_id].center[1]), int(in_row[j.end_id].center[1]))))
                   for j in joins)
    assert pairs == [(2, 3), (3, 4)]
    for j in joins:  # no join passes over a symbol it does not join
        lo, hi = sorted((j.left, j.right))
        for s in in_row.values():
            if s.id not in (j.start_id, j.end_id):
                assert not (lo < s.center[1] < hi), (j, s)
    # The flow read back from the shapes is still the typed one, all three actors included.
    typed = [_summary(d, from_shapes=False) for d in _docs(src, from_shapes=False)]
    drawn = [_summary(d, from_shapes=True) for d in _docs(src, from_shapes=True)]
    assert drawn == typed and len(typed[0][2][1]) == 3
