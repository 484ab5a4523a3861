"""Real offices' table habits, one regression test each (issue #13): the SOP must read as the
office meant it, or sopxl must say what it did not understand, never read it wrong in silence."""
from __future__ import annotations

import pytest
import real_layouts as L
import text_actor_layouts as T

from sopxl.config import load_config
from sopxl.validate import validate_file


def check(path):
    return validate_file(str(path), load_config())


def codes(sop) -> list[tuple[str, str | None]]:
    return [(f.code, f.cell) for f in sop.findings]


def assert_reads_the_five_steps(sop, minutes: float = L.TOTAL) -> None:
    doc = sop.doc
    assert [s.number_value for s in doc.steps] == [1, 2, 3, 4, 5]
    assert [s.kegiatan.value for s in doc.steps] == [s[0] for s in L.STEPS]
    assert doc.roles == L.ROLES
    assert [s.actors for s in doc.steps] == [[L.ROLES[s[1]]] for s in L.STEPS]
    assert [s.symbol for s in doc.steps] == ["terminator", "process", "decision", "process", "terminator"]
    assert [(b.label, b.target) for b in doc.steps[2].branches] == [("Ya", "4"), ("Tidak", "2")]
    assert sop.totals.total == (minutes, minutes)


def test_step_numbers_typed_in_the_kegiatan_text(tmp_path):
    r = check(L.numbers_in_kegiatan(tmp_path / "kelurahan.xlsx"))
    assert r.skipped == [] and len(r.sops) == 1
    sop = r.sops[0]
    assert_reads_the_five_steps(sop)
    # The number and the kegiatan both point at the one cell they share.
    assert sop.doc.steps[0].number.cell == sop.doc.steps[0].kegiatan.cell == "A10"
    assert not [c for c in codes(sop) if c[0].startswith("nomor-langkah")]


def test_unlabelled_number_column_under_a_merged_uraian_prosedur(tmp_path):
    sop = check(L.unlabelled_number_column(tmp_path / "pengadilan.xlsx")).sops[0]
    assert_reads_the_five_steps(sop)
    assert sop.doc.steps[0].number.cell == "A10" and sop.doc.steps[0].kegiatan.cell == "B10"
    assert sop.doc.sections[0].columns["kelengkapan"] == 5


@pytest.mark.parametrize("pelaksana,mutu,kegiatan", [
    ("Pelaksana", "Mutu Baku", "Kegiatan"),
    ("Pelaksanaan", "Baku Mutu", "Kegiatan"),
    ("Pejabat  Pelaksana", "MUTU  BAKU", "Uraian  Kegiatan"),
    ("PELAKSANA :", "Mutu Buku", "KEGIATAN."),
    ("Pelaksna", "Mutu  Baku.", "Kegiatn"),  # one typo in each long word
    ("PELAKSANA KEGIATAN", "MUTU BAKU", "Uraian Kegiatan Pelayanan"),  # a label that goes on
])
def test_group_header_variants_and_typos(tmp_path, pelaksana, mutu, kegiatan):
    sop = check(L.group_typos(tmp_path / "grup.xlsx", pelaksana, mutu, kegiatan)).sops[0]
    assert_reads_the_five_steps(sop)
    assert set(sop.doc.sections[0].columns) >= {"kelengkapan", "waktu", "output", "keterangan"}
    assert not [c for c in codes(sop) if c[0].startswith(("kolom-", "waktu-"))]


def test_typo_tolerance_never_applies_to_short_words():
    from sopxl.parse.text import near

    assert near("pelaksana", "pelaksna") and near("kegiatan", "kegiatn")
    assert not near("baku", "buku") and not near("no", "ke") and not near("waktu", "wakt")
    assert not near("pelaksana", "pelaksanaan")  # two letters: only as a listed alias


