"""The Excel button and its add-ins, without Excel: xlwings' own remote engine plays Excel.

``xw.Book(json=payload)`` opens a workbook from the JSON xlwings' VBA client
(``RunRemotePython``) sends — book name, active sheet, and each sheet's values from A1
to the last used cell, empty cells as null, dates as ISO text — and records every change
the code makes as an action (``book.json()["actions"]``): addSheet, setValues,
rangeMerge, setFontProperty, activateSheet, alert… The tests assert on those actions,
so they check what Excel would be told to do.
"""
from __future__ import annotations

import datetime as _dt
import importlib
import io
import json
import os
import re
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from report_builders import build_workbook, seed_sops

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")  # the remote engine needs one
xw = pytest.importorskip("xlwings")

from sopxl import cli  # noqa: E402
from sopxl.a1 import cell_to_rowcol  # noqa: E402
from sopxl.config import load_config  # noqa: E402
from sopxl.excel import addin as excel_addin  # noqa: E402
from sopxl.excel import book as excel  # noqa: E402
from sopxl.report.build import build_reports  # noqa: E402
from sopxl.report.button import check_grids, style_blocks  # noqa: E402
from sopxl.sheetspec import CellSpec, SheetSpec, Validation  # noqa: E402
from sopxl.validate import validate_file  # noqa: E402

NOW = _dt.datetime(2025, 6, 2, 9, 30)
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
CUSTOMUI = "{http://schemas.microsoft.com/office/2006/01/customui}"


# ---------------------------------------------------------------------------- a workbook as xlwings sends it

def vba_payload(path: Path, extra: dict[str, list[list]] | None = None, client: str = "VBA") -> dict:
    """The JSON xlwings' VBA client sends for a workbook file (plus sheets given as values)."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    sheets = []
    for ws in wb.worksheets:
        rows = [[_json_value(v) for v in row] for row in
                ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column, values_only=True)]
        sheets.append({"name": ws.title, "pictures": [], "tables": [], "values": rows})
    for name, rows in (extra or {}).items():
        sheets.append({"name": name, "pictures": [], "tables": [], "values": rows})
    return {"client": client, "version": xw.__version__,
            "book": {"name": path.name, "active_sheet_index": 0, "selection": "A1"},
            "names": [], "sheets": sheets}


def _json_value(v):
    if isinstance(v, _dt.datetime):
        return v.isoformat() + ".000Z"
    return v


def actions(book) -> list[dict]:
    return book.json()["actions"]


def sheet_values(book, position: int) -> list[list]:
    """The values written to the sheet at a zero-based tab position (one block from A1)."""
    found = [a for a in actions(book) if a["func"] == "setValues" and a["sheet_position"] == position]
    assert len(found) == 1, found
    assert (found[0]["start_row"], found[0]["start_column"]) == (0, 0)
    return found[0]["values"]


def expected_values(spec: SheetSpec) -> list[list]:
    """What setValues must carry for a sheet: Excel's form of each cell, "" for empty."""
    n_cols = max(len(r) for r in spec.rows)
    return [["" if (v := excel.excel_value(spec.cell(r, c))) is None else v for c in range(n_cols)]
            for r in range(len(spec.rows))]


def as_excel_shows(values: list[list]) -> list[list]:
    """Cell values as Excel would send them back: no quote prefix, a link's text."""
    out = []
    for row in values:
        shown = []
        for v in row:
            if isinstance(v, str) and v.startswith("=HYPERLINK("):
                v = re.match(r'=HYPERLINK\(".*?","(.*)"\)$', v).group(1).replace('""', '"')
            elif isinstance(v, str) and v.startswith("'"):
                v = v[1:]
            shown.append(None if v == "" else v)
        out.append(shown)
    return out


@pytest.fixture
def sop_file(tmp_path: Path) -> Path:
    path = tmp_path / "SOP Bagian Organisasi.xlsx"
    build_workbook(path)  # "Daftar Isi", "SOP 01", "SOP 02" from sopxl/data/contoh.json
    return path


def step_counts() -> dict[str, int]:
    return {s["sheet"]: sum(len(b["langkah"]) for b in s["bagian"]) for s in seed_sops()}


# ---------------------------------------------------------------------------- validate_book

