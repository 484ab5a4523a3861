"""Apply a report to a workbook file: read it, build its Status and Checklist, write them in.

This is ``sopxl validate --write``. The answers already typed into an existing
Checklist are read first and written back, so running again never loses them. With
``output`` the original file is left as it is; when that copy already exists and holds
a Checklist, its answers count too (they are newer: the user filled in the copy) and
win over the original's for the same step.

The report itself is data (``sopxl.report``); the file is read by ``sopxl.read`` and
written by ``sopxl.write``. ``annotate_file`` holds the workbook's sopxl lock from the
read to the write, so another sopxl command (``sopxl draw``) waits; and if a program
that takes no lock changed the file in between, it reads it again and redoes the
report, so that program's change is kept rather than written over. The Excel and
LibreOffice buttons write the same sheets through their own APIs (``sopxl.report.button``).
"""
from __future__ import annotations

import datetime as _dt
import os

from .config import Config
from .errors import SopxlError, WorkbookChangedError, WriteError
from .grid import Grid
from .model import FileResult
from .report.answers import Answers, read_answers
from .report.build import CHECKLIST, STATUS, build_reports, own_sheet
from .write.replace import ANY, Fingerprint, _Any

__all__ = ["annotate_file", "answers_in", "write_reports"]

ATTEMPTS = 3  # reads of a workbook that another program keeps changing, before giving up


def annotate_file(path: str | os.PathLike[str], cfg: Config, *, output: str | os.PathLike[str] | None = None,
                  now: _dt.datetime | None = None) -> FileResult:
    """Check the workbook and write its Status and Checklist; the result of the check.

    A workbook that cannot be read gives a result with ``error``; one that cannot be
    written (open in Excel, read-only, changed by another program three times running,
    a sheet of the office's own) a result with ``write_error``, the file unchanged.
    """
    from .validate import validate_file
    from .write.lock import workbook_lock
    from .write.replace import check_target, fingerprint

    source = os.fspath(path)
    shown = os.fspath(output if output is not None else path)
    target = os.path.realpath(shown)
    result: FileResult | None = None
    try:
        check_target(target, shown=shown)  # open in Excel, read-only: say so before any work
        with workbook_lock(target, shown=shown):
            for attempt in range(ATTEMPTS):
                # The fingerprint comes first: whatever is read after it was there then.
                seen = fingerprint(target)
                result = validate_file(source, cfg)
                if result.error is not None:
                    return result
                try:
                    write_reports(result, cfg, output=output, now=now, expect=seen)
                    return result
                except WorkbookChangedError:
                    if attempt == ATTEMPTS - 1:
                        raise
    except SopxlError as exc:
        if result is None:
            result = validate_file(source, cfg)
        if result.error is None:
            result.write_error = exc
    assert result is not None
    return result
    try:
        with workbook_lock(target, shown=shown):
            for attempt in range(ATTEMPTS):
                seen = fingerprint(target)
                if attempt:  # what the report was built from is gone: check what is there now
                    result = validate_file(path, cfg)
                    if result.error is not None:
                        return result
                try:
                    write_reports(result, cfg, output=output, now=now, expect=seen)
                    break
                except WorkbookChangedError:
                    if attempt == ATTEMPTS - 1:
                        raise
    except SopxlError as exc:
        result.write_error = exc
    return result


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
                  now: _dt.datetime | None = None, expect: Fingerprint | None | _Any = ANY) -> str:
    """Add or replace the Status and Checklist sheets; returns the path written.

    ``expect``: the target's fingerprint from before ``result`` was read; if the file is
    something else by the time of writing, ``WorkbookChangedError`` and nothing written.

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
    return write_sheets(result.path, build_reports(result, cfg, answers, now), output=output, expect=expect)


def _same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
