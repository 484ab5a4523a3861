"""Reading a batch: the per-file summaries, in process pools or in this process.

Summaries come back as JSON text in the order the files finish (``iter_summaries``), so the
register can take each one as it comes and nothing waits for the slowest file to be held.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ..config import Config
from .discover import Source
from .summary import FileSummary, _failed, from_json, init_worker, summarize, summarize_batch, to_json

Progress = Callable[[int, int], None]


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
        ctx.set_forkserver_preload(["sopxl.merge.summary", "sopxl.validate", "sopxl.read.xlsx",
                                    "sopxl.schema"])
        return ctx
    return mp.get_context("spawn")


def start_forkserver() -> None:
    """Start the fork server now, where there is one: it loads sopxl (a tenth of a second or
    more) while the caller finds and hashes the files, so the workers start sooner. Nothing
    is waited for; a server that cannot start now is started by the pool later."""
    try:
        if _context().get_start_method() == "forkserver":
            from multiprocessing import forkserver

            forkserver.ensure_running()
    except (OSError, ValueError, RuntimeError):
        pass


def read_all(sources: Sequence[Source], cfg: Config, *, config_path: str | None = None,
             jobs: int = 1, progress: Progress | None = None) -> list[FileSummary]:
    """Summaries of every source, in the order given, whatever ``jobs`` is."""
    got = dict(iter_summaries([s.path for s in sources], cfg, config_path=config_path, jobs=jobs,
                              progress=progress))
    return [from_json(got[s.path]) for s in sources]


def iter_summaries(paths: Sequence[str], cfg: Config, *, config_path: str | None = None,
                   jobs: int = 1, progress: Progress | None = None) -> Iterator[tuple[str, str]]:
    """(path, summary as JSON text) of every path, in the order they are done."""
    with Readers(cfg, config_path=config_path, jobs=min(jobs, len(paths)), warm=False) as readers:
        yield from readers.summaries(paths, progress)


def _ready() -> None:
    """A task that does nothing: submitted to start a worker."""


class Readers:
    """The worker processes of one batch (none for ``jobs`` 1).

    ``warm``: start them now, so that they load sopxl while the caller does other work (the
    merge hashes every file for its cache meanwhile); they otherwise start with the first
    file handed to them.
    """

    def __init__(self, cfg: Config, *, config_path: str | None = None, jobs: int = 1, warm: bool = True):
        self.cfg = cfg
        self.init = (os.path.abspath(config_path) if config_path else None, cfg.final, cfg.lang)
        self.jobs = max(1, jobs)
        self.warm = warm
        self.pool: Any = None
        self.starter: threading.Thread | None = None

    def _new_pool(self) -> Any:
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(max_workers=self.jobs, mp_context=_context(), initializer=init_worker,
                                   initargs=self.init)

    def _start(self) -> Any:
        self._started()
        if self.pool is None:
            self.pool = self._new_pool()
        return self.pool

    def _warm(self) -> None:
        try:
            pool = self._new_pool()
            for _ in range(self.jobs):
                pool.submit(_ready)
        except BaseException:  # noqa: BLE001 - the pool is then started when the files are handed out
            return
        self.pool = pool

    def _started(self) -> None:
        if self.starter is not None:
            self.starter.join()
            self.starter = None

    def __enter__(self) -> Readers:
        if self.jobs > 1 and self.warm:
            # Handing a worker to a new pool waits until the fork server has loaded sopxl
            # (a tenth of a second or more): a thread waits for that while the caller goes on
            # (the merge hashes every file meanwhile).
            self.starter = threading.Thread(target=self._warm, name="sopxl-readers", daemon=True)
            self.starter.start()
        return self

    def __exit__(self, kind: Any, *_exc: Any) -> None:
        self._started()
        if self.pool is not None:
            # Ctrl+C, or the consumer stopped: do not wait for queued files.
            self.pool.shutdown(wait=kind is None, cancel_futures=kind is not None)
            self.pool = None

    def close(self) -> None:
        """Let the workers go once every file is read (their memory, and a process that
        forks after this runs one thread again)."""
        self._started()
        if self.pool is not None:
            self.pool.shutdown(wait=True)
            self.pool = None

    def summaries(self, paths: Sequence[str], progress: Progress | None = None,
                  before: Callable[[str], None] | None = None) -> Iterator[tuple[str, str]]:
        """(path, summary as JSON text) of every path, in the order they are done.
        ``before(path)`` is called just before a path is handed to a reader (the merge
        hashes each file then: the first ones are read while the others are hashed)."""
        total = len(paths)
        if self.jobs == 1 or total <= 1:
            for i, p in enumerate(paths, 1):
                if before is not None:
                    before(p)
                yield p, to_json(summarize(p, self.cfg))
                if progress:
                    progress(i, total)
            return
        yield from self._pooled(list(paths), progress, before)

    def _pooled(self, paths: list[str], progress: Progress | None,
                before: Callable[[str], None] | None = None) -> Iterator[tuple[str, str]]:
        from concurrent.futures import as_completed
        from concurrent.futures.process import BrokenProcessPool

        done = 0
        total = len(paths)
        failed: list[str] = []
        pool = self._start()
        futures = {}
        for chunk in _chunks(paths, self.jobs):
            if before is not None:
                for p in chunk:
                    before(p)
            futures[pool.submit(summarize_batch, [(p, os.path.abspath(p)) for p in chunk])] = chunk
        for fut in as_completed(futures):
            chunk = futures.pop(fut)
            try:
                got = fut.result()
            except BrokenProcessPool:
                failed.extend(chunk)  # some file killed its worker; find it below
                got = []
            yield from got
            done += len(chunk)
            if progress:
                progress(done, total)
        if failed and done == len(failed) and not _workers_start(self.init):
            # Not one worker ever ran (a script without the ``if __name__ == "__main__"``
            # guard that spawned workers need, a frozen program): a pool per file would fail
            # the same way for every file. They are read in this process instead.
            for p in sorted(failed):
                yield p, to_json(summarize(p, self.cfg))
        elif failed:
            yield from _one_by_one(sorted(failed), self.init)


def _workers_start(init: tuple) -> bool:
    """Whether a worker process can start and run a task at all."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=_context(), initializer=init_worker,
                                 initargs=init) as pool:
            pool.submit(_ready).result()
        return True
    except BrokenProcessPool:
        return False


def _one_by_one(paths: list[str], init: tuple) -> Iterator[tuple[str, str]]:
    """Files whose pool broke (a worker died: out of memory, a crash in a C library), read
    each in a pool of its own so the culprit is known and the others still get read."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    lang = init[2]
    for p in paths:
        try:
            with ProcessPoolExecutor(max_workers=1, mp_context=_context(), initializer=init_worker,
                                     initargs=init) as pool:
                yield pool.submit(summarize_batch, [(p, os.path.abspath(p))]).result()[0]
        except BrokenProcessPool as exc:
            yield p, to_json(_failed(p, exc, lang))
