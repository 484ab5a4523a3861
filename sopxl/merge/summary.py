"""The per-file step of a merge: one workbook path → a small FileSummary.

``summarize(path, cfg)`` is a pure function of the file's bytes and the configuration, so
it runs anywhere: in this process, in the merge's worker processes (``summarize_batch``), or
on a cluster (see the README). A summary travels as JSON text (``to_json`` / ``from_json``):
from a worker, into the spool the register is built from, and into the re-merge cache; a
str pickles far faster than a tree of dataclasses, and JSON is safe to read back.
"""
from __future__ import annotations

import gc
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..config import Config, load_config
from ..durations import format_span
from ..model import FileResult, Finding, Span


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


def summarize_batch(items: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The worker's task: a few (path as shown, absolute path) in, (path as shown, summary
    as JSON text) out.

    Workers open the absolute path, so where a worker process happens to stand does not
    matter; the summary carries the path as the register shows it.
    """
    cfg = _WORKER.get("cfg")
    if cfg is None:
        cfg = _WORKER["cfg"] = load_config()
    out: list[tuple[str, str]] = []
    for shown, path in items:
        summary = summarize(path, cfg)
        summary.path = shown
        out.append((shown, WorkerText(to_json(summary))))
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
    return summary_of(path, result, cfg)


def summary_of(path: str, result: FileResult, cfg: Config) -> FileSummary:
    """What the register keeps of one file's ``validate_file`` result."""
    if result.error is not None:
        err = result.error
        msg = err.message_en if cfg.lang == "en" else err.message
        if getattr(err, "sheet", None):
            msg += f" ({'sheet' if cfg.lang == 'en' else 'lembar'} {err.sheet!r})"
        return FileSummary(path, error_code=getattr(err, "code", "BERKAS"), error=msg)
    out = FileSummary(path, findings=list(result.findings))
    for i, s in enumerate(result.sops):
        doc, totals = s.doc, s.totals
        actors: list[str] = []  # every step's actors, counted at once (in C) below
        for sec in doc.sections:
            for step in sec.steps:
                markers = step.markers
                if len(markers) == 1:  # nearly every step: one actor, as Step.actors says
                    actors.append(markers[0].role)
                else:
                    actors += step.actors
        acted = Counter(actors)  # in the order roles first act
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




def summary_text(path: str, cfg: Config) -> str:
    """``summarize`` as the JSON text ``RegisterBuilder.add`` takes: the per-file step as a
    pure function of (path, configuration), to map over files on any engine (a process
    pool, Dask, Ray) and reduce into one register."""
    return to_json(summarize(path, cfg))


# ---------------------------------------------------------------------------- as JSON text

FORMAT = 1  # bump when the JSON layout below changes: older cache entries are then ignored


def _finding(f: Finding) -> list:
    return [f.code, f.severity, f.sheet, f.cell, f.message, f.hint]


# json.dumps(data, separators=(",", ":")), made once; the data is a fresh tree of dicts and
# lists, never a cycle, so the encoder does not track every container it enters.
_ENCODER = json.JSONEncoder(separators=(",", ":"), check_circular=False)


def to_json(s: FileSummary) -> str:
    """The summary as compact JSON (ASCII: any file name, even one that is not UTF-8, fits)."""
    data = {"f": FORMAT, "path": s.path, "error_code": s.error_code, "error": s.error,
            "findings": [_finding(f) for f in s.findings],
            "sops": [{"sheet": o.sheet, "order": o.order, "identity": o.identity, "cells": o.cells,
                      "keterkaitan": o.keterkaitan, "steps": o.steps, "roles": o.roles,
                      "total": o.total, "total_text": o.total_text,
                      "role_load": o.role_load, "findings": [_finding(f) for f in o.findings]}
                     for o in s.sops]}
    return _ENCODER.encode(data)


class WorkerText(str):
    """A summary's JSON text as this package's worker made it (``summarize_batch``), from a
    ``FileSummary`` our own code built: its shape is right by construction, so the register
    reads it without ``checked`` (some 40 µs a file, in the one process every summary goes
    through). Text from anywhere else, the cache above all, is a plain str and
    is checked.

    It crosses the process boundary as a str does, plus the class: ``__getstate__`` says
    there is no state, which pickles it as cheaply as a str (pickle otherwise looks for
    slots and dict, some 8 µs a text)."""

    __slots__ = ()

    def __getstate__(self) -> None:
        return None


def summary_data(text: str | bytes) -> dict[str, Any]:
    """A summary's text as plain data: as it is from our own worker (``WorkerText``),
    ``checked`` otherwise."""
    if type(text) is WorkerText:
        return json.loads(text)
    return checked(text)


def _span(v: Any) -> Span | None:
    if v is None:
        return None
    lo, hi = v
    return (float(lo), float(hi))


