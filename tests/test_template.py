"""``sopxl template``: the workbooks it writes are filled, read back, printed and kept stable.

Totals are worked out by hand here from the seeds (1 hari = 7,5 jam = 450 menit, 1 minggu =
5 hari, 1 bulan = 20 hari), never from sopxl's own arithmetic.
"""
from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sopxl.cli import run
from sopxl.config import load_config
from sopxl.parse.settings import read_settings
from sopxl.parse.vocab import build_vocab
from sopxl.read.xlsx import read_workbook
from sopxl.resources import load_data
from sopxl.templates import DEFAULT_ROLES, build_contoh, build_template, committed_files, contoh_data
from sopxl.templates.sop_sheet import BRANCH_EXAMPLE, MARKERS, WAKTU_FORMS

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "workbook_templates"
M, J, H = 1, 60, 450  # minutes in a menit, a jam, a (working) hari
MINGGU, BULAN = 5 * H, 20 * H


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def validate_json(path: Path) -> tuple[int, dict]:
    code, out, err = cli("validate", "--json", str(path))
    assert err == ""
    return code, json.loads(out)["files"][0]


def export_json(path: Path) -> list[dict]:
    code, out, _ = cli("export", str(path))
    assert code == 0
    return json.loads(out)["sops"]


def codes(sop: dict, severity: str) -> list[str]:
    return [f["code"] for f in sop["findings"] if f["severity"] == severity]


# ------------------------------------------------------------------------------------------
# The vocabulary offered while typing is the one the validator reads


def test_offered_markers_and_waktu_forms_are_what_the_validator_reads():
    vocab = build_vocab(load_config())
    kinds = [vocab.marker_kind(m) for m in MARKERS]
    assert kinds == ["terminator", "process", "decision", "terminator", "offpage", "generic"]
    markers = load_data("markers.json")
    for word, kind in zip(MARKERS, kinds):
        assert word in markers[kind][:2]  # the vocabulary's own leading words, not synonyms
    readings = [vocab.durations.read(w).minutes for w in WAKTU_FORMS]
    assert readings == [(15, 15), (2 * J, 2 * J), (H, H), (3 * J, 5 * J)]


# ------------------------------------------------------------------------------------------
# A person fills the template


def _right_of(ws, label: str):
    """The value cell right of a label, as a person finds it: after the label's merge."""
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == label:
                end = cell.column
                for rng in ws.merged_cells.ranges:
                    if cell.coordinate in rng:
                        end = rng.max_col
                return ws.cell(cell.row, end + 1)
    raise AssertionError(label)


def _below(ws, label: str):
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == label:
                return ws.cell(cell.row + 1, cell.column)
    raise AssertionError(label)


STEPS = [  # no, kegiatan, role, marker, kelengkapan, waktu, output, keterangan
    (1, "Menerima surat permohonan", "Staf", "Mulai", "Surat permohonan", "15 menit", "Surat diterima", None),
    (2, "Memeriksa kelengkapan berkas", "Kasubbag", "Proses", "Berkas", "2 jam", "Hasil pemeriksaan", None),
    (3, "Memutuskan berkas dapat diproses", "Kepala Bagian", "Keputusan", "Hasil pemeriksaan", "1 hari",
     "Disposisi", "Ya: 4; Tidak: 2"),
    (4, "Menyusun konsep surat jawaban", "Staf", "Proses", "Disposisi", "3 - 5 jam", "Konsep surat", None),
    (5, "Menandatangani surat jawaban", "Kepala Bagian", "√", "Konsep surat", "30 menit", "Surat jawaban",
     None),
    (6, "Mengirim surat jawaban", "Staf", "Selesai", "Surat jawaban", "1 jam", "Tanda terima", None),
]