def test_validate_book_adds_and_fills_status_and_checklist(sop_file: Path) -> None:
    book = xw.Book(json=vba_payload(sop_file))
    outcome = excel.validate_book(book, load_config(), NOW)

    assert [s.doc.sheet for s in outcome.result.sops] == ["SOP 01", "SOP 02"]
    added = [a["args"] for a in actions(book) if a["func"] == "addSheet"]
    assert added == [[3, "Status"], [4, "Checklist"]]  # after the three sheets of the workbook

    # The same sheets the file path builds (sopxl validate --write), cell for cell.
    from_file = build_reports(validate_file(str(sop_file), load_config()), load_config(), None, NOW)
    for position, spec in zip((3, 4), from_file):
        assert sheet_values(book, position) == expected_values(spec)

    status = as_excel_shows(sheet_values(book, 3))
    assert status[1][:2] == ["Hasil", "LULUS"]
    header = next(i for i, row in enumerate(status) if row[:2] == ["Lembar", "Langkah"])
    summary = {row[0]: row[1] for row in status[header + 1:header + 3]}
    assert summary == step_counts() == {"SOP 01": 19, "SOP 02": 26}
    assert status[header + 1][2] == "LULUS"
    assert sheet_values(book, 3)[header + 1][0] == '=HYPERLINK("#\'SOP 01\'!A1","SOP 01")'

    checklist = as_excel_shows(sheet_values(book, 4))
    assert checklist[0][0] == "Monitoring dan Evaluasi Pelaksanaan SOP AP"
    numbered = [row[0] for row in checklist if isinstance(row[0], str) and re.fullmatch(r"\d+\.", row[0])]
    assert len(numbered) == 19 + 26

    last = actions(book)[-1]
    assert (last["func"], last["args"]) == ("activateSheet", [3])
    freezes = [(a["sheet_position"], a["args"]) for a in actions(book) if a["func"] == "freezePaneAtRange"]
    assert freezes == [(3, ["1:3"]), (4, ["A1:B3"])]  # Status from A4, Checklist from C4


def test_drawn_flowchart_shapes_count_as_markers(tmp_path: Path) -> None:
    """Symbols drawn as Excel shapes, not typed in cells: the button reads them from the file."""
    from drawing_builders import SOP_LAYOUT, Sketch, add_drawing, sop_cells, write_workbook

    path = write_workbook(tmp_path / "SOP Surat.xlsx",
                          sop_cells(["Mengajukan permohonan", "Memeriksa berkas", "Menandatangani surat"]),
                          SOP_LAYOUT, merges=["C1:E1", "F1:H1"])
    sk = Sketch(SOP_LAYOUT)
    start = sk.shape(2, 2, "flowChartTerminator", "Mulai")
    check = sk.shape(3, 3, "flowChartProcess")
    sign = sk.shape(4, 4, "flowChartTerminator", "Selesai")
    sk.connect(start, check)
    sk.connect(check, sign)
    add_drawing(path, sk.xml())

    def codes(outcome) -> list[tuple[str, str]]:
        return sorted((f.code, f.cell) for s in outcome.result.sops for f in s.findings)

    payload = vba_payload(path)
    payload["book"]["name"] = str(path)  # the remote engine's fullname is the name it is sent
    outcome = excel.validate_book(xw.Book(json=payload), load_config(), NOW)
    (sop,) = outcome.result.sops
    assert [(s.actors, s.symbol, s.next_steps) for s in sop.doc.steps] == [
        (["Pemohon"], "terminator", [1]), (["Staf"], "process", [2]), (["Kepala Bagian"], "terminator", [])]
    assert not any(code == "langkah-tanpa-pelaksana" for code, _ in codes(outcome))
    from_file = validate_file(str(path), load_config())
    assert codes(outcome) == sorted((f.code, f.cell) for s in from_file.sops for f in s.findings)

    assert excel.unsaved_shapes_note(outcome) == ""

    # A workbook Excel has never saved has no file to read shapes from: its steps then lack
    # their Pelaksana, and the message box says why and what to do.
    unsaved = excel.validate_book(xw.Book(json=vba_payload(path)), load_config(), NOW)
    assert [cell for code, cell in codes(unsaved) if code == "langkah-tanpa-pelaksana"] == ["C3", "C4", "C5"]
    assert "belum pernah disimpan" in excel.unsaved_shapes_note(unsaved)
    assert "Simpan dulu, lalu tekan Validasi SOP lagi." in excel.unsaved_shapes_note(unsaved)


