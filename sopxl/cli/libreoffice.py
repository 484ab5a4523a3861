"""``sopxl libreoffice build | install | uninstall``: the Validasi SOP button in Calc.

``install`` builds sopxl.oxt for the Python running this command and hands it to
LibreOffice's ``unopkg``. unopkg refuses to run as root unless it installs for every
user (``--shared``); ``--user-profile DIR`` installs into another profile (a throwaway
one for tests, or a colleague's); ``--macro-only`` copies just the macro into the
profile's Scripts/python folder (no menu or toolbar: Tools > Macros > Run Macro), which
needs no unopkg at all.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable, TextIO

from ..errors import SopxlError
from ..libreoffice.officeenv import active_python_env, office_environ
from .actions import add_actions, run_action, say

EXIT_OK, EXIT_FAILED = 0, 2
UNOPKG_TIMEOUT = 300
_UNOPKG_PLACES = (
    r"C:\Program Files\LibreOffice\program\unopkg.com",
    r"C:\Program Files (x86)\LibreOffice\program\unopkg.com",
    "/Applications/LibreOffice.app/Contents/MacOS/unopkg",
    "/usr/lib/libreoffice/program/unopkg",
    "/opt/libreoffice/program/unopkg",
)


def add_arguments(sub: argparse._SubParsersAction, common: Callable[[argparse.ArgumentParser], None]
                  ) -> None:
    parsers = add_actions(sub, "libreoffice", "ekstensi LibreOffice Calc: menu dan tombol Validasi SOP", {
        "build": "buat berkas ekstensi (.oxt)",
        "install": "pasang ekstensi ke LibreOffice",
        "uninstall": "lepas ekstensi dari LibreOffice"})
    b = parsers["build"]
    b.add_argument("--out", metavar="BERKAS", default="sopxl.oxt", help="bawaan: sopxl.oxt")
    b.add_argument("--shared", action="store_true", help="untuk dipasang dengan unopkg --shared")
    b.add_argument("--python", metavar="PYTHON", help="Python berisi sopxl yang dipakai makro")
    for name in ("install", "uninstall"):
        a = parsers[name]
        a.add_argument("--user-profile", metavar="FOLDER",
                       help="profil LibreOffice lain (folder yang berisi user/)")
        a.add_argument("--shared", action="store_true", help="untuk semua pengguna komputer ini")
        a.add_argument("--macro-only", action="store_true",
                       help="makro saja ke Scripts/python profil, tanpa menu (tanpa unopkg)")
    parsers["install"].add_argument("--python", metavar="PYTHON",
                                    help="Python berisi sopxl yang dipakai makro")


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    return run_action("libreoffice", {"build": _build, "install": _install, "uninstall": _uninstall},
                      args, stdout, stderr)


def _build(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..libreoffice.oxt import build_oxt, settings

    target = Path(args.out)
    if target.suffix.lower() != ".oxt":  # a folder, existing or to be made
        target = target / "sopxl.oxt"
    data = settings(args.python)
    path = build_oxt(target, shared=args.shared, config=data)
    shared = "--shared " if args.shared else ""
    out.write(say(args, f"Ekstensi LibreOffice dibuat: {path.resolve()}\n"
                        f"Makro akan memakai sopxl dari Python {data['python']} "
                        f"(versi {data['python_version']}).\n"
                        f"Jangan ganti nama berkasnya: menu memanggil makro lewat nama {path.name}.\n"
                        f"Pasang dengan: sopxl libreoffice install (atau unopkg add {shared}{path.name})\n",
                  f"LibreOffice extension written: {path.resolve()}\n"
                  f"The macro will use sopxl from Python {data['python']} "
                  f"(version {data['python_version']}).\n"
                  f"Do not rename the file: the menu calls the macro through the name {path.name}.\n"
                  f"Install with: sopxl libreoffice install (or unopkg add {shared}{path.name})\n"))
    return EXIT_OK


def default_profile() -> Path:
    """The user's LibreOffice profile folder (the one holding user/)."""
    if sys.platform.startswith("win"):
        return Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming") / "LibreOffice" / "4"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "LibreOffice" / "4"
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "libreoffice" / "4"


def find_unopkg() -> str | None:
    found = shutil.which("unopkg") or shutil.which("unopkg.com")
    if found:
        return found
    return next((p for p in _UNOPKG_PLACES if os.path.isfile(p)), None)


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


_ROOT = ("unopkg menolak berjalan sebagai root tanpa --shared. Pilih salah satu:\n"
         "  - jalankan perintah ini sebagai pengguna biasa (bukan root/sudo);\n"
         "  - tambahkan --shared untuk memasang bagi semua pengguna komputer ini;\n"
         "  - atau --macro-only --user-profile FOLDER untuk memasang makronya saja "
         "(tanpa menu), tanpa unopkg.\n",
         "unopkg refuses to run as root without --shared. Choose one:\n"
         "  - run this command as an ordinary user (not root/sudo);\n"
         "  - add --shared to install for every user of this computer;\n"
         "  - or --macro-only --user-profile FOLDER to install the macro alone (no menu), "
         "without unopkg.\n")


