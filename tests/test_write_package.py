"""The package writer on real office workbooks: nothing of the user's is lost or changed.

The workbooks come from ``tests/fixtures_office.py``: openpyxl content plus a hand-made
DrawingML flowchart that openpyxl itself could not keep, and an .xlsm with a real
VBA project. LibreOffice checks that what we write opens, prints and converts.
"""
from __future__ import annotations

import os
import shutil
import stat
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).parent))

from fixtures_office import (  # noqa: E402 - the fixture module sits beside this file
    SOP_SHEETS,
    office_workbook,
    quickstart_vba,
    read_parts,
    sheet_parts_by_name,
    write_parts,
)
from libreoffice_client import convert, needs_soffice  # noqa: E402

from sopxl.errors import WorkbookError, WriteError  # noqa: E402
from sopxl.sheetspec import CellSpec, SheetSpec, Validation  # noqa: E402
from sopxl.write import package, replace  # noqa: E402
from sopxl.write.package import new_workbook, write_sheets  # noqa: E402

M = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"m": M, "r": R, "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
      "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
      "vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"}
REGISTERING = {"[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
               "docProps/app.xml"}

# Schema order of <worksheet> children (ECMA-376 CT_Worksheet).
WORKSHEET_ORDER = [
    "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr",
    "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate",
    "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations",
    "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
    "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing",
    "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
]


# ---------------------------------------------------------------------------- specs

def status_spec(note: str = "Diperiksa 2024-05-01 10:00") -> SheetSpec:
    header = ["No", "Lembar", "Sel", "Kode", "Tingkat", "Pesan", "Tautan", "Tindak lanjut"]
    rows: list[list] = [
        [CellSpec("Status Pemeriksaan SOP", "title")],
        [CellSpec(note, "subtitle")],
        [],
        [CellSpec(h, "header") for h in header],
    ]
    levels = ["error", "warning", "ok"]
    for i in range(9):
        level = levels[i % 3]
        rows.append([CellSpec(i + 1, "number"), CellSpec("SOP 01", "text"), CellSpec(f"G{7 + i % 5}", "text"),
                     CellSpec("WAKTU-SATUAN", "text"), CellSpec(level, level),
                     CellSpec(f"Pesan {i + 1}: satuan waktu tidak dikenal", "text"),
                     CellSpec("Buka sel", "link", link=f"'SOP 01'!G{7 + i % 5}"), CellSpec(None, "input")])
    rows.append([CellSpec("=1+1", "text"), CellSpec("teks\x07 dengan\x00 kendali", "text"), 2.5,
                 CellSpec("Sebagian", "input")])
    rows.append([CellSpec("Lihat pedoman", "link", link="https://jdih.menpan.go.id/")])
    return SheetSpec(
        name="Status", rows=rows, col_widths={0: 5, 1: 12, 5: 48, 6: 12, 7: 16},
        merges=["A1:H1", "A2:H2"], freeze="A5", autofilter="A4:H13",
        validations=[Validation("H5:H14", ["Sudah", "Belum", "Tidak relevan"], prompt="Pilih tindak lanjut")],
        print_title_rows=(3, 3), tab_color="C00000",
    )


def checklist_spec(answer: str = "Sudah") -> SheetSpec:
    rows = [[CellSpec("Checklist SOP", "title")],
            [CellSpec(h, "header") for h in ["No", "Butir", "Jawaban"]],
            [CellSpec("SOP 01", "section")],
            [CellSpec(1, "number"), CellSpec("Nama SOP sesuai", "text"), CellSpec(answer, "input")],
            [CellSpec(2, "number"), CellSpec("Langkah lama", "removed"), CellSpec("Belum", "removed")]]
    long = [f"Pilihan jawaban nomor {i} yang cukup panjang" for i in range(12)]
    return SheetSpec(name="Checklist", rows=rows, col_widths={1: 40, 2: 18}, freeze="A3",
                     validations=[Validation("C4:C10", ["Sudah", "Belum"]), Validation("D4:D10", long)],
                     landscape=False, tab_color="#2F5597")


# ---------------------------------------------------------------------------- helpers