def _findings(rows: Any) -> list[Finding]:
    out = []
    for code, sev, sheet, cell, message, hint in rows:
        if not (isinstance(code, str) and isinstance(sev, str) and isinstance(message, str)):
            raise ValueError("finding")
        out.append(Finding(code, sev, sheet, cell, message, hint or ""))
    return out


def from_json(text: str | bytes) -> FileSummary:
    """A summary back from ``to_json``'s text; ValueError when it is not one (a corrupt or
    foreign cache entry is then read again from the workbook, never trusted)."""
    try:
        d = json.loads(text)
        if d.get("f") != FORMAT:
            raise ValueError("format")
        sops = [SopSummary(
            sheet=str(o["sheet"]), order=int(o["order"]),
            identity={str(k): str(v) for k, v in o["identity"].items()},
            cells={str(k): (None if v is None else str(v)) for k, v in o["cells"].items()},
            keterkaitan=str(o["keterkaitan"]), steps=int(o["steps"]),
            roles=[str(r) for r in o["roles"]], total=_span(o["total"]), total_text=str(o["total_text"]),
            role_load=[(str(r), int(n), _span(sp)) for r, n, sp in o["role_load"]],
            findings=_findings(o["findings"])) for o in d["sops"]]
        return FileSummary(str(d["path"]), d["error_code"], d["error"], _findings(d["findings"]), sops)
    except (TypeError, KeyError, AttributeError, json.JSONDecodeError) as exc:
        raise ValueError(f"not a sopxl file summary: {exc}") from None


def _is_text(v: Any) -> bool:
    return v is None or isinstance(v, str)


# The shape check sees exact types: json.loads makes no subclasses, so ``type(v) in T`` says
# what ``isinstance`` does (with bool beside int, as isinstance(True, int) holds), and the
# types of a whole list are gathered in C (``issuperset(map(type, …))``). A national register
# reads hundreds of thousands of findings back from workers and the cache.
_STR, _STR_OR_NONE = frozenset((str,)), frozenset((str, type(None)))
_INT, _NUMBER, _LIST = frozenset((int, bool)), frozenset((int, float)), frozenset((list,))
# What each place of a finding holds: code, severity, sheet, cell, message, hint.
_TEXT, _TEXT_OR_NONE = _STR, _STR_OR_NONE
_FINDING = (_TEXT, _TEXT, _TEXT_OR_NONE, _TEXT_OR_NONE, _TEXT, _TEXT_OR_NONE)


def _check_findings(rows: Any) -> None:
    # Checked a place at a time over all the findings (types gathered in C).
    if type(rows) is not list:
        raise ValueError("findings")
    if not rows:
        return
    if not _LIST.issuperset(map(type, rows)) or set(map(len, rows)) != {6}:
        raise ValueError("finding")
    for place, allowed in zip(zip(*rows), _FINDING):
        if not allowed.issuperset(map(type, place)):
            raise ValueError("finding")


def _check_span(v: Any) -> None:
    # A number is an int or a float, not a bool.
    if v is not None and not (type(v) is list and len(v) == 2
                              and type(v[0]) in _NUMBER and type(v[1]) in _NUMBER):
        raise ValueError("span")


def checked(text: str | bytes) -> dict[str, Any]:
    """``to_json``'s text as plain data, its shape checked (ValueError when it is not a
    summary): what the register reads, without building a dataclass per finding."""
    try:
        d = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise ValueError("not JSON") from None
    if not isinstance(d, dict) or d.get("f") != FORMAT or not isinstance(d.get("path"), str) \
            or not _is_text(d.get("error_code")) or not _is_text(d.get("error")) \
            or not isinstance(d.get("sops"), list):
        raise ValueError("not a sopxl file summary")
    rows = d.get("findings")
    if type(rows) is not list:
        raise ValueError("findings")
    for o in d["sops"]:
        if type(o) is not dict:
            raise ValueError("sop")
        ident, cells, roles, loads = o.get("identity"), o.get("cells"), o.get("roles"), o.get("role_load")
        if not (type(o.get("sheet")) is str and type(o.get("order")) in _INT
                and type(ident) is dict and _STR.issuperset(map(type, ident.values()))
                and type(cells) is dict and _STR_OR_NONE.issuperset(map(type, cells.values()))
                and type(o.get("keterkaitan")) is str and type(o.get("steps")) in _INT
                and type(roles) is list and _STR.issuperset(map(type, roles))
                and type(o.get("total_text")) is str and type(loads) is list):
            raise ValueError("sop")
        _check_span(o.get("total"))
        for load in loads:
            if not (type(load) is list and len(load) == 3 and type(load[0]) is str
                    and type(load[1]) in _INT):
                raise ValueError("role load")
            _check_span(load[2])
        found = o.get("findings")
        if type(found) is not list:
            raise ValueError("findings")
        rows = rows + found  # the file's findings and its SOPs', checked in one pass
    _check_findings(rows)
    return d
