"""What the Validasi SOP buttons share, in Excel (xlwings) and in LibreOffice Calc (UNO).

A button works on a workbook that is *open*: its sheets arrive as grids read by the
office program, not from a file. This module checks those grids with the same core as
``sopxl validate``, keeps the answers already typed into an existing Checklist sheet,
and returns the Status and Checklist sheets as data. Writing them is left to the
adapter of each program (``sopxl.excel``, ``sopxl.libreoffice.unodoc``), which also
needs the look of the named styles as plain properties (``looks()``) and, for
LibreOffice, the sheets as JSON (``spec_to_dict``).

Nothing here imports an office library, pandas or openpyxl.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..config import Config
from ..grid import Grid
from ..model import FileResult
from ..sheetspec import (
    CellSpec,
    SheetSpec,
    Validation,
    looks,  # noqa: F401  (the office adapters take it from here with the rest of the button core)
)


@dataclass
class Outcome:
    """One press of the button: the check's result and the sheets to write."""

    result: FileResult
    sheets: list[SheetSpec] = field(default_factory=list)
    activate: str | None = None  # the sheet to show when done (Status)
    shapes_read: bool = True  # False: no saved file held the drawn flowchart shapes


def report_names() -> tuple[str, str]:
    """The names of the Status and Checklist sheets, as the report builders write them."""
    from .checklist import SHEET_NAME as checklist
    from .status import SHEET_NAME as status

    return status, checklist


def check_grids(path: str, grids: Iterable[Grid], cfg: Config,
                now: _dt.datetime | None = None) -> Outcome:
    """Check the sheets of an open workbook and build its Status and Checklist sheets.

    Our own two sheets are left out of the check (they are not SOPs), and the answers
    typed into an existing Checklist are read from it so the new one keeps them.
    """
    from ..validate import validate_grids
    from .answers import read_answers
    from .build import build_reports

    grids = list(grids)
    status, checklist = report_names()
    own = {status.casefold(), checklist.casefold()}
    old = next((g for g in grids if g.name.casefold() == checklist.casefold()), None)
    answers = read_answers(old) if old is not None else None
    result = validate_grids(path, [g for g in grids if g.name.casefold() not in own], cfg)
    sheets = list(build_reports(result, cfg, answers, now or _dt.datetime.now()))
    names = [s.name for s in sheets]
    shown = next((n for n in names if n.casefold() == status.casefold()), names[0] if names else None)
    return Outcome(result, sheets, shown)


def summary_text(result: FileResult, lang: str = "id") -> str:
    """The few lines a message box shows when the check is done: the count, and what to do next
    ("Perbaiki 2 galat di SOP 02 (B19, F4) lalu tekan Validasi lagi.")."""
    from ..digest import again_words, next_step

    if result.error is not None:
        return result.error.text(lang) if hasattr(result.error, "text") else str(result.error)
    n = len(result.sops)
    todo = next_step([result], again_words("button", lang), lang)
    if lang == "en":
        if not n:
            return f"{todo}\nThe Status sheet explains what is missing."
        return (f"Checked {n} SOP sheet(s): {result.errors} error(s), {result.warnings} warning(s).\n"
                f"{todo}\nSee the Status sheet for details.")
    if not n:
        return f"{todo}\nLembar Status menjelaskan apa yang kurang."
    return (f"{n} lembar SOP diperiksa: {result.errors} galat, {result.warnings} peringatan.\n"
            f"{todo}\nRinciannya ada di lembar Status.")


# ---------------------------------------------------------------------------- the look of styles

def style_blocks(spec: SheetSpec) -> list[tuple[int, int, int, int, str]]:
    """The styled cells as few rectangles as possible, zero-based and inclusive:
    runs of one style along a row, stacked down the rows while they repeat.

    Office programs are driven one call per range, so fewer ranges is a faster button.
    """
    blocks: list[list[Any]] = []
    open_: dict[tuple[int, int, str], list[Any]] = {}
    for r, row in enumerate(spec.rows):
        runs: list[tuple[int, int, str]] = []
        for c in range(len(row)):
            style = spec.cell(r, c).style
            if not style:
                continue
            if runs and runs[-1][2] == style and runs[-1][1] == c - 1:
                runs[-1] = (runs[-1][0], c, style)
            else:
                runs.append((c, c, style))
        still_open: dict[tuple[int, int, str], list[Any]] = {}
        for run in runs:
            block = open_.get(run)
            if block is not None and block[2] == r - 1:
                block[2] = r
            else:
                block = [r, run[0], r, run[1], run[2]]
                blocks.append(block)
            still_open[run] = block
        open_ = still_open
    return [(b[0], b[1], b[2], b[3], b[4]) for b in blocks]


# ---------------------------------------------------------------------------- sheets as JSON

def spec_to_dict(spec: SheetSpec) -> dict[str, Any]:
    """A sheet to write as JSON-able data, for a writer that cannot import sopxl's core.

    ``rows`` hold ``[value, style, link]`` triples (``None`` for an empty cell);
    ``blocks`` are ``style_blocks(spec)``, so the writer need not compute them.
    """
    rows = []
    for row in spec.rows:
        cells = []
        for v in row:
            c = v if isinstance(v, CellSpec) else CellSpec(v)
            cells.append(None if c.value is None and c.style is None and c.link is None
                         else [c.value, c.style, c.link])
        rows.append(cells)
    return {
        "name": spec.name,
        "rows": rows,
        "blocks": [list(b) for b in style_blocks(spec)],
        "col_widths": {str(k): v for k, v in spec.col_widths.items()},
        "merges": list(spec.merges),
        "freeze": spec.freeze,
        "autofilter": spec.autofilter,
        "validations": [{"ref": v.ref, "options": list(v.options), "prompt": v.prompt}
                        for v in spec.validations],
        "landscape": spec.landscape,
        "fit_width": spec.fit_width,
        "print_title_rows": list(spec.print_title_rows) if spec.print_title_rows else None,
        "tab_color": spec.tab_color,
        "hidden_cols": list(spec.hidden_cols),
    }


def spec_from_dict(data: dict[str, Any]) -> SheetSpec:
    """The inverse of ``spec_to_dict``."""
    rows: list[list[Any]] = []
    for row in data.get("rows", []):
        rows.append([None if c is None else CellSpec(c[0], c[1], c[2]) for c in row])
    ptr = data.get("print_title_rows")
    return SheetSpec(
        name=data["name"], rows=rows,
        col_widths={int(k): float(v) for k, v in data.get("col_widths", {}).items()},
        merges=list(data.get("merges", [])), freeze=data.get("freeze"),
        autofilter=data.get("autofilter"),
        validations=[Validation(v["ref"], list(v["options"]), v.get("prompt"))
                     for v in data.get("validations", [])],
        landscape=bool(data.get("landscape", True)), fit_width=bool(data.get("fit_width", True)),
        print_title_rows=(int(ptr[0]), int(ptr[1])) if ptr else None,
        tab_color=data.get("tab_color"),
    )
