"""Many SOP workbooks → one register (Rekap SOP): the only module that uses pandas.

How a batch goes::

    discover(PATH…)        files and folders → Source list (lock, hidden and temp files skipped)
    summarize_batch(paths) validate_file on each file → FileSummary (small, picklable); this is
                           what worker processes run, so this module imports pandas lazily and
                           a worker never loads it
    read_all(…)            the summaries, in process pools or in this process
    build_register(…)      summaries → Register: one pandas DataFrame per table, in a stable
                           order (Bagian, file path, sheet order), with register-wide findings
                           (Nomor/Nama SOP twice, Keterkaitan that names no SOP) added
    register_sheets(…)     DataFrames → SheetSpecs for ``sopxl.write.package.new_workbook``
    write_csv(…), register_json(…)

The tables hold raw values (severity codes, booleans, lists, minutes as numbers); words
for people ("GALAT", "LULUS") are put in only when a sheet or a CSV file is made, so the
JSON stays machine-friendly.
"""
from __future__ import annotations

import difflib
import gc
import json
import os
import re
import stat
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..config import Config, load_config
from ..durations import format_span
from ..errors import ConfigError, SopxlError
from ..findings import Hit, resolve
from ..model import Finding, Span
from ..parse.text import key as text_key

__all__ = [
    "Source", "FileSummary", "SopSummary", "Register", "BagianMap", "TABLES",
    "discover", "summarize", "summarize_batch", "read_all", "build_register",
    "register_sheets", "write_register", "write_csv", "register_json", "bagian_from_instansi",
    "split_references", "load_map",
]

WORKBOOK_EXTS = (".xlsx", ".xlsm")
# Listed in "Berkas Bermasalah" with the reader's reason rather than silently ignored: an office
# that sends .xls or .ods should learn why its SOP is missing from the register.
PROBLEM_EXTS = (".xls", ".xlsb", ".ods")
_SKIP_DIRS = {"__macosx", "$recycle.bin", "system volume information"}

Progress = Callable[[int, int], None]


# ---------------------------------------------------------------------------- finding files

@dataclass(frozen=True)
class Source:
    """One workbook to read, and the folder name its Bagian falls back to."""

    path: str  # as shown in the register: the PATH argument joined with the path below it
    folder: str  # the Bagian folder name ("" when there is none)
    sort_key: tuple[str, ...]


def _hidden(entry: os.DirEntry) -> bool:
    """A dot name (Unix, macOS "._x.xlsx"), or Windows' hidden attribute (cached in DirEntry)."""
    if entry.name.startswith("."):
        return True
    if os.name != "nt":
        return False
    attrs = getattr(entry.stat(follow_symlinks=False), "st_file_attributes", 0)
    return bool(attrs & getattr(stat, "FILE_ATTRIBUTE_HIDDEN", 0))


def _temp_name(name: str) -> bool:
    # "~$Rekap.xlsx" is Excel's lock file, "~WRL0001.tmp" its temp copy, ".~lock.x#" LibreOffice's.
    return name.startswith(("~", ".")) or name.lower().endswith((".tmp", ".bak"))


def _wanted(name: str) -> bool:
    return name.lower().endswith(WORKBOOK_EXTS + PROBLEM_EXTS) and not _temp_name(name)


def _path_key(path: str) -> tuple[str, ...]:
    parts = [p for p in re.split(r"[\\/]+", path) if p not in ("", ".")]
    return tuple(p.casefold() for p in parts) + ("\x00" + path,)


def discover(paths: Sequence[str], *, exclude: Iterable[str] = ()) -> tuple[list[Source], list[str]]:
    """The workbooks under ``paths`` and the PATH arguments that held none.

    A folder is walked recursively in name order; a file named on the command line is taken
    whatever it is (a missing one becomes a problem row). The same file reached twice is
    read once; ``exclude`` names files never to read (the register being written).
    """
    seen = {os.path.realpath(p) for p in exclude}
    sources: list[Source] = []
    empty: list[str] = []
    for arg in _expand(paths):
        shown = os.path.normpath(arg)
        if not os.path.isdir(shown):
            name = os.path.basename(shown)
            if _temp_name(name) and os.path.exists(shown):
                continue  # a lock file named by a wildcard: never a workbook
            real = os.path.realpath(shown)
            if real not in seen:
                seen.add(real)
                folder = os.path.basename(os.path.dirname(os.path.abspath(shown)))
                sources.append(Source(shown, folder, _path_key(shown)))
            continue
        root_name = os.path.basename(os.path.abspath(shown))
        found = 0
        for path, rel in _walk(shown):
            real = os.path.realpath(path)
            if real in seen:
                continue
            seen.add(real)
            parts = re.split(r"[\\/]+", rel)
            folder = parts[0] if len(parts) > 1 else root_name
            sources.append(Source(path, folder, _path_key(path)))
            found += 1
        if not found:
            empty.append(arg)
    return sources, empty


