"""``sopxl excel build | install | uninstall``: the Excel add-ins on an office PC.

``install`` copies the add-ins into the user's Excel startup folder (XLSTART), which
Excel opens at every start and trusts for macros:

    Windows   %APPDATA%\\Microsoft\\Excel\\XLSTART
    macOS     ~/Library/Group Containers/UBF8T346G9.Office/User Content/Startup/Excel
              (and, as ``xlwings runpython install`` does, xlwings' AppleScript into
              ~/Library/Application Scripts/com.microsoft.Excel, which RunPython needs)

and writes into them the path of the Python running this command, so the buttons find
sopxl without depending on PATH. Excel desktop exists only on Windows and macOS; ``build``
works everywhere (``--dir`` lets ``install`` target any folder, e.g. for a shared drive).
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path
from typing import Callable, TextIO

from ..errors import SopxlError
from .actions import add_actions, run_action, say

EXIT_OK, EXIT_FAILED = 0, 2
MAC_STARTUP = ("Library", "Group Containers", "UBF8T346G9.Office", "User Content", "Startup", "Excel")
MAC_SCRIPTS = ("Library", "Application Scripts", "com.microsoft.Excel")


def add_arguments(sub: argparse._SubParsersAction, common: Callable[[argparse.ArgumentParser], None]
                  ) -> None:
    parsers = add_actions(sub, "excel", "add-in Excel: tombol Validasi SOP di pita (ribbon)", {
        "build": "buat berkas add-in (.xlam)",
        "install": "pasang add-in ke folder XLSTART Excel",
        "uninstall": "lepas add-in dari folder XLSTART Excel"})
    b = parsers["build"]
    b.add_argument("--out", metavar="FOLDER_ATAU_BERKAS", default=".",
                   help="folder tujuan, atau path sopxl.excel.xlam (bawaan: folder ini)")
    b.add_argument("--python-win", metavar="PYTHON_EXE", help="python.exe yang dipakai tombol di Windows")
    b.add_argument("--python-mac", metavar="PYTHON", help="python yang dipakai tombol di macOS")
    parsers["install"].add_argument("--dir", metavar="FOLDER", help="folder tujuan selain XLSTART bawaan")
    parsers["install"].add_argument("--python", metavar="PYTHON",
                                    help="Python yang dipakai tombol (bawaan: Python ini)")
    parsers["uninstall"].add_argument("--dir", metavar="FOLDER", help="folder selain XLSTART bawaan")


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    return run_action("excel", {"build": _build, "install": _install, "uninstall": _uninstall},
                      args, stdout, stderr)


def _describe(args: argparse.Namespace, paths: list[Path]) -> str:
    from ..excel.addin import BUTTONS

    labels = {b.file_name: b.label for b in BUTTONS}
    button = say(args, "tombol", "button")
    return "".join(f"  - {p.name}  ({button} {labels.get(p.name, '?')})\n" for p in paths)


def _build(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..excel.addin import ADDIN_NAMES, build_addins

    target = Path(args.out)
    if target.suffix.lower() == ".xlam":
        if target.name != ADDIN_NAMES[0]:
            raise SopxlError(
                f"Nama berkas add-in harus {ADDIN_NAMES[0]}: nama itulah yang menentukan modul Python "
                f"yang dijalankan tombol. Contoh: sopxl excel build --out folder/{ADDIN_NAMES[0]}",
                code="ADDIN-NAMA", message_en=f"The add-in file must be named {ADDIN_NAMES[0]}.")
        target = target.parent
    paths = build_addins(target, interpreter_win=args.python_win, interpreter_mac=args.python_mac)
    out.write(say(args, f"Add-in Excel dibuat di {target.resolve()}:\n",
                  f"Excel add-ins written to {target.resolve()}:\n") + _describe(args, paths))
    if not (args.python_win or args.python_mac):
        out.write(say(args, "Tombol akan memakai perintah 'python' dari PATH. Untuk memasang di komputer "
                            "ini dengan Python yang tepat, gunakan: sopxl excel install\n",
                      "The buttons will run 'python' from PATH. To install on this computer with "
                      "the right Python, use: sopxl excel install\n"))
    return EXIT_OK


def startup_folder() -> Path | None:
    """The user's XLSTART folder on this system, or None where Excel desktop does not run."""
    if sys.platform.startswith("win"):
        appdata = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(appdata) / "Microsoft" / "Excel" / "XLSTART"
    if sys.platform == "darwin":
        plain = Path.home().joinpath(*MAC_STARTUP)
        # Finder shows these folders localized; on some systems they carry the suffix on disk.
        localized = Path.home().joinpath(*MAC_STARTUP[:3], "User Content.localized",
                                         "Startup.localized", "Excel")
        return localized if localized.is_dir() and not plain.is_dir() else plain
    return None