def test_rows_under_the_last_step_are_not_steps_and_are_reported(tmp_path):
    sop = check(L.table_end(tmp_path / "akhir.xlsx")).sops[0]
    assert_reads_the_five_steps(sop)
    ignored = [f for f in sop.findings if f.code == "baris-akhir-diabaikan"]
    assert [f.severity for f in ignored] == ["info"]
    # One block from the JUMLAH row down to the NIP line, with its cells named.
    assert ignored[0].cell == "A15"
    assert "A15:G26" in ignored[0].message and "JUMLAH" in ignored[0].message
    assert "jumlah-waktu-berbeda" not in [c[0] for c in codes(sop)]


def test_a_jumlah_figure_that_differs_from_the_steps_total_is_a_finding(tmp_path):
    sop = check(L.table_end(tmp_path / "akhir.xlsx", jumlah=35)).sops[0]
    assert sop.totals.total == (L.TOTAL, L.TOTAL)  # the JUMLAH row is no step with waktu 35
    wrong = [f for f in sop.findings if f.code == "jumlah-waktu-berbeda"]
    assert [(f.severity, f.cell) for f in wrong] == [("warning", "G15")]
    assert "35" in wrong[0].message and str(L.TOTAL) in wrong[0].message


def test_a_signature_with_no_known_word_is_passed_over_with_a_note(tmp_path):
    sop = check(L.signature_without_words(tmp_path / "ttd.xlsx")).sops[0]
    assert_reads_the_five_steps(sop)
    ignored = [f for f in sop.findings if f.code == "baris-akhir-diabaikan"]
    assert [f.cell for f in ignored] == ["E15"] and "E15:E16" in ignored[0].message


def test_waktu_number_and_unit_in_two_columns(tmp_path):
    sop = check(L.waktu_split(tmp_path / "puskesmas.xlsx")).sops[0]
    assert_reads_the_five_steps(sop)
    assert sop.doc.steps[0].waktu.value == "5 Menit" and sop.doc.steps[0].waktu.cell == "G10"
    assert sop.doc.sections[0].columns["output"] == 8
    assert not [c for c in codes(sop) if c[0].startswith("waktu-")]


def test_waktu_unit_only_in_the_header(tmp_path):
    sop = check(L.waktu_unit_in_header(tmp_path / "jam.xlsx")).sops[0]
    assert_reads_the_five_steps(sop)


def test_identity_on_its_own_sheet_is_paired_with_the_matrix(tmp_path):
    r = check(L.identity_sheets(tmp_path / "madrasah.xlsx"))
    assert [s.doc.sheet for s in r.sops] == ["Prosedur 1", "Prosedur 2"]
    first, second = r.sops
    assert first.doc.nomor == "800/012/SOP/2023" and first.doc.nama == "Pelayanan Surat Masuk"
    assert second.doc.nomor == "800/013/SOP/2023"
    assert first.doc.identity["tanggal_efektif"].value == "16-01-2023"
    assert_reads_the_five_steps(first)
    # Identity findings point at the identity sheet's cells, the rest at the matrix sheet's.
    revisi = next(f for f in first.findings if f.code == "revisi-kosong")
    assert (revisi.sheet, revisi.cell) == ("Identitas 1", "E3")
    paired = next(f for f in first.findings if f.code == "identitas-lembar-lain")
    assert "Identitas 1" in paired.message
    assert [s for s, _ in r.skipped] == ["Identitas 1", "Identitas 2"]


def test_identity_sheets_are_paired_by_nama_when_out_of_order(tmp_path):
    r = check(L.identity_sheets(tmp_path / "silang.xlsx", order="crossed"))
    assert [(s.doc.sheet, s.doc.nomor) for s in r.sops] == [
        ("Prosedur 1", "800/012/SOP/2023"), ("Prosedur 2", "800/013/SOP/2023")]


