"""Printing as offices print SOP AP: landscape A4 or F4, one page wide, header on every page.

F4 (Folio, 215 × 330 mm) is the paper Indonesian government offices use most, but
SpreadsheetML has no code for it. The nearest is code 14, "Folio 8.5 × 13 in"
(215.9 × 330.2 mm), which Excel and LibreOffice both print on F4 paper.
"""
from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

PAPER_CODES = {"A4": 9, "F4": 14}
# Paper (long side, short side) in millimetres, and the margins in millimetres.
PAPER_MM = {"A4": (297.0, 210.0), "F4": (330.2, 215.9)}
MARGINS_MM = {"left": 15.0, "right": 10.0, "top": 15.0, "bottom": 15.0, "header": 6.0, "footer": 6.0}
PT_PER_MM = 72 / 25.4


def apply_print_setup(ws: Worksheet, paper: str, last_row: int, last_col: int,
                      title_rows: tuple[int, int] | None, landscape: bool = True) -> None:
    ps = ws.page_setup
    ps.orientation = "landscape" if landscape else "portrait"
    ps.paperSize = PAPER_CODES[paper]
    ps.fitToWidth = 1
    ps.fitToHeight = 0  # as many pages down as the steps need
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(**{k: round(v / 25.4, 4) for k, v in MARGINS_MM.items()})
    ws.oddFooter.center.text = "Halaman &P dari &N"
    ws.oddFooter.center.size = 8
    ws.print_area = f"A1:{get_column_letter(last_col)}{last_row}"
    if title_rows is not None:
        ws.print_title_rows = f"{title_rows[0]}:{title_rows[1]}"


def column_points(width: float) -> float:
    """The printed width of a column ``width`` Excel units wide (7 px a unit, 5 px padding)."""
    return (width * 7 + 5) * 0.75


def page_capacity(paper: str, widths: list[float], safety: float = 0.94) -> float:
    """How many points of row height one landscape page holds once the sheet is shrunk to the
    page width. Excel and LibreOffice round the shrink to a whole percent; ``safety`` keeps a
    page break planned here on the safe side of the one they compute."""
    long, short = PAPER_MM[paper]
    m = MARGINS_MM
    printable_w = (long - m["left"] - m["right"]) * PT_PER_MM
    printable_h = (short - m["top"] - m["bottom"]) * PT_PER_MM
    scale = min(1.0, int(100 * printable_w / sum(column_points(w) for w in widths)) / 100)
    return printable_h / scale * safety
