"""zlib's deflate, done by Intel's ISA-L where python-isal is installed (the ``merge`` extra).

ISA-L reads and writes the same deflate and zlib formats, several times faster at the fastest
level. Three places use it: the reader inflating workbook parts (read/safezip.py), the
register's sheets deflated as they are packed (write/deflate.py) and the merge cache's
entries (merge/cache.py). Without python-isal, zlib does the same work.
"""
from __future__ import annotations

import zlib
from typing import Any

isal_zlib: Any  # the isal_zlib module, or None
try:
    from isal import isal_zlib
except ImportError:  # an optional speed-up
    isal_zlib = None

if isal_zlib is not None:
    decompressobj: Any = isal_zlib.decompressobj
    compress: Any = isal_zlib.compress
    INFLATE_ERRORS: tuple[Any, ...] = (zlib.error, isal_zlib.error)
else:
    decompressobj = zlib.decompressobj
    compress = zlib.compress
    INFLATE_ERRORS = (zlib.error,)