def test_identity_label_variants_and_an_empty_value_never_takes_the_next_label(tmp_path):
    doc = check(L.identity_labels(tmp_path / "bps.xlsx")).sops[0].doc
    ident = {k: (v.value, v.cell) for k, v in doc.identity.items()}
    assert ident["nomor"] == ("BPS-001/2021", "E1")
    assert ident["tanggal_efektif"] == ("11-01-2021", "E3")
    assert ident["disahkan_oleh"] == ("Kepala BPS Kabupaten", "E4")
    assert ident["nama"] == ("Pengolahan Data Survei", "E5")
    assert ident["tanggal_revisi"] == ("", "E6")


def test_a_sheet_that_looks_like_an_sop_but_cannot_be_read_is_reported(tmp_path):
    r = check(L.unreadable_matrix(tmp_path / "aneh.xlsx"))
    assert r.sops == []
    found = [(f.code, f.sheet, f.severity) for f in r.findings]
    assert ("sop-tidak-terbaca", "SOP Aneh", "warning") in found


def test_waktu_as_offices_write_it(tmp_path):
    # "1/2 jam" was once read as one to two hours: half an hour is what the office meant.
    texts = ["1/2 jam", "3 (tiga) hari", "1 x 24 jam", "5'", "½ hari"]
    sop = check(L.waktu_texts(tmp_path / "waktu.xlsx", texts)).sops[0]
    # "1 x 24 jam" is one working day (tests/test_reader_gaps.py), said as waktu-24-jam.
    assert [s.minutes for s in sop.doc.steps] == [(30, 30), (1350, 1350), (450, 450), (5, 5), (225, 225)]
    assert [s.waktu.value for s in sop.doc.steps] == texts  # shown as written
    assert [c for c in codes(sop) if c[0].startswith("waktu-")] == [("waktu-24-jam", "G11")]


def test_branches_written_as_sentences_in_keterangan(tmp_path):
    ket = [None, None, "Jika lengkap, dilanjutkan ke no. 4, jika tidak lengkap, dikembalikan ke no. 2",
           None, None]
    doc = check(L.waktu_texts(tmp_path / "cabang.xlsx", ket, col=8)).sops[0].doc
    assert [(b.label, b.target) for b in doc.steps[2].branches] == [("Lengkap", "4"), ("Tidak lengkap", "2")]


def test_a_subtotal_row_between_sections_does_not_swallow_the_next_section(tmp_path):
    sop = check(L.subtotal_between_sections(tmp_path / "subtotal.xlsx")).sops[0]
    assert_reads_the_five_steps(sop)
    assert [sec.name for sec in sop.doc.sections] == ["A. PENERIMAAN", "B. PENYELESAIAN"]
    ignored = [f.cell for f in sop.findings if f.code == "baris-akhir-diabaikan"]
    assert ignored == ["A13", "A17"]  # each JUMLAH row on its own
    assert "jumlah-waktu-berbeda" not in [c[0] for c in codes(sop)]  # each sums its own section


def test_status_sheet_links_identity_findings_to_the_identity_sheet(tmp_path):
    import io

    from openpyxl import load_workbook

    from sopxl.cli import run

    path = L.identity_sheets(tmp_path / "madrasah.xlsx")
    assert run(["validate", "--write", str(path)], io.StringIO(), io.StringIO()) == 0
    status = load_workbook(path)["Status"]
    links = {(c.value, c.hyperlink.location) for row in status.iter_rows() for c in row if c.hyperlink}
    # Sheet and cell of a box missing on the cover sheet link there, the matrix's links stay.
    assert ("Identitas 1", "'Identitas 1'!A1") in links
    assert ("Prosedur 1", "'Prosedur 1'!A1") in links


def test_role_names_merged_over_both_header_rows_without_a_pelaksana_group(tmp_path):
    sop = check(L.roles_without_group(tmp_path / "tanpa_grup.xlsx")).sops[0]
    assert_reads_the_five_steps(sop)


