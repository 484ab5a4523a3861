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

from collections.abc import Callable
from typing import Any

from ..forked import Child, can_fork, single_threaded

# Below this many items the fork costs more than the half it saves.
HALVES_MIN_ITEMS = 2000


def in_halves(n: int, work: Callable[[int, int], Any], *, min_items: int | None = None) -> list[Any]:
    """``[work(0, mid), work(mid, n)]``, the second in a forked child where that is possible
    and worth it. ``work`` must be a pure function of its range whose result marshal can carry."""
    mid = n // 2
    least = HALVES_MIN_ITEMS if min_items is None else min_items
    if n < least or not can_fork() or not single_threaded():
        return [work(0, mid), work(mid, n)]
    child = Child(lambda: work(mid, n))
    try:
        first = work(0, mid)
    except BaseException:
        child.stop()  # this half failed (or Ctrl+C): the child is not waited for
        raise
    ok, second = child.result()
    return [first, second if ok else work(mid, n)]
