"""The reader's fast path (``sopxl/read/scan.py``) against its lxml path, on real workbooks.

Every workbook is read twice, once with ``scan.FORCE_LXML`` set (every part through lxml, the
reader as it always was) and once as users run it; values (their types and order), merged
ranges, hidden flags, shapes, or the error's code, sheet and cell must be the same. The
workbooks: everything the test builders and the corpus make, the shipped templates, files
as Excel/openpyxl/LibreOffice save them, and parts rewritten in the ways other writers (or
hostile files) differ: attribute order, quotes, prefixes, CDATA, entities, comments, white
space, rich and inline strings, dates, booleans, errors, formulas, missing shared strings.
Each case also says whether the fast path must have been taken, so a scan that gave up on
everything could not pass.
"""
from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from fixtures_office import office_workbook, read_parts, write_parts

from sopxl.errors import SopxlError
from sopxl.read import cellplan, recall, scan
from sopxl.read.safezip import SafeZip
from sopxl.read.xlsx import read_workbook

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from excel_like import shared_string_parts  # noqa: E402

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def outcome(path: Path) -> object:
    """What a user gets from reading the file: the grids as plain data, or the error."""
    try:
        wb = read_workbook(path)
    except SopxlError as e:
        return ("error", e.code, e.sheet, e.cell, str(e))
    return [(g.name, g.hidden, list(g.values.items()), [type(v) for v in g.values.values()],
             g.merged, [vars(s) for s in g.shapes]) for g in wb.sheets]


class Spy:
    """Counts the sheets and string tables the fast path read (rather than handed to lxml)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.sheets = self.tables = 0
        sheet, strings = scan.sheet, scan.shared_strings

        def spy_sheet(data: bytes, ns: str, geometry: bool = False) -> scan.SheetScan | None:
            found = sheet(data, ns, geometry)
            self.sheets += found is not None
            return found

        def spy_strings(data: bytes) -> list[str] | None:
            found = strings(data)
            self.tables += found is not None
            return found

        monkeypatch.setattr(scan, "sheet", spy_sheet)
        monkeypatch.setattr(scan, "shared_strings", spy_strings)
        # Every sheet scanned, none recalled from an earlier read: the counts are of scans.
        monkeypatch.setattr(recall, "_SCAN_KEEP_MAX", -1)


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> Spy:
    return Spy(monkeypatch)


def both(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    monkeypatch.setattr(scan, "FORCE_LXML", True)
    slow = outcome(path)
    monkeypatch.setattr(scan, "FORCE_LXML", False)
    return slow, outcome(path)


def same(path: Path, monkeypatch: pytest.MonkeyPatch) -> object:
    slow, fast = both(path, monkeypatch)
    assert fast == slow, path.name
    return fast


# -- workbooks as the builders, the corpus and the templates make them ---------------------------

def _built(tmp: Path) -> list[Path]:
    import merge_builders
    import real_layouts
    from corpus import documents
    from corpus.builder import build
    from corpus.more import more_documents
    from corpus.third import third_documents
    from office_drafts import build_workbook as office_drafts
    from report_builders import build_workbook as seed_workbook

    out = sorted((ROOT / "workbook_templates").glob("*.xlsx"))
    for doc in [*documents(), *more_documents(), *third_documents()]:
        out.append(build(doc.SHEETS, tmp / f"corpus_{doc.__name__.rsplit('.', 1)[-1]}.xlsx"))
    for name in ("numbers_in_kegiatan", "unlabelled_number_column", "table_end",
                 "signature_without_words", "waktu_split", "waktu_unit_in_header", "identity_sheets",
                 "identity_labels", "unknown_kegiatan_label", "unreadable_matrix",
                 "subtotal_between_sections", "roles_without_group", "kegiatan_over_two_rows",
                 "waktu_unit_column_without_header", "page_numbers", "table_over_two_sheets",
                 "name_as_banner", "stacked_sops"):
        made = getattr(real_layouts, name)(tmp / f"layout_{name}.xlsx")
        out.extend(made if isinstance(made, (list, tuple)) else [made])
    out.append(real_layouts.stacked_sops(tmp / "layout_stacked_inline.xlsx", n=3, inline=True))
    office_drafts(tmp / "drafts.xlsx")
    out.append(tmp / "drafts.xlsx")
    seed_workbook(tmp / "seeds.xlsx", settings={"Jam per hari kerja": 8})
    out.append(tmp / "seeds.xlsx")
    out.append(office_workbook(tmp / "office.xlsm", macro=True))
    out.append(merge_builders.workbook(tmp / "merge.xlsx",
                                       [merge_builders.sop(0), merge_builders.sop(1, sheet="SOP 2")]))
    out.append(merge_builders.broken(tmp / "merge_broken.xlsx"))
    # The same files as Excel keeps texts: one shared string table.
    for p in list(out):
        if Path(p).name.startswith(("corpus_", "layout_", "seeds", "drafts")):
            shared = tmp / f"sst_{p.name}"
            write_parts(shared, shared_string_parts(p))
            out.append(shared)
    return [Path(p) for p in out]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return _built(tmp_path_factory.mktemp("built"))


def test_every_built_workbook_reads_the_same_both_ways(built: list[Path], spy: Spy,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(built) > 60
    for path in built:
        same(path, monkeypatch)
    # The files with a shared string table read it without lxml.
    assert spy.tables >= 20


def test_the_benchmark_office_workbooks_read_the_same_and_all_fast(
        tmp_path: Path, spy: Spy, monkeypatch: pytest.MonkeyPatch) -> None:
    from merge_bench import generate
    from read_bench import write_workbook

    (tmp_path / "office").mkdir()
    (tmp_path / "plain").mkdir()
    paths = generate(6, tmp_path / "office") + generate(3, tmp_path / "plain", kind="plain")
    for i in range(3):
        write_workbook(tmp_path / f"read_bench_{i}.xlsx", i)
        paths.append(tmp_path / f"read_bench_{i}.xlsx")
    sheets = 0
    for p in paths:
        sheets += len(same(p, monkeypatch))  # type: ignore[arg-type]
    # Files as Excel keeps them, with no drawing: every sheet and table read without lxml.
    assert spy.sheets == sheets and spy.tables == len(paths)


def test_every_sheet_takes_the_fast_path(built: list[Path], spy: Spy) -> None:
    """Sheets with drawn flowcharts too: their rows' heights and columns' widths are scanned."""
    sheets = drawn = 0
    for path in built:
        got = outcome(path)
        if isinstance(got, list):
            sheets += len(got)
            drawn += sum(1 for sheet in got if sheet[5])
    assert spy.sheets == sheets > 140 and drawn > 40


def test_a_sheet_read_before_is_recalled_and_reads_the_same(built: list[Path],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Workbooks from one template repeat sheets byte for byte: from its second sighting on, a
    sheet's scan is remembered by its compressed bytes (``recall.sheet_scan``), and a third
    read of each file scans nothing that scanned before, yet reads what lxml reads."""
    monkeypatch.setattr(recall, "_SCANS", {})
    monkeypatch.setattr(recall, "_SEEN", set())
    monkeypatch.setattr(recall, "_SCANS_MAX", 10_000)
    scans: list[bool] = []
    sheet = scan.sheet

    def counted(data: bytes, ns: str, geometry: bool = False) -> scan.SheetScan | None:
        found = sheet(data, ns, geometry)
        scans.append(found is not None)
        return found

    monkeypatch.setattr(scan, "sheet", counted)
    recalled = 0
    for path in built:
        slow, fast = both(path, monkeypatch)
        assert fast == slow, path.name
        scans.clear()
        assert outcome(path) == slow, path.name  # seen twice: remembered now
        first = sum(scans)
        scans.clear()
        assert outcome(path) == slow, path.name
        assert sum(scans) == 0, path.name  # nothing the scan read is scanned again
        recalled += first
    assert recalled > 140


