"""The Validasi SOP button in Excel: the only module that imports xlwings.

The add-in (built by ``sopxl.excel.addin``) keeps xlwings' own ribbon VBA, which runs
``import sopxl.excel; sopxl.excel.main()`` in a new Python process at every press.
``main()`` takes the workbook that called it and hands it to ``validate_book()``::

    open workbook ──xlwings──▶ grids (values, merged areas)  ─┐
    saved copy of the file ──sopxl.read──▶ drawn shapes ──────┤
                                                               ▼
                                   sopxl.report.button.check_grids (the core, answers kept)
                                                               │
    Status + Checklist sheets ◀──xlwings── write_sheet ◀───────┘   (Status activated)

Values and merged areas come from the open workbook, so unsaved typing is checked. No
xlwings engine exposes a flowchart's shapes with their kind and their glued connectors,
so those are read from a file: on Windows from a copy Excel saves of the open workbook
(``SaveCopyAs``, unsaved changes included), elsewhere from the workbook's saved file
when there is one (its last saved state). A workbook never saved has its shapes unchecked;
the rest of the check still runs.

The same code runs on every xlwings engine (Windows COM, macOS AppleScript and the
remote engine the tests use); a formatting feature an engine lacks is skipped, never an
error. Startup matters: a press starts a new Python, so xlwings is imported with pandas,
polars and matplotlib blocked (xlwings imports them eagerly when they are installed) and
sopxl's own path never imports them.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import os
import sys
import tempfile
import traceback
from collections.abc import Iterator
from typing import Any, Callable

from ..errors import SopxlError
from ..grid import Grid
from ..report.button import Outcome, check_grids, summary_text
from .sheets import _try, excel_value, write_sheet

__all__ = ["main", "draw_main", "validate_book", "draw_book", "grids_from_book", "write_sheet",
           "excel_value", "load_xlwings", "lean_imports"]

TITLE = "sopxl"
XLWINGS_MISSING = ('Paket xlwings belum terpasang, padahal tombol Excel memerlukannya. '
                   'Jalankan di Command Prompt: pip install "sopxl[excel]"')
# Libraries xlwings imports at startup when they are installed; the button needs none.
HEAVY_MODULES = ("pandas", "polars", "matplotlib")
LOG_NAME = "sopxl-excel.log"


# ---------------------------------------------------------------------------- importing xlwings

def lean_imports() -> None:
    """Keep xlwings from importing pandas, polars and matplotlib in this process.

    Only for a process that runs the button and nothing else (``main()``): a blocked
    module stays blocked until the process ends.
    """
    for name in HEAVY_MODULES:
        if name not in sys.modules:
            sys.modules[name] = None  # type: ignore[assignment]  # "import pandas" now fails fast


def load_xlwings() -> Any:
    """The xlwings module, or a SopxlError saying which extra to install."""
    try:
        import xlwings
    except ImportError as exc:
        raise SopxlError(XLWINGS_MISSING, code="XLWINGS-TIDAK-ADA",
                         message_en='xlwings is not installed. Run: pip install "sopxl[excel]"') from exc
    return xlwings


# ---------------------------------------------------------------------------- the buttons

def main() -> None:
    """The Validasi SOP button: check the calling workbook, write Status and Checklist."""
    _press(_validate_and_tell)


def draw_main() -> None:
    """The Gambar Bagan Alir button."""
    _press(draw_book)


def _validate_and_tell(book: Any) -> tuple[str, str]:
    outcome = validate_book(book)
    mode = "info" if outcome.result.error is None else "critical"
    return summary_text(outcome.result) + unsaved_shapes_note(outcome), mode


def unsaved_shapes_note(outcome: Outcome) -> str:
    """Steps without a Pelaksana in a workbook never saved may have their symbols drawn."""
    if outcome.shapes_read or not any(f.code == "langkah-tanpa-pelaksana"
                                      for s in outcome.result.sops for f in s.findings):
        return ""
    return ("\nBuku kerja ini belum pernah disimpan, jadi simbol bagan alir yang digambar sebagai "
            "bentuk (shape) belum terbaca. Simpan dulu, lalu tekan Validasi SOP lagi.")


def draw_book(book: Any) -> tuple[str, str]:
    """The Gambar Bagan Alir button: draw the flowcharts into a copy and open it.

    ``sopxl.draw`` writes shapes into the xlsx package, which Excel holds open; so the
    drawing goes into a copy beside the workbook, "<name> (bagan).xlsx", and Excel opens
    it. Returns the message to show and its mode.
    """
    from ..config import load_config

    try:
        from ..draw import draw_workbook
    except ImportError:
        return ("Fitur Gambar Bagan Alir belum tersedia di versi sopxl ini. Gunakan tombol "
                "Validasi SOP untuk memeriksa bagan alir yang sudah ada."), "info"
    fullname = str(book.fullname)
    stem, ext = os.path.splitext(fullname)
    if ext.lower() not in (".xlsx", ".xlsm") or not os.path.isfile(fullname):
        return ("Simpan dulu buku kerja ini sebagai berkas .xlsx, lalu tekan Gambar Bagan Alir "
                "lagi: bagan digambar pada salinan di folder yang sama."), "critical"
    output = f"{stem} (bagan){ext}"
    cfg = load_config(os.environ.get("SOPXL_CONFIG") or None)
    with _saved_copy(book) as source:
        draw_workbook(source or fullname, cfg, output)
    _try(lambda: book.app.books.open(output))
    return (f"Bagan alir digambar pada salinan:\n{output}\n"
            "Buku kerja asli tidak diubah."), "info"


def _press(action: Callable[[Any], tuple[str, str]]) -> None:
    """Run a button's action; every failure becomes a message box, never a traceback."""
    lean_imports()
    try:
        xw = load_xlwings()
        book = xw.Book.caller()
    except SopxlError as exc:
        _exit_with(exc.text())
        return
    except Exception as exc:  # no workbook to show a box in: xlwings' VBA shows stderr instead
        _exit_with("Tombol sopxl tidak dapat menghubungi Excel "
                   f"({type(exc).__name__}). {_log_hint(exc)}")
        return
    try:
        message, mode = action(book)
    except SopxlError as exc:
        message, mode = exc.text(), "critical"
    except Exception as exc:
        message, mode = ("Terjadi kesalahan tak terduga saat menjalankan sopxl. "
                         + _log_hint(exc)), "critical"
    _alert(book, message, mode)


