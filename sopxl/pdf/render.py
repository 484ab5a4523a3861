"""The one module that talks to reportlab: fonts, text widths, and drawing laid-out pages.

reportlab's canvas draws exactly the boxes, paths and text the layout computed, embeds a
subset of the shipped DejaVu Sans Condensed (so Indonesian text and symbols print the same on
every computer), and writes a page in well under a millisecond of Python. The layout never
imports this module: it receives ``measure`` and hands back ``Page`` data.
"""
from __future__ import annotations

import io
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from ..errors import SopxlError
from .output import write_atomic
from .page import Box, Page, TextBox

REGULAR, BOLD = "SopxlSans", "SopxlSans-Bold"
_FILES = {REGULAR: "DejaVuSansCondensed.ttf", BOLD: "DejaVuSansCondensed-Bold.ttf"}


def _reportlab() -> Any:
    try:
        import reportlab  # noqa: F401
    except ImportError as exc:
        raise SopxlError("Untuk mencetak PDF, pasang pustaka tambahannya: pip install 'sopxl[pdf]'.",
                         code="PUSTAKA-PDF",
                         message_en="To print PDF, install the extra: pip install 'sopxl[pdf]'.") from exc
    return reportlab


@cache
def _fonts() -> None:
    _reportlab()
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = resources.files("sopxl.pdf") / "fonts"
    for name, file in _FILES.items():
        with resources.as_file(folder / file) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))


@cache
def _font(bold: bool) -> Any:
    _reportlab()
    _fonts()
    from reportlab.pdfbase.pdfmetrics import getFont

    return getFont(BOLD if bold else REGULAR)


@lru_cache(maxsize=1 << 16)
def measure(text: str, size: float, bold: bool = False) -> float:
    """The printed width of ``text`` in points. Cached: the same words recur in every SOP."""
    return float(_font(bold).stringWidth(text, size))


def _y(page: Page, y: float) -> float:
    return page.height - y


def _text(to: Any, page: Page, t: TextBox) -> None:
    """Lines into one text object per page: a text object per line costs twice the time."""
    to.setFont(BOLD if t.bold else REGULAR, t.size)
    lh = t.line_height
    y = t.box.y + t.size * 0.92
    for line in t.lines:
        if y > t.box.y + t.box.h + lh * 0.5 and t.box.h > 0:
            break  # a cell shorter than its text: never print below its border
        x = t.box.x
        if t.align != "l":
            w = measure(line, t.size, t.bold)
            x = t.box.cx - w / 2 if t.align == "c" else t.box.right - w
        to.setTextOrigin(x, _y(page, y))
        to.textOut(line)
        y += lh


def _symbol(c: Any, page: Page, kind: str, b: Box) -> None:
    x, top, w, h = b.x, _y(page, b.y), b.w, b.h
    bottom = top - h
    if kind == "terminator":
        c.roundRect(x, bottom, w, h, h / 2, stroke=1, fill=1)
        return
    if kind == "process":
        c.rect(x, bottom, w, h, stroke=1, fill=1)
        return
    p = c.beginPath()
    if kind == "decision":
        p.moveTo(x + w / 2, top)
        p.lineTo(x + w, top - h / 2)
        p.lineTo(x + w / 2, bottom)
        p.lineTo(x, top - h / 2)
    else:  # off-page connector: a pentagon pointing down
        p.moveTo(x, top)
        p.lineTo(x + w, top)
        p.lineTo(x + w, bottom + h * 0.4)
        p.lineTo(x + w / 2, bottom)
        p.lineTo(x, bottom + h * 0.4)
    p.close()
    c.drawPath(p, stroke=1, fill=1)


def _arrow(c: Any, page: Page, pts: list[tuple[float, float]], head: bool) -> None:
    p = c.beginPath()
    p.moveTo(pts[0][0], _y(page, pts[0][1]))
    for x, y in pts[1:]:
        p.lineTo(x, _y(page, y))
    c.drawPath(p, stroke=1, fill=0)
    if not head or len(pts) < 2:
        return
    (x0, y0), (x1, y1) = pts[-2], pts[-1]
    dx, dy = x1 - x0, y1 - y0
    n = max(abs(dx), abs(dy)) or 1.0
    ux, uy = dx / n, dy / n
    size, half = 4.5, 2.2
    bx, by = x1 - ux * size, y1 - uy * size
    h = c.beginPath()
    h.moveTo(x1, _y(page, y1))
    h.lineTo(bx - uy * half, _y(page, by + ux * half))
    h.lineTo(bx + uy * half, _y(page, by - ux * half))
    h.close()
    c.setFillGray(0)
    c.drawPath(h, stroke=0, fill=1)


def draw_page(c: Any, page: Page) -> None:
    c.setLineWidth(0.5)
    for r in page.rects:
        b = r.box
        if r.fill is not None:
            c.setFillGray(r.fill)
        c.rect(b.x, _y(page, b.bottom), b.w, b.h, stroke=1 if r.stroke else 0,
               fill=1 if r.fill is not None else 0)
    c.setFillGray(0)
    to = c.beginText()
    for t in page.texts:
        _text(to, page, t)
    c.drawText(to)
    for x0, y0, x1, y1 in page.lines:
        c.line(x0, _y(page, y0), x1, _y(page, y1))
    c.setLineWidth(0.7)
    for a in page.arrows:
        _arrow(c, page, a.points, a.head)
    for s in page.symbols:
        c.setFillGray(1)
        _symbol(c, page, s.kind, s.box)
        if s.text:
            c.setFillGray(0)
            size = min(6.5, s.box.h * 0.55)
            c.setFont(REGULAR, size)
            lift = s.box.h * 0.1 if s.kind == "offpage" else 0.0  # the pentagon's body is above its point
            c.drawCentredString(s.box.cx, _y(page, s.box.cy + size * 0.35 - lift), s.text)
    c.setFillGray(0)
    to = c.beginText()
    for t in page.labels:
        _text(to, page, t)
    c.drawText(to)
    if page.footer or page.unit:
        c.setFont(REGULAR, 7)
        c.drawRightString(page.width - 28, 14, page.footer)
        c.drawString(28, 14, page.unit)


def pdf_bytes(pages: list[Page], title: str = "") -> bytes:
    """The PDF of ``pages``, in memory."""
    _reportlab()  # every time: the fonts are registered once, the library may be gone since
    _fonts()
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(pages[0].width, pages[0].height) if pages else (842, 595),
                      pageCompression=1)
    c.setTitle(title)
    c.setCreator("sopxl")
    for page in pages:
        c.setPageSize((page.width, page.height))
        draw_page(c, page)
        c.showPage()
    c.save()
    return buf.getvalue()


def write_pdf(pages: list[Page], path: str, title: str = "") -> str:
    """Draw ``pages`` into a PDF at ``path`` (a temp file, then an atomic replace)."""
    return write_atomic(path, pdf_bytes(pages, title))
