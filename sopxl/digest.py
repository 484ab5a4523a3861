"""Findings as a person reads them: in the order to act on, one entry per repeated code, and
the one thing to do next.

A code that fires on 27 steps of one SOP is one ``Group`` (its count and cell range), so a
clerk sees the finding that matters instead of a wall of the same line. Order: errors first,
then by the code's kind (``kind`` in ``sopxl/data/codes/*.json``, ranked by
``sopxl/data/kinds.json``: what changes the register before style), then warnings before
info, then sheet and cell. The text output, the Status sheet and the button's message box
all take their order, groups and "what next" line from here.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from .a1 import cell_to_rowcol
from .findings import catalogue
from .model import FileResult, Finding
from .resources import load_data

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
_MAX_CELLS = 3  # cells named in one "what next" line, per sheet
GROUP_FROM = 4  # a code this many times on one sheet is shown as one entry (fewer: each line)
_MAX_SHEETS = 3


@cache
def kinds() -> dict[str, dict]:
    """Kind -> {"rank", "id", "en"}, in the order of ``kinds.json``."""
    data = load_data("kinds.json")
    return {k: {"rank": i, **data["names"][k]} for i, k in enumerate(data["order"])}


def kind_of(code: str) -> str:
    return catalogue().get(code, {}).get("kind", "isi")


def _position(cell: str | None) -> tuple[int, int]:
    if not cell:
        return (-1, -1)
    try:
        return cell_to_rowcol(cell)
    except ValueError:
        return (-1, -1)


def act_key(f: Finding) -> tuple:
    """Errors first; then what changes the register before style; then warning before info."""
    return (f.severity != "error", kinds().get(kind_of(f.code), {"rank": 99})["rank"],
            SEVERITY_RANK.get(f.severity, 9))


def in_order(findings: Iterable[Finding], sheet_order: dict[str, int] | None = None) -> list[Finding]:
    order = sheet_order or {}
    return sorted(findings, key=lambda f: (act_key(f), order.get(f.sheet or "", -1), f.code,
                                           _position(f.cell)))


@dataclass
class Group:
    """One code on one sheet, at one severity: every finding it made there."""

    code: str
    severity: str
    sheet: str | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.findings)

    @property
    def first(self) -> Finding:
        return self.findings[0]

    @property
    def per_step(self) -> bool:
        """The code speaks of one step each time (its message names the step's number)."""
        return "{nomor}" in catalogue()[self.code]["id"]["message"]

    def cells(self) -> list[str]:
        return [f.cell for f in self.findings if f.cell]

    def cell_range(self) -> str:
        """"B19–B55" when many cells share a column, else the first few: "B19, F4, …"."""
        cells = sorted(set(self.cells()), key=_position)
        if len(cells) <= _MAX_CELLS:
            return ", ".join(cells) or "-"
        cols = {"".join(ch for ch in c if ch.isalpha()) for c in cells}
        if len(cols) == 1:
            return f"{cells[0]}–{cells[-1]}"
        shown = ", ".join(cells[:_MAX_CELLS])
        return shown + (", …" if len(cells) > _MAX_CELLS else "")

    def size_text(self, lang: str = "id") -> str:
        """"27 langkah" / "27 steps", or "3 sel" / "3 cells" (cells counted once each)."""
        if self.per_step:
            return f"{self.count} {'langkah' if lang != 'en' else 'steps'}"
        n_cells = len(set(self.cells()))
        if not n_cells:
            return f"{self.count} {'temuan' if lang != 'en' else 'findings'}"
        return f"{n_cells} {'sel' if lang != 'en' else 'cells'}"

    def place_text(self, lang: str = "id") -> str:
        """Where the group is and how big: "B19–B55, 27 langkah"; all in one cell, "4 temuan di A1"
        (not "A1, 4 sel")."""
        cells = set(self.cells())
        if len(cells) == 1 and not self.per_step:
            return (f"{self.count} temuan di {next(iter(cells))}" if lang != "en"
                    else f"{self.count} findings in {next(iter(cells))}")
        return f"{self.cell_range()}, {self.size_text(lang)}"


def groups(findings: Iterable[Finding], sheet_order: dict[str, int] | None = None) -> list[Group]:
    """Findings grouped by (sheet, code, severity), the groups in the order to act on."""
    out: dict[tuple, Group] = {}
    for f in in_order(findings, sheet_order):
        k = (f.sheet, f.code, f.severity)
        if k not in out:
            out[k] = Group(f.code, f.severity, f.sheet)
        out[k].findings.append(f)
    return list(out.values())


def every_finding(result: FileResult) -> tuple[list[Finding], dict[str, int]]:
    """The workbook's findings and its SOPs', with each SOP sheet's place in the workbook."""
    order = {s.doc.sheet: i for i, s in enumerate(result.sops)}
    return list(result.findings) + [f for s in result.sops for f in s.findings], order


def summary_rows(result: FileResult) -> list[Group]:
    """The Status sheet's table of codes: by severity, then the most frequent first."""
    every, order = every_finding(result)
    return sorted(groups(every, order),
                  key=lambda g: (SEVERITY_RANK.get(g.severity, 9), -g.count,
                                 order.get(g.sheet or "", -1), g.code))


# ---------------------------------------------------------------------------- what to do next

def _where(findings: list[Finding], lang: str) -> str:
    """"SOP 02 (B19, F4)", one part per sheet, in sheet order of first appearance."""
    by_sheet: dict[str | None, list[str]] = {}
    for f in findings:
        cells = by_sheet.setdefault(f.sheet, [])
        if f.cell and f.cell not in cells:
            cells.append(f.cell)
    parts = []
    for sheet, cells in list(by_sheet.items())[:_MAX_SHEETS]:
        name = sheet or ("buku kerja" if lang != "en" else "workbook")
        shown = ", ".join(cells[:_MAX_CELLS]) + (", …" if len(cells) > _MAX_CELLS else "")
        parts.append(f"{name} ({shown})" if shown else name)
    more = len(by_sheet) - _MAX_SHEETS
    if more > 0:
        parts.append(f"{more} lembar lain" if lang != "en" else f"{more} more sheets")
    return ", ".join(parts)


def next_step(results: list[FileResult], again: str, lang: str = "id") -> str:
    """One sentence: what to fix first, where, and what to do after ("tekan Validasi lagi").

    ``again`` is the front end's own words for checking again (a button, a command).
    """
    t = load_data("report_text.json")["next"]
    t = t.get(lang, t["id"])
    unreadable = [r for r in results if r.error is not None]
    several = len(results) > 1
    every: list[Finding] = []
    for r in results:
        if r.error is not None:
            continue
        mine = in_order(*every_finding(r))
        if several:
            name = os.path.basename(r.path)
            mine = [Finding(f.code, f.severity, f"{name}: {f.sheet}" if f.sheet else name, f.cell,
                            f.message, f.hint) for f in mine]
        every.extend(mine)
    errors = [f for f in every if f.severity == "error"]
    warnings = [f for f in every if f.severity == "warning"]
    parts = [t["unreadable"].format(n=len(unreadable))] if unreadable else []
    if errors:
        parts.append(t["errors"].format(n=len(errors), where=_where(errors, lang), again=again))
    elif warnings:
        parts.append(t["warnings"].format(n=len(warnings), where=_where(warnings, lang), again=again))
    elif not unreadable:
        parts.append(t["clean"] if any(r.sops for r in results) else t["no_sop"])
    return " ".join(parts)


def again_words(front: str, lang: str = "id") -> str:
    """How a front end ("cli", "button", "sheet") says "check again"."""
    t = load_data("report_text.json")["next"]
    return t.get(lang, t["id"])["again_" + front]


@dataclass(frozen=True)
class Skipped:
    """A sheet not read as an SOP of its own: why (a stable code), and the SOP it belongs to
    (the SOP a cover sheet gives its identity, or whose table a next-page sheet carries on)."""
    sheet: str
    reason: str
    sop: str | None = None  # that SOP's matrix sheet
    nama: str | None = None

    def text(self, lang: str) -> str:
        t = _skip_texts(lang)
        return t.get(self.reason, t["bukan-sop"]).format(nama=self.nama or self.sop or "-",
                                                          sop=self.sop or "-")


def _skip_texts(lang: str) -> dict[str, str]:
    data = load_data("report_text.json")["skipped_sheets"]
    return data.get(lang, data["id"])


def skip_line(s: Skipped, lang: str) -> str:
    """"Lembar 'Identitas': lembar identitas untuk SOP 'X'" for the Status sheet."""
    return _skip_texts(lang)["line"].format(sheet=s.sheet, why=s.text(lang))


# The reasons ``sopxl.parse`` gives for a cover sheet and a next-page sheet (IDENTITY_ONLY and
# book.CONTINUATION there; digest sits beside parse, not above it, so they are spelled here).
_COVER, _NEXT_PAGE = "identitas-sop", "lanjutan-sop"


def skipped_sheets(result: FileResult) -> list[Skipped]:
    """``result.skipped`` with the SOP each cover or next-page sheet belongs to; a cover sheet
    no matrix took is ``identitas-tanpa-tabel``."""
    covers = {s.doc.identity_sheet: s for s in result.sops if s.doc.identity_sheet}
    pages = {step.sheet: s for s in result.sops for step in s.doc.steps if step.sheet}
    out = []
    for name, why in result.skipped:
        owner = covers.get(name) if why == _COVER else pages.get(name) if why == _NEXT_PAGE else None
        if why == _COVER and owner is None:
            why = "identitas-tanpa-tabel"
        out.append(Skipped(name, why, owner.doc.sheet if owner else None, owner.doc.nama if owner else None))
    return out
