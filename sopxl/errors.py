"""Exceptions: only for work that cannot go on. Everything else is a Finding.

    SopxlError                 any failure sopxl reports to a user
    ├── WorkbookError          a file cannot be read as a workbook (code + place)
    ├── ConfigError            a configuration file is missing or invalid
    └── WriteError             a workbook cannot be written (locked, read-only, broken package)
        └── WorkbookChangedError   another program replaced it while sopxl worked on it
"""
from __future__ import annotations


class SopxlError(Exception):
    """Something sopxl cannot do; ``str()`` is the user's message in Indonesian."""

    code = "SOPXL"

    def __init__(self, message: str, *, code: str | None = None, path: str | None = None,
                 sheet: str | None = None, cell: str | None = None, message_en: str | None = None):
        super().__init__(message)
        if code:
            self.code = code
        self.message = message
        self.message_en = message_en or message
        self.path = path
        self.sheet = sheet
        self.cell = cell

    def text(self, lang: str = "id") -> str:
        msg = self.message_en if lang == "en" else self.message
        where = []
        if self.path:
            where.append(("file " if lang == "en" else "berkas ") + self.path)
        if self.sheet:
            where.append(("sheet " if lang == "en" else "lembar ") + repr(self.sheet))
        if self.cell:
            where.append(("cell " if lang == "en" else "sel ") + self.cell)
        return f"{msg} ({', '.join(where)})" if where else msg

    def as_dict(self, lang: str = "id") -> dict:
        return {"code": self.code, "message": self.text(lang)}


class WorkbookError(SopxlError):
    """The file cannot be read as an Excel workbook."""

    code = "BERKAS"


class ConfigError(SopxlError):
    """The configuration file is missing, not JSON, or does not match its schema."""

    code = "KONFIGURASI"


class WriteError(SopxlError):
    """The workbook cannot be written; the original file is left as it was."""

    code = "TULIS"


class WorkbookChangedError(WriteError):
    """Another program changed the workbook while sopxl worked on it; nothing was written."""

    code = "TULIS-BERUBAH"
