"""The UNO side of the LibreOffice button: the open document in, two sheets out.

Loaded by the macro from its file (not imported as part of sopxl), inside LibreOffice's
own Python, so it uses only the standard library and ``uno``: that Python may be
another version than sopxl's (LibreOffice for Windows ships its own). One press::

    1. save a copy of the open document as .xlsx (storeToURL: the document keeps its
       own file name, format and "modified" state)
    2. ask the core for the Status and Checklist sheets (sopxl.libreoffice.bridge):
       in this Python when it runs sopxl's dependencies (same minor version as the
       Python that built the extension), else as ``python -m sopxl.libreoffice.bridge``
       in sopxl's Python, JSON over stdin/stdout
    3. write both sheets into the open document through UNO (replacing earlier ones in
       place), activate Status, and say how it went

``SOPXL_LO_MODE=inprocess|subprocess`` in LibreOffice's environment forces step 2's way.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import traceback

XLSX_FILTER = "Calc MS Excel 2007 XML"
STYLE_PREFIX = "sopxl-"
PAGE_STYLE = "sopxl-laporan"
LOG_NAME = "sopxl-libreoffice.log"
TIMEOUT = 600  # seconds for the core; a workbook of hundreds of sheets still fits


# ---------------------------------------------------------------------------- one press

def run(doc, settings):
    """Check the document and write the sheets; returns (message, ok)."""
    if _read_only(doc):
        return ("Dokumen ini terbuka hanya-baca, jadi lembar Status dan Checklist tidak dapat "
                "ditulis. Klik 'Sunting Dokumen' (Edit Document), atau simpan sebagai salinan, "
                "lalu tekan Validasi SOP lagi."), False
    folder = tempfile.mkdtemp(prefix="sopxl-lo-")
    try:
        copy = os.path.join(folder, "salinan.xlsx")
        export_copy(doc, copy)
        request = {"path": copy, "name": display_name(doc),
                   "config": os.environ.get("SOPXL_CONFIG") or settings.get("config"),
                   "lang": settings.get("lang") or "id"}
        answer = call_core(request, settings)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if answer.get("detail"):
        log(answer["detail"])
    if not answer.get("ok"):
        return answer.get("message") or "sopxl tidak memberi jawaban.", False
    write_sheets(doc, answer["sheets"], answer.get("looks") or {})
    if answer.get("activate"):
        activate(doc, answer["activate"])
    return answer["message"], True


def _read_only(doc):
    try:
        return bool(doc.isReadonly())
    except Exception:
        return False


def export_copy(doc, path):
    import uno

    doc.storeToURL(uno.systemPathToFileUrl(path),
                   (_prop("FilterName", XLSX_FILTER), _prop("Overwrite", True)))


def display_name(doc):
    import uno

    url = doc.getLocation()
    if url.startswith("file:"):
        return uno.fileUrlToSystemPath(url)
    return url or getattr(doc, "Title", "") or "dokumen tanpa nama"


def call_core(request, settings):
    """The core's answer to a request, in this Python or in sopxl's."""
    mode = os.environ.get("SOPXL_LO_MODE") or settings.get("mode") or "auto"
    if mode == "inprocess" or (mode == "auto" and same_python(settings)):
        try:
            handle = _import_bridge(settings)
        except ImportError:
            if mode == "inprocess":
                raise
        else:
            return handle(request)
    return run_bridge(settings, request)


def same_python(settings):
    """sopxl's compiled dependencies (lxml) load only in the same minor version."""
    return settings.get("python_version") == "{}.{}".format(*sys.version_info[:2])


def _import_bridge(settings):
    for path in reversed(_paths(settings)):
        if path not in sys.path:
            sys.path.insert(0, path)
    from sopxl.libreoffice.bridge import handle  # importable only once the paths are in

    return handle


def _paths(settings):
    paths = [settings.get("sopxl_root")] + list(settings.get("site_packages") or [])
    return [p for p in paths if p and os.path.isdir(p)]


