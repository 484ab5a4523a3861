"""Print SOPs: one PDF per SOP (``sopxl pdf``) and the compiled Buku SOP (``sopxl buku``).

Rooms of this package::

    source.py    which SOPs, read through sopxl.validate, in the register's order; their paper
    page.py      a page as data (boxes, text, symbols, arrows) and text wrapping
    identity.py  the identity page             flow.py   the procedure table and its flowchart
    route.py     arrows clear of every symbol  book.py   cover, Daftar SOP, Keputusan, numbering
    render.py    the only module importing reportlab: fonts, widths, drawing the pages

Nothing is drawn by LibreOffice or Excel; the fonts are shipped in ``fonts/``.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..config import Config
from .book import BookInfo, layout_book, number, sop_pages
from .source import Collected, Entry, collect

__all__ = ["print_sops", "print_book", "Printed", "BookResult", "collect", "default_info"]

TITLE = "STANDAR OPERASIONAL PROSEDUR ADMINISTRASI PEMERINTAHAN (SOP AP)"


@dataclass
class Printed:
    entry: Entry
    path: str
    pages: int
    paper: str


@dataclass
class BookResult:
    path: str
    pages: int
    printed: list[Entry]
    failed: list[Entry]
    unreadable: list[tuple[str, str]]
    starts: dict[int, int]


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name, flags=re.UNICODE).strip("_") or "SOP"


def print_sops(paths: list[str], cfg: Config, out: str | None = None, kertas: str | None = None,
               mapped: Callable[[str], str | None] | None = None) -> tuple[list[Printed], Collected]:
    """One PDF per SOP of the workbooks, beside each workbook or in ``out``; each page names
    the SOP's Bagian (``mapped``: the ``--map`` file's answer, as in ``collect``)."""
    from .render import measure, write_pdf

    found = collect(paths, cfg, mapped)
    done = []
    for e in found.entries:
        folder = out or os.path.dirname(os.path.abspath(e.path))
        paper = kertas or e.paper
        pages = sop_pages(e, paper, measure)
        number(pages, cfg.lang)
        target = os.path.join(folder, f"{_safe(Path(e.path).stem)}_{_safe(e.sop.doc.sheet)}.pdf")
        write_pdf(pages, target, title=e.sop.doc.nama or e.sop.doc.sheet)
        done.append(Printed(e, target, len(pages), paper))
    return done, found


def default_info(found: Collected, kertas: str | None, instansi: str | None = None,
                 tahun: str | None = None, title: str | None = None) -> BookInfo:
    """The cover's text: the instansi the SOPs share (the first one's), this year, A4 unless F4
    is what most SOPs are set up for."""
    entries = found.entries
    # The first SOP that names it, one fit to print first: the first SOP of the register may be
    # an empty template sheet or have no kop, which left "[INSTANSI]" on the cover.
    named = [e.instansi for e in sorted(entries, key=lambda e: e.sop.errors > 0) if e.instansi]
    inst = instansi if instansi is not None else (named[0] if named else "")
    papers = [e.paper for e in entries]
    paper = kertas or ("F4" if papers and papers.count("F4") > len(papers) / 2 else "A4")
    return BookInfo(title or TITLE, inst, tahun or str(date.today().year), paper)


def print_book(found: Collected, out: str, info: BookInfo, keputusan: list[tuple[str, str]] | None = None,
               kertas: str | None = None, lang: str = "id") -> BookResult:
    """The Buku SOP of the SOPs ``collect`` found, written to ``out``."""
    from .render import measure, write_pdf

    pages, starts = layout_book(found.entries, found.unreadable, info, keputusan, measure, kertas, lang)
    write_pdf(pages, out, title=info.title)
    printed = [e for e in found.entries if e.sop.errors == 0]
    failed = [e for e in found.entries if e.sop.errors > 0]
    return BookResult(out, len(pages), printed, failed, found.unreadable, starts)
