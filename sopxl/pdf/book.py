"""The Buku SOP as pages: cover, Daftar SOP, the SOPs not printed, Keputusan, every SOP.

Pure layout like the rest of ``sopxl.pdf``. The Daftar SOP names the page each SOP starts on;
its own length depends only on the number of SOPs and their names, so the pages after it are
laid out first and the list is filled in with their real numbers. Every page ends with
"Halaman X dari Y". An SOP with findings of severity error is not printed: it is listed, with
its first errors, on a page of its own after the Daftar SOP.
"""
from __future__ import annotations

from dataclasses import dataclass

from .flow import layout_flow
from .identity import layout_identity
from .page import PAPERS, Box, Measure, Page, Rect, TextBox, text_height, text_in, wrap
from .source import Entry

MARGIN = 42.0
FOOTER = "Halaman {x} dari {y}"


@dataclass
class BookInfo:
    title: str  # the cover's title lines
    instansi: str
    tahun: str
    paper: str  # of the cover and lists: A4 or F4


def sop_pages(entry: Entry, paper: str, measure: Measure) -> list[Page]:
    """The identity page and the procedure pages of one SOP, each naming its Bagian (the
    register's, so a printed page says whose SOP it is)."""
    size = PAPERS[paper]
    doc = entry.sop.doc
    pages = [layout_identity(doc, entry.instansi, size, measure)]
    pages += layout_flow(doc, size, measure).pages
    for p in pages:
        p.unit = entry.bagian
    return pages


def number(pages: list[Page], lang: str = "id") -> None:
    text = FOOTER if lang == "id" else "Page {x} of {y}"
    for k, p in enumerate(pages, start=1):
        p.footer = text.format(x=k, y=len(pages))


def cover(info: BookInfo, measure: Measure) -> Page:
    w, h = PAPERS[info.paper]
    page = Page(w, h, kind="cover")
    y = h * 0.22
    for text, size, bold in ((info.instansi, 16, True), ("", 10, False), (info.title, 20, True),
                             ("", 10, False), (f"TAHUN {info.tahun}", 16, True)):
        lines = wrap(text, w - 4 * MARGIN, size, measure, bold) if text else [""]
        box = Box(2 * MARGIN, y, w - 4 * MARGIN, len(lines) * size * 1.3)
        page.texts.append(TextBox(box, lines, size, bold, "c", size * 1.3))
        y += box.h + 8
    return page


def table_pages(title: str, headers: list[str], widths: list[float], rows: list[list[str]], paper: str,
                measure: Measure, kind: str, intro: str = "") -> list[Page]:
    """A titled table across as many pages as it needs, its header on every page.

    ``widths`` are fractions of the printable width.
    """
    w, h = PAPERS[paper]
    width = w - 2 * MARGIN
    cols = [f * width for f in widths]
    xs = [MARGIN + sum(cols[:k]) for k in range(len(cols))]
    size = 8.5
    pages: list[Page] = []

    def new_page() -> float:
        page = Page(w, h, kind=kind)
        page.texts.append(text_in(Box(MARGIN, MARGIN, width, 20), title, 13, measure, bold=True,
                                  align="c", pad=0))
        y = MARGIN + 26
        if intro and not pages:
            ih = text_height(intro, width, size, measure, pad=0)
            page.texts.append(text_in(Box(MARGIN, y, width, ih), intro, size, measure, pad=0))
            y += ih + 6
        hh = max(text_height(t, c, size, measure, True) for t, c in zip(headers, cols))
        for t, x, c in zip(headers, xs, cols):
            page.rects.append(Rect(Box(x, y, c, hh), fill=0.9))
            page.texts.append(text_in(Box(x, y, c, hh), t, size, measure, bold=True, align="c"))
        pages.append(page)
        return y + hh

    y = new_page()
    for row in rows:
        rh = max(text_height(t, c, size, measure) for t, c in zip(row, cols))
        if y + rh > h - MARGIN - 10:
            y = new_page()
        for k, (t, x, c) in enumerate(zip(row, xs, cols)):
            pages[-1].rects.append(Rect(Box(x, y, c, rh)))
            align = "c" if k in (0, len(row) - 1) and len(t) < 8 else "l"
            pages[-1].texts.append(text_in(Box(x, y, c, rh), t, size, measure, align=align))
        y += rh
    return pages


