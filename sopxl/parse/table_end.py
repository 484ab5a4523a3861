"""Where a procedure table ends: the rows under the last step that are not steps.

Offices close the table with a JUMLAH/TOTAL row, a signature block ("Mengetahui",
"Kepala …", "NIP."), notes ("Keterangan:", "Catatan:") or a legend of the symbols. None of
these is a step: a row is one of them when it has no step number, no known symbol in any
role cell, and its first text starts with a word from ``labels.json``'s ``table_end``; from
there on everything up to the next header is passed over. Unnumbered rows without a symbol
left at the end of a numbered section are passed over too. Every passed-over block becomes
an ``info`` finding naming its cells, so a wrong guess shows; a JUMLAH figure that differs
from the steps' own total is a warning.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..a1 import rowcol_to_cell
from ..durations import add
from ..findings import Hit, declare
from ..grid import Grid
from ..model import Section, Span, Step
from .header import Header
from .text import tidy, words
from .vocab import Vocab
from .waktu_text import for_reading

IGNORED, TOTAL_DIFFERS, UNCHECKED = declare(__name__, "baris-akhir-diabaikan", "jumlah-waktu-berbeda",
                                           "jumlah-tidak-diperiksa")

# What a user reads in the finding for each kind of end row (Indonesian; codes carry English).
_REASONS = {"jumlah": "baris jumlah", "tanda_tangan": "blok tanda tangan", "catatan": "catatan/legenda",
            "tanpa_langkah": "baris sesudah langkah terakhir yang tidak berbentuk langkah",
            "luar_tabel": "teks tanpa nomor di antara atau sesudah tabel prosedur"}
_REASONS_EN = {"jumlah": "a total row", "tanda_tangan": "a signature block", "catatan": "notes/legend",
               "tanpa_langkah": "a row after the last step that is not shaped like a step",
               "luar_tabel": "unnumbered text between or after the procedure tables"}
_KNOWN_SYMBOLS = ("terminator", "process", "decision", "offpage", "generic")


def row_texts(grid: Grid, row: int, n_cols: int) -> list[tuple[int, str]]:
    return [(c, t) for c in grid.cols_in_row(row) if c < n_cols and (t := grid.text(row, c))]


def has_symbol(grid: Grid, row: int, h: Header, vocab: Vocab) -> bool:
    """A role cell on the row holds a symbol the vocabulary knows (so the row is a step)."""
    for role in h.roles:
        t = grid.text(row, role.col)
        if t and grid.raw(row, role.col) is not None and vocab.marker_kind(t) in _KNOWN_SYMBOLS:
            return True
    return False


def end_kind(texts: list[tuple[int, str]], vocab: Vocab) -> str | None:
    """"jumlah", "tanda_tangan" or "catatan" when the row's first text opens like one."""
    if not texts or vocab.table_end is None:
        return None
    ws = words(texts[0][1])
    for n in (3, 2, 1):  # longest first: "Jumlah Waktu" before "Jumlah"
        if len(ws) >= n:
            kind = vocab.table_end.find(" ".join(ws[:n]))
            if kind:
                return kind
    return None


@dataclass
class Ignored:
    """A block of rows passed over, as one finding."""

    first: int
    last: int
    left: int
    right: int
    kind: str
    text: str

    def extend(self, row: int, texts: list[tuple[int, str]]) -> None:
        self.last = row
        self.left = min(self.left, texts[0][0])
        self.right = max(self.right, texts[-1][0])

    def hit(self) -> Hit:
        cells = rowcol_to_cell(self.first, self.left)
        if (self.last, self.right) != (self.first, self.left):
            cells += ":" + rowcol_to_cell(self.last, self.right)
        return Hit(IGNORED, rowcol_to_cell(self.first, self.left),
                   {"sel": cells, "alasan": {"id": _REASONS[self.kind], "en": _REASONS_EN[self.kind]},
                    "teks": self.text[:60]})


def start_block(row: int, texts: list[tuple[int, str]], kind: str) -> Ignored:
    return Ignored(row, row, texts[0][0], texts[-1][0], kind, tidy(" ".join(t for _, t in texts)))


