"""The Status and Checklist sheets as data, built from real workbooks of the two seeds.

Totals are worked out by hand (1 hari = 7,5 jam = 450 menit, 1 minggu = 5 hari,
1 bulan = 20 hari):

SOP 01: 2+2+3+3+5+5+4+5+2 jam = 31 jam = 1860; 15+15+35+15+15+5+10 = 110 menit;
        3 × 2 hari = 6 hari = 2700  →  4670 menit = 10 hari 2 jam 50 menit.
SOP 02: A: 3 hari + 75 menit = 1425; B: 27 hari + 1 minggu + 3 bulan = 92 hari = 41400,
        + 4 jam + 15 menit = 255  →  43080 menit = 95 hari 5 jam 30 menit.
"""
from __future__ import annotations

import dataclasses

import pytest
from report_builders import build_workbook, seed_sops

from sopxl.a1 import range_to_rowcols
from sopxl.config import load_config
from sopxl.errors import WorkbookError
from sopxl.grid import Grid
from sopxl.model import FileResult
from sopxl.report.answers import (
    Answers,
    EvalAnswer,
    Slot,
    StepAnswer,
    match_steps,
    read_answers,
)
from sopxl.report.build import build_reports
from sopxl.report.checklist import build_checklist
from sopxl.report.status import CHECKED_AT, build_status
from sopxl.sheetspec import STYLES, CellSpec, SheetSpec
from sopxl.validate import validate_file

SOP01_MINUTES, SOP02_MINUTES = 4670, 43080
OPTIONS = ["Berjalan dengan baik", "Tidak berjalan dengan baik"]
QUESTIONS = [
    "Mampu mendorong peningkatan kinerja",
    "Mudah dipahami",
    "Mudah dilaksanakan",
    "Semua orang dapat menjalankan perannya masing-masing",
    "Mampu mengatasi permasalahan yang berkaitan dengan proses",
    "Mampu menjawab kebutuhan peningkatan kinerja organisasi",
    "Sinergi satu dengan lainnya",
]


# -- helpers: read a SheetSpec the way a person reads the sheet ------------------------------

def cell(spec: SheetSpec, a1: str) -> CellSpec:
    from sopxl.a1 import cell_to_rowcol

    return spec.cell(*cell_to_rowcol(a1))


def values(row: list) -> list:
    return [c.value if isinstance(c, CellSpec) else c for c in row]


def table(spec: SheetSpec, first_header: str, second_header: str) -> tuple[int, list[list[CellSpec]]]:
    """The rows of the table whose header starts with these two labels (to the first blank row)."""
    for r, row in enumerate(spec.rows):
        if values(row)[:2] == [first_header, second_header]:
            out = []
            for nxt in spec.rows[r + 1:]:
                if not any(v not in (None, "") for v in values(nxt)):
                    break
                out.append([c if isinstance(c, CellSpec) else CellSpec(c) for c in nxt])
            return r, out
    raise AssertionError(f"no table headed {first_header!r}, {second_header!r}")


def spec_to_grid(spec: SheetSpec) -> Grid:
    """What a reader sees in the written sheet: the values and the merged ranges."""
    vals = {}
    for r, row in enumerate(spec.rows):
        for c, v in enumerate(values(row)):
            if v not in (None, ""):
                vals[(r, c)] = v
    return Grid(spec.name, vals, [range_to_rowcols(m) for m in spec.merges])


def key_rows(spec: SheetSpec) -> dict[str, int]:
    """Row index of every keyed row of a Checklist (key in column K); the first row wins, so a
    kept answer under the "no longer in the SOP" heading does not hide a live step's row."""
    out: dict[str, int] = {}
    for r, row in enumerate(spec.rows):
        key = values(row)[10] if len(row) > 10 else None
        if isinstance(key, str) and key.count("|") >= 2:
            out.setdefault(key, r)
    return out


def first(row: list):
    return values(row)[0] if row else None