def run_bridge(settings, request):
    python = settings.get("python")
    if not python or not os.path.exists(python):
        return {"ok": False, "message": (
            f"Python yang memasang sopxl tidak ditemukan ({python or '-'}). Pasang ulang ekstensi "
            "dengan 'sopxl libreoffice install' dari Python yang sudah berisi sopxl.")}
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONHOME", "PYTHONPATH")}
    env["PYTHONIOENCODING"] = "utf-8"
    root = settings.get("sopxl_root")
    if root:  # an editable install is found through a .pth file; say it outright anyway
        env["PYTHONPATH"] = root
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console flashing up on Windows
    try:
        done = subprocess.run([python, "-m", "sopxl.libreoffice.bridge"],
                              input=json.dumps(request).encode("utf-8"), capture_output=True,
                              timeout=TIMEOUT, env=env, cwd=tempfile.gettempdir(), creationflags=flags)
    except subprocess.TimeoutExpired:
        return {"ok": False, "message": f"Pemeriksaan sopxl melebihi batas waktu {TIMEOUT} detik."}
    except OSError as exc:
        return {"ok": False, "message": f"Python sopxl tidak dapat dijalankan ({python}): {exc}"}
    try:
        return json.loads(done.stdout.decode("utf-8"))
    except ValueError:
        err = done.stderr.decode("utf-8", "replace")
        log(err)
        return {"ok": False, "message": (
            f"sopxl tidak memberi jawaban yang terbaca (kode {done.returncode}). {log_hint()}")}


# ---------------------------------------------------------------------------- writing sheets

def write_sheets(doc, sheets, looks):
    """Write each sheet (a dict from sopxl.report.button.spec_to_dict) into the document."""
    styles = ensure_styles(doc, looks)
    written = [(spec, write_sheet(doc, spec, styles)) for spec in sheets]
    controller = doc.getCurrentController()
    for spec, sheet in written:
        if spec.get("freeze_rowcol") and controller is not None:
            _try(lambda spec=spec, sheet=sheet: _freeze(controller, sheet, spec["freeze_rowcol"]))
    return [sheet for _, sheet in written]


def write_sheet(doc, spec, styles):
    sheet = fresh_sheet(doc, spec["name"])
    rows = spec.get("rows") or []
    n_cols = max([len(r) for r in rows] or [0])
    if rows and n_cols:
        data = tuple(tuple(_value(row[c] if c < len(row) else None) for c in range(n_cols))
                     for row in rows)
        block = sheet.getCellRangeByPosition(0, 0, n_cols - 1, len(rows) - 1)
        block.setDataArray(data)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if cell and cell[2] and cell[0] is not None:
                    _link(doc, sheet.getCellByPosition(c, r), cell[2], str(cell[0]))
    for r1, c1, r2, c2, style in spec.get("blocks") or []:
        if style in styles:
            sheet.getCellRangeByPosition(c1, r1, c2, r2).CellStyle = styles[style]
    for ref in spec.get("merges") or []:
        _try(lambda ref=ref: sheet.getCellRangeByName(ref).merge(True))
    columns = sheet.getColumns()
    for col, width in (spec.get("col_widths") or {}).items():
        _try(lambda col=col, width=width: setattr(columns.getByIndex(int(col)), "Width",
                                                  _width_100mm(float(width))))
    for col in spec.get("hidden_cols") or []:
        _try(lambda col=col: setattr(columns.getByIndex(int(col)), "IsVisible", False))
    if rows and n_cols:
        _try(lambda: setattr(sheet.getCellRangeByPosition(0, 0, n_cols - 1, len(rows) - 1).getRows(),
                             "OptimalHeight", True))
    for v in spec.get("validations") or []:
        _try(lambda v=v: _validation(sheet, v["ref"], v["options"], v.get("prompt")))
    if spec.get("autofilter"):
        _try(lambda: _autofilter(doc, sheet, spec["autofilter"]))
    if spec.get("print_title_rows"):
        _try(lambda: _title_rows(sheet, spec["print_title_rows"]))
    if spec.get("landscape", True):
        _try(lambda: _page_style(doc, sheet, bool(spec.get("fit_width", True))))
    if spec.get("tab_color"):
        _try(lambda: setattr(sheet, "TabColor", int(spec["tab_color"][-6:], 16)))
    return sheet


