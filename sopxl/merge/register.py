"""Summaries → Register, in memory flat in the number of files.

Each file's summary is taken as it comes (``RegisterBuilder.add``) and written to a spool
file on disk; in memory stays only what the register-wide work needs per SOP (its Bagian,
Nomor, Nama, place and Keterkaitan items) and running totals per role. ``finish`` sorts the
SOPs (Bagian, file path, sheet order), finds the same Nomor or Nama twice and resolves each
Keterkaitan item; the tables are then streamed row by row (``Register.rows``), reading the
spool again, as often as there are outputs to write.
"""
from __future__ import annotations

import marshal
import os
import tempfile
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from sys import intern
from typing import Any

from ..config import Config
from ..durations import format_span
from ..findings import Hit, catalogue, declare, resolve
from ..model import Finding, Span
from ..parse.text import key as text_key
from .bagian import BagianMap, _bagian, _spellings
from .discover import Source, shown_path
from .halves import in_halves
from .references import _Index, _nomor_key, _words, split_references
from .summary import FileSummary, summary_data, to_json
from .tables import columns, minutes

NOMOR_GANDA, NAMA_GANDA, TIDAK_DITEMUKAN = declare(
    __name__, "rekap-nomor-ganda", "rekap-nama-ganda", "rekap-keterkaitan-tidak-ditemukan")


_HOW = ("", "nomor", "nama", "nama-mirip")  # how a reference matched, by its code in _Sop.links


_PREAD = hasattr(os, "pread")
_SPOOL_BATCH = 1 << 20  # bytes of parts written at once


class _Spool:
    """Parts of summaries in an unnamed temporary file: written once, read back by offset.

    Each part (a file's own findings, one SOP) is kept apart, so a table that visits the
    SOPs in register order (Bagian first, which may part a file's SOPs) loads only what it
    reads. Parts are stored with marshal, the fastest way back to plain data: the file is
    this process's own (unnamed, never seen by another program), unlike the cache, which is
    JSON because it is read again by a later run. They are written a megabyte at a time
    (a few parts a file: one write each cost more than making them).
    """

    def __init__(self, folder: str | None = None):
        self.fh = tempfile.TemporaryFile(prefix=".~sopxl-spool-", dir=folder)
        self.end = 0  # where the next part goes
        self.written = 0  # up to where the file holds the parts; the rest waits in pending
        self.pending: list[bytes] = []

    def put(self, part: Any) -> int:
        """Where the part is: its offset and length in one int (one per SOP is kept in memory)."""
        data = marshal.dumps(part)
        at = self.end
        self.end += len(data)
        self.pending.append(data)
        if self.end - self.written >= _SPOOL_BATCH:
            self.flush()
        return at << 32 | len(data)

    def flush(self) -> None:
        """Write what waits in memory: before reading, and when the register is made (a
        forked child may read the spool later: it must find every part in the file)."""
        if self.pending:
            self.fh.seek(self.written)
            self.fh.write(b"".join(self.pending))
            self.fh.flush()  # what is read past Python's buffer must be in the file
            self.written = self.end
            self.pending.clear()

    def get(self, where: int) -> Any:
        """The part as plain data (its shape was checked when it was put here)."""
        at, size = where >> 32, where & 0xFFFFFFFF
        if self.pending:
            self.flush()
        if _PREAD:
            # No shared file position: a child rendering a sheet (write/ahead.py) reads the
            # same open file at the same time.
            return marshal.loads(os.pread(self.fh.fileno(), size, at))
        self.fh.seek(at)
        return marshal.loads(self.fh.read(size))

    def close(self) -> None:
        self.fh.close()


class _File:
    __slots__ = ("source", "path", "where", "error_code", "error", "findings", "bagian", "no_sop")

    def __init__(self, source: Source, where: int, summary: dict[str, Any], bagian: str):
        self.source = source
        self.path = shown_path(source.path)
        self.where = where
        self.error_code = summary["error_code"]
        self.error = summary["error"]
        self.findings = len(summary["findings"])
        self.bagian = bagian  # used when the file has no SOP
        self.no_sop = ""
        if self.error is None and not summary["sops"]:
            why = next((f for f in summary["findings"] if f[0] == "tidak-ada-sop"), None)
            self.no_sop = why[4] if why else ""


