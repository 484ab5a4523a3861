"""Draw the flowcharts of a workbook: read it, lay each SOP sheet out, write the shapes back.

``draw_file`` is what ``sopxl draw`` runs and ``draw_workbook`` what the Excel button calls::

    read       sopxl.read.xlsx (values, no shapes), sopxl.validate (the SOP documents),
               sopxl.read.geometry and sopxl.read.printsetup (sizes and pages of each sheet)
    lay out    sopxl.draw.pages.page_breaks, sopxl.draw.layout.layout
    write      sopxl.write.drawing.write_charts (temp file, then an atomic replace)

The typed text stays in the cell under the shape, so the sheet still validates the same way.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import SopxlError
from .layout import layout
from .pages import page_breaks

if TYPE_CHECKING:
    from ..config import Config

__all__ = ["DrawResult", "draw_file", "draw_workbook"]


@dataclass
class DrawResult:
    path: str  # the file written
    sheets: list[str]  # sheets a flowchart was drawn on
    shapes: int  # shapes, arrows and labels written


def draw_file(path: str | os.PathLike[str], cfg: Config, output: str | os.PathLike[str] | None = None
              ) -> DrawResult:
    """Draw the flowchart of every SOP sheet of ``path`` (into ``output`` when given)."""
    from ..read.geometry import sheet_geometry
    from ..read.printsetup import print_setup
    from ..read.safezip import SafeZip
    from ..read.xlsx import read_workbook
    from ..validate import validate_grids
    from ..write.drawing import check_output, write_charts

    source = os.fspath(path)
    out = os.fspath(output) if output is not None else None
    check_output(source, out)  # refuse a locked or read-only file before reading it all
    wb = read_workbook(source, shapes=False)
    result = validate_grids(source, wb.sheets, cfg)
    charts = []
    with SafeZip(source) as z:
        for sop in result.sops:
            doc = sop.doc
            part = wb.sheet_parts.get(doc.sheet)
            if part is None:
                continue
            geometry = sheet_geometry(z, part)
            last_row = max((s.row for s in doc.steps), default=0)
            breaks = page_breaks(print_setup(z, part, doc.sheet), geometry, last_row)
            charts.append((doc.sheet, part, layout(doc, geometry, breaks), geometry))
    charts = _one_per_sheet(charts)
    if not result.sops:
        raise SopxlError("Tidak ada lembar SOP di berkas ini; tidak ada bagan yang digambar.",
                         code="GAMBAR-TIDAK-ADA-SOP", path=source,
                         message_en="No SOP sheet in this file; no flowchart was drawn.")
    if not any(chart for _, _, chart, _ in charts):
        raise SopxlError("Tidak ada simbol bagan (Mulai, Proses, Keputusan, Selesai) yang diketik di "
                         "kolom Pelaksana; tidak ada bagan yang digambar.", code="GAMBAR-KOSONG",
                         path=source,
                         message_en="No flowchart symbols (Mulai, Proses, Keputusan, Selesai) are "
                                    "typed in the Pelaksana columns; no flowchart was drawn.")
    written, count = write_charts(source, [(p, c, g) for _, p, c, g in charts], output=out)
    return DrawResult(written, [name for name, _, chart, _ in charts if chart], count)


def draw_workbook(path: str | os.PathLike[str], cfg: Config,
                  output: str | os.PathLike[str] | None = None) -> str:
    """Draw the flowcharts and return the path written (the Excel button calls this)."""
    return draw_file(path, cfg, output).path


def _one_per_sheet(charts: list) -> list:
    """Several SOPs stacked on one sheet: their flowcharts go into the sheet's one drawing
    together (symbol numbers renumbered), never into a second drawing part of the sheet."""
    import dataclasses

    out: dict[str, tuple] = {}
    for name, part, chart, geometry in charts:
        if part not in out:
            out[part] = (name, part, chart, geometry)
            continue
        whole = out[part][2]
        shift = max((sym.key for sym in whole.symbols), default=-1) + 1
        whole.symbols += [dataclasses.replace(sym, key=sym.key + shift) for sym in chart.symbols]
        whole.lines += [dataclasses.replace(line, start=line.start + shift, end=line.end + shift)
                        for line in chart.lines]
        whole.labels += chart.labels
    return list(out.values())
