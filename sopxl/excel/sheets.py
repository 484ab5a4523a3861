"""Writing a sheet into the open workbook through xlwings: values, links, looks, merges.

Every formatting call goes through ``_try``: a feature an engine lacks (the remote engine
has no borders, macOS no data validation prompt) is skipped, never an error.
"""
from __future__ import annotations

import re
from functools import partial
from typing import Any, Callable

from ..errors import WriteError
from ..report.button import looks, style_blocks
from ..sheetspec import CellSpec, SheetSpec

# ---------------------------------------------------------------------------- writing a sheet

# Text Excel would turn into a number, date, formula or boolean when assigned: kept as
# text by Excel's own quote prefix (the quote is not part of the cell's value).
_COERCED = re.compile(r"^\s*(?:[-+=@'.(]|\d|true$|false$)", re.IGNORECASE)


def excel_value(cell: CellSpec) -> Any:
    """What to assign to a cell so Excel stores exactly this value (and link)."""
    value = cell.value
    if cell.link and value is not None:
        target = str(cell.link)
        shown = str(value)
        if len(target) < 250 and len(shown) < 250:  # HYPERLINK() takes 255 characters at most
            internal = not re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE)
            address = "#" + target.lstrip("#") if internal else target
            return f'=HYPERLINK("{_quote(address)}","{_quote(shown)}")'
    if isinstance(value, str):
        return "'" + value if _COERCED.match(value) else value
    return value


def _quote(text: str) -> str:
    return text.replace('"', '""')


def write_sheet(book: Any, spec: SheetSpec) -> Any:
    """Write one sheet into the open workbook (added at the end, or cleared and refilled)."""
    sheet = _fresh_sheet(book, spec.name)
    n_rows = len(spec.rows)
    n_cols = max((len(r) for r in spec.rows), default=0)
    if n_rows and n_cols:
        matrix = [[excel_value(spec.cell(r, c)) for c in range(n_cols)] for r in range(n_rows)]
        sheet.range((1, 1), (n_rows, n_cols)).value = matrix
    table = looks()
    for r1, c1, r2, c2, style in style_blocks(spec):
        if style in table:
            _apply_look(sheet.range((r1 + 1, c1 + 1), (r2 + 1, c2 + 1)), table[style])
    for ref in spec.merges:
        _try(partial(_merge, sheet, ref))
    for col, width in sorted(spec.col_widths.items()):
        _try(partial(_set_width, sheet, col, width))
    for col in spec.hidden_cols:
        # COM hides it; an engine without COM gets a zero width, which hides it too.
        _try(partial(_hide_column, sheet, col)) or _try(partial(_set_width, sheet, col, 0))
    for v in spec.validations:
        _try(partial(_validation, sheet, v.ref, v.options, v.prompt))
    _try(lambda: sheet.autofit("rows"))
    if spec.autofilter:
        _try(partial(_autofilter, sheet, spec.autofilter))
    if spec.freeze:
        _try(partial(_freeze, sheet, spec.freeze))
    if spec.tab_color:
        _try(partial(_tab_color, sheet, spec.tab_color))
    return sheet


def _merge(sheet: Any, ref: str) -> None:
    sheet.range(ref).merge()


def _set_width(sheet: Any, col: int, width: float) -> None:
    sheet.range((1, col + 1)).column_width = width


def _hide_column(sheet: Any, col: int) -> None:
    sheet.range((1, col + 1)).api.EntireColumn.Hidden = True  # COM; a hidden column is not printed


def _delete_validations(sheet: Any) -> None:
    sheet.api.Cells.Validation.Delete()


def _fresh_sheet(book: Any, name: str) -> Any:
    for sheet in book.sheets:
        if sheet.name.casefold() == name.casefold():
            sheet.clear()
            _try(partial(_delete_validations, sheet))  # COM: Clear() keeps dropdowns
            return sheet
    try:
        return book.sheets.add(name=name, after=book.sheets[len(book.sheets) - 1])
    except Exception as exc:
        raise WriteError(f"Lembar '{name}' tidak dapat ditambahkan ke buku kerja. Buka proteksi "
                         "struktur buku kerja (Review > Protect Workbook) lalu ulangi.",
                         message_en=f"Sheet '{name}' cannot be added. Unprotect the workbook "
                                    "structure and try again.") from exc


def _apply_look(rng: Any, look: dict[str, Any]) -> None:
    font = rng.font
    if look["bold"]:
        _try(lambda: setattr(font, "bold", True))
    if look["italic"]:
        _try(lambda: setattr(font, "italic", True))
    if look["size"] != 11:
        _try(lambda: setattr(font, "size", look["size"]))
    if look["color"]:
        _try(lambda: setattr(font, "color", _rgb(look["color"])))
    if look["underline"]:
        _try(lambda: setattr(rng.api.Font, "Underline", 2))  # COM only: xlUnderlineStyleSingle
    if look["fill"]:
        _try(lambda: setattr(rng, "color", _rgb(look["fill"])))
    if look["border"]:
        _try(lambda: _borders(rng, look["border"]))
    if look["wrap"]:
        _try(lambda: setattr(rng, "wrap_text", True))
    if look["halign"]:
        _try(lambda: setattr(rng, "horizontal_alignment", look["halign"]))
    if look["valign"]:
        _try(lambda: setattr(rng, "vertical_alignment", look["valign"]))
    if not look["locked"]:
        _try(lambda: setattr(rng.api, "Locked", False))  # COM only


def _borders(rng: Any, colour: str) -> None:
    borders = rng.borders
    borders.line_style = "continuous"
    borders.weight = "thin"
    borders.color = _rgb(colour)


def _rgb(hex6: str) -> tuple[int, int, int]:
    return int(hex6[0:2], 16), int(hex6[2:4], 16), int(hex6[4:6], 16)


def _validation(sheet: Any, ref: str, options: list[str], prompt: str | None) -> None:
    rng = sheet.range(ref)
    rng.data_validation.set_list(list(options))
    if prompt:
        _try(lambda: setattr(rng.api.Validation, "InputMessage", prompt[:255]))  # COM only


def _autofilter(sheet: Any, ref: str) -> None:
    api = sheet.api  # COM only; other engines have no plain "show the filter buttons"
    if api.AutoFilterMode:
        api.AutoFilterMode = False
    api.Range(ref).AutoFilter()


def _freeze(sheet: Any, top_left: str) -> None:
    from ..a1 import cell_to_rowcol, col_to_letters

    row, col = cell_to_rowcol(top_left)
    if row == 0 and col == 0:
        return
    try:
        frozen = sheet.freeze_panes  # remote engine (and newer desktop engines)
    except Exception:
        frozen = None
    if frozen is not None:
        if col == 0:
            frozen.freeze_at(f"1:{row}")
        elif row == 0:
            frozen.freeze_at(f"A:{col_to_letters(col - 1)}")
        else:
            frozen.freeze_at(f"A1:{col_to_letters(col - 1)}{row}")
        return
    sheet.activate()  # COM: panes belong to the window showing the sheet
    window = sheet.book.app.api.ActiveWindow
    window.FreezePanes = False
    window.SplitColumn, window.SplitRow = col, row
    window.FreezePanes = True


def _tab_color(sheet: Any, rgb: str) -> None:
    r, g, b = _rgb(rgb[-6:])
    sheet.api.Tab.Color = r + (g << 8) + (b << 16)  # COM colours are BGR


def _try(fn: Callable[[], Any]) -> bool:
    """Formatting is best effort: an engine without a feature skips it."""
    try:
        fn()
    except Exception:
        return False
    return True
