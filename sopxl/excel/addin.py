"""Build sopxl's Excel add-ins from the ribbon add-in that the installed xlwings ships.

``xlwings quickstart NAME --addin --ribbon`` copies ``quickstart_addin_ribbon.xlam``;
its VBA has one ribbon callback, ``RibbonMyAddin.RunMain``, which runs::

    mymodule = Left(ThisWorkbook.Name, InStrRev(ThisWorkbook.Name, ".") - 1)
    RunPython "import " & mymodule & ";" & mymodule & ".main()"

So the add-in's *file name* picks the Python function a button runs, and one add-in can
run only one. The VBA is kept byte for byte (it cannot be recompiled without Excel),
so each button is its own add-in, named after a module of the package::

    sopxl.excel.xlam        -> import sopxl.excel; sopxl.excel.main()              Validasi SOP
    sopxl.excel_bagan.xlam  -> import sopxl.excel_bagan; sopxl.excel_bagan.main()  Gambar Bagan Alir

(the last dot of the name ends the module path, so no top-level module is needed). Both
ribbons put their group on one shared "SOP" tab: a tab with the same qualified id
(``idQ``) in the same namespace is one tab, whichever add-ins define it.

What changes in the copy, part by part::

    customUI/customUI.xml          our tab, group and button (imageMso icons)
    xl/workbook.xml                sheet "_myaddin.conf" renamed "myaddin.conf": switched on
    xl/worksheets/sheet1.xml       Interpreter_Win / Interpreter_Mac filled when known,
                                   ADD_WORKBOOK_TO_PYTHONPATH = false (a user's folder must
                                   not shadow sopxl's modules)
    everything else                copied as it is, vbaProject.bin included
"""
from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..a1 import cell_to_rowcol
from ..errors import SopxlError

__all__ = ["Button", "BUTTONS", "ADDIN_NAMES", "template_path", "build_addin", "build_addins",
           "customui_xml", "module_for"]

TEMPLATE = "quickstart_addin_ribbon.xlam"
CALLBACK = "RibbonMyAddin.RunMain"  # the one ribbon callback of xlwings' VBA
CONF_SHEET = "myaddin.conf"  # xlwings' VBA: PROJECT_NAME & ".conf"
CUSTOMUI_NS = "http://schemas.microsoft.com/office/2006/01/customui"
TAB_NS = "sopxl"  # the namespace of the shared tab's qualified id
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@dataclass(frozen=True)
class Button:
    file_name: str  # the add-in's file name: it names the module the VBA imports
    group_id: str
    group_label: str
    button_id: str
    label: str
    image: str  # imageMso: one of Office's built-in icons
    tip: str


BUTTONS = (
    Button("sopxl.excel.xlam", "sopPeriksa", "Pemeriksaan", "sopValidasi", "Validasi SOP",
           "DataValidation",
           "Periksa semua lembar SOP di buku kerja ini, lalu tulis lembar Status dan Checklist."),
    Button("sopxl.excel_bagan.xlam", "sopBagan", "Bagan Alir", "sopGambar", "Gambar Bagan Alir",
           "SmartArtInsert",
           "Gambar simbol bagan alir (kapsul, kotak, belah ketupat, panah) dari isi matriks SOP."),
)
ADDIN_NAMES = tuple(b.file_name for b in BUTTONS)


def module_for(file_name: str) -> str:
    """The module xlwings' VBA imports for an add-in file name (up to its last dot)."""
    return file_name[: file_name.rindex(".")]


def template_path() -> Path:
    """xlwings' ribbon add-in, as ``xlwings quickstart --addin --ribbon`` copies it."""
    import importlib.util

    # Found, not imported: importing xlwings would pull in pandas and more for nothing.
    spec = importlib.util.find_spec("xlwings")
    if spec is None or not spec.submodule_search_locations:
        from .book import XLWINGS_MISSING

        raise SopxlError(XLWINGS_MISSING, code="XLWINGS-TIDAK-ADA",
                         message_en='xlwings is not installed. Run: pip install "sopxl[excel]"')
    path = Path(list(spec.submodule_search_locations)[0]) / TEMPLATE
    if not path.is_file():
        raise SopxlError(f"Berkas {TEMPLATE} tidak ada di paket xlwings yang terpasang. Pasang ulang: "
                         'pip install --force-reinstall "sopxl[excel]"', code="XLWINGS-RUSAK",
                         message_en=f"{TEMPLATE} is missing from the installed xlwings.")
    return path