def type_answers(grid: Grid, row: int, *answers) -> None:
    for i, a in enumerate(answers):
        grid.values[(row, 6 + i)] = a


# -- fixtures ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> FileResult:
    path = tmp_path_factory.mktemp("seeds") / "bagian_organisasi.xlsx"
    build_workbook(path)
    return validate_file(str(path), load_config())


@pytest.fixture(scope="module")
def status(seeds) -> SheetSpec:
    return build_status(seeds, load_config(), "02-06-2025 09:30", "0.1.0")


def result_of(tmp_path, sops, name="varian.xlsx", lang="id") -> FileResult:
    path = tmp_path / name
    build_workbook(path, sops)
    return validate_file(str(path), load_config(lang=lang))


# -- Status -----------------------------------------------------------------------------------

def test_status_heading_names_file_time_version_and_verdict(status):
    assert status.name == "Status"
    assert cell(status, "A1") == CellSpec("Status Pemeriksaan SOP AP", "title")
    assert cell(status, "A2").value == "Hasil"
    assert cell(status, "B2") == CellSpec("LULUS", "ok")  # warnings only: the workbook passes
    assert cell(status, "D2").value == "2 SOP, 0 galat, 3 peringatan"
    assert values(status.rows[2]) == [
        "Langkah berikutnya", "Tidak ada galat. Tinjau 3 peringatan di SOP 01 (D1, D2, D4) lalu tekan "
        "Validasi lagi (atau jalankan sopxl validate --write)."]
    assert values(status.rows[3])[:2] == ["Berkas", "bagian_organisasi.xlsx"]
    assert values(status.rows[4])[:2] == ["Waktu pemeriksaan", "02-06-2025 09:30"]
    assert status.cell(*CHECKED_AT).value == "02-06-2025 09:30"
    assert values(status.rows[5])[:2] == ["Versi sopxl", "0.1.0"]


def test_status_has_one_row_per_sop_with_steps_and_totals_worked_out_by_hand(status):
    _, rows = table(status, "Lembar", "Langkah")
    assert [values(r) for r in rows] == [
        ["SOP 01", 19, "LULUS", "-", "Penyusunan Informasi Jabatan dan Standar Kompetensi Manajerial/Teknis",
         "Kepala Biro, Kasubbag Anjab, Tim Anjab, Kabag Baga, Kasubbag TU", "10 hari 2 jam 50 menit",
         SOP01_MINUTES, SOP01_MINUTES, 0, 3],  # Keterkaitan "-" is an answer, not a warning
        ["SOP 02", 26, "LULUS", "065/SOP/417.112/02", "PENYUSUNAN STANDAR KOMPETENSI JABATAN (SKJ)",
         "Analisis Jabatan, Kasubbag Kelemb & Anjab, Kabag Organisasi, OPD, Tim", "95 hari 5 jam 30 menit",
         SOP02_MINUTES, SOP02_MINUTES, 0, 0],  # its 26 "kegiatan-diawali-pelaksana" are info
    ]
    # The sheet name jumps to the SOP; the verdict is coloured.
    assert [(r[0].link, r[0].style, r[2].style) for r in rows] == [
        ("'SOP 01'!A1", "link", "ok"), ("'SOP 02'!A1", "link", "ok")]


def test_status_lists_every_finding_with_a_link_to_its_cell(seeds, status):
    top, rows = table(status, "Lembar", "Sel")
    assert len(rows) == sum(len(s.findings) for s in seeds.sops) == 30
    first = rows[:5]
    # Warnings on the register's identity first, then the format, then style (each in sheet order).
    assert [values(r)[:4] for r in first] == [
        ["SOP 01", "D1", "PERINGATAN", "identitas-kosong"],
        ["SOP 01", "D2", "PERINGATAN", "identitas-kosong"],
        ["SOP 01", "D4", "PERINGATAN", "identitas-kosong"],
        ["SOP 01", "D3", "INFO", "revisi-kosong"],
        ["SOP 02", "B19", "INFO", "kegiatan-diawali-pelaksana"],  # SOP 01's "-" box is filled
    ]
    assert [r[1].link for r in first] == ["'SOP 01'!D1", "'SOP 01'!D2", "'SOP 01'!D4", "'SOP 01'!D3",
                                          "'SOP 02'!B19"]
    assert [r[2].style for r in first] == ["warning", "warning", "warning", "text", "text"]
    assert values(first[0])[4:] == ["Nomor SOP belum diisi.",
                                    "Lengkapi Nomor SOP pada blok identitas sebelum SOP disahkan."]
    # Autofilter over exactly the findings table, header included.
    assert status.autofilter == f"A{top + 1}:F{top + 1 + len(rows)}"