def _expand(paths: Sequence[str]) -> list[str]:
    # Windows' cmd passes "*.xlsx" through unexpanded; a pattern that names no file is expanded here.
    import glob

    out: list[str] = []
    for p in paths:
        if not os.path.exists(p) and any(ch in p for ch in "*?["):
            out.extend(sorted(glob.glob(p), key=lambda x: (x.casefold(), x)) or [p])
        else:
            out.append(p)
    return out


def _walk(root: str) -> Iterable[tuple[str, str]]:
    """(path, path relative to root) of every wanted file, depth first, in name order."""
    stack = [("", root)]
    while stack:
        rel, folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: (e.name.casefold(), e.name))
        except OSError:
            continue  # an unreadable folder is skipped like a hidden one
        subdirs = []
        for e in entries:
            try:
                if _hidden(e):
                    continue
                if e.is_dir(follow_symlinks=False):
                    if e.name.casefold() not in _SKIP_DIRS:
                        subdirs.append(e)
                elif e.is_file() and _wanted(e.name):
                    yield os.path.join(folder, e.name), os.path.join(rel, e.name) if rel else e.name
            except OSError:
                continue
        for e in reversed(subdirs):
            stack.append((os.path.join(rel, e.name) if rel else e.name, os.path.join(folder, e.name)))


# ---------------------------------------------------------------------------- one file (workers)

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


# ---------------------------------------------------------------------------- many files

def _chunks(items: list[str], jobs: int) -> list[list[str]]:
    # Small enough for an even spread and a lively progress bar, big enough that the
    # per-task cost (pickling, queue round trip) stays far below the work.
    size = max(1, min(16, len(items) // (jobs * 4) or 1))
    return [items[i:i + size] for i in range(0, len(items), size)]


def _context():
    import multiprocessing as mp

    # Never "fork": a progress bar or the pool's own thread may hold a lock at fork time, and
    # Windows and macOS have only spawn anyway. forkserver starts one clean server and forks
    # workers from it, with sopxl already imported there: the reader (lxml) and the schema
    # check too, which every worker needs for its first file, imported once rather than
    # once per worker.
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["sopxl.merge", "sopxl.validate", "sopxl.read.xlsx", "sopxl.schema"])
        return ctx
    return mp.get_context("spawn")


def read_all(sources: Sequence[Source], cfg: Config, *, config_path: str | None = None,
             jobs: int = 1, progress: Progress | None = None) -> list[FileSummary]:
    """Summaries of every source, in the order given, whatever ``jobs`` is."""
    paths = [s.path for s in sources]
    total = len(paths)
    results: dict[str, FileSummary] = {}
    jobs = max(1, min(jobs, total))
    if jobs == 1:
        for i, p in enumerate(paths, 1):
            results[p] = summarize(p, cfg)
            if progress:
                progress(i, total)
    else:
        results = _pooled(paths, cfg, config_path, jobs, progress)
    return [results[p] for p in paths]


def _pooled(paths: list[str], cfg: Config, config_path: str | None, jobs: int,
            progress: Progress | None) -> dict[str, FileSummary]:
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    init = (os.path.abspath(config_path) if config_path else None, cfg.final, cfg.lang)
    results: dict[str, FileSummary] = {}
    done = 0
    total = len(paths)
    failed: list[str] = []
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=init_worker,
                             initargs=init) as pool:
        futures = {pool.submit(summarize_batch, [(p, os.path.abspath(p)) for p in chunk]): chunk
                   for chunk in _chunks(paths, jobs)}
        try:
            for fut in as_completed(futures):
                chunk = futures[fut]
                try:
                    for summary in fut.result():
                        results[summary.path] = summary
                except BrokenProcessPool:
                    failed.extend(chunk)  # some file killed its worker; find it below
                done += len(chunk)
                if progress:
                    progress(done, total)
        except KeyboardInterrupt:  # Ctrl+C: do not wait for the files still queued
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    if failed:
        results.update(_one_by_one(sorted(failed), init))
    return results


