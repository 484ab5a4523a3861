"""The pure readers, case by case, as data: what offices write -> what sopxl understands."""
from __future__ import annotations

import pytest
from office_drafts import build_workbook
from openpyxl import load_workbook

from sopxl.config import load_config
from sopxl.dates import parse_date
from sopxl.durations import format_minutes, format_span
from sopxl.model import Text
from sopxl.parse.branches import branches_from_text
from sopxl.parse.numbers import step_number
from sopxl.parse.vocab import build_vocab
from sopxl.validate import validate_file

VOCAB = build_vocab(load_config())
CAL = load_config().calendar

DURATIONS = [
    ("15 menit", (15, 15)), ("15menit", (15, 15)), ("30 Menit", (30, 30)), ("2 jam", (120, 120)),
    ("3 Jam", (180, 180)), ("1,5 jam", (90, 90)), ("2 hari", (900, 900)), ("1 Hari Kerja", (450, 450)),
    ("1 minggu", (2250, 2250)), ("1 bln", (9000, 9000)), ("1 bulan", (9000, 9000)),
    ("3 - 5 Jam", (180, 300)), ("1-2 hari", (450, 900)), ("2 s.d. 3 hari", (900, 1350)),
    ("2 s/d 3 hari", (900, 1350)), ("maks. 3 hari", (1350, 1350)), ("5-10 menit", (5, 10)),
    ("1 jam 30 menit", (90, 90)), ("30 mnt", (30, 30)), ("3 Jam.", (180, 180)),
]
PROBLEMS = [("-", "tidak-tentu"), ("Disesuaikan", "tidak-tentu"), ("", "kosong"), (None, "kosong"),
            ("10", "tanpa-satuan"), ("lama sekali", "tidak-terbaca"), ("5 kali", "tidak-terbaca")]


@pytest.mark.parametrize("text, minutes", DURATIONS)
def test_waktu_as_offices_write_it(text, minutes):
    reading = VOCAB.durations.read(text)
    assert reading.problem is None and reading.minutes == minutes


@pytest.mark.parametrize("text, problem", PROBLEMS)
def test_waktu_that_cannot_be_counted_is_a_problem_not_zero(text, problem):
    reading = VOCAB.durations.read(text)
    assert reading.minutes is None and reading.problem == problem


def test_bare_numbers_take_the_unit_of_the_header():
    assert VOCAB.durations.read(45, "menit").minutes == (45, 45)
    assert VOCAB.durations.read("2", "jam").minutes == (120, 120)


@pytest.mark.parametrize("minutes, shown", [
    (930, "2 hari 0 jam 30 menit"), (45, "45 menit"), (90, "1 jam 30 menit"), (450, "1 hari 0 jam 0 menit"),
])
def test_totals_read_as_working_days(minutes, shown):
    assert format_minutes(minutes, CAL) == shown


def test_a_range_shows_both_ends():
    assert format_span((180, 300), CAL) == "3 jam 0 menit – 5 jam 0 menit"
    assert format_span(None, CAL) == "-"


@pytest.mark.parametrize("text, iso", [
    ("13-03-2018", "2018-03-13"), ("2 Juni 2025", "2025-06-02"), ("02 June 2025", "2025-06-02"),
    ("JUNI 2020", "2020-06"), ("30 Nopember 2012", "2012-11-30"), ("01/13-03-2018", "2018-03-13"),
    ("2018-03-13", "2018-03-13"), ("31 Februari 2020", None), ("belum", None),
])
def test_dates_as_offices_write_them(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("text, branches", [
    ("Ya: 5; Tidak: 3", [("Ya", "5"), ("Tidak", "3")]),
    ("Tidak → 3", [("Tidak", "3")]),
    ("Dalam kota: 5; Luar kota: 4", [("Dalam kota", "5"), ("Luar kota", "4")]),
    ("jika tidak kembali ke langkah 3", [("Tidak", "3")]),
    ("Tidak lengkap, kembali ke no. 2", [("Tidak lengkap", "2")]),
    ("Ya -> 6\nTidak -> 2", [("Ya", "6"), ("Tidak", "2")]),
    ("Ya", [("Ya", None)]),
    ("Berkas diarsipkan", []),
])
def test_branches_written_in_keterangan(text, branches):
    got = branches_from_text(Text(text, "K9"), VOCAB)
    assert [(b.label, b.target) for b in got] == branches
    assert all(b.cell == "K9" for b in got)


@pytest.mark.parametrize("text, kind", [
    ("Mulai", "terminator"), ("SELESAI", "terminator"), ("Proses", "process"), ("Keputusan", "decision"),
    ("◇", "decision"), ("Penghubung", "offpage"), ("√", "generic"), ("v", "generic"), ("X", "generic"),
    ("●", "generic"), ("→", "arrow"), ("Mulai (kapsul)", "terminator"), ("Segitiga", "unknown"),
])
def test_markers_typed_in_role_cells(text, kind):
    assert VOCAB.marker_kind(text) == kind


@pytest.mark.parametrize("text, n", [("1", 1), ("1.", 1), ("1.0", 1), (" 5 .", 5), ("12)", 12),
                                     ("5.1", None), ("a", None), ("", None)])
def test_step_numbers(text, n):
    assert step_number(text) == n


def test_branch_columns_after_output(tmp_path):
    """Some offices add "Ya"/"Tidak" columns after Output instead of writing in Keterangan."""
    path = tmp_path / "kolom_cabang.xlsx"
    placed = build_workbook(path, extra_sheets=False, layouts=("mojokerto", "mojokerto"), repeat_every=0)
    p = placed[0]
    ket = p.cols["keterangan"]
    header_top = p.step_rows[0][0] - 2
    wb = load_workbook(path)
    ws = wb["SOP 01"]
    ws.insert_cols(ket, 2)
    ws.cell(header_top, ket, "Ya")
    ws.cell(header_top, ket + 1, "Tidak")
    row4 = p.step_rows[0][3]
    role = p.role_cols[0]["Kasubbag Anjab"]
    ws.cell(row4, role, "Keputusan")
    ws.cell(row4, ket, 5)
    ws.cell(row4, ket + 1, "ke 2")
    wb.save(path)
    r = validate_file(str(path), load_config())
    step = r.sops[0].doc.steps[3]
    assert step.symbol == "decision"
    assert [(b.label, b.target, b.source) for b in step.branches] == [("Ya", "5", "column"),
                                                                      ("Tidak", "2", "column")]
    bad = ("keputusan-tanpa-cabang", "cabang-tujuan-tidak-ada")
    assert not [f for f in r.sops[0].findings if f.code in bad]