def test_status_shows_an_error_verdict_and_the_duplicated_number(tmp_path):
    sops = seed_sops()
    sops[0]["bagian"][0]["langkah"][5]["no"] = "5."  # step 6 numbered "5." again, at A23
    result = result_of(tmp_path, sops)
    spec = build_status(result, load_config(), "t", "v")
    assert cell(spec, "B2") == CellSpec("PERLU PERBAIKAN", "error")
    _, sop_rows = table(spec, "Lembar", "Langkah")
    assert values(sop_rows[0])[2] == "PERLU PERBAIKAN" and sop_rows[0][2].style == "error"
    assert values(sop_rows[0])[9] == 1  # one error
    _, rows = table(spec, "Lembar", "Sel")
    dup = [r for r in rows if values(r)[3] == "nomor-langkah-ganda"]
    assert [(values(r)[:3], r[1].link, r[2].style) for r in dup] == [
        (["SOP 01", "A23", "GALAT"], "'SOP 01'!A23", "error")]
    assert "pertama di A22" in values(dup[0])[4]


def test_status_minutes_per_role(status):
    starts = [r for r, row in enumerate(status.rows) if values(row)[:3] == ["Lembar", "Langkah", "Pelaksana"]]
    assert len(starts) == 1
    body = [values(r) for r in status.rows[starts[0] + 1:starts[0] + 11]]
    by_role = {(r[0], r[2]): r for r in body}
    # Kepala Biro acts in steps 1, 6 and 18: 2 jam + 35 menit + 5 menit = 160 menit.
    assert by_role[("SOP 01", "Kepala Biro")] == ["SOP 01", 3, "Kepala Biro", "2 jam 40 menit", 160, 160]
    # Tim: 10 hari + 1 bulan + 5 hari + 1 bulan = 55 hari = 24750 menit.
    assert by_role[("SOP 02", "Tim")] == ["SOP 02", 4, "Tim", "55 hari 0 jam 0 menit", 24750, 24750]
    assert sum(r[4] for r in body if r[0] == "SOP 01") == SOP01_MINUTES  # one actor per step


def completeness_rows(spec: SheetSpec, sheet: str) -> dict[str, list[CellSpec]]:
    _, rows = table(spec, "Lembar", "Ada")
    return {values(r)[3]: r for r in rows if values(r)[0] == sheet}