_NO_EXCEL = ("Excel desktop hanya ada di Windows dan macOS, jadi add-in tidak dapat dipasang di "
             "sistem ini. Berkasnya tetap dapat dibuat dengan 'sopxl excel build --out FOLDER' "
             "(atau pakai --dir FOLDER untuk memasang ke folder tertentu). Di Linux gunakan "
             "LibreOffice Calc: sopxl libreoffice install\n",
             "Desktop Excel exists only on Windows and macOS, so the add-ins cannot be installed "
             "here. 'sopxl excel build --out FOLDER' still writes them (or use --dir FOLDER to "
             "install into a given folder). On Linux use LibreOffice Calc: sopxl libreoffice install\n")


def _install(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..excel.addin import build_addins

    folder = Path(args.dir) if args.dir else startup_folder()
    if folder is None:
        err.write(say(args, *_NO_EXCEL))
        return EXIT_FAILED
    python = args.python or sys.executable
    mac = sys.platform == "darwin"
    try:
        paths = build_addins(folder, interpreter_win=None if mac else python,
                             interpreter_mac=python if mac else None)
    except PermissionError as exc:
        raise SopxlError(f"Tidak dapat menulis ke {folder}: tutup Excel terlebih dahulu (add-in yang "
                         "sedang dipakai terkunci), lalu jalankan perintah ini lagi.", code="ADDIN-TERKUNCI",
                         message_en=f"Cannot write to {folder}: close Excel first.") from exc
    out.write(say(args, f"Add-in sopxl dipasang di {folder}:\n", f"sopxl add-ins installed in {folder}:\n")
              + _describe(args, paths))
    out.write(say(args, f"Tombol akan menjalankan Python ini: {python}\n",
                  f"The buttons will run this Python: {python}\n"))
    if "WindowsApps" in python:
        out.write(say(args, "PERHATIAN: Python ini berasal dari Microsoft Store. Excel sering tidak "
                            "dapat menjalankannya ('Could not find Interpreter'). Bila tombol gagal, pasang "
                            "Python dari python.org, lalu ulangi: pip install \"sopxl[excel]\" dan "
                            "sopxl excel install\n",
                      "WARNING: this Python comes from the Microsoft Store, which Excel often cannot "
                      "run ('Could not find Interpreter'). If the buttons fail, install Python from "
                      "python.org, then again: pip install \"sopxl[excel]\" and sopxl excel install\n"))
    if mac and not args.dir:
        script = _install_applescript()
        if script:
            out.write(say(args, f"Skrip RunPython xlwings disalin ke {script}\n",
                          f"xlwings' RunPython script copied to {script}\n"))
    out.write(say(args, "Tutup semua jendela Excel lalu buka lagi: tab SOP muncul di pita (ribbon).\n",
                  "Close every Excel window and open Excel again: the SOP tab appears on the ribbon.\n"))
    return EXIT_OK


def _install_applescript() -> Path | None:
    """What ``xlwings runpython install`` does: RunPython on macOS needs this script."""
    import importlib.util

    spec = importlib.util.find_spec("xlwings")
    if spec is None or not spec.submodule_search_locations:
        return None
    found = sorted(Path(list(spec.submodule_search_locations)[0]).glob("xlwings-*.applescript"))
    if not found:
        return None
    target = Path.home().joinpath(*MAC_SCRIPTS)
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(found[-1], target)
    return target / found[-1].name


def _uninstall(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..excel.addin import ADDIN_NAMES

    folder = Path(args.dir) if args.dir else startup_folder()
    if folder is None:
        err.write(say(args, *_NO_EXCEL))
        return EXIT_FAILED
    removed = []
    for name in ADDIN_NAMES:
        path = folder / name
        if path.exists():
            try:
                path.unlink()
            except PermissionError as exc:
                raise SopxlError(f"{path} sedang dipakai: tutup Excel terlebih dahulu, lalu ulangi.",
                                 code="ADDIN-TERKUNCI", message_en=f"{path} is in use: close Excel.") from exc
            removed.append(name)
    if removed:
        out.write(say(args, f"Add-in sopxl dilepas dari {folder}: {', '.join(removed)}.\n"
                            "Tutup lalu buka lagi Excel agar tab SOP hilang.\n",
                      f"sopxl add-ins removed from {folder}: {', '.join(removed)}.\n"
                      "Close and reopen Excel for the SOP tab to go.\n"))
    else:
        out.write(say(args, f"Tidak ada add-in sopxl di {folder}; tidak ada yang dilepas.\n",
                      f"No sopxl add-in in {folder}; nothing removed.\n"))
    return EXIT_OK