def test_a_kegiatan_typed_over_two_rows_is_one_step(tmp_path):
    sop = check(L.kegiatan_over_two_rows(tmp_path / "dua_baris.xlsx")).sops[0]
    assert_reads_the_five_steps(sop)
    step = sop.doc.steps[1]
    assert (step.kegiatan.value, step.kegiatan.cell) == ("Mencatat surat di buku agenda", "B10")
    assert (step.output.value, step.output.cell) == ("Agenda", "H11")


def test_waktu_unit_column_with_no_header(tmp_path):
    sop = check(L.waktu_unit_column_without_header(tmp_path / "satuan.xlsx")).sops[0]
    assert_reads_the_five_steps(sop)
    assert sop.doc.roles == L.ROLES  # the unit column is no role and no branch column
    assert sop.doc.sections[0].branch_columns == {}


def test_kegiatan_placed_from_the_groups_when_its_label_is_unknown(tmp_path):
    sop = check(L.unknown_kegiatan_label(tmp_path / "rincian.xlsx")).sops[0]
    assert_reads_the_five_steps(sop)
    assert sop.doc.steps[0].number.cell == "A10" and sop.doc.steps[0].kegiatan.cell == "B10"


def test_an_unnumbered_last_step_drawn_as_a_shape_is_kept(tmp_path):
    # The rows under the last numbered step were once taken off before drawn shapes gave them
    # their symbol: a "Selesai" capsule drawn on an unnumbered last row was lost.
    from corpus.builder import Arrow, Shape, Sheet, build, rows

    steps = [[1, "Menerima surat masuk"], [2, "Mencatat surat"], [None, "Surat diarsipkan"]]
    sheet = Sheet("SOP", cells={**rows("A1", [["No", "Kegiatan", "Petugas", "Kasubbag", "Kelengkapan",
                                                 "Waktu", "Output", "Keterangan"]]),
                                **rows("A2", steps)},
                  shapes=[Shape("C2", "terminator"), Shape("D3", "rect"), Shape("C4", "terminator")],
                  arrows=[Arrow(0, 1), Arrow(1, 2)])
    doc = check(build([sheet], tmp_path / "gambar.xlsx")).sops[0].doc
    assert [s.kegiatan.value for s in doc.steps] == ["Menerima surat masuk", "Mencatat surat",
                                                     "Surat diarsipkan"]
    assert [s.actors for s in doc.steps] == [["Petugas"], ["Kasubbag"], ["Petugas"]]


def test_a_symbol_pasted_as_a_picture_names_its_role_and_says_so(tmp_path):
    from corpus.builder import Shape, Sheet, build, rows

    steps = [[1, "Menerima surat masuk"], [2, "Memberi disposisi"], [3, "Mengarsipkan surat"]]
    sheet = Sheet("SOP", cells={**rows("A1", [["No", "Kegiatan", "Petugas", "Kasubbag", "Kelengkapan",
                                                 "Waktu", "Output", "Keterangan"]]),
                                **rows("A2", steps)},
                  shapes=[Shape("C2", "terminator"), Shape("D3", "picture"), Shape("C4", "terminator")])
    sop = check(build([sheet], tmp_path / "gambar.xlsx")).sops[0]
    assert [s.actors for s in sop.doc.steps] == [["Petugas"], ["Kasubbag"], ["Petugas"]]
    assert [(f.code, f.cell, f.severity) for f in sop.findings if f.code == "simbol-gambar"] == [
        ("simbol-gambar", "D3", "info")]


def test_page_numbers_left_in_the_sheet_are_no_steps(tmp_path):
    sop = check(L.page_numbers(tmp_path / "halaman.xlsx")).sops[0]
    assert_reads_the_five_steps(sop)
    assert not [c for c in codes(sop) if c[0] in ("nomor-langkah-kosong", "penanda-tidak-dikenal")]


