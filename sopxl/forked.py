"""Work done in a forked child beside this process, its result sent back as plain data.

Where the system can fork (Linux, macOS), the child takes a copy of this process as it is,
runs the work and sends its result back through a pipe (marshal: plain data only, nothing is
pickled); this process goes on meanwhile. Whatever goes wrong in the child costs only time:
``Child.result`` then says so and the caller does the work itself. Used by write/ahead.py
(the biggest sheet of a register rendered beside the others) and merge/halves.py (half of
the Keterkaitan resolved beside the other half).
"""
from __future__ import annotations

import marshal
import os
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import Any

_FAILED = object()


def can_fork() -> bool:
    return hasattr(os, "fork")


def single_threaded() -> bool:
    """Whether this process runs one thread (a thread holding a lock at fork time, a pool's or
    a progress bar's, could leave the child stuck)."""
    try:
        return len(os.listdir("/proc/self/task")) == 1  # every thread, also those of C libraries
    except OSError:
        return threading.active_count() == 1


class Child:
    """A forked child running ``work()``; ``result`` waits for it, ``stop`` ends it unwaited."""

    def __init__(self, work: Callable[[], Any]):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: work, send, and leave without cleanup
            status = 1
            try:
                os.close(read_end)
                data = marshal.dumps(work())
                with os.fdopen(write_end, "wb") as out:
                    out.write(data)
                status = 0
            finally:
                os._exit(status)  # never the parent's exit handlers, buffers or open files
        os.close(write_end)
        self.pid = pid
        self.said = os.fdopen(read_end, "rb")

    def result(self) -> tuple[bool, Any]:
        """(True, what the work returned), or (False, None) when the child failed."""
        with self.said:
            data = self.said.read()
        _pid, status = os.waitpid(self.pid, 0)
        self.pid = 0
        value = _FAILED
        if status == 0 and data:
            with suppress(ValueError, EOFError, TypeError):
                value = marshal.loads(data)
        return (False, None) if value is _FAILED else (True, value)

    def stop(self) -> None:
        """End a child whose result is no longer wanted (the parent failed first)."""
        if not self.pid:
            return
        with suppress(OSError):
            self.said.close()
        with suppress(OSError):
            os.kill(self.pid, 9)
        with suppress(OSError):
            os.waitpid(self.pid, 0)
        self.pid = 0
