"""Pure work shared with one forked child: the first half here, the second half there.

Resolving a national register's Keterkaitan is the one step after reading that holds a single
core while the other idles (the workers are gone, the register is not being written yet).
Where the system can fork, a child takes a copy of this process as it is, does the second
half and sends back its results (plain data, marshal); this process does the first half
meanwhile. Whatever goes wrong in the child costs only time: this process then does the
second half itself, so the result is the same either way.

A fork is only made while this process runs a single thread: a thread holding a lock at fork
time (a pool's, a progress bar's) could leave the child stuck.
"""
from __future__ import annotations

import marshal
import os
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import Any

# Below this many items the fork costs more than the half it saves.
HALVES_MIN_ITEMS = 2000


def _single_threaded() -> bool:
    try:
        return len(os.listdir("/proc/self/task")) == 1  # every thread, also those of C libraries
    except OSError:
        return threading.active_count() == 1


def in_halves(n: int, work: Callable[[int, int], Any], *, min_items: int | None = None) -> list[Any]:
    """``[work(0, mid), work(mid, n)]``, the second in a forked child where that is possible
    and worth it. ``work`` must be a pure function of its range whose result marshal can carry."""
    mid = n // 2
    least = HALVES_MIN_ITEMS if min_items is None else min_items
    if n < least or not hasattr(os, "fork") or not _single_threaded():
        return [work(0, mid), work(mid, n)]
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: work, send, and leave without cleanup
        status = 1
        try:
            os.close(read_end)
            data = marshal.dumps(work(mid, n))
            with os.fdopen(write_end, "wb") as out:
                out.write(data)
            status = 0
        finally:
            os._exit(status)  # never the parent's exit handlers, buffers or open files
    os.close(write_end)
    with os.fdopen(read_end, "rb") as said:
        try:
            first = work(0, mid)
            data = said.read()
            _pid, status = os.waitpid(pid, 0)
            pid = 0
        finally:
            if pid:  # this half failed (or Ctrl+C): stop the child
                with suppress(OSError):
                    os.kill(pid, 9)
                with suppress(OSError):
                    os.waitpid(pid, 0)
    second = None
    if status == 0 and data:
        with suppress(ValueError, EOFError, TypeError):
            second = marshal.loads(data)
    if second is None:
        second = work(mid, n)
    return [first, second]