class _Sop:
    # A national register holds one of these per SOP while its tables are made: what the
    # register-wide work needs, small (the rest of the SOP waits in the spool).
    __slots__ = ("file", "order", "bagian", "nomor", "nama", "sheet", "cells", "_refs", "errors",
                 "warnings", "extra", "links", "flags", "where", "found")

    def __init__(self, file: _File, sop: dict[str, Any], findings: list[list[Any]], index: int, bagian: str,
                 where: int, found: int):
        self.file = file
        # In the spool apart: the SOP's findings (``found``), most of its bytes, which only the
        # Temuan table reads, and the rest (``where``).
        self.where = where
        self.found = found
        self.order = index
        # Sheet names, cell addresses and Bagian repeat across thousands of SOPs ("SOP 01",
        # "F6", "Bagian Umum"): one copy each, not one per SOP.
        self.bagian = intern(bagian)
        idt, cells = sop["identity"], sop["cells"]
        self.nomor = idt.get("nomor", "")
        self.nama = idt.get("nama", "")
        self.sheet = intern(sop["sheet"])
        self.cells = tuple(None if c is None else intern(c)
                           for c in (cells.get("nomor"), cells.get("nama"), cells.get("keterkaitan")))
        self._refs = "\0".join(split_references(sop["keterkaitan"]))  # one text, not a list of them
        levels = [f[1] for f in findings]
        self.errors = levels.count("error")
        self.warnings = levels.count("warning")
        self.extra: tuple[Hit, ...] = ()
        # Per item of refs: the target SOP's row * 4 + how it matched (_HOW), or -1: not found.
        self.links: Sequence[int] = ()
        self.flags: tuple[str, ...] = ()

    @property
    def refs(self) -> list[str]:
        """The Keterkaitan items, one by one."""
        return self._refs.split("\0") if self._refs else []


class _RoleTotal:
    __slots__ = ("spellings", "sops", "steps", "lo", "hi", "timed", "bagian")

    def __init__(self) -> None:
        self.spellings: Counter[str] = Counter()
        self.sops = self.steps = 0
        self.lo = self.hi = 0.0
        self.timed = False
        self.bagian: set[str] = set()


class RegisterBuilder:
    """Takes summaries one by one, in any order; ``finish`` makes the Register."""

    def __init__(self, cfg: Config, bmap: BagianMap | None = None, spool_dir: str | None = None):
        self.cfg = cfg
        self.bmap = bmap or BagianMap()
        self.spool = _Spool(spool_dir)
        self.files: list[_File] = []
        self.sops: list[_Sop] = []
        self.roles: dict[str, _RoleTotal] = {}
        self.errors = self.warnings = 0
        self.finding_rows = self.load_rows = 0  # how long the Temuan and Beban tables get

    def add(self, source: Source, text: str) -> None:
        """One file's summary (JSON text from ``summary.to_json``, from a worker or the cache);
        ValueError, and nothing added, when the text is not a summary."""
        summary = summary_data(text)
        findings = summary["findings"]
        f = _File(source, self.spool.put(findings), summary,
                  shown_path(_bagian(source, "", self.bmap)[0]))
        self.files.append(f)
        self.finding_rows += len(findings)
        if findings:
            levels = [found[1] for found in findings]
            self.errors += levels.count("error")
            self.warnings += levels.count("warning")
        roles = self.roles
        for i, one in enumerate(summary["sops"]):
            instansi = one["identity"].get("instansi", "")
            found = one.pop("findings")
            bagian = shown_path(_bagian(source, instansi, self.bmap)[0])
            s = _Sop(f, one, found, i, bagian, self.spool.put(one), self.spool.put(found))
            self.sops.append(s)
            self.finding_rows += len(found)
            self.load_rows += len(one["role_load"])
            self.errors += s.errors
            self.warnings += s.warnings
            folded = s.bagian.casefold()
            seen: set[str] = set()
            for role, n, span in one["role_load"]:
                k = text_key(role) or role
                t = roles.get(k)
                if t is None:
                    t = roles[k] = _RoleTotal()
                t.spellings[role] += 1
                if k not in seen:
                    seen.add(k)
                    t.sops += 1
                t.steps += n
                if span:
                    t.lo += span[0]
                    t.hi += span[1]
                    t.timed = True
                t.bagian.add(folded)

    def finish(self) -> Register:
        return Register(self)


def build_register(sources: Sequence[Source], summaries: Iterable[FileSummary], cfg: Config,
                   bmap: BagianMap | None = None) -> Register:
    """The register from summaries already in memory (the library's way in; the command
    feeds ``RegisterBuilder`` as the files are read)."""
    by_path = {s.path: s for s in sources}
    builder = RegisterBuilder(cfg, bmap)
    for summ in summaries:
        builder.add(by_path[summ.path], to_json(summ))
    return builder.finish()


