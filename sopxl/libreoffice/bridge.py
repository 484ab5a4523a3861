"""The core side of the LibreOffice button: check a saved copy, answer with sheets as JSON.

The macro saves a copy of the open document as .xlsx and sends a request::

    {"path": "/tmp/sopxl-lo-…/salinan.xlsx",   the copy to check
     "name": "/home/u/SOP Bagian.ods",          what the Status sheet calls the file
     "config": null, "lang": "id"}

and gets back::

    {"ok": true, "message": "2 lembar SOP diperiksa: …",
     "sheets": [spec_to_dict(Status), spec_to_dict(Checklist)], "activate": "Status",
                                                each sheet also with "freeze_rowcol": [row, col]
     "looks": {"header": {"bold": true, …}, …}, "sops": 2, "errors": 0, "warnings": 30}

or ``{"ok": false, "message": "…"}``. ``handle()`` runs inside LibreOffice's Python when
it can import sopxl's dependencies; otherwise ``python -m sopxl.libreoffice.bridge``
runs in sopxl's own Python with the request on stdin and the answer on stdout.
Reading the copy with sopxl's file reader also gives the drawn flowchart shapes,
which UNO would not describe the way the core needs.
"""
from __future__ import annotations

import json
import sys
import traceback
from typing import TYPE_CHECKING, Any

from ..a1 import cell_to_rowcol
from ..errors import SopxlError
from ..report.button import check_grids, looks, spec_to_dict, summary_text

if TYPE_CHECKING:
    from ..sheetspec import SheetSpec


def handle(request: dict[str, Any]) -> dict[str, Any]:
    """Answer one request; never raises (a failure is an answer with ok = false)."""
    lang = request.get("lang") or "id"
    try:
        return _handle(request, lang)
    except SopxlError as exc:
        return {"ok": False, "message": exc.text(lang)}
    except Exception as exc:
        detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        return {"ok": False, "detail": detail,
                "message": ("Terjadi kesalahan tak terduga di sopxl "
                            f"({type(exc).__name__}: {exc}).")}


def _handle(request: dict[str, Any], lang: str) -> dict[str, Any]:
    from ..config import load_config
    from ..read.xlsx import read_workbook

    cfg = load_config(request.get("config") or None, lang=lang)
    workbook = read_workbook(request["path"])
    outcome = check_grids(request.get("name") or request["path"], workbook.sheets, cfg)
    result = outcome.result
    return {
        "ok": result.error is None,
        "message": summary_text(result, lang),
        "sheets": [_uno_sheet(s) for s in outcome.sheets],
        "activate": outcome.activate,
        "looks": looks(),
        "sops": len(result.sops),
        "errors": result.errors,
        "warnings": result.warnings,
    }


def _uno_sheet(spec: SheetSpec) -> dict[str, Any]:
    """A sheet as JSON, with the frozen pane's corner zero-based as UNO takes it: the macro's
    Python has no sopxl to convert "A3" with."""
    data = spec_to_dict(spec)
    if spec.freeze:
        data["freeze_rowcol"] = list(cell_to_rowcol(spec.freeze))
    return data


def main() -> int:
    """``python -m sopxl.libreoffice.bridge``: one request on stdin, one answer on stdout."""
    try:
        request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
        answer = handle(request)
    except Exception as exc:  # not even a request: still an answer, never a traceback
        answer = {"ok": False, "message": f"Permintaan ke sopxl tidak terbaca ({exc})."}
    sys.stdout.buffer.write(json.dumps(answer, ensure_ascii=False).encode("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
