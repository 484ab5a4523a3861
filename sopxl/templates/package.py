"""Write a workbook so that the same input always gives the same bytes.

openpyxl stamps the save time into ``docProps/core.xml`` and ``zipfile`` stamps it on every
member, so two builds of one template would differ. Here the document properties carry a
fixed date and the package is written member by member, in openpyxl's order, with a fixed
member date: the committed files in ``workbook_templates/`` can be checked against a fresh
build.
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

FIXED = dt.datetime(2025, 1, 1, 0, 0, 0)


def workbook_bytes(wb: Workbook, title: str) -> bytes:
    props = wb.properties
    props.creator = props.lastModifiedBy = "sopxl"
    props.title = title
    props.created = props.modified = FIXED
    raw = io.BytesIO()
    # ExcelWriter, unlike openpyxl.save_workbook, leaves ``modified`` as set above.
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
