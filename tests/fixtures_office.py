"""Realistic office workbooks, built for tests: what a government office actually sends.

``office_workbook(path)`` makes two SOP sheets with merged identity blocks, a dropdown,
a comment, conditional formatting, a picture, print titles and page setup (all through
openpyxl), then adds by hand — inside the zip, as Excel writes them — a flowchart of
DrawingML shapes (terminator, process, decision) joined by connectors glued to them
with ``a:stCxn``/``a:endCxn``. openpyxl would drop those shapes on save, which is the
point: the package writer must keep them.

``macro=True`` makes an .xlsm with a real ``vbaProject.bin`` taken from the xlwings
quickstart workbook.
"""
from __future__ import annotations

import io
import os
import posixpath
import struct
import zipfile
import zlib
from pathlib import Path

from lxml import etree

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
RT_DRAWING = REL + "/drawing"
CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml"
CT_MACRO_WORKBOOK = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
CT_VBA = "application/vnd.ms-office.vbaProject"
RT_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
DECL = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'

SOP_SHEETS = ("SOP 01", "SOP 02", "Daftar")


# ---------------------------------------------------------------------------- a picture

def tiny_png(width: int = 4, height: int = 3) -> bytes:
    """A small RGB PNG made with zlib only (a blue-and-white stripe)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    rows = b"".join(b"\x00" + b"".join(b"\x1f\x38\x64" if (x + y) % 2 else b"\xff\xff\xff"
                                       for x in range(width)) for y in range(height))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


def _png_image(data: bytes, width: int, height: int):
    """An openpyxl picture without Pillow (openpyxl only needs Pillow to measure it)."""
    from openpyxl.drawing.image import Image

    class PngImage(Image):
        def __init__(self) -> None:  # noqa: D401 - no Pillow: size and format are known
            self.ref = io.BytesIO(data)
            self.width, self.height, self.format = width, height, "png"

        def _data(self) -> bytes:
            return data

    return PngImage()


# ---------------------------------------------------------------------------- openpyxl part

STEPS = [
    (1, "Menerima surat masuk dan mencatat dalam agenda", "Staf", "Surat masuk", 15, "menit",
     "Agenda surat"),
    (2, "Memeriksa kelengkapan berkas", "Kasubag", "Berkas", 30, "menit", "Berkas lengkap"),
    (3, "Apakah berkas lengkap?", "Kasubag", "Berkas", 10, "menit", "Keputusan"),
    (4, "Menyampaikan disposisi kepada pelaksana", "Kabag", "Lembar disposisi", 1, "jam",
     "Disposisi"),
    (5, "Mengarsipkan berkas", "Staf", "Berkas", 15, "menit", "Arsip"),
]


def _sop_sheet(ws, number: str, title: str, with_picture: bool) -> None:
    from openpyxl.comments import Comment
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.datavalidation import DataValidation

    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws["A1"] = "PEMERINTAH KABUPATEN CONTOH"
    ws.merge_cells("A1:C4")
    ws["D1"] = "Nomor SOP"
    ws["E1"] = number
    ws["D2"] = "Tanggal Pembuatan"
    ws["E2"] = "02 Januari 2024"
    ws["D3"] = "Disahkan oleh"
    ws["E3"] = "Kepala Dinas"
    ws["D4"] = "Nama SOP"
    ws["E4"] = title
    for r in range(1, 5):
        ws.merge_cells(start_row=r, start_column=5, end_row=r, end_column=10)
    ws["A1"].font = Font(bold=True, size=12)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)

    header = ["No", "Kegiatan", "Staf", "Kasubag", "Kabag", "Kelengkapan", "Waktu", "Satuan",
              "Output", "Keterangan"]
    ws.append([])
    ws.append(header)  # row 6
    for c in range(1, 11):
        cell = ws.cell(6, c)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        cell.border = box
    for i, (no, act, who, need, dur, unit, out) in enumerate(STEPS):
        row = 7 + i
        ws.cell(row, 1, no)
        ws.cell(row, 2, act)
        ws.cell(row, {"Staf": 3, "Kasubag": 4, "Kabag": 5}[who], "v")
        ws.cell(row, 6, need)
        ws.cell(row, 7, dur)
        ws.cell(row, 8, unit)
        ws.cell(row, 9, out)
        for c in range(1, 11):
            ws.cell(row, c).border = box
    ws["F12"] = "Jumlah menit"
    ws["G12"] = "=SUM(G7:G11)"
    ws["B13"] = "Catatan: angka 0012 ditulis sebagai teks"
    ws["C13"] = "0012"
    ws["D13"] = 3.25
    ws.column_dimensions["B"].width = 42
    ws.column_dimensions["I"].width = 18

    dv = DataValidation(type="list", formula1='"Ya,Tidak,Sebagian"', allow_blank=True)
    dv.prompt = "Pilih status"
    ws.add_data_validation(dv)
    dv.add("J7:J11")
    ws["B7"].comment = Comment("Dicatat di buku agenda", "Penyusun")
    red = PatternFill("solid", fgColor="FFC7CE")
    ws.conditional_formatting.add("G7:G11", CellIsRule(operator="greaterThan", formula=["20"], fill=red))

    ws.print_title_rows = "6:6"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_area = "A1:J13"
    if with_picture:
        ws.add_image(_png_image(tiny_png(), 48, 36), "A1")


def _openpyxl_workbook(path: str) -> None:
    from openpyxl import Workbook
    from openpyxl.workbook.defined_name import DefinedName

    wb = Workbook()
    ws1 = wb.active
    ws1.title = "SOP 01"
    ws1.sheet_view.tabSelected = True  # as Excel marks the active tab
    _sop_sheet(ws1, "01/SOP/2024", "Pengelolaan Surat Masuk", with_picture=True)
    ws2 = wb.create_sheet("SOP 02")
    _sop_sheet(ws2, "02/SOP/2024", "Pengarsipan", with_picture=False)
    lists = wb.create_sheet("Daftar")
    for i, who in enumerate(["Staf", "Kasubag", "Kabag"], start=1):
        lists.cell(i, 1, who)
    lists.sheet_state = "hidden"
    wb.defined_names["DaftarPelaksana"] = DefinedName("DaftarPelaksana", attr_text="Daftar!$A$1:$A$3")
    wb.save(path)


# ---------------------------------------------------------------------------- hand-made DrawingML

def _anchor(col1: int, row1: int, col2: int, row2: int, body: str) -> str:
    def mark(tag: str, col: int, row: int) -> str:
        return (f"<xdr:{tag}><xdr:col>{col}</xdr:col><xdr:colOff>95250</xdr:colOff>"
                f"<xdr:row>{row}</xdr:row><xdr:rowOff>38100</xdr:rowOff></xdr:{tag}>")

    return (f'<xdr:twoCellAnchor editAs="oneCell">{mark("from", col1, row1)}{mark("to", col2, row2)}'
            f"{body}<xdr:clientData/></xdr:twoCellAnchor>")


def _shape(sid: int, name: str, prst: str, text: str, x: int, y: int) -> str:
    return (
        f'<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="{sid}" name="{name}"/><xdr:cNvSpPr/>'
        f'</xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="457200" cy="228600"/>'
        f'</a:xfrm><a:prstGeom prst="{prst}"><a:avLst/></a:prstGeom><a:solidFill><a:schemeClr val="bg1"/>'
        '</a:solidFill><a:ln w="12700"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill></a:ln>'
        '</xdr:spPr><xdr:style><a:lnRef idx="2"><a:schemeClr val="accent1"><a:shade val="50000"/>'
        '</a:schemeClr></a:lnRef><a:fillRef idx="1"><a:schemeClr val="accent1"/></a:fillRef>'
        '<a:effectRef idx="0"><a:schemeClr val="accent1"/></a:effectRef><a:fontRef idx="minor">'
        '<a:schemeClr val="lt1"/></a:fontRef></xdr:style><xdr:txBody><a:bodyPr vertOverflow="clip" '
        'horzOverflow="clip" rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p><a:pPr algn="ctr"/><a:r>'
        f'<a:rPr lang="id-ID" sz="700"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill></a:rPr>'
        f"<a:t>{text}</a:t></a:r></a:p></xdr:txBody></xdr:sp>"
    )


def _connector(sid: int, name: str, prst: str, start: int, start_idx: int, end: int, end_idx: int,
               x: int, y: int, cy: int) -> str:
    return (
        f'<xdr:cxnSp macro=""><xdr:nvCxnSpPr><xdr:cNvPr id="{sid}" name="{name}"/><xdr:cNvCxnSpPr>'
        f'<a:stCxn id="{start}" idx="{start_idx}"/><a:endCxn id="{end}" idx="{end_idx}"/>'
        f'</xdr:cNvCxnSpPr></xdr:nvCxnSpPr><xdr:spPr><a:xfrm><a:off x="{x}" y="{y}"/>'
        f'<a:ext cx="0" cy="{cy}"/></a:xfrm><a:prstGeom prst="{prst}"><a:avLst/></a:prstGeom>'
        '<a:ln w="9525"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:tailEnd type="triangle"/>'
        '</a:ln></xdr:spPr><xdr:style><a:lnRef idx="1"><a:schemeClr val="accent1"/></a:lnRef>'
        '<a:fillRef idx="0"><a:schemeClr val="accent1"/></a:fillRef><a:effectRef idx="0">'
        '<a:schemeClr val="accent1"/></a:effectRef><a:fontRef idx="minor"><a:schemeClr val="tx1"/>'
        "</a:fontRef></xdr:style></xdr:cxnSp>"
    )


def flowchart_anchors(first_id: int) -> str:
    """Terminator → process → decision → terminator, glued with connectors (ids from first_id)."""
    t1, p1, d1, t2 = first_id, first_id + 1, first_id + 2, first_id + 3
    return "".join([
        _anchor(2, 6, 3, 7, _shape(t1, f"Flowchart: Terminator {t1}", "flowChartTerminator", "Mulai",
                                   1300000, 1200000)),
        _anchor(3, 7, 4, 8, _shape(p1, f"Flowchart: Process {p1}", "flowChartProcess", "Periksa",
                                   1900000, 1500000)),
        _anchor(3, 8, 4, 9, _shape(d1, f"Flowchart: Decision {d1}", "flowChartDecision", "Lengkap?",
                                   1900000, 1800000)),
        _anchor(4, 9, 5, 10, _shape(t2, f"Flowchart: Terminator {t2}", "flowChartTerminator", "Selesai",
                                    2500000, 2100000)),
        _anchor(2, 7, 3, 8, _connector(first_id + 4, f"Straight Arrow Connector {first_id + 4}",
                                       "straightConnector1", t1, 2, p1, 0, 1528600, 1428600, 71400)),
        _anchor(3, 8, 3, 9, _connector(first_id + 5, f"Straight Arrow Connector {first_id + 5}",
                                       "straightConnector1", p1, 2, d1, 0, 2128600, 1728600, 71400)),
        _anchor(3, 9, 4, 10, _connector(first_id + 6, f"Elbow Connector {first_id + 6}",
                                        "bentConnector3", d1, 3, t2, 1, 2357200, 1914300, 300000)),
    ])


def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join(folder, target))


def _xml(data: bytes) -> etree._Element:
    return etree.fromstring(data)


def _ser(root: etree._Element) -> bytes:
    return DECL + etree.tostring(root, encoding="UTF-8")


def _add_flowchart(parts: dict[str, bytes], sheet_part: str) -> None:
    """Put the flowchart on a sheet: into its drawing if it has one, else into a new drawing."""
    rels_name = _rels_name(sheet_part)
    rels = _xml(parts[rels_name]) if rels_name in parts else etree.Element(
        f"{{{PKG_REL}}}Relationships", nsmap={None: PKG_REL})
    drawing = None
    for rel in rels:
        if rel.get("Type") == RT_DRAWING:
            drawing = _resolve(posixpath.dirname(sheet_part), rel.get("Target"))
    if drawing is not None:
        root = _xml(parts[drawing])
        ids = [int(e.get("id")) for e in root.iter(f"{{{XDR}}}cNvPr")]
        first = max(ids, default=1) + 1
        anchors = etree.fromstring(f'<xdr:wsDr xmlns:xdr="{XDR}" xmlns:a="{A}">{flowchart_anchors(first)}'
                                   "</xdr:wsDr>")
        root.extend(list(anchors))
        parts[drawing] = _ser(root)
        return
    n = 1
    while f"xl/drawings/drawing{n}.xml" in parts:
        n += 1
    drawing = f"xl/drawings/drawing{n}.xml"
    parts[drawing] = DECL + (f'<xdr:wsDr xmlns:xdr="{XDR}" xmlns:a="{A}">{flowchart_anchors(2)}'
                             "</xdr:wsDr>").encode()
    rid = "rId" + str(1 + max([int(r.get("Id")[3:]) for r in rels if r.get("Id", "").startswith("rId")
                               and r.get("Id")[3:].isdigit()], default=0))
    rel = etree.SubElement(rels, f"{{{PKG_REL}}}Relationship")
    rel.set("Id", rid)
    rel.set("Type", RT_DRAWING)
    rel.set("Target", f"../drawings/drawing{n}.xml")
    parts[rels_name] = _ser(rels)
    sheet = _xml(parts[sheet_part])
    el = etree.Element(f"{{{MAIN}}}drawing", nsmap={"r": REL})
    el.set(f"{{{REL}}}id", rid)
    # <drawing> goes right before <legacyDrawing> (comments), or at the end.
    legacy = sheet.find(f"{{{MAIN}}}legacyDrawing")
    if legacy is not None:
        legacy.addprevious(el)
    else:
        sheet.append(el)
    parts[sheet_part] = _ser(sheet)
    types = _xml(parts["[Content_Types].xml"])
    ov = etree.SubElement(types, f"{{{CT}}}Override")
    ov.set("PartName", "/" + drawing)
    ov.set("ContentType", CT_DRAWING)
    parts["[Content_Types].xml"] = _ser(types)


def _excel_app_xml(sheet_names: list[str], named_ranges: list[str]) -> bytes:
    """docProps/app.xml as Excel writes it, with the worksheet and named-range titles."""
    vt = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
    titles = "".join(f"<vt:lpstr>{t}</vt:lpstr>" for t in sheet_names + named_ranges)
    return DECL + (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        f'xmlns:vt="{vt}"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity>'
        "<ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size=\"4\" baseType=\"variant\">"
        "<vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant>"
        f"<vt:i4>{len(sheet_names)}</vt:i4></vt:variant><vt:variant><vt:lpstr>Named Ranges</vt:lpstr>"
        f"</vt:variant><vt:variant><vt:i4>{len(named_ranges)}</vt:i4></vt:variant></vt:vector>"
        f'</HeadingPairs><TitlesOfParts><vt:vector size="{len(sheet_names) + len(named_ranges)}" '
        f'baseType="lpstr">{titles}</vt:vector></TitlesOfParts><Company></Company>'
        "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>"
    ).encode()


def quickstart_vba() -> bytes:
    """The real ``vbaProject.bin`` shipped inside xlwings' quickstart workbook."""
    import xlwings

    book = Path(xlwings.__file__).parent / "quickstart.xlsm"
    with zipfile.ZipFile(book) as zf:
        return zf.read("xl/vbaProject.bin")


