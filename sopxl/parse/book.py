"""A whole workbook's sheets to SOP documents, pairing cover sheets with their matrices.

Some offices put the identity block on a cover sheet ("Identitas") and the procedure matrix
on the sheet after it. A matrix sheet with no identity labels of its own takes the identity
of the cover sheet that names it (its Nama SOP written on the matrix sheet, or in the sheet's
name), or else, when the covers were typed first and then as many matrices, the cover in
the same place of its run, or else the nearest cover sheet before it. The borrowed identity keeps its cells on
the cover sheet: ``relocate`` moves the identity findings there, so the Status sheet links
them to the right sheet.
"""
from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..a1 import cell_to_rowcol, rowcol_to_cell
from ..findings import Hit, catalogue, declare
from ..grid import Grid
from ..model import Finding, SopDocument, Step
from . import IDENTITY_ONLY, OWN_SHEET, OWN_SHEETS, parse_sheet
from .header import Header
from .identity import read_identity
from .stacked import label_rows, split_stacked
from .text import key
from .vocab import Vocab

PAIRED, UNPAIRED, CONTINUED, TITLE_DIFFERS = declare(
    __name__, "identitas-lembar-lain", "identitas-tanpa-tabel", "tabel-lanjutan-lembar",
    "nama-sop-beda-judul")
CONTINUATION = "lanjutan-sop"  # the sheet only carries on the table of the SOP before it
_A1 = re.compile(r"^[A-Z]{1,3}[0-9]+$")


@dataclass
class SheetReading:
    grid: Grid
    doc: SopDocument | None
    hits: list[Hit]
    skip: str | None


def parse_book(grids: Iterable[Grid], vocab: Vocab) -> list[SheetReading]:
    readings = []
    for grid in grids:
        if grid.name.strip().lower() in OWN_SHEETS:
            # sopxl's own sheets (Pengaturan in every workbook) are never SOPs: no label search.
            readings.append(SheetReading(grid, None, [], OWN_SHEET))
            continue
        candidates, identity = label_rows(grid, vocab)
        found: dict[int, Header | None] = {}  # headers split_stacked placed, for a sheet left whole
        bands = split_stacked(grid, vocab, candidates, found, identity)  # several SOPs on one sheet
        whole = len(bands) == 1
        for band, stacked in bands:
            reading = SheetReading(band, *parse_sheet(band, vocab, candidates if whole else None,
                                                      found if whole else None))
            if stacked is not None and reading.doc is not None:
                reading.hits.append(stacked)
                reading.doc.origin = stacked.cell
            readings.append(reading)
    _join_continuations(readings)
    covers = [i for i, r in enumerate(readings) if r.skip == IDENTITY_ONLY]
    if not covers:
        return readings
    identities = {i: read_identity(readings[i].grid, vocab, readings[i].grid.n_rows) for i in covers}
    used: set[int] = set()
    for i, reading in enumerate(readings):
        doc = reading.doc
        if doc is None or _has_identity(doc):
            continue
        cover = _by_name(reading.grid, doc, covers, identities, used)
        if cover is None:
            cover = _in_step(i, readings, covers, used)
        for fallback in (used, set()):  # the nearest free cover before it, else any before it
            if cover is None:
                cover = _before(i, covers, fallback)
        if cover is None:
            continue
        used.add(cover)
        doc.identity, doc.boxes = identities[cover]
        doc.identity_sheet = readings[cover].grid.name
        # The finding points at the table that took the identity: a cell the user can click.
        first = doc.sections[0] if doc.sections else None
        cell = None
        if first is not None and first.columns:
            cell = rowcol_to_cell(first.header_row, min(first.columns.values()))
        reading.hits.append(Hit(PAIRED, cell, {"lembar": doc.identity_sheet}))
        differs = _title_differs(reading.grid, doc, readings[cover].grid.name)
        if differs is not None:
            reading.hits.append(differs)
    for i in covers:
        if i not in used:
            nama = identities[i][0]["nama"]
            readings[i].hits.append(Hit(UNPAIRED, nama.cell, {"nama": nama.value}))
    return readings


