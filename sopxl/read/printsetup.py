"""How a worksheet prints, read from its package: page breaks, paper, margins, scale, titles.

``sopxl draw`` needs to know where the printed pages of a sheet break, so an arrow never runs
over a break (``sopxl.draw.pages``). This module reads what decides it, as the file says it::

    xl/worksheets/sheetN.xml   <rowBreaks>, <pageSetup>, <sheetPr><pageSetUpPr fitToPage>,
                               <pageMargins>, <dimension>
    xl/workbook.xml            <definedName> _xlnm.Print_Titles and _xlnm.Print_Area
                               local to the sheet

Nothing here estimates a page: that is ``sopxl.draw.pages.page_breaks``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from ..a1 import range_to_rowcols
from .safezip import SafeZip

__all__ = ["PrintSetup", "print_setup"]


@dataclass
class PrintSetup:
    """What decides where a sheet's printed pages break, as its XML says it.

    Rows and columns are zero-based; margins are in inches, as ``<pageMargins>`` stores them.
    Attributes a file leaves out keep the defaults of ECMA-376 (portrait, 100 %, fit to one
    page wide and one tall), except the paper: the printer chooses it then, and ``None`` lets
    the estimate take the A4 that offices load.
    """

    manual_breaks: list[int] = field(default_factory=list)  # first row of each page a <brk> starts
    paper: int | None = None  # <pageSetup paperSize>
    landscape: bool = False
    scale: int = 100  # percent, when not fitted to pages
    fit_to_page: bool = False  # <sheetPr><pageSetUpPr fitToPage>
    fit_width: int = 1  # pages wide (0: as many as needed)
    fit_height: int = 1  # pages tall (0: as many as needed)
    margins: tuple[float, float, float, float] = (0.75, 0.75, 0.7, 0.7)  # top, bottom, left, right
    title_rows: tuple[int, int] | None = None  # _xlnm.Print_Titles rows, inclusive
    area: tuple[int, int, int, int] | None = None  # _xlnm.Print_Area: r0, c0, r1, c1 inclusive
    last_col: int | None = None  # of <dimension ref>, the used range


_ROWS_REF = re.compile(r"^\$?(\d+):\$?(\d+)$")
# Commas inside a quoted sheet name ('Rekap, 2025'!$1:$2) do not separate references.
_REF_SPLIT = re.compile(r",(?=(?:[^']*'[^']*')*[^']*$)")


def _int(text: str | None, default: int) -> int:
    try:
        return int(float(text)) if text is not None else default
    except ValueError:
        return default


def _inches(text: str | None, default: float) -> float:
    try:
        return float(text) if text is not None else default
    except ValueError:
        return default


def print_setup(z: SafeZip, sheet_part: str, sheet_name: str) -> PrintSetup:
    """The page setup of one worksheet: its row breaks, paper, margins and scale, and the print
    titles and print area the workbook defines for it."""
    ps = PrintSetup()
    root = z.xml(sheet_part)
    ns = etree.QName(root).namespace or ""
    for brk in root.iterfind(f"{{{ns}}}rowBreaks/{{{ns}}}brk"):
        # <brk id="N"> breaks after one-based row N: the next page starts at zero-based row N.
        n = _int(brk.get("id"), 0)
        if n > 0 and brk.get("man", "0") in ("1", "true"):
            ps.manual_breaks.append(n)
    ps.manual_breaks = sorted(set(ps.manual_breaks))
    setup = root.find(f"{{{ns}}}pageSetup")
    if setup is not None:
        ps.paper = _int(setup.get("paperSize"), 0) or None
        ps.landscape = setup.get("orientation") == "landscape"
        ps.scale = min(400, max(10, _int(setup.get("scale"), 100)))
        ps.fit_width = max(0, _int(setup.get("fitToWidth"), 1))
        ps.fit_height = max(0, _int(setup.get("fitToHeight"), 1))
    fit = root.find(f"{{{ns}}}sheetPr/{{{ns}}}pageSetUpPr")
    ps.fit_to_page = fit is not None and fit.get("fitToPage") in ("1", "true")
    m = root.find(f"{{{ns}}}pageMargins")
    if m is not None:
        d = ps.margins
        ps.margins = (_inches(m.get("top"), d[0]), _inches(m.get("bottom"), d[1]),
                      _inches(m.get("left"), d[2]), _inches(m.get("right"), d[3]))
    dim = root.find(f"{{{ns}}}dimension")
    if dim is not None:
        try:
            ps.last_col = range_to_rowcols(dim.get("ref", ""))[3]
        except ValueError:
            pass
    _defined_print_names(z, sheet_name, ps)
    return ps


def _defined_print_names(z: SafeZip, sheet_name: str, ps: PrintSetup) -> None:
    """Print titles and print area: defined names of the workbook, local to the sheet."""
    part = None
    for rtype, target in z.rels("").values() if z.has("_rels/.rels") else ():
        if rtype.endswith("/officeDocument") and z.has(target):
            part = target
    part = part or ("xl/workbook.xml" if z.has("xl/workbook.xml") else None)
    if part is None:
        return
    root = z.xml(part)
    ns = etree.QName(root).namespace or ""
    names = [el.get("name", "") for el in root.iterfind(f"{{{ns}}}sheets/{{{ns}}}sheet")]
    if sheet_name not in names:
        return
    local = str(names.index(sheet_name))
    for el in root.iterfind(f"{{{ns}}}definedNames/{{{ns}}}definedName"):
        if el.get("localSheetId") != local:
            continue
        name = (el.get("name") or "").casefold()
        for ref in _REF_SPLIT.split(el.text or ""):
            ref = ref.rsplit("!", 1)[-1].strip()
            if name == "_xlnm.print_titles":
                rows = _ROWS_REF.match(ref)
                if rows:
                    a, b = int(rows.group(1)) - 1, int(rows.group(2)) - 1
                    ps.title_rows = (min(a, b), max(a, b))
            elif name == "_xlnm.print_area" and ps.area is None:
                try:
                    ps.area = range_to_rowcols(ref)
                except ValueError:
                    pass  # a whole-row or whole-column area: print the used range
