"""Summaries → Register: one table per sheet, in a stable order (Bagian, file path, sheet
order), with the register-wide findings (Nomor or Nama SOP twice, a Keterkaitan that names
no SOP) added. The only place pandas is used (lazily: workers never load it).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from ..config import Config
from ..durations import format_span
from ..findings import Hit, declare, resolve
from ..model import Finding, Span
from ..parse.text import key as text_key
from .bagian import BagianMap, _bagian
from .discover import Source
from .references import _Index, _nama_key, _nomor_key, split_references
from .summary import FileSummary, SopSummary
from .tables import Register, frame, minutes, numbered, require_pandas

NOMOR_GANDA, NAMA_GANDA, TIDAK_DITEMUKAN = declare(
    __name__, "rekap-nomor-ganda", "rekap-nama-ganda", "rekap-keterkaitan-tidak-ditemukan")


def _where(rows: list[dict[str, Any]], i: int, lang: str) -> str:
    r = rows[i]
    sheet = "sheet" if lang == "en" else "lembar"
    return f"{r['bagian']}: {r['berkas']}, {sheet} {r['lembar']!r}"


def _others(rows: list[dict[str, Any]], idx: list[int], me: int, lang: str) -> str:
    others = [_where(rows, j, lang) for j in idx if j != me]
    if len(others) > 3:
        more = len(others) - 3
        others = others[:3] + [f"and {more} more" if lang == "en" else f"dan {more} lainnya"]
    return "; ".join(others)


def build_register(sources: Sequence[Source], summaries: Sequence[FileSummary], cfg: Config,
                   bmap: BagianMap | None = None) -> Register:
    """The register tables from the summaries, sorted by Bagian, file path and sheet order."""
    bmap = bmap or BagianMap()
    lang = cfg.lang
    severities = cfg.severities()
    by_path = {s.path: s for s in sources}

    # Every SOP and every problem file, with its Bagian; one spelling per Bagian.
    units: list[tuple[Source, FileSummary, SopSummary | None, str]] = []
    for summ in summaries:
        src = by_path[summ.path]
        if summ.error is not None or not summ.sops:
            units.append((src, summ, None, _bagian(src, "", bmap)[0]))
        for one in summ.sops:
            units.append((src, summ, one, _bagian(src, one.identity.get("instansi", ""), bmap)[0]))
    spelling = _spellings(u[3] for u in units)
    units.sort(key=lambda u: (spelling[u[3].casefold()].casefold(), spelling[u[3].casefold()],
                              u[0].sort_key, -1 if u[2] is None else u[2].order))

    sop_rows: list[dict[str, Any]] = []
    sop_units: list[tuple[Source, FileSummary, SopSummary]] = []
    problems: list[dict[str, Any]] = []
    sequence: list[tuple[str, Any, str]] = []  # ("sop", row) or ("file", summary), register order
    for src, summ, sop, bag in units:
        bagian = spelling[bag.casefold()]
        if sop is None:
            if summ.error is not None:
                problems.append({"bagian": bagian, "berkas": summ.path, "kode": summ.error_code,
                                 "alasan": summ.error})
            else:  # read, but no sheet looked like an SOP
                why = next((f for f in summ.findings if f.code == "tidak-ada-sop"), None)
                problems.append({"bagian": bagian, "berkas": summ.path, "kode": "tidak-ada-sop",
                                 "alasan": why.message if why else ""})
                sequence.append(("file", summ, bagian))
            continue
        if sop.order == 0 and summ.findings:
            sequence.append(("file", summ, bagian))
        sequence.append(("sop", len(sop_rows), bagian))
        idt = sop.identity
        sop_rows.append({
            "bagian": bagian, "nomor_sop": idt.get("nomor", ""), "nama_sop": idt.get("nama", ""),
            "tanggal_pembuatan": idt.get("tanggal_pembuatan", ""),
            "tanggal_revisi": idt.get("tanggal_revisi", ""),
            "tanggal_efektif": idt.get("tanggal_efektif", ""),
            "disahkan_oleh": idt.get("disahkan_oleh", ""),
            "jumlah_langkah": sop.steps, "jumlah_pelaksana": len(sop.roles), "pelaksana": list(sop.roles),
            "total_waktu": sop.total_text, "menit_min": minutes(sop.total[0]) if sop.total else None,
            "menit_maks": minutes(sop.total[1]) if sop.total else None,
            "ganda": [], "berkas": summ.path, "lembar": sop.sheet,
        })
        sop_units.append((src, summ, sop))

    # Register-wide findings: the same Nomor or Nama twice, a Keterkaitan that names no SOP.
    extra: list[list[Finding]] = [[] for _ in sop_rows]
    for field_key, code, flag, key_of in (("nomor_sop", NOMOR_GANDA, "nomor", _nomor_key),
                                          ("nama_sop", NAMA_GANDA, "nama", _nama_key)):
        groups: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(sop_rows):
            k = key_of(r[field_key])
            if k:
                groups[k].append(i)
        for idx in groups.values():
            if len(idx) < 2:
                continue
            for i in idx:
                sop_rows[i]["ganda"].append(flag)
                cell = sop_units[i][2].cells.get("nomor" if flag == "nomor" else "nama")
                params = {flag: sop_rows[i][field_key], "lain": _others(sop_rows, idx, i, lang)}
                extra[i].extend(resolve([Hit(code, cell, params)], sop_rows[i]["lembar"], severities, lang))

    index = _Index([r["nomor_sop"] for r in sop_rows], [r["nama_sop"] for r in sop_rows])
    links: list[dict[str, Any]] = []
    for i, (_src, _summ, sop) in enumerate(sop_units):
        r = sop_rows[i]
        for item in split_references(sop.keterkaitan):
            hit = index.resolve(item, i)
            row = {"bagian": r["bagian"], "nomor_sop": r["nomor_sop"], "nama_sop": r["nama_sop"],
                   "rujukan": item, "berkas": r["berkas"], "lembar": r["lembar"],
                   "sel": sop.cells.get("keterkaitan")}
            if hit is None:
                row["status"] = "tidak-ditemukan"
                miss = Hit(TIDAK_DITEMUKAN, row["sel"], {"rujukan": item})
                extra[i].extend(resolve([miss], r["lembar"], severities, lang))
            else:
                t = sop_rows[hit[0]]
                row.update(status="ditemukan", cocok=hit[1], bagian_tujuan=t["bagian"],
                           nomor_tujuan=t["nomor_sop"], nama_tujuan=t["nama_sop"],
                           berkas_tujuan=t["berkas"], lembar_tujuan=t["lembar"])
            links.append(row)

    # Findings, counts and verdicts; workbook-level findings come before the file's first SOP.
    findings_rows: list[dict[str, Any]] = []
    errors = warnings = 0
    for kind, what, bagian in sequence:
        if kind == "file":
            fs, nomor, nama, path = what.findings, "", "", what.path
        else:
            r = sop_rows[what]
            fs = list(sop_units[what][2].findings) + extra[what]
            nomor, nama, path = r["nomor_sop"], r["nama_sop"], r["berkas"]
            r["galat"] = sum(f.severity == "error" for f in fs)
            r["peringatan"] = sum(f.severity == "warning" for f in fs)
            r["lulus"] = r["galat"] == 0
        for f in fs:
            errors += f.severity == "error"
            warnings += f.severity == "warning"
            findings_rows.append({"bagian": bagian, "berkas": path, "lembar": f.sheet, "sel": f.cell,
                                  "kode": f.code, "tingkat": f.severity, "pesan": f.message,
                                  "saran": f.hint, "nomor_sop": nomor, "nama_sop": nama})

    load_rows = []
    shown_spans: dict[Span, str] = {}  # a batch's roles share a few dozen spans: each written once
    for i, (_src, _summ, sop) in enumerate(sop_units):
        r = sop_rows[i]
        for role, n, span in sop.role_load:
            waktu = ""
            if span:
                waktu = shown_spans.get(span) or shown_spans.setdefault(
                    span, format_span(span, cfg.calendar, lang))
            load_rows.append({"bagian": r["bagian"], "nomor_sop": r["nomor_sop"], "nama_sop": r["nama_sop"],
                              "pelaksana": role, "jumlah_langkah": n,
                              "menit_min": minutes(span[0]) if span else None,
                              "menit_maks": minutes(span[1]) if span else None,
                              "waktu": waktu,
                              "berkas": r["berkas"], "lembar": r["lembar"], "_sop": i})

    tables = {
        "daftar_sop": numbered("daftar_sop", sop_rows),
        "temuan": numbered("temuan", findings_rows),
        "beban_pelaksana": numbered("beban_pelaksana", load_rows),
        "total_pelaksana": _role_totals(load_rows, cfg),
        "keterkaitan": numbered("keterkaitan", links),
        "berkas_bermasalah": numbered("berkas_bermasalah", problems),
    }
    unread = sum(1 for s in summaries if s.error is not None)
    exit_code = 2 if unread else (1 if errors else 0)
    summary = {
        "berkas": len(summaries), "berkas_terbaca": len(summaries) - unread,
        "berkas_bermasalah": len(problems), "sop": len(sop_rows),
        "bagian": len({r["bagian"] for r in sop_rows}),
        "sop_lulus": sum(1 for r in sop_rows if r["lulus"]),
        "galat": errors, "peringatan": warnings,
        "keterkaitan_tidak_ditemukan": sum(1 for x in links if x["status"] != "ditemukan"),
        "kode_keluar": exit_code,
    }
    return Register(tables, summary, exit_code)


def _spellings(names: Iterable[str]) -> dict[str, str]:
    """One way to write each Bagian: the most used spelling (ties: the first in sort order)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for n in names:
        counts[n.casefold()][n] += 1
    return {k: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for k, c in counts.items()}


