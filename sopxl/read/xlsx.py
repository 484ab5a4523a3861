"""The workbook reader's public face: ``read_workbook`` and ``is_date_format``.

The reader itself is split by concern: ``workbook.py`` (the package, workbook.xml, the list
of sheets), ``worksheet.py`` (the sheet XML parser and its limits), ``values.py`` (shared
strings, number formats, dates), ``drawing.py``/``geometry.py`` (shapes), all opened through
``safezip.py`` (``zipdir.py`` reads a plain archive's directory, zipfile any other); ``scan.py``
reads sheet and shared-string parts of the plain shape every writer uses straight from their
bytes, lxml the rest, ``recall.py`` remembers the scans of sheets a batch repeats byte for
byte, and ``cellplan.py`` stores their cells by a plan made once. Front ends import from
here so the split stays an inside matter.
"""
from __future__ import annotations

from .safezip import TREE_LIMIT_BYTES
from .values import is_date_format
from .workbook import Workbook, read_workbook
from .worksheet import MAX_CELLS

__all__ = ["Workbook", "read_workbook", "is_date_format", "MAX_CELLS", "TREE_LIMIT_BYTES"]