def _set_crc(path: Path, name: str, crc: int) -> None:
    """Rewrite the CRC the central directory records for ``name`` (the local header keeps its own)."""
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_len = int.from_bytes(data[at + 28:at + 30], "little")
        if data[at + 46:at + 46 + name_len] == name.encode():
            data[at + 16:at + 20] = crc.to_bytes(4, "little")
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))


def test_a_remembered_sheet_with_another_crc_is_read_afresh(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The same compressed bytes under a CRC that does not match them: not the remembered
    sheet, but a damaged part, as it always was."""
    good = _package(tmp_path / "good.xlsx", SHEET)
    for _ in range(3):
        outcome(good)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(good.read_bytes())
    _set_crc(bad, "xl/worksheets/sheet1.xml", 0x12345678)
    slow, fast = both(bad, monkeypatch)
    assert fast == slow
    assert fast[0] == "error" and fast[1] == "BERKAS-RUSAK"  # type: ignore[index]


def _forget_parts() -> None:
    """Empty every memory the reader keeps of parts read before (all keyed by their bytes)."""
    from sopxl.read import safezip, values, workbook

    for known in (recall._SCANS, recall._SEEN, safezip._RELS, values._DATE_XFS,
                  workbook._WORKBOOKS, workbook._WORKBOOKS_BUT_WINDOW, workbook._MACRO_TYPES):
        known.clear()


def whole(path: Path) -> object:
    """``outcome`` and what else the workbook says: macros, every worksheet's part."""
    try:
        wb = read_workbook(path)
    except SopxlError:
        return outcome(path)
    return outcome(path), wb.macro_enabled, wb.sheet_parts


def test_parts_read_before_are_recalled_as_they_read_afresh(built: list[Path]) -> None:
    """The workbook part, relationships, styles and content types of a file read before are
    known by their compressed bytes (``SafeZip.stored``) and not parsed again: a third read
    with everything remembered gives what a read with nothing remembered gives."""
    for path in built:
        _forget_parts()
        fresh = whole(path)
        whole(path)
        assert whole(path) == fresh, path.name
    _forget_parts()


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "_rels/.rels",
                                  "xl/styles.xml", "[Content_Types].xml", "xl/worksheets/sheet1.xml"])
def test_a_remembered_part_under_another_crc_reads_as_it_would_afresh(part: str, tmp_path: Path) -> None:
    """The same compressed bytes under a CRC that does not match them are not the part
    remembered: the file reads as it does with nothing remembered (a damaged part)."""
    good = _package(tmp_path / "good.xlsx", SHEET)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(good.read_bytes())
    _set_crc(bad, part, 0x12345678)
    _forget_parts()
    fresh = whole(bad)
    assert fresh[0] == "error" and fresh[1] == "BERKAS-RUSAK"  # type: ignore[index]
    for _ in range(3):
        whole(good)
    assert whole(bad) == fresh
    _forget_parts()


WINDOW = ('<bookViews><workbookView xWindow="-120" yWindow="0" windowWidth="19001" '
          'windowHeight="9001" activeTab="0"/></bookViews>')
# name -> (the workbook part's window in the second file, is what the first said recalled?)
OTHER_WINDOWS: dict[str, tuple[str, bool]] = {
    "another window": (WINDOW.replace("19001", "28800").replace("-120", "240"), True),
    "two windows": (WINDOW.replace("</bookViews>", '<workbookView xWindow="5"/></bookViews>'), True),
    "no window": ("", False),
    "a repeated attribute": (WINDOW.replace('activeTab="0"', 'activeTab="0" activeTab="1"'), False),
    "an entity": (WINDOW.replace('activeTab="0"', 'activeTab="&#48;"'), False),
    "a namespace": (WINDOW.replace('activeTab="0"', 'xmlns="urn:x"'), False),
    "an element inside": (WINDOW.replace("/></bookViews>", "><x/></workbookView></bookViews>"), False),
    "not closed": (WINDOW.replace("</bookViews>", ""), False),
}


@pytest.mark.parametrize("name", list(OTHER_WINDOWS))
def test_a_workbook_part_equal_but_for_its_window_reads_as_it_would_afresh(
        name: str, tmp_path: Path) -> None:
    """A batch's workbook parts differ in the window each PC saved: what one said is
    remembered for the others (``workbook._without_window``), and only for plain windows."""
    window, recalled = OTHER_WINDOWS[name]
    first = _package(tmp_path / "first.xlsx", SHEET, workbook_pr=WINDOW)
    other = _package(tmp_path / "other.xlsx", SHEET, workbook_pr=window)
    _forget_parts()
    fresh = whole(other)
    _forget_parts()
    whole(first)
    parsed: list[str] = []
    xml = SafeZip.xml

    def spy_xml(z: SafeZip, part: str, data: bytes | None = None) -> object:
        parsed.append(part)
        return xml(z, part, data)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(SafeZip, "xml", spy_xml)
        assert whole(other) == fresh
    assert ("xl/workbook.xml" not in parsed) == recalled
    _forget_parts()