def _make_macro(parts: dict[str, bytes]) -> None:
    parts["xl/vbaProject.bin"] = quickstart_vba()
    types = _xml(parts["[Content_Types].xml"])
    for ov in types:
        if ov.get("PartName") == "/xl/workbook.xml":
            ov.set("ContentType", CT_MACRO_WORKBOOK)
    default = etree.Element(f"{{{CT}}}Default")
    default.set("Extension", "bin")
    default.set("ContentType", CT_VBA)
    types.insert(0, default)
    parts["[Content_Types].xml"] = _ser(types)
    rels = _xml(parts["xl/_rels/workbook.xml.rels"])
    rel = etree.SubElement(rels, f"{{{PKG_REL}}}Relationship")
    rel.set("Id", "rIdVba1")
    rel.set("Type", RT_VBA)
    rel.set("Target", "vbaProject.bin")
    parts["xl/_rels/workbook.xml.rels"] = _ser(rels)
    wb = _xml(parts["xl/workbook.xml"])
    pr = wb.find(f"{{{MAIN}}}workbookPr")
    if pr is not None:
        pr.set("codeName", "ThisWorkbook")
    parts["xl/workbook.xml"] = _ser(wb)


def read_parts(path: str | os.PathLike[str]) -> dict[str, bytes]:
    """Every zip entry of a package, decompressed, by name."""
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def write_parts(path: str | os.PathLike[str], parts: dict[str, bytes]) -> None:
    """A package with ``[Content_Types].xml`` first, like Excel writes it."""
    order = ["[Content_Types].xml"] + [n for n in parts if n != "[Content_Types].xml"]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in order:
            zf.writestr(zipfile.ZipInfo(name, (2024, 1, 2, 8, 0, 0)), parts[name],
                        compress_type=zipfile.ZIP_DEFLATED)


