"""Which SOPs go to print, read through ``sopxl.validate``, in the order of the register.

Accepted: workbooks, folders of workbooks, and the register ``sopxl merge`` writes — of that
only the sheet "Daftar SOP" with its Bagian, Berkas (the workbook's path) and Lembar columns
is read, and the workbooks are read again, so the book prints what the workbooks say today.
Order: Bagian, then Nomor SOP compared as numbers where it has digits ("065/SOP/2" before
"065/SOP/10"). The Bagian of an SOP read from a workbook or folder is the register's
(``sopxl.bagian.decide``: the ``--map`` file, the instansi, the folder as ``sopxl merge``
names it, the file name), so the Buku and the Keputusan say what the register says.

The paper of an SOP, unless the user chose one (``--kertas``): the office's choice on the
workbook's "Pengaturan" sheet (a row "Kertas | F4"), else its sheet's page setup (F4/Folio,
paperSize 14, prints on F4), else A4.
"""
from __future__ import annotations

import copy
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..bagian import decide
from ..config import Config
from ..errors import SopxlError
from ..model import FileResult, SopResult
from ..parse.text import key
from ..resources import load_data
from ..validate import validate_file

REGISTER_SHEET = "Daftar SOP"
F4_CODES = {14}  # Folio 8.5 x 13 in, what offices choose for F4 (no code of its own)
WORKBOOK_EXT = (".xlsx", ".xlsm")


@dataclass
class Entry:
    """One SOP to print, with where it came from."""

    path: str
    bagian: str
    sop: SopResult
    paper: str = "A4"

    @property
    def instansi(self) -> str:
        return self.sop.doc.identity["instansi"].value


@dataclass
class Collected:
    entries: list[Entry] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (path, message)


def _natural(text: str) -> list:
    return [(0, int(p), "") if p.isdigit() else (1, 0, p.casefold()) for p in re.split(r"(\d+)", text) if p]


def order_key(e: Entry) -> tuple:
    return (e.bagian.casefold(), _natural(e.sop.doc.nomor), _natural(e.sop.doc.nama))


def _workbooks(folder: Path) -> list[tuple[Path, str]]:
    """(workbook, Bagian folder) under ``folder``: its first sub-folder, else the folder itself,
    as ``sopxl merge`` names it."""
    out = []
    root = os.path.basename(os.path.abspath(folder))
    for p in sorted(folder.rglob("*")):
        if p.suffix.lower() in WORKBOOK_EXT and not p.name.startswith("~$") and p.is_file():
            rel = p.relative_to(folder).parts
            out.append((p, rel[0] if len(rel) > 1 else root))
    return out


def _register_rows(path: Path) -> list[tuple[Path, str, str]] | None:
    """(workbook, sheet, Bagian) of each row of a register, or None when ``path`` is not one."""
    from ..read.xlsx import read_workbook

    try:
        wb = read_workbook(path, sheets=())
        if REGISTER_SHEET not in wb.sheet_parts:
            return None
        grid = read_workbook(path, sheets=[REGISTER_SHEET], shapes=False).sheets[0]
    except SopxlError:
        return None
    rows = sorted({r for r, _ in grid.values})
    for r in rows[:10]:
        heads = {key(grid.text(r, c)): c for c in range(0, 40) if grid.text(r, c)}
        if "berkas" not in heads:
            continue
        out = []
        for rr in rows:
            if rr <= r:
                continue
            berkas = grid.text(rr, heads["berkas"])
            if not berkas:
                continue
            target = Path(berkas)
            if not target.is_absolute() and not target.exists():
                target = path.parent / berkas
            sheet = grid.text(rr, heads["lembar"]) if "lembar" in heads else ""
            bagian = grid.text(rr, heads["bagian"]) if "bagian" in heads else ""
            out.append((target, sheet, bagian))
        return out
    return None


SETTINGS_SHEET = "pengaturan"


def settings_paper(path: str, names: list[str]) -> str | None:
    """The paper the workbook's Pengaturan sheet names ("A4" or "F4"), or None when it names
    none it can be read as. ``names`` are the workbook's sheet names."""
    from ..read.xlsx import read_workbook

    sheet = next((n for n in names if n.strip().lower() == SETTINGS_SHEET), None)
    if sheet is None:
        return None
    data = load_data("paper_labels.json")
    labels, values = set(data["labels"]), data["values"]
    grid = read_workbook(path, sheets=[sheet], shapes=False).sheets[0]
    for r in sorted({r for r, _ in grid.values}):
        if key(grid.text(r, 0)) in labels:
            given = key(grid.text(r, 1))  # "F4", "Folio", "A4 (melintang)", ...
            paper = next((p for k, p in values.items() if given.startswith(k)), None)
            if paper:
                return str(paper)
    return None