def customui_xml(button: Button) -> bytes:
    """The ribbon of one add-in: the shared SOP tab with this add-in's group and button."""
    # lxml takes None as the default-namespace key; lxml-stubs type nsmap keys as str only.
    el = etree.Element(f"{{{CUSTOMUI_NS}}}customUI",
                       nsmap={None: CUSTOMUI_NS, "sop": TAB_NS})  # type: ignore[dict-item]
    tabs = etree.SubElement(etree.SubElement(el, f"{{{CUSTOMUI_NS}}}ribbon"), f"{{{CUSTOMUI_NS}}}tabs")
    tab = etree.SubElement(tabs, f"{{{CUSTOMUI_NS}}}tab", idQ="sop:sopTab", label="SOP")
    group = etree.SubElement(tab, f"{{{CUSTOMUI_NS}}}group", id=button.group_id, label=button.group_label)
    etree.SubElement(group, f"{{{CUSTOMUI_NS}}}button", id=button.button_id, label=button.label,
                     size="large", imageMso=button.image, screentip=button.label,
                     supertip=button.tip, onAction=CALLBACK)
    return etree.tostring(el, xml_declaration=True, encoding="UTF-8", standalone=True)


def build_addins(folder: str | os.PathLike[str], *, interpreter_win: str | None = None,
                 interpreter_mac: str | None = None) -> list[Path]:
    """Write both add-ins into ``folder`` (created when missing); returns their paths."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    return [build_addin(out / b.file_name, b, interpreter_win=interpreter_win,
                        interpreter_mac=interpreter_mac) for b in BUTTONS]


def build_addin(path: str | os.PathLike[str], button: Button, *, interpreter_win: str | None = None,
                interpreter_mac: str | None = None) -> Path:
    """Write one add-in. Its file name must be the button's: it names the module to run."""
    path = Path(path)
    if path.name != button.file_name:
        raise SopxlError(f"Add-in harus bernama {button.file_name} (nama berkas menentukan modul "
                         f"Python yang dijalankan tombolnya), bukan {path.name}.", code="ADDIN-NAMA",
                         message_en=f"The add-in must be named {button.file_name}.")
    with zipfile.ZipFile(template_path()) as src:
        parts = [(info, src.read(info.filename)) for info in src.infolist()]
    tmp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in parts:
            if info.filename == "customUI/customUI.xml":
                data = customui_xml(button)
            elif info.filename == "xl/workbook.xml":
                data = _switch_on_conf(data)
            elif info.filename == "xl/worksheets/sheet1.xml":
                data = _conf_values(data, interpreter_win, interpreter_mac)
            dst.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    os.replace(tmp, path)
    return path


def _switch_on_conf(data: bytes) -> bytes:
    root = etree.fromstring(data)
    for sheet in root.iter(f"{{{MAIN_NS}}}sheet"):
        if sheet.get("name", "").lstrip("_") == CONF_SHEET:
            sheet.set("name", CONF_SHEET)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# Rows of the conf sheet in xlwings' template (A = key, B = value).
_CONF_ROWS = {"Interpreter_Win": 1, "Interpreter_Mac": 2}
_EXTRA_ROW = 10  # right under the template's nine keys: xlwings reads A1 down to the first gap


def _conf_values(data: bytes, interpreter_win: str | None, interpreter_mac: str | None) -> bytes:
    root = etree.fromstring(data)
    sheet_data = root.find(f"{{{MAIN_NS}}}sheetData")
    if sheet_data is None:
        raise ValueError("xlwings' add-in template has no conf sheet data")
    rows = {int(r.get("r", "0")): r for r in sheet_data.iter(f"{{{MAIN_NS}}}row")}
    for key, value in (("Interpreter_Win", interpreter_win), ("Interpreter_Mac", interpreter_mac)):
        if value:
            _set_cell(rows[_CONF_ROWS[key]], f"B{_CONF_ROWS[key]}", value)
    row = rows.get(_EXTRA_ROW)
    if row is None:
        row = etree.Element(f"{{{MAIN_NS}}}row", r=str(_EXTRA_ROW))
        later = [r for n, r in rows.items() if n > _EXTRA_ROW]
        if later:
            later[0].addprevious(row)
        else:
            sheet_data.append(row)
    _set_cell(row, f"A{_EXTRA_ROW}", "ADD_WORKBOOK_TO_PYTHONPATH")
    _set_cell(row, f"B{_EXTRA_ROW}", "false")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _set_cell(row: etree._Element, ref: str, text: str) -> None:
    """Put an inline string in a cell of the row, keeping cells in column order."""
    for c in row.findall(f"{{{MAIN_NS}}}c"):
        if c.get("r") == ref:
            row.remove(c)
    cell = etree.Element(f"{{{MAIN_NS}}}c", r=ref, t="inlineStr")
    etree.SubElement(etree.SubElement(cell, f"{{{MAIN_NS}}}is"), f"{{{MAIN_NS}}}t").text = text
    cells = row.findall(f"{{{MAIN_NS}}}c")
    after = [c for c in cells if _col(c.get("r", "")) > _col(ref)]
    if after:
        after[0].addprevious(cell)
    else:
        row.append(cell)
    if "spans" in row.attrib:  # optional; a stale one would be wrong
        del row.attrib["spans"]


def _col(ref: str) -> int:
    try:
        return cell_to_rowcol(ref)[1]
    except ValueError:
        return -1  # a cell without a readable address counts as left of every column
