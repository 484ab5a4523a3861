"""``sopxl draw``: draw the standard flowchart over the typed markers, as real Excel shapes.

Offices often type the flowchart ("Mulai", "Proses", "◇") into the Pelaksana cells. This
package draws it for them, in three rooms::

    arrows.py    which arrows leave each step, and where they go (pure; the PDF uses it too)
    symbols.py   the presets, sizes and sides of a placed symbol (``Node``)
    layout.py    where each symbol goes and how each arrow runs, in EMU (pure: no I/O)
    pages.py     printed page breaks, and the off-page connector pair an arrow to another
                 page becomes
    workbook.py  draw_file / draw_workbook: read the workbook, lay each SOP sheet out,
                 write the shapes back (``sopxl.write.drawing``)
"""
from __future__ import annotations

from .arrows import exits
from .layout import layout
from .pages import page_breaks
from .workbook import DrawResult, draw_file, draw_workbook

__all__ = ["exits", "layout", "page_breaks", "draw_workbook", "draw_file", "DrawResult"]