def _alert(book: Any, message: str, mode: str) -> None:
    try:
        book.app.alert(message, title=TITLE, mode=mode)
    except Exception:
        if mode == "critical":
            _exit_with(message)


def _exit_with(message: str) -> None:
    """xlwings' RunPython shows what a failed run wrote to stderr in a message box."""
    sys.stderr.write(message + "\n")
    raise SystemExit(1)


def _log_hint(exc: BaseException) -> str:
    """Keep the technical details in a log file the user can send, and say where it is."""
    path = os.path.join(tempfile.gettempdir(), LOG_NAME)
    try:
        with open(path, "a", encoding="utf-8") as f:
            f.write(f"--- {_dt.datetime.now().isoformat(timespec='seconds')}\n")
            f.write("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    except OSError:
        return f"({type(exc).__name__}: {exc})"
    return f"Kirimkan berkas {path} kepada pengelola sopxl."


# ---------------------------------------------------------------------------- the check

def validate_book(book: Any, cfg: Any = None, now: _dt.datetime | None = None) -> Outcome:
    """Check an open workbook and write its Status and Checklist sheets into it.

    ``cfg`` defaults to sopxl's configuration, or the file named by ``SOPXL_CONFIG``.
    Returns the outcome (result and sheets written); the Status sheet is left active.
    """
    from ..config import load_config

    if cfg is None:
        cfg = load_config(os.environ.get("SOPXL_CONFIG") or None)
    grids = grids_from_book(book)
    shapes_read = attach_saved_shapes(book, grids)
    outcome = check_grids(str(book.fullname), grids, cfg, now)
    outcome.shapes_read = shapes_read
    if outcome.result.error is not None:
        return outcome
    app = book.app
    with _screen_frozen(app):
        written = {spec.name: write_sheet(book, spec) for spec in outcome.sheets}
    if outcome.activate in written:
        written[outcome.activate].activate()
    return outcome


def grids_from_book(book: Any) -> list[Grid]:
    """Every sheet of an open workbook as a grid: used-range values and merged areas."""
    grids = []
    for sheet in book.sheets:
        rng = sheet.used_range
        top, left = rng.row - 1, rng.column - 1
        grid = Grid(sheet.name)
        for i, row in enumerate(rng.options(ndim=2).value or []):
            for j, v in enumerate(row):
                value = _grid_value(v)
                if value is not None:
                    grid.values[(top + i, left + j)] = value
        grid.merged = _merged_areas(sheet, rng)
        grid.hidden = _is_hidden(sheet)
        grids.append(grid)
    return grids


def _grid_value(v: Any) -> Any:
    if v is None or (isinstance(v, str) and v == ""):
        return None
    if isinstance(v, bool):
        return v
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return int(v)
    if isinstance(v, (int, float, str, _dt.datetime)):
        return v
    if isinstance(v, _dt.date):
        return _dt.datetime(v.year, v.month, v.day)
    return str(v)


def _merged_areas(sheet: Any, used: Any) -> list[tuple[int, int, int, int]]:
    """Merged areas inside the used range, asking row by row to keep COM calls few.

    The remote engine cannot tell merged cells apart synchronously: no merges then.
    """
    try:
        if used.merge_cells is False:
            return []
    except Exception:
        return []
    areas: set[tuple[int, int, int, int]] = set()
    r1, c1 = used.row, used.column
    r2, c2 = r1 + used.shape[0] - 1, c1 + used.shape[1] - 1
    for r in range(r1, r2 + 1):
        if sheet.range((r, c1), (r, c2)).merge_cells is False:
            continue
        c = c1
        while c <= c2:
            cell = sheet.range((r, c))
            if cell.merge_cells:
                area = cell.merge_area
                last = area.last_cell
                areas.add((area.row - 1, area.column - 1, last.row - 1, last.column - 1))
                c = last.column + 1
            else:
                c += 1
    return sorted(areas)


def _is_hidden(sheet: Any) -> bool:
    try:
        return not sheet.visible
    except Exception:  # the remote engine's VBA client does not send visibility
        return False


def attach_saved_shapes(book: Any, grids: list[Grid]) -> bool:
    """Give the grids the drawn shapes of a saved copy of the workbook; False when none.

    Merged areas are taken from the copy too when the engine could not read them.
    """
    from ..read.xlsx import read_workbook

    with _saved_copy(book) as path:
        if path is None:
            return False
        try:
            saved = read_workbook(path)
        except Exception:  # an .xls, a locked or odd file: the values are still checked
            return False
    by_name = {g.name: g for g in saved.sheets}
    for grid in grids:
        source = by_name.get(grid.name)
        if source is None:
            continue
        grid.shapes = source.shapes
        if not grid.merged and source.merged:
            grid.merged = list(source.merged)
    return True


@contextlib.contextmanager
def _saved_copy(book: Any) -> Iterator[str | None]:
    """A file holding the workbook: a fresh copy on Windows, else the saved file, or None."""
    fullname = str(getattr(book, "fullname", "") or "")
    ext = os.path.splitext(fullname)[1].lower()
    if sys.platform.startswith("win") and _engine(book) == "excel" and ext in ("", ".xlsx", ".xlsm"):
        fd, tmp = tempfile.mkstemp(prefix="sopxl-", suffix=ext or ".xlsx")
        os.close(fd)
        os.unlink(tmp)  # Excel refuses to overwrite silently
        try:
            book.api.SaveCopyAs(tmp)
        except Exception:
            tmp = ""
        try:
            if tmp and os.path.isfile(tmp):
                yield tmp
                return
        finally:
            if tmp:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
    if ext in (".xlsx", ".xlsm") and os.path.isfile(fullname):
        yield fullname
    else:
        yield None


def _engine(book: Any) -> str:
    try:
        return str(book.app.engine.name)
    except Exception:
        return ""


@contextlib.contextmanager
def _screen_frozen(app: Any) -> Iterator[None]:
    """Excel redraws after every COM call unless told not to: that is most of the time."""
    before = None
    with contextlib.suppress(Exception):
        before = app.screen_updating
        app.screen_updating = False
    try:
        yield
    finally:
        if before is not None:
            with contextlib.suppress(Exception):
                app.screen_updating = before