def _one_by_one(paths: list[str], init: tuple) -> dict[str, FileSummary]:
    """Files whose pool broke (a worker died: out of memory, a crash in a C library), read
    each in a pool of its own so the culprit is known and the others still get read."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    out: dict[str, FileSummary] = {}
    lang = init[2]
    for p in paths:
        try:
            with ProcessPoolExecutor(max_workers=1, mp_context=_context(), initializer=init_worker,
                                     initargs=init) as pool:
                out[p] = pool.submit(summarize_batch, [(p, os.path.abspath(p))]).result()[0]
        except BrokenProcessPool as exc:
            out[p] = _failed(p, exc, lang)
    return out


# ---------------------------------------------------------------------------- Bagian

_UNIT_WORD = re.compile(r"\b(bagian|biro)\b", re.I)
_SUB_BEFORE = re.compile(r"\bsub[\s\-.]*$", re.I)
# Where a Bagian's name ends: a lower unit, the address, or the region that follows it.
_UNIT_END = re.compile(
    r"\b(?:sub[\s\-.]*bag(?:ian)?|bidang|seksi|upt|jl|jln|jalan|telp|telepon|tlp|fax|faks|"
    r"e-?mail|website|kode\s+pos|pemerintah|provinsi|kabupaten|kab|kota|sekretariat|setda)\b"
    r"|[,;:(\n\d]", re.I)
_SMALL_WORDS = {"dan", "atau", "serta", "di", "ke", "dari", "untuk", "pada", "&"}
_VOWELS = set("aeiouAEIOU")


@lru_cache(maxsize=1024)  # an office's SOPs share one instansi text
def bagian_from_instansi(text: str) -> str | None:
    """The Bagian (or Biro) an instansi text names, in title case; None when it names none.

    "PEMERINTAH KOTA MOJOKERTO SEKRETARIAT DAERAH BAGIAN ORGANISASI" -> "Bagian Organisasi".
    The first BAGIAN/BIRO that is not part of "SUB BAGIAN" counts; its name runs to the end,
    to a lower unit (Sub Bagian, Bidang, Seksi, UPT), an address or a region word.
    """
    for m in _UNIT_WORD.finditer(text or ""):
        if _SUB_BEFORE.search(text[:m.start()]):
            continue
        rest = text[m.end():]
        end = _UNIT_END.search(rest)
        words = (rest[:end.start()] if end else rest).replace(".", " ").split()[:8]
        words = [w for w in words if any(ch.isalnum() for ch in w)]
        while words and words[-1].lower() in _SMALL_WORDS:
            words.pop()
        if not words:
            continue
        return " ".join([m.group(1).capitalize()] + [_title(w) for w in words])
    return None


def _title(word: str) -> str:
    if not word.isupper():
        return word  # written in mixed case on purpose ("e-Government")
    if word.lower() in _SMALL_WORDS:
        return word.lower()
    if word.isalpha() and not (set(word) & _VOWELS):
        return word  # an acronym such as PBJ or SDM
    return "-".join(p.capitalize() for p in word.split("-"))


@dataclass
class BagianMap:
    """``--map``: path, file name or folder → Bagian, checked in that order."""

    paths: dict[str, str] = field(default_factory=dict)  # realpath (casefolded) -> Bagian
    names: dict[str, str] = field(default_factory=dict)  # file or folder name (casefolded) -> Bagian

    def lookup(self, path: str) -> str | None:
        if not self.paths and not self.names:
            return None
        real = os.path.realpath(path)
        chain = [real]
        parent = os.path.dirname(real)
        while parent and parent not in chain:
            chain.append(parent)
            parent = os.path.dirname(parent)
        for p in chain:  # the file itself, then its folders, nearest first
            hit = self.paths.get(os.path.normcase(p).casefold())
            if hit:
                return hit
        for p in chain:
            hit = self.names.get(os.path.basename(p).casefold())
            if hit:
                return hit
        return None


def load_map(path: str | None) -> BagianMap:
    """Read a ``--map`` JSON file: ``{"Bagian Hukum/sop lama.xlsx": "Bagian Hukum", …}``.

    A key with a path separator is a path (relative to the map file's folder, or to the
    current folder); any key also matches a file or folder of that name.
    """
    bm = BagianMap()
    if not path:
        return bm
    try:
        with open(path, encoding="utf-8-sig") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise ConfigError("Berkas peta Bagian tidak ditemukan.", code="PETA-BAGIAN", path=path,
                          message_en="Bagian map file not found.") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"Berkas peta Bagian tidak dapat dibaca sebagai JSON: {exc}",
                          code="PETA-BAGIAN", path=path,
                          message_en=f"Bagian map file cannot be read as JSON: {exc}") from None
    if not isinstance(data, dict) or not all(
            isinstance(k, str) and k.strip() and isinstance(v, str) and v.strip()
            for k, v in data.items()):
        raise ConfigError('Peta Bagian harus berupa objek JSON {"berkas atau folder": "Nama Bagian"} '
                          "dengan teks yang tidak kosong.", code="PETA-BAGIAN", path=path,
                          message_en='The Bagian map must be a JSON object {"file or folder": '
                                     '"Bagian name"} of non-empty texts.')
    base = os.path.dirname(os.path.abspath(path))
    for k, v in data.items():
        k, v = k.strip(), " ".join(v.split())
        if re.search(r"[\\/]", k) or os.path.isabs(k):
            for cand in ([k] if os.path.isabs(k) else [os.path.join(base, k), os.path.abspath(k)]):
                bm.paths.setdefault(os.path.normcase(os.path.realpath(cand)).casefold(), v)
        name = os.path.basename(k.rstrip("\\/"))
        if name:
            bm.names.setdefault(name.casefold(), v)
    return bm


def _bagian(source: Source, instansi: str, bmap: BagianMap) -> tuple[str, str]:
    """(Bagian, where it came from): map, instansi, folder or file name."""
    mapped = bmap.lookup(source.path)
    if mapped:
        return mapped, "peta"
    named = bagian_from_instansi(instansi) if instansi else None
    if named:
        return named, "instansi"
    if source.folder:
        return " ".join(source.folder.split()), "folder"
    return os.path.splitext(os.path.basename(source.path))[0], "berkas"


# ---------------------------------------------------------------------------- Keterkaitan

_EMPTY_REFS = {"", "-", "--", "—", "–", "tidak ada", "n/a", "na", "nihil", "tidak", "belum ada", "0"}
_SEPARATORS = re.compile(r"[;\n\r]+")
# Inline list markers, as they stay after the parser folds a box onto one line:
# "1. SOP A 2. SOP B", "a) SOP A b) SOP B", "- SOP A - SOP B", "• SOP A".
_MARKER = re.compile(r"(?:^|\s)(?:\d{1,2}[.)]|[a-zA-Z][.)]|[-•·▪●*])(?=\s)")
_BEFORE_SOP = re.compile(r"\s*(?:,|\bdan\b|\bserta\b|&)\s*(?=\bSOP\b)", re.I)


def split_references(text: str) -> list[str]:
    """The related SOPs a Keterkaitan box names, one text each ([] for "-" or "Tidak ada")."""
    items: list[str] = []
    for piece in _SEPARATORS.split(text or ""):
        for part in _MARKER.split(piece):
            for item in _BEFORE_SOP.split(part):
                item = item.strip(" \t,.;:")
                item = re.sub(r"^(?:dan|serta)\s+", "", item, flags=re.I).strip()
                if item.casefold() not in _EMPTY_REFS and any(ch.isalnum() for ch in item):
                    items.append(" ".join(item.split()))
    return items


_NOISE_PREFIX = re.compile(
    r"^(?:(?:standa?r(?:d)?\s+operasional\s+prosedur|sop\s+ap|sop|s\s+o\s+p|prosedur|ap|"
    r"administrasi\s+pemerintahan|nomor|no|tentang)\s+)+")
_STOP_TOKENS = {"dan", "di", "ke", "dari", "untuk", "yang", "pada", "serta", "atau", "tentang"}


def _words(text: str) -> list[str]:
    t = unicodedata.normalize("NFKC", text).casefold().replace("&", " dan ")
    t = re.sub(r"[^\w]+|_", " ", t)
    t = _NOISE_PREFIX.sub("", " ".join(t.split()) + " ").strip()
    return t.split()


def _nomor_key(text: str) -> str:
    k = "".join(unicodedata.normalize("NFKC", text).casefold().split())
    return k if any(map(str.isdigit, k)) else ""  # "-" or "…" is no number


def _nama_key(text: str) -> str:
    return " ".join(_words(text))


def _tokens_match(a: list[str], b: list[str]) -> bool:
    """Same name up to typos: the same numbers, every word paired with an equal word or a
    near one (5+ letters, 88 % alike), and at most one short extra word (an acronym)."""
    if [t for t in a if t.isdigit()] != [t for t in b if t.isdigit()]:
        return False
    a = [t for t in a if t not in _STOP_TOKENS]
    b = [t for t in b if t not in _STOP_TOKENS]
    left, right = list(a), list(b)
    for t in a:
        if t in right:
            right.remove(t)
            left.remove(t)
    for t in list(left):
        near = next((u for u in right if len(t) >= 5 and len(u) >= 5
                     and difflib.SequenceMatcher(None, t, u).ratio() >= 0.88), None)
        if near is not None:
            right.remove(near)
            left.remove(t)
    extra = left + right
    return len(extra) == 0 or (len(extra) == 1 and len(extra[0]) <= 4 and len(a) >= 2 and len(b) >= 2)


class _Index:
    """The register's SOPs by Nomor and by Nama, for resolving Keterkaitan references."""

    def __init__(self, nomors: list[str], namas: list[str]):
        self.by_nomor: dict[str, int] = {}
        self.nomor_by_digits: dict[str, list[str]] = defaultdict(list)
        for i, n in enumerate(nomors):
            k = _nomor_key(n)
            if k and k not in self.by_nomor:
                self.by_nomor[k] = i
                digits = max(re.findall(r"\d+", k), key=len)
                self.nomor_by_digits[digits].append(k)
        self.words = [_words(n) for n in namas]
        self.by_nama: dict[str, int] = {}
        self.by_token: dict[str, list[int]] = defaultdict(list)
        for i, w in enumerate(self.words):
            if w:
                self.by_nama.setdefault(" ".join(w), i)
                for t in set(w) - _STOP_TOKENS:
                    self.by_token[t].append(i)

    def resolve(self, item: str, self_row: int) -> tuple[int, str] | None:
        """(row, "nomor" | "nama" | "nama-mirip") of the SOP ``item`` names, or None."""
        ikey = _nomor_key(item)
        if ikey:
            best = ""
            for d in set(re.findall(r"\d+", ikey)):
                for k in self.nomor_by_digits.get(d, ()):
                    if len(k) > len(best) and k in ikey:
                        best = k
            if best:
                return self.by_nomor[best], "nomor"
        words = _words(item)
        if not words:
            return None
        exact = self.by_nama.get(" ".join(words))
        if exact is not None:
            return exact, "nama"
        # Fuzzy: a typo leaves the other words exact, so candidates are the SOPs holding the
        # item's rarest indexed word (narrowed by the next rarest while there are many).
        if any(t.isdigit() and t not in self.by_token for t in words):
            return None  # a number no SOP name has: no fuzzy match can pair it
        postings = sorted((self.by_token[t] for t in set(words) - _STOP_TOKENS if t in self.by_token),
                          key=len)
        if not postings:
            return None
        cands = set(postings[0])
        for more in postings[1:]:
            if len(cands) <= 64:
                break
            cands &= set(more)
        n = len(words)
        for row in sorted(cands):
            other = self.words[row]
            if row != self_row and abs(len(other) - n) <= 1 and _tokens_match(words, other):
                return row, "nama-mirip"
        return None