def test_status_completeness_checklist_of_the_format(status):
    sop01 = completeness_rows(status, "SOP 01")
    marks = {label: values(r)[1] for label, r in sop01.items()}
    assert [label for label in marks][:13] == [
        "Logo dan nama instansi/unit kerja", "Nomor SOP", "Tanggal Pembuatan", "Tanggal Revisi",
        "Tanggal Efektif", "Disahkan Oleh", "Nama SOP", "Dasar Hukum", "Kualifikasi Pelaksana",
        "Keterkaitan", "Peralatan/Perlengkapan", "Peringatan", "Pencatatan dan Pendataan"]
    assert {label for label, m in marks.items() if m == "✗"} == {
        "Nomor SOP", "Tanggal Pembuatan", "Tanggal Revisi", "Tanggal Efektif"}
    for label in ("Kolom No", "Kolom Kegiatan", "Kolom Pelaksana (satu kolom per jabatan)",
                  "Kolom Kelengkapan (mutu baku)", "Kolom Waktu (mutu baku)", "Kolom Output (mutu baku)",
                  "Kolom Keterangan", "Bagan alir dimulai terminator (Mulai)",
                  "Bagan alir diakhiri terminator (Selesai)"):
        assert marks[label] == "✓", label
    # Each element jumps to its cell; a missing one says why.
    nomor = sop01["Nomor SOP"]
    assert (nomor[1].style, nomor[3].link) == ("error", "'SOP 01'!D1")
    assert values(nomor)[4] == "Nomor SOP belum diisi."
    assert values(sop01["Keterkaitan"])[4] == "-"  # a bare "-" answers "none": the box is filled
    assert sop01["Kolom Waktu (mutu baku)"][3].link == "'SOP 01'!I16"
    assert values(sop01["Langkah kegiatan"])[4] == "19 langkah"
    assert sop01["Bagan alir dimulai terminator (Mulai)"][3].link == "'SOP 01'!C18"
    sop02 = completeness_rows(status, "SOP 02")
    assert all(values(r)[1] == "✓" for label, r in list(sop02.items())[:13])
    assert values(sop02["Kegiatan tiap langkah diawali kata kerja"])[1] == "✗"
    assert "(dan 25 temuan lain)" in values(sop02["Kegiatan tiap langkah diawali kata kerja"])[4]


def test_status_completeness_sees_a_flowchart_without_a_start(tmp_path):
    sops = seed_sops()
    sops[0]["bagian"][0]["langkah"][0]["simbol"] = "Proses"
    spec = build_status(result_of(tmp_path, sops), load_config(), "t", "v")
    row = completeness_rows(spec, "SOP 01")["Bagan alir dimulai terminator (Mulai)"]
    assert values(row)[1] == "✗" and row[3].link == "'SOP 01'!C18"
    assert values(row)[4].startswith("Bagan alir tidak dimulai dengan simbol Mulai")


def test_status_looks_like_an_office_report(status):
    assert status.freeze == "A4"  # title, verdict and what to do next stay in view
    assert status.landscape and status.fit_width
    assert status.print_title_rows == (0, 2)
    assert status.col_widths[4] >= 40  # Nama SOP / Pesan
    used = {c.style for row in status.rows for c in row if isinstance(c, CellSpec)}
    assert used <= set(STYLES) and {"title", "header", "link", "ok", "warning"} <= used
    for m in status.merges:
        range_to_rowcols(m)


def test_status_notes_skipped_sheets_but_not_its_own(seeds):
    result = dataclasses.replace(seeds, skipped=[*seeds.skipped, ("Status", "lembar-sopxl"),
                                                 ("Checklist", "lembar-sopxl")])
    spec = build_status(result, load_config(), "t", "v")
    assert values(spec.rows[-1])[0] == "Lembar yang dilewati (bukan SOP): Daftar Isi"


def test_status_differs_between_runs_only_in_the_time_stamp(seeds):
    a = build_status(seeds, load_config(), "01-01-2025 08:00", "0.1.0")
    b = build_status(seeds, load_config(), "02-01-2025 10:15", "0.1.0")
    diff = [(r, c) for r in range(len(a.rows)) for c in range(len(a.rows[r])) if a.cell(r, c) != b.cell(r, c)]
    assert diff == [CHECKED_AT]
    assert dataclasses.replace(a, rows=[]) == dataclasses.replace(b, rows=[])


def test_status_in_english(tmp_path):
    result = result_of(tmp_path, None, lang="en")
    spec = build_status(result, load_config(lang="en"), "t", "v")
    assert cell(spec, "A1").value == "SOP AP check status"
    assert cell(spec, "B2") == CellSpec("PASSED", "ok")
    _, rows = table(spec, "Sheet", "Steps")
    assert values(rows[0])[6] == "10 days 2 hours 50 minutes"
    _, findings = table(spec, "Sheet", "Cell")
    assert values(findings[0])[2:5] == ["WARNING", "identitas-kosong", "Nomor SOP is empty."]
    assert "Identity" in [values(r)[2] for r in table(spec, "Sheet", "Present")[1]]


