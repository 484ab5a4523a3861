"""sopxl: the Validasi SOP macro for LibreOffice Calc.

Copied into the extension (``python/sopxl_lo.py`` of sopxl.oxt) by ``sopxl libreoffice
build``, beside ``sopxl_lo.json``: the settings written by the Python that built it
(its executable and version, where sopxl and its packages are). LibreOffice runs this
file in its own Python; the work is done by ``sopxl/libreoffice/unodoc.py``, loaded from
sopxl's installation at every press (so upgrading sopxl needs no new extension unless
sopxl moved).

Called from the SOP menu or toolbar, it checks the current document and shows a
message box. Called over UNO with a document as the first argument (a script run on a
hidden document has no current one), it works on that document and returns the message
instead.
"""
import importlib.util
import json
import os
from typing import Any

# Put into this module's globals by LibreOffice's script provider; declared (not
# assigned) so type checkers know it, and the provider's value is never overwritten.
XSCRIPTCONTEXT: Any

SETTINGS_FILE = "sopxl_lo.json"


def validasi_sop(*args):
    """Check the document's SOP sheets and write the Status and Checklist sheets into it."""
    doc = next((a for a in args if hasattr(a, "getSheets")), None)
    pressed = doc is None
    ctx = XSCRIPTCONTEXT.getComponentContext()  # noqa: F821 - put there by LibreOffice
    if doc is None:
        doc = XSCRIPTCONTEXT.getDocument()  # noqa: F821
    unodoc = None
    try:
        settings = _settings()
        unodoc = _load_unodoc(settings)
        if not hasattr(doc, "getSheets"):
            message, ok = "Tombol Validasi SOP hanya bekerja pada dokumen LibreOffice Calc.", False
        else:
            message, ok = unodoc.run(doc, settings)
    except _SetupError as exc:
        message, ok = str(exc), False
    except Exception as exc:
        message, ok = (unodoc.failure_message(exc) if unodoc else
                       f"Terjadi kesalahan tak terduga di sopxl ({type(exc).__name__}: {exc})."), False
    if pressed and unodoc is not None:
        try:
            unodoc.show_message(ctx, doc, message, error=not ok)
        except Exception:
            pass
    return message


g_exportedScripts = (validasi_sop,)


class _SetupError(Exception):
    """The extension cannot find sopxl: the message says what to do."""


def _here():
    # LibreOffice sets __file__ (a file URL) only after running the module's top level.
    import uno

    url = globals().get("__file__") or ""
    return os.path.dirname(uno.fileUrlToSystemPath(url) if url.startswith("file:") else url)


def _settings():
    path = os.environ.get("SOPXL_LO_SETTINGS") or os.path.join(_here(), SETTINGS_FILE)
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        raise _SetupError(f"Pengaturan ekstensi sopxl ({path}) tidak terbaca. Pasang ulang dengan: "
                          "sopxl libreoffice install") from None


def _load_unodoc(settings):
    path = os.path.join(settings.get("sopxl_root") or "", "sopxl", "libreoffice", "unodoc.py")
    if not os.path.isfile(path):
        root = settings.get("sopxl_root") or "-"
        raise _SetupError(f"sopxl tidak ditemukan di {root} (mungkin sudah dihapus atau dipindah). "
                          "Pasang sopxl lagi, lalu: sopxl libreoffice install")
    spec = importlib.util.spec_from_file_location("sopxl_lo_unodoc", path)
    if spec is None or spec.loader is None:
        raise _SetupError(f"sopxl tidak dapat dimuat dari {path}. Pasang sopxl lagi, lalu: "
                          "sopxl libreoffice install")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
