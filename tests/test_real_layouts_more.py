"""More office drafts under and around the procedure table (qa2 pass): each must read as the
office meant it, or sopxl must say in a finding what it passed over, never add phantom steps."""
from __future__ import annotations

import pytest
import real_layouts as L
from openpyxl import Workbook
from real_layouts import ROLES, put, step_rows
from test_real_layouts import assert_reads_the_five_steps, check

from sopxl.config import load_config
from sopxl.validate import validate_file


def _draft(path, tail):
    """The standard five-step table, then ``tail`` rows right under the last step."""
    return L.save(L.standard_table(tail)[0], path)


@pytest.mark.parametrize("tail,cells", [
    # The legend typed with the same symbol words in the role columns, no heading.
    ([[], [None, None, "Mulai", "Mulai/Selesai"], [None, None, "Proses", "Proses"],
      [None, None, "Keputusan", "Keputusan"]], "C16:D18"),
    # The legend's heading "Simbol" in the Kegiatan column, on the first symbol's row.
    ([[], [None, "Simbol", "Mulai", "Mulai/Selesai"], [None, None, "Proses", "Proses"]], "B16:D17"),
    # The glyph in the Kegiatan column, its name in the first role column.
    ([[], [None, "⬭", "Mulai/Selesai"], [None, "□", "Proses"], [None, "◇", "Keputusan"]], "B16:C18"),
    ([[], [None, "Mulai", "Mulai/Selesai"], [None, "Proses", "Proses"]], "B16:C17"),
])
def test_symbol_legend_in_the_role_columns_is_not_read_as_steps(tmp_path, tail, cells):
    sop = check(_draft(tmp_path / "legenda.xlsx", tail)).sops[0]
    assert_reads_the_five_steps(sop)
    passed = [f for f in sop.findings if f.code == "baris-akhir-diabaikan"]
    assert len(passed) == 1 and f"Baris {cells} tidak dibaca sebagai langkah" in passed[0].message
    assert passed[0].sheet == "SOP"
    assert not [f for f in sop.findings if f.code in ("nomor-langkah-kosong", "kegiatan-kosong")]


def _covers_then_matrices(path, titles):
    """Two cover sheets first, then two matrix sheets whose titles may not name their cover."""
    wb = Workbook()
    wb.remove(wb.active)
    names = [("Pelayanan Surat Masuk", "800/012/SOP/2023"),
             ("Pelayanan Legalisir Ijazah", "800/013/SOP/2023")]
    for i, (nama, nomor) in enumerate(names, 1):
        put(wb.create_sheet(f"Cover {i}"), 1, [
            ["KEMENTERIAN AGAMA", None, "Nomor SOP", ":", nomor],
            [None, None, "Tgl Pembuatan", ":", "02-01-2023"],
            [None, None, "Tgl. Disahkan", ":", "16-01-2023"],
            [None, None, "Disahkan oleh", ":", "Kepala Madrasah"],
            [None, None, "Nama SOP", ":", nama]])
    for i, title in enumerate(titles, 1):
        ws = wb.create_sheet(f"Matriks {i}")
        put(ws, 1, [[title], []])
        put(ws, 3, [["No", "Kegiatan", *ROLES, "Kelengkapan", "Waktu", "Output", "Keterangan"]])
        put(ws, 4, step_rows()[:5 - i + 1])  # five steps, then four: the SOPs differ
    return L.save(wb, path)


@pytest.mark.parametrize("titles", [
    ["", ""],  # no title at all
    ["SOP Penerimaan Surat", "SOP Legalisasi Ijazah"],  # titles that name no cover exactly
    ["SOP PELAYANAN SURAT MASUK", "SOP PELAYANAN LEGALISIR IJAZAH"],  # titles that do
])
def test_cover_cover_matrix_matrix_pairs_in_order(tmp_path, titles):
    r = check(_covers_then_matrices(tmp_path / "madrasah.xlsx", titles))
    got = [(len(s.doc.steps), s.doc.identity_sheet, s.doc.identity["nomor"].value) for s in r.sops]
    assert got == [(5, "Cover 1", "800/012/SOP/2023"), (4, "Cover 2", "800/013/SOP/2023")]
    # The pairing is told on the matrix sheet, at its table's header (was no cell at all).
    paired = [(f.sheet, f.cell) for s in r.sops for f in s.findings if f.code == "identitas-lembar-lain"]
    assert paired == [("Matriks 1", "A3"), ("Matriks 2", "A3")]


@pytest.mark.parametrize("tail,cells", [
    ([[], [1, "Waktu dalam menit"], [2, "Hari adalah hari kerja"]], "A16:B17"),  # notes numbered anew
    ([[], ["*", "Waktu dalam menit"], ["1)", "Hari adalah hari kerja"]], "A16:B17"),
])
def test_numbered_notes_under_the_table_are_not_steps(tmp_path, tail, cells):
    sop = check(_draft(tmp_path / "catatan.xlsx", tail)).sops[0]
    assert_reads_the_five_steps(sop)
    passed = [f for f in sop.findings if f.code == "baris-akhir-diabaikan"]
    assert len(passed) == 1 and f"Baris {cells} tidak dibaca sebagai langkah" in passed[0].message
    assert not [f for f in sop.findings if f.code == "nomor-langkah-ganda"]


def test_a_sixth_step_without_symbol_is_still_a_step(tmp_path):
    """A next number (6) is a step the office forgot to mark, not a note: it stays, flagged."""
    sop = check(_draft(tmp_path / "lupa.xlsx", [[6, "Menyerahkan arsip"]])).sops[0]
    assert [s.number_value for s in sop.doc.steps] == [1, 2, 3, 4, 5, 6]
    assert ("langkah-tanpa-pelaksana", "C15") in [(f.code, f.cell) for f in sop.findings]