def test_a_window_in_a_comment_is_not_taken_for_one(tmp_path: Path) -> None:
    comment = "<!-- " + WINDOW + " -->"
    first = _package(tmp_path / "first.xlsx", SHEET, workbook_pr=comment)
    damaged = _package(tmp_path / "damaged.xlsx", SHEET,
                       workbook_pr=comment.replace('xWindow="-120"', 'xWindow="--1"'))
    _forget_parts()
    fresh = whole(damaged)
    assert fresh[0] == "error"  # type: ignore[index]
    whole(first)
    assert whole(damaged) == fresh
    _forget_parts()


# -- parts as other writers (and hostile files) write them --------------------------------------

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STYLES = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{MAIN}">'
          '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
          '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="0"/><xf numFmtId="14"/>'
          '<xf numFmtId="164"/></cellXfs></styleSheet>')
SST = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<sst xmlns="{MAIN}" count="5" '
       'uniqueCount="5"><si><t>Nama SOP</t></si><si><t xml:space="preserve"> spasi </t></si>'
       '<si><r><rPr><b/><sz val="11"/></rPr><t>te</t></r><r><t>bal</t></r><rPh sb="0" eb="1">'
       '<t>\u30d5\u30ea</t></rPh><phoneticPr fontId="1"/></si>'
       '<si><t>baris&#10;dua &amp; _x000D_ &lt;x&gt; &#x263A;</t></si><si><t/></si></sst>')
SHEET = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="{MAIN}" '
         f'xmlns:r="{REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
         'mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">'
         '<dimension ref="A1:F6"/><sheetViews><sheetView workbookViewId="0"><selection activeCell="B2" '
         'sqref="B2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>'
         '<cols><col min="1" max="1" width="20" customWidth="1"/></cols><sheetData>'
         '<row r="1" spans="1:6" x14ac:dyDescent="0.25"><c r="A1" s="1" t="s"><v>0</v></c>'
         '<c r="B1" t="s"><v>1</v></c><c r="C1" s="1"/><c r="D1"><v>42</v></c><c r="E1"><v>3.25</v></c>'
         '<c r="F1" s="2"><v>43466.5</v></c></row>'
         '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c><c r="C2" t="e"><v>#N/A</v></c>'
         '<c r="D2" t="str"><f>A1&amp;"x"</f><v>Tom &amp; Jerry_x000D_&#10;</v></c>'
         '<c r="E2"><f>SUM(D1:E1)</f><v>45.25</v></c><c r="F2" s="3" t="s"><v>2</v></c></row>'
         '<row r="3"><c r="A3" t="inlineStr"><is><t>inline</t></is></c><c r="B3" t="inlineStr"><is><r>'
         '<rPr><b/><sz val="11"/></rPr><t>rich </t></r><r><t xml:space="preserve">runs_x0009_</t></r>'
         '</is></c><c r="C3" t="d"><v>2024-01-02T03:04:05</v></c><c r="D3"><v>1E+20</v></c>'
         '<c r="E3" s="3"><v>-0.5</v></c><c r="F3" s="3"><v>45000</v></c></row>'
         '<row r="4"><c r="A4" t="s"><v>3</v></c><c r="B4" t="s"><v>4</v></c><c r="C4"><v></v></c>'
         '<c r="D4"><v>1e400</v></c><c r="E4" t="n"><v>00012</v></c><c r="F4" t="str"><f>F3</f></c></row>'
         '<row r="5" customHeight="1" ht="30"><c r="A5" t="s"><v>3</v></c></row>'
         '</sheetData><mergeCells count="3"><mergeCell ref="A5:B6"/><mergeCell ref="$D$1:$C$1"/>'
         '<mergeCell ref="A0:B1"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" '
         'bottom="0.75" header="0.3" footer="0.3"/></worksheet>')


def _package(path: Path, sheet: str, sst: str = SST, workbook_pr: str = "",
             styles: str = STYLES) -> Path:
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
            'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
            '"application/xml"/></Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
            f'org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">'
            f'{workbook_pr}<sheets><sheet name="SOP" sheetId="1" r:id="rId1"/>'
            '<sheet name="Tersembunyi" sheetId="2" state="hidden" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
            f'org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/worksheet" '
            f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{REL}/sharedStrings" '
            f'Target="sharedStrings.xml"/><Relationship Id="rId3" Type="{REL}/styles" '
            'Target="styles.xml"/></Relationships>'),
        "xl/styles.xml": styles,
        "xl/sharedStrings.xml": sst,
        "xl/worksheets/sheet1.xml": sheet,
    }
    write_parts(path, {k: v.encode("utf-8") for k, v in parts.items()})
    return path


def _sub(old: str, new: str, count: int = -1) -> Callable[[str], str]:
    def edit(xml: str) -> str:
        assert old in xml, old
        return xml.replace(old, new, count)
    return edit


def _prefixed(xml: str) -> str:
    """Every element of the main namespace written with an ``x:`` prefix."""
    body = re.sub(r"<(/?)(?![?!])(?!\w+:)(\w+)", r"<\1x:\2", xml)
    return body.replace(f'xmlns="{MAIN}"', f'xmlns:x="{MAIN}"')