def test_status_of_an_unreadable_file_says_so():
    result = FileResult(path="/tmp/rusak.xlsx", error=WorkbookError("Berkas rusak.", code="BERKAS-RUSAK"))
    spec = build_status(result, load_config(), "t", "v")
    assert cell(spec, "B2") == CellSpec("TIDAK TERBACA", "error")
    assert values(table(spec, "Lembar", "Langkah")[1][0])[0] == "Tidak ada lembar SOP di buku kerja ini."


# -- Checklist --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def checklist(seeds) -> SheetSpec:
    return build_checklist(seeds, Answers())


def test_checklist_has_one_row_per_step_in_the_regulations_form(checklist):
    assert checklist.name == "Checklist"
    header = ["No", "Kegiatan (Prosedur)", "Pelaksana", "Kelengkapan", "Waktu", "Output",
              "Penilaian terhadap penerapan", "Catatan hasil penilaian", "Tindakan yang harus diambil",
              "Paraf penilai", "Kunci"]
    assert sum(values(row) == header for row in checklist.rows) == 2  # one form per SOP
    keys = key_rows(checklist)
    step_keys = [k for k in keys if "|evaluasi|" not in k]
    assert step_keys == ([f"SOP 01|1|{n}" for n in range(1, 20)] + [f"SOP 02|1|{n}" for n in range(1, 9)]
                         + [f"SOP 02|2|{n}" for n in range(1, 19)])
    seed = seed_sops()
    for sop in seed:
        for si, section in enumerate(sop["bagian"], start=1):
            for step in section["langkah"]:
                row = checklist.rows[keys[f"{sop['sheet']}|{si}|{step['no'].rstrip('.')}"]]
                assert values(row)[:6] == [step["no"], step["kegiatan"], ", ".join(step["pelaksana"]),
                                           step["kelengkapan"], step["waktu"], step["output"]]
                assert [c.style for c in row[6:10]] == ["input"] * 4
    # Section titles head their steps; the block names its sheet, with a link.
    texts = [first(row) for row in checklist.rows]
    assert "A. PERENCANAAN" in texts and "B. PELAKSANAAN PENYUSUNAN STANDAR KOMPETENSI JABATAN (SKJ)" in texts
    block = next(row for row in checklist.rows if values(row)[:2] == ["Lembar", "SOP 02"])
    assert block[1].link == "'SOP 02'!A1"
    # The identity: a short link on its address, then its text in a wrapped cell of its own.
    assert (values(block)[2], block[2].link) == ("D1", "'SOP 02'!D1")
    assert values(block)[3] == ("Nomor SOP: 065/SOP/417.112/02 | "
                                "Nama SOP: PENYUSUNAN STANDAR KOMPETENSI JABATAN (SKJ)")
    assert block[3].link is None


def test_checklist_offers_the_regulations_choices_as_dropdowns(checklist):
    keys = key_rows(checklist)
    by_options: dict[tuple, list[tuple[int, int]]] = {}
    for v in checklist.validations:
        r1, c1, r2, c2 = range_to_rowcols(v.ref)
        assert c1 == c2 == 6  # column G, "Penilaian terhadap penerapan" / "Ya/Tidak"
        by_options.setdefault(tuple(v.options), []).append((r1, r2))
    monitoring = by_options[tuple(OPTIONS)]
    assert len(monitoring) == 2  # one range per SOP block, over every step row of it
    for sheet, (r1, r2) in zip(("SOP 01", "SOP 02"), monitoring):
        step_rows = [r for k, r in keys.items() if k.startswith(sheet + "|") and "|evaluasi|" not in k]
        assert r1 <= min(step_rows) and r2 == max(step_rows)
        assert values(checklist.rows[r1 - 1])[6] == "Penilaian terhadap penerapan"
    assert by_options[("Ya", "Tidak")] == [
        (keys[f"{sheet}|evaluasi|1"], keys[f"{sheet}|evaluasi|7"]) for sheet in ("SOP 01", "SOP 02")]


