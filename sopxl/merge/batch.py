"""Reading a batch: the per-file summaries, in process pools or in this process.

Summaries come back as JSON text in the order the files finish (``iter_summaries``), so the
register can take each one as it comes and nothing waits for the slowest file to be held.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence

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


def read_all(sources: Sequence[Source], cfg: Config, *, config_path: str | None = None,
             jobs: int = 1, progress: Progress | None = None) -> list[FileSummary]:
    """Summaries of every source, in the order given, whatever ``jobs`` is."""
    got = dict(iter_summaries([s.path for s in sources], cfg, config_path=config_path, jobs=jobs,
                              progress=progress))
    return [from_json(got[s.path]) for s in sources]


def iter_summaries(paths: Sequence[str], cfg: Config, *, config_path: str | None = None,
                   jobs: int = 1, progress: Progress | None = None) -> Iterator[tuple[str, str]]:
    """(path, summary as JSON text) of every path, in the order they are done."""
    total = len(paths)
    jobs = max(1, min(jobs, total))
    if jobs == 1:
        for i, p in enumerate(paths, 1):
            yield p, to_json(summarize(p, cfg))
            if progress:
                progress(i, total)
        return
    yield from _pooled(list(paths), cfg, config_path, jobs, progress)


def _pooled(paths: list[str], cfg: Config, config_path: str | None, jobs: int,
            progress: Progress | None) -> Iterator[tuple[str, str]]:
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    init = (os.path.abspath(config_path) if config_path else None, cfg.final, cfg.lang)
    done = 0
    total = len(paths)
    failed: list[str] = []
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=init_worker,
                             initargs=init) as pool:
        futures = {pool.submit(summarize_batch, [(p, os.path.abspath(p)) for p in chunk]): chunk
                   for chunk in _chunks(paths, jobs)}
        try:
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
        except BaseException:  # Ctrl+C, or the consumer stopped: do not wait for queued files
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    if failed:
        yield from _one_by_one(sorted(failed), init)


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