# ---------------------------------------------------------------------------- the register

# One table = (key, sheet name, columns); a column = (key, Indonesian header, English header, kind).
# kind says how a value is shown: text, number, minutes, severity, verdict, list, flags,
# status, match.
Column = tuple[str, str, str, str]
TABLES: list[tuple[str, str, list[Column]]] = [
    ("daftar_sop", "Daftar SOP", [
        ("no", "No", "No", "number"),
        ("bagian", "Bagian", "Bagian (unit)", "text"),
        ("nomor_sop", "Nomor SOP", "SOP number", "text"),
        ("nama_sop", "Nama SOP", "SOP name", "text"),
        ("tanggal_pembuatan", "Tanggal Pembuatan", "Date made", "text"),
        ("tanggal_revisi", "Tanggal Revisi", "Date revised", "text"),
        ("tanggal_efektif", "Tanggal Efektif", "Date effective", "text"),
        ("disahkan_oleh", "Disahkan Oleh", "Approved by", "text"),
        ("jumlah_langkah", "Jumlah Langkah", "Steps", "number"),
        ("jumlah_pelaksana", "Jumlah Pelaksana", "Roles", "number"),
        ("pelaksana", "Pelaksana", "Role names", "list"),
        ("total_waktu", "Total Waktu", "Total time", "text"),
        ("menit_min", "Waktu Min (menit)", "Min (minutes)", "minutes"),
        ("menit_maks", "Waktu Maks (menit)", "Max (minutes)", "minutes"),
        ("galat", "Galat", "Errors", "number"),
        ("peringatan", "Peringatan", "Warnings", "number"),
        ("lulus", "Hasil", "Verdict", "verdict"),
        ("ganda", "Ganda", "Duplicate", "flags"),
        ("berkas", "Berkas", "File", "text"),
        ("lembar", "Lembar", "Sheet", "text"),
    ]),
    ("temuan", "Temuan", [
        ("no", "No", "No", "number"),
        ("bagian", "Bagian", "Bagian (unit)", "text"),
        ("berkas", "Berkas", "File", "text"),
        ("lembar", "Lembar", "Sheet", "text"),
        ("sel", "Sel", "Cell", "text"),
        ("kode", "Kode", "Code", "text"),
        ("tingkat", "Tingkat", "Severity", "severity"),
        ("pesan", "Pesan", "Message", "text"),
        ("saran", "Saran", "Hint", "text"),
        ("nomor_sop", "Nomor SOP", "SOP number", "text"),
        ("nama_sop", "Nama SOP", "SOP name", "text"),
    ]),
    ("beban_pelaksana", "Beban Pelaksana", [
        ("no", "No", "No", "number"),
        ("bagian", "Bagian", "Bagian (unit)", "text"),
        ("nomor_sop", "Nomor SOP", "SOP number", "text"),
        ("nama_sop", "Nama SOP", "SOP name", "text"),
        ("pelaksana", "Pelaksana", "Role", "text"),
        ("jumlah_langkah", "Jumlah Langkah", "Steps", "number"),
        ("menit_min", "Waktu Min (menit)", "Min (minutes)", "minutes"),
        ("menit_maks", "Waktu Maks (menit)", "Max (minutes)", "minutes"),
        ("waktu", "Waktu", "Time", "text"),
        ("berkas", "Berkas", "File", "text"),
        ("lembar", "Lembar", "Sheet", "text"),
    ]),
    ("total_pelaksana", "Total Pelaksana", [
        ("no", "No", "No", "number"),
        ("pelaksana", "Pelaksana", "Role", "text"),
        ("jumlah_bagian", "Jumlah Bagian", "Units", "number"),
        ("jumlah_sop", "Jumlah SOP", "SOPs", "number"),
        ("jumlah_langkah", "Jumlah Langkah", "Steps", "number"),
        ("menit_min", "Waktu Min (menit)", "Min (minutes)", "minutes"),
        ("menit_maks", "Waktu Maks (menit)", "Max (minutes)", "minutes"),
        ("waktu", "Waktu", "Time", "text"),
        ("bagian", "Bagian", "Bagian (units)", "list"),
    ]),
    ("keterkaitan", "Keterkaitan", [
        ("no", "No", "No", "number"),
        ("bagian", "Bagian", "Bagian (unit)", "text"),
        ("nomor_sop", "Nomor SOP", "SOP number", "text"),
        ("nama_sop", "Nama SOP", "SOP name", "text"),
        ("rujukan", "SOP Terkait (tertulis)", "Related SOP (as written)", "text"),
        ("status", "Status", "Status", "status"),
        ("cocok", "Cocok Menurut", "Matched by", "match"),
        ("bagian_tujuan", "Bagian Tujuan", "Target unit", "text"),
        ("nomor_tujuan", "Nomor SOP Tujuan", "Target SOP number", "text"),
        ("nama_tujuan", "Nama SOP Tujuan", "Target SOP name", "text"),
        ("berkas_tujuan", "Berkas Tujuan", "Target file", "text"),
        ("lembar_tujuan", "Lembar Tujuan", "Target sheet", "text"),
        ("berkas", "Berkas", "File", "text"),
        ("lembar", "Lembar", "Sheet", "text"),
        ("sel", "Sel", "Cell", "text"),
    ]),
    ("berkas_bermasalah", "Berkas Bermasalah", [
        ("no", "No", "No", "number"),
        ("bagian", "Bagian", "Bagian (unit)", "text"),
        ("berkas", "Berkas", "File", "text"),
        ("kode", "Kode", "Code", "text"),
        ("alasan", "Alasan", "Reason", "text"),
    ]),
]


