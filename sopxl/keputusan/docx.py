"""The Keputusan draft as an editable Word file; the only module importing python-docx.

Offices change the wording, fill the [bracketed] parts and sign in Word, so the file is plain
paragraphs and one real table (the Lampiran), with no fields or text boxes that Word users
find hard to edit.
"""
from __future__ import annotations

import io
from typing import Any

from ..errors import SopxlError
from . import Draft, paragraphs


def _docx() -> Any:
    try:
        import docx
    except ImportError as exc:
        raise SopxlError("Untuk menulis berkas Word, pasang pustaka tambahannya: pip install 'sopxl[pdf]'.",
                         code="PUSTAKA-PDF",
                         message_en="To write Word files, install the extra: "
                                    "pip install 'sopxl[pdf]'.") from exc
    return docx


def docx_bytes(d: Draft) -> bytes:
    """The draft and its Lampiran as a .docx file, in memory."""
    docx = _docx()
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    doc = docx.Document()
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    for style_name, text in paragraphs(d):
        if style_name == "kosong":
            doc.add_paragraph("")
            continue
        p = doc.add_paragraph()
        run = p.add_run(text)
        if style_name in ("judul", "kepala"):
            run.bold = True
        if style_name == "judul":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif style_name == "ttd":
            p.paragraph_format.left_indent = Cm(9)
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    # The Lampiran on a landscape page of its own: its table is wide.
    sec = doc.add_section()
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = sec.page_height, sec.page_width
    head = doc.add_paragraph()
    head.add_run(d.lampiran).bold = True
    table = doc.add_table(rows=1, cols=len(d.lampiran_kolom))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, d.lampiran_kolom):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in d.lampiran_baris:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
