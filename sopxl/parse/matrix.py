"""Read the procedure matrix: sections, repeated headers, steps, markers, waktu.

Walks the sheet top to bottom once. A header repeated at a printed page break continues
the section it repeats; a title row ("A. PERENCANAAN", "B. PELAKSANAAN …") or a header
with other roles starts a new section. Column-number rows and blank rows are passed over.
"""
from __future__ import annotations

import re
from typing import Optional

from ..a1 import cells_in_row, rowcol_to_cell
from ..findings import Hit, declare
from ..grid import Grid, value_to_text
from ..model import Marker, Section, Step, Text
from .branches import branches_from_columns, branches_from_text
from .header import UNLABELLED, Header, find_header, header_rows, is_number_row
from .numbers import step_number
from .table_end import Ignored, check_total, end_kind, has_symbol, row_texts, start_block
from .text import tidy
from .text_actors import TEXT_ACTORS, add_roles, branch_row
from .text_actors import markers as text_markers
from .vocab import MEMO_MAX, Vocab
from .waktu_text import DAY_PROMISE, FROM_PROSE, days_promised, figure_in_prose, for_reading, with_column_unit

# The header parser is the one that sees a role column's empty header cell.
declare(__name__, "pelaksana-tanpa-nama")

# Upper case only: "a. memahami …" in a box is a list item, "A. PERENCANAAN" a section.
_TITLE = re.compile(r"^\s*(?:[A-H]|[IVX]{1,4})\s*[.)]\s+\S")
_TITLE_WORDS = re.compile(r"^\s*(?:tahap|bagian|sub\s*prosedur|prosedur)\b", re.I)
# "A", "B.", "C)", "II." alone in the No column, the section's name in Kegiatan beside it.
_SECTION_LETTER = re.compile(r"^\s*([A-Z]|[IVX]{1,4})\s*[.)]?\s*$")
# A printed page's number repeated in the sheet: "2", "- 3 -", "Hal. 2", "Halaman 2 dari 3".
_PAGE = re.compile(r"^\s*(?:(?:hal(?:aman)?\.?\s*)?\d{1,3}(?:\s*(?:dari|/)\s*\d{1,3})?"
                   r"|[-–—]\s*\d{1,3}\s*[-–—])\s*$", re.I)
# "1. Menerima surat", "2) Memeriksa", "3 Mengirim": a step number typed before the kegiatan.
_LEADING_NUMBER = re.compile(r"^\s*(\d{1,3})(?:\s*[.)]\s*|\s+)(\D.*)$", re.S)


def is_section_title(text: str) -> bool:
    """"A. PERENCANAAN", "Tahap Pelaksanaan": a section of the SOP, never a new SOP."""
    return bool(_TITLE.match(text) or _TITLE_WORDS.match(text))


def split_number(text: str) -> tuple[str, str]:
    """("1", "Menerima surat") from "1. Menerima surat"; ("", text) when no number leads."""
    m = _LEADING_NUMBER.match(text)
    return (m.group(1), m.group(2).strip()) if m else ("", text)


def _row_texts(grid: Grid, row: int, n_cols: int, limit: int = 0) -> list[tuple[int, str]]:
    """The non-empty texts of a row, left to right; with ``limit``, stop once that many are found."""
    out = []
    for c in grid.cols_in_row(row):
        if c < n_cols:
            t = grid.text(row, c)
            if t:
                out.append((c, t))
                if len(out) == limit:
                    break
    return out


def title_of_row(grid: Grid, row: int, n_cols: int, header: Header | None) -> str | None:
    """The text of a section title row, or None. A title is the only text on its row, or
    a lone upper-case letter in No with the section's name in Kegiatan ("A" | "Penataan
    Arsip"): see ``_lettered_title``."""
    if header is not None and _SECTION_LETTER.match(grid.text(row, header.columns["no"])):
        return _lettered_title(grid, row, n_cols, header)
    texts = _row_texts(grid, row, n_cols, limit=2)  # a second text already rules it out
    if len(texts) != 1:
        return None
    col, text = texts[0]
    if header is not None and col == header.columns["no"] and not _TITLE.match(text):
        return None
    if _TITLE.match(text) or _TITLE_WORDS.match(text):
        return tidy(text)
    return None