@dataclass
class Register:
    tables: dict[str, Any]  # table key -> pandas DataFrame (object columns, raw values)
    summary: dict[str, Any]
    exit_code: int  # 0 all read and no error, 1 an error finding, 2 a file not read


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a batch is read, merged and written.

    A batch fills the process with objects that live to its end: every file's summary,
    then the register's tables and sheets. The collector would walk them all again and
    again, looking for garbage among objects that are not garbage: at 1,000 files that is
    a fifth of the time spent after the reading. Reference counting still frees the rest.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def check_pandas() -> None:
    """Say at once when pandas is missing (the message names the extra), without importing it."""
    import importlib.util

    if importlib.util.find_spec("pandas") is None:
        require_pandas()  # raises the message naming the extra to install


def pandas_in_background() -> None:
    """Say at once when pandas is missing, then import it (and the register's writer) on a
    thread while the workers read: the main process only waits then, and the imports cost
    a quarter of a second."""
    import threading

    check_pandas()
    # numpy (under pandas) starts its BLAS with a thread per core, which spin for a while:
    # a tenth of a CPU-second taken from the workers, for matrix work the register never
    # does. One thread is enough; a setting the user made is left as it is.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    threading.Thread(target=_import_quietly, name="sopxl-pandas", daemon=True).start()