def test_checklist_asks_the_seven_evaluation_questions_per_sop(checklist):
    keys = key_rows(checklist)
    for sheet in ("SOP 01", "SOP 02"):
        rows = [checklist.rows[keys[f"{sheet}|evaluasi|{n}"]] for n in range(1, 8)]
        assert [values(r)[1] for r in rows] == QUESTIONS
        assert all(r[6].style == "input" and r[7].style == "input" for r in rows)


def test_answers_typed_into_the_checklist_come_back_in_their_rows(seeds, checklist):
    grid = spec_to_grid(checklist)
    keys = key_rows(checklist)
    type_answers(grid, keys["SOP 01|1|3"], "Berjalan dengan baik", "Jadwal tepat", None, "AS")
    type_answers(grid, keys["SOP 02|2|4"], "Tidak berjalan dengan baik", "Terlambat 1 minggu",
                 "Percepat koordinasi dengan OPD", 7)
    type_answers(grid, keys["SOP 02|evaluasi|2"], "Ya", None, None, None)
    grid.values[(keys["SOP 02|evaluasi|2"], 7)] = "Semua pelaksana paham"
    answers = read_answers(grid)
    assert len(answers) == 3
    again = build_checklist(seeds, answers)
    assert again.rows == build_checklist(seeds, answers).rows
    keys2 = key_rows(again)
    assert values(again.rows[keys2["SOP 01|1|3"]])[6:10] == [
        "Berjalan dengan baik", "Jadwal tepat", None, "AS"]
    assert values(again.rows[keys2["SOP 02|2|4"]])[6:10] == [
        "Tidak berjalan dengan baik", "Terlambat 1 minggu", "Percepat koordinasi dengan OPD", 7]
    assert values(again.rows[keys2["SOP 02|evaluasi|2"]])[6:8] == ["Ya", "Semua pelaksana paham"]
    assert "Jawaban untuk langkah yang sudah tidak ada di SOP" not in [first(r) for r in again.rows]


def test_answers_of_a_removed_step_are_kept_under_their_own_heading(tmp_path, seeds, checklist):
    grid = spec_to_grid(checklist)
    keys = key_rows(checklist)
    type_answers(grid, keys["SOP 01|1|7"], "Tidak berjalan dengan baik", "Surat tidak terkirim",
                 "Pakai e-mail", "RB")
    type_answers(grid, keys["SOP 01|1|8"], "Berjalan dengan baik", None, None, "RB")
    answers = read_answers(grid)
    sops = seed_sops()
    steps = sops[0]["bagian"][0]["langkah"]
    del steps[6]  # "Mengirimkan Surat Pemberitahuan …" is dropped; 8..19 become 7..18
    for i, step in enumerate(steps, start=1):
        step["no"] = f"{i}."
    result = result_of(tmp_path, sops)
    spec = build_checklist(result, answers)
    keys2 = key_rows(spec)
    # The old step 8 is now step 7: its answer follows its text, not its number.
    assert values(spec.rows[keys2["SOP 01|1|7"]])[1].startswith("Melaksanakan Rapat di SKPD")
    assert values(spec.rows[keys2["SOP 01|1|7"]])[6:10] == ["Berjalan dengan baik", None, None, "RB"]
    title = next(r for r, row in enumerate(spec.rows)
                 if first(row) == "Jawaban untuk langkah yang sudah tidak ada di SOP")
    assert spec.rows[title][0].style == "removed"
    kept = spec.rows[title + 3]  # under the heading, a note and a header
    assert values(kept) == ["7", steps_text(7), "Kasubbag TU", "SOP 01", None, None,
                            "Tidak berjalan dengan baik", "Surat tidak terkirim", "Pakai e-mail", "RB",
                            "SOP 01|1|7"]
    assert {c.style for c in kept} == {"removed"}
    # Read again: the kept answer is still there, and returns to its step if the step comes back.
    kept_again = read_answers(spec_to_grid(spec))
    assert [a.values["catatan"] for a in kept_again.steps] == [None, "Surat tidak terkirim"]
    back = build_checklist(seeds, kept_again)
    assert values(back.rows[key_rows(back)["SOP 01|1|7"]])[6:8] == ["Tidak berjalan dengan baik",
                                                                     "Surat tidak terkirim"]
    assert values(back.rows[key_rows(back)["SOP 01|1|8"]])[6] == "Berjalan dengan baik"
    assert "Jawaban untuk langkah yang sudah tidak ada di SOP" not in [first(r) for r in back.rows]