# name -> (edit of the sheet part, does the fast path read it?)
SHEET_VARIANTS: dict[str, tuple[Callable[[str], str], bool]] = {
    "as written": (lambda x: x, True),
    "bom": (lambda x: "\ufeff" + x, True),
    "no declaration": (lambda x: x.split("\r\n", 1)[1], True),
    "crlf between and inside": (_sub("><", ">\r\n<"), False),  # CR LF text in <row>: lxml
    "crlf in a value": (_sub("Tom &amp; Jerry", "Tom\r\nJerry"), True),
    "lone cr in a value": (_sub("Tom &amp; Jerry", "Tom\rJerry"), True),
    "space before >": (_sub('<c r="D1">', '<c r="D1"  >'), True),
    "attribute order": (_sub('<c r="A1" s="1" t="s">', '<c t="s" r="A1" s="1">'), False),
    "single quotes": (_sub('<c r="D1">', "<c r='D1'>"), False),
    "x: prefixes": (_prefixed, False),
    "prefix bound to main": (_sub(f'xmlns:r="{REL}"', f'xmlns:r="{REL}" xmlns:y="{MAIN}"'), False),
    "default namespace redeclared": (_sub('<row r="5"', f'<row xmlns="{MAIN}" r="5"'), False),
    "cdata": (_sub("<v>Tom &amp; Jerry_x000D_&#10;</v>", "<v><![CDATA[Tom & <Jerry>]]></v>"), False),
    "comment": (_sub("<row r=\"2\">", "<!-- x --><row r=\"2\">"), False),
    "processing instruction": (_sub("<row r=\"2\">", "<?pi x?><row r=\"2\">"), False),
    "doctype": (_sub("?>\r\n", '?>\r\n<!DOCTYPE w [<!ENTITY e "x">]>', 1), False),
    "undefined entity": (_sub("Tom &amp; Jerry", "Tom &nbsp; Jerry"), False),
    "character references": (_sub("<v>42</v>", "<v>&#52;&#x32;</v>"), True),
    "bad character reference": (_sub("<v>42</v>", "<v>&#1;</v>"), False),
    "control character": (_sub("Tom", "T\x01m"), False),
    "shared string out of range": (_sub('t="s"><v>2</v>', 't="s"><v>99999999999</v>'), True),
    "negative shared string": (_sub('t="s"><v>2</v>', 't="s"><v>-1</v>'), True),
    "shared string not a number": (_sub('t="s"><v>2</v>', 't="s"><v>x</v>'), True),
    "cells without r": (_sub('<c r="A2" t="b">', '<c t="b">'), False),
    "styled cells without r": (_sub('<c r="C1" s="1"/>', '<c s="1"/>'), True),
    "rows out of order": (lambda x: x.replace('<row r="1"', '<row r="9"'), True),
    "last row number invalid": (_sub('<row r="5" ', '<row r="x" '), True),
    "last row without r": (_sub('<row r="5" ', "<row "), True),
    "last row too far": (_sub('<row r="5" ', '<row r="1048577" '), True),
    "cell reference invalid": (_sub('<c r="D1">', '<c r="D0">'), True),
    "cell reference lower case": (_sub('<c r="D1">', '<c r="d1">'), False),
    "column too far": (_sub('<c r="D1">', '<c r="XFE1">'), True),
    "merge too far": (_sub('ref="A5:B6"', 'ref="A5:XFE6"'), True),
    "empty t and s": (_sub('<c r="D1">', '<c r="D1" t="" s="">'), False),
    "unknown type": (_sub('<c r="D1">', '<c r="D1" t="zz">'), True),
    "dynamic array cm": (_sub('<c r="E2">', '<c r="E2" cm="1">'), True),
    "v self-closing": (_sub("<v></v>", "<v/>"), True),
    "v self-closing under a bad address": (_sub('<c r="C4"><v></v>', '<c r="C0"><v/>'), True),
    "v with a child": (_sub("<v>42</v>", "<v>4<x/>2</v>"), False),
    "two values": (_sub("<v>42</v>", "<v>42</v><v>43</v>"), False),
    "value beside an extLst": (_sub("<v>42</v>", "<v>42</v><extLst/>"), False),
    "sheetData empty": (lambda x: re.sub(r"<sheetData>.*</sheetData>", "<sheetData/>", x), True),
    "no sheetData": (lambda x: re.sub(r"<sheetData>.*</sheetData>", "", x), True),
    "no merges": (lambda x: re.sub(r"<mergeCells.*</mergeCells>", "", x), True),
    "merges self-closing": (lambda x: re.sub(r"<mergeCells.*</mergeCells>", "<mergeCells/>", x), True),
    "two mergeCells": (_sub("</mergeCells>", '</mergeCells><mergeCells><mergeCell ref="E5:F6"/>'
                                            "</mergeCells>"), False),
    "merges before sheetData": (lambda x: x.replace("<sheetData>", '<mergeCells><mergeCell '
                                                    'ref="E5:F6"/></mergeCells><sheetData>'), False),
    "sheetData nested": (lambda x: x.replace("<sheetData>", "<sheetPr><sheetData>").replace(
        "</sheetData>", "</sheetData></sheetPr>"), False),
    "truncated": (lambda x: x[:-40], False),
    "inline with phonetic run": (_sub("<t>inline</t>", '<t>in</t><rPh sb="0" eb="1"><t>x</t></rPh>'
                                                         "<t>line</t>"), True),
    "phonetic run over two lines": (_sub("<t>inline</t>", '<t>in</t><rPh sb="0" eb="1"><t>x\ny</t>'
                                                            "</rPh><t>line</t>"), True),
    "inline empty": (_sub("<is><t>inline</t></is>", "<is><t/></is>"), True),
    "inline with a stray child": (_sub("<t>inline</t>", "<t>inline</t><foo/>"), False),
    "inline with entities": (_sub("<t>inline</t>", "<t>a&lt;b&#10;_xD83D__xDE00_</t>"), True),
    "inline string typed s": (_sub('<c r="A3" t="inlineStr">', '<c r="A3" t="s">'), False),
    "hostile numbers": (_sub("<v>3.25</v>", "<v>NaN</v>"), True),
    "long number": (_sub("<v>3.25</v>", "<v>" + "9" * 400 + "</v>"), True),
    "boolean words": (_sub('t="b"><v>1</v>', 't="b"><v>true</v>'), True),
    "error blank": (_sub("<v>#N/A</v>", "<v> </v>"), True),
    "date text bad": (_sub("2024-01-02T03:04:05", "kemarin"), True),
    "strict namespace": (lambda x: x.replace(MAIN, "http://purl.oclc.org/ooxml/spreadsheetml/main"),
                         False),
    # With no "S" and no "&" in the rows no cell is t="inlineStr", and an <is> is left unread.
    "is under another type, no S": (lambda x: _no_s(x).replace('t="inlineStr"', 't="str"'), True),
    "is under another type, an &": (lambda x: _no_s(x).replace('t="inlineStr"', 't="str"').replace(
        "<v>42</v>", "<v>&#52;2</v>"), False),
    "inlineStr by a character reference": (
        lambda x: _no_s(x).replace('t="inlineStr"', 't="inline&#83;tr"'), False),
}


def _no_s(sheet: str) -> str:
    """The sheet with no capital S and no & in its rows but for its inline strings' type."""
    sheet = sheet.replace("SUM(", "sum(").replace('<f>A1&amp;"x"</f><v>Tom &amp; Jerry_x000D_&#10;</v>',
                                                  "<f>A1</f><v>Tom Jerry_x000D_</v>")
    rows = sheet[sheet.index("<sheetData>"):sheet.index("</sheetData>")]
    assert rows.count("S") == rows.count('t="inlineStr"') and "&" not in rows
    return sheet


