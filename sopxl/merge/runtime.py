"""Process-wide settings of a batch run: the garbage collector, and the optional libraries."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import SopxlError


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a batch is read, merged and written.

    A batch keeps objects that live to its end (each SOP's place in the register, the
    name index): the collector would walk them again and again, looking for garbage among
    objects that are not garbage. Reference counting still frees the rest.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def check_dependencies() -> None:
    """Say at once when the merge's library is missing (the message names the extra), before
    minutes of reading."""
    import importlib.util

    try:
        found = importlib.util.find_spec("rapidfuzz") is not None
    except (ImportError, ValueError):  # a broken or blocked installation
        found = False
    if not found:
        raise SopxlError("Perintah merge memerlukan rapidfuzz. Pasang dengan: pip install \"sopxl[merge]\"",
                         code="PUSTAKA-REKAP",
                         message_en='The merge command needs rapidfuzz. Install it with: '
                                    'pip install "sopxl[merge]"')