def test_text_that_looks_like_a_number_or_date_stays_text(sop_file: Path) -> None:
    book = xw.Book(json=vba_payload(sop_file))
    excel.validate_book(book, load_config(), NOW)
    status = sheet_values(book, 3)
    when = next(row for row in status if row[0] == "Waktu pemeriksaan")
    assert when[1] == "'02-06-2025 09:30"  # not turned into a date by Excel
    checklist = sheet_values(book, 4)
    assert any(row[0] == "'1." for row in checklist)  # step "1." is not the number 1


def test_rerun_keeps_typed_answers_and_replaces_the_sheets_in_place(sop_file: Path) -> None:
    first = xw.Book(json=vba_payload(sop_file))
    outcome = excel.validate_book(first, load_config(), NOW)
    checklist_spec = outcome.sheets[1]
    # A person fills in the first step's yellow cells.
    r, c = next((r, c) for r, row in enumerate(checklist_spec.rows) for c in range(len(row))
                if checklist_spec.cell(r, c).style == "input")
    shown = {name: as_excel_shows(sheet_values(first, pos))
             for pos, name in ((3, "Status"), (4, "Checklist"))}
    shown["Checklist"][r][c] = "Berjalan dengan baik"
    shown["Checklist"][r][c + 1] = "Arsip agenda belum lengkap"

    second = xw.Book(json=vba_payload(sop_file, extra=shown))
    excel.validate_book(second, load_config(), NOW)

    funcs = [(a["func"], a["sheet_position"]) for a in actions(second)]
    assert ("addSheet", None) not in funcs
    assert ("sheetClear", 3) in funcs and ("sheetClear", 4) in funcs
    again = sheet_values(second, 4)
    assert again[r][c:c + 2] == ["Berjalan dengan baik", "Arsip agenda belum lengkap"]
    assert sheet_values(second, 3)[1][:2] == ["Hasil", "LULUS"]


def test_grids_from_book_reads_values_at_their_cells(sop_file: Path) -> None:
    book = xw.Book(json=vba_payload(sop_file))
    grids = {g.name: g for g in excel.grids_from_book(book)}
    from sopxl.read.xlsx import read_workbook

    for grid in read_workbook(str(sop_file)).sheets:
        assert grids[grid.name].values == grid.values
    assert grids["SOP 01"].merged == []  # the remote engine cannot tell merged cells


def test_check_of_the_open_book_leaves_our_own_sheets_out(sop_file: Path) -> None:
    book = xw.Book(json=vba_payload(sop_file, extra={"Status": [["lama"]], "Checklist": [["lama"]]}))
    outcome = check_grids("x.xlsx", excel.grids_from_book(book), load_config(), NOW)
    assert [name for name, _ in outcome.result.skipped] == ["Daftar Isi"]
    assert outcome.activate == "Status"


# ---------------------------------------------------------------------------- writing one sheet

def handmade_spec() -> SheetSpec:
    return SheetSpec(
        name="Status",
        rows=[[CellSpec("Judul", "title")],
              [CellSpec("No", "header"), CellSpec("Isi", "header")],
              [CellSpec("1.", "text"), CellSpec("ke SOP 01", "link", "'SOP 01'!B7")],
              [CellSpec('kata "kutip"', "text"), CellSpec(None, "input")]],
        col_widths={0: 8, 1: 40}, merges=["A1:B1"], freeze="A3",
        validations=[Validation("B4:B4", ["Ya", "Tidak"], "Pilih")])


def one_sheet_book(client: str):
    """A workbook "a.xlsx" of one sheet "SOP" holding "x", as the given xlwings client sends it."""
    return xw.Book(json={"client": client, "version": xw.__version__,
                         "book": {"name": "a.xlsx", "active_sheet_index": 0, "selection": "A1"},
                         "names": [], "sheets": [{"name": "SOP", "pictures": [], "tables": [],
                                                  "values": [["x"]]}]})