def _join_continuations(readings: list[SheetReading]) -> None:
    """A matrix sheet with no identity whose steps go on numbering the SOP before it ("Hal. 2"
    on its own sheet) is that SOP's next page: its steps join that SOP."""
    before: SheetReading | None = None
    for reading in readings:
        doc = reading.doc
        if doc is None:
            continue
        if before is not None and before.doc is not None and _goes_on(before.doc, doc):
            first, last = _numbers(doc)[0], _numbers(doc)[-1]
            _append(before.doc, doc)
            reading.doc, reading.skip = None, CONTINUATION
            reading.hits.append(Hit(CONTINUED, doc.steps[0].number.cell, {
                "lembar": before.doc.sheet, "dari": first, "sampai": last}))
            continue
        before = reading


def _numbers(doc: SopDocument) -> list[int]:
    return [n for n in (s.number_value for s in doc.steps) if n is not None]


def _goes_on(a: SopDocument, b: SopDocument) -> bool:
    if _has_identity(b) or b.nama:
        return False  # nearly every sheet: its own SOP, no need to read its numbers
    numbers_a, numbers_b = _numbers(a), _numbers(b)
    if not numbers_a or not numbers_b:
        return False
    roles_a = {key(r) for r in a.roles}
    return numbers_b[0] == numbers_a[-1] + 1 and {key(r) for r in b.roles} <= roles_a


def _append(a: SopDocument, b: SopDocument) -> None:
    offset = len(a.steps)
    for step in b.steps:
        step.sheet = b.sheet
        step.next_steps = [j + offset for j in step.next_steps]
    last = a.sections[-1]
    for sec in b.sections:
        if sec.title is None and [key(r.name) for r in sec.roles] == [key(r.name) for r in last.roles]:
            last.steps.extend(sec.steps)  # the same table on the next page
        else:
            a.sections.append(sec)
            last = sec


def _has_identity(doc: SopDocument) -> bool:
    """The sheet has an identity block of its own: two labelled fields or more (a lone
    "Nama SOP" over the table is a title, the block is elsewhere)."""
    labelled = 0
    for name, t in doc.identity.items():
        if t.cell and name != "instansi":
            labelled += 1
            if labelled == 2:
                return True  # asked of every sheet: stop at the second
    return False


def _by_name(grid: Grid, doc: SopDocument, covers: list[int], identities: dict, used: set[int]) -> int | None:
    """The cover whose Nama SOP the matrix sheet writes above its table or in its name."""
    top = doc.sections[0].header_row if doc.sections else grid.n_rows
    written = [key(grid.name)] + [key(str(v)) for (r, _c), v in grid.values.items()
                                  if r < top and isinstance(v, str)]
    for i in covers:
        nama = key(identities[i][0]["nama"].value)
        if i not in used and len(nama) >= 5 and any(nama in w for w in written):
            return i
    return None


def _title_differs(grid: Grid, doc: SopDocument, cover_sheet: str) -> Hit | None:
    """The matrix's own title above its table does not contain the cover's Nama SOP: the
    pairing may be wrong, so a coordinator is told where both are written."""
    nama = doc.identity.get("nama")
    if nama is None or len(key(nama.value)) < 5:
        return None
    top = doc.sections[0].header_row if doc.sections else grid.n_rows
    titles = sorted(((r, c), v) for (r, c), v in grid.values.items()
                    if r < top and isinstance(v, str) and len(key(v)) >= 5)
    if not titles or any(key(nama.value) in key(v) for _, v in titles):
        return None
    (r, c), title = max(titles, key=lambda t: len(key(t[1])))
    return Hit(TITLE_DIFFERS, rowcol_to_cell(r, c), {
        "nama": nama.value, "lembar": cover_sheet, "sel_nama": nama.cell or "", "judul": title.strip()})


def _in_step(index: int, readings: list[SheetReading], covers: list[int], used: set[int]) -> int | None:
    """Covers typed first, then as many matrices (cover, cover, matrix, matrix): the j-th
    matrix of the run takes the j-th cover of the run just before it, not the nearest one."""
    def bare(j: int) -> bool:
        doc = readings[j].doc
        return doc is not None and not _has_identity(doc)

    first = index
    while first > 0 and bare(first - 1):
        first -= 1
    last = index
    while last + 1 < len(readings) and bare(last + 1):
        last += 1
    run = [j for j in covers if j < first and all(k in covers for k in range(j, first))]
    if len(run) != last - first + 1 or len(run) < 2:
        return None
    cover = run[index - first]
    return None if cover in used else cover


