"""Deflating a big streamed part with ISA-L where it is installed.

A national register's Temuan sheet is hundreds of megabytes of XML, and deflating it is the
one step of writing the register that nothing else can overlap (it is the last part, packed
once the child process has rendered it). Intel's ISA-L (``python-isal``, in the ``merge``
extra) writes the same deflate format four to five times faster than zlib at the fastest
level, and a little smaller. zipfile has no way to be given another compressor, so the one it
made for the entry being written is replaced before the first byte goes in; it keeps
computing the checksum and sizes itself. Without python-isal (``sopxl/zlibs.py``), or with a
zipfile that does not look as expected, zlib does the work as before: the archive reads the
same either way, and every written workbook is checked before it replaces anything
(``packing.zip_holds``).
"""
from __future__ import annotations

import zlib
from typing import Any

from ..zlibs import isal_zlib

_ZLIB_COMPRESSOR = type(zlib.compressobj(1, zlib.DEFLATED, -15))


def faster(entry: Any) -> bool:
    """Give ``entry`` (what ``ZipFile.open(name, "w")`` returned, nothing written yet) an
    ISA-L compressor at its fastest level; whether it got one."""
    if isal_zlib is None or not isinstance(getattr(entry, "_compressor", None), _ZLIB_COMPRESSOR) \
            or getattr(entry, "_file_size", None) != 0:
        return False
    entry._compressor = isal_zlib.compressobj(1, zlib.DEFLATED, -15)
    return True