def test_passed_over_rows_say_why_in_the_users_language(tmp_path):
    """The reason in baris-akhir-diabaikan was Indonesian inside the English message."""
    path = _draft(tmp_path / "catatan.xlsx", [[], [1, "Waktu dalam menit"]])
    en = [f for f in validate_file(str(path), load_config(lang="en")).sops[0].findings
          if f.code == "baris-akhir-diabaikan"]
    assert [(f.sheet, f.cell) for f in en] == [("SOP", "A16")]
    assert en[0].message.startswith("Rows A16:B16 were not read as steps (a row after the last step")
    idn = [f for f in check(path).sops[0].findings if f.code == "baris-akhir-diabaikan"]
    assert "(baris sesudah langkah terakhir yang tidak berbentuk langkah)" in idn[0].message


def test_dated_signature_rows_are_listed_in_row_order(tmp_path):
    """"Bandung, 2 Januari 2023" above "KEPALA BAGIAN UMUM": two passed-over blocks, listed
    top to bottom (E17 came before E16)."""
    tail = [[], [None] * 4 + ["Bandung, 2 Januari 2023"], [None] * 4 + ["KEPALA BAGIAN UMUM"]]
    sop = check(_draft(tmp_path / "ttd.xlsx", tail)).sops[0]
    assert_reads_the_five_steps(sop)
    cells = [f.cell for f in sop.findings if f.code == "baris-akhir-diabaikan"]
    assert len(cells) >= 1 and cells == sorted(cells, key=lambda c: int(c[1:])), cells
    assert "E16" in cells


def _typo_waktu(path, label):
    wb, ws, top = L.sop_sheet()
    put(ws, top, [["No", "Kegiatan", "Pelaksana", None, None, "Mutu Baku", None, None, "Keterangan"],
                  [None, None, *ROLES, "Kelengkapan", label, "Output"]])
    ws.merge_cells(start_row=top, start_column=3, end_row=top, end_column=5)
    ws.merge_cells(start_row=top, start_column=6, end_row=top, end_column=8)
    put(ws, top + 2, step_rows(waktu="bare"))
    return L.save(wb, path)


@pytest.mark.parametrize("label", ["Wktu (mnt)", "Waktu (mnt)", "Wktu (menit)"])
def test_short_waktu_label_typo_is_read(tmp_path, label):
    """"Wktu (mnt)": typo tolerance skips short words, so the alias list names it; the total
    was lost and kolom-mutu-baku-hilang pointed at B8."""
    sop = check(_typo_waktu(tmp_path / "wktu.xlsx", label)).sops[0]
    assert_reads_the_five_steps(sop)
    assert "waktu" in sop.doc.sections[0].columns
    assert not [f for f in sop.findings if f.code == "kolom-mutu-baku-hilang"]
    assert [s.waktu.value for s in sop.doc.steps][0]


def test_jumlah_formula_without_saved_result_says_it_was_not_checked(tmp_path):
    """A JUMLAH row written by a tool (=SUM(...), never opened in Excel) has no saved figure:
    the finding must say the total could not be checked, not just "JUMLAH"."""
    row = ["JUMLAH", None, None, None, None, None, "=SUM(G10:G14)"]
    sop = check(_draft(tmp_path / "rumus.xlsx", [row])).sops[0]
    assert_reads_the_five_steps(sop)
    unchecked = [(f.cell, f.severity) for f in sop.findings if f.code == "jumlah-tidak-diperiksa"]
    assert unchecked == [("G15", "info")]
    msg = next(f.message for f in sop.findings if f.code == "jumlah-tidak-diperiksa")
    assert "tidak dapat diperiksa" in msg
    # A JUMLAH with its figure written is checked as before: no such finding.
    ok = check(_draft(tmp_path / "angka.xlsx", [["JUMLAH", None, None, None, None, None, 45]])).sops[0]
    assert not [f for f in ok.findings if f.code == "jumlah-tidak-diperiksa"]


def _cover_then_matrix(path, title):
    wb = Workbook()
    wb.remove(wb.active)
    put(wb.create_sheet("Cover"), 1, [
        ["KEMENTERIAN AGAMA", None, "Nomor SOP", ":", "800/012/SOP/2023"],
        [None, None, "Disahkan oleh", ":", "Kepala Madrasah"],
        [None, None, "Nama SOP", ":", "Pelayanan Surat Masuk"]])
    ws = wb.create_sheet("Matriks")
    put(ws, 1, [[title], []])
    put(ws, 3, [["No", "Kegiatan", *ROLES, "Kelengkapan", "Waktu", "Output", "Keterangan"]])
    put(ws, 4, step_rows())
    return L.save(wb, path)


def test_cover_and_matrix_titles_that_differ_are_warned(tmp_path):
    """One cover, one matrix, titles that name different procedures: paired (nothing else to
    pair), but a warning names both cells so a coordinator sees a possible wrong pairing."""
    sop = check(_cover_then_matrix(tmp_path / "beda.xlsx", "Prosedur Penerimaan Surat Masuk Dinas")).sops[0]
    assert sop.doc.identity_sheet == "Cover"
    warned = [f for f in sop.findings if f.code == "nama-sop-beda-judul"]
    assert [(f.sheet, f.cell, f.severity) for f in warned] == [("Matriks", "A1", "warning")]
    assert '"Pelayanan Surat Masuk" di lembar "Cover" (E3)' in warned[0].message
    assert "Prosedur Penerimaan Surat Masuk Dinas" in warned[0].message
    same = check(_cover_then_matrix(tmp_path / "sama.xlsx", "SOP PELAYANAN SURAT MASUK")).sops[0]
    assert not [f for f in same.findings if f.code == "nama-sop-beda-judul"]