@pytest.fixture
def office(tmp_path: Path) -> Path:
    return office_workbook(tmp_path / "SOP Bagian Umum.xlsx")


@pytest.fixture
def office_macro(tmp_path: Path) -> Path:
    return office_workbook(tmp_path / "SOP Bagian Umum.xlsm", macro=True)


def xml(data: bytes) -> etree._Element:
    return etree.fromstring(data)


def values(path: Path, sheet: str) -> dict[str, object]:
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    return {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}


def workbook_snapshot(path: Path) -> dict:
    """What openpyxl sees of the user's sheets: values, merges, validations, names."""
    wb = openpyxl.load_workbook(path)
    out = {}
    for name in SOP_SHEETS:
        ws = wb[name]
        out[name] = {
            "values": {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None},
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "validations": sorted((str(dv.sqref), dv.formula1) for dv in ws.data_validations.dataValidation),
            "print_titles": ws.print_title_rows,
            "print_area": ws.print_area,
            "state": ws.sheet_state,
            "comments": {c.coordinate: c.comment.text for row in ws.iter_rows() for c in row if c.comment},
            "conditional": sorted(str(r.sqref) for r in ws.conditional_formatting),
        }
    out["names"] = {k: v.attr_text for k, v in wb.defined_names.items()}
    return out


def temp_leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".~sopxl-")]


def sheet_entries(parts: dict[str, bytes]) -> list[dict[str, str | None]]:
    wb = xml(parts["xl/workbook.xml"])
    return [{"name": s.get("name"), "sheetId": s.get("sheetId"), "rid": s.get(f"{{{R}}}id")}
            for s in wb.iterfind("m:sheets/m:sheet", NS)]


def defined_names(parts: dict[str, bytes]) -> list[tuple[str | None, str | None, str | None]]:
    wb = xml(parts["xl/workbook.xml"])
    return [(d.get("name"), d.get("localSheetId"), d.text)
            for d in wb.iterfind("m:definedNames/m:definedName", NS)]


# ---------------------------------------------------------------------------- nothing lost

def test_every_other_part_is_byte_identical(office: Path) -> None:
    before = read_parts(office)
    write_sheets(office, [status_spec(), checklist_spec()])
    after = read_parts(office)

    for name, data in before.items():
        assert name in after, f"{name} was dropped"
        if name not in REGISTERING:
            assert after[name] == data, f"{name} changed"
    new = set(after) - set(before)
    assert new == {"xl/worksheets/sheet4.xml", "xl/worksheets/sheet5.xml",
                   "xl/worksheets/_rels/sheet4.xml.rels"}  # the rels: Status's one web link
    with zipfile.ZipFile(office) as zf:
        assert zf.namelist()[0] == "[Content_Types].xml"
        assert zf.testzip() is None


def test_user_sheets_read_back_the_same(office: Path) -> None:
    before = workbook_snapshot(office)
    write_sheets(office, [status_spec(), checklist_spec()])
    assert workbook_snapshot(office) == before
    assert openpyxl.load_workbook(office).sheetnames == [*SOP_SHEETS, "Status", "Checklist"]


def test_flowchart_shapes_and_picture_survive(office: Path) -> None:
    write_sheets(office, [status_spec()])
    parts = read_parts(office)
    for drawing in ("xl/drawings/drawing1.xml", "xl/drawings/drawing2.xml"):
        root = xml(parts[drawing])
        shapes = [g.get("prst") for g in root.iterfind(".//xdr:sp//a:prstGeom", NS)]
        assert shapes == ["flowChartTerminator", "flowChartProcess", "flowChartDecision",
                          "flowChartTerminator"]
        connectors = root.findall(".//xdr:cxnSp", NS)
        assert len(connectors) == 3
        assert all(c.find(".//a:stCxn", NS) is not None and c.find(".//a:endCxn", NS) is not None
                   for c in connectors)
    assert xml(parts["xl/drawings/drawing1.xml"]).find(".//xdr:pic", NS) is not None
    assert parts["xl/media/image1.png"].startswith(b"\x89PNG")
    types = xml(parts["[Content_Types].xml"])
    overrides = {o.get("PartName") for o in types.iterfind("ct:Override", NS)}
    assert {"/xl/drawings/drawing1.xml", "/xl/drawings/drawing2.xml"} <= overrides


