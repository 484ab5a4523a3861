"""The zip container: the entries of the new package, in order, and writing them out.

Every part that is not changed is copied byte for byte, with its own date and
compression; the parts sopxl generates carry a fixed date, so the same input gives
the same bytes. ``[Content_Types].xml`` stays the first entry::

    [Content_Types].xml
    _rels/.rels
    docProps/…            copied
    xl/workbook.xml       changed when sheets are added
    xl/…                  copied, changed, or new
"""
from __future__ import annotations

import zipfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import IO

from lxml import etree

from ..read.safezip import SafeZip
from .contenttypes import CONTENT_TYPES
from .styles import XML_DECL

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # generated parts carry no clock time: same input, same bytes


@dataclass
class Entry:
    info: zipfile.ZipInfo
    data: bytes
    level: int | None = None  # zlib level; None is zipfile's default (6)


def new_info(name: str, like: zipfile.ZipInfo | None = None) -> zipfile.ZipInfo:
    """The zip header of an entry: a copy of ``like``'s date and compression, or a fresh one."""
    info = zipfile.ZipInfo(name, like.date_time if like is not None else FIXED_TIME)
    stored = like is not None and like.compress_type == zipfile.ZIP_STORED
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    if like is not None:
        info.external_attr = like.external_attr
        info.create_system = like.create_system
    return info


def xml_bytes(root: etree._Element) -> bytes:
    """A part's bytes, with the declaration Excel writes."""
    return XML_DECL + etree.tostring(root, encoding="UTF-8")


def edited_entries(z: SafeZip, changed: dict[str, bytes], removed: set[str]) -> list[Entry]:
    """The entries of ``z`` with ``changed`` parts replaced or added and ``removed`` left out."""
    out: list[Entry] = []
    seen: set[str] = set()
    # [Content_Types].xml first: some readers look for it at the start of the zip.
    infos = sorted(z.zf.infolist(), key=lambda i: i.filename != CONTENT_TYPES)
    for info in infos:
        name = info.filename
        if name in seen or name in removed:
            continue
        seen.add(name)
        data = changed[name] if name in changed else z.read(name)
        out.append(Entry(new_info(name, info), data))
    for name in changed:
        if name not in seen:
            seen.add(name)
            out.append(Entry(new_info(name), changed[name]))
    return out


def write_zip(fh: IO[bytes], entries: list[Entry]) -> None:
    with zipfile.ZipFile(fh, "w", allowZip64=True) as zf:
        for entry in entries:
            zf.writestr(entry.info, entry.data, compresslevel=entry.level)


def zip_holds(path: str, names: list[str]) -> bool:
    """Whether the zip at ``path`` reopens, every entry's checksum holds, and it lists ``names``.

    The biggest entry (a register's Temuan) is inflated in a second thread while this one
    checks the others: zlib lets go of the interpreter lock, so the check takes about half
    the time on a second core."""
    try:
        with zipfile.ZipFile(path) as check:
            if check.namelist() != names:
                return False
            infos = check.infolist()
        if not infos:
            return True
        big = max(infos, key=lambda i: i.file_size)
        rest = [i.filename for i in infos if i is not big]
        if big.file_size < _CHECK_APART:
            return _entries_hold(path, rest + [big.filename])
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sopxl-check") as apart:
            biggest = apart.submit(_entries_hold, path, [big.filename])
            return _entries_hold(path, rest) & biggest.result()
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, zlib.error):
        return False


# Below this the second thread costs more than it saves.
_CHECK_APART = 4 << 20


def _entries_hold(path: str, names: list[str]) -> bool:
    """Every entry named inflates to its checksum (zipfile checks it at each entry's end)."""
    try:
        with zipfile.ZipFile(path) as z:
            for name in names:
                with z.open(name) as part:
                    while part.read(1 << 18):
                        pass
        return True
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, zlib.error):
        return False
