"""Write the Status and Checklist sheets into the checked workbook (``sopxl validate --write``).

The answers already typed into an existing Checklist are read first and written back,
so running again never loses them. With ``output`` the original file is left as it is;
when that copy already exists and holds a Checklist, its answers count too (they are
newer: the user filled in the copy) and win over the original's for the same step.

The Excel and LibreOffice buttons write the same sheets through their own APIs: they
call ``build_reports`` with answers read from the open workbook.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import os

from .. import __version__
from ..config import Config
from ..errors import SopxlError, WriteError
from ..grid import Grid
from ..model import FileResult
from ..parse.text import key as text_key
from ..resources import load_data
from .answers import Answers, read_answers
from .checklist import SHEET_NAME as CHECKLIST
from .checklist import build_checklist
from .sheet import SheetSpec
from .status import SHEET_NAME as STATUS
from .status import build_status

TIME_FORMAT = "%d-%m-%Y %H:%M"


def build_reports(result: FileResult, cfg: Config, answers: Answers | None = None,
                  now: _dt.datetime | None = None) -> list[SheetSpec]:
    """The Status and Checklist sheets for a checked workbook, in tab order."""
    now = now or _dt.datetime.now()
    cfg = result_config(cfg, result)
    return [build_status(result, cfg, now.strftime(TIME_FORMAT), __version__),
            build_checklist(result, answers or Answers(), lang=cfg.lang)]


def own_sheet(grid: Grid) -> bool:
    """Whether a sheet named Status or Checklist was written by sopxl (or is empty).

    Offices sometimes keep a sheet of their own under one of these names; writing over
    it would destroy their work, so it is recognised by what sopxl always puts there:
    the Status sheet's "Versi sopxl" line, the Checklist's header or row keys.
    """
    if not grid.values:
        return True
    data = load_data("report_text.json")
    if grid.name.casefold() == STATUS.casefold():
        marks = {text_key(t["version"]) for t in data["status"].values()}
        return any(text_key(grid.text(r, 0)) in marks for r in range(min(grid.n_rows, 20)))
    answers = read_answers(grid)
    titles = {text_key(t["title"]) for t in data["checklist"].values()}
    return bool(answers) or text_key(grid.text(0, 0)) in titles or any(
        grid.text(r, 10).count("|") >= 2 for r in range(grid.n_rows))


def result_config(cfg: Config, result: FileResult) -> Config:
    """The run's configuration with the calendar the minutes were counted with (the
    workbook's own Pengaturan may set another working day): "X hari Y jam" must agree."""
    return dataclasses.replace(cfg, calendar=dict(result.calendar)) if result.calendar else cfg


def _existing(path: str | os.PathLike[str]) -> dict[str, Grid]:
    from ..read.xlsx import read_workbook

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
    from ..write.package import write_sheets

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