def test_write_sheet_sends_values_formats_and_layout() -> None:
    book = one_sheet_book("VBA")
    excel.write_sheet(book, handmade_spec())
    acts = actions(book)
    assert acts[0]["func"] == "addSheet" and acts[0]["args"] == [1, "Status"]
    assert sheet_values(book, 1) == [
        ["Judul", ""], ["No", "Isi"],
        ["'1.", '=HYPERLINK("#\'SOP 01\'!B7","ke SOP 01")'],
        ['kata "kutip"', ""]]
    merges = [(a["start_row"], a["start_column"], a["row_count"], a["column_count"])
              for a in acts if a["func"] == "rangeMerge"]
    assert merges == [(0, 0, 1, 2)]
    widths = {a["start_column"]: a["args"][0] for a in acts if a["func"] == "setColumnWidth"}
    assert widths == {0: 8, 1: 40}
    fills = {(a["start_row"], a["start_column"], a["row_count"], a["column_count"]): a["args"][0]
             for a in acts if a["func"] == "setRangeColor"}
    assert fills[(1, 0, 1, 2)] == "#d9e1f2"  # the header row, in one range
    assert fills[(3, 1, 1, 1)] == "#fff2cc"  # the yellow input cell
    bold = [(a["start_row"], a["row_count"]) for a in acts
            if a["func"] == "setFontProperty" and a["args"] == ["bold", True]]
    assert (0, 1) in bold and (1, 1) in bold
    assert [a["args"] for a in acts if a["func"] == "freezePaneAtRange"] == [["1:2"]]
    # The VBA client has no data validation: skipped, not an error.
    assert not [a for a in acts if "DataValidation" in a["func"]]


def test_a_hidden_column_is_sent_hidden() -> None:
    """The Checklist's key column: kept (answers are matched by it) but not shown or printed.
    The remote client has no COM, so it gets a zero width, which Excel shows as hidden."""
    book = one_sheet_book("VBA")
    spec = handmade_spec()
    spec.hidden_cols = [1]
    excel.write_sheet(book, spec)
    widths = [(a["start_column"], a["args"][0]) for a in actions(book) if a["func"] == "setColumnWidth"]
    assert widths[-1] == (1, 0) and (0, 8) in widths
    assert sheet_values(book, 1)[2][1].startswith("=HYPERLINK")  # the column's cells still written


def test_an_office_js_client_gets_the_dropdowns_too() -> None:
    book = one_sheet_book("Office.js")
    excel.write_sheet(book, handmade_spec())
    lists = [a for a in actions(book) if a["func"] == "setDataValidationList"]
    assert len(lists) == 1 and (lists[0]["start_row"], lists[0]["start_column"]) == (3, 1)


def test_style_blocks_are_few_rectangles() -> None:
    spec = SheetSpec("S", rows=[[CellSpec("a", "header"), CellSpec("b", "header")],
                                [CellSpec(1, "text"), CellSpec(2, "text")],
                                [CellSpec(3, "text"), CellSpec(4, "text")],
                                [CellSpec(5, "text"), CellSpec(None, "input")]])
    assert style_blocks(spec) == [(0, 0, 0, 1, "header"), (1, 0, 2, 1, "text"), (3, 0, 3, 0, "text"),
                                  (3, 1, 3, 1, "input")]


@pytest.mark.parametrize("value, sent", [
    ("Ya", "Ya"), ("1.", "'1."), ("02-06-2025", "'02-06-2025"), ("=SUM(A1)", "'=SUM(A1)"),
    ("-", "'-"), ("TRUE", "'TRUE"), ("'kutip", "''kutip"), (19, 19), (2.5, 2.5), (None, None)])
def test_excel_value_keeps_text_as_text(value, sent) -> None:
    assert excel.excel_value(CellSpec(value)) == sent


def test_excel_value_links() -> None:
    assert (excel.excel_value(CellSpec('a "b"', "link", "'SOP 01'!A1"))
            == '=HYPERLINK("#\'SOP 01\'!A1","a ""b""")')
    assert (excel.excel_value(CellSpec("situs", "link", "https://jdih.menpan.go.id"))
            == '=HYPERLINK("https://jdih.menpan.go.id","situs")')
    assert excel.excel_value(CellSpec("x" * 300, "link", "'S'!A1")) == "x" * 300  # too long for HYPERLINK