# ---------------------------------------------------------------------------- the new sheets

def test_new_sheets_read_back_with_openpyxl(office: Path) -> None:
    write_sheets(office, [status_spec(), checklist_spec()])
    wb = openpyxl.load_workbook(office)
    ws = wb["Status"]
    assert ws["A1"].value == "Status Pemeriksaan SOP"
    assert ws["F5"].value == "Pesan 1: satuan waktu tidak dikenal"
    assert ws["A5"].value == 1 and ws["A5"].data_type == "n"
    assert ws["C14"].value == 2.5
    assert ws["B14"].value == "teks dengan kendali"  # XML-illegal characters stripped
    assert sorted(str(r) for r in ws.merged_cells.ranges) == ["A1:H1", "A2:H2"]
    assert ws.freeze_panes == "A5"
    assert ws.auto_filter.ref == "A4:H13"
    assert ws.print_title_rows == "$4:$4"
    assert ws.sheet_properties.tabColor.rgb == "FFC00000"
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9"
    assert str(ws.page_setup.fitToWidth) == "1" and str(ws.page_setup.fitToHeight) == "0"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.column_dimensions["F"].width == 48
    (dv,) = ws.data_validations.dataValidation
    assert (str(dv.sqref), dv.type, dv.formula1, dv.prompt) == (
        "H5:H14", "list", '"Sudah,Belum,Tidak relevan"', "Pilih tindak lanjut")
    assert ws["G5"].hyperlink.location == "'SOP 01'!G7"
    assert ws["G5"].hyperlink.display == "Buka sel"
    assert ws["A15"].hyperlink.target == "https://jdih.menpan.go.id/"
    # named styles, by their look
    assert ws["E5"].fill.fgColor.rgb == "FFFFC7CE"  # error: light red
    assert ws["E6"].fill.fgColor.rgb == "FFFFEB9C"  # warning: light yellow
    assert ws["E7"].fill.fgColor.rgb == "FFC6EFCE"  # ok: light green
    assert ws["A4"].font.b and ws["A4"].fill.fgColor.rgb == "FFD9E1F2"
    assert ws["A4"].border.left.style == "thin"
    assert ws["G5"].font.u == "single" and ws["G5"].font.color.rgb == "FF0563C1"
    assert ws["H5"].protection.locked is False and ws["F5"].protection.locked is True
    assert ws["F5"].alignment.wrap_text

    cl = wb["Checklist"]
    assert [c.value for c in cl[4]][:3] == [1, "Nama SOP sesuai", "Sudah"]
    assert cl.page_setup.orientation == "portrait"
    assert cl.sheet_properties.tabColor.rgb == "FF2F5597"
    dvs = {str(d.sqref): d for d in cl.data_validations.dataValidation}
    assert dvs["C4:C10"].formula1 == '"Sudah,Belum"'
    # 12 long choices do not fit Excel's 255-character list: no dropdown, choices in the prompt
    assert dvs["D4:D10"].type is None and dvs["D4:D10"].prompt.startswith("Pilihan: Pilihan jawaban nomor 0")
    assert len(dvs["D4:D10"].prompt) <= 255


def test_text_starting_with_equals_stays_text(office: Path) -> None:
    write_sheets(office, [status_spec()])
    part = sheet_parts_by_name(office)["Status"]
    sheet = xml(read_parts(office)[part])
    assert sheet.find(".//m:f", NS) is None
    cell = sheet.find(".//m:c[@r='A14']", NS)
    assert cell.get("t") == "inlineStr" and cell.findtext("m:is/m:t", namespaces=NS) == "=1+1"
    ws = openpyxl.load_workbook(office)["Status"]
    assert ws["A14"].value == "=1+1" and ws["A14"].data_type == "s"
    assert "sharedStrings" not in " ".join(set(read_parts(office)) - set(REGISTERING))


