"""The only file readers: an xlsx package in, plain data out (grids, sizes, print setup, shapes).

    safezip.py     open the zip as untrusted input; parse its XML safely
    xlsx.py        worksheets -> grid.Grid (values, merges), streaming
    geometry.py    column widths and row heights (SheetGeometry), from a worksheet part
    printsetup.py  what decides where a sheet's printed pages break
    placement.py   where a DrawingML anchor lands on the cell grid
    drawing.py     drawn shapes -> grid.Shape
"""
