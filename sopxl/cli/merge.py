"""``sopxl merge``: many Bagian's workbooks into one register (Rekap SOP).

Arguments, a progress bar and the output files; the work is in ``sopxl.merge``. This module
is imported by every ``sopxl`` command to register its arguments, so it imports nothing
heavy at the top: the merge (and rich, when there is a terminal to draw on) load only when
``sopxl merge`` runs.
"""
from __future__ import annotations

import argparse
import json
import os
import time
from typing import Any, Callable, TextIO

from ..errors import SopxlError

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


def add_arguments(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    m = sub.add_parser("merge", help="rekap banyak buku kerja SOP menjadi satu register",
                       description="Membaca semua buku kerja SOP (.xlsx/.xlsm) dari berkas dan folder yang "
                                   "diberikan, memeriksanya, lalu menulis satu register: Daftar SOP, Temuan, "
                                   "Beban Pelaksana, Total Pelaksana, Keterkaitan dan Berkas Bermasalah.")
    m.add_argument("paths", nargs="+", metavar="PATH",
                   help="berkas atau folder (dibaca beserta subfoldernya)")
    m.add_argument("--out", metavar="REKAP.xlsx", help="buku kerja register yang ditulis")
    m.add_argument("--jobs", type=int, metavar="N", default=None,
                   help="jumlah proses pembaca (bawaan: jumlah CPU; 1 = tanpa proses tambahan)")
    m.add_argument("--json", action="store_true", help="cetak isi register sebagai JSON ke stdout")
    m.add_argument("--csv", metavar="FOLDER", help="tulis satu berkas CSV per tabel ke folder ini")
    m.add_argument("--map", metavar="PETA.json",
                   help='peta Bagian: {"berkas, nama berkas atau folder": "Nama Bagian"}')
    m.add_argument("--quiet", action="store_true", help="tanpa bilah kemajuan")
    m.add_argument("--force", action="store_true",
                   help="timpa --out walaupun berkas itu bukan register buatan sopxl")
    m.add_argument("--no-cache", action="store_true",
                   help="baca ulang semua berkas (tanpa cache rekap di samping register)")
    m.add_argument("--cache", metavar="BERKAS",
                   help="letak cache rekap (bawaan: .REKAP.xlsx.sopxl-cache di samping register)")
    common(m)


def _check_args(args: argparse.Namespace) -> None:
    if not (args.out or args.json or args.csv):
        raise SopxlError("Sebutkan keluaran: --out REKAP.xlsx, --json atau --csv FOLDER.", code="PERINTAH",
                         message_en="Name an output: --out REKAP.xlsx, --json or --csv FOLDER.")
    if args.out and os.path.splitext(args.out)[1].lower() != ".xlsx":
        raise SopxlError("Berkas register harus berekstensi .xlsx.", code="PERINTAH", path=args.out,
                         message_en="The register file must have the extension .xlsx.")
    if args.jobs is not None and args.jobs < 1:
        raise SopxlError("--jobs harus 1 atau lebih.", code="PERINTAH",
                         message_en="--jobs must be 1 or more.")


class _Counter:
    """A one-line counter on stderr, redrawn in place: "Membaca 120/1000 berkas"."""

    def __init__(self, stream: TextIO, lang: str):
        self.stream = stream
        self.word = ("Reading {0}/{1} files" if lang == "en" else "Membaca {0}/{1} berkas")
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        self.stream.write("\r" + self.word.format(done, total))
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\n")
        self.stream.flush()


class _RichBar:
    def __init__(self, stream: TextIO, lang: str, total: int):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TimeRemainingColumn(), console=Console(file=stream), transient=True)
        self.task = self.progress.add_task("Reading" if lang == "en" else "Membaca", total=total)
        self.progress.start()

    def __call__(self, done: int, total: int) -> None:
        self.progress.update(self.task, completed=done, total=total)

    def close(self) -> None:
        self.progress.stop()