def _import_quietly() -> None:
    try:
        import pandas  # noqa: F401
    except Exception:  # noqa: BLE001 - require_pandas() reports it when the tables are built
        pass
    try:
        from ..write import package  # noqa: F401  (the register's writer, needed at the end too)
    except Exception:  # noqa: BLE001 - imported again, and any error reported, when it writes
        pass


def require_pandas():
    """pandas, or a SopxlError naming the extra that installs it (pandas is optional)."""
    try:
        import pandas as pd
    except ImportError:
        raise SopxlError("Perintah merge memerlukan pandas. Pasang dengan: pip install \"sopxl[merge]\"",
                         code="PANDAS",
                         message_en='The merge command needs pandas. Install it with: '
                                    'pip install "sopxl[merge]"') from None
    return pd


def _frame(table: str, rows: list[dict[str, Any]]):
    pd = require_pandas()
    cols = [c[0] for c in _columns(table)]
    # Column by column: pandas takes a dict of lists faster than a list of row lists.
    return pd.DataFrame({c: [r.get(c) for r in rows] for c in cols}, columns=cols, dtype=object)


def _columns(table: str) -> list[Column]:
    return next(cols for k, _name, cols in TABLES if k == table)


def _minutes(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else round(float(x), 2)


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
            "total_waktu": sop.total_text, "menit_min": _minutes(sop.total[0]) if sop.total else None,
            "menit_maks": _minutes(sop.total[1]) if sop.total else None,
            "ganda": [], "berkas": summ.path, "lembar": sop.sheet,
        })
        sop_units.append((src, summ, sop))

    # Register-wide findings: the same Nomor or Nama twice, a Keterkaitan that names no SOP.
    extra: list[list[Finding]] = [[] for _ in sop_rows]
    for field_key, code, flag, key_of in (("nomor_sop", "rekap-nomor-ganda", "nomor", _nomor_key),
                                          ("nama_sop", "rekap-nama-ganda", "nama", _nama_key)):
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
                miss = Hit("rekap-keterkaitan-tidak-ditemukan", row["sel"], {"rujukan": item})
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
                              "menit_min": _minutes(span[0]) if span else None,
                              "menit_maks": _minutes(span[1]) if span else None,
                              "waktu": waktu,
                              "berkas": r["berkas"], "lembar": r["lembar"], "_sop": i})

    tables = {
        "daftar_sop": _numbered("daftar_sop", sop_rows),
        "temuan": _numbered("temuan", findings_rows),
        "beban_pelaksana": _numbered("beban_pelaksana", load_rows),
        "total_pelaksana": _role_totals(load_rows, cfg),
        "keterkaitan": _numbered("keterkaitan", links),
        "berkas_bermasalah": _numbered("berkas_bermasalah", problems),
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


def _numbered(table: str, rows: list[dict[str, Any]]):
    for i, r in enumerate(rows, 1):
        r["no"] = i
    return _frame(table, rows)


def _role_totals(load_rows: list[dict[str, Any]], cfg: Config):
    """Per role across every SOP: how many Bagian and SOPs, steps, and minutes, heaviest first.

    Roles are the same when their names are (ignoring case, spaces and punctuation). A step
    acted by two roles counts fully for each, as in the SOP's own totals.
    """
    pd = require_pandas()
    cols = ["no", "pelaksana", "jumlah_bagian", "jumlah_sop", "jumlah_langkah", "menit_min",
            "menit_maks", "waktu", "bagian"]
    if not load_rows:
        return _frame("total_pelaksana", [])
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
                     "menit_min": _minutes(span[0]) if span else None,
                     "menit_maks": _minutes(span[1]) if span else None,
                     "waktu": format_span(span, cfg.calendar, cfg.lang) if span else "",
                     "bagian": bagian[k]})
    rows.sort(key=lambda r: (-(r["menit_maks"] or 0), r["pelaksana"].casefold(), r["pelaksana"]))
    out = _numbered("total_pelaksana", rows)
    return out[cols]