def fresh_sheet(doc, name):
    """An empty sheet called ``name``: an earlier one is replaced at its tab position."""
    sheets = doc.getSheets()
    names = list(sheets.getElementNames())
    found = [n for n in names if n.casefold() == name.casefold()]
    if found:
        position = names.index(found[0])
        sheets.removeByName(found[0])
    else:
        position = len(names)
    sheets.insertNewByName(name, position)
    return sheets.getByName(name)


def _value(cell):
    if not cell or cell[0] is None:
        return ""
    value = cell[0]
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return float(value)
    return str(value)


def _link(doc, cell, target, shown):
    """A hyperlink as Calc stores one: a URL field holding the cell's whole text."""
    if "://" not in target and not target.lower().startswith("mailto:"):
        sheet_part, _, ref = target.lstrip("#").rpartition("!")
        target = "#" + (sheet_part + "." + ref if sheet_part else ref)
    field = doc.createInstance("com.sun.star.text.TextField.URL")
    field.URL = target
    field.Representation = shown
    cell.setString("")
    text = cell.getText()
    text.insertTextContent(text.createTextCursor(), field, False)


def _width_100mm(chars):
    """Excel's column width (characters of Calibri 11) in 1/100 mm, via its pixels at 96 dpi."""
    pixels = int(chars * 7 + 5)
    return int(round(pixels * 2540 / 96))


def _validation(sheet, ref, options, prompt):
    import uno

    rng = sheet.getCellRangeByName(ref)
    v = rng.Validation
    v.Type = uno.Enum("com.sun.star.sheet.ValidationType", "LIST")
    v.ShowList = 1  # TableValidationVisibility.UNSORTED: in the order given
    v.IgnoreBlankCells = True
    v.setFormula1(";".join('"' + str(o).replace('"', '""') + '"' for o in options))
    if prompt:
        v.InputTitle = ""
        v.InputMessage = prompt
        v.ShowInputMessage = True
    rng.Validation = v


def _autofilter(doc, sheet, ref):
    address = sheet.getCellRangeByName(ref).getRangeAddress()
    unnamed = doc.getPropertyValue("UnnamedDatabaseRanges")  # the sheet's own, as Excel has
    unnamed.setByTable(address)
    unnamed.getByTable(address.Sheet).AutoFilter = True


def _title_rows(sheet, rows):
    import uno

    address = uno.createUnoStruct("com.sun.star.table.CellRangeAddress")
    address.Sheet = sheet.getRangeAddress().Sheet
    address.StartRow, address.EndRow = int(rows[0]), int(rows[1])
    sheet.setTitleRows(address)
    sheet.setPrintTitleRows(True)


def _page_style(doc, sheet, fit_width):
    """Landscape A4, one page wide: a page style of our own, so other sheets keep theirs."""
    pages = doc.getStyleFamilies().getByName("PageStyles")
    if not pages.hasByName(PAGE_STYLE):
        pages.insertByName(PAGE_STYLE, doc.createInstance("com.sun.star.style.PageStyle"))
        style = pages.getByName(PAGE_STYLE)
        style.IsLandscape = True
        style.Width, style.Height = 29700, 21000
        if fit_width:
            style.ScaleToPagesX = 1
            style.ScaleToPagesY = 0
    sheet.PageStyle = PAGE_STYLE


def _freeze(controller, sheet, top_left):
    row, col = top_left  # zero-based, worked out by the core (bridge.py) from the A1 cell
    controller.setActiveSheet(sheet)
    controller.freezeAtPosition(col, row)


def activate(doc, name):
    controller = doc.getCurrentController()
    sheets = doc.getSheets()
    if controller is not None and sheets.hasByName(name):
        controller.setActiveSheet(sheets.getByName(name))