@pytest.mark.parametrize("name", list(SHEET_VARIANTS))
def test_sheet_variants_read_the_same_both_ways(name: str, tmp_path: Path, spy: Spy,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    edit, fast = SHEET_VARIANTS[name]
    path = _package(tmp_path / "v.xlsx", edit(SHEET))
    got = same(path, monkeypatch)
    assert (spy.sheets > 0) == fast, got


def test_the_plain_workbook_reads_as_a_user_would_check(tmp_path: Path, spy: Spy,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """What the fast path read, value by value, so the comparison above is about something."""
    monkeypatch.setattr(scan, "FORCE_LXML", False)
    wb = read_workbook(_package(tmp_path / "plain.xlsx", SHEET))
    g = wb.sheets[0]
    assert spy.sheets == 2 and spy.tables == 1
    v = g.values
    assert v[(0, 0)] == "Nama SOP" and v[(0, 1)] == " spasi " and v[(0, 3)] == 42
    assert v[(0, 4)] == 3.25 and v[(0, 5)] == dt.datetime(2019, 1, 1, 12, 0)
    assert v[(1, 0)] is True and v[(1, 1)] is False and v[(1, 2)] == "#N/A"
    assert v[(1, 3)] == 'Tom & Jerry\r\n' and v[(1, 4)] == 45.25 and v[(1, 5)] == "tebal"
    assert v[(2, 0)] == "inline" and v[(2, 1)] == "rich runs\t"
    assert v[(2, 2)] == dt.datetime(2024, 1, 2, 3, 4, 5) and v[(2, 5)] == dt.datetime(2023, 3, 15)
    assert v[(3, 0)] == "baris\ndua & \r <x> \u263a" and (3, 1) not in v and (3, 2) not in v
    assert v[(3, 3)] == "1e400" and v[(3, 4)] == 12 and (3, 5) not in v
    assert g.merged == [(4, 0, 5, 1), (0, 2, 0, 3)]
    assert wb.sheets[1].hidden and not g.hidden


SST_VARIANTS: dict[str, tuple[Callable[[str], str], bool]] = {
    "as written": (lambda x: x, True),
    "plain only": (lambda x: re.sub(r"<si><r>.*?</si>", "<si><t>tebal</t></si>", x), True),
    "si empty element": (_sub("<si><t/></si>", "<si/>"), False),
    "crlf in a text": (_sub("Nama SOP", "Nama\r\nSOP"), True),
    "surrogate escapes": (_sub("Nama SOP", "_xD83D__xDE00_ _xD800_"), True),
    "cdata": (_sub("<t>Nama SOP</t>", "<t><![CDATA[Nama <SOP>]]></t>"), False),
    "prefixed": (_prefixed, False),
    "extLst after": (_sub("</sst>", "<extLst/></sst>"), False),
    "nested si": (_sub("<si><t/></si>", "<si><si><t>x</t></si></si>"), False),
    "truncated": (lambda x: x[:-30], False),
    # Declarations inside the table are looked for only when it holds more than plain entries.
    "xmlns as text in a plain table": (lambda x: _plain_table(x).replace("Nama SOP", 'xmlns="x"'), True),
    "default namespace redeclared in a rich entry": (_sub("<si><r>", f'<si><r xmlns="{MAIN}">'), False),
    "prefix bound to main in a rich entry": (_sub("<si><r>", f'<si xmlns:y="{MAIN}"><r>'), False),
    "prefix bound to main on a plain entry": (lambda x: _plain_table(x).replace(
        "<si><t>Nama SOP</t>", f'<si xmlns:y="{MAIN}"><t>Nama SOP</t>'), False),
    "other namespace on a plain entry": (lambda x: _plain_table(x).replace(
        "<si><t>Nama SOP</t>", '<si xmlns="urn:lain"><t>Nama SOP</t>'), False),
}


def _plain_table(sst: str) -> str:
    return re.sub(r"<si><r>.*?</si>", "<si><t>tebal</t></si>", sst)


@pytest.mark.parametrize("name", list(SST_VARIANTS))
def test_shared_string_variants_read_the_same_both_ways(name: str, tmp_path: Path, spy: Spy,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    edit, fast = SST_VARIANTS[name]
    same(_package(tmp_path / "s.xlsx", SHEET, sst=edit(SST)), monkeypatch)
    assert (spy.tables > 0) == fast


# Tables of plain entries back to back, the way ``scan._back_to_back`` splits them: name ->
# (the entries, does the split read them, rather than the pattern after it? None: it finds the
# table is no XML, which lxml then says)
PLAIN_SST = [f'<si><t>{i}. Nama SOP</t></si>' for i in range(5)]
BACK_TO_BACK: dict[str, tuple[str, bool | None]] = {
    "plain": ("".join(PLAIN_SST), True),
    "one entry": ("<si><t>Nama SOP</t></si>", True),
    "empty texts": ("<si><t></t></si><si><t>a</t></si><si><t></t></si>", True),
    "entities": ("<si><t>dua &amp; tiga</t></si><si><t>&lt;x&gt; &quot;&apos; &#10;&#x263A;</t></si>"
                 "<si><t>&amp;lt;/t&gt;&lt;/si&gt;&lt;si&gt;&lt;t&gt;</t></si>", True),
    "escapes": ("<si><t>baris_x000D_</t></si><si><t>_xD83D__xDE00_ _x0041</t></si><si><t>a_b</t></si>", True),
    "an escape made by entities": ("<si><t>&#95;x0041&#95;</t></si><si><t>b</t></si>", True),
    "markup as text": ("<si><t>&lt;/t&gt;&lt;/si&gt;&lt;si&gt;&lt;t&gt;</t></si><si><t>x</t></si>", True),
    "non-ascii": ("<si><t>√ café ☺</t></si><si><t>b</t></si>", True),
    "preserved spaces": ('<si><t>a</t></si><si><t xml:space="preserve"> b </t></si>', False),
    "empty element": ("<si><t>a</t></si><si><t/></si><si><t>c</t></si>", False),
    "white space between": ("<si><t>a</t></si>\n<si><t>b</t></si>", False),
    "cr lf in a text": ("<si><t>a\r\nb</t></si><si><t>c</t></si>", False),
    "a rich entry": ("<si><t>a</t></si><si><r><t>b</t></r></si>", False),
    "text between entries": ("<si><t>a</t></si>x<si><t>b</t></si>", False),
    "stray entity": ("<si><t>a &nbsp; b</t></si><si><t>c</t></si>", None),
}


@pytest.mark.parametrize("name", list(BACK_TO_BACK))
def test_plain_tables_split_read_the_same_both_ways(name: str, tmp_path: Path, spy: Spy,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    body, split = BACK_TO_BACK[name]
    sst = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN}" '
           f'count="3" uniqueCount="3">{body}</sst>')
    sheet = SHEET.replace("<v>2</v>", "<v>1</v>").replace("<v>3</v>", "<v>0</v>").replace(
        "<v>4</v>", "<v>0</v>")  # no index past the smallest table
    splits: list[bool] = []
    back_to_back = scan._back_to_back

    def spy_split(text: str, start: int, end: int) -> list[str] | None:
        found = back_to_back(text, start, end)
        splits.append(found is not None)
        return found

    monkeypatch.setattr(scan, "_back_to_back", spy_split)
    same(_package(tmp_path / "s.xlsx", sheet, sst=sst), monkeypatch)
    assert splits == ([] if split is None else [split])
    if split is None:
        return
    # The pattern's reading of the same table, where it has one, is the split's.
    text = sst
    start = text.index("<si>")
    end = text.rindex("</sst>")
    found = back_to_back(text, start, end)
    if found is not None:
        monkeypatch.setattr(scan, "_back_to_back", lambda *args: None)
        assert scan.shared_strings(sst.encode()) == found


# A sheet of shared strings and numbers only, as a template's sheets are: planned once recalled
# (``cellplan``). Indices written oddly (" 2", "03") are indices all the same; A1 comes twice.
PLANNED_SHEET = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}"><sheetData>'
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="1"/>'
    '<c r="D1"><v>42</v></c><c r="E1" t="n"><v>3.25</v></c><c r="F1" s="2"><v>43466.5</v></c></row>'
    '<row r="2"><c r="A2" t="s"><v> 2</v></c><c r="B2" t="s"><v>03</v></c><c r="C2"><v></v></c>'
    '<c r="D2" s="3"><v>45000</v></c><c r="E2" t="s"><v>4</v></c><c r="A1" t="s"><v>3</v></c></row>'
    '</sheetData></worksheet>')