class Register:
    """The register: a summary, an exit code, and its tables as rows streamed in order."""

    def __init__(self, b: RegisterBuilder):
        self.cfg = b.cfg
        self.lang = b.cfg.lang
        self.spool = b.spool
        self.spool.flush()  # every part in the file before a forked child reads it
        self.severities = b.cfg.severities()
        cat = catalogue()
        self._sev = {code: self.severities.get(code, cat[code]["severity"])
                     for code in (NOMOR_GANDA, NAMA_GANDA, TIDAK_DITEMUKAN)}
        has_sop = {id(s.file) for s in b.sops}
        lone = [f for f in b.files if id(f) not in has_sop]  # unread, or read with no SOP
        self.spelling = _spellings([f.bagian for f in lone] + [s.bagian for s in b.sops])
        sp = self.spelling

        # Register order: Bagian (one spelling), file path, sheet order; a file with no SOP first.
        units: list[tuple[Any, ...]] = []
        folded = {bag: bag.casefold() for bag in sp.values()}  # one string a Bagian, not a SOP
        for f in lone:
            bag = sp[f.bagian.casefold()]
            units.append((folded[bag], bag, f.source.sort_key, -1, 0, f))
        for s in b.sops:
            bag = sp[s.bagian.casefold()]
            units.append((folded[bag], bag, s.file.source.sort_key, s.order, 1, s))
        units.sort(key=lambda u: u[:5])
        self.sequence: list[tuple[str, Any, str]] = []  # ("file", _File) or ("sop", _Sop), Bagian
        self.sops: list[_Sop] = []
        self.problems: list[tuple[str, _File]] = []
        for _k, bag, _key, order, is_sop, unit in units:
            if not is_sop:
                self.problems.append((bag, unit))
                if unit.error is None:  # read, but no sheet looked like an SOP
                    self.sequence.append(("file", unit, bag))
                continue
            if order == 0 and unit.file.findings:
                self.sequence.append(("file", unit.file, bag))
            unit.bagian = bag
            self.sequence.append(("sop", unit, bag))
            self.sops.append(unit)
        # Each SOP's Nomor and name as the duplicates and the references compare them.
        del units  # before the biggest moment for memory: the index below
        nomor_keys = [_nomor_key(s.nomor) for s in self.sops]
        name_words = [_words(s.nama) for s in self.sops]
        name_keys = [" ".join(w) for w in name_words]
        self._duplicates(nomor_keys, name_keys)
        self._references(_Index.of_keys(nomor_keys, name_words, name_keys))
        del nomor_keys, name_words, name_keys
        self.roles = b.roles
        self._rows_about = {
            "daftar_sop": len(self.sops), "beban_pelaksana": b.load_rows, "total_pelaksana": len(b.roles),
            "temuan": b.finding_rows + sum(len(s.extra) + s.links.count(-1) for s in self.sops),
            "keterkaitan": sum(len(s.refs) for s in self.sops), "berkas_bermasalah": len(self.problems)}
        unread = sum(1 for f in b.files if f.error is not None)
        # (errors, warnings) of each SOP, register-wide findings included; the Daftar SOP
        # table shows them again.
        self.counted = counted = [self._counts(s) for s in self.sops]
        errors = b.errors + sum(c[0] - s.errors for c, s in zip(counted, self.sops))
        warnings = b.warnings + sum(c[1] - s.warnings for c, s in zip(counted, self.sops))
        self.exit_code = 2 if unread else (1 if errors else 0)
        self.summary = {
            "berkas": len(b.files), "berkas_terbaca": len(b.files) - unread,
            "berkas_bermasalah": len(self.problems), "sop": len(self.sops),
            "bagian": len({s.bagian for s in self.sops}),
            "sop_lulus": sum(1 for c in counted if c[0] == 0),
            "galat": errors, "peringatan": warnings,
            "keterkaitan_tidak_ditemukan": sum(s.links.count(-1) for s in self.sops),
            "kode_keluar": self.exit_code,
        }

    # ------------------------------------------------------------------ register-wide findings

    def _where(self, s: _Sop) -> str:
        sheet = "sheet" if self.lang == "en" else "lembar"
        return f"{s.bagian}: {s.file.path}, {sheet} {s.sheet!r}"

    def _others(self, group: list[_Sop], me: _Sop) -> str:
        others = [o for o in group if o is not me]
        shown = [self._where(o) for o in others[:3]]
        if len(others) > 3:
            more = len(others) - 3
            shown.append(f"and {more} more" if self.lang == "en" else f"dan {more} lainnya")
        return "; ".join(shown)

    def _duplicates(self, nomor_keys: list[str], nama_keys: list[str]) -> None:
        for code, flag, keys in ((NOMOR_GANDA, "nomor", nomor_keys), (NAMA_GANDA, "nama", nama_keys)):
            # Counted first: a list per key would be a list per SOP, nearly all of one, held
            # at the register's busiest moment for memory.
            twice = {k for k, n in Counter(keys).items() if n > 1 and k}
            groups: dict[str, list[_Sop]] = defaultdict(list)
            for s, k in zip(self.sops, keys):
                if k in twice:
                    groups[k].append(s)
            for group in groups.values():
                for s in group:
                    s.flags += (flag,)
                    cell = s.cells[0] if flag == "nomor" else s.cells[1]
                    # Who else: rendered when the finding is written, from the group kept here.
                    s.extra += (Hit(code, cell, {flag: s.nomor if flag == "nomor" else s.nama,
                                                 "_group": group}),)

    def _references(self, index: _Index) -> None:
        def links_of(lo: int, hi: int) -> list[list[int] | None]:
            out: list[list[int] | None] = []
            for i in range(lo, hi):
                if not self.sops[i]._refs:
                    out.append(None)
                    continue
                links = []
                for item in self.sops[i].refs:
                    hit = index.resolve(item, i)
                    # A reference not found becomes its finding when the findings are written.
                    links.append(-1 if hit is None else hit[0] * 4 + _HOW.index(hit[1]))
                out.append(links)
            return out

        # The second half of the SOPs is resolved in a forked child, where there is fork.
        first, second = in_halves(len(self.sops), links_of)
        for s, links in zip(self.sops, chain(first, second)):
            if links:
                s.links = array("q", links)

    def _findings(self, s: _Sop) -> list[Finding]:
        if not s.extra and -1 not in s.links:
            return []  # nearly every SOP: no register-wide finding
        hits = []
        for h in self._extra(s):
            if "_group" in h.params:
                params = {k: v for k, v in h.params.items() if k != "_group"}
                params["lain"] = self._others(h.params["_group"], s)
                h = Hit(h.code, h.cell, params)
            hits.append(h)
        return resolve(hits, s.sheet, self.severities, self.lang)

    def _extra(self, s: _Sop) -> list[Hit]:
        """The register-wide findings of one SOP: duplicates, then references not found."""
        return [*s.extra, *(Hit(TIDAK_DITEMUKAN, s.cells[2], {"rujukan": item})
                            for item, link in zip(s.refs, s.links) if link < 0)]

    def _counts(self, s: _Sop) -> tuple[int, int]:
        codes = [h.code for h in s.extra] + [TIDAK_DITEMUKAN] * s.links.count(-1)
        return (s.errors + sum(self._sev[c] == "error" for c in codes),
                s.warnings + sum(self._sev[c] == "warning" for c in codes))

    def _sop_of(self, s: _Sop) -> dict[str, Any]:
        return self.spool.get(s.where)

    # ------------------------------------------------------------------ the tables, row by row

    def size(self, table: str) -> int:
        """About how many cells a table has (rows times columns), known before its rows are made."""
        return self._rows_about[table] * len(columns(table))

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """The rows of one table (raw values, keyed by column), numbered, in register order."""
        make = getattr(self, "_rows_" + table)
        blank = dict.fromkeys(k for k, _i, _e, _kind in columns(table))
        width = len(blank)
        for no, row in enumerate(make(), 1):
            row["no"] = no
            if len(row) < width:  # e.g. a reference not found has no target columns
                row = {**blank, **row}
            yield row

    def _rows_daftar_sop(self) -> Iterator[dict[str, Any]]:
        for s, (errors, warnings) in zip(self.sops, self.counted):
            sop = self._sop_of(s)
            idt = sop["identity"]
            total = sop["total"]
            yield {"bagian": s.bagian, "nomor_sop": s.nomor, "nama_sop": s.nama,
                   "tanggal_pembuatan": idt.get("tanggal_pembuatan", ""),
                   "tanggal_revisi": idt.get("tanggal_revisi", ""),
                   "tanggal_efektif": idt.get("tanggal_efektif", ""),
                   "disahkan_oleh": idt.get("disahkan_oleh", ""),
                   "jumlah_langkah": sop["steps"], "jumlah_pelaksana": len(sop["roles"]),
                   "pelaksana": sop["roles"], "total_waktu": sop["total_text"],
                   "menit_min": minutes(total[0]) if total else None,
                   "menit_maks": minutes(total[1]) if total else None,
                   "galat": errors, "peringatan": warnings, "lulus": errors == 0,
                   "ganda": list(s.flags), "berkas": s.file.path, "lembar": s.sheet}

    def _rows_temuan(self) -> Iterator[dict[str, Any]]:
        for kind, unit, bagian in self.sequence:
            if kind == "file":
                fs = self.spool.get(unit.where)
                nomor = nama = ""
                path = unit.path
            else:
                fs = self.spool.get(unit.found) + [
                    [f.code, f.severity, f.sheet, f.cell, f.message, f.hint] for f in self._findings(unit)]
                nomor, nama, path = unit.nomor, unit.nama, unit.file.path
            for code, severity, sheet, cell, message, hint in fs:
                yield {"bagian": bagian, "berkas": path, "lembar": sheet, "sel": cell,
                       "kode": code, "tingkat": severity, "pesan": message,
                       "saran": hint, "nomor_sop": nomor, "nama_sop": nama}

    def _rows_beban_pelaksana(self) -> Iterator[dict[str, Any]]:
        # A batch's roles share a few dozen spans: each written (and its minutes) once.
        shown: dict[Span, tuple[str, float | int | None, float | int | None]] = {}
        for s in self.sops:
            for role, n, raw in self._sop_of(s)["role_load"]:
                if raw:
                    span = (raw[0], raw[1])
                    got = shown.get(span)
                    if got is None:
                        got = shown[span] = (format_span(span, self.cfg.calendar, self.lang),
                                             minutes(span[0]), minutes(span[1]))
                    waktu, lo, hi = got
                else:
                    waktu, lo, hi = "", None, None
                yield {"bagian": s.bagian, "nomor_sop": s.nomor, "nama_sop": s.nama,
                       "pelaksana": role, "jumlah_langkah": n, "menit_min": lo, "menit_maks": hi,
                       "waktu": waktu, "berkas": s.file.path, "lembar": s.sheet}

    def _rows_total_pelaksana(self) -> Iterator[dict[str, Any]]:
        """Per role across every SOP: how many Bagian and SOPs, steps, and minutes, heaviest
        first. Roles are the same when their names are (ignoring case, spaces and
        punctuation). A step acted by two roles counts fully for each, as in the SOP's own
        totals."""
        rows: list[dict[str, Any]] = []
        for k in sorted(self.roles):
            t = self.roles[k]
            spelling = sorted(t.spellings.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            bagian = sorted({self.spelling[b] for b in t.bagian}, key=lambda x: (x.casefold(), x))
            span = (t.lo, t.hi) if t.timed else None
            rows.append({"pelaksana": spelling, "jumlah_bagian": len(bagian), "jumlah_sop": t.sops,
                         "jumlah_langkah": t.steps,
                         "menit_min": minutes(span[0]) if span else None,
                         "menit_maks": minutes(span[1]) if span else None,
                         "waktu": format_span(span, self.cfg.calendar, self.lang) if span else "",
                         "bagian": bagian})
        rows.sort(key=lambda r: (-(r["menit_maks"] or 0), r["pelaksana"].casefold(), r["pelaksana"]))
        yield from rows

    def _rows_keterkaitan(self) -> Iterator[dict[str, Any]]:
        for s in self.sops:
            for item, link in zip(s.refs, s.links):
                row = {"bagian": s.bagian, "nomor_sop": s.nomor, "nama_sop": s.nama, "rujukan": item,
                       "berkas": s.file.path, "lembar": s.sheet, "sel": s.cells[2]}
                if link < 0:
                    row["status"] = "tidak-ditemukan"
                else:
                    target, how = divmod(link, 4)
                    t = self.sops[target]
                    row.update(status="ditemukan", cocok=_HOW[how], bagian_tujuan=t.bagian,
                               nomor_tujuan=t.nomor, nama_tujuan=t.nama,
                               berkas_tujuan=t.file.path, lembar_tujuan=t.sheet)
                yield row

    def _rows_berkas_bermasalah(self) -> Iterator[dict[str, Any]]:
        for bag, f in self.problems:
            if f.error is not None:
                yield {"bagian": bag, "berkas": f.path, "kode": f.error_code, "alasan": f.error}
            else:
                yield {"bagian": bag, "berkas": f.path, "kode": "tidak-ada-sop", "alasan": f.no_sop}

    def close(self) -> None:
        """Remove the spool (also done when the process ends)."""
        self.spool.close()