def _papers(path: str, sheets: list[str]) -> dict[str, str]:
    """The paper each SOP sheet prints on, "F4" or "A4": the Pengaturan sheet's choice,
    else the sheet's own page setup."""
    from ..read.printsetup import print_setup
    from ..read.safezip import SafeZip
    from ..read.xlsx import read_workbook

    out = dict.fromkeys(sheets, "A4")
    try:
        parts = read_workbook(path, sheets=()).sheet_parts
        chosen = settings_paper(path, list(parts))
        if chosen:
            return dict.fromkeys(sheets, chosen)
        with SafeZip(path) as z:
            for name in sheets:
                if name in parts and print_setup(z, parts[name], name).paper in F4_CODES:
                    out[name] = "F4"
    except (SopxlError, OSError):
        pass  # the paper is only a default: A4 then
    return out


def collect(paths: list[str], cfg: Config, mapped: Callable[[str], str | None] | None = None) -> Collected:
    """Every SOP in ``paths``, read and checked, in the book's order.

    ``mapped`` answers a workbook's Bagian from the ``--map`` file (``sopxl merge``'s).
    """
    # (workbook, only this sheet, the register's Bagian, the Bagian folder)
    wanted: list[tuple[Path, str | None, str, str]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            wanted.extend((wb, None, "", folder) for wb, folder in _workbooks(p))
            continue
        if not p.exists():
            raise SopxlError("Berkas atau folder tidak ditemukan.", code="BERKAS-TIDAK-ADA", path=raw,
                             message_en="File or folder not found.")
        rows = _register_rows(p) if p.suffix.lower() in WORKBOOK_EXT else None
        if rows is None:
            wanted.append((p, None, "", os.path.basename(os.path.dirname(os.path.abspath(p)))))
        else:
            wanted.extend((wb, sheet or None, bagian, wb.parent.name) for wb, sheet, bagian in rows)
    out = Collected()
    results: dict[str, FileResult] = {}
    seen: set[tuple[str, str]] = set()
    for wb, sheet, bagian, folder in wanted:
        name = os.fspath(wb)
        fr = results.get(name)
        if fr is None:
            fr = results[name] = validate_file(name, cfg)
        if fr.error is not None:
            if name not in {u[0] for u in out.unreadable}:
                # Named beside its message (on screen, in the book's table): not twice.
                shown = copy.copy(fr.error)
                shown.path = None
                out.unreadable.append((name, shown.text(cfg.lang)))
            continue
        # The register's cell is read trimmed, a sheet name may end in a space ("SOP SAR "): an
        # exact match dropped that SOP from the book without a word.
        sops = [s for s in fr.sops if sheet is None or s.doc.sheet.strip() == sheet.strip()]
        if sheet is not None and not sops:
            gone = (f"Sheet '{sheet}' is gone or no longer an SOP; run sopxl merge again." if cfg.lang == "en"
                    else f"Lembar '{sheet}' tidak ada lagi atau bukan SOP; jalankan sopxl merge lagi.")
            out.unreadable.append((name, gone))
            continue
        papers = _papers(name, [s.doc.sheet for s in sops])
        for s in sops:
            if (name, s.doc.sheet) in seen:
                continue
            seen.add((name, s.doc.sheet))
            # A register row says it already; else the register's own rule, SOP by SOP.
            unit = bagian or decide(mapped(name) if mapped else None, s.doc.identity["instansi"].value,
                                     folder, name)[0]
            out.entries.append(Entry(name, unit, s, papers[s.doc.sheet]))
    out.entries.sort(key=order_key)
    return out


_ADDRESS = re.compile(r"\b(?:Jl|Jln|Jalan|Telp|Telepon|Fax|Faks|Kode Pos|E-?mail|Laman)\b", re.I)


def short_instansi(text: str) -> str:
    """The instansi without the kop's address ("Jl. …", "Telp. …"): how a text names it."""
    return " ".join(_ADDRESS.split(text, maxsplit=1)[0].split()).rstrip(" ,-")
