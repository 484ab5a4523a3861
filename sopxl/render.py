"""Results as text for a terminal, and as the JSON of ``sopxl validate --json``."""
from __future__ import annotations

from typing import Any, TextIO

from .digest import GROUP_FROM, again_words, groups, in_order, next_step, skipped_sheets
from .durations import format_span
from .model import FileResult, Finding, SopResult
from .schema import span_dict

_WORDS = {
    "id": {"error": "GALAT", "warning": "PERINGATAN", "info": "INFO", "pass": "LULUS",
           "fail": "PERLU PERBAIKAN", "unreadable": "TIDAK TERBACA", "steps": "langkah",
           "roles": "pelaksana", "total": "total waktu",
           "sheet": "lembar", "unwritten": "LEMBAR STATUS TIDAK DITULIS",
           "summary": "Ringkasan", "files": "berkas", "sops": "SOP",
           "errors": "galat", "warnings": "peringatan", "hint": "saran", "next": "Langkah berikutnya",
           "more": "+{n} lagi; --rinci untuk semuanya"},
    "en": {"error": "ERROR", "warning": "WARNING", "info": "INFO", "pass": "PASSED",
           "fail": "NEEDS WORK", "unreadable": "UNREADABLE", "steps": "steps", "roles": "roles",
           "total": "total time", "sheet": "sheet",
           "unwritten": "STATUS SHEETS NOT WRITTEN", "summary": "Summary", "files": "files",
           "sops": "SOPs", "errors": "errors",
           "warnings": "warnings", "hint": "hint", "next": "Next",
           "more": "+{n} more; --verbose for all"},
}


def words(lang: str) -> dict[str, str]:
    return _WORDS.get(lang, _WORDS["id"])


def sop_json(s: SopResult) -> dict[str, Any]:
    return {
        "sheet": s.doc.sheet,
        "nomor": s.doc.nomor,
        "nama": s.doc.nama,
        "steps": len(s.doc.steps),
        "roles": s.doc.roles,
        "sections": [s.doc.section_label(i) for i in range(len(s.doc.sections))],
        "total_minutes": span_dict(s.totals.total),
        "section_minutes": {k: span_dict(v) for k, v in s.totals.sections.items()},
        "role_minutes": {k: span_dict(v) for k, v in s.totals.roles.items()},
        "errors": s.errors,
        "warnings": s.warnings,
        "findings": [f.as_dict() for f in s.findings],
    }


def file_json(r: FileResult, lang: str = "id") -> dict[str, Any]:
    return {
        "path": r.path,
        "error": r.error.as_dict(lang) if r.error is not None else None,
        "write_error": r.write_error.as_dict(lang) if r.write_error is not None else None,
        "findings": [f.as_dict() for f in r.findings],
        # reason: a code (identitas-sop, identitas-tanpa-tabel, lanjutan-sop, tabel-tidak-terbaca,
        # lembar-sopxl, bukan-sop); sop/nama: the SOP a cover or next-page sheet belongs to.
        "skipped": [{"sheet": s.sheet, "reason": s.reason, "sop": s.sop, "nama": s.nama}
                    for s in skipped_sheets(r)],
        "sops": [sop_json(s) for s in r.sops],
    }


def _finding_lines(findings: list[Finding], lang: str, verbose: bool, out: TextIO) -> None:
    """One line per code on a sheet ("B19–B55, 27 langkah"), or per finding with ``verbose``;
    either way errors first, then what changes the register, then style."""
    w = words(lang)
    if verbose:
        for f in in_order(findings):
            out.write(f"    [{w[f.severity]}] {f.cell or '-':>6} {f.code}: {f.message}\n")
        return
    for g in groups(findings):
        f = g.first
        if g.count < GROUP_FROM:
            for f in g.findings:
                out.write(f"    [{w[f.severity]}] {f.cell or '-':>6} {f.code}: {f.message}\n")
            continue
        more = w["more"].format(n=g.count - 1)
        out.write(f"    [{w[f.severity]}] {g.place_text(lang)}  {f.code}: "
                  f"{f.message} ({more})\n")


def print_text(results: list[FileResult], calendar: dict[str, float], lang: str, out: TextIO,
               verbose: bool = False) -> None:
    w = words(lang)
    for r in results:
        if r.error is not None:
            out.write(f"✗ {r.path}: {w['unreadable']}\n    {r.error.text(lang)}\n\n")
            continue
        out.write(f"{'✓' if r.passed else '✗'} {r.path}\n")
        if r.write_error is not None:
            out.write(f"    {w['unwritten']}: {r.write_error.text(lang)}\n")
        for f in in_order(r.findings):
            out.write(f"    [{w[f.severity]}] {f.code}: {f.message}\n")
        for s in r.sops:
            verdict = w["pass"] if s.passed else w["fail"]
            out.write(f"  {w['sheet']} {s.doc.sheet!r}: {s.doc.nama or '-'} ({s.doc.nomor or '-'})\n")
            out.write(f"    {len(s.doc.steps)} {w['steps']}, {len(s.doc.roles)} {w['roles']}, "
                      f"{w['total']} {format_span(s.totals.total, r.calendar or calendar, lang)}"
                      f" — {verdict}\n")
            _finding_lines(s.findings, lang, verbose, out)
        for skipped in skipped_sheets(r):
            out.write(f"  {w['sheet']} {skipped.sheet!r}: {skipped.text(lang)}\n")
        out.write("\n")
    n_sops = sum(len(r.sops) for r in results)
    errors = sum(r.errors for r in results)
    warnings = sum(r.warnings for r in results)
    out.write(f"{w['summary']}: {len(results)} {w['files']}, {n_sops} {w['sops']}, {errors} "
              f"{w['errors']}, {warnings} {w['warnings']}\n")
    out.write(f"{w['next']}: {next_step(results, again_words('cli', lang), lang)}\n")