def _table(*texts: str) -> str:
    entries = "".join(f"<si><t>{t}</t></si>" for t in texts)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN}" '
            f'count="{len(texts)}" uniqueCount="{len(texts)}">{entries}</sst>')


# name -> (the sheet, its table, its styles, are the values stored by the plan?)
PLANNED: dict[str, tuple[str, str, str, bool]] = {
    "as planned": (PLANNED_SHEET, _table("a", "b", "c", "d", "e"), STYLES, True),
    "another table": (PLANNED_SHEET, _table("v", "w &amp; x", "y", "z", "_x0041_", "lebih"), STYLES, True),
    "an empty text": (PLANNED_SHEET, _table("a", "", "c", "", "e"), STYLES, True),
    "a table too short": (PLANNED_SHEET, _table("a", "b", "c"), STYLES, False),
    "no date styles": (PLANNED_SHEET, _table("a", "b", "c", "d", "e"),
                       STYLES.replace('numFmtId="14"', 'numFmtId="0"'), True),
    "damaged styles": (PLANNED_SHEET, _table("a", "b", "c", "d", "e"), STYLES[:-20], False),
    "a missing index before a number that is none": (
        PLANNED_SHEET.replace("<v>42</v>", "<v>empat</v>"), _table("a"), STYLES, False),
    "a number that is none": (PLANNED_SHEET.replace("<v>42</v>", "<v>empat</v>"),
                              _table("a", "b", "c", "d", "e"), STYLES, False),
    "a negative index": (PLANNED_SHEET.replace("<v>03</v>", "<v>-1</v>"),
                         _table("a", "b", "c", "d", "e"), STYLES, False),
    "another type": (PLANNED_SHEET.replace('t="n"', 't="str"'), _table("a", "b", "c", "d", "e"),
                     STYLES, False),
    "the 1904 calendar": (PLANNED_SHEET, _table("a", "b", "c", "d", "e"), STYLES, True),
}
CALENDAR = {"the 1904 calendar": '<workbookPr date1904="1"/>'}