def _role_totals(load_rows: list[dict[str, Any]], cfg: Config):
    """Per role across every SOP: how many Bagian and SOPs, steps, and minutes, heaviest first.

    Roles are the same when their names are (ignoring case, spaces and punctuation). A step
    acted by two roles counts fully for each, as in the SOP's own totals.
    """
    pd = require_pandas()
    cols = ["no", "pelaksana", "jumlah_bagian", "jumlah_sop", "jumlah_langkah", "menit_min",
            "menit_maks", "waktu", "bagian"]
    if not load_rows:
        return frame("total_pelaksana", [])
    df = pd.DataFrame(load_rows, dtype=object)
    df["_key"] = [text_key(p) or p for p in df["pelaksana"]]
    df["_lo"] = pd.to_numeric(df["menit_min"]).fillna(0.0)
    df["_hi"] = pd.to_numeric(df["menit_maks"]).fillna(0.0)
    df["_timed"] = df["menit_min"].notna()
    spelling = {k: sorted(Counter(g).items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
                for k, g in df.groupby("_key", sort=True)["pelaksana"]}
    agg = df.groupby("_key", sort=True).agg(
        jumlah_sop=("_sop", "nunique"), jumlah_langkah=("jumlah_langkah", "sum"),
        _lo=("_lo", "sum"), _hi=("_hi", "sum"), _timed=("_timed", "any"))
    bagian = {k: sorted(set(g), key=lambda b: (b.casefold(), b)) for k, g in df.groupby("_key")["bagian"]}
    rows = []
    for k, a in agg.iterrows():
        timed = bool(a["_timed"])
        span = (float(a["_lo"]), float(a["_hi"])) if timed else None
        rows.append({"pelaksana": spelling[k], "jumlah_bagian": len(bagian[k]),
                     "jumlah_sop": int(a["jumlah_sop"]), "jumlah_langkah": int(a["jumlah_langkah"]),
                     "menit_min": minutes(span[0]) if span else None,
                     "menit_maks": minutes(span[1]) if span else None,
                     "waktu": format_span(span, cfg.calendar, cfg.lang) if span else "",
                     "bagian": bagian[k]})
    rows.sort(key=lambda r: (-(r["menit_maks"] or 0), r["pelaksana"].casefold(), r["pelaksana"]))
    out = numbered("total_pelaksana", rows)
    return out[cols]

