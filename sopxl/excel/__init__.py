"""The Excel front end: the Validasi SOP and Gambar Bagan Alir buttons (xlwings) and their add-ins.

xlwings' ribbon VBA runs ``import sopxl.excel; sopxl.excel.main()`` (the add-in's file name
names the module), so ``main`` and ``draw_main`` stay importable from here; nothing in this
file imports xlwings.

    book.py    the buttons: read the calling workbook, check it, tell the user
    sheets.py  write the Status and Checklist sheets through xlwings
    addin.py   build the .xlam add-ins from xlwings' own add-in
"""
from .book import draw_main, main

__all__ = ["main", "draw_main"]