# ---------------------------------------------------------------------------- the buttons

def test_main_checks_the_calling_book_and_says_how_it_went(sop_file: Path, monkeypatch) -> None:
    book = xw.Book(json=vba_payload(sop_file))
    monkeypatch.setattr(excel, "lean_imports", lambda: None)  # would block pandas for the whole session
    monkeypatch.setattr(xw.Book, "caller", staticmethod(lambda: book))
    excel.main()
    alert = next(a for a in actions(book) if a["func"] == "alert")
    assert alert["args"][0].startswith("2 lembar SOP diperiksa: 0 galat,")
    assert alert["args"][1:4] == ["sopxl", "ok", "info"]
    assert ("addSheet", [3, "Status"]) in [(a["func"], a["args"]) for a in actions(book)]


def test_a_failure_is_a_message_box_never_a_traceback(sop_file: Path, monkeypatch) -> None:
    book = xw.Book(json=vba_payload(sop_file))
    monkeypatch.setattr(excel, "lean_imports", lambda: None)
    monkeypatch.setattr(xw.Book, "caller", staticmethod(lambda: book))
    monkeypatch.setattr(excel, "check_grids", lambda *a, **k: 1 / 0)
    monkeypatch.setattr(excel.tempfile, "gettempdir", lambda: str(sop_file.parent))
    excel.main()
    alert = next(a for a in actions(book) if a["func"] == "alert")
    assert alert["args"][0].startswith("Terjadi kesalahan tak terduga saat menjalankan sopxl.")
    assert "Traceback" not in alert["args"][0] and alert["args"][3] == "critical"
    assert "ZeroDivisionError" in (sop_file.parent / excel.LOG_NAME).read_text(encoding="utf-8")


def test_no_workbook_to_talk_to_is_an_indonesian_line_on_stderr(monkeypatch, capsys, tmp_path) -> None:
    monkeypatch.setattr(excel, "lean_imports", lambda: None)
    monkeypatch.setattr(excel.tempfile, "gettempdir", lambda: str(tmp_path))

    def no_caller():
        raise RuntimeError("no Excel here")

    monkeypatch.setattr(xw.Book, "caller", staticmethod(no_caller))
    with pytest.raises(SystemExit) as stop:
        excel.main()
    assert stop.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("Tombol sopxl tidak dapat menghubungi Excel (RuntimeError).")
    assert "Traceback" not in err and str(tmp_path / excel.LOG_NAME) in err


def test_draw_button_asks_for_a_saved_workbook(sop_file: Path) -> None:
    book = xw.Book(json=vba_payload(sop_file))  # the remote engine knows only the file's name
    message, mode = excel.draw_book(book)
    assert mode == "critical" and message.startswith("Simpan dulu buku kerja ini")


def test_the_button_path_loads_no_pandas(sop_file: Path) -> None:
    """A press starts a new Python: sopxl's path imports no pandas, and xlwings is kept from it."""
    script = r"""
import json, os, sys
payload = json.loads(sys.stdin.read())
from sopxl.report.button import check_grids
from sopxl.config import load_config
from sopxl.read.xlsx import read_workbook
check_grids("x.xlsx", read_workbook(payload["path"]).sheets, load_config())
core_pandas = "pandas" in sys.modules
import sopxl.excel.book as excel
excel.lean_imports()
xw = excel.load_xlwings()
outcome = excel.validate_book(xw.Book(json=payload["book"]))
print(json.dumps({"core_pandas": core_pandas, "pandas": sys.modules.get("pandas") is not None,
                  "sops": len(outcome.result.sops)}))
"""
    env = {**os.environ, "XLWINGS_LICENSE_KEY": "noncommercial"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                          input=json.dumps({"path": str(sop_file), "book": vba_payload(sop_file)}),
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"core_pandas": False, "pandas": False, "sops": 2}


def test_missing_xlwings_says_which_extra_to_install(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "xlwings", None)
    from sopxl.errors import SopxlError

    with pytest.raises(SopxlError) as err:
        excel.load_xlwings()
    assert 'pip install "sopxl[excel]"' in str(err.value)