# ---------------------------------------------------------------------------- cell styles

def ensure_styles(doc, looks):
    """A cell style per named look ("sopxl-header", …), created or updated; name -> style."""
    family = doc.getStyleFamilies().getByName("CellStyles")
    names = {}
    for name, look in looks.items():
        style_name = STYLE_PREFIX + name
        if not family.hasByName(style_name):
            family.insertByName(style_name, doc.createInstance("com.sun.star.style.CellStyle"))
        style = family.getByName(style_name)
        for prop, value in _style_properties(look):
            _try(lambda style=style, prop=prop, value=value: style.setPropertyValue(prop, value))
        names[name] = style_name
    return names


def _style_properties(look):
    import uno

    props = [
        ("CharWeight", 150.0 if look.get("bold") else 100.0),  # awt.FontWeight BOLD / NORMAL
        ("CharPosture", uno.Enum("com.sun.star.awt.FontSlant", "ITALIC" if look.get("italic") else "NONE")),
        ("CharUnderline", 1 if look.get("underline") else 0),  # awt.FontUnderline SINGLE / NONE
        ("CharHeight", float(look.get("size") or 11)),
        ("CharColor", int(look["color"], 16) if look.get("color") else -1),
        ("IsTextWrapped", bool(look.get("wrap"))),
    ]
    if look.get("fill"):
        props += [("CellBackColor", int(look["fill"], 16)), ("IsCellBackgroundTransparent", False)]
    if look.get("border"):
        line = uno.createUnoStruct("com.sun.star.table.BorderLine2")
        line.Color = int(look["border"], 16)
        line.OuterLineWidth = line.LineWidth = 26  # 0.75 pt: "thin"
        props += [(side, line) for side in ("TopBorder", "BottomBorder", "LeftBorder", "RightBorder")]
    horizontal = {"left": "LEFT", "center": "CENTER", "right": "RIGHT"}.get(look.get("halign") or "")
    if horizontal:
        props.append(("HoriJustify", uno.Enum("com.sun.star.table.CellHoriJustify", horizontal)))
    vertical = {"top": 1, "center": 2, "bottom": 3}.get(look.get("valign") or "")  # CellVertJustify2
    if vertical:
        props.append(("VertJustify", vertical))
    if look.get("locked") is False:
        protection = uno.createUnoStruct("com.sun.star.util.CellProtection")
        protection.IsLocked = False
        props.append(("CellProtection", protection))
    return props


# ---------------------------------------------------------------------------- telling the user

def show_message(ctx, doc, text, error=False):
    """A message box over the document's window (only when a person pressed the button)."""
    import uno

    toolkit = ctx.getServiceManager().createInstanceWithContext("com.sun.star.awt.Toolkit", ctx)
    window = doc.getCurrentController().getFrame().getContainerWindow()
    kind = uno.Enum("com.sun.star.awt.MessageBoxType", "ERRORBOX" if error else "INFOBOX")
    box = toolkit.createMessageBox(window, kind, 1, "sopxl", text)  # 1: MessageBoxButtons.BUTTONS_OK
    box.execute()


def log(text):
    try:
        with open(os.path.join(tempfile.gettempdir(), LOG_NAME), "a", encoding="utf-8") as f:
            f.write(text.rstrip() + "\n")
    except OSError:
        pass


def log_hint():
    return f"Kirimkan berkas {os.path.join(tempfile.gettempdir(), LOG_NAME)} kepada pengelola sopxl."


def failure_message(exc):
    """An unexpected failure of the macro: logged in full, told in one Indonesian line."""
    log("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    return f"Terjadi kesalahan tak terduga di sopxl ({type(exc).__name__}). {log_hint()}"


def _prop(name, value):
    import uno

    p = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    p.Name, p.Value = name, value
    return p


def _try(fn):
    """Formatting is best effort: a LibreOffice version without a property skips it."""
    try:
        fn()
    except Exception:
        return False
    return True