def office_workbook(path: str | os.PathLike[str], macro: bool = False) -> Path:
    """Build the office workbook at ``path`` (use an .xlsm name with ``macro=True``)."""
    path = Path(path)
    tmp = path.with_name(path.stem + ".openpyxl.xlsx")
    _openpyxl_workbook(str(tmp))
    parts = read_parts(tmp)
    tmp.unlink()
    sheet_parts = _sheet_parts(parts)
    _add_flowchart(parts, sheet_parts["SOP 01"])  # has the picture: shapes join its drawing
    _add_flowchart(parts, sheet_parts["SOP 02"])  # no drawing yet: a new one, before the comments'
    parts["docProps/app.xml"] = _excel_app_xml(list(SOP_SHEETS), ["'SOP 01'!Print_Area",
                                                                  "'SOP 01'!Print_Titles",
                                                                  "DaftarPelaksana"])
    if macro:
        _make_macro(parts)
    write_parts(path, parts)
    return path


def sheet_parts_by_name(path: str | os.PathLike[str]) -> dict[str, str]:
    """Sheet name → worksheet part name, read from the package."""
    return _sheet_parts(read_parts(path))


def _sheet_parts(parts: dict[str, bytes]) -> dict[str, str]:
    wb = _xml(parts["xl/workbook.xml"])
    rels = {r.get("Id"): r.get("Target") for r in _xml(parts["xl/_rels/workbook.xml.rels"])}
    out = {}
    for s in wb.iter(f"{{{MAIN}}}sheet"):
        out[s.get("name")] = _resolve("xl", rels[s.get(f"{{{REL}}}id")])
    return out