def _lettered_title(grid: Grid, row: int, n_cols: int, header: Header) -> str | None:
    """"A. Penataan Arsip" from "A" in No and "Penataan Arsip" in Kegiatan, when the row holds
    nothing else: no marker, waktu, output or drawn symbol, which would make it a step.
    Upper case only, as for "A. PERENCANAAN": a draft's sub-step "a." stays a step."""
    no_col, keg_col = header.columns["no"], header.columns["kegiatan"]
    texts = _row_texts(grid, row, n_cols, limit=3)
    if [c for c, _t in texts] != [no_col, keg_col] or _drawn_on(grid, row):
        return None
    letter = texts[0][1].strip().rstrip(".)").strip()
    return tidy(f"{letter}. {texts[1][1]}")


def parse_matrix(grid: Grid, vocab: Vocab, start_row: int = 0, candidates: set[int] | None = None,
                 found: dict[int, Header | None] | None = None) -> tuple[list[Section], list[Hit]]:
    """The sections and steps from ``start_row`` down; ``found`` holds headers already
    looked for (by row), which are taken as they are rather than read again."""
    n_rows, n_cols = grid.n_rows, grid.n_cols
    known = found or {}
    sections: list[Section] = []
    hits: list[Hit] = []
    current: Section | None = None
    header: Header | None = None
    pending_title: tuple[str, int] | None = None
    if candidates is None:
        candidates = header_rows(grid, vocab)
    ignoring: Ignored | None = None  # rows under the table's end, up to the next header
    counted = 0  # steps read before the last JUMLAH row: the next one may sum only those after
    last_row = -1  # the row of the last step read (or of its last continuation row)
    readings = vocab.remembered("waktu_reading")
    step_cols: StepCols = (0, 0, None, None, None, None)  # ``_step_cols(header)``, set with it
    row = start_row
    while row < n_rows:
        here = None
        if row in candidates:
            here = known[row] if row in known else find_header(grid, row, vocab, n_cols)
        if here is not None:
            repeated = (current is not None and header is not None and pending_title is None
                        and here.signature() == header.signature())
            if not repeated:
                current = _new_section(here, pending_title)
                sections.append(current)
                for cell in here.blank_roles:
                    hits.append(Hit("pelaksana-tanpa-nama", cell))
            if here.actor_col is not None and not any(h.code == TEXT_ACTORS for h in hits):
                hits.append(Hit(TEXT_ACTORS, rowcol_to_cell(here.top, here.actor_col)))
            if here.unlabelled and not any(h.code == UNLABELLED for h in hits):
                hits.append(Hit(UNLABELLED, rowcol_to_cell(here.top, here.columns["kegiatan"])))
            header = here
            step_cols = _step_cols(here)
            pending_title = None
            if ignoring is not None:
                hits.append(ignoring.hit())
                ignoring = None
            row = here.bottom + 1
            continue
        if header is None or current is None:
            title = title_of_row(grid, row, n_cols, None)
            pending_title = (title, row) if title else pending_title
            row += 1
            continue
        # A numbered row with a Kegiatan is a step: neither the "1 2 3" row nor a title. Most
        # rows are steps: all the cells a step reads are read here at once.
        step_texts = grid.texts_in_row(row, step_cols)
        no_text, kegiatan = step_texts[0], step_texts[1]
        if not no_text and not kegiatan and grid.blank_row(row):
            # Nothing to read on the row (no cell, no merge over it): whatever the walk is in
            # the middle of, such a row changes nothing, so none of the tests below is made.
            row += 1
            continue
        if header.number_in_kegiatan:
            no_text, kegiatan = split_number(kegiatan)
        elif header.actor_col is not None and not no_text and kegiatan:
            # No left empty, "1. Menerima berkas …" in Kegiatan (PN Gunungsitoli): with actors
            # as text an unnumbered row is never a step, so the typed number is the step's.
            lead, rest = split_number(kegiatan)
            if lead:
                no_text, kegiatan = lead, rest
        number = step_number(no_text)
        if ignoring is not None:
            if _resumes(grid, row, n_cols, header, vocab, no_text, kegiatan):
                hits.append(ignoring.hit())
                ignoring = None
            else:
                texts = row_texts(grid, row, n_cols)
                if texts:
                    ignoring.extend(row, texts)
                row += 1
                continue
        plain_step = (bool(kegiatan) and not kegiatan.isdigit() and number is not None)
        if not plain_step and (is_number_row(grid, row, n_cols) or _page_number(grid, row, n_cols, header)):
            row += 1
            continue
        if number is None and (current.steps or not has_symbol(grid, row, header, vocab)):
            texts = row_texts(grid, row, n_cols)
            kind = end_kind(texts, vocab)
            if kind is not None and has_symbol(grid, row, header, vocab) and kind != "catatan":
                kind = None  # a symbol makes the row a step unless it opens a legend ("Simbol")
            if kind is not None:
                if kind == "jumlah":
                    total = check_total(grid, row, header, vocab, sections, counted)
                    if total is not None:
                        hits.append(total)
                    counted = sum(len(sec.steps) for sec in sections)
                ignoring = start_block(row, texts, kind)
                row += 1
                continue
        title = None if plain_step else title_of_row(grid, row, n_cols, header)
        if title:
            pending_title = (title, row)
            row += 1
            continue
        if header.actor_col is not None and number is None:
            if current.steps and row == last_row + 1:
                branch = branch_row(grid, row, header.columns["kegiatan"], vocab, current.steps[-1])
                if branch is not None:
                    current.steps[-1].branches.append(branch)
                    last_row = row
                    row += 1
                    continue
            if not no_text and _continues(grid, row, header, current, last_row):
                above = current.steps[-1]
                before = above.branches  # a "↓ YA" row's branch is not in the Keterangan
                _append_row(grid, row, header, vocab, above)
                above.branches += [b for b in before if b not in above.branches]
                last_row = row
            else:
                # Prose between and after the tables ("Persyaratan:", "Waktu Penyelesaian: …",
                # "Sama dengan …"): with actors as text, an unnumbered row is never a step.
                texts = row_texts(grid, row, n_cols)
                if texts:
                    ignoring = start_block(row, texts, end_kind(texts, vocab) or "luar_tabel")
            row += 1
            continue
        if not no_text and _continues(grid, row, header, current, last_row):
            _append_row(grid, row, header, vocab, current.steps[-1])
            last_row = row
            row += 1
            continue
        step = _read_step(grid, row, header, vocab, current, step_cols, no_text, kegiatan,
                          step_texts, hits, readings)
        if step is not None:
            last_row = row
            if header.actor_col is not None:
                add_roles(current, step, header.actor_col)
            if pending_title is not None:
                # A title with no header of its own: the section goes on with the same columns.
                if current.steps or current.title is not None:
                    current = _new_section(header, pending_title)
                    sections.append(current)
                else:
                    current.title = Text(pending_title[0], rowcol_to_cell(pending_title[1], 0))
                pending_title = None
            current.steps.append(step)
        row += 1
    if ignoring is not None:
        hits.append(ignoring.hit())
    return sections, hits