# ---------------------------------------------------------------------------- output

_WORDS = {
    "id": {"error": "GALAT", "warning": "PERINGATAN", "info": "INFO", True: "LULUS",
           False: "PERLU PERBAIKAN", "ditemukan": "Ditemukan", "tidak-ditemukan": "Tidak ditemukan",
           "nomor": "Nomor", "nama": "Nama", "nama-mirip": "Nama (mirip)",
           "flag-nomor": "Nomor ganda", "flag-nama": "Nama ganda"},
    "en": {"error": "ERROR", "warning": "WARNING", "info": "INFO", True: "PASSED",
           False: "NEEDS WORK", "ditemukan": "Found", "tidak-ditemukan": "Not found",
           "nomor": "Number", "nama": "Name", "nama-mirip": "Name (similar)",
           "flag-nomor": "Duplicate number", "flag-nama": "Duplicate name"},
}


def _shown(value: Any, kind: str, lang: str) -> Any:
    """A raw table value as a person reads it in the register or a CSV file."""
    words = _WORDS["en" if lang == "en" else "id"]
    if value is None or (isinstance(value, float) and value != value):
        return None
    if kind == "list":
        return "; ".join(str(v) for v in value)
    if kind == "flags":
        return ", ".join(words[f"flag-{v}"] for v in value)
    if kind in ("severity", "verdict", "status", "match"):
        return words.get(value, value)
    return value


# Kinds whose values _shown rewrites; every other kind shows its value as it is.
_WORDED = frozenset(("list", "flags", "severity", "verdict", "status", "match"))


def _shown_column(values: list[Any], kind: str, lang: str) -> list[Any]:
    """``_shown`` over a whole column. Text and number columns hold most of a register's
    cells and only lose their NaNs (to None): that is done without a call per value."""
    if kind in _WORDED:
        return [_shown(v, kind, lang) for v in values]
    if not any(issubclass(t, float) for t in set(map(type, values))):
        return values  # no float, so no NaN
    return [None if isinstance(v, float) and v != v else v for v in values]


