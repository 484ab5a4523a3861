"""The Status sheet: what sopxl found in a workbook, as a table an office can print.

From the top::

    title                                   (frozen with the next two rows)
    Hasil | LULUS / PERLU PERBAIKAN | 2 SOP, 0 galat, 5 peringatan
    Langkah berikutnya | Perbaiki 2 galat di SOP 02 (B19, F4) lalu tekan Validasi lagi.
    Berkas / Waktu pemeriksaan / Versi sopxl
    Ringkasan temuan    one row per code and sheet: how many, which cells; by severity, then count
    Ringkasan per SOP   one row per SOP sheet, the sheet name a link to it
    Temuan              every finding, its cell a link to that cell (autofilter here), errors
                        first, then what changes the register, then style
    Kelengkapan format  per SOP, each part the regulation asks for: ✓ or ✗
    Waktu per pelaksana minutes per role per SOP
    a note naming the sheets skipped as not SOPs

Pure data: it builds a ``SheetSpec`` and touches no Excel library. The time of the
check is one cell (``CHECKED_AT``), so two runs differ in that cell only. Columns are widened
to their headers and labels (``fit``), so none is cut on screen or on paper.
"""
from __future__ import annotations

import os
from typing import Any

from ..a1 import cell_to_rowcol, rowcol_to_cell
from ..config import Config
from ..digest import (
    again_words,
    every_finding,
    in_order,
    kind_of,
    kinds,
    next_step,
    skip_line,
    skipped_sheets,
    summary_rows,
)
from ..durations import format_span
from ..fit import fit_labels
from ..model import FileResult, Finding, SopDocument, SopResult, Span
from ..resources import load_data
from ..sheetspec import CellLike, CellSpec, SheetSpec
from .sheet import RowBuilder

SHEET_NAME = "Status"
CHECKED_AT = (4, 1)  # zero-based (row, col) of the time-stamp cell
N_COLS = 11
WIDTHS = {0: 18, 1: 9, 2: 16, 3: 40, 4: 50, 5: 40, 6: 24, 7: 11, 8: 11, 9: 9, 10: 11}
YES, NO = "✓", "✗"
_SEVERITY_STYLE = {"error": "error", "warning": "warning"}
_NOTE_CHARS = 120
# Sheets sopxl writes or ships itself are skipped too, but are not worth a note.
_OWN_SHEET_REASON = "lembar-sopxl"


def texts(lang: str) -> dict[str, Any]:
    data = load_data("report_text.json")["status"]
    return data.get(lang, data["id"])


def sheet_ref(sheet: str, cell: str = "A1") -> str:
    """An internal link target: ``'SOP 01'!J21`` (the sheet name always quoted)."""
    return "'" + sheet.replace("'", "''") + "'!" + cell


def link_text(here: str, sheet: str, cell: str) -> str:
    """A link's own text: the cell's address, with its sheet when it is not ``here``. Short on
    purpose: LibreOffice does not wrap a link's text, so a long one is cut when shown or printed."""
    return cell if sheet == here else f"{sheet}!{cell}"


def identity_cell(doc: SopDocument) -> tuple[str, str] | None:
    """(sheet, cell) of the SOP's Nomor (else Nama): on the cover sheet when the identity was
    borrowed from one."""
    for name in ("nomor", "nama"):
        text = doc.identity.get(name)
        if text is not None and text.cell:
            return doc.identity_sheet or doc.sheet, text.cell
    return None


def sop_places(result: FileResult) -> list[tuple[str, str]]:
    """(name, cell to jump to) of each SOP: its sheet's name and A1; the second and later SOPs
    stacked on one sheet are "Sheet #2", "Sheet #3", jumping to their own table's header."""
    seen: dict[str, int] = {}
    out = []
    for s in result.sops:
        doc = s.doc
        n = seen[doc.sheet] = seen.get(doc.sheet, 0) + 1
        if n == 1 or not doc.sections:
            out.append((doc.sheet if n == 1 else f"{doc.sheet} #{n}", "A1"))
        else:
            out.append((f"{doc.sheet} #{n}", rowcol_to_cell(doc.sections[0].header_row, 0)))
    return out


def element_sheet(doc: SopDocument, group: str) -> str:
    """The sheet an element of the format sits on: identity fields and boxes on the cover sheet
    they were read from, everything else on the matrix sheet."""
    return doc.identity_sheet or doc.sheet if group in ("identitas", "kotak") else doc.sheet