def _before(index: int, covers: list[int], used: set[int]) -> int | None:
    before = [i for i in covers if i < index and i not in used]
    return before[-1] if before else None


# Excel's last row: a row past it can only be a step of a next-page sheet moved out of the way.
PAGE_ROWS = 1_048_576


def pages_apart(doc: SopDocument) -> SopDocument:
    """The document for the rules: a copy in which the steps (and sections) of the k-th
    next-page sheet sit k * PAGE_ROWS rows lower, so every cell a rule names is one sheet's
    only, even where two sheets use the same addresses. ``on_pages`` moves them back."""
    pages = _pages(doc)
    if not pages:
        return doc
    out = copy.deepcopy(doc)
    for sec in out.sections:
        sheets = {step.sheet for step in sec.steps}
        whole = sheets.pop() if len(sheets) == 1 else None  # a section only on a next page
        if whole is not None:
            shift = pages[whole] * PAGE_ROWS
            sec.header_row += shift
            for role in sec.roles:
                role.cell = _moved(role.cell, shift) or role.cell
            if sec.title is not None:
                sec.title.cell = _moved(sec.title.cell, shift)
            for label in sec.unknown_columns.values():
                label.cell = _moved(label.cell, shift)
        for step in sec.steps:
            if step.sheet is not None:
                _shift_step(step, pages[step.sheet] * PAGE_ROWS)
    return out


def on_pages(hits: list[Hit], doc: SopDocument) -> list[tuple[str, list[Hit]]]:
    """The rules' hits on a ``pages_apart`` document, back at their own sheets and cells:
    (sheet, hits) for the document's sheet, then each next-page sheet that has some."""
    pages = _pages(doc)
    if not pages:
        return [(doc.sheet, list(hits))]  # one sheet: every hit is already where it belongs
    names = {k: name for name, k in pages.items()}
    out: dict[str, list[Hit]] = {doc.sheet: []}
    for h in hits:
        k, cell = _unmoved(h.cell)
        if pages:
            params = {n: _unmoved(v)[1] if isinstance(v, str) else v for n, v in h.params.items()}
            h = dataclasses.replace(h, cell=cell, params=params)
        out.setdefault(names.get(k, doc.sheet), []).append(h)
    return list(out.items())


def _pages(doc: SopDocument) -> dict[str, int]:
    """Each next-page sheet of the document -> 1, 2, … in the order of its steps."""
    pages: dict[str, int] = {}
    for step in doc.steps:
        if step.sheet is not None and step.sheet not in pages:
            pages[step.sheet] = len(pages) + 1
    return pages


def _shift_step(step: Step, shift: int) -> None:
    step.row += shift
    for t in (step.number, step.kegiatan, step.kelengkapan, step.waktu, step.output, step.keterangan):
        t.cell = _moved(t.cell, shift)
    for m in step.markers:
        m.cell = _moved(m.cell, shift) or m.cell
    for b in step.branches:
        b.cell = _moved(b.cell, shift) or b.cell


def _moved(cell: str | None, shift: int) -> str | None:
    if not cell or not _A1.match(cell):
        return cell
    r, c = cell_to_rowcol(cell)
    return rowcol_to_cell(r + shift, c)


def _unmoved(cell: str | None) -> tuple[int, str | None]:
    """(page, the cell on that page) of a cell ``pages_apart`` may have moved; page 0 is the
    document's own sheet."""
    if not cell or not _A1.match(cell):
        return 0, cell
    r, c = cell_to_rowcol(cell)
    return r // PAGE_ROWS, rowcol_to_cell(r % PAGE_ROWS, c)


def relocate(findings: list[Finding], doc: SopDocument) -> list[Finding]:
    """Identity findings of a borrowed identity name the cover sheet (and its cells)."""
    if doc.identity_sheet is None:
        return findings
    cat = catalogue()
    return [dataclasses.replace(f, sheet=doc.identity_sheet) if cat[f.code]["area"] == "identitas" else f
            for f in findings]