def test_a_misspelt_unit_is_still_a_unit(tmp_path):
    sop = check(L.waktu_texts(tmp_path / "minit.xlsx", ["5 minit", "10 menit", "15 Menit", "5 mnt",
                                                        "10 menit"])).sops[0]
    assert_reads_the_five_steps(sop)


def test_a_table_going_on_over_the_next_sheet_is_one_sop(tmp_path):
    r = check(L.table_over_two_sheets(tmp_path / "dua_lembar.xlsx"))
    assert len(r.sops) == 1
    sop = r.sops[0]
    assert sop.doc.nomor == "800/012/SOP/2023"
    assert_reads_the_five_steps(sop)
    # A finding on a step of the second sheet names that sheet; the first sheet's stay there.
    out = next(f for f in sop.findings if f.code == "output-kosong")
    assert (out.sheet, out.cell) == ("Prosedur (2)", "H3")
    assert ("Prosedur (2)", "lanjutan-sop") in r.skipped
    assert [(f.code, f.sheet) for f in r.findings if f.code == "tabel-lanjutan-lembar"] == [
        ("tabel-lanjutan-lembar", "Prosedur (2)")]


def test_an_office_adds_its_own_table_end_words_in_the_config(tmp_path):
    import json

    from openpyxl import load_workbook

    # "Lama Proses" closing the table is no word sopxl knows: the row is passed over as an
    # unnumbered row, its figure unchecked. Named by the office as a JUMLAH row, it is checked.
    path = L.waktu_texts(tmp_path / "lama.xlsx", [])
    wb = load_workbook(path)
    wb["SOP"]["A14"] = "Lama Proses"
    wb["SOP"]["G14"] = "35 menit"
    wb.save(path)
    conf = tmp_path / "kantor.json"
    conf.write_text(json.dumps({"labels": {"table_end": {"jumlah": ["Lama Proses"]}}}), encoding="utf-8")
    for cfg, differs in ((load_config(), []), (load_config(conf), ["G14"])):
        sop = validate_file(str(path), cfg).sops[0]
        assert_reads_the_five_steps(sop)
        assert [f.cell for f in sop.findings if f.code == "baris-akhir-diabaikan"] == ["A14"]
        assert [f.cell for f in sop.findings if f.code == "jumlah-waktu-berbeda"] == differs


def test_the_name_written_as_a_banner_with_no_label(tmp_path):
    doc = check(L.name_as_banner(tmp_path / "banner.xlsx")).sops[0].doc
    assert (doc.nama, doc.identity["nama"].cell) == ("S.O.P PENGELOLAAN SURAT MASUK", "A3")


def test_one_figure_in_a_sentence_is_the_waktu_and_says_so(tmp_path):
    texts = ["Pada hari kerja, maksimal 30 menit", "1 (satu) hari kerja sejak berkas diterima",
             "Antara 5 menit dan 2 jam", "5 menit", "10 menit"]
    sop = check(L.waktu_texts(tmp_path / "kalimat.xlsx", texts)).sops[0]
    assert [s.minutes for s in sop.doc.steps[:3]] == [(30, 30), (450, 450), None]
    assert [(f.code, f.cell) for f in sop.findings if f.code.startswith("waktu-")] == [
        ("waktu-dari-kalimat", "G9"), ("waktu-dari-kalimat", "G10"), ("waktu-tidak-terbaca", "G11")]


def _ignored_cells(sop) -> list[str]:
    return [f.message.split()[1] for f in sop.findings if f.code == "baris-akhir-diabaikan"]


