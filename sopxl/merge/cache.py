"""The re-merge cache: a file's summary kept beside the register, reused while the file is
unchanged.

A coordinator re-runs the merge every week when a few Bagian send corrections; reading
every workbook again is most of a run's time. The cache is one sqlite file::

    meta   (key, value)   format, sopxl version, configuration hash
    files  (path, size, mtime_ns, digest, summary)   the summary's JSON text (summary.py),
                                                      deflated: a sixth of its size

A file's entry is used only when its size and content hash (BLAKE2b of its bytes) are the
ones stored: a changed file is always read again, even one whose time stamp was kept. The
cache is never trusted: a file that is not sqlite, a table of another shape, another
format, sopxl version or configuration, or an entry that is not a summary, is ignored (the
file is then read). Nothing in it is ever executed or unpickled, only parsed as JSON.

A run writes a fresh cache of the files it saw, under a temporary name beside the old one,
and moves it into place at the end; a cache that cannot be written costs a warning, never
the merge.
"""
from __future__ import annotations

import hashlib
import os
import secrets
import sqlite3
import zlib
from collections.abc import Callable
from contextlib import suppress
from importlib import resources

from .. import __version__, zlibs
from ..config import Config
from .discover import RealPaths
from .summary import FORMAT

# Entries are deflated by ISA-L where it is installed (``sopxl/zlibs.py``): the same zlib
# format as zlib's fastest level, as small, in about a third of the time (every summary of a
# first merge is deflated in the one process that builds the register). They are always
# inflated by zlib.
_deflate: Callable[[bytes, int], bytes] = zlibs.compress

CACHE_FORMAT = f"sopxl-merge-cache/2+summary/{FORMAT}"
# A summary is a few kilobytes of JSON; a stored one that inflates past this is no summary
# (a hostile or damaged cache is never inflated without bound).
MAX_SUMMARY_BYTES = 64 << 20


def cache_path(out: str | None, csv_folder: str | None) -> str | None:
    """Beside the register (a hidden file, so a later walk never takes it for a workbook);
    else in the CSV folder; with only --json, no cache unless --cache names one."""
    if out:
        folder, name = os.path.split(os.path.abspath(out))
        return os.path.join(folder, f".{name}.sopxl-cache")
    if csv_folder:
        return os.path.join(os.path.abspath(csv_folder), ".sopxl-cache")
    return None