@pytest.mark.parametrize("name", list(PLANNED))
def test_a_recalled_sheet_stored_by_its_plan_reads_as_lxml_reads_it(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same sheet part in workbooks with other tables and styles: its plan, made once,
    stores what the cell-by-cell way stores, and gives way to it for the first error."""
    sheet, table, styles, planned = PLANNED[name]
    monkeypatch.setattr(recall, "_SCANS", {})
    monkeypatch.setattr(recall, "_SEEN", set())
    monkeypatch.setattr(cellplan, "_PLANS", {})
    stored: list[bool] = []
    store = cellplan.CellPlan.store

    def spy_store(plan: cellplan.CellPlan, *args: object) -> bool:
        stored.append(store(plan, *args))  # type: ignore[arg-type]
        return stored[-1]

    monkeypatch.setattr(cellplan.CellPlan, "store", spy_store)
    first = _package(tmp_path / "first.xlsx", sheet)
    for _ in range(3):  # seen twice: remembered, and planned from then on
        outcome(first)
    path = _package(tmp_path / "other.xlsx", sheet, sst=table, styles=styles,
                    workbook_pr=CALENDAR.get(name, ""))
    stored.clear()
    slow, fast = both(path, monkeypatch)
    assert fast == slow
    # (the package's two sheets are one part)
    assert (len(stored) == 2 and all(stored)) if planned else not any(stored)
    if planned:  # what the plan stored is what the cell-by-cell way stores from the scan
        monkeypatch.setattr(cellplan, "_PLANS", {})
        monkeypatch.setattr(cellplan, "_make", lambda *args: None)
        assert outcome(path) == fast


def test_dates_under_the_1904_calendar_read_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    got = same(_package(tmp_path / "d.xlsx", SHEET, workbook_pr='<workbookPr date1904="1"/>'),
               monkeypatch)
    assert dict(got[0][2])[(0, 5)] == dt.datetime(2023, 1, 2, 12, 0)  # type: ignore[index]


def test_a_libreoffice_saved_workbook_reads_the_same(tmp_path: Path, spy: Spy,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from libreoffice_client import SOFFICE, convert
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) tidak terpasang")
    from report_builders import build_workbook as seed_workbook

    src = tmp_path / "src" / "seeds.xlsx"
    src.parent.mkdir()
    seed_workbook(src, settings={"Jam per hari kerja": 8})
    saved = convert(src, "xlsx", tmp_path / "out", tmp_path / "profile")
    same(saved, monkeypatch)
    assert spy.sheets >= 2 and spy.tables == 1  # LibreOffice writes shared strings


def test_markup_damaged_outside_the_cells_is_what_the_fast_path_lets_by(
        tmp_path: Path, spy: Spy, monkeypatch: pytest.MonkeyPatch) -> None:
    """The one known difference, stated: lxml refuses the part, the scan reads its cells."""
    path = _package(tmp_path / "g.xlsx", SHEET.replace('right="0.7"', 'right"0.7"'))
    slow, fast = both(path, monkeypatch)
    assert isinstance(slow, tuple) and slow[1] == "BERKAS-RUSAK" and "bukan XML yang sah" in slow[4]
    monkeypatch.setattr(scan, "FORCE_LXML", False)
    assert fast == outcome(_package(tmp_path / "ok.xlsx", SHEET))


def test_damaged_workbooks_read_the_same_unless_the_damage_is_outside_the_cells(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """test_fuzz's damaged workbooks, read both ways.

    The scan does not parse the markup it does not read (page setup, views, formats): a part
    damaged only there is one lxml refuses as invalid XML while the fast path reads its cells.
    That is the one difference allowed, and it stays rare.
    """
    import random

    import test_fuzz

    class Factory:
        def mktemp(self, name: str) -> Path:
            (tmp_path / name).mkdir()
            return tmp_path / name

    seeds = test_fuzz.seeds.__wrapped__(Factory())  # type: ignore[attr-defined]
    rng = random.Random(1204)
    cases = 600
    lenient = 0
    for i in range(cases):
        _name, data, how = test_fuzz.make_case(rng, seeds)
        path = tmp_path / f"case{i}.xlsx"
        path.write_bytes(data)
        slow, fast = both(path, monkeypatch)
        if fast != slow:
            assert isinstance(slow, tuple) and slow[1] == "BERKAS-RUSAK" \
                and "bukan XML yang sah" in slow[4], (how, slow, fast)
            lenient += 1
    assert lenient <= cases // 100


# -- sheets with a drawing: shapes are placed by the rows' heights and columns' widths ----------

def _drawn(path: Path) -> Path:
    from drawing_builders import Layout, Sketch, add_drawing

    sketch = Sketch(Layout())
    first = sketch.shape(6, 1, "flowChartProcess", "Proses", how="abs")
    second = sketch.shape(9, 3, "flowChartDecision", "Keputusan", how="two")
    sketch.connect(first, second)
    add_drawing(path, sketch.xml())
    return path


GEOMETRY_VARIANTS: dict[str, tuple[Callable[[str], str], bool]] = {
    "as written": (lambda x: x, True),
    "tall, hidden and unnumbered rows": (lambda x: x.replace('<row r="2">', '<row r="2" ht="40" '
                                                            'customHeight="1">').replace(
        '<row r="3">', '<row hidden="1">').replace('<row r="4">', "<row>"), True),
    "row number invalid mid-sheet": (_sub('<row r="2">', '<row r="x" ht="50">'), True),
    "rows hidden by default": (_sub('defaultRowHeight="15"', 'defaultRowHeight="15" zeroHeight="1"'),
                               True),
    "column widths": (_sub('<col min="1" max="1" width="20" customWidth="1"/>',
                           '<col min="1" max="2" width="30" customWidth="1"/><col min="3" max="9" '
                           "width='4' hidden='1'/><col min='x'/>"), True),
    "column in a column group": (_sub('<col min="1"', '<foo><col min="2" width="90"/></foo><col min="1"'),
                                 True),
    "default column width": (_sub('defaultRowHeight="15"', 'defaultColWidth="20" defaultRowHeight="15"'),
                             True),
    "row inside a row": (_sub('<row r="5" customHeight="1" ht="30">', '<row r="5" customHeight="1" '
                              'ht="30"><row r="6" ht="90"/>'), False),
    "element between rows": (_sub('<row r="2">', '<foo/><row r="2">'), False),
    "columns after sheetData": (_sub("</sheetData>", '</sheetData><cols><col min="2" width="60"/></cols>'),
                                False),
    "format after sheetData": (_sub("</sheetData>", '</sheetData><sheetFormatPr defaultRowHeight="40"/>'),
                               False),
    "entity in a row height": (_sub('ht="30"', 'ht="3&#48;"'), False),
    "line feed in a row height": (_sub('ht="30"', 'ht="30\n"'), False),
    "repeated attribute": (_sub('ht="30"', 'ht="30" ht="60"'), False),
}


@pytest.mark.parametrize("name", list(GEOMETRY_VARIANTS))
def test_drawn_sheet_variants_read_the_same_both_ways(name: str, tmp_path: Path, spy: Spy,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    edit, fast = GEOMETRY_VARIANTS[name]
    path = _drawn(_package(tmp_path / "g.xlsx", SHEET))
    parts = read_parts(path)  # edited after the drawing is added, which parses the sheet
    sheet = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    assert "<drawing " in sheet
    parts["xl/worksheets/sheet1.xml"] = edit(sheet).encode("utf-8")
    write_parts(path, parts)
    got = same(path, monkeypatch)
    if isinstance(got, list):
        assert len(got[0][5]) == 3  # two shapes and their connector, placed
    assert (spy.sheets > 0) == fast


@pytest.mark.parametrize("whole", [True, False])
@pytest.mark.parametrize("pread", [True, False])
def test_parts_read_the_same_whole_or_one_by_one_with_or_without_positioned_reads(
        built: list[Path], monkeypatch: pytest.MonkeyPatch, whole: bool, pread: bool) -> None:
    """A small file is read at once and its parts taken from its bytes, a big one part by
    part; Windows has no os.pread, and reads after a seek: the same bytes every way."""
    from sopxl.read import safezip

    monkeypatch.setattr(safezip, "WHOLE_MAX_BYTES", -1)
    one_by_one = [outcome(p) for p in built[:12]]
    if whole:
        monkeypatch.undo()
    if not pread:
        monkeypatch.setattr(safezip, "_PREAD", None)
    assert [outcome(p) for p in built[:12]] == one_by_one


def test_a_file_not_the_size_it_was_is_read_part_by_part(built: list[Path]) -> None:
    from sopxl.read.safezip import SafeZip

    with SafeZip(built[0]) as z:
        assert z._whole is not None and len(z._whole) == built[0].stat().st_size
        assert z._read_whole(len(z._whole) + 1) is None


# -- the central directory read without zipfile (sopxl/read/zipdir.py) --------------------------

def _directory(path: Path) -> object:
    """``zipdir``'s entries of a file as zipfile would give them, or None when it leaves it."""
    import os

    from sopxl.read import zipdir

    def pread(n: int, at: int) -> bytes:
        fh.seek(at)
        return fh.read(n)

    with open(path, "rb") as fh:
        found = zipdir.entries(pread, os.fstat(fh.fileno()).st_size)
    if found is None:
        return None
    return [(e.filename, e.orig_filename, e.flag_bits, e.compress_type, e.CRC, e.compress_size,
             e.file_size, e.header_offset) for e in found]


def _zipfile_directory(path: Path) -> object:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return [(i.filename, i.orig_filename, i.flag_bits, i.compress_type, i.CRC, i.compress_size,
                 i.file_size, i.header_offset) for i in zf.infolist()]


def test_the_central_directory_reads_as_zipfile_reads_it(built: list[Path]) -> None:
    for path in built:
        assert _directory(path) == _zipfile_directory(path), path.name


def _archives(tmp: Path) -> dict[str, Path]:
    """Archives zipdir must leave to zipfile (or read as it does), and damaged ones."""
    import zipfile

    src = _package(tmp / "plain.xlsx", SHEET)
    data = src.read_bytes()
    out = {"plain": src}

    def write(name: str, raw: bytes) -> None:
        out[name] = tmp / f"{name}.xlsx"
        out[name].write_bytes(raw)

    with zipfile.ZipFile(src) as zin:
        parts = [(i, zin.read(i)) for i in zin.infolist()]

    def rewrite(name: str, **kw: object) -> None:
        out[name] = tmp / f"{name}.xlsx"
        with zipfile.ZipFile(out[name], "w", **kw) as zout:  # type: ignore[arg-type]
            for info, body in parts:
                zout.writestr(info, body)
            if name == "comment":
                zout.comment = b"dibuat oleh kantor"

    rewrite("comment")
    rewrite("stored", compression=zipfile.ZIP_STORED)
    write("prefixed", b"MZ" + bytes(100) + data)  # a self-extractor's stub in front
    write("cut", data[:-10])
    write("empty_end", data[:-22])
    write("nothing", b"")
    write("garbage", b"bukan zip" * 50)
    end = data.rfind(b"PK\x05\x06")
    central = data.find(b"PK\x01\x02")
    write("bad_central_sig", data[:central] + b"PK\x01\x09" + data[central + 4:])
    write("big_version", data[:central + 6] + bytes([64, 0]) + data[central + 8:])
    write("dir_size_short", data[:end + 12] + (int.from_bytes(data[end + 12:end + 16], "little") - 5)
          .to_bytes(4, "little") + data[end + 16:])
    write("bad_utf8_name", data.replace(b"xl/styles.xml", b"xl/styl\xff\xfe.xml"))
    flags = central + 8
    write("utf8_flag_bad_name", data[:flags] + (int.from_bytes(data[flags:flags + 2], "little") | 0x800)
          .to_bytes(2, "little") + data[flags + 2:central + 46] + b"\xff" + data[central + 47:])
    with zipfile.ZipFile(tmp / "zip64.xlsx", "w") as zout:
        for info, body in parts:
            with zout.open(info, "w", force_zip64=True) as fh:  # zip64 local headers only
                fh.write(body)
    out["zip64"] = tmp / "zip64.xlsx"
    return out


def _whole_or_raised(path: Path) -> object:
    """``whole``, or what else it raised (zipfile refuses some archives with NotImplementedError)."""
    try:
        return whole(path)
    except Exception as e:  # noqa: BLE001 - whatever it is, both ways must raise it
        return ("raised", type(e).__name__, str(e))


def test_archives_out_of_the_plain_read_as_zipfile_reads_them(tmp_path: Path) -> None:
    """Each archive: zipdir reads it as zipfile does or leaves it to zipfile, and a read
    gives what it gives with zipfile alone (the workbook, or the same error)."""
    import zipfile

    from sopxl.read import zipdir

    left: list[str] = []
    for name, path in _archives(tmp_path).items():
        try:
            expected = _zipfile_directory(path)
        except (zipfile.BadZipFile, ValueError, NotImplementedError, EOFError):
            expected = None
        found = _directory(path)
        if found is None:
            left.append(name)
        else:
            assert found == expected, name
        fast = _whole_or_raised(path)
        real = zipdir.entries
        zipdir.entries = lambda *a: None  # type: ignore[assignment]
        try:
            assert _whole_or_raised(path) == fast, name
        finally:
            zipdir.entries = real
    assert "plain" not in left and "stored" not in left
    assert {"comment", "prefixed", "cut", "big_version", "bad_central_sig", "nothing"} <= set(left), left


def test_empty_cells_turned_away_early_leave_the_cells_found_alone(built: list[Path]) -> None:
    """``scan._CELL`` turns self-closing cells away by a look-ahead: without it, the pattern
    finds the same cells in every sheet the builders make and in crafted rows."""
    import zipfile

    plain = re.compile(scan._CELL.pattern.replace("(?![^>]*+(?<=/))", "", 1))
    assert plain.pattern != scan._CELL.pattern
    crafted = ('<row r="1"><c r="A1" s="1"/><c r="B1"><v>1/2</v></c><c r="C1" s="2" t="s"><v>0</v></c>'
               '<c r="D1"><f>A1/B1</f><v>3</v></c><c r="E1" s="1" /><c r="F1"/><v>4</v>'
               '<c r="G1" t="str"><f>"/"</f><v>/</v></c><c r="H1"><v/></c><c r="I1" x="a/b"><v>5</v></c>'
               '<c r="J1"/></row><c r="K1" s="1"')
    texts = [crafted, SHEET]
    for path in built:
        with zipfile.ZipFile(path) as zf:
            texts += [zf.read(n).decode() for n in zf.namelist() if n.startswith("xl/worksheets/sheet")]
    for text in texts:
        assert scan._CELL.findall(text) == plain.findall(text)
    assert len(texts) > 150
