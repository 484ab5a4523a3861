"""Entry point of the Gambar Bagan Alir button in Excel (a path installed add-ins reach).

xlwings' ribbon VBA runs ``import NAME; NAME.main()`` with NAME taken from the add-in's
file name, so the add-in ``sopxl.excel_bagan.xlam`` needs this module (see
``sopxl.excel.addin``). xlwings itself is imported only when the button is pressed.
"""
from .excel.book import draw_main as main

__all__ = ["main"]