_GOES_ON = ("kegiatan", "kelengkapan", "output", "keterangan")


def _continues(grid: Grid, row: int, h: Header, section: Section, last_row: int) -> bool:
    """A row that only carries on the step above it: right under it, no number, no role cell
    and no waktu of its own, text only in Kegiatan/Kelengkapan/Output/Keterangan (a long
    kegiatan typed over two rows)."""
    if not section.steps or row != last_row + 1 or section.steps[-1].number_value is None:
        return False
    if any(grid.text(row, r.col) for r in h.roles) or _drawn_on(grid, row) or (
            h.actor_col is not None and grid.text(row, h.actor_col)):
        return False
    cols = h.columns
    if "waktu" in cols and grid.text(row, cols["waktu"]):
        return False
    own = {cols[f] for f in _GOES_ON if f in cols}
    texts = [c for c in grid.cols_in_row(row) if grid.text(row, c)]
    return bool(texts) and all(c in own for c in texts) and not any(
        (m := grid.merge_at(row, c)) is not None and m[0] < row for c in texts)


def _drawn_on(grid: Grid, row: int) -> bool:
    """A flowchart symbol drawn over the row: the row is a step of its own."""
    return any(sh.kind in ("terminator", "process", "decision", "offpage") and int(sh.center[0]) == row
               for sh in grid.shapes)


