"""The workbook reader: real packages built in tmp_path, compared with openpyxl where it can.

openpyxl never stores formula results and writes every text inline, so the finer cases
(cached values, shared strings with rich runs, error cells, cells without an address,
custom number formats) are written as package parts by hand with ``write_xlsx``.
"""
from __future__ import annotations

import datetime as dt
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

import openpyxl
import pytest
from openpyxl.chart import BarChart, Reference

from sopxl.errors import WorkbookError
from sopxl.read import safezip, values, worksheet
from sopxl.read.geometry import (
    DEFAULT_COL_WIDTH,
    EMU_PER_PT,
    EMU_PER_PX,
    SheetGeometry,
    chars_to_width,
    width_to_px,
)
from sopxl.read.xlsx import is_date_format, read_workbook

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_WB = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
CT_WB_MACRO = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


# -- building packages by hand ----------------------------------------------------------------

def sheet_xml(data: str, *, before: str = "", after: str = "", ns: str = MAIN) -> str:
    return (f'{DECL}<worksheet xmlns="{ns}" xmlns:r="{REL}">{before}<sheetData>{data}</sheetData>'
            f"{after}</worksheet>")


def write_xlsx(path: Path, sheets: list[tuple[str, str]], *, sst: list[str] | None = None,
               num_fmts: dict[int, str] | None = None, xfs: list[int] | None = None,
               workbook_pr: str = "", states: dict[str, str] | None = None,
               extra: dict[str, bytes | str] | None = None, macro: bool = False,
               ns: str = MAIN, rel_ns: str = REL) -> Path:
    """A minimal package as Excel lays it out. ``sst`` items are raw ``<si>`` inner XML."""
    states = states or {}
    parts: dict[str, bytes | str] = {}
    overrides = [f'<Override PartName="/xl/workbook.xml" ContentType="{CT_WB_MACRO if macro else CT_WB}"/>']
    sheet_els, wb_rels = [], []
    for i, (name, xml) in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = xml
        state = f' state="{states[name]}"' if name in states else ""
        sheet_els.append(f'<sheet name="{name}" sheetId="{i}"{state} r:id="rId{i}"/>')
        wb_rels.append(f'<Relationship Id="rId{i}" Type="{rel_ns}/worksheet" '
                       f'Target="worksheets/sheet{i}.xml"/>')
        overrides.append(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{CT_SHEET}"/>')
    if sst is not None:
        parts["xl/sharedStrings.xml"] = (f'{DECL}<sst xmlns="{ns}" count="{len(sst)}">'
                                         + "".join(f"<si>{s}</si>" for s in sst) + "</sst>")
        wb_rels.append(f'<Relationship Id="rIdS" Type="{rel_ns}/sharedStrings" Target="sharedStrings.xml"/>')
    fmts = "".join(f'<numFmt numFmtId="{k}" formatCode={quoteattr(v)}/>' for k, v in (num_fmts or {}).items())
    cell_xfs = "".join(f'<xf numFmtId="{n}" fontId="0" fillId="0" borderId="0"/>' for n in (xfs or [0]))
    parts["xl/styles.xml"] = (f'{DECL}<styleSheet xmlns="{ns}"><numFmts>{fmts}</numFmts>'
                              f"<cellXfs>{cell_xfs}</cellXfs></styleSheet>")
    wb_rels.append(f'<Relationship Id="rIdT" Type="{rel_ns}/styles" Target="styles.xml"/>')
    parts["xl/workbook.xml"] = (f'{DECL}<workbook xmlns="{ns}" xmlns:r="{rel_ns}">{workbook_pr}'
                                f'<sheets>{"".join(sheet_els)}</sheets></workbook>')
    parts["xl/_rels/workbook.xml.rels"] = (f'{DECL}<Relationships xmlns="{PKG}">{"".join(wb_rels)}'
                                           "</Relationships>")
    parts["_rels/.rels"] = (f'{DECL}<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
                            f'Type="{rel_ns}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    parts["[Content_Types].xml"] = (
        f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        + "".join(overrides) + "</Types>")
    parts.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def rewrite(path: Path, changes: dict[str, bytes | str | None]) -> Path:
    """Replace, add (or with None remove) parts of an existing package."""
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    for name, data in changes.items():
        if data is None:
            parts.pop(name, None)
        else:
            parts[name] = data.encode() if isinstance(data, str) else data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def openpyxl_values(path: Path) -> dict[str, dict[tuple[int, int], object]]:
    wb = openpyxl.load_workbook(path, data_only=True)
    out = {}
    for ws in wb.worksheets:
        out[ws.title] = {(c.row - 1, c.column - 1): c.value for row in ws.iter_rows() for c in row
                         if c.value is not None and c.value != ""}
    return out


def error_of(path: Path, **kw) -> WorkbookError:
    with pytest.raises(WorkbookError) as info:
        read_workbook(path, **kw)
    return info.value


# -- workbooks written by openpyxl ------------------------------------------------------------

@pytest.fixture
def sop_book(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "SOP 01"
    ws["A1"] = "PEMERINTAH KOTA MOJOKERTO"
    ws.merge_cells("A1:D3")
    ws["E1"], ws["G1"] = "Nomor SOP", "065/SOP/417.112/02"
    ws["E2"], ws["G2"] = "Tanggal Pembuatan", dt.datetime(2018, 3, 13)
    ws["G2"].number_format = "dd-mm-yyyy"
    ws["E3"], ws["G3"] = "Tanggal Efektif", dt.datetime(2025, 6, 2, 9, 30)
    ws["G3"].number_format = "[$-421]dd mmmm yyyy hh:mm"
    ws.merge_cells("G1:L1")
    for col, head in enumerate(["No", "Kegiatan", "Kasubbag", "Staf", "Waktu", "Ket"], start=1):
        ws.cell(5, col, head)
    ws.append([1, "Menyusun jadwal", "X", None, "15 menit", ""])
    ws.append([2, "Memeriksa kelengkapan", None, "X", 2.5, "  catatan  "])
    ws.append([3, "Menyampaikan laporan", None, None, -7, True])
    ws["E9"] = 1234567.0  # stored as a whole number
    ws["F9"] = 0.1
    ws["F9"].number_format = "0.00%"  # not a date
    ws["F10"] = 3
    ws["F10"].number_format = '0 "hari"'  # "hari" is quoted: not a date
    hidden = wb.create_sheet("Rahasia")
    hidden.sheet_state = "hidden"
    hidden["B2"] = "tersembunyi"
    very = wb.create_sheet("Sangat")
    very.sheet_state = "veryHidden"
    very["A1"] = 42
    data = wb.create_sheet("Data")
    for i in range(1, 5):
        data.append([f"Bagian {i}", i * 10])
    chart = BarChart()
    chart.add_data(Reference(data, min_col=2, min_row=1, max_row=4))
    cs = wb.create_chartsheet("Grafik", 2)
    cs.add_chart(chart)
    path = tmp_path / "sop.xlsx"
    wb.save(path)
    return path


def test_values_match_openpyxl(sop_book: Path) -> None:
    wb = read_workbook(sop_book)
    expected = openpyxl_values(sop_book)
    assert [g.name for g in wb.sheets] == list(expected)
    for g in wb.sheets:
        assert g.values == expected[g.name], g.name


def test_types_merges_and_sheet_states(sop_book: Path) -> None:
    wb = read_workbook(sop_book)
    sop = wb.sheet("SOP 01")
    assert sop is not None and not sop.hidden
    assert sop.raw(1, 6) == dt.datetime(2018, 3, 13)
    assert sop.raw(2, 6) == dt.datetime(2025, 6, 2, 9, 30)
    assert sop.raw(5, 0) == 1 and type(sop.raw(5, 0)) is int
    assert sop.raw(6, 4) == 2.5
    assert sop.raw(8, 4) == 1234567 and type(sop.raw(8, 4)) is int
    assert sop.raw(7, 5) is True
    assert sop.raw(8, 5) == 0.1
    assert sop.raw(9, 5) == 3
    assert sop.raw(5, 5) is None  # empty strings are not stored
    assert sop.raw(6, 5) == "  catatan  "
    assert sorted(sop.merged) == [(0, 0, 2, 3), (0, 6, 0, 11)]
    assert sop.text(0, 9) == "065/SOP/417.112/02"
    assert wb.sheet("rahasia").hidden and wb.sheet("Sangat").hidden
    assert not wb.sheet("Data").hidden
    # The chartsheet has no grid; every worksheet's part is listed.
    assert [g.name for g in wb.sheets] == ["SOP 01", "Rahasia", "Sangat", "Data"]
    assert set(wb.sheet_parts) == {"SOP 01", "Rahasia", "Sangat", "Data"}
    assert all(p.startswith("xl/worksheets/") for p in wb.sheet_parts.values())
    assert wb.path == str(sop_book) and wb.macro_enabled is False


def test_only_requested_sheets_are_read(sop_book: Path) -> None:
    wb = read_workbook(sop_book, sheets=["sop 01", "Data", "Tidak Ada"])
    assert [g.name for g in wb.sheets] == ["SOP 01", "Data"]
    assert len(wb.sheet_parts) == 4
    assert read_workbook(sop_book, sheets=[]).sheets == []


def test_bench_style_workbook_matches_openpyxl(tmp_path: Path) -> None:
    """The benchmark's framed SOP sheets, rewritten with a shared string table like Excel."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "read_bench", Path(__file__).resolve().parent.parent / "benchmarks" / "read_bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    path = tmp_path / "bench.xlsx"
    bench.write_workbook(path, 7)
    wb = read_workbook(path)
    expected = openpyxl_values(path)
    ref = openpyxl.load_workbook(path)
    for g in wb.sheets:
        assert g.values == expected[g.name]
        assert sorted(g.merged) == sorted((m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1)
                                          for m in ref[g.name].merged_cells.ranges)


# -- parts written by hand ---------------------------------------------------------------------

RICH_SST = [
    "<t>Kegiatan</t>",
    '<r><rPr><b/></rPr><t xml:space="preserve">Tgl </t></r><r><t>Pembuatan</t></r>'
    "<rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh>",
    "<t>Baris_x000D_\nbaru</t>",
    "<t/>",
    "<t>A &amp; B &lt;C&gt;</t>",
]


def test_hand_written_cells(tmp_path: Path) -> None:
    rows = (
        '<row r="1">'
        '<c r="A1" t="s"><v>0</v></c>'
        '<c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="s"><v>2</v></c>'
        '<c r="D1" t="s"><v>3</v></c>'  # an empty shared string: not stored
        '<c r="E1" t="s"><v>4</v></c>'
        "</row>"
        '<row r="2">'
        '<c r="A2"><f>1+1</f><v>2</v></c>'
        '<c r="B2" t="str"><f>"ab"&amp;"c"</f><v>abc</v></c>'
        '<c r="C2" t="str"><f>""</f><v></v></c>'
        '<c r="D2" t="e"><f>NA()</f><v>#N/A</v></c>'
        '<c r="E2" t="b"><v>0</v></c>'
        '<c r="F2"><f>A2*3</f></c>'  # never calculated: nothing to show
        '<c r="G2" s="1"/>'  # styled, empty
        '<c r="H2" t="n"><v>1.5E+3</v></c>'
        '<c r="I2"><v>-0.25</v></c>'
        "</row>"
        '<row r="4">'
        '<c r="A4" t="inlineStr"><is><r><t xml:space="preserve">Inline </t></r><r><t>runs</t></r>'
        "<rPh><t>x</t></rPh></is></c>"
        '<c r="B4" t="inlineStr"><is><t>plain</t></is></c>'
        '<c r="C4" t="inlineStr"><is><t></t></is></c>'
        '<c r="D4" s="1"><v>43525</v></c>'
        '<c r="E4" s="2"><v>43525.75</v></c>'
        '<c r="F4" s="3"><v>0.5</v></c>'
        '<c r="G4" s="4"><v>43525</v></c>'
        '<c r="H4" s="5"><v>1.5</v></c>'
        '<c r="I4" t="d"><v>2024-02-29T10:15:00</v></c>'
        "</row>"
        # Some writers leave the addresses out: cells and rows take the next position.
        "<row><c><v>10</v></c><c t=\"inlineStr\"><is><t>tanpa r</t></is></c><c r=\"E5\"><v>5</v></c>"
        "<c><v>6</v></c></row>"
        '<row r="7" spans="1:3"><c t="s"><v>0</v></c></row>'
    )
    after = '<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="$C$7:D8"/></mergeCells>'
    path = write_xlsx(
        tmp_path / "tangan.xlsx", [("Lembar", sheet_xml(rows, after=after))], sst=RICH_SST,
        num_fmts={164: "dd mmmm yyyy", 165: '[h]:mm', 166: '#,##0 "d"'},
        xfs=[0, 14, 22, 20, 164, 165, 166])
    g = read_workbook(path).sheets[0]
    assert g.values == {
        (0, 0): "Kegiatan",
        (0, 1): "Tgl Pembuatan",
        (0, 2): "Baris\r\nbaru",
        (0, 4): "A & B <C>",
        (1, 0): 2,
        (1, 1): "abc",
        (1, 3): "#N/A",
        (1, 4): False,
        (1, 7): 1500,
        (1, 8): -0.25,
        (3, 0): "Inline runs",
        (3, 1): "plain",
        (3, 3): dt.datetime(2019, 3, 1),
        (3, 4): dt.datetime(2019, 3, 1, 18, 0),
        (3, 5): dt.datetime(1899, 12, 30, 12, 0),  # a time of day, on Excel's day zero
        (3, 6): dt.datetime(2019, 3, 1),
        (3, 7): 1.5,  # [h]:mm is a duration, not a date
        (3, 8): dt.datetime(2024, 2, 29, 10, 15),
        (4, 0): 10,
        (4, 1): "tanpa r",
        (4, 4): 5,
        (4, 5): 6,
        (6, 0): "Kegiatan",
    }
    assert g.merged == [(0, 0, 0, 1), (6, 2, 7, 3)]
    assert isinstance(g.values[(1, 7)], int)


def test_streamed_sheets_read_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1"><v>3.5</v></c></row>'
            '<row r="3" ht="30" customHeight="1"><c r="B3" s="1"><v>43525</v></c></row>'
            "<row><c><v>1</v></c><c><v>2</v></c></row>")
    before = ('<sheetFormatPr defaultRowHeight="15"/><cols><col min="2" max="2" width="20" '
              'customWidth="1"/></cols>')
    after = '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>'
    path = write_xlsx(tmp_path / "s.xlsx", [("S", sheet_xml(rows, before=before, after=after))],
                      sst=["<t>Judul</t>"], xfs=[0, 14])
    tree = read_workbook(path).sheets[0]
    monkeypatch.setattr(worksheet, "TREE_LIMIT_BYTES", 0)
    stream = read_workbook(path).sheets[0]
    assert stream.values == tree.values == {(0, 0): "Judul", (0, 2): 3.5,
                                            (2, 1): dt.datetime(2019, 3, 1), (3, 0): 1, (3, 1): 2}
    assert stream.merged == tree.merged == [(0, 0, 1, 1)]


@pytest.mark.parametrize("ns", [MAIN, "http://purl.oclc.org/ooxml/spreadsheetml/main"])
def test_streamed_shared_strings_read_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               ns: str) -> None:
    """A big table is read entry by entry (its tree would take gigabytes), to the same texts."""
    rows = "".join(f'<row r="{i + 1}"><c r="A{i + 1}" t="s"><v>{i}</v></c></row>'
                   for i in range(len(RICH_SST)))
    path = write_xlsx(tmp_path / "sst.xlsx", [("S", sheet_xml(rows, ns=ns))], sst=RICH_SST, ns=ns)
    tree = read_workbook(path).sheets[0].values
    monkeypatch.setattr(values, "TREE_LIMIT_BYTES", 0)
    assert read_workbook(path).sheets[0].values == tree == {
        (0, 0): "Kegiatan", (1, 0): "Tgl Pembuatan", (2, 0): "Baris\r\nbaru", (4, 0): "A & B <C>"}
    monkeypatch.setattr(values, "MAX_SHARED_STRINGS", 3)
    err = error_of(path)
    assert err.code == "BERKAS-TERLALU-BESAR" and "lebih dari 3 teks" in err.message


def test_a_streamed_shared_string_table_with_a_doctype_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(values, "TREE_LIMIT_BYTES", 0)
    sst = (f'{DECL}<!DOCTYPE sst [<!ENTITY x "isi">]><sst xmlns="{MAIN}"><si><t>&x;</t></si></sst>')
    path = write_xlsx(tmp_path / "dtd.xlsx", [("S", sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v>'
                                                              "</c></row>"))],
                      sst=["<t>x</t>"], extra={"xl/sharedStrings.xml": sst})
    assert error_of(path).code == "BERKAS-TIDAK-AMAN"


def test_a_part_too_big_to_parse_whole_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """styles.xml of hundreds of megabytes zips to a few: its tree would exhaust memory."""
    def book(name: str, padding: int) -> Path:
        return write_xlsx(tmp_path / name, [("S", sheet_xml('<row r="1"><c r="A1" s="1"><v>1</v>'
                                                            "</c></row>"))],
                          xfs=[0, 14] + [0] * padding)

    monkeypatch.setattr(safezip, "MAX_TREE_BYTES", 2000)  # the workbook part is smaller
    assert read_workbook(book("kecil.xlsx", 2)).sheets[0].values == {(0, 0): dt.datetime(1900, 1, 1)}
    err = error_of(book("besar.xlsx", 200))
    assert err.code == "BERKAS-TERLALU-BESAR" and "xl/styles.xml" in err.message


def test_date1904_and_the_1900_leap_bug(tmp_path: Path) -> None:
    rows = ('<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>1</v></c>'
            '<c r="C1" s="1"><v>61</v></c></row>')
    p1904 = write_xlsx(tmp_path / "a.xlsx", [("S", sheet_xml(rows))], xfs=[0, 14],
                       workbook_pr='<workbookPr date1904="1"/>')
    assert read_workbook(p1904).sheets[0].values == {
        (0, 0): dt.datetime(1904, 1, 1), (0, 1): dt.datetime(1904, 1, 2), (0, 2): dt.datetime(1904, 3, 2)}
    p1900 = write_xlsx(tmp_path / "b.xlsx", [("S", sheet_xml(rows))], xfs=[0, 14])
    values = read_workbook(p1900).sheets[0].values
    assert values[(0, 1)] == dt.datetime(1900, 1, 1)
    assert values[(0, 2)] == dt.datetime(1900, 3, 1)


def test_strict_ooxml_namespaces(tmp_path: Path) -> None:
    strict = "http://purl.oclc.org/ooxml/spreadsheetml/main"
    rel = "http://purl.oclc.org/ooxml/officeDocument/relationships"
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>7</v></c></row>'
    path = write_xlsx(tmp_path / "strict.xlsx", [("Ketat", sheet_xml(rows, ns=strict))],
                      sst=["<t>ketat</t>"], ns=strict, rel_ns=rel)
    wb = read_workbook(path)
    assert wb.sheets[0].values == {(0, 0): "ketat", (0, 1): 7}


@pytest.mark.parametrize(("code", "is_date"), [
    ("dd-mm-yyyy", True),
    ("[$-421]dd mmmm yyyy", True),
    ("d/m/yy h:mm", True),
    ("hh:mm:ss", True),
    ("mmm-yy", True),
    ('yyyy"年"m"月"d"日"', True),
    ("[Red]dd/mm", True),
    ("General", False),
    ("0.00", False),
    ("#,##0", False),
    ("0.00%", False),
    ('0 "hari"', False),
    (r'0\d', False),
    ("[h]:mm", False),
    ("[mm]:ss", False),
    ("[$Rp-421]#,##0", False),
    ("#,##0_);[Red](#,##0)", False),
    ("@", False),
    ("0.00E+00", False),
])
def test_is_date_format(code: str, is_date: bool) -> None:
    assert is_date_format(code) is is_date


def test_macro_detection(tmp_path: Path) -> None:
    rows = '<row r="1"><c r="A1"><v>1</v></c></row>'
    by_type = write_xlsx(tmp_path / "m.xlsm", [("S", sheet_xml(rows))], macro=True)
    assert read_workbook(by_type).macro_enabled
    by_part = write_xlsx(tmp_path / "v.xlsx", [("S", sheet_xml(rows))],
                         extra={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0vba"})
    assert read_workbook(by_part).macro_enabled
    plain = write_xlsx(tmp_path / "p.xlsx", [("S", sheet_xml(rows))])
    assert not read_workbook(plain).macro_enabled


# -- geometry and shapes ---------------------------------------------------------------------

def test_geometry_reaches_read_shapes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = {}

    def fake_read_shapes(z, part, geometry):
        seen["part"], seen["geometry"] = part, geometry
        return []

    monkeypatch.setattr(worksheet, "read_shapes", fake_read_shapes)
    before = ('<sheetFormatPr baseColWidth="10" defaultRowHeight="12.75"/><cols>'
              '<col min="1" max="1" width="5" customWidth="1"/>'
              '<col min="3" max="4" width="0" hidden="1"/>'
              '<col min="6" max="16384" width="11.5"/></cols>')
    rows = ('<row r="2" ht="40" customHeight="1"><c r="A2"><v>1</v></c></row>'
            '<row r="3" hidden="1"/>')
    sheet = sheet_xml(rows, before=before, after='<drawing r:id="rId1"/>')
    rels = (f'{DECL}<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/drawing" '
            'Target="../drawings/drawing1.xml"/><Relationship Id="rId2" Type="'
            f'{REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>')
    drawing_xml = f'{DECL}<xdr:wsDr xmlns:xdr="{safezip.NS["xdr"]}"/>'
    path = write_xlsx(tmp_path / "g.xlsx", [("S", sheet)], extra={
        "xl/worksheets/_rels/sheet1.xml.rels": rels, "xl/drawings/drawing1.xml": drawing_xml})
    read_workbook(path)
    g: SheetGeometry = seen["geometry"]
    assert seen["part"] == "xl/drawings/drawing1.xml"
    assert g.col_width(0) == 5
    assert g.col_width(1) == pytest.approx(11.43, abs=0.01)  # baseColWidth 10 -> 75 px -> 80 px
    assert width_to_px(g.col_width(1)) == 80
    assert g.col_width(2) == g.col_width(3) == 0
    assert g.col_width(5) == g.col_width(16383) == 11.5
    assert g.row_height(0) == 12.75 and g.row_height(1) == 40 and g.row_height(2) == 0
    assert g.row_position(0, round(12.75 * EMU_PER_PT) + 20 * EMU_PER_PT) == pytest.approx(1.5)

    seen.clear()
    read_workbook(path, shapes=False)
    assert seen == {}


def test_a_bad_row_number_reads_alike_with_or_without_a_drawing(tmp_path: Path) -> None:
    """Found by the fuzzer: ``draw`` added a drawing, and the copy no longer read."""
    rows = ('<row r="1"><c r="A1"><v>1</v></c></row><row r="0" ht="30" customHeight="1">'
            '<c r="A2"><v>2</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>')
    rels = (f'{DECL}<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/drawing" '
            'Target="../drawings/drawing1.xml"/></Relationships>')
    drawing_xml = f'{DECL}<xdr:wsDr xmlns:xdr="{safezip.NS["xdr"]}"/>'
    plain = write_xlsx(tmp_path / "a.xlsx", [("S", sheet_xml(rows))])
    drawn = write_xlsx(tmp_path / "b.xlsx", [("S", sheet_xml(rows, after='<drawing r:id="rId1"/>'))],
                       extra={"xl/worksheets/_rels/sheet1.xml.rels": rels,
                              "xl/drawings/drawing1.xml": drawing_xml})
    expected = {(0, 0): 1, (1, 0): 2, (2, 0): 3}
    assert read_workbook(plain).sheets[0].values == expected
    assert read_workbook(drawn).sheets[0].values == expected


def test_shapes_are_read_from_an_office_workbook(tmp_path: Path) -> None:
    from fixtures_office import SOP_SHEETS, office_workbook

    path = office_workbook(tmp_path / "kantor.xlsx")
    wb = read_workbook(path)
    assert [g.name for g in wb.sheets][: len(SOP_SHEETS)] == list(SOP_SHEETS)[: len(wb.sheets)]
    shapes = [s for g in wb.sheets for s in g.shapes]
    assert shapes, "the hand-drawn flowchart should be found"
    assert {s.kind for s in shapes} >= {"process", "connector"}
    assert all(s.top >= 0 and s.left >= 0 for s in shapes)
    assert not any(g.shapes for g in read_workbook(path, shapes=False).sheets)


def test_geometry_units() -> None:
    assert DEFAULT_COL_WIDTH == 9.140625 == chars_to_width(8.43)
    assert width_to_px(DEFAULT_COL_WIDTH) == 64
    assert width_to_px(0) == 0
    g = SheetGeometry()
    col = 64 * EMU_PER_PX
    row = 15 * EMU_PER_PT
    assert g.col_position(3, col // 2) == 3.5
    assert g.col_position(3, col * 2 + col // 4) == 5.25  # the offset runs on into later columns
    assert g.row_position(2, row // 2) == 2.5
    assert g.point_to_position(col * 2, row * 10) == (10.0, 2.0)
    assert g.col_position(0, -5) == 0.0


def test_geometry_hidden_and_overlapping_columns() -> None:
    g = SheetGeometry()
    g.add_cols(0, 9, 20.0)
    g.add_cols(2, 3, None, hidden=True)
    g.add_cols(5, 5, 4.0)
    assert [g.col_width(c) for c in range(7)] == [20.0, 20.0, 0.0, 0.0, 20.0, 4.0, 20.0]
    w20 = width_to_px(20.0) * EMU_PER_PX
    # Hidden columns take no room: one full column past B lands at the start of E.
    assert g.col_position(1, w20) == 4.0
    g.set_row(1, None, hidden=True)
    assert g.row_position(0, 15 * EMU_PER_PT + 1) == pytest.approx(2.0, abs=1e-4)


def test_geometry_rows_hidden_by_default_and_huge_offsets() -> None:
    g = SheetGeometry(rows_hidden_by_default=True)
    g.set_row(4, 20.0)
    assert g.row_height(0) == 0 and g.row_height(4) == 20.0
    assert g.row_position(0, 10 * EMU_PER_PT) == 4.5
    plain = SheetGeometry()
    # A far offset is clamped to the sheet's last row and column, not walked to row by row.
    assert plain.point_to_position(10**15, 10**15) == (1_048_576.0, 16_384.0)
    assert plain.row_position(0, 1000 * 15 * EMU_PER_PT) == 1000.0


# -- files that are not workbooks -----------------------------------------------------------

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize(("name", "content", "code"), [
    ("kosong.xlsx", b"", "BERKAS-KOSONG"),
    ("acak.xlsx", bytes(range(256)) * 8, "BERKAS-BUKAN-XLSX"),
    ("lama.xls", OLE + b"\x00" * 512, "BERKAS-XLS"),
    ("bersandi.xlsx", OLE + b"\x00" * 512, "BERKAS-BERSANDI"),
])
def test_not_a_workbook(tmp_path: Path, name: str, content: bytes, code: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    err = error_of(path)
    assert err.code == code
    assert err.path == str(path)
    assert err.message and err.message_en and err.message != err.message_en


def test_missing_path_and_folder(tmp_path: Path) -> None:
    assert error_of(tmp_path / "tidak-ada.xlsx").code == "BERKAS-TIDAK-ADA"
    assert error_of(tmp_path).code == "BERKAS-TIDAK-ADA"


def test_zip_without_workbook(tmp_path: Path) -> None:
    path = tmp_path / "arsip.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("catatan.txt", "bukan excel")
    assert error_of(path).code == "BERKAS-BUKAN-XLSX"
    # A Word document is a package too, but its main part is not a workbook.
    doc = tmp_path / "surat.xlsx"
    with zipfile.ZipFile(doc, "w") as zf:
        zf.writestr("_rels/.rels", f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
                    f'Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>')
        zf.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/'
                    'wordprocessingml/2006/main"/>')
    assert error_of(doc).code == "BERKAS-BUKAN-XLSX"


def test_package_without_rels_still_reads(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", [("S", sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>'))])
    rewrite(path, {"_rels/.rels": None})
    assert read_workbook(path).sheets[0].values == {(0, 0): 1}


def test_missing_and_broken_sheet_parts(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [("Hilang", sheet_xml(""))])
    rewrite(path, {"xl/worksheets/sheet1.xml": None})
    assert error_of(path).code == "BERKAS-RUSAK"

    broken = write_xlsx(tmp_path / "b.xlsx", [("Rusak", '<worksheet xmlns="' + MAIN + '"><sheetData>')])
    err = error_of(broken)
    assert (err.code, err.sheet) == ("BERKAS-RUSAK", "Rusak")

    bad_sst = write_xlsx(tmp_path / "c.xlsx",
                         [("S", sheet_xml('<row r="2"><c r="B2" t="s"><v>9</v></c></row>'))],
                         sst=["<t>satu</t>"])
    err = error_of(bad_sst)
    assert (err.code, err.sheet, err.cell) == ("BERKAS-RUSAK", "S", "B2")

    negative = write_xlsx(tmp_path / "c2.xlsx",
                          [("S", sheet_xml('<row r="2"><c r="B2" t="s"><v>-1</v></c></row>'))],
                          sst=["<t>satu</t>"])
    assert error_of(negative).code == "BERKAS-RUSAK"

    bad_ref = write_xlsx(tmp_path / "d.xlsx", [("S", sheet_xml('<row r="1"><c r="1A"><v>1</v></c></row>'))])
    assert error_of(bad_ref).code == "BERKAS-RUSAK"

    # Rows count from 1: row 0 is damage, not a sheet too big (the fuzzer's "baris 0").
    row_zero = write_xlsx(tmp_path / "d2.xlsx", [("S", sheet_xml('<row r="0"><c><v>1</v></c></row>'))])
    err = error_of(row_zero)
    assert (err.code, err.sheet) == ("BERKAS-RUSAK", "S") and "'0'" in err.message

    bad_number = write_xlsx(tmp_path / "e.xlsx",
                            [("S", sheet_xml('<row r="1"><c r="A1"><v>abc</v></c></row>'))])
    err = error_of(bad_number)
    assert (err.code, err.sheet) == ("BERKAS-RUSAK", "S")
    assert "Lembar" in err.message and "S" in err.text()


@pytest.mark.parametrize("rows", [
    '<row r="1"><c r="XFE1"><v>1</v></c></row>',  # column 16,385
    '<row r="1048577"><c r="A1048577"><v>1</v></c></row>',
    '<row r="5"><c r="A5"><v>1</v></c></row><row r="1048577"/>',
])
def test_sheet_beyond_excel_limits(tmp_path: Path, rows: str) -> None:
    path = write_xlsx(tmp_path / "besar.xlsx", [("Besar", sheet_xml(rows))])
    err = error_of(path)
    assert (err.code, err.sheet, err.path) == ("BERKAS-TERLALU-BESAR", "Besar", str(path))
    assert "terlalu besar" in err.message


def test_merge_beyond_limits_and_malformed_merge(tmp_path: Path) -> None:
    big = write_xlsx(tmp_path / "m.xlsx", [("S", sheet_xml(
        "", after='<mergeCells><mergeCell ref="A1:XFE2"/></mergeCells>'))])
    assert error_of(big).code == "BERKAS-TERLALU-BESAR"
    odd = write_xlsx(tmp_path / "n.xlsx", [("S", sheet_xml(
        "", after='<mergeCells><mergeCell ref="A1:??"/><mergeCell ref="B2:C3"/></mergeCells>'))])
    assert read_workbook(odd).sheets[0].merged == [(1, 1, 2, 2)]


@pytest.mark.parametrize("streamed", [False, True])
def test_too_many_cells(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, streamed: bool) -> None:
    monkeypatch.setattr(worksheet, "MAX_CELLS", 50)
    if streamed:
        monkeypatch.setattr(worksheet, "TREE_LIMIT_BYTES", 0)
    rows = "".join(f'<row r="{r}">' + "".join(f'<c r="{c}{r}"><v>{r}</v></c>' for c in "ABCDEFGHIJ")
                   + "</row>" for r in range(1, 11))
    path = write_xlsx(tmp_path / "banyak.xlsx", [("Banyak", sheet_xml(rows))])
    err = error_of(path)
    assert (err.code, err.sheet) == ("BERKAS-TERLALU-BESAR", "Banyak")
    assert "50" in err.message


def test_zip_bomb_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A part that inflates far beyond its compressed size (the ratio bound)...
    filler = '<row r="1"><c r="A1"><v>1</v></c></row>' + " " * (3 * 1024 * 1024)
    path = write_xlsx(tmp_path / "bom.xlsx", [("S", sheet_xml(filler))])
    assert error_of(path).code == "BERKAS-TERLALU-BESAR"
    # ...and one beyond the absolute bound, made small here to keep the test fast.
    monkeypatch.setattr(safezip, "MAX_PART_BYTES", 64 * 1024)
    big = write_xlsx(tmp_path / "besar.xlsx", [("S", sheet_xml(filler[:100_000]))])
    assert error_of(big).code == "BERKAS-TERLALU-BESAR"


LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"""


@pytest.mark.parametrize("where", ["sheet", "sharedStrings", "streamed sheet"])
def test_entity_expansion_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    if where == "streamed sheet":
        monkeypatch.setattr(worksheet, "TREE_LIMIT_BYTES", 0)
    sheet = sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>')
    sst = ["<t>aman</t>"]
    path = write_xlsx(tmp_path / "lol.xlsx", [("S", LAUGHS + sheet.replace(DECL, ""))], sst=sst)
    if where == "sharedStrings":
        bomb = LAUGHS + f'<sst xmlns="{MAIN}"><si><t>&lol9;</t></si></sst>'
        path = write_xlsx(tmp_path / "lol.xlsx",
                          [("S", sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'))],
                          extra={"xl/sharedStrings.xml": bomb}, sst=sst)
    t0 = time.perf_counter()
    err = error_of(path)
    # libxml2 may stop the expansion itself (a syntax error: "damaged") before we see the DTD.
    assert err.code in ("BERKAS-TIDAK-AMAN", "BERKAS-RUSAK")
    assert time.perf_counter() - t0 < 2


@pytest.mark.parametrize("streamed", [False, True])
def test_doctype_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, streamed: bool) -> None:
    if streamed:
        monkeypatch.setattr(worksheet, "TREE_LIMIT_BYTES", 0)
    doctype = '<!DOCTYPE worksheet [<!ENTITY nama "isi">]>'
    sheet = sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>&nama;</t></is></c></row>')
    path = write_xlsx(tmp_path / "dtd.xlsx", [("S", sheet.replace(DECL, DECL + doctype))])
    err = error_of(path)
    assert (err.code, err.sheet) == ("BERKAS-TIDAK-AMAN", "S")


def test_many_merges_and_many_sheets_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each sheet under its bound, all of them together over it: still refused, as one workbook."""
    monkeypatch.setattr(worksheet, "MAX_MERGES", 5)
    merges = "".join(f'<mergeCell ref="A{2 * i + 1}:B{2 * i + 2}"/>' for i in range(6))
    after = f"<mergeCells>{merges}</mergeCells>"
    path = write_xlsx(tmp_path / "gabung.xlsx", [("S", sheet_xml("", after=after))])
    err = error_of(path)
    assert (err.code, err.sheet) == ("BERKAS-TERLALU-BESAR", "S") and "5 sel gabungan" in err.message

    monkeypatch.setattr(worksheet, "MAX_CELLS", 30)
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(1, 11))
    sheets = [(f"L{i}", sheet_xml(rows)) for i in range(4)]  # 10 cells each, 40 in all
    path = write_xlsx(tmp_path / "lembar.xlsx", sheets)
    err = error_of(path)
    assert err.code == "BERKAS-TERLALU-BESAR" and "seluruh lembarnya" in err.message
    assert len(read_workbook(path, sheets={"L0", "L1", "L2"}).sheets) == 3  # 30 cells: allowed