def minutes(value: float) -> int | float:
    """A minute count as a spreadsheet number: whole numbers stay whole."""
    return int(round(value)) if abs(value - round(value)) < 1e-6 else round(value, 2)


def _span_cells(span: Span | None) -> list[CellLike]:
    if span is None:
        return [CellSpec("-", "number"), CellSpec("-", "number")]
    return [CellSpec(minutes(span[0]), "number"), CellSpec(minutes(span[1]), "number")]


def _one_line(text: str, limit: int = _NOTE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


class _Builder(RowBuilder):
    """The Status sheet's rows: blank lines, titles and table headers besides plain rows."""

    def blank(self) -> None:
        self.add()

    def title(self, text: str, style: str = "subtitle") -> None:
        self.add([CellSpec(text, style)], merges=[(0, 5)])

    def header(self, labels: list[str]) -> int:
        return self.add([CellSpec(label, "header") for label in labels])


def build_status(result: FileResult, cfg: Config, checked_at: str, version: str) -> SheetSpec:
    """The Status sheet for one checked workbook."""
    t = texts(cfg.lang)
    spec = SheetSpec(name=SHEET_NAME, col_widths=dict(WIDTHS), freeze="A4", print_title_rows=(0, 2),
                     landscape=True, fit_width=True)
    b = _Builder(spec)
    _heading(b, result, t, checked_at, version, cfg.lang)
    b.blank()
    _codes(b, result, t, cfg.lang)
    b.blank()
    _summary(b, result, cfg, t)
    b.blank()
    _findings(b, result, t)
    b.blank()
    _completeness(b, result, t, cfg.lang)
    b.blank()
    _roles(b, result, cfg, t)
    _skipped(b, result, t, cfg.lang)
    fit_labels(spec)
    # LibreOffice never wraps a link's text: each link (a sheet name, a cell, an element of
    # the format) gets a column wide enough to show it whole, in Excel and in LibreOffice.
    fit_labels(spec, ("link",))
    return spec


def _skipped(b: _Builder, result: FileResult, t: dict, lang: str) -> None:
    """A line for each cover or next-page sheet (whose SOP it belongs to), then one naming the
    sheets that are no SOP at all."""
    skipped = [s for s in skipped_sheets(result) if s.reason != _OWN_SHEET_REASON]
    if not skipped:
        return
    b.blank()
    for s in skipped:
        if s.reason != "bukan-sop":
            b.add([CellSpec(skip_line(s, lang), "plain")], merges=[(0, 5)])
    others = [s.sheet for s in skipped if s.reason == "bukan-sop"]
    if others:
        b.add([CellSpec(t["skipped"].format(sheets=", ".join(others)), "plain")], merges=[(0, 5)])


def _heading(b: _Builder, result: FileResult, t: dict, checked_at: str, version: str, lang: str) -> None:
    b.title(t["title"], "title")
    if result.error is not None:
        verdict = CellSpec(t["unreadable"], "error")
    else:
        verdict = CellSpec(t["pass"] if result.passed else t["fail"], "ok" if result.passed else "error")
    summary = t["summary"].format(sops=len(result.sops), errors=result.errors, warnings=result.warnings)
    b.add([CellSpec(t["verdict"], "subtitle"), verdict, None, CellSpec(summary, "plain")],
          merges=[(1, 2), (3, 5)])
    b.add([CellSpec(t["next"], "subtitle"),
           CellSpec(next_step([result], again_words("sheet", lang), lang), "text")],
          merges=[(1, 5)])
    b.add([CellSpec(t["file"], "subtitle"), CellSpec(os.path.basename(result.path), "plain")],
          merges=[(1, 5)])
    b.add([CellSpec(t["checked_at"], "subtitle"), CellSpec(checked_at, "plain")], merges=[(1, 2)])
    b.add([CellSpec(t["version"], "subtitle"), CellSpec(version, "plain")], merges=[(1, 2)])


def _verdict(s: SopResult, t: dict) -> CellSpec:
    return CellSpec(t["pass"], "ok") if s.passed else CellSpec(t["fail"], "error")


def _summary(b: _Builder, result: FileResult, cfg: Config, t: dict) -> None:
    b.title(t["sops_title"])
    b.header([t["col_sheet"], t["col_steps"], t["col_verdict"], t["col_nomor"], t["col_nama"],
              t["col_roles"], t["col_total"], t["col_min"], t["col_max"], t["col_errors"],
              t["col_warnings"]])
    if not result.sops:
        b.add([CellSpec(t["no_sops"], "text")], merges=[(0, N_COLS - 1)])
    for s, (name, top) in zip(result.sops, sop_places(result)):
        doc = s.doc
        b.add([
            CellSpec(name, "link", sheet_ref(doc.sheet, top)),
            CellSpec(len(doc.steps), "number"),
            _verdict(s, t),
            CellSpec(doc.nomor or "-", "text"),
            CellSpec(doc.nama or "-", "text"),
            CellSpec(", ".join(doc.roles) or "-", "text"),
            CellSpec(format_span(s.totals.total, cfg.calendar, cfg.lang), "text"),
            *_span_cells(s.totals.total),
            CellSpec(s.errors, "number"),
            CellSpec(s.warnings, "number"),
        ])


def sorted_findings(result: FileResult) -> list[Finding]:
    """In the order to act on (errors, then what changes the register, then style); within
    that, workbook-level findings first, then each SOP's in sheet order, top to bottom."""
    return in_order(*every_finding(result))


def _codes(b: _Builder, result: FileResult, t: dict, lang: str) -> None:
    """One row per code and sheet: what to look at first, before the row-per-cell list."""
    b.title(t["codes_title"])
    b.header([t["col_sheet"], t["col_count"], t["col_severity"], t["col_code"], t["col_message"],
              t["col_cells"], t["col_kind"]])
    rows = summary_rows(result)
    if not rows:
        b.add([CellSpec(t["no_findings"], "text")], merges=[(0, 5)])
    for g in rows:
        f = g.first
        sheet = (CellSpec(g.sheet, "link", sheet_ref(g.sheet, f.cell or "A1")) if g.sheet
                 else CellSpec("-", "text"))
        message = f.message if g.count == 1 else f"{f.message} {t['more'].format(n=g.count - 1)}"
        kind = kinds().get(kind_of(g.code), {})
        b.add([sheet, CellSpec(g.count, "number"),
               CellSpec(t["severity"].get(g.severity, g.severity), _SEVERITY_STYLE.get(g.severity, "text")),
               CellSpec(g.code, "text"), CellSpec(message, "text"), CellSpec(g.cell_range(), "text"),
               CellSpec(kind.get(lang) or kind.get("id", ""), "text")])


def _findings(b: _Builder, result: FileResult, t: dict) -> None:
    b.title(t["findings_title"])
    top = b.header([t["col_sheet"], t["col_cell"], t["col_severity"], t["col_code"], t["col_message"],
                    t["col_hint"]])
    findings = sorted_findings(result)
    if not findings:
        b.add([CellSpec(t["no_findings"], "text")], merges=[(0, 5)])
    for f in findings:
        if f.sheet:
            sheet = CellSpec(f.sheet, "link", sheet_ref(f.sheet))
            cell = CellSpec(f.cell, "link", sheet_ref(f.sheet, f.cell)) if f.cell else CellSpec("-", "text")
        else:
            sheet, cell = CellSpec("-", "text"), CellSpec(f.cell or "-", "text")
        b.add([sheet, cell,
               CellSpec(t["severity"].get(f.severity, f.severity), _SEVERITY_STYLE.get(f.severity, "text")),
               CellSpec(f.code, "text"), CellSpec(f.message, "text"), CellSpec(f.hint or "", "text")])
    b.spec.autofilter = f"{rowcol_to_cell(top, 0)}:{rowcol_to_cell(b.row - 1, 5)}"


# -- completeness of the format ------------------------------------------------------------

def _acting(doc: SopDocument) -> list:
    return [s for s in doc.steps if s.markers]


def _element_facts(doc: SopDocument, name: str, t: dict) -> tuple[bool, str | None, str]:
    """(present by the document itself, the cell to jump to, a note when present)."""
    sections = doc.sections
    first = sections[0] if sections else None
    if name in doc.identity or name in doc.boxes:
        text = doc.identity[name] if name in doc.identity else doc.boxes[name]
        return bool(text), text.cell, _one_line(text.value)
    if name.startswith("kolom_"):
        column = name[len("kolom_"):]
        if column == "pelaksana":
            ok = bool(sections) and all(sec.roles for sec in sections)
            cell = first.roles[0].cell if first and first.roles else None
            return ok, cell, ", ".join(doc.roles)
        ok = bool(sections) and all(column in sec.columns for sec in sections)
        cell = None
        for sec in sections:
            if column in sec.columns:
                row = sec.header_row
                if column in ("kelengkapan", "waktu", "output") and sec.roles:
                    # Under a "MUTU BAKU" group the label sits on the row of the role names.
                    row = cell_to_rowcol(sec.roles[0].cell)[0]
                cell = rowcol_to_cell(row, sec.columns[column])
                break
        return ok, cell, ""
    if name == "langkah":
        cell = doc.steps[0].number.cell if doc.steps else None
        return bool(doc.steps), cell, t["steps_note"].format(n=len(doc.steps))
    acting = _acting(doc)
    if name in ("awal_terminator", "akhir_terminator"):
        if not acting:
            return False, None, ""
        step = acting[0] if name == "awal_terminator" else acting[-1]
        return step.symbol == "terminator", step.markers[0].cell, step.markers[0].text
    if name == "keputusan_bercabang":
        decisions = [s for s in doc.steps if s.symbol == "decision"]
        note = t["decisions_note"].format(n=len(decisions)) if decisions else t["no_decisions"]
        return True, decisions[0].markers[0].cell if decisions else None, note
    return True, None, ""


def completeness(s: SopResult, lang: str = "id") -> list[dict[str, Any]]:
    """Each element of the format for one SOP: name, group, label, present, cell, note.

    An element is missing when the document lacks it, or when a finding of one of its
    codes says so; identity and box findings count only at the
    element's own cell, because "identitas-kosong" serves several elements.
    """
    t = texts(lang)
    out = []
    for name, spec in load_data("report_text.json")["elements"].items():
        present, cell, note = _element_facts(s.doc, name, t)
        codes = set(spec.get("codes", ()))
        local = spec["group"] in ("identitas", "kotak")
        # Any severity: an "info" code (a common style) still says the element is not as the
        # regulation writes it; a code switched "off" made no finding at all.
        hits = [f for f in s.findings if f.code in codes
                and (not local or (cell is not None and f.cell == cell))]
        if hits:
            present = False
            cell = hits[0].cell or cell
            note = hits[0].message + (" " + t["more"].format(n=len(hits) - 1) if len(hits) > 1 else "")
        elif not present and not note:
            note = t["missing"]
        out.append({"name": name, "group": spec["group"], "label": spec.get(lang) or spec["id"],
                    "present": present, "cell": cell, "note": note})
    return out


def _completeness(b: _Builder, result: FileResult, t: dict, lang: str) -> None:
    groups = load_data("report_text.json")["groups"]
    b.title(t["completeness_title"])
    b.header([t["col_sheet"], t["col_present"], t["col_group"], t["col_element"], t["col_note"]])
    for s in result.sops:
        sheet = s.doc.sheet
        for e in completeness(s, lang):
            at = element_sheet(s.doc, e["group"])
            label = (CellSpec(e["label"], "link", sheet_ref(at, e["cell"])) if e["cell"]
                     else CellSpec(e["label"], "text"))
            b.add([CellSpec(sheet, "text"),
                   CellSpec(YES, "ok") if e["present"] else CellSpec(NO, "error"),
                   CellSpec(groups[e["group"]].get(lang) or groups[e["group"]]["id"], "text"),
                   label, CellSpec(e["note"], "text")])


def _roles(b: _Builder, result: FileResult, cfg: Config, t: dict) -> None:
    b.title(t["roles_title"])
    b.header([t["col_sheet"], t["col_role_steps"], t["col_role"], t["col_total"], t["col_min"],
              t["col_max"]])
    for s in result.sops:
        for role in s.doc.roles:
            n_steps = sum(role in step.actors for step in s.doc.steps)
            span = s.totals.roles.get(role)
            b.add([CellSpec(s.doc.sheet, "link", sheet_ref(s.doc.sheet)), CellSpec(n_steps, "number"),
                   CellSpec(role, "text"), CellSpec(format_span(span, cfg.calendar, cfg.lang), "text"),
                   *_span_cells(span)])