def _append_row(grid: Grid, row: int, h: Header, vocab: Vocab, step: Step) -> None:
    for name in _GOES_ON:
        col = h.columns.get(name)
        if col is None or grid.raw(row, col) is None:
            continue  # only what this row itself holds, never a merged cell's text again
        text = tidy(value_to_text(grid.raw(row, col)))
        old: Text = getattr(step, name)
        cell = old.cell if old and old.cell else rowcol_to_cell(row, col)
        setattr(step, name, Text(f"{old.value} {text}".strip(), cell))
    step.branches = branches_from_text(step.keterangan, vocab) + branches_from_columns(
        grid, step.row, h.branch_columns)


def _page_number(grid: Grid, row: int, n_cols: int, h: Header) -> bool:
    """The row holds only a page number, outside the No column ("2" over a role column)."""
    texts = _row_texts(grid, row, n_cols, limit=2)
    if len(texts) != 1:
        return False
    col, text = texts[0]
    if col == h.columns["no"] and text.strip().isdigit():
        return False  # a bare number under No is a step still to be written
    return bool(_PAGE.match(text))


def _resumes(grid: Grid, row: int, n_cols: int, h: Header, vocab: Vocab, no_text: str,
             kegiatan: str) -> bool:
    """After a subtotal ("Jumlah A"), the table goes on: a section title, or a numbered step
    with a symbol the vocabulary knows, ends the passed-over rows."""
    if title_of_row(grid, row, n_cols, h):
        return True
    return bool(kegiatan) and step_number(no_text) is not None and has_symbol(grid, row, h, vocab)


def _new_section(h: Header, title: tuple[str, int] | None) -> Section:
    t = None
    if title is not None:
        t = Text(title[0], rowcol_to_cell(title[1], h.columns["no"]))
    return Section(title=t, header_row=h.top, roles=list(h.roles), columns=dict(h.columns),
                   branch_columns=dict(h.branch_columns), waktu_unit=h.waktu_unit,
                   waktu_unit_col=h.waktu_unit_col, unknown_columns=dict(h.unknown))


# No, Kegiatan, Kelengkapan, Output, Keterangan, Waktu: the columns a step is read from.
StepCols = tuple[int, int, Optional[int], Optional[int], Optional[int], Optional[int]]


def _step_cols(h: Header) -> StepCols:
    """The columns a step is read from, in ``_read_step``'s order: No, Kegiatan, Kelengkapan,
    Output, Keterangan, Waktu (None for one the header lacks)."""
    cols = h.columns
    return (cols["no"], cols["kegiatan"], cols.get("kelengkapan"), cols.get("output"),
            cols.get("keterangan"), cols.get("waktu"))


def _read_step(grid: Grid, row: int, h: Header, vocab: Vocab, section: Section,
               step_cols: StepCols, no_text: str, kegiatan_text: str, texts: list[str],
               hits: list[Hit], readings: dict) -> Step | None:
    """The step on ``row`` (None when the row holds none). ``step_cols``: ``_step_cols(h)``;
    ``texts``: the row's texts in those columns, already read by the caller, who also split
    ``no_text`` and ``kegiatan_text`` off the two first; ``readings``: the vocabulary's
    remembered waktu readings (``_read_waktu``)."""
    no_col = step_cols[0]
    # Most step rows have no merged range on them: then no merge is looked for cell by cell.
    merged = grid.merged_on(row)
    merge = grid.merge_at(row, no_col) if merged else None
    if merge is not None and merge[0] < row and section.steps and section.steps[-1].row >= merge[0]:
        # The step's "No" cell reaches down over this row: the same step, on two rows.
        section.steps[-1].markers.extend(_markers(grid, row, h, vocab))
        return None
    _no, _kegiatan, kelengkapan_text, output_text, keterangan_text, waktu_text = texts
    names = cells_in_row(row, step_cols)
    number = Text(tidy(no_text), names[0])
    kegiatan = Text(tidy(kegiatan_text), names[1])
    markers = _markers(grid, row, h, vocab, merged) if h.actor_col is None else \
        text_markers(grid, row, h.actor_col, kegiatan_text)
    # Tidied texts have no outer blanks: an empty value is an empty Text.
    if not number.value and not kegiatan.value and not markers:
        return None
    # Built in one go: a Step made bare and then filled would first make default Texts. A
    # column the header lacks gives Text("", None), as ``Step``'s own default.
    kelengkapan = Text(tidy(kelengkapan_text) if kelengkapan_text else "", names[2])
    output = Text(tidy(output_text) if output_text else "", names[3])
    keterangan = Text(tidy(keterangan_text) if keterangan_text else "", names[4])
    waktu = Text(tidy(waktu_text) if waktu_text else "", names[5])
    branches = branches_from_text(keterangan, vocab) if keterangan.value else []
    if h.branch_columns:
        branches += branches_from_columns(grid, row, h.branch_columns)
    # In Step's field order, by position (a keyword call costs more, some 20 steps a sheet).
    step = Step(row, number, kegiatan, markers, kelengkapan, waktu, output, keterangan, branches)
    waktu_col = step_cols[5]
    if waktu_col is not None:
        _read_waktu(grid, row, waktu_col, h, vocab, step, section, hits, readings, merged)
    return step