def _fill(path: Path) -> None:
    wb = load_workbook(path)
    ws = wb["SOP 01"]
    ws["A4"] = "PEMERINTAH KABUPATEN CONTOH SEKRETARIAT DAERAH"
    ws["A6"] = "BAGIAN UMUM"
    for label, value in [("Nomor SOP", "800/SOP/01/2025"), ("Tanggal Pembuatan", "2 Juni 2025"),
                         ("Tanggal Revisi", "-"), ("Tanggal Efektif", "10 Juni 2025"),
                         ("Disahkan Oleh", "SEKRETARIS DAERAH\n\nNAMA PEJABAT\nNIP. 19700101 199001 1 001"),
                         ("Nama SOP", "Pelayanan Surat Permohonan")]:
        _right_of(ws, label).value = value
    for label in ["Dasar Hukum", "Kualifikasi Pelaksana", "Keterkaitan", "Peralatan/Perlengkapan",
                  "Peringatan", "Pencatatan dan Pendataan"]:
        _below(ws, label).value = f"1. Isi {label.lower()}"
    header = next(r for r in range(1, ws.max_row) if ws.cell(r, 1).value == "No")
    roles = {ws.cell(header + 1, c).value: c for c in range(3, 3 + len(DEFAULT_ROLES))}
    cols = {ws.cell(header + 1, c).value or ws.cell(header, c).value: c for c in range(1, ws.max_column + 1)}
    first = header + 3  # under the two header rows and the "1 2 3 …" row
    for i, (no, keg, role, marker, kel, waktu, output, ket) in enumerate(STEPS):
        r = first + i
        ws.cell(r, 1, no)
        ws.cell(r, 2, keg)
        ws.cell(r, roles[role], marker)
        ws.cell(r, cols["Kelengkapan"], kel)
        ws.cell(r, cols["Waktu"], waktu)
        ws.cell(r, cols["Output"], output)
        if ket:
            ws.cell(r, cols["Keterangan"], ket)
    wb.save(path)


def test_filled_template_reads_back_exactly(tmp_path):
    path = tmp_path / "sop_umum.xlsx"
    assert cli("template", "--out", str(path), "--roles", ";".join(DEFAULT_ROLES))[0] == 0
    _fill(path)

    code, result = validate_json(path)
    assert code == 0 and result["error"] is None and result["findings"] == []
    assert [s["sheet"] for s in result["skipped"]] == ["Petunjuk", "Pengaturan"]
    (sop,) = result["sops"]
    assert sop["steps"] == 6 and sop["errors"] == 0 and sop["warnings"] == 0, sop["findings"]
    assert sop["nama"] == "Pelayanan Surat Permohonan" and sop["nomor"] == "800/SOP/01/2025"
    assert sop["roles"] == DEFAULT_ROLES
    # 15 menit + 2 jam + 1 hari + (3..5 jam) + 30 menit + 1 jam
    low = 15 * M + 2 * J + H + 3 * J + 30 * M + J
    high = 15 * M + 2 * J + H + 5 * J + 30 * M + J
    assert (low, high) == (855, 975)
    assert sop["total_minutes"] == {"min": low, "max": high}
    assert sop["role_minutes"] == {
        "Staf": {"min": 15 + 3 * J + J, "max": 15 + 5 * J + J},
        "Kasubbag": {"min": 2 * J, "max": 2 * J},
        "Kepala Bagian": {"min": H + 30, "max": H + 30},
    }

    (doc,) = export_json(path)
    instansi = doc["identity"]["instansi"]["value"]
    assert instansi == "PEMERINTAH KABUPATEN CONTOH SEKRETARIAT DAERAH BAGIAN UMUM"
    assert doc["boxes"]["peringatan"]["value"] == "1. Isi peringatan"
    steps = doc["sections"][0]["steps"]
    assert [(s["number"]["value"], s["kegiatan"]["value"], s["actors"], s["symbol"]) for s in steps] == [
        ("1", "Menerima surat permohonan", ["Staf"], "terminator"),
        ("2", "Memeriksa kelengkapan berkas", ["Kasubbag"], "process"),
        ("3", "Memutuskan berkas dapat diproses", ["Kepala Bagian"], "decision"),
        ("4", "Menyusun konsep surat jawaban", ["Staf"], "process"),
        ("5", "Menandatangani surat jawaban", ["Kepala Bagian"], "process"),
        ("6", "Mengirim surat jawaban", ["Staf"], "terminator"),
    ]
    assert [(b["label"], b["target"]) for b in steps[2]["branches"]] == [("Ya", "4"), ("Tidak", "2")]
    assert [s["waktu"]["value"] for s in steps] == [s[5] for s in STEPS]


def test_a_decision_without_branches_is_caught_in_the_template(tmp_path):
    path = tmp_path / "sop.xlsx"
    cli("template", "--out", str(path))
    _fill(path)
    wb = load_workbook(path)
    ws = wb["SOP 01"]
    ket = next(c for row in ws.iter_rows() for c in row if c.value == "Ya: 4; Tidak: 2")
    ket.value = None
    wb.save(path)
    code, result = validate_json(path)
    assert code == 1 and "keputusan-tanpa-cabang" in codes(result["sops"][0], "error")


# ------------------------------------------------------------------------------------------
# Help while typing, and printing, as stored in the committed templates


def _dv(ws, predicate):
    found = [dv for dv in ws.data_validations.dataValidation if predicate(dv)]
    assert len(found) == 1, [(dv.type, dv.formula1, dv.prompt) for dv in ws.data_validations.dataValidation]
    return found[0]


