"""Standard SOP AP workbooks, written from scratch: the empty template and the filled example.

    build_template(roles, sops, paper, steps)  SOP 01 … SOP NN | Petunjuk | Pengaturan
    build_contoh(paper)                        the same, the SOP sheets filled from
                                               sopxl/data/contoh.json (two real SOPs)
    committed_files()                          the files kept in workbook_templates/

Modules: ``sop_sheet`` lays out one SOP sheet, ``guide`` the Petunjuk and Pengaturan sheets,
``print_setup`` the page setup, ``style`` fonts and row heights, ``package`` the byte-stable
save. Only this package writes workbooks with openpyxl; ``python -m sopxl.templates DIR``
rebuilds the committed files.
"""
from __future__ import annotations

from openpyxl import Workbook

from ..resources import load_data
from .guide import write_guide, write_settings
from .package import workbook_bytes
from .sop_sheet import Placed, SopSpec, write_sop_sheet
from .style import set_default_font

__all__ = ["DEFAULT_ROLES", "DEFAULT_STEPS", "PAPERS", "build_template", "build_contoh", "committed_files",
           "contoh_data", "workbook_bytes", "Placed"]

DEFAULT_ROLES = ["Kepala Bagian", "Kasubbag", "Staf"]
PAPERS = ("A4", "F4")
DEFAULT_STEPS = 20


def contoh_data() -> dict:
    return load_data("contoh.json")


def _assemble(specs: list[SopSpec], roles: list[str], paper: str,
              calendar: dict[str, float] | None) -> tuple[Workbook, list[Placed]]:
    calendar = {**load_data("calendar.json"), **(calendar or {})}
    wb = Workbook()
    set_default_font(wb)
    # The SOP sheets come first: the workbook opens on SOP 01 and prints it first; the
    # helper sheets follow.
    wb.remove(wb.active)
    placed = [write_sop_sheet(wb.create_sheet(spec.sheet), spec, paper) for spec in specs]
    write_guide(wb.create_sheet("Petunjuk"), calendar)
    write_settings(wb.create_sheet("Pengaturan"), calendar, roles, paper)
    wb.active = 0
    for i, ws in enumerate(wb.worksheets):  # exactly one tab selected, or Excel groups sheets
        ws.sheet_view.tabSelected = i == 0
    return wb, placed


def build_template(roles: list[str] | None = None, sops: int = 1, paper: str = "A4",
                   steps: int = DEFAULT_STEPS, calendar: dict[str, float] | None = None
                   ) -> tuple[Workbook, list[Placed]]:
    roles = list(roles or DEFAULT_ROLES)
    specs = [SopSpec.empty(f"SOP {i:02d}", roles, steps) for i in range(1, sops + 1)]
    return _assemble(specs, roles, paper, calendar)


def build_contoh(paper: str = "A4", calendar: dict[str, float] | None = None
                 ) -> tuple[Workbook, list[Placed]]:
    data = contoh_data()
    specs = [SopSpec.from_contoh(sop) for sop in data["sop"]]
    roles: list[str] = []
    for sop in data["sop"]:
        for part in sop["bagian"]:
            roles.extend(r for r in part["pelaksana"] if r not in roles)
    return _assemble(specs, roles, paper, calendar)


def committed_files() -> dict[str, bytes]:
    """File name -> bytes of every workbook kept in ``workbook_templates/``."""
    out = {}
    for paper in PAPERS:
        out[f"sop_template_{paper}.xlsx"] = workbook_bytes(build_template(paper=paper)[0],
                                                           f"Templat SOP AP ({paper})")
    out["contoh.xlsx"] = workbook_bytes(build_contoh()[0], "Contoh SOP AP")
    return out