def _unopkg(args: list[str], profile: str | None, shared: bool) -> subprocess.CompletedProcess:
    exe = find_unopkg()
    if exe is None:
        raise SopxlError("Program unopkg dari LibreOffice tidak ditemukan. Pasang LibreOffice, atau "
                         "tambahkan folder program LibreOffice ke PATH.", code="UNOPKG-TIDAK-ADA",
                         message_en="LibreOffice's unopkg was not found.")
    command = [exe, *args[:1]]
    if shared:
        command.append("--shared")
    if profile:
        command.append("-env:UserInstallation=" + Path(profile).resolve().as_uri())
    command += args[1:]
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=UNOPKG_TIMEOUT,
                              env=office_environ())
    except subprocess.TimeoutExpired as exc:
        raise SopxlError("unopkg tidak selesai dalam waktu wajar. Tutup semua jendela LibreOffice "
                         "(termasuk ikon di baki sistem), lalu ulangi.", code="UNOPKG-MACET",
                         message_en="unopkg did not finish: close LibreOffice and retry.") from exc


def _install(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..libreoffice import EXTENSION_ID
    from ..libreoffice.oxt import build_oxt, install_macro, settings

    data = settings(args.python)
    if args.macro_only:
        profile = Path(args.user_profile) if args.user_profile else default_profile()
        path = install_macro(profile, config=data)
        out.write(say(args, f"Makro sopxl disalin ke {path}\n"
                            "Jalankan di Calc lewat Alat > Makro > Jalankan Makro > Makro Saya > "
                            "sopxl_lo > validasi_sop (tanpa menu SOP; untuk menu dan tombol, pasang "
                            "tanpa --macro-only).\n",
                      f"sopxl macro copied to {path}\n"
                      "Run it in Calc with Tools > Macros > Run Macro > My Macros > sopxl_lo > "
                      "validasi_sop (no SOP menu; for the menu and button, install without --macro-only).\n"))
        _warn_active_env(args, out)
        return EXIT_OK
    if _is_root() and not args.shared:
        err.write(say(args, *_ROOT))
        return EXIT_FAILED
    with tempfile.TemporaryDirectory(prefix="sopxl-oxt-") as folder:
        oxt = build_oxt(Path(folder) / "sopxl.oxt", shared=args.shared, config=data)
        done = _unopkg(["add", "--force", str(oxt)], args.user_profile, args.shared)
    if done.returncode != 0:
        told = (done.stderr or done.stdout).strip()
        err.write(say(args, f"unopkg gagal memasang ekstensi:\n{told}\n"
                            "Tutup semua jendela LibreOffice, lalu ulangi.\n",
                      f"unopkg could not install the extension:\n{told}\n"
                      "Close every LibreOffice window, then try again.\n"))
        return EXIT_FAILED
    profile = args.user_profile or default_profile()
    out.write(say(args, f"Ekstensi sopxl ({EXTENSION_ID}) dipasang "
                        f"{'untuk semua pengguna' if args.shared else f'ke profil {profile}'}.\n"
                        f"Makro memakai sopxl dari Python {data['python']} "
                        f"(versi {data['python_version']}).\n"
                        "Tutup semua jendela LibreOffice lalu buka lagi: di Calc muncul menu SOP > "
                        "Validasi SOP dan tombol Validasi SOP di bilah alat.\n",
                  f"sopxl extension ({EXTENSION_ID}) installed "
                  f"{'for every user' if args.shared else f'into the profile {profile}'}.\n"
                  f"The macro uses sopxl from Python {data['python']} (version {data['python_version']}).\n"
                  "Close every LibreOffice window and open it again: Calc shows the menu SOP > "
                  "Validasi SOP and a Validasi SOP toolbar button.\n"))
    _warn_active_env(args, out)
    return EXIT_OK


def _warn_active_env(args: argparse.Namespace, out: TextIO) -> None:
    folders = active_python_env()
    if folders:
        env = os.path.dirname(folders[0])
        out.write(say(args, f"Perhatian: terminal ini memakai lingkungan Python {env}. LibreOffice yang "
                            "dibuka dari terminal ini tidak dapat menjalankan makro Python (termasuk "
                            "Validasi SOP). Buka LibreOffice dari menu, atau jalankan 'deactivate' dulu.\n",
                      f"Note: this terminal uses the Python environment {env}. A LibreOffice started "
                      "from this terminal cannot run Python macros (Validasi SOP included). Start "
                      "LibreOffice from the menu, or run 'deactivate' first.\n"))


def _uninstall(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..libreoffice import EXTENSION_ID, MACRO_FILE, SETTINGS_FILE

    if args.macro_only:
        profile = Path(args.user_profile) if args.user_profile else default_profile()
        folder = profile / "user" / "Scripts" / "python"
        removed = []
        for name in (MACRO_FILE, SETTINGS_FILE):
            if (folder / name).exists():
                (folder / name).unlink()
                removed.append(name)
        out.write(say(args, f"Makro sopxl dilepas dari {folder}.\n", f"sopxl macro removed from {folder}.\n")
                  if removed else
                  say(args, f"Tidak ada makro sopxl di {folder}.\n", f"No sopxl macro in {folder}.\n"))
        return EXIT_OK
    if _is_root() and not args.shared:
        err.write(say(args, *_ROOT))
        return EXIT_FAILED
    done = _unopkg(["remove", EXTENSION_ID], args.user_profile, args.shared)
    if done.returncode != 0:
        told = (done.stderr or done.stdout).strip()
        err.write(say(args, f"unopkg gagal melepas ekstensi (mungkin belum terpasang):\n{told}\n",
                      f"unopkg could not remove the extension (perhaps not installed):\n{told}\n"))
        return EXIT_FAILED
    out.write(say(args, f"Ekstensi sopxl ({EXTENSION_ID}) dilepas. Buka ulang LibreOffice.\n",
                  f"sopxl extension ({EXTENSION_ID}) removed. Reopen LibreOffice.\n"))
    return EXIT_OK