def steps_text(number: int) -> str:
    return seed_sops()[0]["bagian"][0]["langkah"][number - 1]["kegiatan"]


def test_evaluation_answers_of_a_sheet_gone_are_kept(seeds):
    typed = {"jawaban": "Tidak", "catatan": "Terlalu panjang"}
    answers = Answers(evaluations=[EvalAnswer("SOP 09", 3, "Mudah dilaksanakan", typed)])
    spec = build_checklist(seeds, answers)
    keys = key_rows(spec)
    row = spec.rows[keys["SOP 09|evaluasi|3"]]
    assert values(row)[:3] == [3, "Mudah dilaksanakan", "SOP 09"]
    assert values(row)[6:8] == ["Tidak", "Terlalu panjang"]
    assert read_answers(spec_to_grid(spec)).evaluations == answers.evaluations


def slot(number: str, text: str, actor: str = "Kasubbag") -> Slot:
    return Slot("SOP 01", "1", number, text, actor)


def answer(number: str, text: str, note: str, actor: str = "Kasubbag") -> StepAnswer:
    return StepAnswer("SOP 01", "1", number, text, {"catatan": note}, pelaksana=actor)


def notes(pairs: dict) -> dict[str, str]:
    return {s.number: a.values["catatan"] for s, a in pairs.items()}


def test_matching_follows_a_renumbered_step_by_what_it_says():
    # A step was inserted at 2: the old 2..4 are now 3..5; the old 2 and 3 read the same
    # (two officials initialling the same letter), the old 4 had its wording edited.
    slots = [slot("1", "Menerima berkas"), slot("2", "Mencatat di agenda"),
             slot("3", "Meneliti dan memaraf konsep", "Kasubbag"),
             slot("4", "Meneliti dan memaraf konsep", "Kabag"),
             slot("5", "Menandatangani surat", "Kepala")]
    saved = [answer("1", "Menerima berkas", "a"),
             answer("2", "Meneliti dan memaraf konsep", "b", "Kasubbag"),
             answer("3", "Meneliti dan memaraf konsep", "c", "Kabag"),
             answer("4", "Menandatangani konsep surat", "d", "Kepala"),
             answer("5", "Mengarsipkan", "e", "Staf")]
    pairs, left = match_steps(slots, saved)
    # By content: 3 and 4 take the answers of the same official's step; 5 is unmatched by
    # content and its place held "Mengarsipkan" (e), which is taken by place: its wording changed.
    assert notes(pairs) == {"1": "a", "3": "b", "4": "c", "5": "e"}
    assert [a.values["catatan"] for a in left] == ["d"]


def test_identical_steps_keep_their_order_when_renumbered():
    slots = [slot("1", "Baru"), slot("2", "Memaraf"), slot("3", "Memaraf")]
    pairs, left = match_steps(slots, [answer("1", "Memaraf", "x"), answer("2", "Memaraf", "y")])
    assert notes(pairs) == {"2": "x", "3": "y"} and left == []


def test_matching_takes_an_edited_step_by_its_place():
    pairs, left = match_steps([slot("2", "Memeriksa kelengkapan berkas usulan")],
                              [answer("2", "Memeriksa berkas", "x")])
    assert notes(pairs) == {"2": "x"} and left == []


