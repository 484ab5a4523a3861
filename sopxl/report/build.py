"""The Status and Checklist sheets of a checked workbook, as data (no file is read or written).

``sopxl.annotate`` writes them into the workbook file (``sopxl validate --write``);
the Excel and LibreOffice buttons write them through their own APIs
(``sopxl.report.button``). Both build them here.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt

from .. import __version__
from ..config import Config
from ..grid import Grid
from ..model import FileResult
from ..parse.text import key as text_key
from ..resources import load_data
from ..sheetspec import SheetSpec
from .answers import Answers, read_answers
from .checklist import SHEET_NAME as CHECKLIST
from .checklist import build_checklist
from .status import SHEET_NAME as STATUS
from .status import build_status

TIME_FORMAT = "%d-%m-%Y %H:%M"

__all__ = ["CHECKLIST", "STATUS", "TIME_FORMAT", "build_reports", "own_sheet", "result_config"]


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