def selected_tabs(path: Path) -> list[str]:
    parts = read_parts(path)
    return [n for n, p in sheet_parts_by_name(path).items()
            if xml(parts[p]).find("m:sheetViews/m:sheetView[@tabSelected='1']", NS) is not None]


def test_workbook_registration(office: Path) -> None:
    selected_before = selected_tabs(office)
    write_sheets(office, [status_spec(), checklist_spec()])
    parts = read_parts(office)
    sheets = sheet_entries(parts)
    assert [s["name"] for s in sheets] == [*SOP_SHEETS, "Status", "Checklist"]
    assert len({s["sheetId"] for s in sheets}) == len(sheets)
    rels = {r.get("Id") for r in xml(parts["xl/_rels/workbook.xml.rels"])}
    assert len(rels) == len(list(xml(parts["xl/_rels/workbook.xml.rels"])))
    assert all(s["rid"] in rels for s in sheets)
    names = defined_names(parts)
    assert ("_xlnm.Print_Titles", "3", "'Status'!$4:$4") in names
    assert ("_xlnm._FilterDatabase", "3", "'Status'!$A$4:$H$13") in names
    assert ("_xlnm.Print_Titles", "0", "'SOP 01'!$6:$6") in names  # the user's, untouched
    # the active tab and selected tab stay the user's: no two tabs grouped
    wb = xml(parts["xl/workbook.xml"])
    assert wb.find("m:bookViews/m:workbookView", NS).get("activeTab") == "0"
    assert selected_tabs(office) == selected_before
    # docProps/app.xml lists the two new worksheets among the titles
    app = xml(parts["docProps/app.xml"])
    titles = [t.text for t in app.iterfind("ep:TitlesOfParts/vt:vector/vt:lpstr", NS)]
    assert titles[:5] == [*SOP_SHEETS, "Status", "Checklist"]
    assert app.find("ep:HeadingPairs/vt:vector/vt:variant[2]/vt:i4", NS).text == "5"
    assert app.find("ep:TitlesOfParts/vt:vector", NS).get("size") == str(len(titles))


def test_worksheet_children_follow_schema_order(office: Path) -> None:
    write_sheets(office, [status_spec(), checklist_spec()])
    parts = read_parts(office)
    for name in ("Status", "Checklist"):
        root = xml(parts[sheet_parts_by_name(office)[name]])
        order = [etree.QName(c).localname for c in root]
        assert order == sorted(order, key=WORKSHEET_ORDER.index), order
        pr = [etree.QName(c).localname for c in root.find("m:sheetPr", NS)]
        assert pr == sorted(pr, key=["tabColor", "outlinePr", "pageSetUpPr"].index)


def test_styles_are_only_appended(office: Path) -> None:
    before = xml(read_parts(office)["xl/styles.xml"])
    write_sheets(office, [status_spec(), checklist_spec()])
    after = xml(read_parts(office)["xl/styles.xml"])
    for tag in ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"):
        old, new = before.find(f"m:{tag}", NS), after.find(f"m:{tag}", NS)
        if old is None:
            continue
        old_items = [etree.tostring(e) for e in old]
        assert [etree.tostring(e) for e in new][:len(old_items)] == old_items, tag
        assert new.get("count") in (None, str(len(new)))
    assert len(after.find("m:cellXfs", NS)) > len(before.find("m:cellXfs", NS))


# ---------------------------------------------------------------------------- replacing

def test_writing_twice_gives_the_same_bytes(office: Path) -> None:
    write_sheets(office, [status_spec(), checklist_spec()])
    first_parts, first_file = read_parts(office), office.read_bytes()
    write_sheets(office, [status_spec(), checklist_spec()])
    assert read_parts(office) == first_parts
    assert office.read_bytes() == first_file
    write_sheets(office, [status_spec(), checklist_spec()])
    assert read_parts(office) == first_parts