def _progress(stream: TextIO, lang: str, total: int, quiet: bool):
    if quiet or not getattr(stream, "isatty", lambda: False)():
        return None
    try:
        return _RichBar(stream, lang, total)
    except ImportError:  # rich is optional: a plain counter does the job
        return _Counter(stream, lang)


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from .. import merge
    from ..config import load_config
    from ..merge.cache import Cache, cache_path, config_hash
    from ..merge.guard import check_output

    _check_args(args)
    where = None if args.no_cache else (args.cache or cache_path(args.out, args.csv))
    if (args.jobs or os.cpu_count() or 1) > 1 and (where is None or not os.path.exists(where)):
        # Every file will be read (no cache to find them in): the readers' fork server loads
        # sopxl meanwhile (a tenth of a second or more). With a cache, the weekly re-run may
        # read nothing; the readers start later, once that is known.
        from ..merge.batch import start_forkserver

        start_forkserver()
    lang = args.lang
    cfg = load_config(args.config, final=args.final, lang=lang)
    bmap = merge.load_map(args.map)
    merge.check_dependencies()  # a missing library is said at once, before minutes of reading
    sources, empty = merge.discover(args.paths)
    if args.out:
        sources = check_output(args.out, sources, args.force)
    for p in empty:
        stderr.write(f"sopxl: warning: no workbook in {p}\n" if lang == "en" else
                     f"sopxl: peringatan: tidak ada buku kerja di {p}\n")
    if not sources:
        raise SopxlError("Tidak ada buku kerja (.xlsx/.xlsm) yang dapat direkap.", code="REKAP-KOSONG",
                         message_en="No workbook (.xlsx/.xlsm) to merge.")
    cache = Cache(where, config_hash(cfg, args.config)) if where else None
    try:
        return _merge(args, sources, cfg, bmap, cache, stdout, stderr)
    except BaseException:
        if cache is not None:
            cache.discard()  # no half-written cache left behind (Ctrl+C, a failure)
        raise


def _merge(args: argparse.Namespace, sources: list, cfg: Any, bmap: Any, cache: Any, stdout: TextIO,
           stderr: TextIO) -> int:
    from .. import merge
    from ..merge.batch import Readers
    from ..merge.collect import collect, register_fingerprint, register_key, stamp_all

    lang = args.lang
    jobs = min(args.jobs or os.cpu_count() or 1, len(sources))
    # The register written last time still there as it was: probably nothing to read. Else
    # the readers start now and get ready while the cache is looked through (every file
    # hashed first when there is an old cache to look in; else each file is hashed just
    # before a reader gets it, in ``collect``).
    written = cache.old_meta.get("register_file") if cache is not None and args.out else None
    current = written if written and register_fingerprint(args.out) == written else None
    with Readers(cfg, config_path=args.config, jobs=jobs, warm=current is None) as readers:
        stamps = stamp_all(sources, cache) if cache is None or cache.old is not None else None
        # Nothing changed since this register was written (same files, same content, same
        # settings) and the register is still the file written then: it is left as it is.
        if current is not None and cache.old_meta.get("register") != register_key(sources, stamps or {},
                                                                                     cache, cfg, bmap):
            current = None
        if current is not None and not (args.csv or args.json):
            said = _stored_summary(cache.old_meta.get("summary"))
            if said is not None:  # the weekly re-run of an unchanged tree: nothing to read at all
                cache.keep()
                _print_summary(said, args, [], stdout, unchanged=True)
                return said["kode_keluar"]
        bar = _progress(stderr, lang, len(sources), args.quiet)
        with merge.collector_paused():
            try:
                reg, key = collect(sources, cfg, bmap, cache=cache, jobs=jobs, progress=bar, stamps=stamps,
                                   readers=readers)
            finally:
                if bar is not None:
                    bar.close()
    with merge.collector_paused():
        try:
            code, wrote = _write(reg, args, stdout, stderr, skip_register=current is not None)
        finally:
            reg.close()
    if cache is not None:
        if key is not None and args.out:
            made = current or (register_fingerprint(args.out) if wrote else None)
            if made:
                cache.meta.update(register=key, register_file=made,
                                  summary=json.dumps(dict(reg.summary, kode_keluar=code)))
        problem = cache.commit()
        if problem:
            stderr.write(f"sopxl: warning: the merge cache was not saved ({problem})\n" if lang == "en" else
                         f"sopxl: peringatan: cache rekap tidak tersimpan ({problem})\n")
    return code