@pytest.mark.parametrize("paper, code", [("A4", 9), ("F4", 14)])
def test_committed_template_helps_while_typing_and_prints_like_offices(paper, code):
    wb = load_workbook(COMMITTED / f"sop_template_{paper}.xlsx")
    assert wb.sheetnames == ["SOP 01", "Petunjuk", "Pengaturan"]
    ws = wb["SOP 01"]
    header = next(r for r in range(1, ws.max_row) if ws.cell(r, 1).value == "No")
    first, last = header + 3, header + 3 + 19  # 20 step rows by default
    role_range = f"C{first}:E{last}"

    # The matrix header: two rows, groups merged, the column-number row under it.
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {f"A{header}:A{header + 1}", f"B{header}:B{header + 1}", f"C{header}:E{header}",
            f"F{header}:H{header}", f"I{header}:I{header + 1}"} <= merged
    assert [ws.cell(header, c).value for c in (1, 2, 3, 6, 9)] == ["No", "Kegiatan", "PELAKSANA",
                                                                   "MUTU BAKU", "Keterangan"]
    assert [ws.cell(header + 1, c).value for c in range(3, 9)] == [*DEFAULT_ROLES, "Kelengkapan", "Waktu",
                                                                   "Output"]
    assert [ws.cell(header + 2, c).value for c in range(1, 10)] == list(range(1, 10))
    assert ws.cell(first, 1).value is None  # step rows are left for the office to number

    markers = _dv(ws, lambda dv: dv.type == "list" and "Keputusan" in (dv.formula1 or ""))
    assert markers.formula1 == '"Mulai,Proses,Keputusan,Selesai,Penghubung,√"'
    assert str(markers.sqref) == role_range and markers.showErrorMessage is False
    waktu = _dv(ws, lambda dv: dv.promptTitle == "Waktu")
    assert str(waktu.sqref) == f"G{first}:G{last}" and waktu.showInputMessage
    assert all(f'"{w}"' in waktu.prompt for w in WAKTU_FORMS)
    ket = _dv(ws, lambda dv: dv.promptTitle == "Keterangan")
    assert str(ket.sqref) == f"I{first}:I{last}" and f"Untuk Keputusan: {BRANCH_EXAMPLE}" in ket.prompt
    roles = _dv(ws, lambda dv: dv.promptTitle == "Pelaksana")
    assert roles.formula1 == "Pengaturan!$A$11:$A$42" and str(roles.sqref) == f"C{header + 1}:E{header + 1}"

    (cf,) = [cf for cf in ws.conditional_formatting if str(cf.sqref) == role_range]
    rules = {r.formula[0]: r for r in cf.rules}
    corner = f"TRIM(C{first})"
    terminator = rules[f'OR({corner}="Mulai",{corner}="Selesai")']
    decision = rules[f'OR({corner}="Keputusan",{corner}="◇",{corner}="◆")']
    anything = rules[f"LEN({corner})>0"]
    assert f'{corner}="Penghubung"' in rules
    fills = {r.dxf.fill.bgColor.rgb for r in (terminator, decision, anything)}
    assert len(fills) == 3  # Mulai/Selesai, Keputusan and the rest look different
    assert all(r.dxf.font.b and r.stopIfTrue for r in cf.rules)
    assert sorted(r.priority for r in cf.rules)[0] == terminator.priority

    assert ws.print_title_rows.replace("$", "") == f"{header}:{header + 2}"
    ps = ws.page_setup
    assert (ps.orientation, int(ps.paperSize), int(ps.fitToWidth), int(ps.fitToHeight)) == (
        "landscape", code, 1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_options.horizontalCentered is True
    assert ws.page_margins.left > 0.5 and ws.page_margins.top > 0.5


def test_pengaturan_and_petunjuk_are_what_the_settings_reader_and_a_newcomer_need():
    book = read_workbook(str(COMMITTED / "sop_template_A4.xlsx"))
    calendar, roles, problems = read_settings(book.sheet("Pengaturan"))
    assert calendar == {"jam_per_hari": 7.5, "hari_per_minggu": 5, "hari_per_bulan": 20,
                        "hari_per_tahun": 236}
    assert roles == DEFAULT_ROLES and problems == []
    guide = " ".join(str(v) for v in book.sheet("Petunjuk").values.values())
    for needed in [*MARKERS, *WAKTU_FORMS, BRANCH_EXAMPLE, "sopxl validate", "Excel", "LibreOffice",
                   "7,5 jam", "Folio"]:
        assert needed in guide, needed


def test_options_shape_the_workbook(tmp_path):
    path = tmp_path / "dinas.xlsx"
    roles = ["Kepala Dinas", "Sekretaris", "Kasubbag Umum", "Pengelola", "Staf"]
    code, out, err = cli("template", "--out", str(path), "--roles", " ; ".join(roles), "--sops", "3",
                         "--paper", "F4", "--steps", "7")
    assert (code, err) == (0, "") and "SOP 03" in out
    wb = load_workbook(path)
    assert wb.sheetnames == ["SOP 01", "SOP 02", "SOP 03", "Petunjuk", "Pengaturan"]
    for name in ("SOP 01", "SOP 03"):
        ws = wb[name]
        header = next(r for r in range(1, ws.max_row) if ws.cell(r, 1).value == "No")
        assert [ws.cell(header + 1, c).value for c in range(3, 8)] == roles
        markers = _dv(ws, lambda dv: dv.type == "list" and "Keputusan" in (dv.formula1 or ""))
        assert str(markers.sqref) == f"C{header + 3}:G{header + 9}"  # 7 step rows, 5 roles
        assert int(ws.page_setup.paperSize) == 14
    assert [wb["Pengaturan"].cell(11 + i, 1).value for i in range(6)] == [*roles, None]


def test_office_config_gives_calendar_and_roles(tmp_path):
    cfg = tmp_path / "kantor.json"
    cfg.write_text(json.dumps({"calendar": {"jam_per_hari": 8}, "roles": ["Camat", "Sekcam", "Staf"]}))
    path = tmp_path / "kec.xlsx"
    assert cli("template", "--out", str(path), "--config", str(cfg))[0] == 0
    calendar, roles, _ = read_settings(read_workbook(str(path)).sheet("Pengaturan"))
    assert calendar["jam_per_hari"] == 8 and roles == ["Camat", "Sekcam", "Staf"]


@pytest.mark.parametrize("argv, message", [
    (["--roles", " ; "], "--roles tidak berisi"),
    (["--roles", "Staf;staf"], "disebut dua kali"),
    (["--sops", "0"], "--sops harus antara"),
    (["--steps", "501"], "--steps harus antara"),
    (["--contoh", "--roles", "A;B"], "--contoh tidak dapat digabung"),
])
def test_bad_options_are_refused_in_indonesian(tmp_path, argv, message):
    path = tmp_path / "x.xlsx"
    code, out, err = cli("template", "--out", str(path), *argv)
    assert code == 2 and message in err and not path.exists()


def test_existing_file_is_kept_unless_force(tmp_path):
    path = tmp_path / "ada.xlsx"
    path.write_bytes(b"punya kantor")
    code, _, err = cli("template", "--out", str(path))
    assert code == 2 and "--force" in err and path.read_bytes() == b"punya kantor"
    code, _, err = cli("template", "--out", str(path), "--lang", "en")
    assert code == 2 and "already exists" in err
    code, out, _ = cli("template", "--out", str(path), "--force", "--lang", "en")
    assert code == 0 and out.startswith("Template written") and zipfile.is_zipfile(path)
    code, _, err = cli("template", "--out", str(tmp_path / "x.xls"))
    assert code == 2 and ".xlsx" in err


# ------------------------------------------------------------------------------------------
# Reproducible files


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


@pytest.mark.parametrize("name", ["sop_template_A4.xlsx", "sop_template_F4.xlsx", "contoh.xlsx"])
def test_committed_workbooks_equal_a_fresh_build(name):
    fresh = _parts(committed_files()[name])
    kept = _parts((COMMITTED / name).read_bytes())
    hint = "rebuild with: python -m sopxl.templates workbook_templates"
    assert list(kept) == list(fresh), hint
    for part in fresh:
        assert kept[part] == fresh[part], f"{name}:{part} differs; {hint}"


def test_build_is_byte_stable():
    assert committed_files() == committed_files()


# ------------------------------------------------------------------------------------------
# The filled example


def test_contoh_validates_with_no_error_and_the_seed_totals():
    code, result = validate_json(COMMITTED / "contoh.xlsx")
    assert code == 0 and result["error"] is None
    sop01, sop02 = result["sops"]
    assert sop01["errors"] == sop02["errors"] == 0

    assert sop01["sheet"] == "SOP 01" and sop01["steps"] == 19
    # Kalsel: 2j+2j+3j+15m+15m+35m+3j+5j+2h+5j+2h+4j+5j+2h+2j+15m+15m+5m+10m
    total01 = (2 * J + 2 * J + 3 * J + 15 + 15 + 35 + 3 * J + 5 * J + 2 * H + 5 * J + 2 * H + 4 * J + 5 * J
               + 2 * H + 2 * J + 15 + 15 + 5 + 10)
    assert total01 == 4670
    assert sop01["total_minutes"] == {"min": total01, "max": total01}
    assert sop01["roles"] == ["Kepala Biro", "Kasubbag Anjab", "Tim Anjab", "Kabag Baga", "Kasubbag TU"]
    # The seed leaves the number and dates empty: warnings, not errors. Its Keterkaitan "-"
    # is an answer ("none"), not an empty box.
    assert set(codes(sop01, "warning")) == {"identitas-kosong"}

    assert sop02["sheet"] == "SOP 02" and sop02["steps"] == 26 == 8 + 18
    # A. Perencanaan: 1h+10m+5m+30m+15m+15m+1h+1h
    part_a = H + 10 + 5 + 30 + 15 + 15 + H + H
    # B. Pelaksanaan: 1h+1h+10h+1bln+5h+1bln+1h+1mgg+1bln+1h+5h+1h+1j+2j+1h+15m+1h+1j
    part_b = (H + H + 10 * H + BULAN + 5 * H + BULAN + H + MINGGU + BULAN + H + 5 * H + H + J + 2 * J + H
              + 15 + H + J)
    assert (part_a, part_b) == (1425, 41655)
    assert sop02["total_minutes"] == {"min": part_a + part_b, "max": part_a + part_b}
    assert list(sop02["section_minutes"].values()) == [{"min": part_a, "max": part_a},
                                                        {"min": part_b, "max": part_b}]
    assert sop02["sections"][1] == "B. PELAKSANAAN PENYUSUNAN STANDAR KOMPETENSI JABATAN (SKJ)"
    # Mojokerto writes the actor first ("Kasubbag … membuat …"): a style many offices use, so an
    # info on every step by default (a warning only under --final).
    assert codes(sop02, "warning") == []
    assert codes(sop02, "info") == ["kegiatan-diawali-pelaksana"] * 26


def test_contoh_steps_and_actors_are_the_seeds():
    docs = export_json(COMMITTED / "contoh.xlsx")
    for doc, seed in zip(docs, contoh_data()["sop"]):
        assert doc["sheet"] == seed["sheet"]
        assert doc["identity"]["nama"]["value"] == seed["identitas"]["nama"]
        assert len(doc["sections"]) == len(seed["bagian"])
        for sec, part in zip(doc["sections"], seed["bagian"]):
            assert [r["name"] for r in sec["roles"]] == part["pelaksana"]
            got = [(s["number"]["value"], s["actors"], s["waktu"]["value"]) for s in sec["steps"]]
            assert got == [(x["no"], x["pelaksana"], x["waktu"]) for x in part["langkah"]]


def test_contoh_repeats_a_section_header_where_a_page_breaks():
    wb, placed = build_contoh()
    ws = wb["SOP 02"]
    breaks = [b.id for b in ws.row_breaks.brk]
    assert breaks, "SOP 02 does not fit one page: its pages are planned"
    for b in breaks:
        top = b + 1
        assert ws.cell(top, 1).value == "No" or ws.cell(top + 1, 1).value == "No" or \
            str(ws.cell(top, 1).value).startswith(("A.", "B.")), f"page at row {top} has no header"
    assert ws.print_title_rows is None  # two headers: print titles could repeat the wrong one
    title = wb["SOP 01"].print_title_rows.replace("$", "")
    assert title == f"{placed[0].headers[0]}:{placed[0].headers[0] + 2}"


# ------------------------------------------------------------------------------------------
# Printing with LibreOffice


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_template_and_contoh(tmp_path):
    from sopxl.templates.render import page_png, to_pdf

    books = [COMMITTED / f"{name}.xlsx" for name in ("sop_template_A4", "sop_template_F4", "contoh")]
    pdfs = to_pdf(books, tmp_path / "pdf")
    for pdf in pdfs:
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF") and len(data) > 10_000
    if shutil.which("pdftoppm"):
        png = page_png(pdfs[-1], tmp_path / "contoh.png")
        assert png.read_bytes().startswith(b"\x89PNG")


def test_template_builds_in_memory_for_other_front_ends():
    wb, placed = build_template(["Lurah", "Sekretaris Lurah"], sops=2, steps=3)
    assert [p.sheet for p in placed] == ["SOP 01", "SOP 02"]
    assert [len(rows) for rows in placed[0].step_rows] == [3]
    assert placed[0].identity["nama"] and placed[0].boxes["dasar_hukum"]