def test_replacing_keeps_position_id_and_drops_old_content(office: Path) -> None:
    write_sheets(office, [status_spec(), checklist_spec()])
    before = read_parts(office)
    write_sheets(office, [SheetSpec("status", [["ganti"]])])  # case-insensitive, as in Excel
    after = read_parts(office)
    old, new = sheet_entries(before), sheet_entries(after)
    assert [s["sheetId"] for s in new] == [s["sheetId"] for s in old]
    assert [s["name"] for s in new] == [*SOP_SHEETS, "status", "Checklist"]
    assert values(office, "status") == {"A1": "ganti"}
    names = defined_names(after)
    assert not [n for n in names if n[1] == "3"], "the old sheet's print titles/filter stay behind"
    assert "xl/worksheets/_rels/sheet4.xml.rels" not in after  # its old web-link rels are gone
    for name in before:
        if name not in REGISTERING and name not in {"xl/worksheets/sheet4.xml",
                                                    "xl/worksheets/_rels/sheet4.xml.rels"}:
            assert after[name] == before[name], name
    app = xml(after["docProps/app.xml"])
    assert "status" in [t.text for t in app.iterfind("ep:TitlesOfParts/vt:vector/vt:lpstr", NS)]


def test_replacing_a_user_sheet_removes_the_parts_only_it_used(office: Path) -> None:
    before = read_parts(office)
    write_sheets(office, [SheetSpec("SOP 02", [["Diganti"]])])
    after = read_parts(office)
    gone = set(before) - set(after)
    assert gone == {"xl/worksheets/_rels/sheet2.xml.rels", "xl/drawings/drawing2.xml",
                    "xl/comments/comment2.xml", "xl/drawings/commentsDrawing2.vml"}
    overrides = {o.get("PartName") for o in xml(after["[Content_Types].xml"]).iterfind("ct:Override", NS)}
    assert "/xl/drawings/drawing2.xml" not in overrides and "/xl/comments/comment2.xml" not in overrides
    assert "/xl/worksheets/sheet2.xml" in overrides
    assert after["xl/drawings/drawing1.xml"] == before["xl/drawings/drawing1.xml"]
    assert sheet_entries(after)[1] == sheet_entries(before)[1]
    assert [n for n in defined_names(after) if n[1] == "1"] == []
    first_sheet_names = [n for n in defined_names(before) if n[1] == "0"]
    assert [n for n in defined_names(after) if n[1] == "0"] == first_sheet_names
    wb = openpyxl.load_workbook(office)
    assert wb["SOP 02"]["A1"].value == "Diganti"
    assert wb["SOP 01"]["B7"].comment.text == "Dicatat di buku agenda"


def test_replacing_the_active_sheet_keeps_it_selected(office: Path) -> None:
    write_sheets(office, [SheetSpec("SOP 01", [["aktif"]])])
    assert selected_tabs(office) == ["SOP 01"]


def test_no_sheets_changes_nothing(office: Path, tmp_path: Path) -> None:
    before = read_parts(office)
    out = tmp_path / "salinan.xlsx"
    write_sheets(office, [], output=out)
    assert read_parts(out) == before


