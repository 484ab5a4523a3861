"""Process-wide settings of a batch run: the garbage collector, and pandas loaded early."""
from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager

from .tables import require_pandas


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