def config_hash(cfg: Config, config_path: str | None) -> str:
    """What a summary depends on besides the file: sopxl's version, the configuration file,
    the run's language and strictness, and sopxl's own data (vocabularies, messages)."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{__version__}\0{cfg.lang}\0{cfg.final}\0".encode())
    if config_path:
        with suppress(OSError):
            with open(config_path, "rb") as fh:
                h.update(fh.read())
    data = resources.files("sopxl") / "data"
    for entry in sorted(_files(data), key=lambda e: e[0]):
        h.update(entry[0].encode() + b"\0" + entry[1])
    return h.hexdigest()


def _files(folder, prefix: str = "") -> list[tuple[str, bytes]]:
    out = []
    for e in folder.iterdir():
        if e.is_dir():
            out.extend(_files(e, prefix + e.name + "/"))
        elif e.name.endswith(".json"):
            out.append((prefix + e.name, e.read_bytes()))
    return out


def file_digest(path: str) -> tuple[int, int, str] | None:
    """(size, mtime_ns, content hash) of a regular file; None when it cannot be read (a FIFO
    or a device is never read here: the reader's own check opens it without waiting)."""
    from ..errors import WorkbookError
    from ..read.source import open_input

    try:
        with open_input(path) as fh:
            st = os.fstat(fh.fileno())
            h = hashlib.blake2b(digest_size=20)
            while chunk := fh.read(1 << 20):
                h.update(chunk)
        return st.st_size, st.st_mtime_ns, h.hexdigest()
    except (OSError, WorkbookError):
        return None


def _inflate(data: bytes) -> str | None:
    try:
        d = zlib.decompressobj()
        raw = d.decompress(data, MAX_SUMMARY_BYTES)
        if d.unconsumed_tail or not d.eof or d.unused_data:  # (nothing after the stream either)
            return None
        return raw.decode("utf-8")
    except (zlib.error, UnicodeDecodeError):
        return None


class Cache:
    """Old entries (read-only) and this run's entries, written as they come into a new
    database under a temporary name (memory stays flat), put in place by ``commit``."""

    def __init__(self, path: str, chash: str):
        self.path = path
        self.chash = chash
        self.old_meta: dict[str, str] = {}
        self.old: sqlite3.Connection | None = self._open_old()
        self.meta: dict[str, str] = {}  # more to keep: what the register was made from
        self.hits = 0
        self.problem: str | None = None  # why the new cache is not being written
        self.tmp: str | None = None
        self.new: sqlite3.Connection | None = None
        self.pending: list[tuple[bytes, int, int, str, bytes]] = []
        self.real_path = RealPaths()  # a batch's files share a few folders
        # The entry ``get`` returned last, as stored: kept into the new cache by ``put`` as it
        # is, not deflated again (the weekly re-run takes nearly every summary from here).
        self.last: tuple[str, str, bytes, bytes] | None = None  # path, text, key, deflated

    def _key(self, path: str) -> bytes:
        # The real path as bytes: any name the OS allows (also one that is not UTF-8) is a key.
        return os.fsencode(self.real_path(path))

    def _open_old(self) -> sqlite3.Connection | None:
        if not os.path.isfile(self.path):
            return None
        try:
            con = sqlite3.connect(f"file:{_uri(self.path)}?mode=ro", uri=True)
            meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("format") != CACHE_FORMAT or meta.get("config") != self.chash:
                con.close()
                return None
            con.execute("SELECT path, size, mtime_ns, digest, summary FROM files LIMIT 1").fetchall()
            self.old_meta = {str(k): str(v) for k, v in meta.items()}
            return con
        except (sqlite3.Error, ValueError, TypeError):
            return None  # not sqlite, another layout, or damaged: read every file

    def get(self, path: str, stamp: tuple[int, int, str]) -> str | None:
        """The summary (JSON text) stored for this file with this content, or None."""
        self.last = None
        if self.old is None:
            return None
        key = self._key(path)
        try:
            row = self.old.execute("SELECT size, digest, summary FROM files WHERE path = ?",
                                   (key,)).fetchone()
        except sqlite3.Error:
            return None
        if row is None or row[0] != stamp[0] or row[1] != stamp[2] or not isinstance(row[2], bytes):
            return None
        text = _inflate(row[2])
        if text is None:
            return None
        self.hits += 1
        self.last = (path, text, key, row[2])
        return text

    def put(self, path: str, stamp: tuple[int, int, str], summary: str) -> None:
        if self.problem is not None:
            return
        last, self.last = self.last, None
        if last is not None and last[1] is summary and last[0] == path:
            key, deflated = last[2], last[3]  # the entry just read, kept as it was
        else:
            # The fastest level: most of the size goes all the same (the texts repeat), and a
            # national cache stays a few hundred megabytes instead of gigabytes.
            key, deflated = self._key(path), _deflate(summary.encode("utf-8"), 1)
        self.pending.append((key, stamp[0], stamp[1], stamp[2], deflated))
        if len(self.pending) >= 64:
            self._flush()

    def _flush(self) -> None:
        try:
            if self.new is None:
                from ..write.lock import HOST
                from ..write.replace import TEMP_PREFIX

                folder = os.path.dirname(self.path) or "."
                name = f"{TEMP_PREFIX}{HOST}-{os.getpid()}-{secrets.token_hex(6)}.tmp"
                self.tmp = os.path.join(folder, name)
                self.new = sqlite3.connect(os.fsencode(self.tmp))
                # Written once, in order: sqlite's page cache (2 MB by default) would only grow
                # with the number of files, never be read from.
                self.new.execute("PRAGMA cache_size = -256")
                self.new.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
                self.new.execute("CREATE TABLE files (path BLOB PRIMARY KEY, size INTEGER, "
                                 "mtime_ns INTEGER, digest TEXT, summary BLOB)")
            self.new.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)", self.pending)
        except (OSError, sqlite3.Error) as exc:
            self.problem = str(exc) or type(exc).__name__
            self.discard()
        self.pending.clear()

    def commit(self) -> str | None:
        """Put this run's cache in place; a reason (text) when it could not be written."""
        if self.old is not None:
            self.old.close()
            self.old = None
        self._flush()
        if self.problem is not None or self.new is None or self.tmp is None:
            return self.problem
        try:
            meta = {**self.meta, "format": CACHE_FORMAT, "config": self.chash, "sopxl": __version__}
            self.new.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
            self.new.commit()
            self.new.close()
            self.new = None
            os.replace(self.tmp, self.path)
            self.tmp = None
            return None
        except (OSError, sqlite3.Error) as exc:
            self.discard()
            return str(exc) or type(exc).__name__

    def keep(self) -> None:
        """Leave the cache as it is (nothing was read: the old cache is this run's cache)."""
        if self.old is not None:
            self.old.close()
            self.old = None

    def discard(self) -> None:
        """Drop the new cache (the merge failed, or the cache cannot be written)."""
        if self.new is not None:
            with suppress(sqlite3.Error):
                self.new.close()
            self.new = None
        if self.tmp is not None:
            with suppress(OSError):
                os.unlink(self.tmp)
            self.tmp = None
        if self.old is not None:
            self.old.close()
            self.old = None


def _uri(path: str) -> str:
    from urllib.parse import quote

    return quote(os.fsencode(os.path.abspath(path)).replace(os.sep.encode(), b"/"), safe="/:")