# ---------------------------------------------------------------------------- the add-ins

def _vba_modules(path: Path) -> dict[str, str]:
    with warnings.catch_warnings():  # oletools still calls pyparsing's old names
        warnings.simplefilter("ignore", DeprecationWarning)
        from oletools.olevba import VBA_Parser

    parser = VBA_Parser(str(path))
    try:
        return {name: code for _, _, name, code in parser.extract_macros()}
    finally:
        parser.close()


def test_addins_carry_the_buttons_and_run_a_function_the_package_has(tmp_path: Path) -> None:
    paths = excel_addin.build_addins(tmp_path)
    assert [p.name for p in paths] == ["sopxl.excel.xlam", "sopxl.excel_bagan.xlam"]
    template = zipfile.ZipFile(excel_addin.template_path())
    expected = {"sopxl.excel.xlam": ("Validasi SOP", "Pemeriksaan"),
                "sopxl.excel_bagan.xlam": ("Gambar Bagan Alir", "Bagan Alir")}
    for path in paths:
        with zipfile.ZipFile(path) as z:
            ui = etree.fromstring(z.read("customUI/customUI.xml"))
            # xlwings' VBA, byte for byte: only the ribbon and the settings sheet change
            assert z.read("xl/vbaProject.bin") == template.read("xl/vbaProject.bin")
        tab = ui.find(f"{CUSTOMUI}ribbon/{CUSTOMUI}tabs/{CUSTOMUI}tab")
        assert (tab.get("idQ"), tab.get("label")) == ("sop:sopTab", "SOP")  # one tab for both add-ins
        assert ui.nsmap["sop"] == excel_addin.TAB_NS
        group = tab.find(f"{CUSTOMUI}group")
        button = group.find(f"{CUSTOMUI}button")
        assert (button.get("label"), group.get("label")) == expected[path.name]
        assert button.get("imageMso") and button.get("size") == "large"

        vba = _vba_modules(path)
        callback_module, callback = button.get("onAction").split(".")
        code = vba[callback_module + ".bas"]
        assert f"Sub {callback}(control As IRibbonControl)" in code
        assert 'RunPython "import " & mymodule & ";" & mymodule & ".main()"' in code
        assert "Left(ThisWorkbook.Name, (InStrRev(ThisWorkbook.Name, \".\", -1, vbTextCompare) - 1))" in code
        module = path.name[: path.name.rindex(".")]  # what that VBA computes from the file name
        assert module == excel_addin.module_for(path.name)
        assert callable(importlib.import_module(module).main)
    assert importlib.import_module("sopxl.excel").main is excel.main
    assert importlib.import_module("sopxl.excel_bagan").main is excel.draw_main


def test_addin_settings_sheet_is_switched_on_with_the_interpreter(tmp_path: Path) -> None:
    path = excel_addin.build_addins(tmp_path, interpreter_win=r"C:\Python311\python.exe")[0]
    code = _vba_modules(path)["xlwings.bas"]
    project = re.search(r'PROJECT_NAME As String = "(\w+)"', code).group(1)
    assert 'wb.Sheets(PROJECT_NAME & ".conf")' in code
    with zipfile.ZipFile(path) as z:
        names = [s.get("name") for s in etree.fromstring(z.read("xl/workbook.xml")).iter(f"{MAIN}sheet")]
        sheet = etree.fromstring(z.read("xl/worksheets/sheet1.xml"))
        shared = [si.findtext(f"{MAIN}t") for si in etree.fromstring(z.read("xl/sharedStrings.xml"))]
    assert names == [f"{project}.conf"]

    def text(cell):
        if cell.get("t") == "s":
            return shared[int(cell.findtext(f"{MAIN}v"))]
        return "".join(cell.itertext())

    cells = {c.get("r"): text(c) for c in sheet.iter(f"{MAIN}c")}
    assert (cells["A1"], cells["B1"]) == ("Interpreter_Win", r"C:\Python311\python.exe")
    assert (cells["A10"], cells["B10"]) == ("ADD_WORKBOOK_TO_PYTHONPATH", "false")
    rows = [int(r.get("r")) for r in sheet.iter(f"{MAIN}row")]
    assert rows == sorted(rows) and set(range(1, 11)) <= set(rows)  # xlwings reads A1 down to a gap
    for row in sheet.iter(f"{MAIN}row"):  # Excel refuses a row whose cells are out of column order
        cols = [cell_to_rowcol(c.get("r"))[1] for c in row.iter(f"{MAIN}c")]
        assert cols == sorted(cols), row.get("r")


