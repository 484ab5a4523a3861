"""What ``merge --out`` may overwrite: only a register sopxl wrote, never one of the inputs.

A register is recognised by the custom document property sopxl writes into it
(``sopxl-rekap``; Excel keeps custom properties when the file is saved again), or, for a
register written before the property existed, by its six sheets and nothing else. Anything
else that exists at that path (an SOP workbook, a FIFO, a file of another program) is
refused unless ``--force``: a mistyped --out must never turn a Bagian's SOP into a register.
"""
from __future__ import annotations

import os
import re
import stat
from collections.abc import Sequence

from ..errors import SopxlError
from .discover import Source
from .tables import TABLES

MARKER = "sopxl-rekap"  # a custom document property: this workbook is a register sopxl wrote
_SHEETS = {name for _k, name, _c in TABLES}


def is_register(path: str) -> bool:
    """Whether the file at ``path`` is a register sopxl wrote (only small parts are read)."""
    from ..errors import WorkbookError
    from ..read.safezip import SafeZip

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False  # a FIFO or a device is never opened
        with SafeZip(path) as z:
            if z.has("docProps/custom.xml"):
                custom = z.read("docProps/custom.xml").decode("utf-8", "replace")
                if re.search(rf'<property\b[^>]*\bname="{MARKER}"', custom):
                    return True
            if not z.has("xl/workbook.xml"):
                return False
            book = z.read("xl/workbook.xml").decode("utf-8", "replace")
    except (OSError, WorkbookError):
        return False
    names = set(re.findall(r'<sheet\b[^>]*\bname="([^"]*)"', book))
    return names == _SHEETS


def _same_file(a: os.stat_result, path: str) -> bool:
    try:
        b = os.stat(path)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def check_output(out: str, sources: Sequence[Source], force: bool) -> list[Source]:
    """The sources to read: the register being written is never one of them. Raises when
    ``out`` is an input (by any name: a symlink, a hard link) or a file that is not a
    register, unless ``force``."""
    try:
        st = os.stat(out)
    except OSError:
        return list(sources)  # nothing there yet (or nothing reachable): the writer decides
    if stat.S_ISDIR(st.st_mode):
        return list(sources)  # the writer says it is a folder
    ours = is_register(out)
    inputs = [s for s in sources if _same_file(st, s.path)]
    if inputs and not ours and not force:
        raise SopxlError(f"Berkas keluaran --out adalah salah satu berkas masukan ({inputs[0].path}); "
                         "register tidak ditulis agar SOP itu tidak tertimpa. Pilih nama lain untuk "
                         "register, atau tambahkan --force bila memang ingin menimpanya.",
                         code="REKAP-TIMPA-MASUKAN", path=out,
                         message_en=f"The --out file is one of the input files ({inputs[0].path}); the "
                                    "register was not written so that SOP is not overwritten. Choose "
                                    "another name, or add --force to overwrite it anyway.")
    if not ours and not force:
        raise SopxlError("Berkas keluaran --out sudah ada dan bukan register buatan sopxl; berkas itu "
                         "tidak ditimpa. Pilih nama lain, atau tambahkan --force bila memang ingin "
                         "menimpanya.", code="REKAP-TIMPA", path=out,
                         message_en="The --out file already exists and is not a register written by "
                                    "sopxl; it was not overwritten. Choose another name, or add --force "
                                    "to overwrite it anyway.")
    return [s for s in sources if s not in inputs]