_SUMMARY_KEYS = ("berkas", "berkas_terbaca", "berkas_bermasalah", "sop", "bagian", "sop_lulus", "galat",
                 "peringatan", "keterkaitan_tidak_ditemukan", "kode_keluar")


def _stored_summary(text: str | None) -> dict[str, int] | None:
    """The register's summary kept in the cache, checked (a cache is never trusted)."""
    try:
        said = json.loads(text or "")
    except ValueError:
        return None
    if not isinstance(said, dict) or set(said) != set(_SUMMARY_KEYS) \
            or not all(type(v) is int and v >= 0 for v in said.values()) \
            or said["kode_keluar"] not in (EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE):
        return None
    return said


def _write(reg: Any, args: argparse.Namespace, stdout: TextIO, stderr: TextIO, *,
           skip_register: bool = False) -> tuple[int, bool]:
    """Write the outputs; (exit code, whether the register workbook was written)."""
    from .. import merge

    lang = args.lang
    code = reg.exit_code
    written: list[str] = []
    wrote = False
    if args.out and not skip_register:
        try:
            merge.write_register(reg, args.out, lang)
            wrote = True
        except SopxlError as exc:  # the register is lost, but the other outputs still go out
            stderr.write(f"sopxl: {exc.text(lang)}\n")
            code = EXIT_UNREADABLE
    if args.csv:
        try:
            written.extend(merge.write_csv(reg, args.csv, lang))
        except SopxlError as exc:
            stderr.write(f"sopxl: {exc.text(lang)}\n")
            code = EXIT_UNREADABLE
        except OSError as exc:
            where = merge.register.shown_path(args.csv)
            stderr.write(f"sopxl: {where}: {exc.strerror or exc}\n")
            code = EXIT_UNREADABLE
    if args.json:
        merge.write_json(reg, stdout, dict(reg.summary, kode_keluar=code))
    else:
        _print_summary(reg, args, written, stdout, unchanged=skip_register)
    return code, wrote


def _print_summary(reg: Any, args: argparse.Namespace, csv_files: list[str], out: TextIO, *,
                   unchanged: bool = False) -> None:
    """The closing lines; ``reg`` is the register, or its summary as the cache kept it."""
    from ..merge.register import shown_path

    s = reg if isinstance(reg, dict) else reg.summary
    args = argparse.Namespace(**vars(args))
    args.out = shown_path(args.out) if args.out else args.out
    args.csv = shown_path(args.csv) if args.csv else args.csv
    if args.lang == "en":
        out.write(f"Register: {s['berkas']} files ({s['berkas_bermasalah']} with problems), {s['sop']} SOPs "
                  f"from {s['bagian']} units; {s['sop_lulus']} passed; {s['galat']} errors, "
                  f"{s['peringatan']} warnings.\n")
        if args.out:
            out.write(f"Up to date (no file changed): {args.out}\n" if unchanged else
                      f"Written: {args.out}\n")
        if csv_files:
            out.write(f"CSV: {len(csv_files)} files in {args.csv}\n")
        return
    out.write(f"Rekap: {s['berkas']} berkas ({s['berkas_bermasalah']} bermasalah), {s['sop']} SOP dari "
              f"{s['bagian']} Bagian; {s['sop_lulus']} lulus; {s['galat']} galat, {s['peringatan']} "
              "peringatan.\n")
    if args.out:
        out.write(f"Sudah mutakhir (tidak ada berkas yang berubah): {args.out}\n" if unchanged else
                  f"Ditulis: {args.out}\n")
    if csv_files:
        out.write(f"CSV: {len(csv_files)} berkas di {args.csv}\n")