def _markers(grid: Grid, row: int, h: Header, vocab: Vocab, merged: bool = True) -> list[Marker]:
    """The markers typed on ``row``, one per role cell that holds one, in role order;
    ``merged``: False when no merged range is on the row (``Grid.merged_on``), so each cell
    shows its own value."""
    out: list[Marker] = []
    values = grid.values
    for role in h.roles:
        v = values.get((row, role.col))
        if v is None:
            continue
        # As grid.text reads it: a cell that no merge covers shows its own value.
        text = grid.text(row, role.col) if merged else v.strip() if type(v) is str else value_to_text(v)
        kind = vocab.marker_kind(text)
        if kind == "arrow":
            continue
        out.append(Marker(role.name, kind, tidy(text), rowcol_to_cell(row, role.col)))
    return out


def _read_waktu(grid: Grid, row: int, col: int, h: Header, vocab: Vocab, step: Step,
                section: Section, hits: list[Hit], memo: dict, merged: bool = True) -> None:
    """The minutes of the step's waktu (its Text already read from ``col``); ``merged`` as
    for ``_markers``."""
    merge = grid.merge_at(row, col) if merged else None
    if merge is not None and merge[0] < row and any(s.row >= merge[0] for s in section.steps):
        # One waktu cell merged over several steps is counted once, at the first of them.
        step.waktu_shared = True
        step.waktu = Text(step.waktu.value, rowcol_to_cell(merge[0], merge[1]))
        return
    raw = grid.values.get((row, col) if merge is None else (merge[0], merge[1]))  # grid.get
    if h.waktu_unit_col is not None:
        # "15 | Menit" in two cells: read as the one text "15 Menit", shown from the number's cell.
        unit = tidy(grid.text(row, h.waktu_unit_col))
        if unit and step.waktu:
            step.waktu = Text(f"{step.waktu.value} {unit}", step.waktu.cell)
            raw = None
    unit_name = section.waktu_unit
    read_as = with_column_unit(step.waktu.value, unit_name)  # the text the minutes come from
    numeric = isinstance(raw, (int, float))
    # The same few dozen waktu of a batch again and again: what a waktu reads as (and the days it
    # promises) is remembered; a waktu found inside prose is worked out each time (its finding).
    key = (type(raw), raw, unit_name) if numeric else (str, read_as, unit_name)
    known = memo.get(key)
    if known is not None:
        reading, promised = known
    else:
        reading = vocab.durations.read(raw if numeric else for_reading(read_as), unit_name)
        in_prose = reading.problem == "tidak-terbaca"
        if in_prose:
            # "Pada hari kerja … maksimal 30 menit": one figure with its unit inside a sentence.
            figure = figure_in_prose(step.waktu.value, vocab)
            if figure is not None:
                reading = vocab.durations.read(for_reading(figure), unit_name)
                if reading.minutes is not None:
                    hits.append(Hit(FROM_PROSE, step.waktu.cell, {
                        "nomor": step.number.value or "?", "bacaan": figure,
                        "teks": step.waktu.value[:80]}))
                    read_as = figure
        promised = days_promised(read_as) if reading.minutes is not None and read_as else None
        if not in_prose and len(memo) < MEMO_MAX:
            memo[key] = (reading, promised)
    if promised is not None:
        # "2 x 24 jam" counted as two working days: a choice the user should be able to see.
        hits.append(Hit(DAY_PROMISE, step.waktu.cell, {
            "nomor": step.number.value or "?", "teks": step.waktu.value[:80], **promised}))
    step.minutes = reading.minutes
    step.waktu_problem = reading.problem