def text_pages(paras: list[tuple[str, str]], paper: str, measure: Measure, kind: str) -> list[Page]:
    """Paragraphs in the styles of ``sopxl.keputusan.paragraphs`` flowing over portrait-wide pages."""
    w, h = PAPERS[paper]
    width = min(w - 2 * MARGIN, 520.0)  # a letter's line length, centred on the landscape page
    left = (w - width) / 2
    size = 10.0
    pages = [Page(w, h, kind=kind)]
    y = MARGIN
    for style, text in paras:
        bold = style in ("judul", "kepala")
        align = "c" if style == "judul" else "l"
        x0, pw = (left + width * 0.55, width * 0.45) if style == "ttd" else (left, width)
        lines = wrap(text, pw, size, measure, bold) if text else [""]
        for line in lines:
            if y + size * 1.35 > h - MARGIN - 10:
                pages.append(Page(w, h, kind=kind))
                y = MARGIN
            pages[-1].texts.append(TextBox(Box(x0, y, pw, size * 1.35), [line], size, bold, align))
            y += size * 1.35
        if style in ("teks", "kepala"):
            y += 2
    return pages


def galat_rows(failed: list[Entry], unreadable: list[tuple[str, str]]) -> list[list[str]]:
    rows: list[list[str]] = []
    for e in failed:
        errs = [f for f in e.sop.findings if f.severity == "error"]
        msgs = "; ".join(f"{f.cell or '-'}: {f.message}" for f in errs[:3])
        if len(errs) > 3:
            msgs += f" (+{len(errs) - 3} galat lain)"
        rows.append([str(len(rows) + 1), e.path, e.sop.doc.sheet, e.sop.doc.nama or "-", msgs])
    for path, message in unreadable:
        rows.append([str(len(rows) + 1), path, "-", "-", message])
    return rows


def layout_book(entries: list[Entry], unreadable: list[tuple[str, str]], info: BookInfo,
                keputusan: list[tuple[str, str]] | None, measure: Measure, kertas: str | None = None,
                lang: str = "id") -> tuple[list[Page], dict[int, int]]:
    """Every page of the book, numbered, and the first page (1-based) of each printed entry."""
    printed = [e for e in entries if e.sop.errors == 0]
    failed = [e for e in entries if e.sop.errors > 0]
    front = [cover(info, measure)]

    def daftar(numbers: list[str]) -> list[Page]:
        rows = [[str(k + 1), e.sop.doc.nomor or "-", e.sop.doc.nama or e.sop.doc.sheet, e.bagian or "-", n]
                for k, (e, n) in enumerate(zip(printed, numbers))]
        return table_pages("DAFTAR SOP", ["No", "Nomor SOP", "Nama SOP", "Bagian", "Halaman"],
                           [0.05, 0.22, 0.43, 0.22, 0.08], rows, info.paper, measure, "daftar")

    n_daftar = len(daftar(["999"] * len(printed)))
    middle: list[Page] = []
    if failed or unreadable:
        middle += table_pages(
            "SOP YANG TIDAK DICETAK", ["No", "Berkas", "Lembar", "Nama SOP", "Galat"],
            [0.05, 0.25, 0.12, 0.2, 0.38], galat_rows(failed, unreadable), info.paper, measure, "galat",
            intro="SOP berikut masih memuat galat (atau berkasnya tidak dapat dibaca) sehingga tidak "
                  "dicetak dalam buku ini. Perbaiki dengan bantuan 'sopxl validate', lalu cetak ulang.")
    if keputusan:
        middle += text_pages(keputusan, info.paper, measure, "keputusan")
    body: list[Page] = []
    starts: dict[int, int] = {}
    first = len(front) + n_daftar + len(middle) + 1
    for k, e in enumerate(printed):
        starts[k] = first + len(body)
        pages = sop_pages(e, kertas or e.paper, measure)
        for p in pages:
            p.sop = k
        body += pages
    lists = daftar([str(starts[k]) for k in range(len(printed))])
    pages = front + lists + middle + body
    number(pages, lang)
    return pages, starts