def test_pelaksana_typed_as_names_in_one_column(tmp_path):
    """Madrasah pages (Kemenag): the actor of each step is a name in one Pelaksana column.
    The row under "Pelaksana" is step 1, not a row of role names."""
    sop = check(T.two_tables(tmp_path / "madrasah.xlsx")).sops[0]
    doc = sop.doc
    assert doc.roles == ["Pemohon", "Staf TU", "Kepala Madrasah", "Siswa", "Wali Kelas"]
    assert [s.actors for s in doc.steps] == [["Pemohon"], ["Staf TU"], ["Kepala Madrasah"],
                                             ["Siswa"], ["Wali Kelas"]]
    assert [s.kegiatan.value for s in doc.steps][:2] == ["Mengisi formulir permohonan",
                                                        "Memeriksa data siswa"]
    assert doc.steps[1].markers[0].cell == "C12"
    told = [(f.code, f.severity, f.cell) for f in sop.findings if f.code == "pelaksana-sebagai-teks"]
    assert told == [("pelaksana-sebagai-teks", "info", "C10")]
    assert "simbol-tidak-dikenal" not in [c[0] for c in codes(sop)]


def test_prose_between_and_after_text_actor_tables_is_no_step(tmp_path):
    """"Persyaratan:", "Waktu Penyelesaian: …", "Sama dengan …", notes, a register table with a
    sample row numbered 1 and the signature are passed over and reported; the second table,
    numbered again from 1, goes on with the same SOP's steps."""
    r = check(T.two_tables(tmp_path / "madrasah.xlsx"))
    assert len(r.sops) == 1
    sop = r.sops[0]
    assert [s.number_value for s in sop.doc.steps] == [1, 2, 3, 1, 2]
    assert [s.row + 1 for s in sop.doc.steps] == [11, 12, 13, 22, 23]
    # 10 + 15 + 1 hari (450) + 5 + 5 minutes; "1-2 hari kerja" under the table is not added.
    assert sop.totals.total == (485, 485)
    # Every prose row is named in a finding; the titles "B. …" and "C. …" (rows 16, 19) are
    # section titles; the notes, the register table and the signature are one block.
    assert _ignored_cells(sop) == ["A14:A15", "A17:A18", "A20", "A24:E30"]
    ignored = [f for f in sop.findings if f.code == "baris-akhir-diabaikan"]
    assert {f.severity for f in ignored} == {"info"}
    assert "Waktu Penyelesaian: 1-2 hari kerja" in ignored[0].message
    assert "tabel prosedur" in ignored[0].message


def test_decision_typed_as_a_step_with_its_branch_on_the_row_below(tmp_path):
    sop = check(T.decision_as_step(tmp_path / "perpustakaan.xlsx")).sops[0]
    steps = sop.doc.steps
    assert [s.number_value for s in steps] == [1, 2, 3, 4]
    assert [s.symbol for s in steps] == ["terminator", "decision", "process", "terminator"]
    assert [(b.label, b.target) for b in steps[1].branches] == [("YA", None)]
    assert steps[1].kegiatan.value == "Status OK?"  # the "↓ YA" row is no text of the step
    # The unnumbered list rows go on with step 3, not steps of their own.
    assert steps[2].kegiatan.value == "Sistem mencatat: - Nomor anggota - Tanggal pinjam"
    assert sop.doc.roles == ["Peminjam", "Pustakawan"]


def test_a_one_role_permenpan_header_is_not_read_as_names(tmp_path):
    """A one-cell PELAKSANA over the role's name and a column-number row stays a role column."""
    sop = check(T.one_role_one_column(tmp_path / "satu.xlsx")).sops[0]
    assert sop.doc.roles == ["Operator"]
    assert [s.symbol for s in sop.doc.steps] == ["terminator", "terminator"]
    assert "pelaksana-sebagai-teks" not in [c[0] for c in codes(sop)]


def test_a_line_under_the_branch_row_keeps_the_branch(tmp_path):
    sop = check(T.decision_as_step(tmp_path / "perpustakaan.xlsx", note_under_branch=True)).sops[0]
    step = sop.doc.steps[1]
    assert [(b.label, b.target) for b in step.branches] == [("YA", None)]
    assert step.keterangan.value == "Jika ada masalah, tidak boleh pinjam Cek tunggakan"
    assert len(sop.doc.steps) == 4