def check_total(grid: Grid, row: int, h: Header, vocab: Vocab, sections: list[Section],
                counted: int = 0) -> Hit | None:
    """A JUMLAH row's figure against the steps' own total. It may sum the whole table, its
    section, or the steps since the previous JUMLAH row (``counted`` steps came before it):
    any of these agreeing is no finding."""
    col = h.columns.get("waktu")
    if col is None:
        return None
    written = grid.text(row, col)
    if h.waktu_unit_col is not None and written:
        written = f"{written} {grid.text(row, h.waktu_unit_col)}".strip()
    if not written:
        # Empty as read: no figure, or a formula no program ever calculated (the file was
        # written by a tool and never opened in Excel) — say the total went unchecked.
        return Hit(UNCHECKED, rowcol_to_cell(row, col), {"sel": rowcol_to_cell(row, col)})
    raw = grid.get(row, col)
    unit = sections[-1].waktu_unit if sections else None
    reading = vocab.durations.read(raw if isinstance(raw, (int, float)) and h.waktu_unit_col is None
                                   else for_reading(written), unit)
    steps: list[Step] = [s for sec in sections for s in sec.steps]
    if reading.minutes is None or any(s.minutes is None and not s.waktu_shared and s.waktu for s in steps):
        return None  # our own total is partial: a difference would say nothing
    sums = [_sum(steps), _sum(sections[-1].steps) if sections else None, _sum(steps[counted:])]
    lo, hi = reading.minutes
    if any(t is not None and t[0] - 0.5 <= lo and hi <= t[1] + 0.5 for t in sums):
        return None
    ours = sums[0]
    if ours is None:
        return None
    shown = f"{ours[0]:g}" if ours[0] == ours[1] else f"{ours[0]:g}–{ours[1]:g}"
    return Hit(TOTAL_DIFFERS, rowcol_to_cell(row, col), {"tertulis": tidy(written), "hitungan": shown})


def _sum(steps: list[Step]) -> Span | None:
    total: Span | None = None
    for s in steps:
        total = add(total, s.minutes)
    return total


def pass_over_trailing(grid: Grid, sections: list[Section], vocab: Vocab) -> list[Hit]:
    """Take unnumbered rows with no symbol off each section's end (after drawn shapes gave
    their steps markers), one finding per run of adjacent rows."""
    out: list[Hit] = []
    for sec in sections:
        block: Ignored | None = None
        for step in trailing_unnumbered(sec, vocab):
            texts = row_texts(grid, step.row, grid.n_cols)
            if not texts:
                continue
            if block is not None and step.row > block.last + 2:
                out.append(block.hit())
                block = None
            if block is None:
                block = start_block(step.row, texts, "tanpa_langkah")
            else:
                block.extend(step.row, texts)
        if block is not None:
            out.append(block.hit())
    return out


def _legend(step: Step, vocab: Vocab) -> bool:
    """A symbol with no number, no mutu baku and no kegiatan but a symbol's own name or glyph:
    a row of the symbol legend ("Mulai | Mulai/Selesai", "⬭ | Mulai/Selesai"), not a step."""
    kegiatan = step.kegiatan.value
    return not (step.kelengkapan.value or step.waktu.value or step.output.value) and (
        not kegiatan or vocab.marker_kind(kegiatan) in _KNOWN_SYMBOLS)


def _unnumbered(step: Step, vocab: Vocab) -> bool:
    return step.number_value is None and (
        all(m.symbol == "unknown" for m in step.markers) or _legend(step, vocab))


def _numbered_note(step: Step, before: list[Step]) -> bool:
    """"1 | Waktu dalam menit" under the last step: a number that starts over (not above every
    step number before it), no symbol and no mutu baku — a numbered note, not a step."""
    n = step.number_value
    if n is None or step.markers or step.kelengkapan.value or step.waktu.value or step.output.value:
        return False  # the step's own cells decide first: the numbers above are read only then
    numbers = [s.number_value for s in before if s.number_value is not None]
    return bool(numbers) and n <= max(numbers)


def trailing_unnumbered(section: Section, vocab: Vocab) -> list[Step]:
    """Steps at the end of a numbered section with no step number (an empty or a text No cell)
    and no known symbol, or numbered over again with neither symbol nor mutu baku: a
    signature or note the vocabulary did not name. Removed from the section and returned."""
    steps = section.steps
    if not any(s.number_value is not None for s in steps):
        return []
    cut = len(steps)
    while cut > 0 and (_unnumbered(steps[cut - 1], vocab) or _numbered_note(steps[cut - 1], steps[:cut - 1])):
        cut -= 1
    out = steps[cut:]
    del steps[cut:]
    return out
