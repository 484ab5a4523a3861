"""Build sopxl.oxt, the LibreOffice extension that puts Validasi SOP on a menu and a toolbar.

    sopxl.oxt
    ├── META-INF/manifest.xml   lists Addons.xcu (configuration) and python/ (scripts)
    ├── description.xml         identifier, version, names
    ├── Addons.xcu              menu "SOP > Validasi SOP" and a toolbar button, Calc only
    └── python/
        ├── sopxl_lo.py         the macro (a copy of sopxl/libreoffice/sopxl_lo.py)
        └── sopxl_lo.json       where the Python that built it keeps sopxl (see settings())

A script inside an extension is addressed by the file name the extension was installed
from (``vnd.sun.star.script:sopxl.oxt|python|sopxl_lo.py$validasi_sop?…``) and by the
repository it went to (``user:uno_packages`` or, with ``unopkg --shared``,
``share:uno_packages``): so the menu's URL is written for the .oxt's own name and scope,
and a renamed file loses its menu.
"""
from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from .. import __version__
from . import EXTENSION_ID, MACRO_FILE, MACRO_FUNCTION, SETTINGS_FILE

__all__ = ["settings", "script_url", "user_script_url", "build_oxt", "install_macro", "addons_xcu"]

CALC = "com.sun.star.sheet.SpreadsheetDocument"
_PROBE = """
import json, os, site, sys
import sopxl
paths = [p for p in site.getsitepackages() + [site.getusersitepackages()] if os.path.isdir(p)]
print(json.dumps({"python": sys.executable, "python_version": "%d.%d" % sys.version_info[:2],
                  "sopxl_root": os.path.dirname(os.path.dirname(os.path.abspath(sopxl.__file__))),
                  "site_packages": paths, "sopxl_version": sopxl.__version__}))
"""


def settings(python: str | None = None) -> dict[str, Any]:
    """Where sopxl and its packages are, for the macro: of this Python, or of ``python``."""
    if python and os.path.realpath(python) != os.path.realpath(sys.executable):
        done = subprocess.run([python, "-c", _PROBE], capture_output=True, timeout=60)
        if done.returncode != 0:
            from ..errors import SopxlError

            raise SopxlError(f"Python {python} tidak dapat menjalankan sopxl: pasang dulu sopxl di "
                             "Python itu (pip install sopxl).", code="PYTHON-TANPA-SOPXL",
                             message_en=f"{python} cannot import sopxl.")
        data = json.loads(done.stdout)
    else:
        paths = [p for p in site.getsitepackages() + [site.getusersitepackages()] if os.path.isdir(p)]
        data = {"python": sys.executable, "python_version": "{}.{}".format(*sys.version_info[:2]),
                "sopxl_root": str(Path(__file__).resolve().parents[2]),
                "site_packages": paths, "sopxl_version": __version__}
    data["mode"] = "auto"
    return data


def script_url(oxt_name: str = "sopxl.oxt", shared: bool = False) -> str:
    """The URL of the macro inside an installed extension."""
    location = "share:uno_packages" if shared else "user:uno_packages"
    return (f"vnd.sun.star.script:{oxt_name}|python|{MACRO_FILE}${MACRO_FUNCTION}"
            f"?language=Python&location={location}")


def user_script_url() -> str:
    """The URL of the macro copied into a profile's own Scripts/python folder."""
    return f"vnd.sun.star.script:{MACRO_FILE}${MACRO_FUNCTION}?language=Python&location=user"


def _prop(name: str, value: str, lang: str | None = None) -> str:
    lang_attr = f' xml:lang="{lang}"' if lang else ""
    return (f'<prop oor:name="{name}" oor:type="xs:string"><value{lang_attr}>{escape(value)}</value>'
            "</prop>")


def _title(id_text: str, en_text: str) -> str:
    return ('<prop oor:name="Title" oor:type="xs:string">'
            f'<value xml:lang="en-US">{escape(en_text)}</value>'
            f'<value xml:lang="id">{escape(id_text)}</value></prop>')


def addons_xcu(url: str) -> str:
    """A top-level "SOP" menu and a toolbar, both in Calc only, running the macro."""
    item = (_prop("URL", url) + _title("Validasi SOP", "Validasi SOP") + _prop("Target", "_self")
            + _prop("Context", CALC))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:component-data xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" oor:name="Addons" oor:package="org.openoffice.Office">'
        '<node oor:name="AddonUI">'
        '<node oor:name="OfficeMenuBar">'
        f'<node oor:name="{EXTENSION_ID}.menu" oor:op="replace">'
        + _title("SOP", "SOP") + _prop("Context", CALC)
        + '<node oor:name="Submenu">'
        f'<node oor:name="m1" oor:op="replace">{item}</node>'
        "</node></node></node>"
        '<node oor:name="OfficeToolBar">'
        f'<node oor:name="{EXTENSION_ID}.toolbar" oor:op="replace">'
        f'<node oor:name="m1" oor:op="replace">{item}</node>'
        "</node></node>"
        "</node></oor:component-data>\n"
    )


MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="http://openoffice.org/2001/manifest">\n'
    ' <manifest:file-entry manifest:full-path="Addons.xcu" '
    'manifest:media-type="application/vnd.sun.star.configuration-data"/>\n'
    ' <manifest:file-entry manifest:full-path="python/" '
    'manifest:media-type="application/vnd.sun.star.framework-script"/>\n'
    "</manifest:manifest>\n"
)


def description_xml(version: str = __version__) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<description xmlns="http://openoffice.org/extensions/description/2006" '
        'xmlns:d="http://openoffice.org/extensions/description/2006" '
        'xmlns:xlink="http://www.w3.org/1999/xlink">\n'
        f' <identifier value="{EXTENSION_ID}"/>\n'
        f' <version value="{escape(version)}"/>\n'
        ' <display-name>\n'
        '  <name lang="id">sopxl: Validasi SOP AP</name>\n'
        '  <name lang="en">sopxl: SOP AP validation</name>\n'
        ' </display-name>\n'
        ' <publisher><name xlink:href="https://pypi.org/project/sopxl/" lang="en">sopxl</name></publisher>\n'
        ' <dependencies>\n'
        '  <d:OpenOffice.org-minimal-version value="3.4" d:name="OpenOffice.org 3.4"/>\n'
        ' </dependencies>\n'
        "</description>\n"
    )


def macro_source() -> bytes:
    return (Path(__file__).parent / MACRO_FILE).read_bytes()


def build_oxt(path: str | os.PathLike[str], *, shared: bool = False, python: str | None = None,
              config: dict[str, Any] | None = None) -> Path:
    """Write the extension to ``path`` (its file name goes into the menu's URL)."""
    path = Path(path)
    data = config if config is not None else settings(python)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("META-INF/manifest.xml", MANIFEST)
        z.writestr("description.xml", description_xml())
        z.writestr("Addons.xcu", addons_xcu(script_url(path.name, shared)))
        z.writestr(f"python/{MACRO_FILE}", macro_source())
        z.writestr(f"python/{SETTINGS_FILE}", json.dumps(data, indent=1, ensure_ascii=False))
    os.replace(tmp, path)
    return path


def install_macro(profile: str | os.PathLike[str], *, python: str | None = None,
                  config: dict[str, Any] | None = None) -> Path:
    """Copy the macro and its settings into a profile's ``user/Scripts/python`` (no menu)."""
    folder = Path(profile) / "user" / "Scripts" / "python"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MACRO_FILE).write_bytes(macro_source())
    data = config if config is not None else settings(python)
    (folder / SETTINGS_FILE).write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    return folder / MACRO_FILE
