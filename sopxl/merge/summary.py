"""The per-file step of a merge: one workbook path → a small, picklable FileSummary.

This is a pure function of the file's bytes and the configuration (``summarize``), and
what worker processes run (``summarize_batch``); so it imports no pandas.
"""
from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..config import Config, load_config
from ..durations import format_span
from ..model import Finding, Span


@dataclass
class SopSummary:
    """What the register needs from one SOP sheet (no grids, no steps: small to pickle)."""

    sheet: str
    order: int  # position among the file's SOP sheets
    identity: dict[str, str]  # instansi, nomor, tanggal_*, disahkan_oleh, nama
    cells: dict[str, str | None]  # nomor, nama, keterkaitan -> A1
    keterkaitan: str
    steps: int
    roles: list[str]
    total: Span | None
    total_text: str
    role_load: list[tuple[str, int, Span | None]]  # (role, steps acted, minutes)
    findings: list[Finding]


@dataclass
class FileSummary:
    path: str
    error_code: str | None = None
    error: str | None = None  # the reason, in the run's language, without the path
    findings: list[Finding] = field(default_factory=list)  # workbook-level
    sops: list[SopSummary] = field(default_factory=list)


_WORKER: dict[str, Any] = {}


def init_worker(config_path: str | None, final: bool, lang: str) -> None:
    """Process-pool initializer: load the configuration once per worker.

    Then Python's cyclic garbage collector is kept out of the way. Left alone it wakes
    every few hundred allocations and, now and then, walks every object the worker holds
    (modules, configuration), some 5 % of a worker's time; yet a file's objects are freed
    by reference counting as soon as the file is done. So what is loaded now is frozen out
    of the collector's sight, automatic collection is off, and ``summarize_batch`` collects
    the few cycles a task leaves once, at its end: with nothing collected automatically,
    all a task made is in the youngest generation, so collecting that one is enough.
    """
    _WORKER["cfg"] = load_config(config_path, final=final, lang=lang)
    gc.freeze()
    gc.disable()
    _WORKER["collect"] = True


def summarize_batch(items: Sequence[tuple[str, str]]) -> list[FileSummary]:
    """The worker's task: a few (path as shown, absolute path) in, their summaries out.

    Workers open the absolute path, so where a worker process happens to stand does not
    matter; the summary carries the path as the register shows it.
    """
    cfg = _WORKER.get("cfg")
    if cfg is None:
        cfg = _WORKER["cfg"] = load_config()
    out = []
    for shown, path in items:
        summary = summarize(path, cfg)
        summary.path = shown
        out.append(summary)
    if _WORKER.get("collect"):
        gc.collect(0)
    return out


def summarize(path: str, cfg: Config) -> FileSummary:
    """Validate one file and keep what the register needs. Never raises."""
    from ..validate import validate_file

    try:
        result = validate_file(path, cfg)
    except Exception as exc:  # a parser bug on one odd file must not stop the batch
        return _failed(path, exc, cfg.lang)
    if result.error is not None:
        err = result.error
        msg = err.message_en if cfg.lang == "en" else err.message
        if getattr(err, "sheet", None):
            msg += f" ({'sheet' if cfg.lang == 'en' else 'lembar'} {err.sheet!r})"
        return FileSummary(path, error_code=getattr(err, "code", "BERKAS"), error=msg)
    out = FileSummary(path, findings=list(result.findings))
    for i, s in enumerate(result.sops):
        doc, totals = s.doc, s.totals
        acted: Counter[str] = Counter()
        for step in doc.steps:
            acted.update(step.actors)
        roles = list(doc.roles)
        roles += [r for r in acted if r not in roles]
        ident = {k: v.value for k, v in doc.identity.items()}
        ket = doc.boxes.get("keterkaitan")
        out.sops.append(SopSummary(
            sheet=doc.sheet, order=i, identity=ident,
            cells={"nomor": doc.identity["nomor"].cell, "nama": doc.identity["nama"].cell,
                   "keterkaitan": ket.cell if ket is not None else None},
            keterkaitan=ket.value if ket is not None else "",
            steps=len(doc.steps), roles=roles, total=totals.total,
            total_text=format_span(totals.total, cfg.calendar, cfg.lang) if totals.total else "",
            role_load=[(r, acted.get(r, 0), totals.roles.get(r)) for r in roles],
            findings=list(s.findings)))
    return out


def _failed(path: str, exc: BaseException, lang: str) -> FileSummary:
    if lang == "en":
        msg = (f"sopxl could not check this file ({type(exc).__name__}); please send it to the "
               "sopxl maintainers.")
    else:
        msg = (f"Berkas tidak dapat diperiksa karena kesalahan di sopxl ({type(exc).__name__}); "
               "kirimkan berkas ini ke pengelola sopxl.")
    return FileSummary(path, error_code="BERKAS-GAGAL-DIPERIKSA", error=msg)