def test_calc_chain_loses_only_the_replaced_sheets_cells(tmp_path: Path) -> None:
    path = office_workbook(tmp_path / "rantai.xlsx")
    parts = read_parts(path)
    parts["xl/calcChain.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        b'<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<c r="G12" i="1"/><c r="G12" i="2"/><c r="G13"/><c r="H1" i="3"/><c r="H2"/></calcChain>')
    types = xml(parts["[Content_Types].xml"])
    etree.SubElement(types, f"{{{NS['ct']}}}Override", PartName="/xl/calcChain.xml",
                     ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml")
    parts["[Content_Types].xml"] = etree.tostring(types)
    rels = xml(parts["xl/_rels/workbook.xml.rels"])
    etree.SubElement(rels, "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship",
                     Id="rIdCalc", Type=R + "/calcChain", Target="calcChain.xml")
    parts["xl/_rels/workbook.xml.rels"] = etree.tostring(rels)
    write_parts(path, parts)

    write_sheets(path, [SheetSpec("SOP 02", [["x"]])])
    chain = xml(read_parts(path)["xl/calcChain.xml"])
    assert [(c.get("r"), c.get("i")) for c in chain] == [("G12", "1"), ("H1", "3"), ("H2", None)]

    write_sheets(path, [SheetSpec("SOP 01", [["x"]]), SheetSpec("Daftar", [["y"]])])
    after = read_parts(path)
    assert "xl/calcChain.xml" not in after  # emptied: removed with its relationship and type
    assert b"calcChain" not in after["xl/_rels/workbook.xml.rels"]
    assert b"calcChain" not in after["[Content_Types].xml"]
    assert openpyxl.load_workbook(path).sheetnames == list(SOP_SHEETS)


# ---------------------------------------------------------------------------- macros and real Excel files

@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # oletools' use of old pyparsing names
def test_macro_workbook_keeps_its_vba(office_macro: Path) -> None:
    from oletools.olevba import VBA_Parser

    before = read_parts(office_macro)
    result = write_sheets(office_macro, [status_spec(), checklist_spec()])
    assert result == str(office_macro) and office_macro.suffix == ".xlsm"
    after = read_parts(office_macro)
    assert after["xl/vbaProject.bin"] == before["xl/vbaProject.bin"] == quickstart_vba()
    types = xml(after["[Content_Types].xml"])
    assert types.find("ct:Override[@PartName='/xl/workbook.xml']", NS).get("ContentType") == \
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    assert types.find("ct:Default[@Extension='bin']", NS).get("ContentType") == \
        "application/vnd.ms-office.vbaProject"
    assert b"vbaProject" in after["xl/_rels/workbook.xml.rels"]
    parser = VBA_Parser(str(office_macro))
    try:
        assert parser.detect_vba_macros()
        modules = [name for _, _, name, _ in parser.extract_macros()]
        assert modules, "olevba finds no VBA module"
    finally:
        parser.close()
    wb = openpyxl.load_workbook(office_macro, keep_vba=True)
    assert wb["Status"]["A1"].value == "Status Pemeriksaan SOP"


def test_real_excel_workbook_from_xlwings(tmp_path: Path) -> None:
    import xlwings

    path = tmp_path / "quickstart.xlsm"
    shutil.copyfile(Path(xlwings.__file__).parent / "quickstart.xlsm", path)
    before = read_parts(path)
    before_values = {n: values(path, n) for n in openpyxl.load_workbook(path).sheetnames}
    write_sheets(path, [status_spec(), checklist_spec()])
    after = read_parts(path)
    for name, data in before.items():
        if name not in REGISTERING:
            assert after[name] == data, name
    for name, vals in before_values.items():
        assert values(path, name) == vals
    wb = xml(after["xl/workbook.xml"])
    # Excel's own markup (revision ids, alternate content, extLst) survives the edit
    assert wb.find("{http://schemas.microsoft.com/office/spreadsheetml/2014/revision}revisionPtr") is not None
    assert wb.find("m:extLst", NS) is not None
    assert wb.find("m:definedNames", NS).getprevious().tag == f"{{{M}}}sheets"
    assert values(path, "Status")["A1"] == "Status Pemeriksaan SOP"


# ---------------------------------------------------------------------------- the user's file is safe

def test_lock_file_refuses_and_leaves_the_file(office: Path) -> None:
    (office.parent / ("~$" + office.name)).write_bytes(b"\x00" * 165)
    before = office.read_bytes()
    with pytest.raises(WriteError) as err:
        write_sheets(office, [status_spec()])
    assert "Buku kerja sedang dibuka di Excel; tutup dulu lalu ulangi." in err.value.message
    assert "close it first" in err.value.message_en
    assert office.name in err.value.text()
    assert office.read_bytes() == before
    assert temp_leftovers(office.parent) == []


def test_libreoffice_lock_file_refuses_too(office: Path) -> None:
    (office.parent / f".~lock.{office.name}#").write_text("ANDI,pc-umum,23.05.2024 09:12;")
    before = office.read_bytes()
    with pytest.raises(WriteError, match="dibuka di LibreOffice"):
        write_sheets(office, [status_spec()])
    assert office.read_bytes() == before


def test_read_only_file_refused(office: Path) -> None:
    before = office.read_bytes()
    office.chmod(0o444)
    try:
        with pytest.raises(WriteError) as err:
            write_sheets(office, [status_spec()])
        assert "hanya-baca" in err.value.message and err.value.code == "TULIS-HANYA-BACA"
    finally:
        office.chmod(0o644)
    assert office.read_bytes() == before


@pytest.mark.skipif(os.name == "nt", reason="POSIX folder permissions")
def test_read_only_folder_refused(office: Path) -> None:
    before = office.read_bytes()
    folder = office.parent
    folder.chmod(0o555)
    try:
        with pytest.raises(WriteError) as err:
            write_sheets(office, [status_spec()])
        assert "Folder" in err.value.message
    finally:
        folder.chmod(0o755)
    assert office.read_bytes() == before
    assert temp_leftovers(folder) == []


@pytest.mark.parametrize("fail_at", ["zip", "replace", "verify"])
def test_failure_midway_leaves_original_and_no_temp_file(office: Path, monkeypatch: pytest.MonkeyPatch,
                                                         fail_at: str) -> None:
    before = office.read_bytes()
    if fail_at == "zip":
        calls = {"n": 0}
        real = zipfile.ZipFile.writestr

        def flaky(self, info, data, *a, **k):
            calls["n"] += 1
            if calls["n"] == 6:
                raise OSError(28, "No space left on device")
            return real(self, info, data, *a, **k)

        monkeypatch.setattr(zipfile.ZipFile, "writestr", flaky)
    elif fail_at == "replace":
        def refuse(src, dst):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(package.os, "replace", refuse)
    else:
        def broken(path, names):
            return False  # the written zip does not reopen

        monkeypatch.setattr(replace, "zip_holds", broken)
    with pytest.raises(WriteError) as err:
        write_sheets(office, [status_spec()])
    assert err.value.message  # Indonesian, no traceback text
    assert office.read_bytes() == before
    assert temp_leftovers(office.parent) == []


def test_output_writes_a_copy_and_leaves_the_original(office: Path, tmp_path: Path) -> None:
    before = office.read_bytes()
    out = tmp_path / "hasil" / "SOP diperiksa.xlsx"
    out.parent.mkdir()
    assert write_sheets(office, [status_spec()], output=out) == str(out)
    assert office.read_bytes() == before
    assert openpyxl.load_workbook(out).sheetnames == [*SOP_SHEETS, "Status"]
    with pytest.raises(WriteError) as err:
        write_sheets(office, [status_spec()], output=tmp_path / "hasil" / "salah.xlsm")
    assert err.value.code == "TULIS-EKSTENSI"


def test_permission_bits_are_kept(office: Path) -> None:
    office.chmod(0o640)
    write_sheets(office, [status_spec()])
    assert stat.S_IMODE(office.stat().st_mode) == 0o640


def test_a_new_file_gets_the_usual_permission_bits(office: Path, tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        out = tmp_path / "baru.xlsx"
        write_sheets(office, [status_spec()], output=out)
        new_workbook(tmp_path / "register.xlsx", [status_spec()])
    finally:
        os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "register.xlsx").stat().st_mode) == 0o644


@pytest.mark.parametrize("name", ["", "Status: 2024", "A/B", "[x]", "a" * 32, "'kutip", "History", "a?",
                                  "b*", "tab\tdi nama"])
def test_bad_sheet_names_are_refused(office: Path, name: str) -> None:
    before = office.read_bytes()
    with pytest.raises(WriteError) as err:
        write_sheets(office, [SheetSpec(name, [["x"]])])
    assert err.value.code == "TULIS-NAMA-LEMBAR"
    assert err.value.message.startswith(("Nama lembar", "Nama lembar kosong"))
    assert office.read_bytes() == before


def test_same_name_twice_refused(office: Path) -> None:
    with pytest.raises(WriteError, match="dipakai dua kali"):
        write_sheets(office, [SheetSpec("Status"), SheetSpec("STATUS")])


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_a_symlinked_workbook_is_written_through_the_link(office: Path, tmp_path: Path) -> None:
    link = tmp_path / "tautan.xlsx"
    link.symlink_to(office)
    write_sheets(link, [status_spec()])
    assert link.is_symlink()
    assert openpyxl.load_workbook(office).sheetnames[-1] == "Status"


def test_overlapping_merges_keep_the_first(office: Path) -> None:
    write_sheets(office, [SheetSpec("Status", [["a", "b"]], merges=["A1:B2", "B2:C3", "D1:E1"])])
    ws = openpyxl.load_workbook(office)["Status"]
    assert sorted(str(r) for r in ws.merged_cells.ranges) == ["A1:B2", "D1:E1"]


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "bukan.xlsx"
    path.write_bytes(b"ini bukan zip")
    with pytest.raises(WorkbookError):
        write_sheets(path, [status_spec()])
    assert path.read_bytes() == b"ini bukan zip"
    assert temp_leftovers(tmp_path) == []


def test_unknown_style_is_a_write_error(office: Path) -> None:
    with pytest.raises(WriteError, match="gaya sel"):
        write_sheets(office, [SheetSpec("Status", [[CellSpec("x", "tebal")]])])


# ---------------------------------------------------------------------------- a fresh workbook

def test_new_workbook_is_complete_and_stable(tmp_path: Path) -> None:
    header = [CellSpec(f"Kolom {c + 1}", "header") for c in range(15)]
    rows = [header] + [[CellSpec(f"Unit kerja {r} kolom {c}", "text") if c % 3 else r * 10 + c
                        for c in range(15)] for r in range(3000)]
    spec = SheetSpec("Register", rows, col_widths={c: 18 for c in range(15)}, freeze="B2",
                     autofilter="A1:O3001", print_title_rows=(0, 0))
    path = tmp_path / "register.xlsx"
    # Its speed is measured in benchmarks/merge_bench.py, not asserted here (the guide: no timed unit tests).
    new_workbook(path, [spec, SheetSpec("Catatan", [["dibuat oleh sopxl"]])])
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Register", "Catatan"]
    ws = wb["Register"]
    assert (ws.max_row, ws.max_column) == (3001, 15)
    assert ws["B2"].value == "Unit kerja 0 kolom 1" and ws["A3001"].value == 29990
    assert ws.freeze_panes == "B2" and ws.auto_filter.ref == "A1:O3001" and ws.print_title_rows == "$1:$1"
    with zipfile.ZipFile(path) as zf:
        assert zf.namelist()[0] == "[Content_Types].xml"
    first = path.read_bytes()
    new_workbook(path, [spec, SheetSpec("Catatan", [["dibuat oleh sopxl"]])])
    assert path.read_bytes() == first


# ---------------------------------------------------------------------------- LibreOffice

@needs_soffice
def test_libreoffice_prints_the_written_workbook(office: Path, tmp_path: Path, lo_profile: Path) -> None:
    write_sheets(office, [status_spec(), checklist_spec()])
    pdf = convert(office, "pdf", tmp_path / "pdf", lo_profile)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size > 5000


@needs_soffice
def test_libreoffice_reads_the_status_sheet(office_macro: Path, tmp_path: Path, lo_profile: Path) -> None:
    write_sheets(office_macro, [status_spec(), checklist_spec()])
    copy = convert(office_macro, "xlsx", tmp_path / "lo", lo_profile)
    wb = openpyxl.load_workbook(copy)
    assert wb.sheetnames == [*SOP_SHEETS, "Status", "Checklist"]
    ws = wb["Status"]
    assert ws["A1"].value == "Status Pemeriksaan SOP"
    assert [ws.cell(4, c).value for c in range(1, 9)] == ["No", "Lembar", "Sel", "Kode", "Tingkat", "Pesan",
                                                           "Tautan", "Tindak lanjut"]
    assert ws["A5"].value == 1 and ws["E5"].value == "error"
    assert ws["A14"].value == "=1+1" and ws["A14"].data_type == "s"
    # (headless LibreOffice drops every sheet's frozen panes on export, openpyxl's files' too)
    assert sorted(str(r) for r in ws.merged_cells.ranges) == ["A1:H1", "A2:H2"]
    assert ws.auto_filter.ref == "A4:H13"
    assert wb["Checklist"]["C4"].value == "Sudah"
    assert values(copy, "SOP 01")["B7"] == "Menerima surat masuk dan mencatat dalam agenda"
