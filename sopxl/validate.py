"""Check workbooks: read, parse each sheet, run the schema and the rules, total the waktu.

This is the one entry point every front end uses (CLI, Excel button, LibreOffice macro,
batch merge). It never raises for a user's file: what cannot be read becomes
``FileResult.error``.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from .config import Config
from .durations import add
from .errors import SopxlError, WorkbookError
from .findings import Hit, catalogue, declare, resolve
from .grid import Grid
from .model import FileResult, SopDocument, SopResult, Span, Totals
from .parse.book import on_pages, pages_apart, parse_book, relocate
from .parse.settings import read_settings
from .parse.text import key
from .parse.vocab import Vocab, build_vocab
from .rules import Context, run_rules
from .schema import check_doc

# Codes about the workbook as a whole, which no single SOP's rules can see.
declare(__name__, "pelaksana-tidak-terdaftar", "pengaturan-tidak-terbaca", "tidak-ada-sop", "lembar-kosong")

_vocab_cache: dict[tuple, tuple[Config, Vocab]] = {}
_VOCAB_CACHE_MAX = 64
UNREAD_SHEETS = ("Status", "Checklist", "Petunjuk")


def vocab_for(cfg: Config) -> Vocab:
    """The compiled vocabulary of a configuration, built once per distinct one.

    A workbook with a Pengaturan sheet gets a Config of its own (``for_workbook``): a
    shallow copy sharing the run's labels, markers and units, with its calendar and roles.
    The cache is keyed by those shared objects and the calendar, not by the Config, so a
    batch of workbooks builds the vocabulary once rather than once per file; the workbook's
    roles are put in a copy of the cached one. An entry keeps the Config it was built
    from, so the ids in its key cannot be taken by other objects.
    """
    cache_key = (id(cfg.labels), id(cfg.markers), id(cfg.units), repr(sorted(cfg.calendar.items())))
    hit = _vocab_cache.get(cache_key)
    if hit is None:
        if len(_vocab_cache) >= _VOCAB_CACHE_MAX:
            _vocab_cache.clear()
        hit = _vocab_cache[cache_key] = (cfg, build_vocab(cfg))
    v = hit[1]
    roles = {key(r): r for r in cfg.roles}
    return v if roles == v.roles else dataclasses.replace(v, roles=roles)


def severities_of(cfg: Config) -> dict[str, str]:
    """``cfg.severities()``, made once for each set of rules (read-only): a batch checks every
    file under the same ones, and the table holds every code of the catalogue."""
    try:
        rules = (type(cfg), tuple(cfg.rules.items()), cfg.final, tuple(cfg.final_rules.items()))
        known = _SEVERITIES.get(rules)
    except TypeError:  # a value no dict key can hold: no memory of it
        return cfg.severities()
    if known is None:
        known = cfg.severities()
        if len(_SEVERITIES) >= 16:
            _SEVERITIES.clear()
        _SEVERITIES[rules] = known
    return known


_SEVERITIES: dict[tuple, dict[str, str]] = {}


def compute_totals(doc: SopDocument) -> Totals:
    total: Span | None = None
    sections: dict[str, Span] = {}
    roles: dict[str, Span] = {}
    for i, sec in enumerate(doc.sections):
        name = doc.section_label(i)
        sec_total: Span | None = None
        for step in sec.steps:
            minutes = step.minutes
            if minutes is None:
                continue
            # durations.add written out (the same sums in the same order): every step of a
            # merge comes through here, and nearly all have one marker, one actor.
            sec_total = minutes if sec_total is None else (sec_total[0] + minutes[0],
                                                           sec_total[1] + minutes[1])
            markers = step.markers
            if len(markers) == 1:  # one role acts: added without a list to go through
                actor = markers[0].role
                before = roles.get(actor)
                roles[actor] = minutes if before is None else (before[0] + minutes[0],
                                                               before[1] + minutes[1])
                continue
            for actor in step.actors:
                before = roles.get(actor)
                roles[actor] = minutes if before is None else (before[0] + minutes[0],
                                                               before[1] + minutes[1])
        if sec_total is not None:
            sections[name] = sec_total
        total = add(total, sec_total)
    return Totals(total, sections, roles)


def check_document(doc: SopDocument, parse_hits: list[Hit], cfg: Config, vocab: Vocab,
                   severities: dict[str, str] | None = None) -> SopResult:
    """``severities``: ``cfg.severities()``, when the caller checks many documents with one cfg."""
    if severities is None:
        severities = cfg.severities()
    totals = compute_totals(doc)
    # The rules see a next-page sheet's steps out of the first sheet's way (same addresses).
    apart = pages_apart(doc)
    hits = []
    hits.extend(check_doc(apart, totals, cfg))
    hits.extend(run_rules(apart, Context(cfg, vocab)))
    if cfg.roles:
        known = {key(r) for r in cfg.roles}
        for sec in apart.sections:
            for role in sec.roles:
                if key(role.name) not in known:
                    hits.append(Hit("pelaksana-tidak-terdaftar", role.cell, {"pelaksana": role.name}))
    findings = []
    for sheet, page_hits in on_pages(_dedupe([*parse_hits, *hits]), apart):
        findings.extend(resolve(page_hits, sheet, severities, cfg.lang))
    return SopResult(doc, findings, totals)


def empty_form(doc: SopDocument) -> bool:
    """The matrix header and nothing else: no step and no identity value (not even the kop)."""
    return not doc.steps and not any(t.value.strip() for t in doc.identity.values())


def _dedupe(hits: list[Hit]) -> list[Hit]:
    seen = set()
    out = []
    for h in hits:
        params = h.params
        # (name, str(value)) pairs in name order; names are unique, so values never compare.
        k = (h.code, h.cell, tuple(sorted(zip(params, map(str, params.values())))) if params else ())
        if k not in seen:
            seen.add(k)
            out.append(h)
    return out


def validate_grids(path: str, grids: Iterable[Grid], cfg: Config) -> FileResult:
    """Check sheets already read (from a file, or from an open workbook in Excel/Calc)."""
    grids = list(grids)
    result = FileResult(path=path)
    severities = severities_of(cfg)  # the Pengaturan sheet changes calendar and roles, not these
    settings = next((g for g in grids if g.name.strip().lower() == "pengaturan"), None)
    if settings is not None:
        calendar, roles, problems = read_settings(settings)
        for cell, label in problems:
            result.findings.extend(resolve([Hit("pengaturan-tidak-terbaca", cell, {"label": label})],
                                           settings.name, severities, cfg.lang))
        cfg = cfg.for_workbook(calendar, roles)
    result.calendar = dict(cfg.calendar)
    vocab = vocab_for(cfg)
    for reading in parse_book(grids, vocab):
        doc = reading.doc
        if doc is None:
            result.skipped.append((reading.grid.name, reading.skip or "bukan-sop"))
            # A sheet not read (a cover sheet left unpaired, a table not understood) says why.
            result.findings.extend(resolve(reading.hits, reading.grid.name, severities, cfg.lang))
            continue
        if empty_form(doc):
            # An untouched template sheet is a form, not an SOP: the register, the Buku and the
            # Keputusan leave it out of their counts, and validate says so instead of two errors.
            result.skipped.append((reading.grid.name, "lembar-kosong"))
            result.findings.extend(resolve([Hit("lembar-kosong", None)], reading.grid.name,
                                           severities, cfg.lang))
            continue
        sop = check_document(doc, reading.hits, cfg, vocab, severities)
        findings = relocate(sop.findings, doc)  # the same list unless the identity is borrowed
        result.sops.append(sop if findings is sop.findings else dataclasses.replace(sop, findings=findings))
    if not result.sops:
        why = why_no_sop(grids, result.skipped, settings)
        result.findings.extend(resolve([Hit("tidak-ada-sop", None, why)], None, severities, cfg.lang))
    return result


_NAMES_SHOWN = 5


def why_no_sop(grids: list[Grid], skipped: list[tuple[str, str]], settings: Grid | None) -> dict:
    """The params of ``tidak-ada-sop``: every sheet empty, every SOP sheet an empty form, or no
    procedure table at all. A coordinator reading the register's Berkas Bermasalah then knows
    whether the Bagian sent an empty file or one sopxl cannot read."""
    sheets = [g for g in grids if g is not settings and g.name not in UNREAD_SHEETS]
    forms = {name for name, reason in skipped if reason == "lembar-kosong"}
    blank = [g.name for g in sheets if not g.shapes and not any(str(v).strip() for v in g.values.values())]
    case = "tanpa-tabel"
    if sheets and len(blank) == len(sheets):
        case = "semua-kosong"
    elif forms:  # the sheets that look like SOPs are all forms, whatever else the workbook holds
        case = "semua-formulir"
    names = [g.name for g in sheets if case == "semua-kosong" or g.name in forms]
    shown = ", ".join(names[:_NAMES_SHOWN]) + (", …" if len(names) > _NAMES_SHOWN else "")
    phrases = catalogue()["tidak-ada-sop"]["sebab"][case]
    return {part: {lang: phrases[lang][part].format(lembar=shown) for lang in ("id", "en")}
            for part in ("sebab", "saran")}


def validate_file(path: str, cfg: Config) -> FileResult:
    from .read.xlsx import read_workbook

    try:
        # sopxl's own sheets (a long Checklist, the Petunjuk) are never SOPs: not even read.
        wb = read_workbook(path, skip=UNREAD_SHEETS)
    except SopxlError as exc:
        return FileResult(path=path, error=exc)
    except Exception as exc:  # a reader bug must not become a traceback for the user
        return FileResult(path=path, error=WorkbookError(
            f"Berkas tidak dapat dibaca ({type(exc).__name__}).", code="BERKAS-RUSAK", path=path,
            message_en=f"The file cannot be read ({type(exc).__name__})."))
    result = validate_grids(path, wb.sheets, cfg)
    read = {g.name for g in wb.sheets}
    result.skipped.extend((name, "lembar-sopxl") for name in wb.sheet_parts if name not in read)
    order = {name: i for i, name in enumerate(wb.sheet_parts)}
    result.skipped.sort(key=lambda item: order.get(item[0], len(order)))
    return result
