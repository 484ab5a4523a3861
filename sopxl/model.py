"""The SOP AP document as sopxl understands it, and the result of checking it.

Every value read from a sheet keeps the A1 cell it came from, so a finding can point
the user at the exact cell. Nothing here knows about Excel files.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

# The identity block in the regulation's order, then the six text boxes under it.
IDENTITY_FIELDS = (
    "instansi", "nomor", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif",
    "disahkan_oleh", "nama",
)
BOX_FIELDS = (
    "dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan_perlengkapan",
    "peringatan", "pencatatan_pendataan",
)
# Matrix columns besides the roles; "no" and "kegiatan" are what makes a header a header.
MATRIX_COLUMNS = ("no", "kegiatan", "kelengkapan", "waktu", "output", "keterangan")
SYMBOLS = ("terminator", "process", "decision", "offpage", "unknown")

Span = tuple[float, float]  # minutes, (min, max); equal when the waktu is not a range


@dataclass
class Text:
    """A piece of text read from one cell (``value`` is "" when the cell is empty)."""

    value: str = ""
    cell: str | None = None

    def __bool__(self) -> bool:
        return bool(self.value.strip())

    def as_dict(self) -> dict[str, Any]:
        return {"value": self.value, "cell": self.cell}


@dataclass
class Role:
    name: str
    col: int
    cell: str


@dataclass
class Marker:
    """A role acting in a step: a symbol typed in its cell, or a shape drawn over it."""

    role: str
    symbol: str  # one of SYMBOLS
    text: str
    cell: str
    source: str = "cell"  # "cell" | "shape"


@dataclass
class Branch:
    """One exit of a decision: its label and the step number it leads to."""

    label: str
    target: str | None  # the step number as written ("3"), None = the next step
    cell: str
    source: str = "keterangan"  # keterangan | column | shape


_NUMBER = re.compile(r"^\s*(\d{1,4})\s*(?:[.,]\s*0*)?\s*\.?\s*\)?\s*$")


@lru_cache(maxsize=4096)  # the parser and the rules ask for the same "1".."25" again and again
def step_number(text: str) -> int | None:
    """The whole number of a step as offices write it ("5.", "5.0", " 5 ." -> 5), or None for
    anything else ("5.1", "a")."""
    m = _NUMBER.match(str(text))
    return int(m.group(1)) if m else None


@dataclass
class Step:
    row: int
    number: Text
    kegiatan: Text
    markers: list[Marker] = field(default_factory=list)
    kelengkapan: Text = field(default_factory=Text)
    waktu: Text = field(default_factory=Text)
    output: Text = field(default_factory=Text)
    keterangan: Text = field(default_factory=Text)
    branches: list[Branch] = field(default_factory=list)
    minutes: Span | None = None  # None when waktu is empty, unreadable or shared
    waktu_problem: str | None = None  # "kosong" | "tidak-terbaca" | "disesuaikan"
    waktu_shared: bool = False  # waktu cell merged with an earlier step: counted there
    next_steps: list[int] = field(default_factory=list)  # drawn arrows, as step indexes
    sheet: str | None = None  # the sheet the step is on, when the table goes on past its own

    @property
    def number_value(self) -> int | None:
        return step_number(self.number.value)

    @property
    def actors(self) -> list[str]:
        markers = self.markers
        if len(markers) == 1:  # nearly every step: one role acts
            return [markers[0].role]
        seen: list[str] = []
        for m in markers:
            if m.role not in seen:
                seen.append(m.role)
        return seen

    @property
    def symbol(self) -> str | None:
        """The step's kind: decision wins over the others, then terminator, offpage, process."""
        kinds = {m.symbol for m in self.markers}
        for k in ("decision", "terminator", "offpage", "process", "unknown"):
            if k in kinds:
                return k
        return None


@dataclass
class Section:
    title: Text | None
    header_row: int
    roles: list[Role]
    columns: dict[str, int]  # MATRIX_COLUMNS present -> zero-based column
    branch_columns: dict[str, int] = field(default_factory=dict)  # "Ya" -> col
    steps: list[Step] = field(default_factory=list)
    waktu_unit: str | None = None  # "menit" when the header says "Waktu (dalam menit)"
    waktu_unit_col: int | None = None  # the "Menit"/"Jam" column beside a bare-number waktu
    # Labels among the mutu baku columns that name no field ("Lama Proses"): col -> the label
    unknown_columns: dict[int, Text] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.title.value if self.title else ""


@dataclass
class SopDocument:
    sheet: str
    identity: dict[str, Text]
    boxes: dict[str, Text]
    sections: list[Section]
    # The cover sheet the identity block was read from, when it is not this sheet.
    identity_sheet: str | None = None
    # The first cell of this SOP's block when it is not the sheet's first (SOPs stacked on one
    # sheet): what a finding about a missing identity row or box points at, instead of A1.
    origin: str | None = None

    @property
    def steps(self) -> list[Step]:
        return [s for sec in self.sections for s in sec.steps]

    @property
    def roles(self) -> list[str]:
        names: list[str] = []
        for sec in self.sections:
            for r in sec.roles:
                if r.name not in names:
                    names.append(r.name)
        return names

    def section_label(self, index: int) -> str:
        """A section's title, or "Bagian N" (1-based) for a section without one."""
        sec = self.sections[index]
        return sec.name or f"Bagian {index + 1}"

    @property
    def nomor(self) -> str:
        return self.identity["nomor"].value

    @property
    def nama(self) -> str:
        return self.identity["nama"].value


@dataclass(frozen=True)
class Finding:
    """One thing the checker found, as data: a stable code, where, and what to do."""

    code: str
    severity: str  # "error" | "warning" | "info"
    sheet: str | None
    cell: str | None
    message: str
    hint: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "severity": self.severity, "sheet": self.sheet,
                "cell": self.cell, "message": self.message, "hint": self.hint}


@dataclass
class Totals:
    total: Span | None
    sections: dict[str, Span]
    roles: dict[str, Span]


@dataclass
class SopResult:
    doc: SopDocument
    findings: list[Finding]
    totals: Totals

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)

    @property
    def passed(self) -> bool:
        return self.errors == 0


@dataclass
class FileResult:
    path: str
    error: Any = None  # a SopxlError when the file could not be read at all
    write_error: Any = None  # a SopxlError when --write could not write the sheets
    findings: list[Finding] = field(default_factory=list)  # workbook-level findings
    sops: list[SopResult] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (sheet, reason) not SOP sheets
    calendar: dict[str, float] = field(default_factory=dict)  # the one the minutes were counted with

    @property
    def errors(self) -> int:
        return sum(s.errors for s in self.sops) + sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(s.warnings for s in self.sops) + sum(f.severity == "warning" for f in self.findings)

    @property
    def passed(self) -> bool:
        return self.error is None and self.errors == 0