def _display_columns(table: str, df, lang: str) -> tuple[list[str], list[list[Any]], list[str]]:
    cols = _columns(table)
    headers = [c[2] if lang == "en" else c[1] for c in cols]
    data = [_shown_column(df[k].tolist(), kind, lang) for k, _i, _e, kind in cols]
    return headers, data, [c[3] for c in cols]


_SEVERITY_STYLE = {"error": "error", "warning": "warning"}


def _cell_style(kind: str, raw: Any) -> str | None:
    """The colour a value gets: errors red, warnings yellow, a pass green; None is plain."""
    if kind == "severity":
        return _SEVERITY_STYLE.get(raw)
    if kind == "verdict":
        return "ok" if raw else "error"
    if kind == "flags":
        return "warning" if raw else None
    return "warning" if raw == "tidak-ditemukan" else None  # status


def _longest(values: list[Any]) -> int:
    """The longest value's length as text (None left out), as the column width is fitted to.

    A register column holds tens of thousands of values but few distinct ones; when it holds
    only texts (or only whole numbers) each distinct value is measured once, in C loops.
    """
    types = set(map(type, values))
    types.discard(type(None))
    if types <= {str} or types <= {int}:  # no two distinct values here print alike
        distinct = set(values)
        distinct.discard(None)
        return max(map(len, map(str, distinct)), default=0)
    return max((len(v) if isinstance(v, str) else len(str(v)) for v in values if v is not None),
               default=0)


def register_sheets(reg: Register, lang: str = "id") -> list:
    """One SheetSpec per table: a styled header row, frozen, with a filter and fitted widths.

    Data cells are plain values (Excel's default look) except the ones whose colour says
    something: severity, verdict, duplicates, references not found. Tens of thousands of
    rows stay quick to build and to write.
    """
    from ..a1 import col_to_letters
    from ..sheetspec import CellSpec, SheetSpec

    specs = []
    for table, name, cols in TABLES:
        df = reg.tables[table]
        headers, data, kinds = _display_columns(table, df, lang)
        # Widths from the shown values, before some of them are wrapped in a CellSpec.
        widths = {j: float(min(60, max(len(h) + 3, _longest(data[j]) + 2, 6)))
                  for j, h in enumerate(headers)}
        for j, kind in enumerate(kinds):
            if kind in ("severity", "verdict", "flags", "status"):
                raw = df[cols[j][0]].tolist()
                styles = [_cell_style(kind, r) for r in raw]
                data[j] = [CellSpec(v, st) if st else v for v, st in zip(data[j], styles)]
        rows: list[list[Any]] = [[CellSpec(h, "header") for h in headers]]
        rows.extend(map(list, zip(*data)))
        last = col_to_letters(len(cols) - 1)
        specs.append(SheetSpec(name=name, rows=rows, col_widths=widths, freeze="A2",
                               autofilter=f"A1:{last}{len(df) + 1}", print_title_rows=(0, 0),
                               landscape=True, fit_width=False))
    return specs


def write_register(reg: Register, path: str, lang: str = "id") -> None:
    from ..write.package import new_workbook

    new_workbook(path, register_sheets(reg, lang))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_safe(v: Any) -> Any:
    # A cell that Excel would read as a formula ("=HYPERLINK(…)", "-2+3", "@SUM") is text here.
    if isinstance(v, str) and v.startswith(_FORMULA_START):
        return "'" + v
    return v


def csv_name(table: str) -> str:
    return f"{table}.csv"


def write_csv(reg: Register, folder: str, lang: str = "id") -> list[str]:
    """One CSV per table, UTF-8 with BOM (so Excel reads the letters right); returns the paths."""
    pd = require_pandas()
    os.makedirs(folder, exist_ok=True)
    written = []
    for table, _name, _cols in TABLES:
        headers, data, _kinds = _display_columns(table, reg.tables[table], lang)
        frame = pd.DataFrame({h: [_csv_safe(v) for v in col] for h, col in zip(headers, data)},
                             columns=headers, dtype=object)
        path = os.path.join(folder, csv_name(table))
        tmp = path + ".tmp"
        frame.to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\r\n")
        os.replace(tmp, path)
        written.append(path)
    return written


def register_json(reg: Register) -> dict[str, Any]:
    """The register as plain JSON data: the summary and each table as a list of records."""
    def clean(v: Any) -> Any:
        if isinstance(v, float) and v != v:
            return None
        if hasattr(v, "item") and not isinstance(v, (list, dict, str)):
            return v.item()  # a numpy scalar
        return v

    tables = {}
    for table, _name, cols in TABLES:
        df = reg.tables[table]
        keys = [c[0] for c in cols]
        tables[table] = [dict(zip(keys, (clean(v) for v in row)))
                         for row in df[keys].itertuples(index=False, name=None)]
    return {"summary": dict(reg.summary), "tables": tables}
