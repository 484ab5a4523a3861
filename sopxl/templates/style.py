"""The look of the workbooks sopxl ships: fonts, fills, borders, and text-height estimates.

Offices print SOP AP in Arial-like fonts with thin black borders and a grey matrix header.
Row heights are worked out here from the text a cell holds, because Excel does not grow a
row for wrapped text in merged cells and LibreOffice does not grow rows sopxl wrote with a
fixed height: without this the printed boxes would cut text off.
"""
from __future__ import annotations

import math

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.differential import DifferentialStyle

FONT_NAME = "Arial"
BODY = Font(name=FONT_NAME, size=10)
BOLD = Font(name=FONT_NAME, size=10, bold=True)
BOLD_UNDERLINED = Font(name=FONT_NAME, size=10, bold=True, underline="single")
TITLE = Font(name=FONT_NAME, size=12, bold=True)
SMALL = Font(name=FONT_NAME, size=8, italic=True, color="595959")
HINT = Font(name=FONT_NAME, size=9, italic=True, color="808080")

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
NUMBER_FILL = PatternFill("solid", fgColor="F2F2F2")
LABEL_FILL = PatternFill("solid", fgColor="F2F2F2")

CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
TOP_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
MIDDLE_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
TOP_CENTER = Alignment(horizontal="center", vertical="top", wrap_text=True)
TOP = Alignment(vertical="top")

# Marker styles for the conditional formats on role cells: the flow reads at a glance.
# (fill colour, font colour) per kind; bold for all.
MARKER_COLOURS = {
    "terminator": ("C6EFCE", "006100"),  # green capsule: Mulai / Selesai
    "decision": ("FFEB9C", "9C5700"),  # amber diamond: Keputusan
    "offpage": ("E4DFEC", "5B2C6F"),  # violet pentagon: Penghubung
    "process": ("DDEBF7", "1F4E78"),  # blue box: Proses, √ and anything else typed
}


def marker_style(kind: str) -> DifferentialStyle:
    fill, colour = MARKER_COLOURS[kind]
    return DifferentialStyle(font=Font(bold=True, color=colour),
                             fill=PatternFill("solid", bgColor=fill, fgColor=fill))


# Width units are Excel's (the width of one "0" in the default font, Arial 10 here, see
# set_default_font); wrapped Indonesian prose in Arial 10 fits about 1.08 characters a unit,
# bold text about a tenth less.
CHARS_PER_UNIT = 1.08
BOLD_FACTOR = 0.9
LINE_POINTS = 12.75  # one line of Arial 10, with Excel's leading
PAD_POINTS = 4.0


def wrapped_lines(text: str, width_units: float, bold: bool = False) -> int:
    """How many lines ``text`` takes when wrapped in a cell ``width_units`` wide."""
    capacity = max(1, int(width_units * CHARS_PER_UNIT * (BOLD_FACTOR if bold else 1.0)))
    lines = 0
    for paragraph in str(text).split("\n"):
        words = paragraph.split()
        if not words:
            lines += 1
            continue
        used = 0
        lines += 1
        for w in words:
            need = len(w) if used == 0 else used + 1 + len(w)
            if need <= capacity:
                used = need
                continue
            if used:
                lines += 1
            # A word longer than the cell breaks over as many lines as it fills.
            extra = max(0, math.ceil(len(w) / capacity) - 1)
            lines += extra
            used = len(w) - extra * capacity
    return max(lines, 1)


def height_for(texts_and_widths: list[tuple[str, float]], minimum: float = 15.0,
               bold: bool = False) -> float:
    """A row height in points that shows every (text, width) of the row in full."""
    lines = max((wrapped_lines(t, w, bold) for t, w in texts_and_widths if t), default=1)
    return max(minimum, round(lines * LINE_POINTS + PAD_POINTS, 1))


def set_default_font(wb) -> None:
    """Make Arial 10 the workbook's default (Normal style) font.

    Column widths are counted in the default font's digit width. openpyxl's default is
    Calibri 11, which LibreOffice replaces with a wider font where Calibri is missing, so the
    printed scale and every page break planned here would differ between Excel and Calc.
    Arial and its metric twin Liberation Sans measure the same everywhere. openpyxl has no
    public setter for this: its font list and the Normal style are set directly.
    """
    from openpyxl.utils.indexed_list import IndexedList

    wb._fonts = IndexedList([BODY])
    wb._named_styles["Normal"].font = BODY