def test_newer_answers_win_over_older_ones_for_the_same_step():
    newer = Answers([answer("2", "Memaraf", "baru")])
    older = Answers([answer("2", "Memaraf", "lama"), answer("3", "Mengirim", "lama juga")])
    assert [a.values["catatan"] for a in newer.over(older).steps] == ["baru", "lama juga"]


def test_answers_survive_a_deleted_key_column(seeds, checklist):
    grid = spec_to_grid(checklist)
    keys = key_rows(checklist)
    type_answers(grid, keys["SOP 02|2|4"], "Berjalan dengan baik", "Cepat", None, None)
    type_answers(grid, keys["SOP 02|evaluasi|1"], "Ya", None, None, None)
    grid.values = {rc: v for rc, v in grid.values.items() if rc[1] != 10}  # someone deleted column K
    answers = read_answers(grid)
    assert [(a.sheet, a.section, a.number) for a in answers.steps] == [("SOP 02", "", "4")]
    assert [(a.sheet, a.question) for a in answers.evaluations] == [("SOP 02", 1)]
    again = build_checklist(seeds, answers)
    keys2 = key_rows(again)
    assert values(again.rows[keys2["SOP 02|2|4"]])[6:8] == ["Berjalan dengan baik", "Cepat"]
    assert values(again.rows[keys2["SOP 02|1|4"]])[6] is None  # section A's step 4 has other text
    assert values(again.rows[keys2["SOP 02|evaluasi|1"]])[6] == "Ya"


def test_answers_survive_a_change_of_language(seeds):
    english = build_checklist(seeds, Answers(), lang="en")
    assert values(english.rows[0])[0] == "Monitoring and evaluation of SOP AP implementation"
    assert english.validations[0].options == ["Running well", "Not running well"]
    grid = spec_to_grid(english)
    keys = key_rows(english)
    type_answers(grid, keys["SOP 01|1|2"], "Running well", "ok", None, None)
    indonesian = build_checklist(seeds, read_answers(grid))
    assert values(indonesian.rows[key_rows(indonesian)["SOP 01|1|2"]])[6:8] == ["Running well", "ok"]


def test_duplicated_step_numbers_get_distinct_keys(tmp_path):
    sops = seed_sops()
    sops[0]["bagian"][0]["langkah"][5]["no"] = "5."
    spec = build_checklist(result_of(tmp_path, sops), Answers())
    keys = [k for k in key_rows(spec) if k.startswith("SOP 01|1|")]
    assert keys[4:7] == ["SOP 01|1|5", "SOP 01|1|5#2", "SOP 01|1|7"]


def test_build_reports_gives_both_sheets_and_an_empty_checklist_keeps_its_shape(seeds):
    import datetime as dt

    specs = build_reports(seeds, load_config(), None, dt.datetime(2025, 6, 2, 9, 30))
    assert [s.name for s in specs] == ["Status", "Checklist"]
    assert specs[0].cell(*CHECKED_AT).value == "02-06-2025 09:30"
    empty = build_checklist(FileResult(path="x.xlsx"), Answers())
    assert values(empty.rows[4])[0] == "Tidak ada lembar SOP di buku kerja ini."


def test_sopxls_own_sheets_are_recognised_in_either_language(seeds):
    from sopxl.report.build import own_sheet

    for lang in ("id", "en"):
        status, checklist = build_reports(seeds, load_config(lang=lang), Answers())
        assert own_sheet(spec_to_grid(status)) and own_sheet(spec_to_grid(checklist))
    assert own_sheet(Grid("Checklist"))  # empty: nothing to lose
    theirs = Grid("Checklist", {(0, 0): "Daftar periksa arsip", (1, 0): "Map 1", (1, 1): "Lengkap"})
    assert not own_sheet(theirs)
    assert not own_sheet(Grid("Status", {(0, 0): "Status pengesahan", (1, 0): "SOP 01"}))