# ---------------------------------------------------------------------------- the command

def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_cli_build_writes_both_addins(tmp_path: Path) -> None:
    code, out, _ = _run("excel", "build", "--out", str(tmp_path / "sopxl.excel.xlam"))
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sopxl.excel.xlam", "sopxl.excel_bagan.xlam"]
    assert "tombol Validasi SOP" in out and "tombol Gambar Bagan Alir" in out


def test_cli_build_refuses_another_file_name(tmp_path: Path) -> None:
    code, _, err = _run("excel", "build", "--out", str(tmp_path / "tombol.xlam"))
    assert code == 2 and "harus sopxl.excel.xlam" in err
    assert not list(tmp_path.iterdir())


def test_cli_install_on_linux_says_excel_is_windows_and_macos_only(monkeypatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    code, out, err = _run("excel", "install")
    assert code == 2 and out == ""
    assert err.startswith("Excel desktop hanya ada di Windows dan macOS")


def test_cli_install_and_uninstall_in_a_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    code, out, _ = _run("excel", "install", "--python", r"C:\Python311\python.exe")
    xlstart = tmp_path / "Roaming" / "Microsoft" / "Excel" / "XLSTART"
    assert code == 0 and f"dipasang di {xlstart}" in out
    assert sorted(p.name for p in xlstart.iterdir()) == ["sopxl.excel.xlam", "sopxl.excel_bagan.xlam"]
    with zipfile.ZipFile(xlstart / "sopxl.excel.xlam") as z:
        assert b"C:\\Python311\\python.exe" in z.read("xl/worksheets/sheet1.xml")
    code, out, _ = _run("excel", "uninstall")
    assert code == 0 and "dilepas" in out and not list(xlstart.iterdir())
    code, out, _ = _run("excel", "uninstall")
    assert code == 0 and out.startswith("Tidak ada add-in sopxl")


def test_cli_speaks_english_with_lang_en(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    code, _, err = _run("excel", "install", "--lang", "en")
    assert code == 2 and err.startswith("Desktop Excel exists only on Windows and macOS")
    code, out, _ = _run("excel", "--lang", "en", "install", "--dir", str(tmp_path),
                        "--python", "/usr/bin/python3")
    assert code == 0 and out.startswith(f"sopxl add-ins installed in {tmp_path}:\n")
    assert "(button Validasi SOP)" in out and "Close every Excel window" in out and "tombol" not in out
    code, out, _ = _run("excel", "uninstall", "--dir", str(tmp_path), "--lang", "en")
    assert code == 0 and out.startswith(f"sopxl add-ins removed from {tmp_path}")
    assert _run("excel")[1].startswith("Pakai: sopxl excel build | install | uninstall")
    assert _run("excel", "--lang", "en")[1].startswith("Usage: sopxl excel build | install | uninstall")


def test_cli_install_warns_about_store_python(tmp_path: Path) -> None:
    store = r"C:\Users\a\AppData\Local\Microsoft\WindowsApps\python.exe"
    code, out, _ = _run("excel", "install", "--dir", str(tmp_path), "--python", store)
    assert code == 0 and "Microsoft Store" in out


def test_draw_button_draws_into_a_copy_beside_the_workbook(sop_file: Path) -> None:
    payload = vba_payload(sop_file)
    payload["book"]["name"] = str(sop_file)  # the remote engine's fullname is the name it is sent
    message, mode = excel.draw_book(xw.Book(json=payload))
    copy = sop_file.with_name(f"{sop_file.stem} (bagan).xlsx")
    assert mode == "info" and message.startswith("Bagan alir digambar pada salinan:")
    assert str(copy) in message
    with zipfile.ZipFile(copy) as z:
        assert any(n.startswith("xl/drawings/") for n in z.namelist())
    with zipfile.ZipFile(sop_file) as z:
        assert not any(n.startswith("xl/drawings/") for n in z.namelist())  # the original is untouched
