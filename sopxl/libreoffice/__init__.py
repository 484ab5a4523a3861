"""The Validasi SOP button in LibreOffice Calc: a Python macro shipped as an extension.

    sopxl_lo.py   the macro itself, copied into the .oxt; runs in LibreOffice's own Python
    unodoc.py     UNO side: save a copy of the open document, write sheets, message box
                  (standard library and ``uno`` only: it must import in any Python)
    bridge.py     core side: check the copy, return the Status and Checklist as JSON;
                  called in LibreOffice's Python, or in sopxl's Python as a subprocess
    oxt.py        builds the extension (description.xml, manifest, Addons.xcu, macro)
    officeenv.py  the environment to start soffice/unopkg with (no active venv on PATH)

Nothing here is imported by the rest of sopxl; ``sopxl libreoffice`` (sopxl.cli.libreoffice)
builds and installs the extension.
"""
EXTENSION_ID = "id.sopxl.libreoffice"
MACRO_FILE = "sopxl_lo.py"
SETTINGS_FILE = "sopxl_lo.json"
MACRO_FUNCTION = "validasi_sop"
