"""Apply a report to a workbook file: read it, build its Status and Checklist, write them in.

This is ``sopxl validate --write``. The answers already typed into an existing
Checklist are read first and written back, so running again never loses them. With
``output`` the original file is left as it is; when that copy already exists and holds
a Checklist, its answers count too (they are newer: the user filled in the copy) and
win over the original's for the same step.

The report itself is data (``sopxl.report``); the file is read by ``sopxl.read`` and
written by ``sopxl.write``. The Excel and LibreOffice buttons write the same sheets
through their own APIs (``sopxl.report.button``).
"""
from __future__ import annotations

import datetime as _dt
import os

from .config import Config
from .errors import SopxlError, WriteError
from .grid import Grid
from .model import FileResult
from .report.answers import Answers, read_answers
from .report.build import CHECKLIST, STATUS, build_reports, own_sheet

__all__ = ["answers_in", "write_reports"]


def _existing(path: str | os.PathLike[str]) -> dict[str, Grid]:
    from .read.xlsx import read_workbook

    wb = read_workbook(path, sheets={STATUS, CHECKLIST}, shapes=False)
    found = {}
    for name in (STATUS, CHECKLIST):
        grid = wb.sheet(name)
        if grid is not None:
            found[name] = grid
    return found


def answers_in(path: str | os.PathLike[str]) -> Answers:
    """The answers typed into the Checklist sheet of a workbook (none if it has none)."""
    grid = _existing(path).get(CHECKLIST)
    return read_answers(grid) if grid is not None else Answers()


def write_reports(result: FileResult, cfg: Config, *, output: str | os.PathLike[str] | None = None,
                  now: _dt.datetime | None = None) -> str:
    """Add or replace the Status and Checklist sheets; returns the path written.

    Raises ``WriteError`` when the file cannot be written (locked, read-only) or when a
    sheet of that name is the office's own, and ``WorkbookError`` when the Checklist
    cannot be read: better to stop than to write over answers that could not be read.
    """
    from .write.package import write_sheets

    existing = _existing(result.path)
    for grid in existing.values():
        if not own_sheet(grid):
            raise WriteError(
                f"Buku kerja sudah memiliki lembar '{grid.name}' yang bukan buatan sopxl; sopxl tidak "
                "akan menimpanya. Ganti nama lembar itu, lalu jalankan lagi.",
                code="TULIS-LEMBAR-ADA", path=os.fspath(result.path), sheet=grid.name,
                message_en=f"The workbook already has a sheet '{grid.name}' that sopxl did not write; "
                           "sopxl will not overwrite it. Rename that sheet and run again.")
    answers = read_answers(existing[CHECKLIST]) if CHECKLIST in existing else Answers()
    if output is not None and os.path.exists(output) and not _same_file(result.path, output):
        try:
            answers = answers_in(output).over(answers)
        except SopxlError:
            pass  # not a readable workbook: nothing in it to keep, and it is about to be replaced
    return write_sheets(result.path, build_reports(result, cfg, answers, now), output=output)


def _same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
