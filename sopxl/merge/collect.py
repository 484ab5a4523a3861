"""One batch, start to end: every source's summary from the cache or from a reader, into
a RegisterBuilder as it comes; the register's own up-to-date check.

The per-file step is ``summary.summary_text`` (path → JSON text); here it runs in this
process or in worker processes (``batch.iter_summaries``); the README shows the same
step mapped on Dask and reduced into the same register.
"""
from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Sequence
from contextlib import nullcontext, suppress
from typing import Any

from ..config import Config
from .bagian import BagianMap
from .batch import Readers
from .cache import Cache, file_digest
from .discover import Source
from .register import Register, RegisterBuilder

Progress = Callable[[int, int], None]


def stamp_all(sources: Sequence[Source], cache: Cache | None) -> dict[str, Any]:
    """Size, time and content hash of every source (None for one that cannot be read); none
    without a cache."""
    if cache is None:
        return {}
    return {src.path: file_digest(src.path) for src in sources}


def register_key(sources: Sequence[Source], stamps: dict[str, Any], cache: Cache | None, cfg: Config,
                 bmap: BagianMap | None) -> str | None:
    """A key of everything a register is made from (None without a cache, or when a source
    cannot be read): the same key next time means the same register."""
    if cache is None or any(stamps.get(s.path) is None for s in sources):
        return None
    h = hashlib.blake2b(digest_size=20)
    h.update(f"{cache.chash}\0{os.getcwd()}\0{cfg.lang}\0".encode("utf-8", "surrogateescape"))
    for s in sorted(sources, key=lambda s: s.sort_key):
        h.update(os.fsencode(s.path) + b"\0" + stamps[s.path][2].encode() + b"\0")
    if bmap is not None:
        h.update(repr(sorted(bmap.paths.items())).encode("utf-8", "surrogateescape"))
        h.update(repr(sorted(bmap.names.items())).encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def collect(sources: Sequence[Source], cfg: Config, bmap: BagianMap | None = None, *,
            cache: Cache | None = None, config_path: str | None = None, jobs: int = 1,
            progress: Progress | None = None, stamps: dict[str, Any] | None = None,
            readers: Readers | None = None) -> tuple[Register, str | None]:
    """The register of ``sources``, and its ``register_key`` (None without a cache).
    ``stamps``: the sources' ``stamp_all``, when the caller has them already; ``readers``:
    worker processes the caller started (else started here, ``jobs`` of them)."""
    builder = RegisterBuilder(cfg, bmap)
    todo: list[Source] = []
    before = None
    if stamps is None and cache is not None and cache.old is None:
        # Nothing to look up (a first merge, or the cache was set aside): each file is hashed
        # for the new cache just before it is handed to a reader, so the first files are
        # read while the others are hashed. (Hashed before reading, never after: a file
        # changed in between must not be stored under the new content's hash.)
        stamps = {}

        def before(path: str) -> None:
            stamps[path] = file_digest(path)  # type: ignore[index]

        todo = list(sources)
    else:
        if stamps is None:
            stamps = stamp_all(sources, cache)
        for src in sources:
            stamp = stamps.get(src.path)
            text = cache.get(src.path, stamp) if cache is not None and stamp is not None else None
            if text is not None:
                try:
                    builder.add(src, text)
                except ValueError:  # an entry that is no summary: read the file again
                    todo.append(src)
                    continue
                cache.put(src.path, stamp, text)  # type: ignore[union-attr, arg-type]
                continue
            todo.append(src)
    done_before = len(sources) - len(todo)  # shown as read already
    step = None
    if progress is not None:
        def step(done: int, _total: int) -> None:
            progress(done_before + done, len(sources))
        if not todo:
            step(0, 0)
    by_path = {s.path: s for s in todo}
    paths = [s.path for s in todo]
    reading = readers or Readers(cfg, config_path=config_path, jobs=min(jobs, len(paths)), warm=False)
    with nullcontext() if readers is not None else reading:  # the caller's readers are the caller's
        for path, text in reading.summaries(paths, step, before):
            builder.add(by_path[path], text)
            if cache is not None and stamps.get(path) is not None:
                cache.put(path, stamps[path], text)
        reading.close()
    return builder.finish(), register_key(sources, stamps, cache, cfg, bmap)


def register_fingerprint(path: str) -> str | None:
    """Size, time and content hash of a written register, as one text (None: not there)."""
    from ..write.replace import fingerprint

    with suppress(OSError):
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None  # never open a FIFO or a device to hash it
        fp = fingerprint(path)
        if fp is not None:
            return f"{fp.size}:{fp.mtime_ns}:{fp.sha256}"
    return None
